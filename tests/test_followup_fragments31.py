"""A fragment follow-up declined as typed ("what's on the agenda" after "When will the two mayors
meet?") is searched again with the previous question's content words (qa.carry), its common words
before its names, and answered only where that reading answers (bench/reports/frag31.md;
article_heldout12 h12u05, article_heldout17 h17u03, news_heldout3 n3f8).

An article written for these tests; the hash embedder indexes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hashindex import hash_engine

from qa.carry import carried
from qa.engine import Engine
from qa.session import Conversation

RIVER = """Corvale and Lisk leaders set for river talks

Mayor Ada Brune of Corvale and Mayor Otto Adler of Lisk will meet in Corvale on Friday, where pollution of the Vell river is expected to be the main topic.

The Lisk tannery closed last spring after inspectors found dye in the water downstream.

Brune said fishermen in Corvale had lost half their catch since 2021.

Adler said his town had already paid for a new filter at the sewage works.

The river festival in Corvale, held every August since 1987, drew twelve thousand visitors last year.
"""


@pytest.fixture(scope="module")
def river(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    return hash_engine(tmp_path_factory, "river", RIVER)


def test_the_previous_questions_common_words_are_carried_before_its_names() -> None:
    # Names out beside common words: the passage answering may call the leaders "the two leaders".
    assert carried("When will Obama and Putin meet?", "what's on the agenda") == "what's on the agenda meet?"
    assert (
        carried("Are the two leaders holding talks after their speeches?", "which subject should dominate")
        == "which subject should dominate two leaders holding talks speeches?"
    )
    # Words the fragment already has are not carried twice.
    assert carried("Whom did Cruz challenge to a one-on-one debate?", "by when") == (
        "by when challenge one-on-one debate?"
    )


def test_the_names_are_carried_where_the_previous_question_has_no_common_word() -> None:
    assert (
        carried("Who is John Schlafly?", "What happened in 1992?") == "What happened in 1992 John Schlafly?"
    )


def test_nothing_is_carried_where_the_previous_question_adds_no_word() -> None:
    assert carried("Who is he?", "who is he") is None
    assert carried("When did the mayors meet?", "when did the mayors meet") is None


def test_only_a_fragment_carries_the_previous_question(river: Engine) -> None:
    conv = Conversation(river)
    conv.ask("When will the two mayors meet?", 3)
    assert conv.resolve("what's on the agenda").carried == "what's on the agenda two mayors meet?"
    # A pronoun follow-up is resolved, not carried.
    assert conv.resolve("what did she say about fishermen").carried is None
    # A question asking a value names what it asks: not carried.
    assert conv.resolve("how much does a ticket to the festival cost").carried is None


def test_a_declined_fragment_is_answered_from_the_carried_reading(river: Engine) -> None:
    # As typed, on its own, "agenda" is nowhere in the article: declined.
    assert Conversation(river).ask("what's on the agenda", 3).abstained
    conv = Conversation(river)
    conv.ask("When will the two mayors meet?", 3)
    answer = conv.ask("what's on the agenda", 3)
    assert not answer.abstained
    assert "main topic" in answer.hits[0].text
    # What the conversation searched is still the fragment as typed, for the next turn to read.
    assert conv.turns[-1].searched == "what's on the agenda"


def test_a_fragment_the_documents_do_not_cover_stays_declined(river: Engine) -> None:
    conv = Conversation(river)
    conv.ask("When will the two mayors meet?", 3)
    assert conv.ask("what is the recipe for banana bread", 3).abstained
