"""bench/stages.py: how a miss at 1 is put down to one pipeline stage (no index needed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "stages.py"


def _stages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_stages", _PATH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_stages"] = mod
    spec.loader.exec_module(mod)
    return mod


stages = _stages()


def row(**kw: object) -> object:
    r = stages.Row("h1", "x", "speaker", "q?")
    for k, v in kw.items():
        setattr(r, k, v)
    return r


def test_gold_outside_the_candidates_is_the_pool() -> None:
    assert stages.classify(row(fused_rank=None, dense_rank=194), lambda: "read wrong")[0] == "pool"


def test_ranked_first_and_declined_is_abstention_whatever_the_reading() -> None:
    got = stages.classify(row(fused_rank=3, final_rank=1, declined=True), lambda: "read wrong")
    assert got == ("abstention", "ranked first, declined")
    assert stages.classify(row(fused_rank=3, final_rank=1), lambda: "")[0] == "conversation"


def test_reading_comes_before_ranking() -> None:
    assert stages.classify(row(fused_rank=2, final_rank=3), lambda: "asked speaker wrong") == (
        "reading",
        "asked speaker wrong",
    )
    stage, why = stages.classify(row(fused_rank=2, final_rank=7, bm25_rank=None), lambda: "")
    assert stage == "ranking" and "4+" in why and "BM25 0" in why


def test_blind_sets_are_refused_and_score_py_normalises() -> None:
    for blind in ("h21", "nh20"):
        with pytest.raises(SystemExit):
            stages.gold_file(blind)
    assert stages.norm("\u201cSo  much\u201d \u2014 Carnage") == '"so much" - carnage'
    assert stages._rank_of([5, 3, 9], {9, 3}) == 2
