"""The read sets' "And X?" follow-ups and their rewrites, to class the slot X was put in (round 32).

    python bench/fup32.py --work /tmp/rs-TAG --json BASE.jsonl   # (and again on the change: NEW.jsonl)
    python bench/and32.py BASE.jsonl [NEW.jsonl]

Lists every item asked after a history whose follow-up qa.followup.read takes for "And X?" (kind
"about"), with the previous question, the follow-up and its first reading; with NEW, only the items
whose reading or outcome moved, before -> after (bench/reports/and32.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.read_sets import gold_file  # noqa: E402
from qa import followup  # noqa: E402


def load(path: Path) -> dict[tuple[str, str], dict]:
    """bench/fup32.py's --json rows by (set, id).

    Args:
        path: the JSON lines file.
    Returns:
        The rows, keyed.
    """
    rows = (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
    return {(r["set"], r["id"]): r for r in rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path, nargs="?")
    args = ap.parse_args()
    base = load(args.base)
    new = load(args.new) if args.new else None
    gold: dict[str, dict[str, dict]] = {}
    for (name, qid), r in base.items():
        if name not in gold:
            lines = gold_file(name).read_text(encoding="utf-8").splitlines()
            gold[name] = {g["id"]: g for g in map(json.loads, filter(str.strip, lines))}
        prev = gold[name][qid]["history"][-1]
        if new is not None:
            n = new[(name, qid)]
            if (n["searched"], n["outcome"]) != (r["searched"], r["outcome"]):
                print(f"{name} {qid}: {r['outcome']} -> {n['outcome']} | {r['searched']} -> {n['searched']}")
            continue
        if followup.read(r["question"]).name != "about":
            continue
        print(
            f"{name} {qid} {r['outcome']}\n  prev: {prev}\n  asked: {r['question']}\n  read: {r['searched']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
