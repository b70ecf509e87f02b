"""wordfreq's English Zipf frequencies held compactly: `zipf(word)` == `wordfreq.zipf_frequency(word, "en")`.

wordfreq answers its first question by loading its whole English list (321,180 words) into a list of
lists and a dict of str -> float, both cached for the process's life: ~34 MB of RSS, and ~14 MB more
for importing wordfreq itself (its tokenizer's regexes, langcodes), in a `qa index` process where
the analyser asks it about a few hundred words (bench/reports/index_scale.txt, fourteenth pass).
This module reads the same file a frequency band at a time into a `wordtable.WordTable` (each word's
UTF-8 and band, in buckets by hash): 3.6 MB (round 25; 8.4 MB as flat arrays with an open-addressing
array of slots, bench/reports/index_scale25.md). A plain ASCII word
is looked up without importing wordfreq (its tokenizer lower-cases such a word and nothing else);
any other goes through wordfreq's own tokenizer and digit rules. The result is wordfreq's, float
for float (tests/test_zipftable.py compares every listed word and variants of them).
"""

from __future__ import annotations

import functools
import gzip
import math
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

from index.attribution import wordtable
from index.attribution.wordtable import WordTable

LANG = "en"


class ZipfTable:
    """Each listed word's frequency band (wordfreq's index: the frequency is 10 ** (-band / 100))."""

    def __init__(self, words: WordTable) -> None:
        self._words = words

    def __len__(self) -> int:
        """The words read, a word listed in two bands counted twice (wordfreq's list's length)."""
        return len(self._words)

    def nbytes(self) -> int:
        """The bytes the table holds."""
        return self._words.nbytes()

    def band(self, word: str) -> int | None:
        """The word's band, or None when it is not listed.

        Args:
            word: a token as wordfreq looks it up.

        Returns:
            The band, or None.
        """
        return self._words.get(word)


def list_file(lang: str = LANG) -> Path:
    """wordfreq's "best" list for `lang` (its large list, else its small one), found without
    importing wordfreq.

    Args:
        lang: the language code.

    Returns:
        The list's path.
    """
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    large = data / f"large_{lang}.msgpack.gz"
    return large if large.is_file() else data / f"small_{lang}.msgpack.gz"


def load(path: Path | None = None) -> ZipfTable:
    """Read a wordfreq list (gzipped msgpack: a header, then one list of words per band), a band at
    a time, as wordfreq's `read_cBpack` reads it whole; a word listed again in a later band takes
    that band, as wordfreq's dict does.

    Args:
        path: the list (default: `list_file()`).

    Returns:
        The table.
    """
    return ZipfTable(wordtable.build(_listed(path or list_file())))


def _listed(path: Path) -> Iterator[tuple[str, int]]:
    """(word, band) of a wordfreq list, in its order.

    Args:
        path: the list.

    Yields:
        Each word with its band.
    """
    import msgpack

    with gzip.open(path, "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"Unexpected header: {header!r}")
        for band in range(n - 1):
            for word in unpacker.unpack():
                yield word, band


@functools.cache
def table() -> ZipfTable:
    """The English table, loaded once."""
    return load()


def _tokens(word: str) -> list[str]:
    """wordfreq's `lossy_tokenize(word, "en")`: a plain ASCII word is its one lower-case token.

    Args:
        word: the text looked up.

    Returns:
        Its tokens.
    """
    if word.isascii() and word.isalpha():
        return [word.lower()]
    from wordfreq.tokens import lossy_tokenize

    return lossy_tokenize(word, LANG)


def _frequency(word: str, minimum: float) -> float:
    """wordfreq's `_word_frequency(word, "en", "best", minimum)`, the list looked up in `table()`.

    Args:
        word: the text.
        minimum: the frequency of a word not listed.

    Returns:
        The frequency, rounded to 3 significant digits as wordfreq rounds it.
    """
    tokens = _tokens(word)
    if not tokens:
        return minimum
    one_over_result = 0.0
    for token in tokens:
        smashed = token
        if any(c.isdigit() for c in token):  # wordfreq's digit rules, only where there are digits
            from wordfreq.numbers import smash_numbers

            smashed = smash_numbers(token)
        band = table().band(smashed)
        if band is None:
            return minimum
        freq = 10 ** (-band / 100)
        if smashed != token:
            from wordfreq.numbers import digit_freq

            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")`: 9 + log10 of the word's frequency, to 2 decimals; 0
    for a word not listed.

    Args:
        word: the text.

    Returns:
        Its Zipf frequency.
    """
    freq = _frequency(word, 10**0.0 / 1e9)
    return round(math.log(freq, 10) + 9, 2)
