"""Where a "how many" question's counted phrase ends (qa.counted_head, read by qa.abstain.counted_noun):
before an adverb in "-ly" and before a verb that a determiner follows. Questions and the article
written for these tests."""

from __future__ import annotations

import pytest

from qa import abstain, counted_head
from qa.engine import Engine
from qa.session import Conversation


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How many councils formally signed the harbour pact?", "councils"),
        ("How many senators publicly backed the governor?", "senators"),
        ("How many residents think the footbridge spoils the view?", "residents"),
        ("How many fishermen want their quota back?", "fishermen"),
        ("How many times the ferry sailed late?", "times"),  # the first word is always taken
        ("How many Syrian refugees the island took in", "refugees"),  # a plural before "the" is read on
        ("How many family members came?", "members"),  # "family" is no adverb
        ("How many jobs will Unilever cut?", "jobs"),
    ],
)
def test_the_counted_noun_ends_before_an_adverb_or_a_verb_and_its_object(question: str, noun: str) -> None:
    assert abstain.counted_noun(question) == noun


def test_a_possessive_name_does_not_end_the_phrase() -> None:
    # Read so, news_heldout3's unanswerable n3a8 was answered (bench/reports/wrong33.md).
    assert abstain.counted_noun("How many people heard Dahl's speech to the guild?") == "speech"


@pytest.mark.parametrize(
    ("word", "adverb"),
    [
        ("formally", True),
        ("publicly", True),
        ("easily", True),
        ("family", False),
        ("Italy", False),
        ("fly", False),
    ],
)
def test_adverbs_by_their_stem(word: str, adverb: bool) -> None:
    assert counted_head.is_adverb(word) is adverb


def test_the_switch_off_reads_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(counted_head, "COUNTED_HEAD", False)
    assert abstain.counted_noun("How many councils formally signed the harbour pact?") == "formally"
    assert abstain.counted_noun("How many residents think the footbridge spoils the view?") == "view"


HARBOUR = (
    "Fourteen councils sign the northern harbour pact after a year of talks\n"
    "\n"
    "Updated May 12, 2025\n"
    "\n"
    "The northern harbour pact was officially signed by 14 councils at a ceremony in Kirkwall on Friday, "
    "the regional board said.\n"
    "\n"
    "The pact sets shared landing fees for the ferries and the fishing fleet from next spring.\n"
    "\n"
    "Two island councils stayed away from the ceremony and said they would decide in the autumn.\n"
    "\n"
)
QUESTION = "How many councils formally signed the harbour pact?"


@pytest.fixture(scope="module")
def harbour(qa_home, tmp_path_factory: pytest.TempPathFactory) -> Engine:  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("harbour-counts")
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    target = tmp_path_factory.mktemp("harbour-counts-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
def test_the_count_of_the_noun_is_found(harbour: Engine) -> None:
    answer = Conversation(harbour).ask(QUESTION, 3)
    assert not answer.abstained, answer.reason
    assert "14 councils" in answer.passages[0].text


@pytest.mark.slow
def test_read_on_past_the_adverb_the_question_declines(
    harbour: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(counted_head, "COUNTED_HEAD", False)
    answer = Conversation(harbour).ask(QUESTION, 3)
    assert answer.abstained
    assert "formally" in answer.reason
