"""WordNet relatives of a question word the documents never write: "quit" where they say "step down".

The cover gate (qa.cover via qa.not_mentioned._uncovered) declines a question whose asked noun or verb
the documents never use, unless the embedding model places a phrase of the best sentences close to
it (qa.equivalents). Some words the model misses are WordNet relatives of the document's word
(bench/reports/wrong28.md: "quit" / "step down", "clash" / "conflict"). Here a missing word counts as
said when one of the three best sentences holds all the terms of one of its relatives.

The relatives come from a table (NOUNS and VERBS of qa.lexical_kin_table) made from WordNet 3.0 by
bench/lex29_kin.py; the bot never reads WordNet itself.

Switched off, and the table not committed (bench/reports/lex29.md): the synonyms fix no read-set
question, and the kinds that do (synonyms and hyponyms: h6s05, h14f06) match a wrong sense of the
word ("influence", a kind of effect, for "outcome") and cover near misses (a hyponym of "sanction"
is "authority"). To measure again: `python bench/lex29_kin.py fit` (it builds the table in memory),
or `python bench/lex29_kin.py table --kinds "syn hypo" > qa/lexical_kin_table.py` and ON = True.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cache

from index.lexical import fold

# Whether the gate reads the relatives at all: off, see the module's docstring (bench/lex29_kin.py
# measures with and without; on, "syn hypo": read sets hit@1 0.800 -> 0.800, h14f06 and h6s05 answered
# by wrong senses, tests/test_cover_gate.py's near miss "What sanctions ..." covered by "authority").
ON = False


@cache
def _table() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """The committed table: part of speech ("n", "v") -> word -> its relatives (folded, words separated
    by spaces); read once."""
    from qa.lexical_kin_table import NOUNS, VERBS

    return {pos: {w: tuple(r.split(",")) for w, r in t.items()} for pos, t in (("n", NOUNS), ("v", VERBS))}


# Detachment rules (WordNet's morphy, nouns and verbs): an inflected question word is looked up by
# its base forms ("pressing" -> "press", "outcomes" -> "outcome").
_SUFFIXES = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)


def relatives(
    word: str, pos: str = "n", table: Mapping[str, Mapping[str, Sequence[str]]] | None = None
) -> list[str]:
    """The relatives of a folded word or of its base forms, as a noun or as a verb.

    Args:
        word: a folded question word ("pressing").
        pos: "n" or "v".
        table: part of speech -> word -> relatives; the committed table when None.
    Returns:
        The relatives, in table order, without repeats; [] for a word the table lacks.
    """
    by_pos = (_table() if table is None else table).get(pos, {})
    forms = [word] + [
        word[: -len(a)] + b for a, b in _SUFFIXES if word.endswith(a) and len(word) > len(a) + 2
    ]
    out: dict[str, None] = {}
    for f in forms:
        for r in by_pos.get(f, ()):
            out[r] = None
    return list(out)


def _phrase(relative: str) -> re.Pattern[str]:
    """A pattern for a relative of several words in a folded text, each word inflected or not ("step
    down" in "stepped down"): their index terms alone would lose the particle ("step" for "step
    down"), and "He took a step" would hold "quit"."""
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) + r"\w*" for w in relative.split()) + r"(?!\w)")


def kin_said(
    missing: Collection[str],
    sentences: Sequence[str],
    terms: Callable[[str], Sequence[str]],
    role: Mapping[str, str] | None = None,
    table: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
) -> set[str]:
    """The missing words one of whose relatives a best sentence holds: a one-word relative by its
    index terms ("fears" holds "fear"), a relative of several words as a phrase (`_phrase`).

    Args:
        missing: the question's folded words the documents lack.
        sentences: the best sentences.
        terms: content terms of a text, made as the index makes them.
        role: each question word's role (qa.cover.roles): a "verb" is looked up as a verb, any other
            word as a noun.
        table: part of speech -> word -> relatives; the committed table when None.
    Returns:
        The words said by a relative.
    """
    if not ON or not missing:
        return set()
    held = [set(terms(s)) for s in sentences]
    folded = [fold(s) for s in sentences]
    out = set()
    for w in missing:
        pos = "v" if (role or {}).get(w) == "verb" else "n"
        for r in relatives(w, pos, table):
            if " " in r:
                rx = _phrase(r)
                hit = any(rx.search(f) for f in folded)
            else:
                t = set(terms(r))
                hit = bool(t) and any(t <= h for h in held)
            if hit:
                out.add(w)
                break
    return out
