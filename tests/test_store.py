"""The index folder: atomic generations, manifest validation, checksums, the writer lock, crash safety."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import store
from index.errors import IndexDamaged, IndexIncompatible, IndexLocked, IndexMissing, StorageError

ROOT = Path(__file__).resolve().parents[1]


def manifest(**changes: object) -> store.Manifest:
    m = store.Manifest(
        format_version=store.FORMAT_VERSION,
        model="sentence-transformers/all-MiniLM-L6-v2",
        model_fingerprint="0f" * 16,  # an xxh3_128 hex digest
        dim=384,
        normalized=True,
        chunker={"max_chars": 1200, "overlap": 1},
        ann={"type": "flat"},
        documents={"/docs/a.txt": "ab" * 32},
        counts={"documents": 1, "passages": 3},
    )
    for k, v in changes.items():
        setattr(m, k, v)
    return m


def commit(index_dir: Path, files: dict[str, bytes], **changes: object) -> Path:
    with store.begin(index_dir) as w:
        for name, data in files.items():
            (w.staging / name).parent.mkdir(parents=True, exist_ok=True)
            (w.staging / name).write_bytes(data)
        return w.commit(manifest(**changes))


FILES = {"vectors.faiss": os.urandom(5000), "docs.sqlite": b"x" * 3000, "bm25/params.json": b"{}"}


def snapshot(index_dir: Path) -> dict[str, str]:
    """sha256 of every file of the index (the lock file aside: its content is the holder's name)."""
    out = {}
    for p in sorted(index_dir.rglob("*")):
        if p.is_file() and p.name != store.LOCK:
            out[str(p.relative_to(index_dir))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def gens(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith("gen-"))


def leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith("tmp-") or p.name.endswith(".tmp"))


@pytest.fixture
def idx(tmp_path: Path) -> Path:
    d = tmp_path / "index"
    commit(d, FILES)
    return d


# ------------------------------------------------------------------ round trip


def test_commit_and_open_round_trip(tmp_path: Path) -> None:
    d = tmp_path / "deep" / "index"
    with store.begin(d) as w:
        assert w.previous is None
        assert w.staging.parent == d and w.staging.name.startswith("tmp-")
        for name, data in FILES.items():
            (w.staging / name).parent.mkdir(parents=True, exist_ok=True)
            (w.staging / name).write_bytes(data)
        m = manifest(extra={"note": "ü"})
        gen = w.commit(m)
    assert (d / store.CURRENT).read_text().strip() == gen.name
    assert gen.name.startswith("gen-") and not leftovers(d)
    got_gen, got = store.open_manifest(d)
    assert got_gen == gen == store.current(d)
    assert got == m
    assert set(got.files) == set(FILES)
    assert got.files["vectors.faiss"]["size"] == 5000
    assert got.created.endswith("Z")
    store.verify(gen, got)
    store.verify(gen, got, ["bm25/params.json"])
    for name, data in FILES.items():
        assert (gen / name).read_bytes() == data


def test_generations_are_kept_current_and_previous(idx: Path) -> None:
    first = store.current(idx)
    with store.begin(idx) as w:
        assert w.previous == first
        (w.staging / "v").write_bytes(b"2")
        second = w.commit(manifest())
    assert gens(idx) == sorted([first.name, second.name])
    third = commit(idx, {"v": b"3"})
    assert gens(idx) == sorted([second.name, third.name])
    assert first.name < second.name < third.name  # names sort in commit order
    gen, m = store.open_manifest(idx)
    assert gen == third and set(m.files) == {"v"}
    store.verify(gen, m)


def test_leaving_the_block_without_commit_writes_nothing(idx: Path) -> None:
    before = snapshot(idx)
    with store.begin(idx) as w:
        (w.staging / "x").write_bytes(b"x")
    assert snapshot(idx) == before and not leftovers(idx)


# ------------------------------------------------------------------ manifest validation


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("model"),
        lambda d: d.pop("files"),
        lambda d: d.update(dim="384"),
        lambda d: d.update(dim=0),
        lambda d: d.update(dim=True),
        lambda d: d.update(normalized=1),
        lambda d: d.update(chunker=[]),
        lambda d: d.update(counts={"passages": "3"}),
        lambda d: d.update(documents={"/a": 1}),
        lambda d: d.update(created="yesterday"),
        lambda d: d.update(surprise=1),
        lambda d: d.update(files={"../etc/passwd": {"size": 1, "xxh3": "0" * 32}}),
        lambda d: d.update(files={"/etc/passwd": {"size": 1, "xxh3": "0" * 32}}),
        lambda d: d.update(files={"a//b": {"size": 1, "xxh3": "0" * 32}}),
        lambda d: d.update(files={"a": {"size": -1, "xxh3": "0" * 32}}),
        lambda d: d.update(files={"a": {"size": 1, "xxh3": "xyz"}}),
        lambda d: d.update(files={"a": {"size": 1}}),
    ],
)
def test_manifest_validation(mutate) -> None:  # type: ignore[no-untyped-def]
    data = manifest(created="2025-01-01T00:00:00+00:00").to_json()
    assert store.Manifest.from_json(data).dim == 384
    mutate(data)
    with pytest.raises(IndexDamaged, match="manifest is damaged"):
        store.Manifest.from_json(data)


def test_manifest_that_is_not_an_object() -> None:
    with pytest.raises(IndexDamaged):
        store.Manifest.from_json([1, 2])


def _rewrite_manifest(gen: Path, edit) -> None:  # type: ignore[no-untyped-def]
    path = gen / store.MANIFEST
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def test_manifest_edited_on_disk_fails_its_checksum(idx: Path) -> None:
    _rewrite_manifest(store.current(idx), lambda d: d.update(dim=768))
    with pytest.raises(IndexDamaged, match="checksum"):
        store.open_manifest(idx)


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe", b"[]", b'{"format_version": "1"}'])
def test_manifest_garbage_on_disk(idx: Path, content: bytes) -> None:
    (store.current(idx) / store.MANIFEST).write_bytes(content)
    with pytest.raises(IndexDamaged):
        store.open_manifest(idx)


def test_manifest_missing_or_too_big(idx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_MANIFEST_BYTES", 100)
    with pytest.raises(IndexDamaged, match="limit"):
        store.open_manifest(idx)
    (store.current(idx) / store.MANIFEST).unlink()
    with pytest.raises(IndexDamaged, match="missing"):
        store.open_manifest(idx)


def test_newer_format_is_refused(idx: Path) -> None:
    newer = store.FORMAT_VERSION + 1
    _rewrite_manifest(store.current(idx), lambda d: d.update(format_version=newer, something_new=[1]))
    with pytest.raises(
        IndexIncompatible,
        match=rf"index format {newer} is newer than this qa supports \({store.FORMAT_VERSION}\)",
    ) as e:
        store.open_manifest(idx)
    assert "upgrade qa" in e.value.hint and "qa index" not in e.value.hint  # the CLI adds its commands


def test_migration_of_an_older_format(idx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A synthetic format 0: 'dimension' instead of 'dim', no 'extra', no manifest checksum."""
    gen = store.current(idx)
    good = store.read_manifest(gen)

    def to_v0(d: dict) -> None:
        d["format_version"] = 0
        d["dimension"] = d.pop("dim")
        d.pop("extra")
        d.pop(store._CHECKSUM_KEY)

    _rewrite_manifest(gen, to_v0)
    with pytest.raises(IndexIncompatible, match="format 0 is too old"):
        store.open_manifest(idx)

    def v0_to_v1(d: dict) -> dict:
        d["dim"] = d.pop("dimension")
        d["extra"] = {"migrated_from": 0}
        return d

    monkeypatch.setitem(store.MIGRATIONS, 0, v0_to_v1)
    _, m = store.open_manifest(idx)
    assert m.format_version == store.FORMAT_VERSION
    assert m.dim == good.dim and m.files == good.files and m.extra == {"migrated_from": 0}
    store.verify(gen, m)


# ------------------------------------------------------------------ checksums


def _flip(p: Path) -> None:
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0x01
    p.write_bytes(bytes(data))


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[:-1])


def _append(p: Path) -> None:
    with open(p, "ab") as f:
        f.write(b"\0")


def _remove(p: Path) -> None:
    p.unlink()


def _folder(p: Path) -> None:
    p.unlink()
    p.mkdir()


def _symlink(p: Path) -> None:
    copy = p.with_name("copy")
    copy.write_bytes(p.read_bytes())  # same bytes: only the link itself is wrong
    p.unlink()
    p.symlink_to(copy)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_flip, "checksum mismatch"),
        (_truncate, "size 4999 bytes, expected 5000"),
        (_append, "size 5001 bytes, expected 5000"),
        (_remove, "missing"),
        (_folder, "not a regular file"),
        (_symlink, "not a regular file"),
    ],
)
def test_verify_detects_damage(idx: Path, damage, reason: str) -> None:  # type: ignore[no-untyped-def]
    gen, m = store.open_manifest(idx)
    damage(gen / "vectors.faiss")
    with pytest.raises(IndexDamaged) as e:
        store.verify(gen, m)
    assert e.value.message == f"index file vectors.faiss is damaged ({reason})"
    assert "rebuild it" in e.value.hint and "qa index" not in e.value.hint
    store.verify(gen, m, ["docs.sqlite", "bm25/params.json"])  # the others are fine


def test_verify_detects_damage_in_a_subfolder(idx: Path) -> None:
    gen, m = store.open_manifest(idx)
    _flip(gen / "bm25" / "params.json")
    with pytest.raises(IndexDamaged, match="bm25/params.json is damaged"):
        store.verify(gen, m)
    with pytest.raises(IndexDamaged, match="not listed"):
        store.verify(gen, m, ["nonexistent.bin"])


# ------------------------------------------------------------------ CURRENT and the folder


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing) as e:
        store.current(tmp_path / "nope")
    assert "build one" in e.value.hint and "qa index" not in e.value.hint
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexMissing):
        store.open_manifest(tmp_path / "empty")


def test_index_dir_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("hello")
    with pytest.raises(IndexDamaged, match="is a file"):
        store.current(f)
    with pytest.raises(IndexDamaged, match="is a file"):
        store.begin(f)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff" * 10, b"../../etc\n", b"tmp-20250101T000000.000000Z-0123abcd\n", b"gen-" + b"9" * 5000],
)
def test_current_garbage(idx: Path, content: bytes) -> None:
    (idx / store.CURRENT).write_bytes(content)
    with pytest.raises(IndexDamaged, match="CURRENT is unreadable"):
        store.open_manifest(idx)


def test_current_pointing_nowhere(idx: Path) -> None:
    (idx / store.CURRENT).write_text("gen-20200101T000000.000000Z-deadbeef\n")
    with pytest.raises(IndexDamaged, match="does not exist"):
        store.open_manifest(idx)
    (idx / store.CURRENT).unlink()
    (idx / store.CURRENT).mkdir()
    with pytest.raises(IndexDamaged, match="is a folder"):
        store.current(idx)


# ------------------------------------------------------------------ compatibility


def test_check_compatible() -> None:
    m = manifest()
    store.check_compatible(m, model_fingerprint="0f" * 16, model="other-name-same-files", dim=384)
    store.check_compatible(m, model_fingerprint=None, model=m.model, dim=None)
    with pytest.raises(IndexIncompatible) as e:
        store.check_compatible(
            m, model_fingerprint="fp-mpnet", model="all-mpnet-base-v2", dim=768, index_dir=Path("ix")
        )
    assert e.value.message == (
        "index ix was built with model sentence-transformers/all-MiniLM-L6-v2 (384 dims); "
        "this run uses model all-mpnet-base-v2 (768 dims)"
    )
    assert "rebuild it" in e.value.hint and "--rebuild" not in e.value.hint
    # Same dimension, other model: refused, because the vectors are not comparable.
    with pytest.raises(IndexIncompatible, match="this run uses model paraphrase-MiniLM-L6-v2 \\(384 dims\\)"):
        store.check_compatible(m, model_fingerprint="fp-para", model="paraphrase-MiniLM-L6-v2", dim=384)
    # Same name, other weights: the fingerprints tell.
    with pytest.raises(IndexIncompatible, match="fingerprint 0f0f0f0f0f0f.*fingerprint fp-retrained"):
        store.check_compatible(m, model_fingerprint="fp-retrained", model=m.model, dim=384)
    with pytest.raises(IndexIncompatible):
        store.check_compatible(m, model_fingerprint=None, model=None, dim=768)


# ------------------------------------------------------------------ the lock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from index import store
    w = store.begin(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.read()  # hold until the test closes our stdin (or kills us)
    w.close()
    """
)


@pytest.fixture
def holder(idx: Path) -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(idx)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready and proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_lock_held_by_another_process(idx: Path, holder: subprocess.Popen[str]) -> None:
    before, staged = snapshot(idx), leftovers(idx)  # the holder's own staging folder
    t0 = time.monotonic()
    with pytest.raises(IndexLocked) as e:
        store.begin(idx)
    elapsed = time.monotonic() - t0
    print(f"IndexLocked raised after {elapsed * 1000:.1f} ms")
    assert e.value.message.startswith(f"index {idx} is being written by pid {holder.pid} (")
    assert "since" in e.value.message and "-c" in e.value.message
    assert snapshot(idx) == before and leftovers(idx) == staged  # the loser touched nothing
    # The holder dies without cleaning up: the kernel releases the lock, the next writer proceeds.
    holder.kill()
    holder.wait()
    with store.begin(idx) as w:
        (w.staging / "after").write_bytes(b"ok")
        gen = w.commit(manifest())
    assert store.current(idx) == gen


def test_lock_released_by_a_clean_exit(idx: Path, holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(60) == 0
    with store.begin(idx):
        pass


def test_lock_in_the_same_process(idx: Path) -> None:
    with store.begin(idx):
        with pytest.raises(IndexLocked, match=f"pid {os.getpid()}"):
            store.begin(idx)
    with store.begin(idx):  # released on exit
        pass


# ------------------------------------------------------------------ failures while writing


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt(), ValueError("bad")])
def test_exception_in_block_leaves_previous_intact(idx: Path, exc: BaseException) -> None:
    before = snapshot(idx)
    with pytest.raises(type(exc)):
        with store.begin(idx) as w:
            (w.staging / "vectors.faiss").write_bytes(b"half")
            staging = w.staging
            raise exc
    assert snapshot(idx) == before
    assert not staging.exists() and not leftovers(idx)
    with store.begin(idx):  # and the lock is free
        pass


@pytest.mark.parametrize("step", store.STEPS)
def test_interrupted_commit_at_every_step(idx: Path, step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(idx)
    old = store.current(idx)

    def hook(name: str) -> None:
        if name == step:
            raise KeyboardInterrupt

    monkeypatch.setattr(store, "fault_hook", hook)
    with pytest.raises(KeyboardInterrupt):
        with store.begin(idx) as w:
            (w.staging / "new").write_bytes(b"new")
            w.commit(manifest())
    monkeypatch.setattr(store, "fault_hook", None)
    gen, m = store.open_manifest(idx)
    store.verify(gen, m)
    assert not leftovers(idx)
    if store.STEPS.index(step) < store.STEPS.index("current"):
        assert gen == old and snapshot(idx) == before
    else:
        assert gen != old and set(m.files) == {"new"}
    with store.begin(idx):
        pass


def test_sigterm_runs_the_same_cleanup(idx: Path) -> None:
    before = snapshot(idx)
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises(store.Terminated) as e:
        with store.begin(idx) as w:
            (w.staging / "x").write_bytes(b"x")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the signal arrives before this ends
    assert isinstance(e.value, KeyboardInterrupt) and e.value.signum == signal.SIGTERM
    assert snapshot(idx) == before and not leftovers(idx)
    assert signal.getsignal(signal.SIGTERM) == handler


def test_interruptible_restores_the_handler() -> None:
    old = signal.getsignal(signal.SIGTERM)
    with store.interruptible():
        assert signal.getsignal(signal.SIGTERM) != old
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    assert signal.getsignal(signal.SIGTERM) == old


def test_leftovers_of_a_crash_are_cleaned(idx: Path) -> None:
    prev = store.current(idx)
    cur = commit(idx, {"v": b"2"})
    # What killed runs leave: a half-written staging folder, CURRENT.tmp, an orphan generation
    # renamed but never made current, and old generations whose deletion did not happen.
    old1 = idx / "gen-20000101T000000.000000Z-00000001"
    old2 = idx / "gen-20000101T000000.000001Z-00000002"
    orphan = idx / "gen-29990101T000000.000000Z-0000000f"
    stray = idx / "tmp-20250101T000000.000000Z-0123abcd"
    for d in (old1, old2, orphan, stray):
        (d / "sub").mkdir(parents=True)
        (d / "sub" / "f").write_bytes(b"x")
    (idx / "CURRENT.tmp").write_text(orphan.name)
    # Things that are not ours are never deleted, even if their names look alike.
    (idx / "tmp-mine").mkdir()
    (idx / "notes.txt").write_text("mine")
    with store.begin(idx) as w:
        assert w.previous == cur
    assert gens(idx) == sorted([prev.name, cur.name])
    assert not stray.exists() and not (idx / "CURRENT.tmp").exists()
    assert (idx / "tmp-mine").is_dir() and (idx / "notes.txt").read_text() == "mine"
    gen, m = store.open_manifest(idx)
    assert gen == cur
    store.verify(gen, m)


def test_damaged_current_keeps_generations_for_inspection(idx: Path) -> None:
    cur = store.current(idx)
    (idx / store.CURRENT).write_text("garbage")
    with store.begin(idx) as w:
        assert w.previous is None
    assert cur.is_dir()


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "no space left on device"),
        (errno.EDQUOT, "disk quota exceeded"),
        (errno.EROFS, "read-only file system"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_storage_errors_in_commit(idx: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str) -> None:
    before = snapshot(idx)

    def fail(path: Path, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store, "_write_file", fail)
    with pytest.raises(StorageError) as e:
        with store.begin(idx) as w:
            (w.staging / "vectors.faiss").write_bytes(b"v")
            w.commit(manifest())
    assert e.value.message == f"could not write the index: {reason}; the previous index is intact"
    assert snapshot(idx) == before and not leftovers(idx)
    monkeypatch.undo()
    gen, m = store.open_manifest(idx)
    store.verify(gen, m)
    with store.begin(idx):
        pass


def test_storage_error_while_the_builder_writes(idx: Path) -> None:
    before = snapshot(idx)
    with pytest.raises(StorageError, match="no space left on device; the previous index is intact"):
        with store.begin(idx) as w:
            (w.staging / "vectors.faiss").write_bytes(b"partial")
            raise OSError(errno.ENOSPC, "No space left on device", str(w.staging / "vectors.faiss"))
    assert snapshot(idx) == before and not leftovers(idx)


def test_storage_error_without_a_previous_index(tmp_path: Path) -> None:
    d = tmp_path / "new"
    with pytest.raises(StorageError, match="no space left on device; no index was written"):
        with store.begin(d):
            raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(IndexMissing):
        store.current(d)


def test_read_only_location_is_a_storage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StorageError, match="read-only file system"):
        store.begin(tmp_path / "ro")


# ------------------------------------------------------------------ kill -9

WRITER_LOOP = textwrap.dedent(
    """
    import os, random, sys
    from index import store
    print("started", flush=True)
    while True:
        with store.begin(sys.argv[1]) as w:
            for i in range(3):
                (w.staging / f"f{i}").write_bytes(os.urandom(random.randint(0, 300_000)))
            (w.staging / "sub").mkdir()
            (w.staging / "sub" / "g").write_bytes(os.urandom(1000))
            w.commit(store.Manifest(store.FORMAT_VERSION, "m", "0f" * 16, 8, True, {}, {"type": "flat"}, {}, {}))
    """
)


@pytest.mark.slow
def test_kill_9_at_random_moments(idx: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(1234)
    seen = {store.current(idx).name}
    saw_leftovers = 0
    for _ in range(30):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER_LOOP, str(idx)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        saw_leftovers += bool(leftovers(idx))
        gen, m = store.open_manifest(idx)  # old or new, never broken
        store.verify(gen, m)
        seen.add(gen.name)
    print(f"{len(seen) - 1} new generations seen, leftovers after {saw_leftovers} of 30 kills")
    assert len(seen) > 1  # commits did happen between kills: the test exercised something
    with store.begin(idx):
        pass
    assert len(gens(idx)) <= 2 and not leftovers(idx)


KILL_AT_STEP = textwrap.dedent(
    """
    import os, signal, sys
    from index import store
    step = sys.argv[2]
    store.fault_hook = lambda name: os.kill(os.getpid(), signal.SIGKILL) if name == step else None
    with store.begin(sys.argv[1]) as w:
        (w.staging / "new").write_bytes(b"new" * 1000)
        w.commit(store.Manifest(store.FORMAT_VERSION, "m", "0f" * 16, 8, True, {}, {"type": "flat"}, {}, {}))
    """
)


@pytest.mark.parametrize("step", store.STEPS)
def test_kill_9_at_every_commit_step(idx: Path, step: str) -> None:
    """The fault hook kills the writer at an exact step: the index is the old one or the new one."""
    old = store.current(idx)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", KILL_AT_STEP, str(idx), step], env=env, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    gen, m = store.open_manifest(idx)
    store.verify(gen, m)
    assert (gen == old) == (store.STEPS.index(step) < store.STEPS.index("current"))
    with store.begin(idx):  # the next writer gets the lock and tidies up
        pass
    assert not leftovers(idx) and len(gens(idx)) <= 2
    assert store.current(idx) == gen
