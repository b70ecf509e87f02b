"""Round 23 (attr23): a report whose cue is a plural noun ("the four states that vote"), judged split-half on train.

Runs the analyser over PolNeAR train with `speakers.NOUN_CUE_AGREEMENT` off (main's reading) and on,
and prints each run's half A / half B / all figures with the guard figures (direct-quote F1, reported
precision and recall, e2e_speech P/R), as bench/attribution_halves.py --guards does:

    python bench/attribution_round23.py [--out-dir /tmp]

Report: bench/reports/attribution_round23.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import score_halves, write_train_with  # noqa: E402

from index.attribution import speakers  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    a = ap.parse_args()
    for on in (False, True):
        out = a.out_dir / f"attr23-noun-cue-{int(on)}.jsonl"
        write_train_with(speakers, "NOUN_CUE_AGREEMENT", on, out)
        print(f"NOUN_CUE_AGREEMENT={on} ({out})", flush=True)
        score_halves(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
