"""Windows of a long document's UTF-8 text: where to cut it so that it is never decoded whole.

A document's text is held as UTF-8 (index/packedtext.py); a str of all of it weighs 1, 2 or 4 bytes a
character on top (a curly apostrophe makes a 30 MB news file a 60 MB str). The build decodes and
analyses (chunks, structure labels, attributions) a window at a time, each cut where a paragraph
ends, so that indexing a file holds at most about twice its bytes (issue 10 case 16;
bench/reports/index_scale.txt, seventh pass).

A document of at most WINDOW_BYTES is one window: analysed whole, exactly as before windows.
"""

from __future__ import annotations

import math
import re

# Bytes of UTF-8 analysed at once. A news article is 5-50 KB, so every one is a single window and is
# analysed as a whole; only book-sized texts are cut (at 2 MiB: a 4 MiB str of a 2-byte text at a
# time). Where a cut falls, what crosses it differs from the whole (index/build.py, `_analyse`): a
# quotation running over a paragraph break, a "he" whose antecedent is in the window before. One cut
# per ~2 MB, at a paragraph break: a few hundred paragraphs of news between two cuts at least.
WINDOW_BYTES = 2 << 20

# How far from the even share a cut may move to reach a paragraph break (a fraction of the share):
# windows stay between 1/2 and 3/2 of the share.
_REACH = 0.25

# Ends of sentences followed by a space, for a window without a line break.
_SENTENCE_END = re.compile(rb"[.!?][\"')\]]*[ \t]")


def cuts(data: bytes | bytearray, size: int | None = None) -> list[int]:
    """Byte offsets [0, c1, ..., len(data)] of the windows of a document's UTF-8 text: as many
    windows as `size` needs, of about equal shares (so that the last one is not a scrap), each cut
    just after a paragraph break (a blank line) near its share's end; where there is none within
    reach, after a line end, then after a sentence end, then on a character boundary.

    Args:
        data: the UTF-8 text.
        size: the largest window for an uncut document (None: WINDOW_BYTES, read when called).

    Returns:
        The window boundaries, first 0 and last len(data); [0, len(data)] when it is one window.
    """
    size = WINDOW_BYTES if size is None else size
    n = len(data)
    if n <= size:
        return [0, n]
    k = math.ceil(n / size)
    share = n / k
    out = [0]
    for i in range(1, k):
        target = round(share * i)
        cut = _cut(data, out[-1], target, int(share * _REACH))
        if out[-1] < cut < n:
            out.append(cut)
    out.append(n)
    return out


def _cut(data: bytes | bytearray, prev: int, target: int, reach: int) -> int:
    """The cut nearest `target` (within `reach`, after `prev`): after a blank line, else a line
    end, else a sentence end, else the character boundary at or before target.

    Args:
        data: the UTF-8 text.
        prev: the previous cut (the window must not be empty).
        target: the even share's end.
        reach: how far the cut may move.

    Returns:
        A byte offset on a character boundary.
    """
    lo, hi = max(prev + 1, target - reach), min(len(data), target + reach)
    for sep in (b"\n\n", b"\n"):
        back, fwd = data.rfind(sep, lo, target), data.find(sep, target, hi)
        best = min((p for p in (back, fwd) if p >= 0), key=lambda p: abs(p - target), default=-1)
        if best >= 0:
            return best + len(sep)
    ends = [m.end() for m in _SENTENCE_END.finditer(data, lo, hi)]
    if ends:
        return min(ends, key=lambda p: abs(p - target))
    cut = target
    while cut > prev + 1 and (data[cut] & 0xC0) == 0x80:  # a continuation byte: inside a character
        cut -= 1
    return cut


def first_paragraph_bytes(
    data: bytes | bytearray, start: int, end: int, cap: int = 1 << 16
) -> tuple[int, int]:
    """The byte span of the first block of lines of data[start:end] (up to its first blank line, at
    most `cap` bytes): what a window's first paragraph is made from, without decoding the window.

    Args:
        data: the UTF-8 text.
        start: the window's first byte.
        end: one past its last.
        cap: the longest span returned (a paragraph this long is body text whatever its end).

    Returns:
        (start, stop) on character boundaries, stop at the blank line or the cap.
    """
    s = start
    while s < end and data[s] in b" \t\n":
        s += 1
    stop = min(end, s + cap)
    blank = data.find(b"\n\n", s, stop)
    if blank >= 0:
        return start, blank
    while stop < end and stop > s and (data[stop] & 0xC0) == 0x80:
        stop -= 1
    return start, stop
