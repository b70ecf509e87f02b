"""Documents, passages, quotes and speakers of one generation, in a read-only SQLite file.

Why SQLite and not pickle: loading a pickle runs code, and a damaged one fails in arbitrary ways.
SQLite is a documented format that refuses garbage; lists (speaker aliases) are stored as JSON.
The file is written once inside the staging folder and never changed afterwards, so readers open it
`immutable` (no locking, no journal) and `store.verify` has checked its bytes before we get here.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from index.errors import IndexDamaged
from index.model import DocMeta
from index.packedtext import PackedText

SCHEMA_VERSION = 5  # 5: documents.text is the table's last column (index format 6): SQLite keeps a
# zeroblob(n) unexpanded only when it ends the record; in the middle it made the whole value, and the
# record around it: 2x the UTF-8 text in SQLite's memory (+58 MB RSS writing a 30 MB text, 3 MB now;
# bench/reports/index_scale.txt, fourth pass)
# 4: documents.text is the UTF-8 text as a BLOB, written a piece at a time, and
# documents.chars its length in characters (index format 5)
# 3: quotes keep their source as written and its mention; speaker may be NULL
# 2: documents.meta (title, author, date, url... as JSON). Schemas 1 to 3 are still read.
_READABLE = (1, 2, 3, 4, 5)
APPLICATION_ID = 0x51414E57  # "QANW": tells our file from any other SQLite database
_HEADER = b"SQLite format 3\x00"
_BATCH = 500  # pids per IN (...) query: under SQLite's default parameter limit
# Characters of a document's text encoded and written at once. Binding the whole text as a str made
# Python keep its UTF-8 form on the str and SQLite copy it twice more (bind, record): +43 MB at the
# storing:docstore stage for a 30 MB file (bench/reports/index_scale.txt, second pass).
_WRITE_CHARS = 1 << 20

_SCHEMA = """
CREATE TABLE documents (
    doc_id INTEGER PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, format TEXT NOT NULL,
    sha256 TEXT NOT NULL, indexed_at TEXT NOT NULL, meta TEXT NOT NULL, chars INTEGER NOT NULL,
    text BLOB NOT NULL
);
CREATE TABLE passages (
    pid INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, paragraph INTEGER NOT NULL, kind TEXT NOT NULL
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, speaker TEXT, verb TEXT NOT NULL, direct INTEGER NOT NULL,
    source_text TEXT NOT NULL, mention_start INTEGER NOT NULL, mention_end INTEGER NOT NULL
);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL
);
"""
# Schema 4's documents table (text before indexed_at): its files are checked against it exactly.
_SCHEMA_V4 = _SCHEMA.replace(
    """sha256 TEXT NOT NULL, indexed_at TEXT NOT NULL, meta TEXT NOT NULL, chars INTEGER NOT NULL,
    text BLOB NOT NULL
""",
    """sha256 TEXT NOT NULL, text BLOB NOT NULL, indexed_at TEXT NOT NULL, meta TEXT NOT NULL,
    chars INTEGER NOT NULL
""",
)
_INDEXES = (
    "CREATE INDEX passages_doc ON passages(doc_id)",
    "CREATE INDEX quotes_doc ON quotes(doc_id)",
    "CREATE INDEX speakers_doc ON speakers(doc_id)",
)
_TABLES = {"documents", "passages", "quotes", "speakers"}


@dataclass(frozen=True, slots=True)
class DocRow:
    doc_id: int
    source: str
    title: str
    format: str
    sha256: str
    text: str
    indexed_at: str
    meta: str = "{}"  # index.model.DocMeta as JSON: what the document says about itself

    def doc_meta(self) -> DocMeta:
        """The parsed metadata; a value that is not JSON reads as no metadata."""
        try:
            return DocMeta.from_json(json.loads(self.meta))
        except ValueError:
            return DocMeta()


@dataclass(frozen=True, slots=True)
class PassageRow:
    pid: int  # the passage's position in the vector index, 0..n-1
    doc_id: int
    start: int
    end: int
    paragraph: int
    kind: str


@dataclass(frozen=True, slots=True)
class QuoteRow:
    doc_id: int
    start: int
    end: int
    speaker: str | None  # None: an unnamed source ("a senior official")
    verb: str
    direct: bool
    source: str = ""  # the source as written ("he", "the Kremlin")
    mention_start: int = -1  # the source mention's span in the text (-1: none)
    mention_end: int = -1


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    doc_id: int
    name: str
    aliases: tuple[str, ...]


WRITE_CACHE_KIB = 256


def write(
    path: Path,
    documents: Sequence[DocRow],
    passages: Iterable[PassageRow],  # read once: a generator keeps no list of them all
    quotes: Iterable[QuoteRow],  # read once, as passages
    speakers: Sequence[SpeakerRow],
    texts: Sequence[PackedText] | None = None,
) -> None:
    """Write a new store at `path` in one transaction; rows that break the invariants raise ValueError.

    Invariants checked (a builder bug caught here is cheaper than a wrong answer later): passage pids
    are exactly 0..n-1, every row names an existing document, every span lies inside its text.
    `texts`, when given, are the documents' texts (documents[i]'s is texts[i], its row's `text`
    unused): a build holds them as UTF-8, half the memory of a str with one character past Latin-1,
    and the store writes those bytes as they are.
    """
    if texts is not None and len(texts) != len(documents):
        raise ValueError(f"{len(texts)} texts for {len(documents)} documents")
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists: the document store is written once, to a new file")
    lengths = {d.doc_id: len(d.text if texts is None else texts[i]) for i, d in enumerate(documents)}
    if len(lengths) != len(documents):
        raise ValueError("duplicate doc_id in documents")
    con = sqlite3.connect(path, isolation_level=None)
    ok = False
    try:
        con.execute("PRAGMA journal_mode=OFF")  # the whole file is staged, checksummed and fsynced by commit
        con.execute("PRAGMA synchronous=OFF")
        # Pages written once, never read back while writing: SQLite's default cache (2 MB) and the
        # index sorts' memory, bounded by it, held 5 MB over storing:docstore at 3 MB of text
        # (bench/reports/index_scale.txt, ninth pass). WRITE_CACHE_KIB each: the same file.
        con.execute(f"PRAGMA cache_size=-{WRITE_CACHE_KIB}")
        con.execute(f"PRAGMA application_id={APPLICATION_ID}")
        con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.executescript(_SCHEMA)
        con.execute("BEGIN")
        for i, d in enumerate(documents):
            _write_document(con, d, d.text if texts is None else texts[i])
        con.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?)", _passage_values(passages, lengths))
        con.executemany(
            "INSERT INTO quotes (doc_id, start_char, end_char, speaker, verb, direct, source_text, mention_start,"
            " mention_end) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (
                    q.doc_id,
                    q.start,
                    q.end,
                    q.speaker,
                    q.verb,
                    int(q.direct),
                    q.source,
                    q.mention_start,
                    q.mention_end,
                )
                for q in _spans_inside(quotes, lengths, "quote")
            ),
        )
        con.executemany(
            "INSERT INTO speakers (doc_id, name, aliases) VALUES (?,?,?)",
            (
                (s.doc_id, s.name, json.dumps(list(s.aliases), ensure_ascii=False))
                for s in _known(speakers, lengths)
            ),
        )
        lo, hi, n = con.execute("SELECT min(pid), max(pid), count(*) FROM passages").fetchone()
        if n and (lo != 0 or hi != n - 1):
            raise ValueError(f"passage pids must be 0..{n - 1}, got {lo}..{hi}")
        for sql in _INDEXES:  # after the inserts: one sort instead of a million index updates
            con.execute(sql)
        con.execute("COMMIT")
        ok = True
    except sqlite3.IntegrityError as exc:
        raise ValueError(f"duplicate passage pid or doc_id ({exc})") from None
    finally:
        con.close()
        if not ok:
            path.unlink(missing_ok=True)  # never leave a half-written store behind


def _pieces(text: str | PackedText) -> Iterator[bytes | bytearray | memoryview]:
    """The text's UTF-8 bytes, `_WRITE_CHARS` characters at a time (lone surrogates kept, as
    "surrogatepass" writes them, so that any str round-trips).

    Args:
        text: a document's text.

    Returns:
        An iterator over consecutive pieces of its encoding.
    """
    if isinstance(text, PackedText):
        yield from text.pieces()
        return
    for i in range(0, len(text), _WRITE_CHARS):
        yield text[i : i + _WRITE_CHARS].encode("utf-8", "surrogatepass")


def _write_document(con: sqlite3.Connection, d: DocRow, text: str | PackedText) -> None:
    """Insert one document row, its text streamed into a zero-filled BLOB of the right size: SQLite
    writes the zeros page by page and never holds the value, and only one piece is encoded at once.

    Args:
        con: the store being written, inside its transaction.
        d: the document (its `text` unused).
        text: its text.
    """
    size = text.nbytes if isinstance(text, PackedText) else sum(len(piece) for piece in _pieces(text))
    con.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,zeroblob(?))",  # the zeroblob last: see SCHEMA_VERSION
        (
            d.doc_id,
            _name_value(d.source),
            _name_value(d.title),
            d.format,
            d.sha256,
            d.indexed_at,
            d.meta,
            len(text),
            size,
        ),
    )
    with con.blobopen("documents", "text", d.doc_id) as blob:
        for piece in _pieces(text):
            blob.write(piece)


def _name_value(name: str) -> str | bytes:
    """A file name as SQLite can hold it: names that are not UTF-8 (surrogate escapes) as their bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return name


def _name(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _doc_row(r: Sequence[Any], where: Path) -> DocRow:
    """A document row as read: a schema-4 text (UTF-8 bytes, then its length in characters) decoded
    and checked against that length.

    Args:
        r: the columns of _DOC_COLS (or _DOC_COLS_V1).
        where: the store's file, named in the damage message.

    Returns:
        The row.
    """
    text = r[5]
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise IndexDamaged(f"index file {where.name} is damaged (a document text is not UTF-8)") from None
        if len(text) != r[8]:
            raise IndexDamaged(f"index file {where.name} is damaged (a document text has the wrong length)")
    return DocRow(r[0], _name(r[1]), _name(r[2]), r[3], r[4], text, r[6], r[7])


def _passage_values(rows: Iterable[PassageRow], lengths: dict[int, int]) -> Iterator[tuple[Any, ...]]:
    for p in rows:
        n = lengths.get(p.doc_id)
        if n is None:
            raise ValueError(f"passage {p.pid} names unknown document {p.doc_id}")
        if not 0 <= p.start <= p.end <= n:
            raise ValueError(f"passage {p.pid} span {p.start}..{p.end} is outside its document (0..{n})")
        yield (p.pid, p.doc_id, p.start, p.end, p.paragraph, p.kind)


def _spans_inside(rows: Iterable[QuoteRow], lengths: dict[int, int], what: str) -> Iterator[QuoteRow]:
    for r in rows:
        n = lengths.get(r.doc_id)
        if n is None:
            raise ValueError(f"{what} names unknown document {r.doc_id}")
        if not 0 <= r.start <= r.end <= n:
            raise ValueError(f"{what} span {r.start}..{r.end} is outside its document (0..{n})")
        yield r


def _known(rows: Iterable[SpeakerRow], lengths: dict[int, int]) -> Iterator[SpeakerRow]:
    for r in rows:
        if r.doc_id not in lengths:
            raise ValueError(f"speaker {r.name!r} names unknown document {r.doc_id}")
        yield r


def _check_header(path: Path) -> None:
    """A truncated or padded database is damage even where SQLite would read the pages it finds."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise IndexDamaged(f"index file {path.name} is unreadable ({exc.strerror or exc})") from None
    if len(head) < 100 or not head.startswith(_HEADER):
        raise IndexDamaged(f"index file {path.name} is damaged (not a SQLite database)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    change = int.from_bytes(head[24:28], "big")
    if page_size < 512 or page_size & (page_size - 1):
        raise IndexDamaged(f"index file {path.name} is damaged (bad page size)")
    if valid_for == change and pages and size != pages * page_size:
        raise IndexDamaged(
            f"index file {path.name} is damaged ({size} bytes, the header says {pages * page_size})"
        )


class DocStore:
    """Read-only access to a generation's documents and passages; document texts are cached."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self._path = path
        self._lock = threading.Lock()  # one connection, usable from the query threads
        self._docs: dict[int, DocRow] = {}
        self._all_docs = False
        self._schema = SCHEMA_VERSION
        self._doc_cols = _DOC_COLS

    @classmethod
    def open(cls, path: Path) -> DocStore:
        path = Path(path)
        _check_header(path)
        # The path's own bytes, percent-encoded: a folder name that is not UTF-8 ('L\xff',
        # a surrogate in str) cannot be encoded as text, and SQLite decodes %XX to bytes.
        uri = f"file:{quote(os.fsencode(path.resolve()))}?mode=ro&immutable=1"
        try:
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise IndexDamaged(f"index file {path.name} is damaged ({exc})") from None
        store = cls(con, path)
        try:
            # No value can be larger than the file; a crafted file must not make SQLite build one.
            con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max(os.path.getsize(path), 1 << 16))
            con.execute("PRAGMA trusted_schema=OFF")
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            schema = set(con.execute(_MASTER).fetchall())
        except sqlite3.Error as exc:
            con.close()
            raise IndexDamaged(f"index file {path.name} is damaged ({exc})") from None
        if app_id != APPLICATION_ID:
            con.close()
            raise IndexDamaged(f"index file {path.name} is damaged (not a qa document store)")
        if version not in _READABLE:
            con.close()
            raise IndexDamaged(f"index file {path.name} has schema {version}, expected {SCHEMA_VERSION}")
        if (version >= 4 and schema != _expected_schema(version)) or not _plain_tables(con, schema):
            # Views, triggers, generated columns or other tables: not a file this qa wrote.
            con.close()
            raise IndexDamaged(f"index file {path.name} is damaged (not a qa document store)")
        store._schema = version
        store._doc_cols = _DOC_COLS if version >= 4 else _DOC_COLS_V2 if version >= 2 else _DOC_COLS_V1
        try:
            problem = store._row_problem()
        except IndexDamaged:
            con.close()
            raise
        if problem:
            con.close()
            raise IndexDamaged(f"index file {path.name} is damaged ({problem})")
        return store

    def _row_problem(self) -> str:
        """Types, pids 0..n-1, existing documents and spans inside them: what readers index by."""
        for what, sql in _row_checks(self._schema):
            if self._rows(sql)[0][0]:
                return what
        n, lo, hi = self._rows("SELECT count(*), min(pid), max(pid) FROM passages")[0]
        if n and (lo != 0 or hi != n - 1):
            return f"passage ids are {lo}..{hi}, expected 0..{n - 1}"
        return ""

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Every query goes through here so that late-found damage is an IndexDamaged too."""
        try:
            with self._lock:
                return self._con.execute(sql, params).fetchall()
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.Error as exc:
            raise IndexDamaged(f"index file {self._path.name} is damaged ({exc})") from None

    def documents(self, *, texts: bool = True) -> list[DocRow]:
        """Every document's row, in doc_id order.

        Args:
            texts: False: their texts left out ("") and nothing cached, for a caller that reads few
                of them (`text`): an update held every previous text, 1-2x its bytes as str, through
                its analysis (bench/reports/index_scale.txt, sixteenth pass).

        Returns:
            The rows.
        """
        if not texts:
            cols = self._doc_cols.replace(", text,", ", '',")
            return [
                _doc_row(r, self._path) for r in self._rows(f"SELECT {cols} FROM documents ORDER BY doc_id")
            ]
        if not self._all_docs:
            rows = self._rows(f"SELECT {self._doc_cols} FROM documents ORDER BY doc_id")
            self._docs = {r[0]: _doc_row(r, self._path) for r in rows}
            self._all_docs = True
        return list(self._docs.values())

    def document(self, doc_id: int) -> DocRow:
        doc = self._docs.get(doc_id)
        if doc is None:
            rows = self._rows(f"SELECT {self._doc_cols} FROM documents WHERE doc_id=?", (doc_id,))
            if not rows:
                raise KeyError(doc_id)
            doc = self._docs[doc_id] = _doc_row(rows[0], self._path)
        return doc

    def text(self, doc_id: int) -> str:
        """One document's text, read without caching its row.

        Args:
            doc_id: the document.

        Returns:
            Its text.
        """
        doc = self._docs.get(doc_id)
        if doc is not None:
            return doc.text
        rows = self._rows(f"SELECT {self._doc_cols} FROM documents WHERE doc_id=?", (doc_id,))
        if not rows:
            raise KeyError(doc_id)
        return _doc_row(rows[0], self._path).text

    def passages(self, pids: Sequence[int]) -> list[PassageRow]:
        """Rows for `pids`, in that order; a pid the store lacks means the index files disagree."""
        wanted = list(dict.fromkeys(int(p) for p in pids))
        found: dict[int, PassageRow] = {}
        for i in range(0, len(wanted), _BATCH):
            batch = wanted[i : i + _BATCH]
            marks = ",".join("?" * len(batch))
            for r in self._rows(f"SELECT {_PASSAGE_COLS} FROM passages WHERE pid IN ({marks})", batch):
                found[r[0]] = PassageRow(*r)
        missing = [p for p in wanted if p not in found]
        if missing:
            raise IndexDamaged(f"index file {self._path.name} has no passage {missing[0]}")
        return [found[int(p)] for p in pids]

    def all_passages(self) -> list[PassageRow]:
        return [PassageRow(*r) for r in self._rows(f"SELECT {_PASSAGE_COLS} FROM passages ORDER BY pid")]

    def quotes(self) -> list[QuoteRow]:
        cols = "doc_id, start_char, end_char, speaker, verb, direct"
        if self._schema >= 3:
            cols += ", source_text, mention_start, mention_end"
        rows = self._rows(f"SELECT {cols} FROM quotes ORDER BY id")
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), *r[6:]) for r in rows]

    def speakers(self) -> list[SpeakerRow]:
        out = []
        for doc_id, name, aliases in self._rows("SELECT doc_id, name, aliases FROM speakers ORDER BY id"):
            try:
                names = json.loads(aliases)
            except ValueError:
                names = None
            if not isinstance(names, list) or not all(isinstance(a, str) for a in names):
                raise IndexDamaged(f"index file {self._path.name} is damaged (bad aliases of {name!r})")
            out.append(SpeakerRow(doc_id, name, tuple(names)))
        return out

    def passage_text(self, p: PassageRow) -> str:
        return self.document(p.doc_id).text[p.start : p.end]

    def count_passages(self) -> int:
        return int(self._rows("SELECT count(*) FROM passages")[0][0])

    def close(self) -> None:
        with self._lock:
            self._con.close()
        self._docs.clear()
        self._all_docs = False

    def __enter__(self) -> DocStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


_DOC_COLS = "doc_id, source, title, format, sha256, text, indexed_at, meta, chars"
_DOC_COLS_V2 = "doc_id, source, title, format, sha256, text, indexed_at, meta, NULL"
_DOC_COLS_V1 = "doc_id, source, title, format, sha256, text, indexed_at, '{}', NULL"
_MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master"
# Every row must have the types the readers rely on and point inside an existing document. The
# lengths are materialized once: length(text) per passage would rescan a long text for each one.
_LENGTHS = "WITH lengths AS MATERIALIZED (SELECT doc_id, length(text) AS n FROM documents) "
_ROW_CHECKS = (
    (
        "a document row has the wrong types",
        "SELECT count(*) FROM documents WHERE typeof(doc_id)!='integer' OR typeof(source) NOT IN ('text','blob')"
        " OR typeof(title) NOT IN ('text','blob') OR typeof(format)!='text' OR typeof(sha256)!='text'"
        " OR typeof(text)!='text' OR typeof(indexed_at)!='text'",
    ),
    (
        "a passage row is malformed or outside its document",
        _LENGTHS + "SELECT count(*) FROM passages p LEFT JOIN lengths l ON p.doc_id=l.doc_id"
        " WHERE l.n IS NULL OR typeof(p.start_char)!='integer' OR typeof(p.end_char)!='integer'"
        " OR typeof(p.paragraph)!='integer' OR typeof(p.kind)!='text'"
        " OR p.start_char<0 OR p.end_char<p.start_char OR p.end_char>l.n",
    ),
    (
        "a quote row is malformed or outside its document",
        _LENGTHS + "SELECT count(*) FROM quotes q LEFT JOIN lengths l ON q.doc_id=l.doc_id"
        " WHERE l.n IS NULL OR typeof(q.start_char)!='integer' OR typeof(q.end_char)!='integer'"
        " OR typeof(q.speaker) NOT IN ('text','null') OR typeof(q.verb)!='text' OR typeof(q.direct)!='integer'"
        " OR q.start_char<0 OR q.end_char<q.start_char OR q.end_char>l.n",
    ),
    (
        "a speaker row is malformed",
        "SELECT count(*) FROM speakers s LEFT JOIN documents d ON s.doc_id=d.doc_id"
        " WHERE d.doc_id IS NULL OR typeof(s.name)!='text' OR typeof(s.aliases)!='text'",
    ),
)


def _row_checks(version: int) -> tuple[tuple[str, str], ...]:
    """The row checks for a store of schema `version`: from schema 4 the text is a BLOB and its
    length in characters is `chars`, which must be possible for that many UTF-8 bytes (1 to 4 a
    character; the decoded text is checked against it when read).

    Args:
        version: the store's schema version.

    Returns:
        (what is wrong, a query counting the rows where it is) pairs.
    """
    if version < 4:
        return _ROW_CHECKS
    doc_types = _ROW_CHECKS[0][1].replace("typeof(text)!='text'", "typeof(text)!='blob'") + (
        " OR typeof(chars)!='integer' OR chars<0 OR chars>length(text) OR chars*4<length(text)"
    )
    lengths = _LENGTHS.replace("length(text)", "chars")
    return ((_ROW_CHECKS[0][0], doc_types),) + tuple(
        (what, sql.replace(_LENGTHS, lengths)) for what, sql in _ROW_CHECKS[1:]
    )


def _plain_tables(con: sqlite3.Connection, schema: set[tuple[Any, ...]]) -> bool:
    """Only our tables and indexes, by name, and no generated or hidden column in any table: what an
    older schema version must show too (its exact SQL text differs from today's)."""
    expected = {(t, n) for t, n, _, _ in _expected_schema()}
    found = {(t, n) for t, n, _, _ in schema}
    tables = {x for x in expected if x[0] == "table"}
    if not tables <= found or not found <= expected:  # our tables; nothing but our indexes besides
        return False
    try:
        for table in _TABLES:
            if any(col[6] != 0 for col in con.execute(f"PRAGMA table_xinfo({table})")):
                return False
    except sqlite3.Error:
        return False
    return True


@functools.lru_cache(maxsize=2)
def _expected_schema(version: int = SCHEMA_VERSION) -> frozenset[tuple[Any, ...]]:
    """sqlite_master as `write` makes it (schema 4: as the writer of schema 4 made it), from an empty
    in-memory store (so the SQL text is exact).

    Args:
        version: the schema version, 4 or the current one.

    Returns:
        The (type, name, tbl_name, sql) rows.
    """
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(_SCHEMA_V4 if version == 4 else _SCHEMA)
        for sql in _INDEXES:
            con.execute(sql)
        return frozenset(con.execute(_MASTER).fetchall())
    finally:
        con.close()


_PASSAGE_COLS = "pid, doc_id, start_char, end_char, paragraph, kind"
