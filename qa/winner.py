"""Who won the asked event: a near miss names the event, or tells of other wins, but no winner of it.

"Who won the Florida primary?" is answered by a passage about the primary's campaign, or by one
about another contest ("Trump won a thumping victory in a series of statewide party elections"):
neither tells who won the primary. The answer needs a sentence telling of a win (a form of "win",
"beat", "defeat", "victory", "elected", "awarded", ...) that names the event by its own noun (the
"primary" of "the Florida primary", the "debate" of "the debate between Ayotte and Hassan"); an
event named by names alone ("Super Bowl 50", "the House to Home Prize") by one of its words.

Read by qa.slots for the outcome slot ("who won ..."), after the planned-only test. On the read sets
no answerable question asks "Who won ...?" and 11 unanswerable ones do (bench/abst23.py, report
bench/reports/abst23.md); WINNER was measured there on every read set and on SQuAD's dev questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Whether a "who won" question is declined when no best sentence tells a win of the event:
# bench/abst23.py, "Chosen: winner.WINNER" (bench/reports/abst23.md).
WINNER = True

# The outcome slot's "who won" form (qa.slots.outcome_event).
_ASKS_WINNER = re.compile(r"^\s*(?:and\s+)?who\s+won\s+(?P<e>[^?]+)", re.I)
# The forms that tell a win, its winner or its loser. A closed set of one meaning: "win", "beat",
# "defeat" and the nouns and passives a report of a result uses.
_WIN = re.compile(
    r"\b(?:won|wins?|winning|winners?|victory|victories|victorious|beat|beats|beaten|defeat(?:s|ed)?|"
    r"elected|awarded|prevailed|champions?|title|carried|took\s+(?:the\s+)?(?:most|first|top))\b",
    re.I,
)
# When the event is (this year, last year, in 2016): the time, not the event's noun.
_TIME_TAIL = re.compile(
    r"\s+(?:(?:this|last|next)\s+(?:year|week|month|season|time)|(?:in|of)\s+\d{4}|\d{4})\s*$", re.I
)


def asked_event(question: str) -> str:
    """The event a "Who won ...?" question asks the winner of.

    Args:
        question: the question as searched.
    Returns:
        "the Florida primary" for "Who won the Florida primary?", "Family Circle's cookie poll" for
        "Who won Family Circle's cookie poll this year?"; "" for other questions.
    """
    m = _ASKS_WINNER.match(question)
    if m is None:
        return ""
    return _TIME_TAIL.sub("", m.group("e").strip())


def event_terms(event: str, terms: Callable[[str], list[str]]) -> set[str]:
    """The terms a sentence names the event by: its own noun (qa.slots.event_head: "primary",
    "debate", "runoff"), or where every word is a name's ("Super Bowl 50") its words but numbers.

    Args:
        event: asked_event's phrase.
        terms: text -> content terms.
    Returns:
        The terms; empty when the phrase has none.
    """
    from qa import slots

    head = slots.event_head(event)
    if head:
        return set(terms(head))
    return {t for t in terms(event) if not t.isdigit()}


def winner_missing(question: str, sentences: Sequence[str], terms: Callable[[str], list[str]]) -> str:
    """Why the best passages tell no winner of the asked event, or "".

    Args:
        question: the question as searched.
        sentences: the sentences of the best passages.
        terms: text -> content terms.
    Returns:
        "no passage tells who won the Florida primary" when no sentence holds both a win form and
        the event's terms (event_terms); "" when one does, or the question asks no winner.
    """
    event = asked_event(question)
    want = event_terms(event, terms) if event else set()
    if not want:
        return ""
    if any(_WIN.search(s) and want & set(terms(s)) for s in sentences):
        return ""
    return f"no passage tells who won {event}"
