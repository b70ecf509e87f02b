"""Attribution stays linear on a long line without sentence stops (issue 8 deliver 5, issue 10 case 17).

No timed assertions: the tests check the bounds that make the work linear (no sentence is read whole
beyond SENT_MAX_CHARS, word counts stop at the words wanted) and compare how the output grows.
bench/attribution_speed.py shows the seconds ("said line", "he said repeated", ...).
"""

from __future__ import annotations

import random

import pytest

from index.attribution import analyse
from index.attribution.marks import SENT_MAX_CHARS, _pair_quotes, _sentences
from index.attribution.names import _paragraphs
from index.attribution.sources import _first_words, _has_words

WORDS = "the a report budget city council plan vote water school road tax people officials".split()


def said_line(size: int) -> str:
    """One line of random words of about `size` characters, every 20th word "said", no full stop."""
    r = random.Random(1)
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < size:
        out.append("said" if len(out) % 20 == 19 else r.choice(WORDS))
    return " ".join(out)


def _sents(text: str) -> list[tuple[int, int]]:
    paras = _paragraphs(text)
    return _sentences(text, paras, _pair_quotes(text, paras))


def test_has_words_agrees_with_counting_every_word() -> None:
    r = random.Random(0)
    pieces = ["the", "plan's", " ", ", ", "--", "42", "é", "\n", "x_y", "..."]
    for _ in range(300):
        t = "".join(r.choice(pieces) for _ in range(r.randint(0, 12)))
        s = r.randint(0, len(t))
        e = r.randint(s, len(t))
        for n in range(0, 6):
            assert _has_words(t, s, e, n) == (_first_words(t[s:e]) >= n), (t, s, e, n)


def test_a_long_line_is_read_in_bounded_pieces_that_keep_every_word() -> None:
    text = said_line(20_000)
    sents = _sents(text)
    assert len(sents) > 1
    assert all(e - s <= SENT_MAX_CHARS for s, e in sents)
    assert " ".join(text[s:e].strip() for s, e in sents) == text
    unbroken = "x" * 10_000
    assert all(e - s <= SENT_MAX_CHARS for s, e in _sents(unbroken))
    assert "".join(unbroken[s:e] for s, e in _sents(unbroken)) == unbroken


def test_ordinary_sentences_are_not_cut() -> None:
    text = (
        "The council met on Tuesday. Mayor Ann Price said the budget would pass, and the treasurer "
        "said nothing. " + "It rained. " * 3
    )
    assert [text[s:e] for s, e in _sents(text)] == [
        "The council met on Tuesday.",
        "Mayor Ann Price said the budget would pass, and the treasurer said nothing.",
        "It rained.",
        "It rained.",
        "It rained.",
    ]


@pytest.mark.slow
def test_attributed_text_grows_linearly_with_a_long_line() -> None:
    """Read whole, every "said" took the rest of the line as its content: the attributed characters
    grew with the square of the line. Cut into bounded sentences they grow with the line."""

    def attributed(size: int) -> tuple[int, int]:
        _speakers, quotes = analyse(said_line(size))
        return len(quotes), sum(q.end - q.start for q in quotes)

    n1, chars1 = attributed(12_000)
    n4, chars4 = attributed(48_000)
    assert n1 > 0
    assert 3 <= n4 / n1 <= 5
    assert chars4 / chars1 <= 5


def _random_texts(n: int, seed: int) -> list[str]:
    """Random short texts of words that subject patterns read (pronouns, names, quantities, sources)."""
    pieces = (
        "he she they said the a an officials analysts economists Smith Mr. Roe Jo Senate House 72 percent "
        "many most of voters half behalf and but who which was to is - — , . ( ) R-Ohio has have had "
        "also itself himself on Monday former Gov. spokesman group critics three in five \n"
    ).split(" ")
    r = random.Random(seed)
    return [
        " ".join(r.choice(pieces) for _ in range(r.randint(0, 40))) + r.choice(["", " ", "  \n"])
        for _ in range(n)
    ]


def test_subject_prefilters_never_skip_a_pattern_that_matches() -> None:
    """Each `_SUBJ_END_NEEDS` test is a necessary condition of its pattern: where it says no, the
    pattern finds nothing (so skipping it changes no subject, only the time)."""
    from index.attribution.patterns import _SUBJ_END, _SUBJ_END_NEEDS

    skipped = 0
    for pre in _random_texts(600, 3):
        for lo in {0, max(0, len(pre) - 40)}:
            for (kind, rx), need in zip(_SUBJ_END, _SUBJ_END_NEEDS, strict=True):
                if need is not None and not need(pre, lo):
                    skipped += 1
                    assert rx.search(pre, lo) is None, (kind, pre, lo)
    assert skipped > 100  # the tests do skip patterns


def test_tail_search_finds_what_a_whole_search_finds() -> None:
    from index.attribution.attributor import _CLAUSE_START, _CLAUSE_START_REACH, _PASSIVE_OR_RELATIVE
    from index.attribution.patterns import tail_search

    for text in _random_texts(600, 4):
        for rx, reach in ((_CLAUSE_START, _CLAUSE_START_REACH), (_PASSIVE_OR_RELATIVE, 6)):
            whole, tail = rx.search(text), tail_search(rx, text, reach)
            assert (whole and whole.span()) == (tail and tail.span()), (text, rx.pattern)


def test_he_said_repeated_tries_few_subject_patterns() -> None:
    """64 KB of "he said" took 6.2 CPU s when each cue tried all seven subject patterns over 180
    characters; only the pronoun's and the role's patterns can match there."""
    from index.attribution.patterns import _SUBJ_END, _SUBJ_END_NEEDS

    pre = "he said " * 30 + "he "
    tried = [
        kind
        for (kind, _rx), need in zip(_SUBJ_END, _SUBJ_END_NEEDS, strict=True)
        if need is None or need(pre, 0)
    ]
    assert tried == ["pron", "role"]


def test_nested_quotation_search_agrees_with_a_plain_scan() -> None:
    """`_nested_close` remembers its searches (one scan per paragraph, linear however many curly marks
    stand inside a straight quotation); it finds what a plain scan of the paragraph finds."""
    from index.attribution.marks import _nested_close

    def plain(text: str, i: int, pe: int, continued: bool) -> int:
        close = text.find("”" if text[i] == "“" else "“" if text[i] == "„" else "»", i + 1, pe)
        if close < 0 or '"' in text[i + 1 : close]:
            return -1
        if not continued and '"' not in text[close + 1 : pe]:
            return -1
        return close

    r = random.Random(5)
    for _ in range(400):
        text = "".join(r.choice(['"', "“", "”", "„", "«", "»", "a", " "]) for _ in range(r.randint(1, 40)))
        pe = len(text)
        continued = r.random() < 0.5
        memo: dict[str, tuple[int, int]] = {}
        for i, ch in enumerate(text):
            if ch in "“„«":
                assert _nested_close(text, i, pe, continued, memo) == plain(text, i, pe, continued), (text, i)


ADVERSARIAL = {
    # Issue 10 case 17's variants (round 32): characters the quote and subject patterns open or
    # close on, repeated without words or spaces between them. bench/long_line_index.py times the
    # whole build of each at 16/64/256 KB (CPU ratios 1.9-4.0 for 4x the text: linear).
    "capitals without spaces": lambda n: "A" * n,
    "all quote marks": lambda n: '"' * n,
    "alternating quote-a": lambda n: '"a' * (n // 2),
    "said glued": lambda n: "said" * (n // 4),
    "Smithsaid glued": lambda n: "Smithsaid" * (n // 9),
    "quote pairs ''": lambda n: "''" * (n // 2),
    "curly quotes": lambda n: "\u201ca\u201d" * (n // 3),
    "brackets": lambda n: "([{" * (n // 6) + "}])" * (n // 6),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_lines_grow_linearly_in_output_and_memory(name: str) -> None:
    """At 4x the line, the quotes found, the characters they cover and the analyser's traced peak
    memory grow at most ~4x (a quadratic pass over the line would hold or find 16x)."""
    import tracemalloc

    def run(size: int) -> tuple[int, int, int]:
        tracemalloc.start()
        _speakers, quotes = analyse(ADVERSARIAL[name](size))
        _now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return len(quotes), sum(q.end - q.start for q in quotes), peak

    small, large = run(16_384), run(65_536)
    assert large[0] <= 5 * small[0] + 8, (small, large)
    assert large[1] <= 5 * small[1] + 4096, (small, large)
    assert large[2] <= 5 * small[2] + (1 << 20), (small, large)
