"""A fixed word -> small number map held in two flat buffers, for the analyser's word tables.

A dict of str keys costs ~90 bytes a word in small objects (gender-guesser's 61,306 names as a dict
of str -> str: 5.6 MB kept), and an open-addressing array of slots 4 bytes a slot at half full
(wordfreq's 321,180 words: 4.2 MB of slots beside their 4.2 MB of UTF-8, starts and bands). Here the
words are grouped by the hash of their UTF-8 into buckets of ~BUCKET entries, each entry its UTF-8
length in one byte, the UTF-8, the number in two bytes, a bucket's entries one run of a bytearray
found through one 4-byte start a bucket: ~3 + the word's length bytes an entry, 1 byte an entry of
starts (bench/reports/index_scale25.md: 3.6 MB for wordfreq's list, 0.7 MB for the names).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

# Entries a bucket on average: a lookup reads ~BUCKET / 2 entries' length bytes for a listed word,
# BUCKET for an absent one, comparing bytes only on equal lengths.
BUCKET = 4
_MAX_WORD = 255  # bytes of UTF-8: its length is one byte of the entry
_MAX_VALUE = 0xFFFF


def _key(word: str) -> bytes:
    """A word's UTF-8 as the table holds it (a lone surrogate kept, as "surrogatepass" writes it)."""
    return word.encode("utf-8", "surrogatepass")


class WordTable:
    """Words and their numbers (0-65535), built once (`build`), looked up with `get`."""

    def __init__(self, entries: bytearray, starts: array[int], count: int) -> None:
        self._entries = entries  # bucket b's entries are entries[starts[b] : starts[b + 1]]
        self._starts = starts
        self._buckets = len(starts) - 1
        self._count = count

    def __len__(self) -> int:
        """The words put, a word put twice counted twice."""
        return self._count

    def nbytes(self) -> int:
        """The bytes its two buffers hold."""
        return len(self._entries) + self._starts.itemsize * len(self._starts)

    def get(self, word: str) -> int | None:
        """The word's number.

        Args:
            word: the word, exactly as put.

        Returns:
            Its number (the last one put), or None when it was never put.
        """
        key = _key(word)
        n = len(key)
        b = hash(key) % self._buckets
        entries = self._entries
        off, end = self._starts[b], self._starts[b + 1]
        while off < end:
            m = entries[off]
            if m == n and entries[off + 1 : off + 1 + n] == key:
                at = off + 1 + n
                return entries[at] | (entries[at + 1] << 8)
            off += m + 3
        return None


def build(pairs: Iterable[tuple[str, int]]) -> WordTable:
    """The table of `pairs`; a word given again takes its later number (as a dict's assignment).

    The entries are written in the order given, then copied bucket by bucket into one buffer of
    their exact size: the build holds the entries twice and one bucket number an entry, briefly.

    Args:
        pairs: (word, number 0-65535).

    Returns:
        The table.
    """
    flat = bytearray()
    hashes: array[int] = array("q")
    for word, value in pairs:
        key = _key(word)
        if len(key) > _MAX_WORD or not 0 <= value <= _MAX_VALUE:
            raise ValueError(f"cannot hold {word!r} -> {value} (at most {_MAX_WORD} bytes, {_MAX_VALUE})")
        flat += bytes((len(key),)) + key + value.to_bytes(2, "little")
        hashes.append(hash(key))
    count = len(hashes)
    buckets = max(1, count // BUCKET)
    sizes = array("I", [0]) * (buckets + 1)
    off = 0
    for h in hashes:  # each bucket's bytes, at its successor's place (the prefix sums follow)
        size = flat[off] + 3
        sizes[h % buckets + 1] += size
        off += size
    for b in range(buckets):
        sizes[b + 1] += sizes[b]
    starts = array("I", sizes)  # bucket b's run begins at starts[b]; sizes[b] is its next free byte
    entries = bytearray(len(flat))
    off = 0
    for h in hashes:
        size = flat[off] + 3
        b = h % buckets
        _place(entries, starts[b], sizes[b], flat[off : off + size])
        sizes[b] += size
        off += size
    return WordTable(entries, starts, count)


def _place(entries: bytearray, first: int, at: int, entry: bytearray) -> None:
    """Write `entry` at `at`, the end of its bucket's run so far; an earlier entry of the same word in
    the run takes the new number, so that a lookup may stop at the first match.

    Args:
        entries: the table's buffer.
        first: where the bucket's run starts.
        at: where the entry goes.
        entry: length byte, UTF-8, number.
    """
    n = entry[0]
    off = first
    while off < at:
        m = entries[off]
        if m == n and entries[off + 1 : off + 1 + n] == entry[1 : 1 + n]:
            entries[off + 1 + n : off + 3 + n] = entry[1 + n :]
        off += m + 3
    entries[at : at + len(entry)] = entry
