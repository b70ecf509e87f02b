"""Round 28: wrong declines and the probe questions written for them (bench/reports/wrong28.md).

`probe` asks every question of bench/data/probe28.jsonl (or another probe file) as
../shared/eval/score.py does (a new conversation, its history, the question) in-process, of the index
of the set its "set" field names ("article", the default: the bundled article; "nhN": a news read
set's index under --indexes, as bench/read_sets.sh builds them; ids starting "p28n" without a set:
nh9), and prints per question the outcome (the rank of the first passage holding a gold answer, as
score.py normalises them, "abstained", "answered" for an unanswerable one, "missed") and the decline
reason. `moved` prints the questions whose outcome differs between two read_sets.sh results files
(bench/wrong27.py).

    python bench/wrong28.py probe bench/data/probe28.jsonl --indexes /tmp/rs-base28 > /tmp/p28.txt
    python bench/wrong28.py moved /tmp/rs-base28/results.txt /tmp/rs-wrong28/results.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import wrong27  # noqa: E402
from bench.read_sets import BLIND  # noqa: E402

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}


def norm(text: str) -> str:
    """A text as ../shared/eval/score.py compares it: quotes folded, spaces squeezed, lower case.

    Args:
        text: a passage or a gold answer.
    Returns:
        The normalised text.
    """
    for a, b in _QUOTES.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text.replace("''", "'")).strip().lower()


def set_of(item: dict[str, object]) -> str:
    """The read set whose documents a probe question asks ("article" for the bundled article).

    Args:
        item: one probe line.
    Returns:
        Its "set" field, or "nh9" for round 27's and 28's news probes ("p27n", "p28n"), else "article".
    """
    named = item.get("set")
    if isinstance(named, str):
        return named
    return "nh9" if re.match(r"p2[78]n", str(item["id"])) else "article"


def ask_item(engine: Any, item: dict[str, Any]) -> tuple[Any, str]:
    """One item asked in a new conversation (its history first, k = 5), scored as score.py does.

    Args:
        engine: the qa.engine.Engine of the item's set.
        item: a gold item (question, history, answers, answerable).
    Returns:
        The answer, and "rank N" or "missed" (answerable, answered), "answered" (unanswerable),
        "abstained" (answerable, declined) or "declined" (unanswerable).
    """
    from qa.session import Conversation

    conv = Conversation(engine)
    for h in item.get("history", []):
        conv.ask(h, 5)
    a = conv.ask(item["question"], 5)
    gold = [norm(g) for g in item.get("answers", [])]
    rank = next((i + 1 for i, p in enumerate(a.hits[:5]) if any(g in norm(p.text) for g in gold)), None)
    if a.abstained:
        return a, "abstained" if item["answerable"] else "declined"
    if not item["answerable"]:
        return a, "answered"
    return a, f"rank {rank}" if rank else "missed"


def probe(path: str, indexes: Path) -> None:
    """Print each probe question's outcome and decline reason, then the counts per set.

    Args:
        path: a probe JSONL (id, question, history, answers, answerable; optional set).
        indexes: the folder holding the news read sets' indexes (bench/read_sets.sh's rs-TAG).
    """
    from qa.engine import Engine

    items = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    engines: dict[str, Engine] = {}
    tally: dict[str, dict[str, int]] = {}
    for item in items:
        name = set_of(item)
        if name in BLIND:
            raise SystemExit(f"refusing blind set {name}")
        if name not in engines:
            engines[name] = Engine.open(None if name == "article" else indexes / name)
        a, out = ask_item(engines[name], item)
        key = "rank 2-5" if out.startswith("rank") and out != "rank 1" else out
        tally.setdefault(name, {})[key] = tally.get(name, {}).get(key, 0) + 1
        searched = f"  [searched: {a.searched}]" if a.searched != a.question else ""
        print(f"{item['id']:8} {name:8} {out:10} {item['question']}{searched}  {a.reason}", flush=True)
    for name, t in tally.items():
        print(f"# {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(t.items())))


def main(argv: list[str]) -> None:
    """Run `probe` or `moved` (see the module docstring).

    Args:
        argv: the command line without the program name.
    """
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("probe")
    p.add_argument("path")
    p.add_argument("--indexes", type=Path, default=Path("/tmp/rs-base28"))
    m = sub.add_parser("moved")
    m.add_argument("before")
    m.add_argument("after")
    args = ap.parse_args(argv)
    if args.cmd == "probe":
        probe(args.path, args.indexes)
    else:
        wrong27.main(args.before, args.after)


if __name__ == "__main__":
    main(sys.argv[1:])
