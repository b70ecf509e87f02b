"""Round 33: answerable read-set questions wrongly declined, by gate (bench/reports/wrong33.md).

`census RESULTS INDEXES` asks every "abstained" line of a bench/read_sets.sh results file again
in-process, with this round's switches off (main's reading), (as bench/wrong32.py's census does: a new conversation, its history, the question) and
prints the decline reason with the gate that gave it: for "the documents do not cover: ..." whether
the cover gate (qa.not_mentioned._uncovered) or the off-topic test (qa.not_mentioned.off_topic)
declined, and the words either read (the cover gate's roles of its declining words). Blind sets are
refused (bench/wrong32.data_and_index).

    python bench/wrong33.py census /tmp/rs-m37/results.txt /tmp/rs-m37

`counted INDEXES` asks every read-set question whose counted noun (qa.abstain.counted_noun) differs
with qa.counted_head.COUNTED_HEAD off and on, both ways, and prints both outcomes (the only questions
the switch can move: the counted noun is read by the abstention gates alone).

    python bench/wrong33.py counted /tmp/rs-m37
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL  # noqa: E402
from bench.wrong32 import data_and_index, declined  # noqa: E402


def _item(path: Path, qid: str) -> dict[str, Any]:
    """One item of a read set's JSONL by id."""
    for line in open(path, encoding="utf-8"):
        if line.strip() and json.loads(line)["id"] == qid:
            return dict(json.loads(line))
    raise SystemExit(f"{qid} not in {path}")


def census(results: str, indexes: Path, switch_off: bool = True) -> None:
    """Ask each declined answerable question again; print its reason and the gate that declined it.

    Args:
        results: a bench/read_sets.sh results.txt written with --show-misses.
        indexes: the folder holding its indexes.
        switch_off: round 33's switch (qa.counted_head.COUNTED_HEAD) off, main's reading then; False
            keeps the code's reading (bench/wrong34.py's census of a later main).
    """
    from index.lexical import terms
    from qa import counted_head, cover, not_mentioned
    from qa.engine import Engine
    from qa.session import Conversation

    # Main's reading: this round's switch off, so the census is main's (5b10585) on this branch.
    counted_head.COUNTED_HEAD = not switch_off
    seen: list[str] = []
    uncovered, off_topic = not_mentioned._uncovered, not_mentioned.off_topic

    def record_uncovered(
        engine: Engine, question: str, missing: list[str], top: Any, rewritten: bool = False
    ) -> list[str]:
        out = uncovered(engine, question, missing, top, rewritten)
        if out:
            role = cover.roles(question, lambda w: bool(terms(w)))
            seen.append(
                "cover"
                + (" (follow-up as resolved)" if rewritten else "")
                + ": "
                + ", ".join(f"{w}={role.get(w, 'other')}" for w in out)
            )
        return out

    def record_off_topic(evidence: tuple[float, float]) -> bool:
        out = off_topic(evidence)
        if out:
            seen.append(f"off-topic (held {evidence[0]:.2f}, cosine {evidence[1]:.2f})")
        return out

    # A bench script's own reading: the two functions are wrapped for this process only.
    not_mentioned._uncovered = record_uncovered  # type: ignore[assignment]
    not_mentioned.off_topic = record_off_topic
    engines: dict[str, Engine] = {}
    for name, qid in declined(results):
        path, index = data_and_index(name, indexes)
        item = _item(path, qid)
        if name not in engines:
            engines[name] = Engine.open(index)
        conv = Conversation(engines[name])
        for h in item.get("history", []):
            conv.ask(h, 5)
        seen.clear()
        a = conv.ask(item["question"], 5)
        gate = (
            seen[-1] if seen and a.reason.startswith("the documents do not cover") else a.reason.split(":")[0]
        )
        out = "abstained" if a.abstained else "answered"
        print(
            f"{name:6} {qid:8} {out:9} {item['question']}\n    reason: {a.reason}\n    gate: {gate}",
            flush=True,
        )


def _outcome(engine: Any, item: dict[str, Any]) -> str:
    """The outcome of one item asked in a new conversation, a decline with its reason."""
    from bench.wrong28 import ask_item

    a, out = ask_item(engine, item)
    return out + f" ({a.reason})" if a.abstained else out


def _items(indexes: Path) -> Iterator[tuple[str, Path | None, dict[str, Any]]]:
    """Every read set's items with the set's name and index."""
    for name in ALL:
        path, index = data_and_index(name, indexes)
        for line in open(path, encoding="utf-8"):
            if line.strip():
                yield name, index, json.loads(line)


def off_and_on(indexes: Path, reading: Callable[[str], object], module: Any, switch: str) -> None:
    """Ask each read-set question whose reading differs with a switch off and on, both ways.

    Args:
        indexes: the folder holding bench/read_sets.sh's indexes.
        reading: question -> what the switch changes (the counted noun, the roles).
        module: the module holding the switch.
        switch: the switch's name.
    """
    from qa.engine import Engine

    engines: dict[str, Engine] = {}
    moved = read = 0
    for name, index, item in _items(indexes):
        q = item["question"]
        # A bench script's own comparison: the switch is flipped around each reading and ask only.
        setattr(module, switch, False)
        before = reading(q)
        setattr(module, switch, True)
        if reading(q) == before:
            continue
        read += 1
        if name not in engines:
            engines[name] = Engine.open(index)
        setattr(module, switch, False)
        off = _outcome(engines[name], item)
        setattr(module, switch, True)
        on = _outcome(engines[name], item)
        moved += off != on
        kind = "A" if item["answerable"] else "U"
        print(
            f"{'MOVED' if off != on else '     '} {name:6} {item['id']:8} {kind} {off} -> {on}  {q}",
            flush=True,
        )
    print(f"# read differently {read}, moved {moved}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "census":
        census(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "counted":
        from qa import abstain, counted_head

        off_and_on(Path(sys.argv[2]), abstain.counted_noun, counted_head, "COUNTED_HEAD")
    else:
        raise SystemExit(__doc__)
