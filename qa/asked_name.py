"""The name words of an asked speaker typed in lower case: "pope francis" in "what did pope francis say
about refugees", "vladmir putin" in "what did vladmir putin say about obama".

A capitalised name the documents never write declines a question (qa.rank.names_in); a user who types
in lower case gives no capitals, and "what did john smith say about trump" was answered with Trump's
words. The speaker phrase less its scaffolding (possessives), its role and title words ("pope", "former"),
and its group nouns ("officials") is the name a reader asks by: when a rare one of those words is not
in the documents, nobody the documents name was asked for. A phrase opening with a determiner ("the
teenager") is a description, not a name, and is left to the other tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SCAFFOLD = frozenset(
    "the a an of for and to in at on from with by his her their its this that these those our your "
    "mr mrs ms dr sir lady lord".split()
)
_WORD = re.compile(r"[a-z][a-z'’.-]*")
# A phrase opening with a determiner describes someone ("the teenager", "his spokesman"); a name does
# not take one. Without this test the paraphrase fit set lost "what did the teenager say about his
# goal" and "What did the appliance maker's boss say?" (the documents write "18-year-old", "firm").
_DESCRIPTION = re.compile(r"\s*(?:the|a|an|his|her|their|its|this|that|these|those|our|your|my)\b")
# bench/offtopic_polnear.py --off qa.asked_name.LOWER_CASE measures the set without the test.
LOWER_CASE = True
# One name word the documents lack declines, as one capitalised word does ("john podesta" where the
# documents name a John but no Podesta); False: only when they lack every name word. Everyday words
# ("john", "will") never decide alone. bench/offtopic_polnear.py --off qa.asked_name.ANY_WORD.
ANY_WORD = True


def lower_case_name_words(speaker: str) -> list[str]:
    """The words that name whom a lower-case speaker phrase asks for.

    Args:
        speaker: the asked speaker phrase (qa.abstain.asked_speaker), as typed.
    Returns:
        Its words less scaffolding, titles, role words, role modifiers and group nouns, possessives
        cut ("putin's" -> "putin"); [] when the phrase holds a capital (the capitalised path reads
        it), opens with a determiner (a description: "the new york senator"), names nobody but a role,
        or LOWER_CASE is off.
    """
    from index.attribution.words import GROUP_NOUNS, ROLE_MOD_WORDS, ROLE_WORDS, TITLES

    if not LOWER_CASE or any(c.isupper() for c in speaker):
        return []
    if _DESCRIPTION.match(speaker):
        return []  # "the teenager", "the appliance maker's boss": a description, and a name takes no article
    roles = TITLES | set(ROLE_WORDS) | set(GROUP_NOUNS) | set(ROLE_MOD_WORDS)
    out = []
    for m in _WORD.finditer(speaker):
        w = re.sub(r"['’]s?$", "", m.group().rstrip(".-"))
        if w and w not in _SCAFFOLD and w not in roles:
            out.append(w)
    return out


def absent_name(words: list[str], known: Callable[[str], bool], everyday_zipf: float) -> str:
    """The asked name the documents lack, or "".

    Args:
        words: lower_case_name_words' words.
        known: whether the documents hold a word (a typo or a metonym of theirs counts).
        everyday_zipf: a word this frequent in English (wordfreq's zipf) is an everyday one, whose
            absence says nothing.
    Returns:
        With ANY_WORD, the first word neither known nor everyday; otherwise the words joined when
        none is known; "" when the documents may name the person.
    """
    if not words:
        return ""
    if ANY_WORD:
        from wordfreq import zipf_frequency  # lazy: only lower-case speaker questions pay for it

        return next((w for w in words if zipf_frequency(w, "en") < everyday_zipf and not known(w)), "")
    return "" if any(known(w) for w in words) else " ".join(words)
