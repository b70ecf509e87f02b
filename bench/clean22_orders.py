"""Ranking identity and query time of two checkouts of the code, question by question, in one run.

    python bench/clean22_orders.py --base /tmp/base-checkout --set h1=IDX --set nh1=IDX ...
    python bench/clean22_orders.py --base DIR --readsets /tmp/rs-TAG    # every read set's index there

Round 22 (branch clean22) removed ranking weights every fit left at 0 and the code that computed
their Features columns (bench/reports/clean22.md). This checks that nothing else moved and what the
removal saves: two worker processes, one importing the code of `--base` (a `git archive` of the
commit before), one this checkout's, each open the same index; every read-set question is put to
both (qa.rank.answer, k 5, no conversation), the order alternating question by question so that the
shared machine's load falls on both alike. Each worker hashes what ranking decides: every candidate's
passage and exact score as qa.rank.combine returns them (the bytes of the float64 array, in candidate
order), and the answer (abstained, reason, the hits' passages and scores, the nearest). The report
gives, per set, the questions whose hashes differ (0 is the claim) and the ratio of this checkout's
query time to the base's, for the whole answer and for qa.rank.features within it (median of
per-question ratios, and of the totals): ratios within one run, never absolute timings. Read sets only (bench/read_sets.sh's indexes); blind sets are refused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "bench" / "data"
EVAL = REPO.parent / "shared" / "eval"
BLIND = ("article_heldout12", "article_heldout13", "news_heldout11", "news_heldout12")


def read_set_files(readsets: Path) -> dict[str, tuple[Path, Path]]:
    """Each read set bench/read_sets.sh scores: its questions and the index it built under `readsets`.

    Args:
        readsets: a bench/read_sets.sh cache folder (/tmp/rs-TAG).
    Returns:
        Set name -> (questions file, index folder), for the indexes that exist.
    """
    article = readsets / "home" / "data" / "default-index"
    out: dict[str, tuple[Path, Path]] = {
        "newsdev": (EVAL / "news-dev" / "gold.jsonl", readsets / "nd"),
        "seed": (EVAL / "seed_dev.jsonl", article),
        "h1": (DATA / "article_heldout.jsonl", article),
        "para": (DATA / "paraphrase_fit.jsonl", readsets / "para"),
        "nh": (DATA / "news_heldout.jsonl", readsets / "nh"),
    }
    out |= {f"h{n}": (DATA / f"article_heldout{n}.jsonl", article) for n in range(2, 12)}
    out |= {f"nh{n}": (DATA / f"news_heldout{n}.jsonl", readsets / f"nh{n}") for n in range(2, 11)}
    return {k: v for k, v in out.items() if v[1].exists()}


def questions(path: Path) -> list[str]:
    """The questions of one read set (their text only: each is asked alone).

    Args:
        path: a read set's JSONL file.
    Returns:
        The questions, in file order.
    """
    if any(b in path.name for b in BLIND):
        raise SystemExit(f"refusing blind set {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [" ".join(r["question"].split()) for r in rows]


# ------------------------------------------------------------------------------------------ worker


def worker(index: str) -> int:
    """Answer the questions read from stdin (one JSON string a line) on `index`, writing for each the
    hash of its ranking and answer, the seconds qa.rank.answer took and those of them in
    qa.rank.features (the candidates' evidence, where the removed columns were computed). The code is whichever `qa`
    package sys.path finds first (PYTHONPATH, set by the parent)."""
    from qa import rank
    from qa.engine import Engine

    engine = Engine.open(Path(index))
    seen: list[Any] = []
    spent = [0.0]
    real, real_features = rank.combine, rank.features

    def spy(f: Any, w: Any) -> Any:
        out = real(f, w)
        seen.append((list(f.pids), out.copy()))
        return out

    def timed(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return real_features(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t

    rank.combine = spy  # type: ignore[assignment]
    rank.features = timed  # type: ignore[assignment]
    for line in sys.stdin:
        q = json.loads(line)
        seen.clear()
        spent[0] = 0.0
        t = time.perf_counter()
        a = rank.answer(engine, q, q, 5)
        secs = time.perf_counter() - t
        h = hashlib.sha1()
        for pids, total in seen:
            h.update(json.dumps(pids).encode())
            h.update(total.astype("<f8").tobytes())
        shown = [(x.pid, x.score, x.highlight, x.speaker) for x in [*a.hits, *a.nearest]]
        h.update(json.dumps([a.abstained, a.reason, a.searched, a.did_you_mean, shown]).encode())
        print(json.dumps({"digest": h.hexdigest(), "secs": secs, "features": spent[0]}), flush=True)
    return 0


# ------------------------------------------------------------------------------------------ parent


def _spawn(code: Path, index: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(code), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(index)],
        cwd=code,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _ask(p: subprocess.Popen[str], q: str) -> dict[str, Any]:
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write(json.dumps(q) + "\n")
    p.stdin.flush()
    line = p.stdout.readline()
    if not line:
        raise SystemExit("a worker stopped")
    out: dict[str, Any] = json.loads(line)
    return out


def compare(base: Path, index: Path, qs: list[str], warmup: int = 3) -> dict[str, Any]:
    """Both checkouts' answers to `qs` on `index`, interleaved.

    Args:
        base: the base checkout's root.
        index: the index both open.
        qs: the questions.
        warmup: questions asked of both first, not timed (model and index loading).
    Returns:
        n, the questions whose hashes differ, and both sides' seconds per question (answer, and
        features within it).
    """
    workers = {"base": _spawn(base, index), "new": _spawn(REPO, index)}
    try:
        for q in qs[:warmup]:
            for p in workers.values():
                _ask(p, q)
        secs: dict[str, list[float]] = {"base": [], "new": []}
        feats: dict[str, list[float]] = {"base": [], "new": []}
        differ = []
        for i, q in enumerate(qs):
            names = ["base", "new"] if i % 2 == 0 else ["new", "base"]
            got = {n: _ask(workers[n], q) for n in names}
            for n in names:
                secs[n].append(got[n]["secs"])
                feats[n].append(got[n]["features"])
            if got["base"]["digest"] != got["new"]["digest"]:
                differ.append(q)
    finally:
        for p in workers.values():
            if p.stdin is not None:
                p.stdin.close()
            p.wait()
    return {"n": len(qs), "differ": differ, "secs": secs, "features": feats}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--base", type=Path, help="the base checkout (a git archive of the commit before)")
    ap.add_argument("--readsets", type=Path, help="a bench/read_sets.sh cache folder (/tmp/rs-TAG)")
    ap.add_argument("--only", action="append", default=[], help="these read sets only (repeatable)")
    ap.add_argument("--out", type=Path, help="write the report here too")
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker)
    if args.base is None or args.readsets is None:
        ap.error("--base and --readsets are required")
    sets = read_set_files(args.readsets)
    if args.only:
        sets = {k: v for k, v in sets.items() if k in args.only}
    lines = [
        f"`python bench/clean22_orders.py --base {args.base} --readsets {args.readsets}`",
        "",
        "| set | questions | ranking or answer differs | answer time new/base | features time new/base |",
        "|---|---|---|---|---|",
    ]
    ratios: list[float] = []
    fratios: list[float] = []
    tot = {"base": 0.0, "new": 0.0}
    ftot = {"base": 0.0, "new": 0.0}
    n_all = differ_all = 0
    for name, (path, index) in sets.items():
        r = compare(args.base, index, questions(path))
        per = [b and n / b for n, b in zip(r["secs"]["new"], r["secs"]["base"], strict=True)]
        fper = [b and n / b for n, b in zip(r["features"]["new"], r["features"]["base"], strict=True)]
        ratios += per
        fratios += fper
        for side in tot:
            tot[side] += sum(r["secs"][side])
            ftot[side] += sum(r["features"][side])
        n_all += r["n"]
        differ_all += len(r["differ"])
        lines.append(
            f"| {name} | {r['n']} | {len(r['differ'])} | {statistics.median(per):.3f} | "
            f"{statistics.median(fper):.3f} |"
        )
        for q in r["differ"]:
            lines.append(f"|   differs: {q} | | | | |")
        print(lines[-1 - len(r["differ"])], flush=True)
    lines += [
        f"| all | {n_all} | {differ_all} | {statistics.median(ratios):.3f} | {statistics.median(fratios):.3f} |",
        "",
        "Time ratios: medians of per-question ratios. Totals over every question, new/base: answer "
        f"{tot['new'] / tot['base']:.3f}, features {ftot['new'] / ftot['base']:.3f} (same run, interleaved).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
