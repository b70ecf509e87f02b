# ruff: noqa: F811 - the fixtures imported from test_bad_input are parameters here
"""The bad-input matrix, round 13: standard streams closed or failing, typer's own output (help,
version) into a closed pipe or a full device, an index path that is a file, and a model cache or
vector file on a full disk.

Every case: the exact input, a one-line message (or none where Unix tools print none), the
documented exit code, and the index byte-for-byte what it was wherever the command fails.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_bad_input import (  # noqa: F401 - fixtures
    base_index,
    generation_digest,
    index_copy,
    invoke,
    one_error_line,
)
from test_hostile_index import QUESTION, REPO, err_line, qa

from index import errors

_CODE = "import sys; from cli.main import run; sys.argv[0] = 'qa'; run()"


def _closed_fd(fd: int) -> Any:
    """A preexec_fn that closes `fd` in the child, as `qa ... >&-` does in a shell."""

    def close() -> None:
        os.close(fd)

    return close


def _into_closed_pipe(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run `qa ARGS` with stdout a pipe whose reader is gone before anything is written."""
    r, w = os.pipe()
    os.close(r)
    try:
        return subprocess.run(
            [sys.executable, "-c", _CODE, *args],
            cwd=REPO,
            input=stdin,
            stdout=w,
            stderr=subprocess.PIPE,
            timeout=300,
            env=dict(os.environ, HF_HUB_OFFLINE="1"),
        )
    finally:
        os.close(w)


# --------------------------------------------------------------------------- typer's own output


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ask", "--help"], ["index", "-h"]])
def test_help_and_version_into_a_closed_pipe(args: list[str]) -> None:
    """`qa --help | head -0`: click exits 1 on EPIPE by itself; qa ends with 141, like every command."""
    p = _into_closed_pipe(*args)
    assert p.returncode == 141, p.stderr
    assert p.stderr == b""


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ask", "--help"]])
def test_help_and_version_to_a_full_device(args: list[str]) -> None:
    """`qa --help > /dev/full` was an OSError traceback with exit 1."""
    with open("/dev/full", "wb") as full:
        p = qa(*args, stdout=full)
    assert p.returncode == 8
    assert err_line(p) == "qa: error: cannot write the output: no space left on device"


# --------------------------------------------------------------------------- every command, closed pipe


@pytest.fixture(scope="module")
def quoted_index(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index with a quote in it, so that `qa quotes --json` has a line to write."""
    root = tmp_path_factory.mktemp("quoted")
    (root / "docs").mkdir()
    (root / "docs" / "harbour.txt").write_text(
        'The morning ferry leaves at seven.\n\n"We will add a second boat in summer," '
        "said Anna Berg, the harbour master.\n",
        encoding="utf-8",
    )
    r = invoke("index", str(root / "docs"), "--index", str(root / "index"), "--model", "hash-embedder")
    assert r.exit_code == 0, r.stderr
    return root / "index"


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize(
    "args",
    [
        ["speakers"],
        ["speakers", "--json"],
        ["quotes"],
        ["quotes", "--json"],
        ["docs", "--json"],
        ["chat"],
    ],
)
def test_closed_pipe_in_every_command(quoted_index: Path, args: list[str]) -> None:
    """Every command that prints ends with 141 and says nothing when its reader is gone."""
    p = _into_closed_pipe(*args, "--index", str(quoted_index), stdin=(QUESTION + "\n").encode())
    assert p.returncode == 141, p.stderr
    assert p.stderr == b""


@pytest.mark.slow  # real processes: seconds each
def test_closed_pipe_in_eval_and_index(index_copy: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    item = {"id": "a", "question": QUESTION, "answers": ["seven"]}
    gold.write_text(json.dumps(item) + "\n", encoding="utf-8")
    for args in (["eval", str(gold)], ["eval", str(gold), "--json"]):
        p = _into_closed_pipe(*args, "--index", str(index_copy))
        assert (p.returncode, p.stderr) == (141, b""), args
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "pier.txt").write_text("The pier was repainted white in June.\n", encoding="utf-8")
    p = _into_closed_pipe("index", str(folder), "--index", str(index_copy), "--json")
    assert (p.returncode, p.stderr) == (141, b"")


# --------------------------------------------------------------------------- closed or failing std streams


@pytest.mark.slow  # real processes: seconds each
@pytest.mark.parametrize("args", [["ask", QUESTION], ["docs", "--json"], ["index", "NEW"]])
def test_closed_stdout_is_refused_before_anything_changes(
    index_copy: Path, tmp_path: Path, args: list[str]
) -> None:
    """`qa ... >&-`: Python had no sys.stdout (AttributeError traceback, exit 1); worse, the next
    file opened would have been descriptor 1. Now: exit 8, one line, the index untouched."""
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "pier.txt").write_text("The pier was repainted white in June.\n", encoding="utf-8")
    args = [str(folder) if a == "NEW" else a for a in args]
    before = generation_digest(index_copy)
    p = qa(*args, "--index", str(index_copy), stdout=None, preexec_fn=_closed_fd(1))
    assert p.returncode == 8
    assert err_line(p) == "qa: error: cannot write the output: standard output is closed"
    assert generation_digest(index_copy) == before


@pytest.mark.slow  # real processes: seconds each
def test_closed_stdin_in_chat_is_no_questions(base_index: Path) -> None:
    """`qa chat --json <&-` was a TypeError traceback: now it reads nothing, like `</dev/null`."""
    p = qa("chat", "--json", "--index", str(base_index), stdin=None, preexec_fn=_closed_fd(0))
    assert p.returncode == 0, p.stderr
    assert p.stdout == b"" and p.stderr == b""


@pytest.mark.slow  # real processes: seconds each
def test_closed_stderr_still_answers(base_index: Path) -> None:
    p = qa("ask", QUESTION, "--index", str(base_index), "--json", stderr=None, preexec_fn=_closed_fd(2))
    assert p.returncode == 0
    assert b'"passages"' in p.stdout


@pytest.mark.slow  # real processes: seconds each
def test_full_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    """`qa ask Q --index nowhere 2>/dev/full`: the error line cannot be written, but the exit code
    still says what happened (3, no index), not 1 from a traceback that could not be printed."""
    with open("/dev/full", "wb") as full:
        p = qa("ask", QUESTION, "--index", str(tmp_path / "nowhere"), stderr=full)
    assert p.returncode == 3


def test_stderr_write_failure_is_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """`say` never raises: a failing stderr becomes /dev/null so that the exit flush cannot fail."""
    from cli import main

    class Full:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    calls: list[int] = []
    monkeypatch.setattr(sys, "stderr", Full())
    monkeypatch.setattr(main, "_to_devnull", calls.append)
    main.say("qa: error: something")
    assert calls == [2]


# --------------------------------------------------------------------------- terminal safety of notices


def test_default_index_notice_is_terminal_safe(qa_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The "built the default index in DIR" notice names QA_INDEX's folder, which may hold escape
    sequences (QA_INDEX=$'\\e[2J'): it printed them raw to the terminal."""
    from qa.engine import Engine

    def fake_open(index: Any, notify: Any = None, **kw: Any) -> Any:
        notify("built the default index from the bundled article in /tmp/x\x1b[2J\x1b]0;pwned\x07")
        raise errors.IndexMissing("no index at /tmp/x\x1b[2J")

    monkeypatch.setattr(Engine, "open", staticmethod(fake_open))
    r = invoke("docs")
    assert r.exit_code == 3
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "built the default index from the bundled article in /tmp/x\\x1b[2J" in r.stderr


# --------------------------------------------------------------------------- --index names a file


@pytest.mark.parametrize("rebuild", [[], ["--rebuild"]])
def test_index_path_that_is_a_file(tmp_path: Path, qa_home: Path, rebuild: list[str]) -> None:
    """`--index notes.txt`: refused with exit 5 and a hint to give a folder. The hint used to say
    "qa index PATH... --index notes.txt --rebuild", which fails the same way (and must: a file is
    never replaced by an index, it may be the user's document)."""
    path = tmp_path / "notes.txt"
    path.write_bytes(b"My own notes, not an index.\n")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pier.txt").write_text("The pier was repainted white in June.\n", encoding="utf-8")
    for args in (["ask", QUESTION], ["docs"], ["index", str(folder), *rebuild]):
        r = invoke(*args, "--index", str(path))
        assert r.exit_code == 5, args
        line = one_error_line(r)
        assert "is a file, not an index folder" in line and "--rebuild" not in line, line
        assert "give the path of a new or existing index folder" in line
    assert path.read_bytes() == b"My own notes, not an index.\n"


def test_not_a_folder_is_an_index_damaged_error() -> None:
    """Python callers catching qa.IndexDamaged still catch it; the CLI maps it through its base."""
    from cli.main import exit_code

    assert issubclass(errors.NotAFolder, errors.IndexDamaged)
    assert exit_code(errors.NotAFolder("x")) == 5


# --------------------------------------------------------------------------- full disks


@pytest.mark.parametrize(
    ("err", "kind"),
    [
        (errno.ENOSPC, errors.StorageError),
        (errno.EROFS, errors.StorageError),
        (errno.EACCES, errors.StorageError),
        (errno.EINVAL, errors.ModelError),
    ],
)
def test_model_cache_write_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, kind: type[errors.QAError]
) -> None:
    """First run with QA_HOME on a full disk: exporting the model failed with ENOSPC and was
    reported as a model error (exit 9); a cache that cannot be written is a storage error (exit 8)."""
    from index import embed

    def fail(model_dir: Path, out: Path, name: str, fp: str) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(embed, "_export_into", fail)
    with pytest.raises(errors.QAError) as caught:
        embed._export(tmp_path / "model", tmp_path / "cache" / "abc", "m", "abc", quantized=False)
    assert type(caught.value) is kind
    assert "cannot write the model cache" in caught.value.message
    assert not [p for p in (tmp_path / "cache").iterdir()]  # no temporary export left behind


def test_vector_file_on_a_full_device_raises() -> None:
    """FAISS's own writer only printed "file ... close error" (no newline) on stderr when the last
    flush failed, and raised nothing: a truncated vectors.faiss could pass for a whole one."""
    import faiss

    from index import vectors

    index = faiss.IndexFlatIP(8)
    index.add(np.ones((600, 8), dtype=np.float32))
    with pytest.raises(OSError) as caught:
        vectors.save(index, Path("/dev/full"))
    assert caught.value.errno == errno.ENOSPC


def test_vector_file_bytes_are_faiss_own(tmp_path: Path) -> None:
    import faiss

    from index import vectors

    index = faiss.IndexFlatIP(8)
    index.add(np.arange(80, dtype=np.float32).reshape(10, 8))
    vectors.save(index, tmp_path / "v.faiss")
    assert (tmp_path / "v.faiss").read_bytes() == faiss.serialize_index(index).tobytes()


# --------------------------------------------------------------------------- the lock file


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder"])
def test_something_else_in_place_of_the_lock_file(index_copy: Path, tmp_path: Path, kind: str) -> None:
    """`.lock` a FIFO, a symlink to /dev/zero or an empty folder: `qa index` failed with exit 8
    "Invalid argument" / "Too many levels of symbolic links". qa never makes these; with the
    folder's own lock held they are replaced by the lock file, and the update goes through."""
    lock = index_copy / ".lock"
    lock.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(lock)
    elif kind == "symlink":
        lock.symlink_to("/dev/zero")
    else:
        lock.mkdir()
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "pier.txt").write_text("The pier was repainted white in June.\n", encoding="utf-8")
    r = invoke("index", str(folder), "--index", str(index_copy), "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 1
    assert lock.is_file() and not lock.is_symlink()
    r = invoke("docs", "--index", str(index_copy), "--json")
    assert len(json.loads(r.stdout)["documents"]) == 3


# --------------------------------------------------------------------------- qa eval's questions file


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_eval_questions_from_a_device(base_index: Path, device: str) -> None:
    """`qa eval /dev/zero` read the file whole: memory grew without bound until killed."""
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    r = invoke("eval", device, "--index", str(base_index))
    assert r.exit_code == 7
    assert one_error_line(r) == f"qa: error: {device} is a device, not a questions file"


def test_eval_questions_file_too_large(base_index: Path, tmp_path: Path) -> None:
    from cli.main import MAX_GOLD_BYTES

    gold = tmp_path / "gold.jsonl"
    with open(gold, "wb") as f:
        f.truncate(MAX_GOLD_BYTES + 1)  # sparse: no disk used
    r = invoke("eval", str(gold), "--index", str(base_index))
    assert r.exit_code == 7
    assert "a questions file holds at most 64 MB" in one_error_line(r)


@pytest.mark.slow  # a real process: `<(...)` is a pipe
def test_eval_questions_from_a_pipe(base_index: Path, tmp_path: Path) -> None:
    """A pipe (`qa eval <(grep ... gold.jsonl)`) is still read: only devices are refused."""
    r, w = os.pipe()
    line = json.dumps({"id": "a", "question": QUESTION, "answers": ["seven"]}) + "\n"
    os.write(w, line.encode())
    os.close(w)
    try:
        p = qa("eval", f"/dev/fd/{r}", "--index", str(base_index), "--json", pass_fds=(r,))
    finally:
        os.close(r)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["items"] == 1


# --------------------------------------------------------------------------- FIFOs for every file read


@pytest.mark.slow  # real processes: a hang must end in a timeout, not a stuck test run
@pytest.mark.parametrize(
    "target",
    ["vectors.faiss", "docs.sqlite", "bm25/df.json", "bm25/vocab.index.json", "bm25/data.csc.index.npy"],
)
def test_fifo_instead_of_a_data_file(index_copy: Path, target: str) -> None:
    """Issue 10 case 12 named CURRENT and manifest.json; every file the manifest lists is opened the
    same way (checked as a regular file before it is read), so none of them can make `ask` wait."""
    from index import store

    path = store.current(index_copy) / target
    path.unlink()
    os.mkfifo(path)
    before = sorted(os.listdir(index_copy))
    p = qa("ask", QUESTION, "--index", str(index_copy), timeout=60)
    assert p.returncode == 5
    line = err_line(p)
    assert f"index file {target} is damaged (not a regular file)" in line and "--rebuild" in line
    assert sorted(os.listdir(index_copy)) == before
