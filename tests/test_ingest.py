"""Ingestion: what gets read, how it is decoded, and what is skipped (and why)."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index import ingest as ingest_mod
from index.errors import InputError
from index.ingest import DEFAULT_MAX_BYTES, SUPPORTED, decode, discover, ingest, read
from index.model import Skipped, SourceText

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after storm | Coastal Gazette</title>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience. Accept all cookies or manage preferences.</p>
</div>
<header>
  <nav class="menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">Worldwide headlines</a></li>
      <li><a href="/sport">Sport scores</a></li>
      <li><a href="/weather">Weather desk</a></li>
    </ul>
  </nav>
</header>
<main>
<article>
  <h1>Harbour bridge reopens after storm</h1>
  <p>The harbour bridge reopened to traffic on Tuesday morning, three days after a winter storm
     tore cladding from its eastern span and forced engineers to close it.</p>
  <p>Engineers from the regional transport authority worked through the night to replace damaged
     panels, the authority's chief engineer, Tomasz Wierzbicki, told reporters at a press conference.</p>
  <p>"We inspected every bolt on the eastern span before we were willing to let a single car
     across," Wierzbicki said. "Safety came before speed."</p>
  <p>Commuters had faced detours of up to forty minutes while the crossing was shut, and local
     businesses on the waterfront reported a sharp drop in customers over the weekend.</p>
</article>
</main>
<footer class="site-footer">
  <p>Copyright 2024 Coastal Gazette Media Group. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of service</a></li></ul>
</footer>
</body>
</html>
"""

EMPTY_PAGE = """<html><head><title>Nothing here</title></head>
<body><script>var tracking = 1;</script><div><img src="logo.png"></div></body></html>
"""

MARKDOWN_DOC = """Intro line before the heading.

```bash
# not a heading: a shell comment in a code block
```

# Budget approved by the council ##

The council approved the budget on Monday.
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def read_ok(path: Path, **kw: Any) -> SourceText:
    result = read(path, **kw)
    assert isinstance(result, SourceText), result
    return result


def read_skip(path: Path, **kw: Any) -> Skipped:
    result = read(path, **kw)
    assert isinstance(result, Skipped), result
    return result


def run_with_timeout(fn: Callable[[], Any], seconds: float = 10.0) -> Any:
    """Run fn in a daemon thread; fail (instead of hanging the suite) if it does not return."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the test thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "call hung"
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.fixture
def spy_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every path `index.ingest` opens (still opening it for real)."""
    real_open = os.open
    opened: list[str] = []

    def recording_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(ingest_mod.os, "open", recording_open)
    return opened


# --------------------------------------------------------------------------- empty / binary


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    skip = read_skip(write(tmp_path / "empty.txt", b""))
    assert skip.reason == "empty file"
    assert skip.error is False
    assert skip.source == str(tmp_path / "empty.txt")


def test_whitespace_only_file_is_skipped(tmp_path: Path) -> None:
    skip = read_skip(write(tmp_path / "blank.md", " \n\t\r\n   \r\n"))
    assert skip.reason == "empty file"


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    assert read_skip(write(tmp_path / "bom.txt", b"\xef\xbb\xbf\r\n")).reason == "empty file"


def test_binary_with_nul_is_skipped(tmp_path: Path) -> None:
    skip = read_skip(write(tmp_path / "blob.txt", b"PK\x03\x04\x00\x00\x08\x00some zip-like bytes"))
    assert skip.reason == "binary file"
    assert skip.error is False


def test_extensionless_file_is_sniffed(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "NOTES", "Meeting notes\nWe agreed on Tuesday.\n"))
    assert doc.format == "text"
    assert doc.title == "Meeting notes"
    assert read_skip(write(tmp_path / "program", b"\x7fELF\x02\x01\x01\x00\x00\x00")).reason == "binary file"


# --------------------------------------------------------------------------- decoding


def test_cp1252_decoded_exactly(tmp_path: Path) -> None:
    expected = "\u201cSmart quotes\u201d \u2013 caf\u00e9 costs \u20ac5 \u2014 it\u2019s \u2026 fine\n"
    raw = expected.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # so the fallback is really exercised
    doc = read_ok(write(tmp_path / "cp1252.txt", raw))
    assert doc.text == expected
    assert "\ufffd" not in doc.text


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    raw = b"caf\xe9 \x81\x8d\x8f\x90\x9d \x93ok\x94"
    assert decode(raw) == "caf\u00e9 \x81\x8d\x8f\x90\x9d \u201cok\u201d"


def test_latin1_text(tmp_path: Path) -> None:
    expected = "Gar\u00e7on, d\u00e9j\u00e0 vu \u00e0 M\u00fcnchen: \u00bd \u00a3 \u00a7 \u00fe\u00ff\n"
    doc = read_ok(write(tmp_path / "latin1.txt", expected.encode("latin-1")))
    assert doc.text == expected
    assert "\ufffd" not in doc.text


def test_utf8_with_bom(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "Caf\u00e9 news\n".encode()))
    assert doc.text == "Caf\u00e9 news\n"
    assert doc.title == "Caf\u00e9 news"
    assert not doc.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ],
)
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = "Headline \u2013 \u00e9t\u00e9\r\nSecond line \U0001f600\r\n"
    raw = bom + text.encode(codec)
    assert b"\x00" in raw  # NULs explained by the BOM, not binary
    doc = read_ok(write(tmp_path / f"{codec}.txt", raw))
    assert doc.text == "Headline \u2013 \u00e9t\u00e9\nSecond line \U0001f600\n"
    assert doc.title == "Headline \u2013 \u00e9t\u00e9"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    """UTF-16 saved without a BOM was skipped as binary (its NULs): its byte order is the side of
    the NULs, and it is text when it decodes to no control character. A surrogate pair crossing the
    64 KiB decode window is kept."""
    text = "Headline \u2013 \u00e9t\u00e9\r\n" + "x" * 32765 + "\U0001f600 Second line \u4e00\u3000\r\n"
    raw = text.encode(codec)
    assert not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw
    doc = read_ok(write(tmp_path / f"{codec}.txt", raw))
    assert doc.text == text.replace("\r\n", "\n")
    assert doc.title == "Headline \u2013 \u00e9t\u00e9"
    assert decode(raw) == text


@pytest.mark.parametrize(
    "raw",
    [
        "ab".encode("utf-16-le") + b"\x00",  # an odd length
        "line\x01one".encode("utf-16-le"),  # a control character
        "one\x00two".encode("utf-16-be"),  # a NUL
        b"\x00A\x00B\xd8\x00\x00C",  # a lone surrogate
        b"A\x00\x00B",  # as many NULs on both sides
        random.Random(5).randbytes(4096) + b"\x00",
    ],
    ids=["odd", "control", "nul", "surrogate", "even", "random"],
)
def test_nul_bytes_that_are_no_utf16_stay_binary(tmp_path: Path, raw: bytes) -> None:
    assert ingest_mod.bomless_utf16(raw) is None and decode(raw) is None
    assert read_skip(write(tmp_path / "blob.txt", raw)).reason == "binary file"


def test_crlf_and_cr_normalised(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "crlf.txt", b"one\r\ntwo\rthree\r\n\r\nfour"))
    assert doc.text == "one\ntwo\nthree\n\nfour"
    assert "\r" not in doc.text


def test_sha256_and_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", b"Title\r\nbody\r\n")
    monkeypatch.chdir(tmp_path)
    doc = read_ok(Path("a.txt"))
    assert doc.source == str(tmp_path / "a.txt")
    assert Path(doc.source).is_absolute()
    assert doc.sha256 == hashlib.sha256(b"Title\nbody\n").hexdigest()


def test_text_title_is_first_nonempty_line_capped(tmp_path: Path) -> None:
    long_line = "word " * 100
    doc = read_ok(write(tmp_path / "t.text", f"\n   \n  {long_line}\nrest\n"))
    assert doc.format == "text"
    assert doc.title == long_line.strip()[:200]
    assert len(doc.title) == 200


# --------------------------------------------------------------------------- markdown / html


def test_markdown_title_and_text_kept(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "budget.md", MARKDOWN_DOC))
    assert doc.format == "markdown"
    assert doc.title == "Budget approved by the council"
    assert doc.text == MARKDOWN_DOC  # offsets index into the text as written


def test_markdown_without_heading_uses_first_line(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "n.markdown", "\n**Bold opening line**\n\nMore.\n"))
    assert doc.title == "**Bold opening line**"


def test_html_news_page_main_text(tmp_path: Path) -> None:
    doc = read_ok(write(tmp_path / "news.html", NEWS_PAGE))
    assert doc.format == "html"
    assert doc.title == "Harbour bridge reopens after storm"
    for sentence in (
        "The harbour bridge reopened to traffic on Tuesday morning",
        "Tomasz Wierzbicki, told reporters at a press conference.",
        '"Safety came before speed."',
        "reported a sharp drop in customers over the weekend.",
    ):
        assert sentence in doc.text
    furniture = (
        "cookies",
        "Worldwide headlines",
        "Sport scores",
        "Weather desk",
        "Copyright",
        "Privacy policy",
    )
    for words in (*furniture, "Terms of service"):
        assert words not in doc.text
    # paragraphs separated by a blank line, whitespace inside a paragraph collapsed
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) >= 4
    assert any(p.startswith("The harbour bridge reopened") and p.endswith("to close it.") for p in paragraphs)
    assert "\n" not in next(p for p in paragraphs if p.startswith("Engineers from"))
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def test_html_in_cp1252_is_decoded(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace(
        "Safety came before speed.", "Safety came before speed \u2013 caf\u00e9 \u20ac5."
    )
    doc = read_ok(write(tmp_path / "news.htm", page.encode("cp1252")))
    assert "Safety came before speed \u2013 caf\u00e9 \u20ac5." in doc.text


@pytest.mark.parametrize("depth", [300, 10_000])
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, depth: int) -> None:
    """10,000 nested <div>s were skipped as "no main text": libxml2 builds no tree below 256 levels.
    The page is parsed again with its nesting cut to webpage.MAX_DEPTH (tags left out, text kept):
    paragraphs stay paragraphs, a script stays hidden, entities are decoded once."""
    inner = (
        "<p>The harbour wall was rebuilt in 1923 after a great storm flooded the town.</p>"
        "<script>var hidden = 'never shown';</script>"
        "<p>Fishermen said the new wall saved the fleet twice &amp; more since then.</p>"
    )
    page = (
        "<html><head><title>Harbour wall history</title></head><body>"
        + "<div class='x'><span>" * depth
        + inner
        + "</span></div>" * depth
        + "</body></html>"
    )
    doc = read_ok(write(tmp_path / "deep.html", page))
    assert "The harbour wall was rebuilt in 1923 after a great storm flooded the town." in doc.text
    assert "Fishermen said the new wall saved the fleet twice & more since then." in doc.text.split("\n\n")
    assert "never shown" not in doc.text and "<" not in doc.text


def test_shallow_keeps_a_page_s_text_and_bounds_its_depth() -> None:
    from lxml import html

    from index.webpage import MAX_DEPTH, shallow

    def page(depth: int) -> str:
        inner = "<ul><li>one<li>two &lt;3</ul>" + "<p>x" * 500
        return "<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>"

    tree = html.document_fromstring(shallow(page(1000)))
    assert max(len(list(e.iterancestors())) for e in tree.iter()) <= MAX_DEPTH + 10
    expected = html.document_fromstring(page(10)).text_content()  # what a shallow page shows
    assert "".join(tree.text_content().split()) == "".join(expected.split())  # the same text
    assert expected.count("x") == 500
    assert len(tree.findall(".//p")) == 500  # an unclosed <p> closes the one before: not nested
    assert shallow(NEWS_PAGE) == NEWS_PAGE  # a page within the limit is unchanged


def test_html_without_main_text_is_skipped(tmp_path: Path) -> None:
    skip = read_skip(write(tmp_path / "empty.html", EMPTY_PAGE))
    assert skip.reason == "no main text found in HTML page"
    assert skip.error is False


def test_trafilatura_imported_lazily() -> None:
    code = "import sys, index.ingest; assert 'trafilatura' not in sys.modules, 'eager import'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


# --------------------------------------------------------------------------- limits / errors


def test_over_size_limit_option(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", b"a" * (3 * 1024 * 1024 // 2))
    small = write(tmp_path / "small.txt", b"small file\n")
    files, skipped = discover([tmp_path], max_bytes=1024 * 1024)
    assert files == [small]
    assert skipped == [Skipped(str(big), "over the size limit (1.5 MB > 1 MB)")]
    assert read_skip(big, max_bytes=1024 * 1024).reason == "over the size limit (1.5 MB > 1 MB)"
    assert read_skip(big, max_bytes=1000).reason == "over the size limit (1572864 bytes > 1000 bytes)"
    # one byte over a limit that rounds to the same figure: exact bytes
    assert read_skip(write(tmp_path / "edge.txt", b"b" * 2049), max_bytes=2048).reason == (
        "over the size limit (2049 bytes > 2048 bytes)"
    )
    assert read_ok(big).text.startswith("aaa")  # the default limit is 20 MB
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_unreadable_file_is_an_error_and_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path / "a.txt", "Readable\n")
    locked = write(tmp_path / "b.txt", "Locked\n")
    also_good = write(tmp_path / "c.md", "# Also readable\n")
    real_open = os.open

    def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(ingest_mod.os, "open", guarded_open)
    docs, skipped = ingest([tmp_path])
    assert [d.source for d in docs] == [str(good), str(also_good)]
    assert skipped == [Skipped(str(locked), "cannot read: Permission denied", error=True)]


def test_nonexistent_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(InputError) as info:
        discover([tmp_path, missing])
    assert info.value.message == f"no such file or folder: {missing}"
    with pytest.raises(InputError):
        ingest([str(missing)])


def test_unsupported_extension_reported(tmp_path: Path) -> None:
    write(tmp_path / "report.PDF", b"%PDF-1.4")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    keep = write(tmp_path / "story.txt", "Story\n")
    files, skipped = discover([tmp_path])
    assert files == [keep]
    assert [(Path(s.source).name, s.reason) for s in skipped] == [
        ("photo.jpg", "unsupported file type .jpg"),
        ("report.PDF", "unsupported file type .pdf"),
    ]
    assert read_skip(tmp_path / "photo.jpg").reason == "unsupported file type .jpg"
    assert set(SUPPORTED.values()) == {"text", "markdown", "html"}


# --------------------------------------------------------------------------- discovery


def test_hidden_files_and_folders_skipped_silently(tmp_path: Path) -> None:
    write(tmp_path / ".secret.txt", "hidden\n")
    write(tmp_path / ".git" / "notes.txt", "hidden folder\n")
    visible = write(tmp_path / "visible.txt", "shown\n")
    files, skipped = discover([tmp_path])
    assert files == [visible]
    assert skipped == []
    # named explicitly, a hidden file is read
    files, _ = discover([tmp_path / ".secret.txt"])
    assert files == [tmp_path / ".secret.txt"]


def test_deterministic_sorted_order(tmp_path: Path) -> None:
    names = [f"d{i % 3}/sub{i % 2}/f{i:02d}.txt" for i in range(30)]
    random.Random(7).shuffle(names)
    for name in names:
        write(tmp_path / name, f"{name}\n")
    first, _ = discover([tmp_path])
    second, _ = discover([tmp_path / "d2", tmp_path / "d0", tmp_path, tmp_path / "d1" / "sub0"])
    assert first == second  # argument order and overlap make no difference
    assert first == sorted(first, key=lambda p: p.parts)
    assert len(first) == len(set(first)) == 30
    assert all(p.is_absolute() for p in first)


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path: Path) -> None:
    expected = set()
    for d in range(100):
        folder = tmp_path / f"dir{d:03d}"
        folder.mkdir()
        for f in range(100):
            path = folder / f"doc{f:03d}.txt"
            path.write_bytes(b"Title %d\nbody\n" % f)
            expected.add(path)
    files, skipped = discover([tmp_path])
    assert skipped == []
    assert len(files) == 10_000
    assert set(files) == expected
    calls: list[tuple[int, int]] = []
    docs, skipped = ingest([tmp_path], progress=lambda done, total: calls.append((done, total)))
    assert len(docs) == 10_000 and skipped == []
    assert calls[0] == (0, 10_000) and calls[-1] == (10_000, 10_000) and len(calls) == 10_001


def test_symlink_loop_between_folders(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "one.txt", "One\n")
    b = write(tmp_path / "b" / "two.txt", "Two\n")
    (tmp_path / "a" / "to_b").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "b" / "to_a").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a", target_is_directory=True)
    files, skipped = run_with_timeout(lambda: discover([tmp_path / "a"]))
    assert files == [a]  # b is outside the folder given: its link is not followed
    assert skipped == [Skipped(str(tmp_path / "a" / "to_b"), "symbolic link out of the indexed folders")]
    files, skipped = run_with_timeout(lambda: discover([tmp_path / "a", tmp_path / "b"]))
    assert files == [a, b] and skipped == []  # both given: the links lead inside, walked once each
    files, _ = run_with_timeout(lambda: discover([tmp_path, tmp_path / "a" / "to_b"]))
    assert files == [a, b]


def test_links_out_of_the_given_folders_are_not_followed(tmp_path: Path) -> None:
    """A folder handed to you must not pull private files into the index through a link."""
    secret = write(tmp_path / "private" / "diary.txt", "My bank PIN is 1234.\n")
    write(tmp_path / "private" / "notes" / "plan.txt", "Private plan.\n")
    shared = write(tmp_path / "shared" / "story.txt", "A story.\n")
    (tmp_path / "shared" / "diary.txt").symlink_to(secret)
    (tmp_path / "shared" / "notes").symlink_to(tmp_path / "private" / "notes", target_is_directory=True)
    (tmp_path / "shared" / "inner.txt").symlink_to(shared)  # inside: the same file, once
    files, skipped = discover([tmp_path / "shared"])
    assert files == [shared]
    assert {Path(s.source).name: s.reason for s in skipped} == {
        "diary.txt": "symbolic link out of the indexed folders",
        "notes": "symbolic link out of the indexed folders",
    }
    # Named on the command line, a link is the user's own choice and is read.
    files, _ = discover([tmp_path / "shared", tmp_path / "shared" / "diary.txt"])
    assert files == [secret, shared]


def test_symlinked_file_resolved_once(tmp_path: Path) -> None:
    real = write(tmp_path / "real.txt", "Real\n")
    (tmp_path / "alias.txt").symlink_to(real)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    files, skipped = discover([tmp_path, tmp_path / "alias.txt"])
    assert files == [real]
    assert skipped == [Skipped(str(tmp_path / "dangling.txt"), "broken symbolic link")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_fifo_skipped_without_hanging(tmp_path: Path, spy_open: list[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    keep = write(tmp_path / "keep.txt", "Kept\n")
    docs, skipped = run_with_timeout(lambda: ingest([tmp_path]))
    assert [d.source for d in docs] == [str(keep)]
    assert skipped == [Skipped(str(fifo), "not a regular file (FIFO)")]
    # named directly, and handed to read() directly: still never opened
    files, skipped = run_with_timeout(lambda: discover([fifo]))
    assert files == [] and skipped[0].reason == "not a regular file (FIFO)"
    assert run_with_timeout(lambda: read(fifo)) == Skipped(str(fifo), "not a regular file (FIFO)")
    assert str(fifo) not in spy_open


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_not_read(tmp_path: Path, spy_open: list[str]) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "null").symlink_to("/dev/null")
    keep = write(tmp_path / "keep.md", "# Kept\n")
    docs, skipped = run_with_timeout(lambda: ingest([tmp_path]))
    assert [d.title for d in docs] == ["Kept"]
    assert skipped == [
        Skipped(str(tmp_path / "null"), "not a regular file (character device)"),
        Skipped(str(tmp_path / "zero.txt"), "not a regular file (character device)"),
    ]
    assert (
        run_with_timeout(lambda: read(tmp_path / "zero.txt")).reason
        == "not a regular file (character device)"
    )
    files, skipped = discover([tmp_path / "zero.txt"])
    assert files == [] and skipped == [
        Skipped(str(tmp_path / "zero.txt"), "not a regular file (character device)")
    ]
    assert spy_open == [str(keep)]  # only the regular file was ever opened


def test_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keep = write(tmp_path / "open" / "a.txt", "A\n")
    write(tmp_path / "locked" / "b.txt", "B\n")
    real_scandir = os.scandir

    def guarded_scandir(path: Any) -> Any:
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(ingest_mod.os, "scandir", guarded_scandir)
    files, skipped = discover([tmp_path])
    assert files == [keep]
    assert skipped == [Skipped(str(tmp_path / "locked"), "cannot read folder: Permission denied", error=True)]


def test_html_parser_failure_is_skipped_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken_extract(*args: Any, **kwargs: Any) -> str:
        raise ValueError("parser bug")

    monkeypatch.setattr(trafilatura, "extract", broken_extract)
    skip = read_skip(write(tmp_path / "odd.html", NEWS_PAGE))
    assert skip.reason == "could not extract text from HTML (ValueError)"
