"""Near misses of a time the answer's passage never ties the fact to (qa.time_scope) and of a speaker
asked for through a quoted person ("X's mother", qa.possessed). Articles and questions written for
these tests."""

from __future__ import annotations

import pytest

from qa import possessed, time_scope


@pytest.mark.parametrize(
    ("question", "times"),
    [
        ("What was the jobless rate in the valley in 2002?", ["2002"]),
        ("How many cases has the unit brought since 2022?", ["2022"]),
        ("What did the mayor say on Thursday?", ["Thursday"]),
        ("What did the mayor say Thursday about the bridge?", ["Thursday"]),
        ("What did Obama say in March 2015?", ["March", "2015"]),
        ("How much grain did the port ship last year?", ["last year"]),
        ("What did he say about the 2014 governor's race?", []),  # a year naming a thing
        ("What did Ms. Lark say in her 2000 convention address?", ["2000"]),  # the words' occasion
        ("What did Ms. Lark say about the 2000 convention?", []),  # a topic
        ("What happened in the 2000s?", []),
        ("May I ask who won?", []),  # the verb, not the month
        ("Who won in May?", ["May"]),
    ],
)
def test_asked_times(question: str, times: list[str]) -> None:
    assert time_scope.asked_times(question) == times


def test_an_asked_time_must_be_written_in_the_answers_text() -> None:
    rate = "At 7.4 percent, the jobless rate is well below its peak of 12.8 percent in 2010."
    assert time_scope.untied_time("What was the jobless rate in 2002?", rate) == "2002"
    assert time_scope.untied_time("What was the jobless rate in 2010?", rate) == ""
    # a span names every year inside it
    assert (
        time_scope.untied_time("What was the jobless rate in 2005?", "Between 2002 and 2010 it rose.") == ""
    )
    assert (
        time_scope.untied_time("What did the mayor say on Thursday?", "The mayor said on Friday ...")
        == "Thursday"
    )
    # as a text may write a year: "mid-1994", "1646–7", "1993-94"
    assert time_scope.untied_time("How many had it in 1994?", "It reached 3.5 million by mid-1994.") == ""
    assert (
        time_scope.untied_time("Who was held there in 1646 through 1647?", "He was held there in 1646–7.")
        == ""
    )
    assert time_scope.untied_time("What was the rate in 1994?", "The rate in 1993-94 fell.") == ""
    assert time_scope.untied_time("What was the rate in 1996?", "The rate in 1993-94 fell.") == "1996"
    # a relative year is written so, or as a year
    assert time_scope.untied_time("How much grain was shipped last year?", "It shipped 4 tons in 2015.") == ""
    assert (
        time_scope.untied_time("How much grain was shipped last year?", "It shipped 4 tons.") == "last year"
    )
    assert time_scope.untied_time("How much grain was shipped?", "It shipped 4 tons.") == ""


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("Rhonda Hale's mother", ("Rhonda Hale", "mother")),
        ("Trump’s longtime lawyer", ("Trump", "lawyer")),
        ("Clinton's campaign", None),  # the possessor's own side
        ("the Obama administration", None),
        ("Rhonda Hale", None),
        ("the tattoo artist", None),
    ],
)
def test_possessed_speaker(phrase: str, found: tuple[str, str] | None) -> None:
    assert possessed.possessed_speaker(phrase) == found


def test_a_speaker_through_a_quoted_person_must_be_quoted_themselves() -> None:
    quoted = "rhonda hale\nms. hale\nbenjamin gray, their neighbor"
    assert (
        possessed.possessed_unquoted("Rhonda Hale's mother", quoted)
        == "the documents quote no Rhonda Hale's mother"
    )
    assert possessed.possessed_unquoted("Rhonda Hale's mother", quoted + "\nher mother") == ""
    assert possessed.possessed_unquoted("Rhonda Hale's neighbor", quoted) == ""
    assert possessed.possessed_unquoted("Rhonda Hale", quoted) == ""
    # a country's holder is a role the documents may write otherwise ("President Putin")
    assert possessed.possessed_unquoted("Russia's leader", quoted, lambda o: o == "Russia") == ""


MILL = """Mill town votes its anger

In this quiet river town, Rhonda Hale, 43, backs the insurgent candidate. Her 72-year-old mother is
equally passionate about Senator Ward Pell.

''Thirty years ago, it was booming,'' Ms. Hale said of the main street.

At 7.4 percent, the valley's jobless rate is well below its peak of 12.8 percent in 2010, but remains
far above the national average.

On Thursday, Senator Pell said the mill closures were ''a betrayal of the valley''.
"""


@pytest.fixture(scope="module")
def mill_engine(qa_home, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("mill")
    (docs / "mill.txt").write_text(MILL, encoding="utf-8")
    target = docs / "idx"
    build([docs / "mill.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("What was the valley's jobless rate in 2002?", "2002"),
        ("What does Rhonda Hale's mother say about Ward Pell?", "quote no"),
    ],
)
def test_near_misses_are_declined(mill_engine, question: str, why: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(mill_engine).ask(question)
    assert a.abstained and why in a.reason, a.reason


@pytest.mark.parametrize(
    "question",
    [
        "What was the valley's jobless rate in 2010?",
        "What did Ward Pell say on Thursday about the mill closures?",
        "What did Rhonda Hale say about the main street?",
    ],
)
def test_their_twins_are_answered(mill_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(mill_engine).ask(question)
    assert not a.abstained, a.reason


SUMMIT = """Leaders set to meet in Geneva

President Rowe addressed the delegates at the meeting shortly before Premier Lind spoke.

The two leaders are set to meet later on Monday, where trade is expected to be the main topic.
"""


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("What was agreed when Rowe and Lind met on Monday?", "meet"),
        ("did rowe and lind strike a deal when they met", "meet"),
        ("What was the outcome of the meeting between Rowe and Lind?", "meet"),
        ("What did Rowe and Lind agree at their meeting?", "meet"),
        ("What did Rowe say at the meeting?", None),  # "the meeting" may be another, past one
        ("What will be agreed when they meet?", None),  # no past
        ("When they met, what did they say?", None),  # the clause opens the question
    ],
)
def test_an_event_taken_as_past_that_the_document_only_plans(question: str, verb: str | None) -> None:
    from qa import planned

    assert planned.planned_only(question, SUMMIT) == verb


def test_this_year_is_the_documents_own_present() -> None:
    assert time_scope.asked_times("How much is the firm giving to the convention this year?") == []


def test_a_time_written_beside_the_questions_words_lower_down_is_no_near_miss() -> None:
    rows = [
        ("The jobless rate peaked in 2010.", frozenset({"jobless", "rate", "peak", "2010"})),
        ("Between 2002 and 2010, factories closed.", frozenset({"factori", "close", "2002", "2010"})),
    ]
    # 2002 is written only beside other words: still a near miss
    assert not time_scope.tied_nearby("2002", ["jobless", "rate"], rows)
    assert time_scope.tied_nearby("2002", ["factori"], rows)
    # a relative year only as written, across a line break too
    assert time_scope.tied_nearby("last year", ["gun"], [("a gun last\nyear", frozenset({"gun"}))])
    assert not time_scope.tied_nearby("last year", ["rate"], rows)
