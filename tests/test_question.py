"""Reading questions about who said what: speakers named by alias, speech questions, topics."""

from __future__ import annotations

import pytest

from index.model import Speaker
from qa.question import is_speech_question, match_speakers, topic_of

SPEAKERS = [
    Speaker("Vladimir Putin", ("Vladimir Putin", "Putin", "Russian President")),
    Speaker("Barack Obama", ("Barack Obama", "Obama", "US President")),
    Speaker("Bashar al-Assad", ("Bashar al-Assad", "Assad", "al-Assad", "President Assad")),
    Speaker("US officials", ("US officials",)),
]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what did Obama say about Russia?", ["Barack Obama"]),
        ("Obama on Russia?", ["Barack Obama"]),
        ("obama on russia?", ["Barack Obama"]),
        ("what did the US president say about the conflict?", ["Barack Obama"]),
        ("What did the russian president say?", ["Vladimir Putin"]),
        ("what was Putin's view on the war", ["Vladimir Putin"]),
        ("Putin''s remarks at the UN", ["Vladimir Putin"]),
        ("What does Vladimir Putin think?", ["Vladimir Putin"]),
        ("did al Assad speak?", ["Bashar al-Assad"]),
        ("what did US officials say?", ["US officials"]),
        ("what did the president say?", []),  # no bare "President" alias: it would be ambiguous
        ("what did Putinism mean?", []),  # word boundaries
        ("how did Obama describe Assad?", ["Barack Obama", "Bashar al-Assad"]),
    ],
)
def test_match_speakers(question: str, expected: list[str]) -> None:
    assert match_speakers(question, SPEAKERS) == expected


def test_match_speakers_ambiguous_role_across_speakers() -> None:
    speakers = [Speaker("Ann Lee", ("Lee", "President")), Speaker("Bo Kim", ("Kim", "President"))]
    assert match_speakers("what did the president say?", speakers) == []
    assert match_speakers("what did Lee say?", speakers) == ["Ann Lee"]
    assert match_speakers("anything", []) == []


@pytest.mark.parametrize(
    "question",
    [
        "what did Obama say about Russia?",
        "Obama on Russia?",
        "what was Putin's view on Syria?",
        "how did Obama describe Assad?",
        "what does Putin think of the West?",
        "what did Obama call for?",
        "according to Putin, who is fighting terrorism?",
        "What is the US president's position on Iran?",
        "Did Putin say anything about ISIS?",
        "what were Merkel's comments on migration",
        "what does the chancellor want?",
        "How did Lindqvist respond to the criticism?",
    ],
)
def test_speech_questions(question: str) -> None:
    assert is_speech_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "when did Putin address the UN?",
        "how many people died?",
        "where did Obama speak?",
        "who is Bashar al-Assad?",
        "why did Russia send tanks to Syria?",
        "attack on Syria?",
        "how much aid has the US sent?",
        "",
    ],
)
def test_not_speech_questions(question: str) -> None:
    assert not is_speech_question(question)


@pytest.mark.parametrize(
    ("question", "aliases", "topic"),
    [
        ("what did Obama say about Russia?", ["Barack Obama", "Obama"], "Russia"),
        ("Obama on Russia?", ["Obama"], "Russia"),
        ("what did the US president say about the conflict?", ["US President", "Obama"], "conflict"),
        ("what was Putin's view on the Assad regime?", ["Putin"], "Assad regime"),
        ("how did Obama describe Assad?", ["Obama", "Assad"], "Assad"),
        ("what does Putin think of the West?", ["Putin"], "West"),
        ("Did Putin say anything about ISIS?", ["Putin"], "ISIS"),
        ("according to Putin, who is fighting terrorism?", ["Putin"], "fighting terrorism"),
        ("What did Obama and Putin say about Syria?", ["Obama", "Putin"], "Syria"),
        ("what did Obama call for?", ["Obama"], ""),
    ],
)
def test_topic_of(question: str, aliases: list[str], topic: str) -> None:
    assert topic_of(question, aliases) == topic


def test_topic_drops_trailing_according_to() -> None:
    assert topic_of("Who is fighting the Islamic State according to Putin?", ["Putin"]) == (
        "fighting the Islamic State"
    )


# An agentless passive speech verb asks what the documents report, not anyone's words (round 14).
@pytest.mark.parametrize(
    "question",
    [
        "What is expected to come up when Obama and Putin meet?",
        "What was said to be at stake in the vote?",
        "What is widely believed about the euro?",
    ],
)
def test_an_agentless_passive_speech_verb_is_no_speech_question(question: str) -> None:
    assert not is_speech_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "What was said by Merkel about the euro?",
        "What is Merkel expected to say about the euro?",
        "What did Merkel say was expected of the council?",
    ],
)
def test_a_passive_with_its_agent_or_another_speech_verb_stays_a_speech_question(question: str) -> None:
    assert is_speech_question(question)
