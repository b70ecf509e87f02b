"""Round 31's fragment census: each read-set follow-up read as typed ("own") or after "And" ("lead"),
asked alone three ways: as typed, carried (qa.carry: the previous question's content words added),
and the previous question itself; the gold's rank in each (bench/reports/frag31.md).

    python bench/followups_pooled.py --work /tmp/rs-TAG --json OUT.jsonl   # every follow-up's form
    python bench/frag31.py OUT.jsonl --work /tmp/rs-TAG

A rank is 1-based, 0 when no shown passage holds the gold, prefixed "A" when the search declined.
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
from bench.read_sets import gold_file, index_for  # noqa: E402
from qa import carry, followup, session  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402


def rank_alone(engine: Engine, question: str | None, golds: list[str]) -> str:
    """The gold's rank when `question` is asked in a fresh conversation.

    Args:
        engine: the set's index.
        question: what to ask; None: not asked.
        golds: normalised gold answers.
    Returns:
        "-" when not asked, else the rank, "A"-prefixed when declined.
    """
    if not question:
        return "-"
    a = session.Conversation(engine).ask(question, 5)
    return ("A" if a.abstained else "") + str(gold_rank(a.hits, golds))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pooled", type=Path, help="bench/followups_pooled.py --json output")
    ap.add_argument("--work", type=Path, required=True)
    args = ap.parse_args()
    rows = [json.loads(x) for x in args.pooled.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r["form"] in ("own", "lead")]
    engines: dict[str, Engine] = {}
    for r in rows:
        name = r["set"]
        if name not in engines:
            engines[name] = Engine.open(index_for(name, args.work))
        gold = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        golds = [norm(a) for g in gold if g["id"] == r["id"] for a in g["answers"]]
        q = followup.strip_lead(r["question"])
        prev = r["history"][-1]
        e = engines[name]
        print(
            r["id"],
            r["stage"],
            r["rank"],
            "| typed",
            rank_alone(e, q, golds),
            "carried",
            rank_alone(e, carry.carried(prev, q), golds),
            "prev",
            rank_alone(e, prev, golds),
            "|",
            q,
            "<=",
            prev,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
