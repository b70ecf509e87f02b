"""Speaker resolution, round 9c: small general rules (acronym sources, noun modifiers, ...)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _said(text: str, quotes: list[Quote]) -> dict[str, str | None]:
    return {text[q.start : q.end]: q.speaker for q in quotes}


def test_two_letter_acronym_subject_is_an_organisation() -> None:
    text = "The AP said the harbour bridge would reopen in May. The tolls will rise, the UN says."
    said = _said(text, analyse(text)[1])
    assert said["the harbour bridge would reopen in May"] == "AP"
    assert said["The tolls will rise"] == "UN"


def test_short_clause_fragment_is_still_no_source() -> None:
    text = "He said it was OK."
    assert _said(text, analyse(text)[1])["it was OK"] is None
