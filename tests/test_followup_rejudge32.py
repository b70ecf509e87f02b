"""A resolved follow-up that the rewrite's strict reading declines (every missing word declines, so
that the passage shown is tried) and the passage shown does not answer is judged again as though its
reading had been typed, and answered where that finds a passage of the conversation's article
(qa.session.Conversation._rejudged; bench/reports/fup32.md; article_heldout16 h16u09 "Where was he
standing in it?" after "Who took the photo of Putin?").

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import rank, session
from qa.engine import Engine
from qa.session import Conversation, Plan

FERRY = """Governor opens Pell Harbour ferry terminal

Governor Lena Marr cuts the ribbon at the new ferry terminal on the quay of Pell Harbour in Dunmore, May 4, 2023.

The terminal cost 48 million crowns and took three years to build.

Marr said the crossing to the islands would fall from ninety minutes to fifty.

Harbour master Ivo Brandt said six ferries a day would call at the terminal from June.

Fishermen complained that the works had closed the old slipway for two summers.

Photo credit: Coastline Press
"""

ORCHARD = """Cider makers fear a late frost

Growers in the Tamsk valley said a late frost in April had cost them a third of their blossom.

The cooperative's chair said prices would rise by autumn.

The valley shipped eleven thousand barrels last year.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The two articles indexed with the real model (the decline reads the embedder's cosines)."""
    from index.build import build
    from qa import config

    root: Path = tmp_path_factory.mktemp("ferry")
    for name, text in (("ferry.txt", FERRY), ("orchard.txt", ORCHARD)):
        (root / name).write_text(text, encoding="utf-8")
    build(
        [str(root / "ferry.txt"), str(root / "orchard.txt")],
        root / "index",
        cache_dir=config.model_cache_dir(),
    )
    return Engine.open(root / "index")


def conversation(engine: Engine, first: str) -> Conversation:
    """A conversation that has asked `first`.

    Args:
        engine: the index.
        first: the first question.
    Returns:
        The conversation.
    """
    conv = Conversation(engine)
    conv.ask(first, 5)
    return conv


# Typed so, "standing" is a verb of a question whose other words the caption holds: answered. As a
# rewrite every missing word declines (qa.not_mentioned._uncovered), so that the passage shown (here the
# photo credit, which does not say where) is tried first.
STANDING = "Where was Marr standing in the photo of Governor Marr?"


def test_a_rewrite_declined_strictly_is_answered_as_typed_from_the_conversations_article(
    ferry: Engine,
) -> None:
    typed = "where was she standing in it"
    assert rank.answer(ferry, typed, STANDING, 5, read=typed).abstained  # the strict reading declines
    conv = conversation(ferry, "Who took the photo of Governor Marr?")
    again = conv._rejudged(typed, typed, Plan([STANDING]), 5)
    assert again is not None and not again.abstained
    assert "Pell Harbour" in again.hits[0].text


def test_another_articles_passage_is_no_answer_to_a_question_on_this_one(ferry: Engine) -> None:
    typed = "where was he standing"
    chair = "Where was the cooperative's chair standing in the valley?"
    assert rank.answer(ferry, typed, chair, 5, read=typed).abstained
    # Typed so, the frost passage answers: the orchard article's, not the ferry article's the
    # conversation is on.
    assert not rank.answer(ferry, chair, chair, 5).abstained
    on_ferry = conversation(ferry, "Who took the photo of Governor Marr?")
    assert on_ferry._rejudged(typed, typed, Plan([chair]), 5) is None
    on_orchard = conversation(ferry, "What did the cooperative's chair say about prices?")
    again = on_orchard._rejudged(typed, typed, Plan([chair]), 5)
    assert again is not None and "Tamsk" in again.hits[0].text


def test_a_follow_up_searched_as_typed_is_not_judged_again(ferry: Engine) -> None:
    conv = conversation(ferry, "Who took the photo of Governor Marr?")
    # Nothing was resolved: the question was judged as typed already.
    assert conv._rejudged(STANDING, STANDING, Plan([STANDING]), 5) is None
    # Nor with nothing shown before (a first question is never a rewrite).
    assert (
        Conversation(ferry)._rejudged("where was she standing", "where was she standing", Plan([STANDING]), 5)
        is None
    )


def test_the_switch_turns_it_off(ferry: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # ask() consults the switch before judging again; with it off, a decline stands as before.
    monkeypatch.setattr(session, "REJUDGE_REWRITE", False)
    conv = conversation(ferry, "Who took the photo of Governor Marr?")
    calls: list[str] = []
    monkeypatch.setattr(conv, "_rejudged", lambda *a, **k: calls.append("x"))
    conv.ask("where was she standing when he snapped her", 5)
    assert calls == []
