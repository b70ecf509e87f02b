"""PackedQuotes (index/quoterows.py): the build's quote rows held packed read back as the rows they
were, and weigh a fraction of the row objects (bench/reports/index_scale.txt, seventeenth pass)."""

from __future__ import annotations

import tracemalloc

import pytest

from index.docstore import QuoteRow
from index.quoterows import PackedQuotes


def _rows(n: int) -> list[QuoteRow]:
    speakers = [None, "Jane Roe", "the harbour master", "Ana Gómez"]
    verbs = ["said", "told", "warned"]
    return [
        QuoteRow(
            i % 3,
            1000 + 40 * i,
            1030 + 40 * i,
            speakers[i % 4],
            verbs[i % 3],
            i % 2 == 0,
            "" if i % 5 else "she",
            -1 if i % 5 else 990 + 40 * i,
            -1 if i % 5 else 993 + 40 * i,
        )
        for i in range(n)
    ]


def test_packed_quotes_read_back_as_the_rows() -> None:
    rows = _rows(500)
    packed = PackedQuotes(rows[:200])
    packed.extend(iter(rows[200:]))
    assert len(packed) == 500 and list(packed) == rows and packed == rows
    assert packed[0] == rows[0] and packed[-1] == rows[-1] and packed[10:20] == rows[10:20]
    assert packed != rows[:-1] and PackedQuotes() == []
    with pytest.raises(IndexError):
        packed[500]


def test_packed_quotes_weigh_a_fraction_of_the_rows() -> None:
    """Speakers sliced from a text (one str a quote, as the analyser makes them) and ints past the
    small-int cache: the row objects ~250 bytes a quote, packed ~60."""
    text = "Jane Roe said the tide was low. " * 10
    tracemalloc.start()
    try:
        rows = [
            QuoteRow(0, 10**6 + i, 10**6 + i + 30, text[0:8], "said", True, "", 10**6, 10**6 + 3)
            for i in range(20_000)
        ]
        as_rows = tracemalloc.get_traced_memory()[0]
        packed = PackedQuotes(rows)
        with_packed = tracemalloc.get_traced_memory()[0] - as_rows
    finally:
        tracemalloc.stop()
    assert len(packed) == len(rows)
    assert with_packed < as_rows / 3, (with_packed, as_rows)
