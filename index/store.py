"""An index folder as a series of immutable generations, switched atomically.

Layout of INDEX_DIR:
    CURRENT               one line: the name of the current generation folder
    gen-<time>-<random>/  one complete index: manifest.json plus the data files the builder wrote
    tmp-<time>-<random>/  a generation being written (removed if the run dies)
    .lock                 flock'ed by the one writer; holds its pid, host, command line and start time

Why: saving in place loses the index when the writer is killed, and binary index formats carry no
checksum, so a flipped byte loads and answers wrongly. Here a reader only ever sees a generation that
was complete and fsynced before CURRENT named it, and `verify` checks every file's size and xxh3
before any parser reads it.

Fault injection: every step of `Writer.commit` calls `fault_hook(step)` (see `STEPS`); set it to
raise or to kill the process to test a crash at that exact point.
"""

from __future__ import annotations

import errno
import fcntl
import json
import math
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import sqlite3
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from types import FrameType, TracebackType
from typing import Any

import xxhash

from index.errors import IndexDamaged, IndexIncompatible, IndexLocked, IndexMissing, NotAFolder, StorageError

FORMAT_VERSION = 6  # 6: docs.sqlite schema 5 (the document text is the last column, so that SQLite
# never makes the whole text in memory while storing it: index/docstore.py); schema 4 is still read
# 5: docs.sqlite schema 4 (document texts as UTF-8 BLOBs written piecewise:
# index/docstore.py, for bounded memory while storing); schemas 1-3 are still read
# 4: exact vector indexes store float16 codes (ann "storage": "fp16"); older
# indexes are still read (an exact index without "storage" holds float32 vectors)
# 3: quotes keep their source (docstore schema 3)
# 2: documents carry metadata (title, author, date, url)
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
# The data files of a generation, written by index.build and read by qa.engine.
VECTORS = "vectors.faiss"
DOCSTORE = "docs.sqlite"
LEXICAL = "bm25"
LOCK = ".lock"

MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # read (bounded) before json parses it
MAX_CURRENT_BYTES = 1024
# verify/hash read size: bounded memory whatever the file size. 64 KiB, not 1 MiB: the 1 MiB buffer
# was the build's last peak at 3 MB of text (bench/reports/index_scale.txt, twelfth pass).
BLOCK = 1 << 16
_CHECKSUM_KEY = "manifest_xxh3"  # xxh3_128 of the canonical JSON of the other keys

_TIME_FMT = "%Y%m%dT%H%M%S.%fZ"  # fixed width, so names sort in commit order
_NAME_RE = re.compile(r"^(gen|tmp)-(\d{8}T\d{6}\.\d{6}Z)-([0-9a-f]{8})$")
_HEX128_RE = re.compile(r"^[0-9a-f]{32}$")
# Model fingerprints are xxh3_128 (32 hex digits) or sha256 (64) digests, never paths: they name a cache folder.
_FINGERPRINT_RE = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{64})$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# Bounds of a manifest's numbers: far above any real index, low enough that nothing sized by them can
# exhaust memory before the files (whose sizes the manifest also gives) contradict them.
MAX_DIM = 8192
MAX_COUNT = 1 << 40
MAX_FILE_SIZE = 1 << 50
MAX_NAME_CHARS = 4096
# extra "int8_build_tokens": the int8 build's budget of padded word pieces a batch (0: none), which an
# update reuses (index/embed.py INT8_BUILD_TOKENS). 8192 = the build's 32 texts x the model's 256
# word pieces: a larger budget never cuts a batch, so no index of ours holds one.
MAX_INT8_BUILD_TOKENS = 8192
_ANN_TYPES = {
    "flat": {"type", "storage"},
    "ivf": {"type", "nlist", "nprobe", "storage"},
    "hnsw": {"type", "M", "efConstruction", "efSearch", "storage"},
}
_ANN_STORAGE = {"flat", "sq8", "fp16"}
_COUNT_KEYS = {"documents", "passages", "quotes"}

# Migrations of older manifests: MIGRATIONS[v] turns a format-v manifest dict into format v+1.
# 1 -> 2: only the document store gained a column, and it reads schema 1 as "no metadata".
# 2 -> 3: only the document store's quotes gained columns (read as empty sources from schema 1-2).
# 3 -> 4: only new exact indexes changed (float16 codes, stated by ann "storage"); float32 ones are read.
# 4 -> 5: only the document store's schema changed (4: texts as BLOBs); schema 3 is still read.
# 5 -> 6: only the document store's column order changed (5: text last); schema 4 is still read.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: dict,
    2: dict,
    3: dict,
    4: dict,
    5: dict,
}

# The named points of a commit, in order; `fault_hook` is called with each.
STEPS = (
    "hashed",  # every staged file hashed and fsynced
    "manifest",  # manifest.json written and fsynced, folders fsynced
    "renamed",  # staging renamed to gen-..., index_dir fsynced
    "current-tmp",  # CURRENT.tmp written and fsynced
    "current",  # CURRENT replaced, index_dir fsynced: the new generation is live
    "pruned",  # generations older than the previous one deleted
)
fault_hook: Callable[[str], None] | None = None

_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.EFBIG}
_REASONS = {
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "input/output error",
    errno.EFBIG: "file too large",
}


def _step(name: str) -> None:
    if fault_hook is not None:
        fault_hook(name)


def _rebuild_hint(index_dir: Path) -> str:
    # No command here (index/errors.py): the CLI adds its own, the API has qa.build.
    return "rebuild it from its documents"


def utc_now() -> str:
    """ISO 8601 UTC time for `Manifest.created`."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# --------------------------------------------------------------------------- manifest


@dataclass
class Manifest:
    """What a generation holds and how it was built: enough to refuse a mismatched model or a damaged file."""

    format_version: int
    model: str  # name or folder as given by the user
    model_fingerprint: str  # changes whenever the model's weights/tokenizer change
    dim: int
    normalized: bool
    chunker: dict[str, Any]
    ann: dict[str, Any]  # vector index type and parameters
    documents: dict[str, str]  # source -> sha256 of its text
    counts: dict[str, int]
    created: str = ""  # ISO 8601 UTC; filled by commit() when empty
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # relpath -> {"size", "xxh3"}; by commit()
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "model": self.model,
            "model_fingerprint": self.model_fingerprint,
            "dim": self.dim,
            "normalized": self.normalized,
            "chunker": self.chunker,
            "ann": self.ann,
            "documents": self.documents,
            "counts": self.counts,
            "created": self.created,
            "files": self.files,
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        """Strictly validated: a missing key, an unknown key or a wrong type is damage, not a default."""
        problems = _problems(data)
        if problems:
            raise IndexDamaged(f"index manifest is damaged ({problems[0]})")
        assert isinstance(data, dict)
        return cls(**{k: data[k] for k in _FIELDS})


_FIELDS: dict[str, type | tuple[type, ...]] = {
    "format_version": int,
    "model": str,
    "model_fingerprint": str,
    "dim": int,
    "normalized": bool,
    "chunker": dict,
    "ann": dict,
    "documents": dict,
    "counts": dict,
    "created": str,
    "files": dict,
    "extra": dict,
}


def _is(value: Any, kind: type | tuple[type, ...]) -> bool:
    # bool is an int subclass: True must not pass for a count or a dimension.
    if kind is int and isinstance(value, bool):
        return False
    return isinstance(value, kind)


def _safe_relpath(name: str) -> bool:
    """A manifest must not make verify() read outside its generation."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    parts = PurePosixPath(name).parts
    return all(p not in ("", ".", "..") for p in parts) and "/".join(parts) == name and name != MANIFEST


def _problems(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["not a JSON object"]
    out: list[str] = []
    for key, kind in _FIELDS.items():
        if key not in data:
            out.append(f"missing {key!r}")
        elif not _is(data[key], kind):
            out.append(f"{key!r} has the wrong type")
    unknown = sorted(set(data) - set(_FIELDS) - {_CHECKSUM_KEY})
    if unknown:
        out.append(f"unknown key {unknown[0]!r}")
    if out:
        return out
    if not 1 <= data["format_version"] <= MAX_COUNT:
        out.append("'format_version' is out of range")
    if not 1 <= data["dim"] <= MAX_DIM:
        out.append(f"'dim' is not in 1..{MAX_DIM}")
    if not _plain_name(data["model"]):
        out.append("'model' is not a plain name")
    if not _FINGERPRINT_RE.match(data["model_fingerprint"]):
        out.append("'model_fingerprint' is not a hex digest")
    if not all(
        _plain_name(k) and isinstance(v, str) and _SHA256_RE.match(v) for k, v in data["documents"].items()
    ):
        out.append("'documents' must map sources to sha256 strings")
    counts = data["counts"]
    if not all(k in _COUNT_KEYS and _is(v, int) and 0 <= v <= MAX_COUNT for k, v in counts.items()):
        out.append("'counts' must map names to integers in range")
    elif counts.get("documents", len(data["documents"])) != len(data["documents"]):
        out.append("'counts' disagrees with 'documents'")
    out += _ann_problems(data["ann"])
    out += _scalars_problems("chunker", data["chunker"])
    if not all(isinstance(k, str) and len(k) <= 64 for k in data["extra"]) or _depth(data["extra"]) > 5:
        out.append("'extra' is nested too deep or has long keys")
    extra = data["extra"]
    if "quantized" in extra and not isinstance(extra["quantized"], bool):
        out.append("'extra.quantized' is not a boolean")
    if "lexical" in extra and not (_is(extra["lexical"], int) and 1 <= extra["lexical"] <= 1000):
        out.append("'extra.lexical' is out of range")
    tokens = extra.get("int8_build_tokens", 0)
    if not (_is(tokens, int) and 0 <= tokens <= MAX_INT8_BUILD_TOKENS):
        out.append(f"'extra.int8_build_tokens' is not an integer in 0..{MAX_INT8_BUILD_TOKENS}")
    try:
        datetime.fromisoformat(data["created"].replace("Z", "+00:00"))
    except ValueError:
        out.append("'created' is not an ISO 8601 time")
    for name, entry in data["files"].items():
        if not isinstance(name, str) or not _safe_relpath(name):
            out.append(f"file name {name!r} is not a plain relative path")
        elif (
            not isinstance(entry, dict)
            or set(entry) != {"size", "xxh3"}
            or not _is(entry["size"], int)
            or not 0 <= entry["size"] <= MAX_FILE_SIZE
            or not isinstance(entry["xxh3"], str)
            or not _HEX128_RE.match(entry["xxh3"])
        ):
            out.append(f"entry for file {name!r} is malformed")
    return out


def _plain_name(value: Any) -> bool:
    """A name or source shown to users and compared, never opened from an index: bounded, no NUL."""
    return isinstance(value, str) and 0 < len(value) <= MAX_NAME_CHARS and "\x00" not in value


def _scalars_problems(key: str, value: dict[str, Any]) -> list[str]:
    """Settings dicts hold short names mapped to booleans, finite numbers or short strings."""
    for k, v in value.items():
        ok = (
            isinstance(k, str)
            and len(k) <= 64
            and (
                isinstance(v, bool)
                or (_is(v, int) and abs(v) <= MAX_COUNT)
                or (isinstance(v, float) and math.isfinite(v))
                or (isinstance(v, str) and len(v) <= MAX_NAME_CHARS)
            )
        )
        if not ok:
            return [f"{key!r} entry {k!r} is not a plain setting"]
    return []


def _depth(value: Any, limit: int = 5) -> int:
    """Nesting depth of parsed JSON, counted up to limit + 1 (iterative: no recursion on hostile input)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth + 1 > limit:
                return limit + 1
            deepest = max(deepest, depth + 1)
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _ann_problems(ann: dict[str, Any]) -> list[str]:
    """The vector index type and its parameters: known keys, integers in the range FAISS accepts."""
    kind = ann.get("type")
    allowed = _ANN_TYPES.get(kind) if isinstance(kind, str) else None
    if allowed is None:
        return ["'ann' has an unknown type"]
    if not set(ann) <= allowed:
        return [f"'ann' has an unknown key {sorted(set(ann) - allowed)[0]!r}"]
    if "storage" in ann and ann["storage"] not in _ANN_STORAGE:
        return ["'ann' storage is unknown"]
    ints = {k: v for k, v in ann.items() if k not in ("type", "storage")}
    if not all(_is(v, int) and 1 <= v <= 1 << 24 for v in ints.values()):
        return ["'ann' parameters must be integers in 1..16777216"]
    if kind == "ivf" and not ("nlist" in ann and 1 <= ann.get("nprobe", 1) <= ann["nlist"]):
        return ["'ann' nprobe must be in 1..nlist"]
    if kind == "hnsw" and not ("M" in ann and 2 <= ann["M"] <= 1024):
        return ["'ann' M must be in 2..1024"]
    return []


def _canonical(data: dict[str, Any]) -> bytes:
    body = {k: v for k, v in data.items() if k != _CHECKSUM_KEY}
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8", "surrogatepass")  # lone surrogates: names of files that are not UTF-8


def _dump_manifest(manifest: Manifest) -> bytes:
    data = manifest.to_json()
    data[_CHECKSUM_KEY] = xxhash.xxh3_128_hexdigest(_canonical(data))
    try:
        return (
            json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
        ).encode()
    except UnicodeEncodeError:  # a file name that is not UTF-8: \udcxx escapes keep the file valid UTF-8
        return (
            json.dumps(data, indent=1, sort_keys=True, ensure_ascii=True, allow_nan=False) + "\n"
        ).encode()


# --------------------------------------------------------------------------- reading


_PERMISSION = (errno.EACCES, errno.EPERM)


def _unreadable(path: Path, exc: OSError) -> StorageError:
    """A permission problem is the storage's, not damage: nothing is wrong with the index itself."""
    return StorageError(f"cannot read {path}: {_REASONS.get(exc.errno or 0) or exc.strerror or exc}")


# A file is never replaced by an index (it may be the user's document): another path is needed.
_FOLDER_HINT = "an index is a folder: give the path of a new or existing index folder"


def current(index_dir: Path) -> Path:
    """The current generation folder of `index_dir`."""
    index_dir = Path(index_dir)
    build_hint = "build one from your documents"
    try:
        st = os.stat(index_dir)
    except (FileNotFoundError, NotADirectoryError):
        raise IndexMissing(f"no index at {index_dir}", hint=build_hint) from None
    except OSError as exc:
        raise _unreadable(index_dir, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise NotAFolder(f"{index_dir} is a file, not an index folder", hint=_FOLDER_HINT)
    pointer = index_dir / CURRENT
    try:
        raw = _read_capped(pointer, MAX_CURRENT_BYTES)
    except FileNotFoundError:
        gens = _generations(index_dir)
        if gens:
            # CURRENT deleted (or lost) beside generations that hold documents: a damaged index,
            # not an absent one. Read as absent, `qa index` started from scratch and pruned them
            # (51 documents -> 1, exit 0: issue 10 case 7, the pointer instead of a data file).
            raise IndexDamaged(
                f"index {index_dir} is damaged (no {CURRENT} file, beside {len(gens)} generation "
                f"folder(s) such as {gens[-1]})",
                _rebuild_hint(index_dir),
            ) from None
        raise IndexMissing(f"no index at {index_dir} (no {CURRENT} file)", hint=build_hint) from None
    except IsADirectoryError:
        what = "a folder" if os.path.isdir(pointer) else "not a regular file"
        raise IndexDamaged(
            f"index {index_dir} is damaged ({CURRENT} is {what})", _rebuild_hint(index_dir)
        ) from None
    except OSError as exc:
        if exc.errno in _PERMISSION:
            raise _unreadable(pointer, exc) from None
        raise IndexDamaged(
            f"index {index_dir} is unreadable ({exc.strerror or exc})", _rebuild_hint(index_dir)
        ) from None
    except ValueError:
        raw = b""
    try:
        name = raw.decode("ascii").strip()
    except UnicodeDecodeError:
        name = ""
    m = _NAME_RE.match(name)
    if m is None or m.group(1) != "gen":
        raise IndexDamaged(
            f"index {index_dir} is damaged ({CURRENT} is unreadable)", _rebuild_hint(index_dir)
        )
    gen = index_dir / name
    try:
        is_dir = stat.S_ISDIR(os.lstat(gen).st_mode)
    except FileNotFoundError:
        is_dir = False
    except OSError as exc:
        raise _unreadable(gen, exc) from None
    if not is_dir:
        raise IndexDamaged(
            f"index {index_dir} is damaged ({CURRENT} names {name}, which does not exist)",
            _rebuild_hint(index_dir),
        )
    return gen


def _read_capped(path: Path, cap: int) -> bytes:
    """At most `cap` bytes of a regular file; a FIFO or device is refused, never waited on."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a regular file")
        if st.st_size > cap:
            raise ValueError(f"{st.st_size} bytes, over the {cap} byte limit")
        chunks: list[bytes] = []
        left = cap + 1
        while left > 0:
            b = os.read(fd, min(BLOCK, left))
            if not b:
                break
            chunks.append(b)
            left -= len(b)
        data = b"".join(chunks)
        if len(data) > cap:
            raise ValueError(f"over the {cap} byte limit")
        return data
    finally:
        os.close(fd)


def read_manifest(gen: Path) -> Manifest:
    """Read and validate `gen/manifest.json`, migrating older formats."""
    index_dir = gen.parent
    hint = _rebuild_hint(index_dir)
    try:
        raw = _read_capped(gen / MANIFEST, MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST} is missing)", hint) from None
    except OSError as exc:
        if exc.errno in _PERMISSION:
            raise _unreadable(gen / MANIFEST, exc) from None
        raise IndexDamaged(
            f"index {index_dir} is damaged ({MANIFEST}: {exc.strerror or exc})", hint
        ) from None
    except ValueError as exc:
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST}: {exc})", hint) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST} is not valid JSON)", hint) from None
    if not isinstance(data, dict) or not _is(data.get("format_version"), int):
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST} has no format version)", hint)
    version: int = data["format_version"]
    if version < 0:
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST} has format version {version})", hint)
    if version > FORMAT_VERSION:
        raise IndexIncompatible(
            f"index format {version} is newer than this qa supports ({FORMAT_VERSION})",
            hint=f"upgrade qa or {hint}",
        )
    if _CHECKSUM_KEY in data or version == FORMAT_VERSION:
        if data.get(_CHECKSUM_KEY) != _checksum_or_none(data):
            raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST} checksum mismatch)", hint)
    while version < FORMAT_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise IndexIncompatible(
                f"index format {version} is too old for this qa (it reads format {FORMAT_VERSION})", hint=hint
            )
        data = {k: v for k, v in migrate(dict(data)).items() if k != _CHECKSUM_KEY}
        version += 1
        data["format_version"] = version
    problems = _problems(data)
    if problems:
        raise IndexDamaged(f"index {index_dir} is damaged ({MANIFEST}: {problems[0]})", hint)
    return Manifest.from_json(data)


def _checksum_or_none(data: dict[str, Any]) -> str | None:
    try:
        return xxhash.xxh3_128_hexdigest(_canonical(data))
    except (ValueError, TypeError):
        return None


def open_manifest(index_dir: Path) -> tuple[Path, Manifest]:
    """The current generation and its validated manifest (files are not verified: call `verify`)."""
    gen = current(Path(index_dir))
    return gen, read_manifest(gen)


@contextmanager
def pinned(index_dir: Path) -> Iterator[tuple[Path, Manifest]]:
    """The current generation and its manifest, pinned: no writer prunes it until the block ends.

    Why: a reader that is slow while two commits land would otherwise find its generation pruned
    and report a healthy index as damaged. The pin is a shared flock on the generation's folder;
    writers prune only the generations they can lock exclusively (see `_prune`). A generation that
    vanished between reading CURRENT and locking it is retried on the new CURRENT.
    """
    fd, gen = _pin(Path(index_dir))
    try:
        yield gen, read_manifest(gen)
    finally:
        os.close(fd)


def _pin(index_dir: Path) -> tuple[int, Path]:
    for _ in range(50):
        gen = current(index_dir)
        try:
            fd = os.open(gen, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            continue  # pruned between reading CURRENT and opening it: CURRENT names a newer one
        except OSError as exc:
            raise _unreadable(gen, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a writer is removing this very folder
            still_there = os.path.samestat(os.fstat(fd), os.stat(gen))
        except FileNotFoundError:
            still_there = False
        except BaseException:
            os.close(fd)
            raise
        if still_there:
            return fd, gen
        os.close(fd)
    raise IndexDamaged(f"index {index_dir} changed 50 times while it was being opened; try again")


def hash_file(path: Path, limit: int | None = None) -> tuple[int, str]:
    """(size, xxh3_128 hex) of a regular file, read in blocks; stops after `limit`+1 bytes if given."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
        return _hash_fd(fd, limit, st.st_size)
    finally:
        os.close(fd)


def _hash_fd(fd: int, limit: int | None = None, size_hint: int | None = None) -> tuple[int, str]:
    h = xxhash.xxh3_128()
    # A buffer no larger than the file: checking a small index must not cost a megabyte.
    block = BLOCK if size_hint is None else max(4096, min(BLOCK, size_hint + 1))
    buf = bytearray(block)
    view = memoryview(buf)
    size = 0
    while limit is None or size <= limit:
        n = os.readv(fd, [view])
        if n == 0:
            break
        h.update(view[:n])
        size += n
    return size, h.hexdigest()


def verify(gen: Path, manifest: Manifest, names: Iterable[str] | None = None) -> None:
    """Check size and xxh3 of the manifest's files (or only `names`) before any parser reads them."""
    hint = _rebuild_hint(gen.parent)
    for name in manifest.files if names is None else names:
        entry = manifest.files.get(name)
        if entry is None or not _safe_relpath(name):
            raise IndexDamaged(f"index file {name} is damaged (not listed in the manifest)", hint=hint)
        try:
            problem = _check_file(gen, name, entry["size"], entry["xxh3"])
        except PermissionError as exc:
            raise _unreadable(gen / name, exc) from None
        if problem:
            raise IndexDamaged(f"index file {name} is damaged ({problem})", hint=hint)
    if names is None:
        # A file the manifest does not list would be parsed unchecked: a dropped entry is damage too.
        for root, _dirs, files in os.walk(gen):
            for n in files:
                rel = PurePosixPath(Path(root, n).relative_to(gen)).as_posix()
                if rel != MANIFEST and rel not in manifest.files:
                    raise IndexDamaged(f"index file {rel} is damaged (not listed in the manifest)", hint=hint)


def _check_file(gen: Path, name: str, size: int, digest: str) -> str:
    path = gen
    parts = name.split("/")
    for i, part in enumerate(parts):
        path = path / part
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return "missing"
        except PermissionError:
            raise
        except OSError as exc:
            return f"unreadable: {exc.strerror or exc}"
        if i < len(parts) - 1 and not stat.S_ISDIR(st.st_mode):
            return f"{part} is not a folder"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size != size:
        return f"size {st.st_size} bytes, expected {size}"
    try:
        got_size, got = hash_file(path, limit=size)
    except PermissionError:
        raise
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if got_size != size:
        return f"size {got_size} bytes, expected {size}"
    if got != digest:
        return "checksum mismatch"
    return ""


def check_compatible(
    manifest: Manifest,
    *,
    model_fingerprint: str | None = None,
    model: str | None = None,
    dim: int | None = None,
    index_dir: Path | None = None,
) -> None:
    """Refuse to mix vectors of different models, even when their dimensions agree."""
    same_dim = dim is None or dim == manifest.dim
    if model_fingerprint is not None:
        same_model = model_fingerprint == manifest.model_fingerprint
    else:
        same_model = model is None or model == manifest.model
    if same_dim and same_model:
        return
    where = f"index {index_dir}" if index_dir is not None else "the index"
    theirs, ours = manifest.model, model or "another model"
    theirs_d = f"{manifest.dim} dims"
    ours_d = f"{dim} dims" if dim is not None else "dimension unknown"
    if model_fingerprint is not None and (model is None or model == manifest.model):
        # Same name (or unknown) but other weights: only the fingerprints tell them apart.
        theirs_d = f"fingerprint {manifest.model_fingerprint[:12]}, {theirs_d}"
        ours_d = f"fingerprint {model_fingerprint[:12]}, {ours_d}"
    raise IndexIncompatible(
        f"{where} was built with model {theirs} ({theirs_d}); this run uses model {ours} ({ours_d})",
        hint=_rebuild_hint(index_dir) if index_dir is not None else "rebuild it from its documents",
    )


# --------------------------------------------------------------------------- signals


class Terminated(KeyboardInterrupt):
    """SIGTERM, delivered like Ctrl-C so that the same cleanup runs; `signum` tells them apart."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(f"terminated by signal {signum}")
        self.signum = signum


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, SIGTERM raises `Terminated` (a KeyboardInterrupt) in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    old = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old if old is not None else signal.SIG_DFL)


# --------------------------------------------------------------------------- writing


def _fsync_path(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    """Create `path` (which must not exist), write `data`, fsync."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_ours(name: str, kind: str) -> bool:
    m = _NAME_RE.match(name)
    return m is not None and m.group(1) == kind


def _new_name(kind: str, after: str | None = None) -> str:
    """`kind-<utc time>-<random>`, later than `after` even if the clock went backwards."""
    now = datetime.now(UTC)
    m = _NAME_RE.match(after) if after else None
    if m is not None:
        prev = datetime.strptime(m.group(2), _TIME_FMT).replace(tzinfo=UTC)
        now = max(now, prev + timedelta(microseconds=1))
    return f"{kind}-{now.strftime(_TIME_FMT)}-{secrets.token_hex(4)}"


def _read_current_name(index_dir: Path) -> str | None:
    try:
        name = _read_capped(index_dir / CURRENT, MAX_CURRENT_BYTES).decode("ascii").strip()
    except (OSError, ValueError):
        return None
    return name if _is_ours(name, "gen") else None


def _generations(index_dir: Path) -> list[str]:
    try:
        names = os.listdir(index_dir)
    except OSError:
        return []
    return sorted(n for n in names if _is_ours(n, "gen"))


def _predecessor(index_dir: Path, name: str) -> str | None:
    older = [g for g in _generations(index_dir) if g < name]
    return older[-1] if older else None


def _remove_tree(path: Path) -> None:
    """Best effort: what is left is removed by the next writer."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass


def _try_lock_dir(path: Path) -> int | None:
    """An exclusive flock on a folder, or None when someone holds it (a reader's pin, a writer's staging)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _remove_unheld(index_dir: Path, name: str) -> None:
    """Remove a folder nobody holds: renamed away first under the lock, so a reader never sees it half gone."""
    path = index_dir / name
    if path.is_symlink() or not path.is_dir():
        _remove_tree(path)
        return
    fd = _try_lock_dir(path)
    if fd is None:
        return  # pinned by a reader or still written: the next writer removes it
    try:
        doomed = path
        if _is_ours(name, "gen"):
            doomed = index_dir / _new_name("tmp")
            try:
                os.rename(path, doomed)
            except OSError:
                return
        _remove_tree(doomed)
    finally:
        os.close(fd)


def _prune(index_dir: Path, keep: set[str]) -> None:
    for name in _generations(index_dir):
        if name not in keep:
            _remove_unheld(index_dir, name)


def _storage_reason(exc: BaseException, path: Path) -> str | None:
    """Why writing failed, when the cause is the storage (disk full, read-only, permission)."""
    if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS:
        return _REASONS[exc.errno]
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF == 13:  # SQLITE_FULL
            return _REASONS[errno.ENOSPC]
        if code is not None and code & 0xFF == 8:  # SQLITE_READONLY
            return _REASONS[errno.EROFS]
    if isinstance(exc, RuntimeError):
        # faiss reports a failed write as "write error in ...: <strerror>".
        text = str(exc)
        for code, reason in _REASONS.items():
            if os.strerror(code) in text:
                return reason
    if isinstance(exc, (OSError, RuntimeError, sqlite3.Error)):
        # Libraries (faiss, sqlite) wrap a full disk in their own errors: look at the disk itself.
        try:
            st = os.statvfs(path)
            if st.f_bavail * st.f_frsize < 1 << 20:
                return _REASONS[errno.ENOSPC]
        except OSError:
            pass
    return None


class Writer:
    """The one writer of an index folder: stage files, then `commit` them as a new generation."""

    def __init__(
        self,
        index_dir: Path,
        lock_fd: int,
        previous: Path | None,
        *,
        dir_fd: int | None = None,
        damage: IndexDamaged | None = None,
        created: bool = False,
    ) -> None:
        self.index_dir = index_dir
        self._created = created  # the folder is ours: removed again if nothing is committed
        self._lock_fd: int | None = lock_fd
        self._dir_fd = dir_fd  # flock on the index folder itself: the lock nobody can delete
        self._previous = previous
        # Why the current index could not be read, when it exists but is damaged: an update must
        # refuse to run over it rather than quietly start from scratch (see index.build).
        self.damage = damage
        self._committed: Path | None = None
        self._signals: Any = None
        self._staging_fd: int | None = None
        # The signal mask to restore once the writer can clean up after itself (set by `begin`).
        self._blocked_from: set[int | signal.Signals] | None = None
        self.staging = self._make_staging()

    @property
    def previous(self) -> Path | None:
        """The generation that was current when this writer started (for incremental re-use)."""
        return self._previous

    def _make_staging(self) -> Path:
        for _ in range(100):
            path = self.index_dir / _new_name("tmp")
            try:
                path.mkdir()
            except FileExistsError:
                continue
            # Held until close: another process's clean-up must never remove a folder being written.
            self._staging_fd = _try_lock_dir(path)
            return path
        raise FileExistsError(errno.EEXIST, "could not create a staging folder", str(self.index_dir))

    def __enter__(self) -> Writer:
        self._signals = interruptible()
        self._signals.__enter__()
        try:
            self._unblock_signals()  # a Ctrl-C that waited is raised here, and cleaned up below
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _unblock_signals(self) -> None:
        mask, self._blocked_from = self._blocked_from, None
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        reason = None
        vanished = False
        if exc is not None and self._committed is None and not isinstance(exc, StorageError):
            # Before close(): removing the staging folder frees the space whose lack caused the error.
            reason = _storage_reason(exc, self.index_dir)
            # Someone removed the staging folder under us (`rm -rf L/tmp-*` while `qa index` ran):
            # the build's next write failed with ENOENT, a traceback until now (issue 10 case 15).
            vanished = isinstance(exc, (OSError, sqlite3.Error, RuntimeError)) and not os.path.isdir(
                self.staging
            )
        try:
            self.close()
        finally:
            signals, self._signals = self._signals, None
            if signals is not None:
                signals.__exit__(None, None, None)
        if reason is None and vanished:
            kept = "the previous index is intact" if self._previous is not None else "no index was written"
            raise StorageError(
                f"could not write the index: its staging folder {self.staging} was removed while "
                f"it was being written; {kept}",
                hint="run the command again",
            ) from exc
        if reason is not None:
            raise self._storage_error(reason) from exc

    def _storage_error(self, reason: str) -> StorageError:
        kept = "the previous index is intact" if self._previous is not None else "no index was written"
        return StorageError(
            f"could not write the index: {reason}; {kept}",
            hint=f"free some space or fix the permissions of {self.index_dir}, then run again",
        )

    def close(self) -> None:
        """Drop what was staged (if not committed) and release the lock; safe to call twice."""
        try:
            if self._committed is None:
                _remove_tree(self.staging)
        finally:
            staging_fd, self._staging_fd = self._staging_fd, None
            if staging_fd is not None:
                os.close(staging_fd)
            fd, self._lock_fd = self._lock_fd, None
            if fd is not None:
                try:
                    os.ftruncate(fd, 0)
                except OSError:
                    pass
                os.close(fd)  # releases the flock
            dir_fd, self._dir_fd = self._dir_fd, None
            if self._created and self._committed is None and fd is not None:
                # A failed first run leaves nothing behind, not an empty folder that looks like an index.
                try:
                    os.unlink(self.index_dir / LOCK)
                    os.rmdir(self.index_dir)
                except OSError:
                    pass
            if dir_fd is not None:
                os.close(dir_fd)
            self._unblock_signals()  # a writer closed without `with`: last, once nothing is left to do

    def commit(self, manifest: Manifest) -> Path:
        """Checksum, fsync and publish the staged files as the new current generation."""
        if self._lock_fd is None or self._committed is not None:
            raise RuntimeError("this writer is closed or has already committed")
        gen: Path | None = None
        try:
            manifest.files = self._hash_staging()
            if not manifest.created:
                manifest.created = utc_now()
            problems = _problems(manifest.to_json())
            if problems:
                raise ValueError(f"invalid manifest: {'; '.join(problems)}")
            _step("hashed")
            _write_file(self.staging / MANIFEST, _dump_manifest(manifest))
            self._fsync_dirs()
            _step("manifest")
            prev_name = self._previous.name if self._previous is not None else None
            latest = max([n for n in [prev_name, *_generations(self.index_dir)] if n], default=None)
            gen = self.index_dir / _new_name("gen", after=latest)
            staging_fd, self._staging_fd = self._staging_fd, None
            if staging_fd is not None:
                os.close(staging_fd)  # readers will pin the generation with shared locks
            os.rename(self.staging, gen)
            _fsync_path(self.index_dir, directory=True)
            _step("renamed")
            tmp = self.index_dir / (CURRENT + ".tmp")
            tmp.unlink(missing_ok=True)
            _write_file(tmp, (gen.name + "\n").encode("ascii"))
            _step("current-tmp")
            os.replace(tmp, self.index_dir / CURRENT)
            _fsync_path(self.index_dir, directory=True)
            self._committed = gen
            _step("current")
        except BaseException as exc:
            if gen is not None and _read_current_name(self.index_dir) == gen.name:
                self._committed = gen  # CURRENT already names it: it is live, never delete it
                raise
            if gen is not None:
                _remove_tree(gen)
            _remove_tree(self.index_dir / (CURRENT + ".tmp"))
            if not isinstance(exc, (StorageError, KeyboardInterrupt)):
                reason = _storage_reason(exc, self.index_dir)
                if reason is None and isinstance(exc, OSError):
                    reason = exc.strerror or str(exc)
                if reason is not None:
                    raise self._storage_error(reason) from exc
            raise
        keep = {gen.name} | ({self._previous.name} if self._previous is not None else set())
        _prune(self.index_dir, keep)
        _step("pruned")
        return gen

    def _hash_staging(self) -> dict[str, dict[str, Any]]:
        """size + xxh3 of every staged file; each file is fsynced on the same open."""
        files: dict[str, dict[str, Any]] = {}
        for root, dirs, names in os.walk(self.staging):
            dirs.sort()
            for d in dirs:
                if os.path.islink(os.path.join(root, d)):
                    raise ValueError(f"staged folder {d} is a symlink")
            for n in sorted(names):
                path = os.path.join(root, n)
                rel = PurePosixPath(Path(path).relative_to(self.staging)).as_posix()
                if os.path.islink(path):
                    raise ValueError(f"staged file {rel} is a symlink")
                if rel == MANIFEST:
                    raise ValueError(f"{MANIFEST} is written by commit(), not by the builder")
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
                try:
                    if not stat.S_ISREG(os.fstat(fd).st_mode):
                        raise ValueError(f"staged file {rel} is not a regular file")
                    size, digest = _hash_fd(fd)
                    os.fsync(fd)
                finally:
                    os.close(fd)
                files[rel] = {"size": size, "xxh3": digest}
        return files

    def _fsync_dirs(self) -> None:
        for root, _dirs, _names in os.walk(self.staging, topdown=False):
            _fsync_path(Path(root), directory=True)


def _open_lock_file(index_dir: Path, dir_fd: int, locked_hint: str) -> int:
    """The lock file, open for writing. Anything else in its place (a FIFO, a symlink, a device: qa
    never made it, and flock or O_NOFOLLOW failed on it with "Invalid argument" or "Too many levels
    of symbolic links") is replaced, once the folder's own lock shows that no writer is at work.
    """
    path = index_dir / LOCK
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise
        fd = -1
    if fd >= 0:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
        os.close(fd)
    try:
        fcntl.flock(dir_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise IndexLocked(_lock_message(index_dir, {}), hint=locked_hint) from None
    if stat.S_ISDIR(os.lstat(path).st_mode):
        os.rmdir(path)  # only when empty: a folder with content is not ours to delete
    else:
        os.unlink(path)
    return os.open(path, flags | os.O_EXCL, 0o644)


def _holder(fd: int) -> dict[str, Any]:
    """Who holds the lock; briefly waits for a holder that has locked but not yet written its name."""
    for _ in range(10):
        try:
            info = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
            if isinstance(info, dict):
                return info
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    return {}


def _lock_message(index_dir: Path, info: dict[str, Any]) -> str:
    if not isinstance(info.get("pid"), int):
        # The folder is locked but the lock file names no one: it was deleted (or emptied) from
        # under its writer, and this run made a new one. "pid ?" told the user nothing.
        return f"index {index_dir} is being written by another process (its {LOCK} file was removed)"
    pid = info["pid"]
    cmd = str(info.get("command") or "qa")
    if len(cmd) > 80:
        cmd = cmd[:77] + "..."
    since = ""
    if isinstance(info.get("started"), (int, float)):
        since = ", since " + time.strftime("%H:%M:%S", time.localtime(info["started"]))
    host = info.get("host")
    where = f" on {host}" if host and host != socket.gethostname() else ""
    return f"index {index_dir} is being written by pid {pid}{where} ({cmd}{since})"


def _command_line() -> str:
    argv = list(sys.argv) or ["python"]
    argv[0] = os.path.basename(argv[0]) or argv[0]
    return " ".join(shlex.quote(a) for a in argv)


def begin(index_dir: Path) -> Writer:
    """Lock `index_dir` for writing (or fail at once), clean up after crashed runs, open a staging folder."""
    index_dir = Path(index_dir)
    try:
        if os.path.lexists(index_dir) and not stat.S_ISDIR(os.stat(index_dir).st_mode):
            raise NotAFolder(f"{index_dir} is a file, not an index folder", hint=_FOLDER_HINT)
    except OSError as exc:
        raise StorageError(
            f"could not write the index {index_dir}: {_REASONS.get(exc.errno or 0) or exc.strerror or exc}"
        ) from None
    fd: int | None = None
    dir_fd: int | None = None
    locked_hint = "wait for it to finish, or stop that process (the lock is released when it exits)"
    try:
        created = not os.path.lexists(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        # The lock is the index folder itself: a lock file can be deleted from under its holder,
        # and a second writer would then lock a new file and commit too. The lock file only says who.
        dir_fd = os.open(index_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        fd = _open_lock_file(index_dir, dir_fd, locked_hint)
        try:
            fcntl.flock(dir_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # older qa versions lock only the file
        except BlockingIOError:
            info = _holder(fd)
            raise IndexLocked(_lock_message(index_dir, info), hint=locked_hint) from None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": _command_line(),
            "started": time.time(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        _cleanup(index_dir)
        damage: IndexDamaged | None = None
        try:
            previous: Path | None = current(index_dir)
        except IndexMissing:
            previous = None
        except IndexDamaged as exc:
            previous, damage = None, exc
        # Ctrl-C or SIGTERM between creating the staging folder and handing the writer over would
        # leave the folder behind: the signals wait until the writer exists and can clean up.
        # They stay blocked until `with` has entered the writer (Writer.__enter__ unblocks them): a
        # signal between this return and __enter__ left the staging folder behind, which made
        # tests/test_cli.py::test_index_interrupted_by_signal flaky on a loaded machine.
        blocked = {signal.SIGINT, signal.SIGTERM}
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
        try:
            writer = Writer(index_dir, fd, previous, dir_fd=dir_fd, damage=damage, created=created)
            fd = dir_fd = None
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
            raise
        writer._blocked_from = old_mask
        return writer
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
        raise StorageError(f"could not write the index {index_dir}: {reason}") from exc
    finally:
        if fd is not None:
            os.close(fd)
        if dir_fd is not None:
            os.close(dir_fd)


def _cleanup(index_dir: Path) -> None:
    """Remove what interrupted runs left: staging folders, CURRENT.tmp, unreferenced generations."""
    for name in os.listdir(index_dir):
        if _is_ours(name, "tmp"):
            _remove_unheld(index_dir, name)
    _remove_tree(index_dir / (CURRENT + ".tmp"))
    if not os.path.lexists(index_dir / CURRENT):
        # No CURRENT beside generations: it was deleted from a live index (current() calls that
        # damaged), or a first build was killed between renaming its generation and writing
        # CURRENT. Either way kept for a human to look at; `--rebuild` prunes them on its commit.
        return
    cur = _read_current_name(index_dir)
    if cur is None or not os.path.isdir(index_dir / cur):
        return  # CURRENT is damaged: keep everything for a human to look at
    prev = _predecessor(index_dir, cur)
    _prune(index_dir, {cur} | ({prev} if prev else set()))
