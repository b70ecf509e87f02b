"""One person, one name across the documents of an index.

Each document's attributions name a person by the fullest form that document uses: "Donald J. Trump"
in one article, "Donald Trump" in another, "Hillary Rodham Clinton" beside "Hillary Clinton". Those
are merged when they can only be the same person: the same given name and surname, one name's words
all in the other, the other adding a middle initial or a middle name. Two different given names are
never merged, nor two different middles ("George W. Bush" and "George P. Bush") or suffixes ("Jr.",
"III"), and a bare name that fits two such fuller ones ("George Bush") stays apart from both.

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


def _suffix(name: str) -> str:
    """The generational suffix ending `name` ("jr", "iii"), "" when none."""
    last = name.split()[-1].lower().strip(".,") if name.split() else ""
    return last if last in SUFFIXES else ""


Form = tuple[tuple[str, ...], str]  # a name's words without its suffix, and the suffix


def _less(a: Form, b: Form) -> bool:
    """Whether form `a` can be `b` written with less: a middle left out ("Hillary Clinton" of "Hillary
    Rodham Clinton"), the suffix the same. A suffix is never left out: where one article wrote a name
    with and without "Sr."/"Jr."/"III", three times in four they were father and son
    (bench/reports/name_variants.md)."""
    (t, s), (u, v) = a, b
    return s == v and _middle_only(t, u)


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
        forms: dict[Form, list[str]] = {}
        for n in group:
            forms.setdefault((toks[n], _suffix(n)), []).append(n)
        # The fullest forms: no other form of the group writes them with more.
        fullest = [f for f in forms if not any(_less(f, g) for g in forms if g != f)]
        members: dict[Form, list[str]] = {f: list(forms[f]) for f in fullest}
        for f, ns in forms.items():
            if f in members:
                continue
            fits = [g for g in fullest if _less(f, g) or any(_less(f, h) and _less(h, g) for h in forms)]
            if len(fits) == 1:  # "George Bush" beside "George W." and "George P. Bush": left apart
                members[fits[0]].extend(ns)
        for ns in members.values():
            if len(ns) < 2:
                continue
            if weight:
                best = min(ns, key=lambda n: (-weight.get(n, 0), len(n), n))
            else:
                best = max(ns, key=lambda n: (len(toks[n]), len(n), n))
            for n in ns:
                out[n] = best
    return out
