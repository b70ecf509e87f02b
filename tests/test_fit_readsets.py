"""bench/fit_readsets.py: groups of J, per-group figures and the adoption rule of the
leave-one-set-out fit (on hand-made positions; the real fit needs the indexes)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("fit_readsets", ROOT / "bench" / "fit_readsets.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fit_readsets"] = mod
    spec.loader.exec_module(mod)
    return mod


fr = _load()


def test_read_sets_are_the_open_ones_and_pool_by_kind() -> None:
    assert fr.group_of("h3") == "article pool"
    assert fr.group_of("nh8") == "news pool"
    assert fr.group_of("news-dev") == "news-dev"
    opened = {p.name for p in [*fr.ARTICLE_SETS.values(), *fr.NEWS_SETS.values()]}
    assert {"article_heldout20.jsonl", "news_heldout19.jsonl"} <= opened  # opened in round 34
    for blind in (
        "article_heldout21.jsonl",
        "news_heldout20.jsonl",
    ):
        assert blind not in opened
    assert len(fr.GROUPS) == 7


def test_figures_are_per_group_over_the_mask() -> None:
    sets = np.array(["h1", "h2", "nh1", "news-dev"])
    gr = fr.Groups(sets, np.array([fr.group_of(s) for s in sets]))
    first = np.array([0, 3, 99, 0])
    fig = fr.figures(gr, first, np.array([True, True, True, False]))
    assert fig == {"article pool": (0.5, 1.0), "news pool": (0.0, 0.0)}


def _loso(base: list[int], held: list[int]) -> object:
    return fr.Loso(None, {}, np.array(held), np.array(base), None, np.array(base))


def test_adopted_only_when_one_pool_gains_and_the_other_holds() -> None:
    sets = np.array(["h1", "h2", "nh1", "nh2"])
    gr = fr.Groups(sets, np.array([fr.group_of(s) for s in sets]))
    assert fr.Loso.adopted(_loso([1, 0, 0, 0], [0, 0, 0, 0]), gr)
    assert not fr.Loso.adopted(_loso([1, 0, 0, 0], [0, 0, 1, 0]), gr)
    assert not fr.Loso.adopted(_loso([0, 0, 0, 0], [0, 0, 0, 0]), gr)
