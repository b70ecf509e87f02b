"""The BM25 build's own lemmatizer and term-id reader (index/lexical.py): what they give is what
the query side and the written ids give, with nothing kept for the life of the process."""

from __future__ import annotations

from array import array
from pathlib import Path

import numpy as np
import pytest

from index import lexical

WORDS = (
    "said spoke ministers went children better mice geese running ran was were has had taken "
    "feet analyses criteria data wolves leaves people women Kremlin's US WHO 1,200 2024 naïve"
).split()


def test_build_terms_are_the_query_terms() -> None:
    import Stemmer

    stemmer, lemmatizer = Stemmer.Stemmer("english", 0), lexical._build_lemmatizer()
    for w in (t for text in WORDS for t in lexical.content_words(text)):
        assert lexical._term_by(w, stemmer, lemmatizer) == lexical.term(w), w


def test_build_lemmatizer_keeps_no_words() -> None:
    lemmatizer = lexical._build_lemmatizer()
    for w in ("spoke", "geese", "taken"):
        lemmatizer.lemmatize(w, "en")
    assert lemmatizer._cached_lemmatize.cache_info().currsize == 0


@pytest.mark.parametrize("n", [0, 1, lexical._SCAN - 1, lexical._SCAN, 3 * lexical._SCAN + 7])
def test_term_ids_read_back_in_pieces(tmp_path: Path, n: int) -> None:
    ids = lexical._TermIds(tmp_path)
    want = np.random.default_rng(n).integers(0, 1 << 30, size=n, dtype=np.int32)
    for a in range(0, n, 1000):
        ids.extend(array("i", want[a : a + 1000].tolist()))
    got = [p.copy() for p in ids.pieces()]  # a piece is valid until the next is read
    ids.close()
    assert all(len(p) <= lexical._SCAN for p in got)
    assert np.array_equal(np.concatenate(got) if got else np.zeros(0, np.int32), want)
