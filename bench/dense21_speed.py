"""Query-time cost of the dense evidence columns (qa.dense_evidence), as ratios in one run.

    python bench/dense21_speed.py --index bench/out/readset-nh1-docs-index   # any qa index
    python bench/dense21_speed.py --questions 40

Each question is answered (qa.rank.answer, k 5) under main's weights and under weights that turn
one column group on (its computation is what costs: the weight's value does not), the settings
interleaved question by question so that the shared machine's load falls on all alike. "cold"
empties the passage-side caches before each question (a passage never seen: one-shot `qa ask`),
"warm" keeps them (a chat over the same documents). Figures are p50 ratios to main's p50 within
the run, never absolute timings (the machine has 2 cores shared by 8 jobs).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from speed import questions  # noqa: E402

from qa import dense_evidence, late_interaction, rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

SETTINGS = {
    "main": (),
    "sentence (+ previous)": ("sent_dense", "sent_prev_dense"),
    "context (title, previous)": ("titled_dense", "prev_dense"),
    "maxsim": ("maxsim",),
    "all five": dense_evidence.COLUMNS,
}


def _forget(engine: Engine) -> None:
    """Empty the passage-side caches: the next question encodes its candidates afresh."""
    engine._encoded.clear()
    enc = late_interaction.token_encoder(engine)
    if enc is not None:
        enc._memo.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=None, help="a qa index (default: the bundled article's)")
    ap.add_argument("--questions", type=int, default=30)
    args = ap.parse_args()
    engine = Engine.open(args.index)
    qs = [t for conv in questions(args.questions) for t in conv if not t.startswith("/")][: args.questions]
    ws = {n: dataclasses.replace(rank.WEIGHTS, **{c: 0.1 for c in cols}) for n, cols in SETTINGS.items()}
    for w in ws.values():  # warm-up: model sessions, regexes
        rank.answer(engine, qs[0], qs[0], 5, weights=w)
    lines = [f"index {args.index or 'bundled article'}, {len(qs)} questions, top {dense_evidence.DENSE_K}"]
    for mode in ("cold", "warm"):
        ms: dict[str, list[float]] = {n: [] for n in ws}
        for i, q in enumerate(qs):
            names = list(ws)
            names = names[i % len(names) :] + names[: i % len(names)]  # rotate the order
            for n in names:
                if mode == "cold":
                    _forget(engine)
                t = time.perf_counter()
                rank.answer(engine, q, q, 5, weights=ws[n])
                ms[n].append(1000 * (time.perf_counter() - t))
        p50 = {n: statistics.median(v) for n, v in ms.items()}
        for n in ws:
            lines.append(f"{mode:4s} {n:28s} p50 ratio to main {p50[n] / p50['main']:5.2f}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
