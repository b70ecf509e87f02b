"""Whose age a sentence gives: "How old is Dylann Roof?" is not answered by "... Sanders' son,
26-year-old Tywanza".

An age written against a name belongs to that name: "26-year-old Tywanza Sanders", "Jones, 26,",
"Rakeem Jones (26)". A sentence whose every age is held by a named person the question does not name
gives no age of the asked person, though it names the asked person too. An age held by no name ("the
46-year-old", "aged 34") may be anyone's, the asked person's included.

Measured by bench/fit_age_holder.py on near misses and answerable controls generated from PolNeAR
train and SQuAD articles (bench/reports/age_holder.md).
"""

from __future__ import annotations

import re
from collections.abc import Collection

# Whether an age held by another named person is no evidence of the asked person's age
# (qa.rank._near_miss): bench/fit_age_holder.py, "Chosen: age_holder.OTHER_HOLDER"
# (bench/reports/age_holder.md).
OTHER_HOLDER = True

_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+)*"
# "26-year-old Tywanza", "the 31-year-old Kessler": an age before the name it describes (no other
# word between: "the 31-year-old German midfielder" names no holder).
_AGE_BEFORE = re.compile(
    rf"\b\d{{1,3}}[- ](?:years?[- ]old|year-old)\s+(?P<name>(?:[A-Z][a-z]{{1,4}}\.\s+)?{_NAME})"
)
# "Jones, 26,", "Rakeem Jones (26)": an age after the name.
_AGE_AFTER = re.compile(rf"(?P<name>{_NAME})(?:,\s*|\s+\()(?:aged?\s+)?\d{{1,3}}\s*(?:,(?!\d)|\))")
# Any age expression, held or not.
_ANY_AGE = re.compile(
    r"\b\d{1,3}[- ](?:years?[- ]old|year-old)\b|\baged?\s+\d{1,3}\b|\(\s*\d{1,3}\s*\)|,\s*\d{1,3}\s*,(?!\d)"
)


def _holder(name: str) -> str | None:
    """A holder's name without its titles ("Sen. Bernie Sanders" -> "Bernie Sanders"), or None when
    what stands there is no person's name: a country's word ("German"), a place, an organisation
    ("Boca West Country Club"), a title alone, or a sentence's opening words ("In South Carolina")."""
    from index.attribution.words import ORG_WORDS, PLACES, STOP, TITLE_ABBREVS, TITLES
    from qa import equivalents

    kept = [w for w in name.split() if w.lower().rstrip(".") not in TITLES | TITLE_ABBREVS]
    if not kept or kept[0].lower() in STOP:
        return None
    low = [w.lower().strip(".") for w in kept]
    joined = " ".join(low)
    if (
        joined in equivalents.demonyms()
        or equivalents.country_equivalents(joined)
        or any(w in ORG_WORDS or w in PLACES for w in low)
    ):
        return None
    return " ".join(kept)


def age_holders(sentence: str) -> list[str | None]:
    """The holder of each age a sentence gives, in order: a name, or None when no name holds it.

    Args:
        sentence: one sentence.
    Returns:
        ["Tywanza"] for "... Sanders' son, 26-year-old Tywanza."; [None] for "said the 46-year-old."
        and for "the 31-year-old German midfielder"; ["Rakeem Jones"] for "Rakeem Jones, 26, was ...".
    """
    held: dict[int, str] = {}
    for m in _AGE_BEFORE.finditer(sentence):
        held[m.start()] = m.group("name")
    for m in _AGE_AFTER.finditer(sentence):
        held[m.end("name")] = m.group("name")
    out: list[str | None] = []
    for m in _ANY_AGE.finditer(sentence):
        # the name the age starts before ("26-year-old Tywanza") or follows ("Jones, 26,", "Jones
        # (26)", "Smith, aged 34"), within the comma, bracket and "aged " between
        name = next((held[at] for at in range(m.start() - 2, m.start() + 1) if at in held), None)
        out.append(_holder(name) if name is not None else None)
    return out


def others_only(sentence: str, asked: Collection[str]) -> bool:
    """Whether every age a sentence gives is held by a name sharing no word with the asked person's.

    Args:
        sentence: one sentence holding an age.
        asked: the words of the question's names, lower case ({"dylann", "roof"}).
    Returns:
        True for "... 26-year-old Tywanza." asked of Dylann Roof; False when an age is held by no
        name or by the asked person, or the sentence gives no age.
    """
    holders = age_holders(sentence)
    if not holders:
        return False
    for name in holders:
        if name is None:
            return False
        if {w.lower() for w in re.findall(r"[\w'’-]+", name)} & set(asked):
            return False
    return True


def asked_words(question: str) -> frozenset[str]:
    """The lower-case words of the names a question asks the age of ("How old is Dylann Roof?":
    {"dylann", "roof"}): its capitalised words after the first.

    Args:
        question: the question as searched.
    Returns:
        The words; empty when the question names no one.
    """
    found = re.findall(r"(?<=\s)[A-Z][\w'’-]+", question)
    return frozenset(re.sub(r"['’]s$", "", w).lower() for w in found)
