"""A speaker question's topic, read whatever word it is (qa.question.topic_of). (The asked speaker's
quote bonus scaled by the topic's share, Features.on_topic and Weights.off_topic, was removed in round
22: its weight stayed 0 in every fit, bench/reports/clean22.md.)"""

from __future__ import annotations

import pytest

from qa.question import topic_of


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The topic is a word the scaffold strips elsewhere (a speech verb, a view noun).
        ("What did Maren Oust say about the pledge?", "pledge"),
        ("What did Maren Oust say about insisted?", "insisted"),
        ("What did Oust say about the claims?", "claims"),
        ("What are Oust's thoughts on the promise?", "promise"),
        ("What did Maren Oust say about what Hallan thinks?", "what Hallan thinks"),
        # Unchanged readings.
        ("What did Oust say about the quarry?", "quarry"),
        ("What did Oust call for?", ""),
        ("Who is fighting the quarry according to Oust?", "fighting the quarry"),
    ],
)
def test_what_follows_about_is_the_topic(question: str, topic: str) -> None:
    assert topic_of(question, ["Maren Oust", "Oust"]) == topic
