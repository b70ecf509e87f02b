"""A typed question is answered only by a best passage that gives a value of the asked kind
(qa.value_shown, read by qa.decline). Articles and questions written for these tests."""

from __future__ import annotations

import pytest

from index.lexical import terms
from qa import value_shown
from qa.engine import Engine
from qa.not_mentioned import EVERYDAY_ZIPF
from qa.session import Conversation
from tests.hashindex import hash_engine

# A made-up story: Idaho's turnout and a poll give shares; Marlow's Arizona Latino vote is told without one.
ARTICLE = """Marlow gains in western primaries

Turnout in the Idaho caucuses on Tuesday reached 61 percent, according to the state party, and 54
percent of voters under 40 backed the school levy in a Boise Star poll taken the week before.

In Arizona, Senator Dana Marlow did not win over Latino voters, who turned out in force in the three
border counties around Yuma and Nogales.

Marlow's campaign said it would open six new field offices in Arizona before the general election.
"""


def _reason(question: str, sentences: list[str]) -> str:
    return value_shown.unshown_reason(question, sentences, terms, None, EVERYDAY_ZIPF)


def test_a_share_asked_of_a_passage_without_one_is_declined() -> None:
    why = _reason(
        "What share of Latino voters did Marlow win in Arizona?",
        ["In Arizona, Marlow could not make inroads with Latino voters, who stayed loyal to Governor Ruiz."],
    )
    assert why == "the best passage does not give a percentage"


def test_a_share_in_the_passage_answers() -> None:
    sentences = ["Marlow won the Idaho caucuses.", "She drew 54 percent among voters under 40."]
    assert _reason("What share of young voters backed Marlow?", sentences) == ""
    assert _reason("what percentage of young voters backed marlow", ["She drew 54% of them."]) == ""


def test_kinds_left_off_and_other_questions_are_not_read() -> None:
    # A count, a sum or a date is not read (value_shown.SHOWN, as fit); nor is a question of no kind.
    assert _reason("How many field offices will Marlow open in Idaho?", ["Marlow won Idaho."]) == ""
    assert _reason("When did Marlow win Idaho?", ["Marlow won Idaho."]) == ""
    assert _reason("Who stayed loyal to Ruiz?", ["Marlow won Idaho."]) == ""


def test_switched_off_nothing_is_declined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(value_shown.SHOWN, "percent", False)
    assert _reason("What share of Latino voters did Marlow win?", ["Marlow lost Latino voters."]) == ""


@pytest.fixture(scope="module")
def marlow(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "marlow_value_shown", ARTICLE)


def test_end_to_end_the_other_passages_share_does_not_answer(
    marlow: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "What percent of Latino voters in Arizona did Marlow win?"
    answer = Conversation(marlow).ask(question, 5)
    assert answer.abstained
    assert answer.reason == "the best passage does not give a percentage"
    # Without the test the Idaho poll's share in the other passage lets the Arizona passage answer.
    monkeypatch.setitem(value_shown.SHOWN, "percent", False)
    answer = Conversation(marlow).ask(question, 5)
    assert not answer.abstained
    assert "Arizona" in answer.hits[0].text


def test_end_to_end_a_share_the_documents_give_is_answered(marlow: Engine) -> None:
    answer = Conversation(marlow).ask("What was the turnout in the Idaho caucuses in percent?", 5)
    assert not answer.abstained
    assert "61 percent" in answer.hits[0].text


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Cruz pulled in a quarter of the electorate in Arizona.", True),
        ("Two-thirds of the delegates backed the rule.", True),
        ("Six in 10 voters said the economy came first.", True),
        ("She won 52 percent of the vote.", True),
        ("Turnout rose 4% on 2012.", True),
        # A quarter of the year, a quarter spent somewhere: no share of a whole.
        ("Profits fell in the first quarter of the year.", False),
        ("He spent a quarter in Iowa and the rest in Ohio.", False),
        ("Cruz won the Arizona primary.", False),
    ],
)
def test_a_share_is_a_percentage_or_a_fraction_of_a_whole(sentence: str, held: bool) -> None:
    assert value_shown.holds_share(sentence) is held


def test_a_follow_up_answered_by_a_fraction_is_not_declined() -> None:
    # "And in Arizona?" after "What share of the vote did Cruz get ...?", answered in words.
    assert (
        _reason(
            "What share of the vote did Cruz get in Arizona?", ["Cruz pulled in a quarter of the electorate."]
        )
        == ""
    )
