"""A frame naming whose view a question asks for, other than a view noun: "in Putin's eyes",
"in the eyes of Bush's wife", "as the American president sees it".

Such a frame asks for the holder's view as "according to X" does, and X is the speaker slot. The
view nouns ("in Moscow's view", "Putin's take on ...") were read already (qa.question's view-noun
patterns, qa.describe.view_slot); these frames were not, so the question was read as asking for no
one's words: h18s01 "in putin's eyes, who is really taking on IS ...", h17s03 "could syria simply
revert to its old order, as the american president sees it", n16f3 "In the eyes of George W. Bush's
wife, are the gains in Afghanistan fragile?" (round 32, art32; bench/reports/art32.md).
"""

from __future__ import annotations

import re

# Whether a view frame reads as a speech cue and names the speaker slot (qa.question.is_speech_question,
# qa.describe.view_slot). Measured end to end over every read set (bench/reports/art32.md).
VIEW_FRAMES = True

# The frame's own words, no topic (as "according" of "according to": qa.frame.frame_words).
_FRAME_WORD = re.compile(
    r"\b(?:eyes|estimation|judge?ment|mind|reckoning|sees?|saw|views?|viewed)\b",
    re.I,
)
# "in Putin's eyes", "in Moscow's estimation": a possessive owner of a view that is no view noun of
# qa.question (qa.describe._IN_VIEW reads the owner).
_POSSESSED = re.compile(
    r"\bin\s+(?P<s>[^,?;]+?)['’]s?\s+(?:eyes|estimation|judge?ment|mind|reckoning)\b",
    re.I,
)
# "in the eyes of George W. Bush's wife": the owner after "of", up to the clause's end.
_EYES_OF = re.compile(r"\bin\s+the\s+eyes\s+of\s+(?P<s>[^,?;]+?)\s*(?=[,?;]|$)", re.I)
# "..., as the American president sees it": the owner between "as" and the verb of seeing.
_AS_SEES = re.compile(
    r"(?:^|[,;]\s*|\s)as\s+(?P<s>[^,?;]+?)\s+(?:sees?|saw|views?|viewed)\s+(?:it|things)\b",
    re.I,
)


def view_frame(question: str) -> re.Match[str] | None:
    """The frame naming whose view the question asks for.

    Args:
        question: the question as searched.
    Returns:
        The match, its group "s" the owner of the view ("putin", "George W. Bush's wife", "the
        american president"); None when the question has no such frame or VIEW_FRAMES is off.
    """
    if not VIEW_FRAMES:
        return None
    return _EYES_OF.search(question) or _POSSESSED.search(question) or _AS_SEES.search(question)


def frame_words(question: str) -> list[str]:
    """The words of the question's view frame that are no topic: "eyes" of "in Putin's eyes", "sees"
    of "as the American president sees it" (the owner stays: qa.query_reading drops a speaker's own
    terms through the speaker's aliases).

    Args:
        question: the question as searched.
    Returns:
        Those words as written; empty when the question has no view frame or VIEW_FRAMES is off.
    """
    m = view_frame(question)
    if m is None:
        return []
    outside = question[m.start() : m.start("s")] + " " + question[m.end("s") : m.end()]
    return [w.group() for w in _FRAME_WORD.finditer(outside)]
