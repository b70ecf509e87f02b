"""The question's speaker slot is parsed once (qa.describe.speech_question): qa.describe reads it with
every verb of speech and thought, qa.abstain with the plain verbs of speech. Questions written for
these tests."""

from __future__ import annotations

import pytest

from qa import abstain, describe


@pytest.mark.parametrize(
    ("question", "speaker", "subject"),
    [
        ("What did Martha Quill say about the ferry?", "Martha Quill", "Martha Quill"),
        ("And what did the harbour master say?", "the harbour master", "harbour master"),
        ("How did the parish council respond?", "the parish council", "parish council"),
        ("What does the harbour master think of the plan?", None, "harbour master"),  # thought, not speech
        ("Why did the harbour master say no?", None, "harbour master"),  # "why" asks a reason
        ("What did he say?", None, "he"),
        ("Who runs the ferry?", None, None),
    ],
)
def test_one_slot_two_readings(question: str, speaker: str | None, subject: str | None) -> None:
    assert abstain.asked_speaker(question) == speaker
    got = describe.subject_of(question)
    assert (got.text if got else None) == subject


def test_topic_after_the_shared_slot() -> None:
    assert abstain.asked_topic("What did Martha Quill say about the new ferry timetable?") == (
        "the new ferry timetable"
    )
