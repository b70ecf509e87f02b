# ruff: noqa: F811 - the fixtures imported from test_bad_input are parameters here
"""The bad-input matrix, continued (issue 10): nothing to index, hostile names and bytes, failing
outputs, concurrency, and crafted index folders whose manifest was resealed with valid checksums.

Every case: the exact input, a one-line message, the documented exit code, and the current
generation byte-for-byte what it was before wherever the command fails. Cases that need a real
process (argv bytes, closed pipes, /dev/full, locks, other users) run `qa` as a subprocess.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from test_bad_input import (  # noqa: F401 - fixtures
    DOC_A,
    DOC_B,
    FAKE,
    base_index,
    gen_file,
    generation_digest,
    index_copy,
    invoke,
    one_error_line,
)

from index import store, vectors
from index.store import DOCSTORE, VECTORS

REPO = Path(__file__).resolve().parent.parent
QUESTION = "When does the morning ferry leave?"


def qa(
    *args: str | bytes, input: bytes | None = None, timeout: float = 120, **kw: Any
) -> subprocess.CompletedProcess:
    """Run the real `qa` in a subprocess (same QA_HOME, so the exported model is reused)."""
    code = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        input=input,
        stdout=kw.pop("stdout", subprocess.PIPE),
        stderr=kw.pop("stderr", subprocess.PIPE),
        timeout=timeout,
        env=dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false"),
        **kw,
    )


def err_line(proc: subprocess.CompletedProcess) -> str:
    text = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def _one_new_document(tmp_path: Path) -> Path:
    """A folder `new` holding one short document, for the updates these tests try over a bad index.

    Args:
        tmp_path: the test's folder.

    Returns:
        The folder.
    """
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "n.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    return folder


def _corrupt_script() -> ModuleType:
    """scripts/corrupt.py, whose `reseal` is the attacker's: these tests reseal as it does."""
    spec = importlib.util.spec_from_file_location("corrupt", REPO / "scripts" / "corrupt.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_CORRUPT = _corrupt_script()


def reseal(index_dir: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Re-hash every file of the current generation and reseal the manifest, as an attacker can."""
    _CORRUPT.reseal(index_dir, edit or (lambda data: None), rehash=True)


def assert_refused(index_dir: Path, code: int = 5, *words: str) -> str:
    before = generation_digest(index_dir)
    line = ""
    for command in (["ask", QUESTION], ["docs"], ["quotes"], ["speakers"]):
        r = invoke(*command, "--index", str(index_dir))
        assert r.exit_code == code, (command, r.stdout, r.stderr)
        line = one_error_line(r)
        assert line.startswith("qa: error: "), line
        for w in words:
            assert w in line, line
    assert generation_digest(index_dir) == before
    return line


# --------------------------------------------------------------------------- 1. nothing to index


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({}, "no .txt, .md or .html files"),
        ({"empty.txt": b""}, "empty file"),
        ({"paper.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"}, "unsupported file type .pdf"),
        ({"blob.txt": b"\x00\x01\x02binary" * 10}, "binary file"),
    ],
    ids=["empty-folder", "empty-file", "pdf", "binary"],
)
def test_nothing_to_index(
    qa_home: Path, index_copy: Path, tmp_path: Path, files: dict[str, bytes], reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    fresh = tmp_path / "fresh-index"
    r = invoke("index", str(folder), "--index", str(fresh))
    assert r.exit_code == 7
    line = one_error_line(r)
    assert line.startswith(f"qa: error: nothing to index in {folder}") and reason in line
    assert not fresh.exists()  # a failed first run leaves no folder behind
    before = generation_digest(index_copy)
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 7 and reason in one_error_line(r)
    assert generation_digest(index_copy) == before


@pytest.mark.slow  # real processes: seconds each
def test_removing_the_last_document_leaves_an_empty_index(qa_home: Path, tmp_path: Path) -> None:
    """Like `git rm` of the last file: the index becomes empty; questions abstain (exit 1)."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "owls.txt").write_text("Barn owls hunt at dusk over the marsh.\n", encoding="utf-8")
    idx = tmp_path / "index"
    assert invoke("index", str(folder), "--index", str(idx)).exit_code == 0
    (folder / "owls.txt").unlink()
    r = invoke("index", str(folder), "--index", str(idx), "--json")
    assert r.exit_code == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["removed"] == 1 and rep["documents"] == 0 and rep["passages"] == 0
    r = invoke("docs", "--index", str(idx), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == []
    r = invoke("ask", "When do barn owls hunt?", "--index", str(idx), "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["abstained"] is True
    # Nothing left to remove and nothing to add: an error, the empty index kept as it is.
    before = generation_digest(idx)
    r = invoke("index", str(folder), "--index", str(idx))
    assert r.exit_code == 7 and "nothing to index" in one_error_line(r)
    assert generation_digest(idx) == before
    (folder / "owls.txt").write_text("Tawny owls call at night.\n", encoding="utf-8")
    r = invoke("index", str(folder), "--index", str(idx), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 1


# --------------------------------------------------------------------------- 2. file names that are not UTF-8


@pytest.mark.slow  # real processes: seconds each
def test_non_utf8_file_name(qa_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # 'caf\udce9.txt'
    (folder / name).write_text("The bakery on the quay opens at six every morning.\n", encoding="utf-8")
    (folder / "plain.txt").write_text("The ferry leaves the pier at seven.\n", encoding="utf-8")
    idx = tmp_path / "index"
    r = qa("index", os.fsencode(folder), "--index", os.fsencode(idx))
    assert r.returncode == 0, r.stderr
    for args in (["docs"], ["ask", "When does the bakery open?"]):
        human = qa(*args, "--index", str(idx))
        assert human.returncode == 0, human.stderr
        assert b"caf\\udce9.txt" in human.stdout  # shown escaped, never as raw bytes
        out = qa(*args, "--index", str(idx), "--json")
        data = json.loads(out.stdout)
        text = json.dumps(data)
        assert "caf\\udce9.txt" in text
    # The name round-trips: re-indexing finds the document unchanged, nothing re-embedded.
    r = qa("index", os.fsencode(folder), "--index", os.fsencode(idx), "--json")
    rep = json.loads(r.stdout)
    assert rep["unchanged"] == 2 and rep["embedded"] == 0 and rep["added"] == 0


# --------------------------------------------------------------------------- 3. invalid UTF-8 input


def test_invalid_utf8_question(base_index: Path) -> None:
    r = qa("ask", b"When does the morning ferry \xff\xfe leave?", "--index", str(base_index), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["question"] == "When does the morning ferry \ufffd\ufffd leave?"
    assert "07:15" in out["passages"][0]["text"]


@pytest.mark.slow  # real processes: seconds each
def test_invalid_utf8_in_piped_chat(base_index: Path) -> None:
    lines = b"When does the morning ferry leave?\nWhen does the \xff library reopen?\n/quit\n"
    r = qa("chat", "--index", str(base_index), "--json", input=lines)
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(out) == 3 and all("error" not in o for o in out[:2]), out
    assert "21 April" in out[1]["passages"][0]["text"]
    # Read as `qa ask` reads its argument: U+FFFD, never a lone surrogate ("\udcff") in the JSON,
    # which strict parsers (serde_json, Go's encoding/json with validation) refuse.
    assert out[1]["question"] == "When does the \ufffd library reopen?"
    assert b"\\udc" not in r.stdout


# --------------------------------------------------------------------------- 4, 13. outputs that fail


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["ask", QUESTION], ["ask", QUESTION, "--json"], ["docs"], ["speakers", "--json"]]
)
@pytest.mark.slow  # real processes: seconds each
def test_output_to_a_full_device(base_index: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        r = qa(*args, "--index", str(base_index), stdout=full, stderr=subprocess.PIPE)
    assert r.returncode == 8
    assert err_line(r) == "qa: error: cannot write the output: no space left on device"


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize("args", [["ask", QUESTION, "--k", "5"], ["ask", QUESTION, "--json"], ["docs"]])
def test_closed_pipe_ends_quietly(base_index: Path, args: list[str]) -> None:
    """`qa ask ... | head -0`: the reader is gone before we write; exit 141 as Unix tools, no message."""
    code = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"
    p = subprocess.Popen(
        [sys.executable, "-c", code, *args, "--index", str(base_index)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 141
    assert err == b""


@pytest.mark.slow  # real processes: seconds each
def test_closed_pipe_in_chat(base_index: Path) -> None:
    code = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"
    p = subprocess.Popen(
        [sys.executable, "-c", code, "chat", "--json", "--index", str(base_index)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    assert p.stdin is not None and p.stdout is not None and p.stderr is not None
    p.stdout.close()
    p.stdin.write(((QUESTION + "\n") * 3).encode())
    p.stdin.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 141 and err == b""


_FSIZE_CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG, like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from cli.main import run
sys.argv = ["qa", *sys.argv[2:]]
run()
"""


def test_vectors_write_fails(index_copy: Path, tmp_path: Path) -> None:
    """faiss reports a failed write as a RuntimeError: still exit 8, one line, the old index intact."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = "\n\n".join(f"Report {i}: the {i}th buoy was repainted in week {i % 52}." for i in range(120))
    (folder / "buoys.txt").write_text(text + "\n", encoding="utf-8")
    before = generation_digest(index_copy)
    r = subprocess.run(
        [sys.executable, "-c", _FSIZE_CHILD, "40000", "index", str(folder), "--index", str(index_copy)],
        cwd=REPO,
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HF_HUB_OFFLINE="1", PYTHONDONTWRITEBYTECODE="1"),
    )
    assert r.returncode == 8, r.stderr
    line = err_line(r)
    assert "file too large" in line and "previous index is intact" in line
    assert generation_digest(index_copy) == before
    assert not [n for n in os.listdir(index_copy) if n.startswith("tmp-")]


def test_faiss_disk_full_message(index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk was full while faiss wrote; by the time we look, removing the staging folder freed it."""
    import faiss

    def full(index: Any, path: str) -> None:
        raise RuntimeError(
            f"Error in faiss::FileIOWriter: write error in {path}: 1 != 2 (No space left on device)"
        )

    monkeypatch.setattr(faiss, "write_index", full)
    folder = _one_new_document(tmp_path)
    before = generation_digest(index_copy)
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 8
    assert "no space left on device" in one_error_line(r)
    assert generation_digest(index_copy) == before


# --------------------------------------------------------------------------- 5. malformed gold files


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"question": "When?", "answers": 5}', "'answers' must be a list of strings"),
        (b'{"question": "When?", "answers": "Xylophone quartet"}', "'answers' must be a list of strings"),
        (b'{"question": "When?", "history": 5}', "'history' must be a list of strings"),
        (b'{"question": "When?", "history": [1, 2]}', "'history' must be a list of strings"),
        (b'{"question": "When?", "answerable": "no"}', "'answerable' must be true or false"),
        (b'{"question": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "not valid JSON"),
        (b'{"question": "When?", "id": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b'{"question": "When?", "id": ' + b"9" * 40 + b"}", "'id' must be a short string or an integer"),
        (b'{"question": "When?", "id": 1.5}', "'id' must be a short string or an integer"),
        (b'{"question": "When?", "id": NaN}', "'id' must be a short string or an integer"),
        (
            b'{"question": "When?", "answers": [""]}',
            "'answers' holds an empty string (it would match every passage)",
        ),
        (
            b'{"question": "When?", "answers": ["07:15", "  "]}',
            "'answers' holds an empty string (it would match every passage)",
        ),
        (b'{"question": "When?", "answers": {"a": "07:15"}}', "'answers' must be a list of strings"),
        (b'{"question": "When?", "answers": null}', "'answers' must be a list of strings"),
        (b'{"question": "When?", "answers": [7, 15]}', "'answers' must be a list of strings"),
        (b'{"question": "When?", "history": "When does it open?"}', "'history' must be a list of strings"),
        (b'{"question": "When\xff?"}', "not valid UTF-8"),
        (b'{"question": 5}', "not a gold item (want JSON with at least 'question')"),
        (b'{"question": "   "}', "'question' is empty"),
    ],
    ids=[
        "answers-int",
        "answers-string",
        "history-int",
        "history-ints",
        "answerable-string",
        "deep-nesting",
        "huge-int-id",
        "big-id",
        "float-id",
        "nan-id",
        "answers-empty-string",
        "answers-blank-string",
        "answers-dict",
        "answers-null",
        "answers-numbers",
        "history-string",
        "bad-utf8",
        "question-int",
        "question-blank",
    ],
)
def test_malformed_gold_file(base_index: Path, tmp_path: Path, line: bytes, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"question": "When does the ferry leave?", "answers": ["07:15"]}\n' + line + b"\n")
    before = generation_digest(base_index)
    r = invoke("eval", str(gold), "--index", str(base_index))
    assert r.exit_code == 7
    assert one_error_line(r) == f"qa: error: {gold}:2: {message}"
    assert generation_digest(base_index) == before


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + b'{"question": "When does the ferry leave?", "answers": ["07:15"]}\n',
        b'{"question": "When does the ferry leave?", "answers": ["07:15"]}\r\n'
        b'{"question": "When does the library reopen?", "answers": ["21 April"]}\r\n',
        b"\xef\xbb\xbf" + b'{"question": "When does the ferry leave?", "answers": ["07:15"]}\r\n',
    ],
    ids=["bom", "crlf", "bom-crlf"],
)
def test_gold_file_from_windows(base_index: Path, tmp_path: Path, data: bytes) -> None:
    """A byte-order mark (Notepad's UTF-8) and CRLF line ends are read as jq reads them."""
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(data)
    r = invoke("eval", str(gold), "--index", str(base_index), "--json")
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["items"] == data.count(b"\n") and report["hit1"] == 1.0


# --------------------------------------------------------------------------- 6, 9, 11. inconsistent and crafted data files


def _flat_vectors(index_dir: Path, matrix: np.ndarray) -> None:
    import faiss

    # The kind an exact index is stored as (format 4: float16 codes).
    ix = faiss.IndexScalarQuantizer(
        matrix.shape[1], faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
    )
    ix.add(np.ascontiguousarray(matrix, dtype=np.float32))
    path = gen_file(index_dir, VECTORS)
    path.unlink()
    faiss.write_index(ix, str(path))


def _vectors(index_dir: Path) -> np.ndarray:
    import faiss

    ix = faiss.read_index(str(gen_file(index_dir, VECTORS)))
    return np.asarray(ix.reconstruct_n(0, ix.ntotal))


def _ann_vectors(index_dir: Path, kind: str) -> None:
    """The vectors as an IVF or HNSW index over float32 rows, one of them NaN (the manifest says so).

    FAISS files a NaN vector under no IVF list: 6 counted, 5 listed, and the sixth was a faiss
    RuntimeError traceback when fetched; HNSW stores it and every score near it is NaN (round 32).
    """
    import faiss

    x = _vectors(index_dir)
    if kind == "ivf":
        ix = faiss.IndexIVFFlat(faiss.IndexFlatIP(x.shape[1]), x.shape[1], 1, faiss.METRIC_INNER_PRODUCT)
        ix.train(x)
        ann: dict[str, Any] = {"type": "ivf", "nlist": 1, "nprobe": 1}
    else:
        ix = faiss.IndexHNSWFlat(x.shape[1], 4, faiss.METRIC_INNER_PRODUCT)
        ann = {"type": "hnsw", "M": 4}
    x = x.copy()
    x[0] = np.nan
    ix.add(x)
    path = gen_file(index_dir, VECTORS)
    path.unlink()
    faiss.write_index(ix, str(path))
    reseal(index_dir, lambda d: d.update(ann=ann))


def _sql(index_dir: Path, *statements: str) -> None:
    con = sqlite3.connect(gen_file(index_dir, DOCSTORE))
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda ix: _flat_vectors(ix, _vectors(ix)[:-1]), ["vectors", "passages"]),
        (lambda ix: _flat_vectors(ix, np.vstack([_vectors(ix)] * 2)), ["vectors", "passages"]),
        (lambda ix: _flat_vectors(ix, _vectors(ix)[:, :100]), ["100 dims"]),
        (lambda ix: _flat_vectors(ix, _vectors(ix) * np.nan), ["NaN"]),
        (lambda ix: _flat_vectors(ix, np.full_like(_vectors(ix), np.inf)), ["NaN or infinite"]),
        (lambda ix: _sql(ix, "UPDATE passages SET doc_id = 99 WHERE pid = 0"), ["outside its document"]),
        (
            lambda ix: _sql(ix, "UPDATE passages SET end_char = 10000000 WHERE pid = 0"),
            ["outside its document"],
        ),
        (lambda ix: _sql(ix, "UPDATE passages SET start_char = 'x' WHERE pid = 0"), ["malformed"]),
        (lambda ix: _sql(ix, "UPDATE passages SET pid = 50 WHERE pid = 0"), ["passage ids"]),
        (
            lambda ix: _sql(
                ix,
                "INSERT INTO quotes (doc_id, start_char, end_char, speaker, verb, direct, source_text, mention_start, mention_end)"
                " VALUES (7, 0, 5, 'X', 'said', 1, 'X', -1, -1)",
            ),
            ["quote row"],
        ),
        (
            lambda ix: _sql(
                ix,
                "ALTER TABLE documents ADD COLUMN big BLOB GENERATED ALWAYS AS (zeroblob(2000000000)) VIRTUAL",
            ),
            ["not a qa document store"],
        ),
        (lambda ix: _sql(ix, "CREATE VIEW v AS SELECT 1"), ["not a qa document store"]),
        (lambda ix: _sql(ix, "CREATE TABLE evil (x BLOB)"), ["not a qa document store"]),
        (lambda ix: _ann_vectors(ix, "ivf"), ["listed vectors"]),
        (lambda ix: _ann_vectors(ix, "hnsw"), ["NaN or infinite"]),
        (lambda ix: _sql(ix, "CREATE TRIGGER t AFTER INSERT ON documents BEGIN SELECT 1; END"), ["not a qa"]),
    ],
    ids=[
        "fewer-vectors",
        "more-vectors",
        "other-dimension",
        "nan-vectors",
        "inf-vectors",
        "bad-doc-id",
        "span-outside",
        "text-offset",
        "pid-gap",
        "quote-doc-id",
        "generated-column",
        "view",
        "extra-table",
        "ivf-nan-vector",
        "hnsw-nan-vector",
        "trigger",
    ],
)
def test_inconsistent_data_files(index_copy: Path, change: Callable[[Path], None], words: list[str]) -> None:
    change(index_copy)
    reseal(index_copy)
    assert_refused(index_copy, 5, "--rebuild", *words)


def _bm25(index_dir: Path, name: str, edit: Callable[[Any], Any]) -> None:
    path = store.current(index_dir) / "bm25" / name
    if name.endswith(".npy"):
        np.save(path, edit(np.load(path)), allow_pickle=False)
        if not str(path).endswith(".npy"):
            Path(str(path) + ".npy").rename(path)
    else:
        data = json.loads(path.read_text())
        edit(data)
        path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("name", "edit"),
    [
        ("params.index.json", lambda d: d.update(num_docs=100_000_000)),
        ("params.index.json", lambda d: d.update(num_docs=1_000_000_000)),
        ("df.json", lambda d: d.update(n=1_000_000_000)),
        ("df.json", lambda d: d["df"].update(ferry=-5)),
        ("data.csc.index.npy", lambda a: a * np.nan),
        ("indices.csc.index.npy", lambda a: a + 1_000_000),
        # Round 32: finite numbers whose sum overflows float32 (3e38 each: a three-word question's
        # score was inf, then NaN in the ranking), and scores in float16 (60000 + 60000 = inf).
        ("data.csc.index.npy", lambda a: np.full_like(a, 3e38)),
        ("data.csc.index.npy", lambda a: np.full(a.shape, 6e4, dtype=np.float16)),
    ],
    ids=[
        "num-docs-1e8",
        "num-docs-1e9",
        "df-n",
        "df-negative",
        "nan-scores",
        "rows-outside",
        "overflowing-scores",
        "float16-scores",
    ],
)
def test_crafted_bm25(index_copy: Path, name: str, edit: Callable[[Any], Any]) -> None:
    _bm25(index_copy, name, edit)
    reseal(index_copy)
    assert_refused(index_copy, 5, "bm25")


@pytest.mark.slow  # real processes: seconds each
def test_many_quotes_over_many_passages_is_linear(qa_home: Path, tmp_path: Path) -> None:
    """The issue's 10,000 quotes each spanning a document of 10,000 passages (9.2 s and 984 MB once;
    2,000 x 2,000 until round 32): bounded work and memory, the index still answers."""
    import tracemalloc

    n = 10_000
    folder = tmp_path / "q"
    folder.mkdir()
    body = "\n\n".join(f"Paragraph {i} says the tide turned at {i % 12} o'clock." for i in range(n))
    (folder / "tides.txt").write_text(body + "\n", encoding="utf-8")
    idx = tmp_path / "index"
    # The hash embedder: 10k passages of the real model are minutes, and the quotes are the case.
    assert invoke("index", str(folder), "--index", str(idx), "--model", FAKE).exit_code == 0
    con = sqlite3.connect(gen_file(idx, DOCSTORE))
    length = con.execute("SELECT length(text) FROM documents").fetchone()[0]
    con.executemany(
        "INSERT INTO quotes (doc_id, start_char, end_char, speaker, verb, direct, source_text, mention_start, mention_end)"
        " VALUES (0, 0, ?, 'X', 'said', 1, 'X', -1, -1)",
        [(length,)] * n,
    )
    con.commit()
    con.close()
    reseal(idx, lambda d: d["counts"].update(quotes=d["counts"].get("quotes", 0) + n))
    from qa.engine import Engine

    tracemalloc.start()
    engine = Engine.open(idx)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert max(len(v) for v in engine.quotes_by_passage.values()) == n
    assert sum(len(v) for v in engine.quotes_by_passage.values()) <= n * 64
    # Python's share of opening it stays within 64 quote-passage pairs a quote and the index's own
    # rows: 10k x 10k pairs were 984 MB.
    assert peak < 200 * 2**20, peak
    r = invoke("ask", "When did the tide turn in paragraph 1234?", "--index", str(idx), "--json")
    assert r.exit_code in (0, 1), r.stderr


# --------------------------------------------------------------------------- 10. resealed manifest, hostile values


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda d: d.update(model_fingerprint="/tmp/evil-model"), ["model_fingerprint"]),
        (lambda d: d.update(model_fingerprint="../../../../tmp/x"), ["model_fingerprint"]),
        (lambda d: d.update(model_fingerprint=""), ["model_fingerprint"]),
        (lambda d: d.update(dim=10**12), ["'dim'"]),
        (lambda d: d.update(dim=-3), ["'dim'"]),
        (lambda d: d.update(ann={"type": "ivf", "nlist": 16, "nprobe": 10**30}), ["'ann'"]),
        (lambda d: d.update(ann={"type": "ivf", "nlist": 16, "nprobe": 0}), ["'ann'"]),
        (lambda d: d.update(ann={"type": "../../x"}), ["'ann'"]),
        (lambda d: d.update(ann={"type": "flat", "nprobe": 3}), ["'ann'"]),
        (lambda d: d.update(counts={"documents": 2, "passages": -1}), ["'counts'"]),
        (lambda d: d.update(counts={"documents": 10**30}), ["'counts'"]),
        (lambda d: d["extra"].update(lexical=10**30), ["lexical"]),
        (lambda d: d["extra"].update(quantized="yes"), ["quantized"]),
        (lambda d: d["chunker"].update(max_chars=[1] * 5), ["chunker"]),
        (lambda d: d.update(documents={"/a": "not-a-sha"}), ["documents"]),
        (lambda d: d.update(model="x\x00y"), ["'model'"]),
        (
            lambda d: d["files"].update({"../../etc/passwd": {"size": 1, "xxh3": "0" * 32}}),
            ["plain relative path"],
        ),
        (lambda d: d["files"][VECTORS].update(size=2**62), ["malformed"]),
        # JSON's NaN (not JSON: no canonical form, so no checksum matches) and a float where a
        # whole number belongs
        (lambda d: d.update(dim=float("nan")), []),
        (lambda d: d.update(dim=384.0), ["'dim'"]),
        (lambda d: d["counts"].update(passages=float("nan")), []),
        (lambda d: d["files"][VECTORS].update(size=float("nan")), []),
        (lambda d: d["chunker"].update(max_chars=float("inf")), []),
        (lambda d: d["files"][VECTORS].update(evil=1), ["malformed"]),
    ],
)
def test_resealed_manifest_with_hostile_values(
    index_copy: Path, edit: Callable[[dict[str, Any]], None], words: list[str]
) -> None:
    reseal(index_copy, edit)
    assert_refused(index_copy, 5, "manifest", *words)


@pytest.mark.parametrize(
    "model", ["/tmp/evil-model", "../../../../tmp/evil", "~/models/x", "org/name/../../x", "org\\name"]
)
def test_a_model_folder_named_by_the_index_is_never_opened(
    index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: str
) -> None:
    """Issue 10 case 10, round 32: with its export not in the cache, `qa ask` exported the folder a
    resealed manifest named (torch, ~40 s) into the user's cache, and `qa index` did on an update.
    Now neither looks a folder up: exit 4, one line naming --model, the index unchanged."""
    from index import embed

    def opened(*_a: Any, **_k: Any) -> None:
        raise AssertionError("a model folder named by the index was looked up")

    monkeypatch.setattr(embed, "resolve_model", opened)
    monkeypatch.setattr(embed.OnnxEmbedder, "load", opened)
    reseal(index_copy, lambda d: d.update(model=model, model_fingerprint="0" * 32))
    before = generation_digest(index_copy)
    r = invoke("ask", QUESTION, "--index", str(index_copy), "--json")
    assert r.exit_code == 4
    assert "--model FOLDER" in one_error_line(r)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "pier.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 4
    assert "--model FOLDER" in one_error_line(r)
    assert generation_digest(index_copy) == before


def test_names_a_folder() -> None:
    from index.embed import DEFAULT_MODEL, names_a_folder

    assert not names_a_folder(DEFAULT_MODEL)
    assert not names_a_folder("sentence-transformers/all-mpnet-base-v2")  # a hub id
    for name in ("/tmp/m", "./m", "../m", "~/m", "a/b/c", "a\\b", "tests"):  # tests: a folder here
        assert names_a_folder(name), name


def test_an_index_built_with_a_model_folder_uses_its_cached_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`qa index --model FOLDER` records the folder: with its export cached, the index answers and
    updates without the folder being looked up (only an uncached one is refused)."""
    from index import embed

    def opened(*_a: Any, **_k: Any) -> None:
        raise AssertionError("the folder was looked up")

    got: list[Path] = []
    monkeypatch.setattr(embed, "resolve_model", opened)
    monkeypatch.setattr(embed.OnnxEmbedder, "load", opened)
    monkeypatch.setattr(
        embed.OnnxEmbedder,
        "from_cache",
        classmethod(lambda cls, folder, **_k: got.append(folder) or "export"),
    )
    assert embed.from_index("/home/me/models/mine", "ab" * 16, tmp_path) == "export"
    assert got == [tmp_path / ("ab" * 16)]


def _overflowing_vectors(index_dir: Path) -> None:
    """Finite float32 vectors (3e38) whose dot product with any question overflows to inf."""
    import faiss

    x = _vectors(index_dir)
    ix = faiss.IndexFlatIP(x.shape[1])
    ix.add(np.full_like(x, 3e38))
    path = gen_file(index_dir, VECTORS)
    path.unlink()
    faiss.write_index(ix, str(path))
    reseal(index_dir, lambda d: d.update(ann={"type": "flat", "storage": "flat"}))


@pytest.mark.parametrize(
    "prepare",
    [
        _overflowing_vectors,
        lambda ix: (_bm25(ix, "data.csc.index.npy", lambda a: np.full_like(a, 3e38)), reseal(ix)),
    ],
    ids=["vectors", "bm25"],
)
def test_every_json_output_is_valid_json_or_one_error_line(
    index_copy: Path, tmp_path: Path, prepare: Callable[[Path], None]
) -> None:
    """Issue 10 case 9: ask --json, chat --json, docs/quotes/speakers --json and eval either print
    JSON that a strict reader (no NaN, no Infinity) parses, or fail with one line and exit 5; no
    RuntimeWarning on stderr, and eval never scores non-finite numbers."""
    prepare(index_copy)
    before = generation_digest(index_copy)
    question = "ferry ferry morning ferry timetable"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g1", "question": question, "answers": ["6:40"]}) + "\n", encoding="utf-8"
    )

    def strict(text: str) -> None:
        for line in filter(str.strip, text.splitlines()):
            json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in JSON output"))

    ix = ["--index", str(index_copy)]
    for args, stdin in (
        (["ask", question, "--json"], None),
        (["chat", "--json"], question + "\n"),
        (["docs", "--json"], None),
        (["quotes", "--json"], None),
        (["speakers", "--json"], None),
        (["eval", str(gold)], None),
    ):
        r = invoke(*args, *ix, input=stdin)
        if r.exit_code in (0, 1):
            assert "Warning" not in r.stderr, (args, r.stderr)
            if args[0] != "eval":
                strict(r.stdout)
            else:
                assert "nan" not in r.stdout.lower(), r.stdout
        else:
            assert r.exit_code == 5, (args, r.exit_code, r.stderr)
            assert "is damaged" in one_error_line(r)
    assert generation_digest(index_copy) == before


# --------------------------------------------------------------------------- 12. FIFOs where files belong


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize(
    "target",
    # Round 32: each data file too (the issue names CURRENT and manifest.json; a FIFO there would
    # hang the reader of that file as surely).
    ["CURRENT", "manifest.json", "docs.sqlite", "vectors.faiss", "bm25/data.csc.index.npy", "bm25/df.json"],
)
def test_fifo_instead_of_a_file(index_copy: Path, tmp_path: Path, target: str) -> None:
    path = index_copy / store.CURRENT if target == "CURRENT" else gen_file(index_copy, target)
    path.unlink()
    os.mkfifo(path)
    for args in (["ask", QUESTION], ["docs"]):
        r = qa(*args, "--index", str(index_copy), timeout=60)
        assert r.returncode == 5
        assert "not a regular file" in err_line(r)
    folder = _one_new_document(tmp_path)
    # The hash embedder, as the index was built: with CURRENT unreadable the rebuild would take the
    # default model, whose export in a fresh QA_HOME outlasted the timeout on a loaded machine.
    r = qa("index", str(folder), "--index", str(index_copy), "--model", FAKE, timeout=120)
    assert r.returncode == 5 and "--rebuild" in err_line(r)
    # The lock was released: a rebuild goes through.
    r = qa("index", str(folder), "--index", str(index_copy), "--rebuild", "--model", FAKE, timeout=120)
    assert r.returncode == 0, r.stderr


# --------------------------------------------------------------------------- 7. updating a damaged index


@pytest.mark.parametrize("target", [VECTORS, DOCSTORE, store.MANIFEST, "CURRENT", "no-CURRENT"])
def test_update_over_a_damaged_index_is_refused(index_copy: Path, tmp_path: Path, target: str) -> None:
    if target == "no-CURRENT":
        # The pointer deleted, the generation intact: read as "no index", the update pruned it and
        # committed the one new document (exit 0, the two others gone).
        (index_copy / store.CURRENT).unlink()
        for args in (["ask", QUESTION], ["docs"]):
            r = invoke(*args, "--index", str(index_copy))
            assert r.exit_code == 5
            line = one_error_line(r)
            assert "no CURRENT file" in line and "--rebuild" in line
    else:
        path = index_copy / store.CURRENT if target == "CURRENT" else gen_file(index_copy, target)
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    snapshot = {p: p.read_bytes() for p in index_copy.rglob("*") if p.is_file() and p.name != ".lock"}
    folder = tmp_path / "corpus3"
    folder.mkdir()
    (folder / "n.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 5
    line = one_error_line(r)
    assert "damaged" in line and "--rebuild" in line
    after = {p: p.read_bytes() for p in index_copy.rglob("*") if p.is_file() and p.name != ".lock"}
    assert after == snapshot  # nothing written, nothing dropped
    r = invoke("index", str(folder), "--index", str(index_copy), "--rebuild", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 1  # explicit: start afresh


# --------------------------------------------------------------------------- 8. readers pin their generation

_READER = """
import sys
from pathlib import Path
from index import store
from qa.engine import Engine
idx = Path(sys.argv[1])
with store.pinned(idx) as (gen, manifest):
    print(gen.name, flush=True)
    sys.stdin.readline()  # slow reader: two commits land meanwhile
    store.verify(gen, manifest)
    engine = Engine(idx, gen, manifest, False)
print(len(engine.passages), flush=True)
"""


def _commit(index_dir: Path, folder: Path, i: int) -> None:
    (folder / f"n{i}.txt").write_text(f"Notice {i}: the pier was repainted in week {i}.\n", encoding="utf-8")
    r = qa("index", str(folder), "--index", str(index_dir))
    assert r.returncode == 0, r.stderr


@pytest.mark.slow  # real processes: seconds each
def test_reader_keeps_its_generation_while_writers_commit(index_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(index_copy)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    assert reader.stdout is not None and reader.stdin is not None
    pinned = reader.stdout.readline().strip()
    _commit(index_copy, folder, 1)
    _commit(index_copy, folder, 2)  # would prune the reader's generation
    assert (index_copy / pinned).is_dir()
    out, err = reader.communicate("go\n", timeout=120)
    assert reader.returncode == 0, err
    assert int(out.strip()) >= 2
    _commit(index_copy, folder, 3)  # the pin is gone: old generations are pruned now
    assert not (index_copy / pinned).exists()
    r = invoke("ask", "What was repainted in week 3?", "--index", str(index_copy), "--json")
    assert r.exit_code == 0


@pytest.mark.slow  # real processes: seconds each
def test_reader_retries_when_its_generation_vanishes(
    index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CURRENT read, then the generation is pruned before the reader locks it: it opens the new one."""
    folder = tmp_path / "news"
    folder.mkdir()
    old = store.current(index_copy)
    real = store.current
    calls = []

    def racing(index_dir: Path) -> Path:
        gen = real(index_dir)
        if not calls:
            _commit(index_copy, folder, 1)
            _commit(index_copy, folder, 2)
        calls.append(gen)
        return gen

    monkeypatch.setattr(store, "current", racing)
    with store.pinned(index_copy) as (gen, _manifest):
        assert gen != old and not old.exists()
    assert len(calls) == 2


# --------------------------------------------------------------------------- 14. permission problems

_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def public_index(base_index: Path) -> Iterator[Path]:
    """A copy of the index where an unprivileged user can reach it (tests run as root)."""
    if os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"):
        pytest.skip("needs root and setpriv to run as another user")
    top = Path(tempfile.mkdtemp(prefix="qa-perm-"))
    os.chmod(top, 0o755)
    idx = top / "index"
    subprocess.run(["cp", "-r", str(base_index), str(idx)], check=True)
    subprocess.run(["chmod", "-R", "a+rX", str(top)], check=True)
    yield idx
    subprocess.run(["chmod", "-R", "u+rwX", str(top)], check=True)
    subprocess.run(["rm", "-rf", str(top)], check=True)


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize("target", ["folder", "CURRENT", "generation", VECTORS, DOCSTORE])
def test_unreadable_index(public_index: Path, target: str) -> None:
    gen = store.current(public_index)
    path = {"folder": public_index, "CURRENT": public_index / "CURRENT", "generation": gen}.get(
        target, gen / target
    )
    before = generation_digest(public_index)
    os.chmod(path, 0)
    try:
        code = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"
        for args in (["ask", QUESTION], ["docs"]):
            r = subprocess.run(
                [*_NOBODY, sys.executable, "-c", code, *args, "--index", str(public_index)],
                cwd=REPO,
                capture_output=True,
                timeout=60,
                env=dict(os.environ, HF_HUB_OFFLINE="1", QA_HOME=str(public_index.parent / "home")),
            )
            assert r.returncode == 8, r.stderr
            line = err_line(r)
            assert line.startswith(f"qa: error: cannot read {public_index}") and "permission denied" in line
    finally:
        os.chmod(path, 0o755)
    assert generation_digest(public_index) == before


# --------------------------------------------------------------------------- 15. the lock cannot be deleted


_HOLDER = """
import sys
from pathlib import Path
from index import store
w = store.begin(Path(sys.argv[1]))
(w.staging / "part.bin").write_bytes(b"x" * 100)
print(w.staging, flush=True)
sys.stdin.readline()
print((w.staging / "part.bin").exists(), flush=True)
w.close()
"""


def test_deleted_lock_file_does_not_let_a_second_writer_in(index_copy: Path, tmp_path: Path) -> None:
    folder = _one_new_document(tmp_path)
    before = generation_digest(index_copy)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(index_copy)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        staging = Path(holder.stdout.readline().strip())
        (index_copy / store.LOCK).unlink()  # deleted from under the first writer
        r = invoke("index", str(folder), "--index", str(index_copy))
        assert r.exit_code == 6
        assert one_error_line(r) == (
            f"qa: error: index {index_copy} is being written by another process (its .lock file "
            "was removed) (wait for it to finish, or stop that process (the lock is released when it exits))"
        )
        assert staging.is_dir()
        # Clean-up by another process never removes a staging folder that is being written.
        store._cleanup(index_copy)
        assert staging.is_dir()
    finally:
        out, _ = holder.communicate("\n", timeout=30)
    assert out.strip() == "True"
    assert generation_digest(index_copy) == before
    assert invoke("index", str(folder), "--index", str(index_copy)).exit_code == 0


# --------------------------------------------------------------------------- 17. a long line without spaces


@pytest.mark.slow
def test_long_line_without_spaces(qa_home: Path, tmp_path: Path) -> None:
    """64 KB without a space: indexed, not minutes in the quote regexes (the timeout is a hang guard)."""
    folder = tmp_path / "long"
    folder.mkdir()
    # Capitals: the name patterns of the quote attribution backtracked over them (minutes at 64 KB).
    (folder / "line.txt").write_text("Harbour news.\n\n" + "A" * 65_536 + "\n", encoding="utf-8")
    r = qa("index", str(folder), "--index", str(tmp_path / "index"), "--json", timeout=90)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["documents"] == 1


# --------------------------------------------------------------------------- round 32: what a reviewer tried next


@pytest.mark.slow  # real processes: seconds each
def test_index_folder_name_that_is_not_utf8(base_index: Path, tmp_path: Path) -> None:
    """`--index 'L\\xff'`: built fine, then every reader crashed (SQLite's URI and faiss's file name
    were made from the name as text)."""
    idx = tmp_path / os.fsdecode(b"L\xff")
    shutil.copytree(base_index, idx)
    for args in (["docs"], ["ask", QUESTION], ["speakers"], ["quotes"]):
        r = qa(*args, "--index", os.fsencode(idx))
        assert r.returncode == 0, r.stderr
        assert r.stderr == b""
    r = qa("chat", "--json", "--index", os.fsencode(idx), input=(QUESTION + "\n").encode())
    assert r.returncode == 0 and "07:15" in json.loads(r.stdout)["passages"][0]["text"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_model_cache_under_a_qa_home_that_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA_HOME=$'/tmp/h\\xff': the ONNX exporter, onnxruntime and tokenizers take paths as UTF-8
    strings (exit 9, "_export_onnx(): incompatible function arguments"). The model cache is then
    handed out under a UTF-8 alias of the same folder."""
    from qa import config

    home = tmp_path / os.fsdecode(b"h\xff")
    monkeypatch.setenv("QA_HOME", str(home))
    cache = config.model_cache_dir()
    str(cache).encode("utf-8")  # a name the libraries take
    (cache / "probe").mkdir()
    assert os.path.isdir(home / "cache" / "onnx" / "probe")
    monkeypatch.setenv("QA_HOME", str(tmp_path / "plain"))
    assert config.model_cache_dir() == tmp_path / "plain" / "cache" / "onnx"  # UTF-8 names as they are


@pytest.mark.slow  # exports the default model into a fresh cache: a minute
def test_qa_home_that_is_not_utf8_answers(tmp_path: Path) -> None:
    home = os.fsencode(tmp_path) + b"/h\xff"
    env = dict(os.environ, QA_HOME=os.fsdecode(home))
    code = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"
    r = subprocess.run(
        [sys.executable, "-c", code, "ask", "What did Obama say?"],
        cwd=REPO,
        capture_output=True,
        env=env,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert b"Obama" in r.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.slow  # real processes: seconds each
def test_index_summary_to_a_full_device_says_the_index_was_written(index_copy: Path, tmp_path: Path) -> None:
    """`qa index ... > /dev/full`: the summary is written after the commit, so exit 8 must not read as
    "the previous index is intact"; the message says what happened."""
    folder = _one_new_document(tmp_path)
    with open("/dev/full", "wb") as full:
        r = qa("index", str(folder), "--index", str(index_copy), stdout=full)
    assert r.returncode == 8
    assert err_line(r) == (
        "qa: error: cannot write the output: no space left on device (the index was updated all the same)"
    )
    before = generation_digest(index_copy)
    with open("/dev/full", "wb") as full:
        r = qa("index", str(folder), "--index", str(index_copy), "--json", stdout=full)
    assert r.returncode == 8
    assert err_line(r).endswith("(the index is unchanged)")
    assert generation_digest(index_copy) == before


def test_staging_folder_removed_while_writing(
    index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rm -rf L/tmp-*` while `qa index` runs: one line, exit 8, the previous index intact."""
    from index import docstore

    real = docstore.write

    def vanish(path: Path, *args: Any, **kw: Any) -> Any:
        shutil.rmtree(Path(path).parent)
        return real(path, *args, **kw)

    monkeypatch.setattr(docstore, "write", vanish)
    folder = _one_new_document(tmp_path)
    before = generation_digest(index_copy)
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 8
    line = one_error_line(r)
    assert "staging folder" in line and "was removed while it was being written" in line
    assert "the previous index is intact" in line
    assert generation_digest(index_copy) == before


def test_update_over_nan_vectors_names_them(index_copy: Path, tmp_path: Path) -> None:
    """The counts agree, so "holds 2 vectors ... for 2 passages" said nothing: the message names NaN."""
    _flat_vectors(index_copy, _vectors(index_copy) * np.nan)
    reseal(index_copy)
    folder = _one_new_document(tmp_path)
    before = generation_digest(index_copy)
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 5
    line = one_error_line(r)
    assert "vectors hold NaN or infinite numbers" in line and "--rebuild" in line
    assert generation_digest(index_copy) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs: a real full disk (ENOSPC), not RLIMIT_FSIZE's EFBIG. Needs root and mount."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


@pytest.mark.slow  # mounts a filesystem
def test_disk_full_while_vectors_faiss_is_written(
    base_index: Path, small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up exactly while vectors.faiss is written: exit 8, one line, the old index intact
    and no staging folder left behind."""
    idx = small_disk / "index"
    shutil.copytree(base_index, idx)
    real = vectors.write_from_file
    seen: list[str] = []

    def fill_then_write(rows: Any, params: Any, path: Path) -> Any:
        # Everything but 4 KB of the disk taken by another file, then the real write.
        free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
        with open(small_disk / "filler", "wb") as f:
            f.write(b"\0" * max(free - 4096, 0))
        seen.append(Path(path).name)
        return real(rows, params, path)

    monkeypatch.setattr(vectors, "write_from_file", fill_then_write)
    folder = tmp_path / "many"
    folder.mkdir()
    text = "\n\n".join(f"Report {i}: the {i}th buoy was repainted in week {i % 52}." for i in range(300))
    (folder / "buoys.txt").write_text(text + "\n", encoding="utf-8")
    before = generation_digest(idx)
    r = invoke("index", str(folder), "--index", str(idx))
    assert seen == [VECTORS]
    assert r.exit_code == 8, r.stderr
    line = one_error_line(r)
    assert "no space left on device" in line and "the previous index is intact" in line
    assert generation_digest(idx) == before
    assert not [n for n in os.listdir(idx) if n.startswith("tmp-")]
