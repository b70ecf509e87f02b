"""Bad input of every kind: a one-line message, the documented exit code, and nothing stored is lost.

Each case runs the real `qa` commands in-process (typer's CliRunner) against a small real index.
Whatever happens, the output must not contain a traceback, and the index's current generation
must be byte-for-byte what it was before, unless the command was meant to replace it.
The matrix continues in test_hostile_index.py: nothing to index, failing outputs, concurrency,
permissions, and crafted index folders with resealed manifests.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xxhash
from typer.testing import CliRunner

from cli.main import app
from cli.safe import is_forbidden
from index import ingest, store
from index.hashembed import MODEL as FAKE
from index.store import DOCSTORE, LEXICAL, VECTORS

runner = CliRunner()

DOC_A = """Ferry timetable

The morning ferry to Inchmore leaves the pier at 07:15 and returns at 09:40.
In winter the afternoon sailing is cancelled when the wind is above force seven.
"""

DOC_B = """Library notice

The town library will close for repairs from 3 March and reopen on 21 April.
Books can be returned to the drop box at the post office while the library is closed.
"""


def invoke(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def one_error_line(result: Any) -> str:
    """The error output must be exactly one line, with no traceback anywhere."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def generation_digest(index_dir: Path) -> tuple[str, list[tuple[str, str]]]:
    """CURRENT's name and the sha256 of every file of the current generation."""
    gen = store.current(index_dir)
    files = sorted(p for p in gen.rglob("*") if p.is_file())
    return gen.name, [(str(p.relative_to(gen)), hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]


@pytest.fixture(scope="module")
def base_index(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-document index built once, with the hash embedder (no model needed); tests work on copies."""
    root = tmp_path_factory.mktemp("bad-input")
    docs = root / "docs"
    docs.mkdir()
    (docs / "ferry.txt").write_text(DOC_A, encoding="utf-8")
    (docs / "library.txt").write_text(DOC_B, encoding="utf-8")
    idx = root / "index"
    r = invoke("index", str(docs), "--index", str(idx), "--model", FAKE)
    assert r.exit_code == 0, r.stderr
    return idx


@pytest.fixture
def index_copy(base_index: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "index"
    shutil.copytree(base_index, dst, symlinks=True)
    return dst


def gen_file(index_dir: Path, name: str) -> Path:
    return store.current(index_dir) / name


# --------------------------------------------------------------------------- files to index


def _index_one(index_dir: Path, folder: Path, *extra: str) -> tuple[Any, dict[str, Any]]:
    r = invoke("index", str(folder), "--index", str(index_dir), "--json", *extra)
    assert "Traceback" not in r.stdout + r.stderr
    return r, json.loads(r.stdout) if r.stdout.strip() else {}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n   \n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "unsupported file type .png"),
    ],
)
def test_files_that_are_skipped(
    index_copy: Path, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(
        "The harbour wall was rebuilt in 1923 after a storm.\n", encoding="utf-8"
    )
    r, rep = _index_one(index_copy, folder)
    assert r.exit_code == 0, r.stderr  # skipped on purpose: not an error
    assert [s["reason"] for s in rep["skipped"]] == [reason]
    assert rep["skipped"][0]["source"].endswith(name) and rep["skipped"][0]["error"] is False
    assert rep["added"] == 1 and rep["documents"] == 3  # the old two are kept: they are elsewhere
    human = invoke("index", str(folder), "--index", str(index_copy))
    assert reason in human.stdout


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Caf\u00e9 cr\u00e8me costs \u20ac3 \u2014 \u201cworth it\u201d, said Z\u00f6e.\n".encode(
                "cp1252"
            ),
            "Caf\u00e9 cr\u00e8me costs \u20ac3 \u2014 \u201cworth it\u201d, said Z\u00f6e.",
        ),
        (
            "Na\u00efve r\u00e9sum\u00e9 from S\u00e3o Paulo.\n".encode("latin-1"),
            "Na\u00efve r\u00e9sum\u00e9 from S\u00e3o Paulo.",
        ),
        (b"\xef\xbb\xbfThe BOM caf\xc3\xa9 opens at nine.\n", "The BOM caf\u00e9 opens at nine."),
        (
            "\ufeffThe UTF-16 caf\u00e9 opens at ten.\n".encode("utf-16-le"),
            "The UTF-16 caf\u00e9 opens at ten.",
        ),
        (
            "\ufeffThe UTF-16 caf\u00e9 opens at ten.\n".encode("utf-16-be"),
            "The UTF-16 caf\u00e9 opens at ten.",
        ),
        (
            "The UTF-16 caf\u00e9 without a BOM opens at noon.\r\n".encode("utf-16-le"),
            "The UTF-16 caf\u00e9 without a BOM opens at noon.",
        ),
        (
            "The UTF-16 caf\u00e9 without a BOM opens at one \u2014 \u4e00\u3000.\n".encode("utf-16-be"),
            "The UTF-16 caf\u00e9 without a BOM opens at one \u2014 \u4e00\u3000.",
        ),
    ],
    ids=["cp1252", "latin-1", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"],
)
def test_legacy_encodings_are_indexed(index_copy: Path, tmp_path: Path, data: bytes, expected: str) -> None:
    folder = tmp_path / "enc"
    folder.mkdir()
    (folder / "note.txt").write_bytes(data)
    r, rep = _index_one(index_copy, folder)
    assert r.exit_code == 0, r.stderr
    assert rep["skipped"] == [] and rep["added"] == 1
    r = invoke("ask", expected.rstrip("."), "--index", str(index_copy), "--json", "--k", "10")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "\ufffd" not in out and "\ufeff" not in out
    texts = [p["text"] for p in json.loads(out)["passages"]]
    assert expected in texts


def test_file_over_max_size(index_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "big.txt").write_text(
        "The tide tables are printed weekly.\n" * 40_000, encoding="utf-8"
    )  # ~1.4 MB
    (folder / "small.txt").write_text("The tide was high at noon on Sunday.\n", encoding="utf-8")
    r, rep = _index_one(index_copy, folder, "--max-size", "1")
    assert r.exit_code == 0, r.stderr
    [sk] = rep["skipped"]
    assert sk["source"].endswith("big.txt") and sk["reason"] == "over the size limit (1.4 MB > 1 MB)"
    assert rep["added"] == 1


def test_symlink_loop_fifo_and_device_are_skipped(index_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "special"
    folder.mkdir()
    (folder / "good.txt").write_text("The lifeboat crew trains every Thursday evening.\n", encoding="utf-8")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink(".", folder / "self")  # a folder loop: walked once
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block forever
    os.symlink("/dev/zero", folder / "zeros.txt")  # reading it would never end
    r, rep = _index_one(index_copy, folder)
    assert r.exit_code == 0, r.stderr
    reasons = {Path(s["source"]).name: s["reason"] for s in rep["skipped"]}
    assert reasons == {
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "pipe.txt": "not a regular file (FIFO)",
        "zeros.txt": "not a regular file (character device)",
    }
    assert rep["added"] == 1
    # Named directly on the command line: the same, not a hang.
    r = invoke(
        "index", str(folder / "pipe.txt"), str(folder / "good.txt"), "--index", str(index_copy), "--json"
    )
    assert r.exit_code == 0 and "FIFO" in r.stdout


def test_unreadable_file(index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, so a PermissionError is injected where the file is opened."""
    folder = tmp_path / "perm"
    folder.mkdir()
    (folder / "secret.txt").write_text("The vault code is 1234.\n", encoding="utf-8")
    (folder / "open.txt").write_text("The museum opens at ten on Saturdays.\n", encoding="utf-8")
    real = ingest._read_bytes

    def guarded(path: Path, source: str, max_bytes: int) -> bytes | ingest.Skipped:
        if path.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, source, max_bytes)

    monkeypatch.setattr(ingest, "_read_bytes", guarded)
    before = generation_digest(index_copy)
    r, rep = _index_one(index_copy, folder)
    assert r.exit_code == 7
    [sk] = rep["skipped"]
    assert sk["source"].endswith("secret.txt") and sk["error"] is True
    assert sk["reason"] == "cannot read: Permission denied"
    assert rep["added"] == 1 and rep["documents"] == 3  # the others are indexed all the same
    assert generation_digest(index_copy) != before
    human = invoke("index", str(folder), "--index", str(index_copy))
    assert human.exit_code == 7 and "cannot read" in human.stdout and "secret.txt" in human.stdout


def test_path_that_does_not_exist(index_copy: Path, tmp_path: Path) -> None:
    before = generation_digest(index_copy)
    r = invoke("index", str(tmp_path / "no-such-folder"), "--index", str(index_copy))
    assert r.exit_code == 7
    assert one_error_line(r) == f"qa: error: no such file or folder: {tmp_path / 'no-such-folder'}"
    assert generation_digest(index_copy) == before


def _many_files(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i:05d}.txt").write_text(
            f"Note {i}: parcel {i} was delivered to house {i % 97}.\n", encoding="utf-8"
        )


@pytest.mark.slow
def test_many_small_files(qa_home: Path, tmp_path: Path) -> None:
    """2,000 files by default; QA_TEST_MANY=10000 for the full size."""
    n = int(os.environ.get("QA_TEST_MANY", "2000"))
    folder = tmp_path / "many"
    _many_files(folder, n)
    idx = tmp_path / "index"
    r, rep = _index_one(idx, folder)
    assert r.exit_code == 0, r.stderr
    assert rep["documents"] == rep["added"] == n and rep["skipped"] == []
    r, rep = _index_one(idx, folder)  # unchanged: nothing re-embedded
    assert rep["embedded"] == 0 and rep["unchanged"] == n
    r = invoke("ask", "Which house did parcel 1234 go to?", "--index", str(idx), "--json")
    assert r.exit_code == 0
    assert any("parcel 1234 " in p["text"] for p in json.loads(r.stdout)["passages"])


# --------------------------------------------------------------------------- questions and options


@pytest.mark.parametrize("k", ["0", "-1", str(10**9), "abc", ""])
def test_bad_k_is_a_usage_error(index_copy: Path, k: str) -> None:
    for command in (["ask", "Where does the ferry go?"], ["chat"], ["eval", "gold.jsonl"]):
        r = invoke(*command, "--index", str(index_copy), "--k", k)
        assert r.exit_code == 2, (command, r.stdout, r.stderr)
        assert "Traceback" not in r.stdout + r.stderr
        assert "--k" in r.stderr


def test_k_above_the_number_of_passages(index_copy: Path) -> None:
    r = invoke("docs", "--index", str(index_copy), "--json")
    total = json.loads(r.stdout)["passages"]
    r = invoke(
        "ask", "When does the morning ferry leave?", "--index", str(index_copy), "--json", "--k", "100"
    )
    assert r.exit_code == 0, r.stderr
    passages = json.loads(r.stdout)["passages"]
    assert 1 <= len(passages) <= total
    assert all(p["text"] for p in passages)  # no padding rows
    assert len({(p["source"], p["start"], p["end"]) for p in passages}) == len(passages)


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question(index_copy: Path, question: str) -> None:
    r = invoke("ask", question, "--index", str(index_copy))
    assert r.exit_code == 7
    assert one_error_line(r).startswith("qa: error: empty question")


def test_huge_question(index_copy: Path) -> None:
    question = ("When does the morning ferry to Inchmore leave the pier? " * 2000)[:100_000]
    r = invoke("ask", question, "--index", str(index_copy), "--json")
    assert r.exit_code in (0, 1), r.stderr
    out = json.loads(r.stdout)
    assert out["question"] == question
    assert out["abstained"] or out["passages"][0]["text"]
    garbage = "zq" * 50_000
    r = invoke("ask", garbage, "--index", str(index_copy), "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["abstained"] is True


# --------------------------------------------------------------------------- storage and locking


@pytest.mark.parametrize("where", ["commit", "vectors", "sqlite"])
def test_disk_full(index_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "news.txt").write_text("The pier was repainted white and blue in June.\n", encoding="utf-8")
    before = generation_digest(index_copy)

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "commit":
        monkeypatch.setattr(store, "_write_file", full)
    elif where == "vectors":
        from index import vectors

        monkeypatch.setattr(vectors, "save", full)
        monkeypatch.setattr(vectors, "write_from_file", full)  # an exact index is written by it
    else:
        from index import docstore

        monkeypatch.setattr(docstore, "write", full)
    r = invoke("index", str(folder), "--index", str(index_copy))
    assert r.exit_code == 8
    line = one_error_line(r)
    assert "no space left on device" in line and "previous index is intact" in line
    assert generation_digest(index_copy) == before
    assert not [n for n in os.listdir(index_copy) if n.startswith("tmp-") or n == "CURRENT.tmp"]
    assert len([n for n in os.listdir(index_copy) if n.startswith("gen-")]) == 1
    monkeypatch.undo()
    r = invoke("ask", "When does the morning ferry leave?", "--index", str(index_copy), "--json")
    assert r.exit_code == 0 and "07:15" in r.stdout


_HOLDER = """
import sys
from pathlib import Path
from index import store
w = store.begin(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
w.close()
"""


def test_second_writer_is_refused(index_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "news.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    before = generation_digest(index_copy)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(index_copy)],
        cwd=Path(__file__).parent.parent,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        r = invoke("index", str(folder), "--index", str(index_copy))
        assert r.exit_code == 6
        line = one_error_line(r)
        assert f"is being written by pid {holder.pid}" in line
        assert "wait for it to finish" in line
        # Readers are not blocked by a writer.
        r = invoke("ask", "When does the morning ferry leave?", "--index", str(index_copy), "--json")
        assert r.exit_code == 0
    finally:
        holder.communicate("", timeout=30)
    assert generation_digest(index_copy) == before
    r = invoke("index", str(folder), "--index", str(index_copy))  # the lock is free again
    assert r.exit_code == 0, r.stderr


# --------------------------------------------------------------------------- damaged and foreign indexes


def _first_bm25_file(index_dir: Path) -> str:
    gen = store.current(index_dir)
    path = gen / LEXICAL
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return str(files[0].relative_to(gen))


def _assert_damaged(index_dir: Path) -> None:
    for command in (["ask", "When does the morning ferry leave?"], ["docs"], ["speakers"]):
        r = invoke(*command, "--index", str(index_dir))
        assert r.exit_code == 5, (command, r.stdout, r.stderr)
        line = one_error_line(r)
        assert line.startswith("qa: error: index ") and "--rebuild" in line, line


@pytest.mark.parametrize("target", [VECTORS, DOCSTORE, "bm25", store.MANIFEST])
@pytest.mark.parametrize("where", [0, 0.5, -1])
def test_flipped_byte(index_copy: Path, target: str, where: float) -> None:
    name = _first_bm25_file(index_copy) if target == "bm25" else target
    path = gen_file(index_copy, name)
    data = bytearray(path.read_bytes())
    i = int(len(data) * where) if where >= 0 else len(data) - 1
    data[i] ^= 0x01
    path.write_bytes(bytes(data))
    _assert_damaged(index_copy)


_PICKLE = (
    b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x05model\x94\x8c\x01x\x94s."  # {"model": "x"}
)
_LFS = (
    b"version https://git-lfs.github.com/spec/v1\n"
    b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
)


@pytest.mark.parametrize("target", [VECTORS, DOCSTORE, "bm25", store.MANIFEST])
@pytest.mark.parametrize("kind", ["text", "lfs", "pickle", "empty", "folder"])
def test_foreign_file_in_the_index(index_copy: Path, target: str, kind: str) -> None:
    name = _first_bm25_file(index_copy) if target == "bm25" else target
    path = gen_file(index_copy, name)
    path.unlink()
    if kind == "folder":
        path.mkdir()
        (path / "inner.txt").write_text("x")
    else:
        path.write_bytes(
            {"text": b"hello, I am not an index\n", "lfs": _LFS, "pickle": _PICKLE, "empty": b""}[kind]
        )
    _assert_damaged(index_copy)


@pytest.mark.parametrize("kind", ["text", "lfs", "pickle", "empty"])
def test_foreign_file_instead_of_the_index(tmp_path: Path, qa_home: Path, kind: str) -> None:
    path = tmp_path / "index"
    path.write_bytes({"text": b"hello\n", "lfs": _LFS, "pickle": _PICKLE, "empty": b""}[kind])
    r = invoke("ask", "When does the ferry leave?", "--index", str(path))
    assert r.exit_code == 5
    assert "is a file, not an index folder" in one_error_line(r)
    r = invoke("index", str(tmp_path), "--index", str(path))
    assert r.exit_code == 5
    assert path.read_bytes() == {"text": b"hello\n", "lfs": _LFS, "pickle": _PICKLE, "empty": b""}[kind]


@pytest.mark.parametrize("content", [b"", b"gen-nonsense\n", b"\x00" * 40, b"../../etc\n"])
def test_damaged_current_pointer(index_copy: Path, content: bytes) -> None:
    (index_copy / store.CURRENT).write_bytes(content)
    _assert_damaged(index_copy)


def test_missing_index(tmp_path: Path, qa_home: Path) -> None:
    r = invoke("ask", "When does the ferry leave?", "--index", str(tmp_path / "nothing-here"))
    assert r.exit_code == 3
    line = one_error_line(r)
    assert "no index at" in line and "qa index PATH" in line


def _rewrite_manifest(index_dir: Path, **changes: Any) -> None:
    """Edit the manifest and re-seal its checksum, as a newer qa or another model would have written it."""
    path = gen_file(index_dir, store.MANIFEST)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    data.pop("manifest_xxh3", None)
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    data["manifest_xxh3"] = xxhash.xxh3_128_hexdigest(body)
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


@pytest.mark.parametrize("reseal", [True, False])
def test_newer_format_version(index_copy: Path, reseal: bool) -> None:
    if reseal:
        _rewrite_manifest(index_copy, format_version=store.FORMAT_VERSION + 1)
    else:
        path = gen_file(index_copy, store.MANIFEST)
        data = json.loads(path.read_text())
        data["format_version"] = store.FORMAT_VERSION + 1
        path.write_text(json.dumps(data))
    for command in (["ask", "When does the ferry leave?"], ["docs"]):
        r = invoke(*command, "--index", str(index_copy))
        assert r.exit_code == 4
        line = one_error_line(r)
        assert f"index format {store.FORMAT_VERSION + 1} is newer than this qa supports" in line
        assert "upgrade qa" in line


def test_resealed_manifest_still_checks_files(index_copy: Path) -> None:
    """A consistent manifest with a wrong file size is damage, not a silent mis-read."""
    path = gen_file(index_copy, store.MANIFEST)
    files = json.loads(path.read_text())["files"]
    files[VECTORS]["size"] += 4
    _rewrite_manifest(index_copy, files=files)
    _assert_damaged(index_copy)


@pytest.mark.slow
def test_other_model_same_name(article_index: Path, tmp_path: Path) -> None:
    """Same model name, other weights (fingerprint): the query side refuses, naming both."""
    index_copy = tmp_path / "index"
    shutil.copytree(article_index, index_copy, symlinks=True)
    theirs = "0123456789abcdef" * 4
    _rewrite_manifest(index_copy, model_fingerprint=theirs)
    r = invoke("ask", "When does the ferry leave?", "--index", str(index_copy))
    assert r.exit_code == 4
    line = one_error_line(r)
    assert "all-MiniLM-L6-v2" in line and theirs[:12] in line and "but that model is now" in line


def test_other_model_when_updating(index_copy: Path, tmp_path: Path) -> None:
    """Adding to an index of another model with `--model`: refused, naming both models."""
    _rewrite_manifest(index_copy, model="acme/other-embedder", model_fingerprint="f" * 64)
    before = generation_digest(index_copy)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "news.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    r = invoke("index", str(folder), "--index", str(index_copy), "--model", FAKE)
    assert r.exit_code == 4
    line = one_error_line(r)
    assert "acme/other-embedder" in line and FAKE in line and "--rebuild" in line
    assert generation_digest(index_copy) == before


# --------------------------------------------------------------------------- terminal safety

PAYLOADS = {
    "csi-colour": "\x1b[31mRED\x1b[0m",
    "csi-cursor": "\x1b[2J\x1b[H\x1b[1A\x1b[K",
    "osc0-bel": "\x1b]0;pwned title\x07",
    "osc0-st": "\x1b]0;pwned title\x1b\\",
    "osc8-link": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "osc52-clip": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "dcs": "\x1bP1$qm\x1b\\",
    "c1-csi": "\x9b31m",
    "nul": "\x00",
    "bel": "\x07",
    "bs": "abc\x08\x08\x08xyz",
    "cr": "line\roverwritten",
    "del": "x\x7fy",
    "bidi-embed": "\u202aL\u202bR\u202cP\u202dO\u202eevil",
    "bidi-isolate": "\u2066a\u2067b\u2068c\u2069",
    "rich-markup": "[bold red]x[/] [link=http://evil.example]y[/link]",
}


def _forbidden(text: str) -> list[str]:
    return sorted({repr(c) for c in text if is_forbidden(c)})


def _clean(result: Any) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert _forbidden(result.stdout) == [], result.stdout
    assert _forbidden(result.stderr) == [], result.stderr


@pytest.fixture(scope="module")
def hostile_index(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Documents and file names carrying every payload, indexed once: (folder, index)."""
    folder = tmp_path_factory.mktemp("hostile") / "evil"
    folder.mkdir()
    for i, (key, payload) in enumerate(PAYLOADS.items()):
        text = (
            f"Lighthouse bulletin {key}\n\nThe keeper{payload} logged a storm {payload}on night {i}. "
            f'"The lamp{payload} never went out," Keeper Morag Finlay said.\n'
        )
        # A NUL makes a file binary to the reader, so in text it is replaced by a C1 control.
        (folder / f"bulletin-{i}.txt").write_text(text.replace("\x00", "\x9b"), encoding="utf-8")
        name_payload = payload.replace("/", "_").replace("\x00", "")  # the two bytes a name cannot hold
        (folder / f"name-{i}-{name_payload}.txt").write_text(
            f"Plain report {i} about the harbour lamp.\n", encoding="utf-8"
        )
        (folder / f"skip-{i}-{name_payload}.txt").write_bytes(b"\x00binary")  # listed in the summary
    idx = folder.parent / "index"
    r = invoke("index", str(folder), "--index", str(idx), "--model", FAKE)
    assert r.exit_code == 0, r.stderr
    _clean(r)
    assert "binary file" in r.stdout and "skip-" in r.stdout
    return folder, idx


QUERIES = (
    ["ask", "What did the keeper log about the storm?", "--k", "20"],
    ["ask", "Which report is about the harbour lamp?", "--k", "20"],
    ["ask", "What is the price of tea in Kyoto?", "--show-nearest"],
    ["docs"],
    ["speakers"],
)


def test_terminal_safety_human_output(hostile_index: tuple[Path, Path]) -> None:
    folder, idx = hostile_index
    for args in QUERIES:
        r = invoke(*args, "--index", str(idx))
        assert r.exit_code in (0, 1), (args, r.stderr)
        _clean(r)
    r = invoke("ask", "What did the keeper log about the storm?", "--index", str(idx))
    assert "Keeper Morag Finlay" in r.stdout or "keeper" in r.stdout.lower()
    r = invoke("chat", "--index", str(idx), input="What did the keeper log?\n/docs\n/speakers\n")
    _clean(r)
    # Error messages naming a hostile path are one safe line too.
    r = invoke("index", str(folder / PAYLOADS["osc0-bel"]), "--index", str(idx))
    assert r.exit_code == 7
    _clean(r)
    one_error_line(r)
    r = invoke("ask", PAYLOADS["csi-cursor"] + PAYLOADS["bidi-embed"], "--index", str(idx))
    _clean(r)


def test_terminal_safety_json_output(hostile_index: tuple[Path, Path]) -> None:
    folder, idx = hostile_index
    for args in [*QUERIES, ["index", str(folder)]]:
        r = invoke(*args, "--index", str(idx), "--json")
        assert r.exit_code in (0, 1), (args, r.stderr)
        json.loads(r.stdout)
        _clean(r)
    chat = invoke(
        "chat",
        "--index",
        str(idx),
        "--json",
        input="What did the keeper log?\n/docs\n/speakers\n" + PAYLOADS["osc52-clip"] + "\n",
    )
    assert len([json.loads(line) for line in chat.stdout.splitlines()]) == 4
    _clean(chat)


def test_json_keeps_hostile_text_exact(hostile_index: tuple[Path, Path]) -> None:
    """Whatever the escaping, JSON readers get the documents' exact text and names back."""
    folder, idx = hostile_index
    r = invoke("docs", "--index", str(idx), "--json")
    assert r.exit_code == 0
    sources = {Path(d["source"]).name for d in json.loads(r.stdout)["documents"]}
    assert f"name-0-{PAYLOADS['csi-colour']}.txt" in sources
    assert f"name-13-{PAYLOADS['bidi-embed']}.txt" in sources
    r = invoke("ask", "What did the keeper log about the storm?", "--index", str(idx), "--json", "--k", "20")
    assert r.exit_code == 0
    for p in json.loads(r.stdout)["passages"]:
        got = ingest.read(Path(p["source"]))
        assert not isinstance(got, ingest.Skipped)
        assert p["text"] == got.text[p["start"] : p["end"]]


def test_index_without_the_ansi_in_the_passage_text(qa_home: Path, tmp_path: Path) -> None:
    """JSON keeps the document's exact text (escaped by JSON), so offsets stay true."""
    folder = tmp_path / "evil"
    folder.mkdir()
    text = "Harbour news\n\nThe keeper\x1b[31m logged\x1b[0m a storm on Monday night.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    idx = tmp_path / "index"
    assert invoke("index", str(folder), "--index", str(idx), "--model", FAKE).exit_code == 0
    r = invoke("ask", "What did the keeper log?", "--index", str(idx), "--json")
    assert r.exit_code == 0
    assert "\x1b" not in r.stdout
    p = json.loads(r.stdout)["passages"][0]
    got = ingest.read(folder / "a.txt")
    assert not isinstance(got, ingest.Skipped)
    assert p["text"] == got.text[p["start"] : p["end"]] and "\x1b[31m" in p["text"]


def test_special_file_does_not_hang(index_copy: Path, tmp_path: Path) -> None:
    """A device node made with mknod (root only) is reported, never read."""
    folder = tmp_path / "dev"
    folder.mkdir()
    try:
        os.mknod(folder / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("mknod is not permitted here")
    before = generation_digest(index_copy)
    r, _rep = _index_one(index_copy, folder)
    assert r.exit_code == 7  # nothing else to index: an error, the index unchanged
    assert "not a regular file (character device)" in one_error_line(r)
    assert generation_digest(index_copy) == before


def test_deeply_nested_html_is_indexed(index_copy: Path, tmp_path: Path) -> None:
    """10,000 nested <div>s: skipped as "no main text found" (libxml2 builds no tree below 256
    levels); now parsed again with its nesting cut, its text indexed and found."""
    folder = tmp_path / "deep"
    folder.mkdir()
    body = "<p>The lighthouse keeper rowed out to the Inchmore skerry every Sunday in 1931.</p>"
    page = "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"
    (folder / "deep.html").write_text(page, encoding="utf-8")
    r, rep = _index_one(index_copy, folder)
    assert r.exit_code == 0, r.stderr
    assert rep["skipped"] == [] and rep["added"] == 1
    r = invoke(
        "ask", "When did the lighthouse keeper row out to the skerry?", "--index", str(index_copy), "--json"
    )
    assert r.exit_code == 0, r.stderr
    assert "lighthouse keeper rowed out" in json.loads(r.stdout)["passages"][0]["text"]
