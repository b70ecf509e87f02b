"""Tune the ranking weights on SQuAD questions that the quality benchmark does not use.

    python bench/tune.py                  # 2000 questions drawn with seed 1, none of bench/quality.py's
    python bench/tune.py --sample 500 --rounds 2

Every question's candidate evidence (qa.rank.features) is computed once; then a coordinate search
rescores all questions together in numpy (qa.rank.combine) for each weight tried, in seconds.
Confirm the result with bench/quality.py on its own seed-0 sample and the dev set: weights tuned
here must generalise, they are never fitted per question.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from quality import OUT, index_of, squad_items  # noqa: E402

from qa import rank  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402

# The weights searched, and the values tried for each (besides the current one).
# dense stays 1.0: the fixed bonuses (speaker, part, focus) are on its scale.
GRID: dict[str, list[float]] = {
    "bm25": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7],
    "sentence": [0.0, 0.2, 0.35, 0.5, 0.7, 0.9, 1.2],
    "passage_cov": [0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9],
    "neighbour": [0.0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
    "paragraph_cov": [0.0, 0.05, 0.1, 0.2, 0.3],
    "document": [0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8],
    "wrong_type": [0.0, 0.05, 0.1, 0.2, 0.3, 0.5],
}


def stack(fs: list[rank.Features]) -> tuple[rank.Features, np.ndarray]:
    """All questions' candidates as one Features (neighbour and document indices offset), and
    each row's question number."""
    out: dict[str, object] = {}
    qid = np.concatenate([np.full(len(f.pids), i) for i, f in enumerate(fs)])
    offsets = np.cumsum([0] + [len(f.pids) for f in fs[:-1]])
    doc_off = np.cumsum([0] + [int(f.doc.max()) + 1 for f in fs[:-1]])
    for field in dataclasses.fields(rank.Features):
        name = field.name
        if name in ("highlight", "speaker", "pids"):
            out[name] = [x for f in fs for x in getattr(f, name)]
        elif name in ("left", "right"):
            parts = [
                np.where(getattr(f, name) >= 0, getattr(f, name) + o, -1)
                for f, o in zip(fs, offsets, strict=True)
            ]
            out[name] = np.concatenate(parts)
        elif name == "doc":
            out[name] = np.concatenate([f.doc + o for f, o in zip(fs, doc_off, strict=True)])
        else:
            out[name] = np.concatenate([getattr(f, name) for f in fs])
    return rank.Features(**out), qid  # type: ignore[arg-type]


def metrics(score: np.ndarray, qid: np.ndarray, gold: np.ndarray, n: int) -> tuple[float, float, float]:
    """hit@1, recall@5, MRR@5 over `n` questions (ties broken by passage order, as rank.answer does)."""
    order = np.lexsort((np.arange(len(score)), -score, qid))
    q_sorted = qid[order]
    starts = np.searchsorted(q_sorted, np.arange(n))
    pos = np.arange(len(order)) - starts[q_sorted]
    g = gold[order] & (pos < 5)
    first = np.full(n, 99)
    np.minimum.at(first, q_sorted[g], pos[g])
    return (
        float(np.mean(first == 0)),
        float(np.mean(first < 5)),
        float(np.mean(np.where(first < 5, 1.0 / (first + 1), 0.0))),
    )


NUMERIC = [
    f.name for f in dataclasses.fields(rank.Features) if f.name not in ("pids", "highlight", "speaker")
]


def compute(engine: Engine, items: list[dict]) -> tuple[rank.Features, np.ndarray, np.ndarray]:
    """Candidate evidence of every question, stacked, and which candidates hold a gold answer."""
    t0 = time.perf_counter()
    fs, golds = [], []
    for it in items:
        f = rank.features(engine, it["question"])
        assert f is not None
        answers = [norm(a) for a in it["answers"]]
        ps = [engine.passages[p] for p in f.pids]
        golds.append(
            np.array(
                [
                    os.path.basename(p.source) == it["doc"]
                    and len(p.text) <= 600
                    and any(a in norm(p.text) for a in answers)
                    for p in ps
                ],
                dtype=bool,
            )
        )
        fs.append(f)
    feats, qid = stack(fs)
    print(f"features of {len(items)} questions, {len(qid)} candidates: {time.perf_counter() - t0:.1f}s")
    return feats, qid, np.concatenate(golds)


def objective(m: tuple[float, float, float]) -> float:
    """Recall@5 first (an answer shown at all), then hit@1."""
    return m[1] + 0.5 * m[0]


def _pair(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    return name, float(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--fresh", action="store_true", help="recompute the cached features (after rank.py changes)"
    )
    ap.add_argument(
        "--fix", nargs="*", default=[], metavar="NAME=VALUE", help="hold weights, e.g. wrong_type=0.5"
    )
    ap.add_argument(
        "--start", nargs="*", default=[], metavar="NAME=VALUE", help="start the search from these weights"
    )
    args = ap.parse_args()
    fixed = dict(_pair(x) for x in args.fix)
    os.environ.setdefault("QA_HOME", str(OUT / "home"))

    docs, everything = squad_items(0)
    _, held_out = squad_items(2000, seed=0)  # bench/quality.py's sample: never tuned on
    used = {it["id"] for it in held_out}
    pool = [it for it in everything if it["id"] not in used and it["answerable"]]
    items = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    try:
        engine = Engine.open(OUT / "index-squad")
    except Exception:
        engine = index_of("squad", [docs])

    cache = OUT / f"tune-features-seed{args.seed}-{len(items)}.npz"
    if cache.exists() and not args.fresh:
        with np.load(cache, allow_pickle=False) as z:
            feats = rank.Features(
                **{k: z[k] for k in NUMERIC}, pids=z["pids"].tolist(), highlight=[], speaker=[]
            )
            qid, gold = z["qid"], z["gold"]
    else:
        feats, qid, gold = compute(engine, items)
        np.savez(
            cache, qid=qid, gold=gold, pids=np.array(feats.pids), **{k: getattr(feats, k) for k in NUMERIC}
        )
    n = len(items)
    print(f"gold among candidates: {len(set(qid[gold].tolist())) / n:.3f}")

    best = dataclasses.replace(rank.WEIGHTS, **fixed, **dict(_pair(x) for x in args.start))
    best_m = metrics(rank.combine(feats, best), qid, gold, n)
    print(f"current   hit@1 {best_m[0]:.3f} recall@5 {best_m[1]:.3f} mrr {best_m[2]:.3f}")
    t0 = time.perf_counter()
    for r in range(args.rounds):
        improved = False
        for name, values in GRID.items():
            for v in values if name not in fixed else []:
                w = dataclasses.replace(best, **{name: v})
                m = metrics(rank.combine(feats, w), qid, gold, n)
                if objective(m) > objective(best_m) + 1e-9:
                    best, best_m, improved = w, m, True
            print(
                f"round {r} {name:<14} {getattr(best, name):<5} hit@1 {best_m[0]:.3f} recall@5 {best_m[1]:.3f}"
            )
        if not improved:
            break
    print(f"search: {time.perf_counter() - t0:.1f}s")
    print(f"tuned     hit@1 {best_m[0]:.3f} recall@5 {best_m[1]:.3f} mrr {best_m[2]:.3f}")
    print({k: getattr(best, k) for k in GRID})
    return 0


if __name__ == "__main__":
    sys.exit(main())
