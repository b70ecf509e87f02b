"""What a question asks for, read from its wording alone: answer type and article part.

No language model: a few general patterns of English questions. They steer ranking (a "how many"
question wants a passage with a number) and abstention (a "how tall" question with no height in
the documents is not answered with something else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.attribution.words import MONTH_RE

_MONTHS = MONTH_RE  # used with re.I
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight)"

# Evidence of an answer type in a passage.
_TYPE_EVIDENCE = {
    "number": re.compile(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
        r"hundreds?|thousands?|millions?|billions?|several|many|few)\b",
        re.I,
    ),
    "time": re.compile(
        rf"\b(?:1\d{{3}}|20\d{{2}}|{_MONTHS}\.?|{_DAYS}|(?:last|next|this|later|earlier|"
        r"since|until|ago|century|decade|year|week|month|morning|evening|night|noon|"
        r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)))\b",
        re.I,
    ),
    "height": re.compile(
        r"\b\d+(?:[.,]\d+)?\s*(?:cm|centimet(?:er|re)s?|m|met(?:er|re)s?|ft|feet|foot|inch(?:es)?|"
        r"in)\b|\b(?:tall|height|\d+'\s*\d+\")",
        re.I,
    ),
    "age": re.compile(r"\b\d{1,3}[- ](?:years?[- ]old|year-old)|\baged?\s+\d{1,3}\b|\bborn\b|\bage\b", re.I),
    "money": re.compile(
        r"[$€£¥]\s?\d|\b\d+(?:[.,]\d+)?\s*(?:dollars?|euros?|pounds?|yen|usd|eur|gbp|"
        r"million|billion|bn|m)\b",
        re.I,
    ),
    # Case-sensitive on purpose: "in New York", "at UN Headquarters", not "in the end".
    "place": re.compile(
        r"\b(?:in|near|outside|inside|across|at)\s+(?:the\s+)?(?:[A-Z][\w'’.-]+\s+)*"
        r"(?:[A-Z][a-z]\w+|Headquarters|[A-Z]{2,}\s+[A-Z]\w+)"
    ),
    "weight": re.compile(
        r"\b\d+(?:[.,]\d+)?\s*(?:kg|kilo(?:gram)?s?|lbs?|pounds?|tonnes?|tons?|grams?|g)\b", re.I
    ),
}

_QUESTION_TYPES = [
    ("height", re.compile(r"\bhow (?:tall|high|short)\b|\bheight\b", re.I)),
    ("age", re.compile(r"\bhow old\b|\bwhat age\b|\bage of\b", re.I)),
    ("weight", re.compile(r"\bhow (?:heavy|much does .* weigh)\b|\bweigh", re.I)),
    (
        "money",
        re.compile(r"\bhow much (?:money|did .* (?:cost|pay|spend|earn))|\bcost\b|\bprice\b|\bworth\b", re.I),
    ),
    ("number", re.compile(r"\bhow (?:many|much)\b|\bwhat (?:number|percentage|proportion)\b", re.I)),
    ("place", re.compile(r"^\s*(?:and\s+)?where\b|\bin (?:what|which) (?:city|country|place|town)\b", re.I)),
    (
        "time",
        re.compile(
            r"^\s*(?:and\s+)?when\b|\bwhat (?:year|date|day|month|time|century|decade)\b|"
            r"\bsince when\b|\bhow long\b|\bin (?:what|which) year\b",
            re.I,
        ),
    ),
]

# Article parts a question can ask for, and the passage kinds that answer them.
_PART_PATTERNS = [
    (
        ("caption",),
        re.compile(
            r"\bwhat (?:does|do|did) the (?:\w+ )?(?:photo(?:graph)?s?|pictures?|images?)\b.*\b(?:show|depict)|"
            r"\bwho is (?:pictured|shown)\b|\bcaption\b",
            re.I,
        ),
    ),
    (
        ("credit", "caption"),
        re.compile(
            r"\b(?:photo(?:graph)?s?|pictures?|images?|photographer|pictured|"
            r"caption|took the (?:photo|picture))\b",
            re.I,
        ),
    ),
    (
        ("standfirst", "headline"),  # a plain-text headline may run on into its subheadline
        re.compile(r"\b(?:sub-?headlines?|sub-?heads?|standfirst|subtitle|strapline|dek)\b", re.I),
    ),
    (
        ("dateline",),
        re.compile(
            r"\b(?:updated|published|posted|last modified|dated?)\b|"
            r"\bwhen was (?:this|the|it) (?:article|story|piece|report)?\s*"
            r"(?:written|updated|published|posted)\b",
            re.I,
        ),
    ),
    (
        ("byline", "footer"),
        re.compile(
            r"\bwho (?:wrote|reported|authored|published)\b|\bauthors?\b|"
            r"\bwritten by\b|\bbyline\b|\b(?:which|what) (?:agency|agencies|"
            r"outlet|news ?paper|publication|source)\b|\bwho is the source\b",
            re.I,
        ),
    ),
    (
        ("headline", "standfirst"),
        re.compile(
            r"\b(?:headline|title of the (?:article|story|piece)|"
            r"what is (?:this|the) (?:article|story) about)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class Intent:
    answer_type: str | None  # "number", "time", "height", ... or None
    parts: tuple[str, ...]  # passage kinds the question asks for, () for ordinary body text


def read(question: str) -> Intent:
    answer_type = next((name for name, rx in _QUESTION_TYPES if rx.search(question)), None)
    parts: tuple[str, ...] = ()
    for kinds, rx in _PART_PATTERNS:
        if rx.search(question):
            parts = kinds
            break
    return Intent(answer_type, parts)


def has_evidence(answer_type: str, text: str) -> bool:
    """Whether `text` contains something of the asked type (a number, a date, a height...)."""
    rx = _TYPE_EVIDENCE.get(answer_type)
    return True if rx is None else bool(rx.search(text))
