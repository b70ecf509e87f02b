"""Answerable questions the decline tests misread (round 23, bench/reports/wrong23.md): an everyday
word opening a question is no name, a question with no content word has none missing, and a seat
of government names its country. Each is checked end to end on a short article of this test's own,
beside a question the same test still declines. (The speaker-topic reading of a country's other
name, qa.not_mentioned, turns on the embedding paraphrase test, which the hash embedder does not
reproduce: it is measured on the read sets, bench/reports/wrong23.md.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import equivalents
from qa.term_cover import names_in
from tests.hashindex import hash_engine

ARTICLE = """Harbour talks stall in Valdoria

Valdoria will send two patrol boats and forty advisers to the port of Kessel, officials in Brinmark
said on Tuesday. The shipment follows months of talks between the two governments.

"We will work with any neighbour, including Brinmark and Russia, to keep the harbour open," said
Prime Minister Odile Ferrant in a speech to parliament. She called the blockade a disgrace.

Russian officials said they were ready to join the talks. "Russia wants the port open as much as
anyone," said Pavel Orlov, a deputy foreign minister.
"""


@pytest.fixture(scope="module")
def engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine(tmp_path_factory, "harbour23", ARTICLE)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Even with Russia?", ["Russia"]),
        ("Since when has Valdoria sent boats?", ["Valdoria"]),
        ("Under what terms will Brinmark join?", ["Brinmark"]),
        # A name opening the question stays one, and so does a capitalised word running into a name.
        ("Ferrant said what about the blockade?", ["Ferrant"]),
        ("Will Orlov join the talks?", ["Orlov"]),
        ("US officials said what?", ["US"]),
    ],
)
def test_an_everyday_opener_is_no_name(question: str, names: list[str]) -> None:
    assert names_in(question) == names


def test_a_seat_of_government_names_its_country() -> None:
    used = {"russia", "uk"}.__contains__
    assert equivalents.metonym_in("Kremlin", used) == "russia"
    assert equivalents.metonym_in("Westminster", used) == "uk"  # the country by another of its names
    assert equivalents.metonym_in("Elysee", used) is None  # France: not named by these documents
    assert equivalents.metonym_in("Parliament", used) is None
    # Not a country's name for the speaker descriptions (qa.describe): "the Kremlin" is no "Russian".
    assert equivalents.country_equivalents("Kremlin") == []


def test_a_follow_up_with_no_content_word_is_not_declined_for_lacking_words(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    conv = Conversation(engine)
    conv.ask("Was the blockade called a disgrace?")
    a = conv.ask("By whom?")
    assert "none of the question's words" not in a.reason, a.reason
    # A question whose content words the documents all lack is still declined so.
    b = Conversation(engine).ask("Quarterly dividend yields?")
    assert b.abstained, b.reason


def test_an_opener_is_not_an_unknown_name(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    conv = Conversation(engine)
    conv.ask("What did Ferrant say Valdoria is prepared to do?")
    a = conv.ask("Even with Russia?")
    assert "do not mention Even" not in a.reason, a.reason


def test_the_kremlin_is_a_name_the_documents_hold(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(engine).ask("What did the Kremlin say about the talks?")
    assert "do not mention Kremlin" not in a.reason, a.reason
    # A building that stands for no government is still a name the documents lack.
    b = Conversation(engine).ask("What did the Louvre say about the talks?")
    assert b.abstained and "Louvre" in b.reason, b.reason
