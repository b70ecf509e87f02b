"""The cover gate (qa.cover): a missing question word declines by its role in the question."""

from __future__ import annotations

import pytest

from index.lexical import terms
from qa import cover
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine


def _content(word: str) -> bool:
    return bool(terms(word))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "What cargo has the ferry carried to Orkney?",
            {"cargo": "head", "ferry": "subject", "carried": "verb"},
        ),
        ("Which harbour crane was repaired?", {"crane": "head", "harbour": "modifier", "repaired": "verb"}),
        ("How many dock workers walked out?", {"workers": "head", "dock": "modifier", "walked": "verb"}),
        ("How much funding are the fishermen after?", {"funding": "head"}),
        ("what was the cost of the bridge", {"cost": "head", "bridge": "other"}),
        ("Who is the port's deputy manager?", {"manager": "head", "deputy": "modifier", "port": "modifier"}),
        ("What are the harbour pilots anxious about?", {"harbour": "subject", "pilots": "subject"}),
        ("What did the ferry company's chairman say?", {"chairman": "subject", "say": "verb"}),
        ("Why did the dockers march out?", {"dockers": "subject", "march": "verb"}),
        ("How long is the skipper banned for?", {"skipper": "subject", "banned": "verb"}),
        (
            "What has happened to the families who lost their boats?",
            {"happened": "verb", "families": "other"},
        ),
        ("Who sailed the boat into the harbour?", {"sailed": "verb", "boat": "other"}),
        ("which paper printed this", {"paper": "head", "printed": "verb"}),
        ("How long will Elena Marsh be off sick?", {"elena": "subject", "marsh": "subject"}),
        # A contracted "is" is the question's auxiliary: "weather" is the asked noun, not a verb.
        ("what's the weather in Portvale tomorrow", {"weather": "head", "tomorrow": "other"}),
        ("What’s the harbour toll?", {"toll": "head", "harbour": "modifier"}),
    ],
)
def test_roles_come_from_the_question_structure(question: str, expected: dict[str, str]) -> None:
    got = cover.roles(question, _content)
    assert {w: got.get(w) for w in expected} == expected


def test_a_question_without_structure_has_only_other_words() -> None:
    assert set(cover.roles("harbour cranes and dock workers", _content).values()) == {"other"}


def test_only_declining_roles_decline() -> None:
    ev = cover.Evidence({"worried": "verb", "sanctions": "head"}, 0.3)
    assert cover.declining(ev, {"head"}, 2.0) == ["sanctions"]
    assert cover.declining(ev, {"subject"}, 2.0) == []
    assert cover.declining(ev, set(cover.ROLES), 2.0) == ["worried", "sanctions"]


def test_a_sentence_close_to_the_question_excuses_every_word() -> None:
    ev = cover.Evidence({"sanctions": "head"}, 0.8)
    assert cover.declining(ev, {"head"}, 0.75) == []
    assert cover.declining(ev, {"head"}, 0.85) == ["sanctions"]


def test_the_evidence_carries_each_uncovered_word_with_its_role() -> None:
    ev = cover.evidence("What sanctions has the council imposed?", ["sanctions", "imposed"], 0.4, _content)
    assert dict(ev.missing) == {"sanctions": "head", "imposed": "verb"} and ev.sentence_cos == 0.4


PORT = (
    "Harbour officials in Valmora expressed concerns on Monday about the storm season, saying the old "
    "sea wall could fail. The council has sent two cranes and a dredger to the port to shore it up.\n\n"
    "The port authority said repairs would take six weeks and cost the town four million euros.\n"
)


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "port", PORT)


def test_a_verb_said_around_is_not_a_reason_to_decline(port: Engine) -> None:
    # "shipped" is in no sentence ("has sent"): the question's verb, not what is asked; declined
    # "do not cover: shipped" while every missing word declined.
    answer = Conversation(port).ask("What has the council shipped to the port?", 3)
    assert "do not cover" not in answer.reason


def test_a_missing_asked_noun_still_declines(port: Engine) -> None:
    answer = Conversation(port).ask("What sanctions has the council imposed on the port?", 3)
    assert answer.abstained and answer.reason == "the documents do not cover: sanctions"


def test_a_rewritten_follow_up_still_declines_on_any_missing_word(port: Engine) -> None:
    # The decline is what makes the conversation look in its own passage (qa.session's fallback).
    from qa import rank

    answer = rank.answer(
        port, "What has it shipped to the port?", "What has the council shipped to the port?", 3
    )
    assert answer.abstained and answer.reason == "the documents do not cover: shipped"


def test_a_verb_beside_nothing_but_names_is_what_is_asked() -> None:
    ev = cover.evidence("When was Elena Marsh born?", ["born"], 0.4, _content, {"elena", "marsh"})
    assert dict(ev.missing) == {"born": "head"}
    ev = cover.evidence("When was the new harbour wall built?", ["built"], 0.4, _content, set())
    assert dict(ev.missing) == {"built": "verb"}
