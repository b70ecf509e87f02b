"""Split documents into passages small enough to embed whole and to show as an answer.

Passages follow the text's own structure: paragraphs first, sentences inside a paragraph,
words only when one sentence is too long. A passage never crosses a paragraph boundary,
because paragraphs are the units a reader (and the evaluation) thinks in.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from index.attribution.words import MONTH_ABBREVS, TITLE_ABBREVS, VERB_RE
from index.errors import InputError
from index.model import Chunk

CHUNKER_VERSION = 1

# ---------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------

_SHORT_LINE = 80  # a line shorter than this may be a headline, list item or credit line
_WRAP_MAX = 100  # hard-wrapped prose is narrower than this; longer lines are logical lines
_NARROW = 40  # blocks narrower than this are lists of short lines, not wrapped prose

_ITEM = re.compile(r"(?:[-*+•·▪◦‣]|\d{1,3}[.)])\s+\S")
_HEADING = re.compile(r"#{1,6}\s+\S")
_ENDS_SENTENCE = re.compile(r"""[.!?…:]["'”’»)\]]*$|\[\w{1,4}\]$""")
_CONTINUES = re.compile(r"[,;&/(\-–—]$")
_FIRST_WORD = re.compile(r"\S+")


def _starts_lower(s: str) -> bool:
    return bool(s) and s[0].islower()


def _first_word_len(s: str) -> int:
    m = _FIRST_WORD.match(s)
    return len(m.group()) if m else 0


def _line_break(a: str, b: str, width: int, prose: bool) -> bool:
    """Whether the single newline between lines a and b (both stripped) separates paragraphs."""
    if _HEADING.match(a) or _HEADING.match(b):
        return True
    item = _ITEM.match(b)
    if item and (_ITEM.match(a) or _ENDS_SENTENCE.search(a) or b.startswith("1")):
        return True  # a list starts or continues
    if item and not b[0].isdigit() and len(a) < _SHORT_LINE:
        return True  # a bullet after a short line ("Notes" / "- first")
    if _starts_lower(b) or _CONTINUES.search(a):
        return False  # the sentence runs on across the newline
    if width <= _WRAP_MAX:
        if width < _NARROW or (width < _SHORT_LINE and not prose):
            return True  # a block of short lines: headline, credits, a list
        # Hard-wrapped prose: a line that ended well before the wrap width was ended on purpose.
        return len(a) + 1 + _first_word_len(b) <= 0.85 * width
    # Long logical lines (text from HTML, unwrapped Markdown): newline ends a paragraph when the
    # line ends a sentence, or the line is a short title-like line.
    if _ENDS_SENTENCE.search(a) and not b[0].isdigit():
        return True
    return len(a) < _SHORT_LINE and a[0].isupper() and not b[0].isdigit()


def _block_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run of non-blank lines into paragraphs (trimmed spans)."""
    lines: list[tuple[int, int]] = []  # trimmed span of each line
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        seg = text[pos:stop]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        lines.append((pos + lead, pos + trail))
        pos = stop + 1
    if len(lines) == 1:
        return lines
    strs = [text[s:e] for s, e in lines]
    width = max(len(s) for s in strs)
    prose = any(_starts_lower(s) for s in strs[1:]) or any(_CONTINUES.search(s) for s in strs[:-1])
    out: list[tuple[int, int]] = []
    cur = lines[0][0]
    for i in range(len(lines) - 1):
        if _line_break(strs[i], strs[i + 1], width, prose):
            out.append((cur, lines[i][1]))
            cur = lines[i + 1][0]
    out.append((cur, lines[-1][1]))
    return out


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs of text[start:end]: blank lines always separate, single newlines sometimes."""
    spans: list[tuple[int, int]] = []
    block_start = -1
    block_end = -1
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        blank = text[pos:stop].strip() == ""
        if blank:
            if block_start >= 0:
                spans.extend(_block_spans(text, block_start, block_end))
                block_start = -1
        else:
            if block_start < 0:
                block_start = pos
            block_end = stop
        if nl < 0:
            break
        pos = stop + 1
    if block_start >= 0:
        spans.extend(_block_spans(text, block_start, block_end))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of text, trimmed, in order.

    Blank lines separate paragraphs. Inside a block of single-newline lines, short lines that
    are not wrapped prose (a headline block, a list, "Photo by: X" lines) are separate
    paragraphs; hard-wrapped prose stays one paragraph.
    """
    return _paragraph_spans(text, 0, len(text))


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

# A stop, then closing quotes/brackets/footnote marks, then whitespace (or end).
_STOP = re.compile(
    r"""(?:\.{2,}|…|[.!?]+(?:\s?[.!?])*)(?:["'”’»)\]]|\[\w{1,4}\])*(?=\s|$)|[。！？]+[」』”’)]*"""
)
_WORD_BEFORE = re.compile(r"""[^\s"'“‘«(\[]*$""")
_NEXT_WORD = re.compile(r"""["'“‘«(\[]*([^\s"'”’»)\],;:]*)""")

# Never end a sentence: titles and Latin abbreviations that always precede more text.
_TITLES = TITLE_ABBREVS
# Never end a sentence when a number follows ("Sep. 29", "No. 5", "p. 12").
_BEFORE_NUMBER = MONTH_ABBREVS | frozenset("no nos nr vol p pp fig figs art sec ch op para".split())
# End a sentence only when a typical sentence opener follows ("in the U.S. The ...").
_WEAK = MONTH_ABBREVS | frozenset(
    """inc ltd co corp llc plc bros jr sr esq st ave blvd rd mt ft dept univ assn est etc
    a.m p.m u.s u.k u.n e.u""".split()
)
_OPENERS = frozenset(
    """the a an he she it they we i you in on at but and or so yet however this that these those
    his her their its our my your there here what when where why how who which as if after before
    for from while although though meanwhile also some many most one two three several both all
    no not now then still earlier later last next today yesterday tomorrow according despite during
    under with without since until because by to mr mrs ms dr""".split()
)
_SPEECH = re.compile(rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}{VERB_RE}\b")  # the shared speech verbs


def _is_boundary(text: str, m: re.Match[str], nxt: int) -> bool:
    """Whether the stop matched by m ends a sentence, given the next sentence would start at nxt."""
    stop = m.group()
    if stop[0] in "。！？":
        return True
    ch = text[nxt]
    if ch.islower():
        return False
    core = stop.rstrip("\"'”’»)]")
    quoted = len(core) < len(stop)
    if "!" in core or "?" in core:
        # '"Stop!" Obama shouted.' keeps its attribution.
        return not (quoted and _SPEECH.match(text, nxt))
    if core.startswith("..") or core.startswith("…"):
        return True
    if quoted:
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    prev = word.group() if word else ""
    if not prev:
        return True
    low = prev.lower()
    if low in _TITLES:
        return False
    if ch.isdigit() and (low in _BEFORE_NUMBER or len(low) == 1):
        return False
    weak = low in _WEAK or len(prev) == 1 or bool(re.fullmatch(r"(?:\w\.)+\w", prev))
    if not weak:
        return True
    nw = _NEXT_WORD.match(text, nxt)
    if nw is None:
        return True
    # '... in the U.S. "We ...' : a quotation opening the next word starts a sentence too.
    return nw.group(1).lower() in _OPENERS or nw.start(1) > nxt


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur = start
    for m in _STOP.finditer(text, start, end):
        stop_end = m.end()
        nxt = stop_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if _is_boundary(text, m, nxt):
            out.append((cur, stop_end))
            cur = nxt
    if cur < end:
        out.append((cur, end))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, trimmed) within text[start:end].

    Paragraph breaks (see paragraphs) are always sentence breaks; inside a paragraph a stop
    ends a sentence unless it belongs to an abbreviation, an initial or a number, or the text
    runs on in lower case.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[tuple[int, int]] = []
    for ps, pe in _paragraph_spans(text, start, end):
        for s, e in _sentences_in(text, ps, pe):
            seg = text[s:e]
            stripped = seg.strip()
            if stripped:
                lead = len(seg) - len(seg.lstrip())
                out.append((s + lead, s + lead + len(stripped)))
    return out


# ---------------------------------------------------------------------------
# Passages
# ---------------------------------------------------------------------------


def settings(max_chars: int, max_tokens: int, overlap: int) -> dict[str, int]:
    """The chunking parameters as recorded in an index manifest (a change means a rebuild)."""
    return {
        "chunker_version": CHUNKER_VERSION,
        "max_chars": max_chars,
        "max_tokens": max_tokens,
        "overlap": overlap,
    }


_Unit = tuple[int, int, int]  # start, end, token count


class _Splitter:
    """Per-document state: the text, the limits and the tokenizer's fixed overhead."""

    def __init__(
        self, text: str, count: Callable[[str], int], max_chars: int, max_tokens: int, overlap: int
    ) -> None:
        self.text = text
        self.count = count
        self.max_chars = max_chars
        self.max_tokens = max_tokens
        self.overlap = overlap
        self._overhead: int | None = None

    @property
    def overhead(self) -> int:
        """Tokens every encoding carries ([CLS]/[SEP]); counted once, subtracted when summing."""
        if self._overhead is None:
            self._overhead = max(0, self.count(""))
        return self._overhead

    def fits(self, s: int, e: int) -> int | None:
        """Token count of text[s:e] if it is within both limits, else None."""
        if e - s > self.max_chars:
            return None
        n = self.count(self.text[s:e])
        return n if n <= self.max_tokens else None

    # -- cutting one over-long sentence -------------------------------------------------

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        t = self.text
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        return s, e

    def _cut_point(self, s: int, e: int, target: int, spaces: list[int]) -> int:
        """A cut near target strictly inside (s, e): at whitespace when possible, else a character."""
        i = bisect.bisect_left(spaces, target)
        best = -1
        for j in (i - 1, i):
            if 0 <= j < len(spaces) and s < spaces[j] < e:
                if best < 0 or abs(spaces[j] - target) < abs(best - target):
                    best = spaces[j]
        # Accept a whitespace cut unless it is absurdly far from the balanced position.
        if best >= 0 and abs(best - target) <= max(16, (e - s) // 4):
            return best
        cut = min(max(target, s + 1), e - 1)
        while cut > s + 1 and unicodedata.combining(self.text[cut]):
            cut -= 1  # keep accents with their letter
        return cut

    def _cut(self, s: int, e: int, spaces: list[int]) -> list[_Unit]:
        """Cut text[s:e] (too long for one passage) into balanced pieces that fit."""
        n = self.fits(s, e)
        if n is not None or e - s <= 1:
            return [(s, e, n if n is not None else self.count(self.text[s:e]))]
        k = max(2, math.ceil((e - s) / self.max_chars))
        bounds = [s]
        for i in range(1, k):
            target = s + (e - s) * i // k
            cut = self._cut_point(bounds[-1], e, target, spaces)
            if cut > bounds[-1]:
                bounds.append(cut)
        bounds.append(e)
        out: list[_Unit] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            a, b = self._trim(a, b)
            if a < b:
                out.extend(self._cut(a, b, spaces))
        return out

    def units(self, ps: int, pe: int) -> list[_Unit]:
        """Sentences of a paragraph with their token counts; over-long ones cut into pieces."""
        out: list[_Unit] = []
        for s, e in sentences(self.text, ps, pe):
            n = self.fits(s, e)
            if n is not None:
                out.append((s, e, n))
                continue
            spaces = [m.start() for m in re.finditer(r"\s+", self.text[s:e])]
            spaces = [s + x for x in spaces]
            out.extend(self._cut(s, e, spaces))
        return out

    # -- grouping sentences into passages ----------------------------------------------

    def _estimate(self, units: list[_Unit]) -> int:
        ov = self.overhead
        return sum(max(0, n - ov) for _, _, n in units) + ov

    def group(self, units: list[_Unit]) -> list[list[_Unit]]:
        """Fewest passages, then the most even ones (minimise the largest, then the spread).

        With overlap, a passage is planned together with the sentences it will repeat, so
        that the repetition usually fits.
        """
        ov = self.overhead
        n = len(units)
        acc = [0] * (n + 1)  # token prefix sums without the per-encoding overhead
        for k, (_, _, t) in enumerate(units):
            acc[k + 1] = acc[k] + max(0, t - ov)
        inf = (math.inf, math.inf, math.inf)
        best: list[tuple[float, float, float]] = [inf] * (n + 1)
        back = [0] * (n + 1)
        best[0] = (0, 0.0, 0.0)
        for i in range(1, n + 1):
            end = units[i - 1][1]
            for j in range(i - 1, -1, -1):
                first = j - min(self.overlap, j)  # the first repeated sentence, if any
                chars = end - units[first][0]
                tokens = acc[i] - acc[first] + ov
                if chars > self.max_chars or tokens > self.max_tokens:
                    if j < i - 1:
                        break
                    # A lone sentence is always allowed; it simply repeats less.
                    chars = end - units[j][0]
                    tokens = acc[i] - acc[j] + ov
                cost = max(chars / self.max_chars, tokens / self.max_tokens)
                parts, worst, spread = best[j]
                cand = (parts + 1, max(worst, cost), spread + cost * cost)
                if cand < best[i]:
                    best[i] = cand
                    back[i] = j
        groups: list[list[_Unit]] = []
        i = n
        while i > 0:
            groups.append(units[back[i] : i])
            i = back[i]
        groups.reverse()
        return groups

    def verified(self, group: list[_Unit]) -> list[list[_Unit]]:
        """Check a multi-sentence passage with the real tokenizer; halve it if the sum lied."""
        if len(group) == 1:
            return [group]
        s, e = group[0][0], group[-1][1]
        if self.count(self.text[s:e]) <= self.max_tokens:
            return [group]
        mid = len(group) // 2
        return self.verified(group[:mid]) + self.verified(group[mid:])

    def with_overlap(self, prev: list[_Unit], group: list[_Unit]) -> int:
        """Start of group once up to `overlap` trailing sentences of prev are repeated."""
        e = group[-1][1]
        for r in range(min(self.overlap, len(prev) - 1), 0, -1):
            s = prev[-r][0]
            if e - s > self.max_chars or self._estimate(prev[-r:] + group) > self.max_tokens:
                continue
            if self.count(self.text[s:e]) <= self.max_tokens:
                return s
        return group[0][0]

    def paragraph(self, ps: int, pe: int, number: int) -> list[Chunk]:
        if self.fits(ps, pe) is not None:
            return [Chunk(ps, pe, number)]
        groups: list[list[_Unit]] = []
        for g in self.group(self.units(ps, pe)):
            groups.extend(self.verified(g))
        out: list[Chunk] = []
        for i, g in enumerate(groups):
            s = self.with_overlap(groups[i - 1], g) if i and self.overlap else g[0][0]
            out.append(Chunk(s, g[-1][1], number))
        return out


def chunk(
    text: str,
    count_tokens: Callable[[str], int],
    *,
    max_chars: int = 600,
    max_tokens: int = 256,
    overlap: int = 0,
) -> list[Chunk]:
    """Passages of text, in order, each within max_chars characters and max_tokens tokens.

    A paragraph that fits is one passage; a longer one is split at sentence boundaries into
    passages of even size (two halves read and retrieve better than a full passage and a
    scrap). `overlap` repeats that many sentences of the previous passage of the same
    paragraph. count_tokens is called about once per sentence of over-long paragraphs and
    once per paragraph otherwise. Only a single character that alone exceeds max_tokens
    can break the token limit.
    """
    if max_chars < 1 or max_tokens < 1 or overlap < 0:
        raise InputError(
            f"invalid chunk settings: max_chars={max_chars}, max_tokens={max_tokens}, overlap={overlap}"
        )
    splitter = _Splitter(text, count_tokens, max_chars, max_tokens, overlap)
    out: list[Chunk] = []
    for number, (ps, pe) in enumerate(paragraphs(text), start=1):
        out.extend(splitter.paragraph(ps, pe, number))
    return out


class PackedChunks(Sequence[Chunk]):
    """A document's chunks held as one int array (start, end, paragraph: 8 bytes a field) and a
    shared kind str per passage: 32 bytes a passage instead of ~160 for a Chunk with its ints (65k
    passages, 30 MB of text: ~2 MB instead of ~10 MB, held from analysing to the end of a build;
    bench/reports/index_scale.txt, fifth pass). Chunks are made again when read, equal to the ones
    packed. One array, not one a field: a folder of many small files holds one of these a document,
    and each array costs ~80 bytes before its first item (three arrays ~430 bytes a document with
    their items; bench/reports/issue10_round33.md).
    """

    __slots__ = ("_ints", "_kinds")

    def __init__(self, chunks: Iterable[Chunk] = ()) -> None:
        self._ints = array("q")  # start, end, paragraph of each chunk in turn
        self._kinds: list[str] = []
        self.extend(chunks)

    def extend(self, chunks: Iterable[Chunk], offset: int = 0, paragraphs: int = 0) -> None:
        """Append chunks, moved by `offset` characters and `paragraphs` paragraphs (a window's
        chunks into its document's coordinates; index/build.py).

        Args:
            chunks: chunks in order, after the ones held.
            offset: added to each start and end.
            paragraphs: added to each paragraph number.
        """
        kinds = {k: k for k in set(self._kinds)}  # one str object per distinct kind
        for c in chunks:
            self._ints.extend((c.start + offset, c.end + offset, c.paragraph + paragraphs))
            self._kinds.append(kinds.setdefault(c.kind, c.kind))

    def __len__(self) -> int:
        return len(self._kinds)

    def _one(self, i: int) -> Chunk:
        k = 3 * i
        return Chunk(self._ints[k], self._ints[k + 1], self._ints[k + 2], self._kinds[i])

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...
    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self._one(j) for j in range(*i.indices(len(self)))]
        return self._one(range(len(self))[i])

    def __iter__(self) -> Iterator[Chunk]:
        for i in range(len(self._kinds)):
            yield self._one(i)

    def span(self, i: int) -> tuple[int, int]:
        """(start, end) of chunk i, without making the Chunk."""
        return self._ints[3 * i], self._ints[3 * i + 1]
