"""A speaker asked for by their view, message or remarks whom the documents do not quote is declined
(qa.stance_speaker, qa.decline._stance_speaker_reason). Articles and questions written for these tests."""

from __future__ import annotations

import pytest

from qa import stance_speaker
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

# A made-up story: the mayor is quoted; Belgium and a Belgian firm are named, no Belgian is quoted.
ARTICLE = """Harborton signs tram deal with Belgian builder

The city of Harborton signed a contract on Tuesday with Velmar, a Belgian engineering firm, to build a
tram line along the east waterfront.

"This line will carry twelve thousand riders a day and take cars off our bridges," Mayor Ruth Calloway
said at the signing.

Velmar has built tram lines in Belgium and the Netherlands. A Belgian trade minister and a delegation
from the firm attended the signing, and the council approved the contract by seven votes to two after
remarks from its members.

"We have waited twenty years for this," Calloway said. Her message to the riders was to be patient.
"""


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What was the Belgian minister's view of the contract?", "the Belgian minister"),
        ("what's the mayor's view of the tram", "the mayor"),
        ("What was Brussels' message to the council?", "Brussels"),
        ("And what are Calloway's remarks on the vote?", "Calloway"),
        ("which remarks did the belgian delegation make at the signing", "the belgian delegation"),
        ("What comments did the council give?", "the council"),
    ],
)
def test_the_speaker_of_a_view_message_or_remarks(question: str, speaker: str) -> None:
    assert stance_speaker.stance_speaker(question) == speaker


@pytest.mark.parametrize(
    "question",
    [
        "What did the mayor say about the tram?",  # asked_speaker's form
        "What was Calloway's position at the council?",  # a post, not a stance
        "What was Velmar's response to the vote?",  # a story tells responses as deeds too
        "What is the view from the waterfront?",
        "How many riders will the line carry?",
    ],
)
def test_other_forms_are_not_read(question: str) -> None:
    assert stance_speaker.stance_speaker(question) is None


def test_lower_case_country_words_are_read_as_names() -> None:
    assert stance_speaker.with_country_names("the belgian delegation") == "the Belgian delegation"
    assert stance_speaker.with_country_names("brussels's envoy") == "Brussels's envoy"
    # Other words, and words already capitalised, stay as typed.
    assert stance_speaker.with_country_names("the mayor's office") == "the mayor's office"
    assert stance_speaker.with_country_names("the Belgian firm") == "the Belgian firm"


@pytest.fixture(scope="module")
def harborton(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "harborton_stance", ARTICLE)


@pytest.mark.parametrize(
    "question",
    [
        "which remarks did the belgian delegation make at the signing",
        "What was Brussels' message to the council?",
        "What was the Belgian minister's view of the contract?",
    ],
)
def test_an_unquoted_speaker_is_declined(harborton: Engine, question: str) -> None:
    """Through the conversation: Belgium is named, no Belgian is quoted; the mayor's words are no
    answer to what a Belgian minister or delegation said. (The capitalised "X's view" is declined by
    the speech reading qa.query_reading gives it too; the first two only by this check, below.)"""
    reply = Conversation(harborton).ask(question, 5)
    assert reply.abstained
    assert reply.reason.startswith("the documents quote no B")


def test_a_quoted_speakers_view_is_answered(harborton: Engine) -> None:
    reply = Conversation(harborton).ask("What was Calloway's view of the tram line?", 5)
    assert not reply.abstained


@pytest.mark.parametrize(
    "question",
    [
        "which remarks did the belgian delegation make at the signing",
        "What was Brussels' message to the council?",
    ],
)
def test_off_these_are_answered(harborton: Engine, monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """The check is what declines them: off, the mayor's words answer."""
    monkeypatch.setattr(stance_speaker, "STANCE_SPEAKER", False)
    assert not Conversation(harborton).ask(question, 5).abstained
