"""The occasion of "What did X say in his acceptance speech?", read as the topic X's words must hold.

"What did X say about T?" is declined when X's texts hold too little of T (qa.speaker_topic, the
speaker-topic share). A question naming only where X spoke ("in his acceptance speech", "in her
speech in Casper", "tell the crowd at his San Jose rally") gives that test no topic
(qa.abstain.asked_topic), so X quoted anywhere in the documents answered it. The occasion's words
("acceptance speech", "San Jose rally") are what X's texts must then name: the question is read as
"What did X say about <occasion>?" and goes through the same share, at the same threshold
(qa.abstain.SPEAKER_TOPIC_SHARE).

Measured on every read set by bench/abst23.py (bench/reports/abst23.md).

The same holds for what X answered or whom X addressed, ending the question (round 24): "How did X
respond to T?", "What did X say to the protesters?", "What did X tell the FBI?" give the share no
topic either; T or the addressee is read as the topic (ADDRESSEE_TOPIC, measured by bench/abst24.py:
bench/reports/abst24.md).
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


# Whether what X responds to, or whom X tells, is read as the topic of a speaker question without one:
# bench/abst24.py, "Chosen: occasion_topic.ADDRESSEE_TOPIC" (bench/reports/abst24.md). Off: on, it
# declines 3 more unanswerable read-set questions (nh5, nh11, nh12) and 1 answerable (nh2 nh2s06), and
# the round's rule lets no change lower pooled hit@1 or raise pooled wrongly declined.
ADDRESSEE_TOPIC = False

# "... respond to T?", "... say to the protesters?": "to" and what follows, ending the question.
_TO = re.compile(r"\s*to\s+(?P<o>[^?]+?)\s*\??\s*$", re.I)
# "... tell the FBI?", "... tell FBI agents when they interviewed her?": the addressee of "tell", up to
# four words before a time or an occasion; longer, it is a clause X told ("tell CNN Trump is going to
# win"), a content the share does not read.
_TOLD = re.compile(
    r"\s*(?P<o>(?!to\b)[\w'’$-]+(?:\s+[\w'’$-]+){0,3}?)"
    r"(?:\s+(?:when|on|at|after|before|in|during)\s+[^?\s][^?]*)?\s*\??\s*$",
    re.I,
)
_TELL = re.compile(r"\b(?:tell|told)$", re.I)
# The texts a response or an address must be in: X's attribution sentences, the leads naming the
# topic's people, and the sentences naming X only in the articles quoting X. Not the sentences naming X
# in any article (abstain.SPEAKER_TOPIC_SOURCES' "naming_own"): "Carson ... the Post's fact check" in an
# article that never quotes him tells of the check, not of his answer to it (bench/reports/abst24.md).
ADDRESSEE_SOURCES: tuple[str, ...] = ("quotes", "leads_names", "naming_own_docs")


def as_topic(question: str) -> str:
    """The question read with its occasion as the topic, for a speaker question that gives no topic.

    Args:
        question: the question as searched.
    Returns:
        "What did Trump say about his acceptance speech?" for "What did Trump say in his acceptance
        speech?", "How did X respond about T?" for "How did X respond to T?" (addressee); "" when
        the question asks no named speaker's words, already gives a topic ("... say about T", "...
        say at the summit"), or names neither an occasion nor an addressee.
    """
    if abstain.asked_speaker(question) is None or abstain.asked_topic(question) is not None:
        return ""
    m = abstain.speaker_match(question)
    if m is None:
        return ""
    o = _OCCASION.fullmatch(question, m.end())
    if o is not None:
        return f"{question[: m.end()]} about {o.group('o')}?"
    addressed = addressee(question, m) if ADDRESSEE_TOPIC else ""
    return f"{question[: m.end()]} about {addressed}?" if addressed else ""


def topic_sources(question: str) -> tuple[str, ...]:
    """The speaker-topic share's sources for as_topic's reading of a question.

    Args:
        question: the question as searched.
    Returns:
        ADDRESSEE_SOURCES for a question read by its addressee or the thing responded to;
        abstain.SPEAKER_TOPIC_SOURCES otherwise (the occasion form, round 23).
    """
    m = abstain.speaker_match(question)
    if m is None or _OCCASION.fullmatch(question, m.end()) is not None or not ADDRESSEE_TOPIC:
        return abstain.SPEAKER_TOPIC_SOURCES
    return ADDRESSEE_SOURCES if addressee(question, m) else abstain.SPEAKER_TOPIC_SOURCES


def addressee(question: str, m: re.Match[str]) -> str:
    """What a speaker question without a topic says X responded to or told, ending the question.

    Args:
        question: the question as searched.
        m: abstain.speaker_match of it (its end is the verb of speech's).
    Returns:
        "Ann Coulter" for "How did Andy McCarthy respond to Ann Coulter?", "the FBI" for "What did
        Huma Abedin tell the FBI?"; "" for neither form.
    """
    to = _TO.fullmatch(question, m.end())
    if to is not None:
        return to.group("o")
    told = _TOLD.fullmatch(question, m.end()) if _TELL.search(m.group(0)) else None
    return told.group("o") if told is not None else ""
