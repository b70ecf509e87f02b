"""Either/or questions: "Was it Obama or Putin who spoke first?", "Did they meet on Monday or
Tuesday?", "Was the photo by Reuters or AP?" name alternatives, and the documents need hold only one
of them to answer. An alternative the documents lack is no evidence that they do not answer, as long
as another one of the same choice is there (the decline gates read such a name as an asked name the
documents do not mention: qa.not_mentioned, qa.decline's article-part check; bench/reports/wrong26.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A name: up to four capitalised words ("New York"), or a number or year ("2011", "70th").
_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|\d[\w,.]*)"
# A choice of names: "Obama or Putin", "Reuters, AP or AFP", "2011 or 2012" (case-sensitive: names only).
_CHOICE = re.compile(rf"(?<![\w'’])({_NAME})((?:\s*,\s*{_NAME})*)\s*,?\s+or\s+({_NAME})(?![\w'’])")
_SPLIT = re.compile(r"\s*,\s*")


def choices(question: str) -> list[list[str]]:
    """The choices of names a question offers, each as its alternatives.

    Args:
        question: the question as searched.
    Returns:
        One list per "X or Y" / "X, Y or Z" of capitalised names ("Was it Obama or Putin?" gives
        [["Obama", "Putin"]]); an alternative may keep a question's capitalised opener ("Did Obama").
    """
    out: list[list[str]] = []
    for m in _CHOICE.finditer(question):
        middle = [a for a in _SPLIT.split(m.group(2)) if a]
        out.append([m.group(1), *middle, m.group(3)])
    return out


def unheld_alternatives(question: str, held: Callable[[str], bool]) -> set[str]:
    """The words of a choice's alternatives that the documents lack, when another alternative of the
    same choice is wholly in them.

    Args:
        question: the question as searched.
        held: whether the documents hold a word (called on single words of the alternatives).
    Returns:
        The absent words (as written) that need not be in the documents: "Tuesday" of "on Monday or
        Tuesday?" when the documents say Monday; empty when no alternative is held.
    """
    out: set[str] = set()
    for alternatives in choices(question):
        state = [(a, [w for w in a.split() if not held(w)]) for a in alternatives]
        if any(not missing for _, missing in state):
            out.update(w for _, missing in state for w in missing)
    return out
