"""gender-guesser's answers held compactly: one gender word per listed given name.

`gender_guesser.detector.Detector` keeps, for each of its ~61,000 names, a dict from each gender the
name is listed with to that line's 55-column country string, and works out the answer on every call.
Loaded once per process and kept for its life (the analyser asks it about every unknown given name),
that is ~22 MB of RSS in a `qa index` process (bench/reports/index_scale.txt, fourteenth pass). The
answer to `get_gender(name)` (no country) depends only on the name, so `GenderTable` holds just that
answer, worked out once from the same data file by the detector's own rules (`_resolve`), as a
number in a `wordtable.WordTable`: 0.66 MB (round 25; 5.6 MB as a dict of str -> str,
bench/reports/index_scale25.md), and the same answer for every name (tests/test_gendertable.py compares all of them).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from index.attribution import wordtable
from index.attribution.wordtable import WordTable

# The detector's genders, in the order its `_eat_name_line` names them; codes index this tuple.
GENDERS = ("male", "mostly_male", "female", "mostly_female", "andy")
_CODES = {"M": 0, "1M": 1, "?M": 1, "F": 2, "1F": 3, "?F": 3, "?": 4}
_ANDY = 4
# An entry packed into one int: the gender code in the low 3 bits, the count of countries above it
# (at most the 55 columns of a line, below 1 << _COUNT_BITS), the tie-break sum above that.
_COUNT_BITS = 10


class GenderTable:
    """`Detector(case_sensitive=False).get_gender(name)` as a lookup of precomputed answers."""

    def __init__(self, codes: WordTable) -> None:
        self._codes = codes  # lower-case name -> its answer's index in GENDERS

    def __len__(self) -> int:
        return len(self._codes)

    def nbytes(self) -> int:
        """The bytes the table holds."""
        return self._codes.nbytes()

    def get_gender(self, name: str) -> str:
        """The detector's answer for `name` (any case), over all countries.

        Args:
            name: a given name.

        Returns:
            "male", "mostly_male", "female", "mostly_female", "andy" or "unknown".
        """
        code = self._codes.get(name.lower())
        return "unknown" if code is None else GENDERS[code]


def data_file() -> Path:
    """gender-guesser's name list, where the installed package keeps it."""
    import gender_guesser  # the package only: its detector module is not needed

    return Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"


def load(path: Path | None = None) -> GenderTable:
    """Read the name list once, keeping per name its packed entries, then only the answer.

    Args:
        path: the list (default: the installed package's).

    Returns:
        The table.
    """
    entries: dict[str, int | tuple[int, ...]] = {}
    with codecs.open(str(path or data_file()), encoding="utf-8") as f:  # as the detector reads it
        for raw in f:
            line = raw.strip()
            if line[0] in "#=":
                continue
            parts = line.split()
            code = _CODES.get(parts[0])
            if code is None:
                raise ValueError(f"gender-guesser list {path}: unknown sex {parts[0]!r}")
            _add(entries, parts[1].lower(), _pack(code, line[30:-1]))
    return GenderTable(wordtable.build((name, _resolve(packed)) for name, packed in entries.items()))


def _pack(code: int, countries: str) -> int:
    """One line's entry: its gender and the detector's (count, tie) for its country string.

    Args:
        code: the gender's index in GENDERS.
        countries: the line's country columns.

    Returns:
        The entry as one int.
    """
    values = [ord(c) for c in countries.replace(" ", "")]
    count = len(values)
    tie = sum(c - 55 if c > 64 else c - 48 for c in values)
    if count >> _COUNT_BITS or tie < 0:
        raise ValueError(f"gender-guesser list: unexpected country columns {countries!r}")
    return (tie << (_COUNT_BITS + 3)) | (count << 3) | code


def _add(entries: dict[str, int | tuple[int, ...]], name: str, entry: int) -> None:
    """The detector's `_set`: a "+" in a name stands for nothing, a space or a hyphen; a name's later
    line for a gender it already has replaces that entry where it stood.

    Args:
        entries: name -> its entry, or its entries in the order their genders were first listed.
        name: the name, lower case.
        entry: the packed entry.
    """
    if "+" in name:
        for replacement in ("", " ", "-"):
            _add(entries, name.replace("+", replacement), entry)
        return
    old = entries.get(name)
    if old is None:
        entries[name] = entry
        return
    listed = (old,) if isinstance(old, int) else old
    for i, e in enumerate(listed):
        if e & 7 == entry & 7:
            entries[name] = listed[:i] + (entry,) + listed[i + 1 :]
            return
    entries[name] = (*listed, entry)


def _resolve(packed: int | tuple[int, ...]) -> int:
    """The detector's `_most_popular_gender` with its all-countries counter: the first gender, in the
    order listed, with the most countries, ties broken by the larger sum; "andy" when none has any.

    Args:
        packed: a name's entry or entries.

    Returns:
        The answer's index in GENDERS.
    """
    listed = (packed,) if isinstance(packed, int) else packed
    best, max_count, max_tie = listed[0] & 7, 0, 0
    for e in listed:
        count, tie = (e >> 3) & ((1 << _COUNT_BITS) - 1), e >> (_COUNT_BITS + 3)
        if count > max_count or (count == max_count and tie > max_tie):
            best, max_count, max_tie = e & 7, count, tie
    return best if max_count > 0 else _ANDY
