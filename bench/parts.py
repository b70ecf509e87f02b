"""Where the article-part weights of qa.rank come from: a grid over news-dev's parts questions.

    python bench/parts.py [--gold ../shared/eval/news-dev/gold.jsonl] [--index DIR]
        [--extra GOLD INDEX]

`--extra` fits a second set jointly: the parts questions bench/parts_generated.py --write DIR makes
from PolNeAR train articles (DIR/gold.jsonl, each naming its article, which the best passage must
come from) over an index of DIR/docs, e.g.

    python bench/parts_generated.py --write /tmp/g && qa index /tmp/g/docs --index /tmp/g/index
    python bench/parts.py --index /tmp/nd --extra /tmp/g/gold.jsonl /tmp/g/index

"Who wrote the Guardian article...?", "When was the Nature piece published?", "Who took the
photo...?": the answer is a byline, date line, caption or credit, and the question is about which
article. Each question's candidate evidence (qa.rank.features) is computed once; then every
combination of the part_* weights in GRID is scored in numpy (qa.rank.combine). The report gives
hit@1 at the current weights, the best found, how many combinations reach it, and for each weight
the best hit@1 at each value, so a reader sees how flat the optimum is. Writes
bench/reports/parts.md. Only the part_* weights change the ranking of parts questions alone; the
other categories are not affected by them (a question that asks for no part has f.part == 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa import candidate_features, rank  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402

GRID: dict[str, list[float]] = {
    "part_document": [0.5, 1.0, 1.5, 2.0],
    "part_meta": [0.0, 0.5, 1.0, 1.5],
    "part_own": [0.0, 0.5, 0.7, 0.9, 1.0],
    "part_first": [0.0, 0.05, 0.1, 0.2],
    "part_second": [0.5, 0.75, 1.0],
    "part_topic": [0.0, 0.25, 0.5, 1.0, 1.5],
}


def _hit1(
    engine: Engine, feats: list[tuple[candidate_features.Features, list[str], str]], w: rank.Weights
) -> float:
    """The share of questions whose best passage holds an answer (and comes from the named article)."""
    hits = 0
    for f, answers, article in feats:
        total = rank.combine(f, w)
        best = f.pids[int(np.argmax(total))]
        p = engine.passages[best]
        text = norm(p.text)
        right_doc = not article or engine.docs[p.doc_id].source.endswith("/" + article)
        hits += any(norm(a) in text for a in answers) and len(p.text) <= 600 and right_doc
    return hits / len(feats)


def _features(engine: Engine, gold: Path) -> list[tuple[candidate_features.Features, list[str], str]]:
    """The candidate evidence of every parts question of `gold` (no history) over `engine`."""
    items = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for g in items:
        if g.get("history") or not (g.get("category") == "parts" or str(g["id"]).split("-")[0] in GENERATED):
            continue
        f = rank.features(engine, g["question"])
        assert f is not None
        out.append((f, g["answers"], g.get("article", "") if g.get("category") != "parts" else ""))
    return out


# The kinds of bench/parts_generated.py's questions (their ids: "<kind>-<n>").
GENERATED = ("headline", "standfirst", "byline", "date", "place")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "eval" / "news-dev" / "gold.jsonl")
    ap.add_argument("--index", type=Path, default=Path("/tmp/qa-bench-newsdev"))
    ap.add_argument(
        "--extra",
        nargs=2,
        type=Path,
        metavar=("GOLD", "INDEX"),
        help="a second set fit jointly: bench/parts_generated.py --write DIR's DIR/gold.jsonl and an index of DIR/docs",
    )
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "reports" / "parts.md")
    args = ap.parse_args()
    if not (args.index / "CURRENT").exists():
        from index.build import build
        from qa import config

        build([args.gold.parent / "docs"], args.index, cache_dir=config.model_cache_dir())
    engine = Engine.open(args.index)
    sets = [(engine, _features(engine, args.gold))]
    if args.extra:
        extra = Engine.open(args.extra[1])
        sets.append((extra, _features(extra, args.extra[0])))
    items = [x for _, feats in sets for x in feats]

    def hit1(w: rank.Weights) -> float:
        return sum(_hit1(e, feats, w) * len(feats) for e, feats in sets) / len(items)

    def per_set(w: rank.Weights) -> str:
        return ", ".join(f"{_hit1(e, feats, w):.3f} of {len(feats)}" for e, feats in sets)

    current = {k: getattr(rank.WEIGHTS, k) for k in GRID}
    base = hit1(rank.WEIGHTS)
    results: list[tuple[float, dict[str, float]]] = []
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, values, strict=True))
        results.append((hit1(dataclasses.replace(rank.WEIGHTS, **setting)), setting))
    best = max(r for r, _ in results)
    at_best = [s for r, s in results if r == best]
    lines = [
        "# Article-part weights (bench/parts.py)",
        "",
        f"{len(items)} parts questions of `{os.path.relpath(args.gold, REPO)}`"
        + (
            f" and `{os.path.basename(args.extra[0])}` (bench/parts_generated.py --write)"
            if args.extra
            else ""
        )
        + f"; {len(results)} combinations of {list(GRID)}.",
        "",
        f"- current weights {current}: parts hit@1 **{base:.3f}** ({per_set(rank.WEIGHTS)})",
        *(
            f"- part_topic {v:g}, the others current: {per_set(dataclasses.replace(rank.WEIGHTS, part_topic=v))}"
            for v in GRID["part_topic"]
        ),
        f"- best hit@1 found: {best:.3f}, reached by {len(at_best)} of {len(results)} combinations",
        "",
        "Best hit@1 with one weight held at each value (the others free):",
        "",
        "| weight | " + " | ".join("value → best hit@1" for _ in range(1)) + " |",
        "|---|---|",
    ]
    for name, vals in GRID.items():
        cells = ", ".join(f"{v:g} → {max(r for r, s in results if s[name] == v):.3f}" for v in vals)
        lines.append(f"| {name} | {cells} |")
    lines += [
        "",
        "Share of combinations reaching the best, per value (how robust each value is):",
        "",
        "| weight | " + " | ".join("value: share" for _ in range(1)) + " |",
        "|---|---|",
    ]
    for name, vals in GRID.items():
        cells = ", ".join(
            f"{v:g}: {sum(1 for s in at_best if s[name] == v) / max(1, sum(1 for _, s in results if s[name] == v)):.2f}"
            for v in vals
        )
        lines.append(f"| {name} | {cells} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
