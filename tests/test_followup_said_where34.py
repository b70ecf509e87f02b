""" "Where did he say it?", "Who was she talking to?": answered by the passage whose attribution of the
speaker shown says where or to whom, the one shown else its neighbour (qa.said_where, qa.session
Conversation._said_where; bench/reports/fup34.md: article_heldout13 h13u06, h18u03, h20u04).

An article written for these tests; the hash embedder indexes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import said_where
from qa.engine import Engine
from qa.session import Conversation

HARBOUR = """Mayor defends harbour plan as council splits

Mayor Ruth Calder said the harbour plan would bring jobs back to the old docks.

"We cannot leave the docks empty for another decade while the town waits," Calder told the chamber of commerce.

"The harbour plan spends money the town does not have," Councillor Piet Voss said.

Voss opposed the plan, saying it would raise rates for every household.

"Every household will pay for a marina that few will use," Voss said at a public meeting in the library.

The council will vote on the plan next month.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("harbour-docs")
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    target = tmp_path_factory.mktemp("harbour-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    [
        "Where did he say it?",
        "where was she speaking",
        "Who was he talking to?",
        "what forum was he addressing",
        "where was he when he said that",
        "To whom did she say that?",
    ],
)
def test_asks_where_said(question: str) -> None:
    assert said_where.asks_where_said(question)


@pytest.mark.parametrize(
    "question",
    [
        "Where did he say the phrase came from?",  # a question of its own
        "Who did she speak to at the company?",  # asks about another occasion
        "What did he say?",
        "Where does she live?",
    ],
)
def test_not_where_said(question: str) -> None:
    assert not said_where.asks_where_said(question)


def test_circumstance() -> None:
    assert (
        said_where.circumstance(" told the chamber of commerce.\n\nNext", "told") == "the chamber of commerce"
    )
    assert said_where.circumstance(" said at a public meeting in the library.", "said") == (
        "at a public meeting in the library"
    )
    assert said_where.circumstance(" said.\n\nThe council will vote", "said") == ""


def _ask(engine: Engine, first: str, then: str) -> str:
    conv = Conversation(engine)
    conv.ask(first, 5)
    answer = conv.ask(then, 5)
    assert not answer.abstained
    return answer.hits[0].text


def test_where_from_the_words_shown(harbour: Engine) -> None:
    # The words shown say where they were said: shown again, not Calder's other passage.
    top = _ask(
        harbour, "Who said the town cannot leave the docks empty for another decade?", "Where did she say it?"
    )
    assert "chamber of commerce" in top


def test_where_from_the_next_passage(harbour: Engine) -> None:
    # Voss's reported words shown; the next passage's attribution says where he spoke.
    conv = Conversation(harbour)
    first = conv.ask("Who opposed the harbour plan, saying it would raise rates?", 5)
    assert "Voss opposed" in first.hits[0].text
    answer = conv.ask("Where was he speaking?", 5)
    assert "public meeting in the library" in answer.hits[0].text


def test_no_circumstance_no_preference(harbour: Engine) -> None:
    # '," Councillor Piet Voss said.' says nothing of where, nor do its neighbours (Calder's words,
    # Voss's reported ones): the plan prefers no passage.
    conv = Conversation(harbour)
    conv.ask("Who said the harbour plan spends money the town does not have?", 5)
    prev = conv.turns[-1]
    assert prev.top is not None and "does not have" in harbour.passages[prev.top].text
    assert conv._said_where(prev, "Where did Voss say it") == frozenset()
    assert not conv.resolve("Where did he say it?").prefer
