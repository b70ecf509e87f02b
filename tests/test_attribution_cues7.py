"""Cues and spans, round 12a: reports with a bare object (sentences written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_a_report_with_a_bare_clause_or_object() -> None:
    text = (
        "The mill closed in May.\n\nThe Harbor Ledger reported the letter came hours after the mayor spoke.\n\n"
        "Acme Mills reported a loss of $2 a share in the spring.\n\n"
        "The Valley Courier reports the council will vote on the levy next week."
    )
    found = _found(text, analyse(text)[1])
    q = found["the letter came hours after the mayor spoke"]
    assert q.speaker == "Harbor Ledger" and q.verb == "reported" and not q.direct
    assert found["a loss of $2 a share in the spring"].speaker == "Acme Mills"
    assert found["the council will vote on the levy next week"].speaker == "Valley Courier"


def test_reported_with_a_pronoun_a_time_or_as_an_adjective_is_no_report() -> None:
    text = (
        "The mill closed in May.\n\nThe clerk found the note and reported it to the police on Friday.\n\n"
        "Tom Vale's reported wealth is larger than the county's budget.\n\n"
        "The town filed its finance reports to the state board on Monday.\n\n"
        "The mill will shut its doors for good, the Harbor Ledger reported on Thursday."
    )
    found = _found(text, analyse(text)[1])
    assert not any(k.startswith(("it to the police", "wealth", "to the state")) for k in found)
    assert found["The mill will shut its doors for good"].speaker == "Harbor Ledger"
