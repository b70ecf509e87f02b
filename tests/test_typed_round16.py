"""Typed fact questions of round 16: "which day" asks a time (qa.answer_type); a year or a date is no
count (answer_type.without_years); a count sentence opening with a pronoun binds the subject named in
the passage before (qa.abstain.subject_counted, chained); a capital the question names as an actor
stands for its country (qa.equivalents.capital_agents, qa.rank.CAPITAL_AGENTS)."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from index import lexical
from qa import abstain, answer_type, equivalents, query_reading, rank

VALLEY = """Flood defences in the valley to be rebuilt

The valley has flooded every winter since 2011, and the council first asked for help in 2014.

At least 4,000 residents lost their homes in the floods, officials said.

The two councils are set to meet later on Thursday, when the plan is expected to be agreed.

Oslo's engineers drew the first plans on March 3, 2015.

The Norwegian government wants the valley to be rebuilt by 2030 and has promised funding.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "valley", VALLEY)


@pytest.mark.parametrize(
    "question",
    ["Which day will the councils meet?", "Which year did the flooding start?", "which month was it?"],
)
def test_which_day_asks_a_time(question: str) -> None:
    assert answer_type.question_type(question) == "time"
    assert answer_type.asked(question) == ("date",)


def test_which_of_other_nouns_asks_no_time() -> None:
    assert answer_type.question_type("Which council will meet?") is None


@pytest.mark.parametrize(
    "text",
    [
        "The valley has flooded every winter since 2011.",
        "The plans were drawn on March 3, 2015.",
        "It happened in the 1990s.",
        "The 2016 election was close.",
        "The report (2014).",
    ],
)
def test_a_year_or_a_date_is_no_count(text: str) -> None:
    assert not answer_type.has_evidence("number", text)
    assert not answer_type.states(("quantity",), text)
    assert answer_type.evidence_found("number", text) == []


@pytest.mark.parametrize(
    "text",
    ["In 2014, 1,200 were killed.", "2000 people signed it.", "At least 4,000 residents", "two of them"],
)
def test_a_count_beside_a_year_is_still_one(text: str) -> None:
    assert answer_type.has_evidence("number", text)
    assert answer_type.states(("quantity",), text)


def test_a_year_does_not_answer_how_many(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "How many residents have lost their homes?")
    assert f is not None
    years = row(engine, f, "flooded every winter since 2011")
    count = row(engine, f, "At least 4,000 residents")
    assert bool(f.wrong[years]) and not bool(f.wrong[count])
    answer = rank.answer(
        engine, "How many residents have lost their homes?", "How many residents have lost their homes?", 3
    )
    assert not answer.abstained and "4,000" in answer.hits[0].text


def test_which_day_finds_the_weekday(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Which day will the councils hold their meeting?")
    assert f is not None
    assert not bool(f.wrong[row(engine, f, "later on Thursday")])
    assert bool(f.wrong[row(engine, f, "lost their homes")])


def test_a_pronoun_opening_binds_the_subject_of_the_passage_before() -> None:
    trump = frozenset({"trump"})
    named = ("Mr. Trump was asked about the war.", frozenset({"trump", "war", "ask"}))
    other = ("The debate ended late.", frozenset({"debat", "end", "late"}))
    count = ("He would send up to 30,000 troops.", frozenset({"send", "30,000", "troop"}))
    # The count's passage comes after another passage in the list: the sentence before it is not its own.
    assert abstain.subject_counted("troops", trump, [other, count]) == 0.0
    widened = [other[1], count[1] | {"trump"}]
    assert abstain.subject_counted("troops", trump, [other, count], widened) == 1.0
    # Only a sentence opening with a pronoun goes back to another's subject.
    plain = ("Officials would send up to 30,000 troops.", count[1])
    assert abstain.subject_counted("troops", trump, [other, plain], [other[1], plain[1] | {"trump"}]) == 0.0
    assert abstain.subject_counted("troops", trump, [named, count]) == 1.0


def test_a_capital_as_an_actor_stands_for_its_country() -> None:
    agents = equivalents.capital_agents("What does Oslo want the valley to be?")
    assert [w for w, _ in agents] == ["Oslo"]
    rx = agents[0][1]
    assert rx.search("The Norwegian government wants ...") and rx.search("Norway said")
    washington = equivalents.capital_agents("What is Washington's position on the plan?")[0][1]
    assert washington.search("The US wants") and washington.search("the U.S. said")
    assert not washington.search("he told us that")


@pytest.mark.parametrize(
    "question",
    [
        "What happened in Oslo?",
        "What is the population of Oslo?",
        "Who flew to Moscow?",
        "What did the Washington Post report?",
        "What did George Washington say?",
    ],
)
def test_a_capital_as_a_place_or_in_a_name_is_no_actor(question: str) -> None:
    assert equivalents.capital_agents(question) == []


def test_the_country_counts_as_the_capital_asked_as_an_actor(engine) -> None:  # type: ignore[no-untyped-def]
    question = "What does Oslo want for the valley?"
    assert query_reading.agent_terms(lexical.terms, question)[0][0] == "oslo"
    f = rank.features(engine, question)
    assert f is not None
    i = row(engine, f, "The Norwegian government wants")
    was = query_reading.CAPITAL_AGENTS
    query_reading.CAPITAL_AGENTS = False
    try:
        g = rank.features(engine, question)
    finally:
        query_reading.CAPITAL_AGENTS = was
    assert g is not None
    assert f.cov_s[i] > g.cov_s[row(engine, g, "The Norwegian government wants")]
