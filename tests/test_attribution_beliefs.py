"""Beliefs, intentions and stances read by index/attribution/beliefs.py (issue 8, round 6c), on
sentences written for these tests."""

from __future__ import annotations

from attribution_rows import found as _found
from attribution_rows import with_words as _with


def test_a_poll_is_the_source_of_what_it_showed() -> None:
    text = (
        "Harbour Town votes on its ferry levy next month.\n\n"
        "A new poll showed that the ferry levy would fail by a wide margin."
    )
    rows = _with(text, "would fail by a wide margin")
    assert rows and rows[0][2] == "showed" and "poll" in rows[0][1]


def test_a_named_pollster_is_the_speaker() -> None:
    text = (
        "Harbour Town votes on its ferry levy next month.\n\n"
        "The Harbour Gazette poll showed the mayor trailing her rival by nine points."
    )
    rows = _with(text, "trailing her rival")
    assert rows and rows[0][0] == "Harbour Gazette" and rows[0][1] == "Harbour Gazette"


def test_a_survey_found() -> None:
    text = "The council met on Monday.\n\nThe survey found support for the harbour plan falling among older voters."
    rows = _with(text, "harbour plan falling")
    assert rows and "survey" in rows[0][1] and rows[0][2] == "found"


def test_a_passive_participle_after_a_source_noun_is_no_belief() -> None:
    text = (
        "The race was close.\n\n"
        "The crowded field of local candidates backed by harbour developers split the vote in Harbour Town."
    )
    assert not _with(text, "harbour developers")


def test_a_noun_after_a_possessive_name() -> None:
    text = (
        "Clara Voss chairs the Harbour Town council.\n\n"
        "Voss's decision to close the ferry office angered the fishing families of the town."
    )
    rows = _with(text, "close the ferry office")
    assert rows and rows[0][0] == "Clara Voss" and rows[0][2] == "decision"


def test_a_noun_used_as_a_subject_reports_nothing() -> None:
    text = (
        "Clara Voss chairs the Harbour Town council.\n\n"
        "Voss's statement was a stark reminder that the council is split over the ferry."
    )
    assert not [r for r in _found(text) if r[2] == "statement"]


def test_a_verb_with_its_preposition() -> None:
    text = (
        "Pia Lund is running for mayor of Harbour Town.\n\n"
        "Pia Lund spoke about the cost of the new ferry at a rally on Tuesday."
    )
    rows = _with(text, "cost of the new ferry")
    assert rows and rows[0][0] == "Pia Lund" and rows[0][2] == "spoke about"


def test_a_preposition_cue_followed_by_punctuation_holds_no_words() -> None:
    text = (
        "Pia Lund is running for mayor.\n\nPia Lund went on, as if nobody in the hall had heard the question."
    )
    assert not [r for r in _found(text) if r[2] == "went on"]
