"""Turn the paths given to `qa index` into decoded documents.

Two steps: `discover` walks files and folders without opening anything (so FIFOs and
devices can never hang us), `read` decodes one regular file. Anything that cannot or
should not be indexed comes back as a `Skipped` with a one-line reason instead of an
exception, so one bad file never stops a whole run.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import html as html_lib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from index.errors import InputError
from index.model import DocMeta, Skipped, SourceText
from index.packedtext import PackedText
from index.windows import WINDOW_BYTES

# Bytes decoded at once while a file's text is checked or converted to UTF-8: never the whole text
# as a str (a 2-byte str is twice the file; bench/reports/index_scale.txt, seventh pass).
_DECODE_WINDOW = 1 << 16

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Extension -> format. Files without an extension are sniffed: read as text unless binary.
SUPPORTED = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

TITLE_MAX = 200

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _cp1252_table() -> dict[int, str]:
    """Map 0x80-0x9F to their cp1252 characters; the five bytes cp1252 leaves undefined
    stay as their latin-1 code points, so decoding never fails and never yields U+FFFD."""
    table: dict[int, str] = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return table


_CP1252 = _cp1252_table()

# Open flags: O_NONBLOCK means even a FIFO that slipped past the stat check cannot block us.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_MD_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_MD_FENCE = re.compile(r"(```|~~~)")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


# --------------------------------------------------------------------------- discovery


def _kind(mode: int) -> str:
    """Name a non-regular file type for the skip reason."""
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def _fmt_sizes(size: int, limit: int) -> str:
    """'25 MB > 20 MB', in a unit that fits the limit; exact bytes if rounding hides the difference."""
    unit, div = ("MB", 1024 * 1024) if limit >= 1024 * 1024 else ("KB", 1024) if limit >= 1024 else ("", 1)

    def fmt(n: int) -> str:
        if not unit:
            return f"{n} bytes"
        return f"{n / div:.1f}".rstrip("0").rstrip(".") + f" {unit}"

    a, b = fmt(size), fmt(limit)
    if a == b:
        a, b = f"{size} bytes", f"{limit} bytes"
    return f"{a} > {b}"


def _over_limit(source: str, size: int, limit: int) -> Skipped:
    return Skipped(source, f"over the size limit ({_fmt_sizes(size, limit)})")


def _unsupported(path: Path) -> str | None:
    """The skip reason for a file type we do not index, or None when we do."""
    suffix = path.suffix.lower()
    if suffix and suffix not in SUPPORTED:
        return f"unsupported file type {suffix}"
    return None


def _oserror_reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


class _Walker:
    """Collects files and skips across all arguments, each file and folder once."""

    def __init__(self, max_bytes: int, roots: Sequence[Path] = ()) -> None:
        self.max_bytes = max_bytes
        # The folders given, resolved: a symbolic link met while walking is followed only to a place
        # inside one of them, as `grep -r`, ripgrep and tar do not follow links at all. A folder someone
        # hands you must not pull /etc/passwd or a private folder into the index through a link.
        self.roots = tuple(roots)
        self.files: dict[str, Path] = {}
        self.skipped: dict[str, Skipped] = {}
        self.seen_dirs: set[tuple[int, int]] = set()

    def skip(self, source: str, reason: str, error: bool = False) -> None:
        self.skipped.setdefault(source, Skipped(source, reason, error))

    def file(self, path: Path, st: os.stat_result) -> None:
        """Classify a non-directory: index it, or say why not. Never opens it."""
        if not stat.S_ISREG(st.st_mode):
            self.skip(str(path), f"not a regular file ({_kind(st.st_mode)})")
            return
        key = str(path)
        if key in self.files or key in self.skipped:
            return
        reason = _unsupported(path)
        if reason:
            self.skip(key, reason)
        elif st.st_size > self.max_bytes:
            self.skipped[key] = _over_limit(key, st.st_size, self.max_bytes)
        else:
            self.files[key] = path

    def inside(self, target: Path) -> bool:
        """Whether a resolved link target lies in one of the given folders."""
        return any(target == r or target.is_relative_to(r) for r in self.roots)

    def folder(self, root: Path, st: os.stat_result) -> None:
        """Walk a folder iteratively; symlinked folders are followed, each (dev, inode) once, when
        they lead to a place inside the given folders."""
        if (st.st_dev, st.st_ino) in self.seen_dirs:
            return
        self.seen_dirs.add((st.st_dev, st.st_ino))
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = list(it)
            except OSError as exc:
                self.skip(str(folder), f"cannot read folder: {exc.strerror or exc}", error=True)
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # hidden: skipped silently
                path = folder / entry.name
                is_link = entry.is_symlink()
                try:
                    est = entry.stat()  # follows symlinks; stat never opens the file
                except OSError as exc:
                    if is_link and exc.errno == errno.ENOENT:
                        self.skip(str(path), "broken symbolic link")
                    elif exc.errno == errno.ELOOP:
                        self.skip(str(path), "symbolic link loop")
                    elif exc.errno != errno.ENOENT:  # ENOENT without a link: vanished meanwhile
                        self.skip(str(path), _oserror_reason(exc), error=True)
                    continue
                if (
                    is_link
                    and (stat.S_ISDIR(est.st_mode) or stat.S_ISREG(est.st_mode))
                    and not self.inside(Path(os.path.realpath(path)))
                ):
                    self.skip(str(path), "symbolic link out of the indexed folders")
                    continue
                if stat.S_ISDIR(est.st_mode):
                    if (est.st_dev, est.st_ino) not in self.seen_dirs:
                        self.seen_dirs.add((est.st_dev, est.st_ino))
                        stack.append(Path(os.path.realpath(path)) if is_link else path)
                elif is_link and stat.S_ISREG(est.st_mode):
                    self.file(Path(os.path.realpath(path)), est)
                else:
                    self.file(path, est)


def discover(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders into the sorted, de-duplicated list of files to read.

    Paths are absolute and resolved. Nothing is opened here: the file type comes from
    stat, so FIFOs and devices are reported rather than read.
    """
    roots = []
    for raw in paths:
        real = Path(os.path.realpath(os.path.abspath(os.fspath(raw))))
        if real.is_dir():
            roots.append(real)
    walker = _Walker(max_bytes, roots)
    for raw in paths:
        absolute = Path(os.path.abspath(os.fspath(raw)))
        try:
            st = os.stat(absolute)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(f"no such file or folder: {raw}") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                walker.skip(str(absolute), "symbolic link loop")
            else:
                walker.skip(str(absolute), _oserror_reason(exc), error=True)
            continue
        if stat.S_ISDIR(st.st_mode):
            walker.folder(Path(os.path.realpath(absolute)), st)
        elif stat.S_ISREG(st.st_mode):
            walker.file(Path(os.path.realpath(absolute)), st)
        else:
            walker.file(absolute, st)  # keep the name the user gave, e.g. a link to /dev/zero
    files = sorted(walker.files.values(), key=lambda p: p.parts)
    skipped = sorted(walker.skipped.values(), key=lambda s: Path(s.source).parts)
    return files, skipped


# --------------------------------------------------------------------------- reading


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes | Skipped:
    """Read a regular file's bytes; check the type before opening and again on the open fd."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        return Skipped(source, f"not a regular file ({_kind(st.st_mode)})")
    if st.st_size > max_bytes:
        return _over_limit(source, st.st_size, max_bytes)
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as fh:
        fst = os.fstat(fh.fileno())
        if not stat.S_ISREG(fst.st_mode):  # swapped between stat and open
            return Skipped(source, f"not a regular file ({_kind(fst.st_mode)})")
        # Sized by the file, not the limit: read(max_bytes + 1) allocates the whole limit (40 MB
        # for a 3 MB file at --max-size 40, seen by tracemalloc) before shrinking to what was read.
        want = min(max_bytes, fst.st_size) + 1
        data = fh.read(want)
        if len(data) == want:  # grew after stat: read on, up to one byte past the limit
            data += fh.read(max_bytes + 1 - want)
    if len(data) > max_bytes:  # grew after stat
        return _over_limit(source, max(len(data), fst.st_size), max_bytes)
    return data


# What no text holds: C0 controls other than whitespace (tab, LF, VT, FF, CR), and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def bomless_utf16(data: bytes) -> str | None:
    """The UTF-16 byte order of text written without a BOM (as some Windows tools save it), or None.

    Text in UTF-16 has a NUL byte in most of its code units (every ASCII character's high byte),
    all on one side: the byte order is the side with more NULs. It is text when the whole decodes
    strictly in that order (no lone surrogate, an even length) and holds no NUL or other control
    character but whitespace. Binary data fails that within its first few units (a 0x0000 unit
    alone, one in 16,384 of random units, or one of the other 31 controls), so no share or count
    is tuned. Read a window at a time: no str of the whole file.

    Args:
        data: a file's bytes, holding a NUL byte and no BOM.

    Returns:
        "utf-16-le" or "utf-16-be", or None (binary).
    """
    if len(data) % 2:
        return None
    even = odd = 0
    for i in range(0, len(data), _DECODE_WINDOW):  # an even window: parities line up
        window = data[i : i + _DECODE_WINDOW]
        even += window[0::2].count(0)
        odd += window[1::2].count(0)
    if even == odd:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"  # LE writes "A" as 41 00
    dec = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    try:
        for i in range(0, len(view), _DECODE_WINDOW):
            if _CONTROL.search(
                dec.decode(view[i : i + _DECODE_WINDOW], final=i + _DECODE_WINDOW >= len(view))
            ):
                return None
    except UnicodeDecodeError:
        return None
    return codec


def decode(data: bytes) -> str | None:
    """Bytes to text, or None for binary. Never produces U+FFFD.

    Order: a BOM (stripped), strict UTF-8, then cp1252 with latin-1 for its undefined bytes.
    NUL bytes mean binary unless a UTF-16/32 BOM explains them, or the file is UTF-16 written
    without a BOM (`bomless_utf16`).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                continue  # e.g. UTF-16 LE text whose first char is U+0000 looks like UTF-32 LE
            return None if "\x00" in text else text
    if b"\x00" in data:
        order = bomless_utf16(data)
        return None if order is None else data.decode(order)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252)


def _utf8(data: bytes) -> bytes | bytearray | None:
    """What `decode(data)` gives, as UTF-8 bytes, without holding the whole decoded str: strict
    UTF-8 is `data` itself (checked a window at a time); a BOM's encoding and the cp1252 fallback
    are converted a window at a time. None for binary, exactly when `decode` gives None.

    Args:
        data: a file's bytes.

    Returns:
        The text's UTF-8 (`data` itself when it is UTF-8 without a BOM), or None for binary.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            converted = _transcode(data, len(bom), codec)
            if converted is False:
                continue  # not that encoding after all (as `decode`: try the next BOM)
            return converted
    if b"\x00" in data:
        order = bomless_utf16(data)
        return None if order is None else _transcode(data, 0, order) or None
    if _is_utf8(data):
        return data
    out = bytearray()
    for i in range(0, len(data), _DECODE_WINDOW):  # one byte, one character: windows cut anywhere
        out += data[i : i + _DECODE_WINDOW].decode("latin-1").translate(_CP1252).encode("utf-8")
    return out


def _is_utf8(data: bytes) -> bool:
    """Whether `data` is strict UTF-8 (as data.decode("utf-8") succeeding), a window at a time."""
    dec = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for i in range(0, len(view), _DECODE_WINDOW):
            dec.decode(view[i : i + _DECODE_WINDOW])
        dec.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _transcode(data: bytes, skip: int, codec: str) -> bytearray | None | Literal[False]:
    """data[skip:] decoded from `codec` and encoded as UTF-8, a window at a time.

    Args:
        data: a file's bytes.
        skip: the BOM's length.
        codec: the BOM's encoding.

    Returns:
        The UTF-8 bytes; None when the text holds a NUL (binary); False when data is not `codec`.
    """
    dec = codecs.getincrementaldecoder(codec)()
    out: bytearray | None = bytearray()
    view = memoryview(data)[skip:]
    try:
        for i in range(0, len(view) + 1, _DECODE_WINDOW):
            last = i + _DECODE_WINDOW >= len(view)
            piece = dec.decode(view[i : i + _DECODE_WINDOW], final=last)
            if "\x00" in piece:
                out = None  # binary, once the whole is known to decode (as `decode` checks)
            if out is not None:
                out += piece.encode("utf-8")
            if last:
                break
    except UnicodeDecodeError:
        return False
    return out


def _newlines(data: bytes | bytearray) -> bytes | bytearray:
    """CRLF and CR made LF, as text.replace("\r\n", "\n").replace("\r", "\n") does to the
    decoded text (both are one byte in UTF-8, never part of another character)."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if b"\r" in data:
        data = data.replace(b"\r", b"\n")
    return data


def _is_blank(data: bytes | bytearray) -> bool:
    """Whether the UTF-8 text is empty or only whitespace (as `not text or text.isspace()`), decoded
    a window at a time: the first window holding a word ends it."""
    dec = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for i in range(0, len(view), _DECODE_WINDOW):
        piece = dec.decode(view[i : i + _DECODE_WINDOW])
        if piece and not piece.isspace():
            return False
    return True


def _utf8_lines(data: bytes | bytearray) -> Iterator[str]:
    """The lines of a UTF-8 text (as `_lines` of its str), each decoded alone; a line longer than a
    window (WINDOW_BYTES: only in a text longer than a window) is cut to its first window.

    Args:
        data: the UTF-8 text.

    Returns:
        An iterator over its lines, without the newlines.
    """
    pos = 0
    while True:
        nl = data.find(b"\n", pos)
        stop = len(data) if nl < 0 else nl
        end = min(stop, pos + WINDOW_BYTES)
        while pos < end < stop and (data[end] & 0xC0) == 0x80:
            end -= 1  # on a character boundary
        yield str(memoryview(data)[pos:end], "utf-8")
        if nl < 0:
            return
        pos = nl + 1


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time: text.split("\\n") made a list of every line of a 30 MB
    file to find its title in the first few.

    Args:
        text: the document.

    Returns:
        An iterator over its lines, without the newlines (as str.split("\\n") gives them).
    """
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            yield text[pos:]
            return
        yield text[pos:nl]
        pos = nl + 1


def _sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text, encoded 64k characters at a time (no second copy of the
    whole text); the same digest as hashlib.sha256(text.encode("utf-8")). Windows of a million
    characters held 5 MB at once (the slice of a 2-byte str and encode's 3-bytes-a-character
    buffer): 2.8x instead of 2.0x the text at a no-op `qa index`'s peak (traced, 3 MB str)."""
    h = hashlib.sha256()
    for i in range(0, len(text), 1 << 16):
        h.update(text[i : i + (1 << 16)].encode("utf-8"))
    return h.hexdigest()


def _first_line(lines: Iterable[str]) -> str:
    for line in lines:
        line = line.strip()
        if line:
            return line[:TITLE_MAX]
    return ""


def _markdown_title(text: Callable[[], Iterator[str]]) -> str:
    """The first `# ` heading outside code fences, else the first non-empty line.

    Args:
        text: gives an iterator over the text's lines (called twice when there is no heading).
    """
    fence: str | None = None
    for line in text():
        stripped = line.strip()
        m = _MD_FENCE.match(stripped)
        if m:
            if fence is None:
                fence = m.group(1)
            elif fence == m.group(1):
                fence = None
            continue
        if fence is None and line.startswith("#"):
            h = _MD_HEADING.match(line)
            if h:
                return h.group(1).strip()[:TITLE_MAX]
    return _first_line(text())


def _html_text(page: str) -> tuple[str, str, DocMeta, tuple[tuple[int, int, str], ...]] | None:
    """A web page's text (paragraphs separated by a blank line), title, metadata and the spans
    of its labelled parts (headline, byline, captions...), or None when it has no main text."""
    from index.webpage import read_page  # heavy (lxml, trafilatura): only when there is HTML to read

    page_text = page
    result = read_page(page)
    if result is None:
        return None
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    at = 0
    for part in result.parts:
        text = part.text.strip()
        if not text:
            continue
        if pieces:
            at += 2
        if part.kind:
            spans.append((at, at + len(text), part.kind))
        pieces.append(text)
        at += len(text)
    text = "\n\n".join(pieces)
    if not text.strip():
        return None
    title = result.title
    if not title:
        m = _HTML_TITLE.search(page_text)
        if m:
            title = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    return text, (title or _first_line(_lines(text)))[:TITLE_MAX], result.meta, tuple(spans)


@dataclass(frozen=True)
class Document:
    """A document read for indexing: what it is (`source`, its `text` left empty) and its text as
    UTF-8 (`text`), which a build decodes a window at a time (index/windows.py)."""

    source: SourceText
    text: PackedText

    def as_source(self) -> SourceText:
        """The document with its text as one str (for callers that want it whole)."""
        return replace(self.source, text=self.text.text())


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText | Skipped:
    """Read and decode one file; every problem becomes a `Skipped`, never an exception."""
    got = read_document(path, max_bytes=max_bytes)
    return got if isinstance(got, Skipped) else got.as_source()


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | Skipped:
    """Read one file as a Document; every problem becomes a `Skipped`, never an exception.

    A plain-text or Markdown file is never held as one str: its bytes are checked as UTF-8 (or
    converted from its BOM's encoding or cp1252) and kept as the text's UTF-8, with the same text,
    title and sha256 as decoding it whole gives. A web page is small and is parsed whole (its bytes,
    then its str, then the extracted text).

    Args:
        path: the file.
        max_bytes: the size limit.

    Returns:
        The document, or why it was skipped.
    """
    path = Path(os.path.abspath(os.fspath(path)))
    source = str(path)
    reason = _unsupported(path)
    if reason:
        return Skipped(source, reason)
    fmt = SUPPORTED.get(path.suffix.lower(), "text")
    try:
        data = _read_bytes(path, source, max_bytes)
    except OSError as exc:
        return Skipped(source, _oserror_reason(exc), error=True)
    if isinstance(data, Skipped):
        return data
    utf8 = _utf8(data)
    del data  # the UTF-8 is the one copy kept (the file's bytes themselves when they are UTF-8)
    if utf8 is None:
        return Skipped(source, "binary file")
    utf8 = _newlines(utf8)
    if _is_blank(utf8):  # text.strip() would copy the whole text to test it
        return Skipped(source, "empty file")
    if fmt == "html":
        return _html_document(source, utf8)
    if fmt == "markdown":
        title = _markdown_title(lambda: _utf8_lines(utf8))
    else:
        title = _first_line(_utf8_lines(utf8))
    digest = hashlib.sha256(utf8).hexdigest()  # the same as _sha256 of the decoded text
    text = PackedText.from_utf8(utf8)
    return Document(SourceText(source=source, text="", title=title, format=fmt, sha256=digest), text)


def _html_document(source: str, utf8: bytes | bytearray) -> Document | Skipped:
    """A web page's document: decoded and parsed whole (pages are small; the size limit bounds
    them), its extracted text packed.

    Args:
        source: the file's path.
        utf8: the page's text as UTF-8 (released here before parsing).

    Returns:
        The document, or why it was skipped.
    """
    page = str(memoryview(utf8), "utf-8")
    del utf8
    try:
        extracted = _html_text(page)
    except Exception as exc:  # a parser bug on one odd page must not stop the run
        return Skipped(source, f"could not extract text from HTML ({type(exc).__name__})")
    if extracted is None:
        return Skipped(source, "no main text found in HTML page")
    text, title, meta, parts = extracted
    digest = _sha256(text)
    return Document(
        SourceText(source=source, text="", title=title, format="html", sha256=digest, meta=meta, parts=parts),
        PackedText(text),
    )


def ingest(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[SourceText], list[Skipped]]:
    """Discover and read everything; `progress(done, total)` after each file (and once at 0)."""
    docs, skipped = ingest_documents(paths, max_bytes=max_bytes, progress=progress)
    return [d.as_source() for d in docs], skipped


def ingest_documents(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Discover and read everything as Documents (texts as UTF-8, never one str: `read_document`);
    `progress(done, total)` after each file (and once at 0)."""
    files, skipped = discover(paths, max_bytes=max_bytes)
    docs: list[Document] = []
    total = len(files)
    if progress is not None:
        progress(0, total)
    for done, path in enumerate(files, 1):
        result = read_document(path, max_bytes=max_bytes)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
        if progress is not None:
            progress(done, total)
    skipped.sort(key=lambda s: Path(s.source).parts)
    return docs, skipped
