"""A country, nationality or capital word typed in lower case is read as the name it is by the "not
mentioned" test (qa.country_words_lower, qa.not_mentioned). Articles and questions written for these tests."""

from __future__ import annotations

import pytest

from qa import country_words_lower
from qa.country_words_lower import lower_country_words
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

# A made-up story: Belgium, a Belgian firm and the Netherlands are named; France and Germany are not.
ARTICLE = """Harborton signs tram deal with Belgian builder

The city of Harborton signed a contract on Tuesday with Velmar, a Belgian engineering firm, to build a
tram line along the east waterfront.

"This line will carry twelve thousand riders a day and take cars off our bridges," Mayor Ruth Calloway
said at the signing.

Velmar has built tram lines in Belgium and the Netherlands. A trade delegation from the firm attended
the signing, and the council approved the contract by seven votes to two.
"""


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("did the french delegation back the tram deal", ["French"]),
        ("german intake of belgian trams", ["German", "Belgian"]),
        ("how many syrians fled", ["Syrians"]),
        # Capitals and native names hold everyday words ("male" for Malé, "island" for Ísland), and a
        # plural is read by a demonym only ("jerseys").
        ("what did paris say about the male island jerseys", []),
        # Capitalised words are names_in's; pronouns and other words are no country.
        ("What did the French delegation say?", []),
        ("what did the mayor tell us about the tram", []),
    ],
)
def test_the_lower_case_country_words(question: str, words: list[str]) -> None:
    assert lower_country_words(question) == words


def test_off_none_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(country_words_lower, "LOWER_COUNTRY", False)
    assert lower_country_words("did the french delegation back the tram deal") == []


@pytest.fixture(scope="module")
def harborton(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "harborton_country", ARTICLE)


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("did the french delegation back the tram deal", "French"),
        ("how long is the german tram line", "German"),
    ],
)
def test_an_absent_country_typed_in_lower_case_is_declined(
    harborton: Engine, question: str, absent: str
) -> None:
    """As the capitalised question is: the story names no France and no Germany."""
    reply = Conversation(harborton).ask(question, 5)
    assert reply.abstained
    assert reply.reason == f"the documents do not mention {absent}"
    capitalised = Conversation(harborton).ask(question.replace(absent.lower(), absent), 5)
    assert capitalised.abstained and capitalised.reason == reply.reason


@pytest.mark.parametrize(
    "question",
    [
        "did the belgian firm win the tram contract",  # named as typed
        "which dutch cities have velmar tram lines",  # "Dutch" where the story says the Netherlands
    ],
)
def test_a_named_country_typed_in_lower_case_is_answered(harborton: Engine, question: str) -> None:
    assert not Conversation(harborton).ask(question, 5).abstained


def test_off_the_lower_case_question_is_answered(harborton: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading is what declines it: off, the story's tram line answers."""
    monkeypatch.setattr(country_words_lower, "LOWER_COUNTRY", False)
    assert not Conversation(harborton).ask("how long is the german tram line", 5).abstained


def test_only_absent_countries_of_a_speaker_phrase_are_capitalised() -> None:
    def known(word: str) -> bool:
        return word == "Belgian"

    assert country_words_lower.absent_as_names("the french delegation", known) == "the French delegation"
    # A country the documents name stays as typed: its capitalised twin may go unresolved (abst30's n5c2).
    assert country_words_lower.absent_as_names("the belgian minister", known) == "the belgian minister"
    assert country_words_lower.absent_as_names("the mayor", known) == "the mayor"


def test_an_unquoted_speaker_of_an_absent_country_is_declined(harborton: Engine) -> None:
    """The mayor is quoted; no French source is, and France is never named."""
    reply = Conversation(harborton).ask(
        "what did the french delegation say about the trade delegation from the firm at the tram signing", 5
    )
    assert reply.abstained
    assert reply.reason.lower().startswith("the documents quote no french")
    capitalised = Conversation(harborton).ask(
        "what did the French delegation say about the trade delegation from the firm at the tram signing", 5
    )
    assert capitalised.abstained and capitalised.reason == reply.reason


def test_a_quoted_speaker_is_still_answered(harborton: Engine) -> None:
    assert not Conversation(harborton).ask("what did the mayor say about the tram line", 5).abstained


def test_off_the_speaker_phrase_stays_as_typed(harborton: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading is what declines it as unquoted: off, no French source is looked for."""
    monkeypatch.setattr(country_words_lower, "LOWER_COUNTRY", False)
    reply = Conversation(harborton).ask(
        "what did the french delegation say about the trade delegation from the firm at the tram signing", 5
    )
    assert not reply.reason.lower().startswith("the documents quote no french")
