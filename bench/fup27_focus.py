"""Re-fit qa.rank.Weights.focus on the read sets' follow-ups (round 27, bench/reports/fup27.md).

    python bench/fup27_focus.py --work /tmp/rs-TAG [--grid 0.3 0.45 0.6 0.8] [--out rows.jsonl]

The census of the follow-up misses (bench/fup27.py) found the conversation's focus (the previous
answer's passage and its neighbours, ranked up by Weights.focus) putting a passage shown before
above the answer that the rewritten question alone ranks first. Every answerable follow-up of the
read sets is asked through qa.session.Conversation at each weight of the grid; printed: right first
per weight and set, and the follow-ups that move against the current weight. The weight only reaches
follow-ups (only qa.session passes a focus), so these are all the questions it can move.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.fup27 import gold_rank  # noqa: E402
from bench.read_sets import ALL, gold_file, index_for  # noqa: E402
from qa import rank, session  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402


def run(grid: list[float], work: Path) -> list[dict]:
    """Each answerable follow-up's gold rank at each focus weight (0: absent or declined).

    Args:
        grid: the Weights.focus values tried.
        work: bench/read_sets.sh's index folder.
    Returns:
        One row per follow-up: set, id, and rank by weight.
    """
    base = rank.WEIGHTS
    out = []
    try:
        for name in ALL:
            if name == "seed":
                continue
            rows = [
                json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()
            ]
            rows = [r for r in rows if r.get("category") == "followup" and r.get("answerable")]
            if not rows:
                continue
            engine = Engine.open(index_for(name, work))
            for r in rows:
                golds = [norm(a) for a in r["answers"]]
                got = {}
                for w in grid:
                    rank.WEIGHTS = replace(base, focus=w)
                    conv = session.Conversation(engine)
                    for h in r.get("history", []):
                        conv.ask(h, 5)
                    a = conv.ask(r["question"], 5)
                    got[str(w)] = 0 if a.abstained else gold_rank(a.hits, golds)
                out.append({"set": name, "id": r["id"], "ranks": got})
                print(json.dumps(out[-1]), flush=True)
    finally:
        rank.WEIGHTS = base
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--grid", type=float, nargs="*", default=[0.2, 0.3, 0.4, 0.5, 0.6, 0.8])
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    rows = run(args.grid, args.work)
    if args.out:
        args.out.write_text("".join(json.dumps(x) + "\n" for x in rows), encoding="utf-8")
    for w in args.grid:
        right = sum(r["ranks"][str(w)] == 1 for r in rows)
        print(f"focus={w}: {right} of {len(rows)} right first", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
