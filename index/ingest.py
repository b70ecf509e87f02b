"""Turn the paths given to `qa index` into decoded documents.

Two steps: `discover` walks files and folders without opening anything (so FIFOs and
devices can never hang us), `read` decodes one regular file. Anything that cannot or
should not be indexed comes back as a `Skipped` with a one-line reason instead of an
exception, so one bad file never stops a whole run.
"""

from __future__ import annotations

import errno
import hashlib
import html as html_lib
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import cast

from index.errors import InputError
from index.model import DocMeta, Skipped, SourceText

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

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
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

    def folder(self, root: Path, st: os.stat_result) -> None:
        """Walk a folder iteratively; symlinked folders are followed, each (dev, inode) once."""
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
    walker = _Walker(max_bytes)
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


def decode(data: bytes) -> str | None:
    """Bytes to text, or None for binary. Never produces U+FFFD.

    Order: a BOM (stripped), strict UTF-8, then cp1252 with latin-1 for its undefined bytes.
    NUL bytes mean binary unless a UTF-16/32 BOM explains them.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                continue  # e.g. UTF-16 LE text whose first char is U+0000 looks like UTF-32 LE
            return None if "\x00" in text else text
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252)


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


def _first_line(text: str) -> str:
    for line in _lines(text):
        line = line.strip()
        if line:
            return line[:TITLE_MAX]
    return ""


def _markdown_title(text: str) -> str:
    """The first `# ` heading outside code fences, else the first non-empty line."""
    fence: str | None = None
    for line in _lines(text):
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
    return _first_line(text)


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
    return text, (title or _first_line(text))[:TITLE_MAX], result.meta, tuple(spans)


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText | Skipped:
    """Read and decode one file; every problem becomes a `Skipped`, never an exception."""
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
    text = decode(data)
    del data  # the text is the one copy kept
    if text is None:
        return Skipped(source, "binary file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # text.strip() would copy the whole text to test it
        return Skipped(source, "empty file")
    meta, parts = DocMeta(), cast(tuple[tuple[int, int, str], ...], ())
    if fmt == "html":
        try:
            extracted = _html_text(text)
        except Exception as exc:  # a parser bug on one odd page must not stop the run
            return Skipped(source, f"could not extract text from HTML ({type(exc).__name__})")
        if extracted is None:
            return Skipped(source, "no main text found in HTML page")
        text, title, meta, parts = extracted
    elif fmt == "markdown":
        title = _markdown_title(text)
    else:
        title = _first_line(text)
    digest = _sha256(text)
    return SourceText(
        source=source, text=text, title=title, format=fmt, sha256=digest, meta=meta, parts=parts
    )


def ingest(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[SourceText], list[Skipped]]:
    """Discover and read everything; `progress(done, total)` after each file (and once at 0)."""
    files, skipped = discover(paths, max_bytes=max_bytes)
    docs: list[SourceText] = []
    total = len(files)
    if progress is not None:
        progress(0, total)
    for done, path in enumerate(files, 1):
        result = read(path, max_bytes=max_bytes)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
        if progress is not None:
            progress(done, total)
    skipped.sort(key=lambda s: Path(s.source).parts)
    return docs, skipped
