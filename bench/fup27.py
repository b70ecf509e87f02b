"""Census of the read sets' follow-up misses (round 27): replay each through qa.session.Conversation.

    python bench/fup27.py RESULTS.txt --work /tmp/rs-TAG [--out census.jsonl]

For every follow-up that bench/read_sets.sh's RESULTS.txt lists as missed (rank > 1, abstained or
missed), the history is asked turn by turn, then the follow-up; written out: the query searched, the
previous question's top passage, the gold's rank in the conversation's answer, and the gold's rank
when the searched query is asked on its own (a fresh conversation) - the signals the census classes
by (bench/reports/fup27.md; the classes themselves are read by eye).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.followups_pooled import MAX_CHARS  # noqa: E402
from bench.read_sets import gold_file, index_for  # noqa: E402
from qa import session  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402


def misses(path: Path) -> dict[str, dict[str, str]]:
    """The ids listed as missed in a results.txt, by set.

    Args:
        path: bench/read_sets.sh's results.txt (with --show-misses).
    Returns:
        {set: {id: outcome}}.
    """
    out: dict[str, dict[str, str]] = {}
    cur = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
            out[cur] = {}
        m = re.match(r"\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s", line)
        if m and cur:
            out[cur][m[1]] = m[2]
    return out


def gold_rank(hits: list, golds: list[str]) -> int:
    """1-based rank of the first hit holding a gold answer (0: none in the hits).

    Args:
        hits: an Answer's hits.
        golds: normalised gold answers.
    Returns:
        The rank, 0 if absent.
    """
    for i, h in enumerate(hits, 1):
        if len(h.text) <= MAX_CHARS and any(g in norm(h.text) for g in golds):
            return i
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", type=Path)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    rows_out = []
    for name, missed in misses(args.results).items():
        if name == "seed":
            continue
        rows = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        rows = [r for r in rows if r.get("category") == "followup" and r["id"] in missed]
        if not rows:
            continue
        engine = Engine.open(index_for(name, args.work))
        for r in rows:
            golds = [norm(a) for a in r["answers"]]
            conv = session.Conversation(engine)
            prev_top = ""
            for h in r.get("history", []):
                a = conv.ask(h, 5)
                prev_top = a.hits[0].text[:200] if a.hits else ""
            a = conv.ask(r["question"], 5)
            searched = getattr(a, "searched", None) or conv.turns[-1].searched
            alone = session.Conversation(engine).ask(searched, 5)
            rec = {
                "set": name,
                "id": r["id"],
                "outcome": missed[r["id"]],
                "history": r.get("history", []),
                "question": r["question"],
                "searched": searched,
                "answers": r["answers"],
                "abstained": a.abstained,
                "rank": gold_rank(a.hits, golds),
                "alone_rank": 0 if alone.abstained else gold_rank(alone.hits, golds),
                "alone_any": gold_rank(alone.hits, golds),
                "prev_top": prev_top,
                "top": a.hits[0].text[:200] if a.hits else "",
            }
            rows_out.append(rec)
            print(json.dumps(rec, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows_out), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
