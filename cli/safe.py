"""Terminal safety: make text from documents and file names harmless to print.

Documents are untrusted. A passage can carry ESC sequences (colours, cursor moves, window
titles, OSC 8 links, OSC 52 clipboard writes), bidi controls that make text read differently
from what it is, or lone surrogates (undecodable file-name bytes) that crash a UTF-8 write.
Everything from a document or a file name goes through `visible` (multi-line text) or
`one_line` (names and messages) before it reaches a terminal.

Policy, character by character (`visible`):

* kept: printable text, ``\\n`` and ``\\t`` (rich expands tabs);
* U+2028/U+2029 (line/paragraph separators) become ``\\n``: terminals show them as nothing
  or as a glyph, and they could hide a line break from a reader;
* shown escaped as printable text: C0 controls (``\\x1b``), DEL (``\\x7f``), C1 controls
  (``\\x9b``, the one-byte CSI), bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
  U+061C as ``\\u202e``), deprecated format controls U+206A-U+206F, interlinear annotation
  U+FFF9-U+FFFB, lone surrogates (``\\udc80``) and Unicode tag characters U+E0000-U+E007F
  (invisible "ASCII smuggling");
* zero-width characters (U+200B ZWSP, U+200C ZWNJ, U+200D ZWJ, U+2060 WJ, U+FEFF), soft
  hyphens and variation selectors are KEPT by `visible`: they cannot move the cursor or
  reorder text, and ZWJ/ZWNJ are needed by emoji and by Arabic and Indic scripts.
  `one_line` escapes every format character (category Cf) instead, because a file name must
  be shown exactly: ``re\\u200bport.txt`` is not ``report.txt``.

The escaped forms are plain printable ASCII, so `visible(visible(x)) == visible(x)`: an input
that already contains a literal backslash followed by ``x1b`` is harmless text and stays as it
is. Over-long lines are cut so that the result, marker included, fits in `max_line`
characters; a second pass therefore cuts nothing.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["one_line", "visible", "visible_span", "is_forbidden"]

# The smallest line limit we honour: the cut marker itself must fit in a line.
_MIN_LINE = 32

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Characters `visible` rewrites. Tab and newline are outside the C0 ranges below.
_BAD = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (not \t \n), DEL, C1
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi controls
    r"\u206a-\u206f\ufff9-\ufffb"  # deprecated format controls, interlinear annotation
    r"\u2028\u2029"  # line / paragraph separator
    r"\ud800-\udfff"  # lone surrogates (surrogateescape'd bytes)
    r"\U000e0000-\U000e007f]"  # tag characters
)


def _escape_char(ch: str) -> str:
    """The printable stand-in for one unsafe character."""
    code = ord(ch)
    if ch in "\u2028\u2029":
        return "\n"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def is_forbidden(ch: str) -> bool:
    """True for a character that must never reach a terminal (used by tests and assertions)."""
    code = ord(ch)
    if ch in "\n\t":
        return False
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or ch in _BIDI
        or 0x206A <= code <= 0x206F
        or 0xFFF9 <= code <= 0xFFFB
        or 0xD800 <= code <= 0xDFFF
        or 0xE0000 <= code <= 0xE007F
        or ch in "\u2028\u2029"
    )


def _marker(removed: int) -> str:
    return f" \u2026[+{removed} chars]"


def _cut_length(length: int, limit: int) -> int:
    """How many characters of a `length`-long line to keep so that line + marker <= limit."""
    return max(0, limit - len(_marker(length)))


def _escape_with_marks(text: str, marks: Sequence[int]) -> tuple[str, list[int]]:
    """Escape `text` and move each offset in `marks` to the same place in the escaped string."""
    if not _BAD.search(text):
        return text, list(marks)
    pieces: list[str] = []
    # (original offset, growth up to and including that char) for each rewritten char
    orig_pos: list[int] = []
    growth: list[int] = []
    last = 0
    total = 0
    for m in _BAD.finditer(text):
        pieces.append(text[last : m.start()])
        rep = _escape_char(m.group())
        pieces.append(rep)
        total += len(rep) - 1
        orig_pos.append(m.start())
        growth.append(total)
        last = m.end()
    pieces.append(text[last:])
    moved = []
    for p in marks:
        i = bisect_right(orig_pos, p - 1)  # rewritten chars strictly before p
        moved.append(p + (growth[i - 1] if i else 0))
    return "".join(pieces), moved


def _cut_with_marks(text: str, limit: int, marks: Sequence[int]) -> tuple[str, list[int]]:
    """Cut lines longer than `limit`, moving the offsets in `marks` along."""
    lines = text.split("\n")
    if all(len(line) <= limit for line in lines):
        return text, list(marks)
    out: list[str] = []
    starts: list[int] = []  # start of each line in the input
    new_starts: list[int] = []  # ... and in the output
    kept: list[int] = []
    pos = new_pos = 0
    for line in lines:
        starts.append(pos)
        new_starts.append(new_pos)
        if len(line) > limit:
            keep = _cut_length(len(line), limit)
            line_out = line[:keep] + _marker(len(line) - keep)
        else:
            keep = len(line)
            line_out = line
        kept.append(keep)
        out.append(line_out)
        pos += len(line) + 1
        new_pos += len(line_out) + 1
    moved = []
    for p in marks:
        i = max(0, bisect_right(starts, p) - 1)
        moved.append(new_starts[i] + min(p - starts[i], kept[i]))
    return "\n".join(out), moved


def visible(text: str, *, max_line: int = 2000) -> str:
    """`text` made safe to print: controls escaped, bidi neutralised, long lines cut."""
    out, _ = _escape_with_marks(text, ())
    out, _ = _cut_with_marks(out, max(max_line, _MIN_LINE), ())
    return out


def visible_span(text: str, span: tuple[int, int], *, max_line: int = 2000) -> tuple[str, tuple[int, int]]:
    """Like `visible`, also returning where `span` (offsets into `text`) ends up in the result.

    The renderer needs this to highlight the best sentence after escaping has shifted offsets.
    An out-of-range or reversed span is clamped rather than trusted.
    """
    n = len(text)
    a = min(max(span[0], 0), n)
    b = min(max(span[1], a), n)
    out, marks = _escape_with_marks(text, (a, b))
    out, marks = _cut_with_marks(out, max(max_line, _MIN_LINE), marks)
    return out, (marks[0], marks[1])


def _one_line_char(ch: str) -> str:
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if ch == "\r":
        return "\\r"
    if is_forbidden(ch) or unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
        code = ord(ch)
        if code <= 0xFF:
            return f"\\x{code:02x}"
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        return f"\\U{code:08x}"
    return ch


def one_line(text: str, max_len: int = 200) -> str:
    """`text` as a single safe line (file names, speaker names, error messages).

    Newlines and tabs are escaped too, and so is every invisible format character, so that two
    names that differ only by a zero-width space look different. Cut to `max_len` characters,
    marker included (idempotent).
    """
    if text.isascii() and text.isprintable():
        out = text
    else:
        out = "".join(_one_line_char(ch) for ch in text)
    limit = max(max_len, _MIN_LINE)
    if len(out) > limit:
        keep = _cut_length(len(out), limit)
        out = out[:keep] + _marker(len(out) - keep)
    return out
