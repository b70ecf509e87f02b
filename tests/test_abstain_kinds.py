"""Kinds of near miss: a date to come the article does not give ("When will the centre open?"), a
count given only as a difference ("trailed her rival by more than 700 votes"), and a speaker named
only where someone else talks about them. Articles and questions written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, answer_type
from qa.engine import Engine

ARTICLE = """Council race too close to call

Democratic incumbent Mara Velde trailed her Republican challenger Tom Aske by more than 700 votes
on Wednesday, with absentee ballots still to be counted in the Harbour ward.

Velde said the rezoning of the waterfront had cost her the seat. "We fought for every street," she
said. Aske declined to comment.

The count will finish next week, election officials said. A new data centre for the ward's records
will soon move to the town of Orlen, where it is being built.

The claims about Judge Irma Colt were made in a book published this week. Velde said Judge Irma Colt
played no part in drafting the rezoning.
"""


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When will the data centre open?", "future"),
        ("When is the vote expected to take place?", "future"),
        ("When would the ferry run again?", "future"),
        ("When was the bridge built?", "date"),
        ("When did the count finish?", "date"),
    ],
)
def test_asked_fact_future(question: str, kind: str) -> None:
    assert answer_type.asked_fact(question) == kind


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The count will finish next week.", True),
        ("The centre opens by the end of the year.", True),
        ("The work will take eighteen months.", True),
        ("The vote is set for 3 March.", True),
        ("The data centre will soon move to Orlen.", False),
        ("It is being built in the town of Orlen.", False),
    ],
)
def test_fact_evidence_future(sentence: str, expected: bool) -> None:
    assert answer_type.fact_evidence("future", sentence) is expected


@pytest.mark.parametrize(
    ("head", "sentence", "expected"),
    [
        ("votes", "Velde trailed her challenger Tom Aske by more than 700 votes on Wednesday.", False),
        ("votes", "Aske won 5,210 votes.", True),
        ("votes", "She took 52% of the vote.", True),
        ("votes", "He got seven hundred votes.", True),
        ("votes", "They won 700 more votes than last time.", False),
        ("votes", "He built a lead of 300 votes.", False),
        ("votes", "The votes were counted on 3 May.", False),
        ("jobs", "Unilever will cut 2,000 jobs.", True),
    ],
)
def test_count_of_is_a_count_not_a_difference(head: str, sentence: str, expected: bool) -> None:
    assert abstain.count_of(head, sentence) is expected


def test_margin_only() -> None:
    """Only a difference and no count is evidence that the count is not given; a count in other
    words is not."""
    margin = "Velde trailed her challenger Tom Aske by more than 700 votes."
    assert abstain.margin_only("votes", [margin, "Aske declined to comment."])
    assert not abstain.margin_only("votes", [margin, "Aske won 5,210 votes."])
    assert not abstain.margin_only("researchers", ["67,000 research staff were on fixed-term contracts."])
    assert not abstain.margin_only("prosecutions", ["This is the 16th case since 2022."])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("By how many votes did Aske win?", True),
        ("What was Aske's margin of victory?", True),
        ("How many votes did Aske get?", False),
    ],
)
def test_asks_margin(question: str, expected: bool) -> None:
    assert abstain.asks_margin(question) is expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("", " said", True),
        ("In the ward, Senator ", " said", True),
        ("Democratic candidate ", " said", True),
        ("The claims about Judge ", " were", False),
        ("Velde said Judge ", " played", False),
        ("He suggested the claim that ", " had", False),
        ("The feud with ", " grew", False),
        ("", "'s feud", False),
        ("Candidate ", " lacks charm, said Howard.", False),
        ("", " lacks charm, Senator Ann Howard said.", False),
        ("", ", the senator, said she would run.", True),
    ],
)
def test_as_subject(before: str, after: str, expected: bool) -> None:
    assert abstain.as_subject(before, after) is expected


def test_naming_sentences_leave_out_a_name_others_talk_about() -> None:
    """A sentence naming someone as the object of another's words is not where that person spoke."""
    got = abstain.naming_sentences(ARTICLE, ["Irma Colt", "Colt"])
    assert got == []
    said = abstain.naming_sentences(ARTICLE, ["Mara Velde", "Velde"])
    assert any("rezoning of the waterfront" in s for s in said)


@pytest.fixture(scope="module")
def race_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("race")
    (docs / "race.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "race.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    [
        "When will the count finish?",
        "By how many votes did Velde trail Aske?",
        "What did Velde say about the rezoning?",
    ],
)
def test_what_the_article_gives_is_answered(race_engine: Engine, question: str) -> None:
    from qa.session import Conversation

    a = Conversation(race_engine).ask(question)
    assert not a.abstained, a.reason


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("When will the data centre in Orlen open?", "a date"),
        ("How many votes did Tom Aske get?", "number of votes"),
    ],
)
def test_what_the_article_does_not_give_is_declined(
    race_engine: Engine, question: str, why: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declined with the tests on (FACT_BOUND["future"] set as the fit chose it: bench/reports/abstention_near_miss.md)."""
    from qa.session import Conversation

    monkeypatch.setattr(abstain, "COUNT_MARGIN", 1.0)
    monkeypatch.setitem(abstain.FACT_BOUND, "future", 0.4)
    a = Conversation(race_engine).ask(question)
    assert a.abstained and why in a.reason, a.reason


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Who won the 2016 Iowa caucuses?", ["2016"]),
        ("What changed in the 1990s?", ["1990"]),
        ("How much did the $1500 ticket cost?", []),
        ("Who won in 2012 and in 2016?", ["2012", "2016"]),
    ],
)
def test_asked_years(question: str, years: list[str]) -> None:
    assert abstain.asked_years(question) == years


def test_years_found() -> None:
    assert abstain.years_found(["2016"], {"2016", "iowa"}) == 1.0
    assert abstain.years_found(["2012", "2016"], {"2016"}) == 0.5
    assert abstain.years_found([], set()) == 1.0
