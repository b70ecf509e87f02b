"""A past event asked about where the document only announces it (qa.planned)."""

from __future__ import annotations

import pytest

from qa import planned

ANNOUNCED = """Harbour ministers set to meet on ferry cuts

The two harbour ministers, Elena Marsh and Tomas Reyes, are set to meet in Portvale on Friday,
where the ferry timetable is expected to be the main topic. Marsh will sign the new port charter
next month. At the meeting of the harbour board last week, Reyes spoke about fares.
"""

REPORTED = ANNOUNCED + "\nMarsh and Reyes met once before, in 2019, at the Portvale summit.\n"


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("When did Marsh and Reyes last meet?", ["meet"]),
        ("Where did Marsh sign the charter?", ["sign"]),
        # A speech verb is left to the speaker tests (and keeps the lemmatiser unloaded).
        ("When did Marsh say she would sign the charter?", []),
        # A subject with a common noun is an event, not a named actor.
        ("Where did the Portvale summit happen?", []),
        ("When did the two ministers meet?", []),
        ("Who will meet on Friday?", []),
        ("What is the ferry timetable?", []),
    ],
)
def test_asked_verbs(question: str, verbs: list[str]) -> None:
    assert planned.asked_verbs(question) == verbs


def test_an_event_only_announced_is_a_near_miss() -> None:
    assert planned.planned_only("When did Marsh and Reyes last meet?", ANNOUNCED) == "meet"
    assert planned.planned_only("Where did Marsh sign the port charter?", ANNOUNCED) == "sign"


def test_an_event_reported_as_done_is_not() -> None:
    # "met" (an irregular past form) reports the meeting; "the meeting" (a noun) did not count.
    assert planned.planned_only("When did Marsh and Reyes last meet?", REPORTED) is None
    assert planned.planned_only("When did Reyes speak about fares?", ANNOUNCED) is None
    assert planned.planned_only("Where did the harbour summit happen?", "It will happen in May.") is None
    assert planned.planned_only("When will Marsh and Reyes meet?", ANNOUNCED) is None


def test_a_past_form_the_dictionary_misses_counts_as_done() -> None:
    # simplemma reads "won" as the currency: it still keeps "When did ... win?" answerable.
    text = "The Harbour Party won the 2026 election. It will win again, its leader said."
    assert planned.planned_only("What did the Harbour Party win in 2026?", text) is None
