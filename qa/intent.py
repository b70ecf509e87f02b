"""What a question asks for, read from its wording alone: answer type and article part.

No language model: a few general patterns of English questions (the answer types and their
evidence are qa.answer_type's). They steer ranking (a "how many"
question wants a passage with a number) and abstention (a "how tall" question with no height in
the documents is not answered with something else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import answer_type as values

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
    answer_type = values.question_type(question)
    parts: tuple[str, ...] = ()
    for kinds, rx in _PART_PATTERNS:
        if rx.search(question):
            parts = kinds
            break
    return Intent(answer_type, parts)


def has_evidence(answer_type: str, text: str) -> bool:
    """Whether `text` contains something of the asked type (a number, a date, a height...);
    qa.answer_type.has_evidence, which owns the patterns."""
    return values.has_evidence(answer_type, text)
