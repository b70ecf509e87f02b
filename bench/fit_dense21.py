"""Query-time dense evidence (qa.dense_evidence) fitted on every read set, judged leave-one-set-out.

    python bench/fit_dense21.py                  # writes bench/reports/dense21.md (fit part)
    python bench/fit_dense21.py --squad 200 --sets h1 nh1

Each column of qa.dense_evidence (the best sentence's cosine, the sentence with the one before it,
the passage after its title, after its previous passage, the token MaxSim) is computed for the
top DENSE_K candidates of every answerable question of bench/fit_readsets.py's groups (bench/fit.py's
five and the read sets h1-h10, nh1-nh9), then its weight is searched alone (GRID_DENSE, the other
weights as in code) leave-one-set-out exactly as bench/fit_readsets.py does: for each read set,
the weight is fitted on every other question and that set is scored by it. A column is a candidate
for adoption only if held out, pooled hit@1 rises in both pools and h10 and nh9 (the only read sets
no earlier fix was shaped on) do not fall; the end-to-end read sets and SQuAD-2000 then decide.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit  # noqa: E402
import fit_readsets as fr  # noqa: E402
from quality import OUT  # noqa: E402

from qa import dense_evidence, rank  # noqa: E402

REPORT = REPO / "bench" / "reports" / "dense21_fit.md"
# The values tried for each column's weight (the passage cosine's weight is 1.0).
GRID_DENSE = [0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0]
# Pairs searched jointly as well: a column may only pay beside another.
JOINT = (("sent_dense", "maxsim"), ("sent_prev_dense", "prev_dense"))


def _all_columns() -> rank.Weights:
    """Weights that make rank.features compute every dense evidence column (their values select
    nothing: the columns are empty while the top candidates are chosen)."""
    return dataclasses.replace(rank.WEIGHTS, **{c: 1.0 for c in dense_evidence.COLUMNS})


def _row(gr: fr.Groups, first: np.ndarray, names: tuple[str, ...]) -> str:
    ps = fr.per_set(gr, first, names)
    return " | ".join(f"{ps[n][0]:.3f} / {ps[n][1]:.3f}" if n in ps else "-" for n in names)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", type=int, default=300)
    ap.add_argument("--sets", nargs="*", default=[*fr.ARTICLE_SETS, *fr.NEWS_SETS])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=REPORT)
    ap.add_argument(
        "--read-only",
        action="store_true",
        help="the read sets alone (J over the two pools): bench/fit.py's five groups left out",
    )
    args = ap.parse_args()
    read = tuple(s for s in args.sets if s in fr.ARTICLE_SETS or s in fr.NEWS_SETS)
    os.environ.setdefault("QA_HOME", str(OUT / "home"))
    for c in dense_evidence.COLUMNS:
        fit.GRID[c] = GRID_DENSE
    plain = rank.features
    every = _all_columns()

    def features(*a: object, **kw: object) -> object:
        kw.setdefault("dense", every)
        return plain(*a, **kw)  # type: ignore[arg-type]

    rank.features = features  # type: ignore[assignment]
    t0 = time.perf_counter()
    if args.read_only:
        from qa import config

        engines, items = {"article": fit._engine("article", config.bundled_article())}, []
    else:
        engines, items = fit.load(args.squad)
    items += fr.load_read(engines, read)
    ev = fit.evidence(engines, items)
    t_feat = time.perf_counter() - t0
    print(f"features: {t_feat:.0f}s, {len(ev.items)} answerable", flush=True)
    gr = fr.Groups.of(ev)
    names = (*fr.GROUPS, "h10", "nh9")
    searches: list[tuple[str, tuple[str, ...]]] = [(c, (c,)) for c in dense_evidence.COLUMNS]
    searches += [(" + ".join(j), j) for j in JOINT]
    L = [
        "# Query-time dense evidence, leave-one-set-out (bench/fit_dense21.py)",
        "",
        f"`python bench/fit_dense21.py {' '.join(sys.argv[1:])}`; features {t_feat / 60:.1f} min "
        f"(top {dense_evidence.DENSE_K} candidates per question), {len(ev.items)} answerable questions; "
        f"gold among the candidates {ev.covered:.3f}. Ranking only (qa.rank.combine over cached features, "
        "follow-ups fused as qa.session does); abstention not applied. Each weight searched alone "
        f"over {GRID_DENSE} (pairs jointly), the others as in code.",
        "",
        "hit@1 / r@5: " + " | ".join(names),
        "",
        "| search | figures | " + " | ".join(names) + " | folds' values | full-data fit |",
        "|---|---|" + "---|" * len(names) + "---|---|",
    ]
    base = None
    for label, only in searches:
        t = time.perf_counter()
        lf = fr.loso(ev, read, fr.MIN_GAIN, args.rounds, only)
        base = lf.base
        folds = {s: tuple(getattr(w, c) for c in only) for s, w in lf.per_fold.items()}
        counts: dict[tuple[float, ...], int] = {}
        for v in folds.values():
            counts[v] = counts.get(v, 0) + 1
        fitted = tuple(getattr(lf.fitted, c) for c in only)
        vals = ", ".join(f"{'/'.join(f'{x:g}' for x in k)} ({n})" for k, n in sorted(counts.items()))
        full = "/".join(f"{x:g}" for x in fitted)
        L.append(f"| {label} | in-sample (full fit) | {_row(gr, lf.in_fit, names)} | {vals} | {full} |")
        L.append(f"| {label} | held out | {_row(gr, lf.held, names)} | | |")
        print(f"{label}: folds {vals}, full {full} ({time.perf_counter() - t:.0f}s)", flush=True)
        args.out.write_text("\n".join(L) + "\n", encoding="utf-8")
    if base is not None:
        L.insert(-2 * len(searches), f"| code (all 0) | - | {_row(gr, base, names)} | | |")
    # Per-column gains at a fixed weight, in-sample (what the column can do at all).
    L += [
        "",
        "## In-sample, each column alone at fixed weights (hit@1 pooled: article / news / h10 / nh9)",
        "",
    ]
    L += ["| column | " + " | ".join(f"{v:g}" for v in GRID_DENSE) + " |", "|---|" + "---|" * len(GRID_DENSE)]
    for c in dense_evidence.COLUMNS:
        cells = []
        for v in GRID_DENSE:
            first = fit.first_gold(ev, dataclasses.replace(rank.WEIGHTS, **{c: v}))
            ps = fr.per_set(gr, first, ("article pool", "news pool", "h10", "nh9"))
            cells.append(" / ".join(f"{ps[n][0]:.3f}" if n in ps else "-" for n in ps))
        L.append(f"| {c} | " + " | ".join(cells) + " |")
    args.out.write_text("\n".join(L) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {(time.perf_counter() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
