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
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import SHARED, load_docs  # noqa: E402

from index.attribution import analyse, attributor, quote_record  # noqa: E402


def run(hops: int, out: Path) -> None:
    """Write train's attributions with `hops` phrases skippable before a cue's subject.

    Args:
        hops: the value of attributor.PP_HOPS for this run (0: the phrase's object stays the source).
        out: the JSON lines file written.
    Returns:
        None.
    """
    saved = attributor.PP_HOPS
    attributor.PP_HOPS = hops
    try:
        with out.open("w", encoding="utf-8") as f:
            for doc_id, text in load_docs(SHARED / "eval" / "polnear" / "train"):
                for q in analyse(text)[1]:
                    f.write(json.dumps(quote_record(f"{doc_id}.txt", text, q)) + "\n")
    finally:
        attributor.PP_HOPS = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    ap.add_argument("--hops", type=int, nargs="+", default=[0, 1, 2])
    a = ap.parse_args()
    for hops in a.hops:
        out = a.out_dir / f"attr22-hops-{hops}.jsonl"
        run(hops, out)
        print(f"PP_HOPS={hops} ({out})", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "attribution_halves.py"), str(out), "--guards"], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
