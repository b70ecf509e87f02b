"""One person, one name across the documents of an index.

Each document's attributions name a person by the fullest form that document uses: "Donald J. Trump"
in one article, "Donald Trump" in another, "Hillary Rodham Clinton" beside "Hillary Clinton". Those
are merged when they can only be the same person: the same given name and surname, one name's words
all in the other, the other adding a middle initial or a middle name. Two different given names are
never merged, nor two different middles ("George W. Bush" and "George P. Bush"), and a bare name
that fits two such middled ones ("George Bush") stays apart from both.

Measured on PolNeAR train (bench/name_variants.py, bench/reports/name_variants.md): how often the
same given name and surname with different middles name different people, against how often a bare
name and one middled form co-occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from index.attribution.words import ORG_WORDS, PLACES, STOP, SUFFIXES, TITLES

_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")  # "J.", "H.W.", "W"
# A title or a role's modifier is no part of a name ("Former AG Smith", "Sen. Jane Doe").
_NOT_NAME = TITLES | {"former", "late", "then", "acting", "deputy", "ag"}
MAX_MIDDLE = 2  # words a middle adds: "Hillary Rodham Clinton", "George H. W. Bush"


def person_tokens(name: str) -> tuple[str, ...] | None:
    """The words of a personal name, a suffix ("Jr.") left out; None when `name` is no personal name
    of two words or more (one word, a lower-case word, an organisation's or place's word).

    Args:
        name: a canonical speaker name ("Joseph R. Biden Jr.").
    Returns:
        ("Joseph", "R.", "Biden"), or None.
    """
    toks = name.split()
    while toks and toks[-1].lower().strip(".,") in SUFFIXES:
        toks = toks[:-1]
    if len(toks) < 2:
        return None
    for t in toks:
        low = t.lower().strip(".,")
        if not t[:1].isupper() or low in ORG_WORDS or low in PLACES or low in STOP or low in _NOT_NAME:
            return None
    return tuple(toks)


def _middle_only(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `long` is `short` with a middle added: the same first and last words, the shorter's
    middle words in order within the longer's, one or two words more, each an initial or a name."""
    if short[0] != long[0] or short[-1] != long[-1] or not 0 < len(long) - len(short) <= MAX_MIDDLE:
        return False
    inner = list(long[1:-1])
    for t in short[1:-1]:  # an ordered subsequence
        if t not in inner:
            return False
        inner = inner[inner.index(t) + 1 :]
    return True


def merge(names: Iterable[str], weight: Mapping[str, int] | None = None) -> dict[str, str]:
    """The canonical name of each of `names` after merging the forms of one person.

    Args:
        names: canonical names of the documents' speakers (each document's own).
        weight: quotes per name; a merged group is named by its most quoted form (then the shorter,
            then the first alphabetically). Unweighted: the fullest form.
    Returns:
        Every name -> its group's name (itself when nothing merges with it).
    """
    weight = weight or {}
    toks = {n: t for n in dict.fromkeys(names) if (t := person_tokens(n)) is not None}
    by_ends: dict[tuple[str, str], list[str]] = {}
    for n, t in toks.items():
        by_ends.setdefault((t[0], t[-1]), []).append(n)
    out = {n: n for n in dict.fromkeys(names)}
    for group in by_ends.values():
        if len(group) < 2:
            continue
        # The fullest forms: no other form of the group adds a middle to them.
        fullest = [n for n in group if not any(_middle_only(toks[n], toks[m]) for m in group if m != n)]
        members: dict[str, list[str]] = {f: [f] for f in fullest}
        for n in group:
            if n in members:
                continue
            fits = [f for f in fullest if _middle_only(toks[n], toks[f])]
            if len(fits) == 1:  # "George Bush" beside "George W." and "George P. Bush": left apart
                members[fits[0]].append(n)
        for forms in members.values():
            if len(forms) < 2:
                continue
            if weight:
                best = min(forms, key=lambda n: (-weight.get(n, 0), len(n), n))
            else:
                best = max(forms, key=lambda n: (len(toks[n]), len(n), n))
            for n in forms:
                out[n] = best
    return out
