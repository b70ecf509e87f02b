"""Terminal safety: nothing from a document can drive the terminal."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.render import render_answer, render_build_report, render_info, render_speakers
from cli.safe import is_forbidden, one_line, visible, visible_span
from index.model import Skipped
from qa.types import Answer, DocInfo, Hit, IndexInfo, SpeakerInfo

ESC = "\x1b"
BEL = "\x07"
ST = "\x1b\\"

# (name, payload): every way we know of to make a terminal do something
PAYLOADS: list[tuple[str, str]] = [
    ("csi colour", "\x1b[31mred\x1b[0m"),
    ("csi cursor up", "\x1b[2A\x1b[Kover"),
    ("csi cursor position", "\x1b[1;1Hhome"),
    ("csi clear screen", "\x1b[2J\x1b[3J"),
    ("osc 0 title bel", "\x1b]0;pwned" + BEL),
    ("osc 0 title st", "\x1b]0;pwned" + ST),
    ("osc 8 link bel", "\x1b]8;;https://evil.example/" + BEL + "click" + "\x1b]8;;" + BEL),
    ("osc 8 link st", "\x1b]8;;https://evil.example/" + ST + "click" + "\x1b]8;;" + ST),
    ("osc 52 clipboard bel", "\x1b]52;c;cm0gLXJmIC8K" + BEL),
    ("osc 52 clipboard st", "\x1b]52;c;cm0gLXJmIC8K" + ST),
    ("dcs", "\x1bP1$r0m\x1b\\"),
    ("c1 csi", "\x9b31mred"),
    ("c1 osc", "\x9d0;title\x9c"),
    ("nul", "a\x00b"),
    ("bel", "ding\x07"),
    ("backspace", "abc\x08\x08\x08xyz"),
    ("carriage return", "safe\rEVIL"),
    ("del", "x\x7fy"),
    ("bidi lre", "a\u202ab"),
    ("bidi rle", "a\u202bb"),
    ("bidi pdf", "a\u202cb"),
    ("bidi lro", "a\u202db"),
    ("bidi rlo", "txt.exe\u202egnp"),
    ("bidi lri", "a\u2066b"),
    ("bidi rli", "a\u2067b"),
    ("bidi fsi", "a\u2068b"),
    ("bidi pdi", "a\u2069b"),
    ("lrm rlm alm", "a\u200e\u200f\u061cb"),
    ("line separator", "one\u2028two\u2029three"),
    ("lone surrogate", "bad\udc80name"),
    ("tag characters", "hi\U000e0041\U000e0042"),
    ("rich markup", "[bold red]x[/] [link=https://evil.example]y[/link] :smile:"),
]

SGR = re.compile(r"\x1b\[[0-9;]*m")


def forbidden_in(s: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in s if is_forbidden(c)})


DANGEROUS = (
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
    + ["\ud800", "\udfff", "\U000e0041", "\\", "x", "1", "b", "u", "[", "]", "/", " ", "\u200b", "\u200d"]
)
texts = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),
        st.characters(categories=["Cs", "Cf", "Cc", "Zl", "Zp"]),  # surrogates, format chars, controls
        st.sampled_from(DANGEROUS),
    ),
    max_size=400,
)


@given(texts, st.integers(min_value=0, max_value=120))
def test_visible_never_emits_forbidden_and_is_idempotent(text: str, max_line: int) -> None:
    out = visible(text, max_line=max_line)
    assert forbidden_in(out) == []
    assert visible(out, max_line=max_line) == out
    assert all(len(line) <= max(max_line, 32) for line in out.split("\n"))
    out.encode("utf-8")  # no lone surrogates left


@given(texts, st.integers(min_value=0, max_value=120))
def test_one_line_is_single_safe_line_and_idempotent(text: str, max_len: int) -> None:
    out = one_line(text, max_len)
    assert "\n" not in out and "\t" not in out
    assert forbidden_in(out) == []
    assert one_line(out, max_len) == out
    assert len(out) <= max(max_len, 32)


@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_visible_span_tracks_the_highlight(text: str, a: int, b: int) -> None:
    out, (x, y) = visible_span(text, (a, b), max_line=10_000)
    assert out == visible(text, max_line=10_000)
    assert 0 <= x <= y <= len(out)
    lo, hi = min(a, len(text)), min(max(a, b), len(text))
    # without line cuts, the highlighted text is exactly the escaped span
    assert out[x:y] == visible(text[lo:hi], max_line=10_000)


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_neutralised_by_visible(name: str, payload: str) -> None:
    out = visible(payload)
    assert ESC not in out
    assert forbidden_in(out) == []
    assert visible(out) == out
    if ESC in payload:
        assert "\\x1b" in out


def test_escaped_forms() -> None:
    assert visible("a\x1b[31mb") == "a\\x1b[31mb"
    assert visible("\x9b2J") == "\\x9b2J"
    assert visible("x\u202ey") == "x\\u202ey"
    assert visible("a\u2028b") == "a\nb"
    assert visible("t\tu\nv") == "t\tu\nv"
    assert visible("\x00\x7f\r") == "\\x00\\x7f\\x0d"
    assert visible("bad\udc80") == "bad\\udc80"
    # a literal backslash sequence is harmless text and stays
    assert visible("C:\\x1b\\new") == "C:\\x1b\\new"
    # zero-width joiners are kept (emoji, Indic scripts); one_line shows them
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert visible(family) == family
    assert one_line("re\u200bport.txt") == "re\\u200bport.txt"
    assert one_line("a\nb\tc\rd") == "a\\nb\\tc\\rd"


def test_long_lines_are_cut_with_a_marker() -> None:
    line = "x" * 5000
    out = visible(line + "\nshort", max_line=2000)
    first, second = out.split("\n")
    assert len(first) <= 2000
    assert first.endswith("chars]") and "\u2026[+" in first
    kept = first.index(" \u2026")
    assert first.endswith(f"[+{5000 - kept} chars]")
    assert second == "short"
    assert visible(out, max_line=2000) == out
    assert len(one_line("y" * 500, 100)) <= 100


def test_span_after_cut_is_clamped() -> None:
    text = "a" * 100 + "\nbest"
    out, (x, y) = visible_span(text, (101, 105), max_line=40)
    assert out[x:y] == "best"
    out, (x, y) = visible_span(text, (90, 100), max_line=40)
    assert x == y  # the span fell in the cut-off part


# -- through the real renderers ---------------------------------------------------------------


def _hit(payload: str) -> Hit:
    text = f"Before {payload} the answer sentence {payload} after."
    return Hit(
        text=text,
        score=0.5,
        source=f"/tmp/docs/file{payload}.txt",
        title=f"Title {payload}",
        start=0,
        end=len(text),
        paragraph=2,
        kind="caption",
        highlight=(0, len(text) // 2),
        speaker=f"Speaker {payload}",
    )


def _render_everything(payload: str, console_kwargs: dict[str, object]) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=300, **console_kwargs)  # type: ignore[arg-type]
    hit = _hit(payload)
    other = Hit(**{**hit.__dict__, "source": f"/tmp/{payload}/two.txt", "kind": payload})
    render_answer(
        Answer(question=payload, searched=f"q {payload}", abstained=False, hits=[hit, other]), console
    )
    abst = Answer(question="q", searched="q", abstained=True, nearest=[hit], reason=payload)
    render_answer(abst, console)
    render_answer(abst, console, show_nearest=True)
    render_info(
        IndexInfo(
            path=f"/idx{payload}",
            model=f"m{payload}",
            format_version=1,
            dim=384,
            ann="flat",
            size_bytes=12345,
            built="2024-01-01T00:00:00Z",
            passages=3,
            documents=[DocInfo(source=hit.source, title=hit.title, format="text", passages=3, chars=10)],
        ),
        console,
    )
    render_speakers([SpeakerInfo(name=hit.speaker or "", quotes=2, documents=1, aliases=(payload,))], console)

    class Report:
        documents = 1
        passages = 3
        added = 1
        updated = 0
        unchanged = 0
        removed = 0
        seconds = 0.2
        skipped = [Skipped(source=hit.source, reason=f"binary ({payload})", error=True)]

    render_build_report(Report(), console)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_through_renderers_plain(name: str, payload: str) -> None:
    out = _render_everything(payload, {"force_terminal": False, "no_color": True})
    assert ESC not in out
    assert forbidden_in(out) == []
    assert "Title " in out and "Speaker " in out and "The documents don't say." in out
    if name == "rich markup":
        assert "[bold red]x[/]" in out and ":smile:" in out
    out.encode("utf-8")


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_through_renderers_coloured(name: str, payload: str) -> None:
    out = _render_everything(payload, {"force_terminal": True, "color_system": "truecolor"})
    assert ESC in out  # colours are on, so rich's own styling is there
    # every ESC that remains is one of rich's SGR sequences; nothing else is forbidden
    stripped = SGR.sub("", out)
    assert ESC not in stripped
    assert forbidden_in(stripped) == []
    if name == "rich markup":
        assert "[bold red]x[/]" in stripped
