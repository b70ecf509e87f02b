"""The yes/no questions of the end-to-end sets, scored with and without qa.polar's ranking signals.

    python bench/polar_sets.py M [--grid 0,0.1,0.2,0.3] [--report bench/reports/polar_sets.md]

M is a folder holding the sets' indexes as the README's measuring commands make them: M/nd
(news-dev), M/nh1 ... M/nh8 (the news held-out sets), M/para (paraphrase fit); the article sets use
the default index. Only the questions qa.polar.is_polar reads as yes/no questions are asked (with
their history, as score.py asks them), under qa.query_reading.POLAR_FILLER off and on and Weights.settles
over the grid: the class-level figure on real questions beside the generated one
(bench/polar_questions.py). The blind sets are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

SETS = [
    *[(f"h{n or 1}", f"bench/data/article_heldout{n}.jsonl", None) for n in ("", 2, 3, 4, 5, 6, 7, 8, 9)],
    *[(f"nh{n or 1}", f"bench/data/news_heldout{n}.jsonl", f"nh{n or 1}") for n in ("", 2, 3, 4, 5, 6, 7, 8)],
    ("news-dev", "../shared/eval/news-dev/gold.jsonl", "nd"),
    ("paraphrase", "bench/data/paraphrase_fit.jsonl", "para"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("indexes", type=Path)
    ap.add_argument("--grid", default="0,0.1,0.2,0.3", help="Weights.settles values")
    ap.add_argument("--subject-grid", default="0,0.1,0.2,0.3", help="Weights.subject values")
    ap.add_argument("--report", type=Path)
    args = ap.parse_args()

    import polar_questions
    import quality

    from qa import polar
    from qa.engine import Engine

    groups = []
    for name, path, folder in SETS:
        items = [json.loads(x) for x in (REPO / path).read_text(encoding="utf-8").splitlines() if x.strip()]
        items = [it for it in items if polar.is_polar(it["question"])]
        if items:
            groups.append((name, items, folder))
    engines = {f: Engine.open(args.indexes / f if f else None) for _, _, f in groups}
    n = sum(len(i) for _, i, _ in groups)
    lines = [
        "# Yes/no questions of the end-to-end sets (bench/polar_sets.py)",
        "",
        f"{n} questions qa.polar reads as yes/no, in "
        + ", ".join(f"{name} {len(items)}" for name, items, _ in groups)
        + ". Pooled over the sets:",
        "",
        "| filler dropped | settles | subject | hit@1 | recall@5 | declined (unanswerable) | wrongly declined |",
        "|---|---|---|---|---|---|---|",
    ]
    for filler, w, v in polar_questions.weight_settings(args.grid, args.subject_grid):
        hits = rec = ans = dec = wrong = un = 0.0
        for _, items, folder in groups:
            yes = [it for it in items if it["answerable"]]
            no = [it for it in items if not it["answerable"]]
            if yes:
                r = quality.score(engines[folder], yes, None)
                hits += r["hit@1"] * len(yes)
                rec += r["recall@5"] * len(yes)
                wrong += r["false_abstain"] * len(yes)
                ans += len(yes)
            if no:
                dec += quality.score(engines[folder], no, None)["abstain"] * len(no)
                un += len(no)
        lines.append(
            f"| {filler} | {w} | {v} | {hits / ans:.3f} | {rec / ans:.3f} | {dec / max(un, 1):.3f} ({int(un)}) | "
            f"{wrong / ans:.3f} |"
        )
        print(lines[-1], flush=True)
    quality.publish(lines, args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
