"""The name words of an asked speaker typed in lower case: "pope francis" in "what did pope francis say
about refugees", "vladmir putin" in "what did vladmir putin say about obama".

A capitalised name the documents never write declines a question (qa.rank.names_in); a user who types
in lower case gives no capitals, and "what did john smith say about trump" was answered with Trump's
words. The speaker phrase less its scaffolding (articles, possessives), its role and title words
("pope", "the senator", "former"), and its group nouns ("officials") is the name a reader asks by:
when none of those words is in the documents, nobody the documents name was asked for.
"""

from __future__ import annotations

import re

_SCAFFOLD = frozenset(
    "the a an of for and to in at on from with by his her their its this that these those our your "
    "mr mrs ms dr sir lady lord".split()
)
_WORD = re.compile(r"[a-z][a-z'’.-]*")
# bench/offtopic_polnear.py --off qa.asked_name.LOWER_CASE measures the set without the test.
LOWER_CASE = True


def lower_case_name_words(speaker: str) -> list[str]:
    """The words that name whom a lower-case speaker phrase asks for.

    Args:
        speaker: the asked speaker phrase (qa.abstain.asked_speaker), as typed.
    Returns:
        Its words less scaffolding, titles, role words, role modifiers and group nouns, possessives
        cut ("putin's" -> "putin"); [] when the phrase holds a capital (the capitalised path reads
        it), names nobody but a role ("the senator"), or LOWER_CASE is off.
    """
    from index.attribution.words import GROUP_NOUNS, ROLE_MODS, ROLE_WORDS, TITLES

    if not LOWER_CASE or any(c.isupper() for c in speaker):
        return []
    roles = TITLES | set(ROLE_WORDS) | set(GROUP_NOUNS) | set(ROLE_MODS.strip("(?:)").split("|"))
    out = []
    for m in _WORD.finditer(speaker):
        w = re.sub(r"['’]s?$", "", m.group().rstrip(".-"))
        if w and w not in _SCAFFOLD and w not in roles:
            out.append(w)
    return out
