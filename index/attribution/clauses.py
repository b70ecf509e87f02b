"""Reported words that run over a second clause with its own source end where that clause begins.

Reported speech is read from its cue to the end of the sentence (`attributor._complement`). When the
sentence goes on with a clause that has a source of its own, the first source's words must stop there:
"Forbes says it is $4.5 billion and Wealth-X says it is $3 billion" is Forbes's "it is $4.5 billion"
and Wealth-X's "it is $3 billion", not Forbes's whole rest of the sentence; "While Hurun lists it at
$6.5 billion, Forbes says ..." is Hurun's "it at $6.5 billion". The second clause's attribution is
already found (it is its own finding); only the first one's end moves.

Nested speech stays nested: a source that opens the reported words ("Roe said (that) Ames told her
...", "Roe told investigators X, the Times reported") or follows a subordinator ("because the council
said ...", "which Ames says is ...") is part of what the first source reports, as PolNeAR annotates it
(the outer words hold the inner attribution). Only a coordinated or juxtaposed clause (", and", "but",
";", a dash, a bare comma) is cut.

Issue 8, round 21 (nest21): bench/reports/attribution_round21.md.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from index.attribution.records import _Found

# What ends the first clause before the second clause's source: a comma, semicolon or dash, optionally
# followed by a coordinator, or a coordinator alone ("... $4.5 billion and Wealth-X says"); then up to
# four words of the source's noun phrase that the name does not hold ("Governor", "Republican pollster",
# "the"), none of them a subordinator or relative that would make the source part of the first clause.
_CLAUSE_BREAK = re.compile(
    r"(?:(?:[,;]|\s[—–-]{1,2}|[—–])\s*(?:(?:and|but|yet)\s+)?|\s(?:and|but|yet)\s+)"
    r"(?:(?!(?:that|which|who|whom|whose|where|when|because|if|as|since|after|before|although|though|"
    r"unless|until|while|whereas|like|including|such|than|and|but)(?![\w'’-]))[\w.'’&-]+\s+){0,4}$"
)
# How far back from the second source the break is looked for: the break, a coordinator and four words.
_BREAK_REACH = 80
# The most sources inside one finding's words that are tried before giving up: bounds the work on a
# hostile sentence of nested cues ("A said that B said that C said ...") to linear time. Not fitted:
# a sentence holds a handful of sources.
MAX_INNER_SOURCES = 8
# The switch the split-half measurement turns off (bench/reports/attribution_round21.md).
SECOND_SOURCE_CUT = False


def cut_at_second_source(
    text: str, found: list[_Found], inside_quote: Callable[[int], bool], min_words: int
) -> None:
    """End each reported finding's words before a coordinated clause with its own source (in place).

    Args:
        text: the document text.
        found: every finding of the document; reported findings' `end` may move back.
        inside_quote: whether an offset lies between quotation marks (a source quoted is no source).
        min_words: the fewest words reported speech keeps (the finding is left whole when fewer would
            remain).
    Returns:
        None.
    """
    if not SECOND_SOURCE_CUT:
        return
    sources = sorted(
        (g.subj.start, g.subj.end, g.start)
        for g in found
        if g.subj is not None
        and g.subj.kind != "pron"
        and g.subj.end <= g.start
        and not inside_quote(g.subj.start)
    )
    starts = [s for s, _, _ in sources]
    for f in found:
        if f.direct or f.subj is None or f.subj.start >= f.end:
            continue  # a trailing attribution ("X, the Times reported") holds the whole sentence
        i = bisect.bisect_right(starts, f.start)
        for s, e, _content in sources[i : i + MAX_INNER_SOURCES]:
            if s >= f.end:
                break
            if f.subj.start <= s < f.subj.end or text.startswith(",", e):
                continue  # its own source, or an apposition ("the mayor, Tom Reed, told her")
            cut = _break_before(text, f.start, s)
            if cut is None:
                continue
            end = _rstrip(text, f.start, cut)
            if len(re.findall(r"\w+", text[f.start : end])) >= min_words:
                f.end = end
            break


def _break_before(text: str, start: int, source: int) -> int | None:
    """Where the clause break before a source begins, when one stands right before it.

    Args:
        text: the document text; start: where the reported words start; source: the inner source's start.
    Returns:
        The break's start offset, or None (the source opens the words or follows a subordinator).
    """
    lo = max(start, source - _BREAK_REACH)
    m = _CLAUSE_BREAK.search(text, lo, source)
    if m is None or m.start() <= start:
        return None
    if text[m.start()].isspace():
        # a bare "and" after a name joins two subjects ("when Cruz and Rubio implied"), no clauses
        before = re.search(r"([\w'’.-]+)\s*$", text[max(start, m.start() - 40) : m.start()])
        if before is None or before.group(1)[:1].isupper():
            return None
    return m.start()


def _rstrip(text: str, start: int, end: int) -> int:
    """The end of `text[start:end]` without trailing spaces and punctuation."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    return end
