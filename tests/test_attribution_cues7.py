"""Cues and spans, round 12a: reports with a bare clause, headline kickers, a named asker (sentences
written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_a_report_with_a_bare_clause_or_object() -> None:
    text = (
        "The mill closed in May.\n\nThe Harbor Ledger reported the letter came hours after the mayor spoke.\n\n"
        "Acme Mills reported it sold $3 million in grain in the spring.\n\n"
        "The Valley Courier reports the council will vote on the levy next week."
    )
    found = _found(text, analyse(text)[1])
    q = found["the letter came hours after the mayor spoke"]
    assert q.speaker == "Harbor Ledger" and q.verb == "reported" and not q.direct
    assert found["it sold $3 million in grain in the spring"].speaker == "Acme Mills"
    assert found["the council will vote on the levy next week"].speaker == "Valley Courier"


def test_reported_with_a_pronoun_a_time_or_as_an_adjective_is_no_report() -> None:
    text = (
        "The mill closed in May.\n\nThe clerk found the note and reported it to the police on Friday.\n\n"
        "Tom Vale's reported wealth is larger than the county's budget.\n\n"
        "Acme Mills reported record profits on Wednesday, driven by grain sales.\n\n"
        "The town filed its finance reports to the state board on Monday.\n\n"
        "The mill will shut its doors for good, the Harbor Ledger reported on Thursday."
    )
    found = _found(text, analyse(text)[1])
    assert not any(
        k.startswith(("it to the police", "wealth", "to the state", "record profits")) for k in found
    )
    assert found["The mill will shut its doors for good"].speaker == "Harbor Ledger"


def test_a_headline_kicker_is_no_speaker() -> None:
    for kicker in ("BOOM", "Revealed", "The Latest", "Wow", "Paid Notice"):
        text = (
            f"{kicker}: Harbor Board Votes To Close The Old Pier For Good.\n\n"
            "The harbor board met on Monday. Ada Brook, who chairs it, said the pier was unsafe."
        )
        found = _found(text, analyse(text)[1])
        assert not any(k.startswith("Harbor Board Votes") for k in found), kicker
        assert found["the pier was unsafe"].speaker == "Ada Brook"


def test_a_headline_label_that_names_a_person_still_speaks() -> None:
    text = (
        "Brook: The Old Pier Must Close Before The Winter Storms.\n\n"
        "Ada Brook chairs the harbor board. She spoke on Monday."
    )
    found = _found(text, analyse(text)[1])
    assert found["The Old Pier Must Close Before The Winter Storms"].speaker == "Ada Brook"


def test_a_question_after_an_apposition_is_the_named_askers() -> None:
    text = (
        "The rain fell.\n\nRuth Ames, an editor for The Valley Courier, asked Mook if the mayor would hold "
        "press conferences.\n\nTexas, leading a group of 13 states, asked a federal judge to block the rules."
    )
    quotes = analyse(text)[1]
    found = _found(text, quotes)
    assert found["if the mayor would hold press conferences"].speaker == "Ruth Ames"
    assert found["a federal judge to block the rules"].speaker == "Texas"
    assert all(q.speaker for q in quotes)


def test_a_question_with_nobody_named_stays() -> None:
    text = "The rain fell.\n\nThe mayor smiled when asked whether he would run again next spring."
    found = _found(text, analyse(text)[1])
    assert "whether he would run again next spring" in found
