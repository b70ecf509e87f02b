"""Yes/no questions (qa.polar): read as a statement to verify, ranked by the sentence that settles it."""

from __future__ import annotations

import pytest

from qa import polar, query_reading, rank
from qa.engine import Engine
from tests.hashindex import hash_engine, row

ARTICLE = """Harbour board approves new ferry route

The Portvale harbour board approved a ferry route to Orkney on Tuesday after a long debate.

Mayor Elena Marsh welcomed the decision. The fishermen's union also backed the route, saying it would bring trade.

The ferry company has run a service to Shetland since 1998 and will add two boats next spring.

Councillor Tom Reid and the mayor disagree on the cost: Reid wants the board to pay less.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Did the union also back the route?",
        "has the ferry company run services before",
        "Is the Shetland service new?",
        "Will the company add boats?",
        "So, do Reid and Marsh agree on the cost?",
        "Won't the board pay less?",
    ],
)
def test_yes_no_questions_are_read_as_statements(question: str) -> None:
    assert polar.is_polar(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did the board approve?",
        "Can you tell me who approved the route?",
        "Do you know when the route opens?",
        "Who backed the route?",
        "How many boats will the company add?",
    ],
)
def test_other_questions_are_not(question: str) -> None:
    assert not polar.is_polar(question)
    assert polar.operators(question) == ()
    assert polar.filler_words(question) == []


def test_framing_words_are_no_topic() -> None:
    assert polar.filler_words("Have Syrians fled abroad as well as inside the country?") == ["well"]
    assert polar.filler_words("Has anyone really complained?") == ["anyone", "really"]
    # outside a yes/no question the same words are left alone
    assert polar.filler_words("Why did anyone complain?") == []


@pytest.mark.parametrize(
    ("question", "ops"),
    [
        ("Did the union also back the route?", ("additive", "stance")),
        ("Have Syrians fled abroad as well as inside the country?", ("additive",)),
        ("Is the Shetland service new?", ("novelty",)),
        ("Do Reid and Marsh see eye to eye on the cost?", ("stance",)),
        ("will the company add boats", ("future",)),
        ("Has the board chosen the route?", ()),
    ],
)
def test_operators_are_read_from_the_question(question: str, ops: tuple[str, ...]) -> None:
    assert polar.operators(question) == ops


def test_settling_sentences_hold_the_operator_marker() -> None:
    assert polar.settles(("additive",), "The fishermen's union also backed the route.")
    assert polar.settles(("novelty",), "The company has run a service to Shetland since 1998.")
    assert polar.settles(("future",), "The two leaders are set to meet later on Monday.")
    assert polar.settles(("stance",), "Putin's remarks were in direct opposition to Obama's.")
    assert not polar.settles(("future",), "The board approved a ferry route to Orkney on Tuesday.")
    assert not polar.settles((), "The union also backed the route.")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "polar", ARTICLE)


def test_the_settling_sentence_carries_the_feature(engine: Engine) -> None:
    f = rank.features(engine, "Did the union also back the route?")
    assert f is not None
    also = row(engine, f, "also backed")
    approved = row(engine, f, "approved a ferry route")
    assert f.settles[also] > 0.0
    assert f.settles[also] > f.settles[approved]


def test_a_question_without_an_operator_has_no_settling_feature(engine: Engine) -> None:
    f = rank.features(engine, "Has the board chosen the route?")
    assert f is not None
    assert not f.settles.any()


def test_filler_words_leave_the_lexical_terms(engine: Engine) -> None:
    qr = query_reading._read(engine, "Has the ferry company ever run a service to Shetland as well?")
    assert "well" not in qr.lexical and "ever" not in qr.lexical
    assert "shetland" in qr.lexical


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Do Obama and Putin see eye to eye on Assad?", "Obama and Putin"),
        ("Is Russia's backing of Assad something new?", "Russia's"),
        ("Did the Harbour Board also approve it?", "Harbour Board"),
        ("has russia sent armour to syria", None),
        ("Is he willing to pay?", None),
        ("Who approved the route?", None),
    ],
)
def test_the_subject_is_the_names_the_statement_is_about(question: str, named: str | None) -> None:
    assert polar.subject(question) == named


def test_the_subject_feature_reads_the_names(engine: Engine) -> None:
    f = rank.features(engine, "Do Reid and Marsh see eye to eye on the cost?")
    assert f is not None
    both = row(engine, f, "Councillor Tom Reid and the mayor disagree")
    other = row(engine, f, "The ferry company has run")
    assert f.subject[both] > f.subject[other]


def test_operator_words_are_settled_in_other_words() -> None:
    texts = ["Putin's remarks were in direct opposition to the US president's."]
    assert polar.settled_words("Did Putin agree?", texts) == {"agree"}
    assert polar.settled_words("Did Putin agree?", ["Putin spoke on Monday."]) == set()
    assert polar.settled_words("What did Putin agree to?", texts) == set()
