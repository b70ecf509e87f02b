"""bench/quality.override, the --off/--set of the measuring scripts: a name the module lacks stops
the run instead of setting an attribute nothing reads."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", REPO / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_override_sets_and_refuses_unknown_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa import not_mentioned, speaker_topic

    quality = _quality()
    monkeypatch.setattr(speaker_topic, "NEAR_NAMES", speaker_topic.NEAR_NAMES)
    monkeypatch.setattr(not_mentioned, "NO_TERM_DENSE", not_mentioned.NO_TERM_DENSE)
    quality.override(["qa.speaker_topic.NEAR_NAMES"], ["qa.not_mentioned.NO_TERM_DENSE=0.25"])
    assert speaker_topic.NEAR_NAMES is False
    assert not_mentioned.NO_TERM_DENSE == 0.25
    with pytest.raises(SystemExit, match="qa.rank has no NEAR_NAMES"):
        quality.override(["qa.rank.NEAR_NAMES"], [])
    with pytest.raises(SystemExit, match="has no NO_SUCH"):
        quality.override([], ["qa.not_mentioned.NO_SUCH=1"])
