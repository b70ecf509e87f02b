"""Text structure: paragraphs, paired quote marks and sentences."""

from __future__ import annotations

import bisect
import re

from index.attribution.patterns import _QUOTE_DOUBLE, _SENT_END
from index.attribution.records import _Span
from index.attribution.words import ABBREV, STOP, TITLE_LOWER

# --------------------------------------------------------------------------- text structure


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks; when the text has no blank lines, every line is a paragraph."""
    sep = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(sep, text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def _pair_quotes(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    """Pair double quote marks per paragraph (continuing into the next one) and single quotes within one."""
    spans: list[_Span] = []
    chain = 0
    carry = False  # the previous paragraph ended inside a quote that continues here
    for pi, (ps, pe) in enumerate(paras):
        first = len(spans)  # this paragraph's spans start here
        if not carry:
            chain += 1
        carry = False
        open_at = -1
        skip_to = -1
        nxt_open = pi + 1 < len(paras) and text[paras[pi + 1][0]] == '"'
        memo: dict[str, tuple[int, int]] = {}  # `_nested_close`'s searches, kept linear
        for i in range(ps, pe):
            ch = text[i]
            if ch not in _QUOTE_DOUBLE or i < skip_to:
                continue
            if open_at < 0:
                if ch in "”»" and not _opens_here(text, i, ps):
                    continue
                if i > ps and text[i - 1] == "=":
                    # markup's attribute value (`<tweet date="March 10, 2016">`): no quotation
                    close = text.find(ch, i + 1, min(pe, i + _ATTRIBUTE_MAX_CHARS))
                    skip_to = close + 1 if close > 0 else i + 1
                    continue
                open_at = i
            elif ch in "“„«" and text[open_at] in "“„«":
                open_at = i  # a missing closing mark: restart at the newer opening
            elif (
                ch in "“„«"
                and text[open_at] == '"'
                and (inner := _nested_close(text, i, pe, nxt_open, memo)) > 0
            ):
                # `"... isn't about “Equal Justice Under Law” anymore."`: a curly quotation nested in a
                # straight one (an opening mark never closes a quotation)
                skip_to = inner + 1
            else:
                if i > open_at + 1:
                    spans.append(_Span(open_at + 1, i, pi, chain, True, False))
                open_at = -1
                chain += 1
        if open_at >= 0:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt and text[nxt[0]] in '"“„«' and pe > open_at + 1:
                spans.append(_Span(open_at + 1, pe, pi, chain, False, False))
                carry = True
        spans.extend(_single_quotes(text, ps, pe, pi, spans[first:]))
    spans.sort(key=lambda s: s.start)
    return spans


# A bound on an attribute value read in markup (tweet embeds: ids, dates, handles, a picture link); not
# fit: a value longer than this is left to the ordinary pairing.
_ATTRIBUTE_MAX_CHARS = 200


def _next_mark(text: str, mark: str, i: int, pe: int, memo: dict[str, tuple[int, int]]) -> int:
    """The first `mark` after `i` before `pe`, or -1; each search remembered in `memo` (mark -> (searched
    from, found)), so that the searches of one paragraph scan it once: linear however many marks."""
    got = memo.get(mark)
    if got is not None and got[0] <= i + 1 and (got[1] < 0 or got[1] > i):
        return got[1]
    found = text.find(mark, i + 1, pe)
    memo[mark] = (i + 1, found)
    return found


def _nested_close(text: str, i: int, pe: int, continued: bool, memo: dict[str, tuple[int, int]]) -> int:
    """Where the curly quotation opened at `i` inside a straight one closes: before the paragraph's end
    `pe` and any straight double mark, with the straight quotation still closed after it in the
    paragraph, or continued in the next one (`continued`: it opens with a straight mark). A stray
    straight mark before curly quotations is no quotation around them.

    Args:
        text: the document text; i: the opening curly mark; pe: the paragraph's end.
        continued: the next paragraph opens with a straight double mark.
        memo: the paragraph's searches so far (`_next_mark`).
    Returns:
        The closing mark's offset, or -1.
    """
    close = _next_mark(text, "”" if text[i] == "“" else "“" if text[i] == "„" else "»", i, pe, memo)
    if close < 0:
        return -1
    straight = _next_mark(text, '"', i, pe, memo)
    if 0 <= straight < close:
        return -1
    if not continued and _next_mark(text, '"', close, pe, memo) < 0:
        return -1
    return close


def _opens_here(text: str, i: int, ps: int) -> bool:
    return i == ps or text[i - 1].isspace()


def _single_quotes(text: str, ps: int, pe: int, pi: int, doubles: list[_Span]) -> list[_Span]:
    """Single-quoted spans ('huge mistake', ‘...’) that are not apostrophes nor inside a double quote."""
    inside = [(s.start, s.end) for s in doubles if s.para == pi and not s.single]  # in text order
    inside_starts = [a for a, _ in inside]
    out: list[_Span] = []
    open_at = -1
    for i in range(ps, pe):
        ch = text[i]
        if ch not in "'‘’":
            continue
        k = bisect.bisect_right(inside_starts, i) - 1
        if k >= 0 and inside[k][0] <= i < inside[k][1]:
            continue
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if open_at < 0:
            if ch in "'‘" and (prev.isspace() or prev in "([—–-:") and (nxt.isalnum()):
                open_at = i
        elif ch in "'’" and not prev.isspace() and not nxt.isalnum():
            if 0 < i - open_at - 1 <= 300:
                out.append(_Span(open_at + 1, i, pi, -1, True, True))
            open_at = -1
    return out


def _sentences(text: str, paras: list[tuple[int, int]], spans: list[_Span]) -> list[tuple[int, int]]:
    """Sentence spans; a full stop inside a quotation or after an abbreviation does not end one."""
    starts = [s.start for s in spans]
    out: list[tuple[int, int]] = []
    for ps, pe in paras:
        s = ps
        for m in _SENT_END.finditer(text, ps, pe):
            cut = m.end()
            if _in_spans(m.start(), spans, starts) and not _quote_ends_sentence(text, m, spans, starts):
                continue
            if _continues_lower(text, m, pe):
                continue
            word = re.search(r"([\w.]+)\.+$", text[max(ps, m.start() - 12) : m.start() + 1])
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
                if INITIALS_GO_ON and _initials_go_on(text, w, m, pe):
                    continue
            if cut > s and text[s:cut].strip():
                out.append((s, cut))
            s = cut
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe))
    return [piece for s, e in out for piece in _split_long(text, s, e)]


# A dotted abbreviation ("H.W.", "A.E.", "D.C."; ABBREV's "U.S." never ends one) before a capitalised
# word that is no function word ("George H.W. Bush said", "scholar A.E. Dick Howard") does not end its
# sentence; before "The", "He", "This" ... it does ("they flew to Washington D.C. They ..."), and so
# does a place's abbreviation after its comma ("Washington, D.C. Marta Kell said"). Round 34 (attr34a,
# bench/reports/attr34a.md): the cut had made "Dick Howard at ..." a sentence of its own, whose subject
# then took a later "he said".
INITIALS_GO_ON = True


def _initials_go_on(text: str, w: str, m: re.Match[str], pe: int) -> bool:
    """Whether a full stop after a dotted abbreviation is inside its sentence (`INITIALS_GO_ON`).

    Args:
        text: the document; w: the word before the stop, lower-cased, without its last dot ("u.s");
        m: the sentence-end match; pe: the paragraph's end.
    Returns:
        True when `w` is single letters joined by dots after a word (not after a comma), the match is
        full stops only, and the next word is capitalised and not a function word or other STOP word.
    """
    if not re.fullmatch(r"[a-z](?:\.[a-z])+", w) or set(m.group()) != {"."}:
        return False
    if not re.search(r"[\w]\s+$", text[max(0, m.start() - len(w) - 4) : m.start() - len(w)]):
        return False  # after a comma or a stop: a place's abbreviation ("Washington, D.C. Marta Kell said")
    nxt = re.match(r"\s+([A-Z][\w'’-]*)", text[m.end() : min(pe, m.end() + 40)])
    return nxt is not None and nxt.group(1).lower() not in STOP


# A "sentence" longer than this is no sentence (a run of text without stops, a table flattened to one
# line): it is read in pieces, so that every scan of a sentence's words stays bounded and attribution
# linear in the text. The longest sentence of PolNeAR train is 2,178 characters (28,051 sentences,
# median 125), so no train sentence is cut; a 200 KB line with "said" every 20th word took 10.1 s
# whole, quadratic in the line (bench/attribution_speed.py, "said line").
SENT_MAX_CHARS = 3000


def _split_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The sentence [s, e) cut into pieces of at most SENT_MAX_CHARS characters, each cut after the
    last whitespace of its piece (a hard cut in a run without any).

    Args:
        text: the document; s, e: the sentence's bounds.
    Returns:
        The pieces, in order; [(s, e)] for a sentence of ordinary length.
    """
    out: list[tuple[int, int]] = []
    while e - s > SENT_MAX_CHARS:
        lim = s + SENT_MAX_CHARS
        cut = max(text.rfind(" ", s + 1, lim), text.rfind("\n", s + 1, lim)) + 1
        if cut <= s + 1:
            cut = lim
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out


def _continues_lower(text: str, m: re.Match[str], pe: int) -> bool:
    """Whether a bare full stop is no sentence end because a lower-case word follows it: an
    abbreviation with inner dots ("veteran D.C. lobbyist", "the U.S. attorney", "a Ph.D. from"),
    which ABBREV's one-word test does not see, or an ellipsis inside a sentence.

    Args:
        text: the document; m: the sentence-end match; pe: the paragraph's end.
    Returns:
        True when the match is full stops only (no ?, ! or closing quote mark) and the next word
        begins with a lower-case letter.
    """
    if set(m.group()) != {"."}:
        return False
    nxt = re.match(r"\s+(\w)", text[m.end() : min(pe, m.end() + 4)])
    return nxt is not None and nxt.group(1).islower()


def _quote_ends_sentence(text: str, m: re.Match[str], spans: list[_Span], starts: list[int]) -> bool:
    """Whether a full stop closing a quotation also ends the sentence around it: `his book ''The Art
    of the Deal.'' Mr. Trump said ...` (a capital opens the next sentence outside every quotation).

    Args:
        text: the document; m: the sentence-end match, its stop inside a quotation.
        spans, starts: the quotations and their starts.
    Returns:
        True when the match closes the quotation and a capitalised word follows outside quotes.
    """
    if not re.search(r"\.[\"”’']+$", m.group()) or _in_spans(m.end(), spans, starts):
        return False
    return re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]) is not None


def _in_spans(pos: int, spans: list[_Span], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0:
        sp = spans[i]
        if sp.start <= pos < sp.end:
            return True
        if sp.end < pos - 400:
            break
        i -= 1
    return False


_TITLE_WORD = re.compile(r"\w[\w’'-]*")
_SENTENCE_OPEN = re.compile(r"[.!?][\"”’']*\s+|\n")
# How far back a title's sentence is read for a headline around it (a headline is one line).
_TITLE_CONTEXT_CHARS = 200


def title_case(s: str) -> bool:
    """Whether `s` is written in headline style: its first word and every other word but the few that
    headlines leave in lower case (TITLE_LOWER) begin with a capital or a digit.

    Args:
        s: the words to test.
    Returns:
        True for "The Apprentice", "Ban on Face Coverings"; False for "new low" or "".
    """
    words = _TITLE_WORD.findall(s)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_LOWER for w in words)


def title_quote(text: str, start: int, end: int) -> bool:
    """Whether a quotation whose speaker is only guessed is a title (a show, a book, a slogan, a
    nickname) rather than speech: its content is in title case, does not end as a question or an
    exclamation, and the sentence around it is not itself a headline (in a headline every word is
    capitalised, and a quotation there is speech: `Trump: Cruz Has 'To Come a Long Way'`).

    Args:
        text: the document; start, end: the quotation's content, without its marks.
    Returns:
        True when the quotation is not reported as speech.
    """
    content = text[start:end].strip()
    if not title_case(content) or re.search(r"[!?]\W*$", content):
        return False
    before = text[max(0, start - 1 - _TITLE_CONTEXT_CHARS) : max(0, start - 1)]
    opens = list(_SENTENCE_OPEN.finditer(before))
    words = _TITLE_WORD.findall(before[opens[-1].end() :] if opens else before)
    # ... and so are the words after it, to the sentence's end: `On CBS's "Face the Nation," Sanders
    # was asked` opens with capitals but is no headline
    after = text[end + 1 : end + 1 + _TITLE_CONTEXT_CHARS]
    stop = _SENTENCE_OPEN.search(after)
    words += _TITLE_WORD.findall(after[: stop.start()] if stop else after)
    headline = bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)
    return not headline
