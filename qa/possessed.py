"""A speaker asked for through another person: "What does Rhonda Hughes's mother say about Sanders?".

The possessive name before a noun ("Rhonda Hughes's mother", "Trump's lawyer") asks for the noun's
holder, not the named person. The named person being quoted is no evidence that the holder is: the
question is answerable only where the documents quote a source described by that noun ("her mother
said", "Trump's lawyer, Michael Cohen, said"). Issue 9, deliver 3 ("the asked person is not
quoted"); measured by bench/near_twins.py (bench/reports/near_twins.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# On (False: off, to measure): bench/near_twins.py (bench/reports/near_twins.md).
POSSESSED = True

# "Rhonda Hughes's mother", "Trump’s longtime lawyer", "Obama's press secretary": a capitalised
# possessor, then one to three lower-case words, the last the holder's noun.
_POSSESSED = re.compile(
    r"^(?P<owner>(?:the\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.-]*?)(?:['’]s|s['’])\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)$"
)
# Nouns that name no person apart from the possessor: what the possessor said or did ("Trump's
# remarks"), or the possessor's own side speaking as one ("Clinton's campaign" is asked as the
# campaign's words, which the documents often give as the candidate's).
_NOT_HOLDER = frozenset(
    (
        "campaign camp team side office administration government people statement statements remarks "
        "comments words speech speeches response tweets tweet message"
    ).split()
)


def possessed_speaker(phrase: str) -> tuple[str, str] | None:
    """The possessor and the holder's noun of an asked speaker given through another person.

    Args:
        phrase: the asked speaker (qa.abstain.asked_speaker).
    Returns:
        ("Rhonda Hughes", "mother") for "Rhonda Hughes's mother"; None for a name, a description
        without a possessive ("the tattoo artist"), or a possessed noun that names no other person
        ("Clinton's campaign").
    """
    m = _POSSESSED.match(phrase.strip())
    if m is None:
        return None
    noun = m.group("noun").split()[-1].lower()
    if noun in _NOT_HOLDER:
        return None
    return m.group("owner"), noun


def _forms(noun: str) -> set[str]:
    """The noun and its plural or singular ("mother", "mothers"; "aides", "aide")."""
    return {noun, noun + "s", noun + "es", noun[:-1] if noun.endswith("s") else noun}


def quotes_holder(noun: str, quoted: str) -> bool:
    """Whether some quoted source is described by the holder's noun.

    Args:
        noun: the holder's noun ("mother").
        quoted: the quoted sources' wordings and descriptions, folded (qa.abstain.SpeakerEvidence.quoted).
    Returns:
        True when a wording holds the noun or its plural as a word.
    """
    return any(re.search(rf"(?<![\w]){re.escape(f)}(?![\w])", quoted) for f in _forms(noun.casefold()))


def possessed_unquoted(phrase: str, quoted: str, place: Callable[[str], bool] | None = None) -> str:
    """Why a speaker asked for through another person has nothing to answer with, or "".

    A country's or capital's holder ("Russia's leader", "Washington's envoy") is a role the documents
    give by other words ("President Vladimir Putin"): left to the described-speaker tests.

    Args:
        phrase: the asked speaker (qa.abstain.asked_speaker).
        quoted: the quoted sources' wordings and descriptions, folded (qa.abstain.SpeakerEvidence.quoted).
        place: whether a possessor names a country or capital; None: none does.
    Returns:
        "the documents quote no Rhonda Hughes's mother" when no quoted source is described by the
        noun; "" otherwise, and for a phrase that asks for no one through another (possessed_speaker).
    """
    found = possessed_speaker(phrase)
    if found is None or (place is not None and place(found[0])) or quotes_holder(found[1], quoted):
        return ""
    return f"the documents quote no {phrase}"
