"""A count question that names what it counts stands on its own in a conversation.

"How much does a ticket cost?" after another answer was read as a count follow-up ("And how many are
still undecided?"), focused on the passage shown and so never declined: it was answered with that
passage. A leading "And", or a pronoun, still carries the conversation on.
"""

from __future__ import annotations

import pytest

from qa import followup
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

PIER = (
    "The harbour board said on Friday that the old pier at Lowmouth would reopen in May after a "
    "repair that cost £4 million.\n\n"
    "Board chairman Owen Tate said the pier had been closed for two winters because storms had "
    "washed away part of its deck.\n\n"
    "Fishermen said the closure had forced them to land their catch at Eastport, twenty miles away.\n"
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much does a ticket cost?", "own"),
        ("And how much does a ticket cost?", "count"),
        ("How many are still closed?", "count"),
        ("How much did that cost?", "count"),
    ],
)
def test_a_count_naming_its_own_subject_is_no_count_follow_up(question: str, kind: str) -> None:
    assert (followup.read(question).name == "count") == (kind == "count")


@pytest.fixture(scope="module")
def pier(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "pier", PIER)


def test_an_unrelated_count_is_declined_mid_conversation(pier: Engine) -> None:
    chat = Conversation(pier)
    first = chat.ask("Why was the pier closed?", 3)
    assert not first.abstained
    answer = chat.ask("How much does a ticket cost?", 3)
    assert answer.abstained


def test_a_count_that_goes_on_is_still_answered_from_the_conversation(pier: Engine) -> None:
    chat = Conversation(pier)
    chat.ask("What did the harbour board say about the pier?", 3)
    answer = chat.ask("How much did the repair cost?", 3)
    assert not answer.abstained
    assert "£4 million" in answer.hits[0].text


@pytest.mark.slow
def test_the_bundled_article_declines_a_ticket_price_after_obamas_words(article_engine: Engine) -> None:
    # Found by hand on the default index: answered with Obama's quote at a negative score.
    chat = Conversation(article_engine)
    assert not chat.ask("What did Obama say about Russia?", 3).abstained
    assert chat.ask("how much does a ticket cost?", 3).abstained
