"""Whose date a sentence gives: "When was Assad elected president?" is not answered by "Russia has been
supportive of Assad since the start of Syrian civil war in 2011": the date is bound to what Russia did
(the clause whose subject is Russia) and to the start of the war (the event noun it dates), not to
anything Assad did.

A date is read as bound to two things in its sentence, by the sentence's structure (bench/value31.py,
bench/reports/value31.md):

- the subject of its clause: the words before the clause's first auxiliary verb ("Russia" in "Russia
  has been supportive of Assad since ... in 2011"; "The two leaders" in "The two leaders are set to
  meet later on Monday");
- the event noun it dates, "the N of X in 2011": X's head ("war").

A dated clause is the asked subject's when its subject names a word of the question (or one of the
word's country names, qa.equivalents: "moscow" for "Russia"), when X's head is a word of the question
("What year did the Syrian civil war begin?"), or, for a clause subject that names nobody ("The two
leaders"), when it tells of the asked event (qa.slots.event_bound: "set to meet later on Monday" for
"When will Obama and Putin sit down?"). A clause whose subject is a name the question does not hold
("Russia" for "When did the US start arming the opposition?") is another's. Where the subject cannot be
read (no auxiliary before the date), the clause may be anyone's and stays evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

# Whether the check declines (bench/value31.py; bench/reports/value31.md).
DATE_SUBJECT = True

# Clause boundaries: a dated clause is read from the last boundary before its date.
_BOUNDARY = re.compile(
    r";|\s[—–-]\s|,\s+(?:and|but|which|where|when|who|while|as)\s|"
    r"\sand\s+(?=(?:has|have|had|is|are|was|were|will|would|then|also|recently)\b)",
    re.I,
)
# The auxiliaries and modals that end a clause's subject (a closed class, no verb list).
_AUX = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|shall|should|must|did|does|do)\b",
    re.I,
)
# Pronouns (a closed class): a subject whose referent is elsewhere, or nobody in particular.
_PRONOUN = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|these|those|who|which|nobody|everybody|somebody|anybody|"
    r"everyone|someone|anyone|none|nothing|something|everything|each|both|all)$",
    re.I,
)
# A date's event noun: "the start of Syrian civil war in 2011" (no verb between).
_EVENT_NOUN = re.compile(r"\bthe\s+\w+\s+of\s+(?P<x>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:in|on|of)\s*$", re.I)
# A question that asks a date of what its subject did: "When did X ...?", "What year was X ...?".
_DATE_Q = re.compile(
    r"^\W*(?:and\s+)?(?:when|(?:in|on|since|by)\s+what\s+\w+|what\s+(?:year|day|date|month))\b", re.I
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def clause_of(sentence: str, start: int) -> str:
    """The clause of a sentence holding the character `start`: from the last boundary before it.

    Args:
        sentence: one sentence.
        start: a character offset in it.
    Returns:
        "Russia has been supportive of Assad since the start of Syrian civil war in 2011 " for the
        offset of "2011" in the sentence that goes on "and have recently stepped up its military aid".
    """
    begin = 0
    for m in _BOUNDARY.finditer(sentence, 0, start):
        begin = m.end()
    return sentence[begin:start]


def clause_subject(clause: str) -> str | None:
    """The words of a clause before its first auxiliary: its subject, or None when no auxiliary comes
    first (the subject cannot be read) or the subject is a pronoun (its referent is elsewhere).

    Args:
        clause: a clause up to a date.
    Returns:
        "Russia" for "Russia has been supportive of Assad since ..."; None for "Putin addresses ...".
    """
    m = _AUX.search(clause)
    if m is None:
        return None
    subject = clause[: m.start()].strip(" ,\"'“”")
    words = _WORD.findall(subject)
    if not words or len(words) > 8 or (len(words) == 1 and _PRONOUN.match(words[0])):
        return None
    return subject


def named(subject: str) -> bool:
    """Whether a clause's subject names someone or something (qa.referents.names_in: "Russia", "Mr.
    Sanders", "Syrian officials"; not "The two leaders", "The campaign").

    Args:
        subject: a clause's subject (clause_subject).
    Returns:
        Whether it holds a name.
    """
    from qa.referents import names_in

    return bool(names_in(subject))


def _asked_terms(question: str, terms: Callable[[str], list[str]]) -> tuple[set[str], set[str]]:
    """The question's own terms, and those with its words' country names added ("moscow" for Russia).

    Args:
        question: a date question, as searched.
        terms: text -> content terms.
    Returns:
        (own terms, own terms and country names' terms).
    """
    from qa import equivalents

    own = set(terms(question))
    asked = set(own)
    for w in _WORD.findall(question):
        for other in equivalents.country_equivalents(w):
            asked |= set(terms(other))
    return own, asked


def other_subject(
    question: str,
    sentence: str,
    terms: Callable[[str], list[str]],
    encode: Callable[[list[str]], np.ndarray] | None,
) -> bool:
    """Whether every date of a sentence is bound to another subject than the question's.

    Args:
        question: a date question, as searched.
        sentence: one sentence holding a date (answer_type.date_expressions).
        terms: text -> content terms.
        encode: texts -> L2-normalised rows, or None.
    Returns:
        True for "When was Assad elected president?" and "Russia has been supportive of Assad since the
        start of Syrian civil war in 2011 ..."; False for "What year did the Syrian civil war begin?".
    """
    from qa import answer_type

    own, asked = _asked_terms(question, terms)
    return _dates_anothers(question, own, asked, sentence, answer_type.date_matches(sentence), terms, encode)


def _dates_anothers(
    question: str,
    own: set[str],
    asked: set[str],
    sentence: str,
    dates: Sequence[re.Match[str]],
    terms: Callable[[str], list[str]],
    encode: Callable[[list[str]], np.ndarray] | None,
) -> bool:
    """other_subject with the question's terms (_asked_terms) and the sentence's dates
    (answer_type.date_matches) read once by the caller.

    Args:
        question: a date question, as searched.
        own, asked: _asked_terms(question).
        sentence: one sentence.
        dates: its dates.
        terms: text -> content terms.
        encode: texts -> L2-normalised rows, or None.
    Returns:
        Whether every date is bound to another subject than the question's.
    """
    from qa import slots

    for m in dates:
        clause = clause_of(sentence, m.start())
        noun = _EVENT_NOUN.search(clause)
        if noun is not None and set(terms(noun.group("x").split()[-1])) & asked:
            return False  # "the start of Syrian civil war in 2011" for "When did the civil war begin?"
        subject = clause_subject(clause)
        if subject is None:
            return False
        if named(subject):
            if set(terms(subject)) & asked:
                return False
            # Another named subject may do the asked thing to the asked one: "The county will close the
            # Alder Street bridge in March 2027" dates "When will the Alder Street bridge close?" (found
            # by tests/test_abstain_near_miss.py). A clause holding every term of the question states
            # the asked event whoever its subject is.
            if own <= set(terms(clause)):
                return False
            continue  # another's: "Russia has been ..." for "When was Assad elected?"
        if slots.event_bound(question, clause + m.group(), terms, encode):
            return False
    return True


def other_subject_reason(
    question: str,
    sentences: Sequence[str],
    body: Sequence[bool],
    terms: Callable[[str], list[str]],
    encode: Callable[[list[str]], np.ndarray] | None,
) -> str:
    """Why the best passages give only other subjects' dates, or "".

    Args:
        question: the question as searched.
        sentences: the best passages' sentences.
        body: per sentence, whether it is body text (a caption's or dateline's date is not read here).
        terms: text -> content terms.
        encode: texts -> L2-normalised rows, or None.
    Returns:
        "no passage gives a date for: ..." when some sentence holds a date and every dated sentence's
        dates are another subject's; "" otherwise.
    """
    from qa import answer_type, slots

    if not DATE_SUBJECT or not _DATE_Q.match(question) or slots.slot_kind(question) != "date":
        return ""
    dated = [
        (s, b, dates) for s, b in zip(sentences, body, strict=True) if (dates := answer_type.date_matches(s))
    ]
    # A caption's or a dateline's date is the picture's or the report's, whose subject is not read
    # here: such a sentence leaves the question to the other checks.
    if not dated or not all(b for _, b, _ in dated):
        return ""
    own, asked = _asked_terms(question, terms)
    if all(_dates_anothers(question, own, asked, s, dates, terms, encode) for s, _, dates in dated):
        from qa import abstain

        return abstain.fact_reason("date", question)
    return ""
