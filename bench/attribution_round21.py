"""Round 21 (nest21): the clause cut (index.attribution.clauses) on and off, judged split-half on train.

Runs the analyser over PolNeAR train twice, with `clauses.SECOND_SOURCE_CUT` off (the code's value) and
on, and prints each run's half A / half B / all figures with the guard figures (direct-quote F1,
reported precision and recall, e2e_speech P/R), as bench/attribution_halves.py --guards does:

    python bench/attribution_round21.py [--out-dir /tmp]

Report: bench/reports/attribution_round21.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import SHARED, load_docs  # noqa: E402

from index.attribution import analyse, clauses, quote_record  # noqa: E402


def run(cut: bool, out: Path) -> None:
    """Write train's attributions with the clause cut on or off.

    Args:
        cut: the value of clauses.SECOND_SOURCE_CUT for this run.
        out: the JSON lines file written.
    Returns:
        None.
    """
    saved = clauses.SECOND_SOURCE_CUT
    clauses.SECOND_SOURCE_CUT = cut
    try:
        with out.open("w", encoding="utf-8") as f:
            for doc_id, text in load_docs(SHARED / "eval" / "polnear" / "train"):
                for q in analyse(text)[1]:
                    f.write(json.dumps(quote_record(f"{doc_id}.txt", text, q)) + "\n")
    finally:
        clauses.SECOND_SOURCE_CUT = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    a = ap.parse_args()
    for cut in (False, True):
        out = a.out_dir / f"attr21-cut-{'on' if cut else 'off'}.jsonl"
        run(cut, out)
        print(f"clause cut {'on' if cut else 'off'} ({out})", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "attribution_halves.py"), str(out), "--guards"], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
