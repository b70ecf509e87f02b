"""A document's quote rows held packed on their way from the analysis to the document store.

The build holds every new document's quotes from its analysis until the store is written, after the
embedding: as QuoteRow objects that was ~250 bytes a quote (the object, its four ints, a speaker str
sliced anew each time), ~1 MB per MB of quote-dense news, the larger half of what the build's memory
grew by (bench/reports/index_scale.txt, seventeenth pass). Here: six int64 and three int32 a quote
(60 bytes) and each distinct string once.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from index.docstore import QuoteRow

_INTS = 6  # doc_id, start, end, mention_start, mention_end, direct
_CODES = 3  # speaker (-1: None), verb, source: positions in the string table


class PackedQuotes(Sequence[QuoteRow]):
    """QuoteRows packed into int arrays and a table of their strings; read back equal, in order."""

    def __init__(self, rows: Iterable[QuoteRow] = ()) -> None:
        self._ints = array("q")
        self._codes = array("i")
        self._strings: list[str] = []
        self._ids: dict[str, int] = {}
        self.extend(rows)

    def _code(self, s: str) -> int:
        """The string's position in the table, added when new.

        Args:
            s: the string.

        Returns:
            Its position.
        """
        code = self._ids.get(s)
        if code is None:
            code = self._ids[s] = len(self._strings)
            self._strings.append(s)
        return code

    def extend(self, rows: Iterable[QuoteRow]) -> None:
        """Append rows, in order.

        Args:
            rows: the rows.
        """
        for r in rows:
            self._ints.extend((r.doc_id, r.start, r.end, r.mention_start, r.mention_end, int(r.direct)))
            speaker = -1 if r.speaker is None else self._code(r.speaker)
            self._codes.extend((speaker, self._code(r.verb), self._code(r.source)))

    def __len__(self) -> int:
        return len(self._codes) // _CODES

    def _row(self, i: int) -> QuoteRow:
        doc_id, start, end, m0, m1, direct = self._ints[_INTS * i : _INTS * i + _INTS]
        speaker, verb, source = self._codes[_CODES * i : _CODES * i + _CODES]
        s = self._strings
        return QuoteRow(
            doc_id, start, end, None if speaker < 0 else s[speaker], s[verb], bool(direct), s[source], m0, m1
        )

    @overload
    def __getitem__(self, i: int) -> QuoteRow: ...

    @overload
    def __getitem__(self, i: slice) -> list[QuoteRow]: ...

    def __getitem__(self, i: int | slice) -> QuoteRow | list[QuoteRow]:
        if isinstance(i, slice):
            return [self._row(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError("quote index out of range")
        return self._row(i % n)

    def __iter__(self) -> Iterator[QuoteRow]:
        for i in range(len(self)):
            yield self._row(i)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
