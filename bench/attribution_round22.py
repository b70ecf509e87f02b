"""Round 22 (attr22): the subject read past a prepositional phrase, by PP_HOPS, judged split-half on train.

Runs the analyser over PolNeAR train with `attributor.PP_HOPS` = 0 (main's reading: the phrase's object
is the source), 1 and 2 (the code's value), and prints each run's half A / half B / all figures with the
guard figures (direct-quote F1, reported precision and recall, e2e_speech P/R), as
bench/attribution_halves.py --guards does:

    python bench/attribution_round22.py [--out-dir /tmp] [--hops 0 1 2]

Report: bench/reports/attribution_round22.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import score_halves, write_train_with  # noqa: E402

from index.attribution import attributor  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    ap.add_argument("--hops", type=int, nargs="+", default=[0, 1, 2])
    a = ap.parse_args()
    for hops in a.hops:
        out = a.out_dir / f"attr22-hops-{hops}.jsonl"
        write_train_with(attributor, "PP_HOPS", hops, out)
        print(f"PP_HOPS={hops} ({out})", flush=True)
        score_halves(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
