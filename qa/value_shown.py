"""The answer shown gives the asked value: a typed question is answered only by a best passage that
holds a value of the asked kind.

"What share of Hispanic voters did Sanders win in Arizona?" was answered with "Sanders could not make
meaningful inroads with Hispanic voters." (news_heldout18's n18h8, unanswerable): the gates of the
asked value (qa.slots, qa.abstain's FACT_BOUND, qa.value_holder, qa.date_subject) read every sentence
of the NEAR_MISS_PASSAGES best passages and pass when one of them gives a value of the kind, here a
share of Idaho's voters in another passage; the passage shown first gives none. bench/abst34.py's
census of the unanswerable news questions answered (bench/reports/abst34.md) finds "a figure/date of
another scope" the largest class, and in many of them the best passage holds no value of the asked
kind at all: the value the gates found is another passage's, about something else.

The value is read as qa.slots reads it (holds_value: a percentage, a sum, a date, an age, a span; a
count must count the asked noun, qa.slots.count_sentences, any count for an everyday noun such as
"people"). Which kinds are read is fit by bench/fit_subject34.py on the read sets
(bench/reports/abst34.md): the answered unanswerable questions the test declines against the answered
answerable ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from qa import answer_type, slots

# Per kind of asked value (qa.slots.subject_kind), whether the best passage must hold one:
# bench/fit_subject34.py, "shown" table (bench/reports/abst34.md).
SHOWN: dict[str, bool] = {
    "count": False,
    "money": False,
    "percent": True,
    "date": False,
    "age": False,
    "duration": False,
}


# A share is also given as a fraction of its whole: "Cruz pulled in a quarter of the electorate"
# (news_heldout13's n13e8, answerable, the one question the percentage reading alone declined in
# bench/fit_subject34.py's sweep). qa.answer_type's share evidence reads "two-thirds", "six in 10",
# "half of"; the fraction nouns after "a" or a number word are read here (a closed class, no list fit).
_FRACTION = re.compile(
    r"\b(?:a|an|one|two|three|four)[\s-]+(?:halfs?|halves|thirds?|quarters?|fifths?|tenths?)\s+of\b", re.I
)


def holds_share(sentence: str) -> bool:
    """Whether a sentence gives a share: a percentage (qa.slots.holds_value), a share qa.answer_type
    reads ("six in 10", "two-thirds", "half of"), or a fraction of a whole ("a quarter of").

    Args:
        sentence: one sentence.
    Returns:
        True for "52 percent", "two-thirds of voters", "a quarter of the electorate".
    """
    return (
        slots.holds_value("percent", sentence)
        or answer_type.states(("share",), sentence)
        or bool(_FRACTION.search(sentence))
    )


def holds_asked(
    kind: str,
    question: str,
    sentences: Sequence[str],
    terms: Callable[[str], list[str]],
    encode: Callable[[list[str]], np.ndarray] | None,
    everyday_zipf: float,
) -> bool:
    """Whether a passage's sentences hold a value of the asked kind.

    Args:
        kind: the asked kind (qa.slots.subject_kind).
        question: the question as searched.
        sentences: the passage's sentences.
        terms: text -> content terms.
        encode: texts -> L2-normalised rows (a counted noun said in other words), or None.
        everyday_zipf: qa.not_mentioned.EVERYDAY_ZIPF (an everyday counted noun takes any count).
    Returns:
        True when one sentence gives such a value (for a count, a count of the asked noun).
    """
    if kind == "count":
        return bool(slots.count_sentences(question, sentences, terms, encode, everyday_zipf))
    if kind == "percent":
        return any(holds_share(s) for s in sentences)
    return any(slots.holds_value(kind, s) for s in sentences)


def unshown_reason(
    question: str,
    sentences: Sequence[str],
    terms: Callable[[str], list[str]],
    encode: Callable[[list[str]], np.ndarray] | None,
    everyday_zipf: float,
) -> str:
    """Why the best passage does not give the asked value, where SHOWN reads the question's kind.

    Args:
        question: the question as searched.
        sentences: the best passage's sentences.
        terms: text -> content terms.
        encode: texts -> L2-normalised rows, or None.
        everyday_zipf: qa.not_mentioned.EVERYDAY_ZIPF.
    Returns:
        "the best passage does not give a percentage" and the like, or "".
    """
    kind = slots.subject_kind(question)
    if kind is None or not SHOWN.get(kind) or not sentences:
        return ""
    if holds_asked(kind, question, sentences, terms, encode, everyday_zipf):
        return ""
    return f"the best passage does not give {slots.VALUE_NOUN.get(kind, 'the asked value')}"
