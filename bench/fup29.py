"""Round 29: replay the read sets' follow-ups that stand without a pronoun (elliptical fragments).

    python bench/fup29.py --work /tmp/rs-TAG [--all]

A follow-up that qa.followup.read gives kind "own" (no pronoun, no "And X?", no bare "Why?") and
that opens with no "And"/"So" was searched as typed, the previous turn ignored: "Partners for what
purpose?" after "Obama named which two nations as possible partners?" (article_heldout16 h16u03,
declined). Every such follow-up of every read set (answerable or not; --all: every follow-up with a
history) is asked through qa.session.Conversation after its history, and the gold's rank printed
(0: not in the top 5; "declined"), as bench/read_sets.sh scores it (bench/reports/fup29.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.fup27 import gold_rank  # noqa: E402
from bench.read_sets import ALL, gold_file, index_for  # noqa: E402
from qa import followup, session  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402


def fragment(question: str) -> bool:
    """Whether a follow-up is one the previous turn did not inform before round 29: kind "own",
    no leading "And"/"So".

    Args:
        question: the follow-up as typed.
    Returns:
        True for such a follow-up.
    """
    return followup.read(question).name == "own" and not followup.LEAD.match(question)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="every follow-up with a history")
    ap.add_argument("--sets", nargs="*", default=ALL)
    args = ap.parse_args()
    right = total = 0
    for name in args.sets:
        rows = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        rows = [r for r in rows if r.get("history") and (args.all or fragment(r["question"]))]
        if not rows:
            continue
        engine = Engine.open(index_for(name, args.work))
        for r in rows:
            conv = session.Conversation(engine)
            for h in r["history"]:
                conv.ask(h, 5)
            a = conv.ask(r["question"], 5)
            if r["answerable"]:
                rank = "declined" if a.abstained else gold_rank(a.hits, [norm(x) for x in r["answers"]])
                ok = rank == 1
            else:
                rank = "declined" if a.abstained else "answered"
                ok = a.abstained
            right += ok
            total += 1
            searched = conv.turns[-1].searched
            print(
                f"{name} {r['id']} {'ok ' if ok else 'NO '} {rank} | {r['question']} -> {searched}",
                flush=True,
            )
    print(f"right {right} of {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
