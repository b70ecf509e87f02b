"""bench/attribution_candidates.py: the candidate speakers and error places, on items written here."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(
        "attribution_candidates", ROOT / "bench" / "attribution_candidates.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _surname(name: str | None) -> str:
    """The scorer's rule in short: the last capitalised word, lower-cased."""
    words = [w for w in re.findall(r"[A-Za-z]+", name or "") if w[0].isupper()]
    return words[-1].lower() if words else ""


def _item(start: int, speaker: str | None, mention: bool) -> dict[str, Any]:
    return {
        "start": start,
        "end": start + 10,
        "speaker": speaker,
        "direct": True,
        "mention": {"start": start - 8, "end": start - 2} if mention else None,
    }


def test_candidates_read_the_explicit_speakers_around_an_item() -> None:
    mod = _module()
    items = [
        _item(10, "Ada Lovell", True),
        _item(40, "Ben Ortiz", True),
        _item(70, "Ada Lovell", True),
        _item(100, "Ben Ortiz", False),  # a guess with no source of its own
        _item(130, "Cy Park", True),
    ]
    cand = mod.candidates(items, 3, _surname)
    assert cand == {"ours": "ortiz", "prev": "lovell", "next": "park", "top": "lovell"}


def test_candidates_of_a_document_without_explicit_speakers_are_empty() -> None:
    mod = _module()
    cand = mod.candidates([_item(10, None, False)], 0, _surname)
    assert cand == {"ours": "", "prev": "", "next": "", "top": ""}


def test_error_place_tells_nested_from_other_and_same_sources() -> None:
    mod = _module()
    gold = {"source": [0, 5], "content": [[20, 80]]}
    guessed = {"mention": None}
    same = {"mention": {"start": 2, "end": 5}}
    nested = {"mention": {"start": 30, "end": 36}}  # the inner source inside the gold's content
    other = {"mention": {"start": 90, "end": 95}}
    assert mod.error_place(gold, guessed) == "guessed"
    assert mod.error_place(gold, same) == "same source"
    assert mod.error_place(gold, nested) == "nested"
    assert mod.error_place(gold, other) == "other source"


def test_office_source_needs_an_office_word_and_the_name() -> None:
    mod = _module()

    class Scorer:
        surname = staticmethod(_surname)

        @staticmethod
        def proper_name(s: str, strict: bool = False) -> str | None:
            return s if all(w[0].isupper() for w in s.split()) else None

    assert mod.office_source({"source_text": "a senior adviser to Ada Lovell"}, "Ada Lovell", Scorer)
    assert not mod.office_source({"source_text": "Ada Lovell"}, "Ada Lovell", Scorer)
    assert not mod.office_source({"source_text": "the mayor of the town"}, "Ada Lovell", Scorer)
