"""bench/rank28.py: qa.rank.combine's score split into terms that add up to it, on an article of our own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hashindex import hash_engine

from qa import rank

_PATH = Path(__file__).resolve().parent.parent / "bench" / "rank28.py"

FERRY = """Ferry fares split Lorvik council

Councillor Mara Benn told the council on Tuesday that the island ferry fares must fall before winter.

"Nobody on this island should pay twice for the same crossing," Benn said.

The harbour master, Olaf Strand, said the new pier would open in March.

Fares rose by a fifth last year after the operator lost its subsidy.
"""


def _rank28() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_rank28", _PATH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_rank28"] = mod
    spec.loader.exec_module(mod)
    return mod


rank28 = _rank28()


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The article above, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "ferry", FERRY)


@pytest.mark.parametrize(
    "question",
    [
        "What did Mara Benn say about the ferry fares?",
        "When will the new pier open?",
        "How much did fares rise last year?",
    ],
)
def test_the_terms_add_up_to_the_score(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, question)
    assert f is not None
    t = rank28.all_terms(f, rank.WEIGHTS)
    assert np.allclose(sum(t.values()), rank.combine(f, rank.WEIGHTS))
    # each term is one weight's contribution: with that weight at 0 its term is 0 everywhere
    import dataclasses

    no_dense = rank28.all_terms(f, dataclasses.replace(rank.WEIGHTS, dense=0.0))
    assert not no_dense["dense"].any()


def test_a_speaker_question_sees_the_asked_speakers_passages(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Mara Benn say about the ferry fares?")
    assert f is not None
    wanted = [s.name for s in engine.speakers_index if "Benn" in s.name]
    if not wanted:
        pytest.skip("the analyser lists no entry for the councillor")
    rels = {rank28.relation(engine, pid, wanted) for pid in f.pids}
    assert rels & {"asked-direct", "asked-reported"}
    assert rank28.relation(engine, f.pids[0], []) in {"other-speaker", "unattributed"}
