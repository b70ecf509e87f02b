"""A joint grid of two speaker weights, leave-one-set-out over every read set.

    python bench/fit_rank28.py --root /tmp/rank28-st

bench/fit_rank23.py's coordinate search moves one weight at a time; Weights.named_attributed and
Weights.reported_bonus act together (both lower the writer's lead that names the asked speaker and
reports their words beside the topic, bench/reports/rank28.md), and neither alone gains J. This
searches their grid jointly (bench/fit.py's GRID), every other weight kept, with bench/fit_rank23.py's
evidence, objective J (mean over news-dev, seed, article pool, news pool, paraphrase of hit@1 + 0.25 *
recall@5), MIN_GAIN and held-out rule (a pool's hit@1 up, neither pool's nor a NEW set's down). The
report is written to bench/reports/rank28_joint.md.

Weights.named_attributed was not adopted and is not in the code: apply the patch in
bench/reports/rank28.md ("The weight tried") to rerun this, and bench/fit_rank23.py --only
named_attributed, which wrote bench/reports/rank28_fit.md and rank28_fit6.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import fit  # noqa: E402
import fit_rank23 as f23  # noqa: E402

from qa import rank  # noqa: E402

NAMES = ("named_attributed", "reported_bonus")
REPORT = REPO / "bench" / "reports" / "rank28_joint.md"


def j_of(qsets: np.ndarray, first: np.ndarray, mask: np.ndarray) -> float:
    """bench/fit.py's J over bench/fit_rank23.py's five groups, questions in `mask` only.

    Args:
        qsets: each question's set.
        first: each question's first gold position (99: none in the top K).
        mask: the questions counted.
    Returns:
        J.
    """
    g = f23.per_group(qsets[mask], first[mask], f23.GROUPS)
    return fit.objective({k: (h, r) for k, (h, r, _n) in g.items()})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/rank28-st"))
    ap.add_argument("--out", type=Path, default=REPORT)
    args = ap.parse_args()
    if not hasattr(rank.WEIGHTS, NAMES[0]):
        print(f"qa.rank.Weights has no {NAMES[0]}: apply the patch in bench/reports/rank28.md first")
        return 2
    t0 = time.perf_counter()
    # The features are computed anew (about 4 minutes): the project reads no pickle, not even its own.
    engines, items = f23.load(f23.ALL, args.root)
    ev = fit.evidence(engines, items)
    qsets = np.array([it.set for it in ev.items])
    old = rank.WEIGHTS
    cells = list(itertools.product(*(fit.GRID[n] for n in NAMES)))
    firsts = {
        c: fit.first_gold(ev, dataclasses.replace(old, **dict(zip(NAMES, c, strict=True)))) for c in cells
    }
    here = tuple(getattr(old, n) for n in NAMES)
    base = firsts[here]

    def choose(mask: np.ndarray) -> tuple[float, ...]:
        """The cell of best J on `mask`; the code's unless another gains MIN_GAIN."""
        j0 = j_of(qsets, base, mask)
        best = max(cells, key=lambda c: (j_of(qsets, firsts[c], mask), c == here))
        return best if j_of(qsets, firsts[best], mask) >= j0 + f23.MIN_GAIN else here

    sets = tuple(dict.fromkeys(qsets.tolist()))
    held = base.copy()
    per_fold = {}
    for s in sets:
        c = choose(qsets != s)
        per_fold[s] = c
        held[qsets == s] = firsts[c][qsets == s]
    full = choose(np.ones(len(qsets), dtype=bool))
    lf = f23.Loso(
        old,
        {s: dataclasses.replace(old, **dict(zip(NAMES, c, strict=True))) for s, c in per_fold.items()},
        base,
        held,
        dataclasses.replace(old, **dict(zip(NAMES, full, strict=True))),
        firsts[full],
    )
    adopted = lf.adopted(qsets)
    names = (*sets, *f23.POOLS)
    o, h, f = (f23.per_group(qsets, x, names) for x in (base, held, firsts[full]))
    L = [
        "# Joint fit of Weights.named_attributed and Weights.reported_bonus (bench/fit_rank28.py)",
        "",
        f"`python bench/fit_rank28.py {' '.join(sys.argv[1:])}`; {time.perf_counter() - t0:.0f} s. "
        f"{len(ev.items)} answerable questions (bench/fit_rank23.py's features: ranking only, "
        "abstention not applied). Grid: "
        + "; ".join(f"{n} {fit.GRID[n]}" for n in NAMES)
        + f". Code: {dict(zip(NAMES, here, strict=True))}.",
        "",
        "| set | answerable | code hit@1 / r@5 | held out | full-data fit (in sample) |",
        "|---|---|---|---|---|",
    ]
    for n in names:
        if n in o:
            L.append(f"| {n} | {o[n][2]} | {f23._hr(o[n])} | {f23._hr(h[n])} | {f23._hr(f[n])} |")
    L += [
        "",
        f"Full-data choice: {dict(zip(NAMES, full, strict=True))}. "
        + (
            "**Adopted** by the held-out rule."
            if adopted
            else "**Not adopted**: the held-out rule (a pool up, neither pool nor a NEW set down) fails."
        ),
        "",
        "## Per fold (moved from the code's)",
        "",
    ]
    L += [
        f"- without {s}: {dict(zip(NAMES, c, strict=True)) if c != here else 'none'}"
        for s, c in per_fold.items()
    ]
    L += ["", "## In sample, every cell (J; hit@1 article pool / news pool / newsdev / para)", ""]
    L += ["| " + " | ".join(NAMES) + " | J | hit@1 |", "|---|---|---|---|"]
    every = np.ones(len(qsets), dtype=bool)
    for c in cells:
        g = f23.per_group(qsets, firsts[c], ("article pool", "news pool", "newsdev", "para"))
        L.append(
            "| "
            + " | ".join(f"{v:g}" for v in c)
            + f" | {j_of(qsets, firsts[c], every):.4f} | "
            + " / ".join(f"{g[k][0]:.3f}" for k in ("article pool", "news pool", "newsdev", "para"))
            + " |"
        )
    args.out.write_text("\n".join(L) + "\n", encoding="utf-8")
    print(f"wrote {args.out}; full {full}; adopted={adopted}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
