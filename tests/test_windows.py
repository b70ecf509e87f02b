"""A long document is analysed a window at a time (index/windows.py, index/build.py `_analyse`):
below a window nothing changes; across window edges the passages are the whole document's."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from index import build as build_module
from index import chunk as chunking
from index import embed, hashembed, ingest, structure, windows
from index.model import SourceText
from index.packedtext import PackedText

_NAMES = ["Jane Porter", "Tom Okafor", "Maria Lindqvist", "Sam Reyes"]
_WORDS = "harbour crew tide pier council ferry bridge storm repaired mayor cargo vessel keeper’s".split()


def _article(paragraphs: int, seed: int = 3) -> str:
    """A plain-text article of my own: a headline, a byline, quoted and plain paragraphs, captions
    with credits, and closing lines."""
    rng = random.Random(seed)
    out = ["Harbour repairs delayed again", "By Ann Webb"]
    for i in range(paragraphs):
        name = rng.choice(_NAMES)
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(20, 70)))
        kind = i % 7
        if kind == 0:
            out.append(f"“The {words} will be fixed by spring,” {name} said on day {i}.")
        elif kind == 3:
            out.append(f"The pier at dusk on day {i}.\nPhotograph: {name}/Reuters")
        else:
            out.append(f"Report {i}: the {words}. {name.split()[1]} said the work went on.")
    out += ["Contact the newsroom", "Harbour Gazette"]
    return "\n\n".join(out) + "\n"


def _doc(text: str) -> ingest.Document:
    data = text.encode("utf-8")
    return ingest.Document(SourceText("/x/a.txt", "", "t", "text", "0" * 64), PackedText.from_utf8(data))


def _whole(text: str, emb: embed.Embedder) -> list[tuple[int, int, int, str]]:
    chunks = chunking.chunk(
        text, emb.count_tokens, max_chars=build_module.MAX_CHARS, max_tokens=emb.max_tokens, overlap=0
    )
    return [(c.start, c.end, c.paragraph, c.kind) for c in structure.label(text, chunks)]


def _passages(d: build_module._Doc) -> list[tuple[int, int, int, str]]:
    return [(c.start, c.end, c.paragraph, c.kind) for c in d.chunks]


@pytest.fixture(scope="module")
def emb(tmp_path_factory: pytest.TempPathFactory) -> embed.Embedder:
    return embed.load_embedder(hashembed.MODEL, tmp_path_factory.mktemp("m"), quantized=True)


def test_a_document_of_one_window_is_analysed_whole(emb: embed.Embedder) -> None:
    text = _article(60)
    assert windows.cuts(text.encode()) == [0, len(text.encode())]
    d = build_module._analyse(_doc(text), emb)
    assert _passages(d) == _whole(text, emb)
    speakers, quotes = build_module._attributions(text)
    assert (d.speakers, d.quotes) == (speakers, quotes)
    assert quotes and speakers  # the article's quotes are found


def test_cuts_fall_after_blank_lines_in_even_shares() -> None:
    data = _article(400).encode("utf-8")
    bounds = windows.cuts(data, size=8000)
    assert bounds[0] == 0 and bounds[-1] == len(data) and len(bounds) - 1 == -(-len(data) // 8000)
    for cut in bounds[1:-1]:
        assert data[cut - 2 : cut] == b"\n\n"
    sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
    share = len(data) / len(sizes)
    assert all(0.5 * share <= s <= 1.5 * share for s in sizes), sizes


def test_cuts_without_blank_lines_fall_at_a_line_or_sentence_end_or_between_characters() -> None:
    lines = ("The keeper’s log said the tide was low. " * 30 + "\n") * 20
    data = lines.encode("utf-8")
    assert all(data[c - 1 : c] == b"\n" for c in windows.cuts(data, size=5000)[1:-1])
    one_line = ("The keeper’s log said the tide was low. " * 600).encode("utf-8")
    assert all(one_line[c - 2 : c] == b". " for c in windows.cuts(one_line, size=5000)[1:-1])
    no_space = ("’" * 20000).encode("utf-8")
    bounds = windows.cuts(no_space, size=5000)
    assert len(bounds) > 2
    for a, b in zip(bounds, bounds[1:], strict=False):
        no_space[a:b].decode("utf-8")  # every window on a character boundary


def test_windowed_passages_are_the_whole_document_s(
    emb: embed.Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut at blank lines, every passage, paragraph number and kind (headline, byline, captions,
    credits, footers) is the one the whole document gets."""
    text = _article(500)
    monkeypatch.setattr(windows, "WINDOW_BYTES", 20_000)
    assert len(windows.cuts(text.encode())) > 5
    d = build_module._analyse(_doc(text), emb)
    assert _passages(d) == _whole(text, emb)
    kinds = {k for *_, k in _passages(d)}
    assert {"headline", "byline", "caption", "credit", "footer", "body"} <= kinds


def test_windowed_attributions_are_in_the_document_s_coordinates(
    emb: embed.Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotes found in later windows point at their words in the whole text; a speaker quoted in
    several windows is one speaker. Quotes that do not cross an edge are the whole document's."""
    text = _article(500)
    _, whole_quotes = build_module._attributions(text)
    monkeypatch.setattr(windows, "WINDOW_BYTES", 20_000)
    d = build_module._analyse(_doc(text), emb)
    assert len(d.quotes) > 50 and d.quotes[-1].start > len(text) // 2
    for q in d.quotes:
        assert text[q.start : q.end].strip() and "“" not in text[q.start : q.end]
        if q.mention_start >= 0:
            assert text[q.mention_start : q.mention_end].strip()
    direct = {(q.start, q.end, q.speaker) for q in d.quotes if q.direct}
    assert direct == {(q.start, q.end, q.speaker) for q in whole_quotes if q.direct}
    names = [s.name for s in d.speakers]
    assert len(names) == len(set(names)) and {"Jane Porter", "Tom Okafor"} <= set(names)
    assert build_module._attributions_of(_doc(text)) == (d.speakers, d.quotes)


def test_a_window_cut_inside_a_paragraph_gives_sane_passages(
    emb: embed.Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without blank lines (one long paragraph, then one long line) the cuts split a paragraph; the
    passages still cover the text in order, each within the limits, none empty."""
    monkeypatch.setattr(windows, "WINDOW_BYTES", 6000)
    for text in (
        ("The keeper’s log said the tide was low on the north pier. " * 12 + "\n") * 40,
        "The keeper’s log said the tide was low on the north pier. " * 500,
    ):
        d = build_module._analyse(_doc(text), emb)
        spans = _passages(d)
        assert len(windows.cuts(text.encode())) > 3
        assert all(a < b <= len(text) for a, b, *_ in spans)
        assert all(b <= a2 for (_, b, *_), (a2, *_) in zip(spans, spans[1:], strict=False))
        assert all(text[a:b] == text[a:b].strip() and b - a <= build_module.MAX_CHARS for a, b, *_ in spans)
        assert "".join(text[a:b] for a, b, *_ in spans).replace(" ", "") == "".join(text.split())
        paragraphs = [p for *_, p, _ in spans]
        assert paragraphs == sorted(paragraphs)


@pytest.mark.parametrize(
    "raw",
    [
        "The keeper’s “calm” log 🎉 said\r\nthe tide\rwas low.\n".encode() * 50,
        "\ufeffUTF-16 text ’ café 🎉\r\n".encode("utf-16") * 1 + "more ’ text\n".encode("utf-16-le") * 40,
        "Café “naïve” résumé\r\n".encode("cp1252") * 50,
        b"\xef\xbb\xbf" + "BOM ’ text\n".encode() * 50,
    ],
)
def test_reading_in_tiny_windows_gives_the_whole_decode(
    raw: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Characters and CRLF pairs split between two decoding windows come out whole."""
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    whole = ingest.read(path)
    monkeypatch.setattr(ingest, "_DECODE_WINDOW", 7)
    small = ingest.read(path)
    assert small == whole and not isinstance(small, ingest.Skipped)
    text = ingest.decode(raw)
    assert text is not None
    assert small.text == text.replace("\r\n", "\n").replace("\r", "\n")
    dec = codecs.getincrementaldecoder("utf-8")()
    assert dec.decode(PackedText(small.text).data, final=True) == small.text


@pytest.mark.parametrize(
    "text", ["plain ascii text\n\n" * 300, "The keeper’s log 🎉 “calm” café\n" * 300, ""]
)
def test_a_spilled_text_reads_back_the_same(text: str, tmp_path: Path) -> None:
    """Once analysed a document's text waits in the build's spill file: slices, the whole text and
    the store's pieces are the ones held in memory gave."""
    packed = PackedText.from_utf8(text.encode("utf-8"))
    other = PackedText("first document ’\n")
    with open(tmp_path / "spill", "w+b", buffering=0) as f:
        other.spill(f)
        packed.spill(f)
        packed.spill(f)  # a second spill keeps the first
        assert packed.data == b"" and packed.nbytes == len(text.encode("utf-8")) and len(packed) == len(text)
        assert packed.text() == text and other.text() == "first document ’\n"
        assert b"".join(bytes(p) for p in packed.pieces()) == text.encode("utf-8")
        for a, b in [(0, len(text)), (3, 40), (517, 1030), (len(text) - 5, len(text)), (9, 9)]:
            assert packed.slice(a, b) == text[max(a, 0) : b]


def test_a_long_web_page_s_parts_reach_the_windows_they_fall_in(
    emb: embed.Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's markup-stated parts (here a caption deep in the text) label their paragraph in
    whichever window holds it, as in the whole document."""
    text = _article(500)
    start = text.index("Report 400:")
    end = text.index("\n\n", start)
    parts = ((0, text.index("\n\n"), "headline"), (start, end, "caption"))
    whole_doc = ingest.Document(
        SourceText("/x/p.html", "", "t", "html", "0" * 64, parts=parts), PackedText.from_utf8(text.encode())
    )
    whole = build_module._analyse(whole_doc, emb)
    monkeypatch.setattr(windows, "WINDOW_BYTES", 20_000)
    windowed = build_module._analyse(whole_doc, emb)
    assert _passages(windowed) == _passages(whole)
    assert any(c.kind == "caption" and c.start == start for c in windowed.chunks)
