"""qa.rank's ranking weights fitted on every read set, judged leave-one-set-out.

    python bench/fit_readsets.py                 # writes bench/reports/fit_readsets.md
    python bench/fit_readsets.py --squad 300     # the SQuAD group's sample (bench/fit.py's --squad)
    python bench/fit_readsets.py --sets h1 nh    # a quick run on some read sets only

bench/fit.py searches the weights on five groups (news-dev, the bundled article's seed and fit
questions, SQuAD, PolNeAR speaker questions, paraphrases). This script adds the questions of the
read sets written by many hands: bench/data/article_heldout{,2..9}.jsonl (h1-h9, over the bundled
article) and bench/data/news_heldout{,2..8}.jsonl (nh1-nh8, each over ten PolNeAR train articles
that bench/news_heldout_docs.py writes out; their text stays in ../shared). Follow-ups are asked
after their history through qa.session, as score.py drives `qa chat --json` (bench/fit.py's
`evidence`). The blind sets (bench/read_sets.BLIND) are never read; the read ones are those
bench/read_sets.py names (h14 and nh13 were opened in round 25).

The objective is bench/fit.py's J (mean over groups of hit@1 + 0.25 * recall@5, answerable
questions, candidates ranked by qa.rank.combine) over seven groups: the five of bench/fit.py, the
article pool (h1-h9) and the news pool (nh1-nh8), so that neither the old groups nor the many new
questions outvote the other. A move must gain MIN_GAIN (bench/fit.py's: two thirds of a
news-dev question, scaled by the number of groups).

Held-out figures are leave-one-set-out: for each read set, the weights are searched (coordinate
search from the code's weights, bench/fit.py's GRID) on every question but that set's and scored on
that set; the held-out figures of a pool are those of its sets, each scored by the weights fitted
without it. The full-data fit is adopted only if the held-out pooled hit@1 rises for one pool and
holds for the other (bench/reports/fit_readsets.md says which).
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
import read_sets  # noqa: E402
from quality import OUT  # noqa: E402

from qa import rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

REPORT = REPO / "bench" / "reports" / "fit_readsets.md"
DATA = REPO / "bench" / "data"
ARTICLE_SETS = {
    f"h{n}": DATA / f"article_heldout{'' if n == 1 else n}.jsonl"
    for n in range(1, read_sets.LAST_READ_ARTICLE + 1)
}
NEWS_SETS = {
    f"nh{n}": DATA / f"news_heldout{'' if n == 1 else n}.jsonl"
    for n in range(1, read_sets.LAST_READ_NEWS + 1)
}
POOLS = {"article pool": tuple(ARTICLE_SETS), "news pool": tuple(NEWS_SETS)}
GROUPS = (*fit.SETS, *POOLS)
MIN_GAIN = 0.008 / len(GROUPS)


def group_of(set_name: str) -> str:
    """The J group of a set: a read set counts in its pool, an old set is its own group.

    Args:
        set_name: an Item's set (bench/fit.py's names, or h1-h9, nh1-nh8).
    Returns:
        One of GROUPS.
    """
    for pool, names in POOLS.items():
        if set_name in names:
            return pool
    return set_name


def load_read(engines: dict[str, Engine], sets: tuple[str, ...]) -> list[fit.Item]:
    """The read sets' questions, their engines added to `engines` (the article sets share the
    bundled article's; each news set gets its ten articles' index under bench/out/).

    Args:
        engines: bench/fit.py's engines by set name (must hold "article"); extended in place.
        sets: the read sets to load (names of ARTICLE_SETS and NEWS_SETS).
    Returns:
        Every question of those sets as an Item (set = the read set's name, fold 0: unused).
    """
    from news_heldout_docs import article_texts

    items: list[fit.Item] = []
    for name in sets:
        if name in ARTICLE_SETS:
            engines[name] = engines["article"]
            path = ARTICLE_SETS[name]
        else:
            folder = OUT / f"readset-{name}-docs"
            folder.mkdir(parents=True, exist_ok=True)
            for fname, text in article_texts(which=int(name[2:])).items():
                if not (folder / fname).exists():
                    (folder / fname).write_text(text, encoding="utf-8")
            engines[name] = fit._engine(f"readset-{name}", folder)
            path = NEWS_SETS[name]
        items += [fit.Item(name, 0, g) for g in fit._jsonl(path)]
    return items


@dataclasses.dataclass
class Groups:
    """Each answerable question's set and group, as arrays for quick figures."""

    sets: np.ndarray
    groups: np.ndarray

    @classmethod
    def of(cls, ev: fit.Evidence) -> Groups:
        sets = np.array([it.set for it in ev.items])
        return cls(sets, np.array([group_of(s) for s in sets]))


def figures(gr: Groups, first: np.ndarray, mask: np.ndarray) -> dict[str, tuple[float, float]]:
    """hit@1 and recall@5 per group (GROUPS) over the questions in `mask`.

    Args:
        gr: each question's set and group.
        first: each question's first gold position (99: none in the top K).
        mask: the questions counted.
    Returns:
        group -> (hit@1, recall@5), groups without questions left out.
    """
    out = {}
    for g in GROUPS:
        m = mask & (gr.groups == g)
        if m.any():
            out[g] = (float(np.mean(first[m] == 0)), float(np.mean(first[m] < fit.K)))
    return out


def per_set(gr: Groups, first: np.ndarray, names: tuple[str, ...]) -> dict[str, tuple[float, float, int]]:
    """hit@1, recall@5 and the number of answerable questions of each named set (or pool)."""
    out = {}
    for n in names:
        m = (gr.sets == n) | (gr.groups == n)
        if m.any():
            out[n] = (float(np.mean(first[m] == 0)), float(np.mean(first[m] < fit.K)), int(m.sum()))
    return out


@dataclasses.dataclass
class Loso:
    """The leave-one-set-out fit: each read set's weights (searched without it), the held-out
    first-gold positions, and the full-data fit."""

    old: rank.Weights
    per_fold: dict[str, rank.Weights]
    held: np.ndarray  # read sets' questions: scored by the weights fitted without their set
    base: np.ndarray  # under the code's weights
    fitted: rank.Weights
    in_fit: np.ndarray  # under the full-data fit

    def adopted(self, gr: Groups) -> bool:
        """Held out, pooled hit@1 rises for one pool and does not fall for the other."""
        o, h = per_set(gr, self.base, tuple(POOLS)), per_set(gr, self.held, tuple(POOLS))
        gains = [h[p][0] - o[p][0] for p in POOLS if p in o]
        return bool(gains) and min(gains) >= -1e-9 and max(gains) > 1e-9


def loso(
    ev: fit.Evidence, read: tuple[str, ...], min_gain: float, rounds: int, only: tuple[str, ...] = ()
) -> Loso:
    """Leave-one-set-out over the read sets, then the fit on everything.

    Args:
        ev: the questions' evidence (old groups and read sets).
        read: the read sets present.
        min_gain: least gain in J for a move.
        rounds: coordinate-search rounds.
        only: search these weights alone (every GRID weight when empty).
    Returns:
        The fit.
    """
    old = rank.WEIGHTS
    gr = Groups.of(ev)

    def score(_: fit.Evidence, first: np.ndarray, mask: np.ndarray) -> dict[str, tuple[float, float]]:
        return figures(gr, first, mask)

    base = fit.first_gold(ev, old)
    held = base.copy()
    per_fold = {}
    for s in read:
        t = time.perf_counter()
        w = fit.search(ev, gr.sets != s, old, rounds=rounds, min_gain=min_gain, only=only, score=score)
        per_fold[s] = w
        held[gr.sets == s] = fit.first_gold(ev, w)[gr.sets == s]
        moved = {n: getattr(w, n) for n in fit.GRID if getattr(w, n) != getattr(old, n)}
        print(f"fold {s}: {moved} ({time.perf_counter() - t:.0f}s)", flush=True)
    everything = np.ones(len(ev.items), dtype=bool)
    fitted = fit.search(ev, everything, old, rounds=rounds, min_gain=min_gain, only=only, score=score)
    return Loso(old, per_fold, held, base, fitted, fit.first_gold(ev, fitted))


def _hr(x: tuple[float, float, int] | None) -> str:
    return "-" if x is None else f"{x[0]:.3f} / {x[1]:.3f}"


def report(ev: fit.Evidence, lf: Loso, read: tuple[str, ...], command: str, seconds: float) -> str:
    """bench/reports/fit_readsets.md: held-out table per set, pools, weights per fold, stability.

    Args:
        ev: the evidence.
        lf: the fit.
        read: the read sets.
        command: the command line.
        seconds: run time.
    Returns:
        The report's markdown.
    """
    gr = Groups.of(ev)
    names = (*read, *POOLS)
    o, h = per_set(gr, lf.base, names), per_set(gr, lf.held, names)
    L = [
        "# Ranking weights fitted on every read set, leave-one-set-out (bench/fit_readsets.py)",
        "",
        f"`{command}`; run time {seconds / 60:.1f} min on the shared 2-core machine.",
        "",
        "Groups of J (mean of hit@1 + 0.25 * recall@5): "
        + ", ".join(f"{g} ({n} answerable)" for g, (_, _, n) in per_set(gr, lf.base, GROUPS).items())
        + f". A move must gain {MIN_GAIN:.5f}. Share of answerable questions with a gold passage "
        f"among the candidates: {ev.covered:.3f}. Figures are of ranking (qa.rank.combine over cached "
        "features, follow-ups fused as qa.session does); abstention is not applied.",
        "",
        "## Held-out figures (each read set scored by the weights searched without it)",
        "",
        "| held-out set | answerable | code's weights hit@1 / r@5 | fitted without it hit@1 / r@5 |",
        "|---|---|---|---|",
    ]
    for n in names:
        if n in o:
            L.append(f"| {n} | {o[n][2]} | {_hr(o[n])} | {_hr(h[n])} |")
    L += [
        "",
        (
            "**Adopted**: held out, pooled hit@1 rises for one pool and holds for the other."
            if lf.adopted(gr)
            else "**Not adopted**: held out, pooled hit@1 does not rise for one pool while holding for "
            "the other, so the code keeps its weights."
        ),
        "",
        "In code: "
        + ("the full-data fit" if lf.adopted(gr) else "the code's weights")
        + " (if it also holds end to end: the read sets through `qa chat`, SQuAD-2000).",
        "",
        "In-sample, the full-data fit against the code's weights (hit@1 / r@5):",
        "",
        "| group | code's weights | full-data fit |",
        "|---|---|---|",
    ]
    fi = per_set(gr, lf.in_fit, GROUPS)
    for g, x in per_set(gr, lf.base, GROUPS).items():
        L.append(f"| {g} | {_hr(x)} | {_hr(fi[g])} |")
    L += ["", "## Weights chosen per fold (only those moved from the code's value)", ""]
    for s, w in lf.per_fold.items():
        moved = {n: getattr(w, n) for n in fit.GRID if getattr(w, n) != getattr(lf.old, n)}
        L.append(f"- without {s}: " + (", ".join(f"{k} {v:g}" for k, v in moved.items()) or "none"))
    moved = {n: getattr(lf.fitted, n) for n in fit.GRID if getattr(lf.fitted, n) != getattr(lf.old, n)}
    L.append("- all read sets: " + (", ".join(f"{k} {v:g}" for k, v in moved.items()) or "none"))
    L += [
        "",
        "## Stability of each weight across the folds",
        "",
        "| weight | code | full-data fit | folds' values (count) | folds moving it |",
        "|---|---|---|---|---|",
    ]
    zero = []
    for n in fit.GRID:
        vals = [getattr(w, n) for w in lf.per_fold.values()]
        counts = {v: vals.count(v) for v in sorted(set(vals))}
        moving = sum(v != getattr(lf.old, n) for v in vals)
        if vals and all(v == 0 for v in vals) and getattr(lf.fitted, n) == 0:
            zero.append(n)
        L.append(
            f"| `{n}` | {getattr(lf.old, n):g} | {getattr(lf.fitted, n):g} | "
            + ", ".join(f"{v:g} ({c})" for v, c in counts.items())
            + f" | {moving} of {len(vals)} |"
        )
    L += [
        "",
        "Weights every fold and the full-data fit leave at 0 (their hooks are candidates for removal): "
        + (", ".join(f"`{z}`" for z in zero) or "none")
        + ".",
    ]
    return "\n".join(L) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--squad", type=int, default=300, help="answerable SQuAD questions (bench/fit.py's group)"
    )
    ap.add_argument("--sets", nargs="*", default=[*ARTICLE_SETS, *NEWS_SETS], help="read sets to use")
    ap.add_argument("--min-gain", type=float, default=MIN_GAIN)
    ap.add_argument("--rounds", type=int, default=2, help="coordinate-search rounds")
    ap.add_argument("--out", type=Path, default=REPORT)
    ap.add_argument(
        "--only", action="append", default=[], choices=list(fit.GRID), help="search this weight alone"
    )
    args = ap.parse_args()
    read = tuple(s for s in args.sets if s in ARTICLE_SETS or s in NEWS_SETS)
    os.environ.setdefault("QA_HOME", str(OUT / "home"))
    t0 = time.perf_counter()
    engines, items = fit.load(args.squad)
    items += load_read(engines, read)
    ev = fit.evidence(engines, items)
    print(f"features: {time.perf_counter() - t0:.0f}s, {len(ev.items)} answerable", flush=True)
    lf = loso(ev, read, args.min_gain, args.rounds, tuple(args.only))
    seconds = time.perf_counter() - t0
    command = "python bench/fit_readsets.py " + " ".join(sys.argv[1:])
    args.out.write_text(report(ev, lf, read, command.strip(), seconds), encoding="utf-8")
    print(f"wrote {args.out} in {seconds / 60:.1f} min; adopted={lf.adopted(Groups.of(ev))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
