"""One analyser setting, split-half on train: run index.attribution over PolNeAR train once per value
of a module constant and print each run's half A / half B / all figures with the guard figures
(direct-quote F1, reported precision and recall, e2e_speech P/R), as bench/attribution_halves.py
--guards does. The rounds' switches, with their reports:

    python bench/attribution_switch.py clauses SECOND_SOURCE_CUT False True      # attribution_round21.md
    python bench/attribution_switch.py attributor PP_HOPS 0 1 2                  # attribution_round22.md
    python bench/attribution_switch.py speakers NOUN_CUE_AGREEMENT False True    # attribution_round23.md
    python bench/attribution_switch.py sources APPOSITION_HEAD_WIDE False True   # attribution_round28a.md
    python bench/attribution_switch.py sources OPENING_PHRASE_SKIP False True    # attribution_round28a.md
    python bench/attribution_switch.py attributor DOC_PARTICIPLES False True     # attribution_round32.md
    python bench/attribution_switch.py attributor QUOTE_IN_CLAUSE False True     # attribution_round32.md

Replaces the per-round scripts bench/attribution_round21.py, _round22.py and _round23.py, which
differed only in the module, constant and values.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import score_halves, write_train_with  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("module", help="a module of index.attribution, e.g. speakers")
    ap.add_argument("name", help="the module constant to set, e.g. NOUN_CUE_AGREEMENT")
    ap.add_argument("values", nargs="+", help="Python literals, one run each (main's value first)")
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp"))
    a = ap.parse_args()
    module = importlib.import_module(f"index.attribution.{a.module}")
    if not hasattr(module, a.name):
        ap.error(f"index.attribution.{a.module} has no {a.name}")
    for text in a.values:
        value = ast.literal_eval(text)
        out = a.out_dir / f"attr-{a.module}-{a.name}-{text}.jsonl"
        write_train_with(module, a.name, value, out)
        print(f"{a.name}={value!r} ({out})", flush=True)
        score_halves(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
