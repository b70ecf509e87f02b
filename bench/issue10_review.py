"""Issue 10's 17 cases, run as a reviewer would, against a checkout's `qa` (round 33).

    python bench/issue10_review.py --repo /tmp/rel33b-clone > table.md

Each case runs the installed CLI (`env PYTHONPATH=REPO .venv/bin/qa`) in a fresh QA_HOME, with the
hash embedder (`--model hash-embedder`) wherever the case does not need the real model, and prints
one markdown row: case, command, exit code, the first line of stderr, and whether the current
generation of the index is byte-identical before and after (where the command was meant to fail).
Cases 8, 15 (races) and 4b (a full disk: needs a mount) and 14 (permissions: the review runs as
root, whom permissions do not stop) are covered by the named tests, which the report cites.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QA = "/work/main/.venv/bin/qa"
PY = "/work/main/.venv/bin/python"
DOC = "The morning ferry leaves the pier at 07:15, the harbour master said.\n\nIt returns at 09:40.\n"


def digest(index: Path) -> str:
    """sha256 over the current generation's files (names and bytes); "" without one."""
    cur = index / "CURRENT"
    if not cur.is_file():
        return ""
    gen = index / cur.read_text().strip()
    h = hashlib.sha256()
    for p in sorted(gen.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(gen)).encode() + p.read_bytes())
    return h.hexdigest()


class Review:
    def __init__(self, repo: Path, work: Path) -> None:
        self.repo, self.work, self.rows = repo, work, []
        self.env = dict(os.environ, PYTHONPATH=str(repo), HF_HUB_OFFLINE="1", QA_HOME=str(work / "home"))

    def run(
        self,
        case: str,
        shown: str,
        args: list,
        index: Path | None = None,
        stdin: bytes | None = None,
        shell: str | None = None,
        timeout: float = 300,
    ) -> int:
        before = digest(index) if index else ""
        t0 = time.perf_counter()
        try:
            if shell is not None:
                p = subprocess.run(["bash", "-c", shell], env=self.env, capture_output=True, timeout=timeout)
            else:
                p = subprocess.run(
                    [QA, *args], env=self.env, input=stdin, capture_output=True, timeout=timeout
                )
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, err = -1, f"TIMEOUT after {timeout} s"
        secs = time.perf_counter() - t0
        lines = [x for x in err.splitlines() if x.strip()]
        msg = (lines[0] if lines else "") + (f" (+{len(lines) - 1} lines)" if len(lines) > 1 else "")
        if "Traceback" in err:
            msg = "TRACEBACK: " + lines[-1]
        same = ("y" if digest(index) == before else "n") if index else "-"
        self.rows.append((case, shown, code, msg.replace("|", "/")[:160], same, f"{secs:.1f}"))
        return code

    def index(self, folder: Path, index: Path, *extra: str) -> None:
        subprocess.run(
            [QA, "index", str(folder), "--index", str(index), "--model", "hash-embedder", *extra],
            env=self.env,
            capture_output=True,
            check=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", type=Path, required=True)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="issue10-"))
    r = Review(args.repo.resolve(), work)
    sys.path.insert(0, str(args.repo.resolve()))
    import importlib.util

    spec = importlib.util.spec_from_file_location("corrupt", args.repo / "scripts" / "corrupt.py")
    assert spec is not None and spec.loader is not None
    corrupt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corrupt)
    reseal = corrupt.reseal

    def folder(name: str, files: dict) -> Path:
        d = work / name
        d.mkdir()
        for n, data in files.items():
            (d / os.fsdecode(n) if isinstance(n, bytes) else d / n).write_bytes(data)
        return d

    base = folder("c12", {"a.txt": DOC.encode(), "b.txt": b"The library opens at ten, the librarian said.\n"})
    good = work / "good"
    r.index(base, good)

    def copy(name: str) -> Path:
        dst = work / name
        shutil.copytree(good, dst, symlinks=True)
        return dst

    # 1
    for name, files in (
        ("empty", {}),
        ("emptyfile", {"e.txt": b""}),
        ("pdf", {"x.pdf": b"%PDF-1.4\n"}),
        ("binary", {"b.txt": bytes(range(256))}),
    ):
        d = folder(name, files)
        r.run(
            "1",
            f"qa index <{name}> --index L",
            ["index", str(d), "--index", str(work / f"L-{name}"), "--model", "hash-embedder"],
        )
    last = folder("last", {"only.txt": DOC.encode()})
    L1 = work / "L-last"
    r.index(last, L1)
    (last / "only.txt").unlink()
    r.run("1", "delete the last file, qa index again", ["index", str(last), "--index", str(L1)])
    r.run("1", "  then qa docs", ["docs", "--index", str(L1)])
    # 2
    d = folder("nonutf8", {b"caf\xe9.txt": DOC.encode()})
    r.run(
        "2",
        "qa index <caf\\xe9.txt>",
        ["index", str(d), "--index", str(work / "L2"), "--model", "hash-embedder"],
    )
    # 3
    r.run("3", "qa ask $'\\xff\\xfe?'", [b"ask", b"\xff\xfe?", b"--index", os.fsencode(good)], index=good)
    r.run(
        "3",
        "printf '\\xff\\n' | qa chat --json",
        ["chat", "--json", "--index", str(good)],
        index=good,
        stdin=b"\xff\xfe when?\n",
    )
    gold = work / "gold.jsonl"
    gold.write_bytes(b'{"question": "\xff when?", "answers": ["07:15"]}\n')
    r.run("3", "qa eval <gold with invalid UTF-8>", ["eval", str(gold), "--index", str(good)], index=good)
    # 4
    r.run(
        "4",
        "qa ask ... > /dev/full",
        [],
        index=good,
        shell=f"{QA} ask 'When does the ferry leave?' --index {good} > /dev/full",
    )
    # 5
    for label, line in (
        ("answers: 5", {"question": "When?", "answers": 5}),
        ("history: 5", {"question": "When?", "answers": ["x"], "history": 5}),
        ("huge id", {"id": 10**400, "question": "When?", "answers": ["x"]}),
        ("answers: a string", {"question": "Who plays?", "answers": "Xylophone quartet"}),
    ):
        g = work / f"gold-{label[:6].replace(' ', '').replace(':', '')}.jsonl"
        g.write_text(json.dumps(line) + "\n")
        r.run("5", f"qa eval <{label}>", ["eval", str(g), "--index", str(good)], index=good)
    g = work / "gold-deep.jsonl"
    g.write_text('{"question": "When?", "answers": ' + "[" * 100000 + "]" * 100000 + "}\n")
    r.run("5", "qa eval <deep nesting>", ["eval", str(g), "--index", str(good)], index=good)
    # 6, 9
    import faiss
    import numpy as np

    def vecs(ix: Path, change) -> None:
        gen = ix / (ix / "CURRENT").read_text().strip()
        old = faiss.read_index(str(gen / "vectors.faiss"))
        x = change(np.asarray(old.reconstruct_n(0, old.ntotal), dtype=np.float32))
        new = faiss.IndexScalarQuantizer(
            x.shape[1], faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
        )
        new.add(np.ascontiguousarray(x))
        (gen / "vectors.faiss").unlink()
        faiss.write_index(new, str(gen / "vectors.faiss"))
        reseal(ix, lambda d: None, rehash=True)

    def sql(ix: Path, st: str) -> None:
        gen = ix / (ix / "CURRENT").read_text().strip()
        con = sqlite3.connect(gen / "docs.sqlite")
        con.execute(st)
        con.commit()
        con.close()
        reseal(ix, lambda d: None, rehash=True)

    for label, make in (
        ("fewer vectors", lambda ix: vecs(ix, lambda x: x[:-1])),
        ("other dimension", lambda ix: vecs(ix, lambda x: x[:, :100])),
        ("bad doc_id", lambda ix: sql(ix, "UPDATE passages SET doc_id = 99 WHERE pid = 0")),
        (
            "nprobe 10^30",
            lambda ix: reseal(ix, lambda d: d.update(ann={"type": "ivf", "nlist": 16, "nprobe": 10**30})),
        ),
    ):
        ix = copy("L6-" + label[:5].replace(" ", ""))
        make(ix)
        for cmd in (["ask", "When does the ferry leave?"], ["quotes"], ["speakers"], ["docs"]):
            r.run("6", f"{label}: qa {cmd[0]}", [*cmd, "--index", str(ix)], index=ix)
    ix = copy("L9")
    vecs(ix, lambda x: x * np.nan)
    for cmd in (["ask", "When does the ferry leave?", "--json"], ["quotes", "--json"]):
        r.run("9", f"NaN vectors: qa {' '.join(cmd[:1] + cmd[2:])}", [*cmd, "--index", str(ix)], index=ix)
    # 7
    ix = copy("L7")
    gen = ix / (ix / "CURRENT").read_text().strip()
    b = bytearray((gen / "vectors.faiss").read_bytes())
    b[len(b) // 2] ^= 0xFF
    (gen / "vectors.faiss").write_bytes(bytes(b))
    c3 = folder("c3", {"c.txt": b"The bridge reopened in May.\n"})
    r.run(
        "7",
        "flip a byte of vectors.faiss; qa index corpus3 --index L",
        ["index", str(c3), "--index", str(ix)],
        index=ix,
    )
    r.run("7", "  then qa quotes --index L", ["quotes", "--index", str(ix)], index=ix)
    # 10
    for fp in ("/tmp/evil-model", "../../../../tmp/x"):
        ix = copy("L10" + str(len(fp)))
        reseal(ix, lambda d, fp=fp: d.update(model_fingerprint=fp))
        r.run("10", f"model_fingerprint={fp}: qa ask", ["ask", "When?", "--index", str(ix)], index=ix)
    # 11
    ix = copy("L11a")
    gen = ix / (ix / "CURRENT").read_text().strip()
    p = gen / "bm25" / "params.index.json"
    d = json.loads(p.read_text())
    d["num_docs"] = 100_000_000
    p.write_text(json.dumps(d))
    reseal(ix, lambda d: None, rehash=True)
    r.run("11", "bm25 num_docs=1e8: qa ask", ["ask", "When?", "--index", str(ix)], index=ix)
    ix = copy("L11b")
    sql(ix, "ALTER TABLE documents ADD COLUMN big BLOB GENERATED ALWAYS AS (zeroblob(2000000000)) VIRTUAL")
    r.run("11", "generated 2 GB column: qa quotes", ["quotes", "--index", str(ix)], index=ix)
    # 12
    ix = copy("L12")
    (ix / "CURRENT").unlink()
    os.mkfifo(ix / "CURRENT")
    for cmd in (["ask", "When?"], ["docs"], ["index", str(c3)]):
        r.run("12", f"FIFO as CURRENT: qa {cmd[0]}", [*cmd, "--index", str(ix)], timeout=60)
    # 13
    r.run(
        "13",
        "qa ask ... | head -1",
        [],
        shell=f"{QA} ask 'When does the ferry leave?' --index {good} | head -1 >/dev/null; exit ${{PIPESTATUS[0]}}",
    )
    # 16: bench/index_scale.py (see the report); 17
    d = folder("c17", {"long.txt": b"x" * 65536 + b"\n"})
    r.run(
        "17",
        "qa index <a 64 KB line without spaces>",
        ["index", str(d), "--index", str(work / "L17"), "--model", "hash-embedder"],
    )
    # the non-UTF-8 QA_HOME (round 33's brief)
    r.env["QA_HOME"] = os.fsdecode(os.fsencode(work) + b"/h\xff")
    r.run(
        "QA_HOME",
        "QA_HOME=$'.../h\\xff' qa ask 'What did Obama say?'",
        ["ask", "What did Obama say?"],
        timeout=900,
    )
    print("| case | command | exit | message (first stderr line) | index byte-identical | s |")
    print("|---|---|---|---|---|---|")
    for row in r.rows:
        print("| " + " | ".join(str(x) for x in row) + " |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
