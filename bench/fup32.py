"""Every conversation item of the read sets replayed, answerable follow-ups and unanswerable items
asked after a history alike (round 32: follow-ups declined).

    python bench/fup32.py --work /tmp/rs-TAG [--sets h7 nh8] [--off qa.session.NAME] [--json OUT]

Each item's history is asked, then the item, in one qa.session.Conversation (as `qa chat` does
after "/reset"). Scored as score.py scores: an answerable item is right first where the first
passage (of at most 600 characters) holds a gold answer, declined where the bot abstains; an
unanswerable one is right where the bot abstains. Printed per set and pooled, with every item's
outcome in --json, so that two runs (a switch on and off) compare item by item.
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

from bench.followups_pooled import MAX_CHARS  # noqa: E402
from bench.quality import override  # noqa: E402
from bench.read_sets import ALL, gold_file, index_for  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402
from qa.session import Conversation  # noqa: E402


def outcome(answer_hits: list, abstained: bool, golds: list[str]) -> str:
    """An item's outcome as score.py reads it.

    Args:
        answer_hits: the answer's passages, best first.
        abstained: whether the bot declined.
        golds: normalised gold answers (empty: unanswerable).
    Returns:
        "declined", "rank N" (1-based, N <= 5) or "missed"; for an unanswerable item "declined" or
        "answered".
    """
    if abstained:
        return "declined"
    if not golds:
        return "answered"
    for i, h in enumerate(answer_hits[:5], 1):
        if len(h.text) <= MAX_CHARS and any(g in norm(h.text) for g in golds):
            return f"rank {i}"
    return "missed"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="indexes (bench/read_sets.sh's /tmp/rs-TAG)")
    ap.add_argument("--sets", nargs="*", default=[s for s in ALL if s != "seed"])
    ap.add_argument("--off", action="append", default=[], help="module.NAME set False")
    ap.add_argument("--json", type=Path, default=None, help="every outcome, one JSON object a line")
    args = ap.parse_args()
    override(args.off, [])
    rows_out = []
    tot = {"fup": 0, "first": 0, "declined": 0, "un": 0, "un_declined": 0}
    for name in args.sets:
        rows = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        rows = [r for r in rows if r.get("history")]
        if not rows:
            continue
        engine = Engine.open(index_for(name, args.work))
        for r in rows:
            conv = Conversation(engine)
            for h in r["history"]:
                conv.ask(h, 5)
            a = conv.ask(r["question"], 5)
            golds = [norm(x) for x in r["answers"]] if r.get("answerable", True) else []
            out = outcome(a.hits, a.abstained, golds)
            rec = {"set": name, "id": r["id"], "category": r.get("category"), "outcome": out}
            rec |= {"question": r["question"], "searched": a.searched, "reason": a.reason}
            rows_out.append(rec)
            if golds:
                tot["fup"] += 1
                tot["first"] += out == "rank 1"
                tot["declined"] += out == "declined"
            else:
                tot["un"] += 1
                tot["un_declined"] += out == "declined"
        print(name, dict(tot), flush=True)
    print(
        f"answerable after a history {tot['fup']}: right first {tot['first']}, declined {tot['declined']}; "
        f"unanswerable after a history {tot['un']}: declined {tot['un_declined']}"
    )
    if args.json:
        args.json.write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows_out), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
