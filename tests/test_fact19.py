"""Typed fact questions (issue 9, round 19): the value a question asks stated beside its words.

"How long is the term ...?" takes a span of time as much as a length, and "How long is the report?"
a count of pages (qa.answer_type.asked); "What share of voters said ...?" asks a poll's share, not
anyone's words (qa.question, qa.answer_type "share"); "Which law ...?" asks a name of that kind
(qa.answer_fit), which Features.typed reads as a stated value. Article and questions written for
these tests."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from qa import answer_fit, answer_type, rank
from qa import question as questions

BANKS = """Senate weighs return of bank split

Lawmakers in Ardenne debated on Monday whether to restore the Harlow-Pike rules on banks.

The Harlow-Pike rules kept deposit-taking apart from trading for decades, and bankers lobbied against them.

The Merrow-Lind Act undid much of the Harlow-Pike rules, and bankers welcomed the change.

Critics of the bankers said the rules deserved a return, and the debate went on into the night.

Judge Ola Brenn won a full 10-year term on the state court, after a close race.

Brenn won the race for the state court after a campaign that focused on her term as a prosecutor.

The bound, 88-page report on the banks was sent to the Senate on Friday.

The Senate report on the banks was welcomed by lawmakers, who sent it on to committee.

Some 59 percent of voters said the banks should be split, a poll found.

Voters said the banks were too big, and the poll found them angry at the Senate.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "banks", BANKS)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("How long is the term Brenn won?", ("distance", "duration", "extent")),
        ("how long is the report sent to the senate", ("distance", "duration", "extent")),
        ("How long did the debate last?", ("duration", "distance")),
        ("How far is the bridge?", ("distance",)),
        ("What share of voters said the banks should be split?", ("share",)),
        ("What percentage of the vote did she win?", ("share",)),
        ("How many voters were polled?", ("quantity",)),
    ],
)
def test_asked_kinds(question: str, kinds: tuple[str, ...]) -> None:
    assert answer_type.asked(question) == kinds


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("extent", "The bound, 88-page report was sent on Friday.", True),
        ("extent", "a 2,000-word essay", True),
        ("extent", "The report was sent on Friday.", False),
        ("share", "Some 59 percent of voters said so.", True),
        ("share", "nine in 10 said they thought so", True),
        ("share", "Two-thirds of the voters agreed.", True),
        ("share", "The poll of 1,200 voters was taken in May.", False),
    ],
)
def test_states_extent_and_share(kind: str, sentence: str, expected: bool) -> None:
    assert answer_type.states((kind,), sentence) is expected


@pytest.mark.parametrize(
    "question",
    [
        "What share of voters said the banks should be split?",
        "What percentage of Republicans say the senator should quit?",
        "What proportion of respondents believe the economy is improving?",
    ],
)
def test_a_poll_share_is_no_speech_question(question: str) -> None:
    assert not questions.is_speech_question(question)


def test_what_did_someone_say_is_still_speech() -> None:
    assert questions.is_speech_question("What did the senator say about the banks?")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("which law did away with much of the rules", "law"),
        ("which tv channel interviewed the mayor", "tv channel"),
        ("Which court struck down the law?", "court"),
        ("which candidates dropped out after the vote", "candidates"),
        ("What did the judge leave at the memorial?", None),
        ("What year was it passed?", None),
        ("What kind of report is it?", None),
        ("Which of them won?", None),
        ("What is the capital?", None),
    ],
)
def test_asked_kind(question: str, kind: str | None) -> None:
    assert answer_fit.asked_kind(question) == kind


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("law", "The Merrow-Lind Act undid much of the Harlow-Pike rules.", True),
        ("law", "Lawmakers debated whether to restore the Harlow-Pike rules.", False),
        ("tv channel", "Trump told Britain's ITV television station in an interview.", True),
        ("governor", "Ohio Gov. John Kasich scored his first win.", True),
        ("governor", "The governor scored his first win.", False),  # no name
        ("court", "The rules were struck down by the Supreme Court on Monday.", True),
        ("contests", "Ahead of the March 1 contests, Brenn changed her style.", False),  # a date
    ],
)
def test_states_kind(kind: str, sentence: str, expected: bool) -> None:
    asked = {"harlow", "pike", "rules", "much", "trump", "interviewed", "first", "win", "struck"}
    markers = answer_fit.kind_words(kind)
    assert answer_fit.states_kind(markers, sentence, lambda w: w in asked) is expected


@pytest.mark.parametrize(
    ("question", "answer", "topic"),
    [
        (
            "Which law did away with much of the Harlow-Pike rules?",
            "Merrow-Lind Act undid",
            "kept deposit-taking",
        ),
        ("How long is the term Brenn won on the state court?", "full 10-year term", "Brenn won the race"),
        (
            "How long is the report on the banks sent to the Senate?",
            "88-page report",
            "Senate report on the banks",
        ),
        ("What share of voters said the banks should be split?", "59 percent", "Voters said the banks"),
    ],
)
def test_the_sentence_stating_the_asked_value_scores_typed(
    engine, question: str, answer: str, topic: str
) -> None:  # type: ignore[no-untyped-def]
    """The passage stating the asked value beside the question's words gets Features.typed; the one
    that only shares the topic does not."""
    f = rank.features(engine, question)
    assert f is not None
    assert f.typed[row(engine, f, answer)] > 0.0
    assert f.typed[row(engine, f, topic)] == 0.0
