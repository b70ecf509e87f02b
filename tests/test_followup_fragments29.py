"""Follow-ups that are fragments with nothing to resolve ("Partners for what purpose?", "To achieve
what?") after a question whose answer holds what they ask: searched as typed, and answered from
the passage shown where the search declines (bench/reports/fup29.md). Not so a "which" fragment
whose noun the passage shown does not name, a question on another named person's words, nor a
question of its own naming what the documents lack.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa.engine import Engine
from qa.session import Conversation, Plan

DAM = """Valley towns agree to share the cost of a new dam

The mayors of Brindle and Oakford signed an agreement on Tuesday to build a dam on the river Wend.

"Oakford will work with any town upstream, including Brindle and Marlow, to stop the spring floods," Mayor Ida Quell said at the signing.

The two mayors are set to meet again in May, when the price of the land is expected to be the main subject.

Mayor Sam Orrin of Brindle said the river had flooded his town three times in ten years.
"""


@pytest.fixture(scope="module")
def valley(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("valley-docs")
    (docs / "dam.txt").write_text(DAM, encoding="utf-8")
    target = tmp_path_factory.mktemp("valley-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _plan(engine: Engine, first: str, then: str) -> tuple[Conversation, Plan]:
    """The conversation after `first`, and how it would search `then`.

    Args:
        engine: the indexed article.
        first: the question asked first.
        then: the follow-up, resolved only.
    Returns:
        The conversation and the follow-up's Plan.
    """
    conv = Conversation(engine)
    conv.ask(first, 5)
    return conv, conv.resolve(then)


def test_a_fragment_is_anchored_in_the_passage_shown(valley: Engine) -> None:
    conv, plan = _plan(
        valley, "Which towns did Mayor Quell say Oakford would work with?", "Partners for what purpose?"
    )
    shown = conv.turns[-1].top
    assert shown is not None and "work with any town" in valley.passages[shown].text
    # Searched as typed (nothing to rewrite), with the passage shown as the anchor.
    assert plan.readings == ["Partners for what purpose?"]
    assert shown in plan.anchor and not plan.focus and not plan.named


def test_a_declined_fragment_is_answered_from_the_passage_shown(valley: Engine) -> None:
    a = talk(valley, "Which towns did Mayor Quell say Oakford would work with?", "Partners for what purpose?")
    assert not a.abstained
    assert "stop the spring floods" in a.hits[0].text
    a = talk(valley, "Which towns did Mayor Quell say Oakford would work with?", "To achieve what?")
    assert not a.abstained
    assert "stop the spring floods" in a.hits[0].text


def test_a_question_of_its_own_the_documents_lack_is_not_anchored(valley: Engine) -> None:
    # It opens with a question word and names what no document holds: off the conversation's topic.
    _, plan = _plan(valley, "What did Mayor Quell say at the signing?", "what is the recipe for banana bread")
    assert not plan.anchor
    a = talk(valley, "What did Mayor Quell say at the signing?", "what is the recipe for banana bread")
    assert a.abstained and not a.hits
    # A question word before words the documents all hold keeps the anchor.
    _, plan = _plan(valley, "When are the two mayors set to meet again?", "what is the main subject")
    assert plan.anchor


def test_a_which_fragment_needs_its_noun_in_the_passage(valley: Engine) -> None:
    _, plan = _plan(valley, "When are the two mayors set to meet again?", "Which hotel?")
    assert plan.named == frozenset({"hotel"})
    a = talk(valley, "When are the two mayors set to meet again?", "Which hotel?")
    assert a.abstained


def test_another_persons_words_are_not_anchored(valley: Engine) -> None:
    _, plan = _plan(valley, "What did Mayor Quell say at the signing?", "what did Sam Orrin say in reply")
    assert not plan.anchor


def test_a_first_question_has_no_anchor(valley: Engine) -> None:
    plan = Conversation(valley).resolve("Partners for what purpose?")
    assert not plan.anchor and plan.readings == ["Partners for what purpose?"]


def test_what_opens_a_question_of_its_own() -> None:
    from qa import followup

    assert followup.opens_question("what is the recipe for banana bread")
    assert followup.opens_question("Did the mayors agree?")
    assert not followup.opens_question("Partners for what purpose?")
    assert not followup.opens_question("To achieve what?")
