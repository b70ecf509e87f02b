"""Corrupt every file of an index generation many ways and check each one is refused as damaged.

Why: binary index formats (FAISS, SQLite, numpy) carry no checksum of their own, and their size
fields drive allocations. The store's per-file size + xxh3 check must catch every corruption
before a parser reads it, quickly and without allocating more than the file could justify.

    .venv/bin/python scripts/corrupt.py [--index DIR] [--per-kind 40] [--seed 1]
    .venv/bin/python scripts/corrupt.py --resealed [--index DIR]

Without --index, an index of the bundled article is built in a temp folder (real model).
For each file of the current generation (and CURRENT), four kinds of damage: flip random bytes,
truncate at a random length, append random bytes, zero a block. Each case runs on a fresh copy
of the index, in a forked child of a warm process, and must make `Engine.open` raise
`IndexDamaged` (exit code 5). Per case the child's wall time and peak memory growth (ru_maxrss
over its RSS at fork) are measured; the ONNX model is loaded once before forking, because it is
not part of the index.

--resealed: checksums catch accidents, not an attacker, who can reseal the manifest. For every
manifest field, hostile values (wrong types, paths, huge or negative numbers, mismatches with the
files) are written and the manifest resealed with valid checksums; each case must either be
refused (the exit code `qa` gives, 4 or 5) or be used safely: the index opens and answers a
question with valid JSON, within 2 s and without memory beyond twice the index. One line per case.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KINDS = ("flip", "truncate", "append", "zero")


def _rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def corrupt(path: Path, kind: str, rng: random.Random) -> str:
    """Damage `path` in place; returns a short description. Never a no-op."""
    data = bytearray(path.read_bytes())
    n = len(data)
    for _ in range(100):
        new = bytearray(data)
        if kind == "flip":
            k = rng.randint(1, 8)
            for _ in range(k):
                i = rng.randrange(n)
                new[i] ^= rng.randint(1, 255)
            desc = f"flip {k} bytes"
        elif kind == "truncate":
            cut = rng.randrange(n)
            new = new[:cut]
            desc = f"truncate to {cut}"
        elif kind == "append":
            extra = rng.randint(1, 4096)
            new += bytes(rng.getrandbits(8) for _ in range(extra))
            desc = f"append {extra}"
        else:
            start = rng.randrange(n)
            length = rng.randint(1, 4096)
            new[start : start + length] = bytes(len(new[start : start + length]))
            desc = f"zero {length} at {start}"
        if new != data and not (path.name == "CURRENT" and new.strip() == data.strip()):  # same pointer
            path.write_bytes(bytes(new))
            return desc
    raise RuntimeError(f"could not change {path} with {kind}")


def run_case(index_dir: Path, ask: bool = False) -> dict[str, object]:
    """In a forked child: open the damaged index (and with `ask`, answer a question as JSON);
    report outcome, seconds and peak memory growth."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        out: dict[str, object] = {}
        base = _rss_kb()
        t0 = time.perf_counter()
        try:
            from index.errors import IndexDamaged, QAError
            from qa.engine import Engine

            try:
                opened = Engine.open(index_dir)
                out["outcome"] = "undetected"
                if ask:
                    from cli.render import answer_json
                    from qa.session import Conversation

                    answer = Conversation(opened).ask("When did it happen and who said so?", 5)
                    json.loads(answer_json(answer))  # valid JSON: no NaN, no lone surrogates
                    out["outcome"] = "used safely"
            except IndexDamaged as e:
                out["outcome"] = "damaged"
                out["message"] = e.message
            except QAError as e:
                from cli.main import EXIT_CODES

                out["outcome"] = f"other:{type(e).__name__}"
                out["exit"] = EXIT_CODES.get(type(e), 1)
                out["message"] = e.message
            except BaseException as e:  # noqa: BLE001 - a crash is exactly what we look for
                out["outcome"] = f"crash:{type(e).__name__}"
                out["message"] = str(e)[:200]
        finally:
            out["seconds"] = time.perf_counter() - t0
            out["peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["base_kb"] = base
            os.write(write_fd, json.dumps(out).encode())
            os.close(write_fd)
            os._exit(0)
    os.close(write_fd)
    chunks = []
    while True:
        b = os.read(read_fd, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {
            "outcome": f"crash:signal {os.WTERMSIG(status) if os.WIFSIGNALED(status) else status}",
            "seconds": 0.0,
            "peak_kb": 0,
            "base_kb": 0,
        }
    return json.loads(b"".join(chunks))


def _hostile_edits(fmt: int) -> list[tuple[str, str, Any]]:
    """(field, description, edit) where edit(manifest dict) applies the hostile value in place."""

    def put(key: str, value: Any) -> Any:
        return lambda d: d.__setitem__(key, value)

    def sub(key: str, inner: str, value: Any) -> Any:
        return lambda d: d[key].__setitem__(inner, value)

    def drop(key: str, inner: str) -> Any:
        return lambda d: d[key].pop(inner, None)

    def first_file(d: dict[str, Any]) -> str:
        return sorted(d["files"])[0]

    cases: list[tuple[str, str, Any]] = []
    for v in (0, -1, 2**63, 1.5, "1", True, fmt + 1):
        cases.append(("format_version", repr(v), put("format_version", v)))
    for v in ("", "/tmp/evil-model", "../../../../tmp/evil", "x" * 100_000, "a\x00b", 5, None):
        cases.append(("model", repr(v)[:40], put("model", v)))
    for v in ("/tmp/evil", "../../../../tmp/evil", "", "g" * 32, "A" * 32, "0" * 33, 5):
        cases.append(("model_fingerprint", repr(v)[:40], put("model_fingerprint", v)))
    for v in (0, -1, 10**12, 1.5, 383, 385, True, "384"):
        cases.append(("dim", repr(v), put("dim", v)))
    for v in ("yes", False, None):
        cases.append(("normalized", repr(v), put("normalized", v)))
    for v in ({"max_chars": -1}, {"x": [1, 2]}, {"x": {"y": 1}}, {"x" * 100: 1}, [], {"max_chars": 10**30}):
        cases.append(("chunker", repr(v)[:40], put("chunker", v)))
    for v in (
        {"type": "../x"},
        {"type": "flat", "nprobe": 3},
        {"type": "ivf", "nlist": 16, "nprobe": 10**30},
        {"type": "ivf", "nlist": 16, "nprobe": 0},
        {"type": "ivf", "nlist": 16, "nprobe": 8},
        {"type": "hnsw", "M": 1, "efSearch": 10**9},
        {"type": "hnsw", "M": 32, "efConstruction": 80, "efSearch": 64, "storage": "sq8"},
        {},
    ):
        cases.append(("ann", repr(v)[:40], put("ann", v)))
    cases.append(("documents", "{} (counts disagree)", put("documents", {})))
    cases.append(
        ("documents", "sha256 'zz'", lambda d: d["documents"].update({next(iter(d["documents"])): "zz"}))
    )
    cases.append(
        (
            "documents",
            "source '../../etc/passwd'",
            lambda d: d["documents"].update({"../../etc/passwd": "0" * 64}),
        )
    )
    for k, v in (
        ("passages", 10**30),
        ("passages", -1),
        ("passages", 10**8),
        ("documents", 999),
        ("vectors", 1),
    ):
        cases.append(("counts", f"{k}={v!r}", sub("counts", k, v)))
    for v in ("not a time", "9999-99-99", 5):
        cases.append(("created", repr(v), put("created", v)))
    cases.append(
        (
            "files",
            "entry '../../etc/passwd'",
            lambda d: d["files"].update({"../../etc/passwd": {"size": 1, "xxh3": "0" * 32}}),
        )
    )
    cases.append(
        (
            "files",
            "entry '/etc/passwd'",
            lambda d: d["files"].update({"/etc/passwd": {"size": 1, "xxh3": "0" * 32}}),
        )
    )
    cases.append(("files", "size 2**62", lambda d: d["files"][first_file(d)].update(size=2**62)))
    cases.append(("files", "size -1", lambda d: d["files"][first_file(d)].update(size=-1)))
    cases.append(("files", "xxh3 'x'", lambda d: d["files"][first_file(d)].update(xxh3="x")))
    cases.append(("files", "entry dropped", lambda d: d["files"].pop(first_file(d))))
    for k, v in (
        ("quantized", "yes"),
        ("lexical", 10**30),
        ("lexical", 1),
        ("other", {"a": {"b": {"c": {"d": {"e": [1]}}}}}),
        ("other", "x"),
    ):
        cases.append(("extra", f"{k}={v!r}"[:40], sub("extra", k, v)))
    cases.append(("extra", "quantized dropped", drop("extra", "quantized")))
    cases.append(("(unknown key)", "'evil': 1", put("evil", 1)))
    return cases


def reseal(index_dir: Path, edit: Any) -> None:
    """Apply `edit` to the current manifest and write it back with a valid checksum."""
    import xxhash

    from index import store

    path = store.current(index_dir) / store.MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    data.pop("manifest_xxh3", None)
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )
    data["manifest_xxh3"] = xxhash.xxh3_128_hexdigest(body)
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


def resealed(source: Path, work: Path) -> int:
    """Every hostile manifest value: refused with an exit code, or used safely. 1 if any is neither."""
    from index import store

    gen, _manifest = store.open_manifest(source)
    size = sum(p.stat().st_size for p in gen.rglob("*") if p.is_file())
    limit_kb = 2 * size // 1024
    unsafe = 0
    cases = _hostile_edits(store.FORMAT_VERSION)
    for field_name, desc, edit in cases:
        copy = work / "case"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy, symlinks=True)
        reseal(copy, edit)
        res = run_case(copy, ask=True)
        outcome = str(res["outcome"])
        grew = int(res["peak_kb"]) - int(res["base_kb"])  # type: ignore[call-overload]
        slow = float(res["seconds"]) > 2.0  # type: ignore[arg-type]
        if outcome == "damaged":
            verdict = "refused with exit 5"
        elif outcome.startswith("other:") and "exit" in res:
            verdict = f"refused with exit {res['exit']} ({outcome[6:]})"
        elif outcome == "used safely" and not slow and grew <= max(limit_kb, 64 * 1024):
            verdict = f"used safely ({float(res['seconds']) * 1000:.0f} ms, +{grew // 1024} MB)"  # type: ignore[arg-type]
        else:
            verdict = f"UNSAFE: {outcome} {res.get('message', '')} ({float(res['seconds']):.1f} s, +{grew // 1024} MB)"  # type: ignore[arg-type]
            unsafe += 1
        print(f"{field_name:<18} {desc:<42} {verdict}", flush=True)
    shutil.rmtree(work / "case", ignore_errors=True)
    print(f"SUMMARY resealed cases={len(cases)} unsafe={unsafe}")
    return 1 if unsafe else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, help="index folder to corrupt copies of (default: build one)")
    ap.add_argument("--per-kind", type=int, default=40, help="cases per file and kind (default 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--resealed", action="store_true", help="hostile manifest values with valid checksums")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    work = Path(tempfile.mkdtemp(prefix="qa-corrupt-"))
    os.environ.setdefault("QA_HOME", str(work / "home"))

    from index import store
    from qa import config, engine

    source = args.index
    if source is None:
        from index.build import build

        source = work / "source-index"
        build([config.bundled_article()], source, cache_dir=config.model_cache_dir())

    # Warm the process: the model and the parsers are loaded once, then every case forks.
    gen, manifest = store.open_manifest(source)
    warm = engine.Engine.open(source)
    model = warm.embedder
    engine._query_embedder = lambda manifest, cache: model  # the model is not part of the index
    if args.resealed:
        code = resealed(source, work)
        shutil.rmtree(work, ignore_errors=True)
        return code
    size = sum(p.stat().st_size for p in gen.rglob("*") if p.is_file())
    targets = sorted(str(p.relative_to(gen)) for p in gen.rglob("*") if p.is_file())
    baseline = run_case(source)
    assert baseline["outcome"] == "undetected", baseline  # the pristine copy opens

    rng = random.Random(args.seed)
    results: Counter[str] = Counter()
    by_file: dict[str, Counter[str]] = {}
    times: list[float] = []
    growth: list[int] = []
    bad: list[str] = []
    t_all = time.perf_counter()
    for rel in [*targets, store.CURRENT]:
        for kind in KINDS:
            for _ in range(args.per_kind):
                copy = work / "case"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(source, copy, symlinks=True)
                target = copy / rel if rel == store.CURRENT else store.current(copy) / rel
                desc = corrupt(target, kind, rng)
                res = run_case(copy)
                outcome = str(res["outcome"])
                results[outcome] += 1
                by_file.setdefault(rel, Counter())[outcome] += 1
                times.append(float(res["seconds"]))  # type: ignore[arg-type]
                grew = int(res["peak_kb"]) - int(res["base_kb"])  # type: ignore[call-overload]
                growth.append(grew)
                if outcome != "damaged":
                    bad.append(f"{rel} {desc}: {outcome} {res.get('message', '')}")
    shutil.rmtree(work / "case", ignore_errors=True)

    total = sum(results.values())
    for line in bad[:30]:
        print("NOT DETECTED AS DAMAGE:", line)
    for rel, c in by_file.items():
        print(f"  {rel:<32} {dict(c)}")
    limit_kb = 2 * size // 1024
    over_time = sum(t > 2.0 for t in times)
    pristine_kb = int(baseline["peak_kb"]) - int(baseline["base_kb"])  # type: ignore[call-overload]
    over_mem = sum(g > limit_kb for g in growth)
    over_both = sum(g > max(limit_kb, pristine_kb) for g in growth)
    print(
        f"SUMMARY cases={total} files={len(targets) + 1} detected={results['damaged']} "
        f"undetected={total - results['damaged']} index-size={size} B "
        f"time median={statistics.median(times) * 1000:.1f} ms max={max(times) * 1000:.1f} ms over-2s={over_time} "
        f"peak-memory-growth median={statistics.median(growth)} KB max={max(growth)} KB "
        f"limit(2x index)={limit_kb} KB over-limit={over_mem} over-max(limit,pristine-open)={over_both} "
        f"pristine-open={float(baseline['seconds']) * 1000:.1f} ms/"  # type: ignore[arg-type]
        f"{pristine_kb} KB "
        f"wall={time.perf_counter() - t_all:.0f} s"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0 if results["damaged"] == total and not over_time and not over_both else 1


if __name__ == "__main__":
    sys.exit(main())
