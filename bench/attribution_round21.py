"""Round 21 (nest21): the clause cut (index.attribution.clauses) on and off, judged split-half on train.

Runs the analyser over PolNeAR train twice, with `clauses.SECOND_SOURCE_CUT` off (the code's value) and
on, and prints each run's half A / half B / all figures with the guard figures (direct-quote F1,
reported precision and recall, e2e_speech P/R), as bench/attribution_halves.py --guards does:

    python bench/attribution_round21.py [--out-dir /tmp]

Report: bench/reports/attribution_round21.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import score_halves, write_train_with  # noqa: E402

from index.attribution import clauses  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    a = ap.parse_args()
    for cut in (False, True):
        out = a.out_dir / f"attr21-cut-{'on' if cut else 'off'}.jsonl"
        write_train_with(clauses, "SECOND_SOURCE_CUT", cut, out)
        print(f"clause cut {'on' if cut else 'off'} ({out})", flush=True)
        score_halves(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
