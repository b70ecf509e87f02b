"""The value a fact question asks for, and where a sentence states one: a distance for "how far",
an amount for "how much", a date for "when", a span of time for "how long".

qa.intent's answer types steer abstention with loose evidence ("earlier" counts as a time, any
digit as a number). Ranking needs a stricter test, made per sentence: the sentence that states a
value of the asked kind beside the question's words is the one that answers ("It will take six
years to digitise the collection at Michigan" for "How long will it take to scan Michigan's
library?"), not the lead that only names the topic. A value here is a number bound to its unit
("30ft", "100m euros", "six years", "7 March 2003"), so a bare "earlier" or "last" is none.
"""

from __future__ import annotations

import re

from index.attribution.words import MONTH_RE

# A count written in digits (with separators, decimals, ranges) or in words.
_NUM = (
    r"(?:\d[\d,.]*(?:\s*-\s*\d[\d,.]*)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a few|a couple of|half an?)"
)
_SCALE = r"(?:\s*-?\s*(?:hundred|thousand|million|billion|trillion|m|bn|k))?"
_DISTANCE_UNIT = (
    r"(?:ft|feet|foot|inch(?:es)?|yards?|yds?|miles?|mi|m|metres?|meters?|km|kilomet(?:re|er)s?|"
    r"cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|light[- ]years?|nautical miles?)"
)
_DURATION_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))"
_CURRENCY = (
    r"(?:dollars?|euros?|pounds?|sterling|yuan|yen|rupees?|francs?|roubles?|rubles?|usd|eur|gbp|cents?|pence)"
)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Each kind's evidence: a value bound to its unit. Compiled case-insensitive.
_EVIDENCE: dict[str, re.Pattern[str]] = {
    "distance": re.compile(rf"\b{_NUM}{_SCALE}\s*-?\s*{_DISTANCE_UNIT}\b|\d+'\s*\d+\"", re.I),
    "duration": re.compile(rf"\b{_NUM}{_SCALE}\s*-?\s*{_DURATION_UNIT}\b", re.I),
    "money": re.compile(
        rf"(?:[$€£¥]|\b(?:us|a|c|hk)\$)\s?\d|\b\d[\d,.]*{_SCALE}\s*-?\s*{_CURRENCY}\b|"
        rf"\b{_CURRENCY}\s+\d[\d,.]*{_SCALE}\b",
        re.I,
    ),
    "date": re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}\b|\b{MONTH_RE}\.?\s+\d{{1,4}}\b|"
        rf"\b(?:in|since|until|by|from|of)\s+(?:1[5-9]\d\d|20\d\d)\b|\b(?:1[5-9]\d\d|20\d\d)\b|"
        rf"\b(?:on|last|next|this)\s+{_DAYS}\b|\b{_DAYS}\b|"
        r"\b\d{1,2}(?:st|nd|rd|th)[- ]centur(?:y|ies)\b|\b(?:1[0-9]|20)\d0s\b",
        re.I,
    ),
    "quantity": re.compile(
        r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
        r"hundreds?|thousands?|millions?|billions?|twenty|thirty|forty|fifty|half|percent|per cent)\b",
        re.I,
    ),
}
_EVIDENCE["age"] = re.compile(
    r"\b\d{1,3}[- ](?:years?[- ]old|year-old)\b|\baged?\s+\d{1,3}\b|,\s*\d{1,3}\s*,", re.I
)

# What each kind of question asks for; the first that matches wins. A value of any listed kind answers.
_ASKED: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (("distance",), re.compile(r"\bhow (?:far|high|deep|wide|tall|long is|long was|big|large)\b", re.I)),
    (("age",), re.compile(r"\bhow old\b|\bwhat age\b", re.I)),
    (
        ("duration", "distance"),
        re.compile(r"\bhow long\b|\bfor how many (?:years|days|weeks|months)\b", re.I),
    ),
    (
        ("money",),
        re.compile(
            r"\bhow much\b.*\b(?:cost|costs|pay|paid|paying|spend|spent|lose|lost|losing|earn|earned|"
            r"raise|raised|worth|charge|charged|owe|fine|fined|budget|invest|invested|price)\b|"
            r"\bhow much (?:money|cash|funding)\b|\bwhat (?:did|does|will) .* cost\b|\b(?:price|cost) of\b",
            re.I,
        ),
    ),
    (
        ("quantity",),
        re.compile(r"\bhow (?:many|much)\b|\bwhat (?:number|percentage|proportion|share)\b", re.I),
    ),
    (
        ("date",),
        re.compile(
            r"^\s*(?:and\s+)?when\b|\bwhat (?:year|date|day|month|century|decade)\b|"
            r"\bin (?:what|which) (?:year|month)\b|\bsince when\b",
            re.I,
        ),
    ),
]


def asked(question: str) -> tuple[str, ...]:
    """The kinds of value a question asks for, most specific first; () for a question that asks none.

    Args:
        question: the question as searched.
    Returns:
        Kinds among "distance", "age", "duration", "money", "quantity", "date"; a value of any
        of them answers ("how long" takes a duration or a length).
    """
    for kinds, rx in _ASKED:
        if rx.search(question):
            return kinds
    return ()


def states(kinds: tuple[str, ...], text: str) -> bool:
    """Whether `text` states a value of one of `kinds` (a number bound to its unit, a date).

    Args:
        kinds: what `asked` returned.
        text: a sentence.
    Returns:
        True when a value of one of the kinds is in the text; False for no kinds.
    """
    return any(_EVIDENCE[k].search(text) for k in kinds)
