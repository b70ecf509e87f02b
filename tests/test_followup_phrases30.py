"""A follow-up's "it" stands for a whole noun phrase of the previous question, cut right: the thing
an object question asks for ("On which podcast did she talk ...?" -> "the podcast"), a phrase with
a modifier in "-ing" ("the council's Monday fundraising letter"), a phrase ending the question after
a preposition ("the old river path", its last word no verb), and no question-opening preposition
taken for the "about/on" topic (bench/reports/fup30.md; news_heldout16 n16a5, n16b7,
article_heldout13 h13u08).

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.referents import asked_thing, noun_phrases
from qa.session import Conversation

FLOOD = """Brindle mayor recalls the spring flood on a radio podcast

Mayor Ida Quell talked about the spring flood on the Riverside Hour podcast, her first interview since the water fell.

The Riverside Hour episode was recorded in a church hall in Oakford two days after the river crested.

The Brindle council's Monday fundraising letter listed three projects: a new levee, a pumping station and a shelter for families.

Quell said the old river path should be closed for good, because the bank had collapsed twice.

Councillor Sam Orrin disagreed, saying the old river path was the only way farmers could reach the market.
"""


@pytest.fixture(scope="module")
def brindle(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("brindle-docs")
    (docs / "flood.txt").write_text(FLOOD, encoding="utf-8")
    target = tmp_path_factory.mktemp("brindle-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _reading(engine: Engine, first: str, then: str) -> str:
    """How `then` is searched after `first`.

    Args:
        engine: the indexed article.
        first: the question asked first.
        then: the follow-up, resolved only.
    Returns:
        The follow-up's first reading.
    """
    conv = Conversation(engine)
    conv.ask(first, 5)
    return conv.resolve(then).readings[0]


def test_a_question_opening_with_a_preposition_has_its_topic_later() -> None:
    assert followup.topic("On which podcast did Murphy talk about the flood?") == "the flood"
    assert followup.topic("What did Obama say on climate change?") == "climate change"
    assert followup.topic("On which podcast did she appear?") == ""


def test_an_object_question_offers_the_thing_it_asks_for() -> None:
    assert asked_thing("On which podcast did Mayor Quell talk about the flood?").text == "the podcast"
    assert asked_thing("What petition did Sanders start this week?").text == "the petition"
    assert asked_thing("Which senator did she thank?") is None  # a person: "he"/"she", not "it"
    assert asked_thing("Which film won the top prize?") is None  # the subject: described() has it
    assert asked_thing("What did Obama say?") is None
    assert asked_thing("In which city did the shooting happen?") is None  # "there", not "it"


def test_a_noun_phrase_keeps_a_modifier_in_ing_and_its_last_word_after_a_preposition() -> None:
    q = "What did the Brindle council's Monday fundraising letter promise?"
    assert [r.text for r in noun_phrases(q)] == ["the Brindle council's Monday fundraising letter"]
    q = "What did the council's fundraising letter boast about?"
    assert [r.text for r in noun_phrases(q)] == ["the council's fundraising letter"]
    assert [r.text for r in noun_phrases("What did Quell say about the old river path?")] == [
        "the old river path"
    ]
    # The subject ends before its verb, a verb of speech too; a clause in "-ing" still ends a phrase.
    assert [r.text for r in noun_phrases("What did the council's finance chief say about the levee?")] == [
        "the council's finance chief",
        "the levee",
    ]
    assert [r.text for r in noun_phrases("What did the UCU report find?")] == ["the UCU report"]
    assert [r.text for r in noun_phrases("Why did the man living next door call?")] == ["the man"]


def test_it_is_the_podcast_asked_for(brindle: Engine) -> None:
    first = "On which podcast did Mayor Quell talk about the spring flood?"
    assert _reading(brindle, first, "And when was it recorded?") == "When was the podcast recorded?"
    a = talk(brindle, first, "And when was it recorded?")
    assert "two days after the river crested" in a.hits[0].text


def test_it_is_the_whole_fundraising_letter(brindle: Engine) -> None:
    first = "What did the Brindle council's Monday fundraising letter promise?"
    reading = _reading(brindle, first, "which projects did it list")
    assert reading == "Which projects did the Brindle council's Monday fundraising letter list"
    assert "pumping station" in talk(brindle, first, "which projects did it list").hits[0].text


def test_it_is_the_whole_path_after_about(brindle: Engine) -> None:
    reading = _reading(
        brindle, "What did Quell say about the old river path?", "did Orrin see it the same way"
    )
    assert reading == "Did Orrin see the old river path the same way"
    a = talk(brindle, "What did Quell say about the old river path?", "did Orrin see it the same way")
    assert "only way farmers could reach the market" in a.hits[0].text
