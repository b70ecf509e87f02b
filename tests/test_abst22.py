"""Round 22's abstention mends (bench/reports/abst22.md): a year the question gives as a bound ("before
2015") is tied by a year on its side (qa.time_scope), and a people named by its demonym ("Syrians")
is counted as people are (qa.slots.people_counted). Articles and questions written for these
tests."""

from __future__ import annotations

import pytest

from qa import slots, time_scope
from qa.not_mentioned import EVERYDAY_ZIPF

SUPPORT = "Ankara has backed the northern militias since the border clashes of 2009 and sent trucks of grain."


@pytest.mark.parametrize(
    ("question", "bounds"),
    [
        ("Was Ankara already backing the militias before 2015?", {"2015": "before"}),
        ("Had the port been closed since before 2012?", {"2012": "before"}),
        ("Did the militias win ground after 2016?", {"2016": "after"}),
        ("Were the talks held prior to 2010?", {"2010": "before"}),
        ("How many people had fled the valley by 2013?", {}),  # a figure at a time, no bound
        ("What did Ankara send in 2009?", {}),
    ],
)
def test_asked_bounds(question: str, bounds: dict[str, str]) -> None:
    assert time_scope.asked_bounds(question) == bounds


def test_a_bound_year_is_tied_by_a_year_on_its_side() -> None:
    assert time_scope.untied_time("Was Ankara already backing the militias before 2015?", SUPPORT) == ""
    assert time_scope.untied_time("Has Ankara backed the militias since before 2012?", SUPPORT) == ""
    # the year named is on the other side of the bound: not tied
    assert time_scope.untied_time("Was Ankara backing the militias before 2005?", SUPPORT) == "2005"
    assert time_scope.untied_time("Did Ankara back the militias after 2012?", SUPPORT) == "2012"
    # a figure "by" a year is that year's, as before
    assert time_scope.untied_time("How many trucks had Ankara sent by 2013?", SUPPORT) == "2013"
    assert time_scope.untied_time("What did Ankara send in 2013?", SUPPORT) == "2013"


def test_a_people_is_counted_as_people_are() -> None:
    assert slots.people_counted("Syrians")
    assert slots.people_counted("Iranians")
    assert not slots.people_counted("refugees")
    assert not slots.people_counted("Syria")
    assert not slots.people_counted("")


def test_a_count_of_people_answers_how_many_of_a_people() -> None:
    sentences = [
        "The flooding along the coast has lasted three weeks.",
        "At least 4,000 people were evacuated from the coast and hundreds have lost their homes.",
    ]
    question = "How many Germans were evacuated from the coast?"
    assert slots.slot_missing(question, sentences, everyday_zipf=EVERYDAY_ZIPF) == ""
    # no count at all: still declined
    assert slots.slot_missing(question, sentences[:1], everyday_zipf=EVERYDAY_ZIPF)
    # a count of another thing beside the people's name counts no people
    emails = ["The mayor said she had received hundreds of emails from Germans interested in moving."]
    assert slots.slot_missing(
        "How many Germans have moved to the coast?", emails, everyday_zipf=EVERYDAY_ZIPF
    )
    # a countable noun stays strict
    assert slots.slot_missing(
        "How many lorries were evacuated from the coast?", sentences, everyday_zipf=EVERYDAY_ZIPF
    )


def test_a_number_and_plus_is_a_count() -> None:
    sentence = "The newsletter, with its 40,000-plus readers, is the town's first read every morning."
    assert slots.counted_words(sentence) == [("40,000", ["readers"])]
    assert slots.slot_missing("How many readers does the newsletter have?", [sentence]) == ""
    # a measure stays a measure, a compound stays no count
    assert slots.counted_words("They met for 35-plus hours in a six-hour session.") == []
