"""Speakers asked by state, party or what they wrote (round 19): "the New York senator" for "Sen. Jo
Marr (D-N.Y.)", "the Florida congresswoman" for "Rep. Ann Tibbs (D-Fla.)", "the Ohio Republican",
"What did X write about Y?".

The article is written for these tests: a Senate vote where two senators of different states and a
congresswoman are quoted, each bracketed with party and state.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import describe, party_state
from qa import question as questions
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

VOTE = """Senate passes bill on port security after long fight

WASHINGTON - The Senate on Tuesday passed a bill tightening inspections at seaports, after months of
argument over how to pay for the new scanners.

"If the ports have nothing to hide, they have nothing to worry about," Sen. Jo Marr (D-N.Y.) said
Tuesday. "If they do, they should be held accountable."

Sen. Carl Udey (R-Ohio) said the scanners would cost far more than their sponsors claimed. "We are
buying machines we cannot staff," Udey said of the inspection budget.

Democratic U.S. Rep. Ann Tibbs (D-Fla.) praised the harbour pilots as "work horses, not show horses"
at a rally in Tampa.

In a column for the Harbor Ledger, the shipping analyst Mae Corrin wrote that the bill "will slow
every container that reaches the docks."
"""


def test_a_party_state_bracket_names_the_state_and_party() -> None:
    assert party_state.bracket(" (D-N.Y.) said") == "New York Democrat Democratic"
    assert party_state.bracket(", R-Texas, said") == "Texas Republican"
    assert party_state.bracket(" (R) said") == "Republican"
    assert party_state.bracket(" (Dec. 3) said") == ""
    assert party_state.bracket(" said (D-N.Y.)") == ""
    assert party_state.state_of("Calif.") == "California"
    assert party_state.state_of("WV") == "West Virginia"
    assert party_state.state_of("Narnia") is None


def test_the_title_before_a_name_runs_over_its_dots_and_the_bracket_joins_it() -> None:
    got = describe.contexts(VOTE, ["Jo Marr"])
    assert "Sen. New York Democrat Democratic" in got
    assert describe.contexts(VOTE, ["Ann Tibbs"])[0] == "Democratic U.S. Rep. Florida Democrat Democratic"
    # An honorific's dot still ends what stands before a name: "He met Ms." is no title.
    assert describe.contexts("He met Ms. Jo Roe on Monday.", ["Jo Roe"]) == []


def test_a_coordinated_title_is_not_taken_from_another_person() -> None:
    text = "The race split between former secretary of State Hilda Vance and Vermont Sen. Bo Sand."
    assert describe.contexts(text, ["Bo Sand"]) == ["Vermont Sen."]


def test_a_representative_is_a_congressman_or_congresswoman() -> None:
    assert describe.title_words("Democratic U.S. Rep.") == ["representative", "congressman", "congresswoman"]
    assert describe.title_words("a sales representative") == []


def test_a_party_member_by_place_is_a_description() -> None:
    s = describe.subject_of("What did the Nevada Democrat say about the budget?")
    assert s is not None and (s.owner, s.head) == ("Nevada", "Democrat")
    assert describe.is_description("Nevada Democrat") and describe.party_member("the Ohio Republican")
    assert not describe.is_description("Washington Post")


def test_what_someone_wrote_is_asked_like_what_they_said() -> None:
    assert questions.is_speech_question("What did Mae Corrin write about the bill?")
    assert questions.is_speech_question("what did the senator tweet about the vote")
    s = describe.subject_of("What did the shipping analyst write about the bill?")
    assert s is not None and s.text == "shipping analyst"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "state19", {"vote": VOTE})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did the New York senator say about whether the ports had a role?", "nothing to worry about"),
        ("what did the new york senator say about the ports", "nothing to worry about"),
        ("How did the Florida congresswoman describe the harbour pilots?", "work horses"),
        ("What did the Ohio Republican say about the inspection budget?", "cannot staff"),
        ("What did Mae Corrin write about the bill?", "every container"),
    ],
)
def test_a_speaker_asked_by_state_party_or_writing_is_found(engine: Engine, question: str, said: str) -> None:
    a = ask(engine, question)
    assert not a.abstained, a.reason
    assert said in a.hits[0].text
    assert Path(a.hits[0].source).stem == "vote"


def test_a_people_named_by_nationality_is_a_group() -> None:
    s = describe.subject_of("What did the Americans warn could happen?")
    assert s is not None and describe.nationals(s)
    russia = describe.subject_of("What did Russia say about the talks?")
    assert russia is not None and not describe.nationals(russia)
    assert describe.nationals_phrase("the Russians") and not describe.nationals_phrase("the senator")
    assert describe._group_source("US officials") and not describe._group_source("Barack Obama")


def test_another_persons_title_before_a_name_is_not_its_title() -> None:
    text = "TAMPA - Democratic U.S. Rep. Ann Tibbs on Friday pummeled Dan Roe as divisive."
    assert describe.contexts(text, ["Dan Roe"]) == ["on Friday pummeled"]
    assert describe.contexts("Vermont Democratic Party chairwoman Dot Dean said so.", ["Dot Dean"]) == [
        "Vermont Democratic Party chairwoman"
    ]


def test_a_person_is_described_in_every_document_writing_their_full_name() -> None:
    texts = {1: "Former Secretary of State Hilda Vance spoke.", 2: "Vance said no.", 3: "Hilda Vance won."}
    got = describe.full_name_docs({"Hilda Vance", "Vance"}, texts, texts.__getitem__)
    assert got == {"Hilda Vance": {1, 3}}


def test_a_party_plural_is_a_group_not_one_member() -> None:
    assert not describe.party_member("West Virginia Democrats")
    s = describe.subject_of("what did west virginia democrats say about the poll")
    assert s is not None and s.owner == ""


def test_a_written_work_is_not_asked_as_words_quoted() -> None:
    assert not questions.is_speech_question("What did Tesla write?")
    assert not questions.is_speech_question("What is the name of the book written by Betty Meggers?")
    assert not questions.is_speech_question("What are the 3 post popular libraries for undergraduates?")
