"""Yes/no questions asked as readers ask them (round 19): the source of "..., according to X?", a
number asked as "more than N", a people named by a plural demonym, a "when" clause in the present."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import equivalents, planned, polar, query_reading, rank
from qa.engine import Engine
from tests.hashindex import hash_engine, row

ARTICLE = """Harbour board approves new ferry route to Norway

The Portvale harbour board approved a ferry route to Bergen in Norway on Tuesday after a long debate.

"This route will bring trade back to the harbour," Mayor Elena Marsh said.

"The board is paying far too much for the boats," Councillor Tom Reid said. Reid wants the board to pay less.

At least 2,400 residents signed a petition for the route, which the board first discussed in 2019.

The board is willing to work with any partner, including Norway and Denmark, to keep fares low.

The mayor and the Norwegian transport minister are set to meet in Bergen next month, where fares are
expected to be one of the main topics.
"""


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Should Assad stay in power, according to the Americans?", "the Americans"),
        ("According to Reid, is the board paying too much?", "Reid"),
        ("is the board paying too much according to reid", "reid"),
        ("Who is fighting ISIS according to Putin?", None),  # no yes/no question
        ("Is the board paying too much?", None),
        ("Did Obama say he would meet Putin, according to Reuters?", None),  # Obama's words, reported
    ],
)
def test_the_source_of_a_yes_no_question(question: str, source: str | None) -> None:
    assert polar.according_source(question) == source


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("Has the Syrian war killed more than 200,000 people?", 200000.0),
        ("did over 2,000 residents sign", 2000.0),
        ("Will the deal cost less than $5 million?", 5e6),
        ("Did at least 30 people attend?", 30.0),
        ("Is the game over?", None),
        ("How many people signed more than 200 letters?", None),  # no yes/no question
    ],
)
def test_a_compared_number_is_read(question: str, number: float | None) -> None:
    assert polar.compared(question) == number
    assert ("number" in polar.operators(question)) == (number is not None)


def test_a_number_of_the_same_magnitude_settles_the_comparison() -> None:
    assert polar.states_amount(200000.0, "in which at least 250,000 people lost their lives")
    assert polar.states_amount(5e6, "The deal will cost 4.2 million dollars.")
    assert not polar.states_amount(5e6, "The deal will cost 800,000 dollars.")  # another magnitude
    assert not polar.states_amount(200000.0, "since the start of the civil war in 2011")
    assert not polar.states_amount(2000.0, "The board met 3 times.")
    assert polar.settles(("number",), "At least 2,400 residents signed a petition.", 2000.0)
    assert not polar.settles(("number",), "At least 2,400 residents signed a petition.", None)


def test_a_plural_demonym_names_its_country() -> None:
    assert "iran" in equivalents.country_equivalents("Iranians")
    assert "norway" in equivalents.country_equivalents("Norwegians")
    assert "united states" in equivalents.country_equivalents("Americans")
    assert equivalents.country_equivalents("Lions") == []  # no people of a country


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("will syria come up when putin meets obama", []),  # a present: no past event
        ("What was agreed when Putin and Obama met on Monday?", ["meet"]),
        ("Will fares come up when Marsh discusses the route?", []),
    ],
)
def test_a_present_when_clause_asks_no_past_event(question: str, verbs: list[str]) -> None:
    assert planned.clause_verbs(question) == verbs


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "polar19", ARTICLE)


def test_the_source_is_the_asked_speaker(engine: Engine) -> None:
    qr = query_reading._read(engine, "Should Marsh pay less, according to Reid?")
    assert qr.wanted == ["Tom Reid"]
    # without the "according to" phrase the first name is the speaker, as before
    assert query_reading._read(engine, "Did Marsh say the route will bring trade?").wanted == ["Elena Marsh"]


def test_the_number_sentence_settles_a_comparison(engine: Engine) -> None:
    f = rank.features(engine, "Have more than 2,000 residents signed?")
    assert f is not None
    signed = row(engine, f, "At least 2,400 residents")
    approved = row(engine, f, "approved a ferry route")
    assert f.settles[signed] > 0.0
    assert f.settles[approved] == 0.0


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    from index.build import build
    from qa import config

    folder = tmp_path_factory.mktemp("polar19-real")
    (folder / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    build([str(folder / "ferry.txt")], folder / "index", cache_dir=config.model_cache_dir())
    return Engine.open(folder / "index")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "gold"),
    [
        ("Is the board willing to talk to the Norwegians?", "willing to work with any partner"),
        ("Have more than 2,000 residents backed the route?", "At least 2,400 residents"),
        ("will fares come up when marsh meets the minister", "expected to be one of the main topics"),
        ("Should the board pay less, according to Reid?", "pay less"),
    ],
)
def test_answerable_yes_no_questions_are_answered(real_engine: Engine, question: str, gold: str) -> None:
    from qa.session import Conversation

    a = Conversation(real_engine).ask(question, 5)
    assert not a.abstained, a.reason
    assert any(gold in h.text for h in a.hits[:3])


@pytest.mark.slow
def test_an_absent_matter_is_still_declined(real_engine: Engine) -> None:
    from qa.session import Conversation

    a = Conversation(real_engine).ask("Have the Norwegians banned fishing in the Arctic?", 5)
    assert a.abstained
