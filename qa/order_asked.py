"""Questions asking the order of two events ("Who spoke first, Obama or Putin?", "who spoke right
before him", "Did X speak before or after Y?") and the sentences that state one ("... Barack Obama
who also addressed the world leaders at the meeting shortly before Putin").

"before" and "after" are stop words of the index (index.lexical.STOPWORDS) and "first" is rarely in
the answering sentence, so no word signal prefers the sentence stating the order: on main (5b10585,
/tmp/rs-m37) ten of the read sets' fourteen "who spoke first / before / after" questions of the
bundled article show the photo caption ("Putin addresses attendees during the 70th session ...")
or "The two leaders are set to meet later on Monday" first (bench/reports/art33.md: hx10, h2f11,
h7u09, h11u02, h12f05, h13u01, h15f06, h18f09, h19f08, para b13). The order is the value such a
question asks: qa.candidate_features credits a sentence stating one as it credits a sentence stating
an asked date or count (Features.typed, Weights.typed), so no new weight. Switch: ORDER_ASKED.
"""

from __future__ import annotations

import re

ORDER_ASKED = True

_ROLE = r"(?:president|leader|speaker|counterpart|chancellor|minister|premier|candidate|senator|governor)"
# The order asked: "before or after"; "first" ending the predicate ("spoke first", "took the podium
# first in New York", "went first?"), not "the first Latina" nor "hurt first if ..."; "before/after"
# with a person as its object ("before him", "just before the Russian president", "after Putin"),
# not "before the war" nor "after California's polls closed".
_ASKS = re.compile(
    r"(?i:\bbefore or after\b|\bafter or before\b)"
    r"|(?<!\bthe )(?<!\bThe )\b(?i:first)\b(?=\s*(?:$|[?,.;!]|(?i:at|in|on)\b))"
    r"|\b(?i:before|after)\s+(?:(?i:him|her|them|me|us|you)\b|(?i:the|his|her|their)\s+(?:\w+\s+){0,2}(?i:"
    + _ROLE
    + r")s?\b|[A-Z]\w*\b(?!['’]))"
)
# A stated order: an order word with a person or a noun phrase after it ("shortly before Putin",
# "preceded by the mayor", "after him"), not "after so much bloodshed".
_STATES = re.compile(
    r"\b(?i:before|after|preceded|followed|prior to|ahead of)\s+(?:(?i:by)\s+)?"
    r"(?:(?i:him|her|them)\b|(?i:the|his|her|their)\s+\w+|[A-Z]\w+)"
)


def asks(question: str) -> bool:
    """Whether a question asks which of two events came first.

    Args:
        question: the question as searched.
    Returns:
        True for an order question (and the switch on).
    """
    return ORDER_ASKED and _ASKS.search(question) is not None


def states(sentence: str) -> bool:
    """Whether a sentence states an order between events (an order word before its object).

    Args:
        sentence: one sentence of a passage.
    Returns:
        True when it does.
    """
    return _STATES.search(sentence) is not None
