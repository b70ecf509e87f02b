"""Dense sentence evidence and gated MaxSim at rank, fitted and judged leave-one-set-out (rank22).

    python bench/fit_rank22.py                    # writes bench/reports/rank22_fit.md
    python bench/fit_rank22.py --sets h1 nh1      # a quick run

The columns of qa.dense_evidence that round 21 (bench/reports/dense21.md) found worth a second look:
the best sentence's cosine (sent_dense), the best sentence joined to the one before it
(sent_prev_dense) and the idf-weighted token MaxSim (maxsim), each computed for the top DENSE_K
candidates of every answerable question of the read sets (h1-h11, nh1-nh10), follow-ups after
their history as bench/fit.py's `evidence` asks them. The sentence columns are what the index's
stored sentence vectors give (index/sentvec.py: the same texts, encoded at index time).

Each column is tried ungated and under gates that dense21 suggested for MaxSim (it helped the
single-document article and hurt the ten-document news sets):

- `doc`: only the passages of the best document under the other features (the top candidate's
  document): a token match then reorders passages of one article, never pulls in another article;
- `reach<t`: only for questions whose words the documents do not all hold (Features.reach, the
  largest share of the question's terms any candidate holds, below t): a paraphrase, where lexical
  evidence is weak;
- `doc+reach<t`: both.

Every (column, gate, weight) is a candidate setting; the leave-one-set-out fit chooses, for each read
set, the setting with the best J (bench/fit.py's: mean over the two pools of hit@1 + 0.25 * r@5)
on the other sets (a move from the code must gain bench/fit_readsets.MIN_GAIN) and scores the set
left out with it. A setting is a candidate for adoption only if held out, pooled hit@1 rises in one
pool and does not fall in the other and h10, h11, nh9, nh10 (the read sets no fix was shaped on) do
not fall. The columns' values are cached (--cache, JSON: question, passage -> values) so that a
second run only recomputes the cheap features.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import xxhash

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit  # noqa: E402
import fit_readsets as fr  # noqa: E402
from quality import OUT  # noqa: E402

from qa import candidate_features, dense_evidence, rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

REPORT = REPO / "bench" / "reports" / "rank22_fit.md"
COLS = ("sent_dense", "sent_prev_dense", "maxsim")
GRID = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0)
REACH = (0.6, 0.8, 1.0)  # Features.reach below t: not every question word held by one passage
WATCH = ("h10", "h11", "nh9", "nh10")

Cache = dict[str, list[float]]


def _key(engine: Engine, question: str, pid: int) -> str:
    return f"{question}\x00{pid}\x00{xxhash.xxh64_hexdigest(engine.passages[pid].text.encode())}"


def caching(cache: Cache) -> Callable[..., dict[str, np.ndarray]]:
    """qa.dense_evidence.columns computing COLS once per (question, passage) into `cache`."""
    plain = dense_evidence.columns

    def columns(
        engine: Engine,
        question: str,
        q: np.ndarray,
        pids: list[int],
        dense: np.ndarray,
        top: np.ndarray,
        wanted: frozenset[str] = frozenset(COLS),
    ) -> dict[str, np.ndarray]:
        rows = [int(r) for r in top]
        keys = [_key(engine, question, pids[r]) for r in rows]
        if not all(k in cache for k in keys):
            got = plain(engine, question, q, pids, dense, top, frozenset(COLS))
            for r, k in zip(rows, keys, strict=True):
                cache[k] = [float(got[c][r]) for c in COLS]
        out = {c: np.zeros(len(pids)) for c in dense_evidence.COLUMNS}
        for r, k in zip(rows, keys, strict=True):
            for c, v in zip(COLS, cache[k], strict=True):
                out[c][r] = v
        return out

    return columns


@dataclasses.dataclass
class Run:
    """The evidence, with each stacked question's own Features kept for per-question gates."""

    ev: fit.Evidence
    single_f: list[candidate_features.Features]


def evidence(engines: dict[str, Engine], items: list[fit.Item]) -> Run:
    """bench/fit.py's `evidence`, keeping the single-reading questions' Features."""
    answerable = [it for it in items if it.gold["answerable"]]
    single_f: list[candidate_features.Features] = []
    single_g: list[np.ndarray] = []
    single: list[int] = []
    fused: list[tuple[int, list[candidate_features.Features], list[np.ndarray]]] = []
    covered = 0
    for n, it in enumerate(answerable):
        engine = engines[it.set]
        readings, focus = fit._plan(engine, it.gold)
        fs = [rank.features(engine, r, focus=focus) for r in readings]
        got = [(f, fit._gold(engine, f, it.gold)) for f in fs if f is not None]
        covered += any(g.any() for _, g in got)
        if len(got) == 1:
            single.append(n)
            single_f.append(got[0][0])
            single_g.append(got[0][1])
        else:
            fused.append((n, [f for f, _ in got], [g for _, g in got]))
        if n % 100 == 0:
            print(f"  {n}/{len(answerable)}", flush=True)
    stacked, qid = fit.stack(single_f)
    ev = fit.Evidence(
        answerable, stacked, qid, np.concatenate(single_g), single, fused, covered / len(answerable)
    )
    return Run(ev, single_f)


def gate(f: candidate_features.Features, name: str) -> np.ndarray:
    """1.0 where the gate lets a column act on a candidate of one reading, else 0.0.

    Args:
        f: one reading's Features (dense columns ignored by the base score: their weights are 0).
        name: "none", "doc", "reach<t" or "doc+reach<t".
    Returns:
        Float array aligned with f.pids.
    """
    n = len(f.pids)
    out = np.ones(n)
    if name.startswith("doc"):
        base = rank.combine(f, rank.WEIGHTS)
        best = int(np.lexsort((np.array(f.pids), -base))[0]) if n else 0
        out *= f.doc == f.doc[best] if n else 0.0
    if "reach<" in name:
        t = float(name.split("<")[1])
        reach = float(f.reach[0]) if f.reach.size else 1.0
        out *= float(reach < t - 1e-9)
    return out


def gated(run: Run, raw: dict[str, tuple[np.ndarray, list[list[np.ndarray]]]], col: str, g: str) -> None:
    """Set column `col` of every Features of the run to its raw values times gate `g` (in place)."""
    stacked_raw, fused_raw = raw[col]
    gates = np.concatenate([gate(f, g) for f in run.single_f])
    setattr(run.ev.stacked, col, stacked_raw * gates)
    if run.ev.stacked.alt is not None:
        setattr(run.ev.stacked.alt, col, stacked_raw * gates)
    for (_, fs, _), vals in zip(run.ev.fused, fused_raw, strict=True):
        for f, v in zip(fs, vals, strict=True):
            gv = v * gate(f, g)
            setattr(f, col, gv)
            if f.alt is not None:
                setattr(f.alt, col, gv)


def settings() -> list[tuple[str, str, float]]:
    """Every (column, gate, weight) tried."""
    gates = ["none", "doc", *(f"reach<{t:g}" for t in REACH), *(f"doc+reach<{t:g}" for t in REACH)]
    return [(c, g, w) for c in COLS for g in gates for w in GRID]


def objective(gr: fr.Groups, first: np.ndarray, mask: np.ndarray) -> float:
    """J over the two pools (bench/fit.py's objective)."""
    return fit.objective(fr.figures(gr, first, mask))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=[*fr.ARTICLE_SETS, *fr.NEWS_SETS])
    ap.add_argument("--cache", type=Path, default=OUT / "rank22_columns.json")
    ap.add_argument("--out", type=Path, default=REPORT)
    args = ap.parse_args()
    read = tuple(s for s in args.sets if s in fr.ARTICLE_SETS or s in fr.NEWS_SETS)
    os.environ.setdefault("QA_HOME", str(OUT / "home"))
    cache: Cache = json.loads(args.cache.read_text(encoding="utf-8")) if args.cache.exists() else {}
    n_cached = len(cache)
    dense_evidence.columns = caching(cache)  # type: ignore[assignment]
    plain = rank.features
    every = dataclasses.replace(rank.WEIGHTS, **{c: 1.0 for c in COLS})

    def features(*a: object, **kw: object) -> object:
        kw.setdefault("dense", every)
        return plain(*a, **kw)  # type: ignore[arg-type]

    rank.features = features  # type: ignore[assignment]
    t0 = time.perf_counter()
    from qa import config

    engines = {"article": fit._engine("article", config.bundled_article())}
    items = fr.load_read(engines, read)
    run = evidence(engines, items)
    t_feat = time.perf_counter() - t0
    if len(cache) > n_cached:
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_text(json.dumps(cache), encoding="utf-8")
    print(
        f"features: {t_feat:.0f}s, {len(run.ev.items)} answerable ({len(cache) - n_cached} new columns)",
        flush=True,
    )
    ev, gr = run.ev, fr.Groups.of(run.ev)
    raw = {
        c: (getattr(ev.stacked, c).copy(), [[getattr(f, c).copy() for f in fs] for _, fs, _ in ev.fused])
        for c in COLS
    }
    for c in COLS:  # the code's state: every column at weight 0
        gated(run, raw, c, "none")
    base = fit.first_gold(ev, rank.WEIGHTS)
    firsts: dict[tuple[str, str, float], np.ndarray] = {}
    for c, g, w in settings():
        gated(run, raw, c, g)
        firsts[(c, g, w)] = fit.first_gold(ev, dataclasses.replace(rank.WEIGHTS, **{c: w}))
    for c in COLS:
        gated(run, raw, c, "none")
    names = (*fr.POOLS, *WATCH)
    everything = np.ones(len(ev.items), dtype=bool)

    def choose(mask: np.ndarray, among: list[tuple[str, str, float]]) -> tuple[str, str, float] | None:
        j0 = objective(gr, base, mask)
        best, best_j = None, j0 + fr.MIN_GAIN
        for s in among:
            j = objective(gr, firsts[s], mask)
            if j > best_j + 1e-12:
                best, best_j = s, j
        return best

    def loso(
        among: list[tuple[str, str, float]],
    ) -> tuple[np.ndarray, dict[str, str], tuple[str, str, float] | None]:
        held = base.copy()
        per: dict[str, str] = {}
        for s in read:
            pick = choose(gr.sets != s, among)
            per[s] = "code" if pick is None else f"{pick[0]} {pick[1]} {pick[2]:g}"
            if pick is not None:
                held[gr.sets == s] = firsts[pick][gr.sets == s]
        return held, per, choose(everything, among)

    def cells(first: np.ndarray) -> str:
        ps = fr.per_set(gr, first, names)
        return " | ".join(f"{ps[n][0]:.3f} / {ps[n][1]:.3f}" if n in ps else "-" for n in names)

    L = [
        "# Dense sentence evidence and gated MaxSim, leave-one-set-out (bench/fit_rank22.py)",
        "",
        f"`python bench/fit_rank22.py {' '.join(sys.argv[1:])}`; features {t_feat / 60:.1f} min, "
        f"{len(ev.items)} answerable questions of {', '.join(read)}; gold among the candidates "
        f"{ev.covered:.3f}. Ranking only (qa.rank.combine over cached features, follow-ups fused as "
        "qa.session does), abstention not applied. Columns over the top "
        f"{dense_evidence.DENSE_K} candidates under the other features; weights {GRID}; gates: "
        "none, doc (the best document's passages only), reach<t (questions whose reach is below t), "
        f"doc+reach<t, t in {REACH}.",
        "",
        "hit@1 / r@5: " + " | ".join(names),
        "",
        "## Leave-one-set-out: each read set scored by the setting chosen without it",
        "",
        "| search among | held out: " + " | ".join(names) + " | folds' choices | full-data choice |",
        "|---|" + "---|" * len(names) + "---|---|",
        f"| code (all 0) | {cells(base)} | | |",
    ]
    families: list[tuple[str, list[tuple[str, str, float]]]] = []
    every_setting = settings()
    for c in COLS:
        for gname in sorted({g for cc, g, _ in every_setting if cc == c}, key=lambda x: (len(x), x)):
            families.append((f"{c} {gname}", [s for s in every_setting if s[0] == c and s[1] == gname]))
        families.append((f"{c}, any gate", [s for s in every_setting if s[0] == c]))
    families.append(("every column and gate", every_setting))
    verdicts = []
    for label, among in families:
        held, per, full = loso(among)
        counts: dict[str, int] = {}
        for v in per.values():
            counts[v] = counts.get(v, 0) + 1
        choices = ", ".join(f"{k} ({n})" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        fulls = "code" if full is None else f"{full[0]} {full[1]} {full[2]:g}"
        L.append(f"| {label} | {cells(held)} | {choices} | {fulls} |")
        o, h = fr.per_set(gr, base, names), fr.per_set(gr, held, names)
        gains = [h[p][0] - o[p][0] for p in fr.POOLS if p in o]
        watch = [h[w][0] - o[w][0] for w in WATCH if w in o]
        ok = bool(gains) and min(gains) >= -1e-9 and max(gains) > 1e-9 and (not watch or min(watch) >= -1e-9)
        if ok:
            verdicts.append(label)
        print(f"{label}: {choices} | full {fulls} | passes {ok}", flush=True)
    L += [
        "",
        "Passing the held-out rule (a pool's hit@1 up, neither down, h10/h11/nh9/nh10 not down): "
        + (", ".join(verdicts) or "none")
        + ".",
        "",
        "## In-sample, each setting on every read set (hit@1: " + " / ".join(names) + ")",
        "",
        "| column | gate | " + " | ".join(f"{w:g}" for w in GRID) + " |",
        "|---|---|" + "---|" * len(GRID),
    ]
    for label, among in families:
        if "," in label or label.startswith("every"):
            continue
        c, g = among[0][0], among[0][1]
        row = []
        for w in GRID:
            ps = fr.per_set(gr, firsts[(c, g, w)], names)
            row.append(" / ".join(f"{ps[n][0]:.3f}" if n in ps else "-" for n in names))
        L.append(f"| {c} | {g} | " + " | ".join(row) + " |")
    ps = fr.per_set(gr, base, names)
    L.append("| code | - | " + " / ".join(f"{ps[n][0]:.3f}" if n in ps else "-" for n in names) + " | |||||")
    args.out.write_text("\n".join(L) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {(time.perf_counter() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
