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


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        # The subject names the event by an "-ing" noun: its verb is what is asked as done.
        ("How did the Friday meeting between the two ministers go?", ["meet"]),
        ("When did the signing take place?", ["sign"]),
        ("When did the voting end?", ["vote"]),
        # Not the subject's noun: a verb's "-ing" after the subject, a noun that is no verb's.
        ("When did the ferry service begin operating?", []),
        ("When did the morning session start?", []),
        ("When did Marsh and Reyes last meet?", []),
    ],
)
def test_asked_events(question: str, verbs: list[str]) -> None:
    assert planned.asked_events(question) == verbs


def test_an_event_noun_only_announced_is_a_near_miss() -> None:
    question = "How did the Friday meeting between the two ministers go?"
    assert planned.planned_only(question, ANNOUNCED) == "meet"
    # "met once before" reports a meeting: the question may be answered.
    assert planned.planned_only(question, REPORTED) is None


def test_an_occasion_told_only_as_to_come_is_a_near_miss() -> None:
    from index.lexical import terms

    text = ANNOUNCED + "\nAs the Portvale summit on fares approaches, the unions will march.\n"
    question = "What was decided at the Portvale summit?"
    assert planned.asked_occasion(question, terms) == terms("Portvale summit")
    assert planned.occasion_ahead(question, text, terms) == "Portvale summit"
    # Told of as past once: it may have been reported.
    done = text + "\nAt the Portvale summit, the ministers agreed to cut fares.\n"
    assert planned.occasion_ahead(question, done, terms) is None
    # Asked as to come: not this test's.
    assert planned.occasion_ahead("What will be decided at the Portvale summit?", text, terms) is None


def test_an_occasion_in_a_clause_of_its_own_is_not_asked_as_past() -> None:
    from index.lexical import terms

    question = "What did Marsh say about why Reyes likes speaking at the Portvale summit?"
    assert planned.asked_occasion(question, terms) == []
