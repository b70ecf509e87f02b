"""A document's text held as its UTF-8 bytes, sliced by character offsets.

CPython holds a str at 1, 2 or 4 bytes a character, by its widest character: one curly apostrophe
makes a 30 MB news file a 60 MB str, one emoji a 120 MB one. After analysing, a build needs the text
only to slice passages (for the model and BM25) and to write it to the document store, which stores
UTF-8 anyway. Held as UTF-8 it weighs what the file does (bench/reports/index_scale.txt, sixth pass).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

# Characters between two marks of the byte offset: a slice decodes at most this much besides itself.
# 8 bytes of mark per 512 characters (~0.5 MB at 30 MB of text); a 460-character passage decodes
# ~1,500 characters, ~1 us on the dev machine.
MARK_EVERY = 512
# Bytes written at once into the store's BLOB.
_PIECE = 1 << 20


class PackedText:
    """The UTF-8 encoding of a text (lone surrogates kept, as "surrogatepass" writes them), with the
    byte offset of every MARK_EVERY-th character. None of them when the text is ASCII (bytes = chars).
    """

    __slots__ = ("data", "_length", "_marks")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._marks: array[int] | None = None
        self.data: bytes | bytearray
        if text.isascii():
            self.data = text.encode("ascii")
            return
        # Encoded a window at a time into a buffer of the exact size: str.encode of a 2-byte str
        # allocates 3 bytes a character before shrinking (traced: 3x the UTF-8 at once).
        marks, at = array("q", [0]), 0
        for i in range(0, self._length, MARK_EVERY):
            at += len(text[i : i + MARK_EVERY].encode("utf-8", "surrogatepass"))
            marks.append(at)
        self.data = bytearray(at)
        for k, i in enumerate(range(0, self._length, MARK_EVERY)):
            self.data[marks[k] : marks[k + 1]] = text[i : i + MARK_EVERY].encode("utf-8", "surrogatepass")
        self._marks = marks

    def __len__(self) -> int:
        """The length in characters, as len() of the str."""
        return self._length

    def slice(self, start: int, end: int) -> str:
        """text[start:end] for 0 <= start <= end <= len (a passage's or a quote's span).

        Args:
            start: first character.
            end: one past the last character.

        Returns:
            The characters, as str slicing gives them.
        """
        start, end = max(0, min(start, self._length)), max(0, min(end, self._length))
        if end <= start:
            return ""
        if self._marks is None:
            return self.data[start:end].decode("utf-8")
        first, last = start // MARK_EVERY, -(-end // MARK_EVERY)
        window = self.data[self._marks[first] : self._marks[last]].decode("utf-8", "surrogatepass")
        at = first * MARK_EVERY
        return window[start - at : end - at]

    def text(self) -> str:
        """The whole text as a str."""
        return self.data.decode("utf-8", "surrogatepass")

    def pieces(self) -> Iterator[memoryview]:
        """The UTF-8 bytes in consecutive pieces, without copying them."""
        view = memoryview(self.data)
        for i in range(0, len(view), _PIECE):
            yield view[i : i + _PIECE]
