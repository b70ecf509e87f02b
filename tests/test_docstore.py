"""The SQLite document store: round trip, invariants, damaged files; and no pickle anywhere."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from index import docstore
from index.docstore import DocRow, DocStore, PassageRow, QuoteRow, SpeakerRow
from index.errors import IndexDamaged

ROOT = Path(__file__).resolve().parents[1]

TEXT_A = "Obama said: “We will win.” The end.\n\nSecond paragraph — naïve café."
TEXT_B = "Photo: Reuters\nA short one."
DOCS = [
    DocRow(0, "/news/a.html", "Title A", "html", "a" * 64, TEXT_A, "2025-01-01T00:00:00Z"),
    DocRow(1, "/news/b.txt", "Title B", "text", "b" * 64, TEXT_B, "2025-01-02T00:00:00Z"),
]
PASSAGES = [
    PassageRow(0, 0, 0, 35, 1, "body"),
    PassageRow(1, 0, 37, len(TEXT_A), 2, "body"),
    PassageRow(2, 1, 0, 14, 1, "credit"),
    PassageRow(3, 1, 15, len(TEXT_B), 2, "body"),
]
QUOTES = [QuoteRow(0, 13, 24, "Barack Obama", "said", True), QuoteRow(1, 15, 20, "Reuters", "wrote", False)]
SPEAKERS = [SpeakerRow(0, "Barack Obama", ("Obama", "Mr Obama")), SpeakerRow(1, "Reuters", ())]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "docs.sqlite"
    docstore.write(path, DOCS, PASSAGES, QUOTES, SPEAKERS)
    return path


def test_round_trip(db: Path) -> None:
    with DocStore.open(db) as s:
        assert s.documents() == DOCS
        assert s.document(1) == DOCS[1]
        assert s.all_passages() == PASSAGES
        assert s.passages([3, 0, 3]) == [PASSAGES[3], PASSAGES[0], PASSAGES[3]]
        assert s.passages([]) == []
        assert s.quotes() == QUOTES
        assert s.speakers() == SPEAKERS
        assert s.count_passages() == 4
        assert s.passage_text(PASSAGES[0]) == "Obama said: “We will win.” The end."
        assert s.passage_text(PASSAGES[1]) == "Second paragraph — naïve café."
        assert s.passage_text(PASSAGES[2]) == "Photo: Reuters"
        # Texts are cached: asking again does not re-read the document.
        assert s.document(0) is s.document(0)
        assert s.document(0) is s.documents()[0]
        with pytest.raises(KeyError):
            s.document(99)


@pytest.mark.slow  # big input: 100,000 passages, most of a second
def test_many_passages_in_order(tmp_path: Path) -> None:
    text = "x" * 10_000
    docs = [DocRow(i, f"/d/{i}", "", "text", "0" * 64, text, "t") for i in range(50)]
    passages = [PassageRow(p, p // 2000, p % 2000, p % 2000 + 5, 1, "body") for p in range(100_000)]
    path = tmp_path / "big.sqlite"
    docstore.write(path, docs, passages, [], [])
    with DocStore.open(path) as s:
        assert s.count_passages() == 100_000
        wanted = list(range(99_999, 0, -997))
        assert [p.pid for p in s.passages(wanted)] == wanted
        assert s.all_passages()[-1] == passages[-1]


def test_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    docstore.write(path, [], [], [], [])
    with DocStore.open(path) as s:
        assert s.documents() == [] and s.all_passages() == [] and s.count_passages() == 0


@pytest.mark.parametrize(
    ("passages", "match"),
    [
        ([PassageRow(0, 0, 0, 5, 1, "body"), PassageRow(2, 0, 5, 9, 1, "body")], "pids must be 0..1"),
        ([PassageRow(1, 0, 0, 5, 1, "body"), PassageRow(2, 0, 5, 9, 1, "body")], "pids must be 0..1"),
        ([PassageRow(0, 0, 0, 5, 1, "body"), PassageRow(0, 0, 5, 9, 1, "body")], "duplicate"),
        ([PassageRow(0, 7, 0, 5, 1, "body")], "unknown document 7"),
        ([PassageRow(0, 1, 0, 500, 1, "body")], "outside its document"),
        ([PassageRow(0, 1, 5, 4, 1, "body")], "outside its document"),
    ],
)
def test_write_refuses_inconsistent_rows(tmp_path: Path, passages: list[PassageRow], match: str) -> None:
    path = tmp_path / "bad.sqlite"
    with pytest.raises(ValueError, match=match):
        docstore.write(path, DOCS, passages, [], [])
    assert not path.exists()  # no half-written store is left behind


def test_write_refuses_bad_quotes_and_speakers(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="quote"):
        docstore.write(tmp_path / "q", DOCS, PASSAGES, [QuoteRow(0, 0, 10_000, "X", "said", True)], [])
    with pytest.raises(ValueError, match="speaker"):
        docstore.write(tmp_path / "s", DOCS, PASSAGES, [], [SpeakerRow(9, "X", ())])


def test_write_never_overwrites(db: Path) -> None:
    with pytest.raises(FileExistsError):
        docstore.write(db, DOCS, PASSAGES, QUOTES, SPEAKERS)


def _other_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE documents (x)")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p, good: p.write_bytes(b""),
        lambda p, good: p.write_bytes(bytes(range(256)) * 40),
        lambda p, good: p.write_text("doc_id,source\n1,/a.txt\n" * 100),
        lambda p, good: p.write_bytes(good[: len(good) // 2]),
        lambda p, good: p.write_bytes(good[:100]),
        lambda p, good: p.write_bytes(good + b"\0" * 4096),
        lambda p, good: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000),
        lambda p, good: _other_sqlite(p),
        lambda p, good: p.mkdir(),
    ],
    ids=[
        "empty",
        "garbage",
        "text",
        "truncated-half",
        "header-only",
        "padded",
        "bad-header",
        "foreign",
        "dir",
    ],
)
def test_damaged_files(tmp_path: Path, db: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "damaged.sqlite"
    make(path, db.read_bytes())
    with pytest.raises(IndexDamaged, match="damaged.sqlite"):
        DocStore.open(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IndexDamaged):
        DocStore.open(tmp_path / "nope.sqlite")


def test_unknown_pid_means_the_index_files_disagree(db: Path) -> None:
    with DocStore.open(db) as s, pytest.raises(IndexDamaged, match="no passage 4"):
        s.passages([0, 4])


def test_store_is_opened_read_only(db: Path) -> None:
    s = DocStore.open(db)
    with pytest.raises(sqlite3.OperationalError):
        s._con.execute("DELETE FROM passages")
    s.close()
    assert DocStore.open(db).count_passages() == 4


# ------------------------------------------------------------------ no pickle anywhere

FORBIDDEN = [
    (
        re.compile(r"^\s*(import|from)\s+(c?pickle|dill|cloudpickle|joblib|shelve)\b", re.M),
        "imports a pickle module",
    ),
    (re.compile(r"^\s*import\s+.*\b(c?pickle|dill|shelve)\b", re.M), "imports a pickle module"),
    (re.compile(r"allow_pickle\s*=\s*True"), "np.load with allow_pickle=True"),
    (re.compile(r"\btorch\.load\s*\("), "torch.load"),
    (re.compile(r"\b(read_pickle|to_pickle)\s*\("), "pandas pickle"),
    (re.compile(r"\b__import__\(\s*['\"]pickle"), "imports pickle"),
]


def test_no_pickle_in_the_package() -> None:
    files = [p for pkg in ("qa", "index", "cli") for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert any(p.name == "docstore.py" for p in files)
    problems = [
        f"{p.relative_to(ROOT)}: {why}"
        for p in files
        for pattern, why in FORBIDDEN
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_the_pickle_grep_would_catch_offenders() -> None:
    samples = [
        "import pickle",
        "from pickle import loads",
        "import os, pickle",
        "np.load(f, allow_pickle=True)",
        "state = torch.load(path)",
    ]
    for sample in samples:
        assert any(p.search(sample) for p, _ in FORBIDDEN), sample
    assert not any(p.search("# no pickle here: JSON for lists") for p, _ in FORBIDDEN)


def test_damage_found_late_is_index_damaged(tmp_path: Path, db: Path) -> None:
    """Pages past the schema overwritten: opening works, reading the rows must fail cleanly."""
    good = db.read_bytes()
    page = int.from_bytes(good[16:18], "big")
    path = tmp_path / "late.sqlite"
    path.write_bytes(good[:page] + b"\xff" * (len(good) - page))
    with pytest.raises(IndexDamaged, match="late.sqlite is damaged"):
        s = DocStore.open(path)
        s.all_passages()
        s.documents()


def test_document_metadata_round_trip(tmp_path: Path) -> None:
    from index.model import DocMeta

    meta = DocMeta(title="T", author="Jane Doe", date="2024-03-05", url="https://x.example/a", sitename="X")
    path = tmp_path / "docs.sqlite"
    row = DocRow(0, "/n/a.html", "T", "html", "a" * 64, "Text.", "t", json.dumps(meta.to_json()))
    docstore.write(path, [row], [PassageRow(0, 0, 0, 5, 1, "body")], [], [])
    with DocStore.open(path) as s:
        assert s.documents()[0].doc_meta() == meta
    # garbage in the column reads as no metadata, not as a crash
    assert DocRow(0, "/a", "", "text", "", "", "", "not json").doc_meta() == DocMeta()


def test_schema_1_store_is_still_read(tmp_path: Path) -> None:
    """A document store written before documents had metadata opens, with none."""
    from index.model import DocMeta

    path = tmp_path / "docs.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={docstore.APPLICATION_ID}")
    con.execute("PRAGMA user_version=1")
    con.executescript(_schema_3().replace(", meta TEXT NOT NULL", ""))
    con.execute("INSERT INTO documents VALUES (0, '/a.txt', 'A', 'text', 'x', 'Hello.', 't')")
    con.execute("INSERT INTO passages VALUES (0, 0, 0, 6, 1, 'body')")
    con.commit()
    con.close()
    with DocStore.open(path) as s:
        [doc] = s.documents()
        assert doc.text == "Hello." and doc.doc_meta() == DocMeta()


def _schema_3() -> str:
    """The documents table as schema 3 wrote it: the text as TEXT, no length column."""
    schema = docstore._SCHEMA_V4.replace("text BLOB NOT NULL", "text TEXT NOT NULL")
    return schema.replace(",\n    chars INTEGER NOT NULL", "")


def test_schema_3_store_is_still_read(tmp_path: Path) -> None:
    """A document store of index format 4 (texts as TEXT values) opens, reads, and is checked as before."""
    path = tmp_path / "docs.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={docstore.APPLICATION_ID}")
    con.execute("PRAGMA user_version=3")
    con.executescript(_schema_3())
    for sql in docstore._INDEXES:
        con.execute(sql)
    con.execute("INSERT INTO documents VALUES (0, '/a.txt', 'A', 'text', 'x', ?, 't', '{}')", (TEXT_A,))
    con.execute("INSERT INTO passages VALUES (0, 0, 0, ?, 1, 'body')", (len(TEXT_A),))
    con.commit()
    con.close()
    with DocStore.open(path) as s:
        [doc] = s.documents()
        assert doc.text == TEXT_A
        assert s.passage_text(s.all_passages()[0]) == TEXT_A
    con = sqlite3.connect(path)
    con.execute("UPDATE passages SET end_char = ?", (len(TEXT_A) + 1,))  # counted in characters
    con.commit()
    con.close()
    with pytest.raises(IndexDamaged, match="outside its document"):
        DocStore.open(path)


def test_texts_are_stored_as_utf8_blobs_and_spans_counted_in_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 4: the text's UTF-8 bytes, written in pieces (here 7 characters, so pieces end inside
    multi-byte runs of the text and between them), read back equal; `chars` is its length."""
    monkeypatch.setattr(docstore, "_WRITE_CHARS", 7)
    odd = "Caf\u00e9 \U0001f600 \ud800 lone surrogate, \u2019quoted\u2019 " * 5
    rows = [
        DOCS[0],
        DOCS[1],
        DocRow(2, "/c.txt", "C", "text", "c" * 64, odd, "t"),
        DocRow(3, "/e", "", "text", "", "", "t"),
    ]
    passages = PASSAGES + [PassageRow(4, 2, 0, len(odd), 1, "body")]
    path = tmp_path / "docs.sqlite"
    docstore.write(path, rows, passages, [], [])
    con = sqlite3.connect(path)
    stored = con.execute("SELECT typeof(text), length(text), chars FROM documents ORDER BY doc_id").fetchall()
    con.close()
    assert stored == [("blob", len(d.text.encode("utf-8", "surrogatepass")), len(d.text)) for d in rows]
    with DocStore.open(path) as s:
        assert s.documents() == rows
        assert s.passage_text(s.all_passages()[4]) == odd


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("UPDATE documents SET chars = chars + 1 WHERE doc_id = 0", "wrong length"),
        ("UPDATE documents SET text = CAST(x'ff' || substr(text, 2) AS BLOB) WHERE doc_id = 1", "not UTF-8"),
        ("UPDATE documents SET chars = 10000 WHERE doc_id = 1", "wrong types"),
        ("UPDATE documents SET text = 'Hello' WHERE doc_id = 1", "wrong types"),
    ],
)
def test_a_stored_text_that_disagrees_with_its_length_is_damage(db: Path, sql: str, words: str) -> None:
    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()
    with pytest.raises(IndexDamaged, match=words):
        with DocStore.open(db) as s:
            s.documents()


def test_the_text_is_the_last_column_so_sqlite_never_makes_it_whole(tmp_path: Path) -> None:
    """Schema 5: SQLite keeps zeroblob(n) unexpanded only at the end of a record. With the text in the
    middle (schema 4) it made the n zero bytes and the record around them: +58 MB RSS storing a 30 MB
    text, 0.5 MB with it last (bench/reports/index_scale.txt, fourth pass; SQLite's memory is not
    traced, so the check is of the layout that bounds it)."""
    path = tmp_path / "docs.sqlite"
    docstore.write(path, DOCS, PASSAGES, [], [])
    con = sqlite3.connect(path)
    try:
        columns = [row[1] for row in con.execute("PRAGMA table_info(documents)")]
        assert con.execute("PRAGMA user_version").fetchone()[0] == docstore.SCHEMA_VERSION == 5
    finally:
        con.close()
    assert columns[-1] == "text"
    with DocStore.open(path) as s:
        assert [d.text for d in s.documents()] == [d.text for d in DOCS]


def test_schema_4_store_is_still_read_and_checked_exactly(tmp_path: Path) -> None:
    """A store of index format 5 (text in the middle of the row) opens; its schema is still compared
    with schema 4's SQL text exactly, so a crafted column is refused as before."""
    for extra, ok in (("", True), (",\n    evil TEXT", False)):
        path = tmp_path / f"v4{ok}.sqlite"
        con = sqlite3.connect(path)
        con.execute(f"PRAGMA application_id={docstore.APPLICATION_ID}")
        con.execute("PRAGMA user_version=4")
        con.executescript(
            docstore._SCHEMA_V4.replace("chars INTEGER NOT NULL\n", f"chars INTEGER NOT NULL{extra}\n")
        )
        for sql in docstore._INDEXES:
            con.execute(sql)
        cols = "doc_id, source, title, format, sha256, text, indexed_at, meta, chars"
        con.execute(
            f"INSERT INTO documents ({cols}) VALUES (0, '/a.txt', 'A', 'text', 'x', ?, 't', '{{}}', ?)",
            (TEXT_A.encode("utf-8"), len(TEXT_A)),
        )
        con.execute("INSERT INTO passages VALUES (0, 0, 0, ?, 1, 'body')", (len(TEXT_A),))
        con.commit()
        con.close()
        if ok:
            with DocStore.open(path) as s:
                assert s.documents()[0].text == TEXT_A
        else:
            with pytest.raises(IndexDamaged, match="not a qa document store"):
                DocStore.open(path)
