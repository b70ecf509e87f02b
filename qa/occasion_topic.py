"""The occasion of "What did X say in his acceptance speech?", read as the topic X's words must hold.

"What did X say about T?" is declined when X's texts hold too little of T (qa.speaker_topic, the
speaker-topic share). A question naming only where X spoke ("in his acceptance speech", "in her
speech in Casper", "tell the crowd at his San Jose rally") gives that test no topic
(qa.abstain.asked_topic), so X quoted anywhere in the documents answered it. The occasion's words
("acceptance speech", "San Jose rally") are what X's texts must then name: the question is read as
"What did X say about <occasion>?" and goes through the same share, at the same threshold
(qa.abstain.SPEAKER_TOPIC_SHARE).

Measured on every read set by bench/abst23.py (bench/reports/abst23.md).
"""

from __future__ import annotations

import re

from qa import abstain

# Whether the occasion of a speaker question without a topic is read as its topic: bench/abst23.py,
# "Chosen: occasion_topic.OCCASION_TOPIC" (bench/reports/abst23.md).
OCCASION_TOPIC = True

# After the verb of speech: an addressee of up to three words ("the crowd", "the caucus meeting"),
# then "in/at/during" and the occasion, ending the question.
_OCCASION = re.compile(
    r"\s*(?:(?:to\s+)?(?:the|a|an|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+)?"
    r"(?:in|at|during)\s+(?P<o>(?:his|her|their|its|the|a|an)\s+[^?]+?)\s*\??\s*$",
    re.I,
)


def as_topic(question: str) -> str:
    """The question read with its occasion as the topic, for a speaker question that gives no topic.

    Args:
        question: the question as searched.
    Returns:
        "What did Trump say about his acceptance speech?" for "What did Trump say in his acceptance
        speech?"; "" when the question asks no named speaker's words, already gives a topic
        ("... say about T", "... say at the summit"), or names no occasion.
    """
    if abstain.asked_speaker(question) is None or abstain.asked_topic(question) is not None:
        return ""
    m = abstain.speaker_match(question)
    if m is None:
        return ""
    o = _OCCASION.fullmatch(question, m.end())
    if o is None:
        return ""
    return f"{question[: m.end()]} about {o.group('o')}?"
