"""A document's text held as its UTF-8 bytes, sliced by character offsets.

CPython holds a str at 1, 2 or 4 bytes a character, by its widest character: one curly apostrophe
makes a 30 MB news file a 60 MB str, one emoji a 120 MB one. After analysing, a build needs the text
only to slice passages (for the model and BM25) and to write it to the document store, which stores
UTF-8 anyway. Held as UTF-8 it weighs what the file does (bench/reports/index_scale.txt, sixth pass).
"""

from __future__ import annotations

import errno
import os
from array import array
from collections.abc import Iterator
from typing import BinaryIO

# Characters between two marks of the byte offset: a slice decodes at most this much besides itself.
# 8 bytes of mark per 512 characters (~0.5 MB at 30 MB of text); a 460-character passage decodes
# ~1,500 characters, ~1 us on the dev machine.
MARK_EVERY = 512
# Bytes written at once into the store's BLOB.
_PIECE = 1 << 16
# Bytes scanned at once for character starts (from_utf8).
_MARK_PIECE = 1 << 14


class PackedText:
    """The UTF-8 encoding of a text (lone surrogates kept, as "surrogatepass" writes them), with the
    byte offset of every MARK_EVERY-th character. None of them when the text is ASCII (bytes = chars).
    """

    __slots__ = ("data", "_length", "_marks", "_file", "_at", "_size")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._marks: array[int] | None = None
        self._file: int | None = None  # the file descriptor the bytes were spilled to (`spill`)
        self._at = self._size = 0
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

    @classmethod
    def from_utf8(cls, data: bytes | bytearray) -> PackedText:
        """A text from its UTF-8 bytes, taken as they are (not copied): the same object as
        PackedText(data.decode("utf-8")) gives, without ever decoding the whole text (a 2-byte
        str is twice the file: reading held the file's bytes and its str at once, 2.85x the file at
        30 MB; bench/reports/index_scale.txt, seventh pass).

        Args:
            data: valid UTF-8 (ingest checked it).

        Returns:
            The packed text; its marks are found from the bytes that start a character.
        """
        import numpy as np  # only for a non-ASCII text

        self = cls.__new__(cls)
        self.data = data
        self._marks = None
        self._file, self._at, self._size = None, 0, 0
        if data.isascii():
            self._length = len(data)
            return self
        marks, count = array("q"), 0
        view = np.frombuffer(data, dtype=np.uint8)
        try:
            # Piece by piece: the offsets of a piece's character starts, 8 bytes each, 128 KB at most.
            for i in range(0, len(view), _MARK_PIECE):
                starts = np.flatnonzero((view[i : i + _MARK_PIECE] & 0xC0) != 0x80)
                marks.extend((starts[(-count) % MARK_EVERY :: MARK_EVERY] + i).tolist())
                count += len(starts)
        finally:
            del view  # releases the buffer (a bytearray cannot be resized while it is exported)
        marks.append(len(data))
        self._length, self._marks = count, marks
        return self

    def spill(self, f: BinaryIO) -> None:
        """Move the bytes to the end of `f` (an unbuffered, unlinked temporary file of the build's
        staging folder) and read them from there from now on: slices, the whole text and the pieces
        are the same. Once a document is analysed the build needs its text only to slice passages
        (for the model and BM25) and to write it to the store: held in the page cache, not in the
        process (BM25's tables no longer add to the text: bench/reports/index_scale.txt, seventh
        pass). `data` is emptied.

        Args:
            f: the file, opened for reading and writing without buffering.
        """
        if self._file is not None:
            return
        at = f.seek(0, os.SEEK_END)
        for piece in self.pieces():
            view = memoryview(piece)
            while len(view):
                view = view[f.write(view) or 0 :]  # a raw file may write less than asked
        self._file, self._at, self._size = f.fileno(), at, len(self.data)
        self.data = b""

    @property
    def nbytes(self) -> int:
        """The length of the UTF-8 encoding."""
        return self._size if self._file is not None else len(self.data)

    def _bytes(self, a: int, b: int) -> bytes | bytearray:
        """The UTF-8 bytes a..b, from memory or from the spill file."""
        if self._file is None:
            return self.data[a:b]
        out = os.pread(self._file, b - a, self._at + a)
        if len(out) != b - a:
            raise OSError(errno.EIO, "the build's text file is shorter than what was written to it")
        return out

    def utf8(self, a: int, b: int) -> bytes | bytearray:
        """The UTF-8 bytes a..b (byte offsets), from memory or from the spill file.

        Args:
            a: the first byte.
            b: one past the last.

        Returns:
            A copy of those bytes.
        """
        return self._bytes(a, b)

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
            return self._bytes(start, end).decode("utf-8")
        first, last = start // MARK_EVERY, -(-end // MARK_EVERY)
        window = self._bytes(self._marks[first], self._marks[last]).decode("utf-8", "surrogatepass")
        at = first * MARK_EVERY
        return window[start - at : end - at]

    def text(self) -> str:
        """The whole text as a str."""
        return self._bytes(0, self.nbytes).decode("utf-8", "surrogatepass")

    def pieces(self) -> Iterator[memoryview | bytes | bytearray]:
        """The UTF-8 bytes in consecutive pieces (in memory: without copying them)."""
        if self._file is not None:
            for i in range(0, self._size, _PIECE):
                yield self._bytes(i, min(i + _PIECE, self._size))
            return
        view = memoryview(self.data)
        for i in range(0, len(view), _PIECE):
            yield view[i : i + _PIECE]
