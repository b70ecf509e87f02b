"""Round 32: census of the answerable read-set questions declined (bench/reports/wrong32.md).

`census RESULTS INDEXES` reads a bench/read_sets.sh results file (--show-misses), takes every
"abstained" line (an answerable question declined), finds the item in its read set's data file and
asks it in-process as ../shared/eval/score.py does (a new conversation, its history, the question)
against the index bench/read_sets.sh built under INDEXES, printing the decline reason. Blind sets are
refused.

    python bench/wrong32.py census /tmp/rs-m34/results.txt /tmp/rs-m34

`touched INDEXES` asks every read-set question whose asked slot's noun is one of
qa.kind_nouns.FITTED_KIND_NOUNS (the only questions the fitted list can move) twice, with
qa.kind_nouns.FITTED off and on, and prints both outcomes and reasons (outcome as wrong28's probe:
"rank N", "missed", "abstained" for answerable; "declined"/"answered" for unanswerable).

    python bench/wrong32.py touched /tmp/rs-m34
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import BLIND, declined_in  # noqa: E402


def data_and_index(name: str, indexes: Path) -> tuple[Path, Path | None]:
    """The data file and index of one read set, as bench/read_sets.sh names them.

    Args:
        name: a read set's name ("h3", "nh7", "nh", "newsdev", "seed", "para").
        indexes: the folder holding bench/read_sets.sh's indexes.
    Returns:
        (the JSONL of its questions, its index folder or None for the bundled article).
    """
    if name in BLIND:
        raise SystemExit(f"refusing blind set {name}")
    if name == "newsdev":
        return ROOT.parent / "shared/eval/news-dev/gold.jsonl", indexes / "nd"
    if name == "seed":
        return ROOT.parent / "shared/eval/seed_dev.jsonl", None
    if name == "para":
        return ROOT / "bench/data/paraphrase_fit.jsonl", indexes / "para"
    if name == "h1":
        return ROOT / "bench/data/article_heldout.jsonl", None
    if re.fullmatch(r"h\d+", name):
        return ROOT / f"bench/data/article_heldout{name[1:]}.jsonl", None
    if re.fullmatch(r"nh\d*", name):
        return ROOT / f"bench/data/news_heldout{name[2:]}.jsonl", indexes / name
    raise SystemExit(f"unknown set {name}")


def declined(results: str) -> list[tuple[str, str]]:
    """The (set, id) of every "abstained" line of a results file.

    Args:
        results: a bench/read_sets.sh results.txt written with --show-misses.
    Returns:
        The declined answerable questions in file order.
    """
    return declined_in(Path(results))


def census(results: str, indexes: Path) -> None:
    """Ask each declined answerable question again and print its decline reason.

    Args:
        results: a bench/read_sets.sh results.txt.
        indexes: the folder holding its indexes.
    """
    from qa.engine import Engine
    from qa.session import Conversation

    engines: dict[str, Engine] = {}
    for name, qid in declined(results):
        path, index = data_and_index(name, indexes)
        item = next(
            json.loads(x) for x in open(path, encoding="utf-8") if x.strip() and json.loads(x)["id"] == qid
        )
        if name not in engines:
            engines[name] = Engine.open(index)
        conv = Conversation(engines[name])
        for h in item.get("history", []):
            conv.ask(h, 5)
        a = conv.ask(item["question"], 5)
        out = "abstained" if a.abstained else "answered"
        print(f"{name:7} {qid:8} {out:9} {item['question']}  || {a.reason}", flush=True)


def touched(indexes: Path) -> None:
    """Ask each read-set question whose asked noun is a fitted kind noun with the list off and on.

    Args:
        indexes: the folder holding bench/read_sets.sh's indexes.
    """
    from bench.fit_kind_nouns import head_of
    from bench.read_sets import ALL
    from bench.wrong28 import ask_item
    from qa import kind_nouns
    from qa.engine import Engine

    def outcome(engine: Engine, item: dict) -> str:
        a, out = ask_item(engine, item)
        return out + f" ({a.reason})" if a.abstained else out

    moved = 0
    for name in ALL:
        path, index = data_and_index(name, indexes)
        engine = None
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            item = json.loads(line)
            if head_of(item["question"]) not in kind_nouns.FITTED_KIND_NOUNS:
                continue
            engine = engine or Engine.open(index)
            # A bench script's own comparison: the switch is flipped around the two asks only.
            kind_nouns.FITTED = False
            off = outcome(engine, item)
            kind_nouns.FITTED = True
            on = outcome(engine, item)
            mark = "MOVED" if off != on else "     "
            moved += off != on
            print(
                f"{mark} {name:7} {item['id']:8} {'A' if item['answerable'] else 'U'} {off} -> {on}  {item['question']}",
                flush=True,
            )
    print(f"# moved {moved}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "census":
        census(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "touched":
        touched(Path(sys.argv[2]))
    else:
        raise SystemExit(__doc__)
