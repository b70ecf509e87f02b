"""Round 28's abstention (bench/reports/abst28.md): the answered unanswerable questions by cause, and
the round's check, a typed value held by another person than the one asked (qa.value_holder), fit on
every read set.

    python bench/abst28.py kinds RESULTS...                 # answered unanswerable questions by kind
    python bench/abst28.py fit --indexes DIR --out ROWS.jsonl [--kinds K...]  # ask the questions it reads
    python bench/abst28.py choose ROWS.jsonl...              # the choice of value_holder.HOLDER

`kinds` reads bench/read_sets.sh results files (score.py --show-misses; a later file's sets replace an
earlier one's) and counts the answered unanswerable questions by the kind of value asked
(qa.slots.subject_kind, qa.abstain.asked_fact) per pool.

`fit` asks, in-process as score.py does ("/reset", the history, the question), every read-set question
(no blind one) whose kind of value qa.value_holder.value_kind reads as one of HOLDER's kinds,
once with the check off and once per binding ("any", "all") of its kind, and records whether each
is declined. DIR holds the indexes as bench/gates_pooled.py names them (article, nd, nh, nh2..., para).
Only these questions can change: the check reads no other.

`choose`: per kind, the bindings that decline no answerable question beyond the check off (the round's
rule: pooled wrongly declined may not rise, nor hit@1 fall; SQuAD's sample is read as answerable) and
decline some unanswerable one; among them the most gains, on a tie "any" (the looser binding, listed
first). The check is kept only if its kept kinds gain two questions or more (one question alone is a
special case); else every kind stays off. `--squad DIR` adds SQuAD's sample (DIR/questions.jsonl, the
500 questions score.py --sample 500 asks, and DIR/index, the corpus indexed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst24 import answered_unanswerable  # noqa: E402
from bench.gates_pooled import SETS  # noqa: E402
from bench.read_sets import ARTICLE, NEWS  # noqa: E402

BINDS: tuple[str, ...] = ("any", "all")


def kind_of(question: str) -> str:
    """The kind of value an answered unanswerable question asks (for the census), "other" for none.

    Args:
        question: the question as asked.
    Returns:
        qa.slots.subject_kind's kind, else qa.abstain.asked_fact's, else "other".
    """
    from qa import abstain, slots

    return slots.subject_kind(question) or abstain.asked_fact(question) or "other"


def kinds(paths: list[str]) -> str:
    """The answered unanswerable questions by kind of value, per pool (article, news, other)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for p in paths:
        got = answered_unanswerable(Path(p).read_text())
        for s in {s for s, _, _ in got}:
            for k in [k for k in rows if k.startswith(f"{s}:")]:
                del rows[k]
        rows.update({f"{s}:{i}": (s, i, q) for s, i, q in got})
    by: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, i, q in rows.values():
        pool = "article" if s in ARTICLE else "news" if s in NEWS or s == "newsdev" else "other"
        by[pool][kind_of(q)].append(f"{s}:{i}")
    out: list[str] = []
    for pool in ("article", "news", "other"):
        out += [f"\n{pool}\n", "| kind | answered | questions |", "|---|---:|---|"]
        for k, ids in sorted(by[pool].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"| {k} | {len(ids)} | {' '.join(ids)} |")
        out.append(f"| all | {sum(len(v) for v in by[pool].values())} | |")
    return "\n".join(out)


def fit(
    indexes: Path,
    out: Path,
    only: list[str] | None,
    kinds: list[str] | None = None,
    squad: Path | None = None,
) -> None:
    """Ask every read-set question of a HOLDER kind with the check off and per binding; one JSON line
    per question: set, id, answerable, kind, and the declined verdict per setting ("off", "any", "all").
    """
    from qa import value_holder
    from qa.engine import Engine
    from qa.session import Conversation

    committed = dict(value_holder.HOLDER)
    sets: list[tuple[str, Path, Path]] = [(name, gold, indexes / idx) for name, gold, idx in SETS]
    if squad is not None:
        sets.append(("squad", squad / "questions.jsonl", squad / "index"))
    with out.open("w") as fh:
        try:
            for name, gold, index in sets:
                if only and name not in only:
                    continue
                items = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
                items = [
                    it
                    for it in items
                    if value_holder.value_kind(it["question"]) in (kinds or value_holder.HOLDER)
                ]
                if not items:
                    continue
                conv = Conversation(Engine.open(index))
                for it in items:
                    kind = value_holder.value_kind(it["question"]) or ""
                    verdict: dict[str, bool] = {}
                    for setting in ("off", *BINDS):
                        value_holder.HOLDER.update({k: "" for k in value_holder.HOLDER})
                        if setting != "off":
                            value_holder.HOLDER[kind] = setting
                        conv.reset()
                        for h in it.get("history") or []:
                            conv.ask(h, 5)
                        verdict[setting] = bool(conv.ask(it["question"], 5).abstained)
                    row = {
                        "set": name,
                        "id": it.get("id"),
                        "answerable": it.get("answerable", True),
                        "kind": kind,
                        **verdict,
                    }
                    fh.write(json.dumps(row) + "\n")
                    fh.flush()
                print(name, "done", file=sys.stderr, flush=True)
        finally:
            value_holder.HOLDER.update(committed)


def _ids(rows: list[dict[str, Any]]) -> str:
    """The rows as "set:id", space-separated."""
    return " ".join(f"{r['set']}:{r['id']}" for r in rows)


def choose(rows: list[dict[str, Any]]) -> str:
    """Per kind and binding, the questions declined beyond the check off, and the choice (docstring)."""
    lines = [
        "| kind | binding | questions | unanswerable declined beyond off | answerable declined beyond off |",
        "|---|---|---:|---|---|",
    ]
    chosen: dict[str, str] = {}
    gained: list[dict[str, Any]] = []
    for kind in sorted({r["kind"] for r in rows}):
        mine = [r for r in rows if r["kind"] == kind]
        best: tuple[int, str, list[dict[str, Any]]] | None = None
        for bind in BINDS:
            gains = [r for r in mine if not r["answerable"] and r[bind] and not r["off"]]
            costs = [r for r in mine if r["answerable"] and r[bind] and not r["off"]]
            lines.append(
                f"| {kind} | {bind} | {len(mine)} | {len(gains)} ({_ids(gains)}) | {len(costs)} ({_ids(costs)}) |"
            )
            if not costs and gains and (best is None or len(gains) > best[0]):
                best = (len(gains), bind, gains)
        chosen[kind] = best[1] if best else ""
        gained += best[2] if best else []
    sets = sorted({r["set"] for r in gained})
    lines.append("")
    lines.append(
        f"Kept kinds gain {len(gained)} ({_ids(gained)}) from {len(sets)} set(s), decline no answerable question."
    )
    if len(gained) < 2:  # a check that fixes one question is a special case (COMMON28)
        chosen = {k: "" for k in chosen}
        lines.append("Fewer than two gains: the check stays off.")
    lines += [f"Chosen: value_holder.HOLDER[{k!r}] = {v!r}" for k, v in chosen.items()]
    return "\n".join(lines)


def main() -> None:
    """Command line: kinds, fit or choose."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kinds")
    k.add_argument("results", nargs="+")
    f = sub.add_parser("fit")
    f.add_argument("--indexes", type=Path, required=True)
    f.add_argument("--out", type=Path, required=True)
    f.add_argument("--sets", nargs="*")
    f.add_argument("--kinds", nargs="*", help="only these HOLDER kinds (default: all)")
    f.add_argument("--counted", action="store_true", help="value_holder.COUNTED on")
    f.add_argument("--squad", type=Path, help="a folder with index/ and questions.jsonl (SQuAD's sample)")
    c = sub.add_parser("choose")
    c.add_argument("rows", type=Path, nargs="+")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if a.cmd == "kinds":
        print(kinds(a.results))
    elif a.cmd == "fit":
        from qa import value_holder

        value_holder.COUNTED = a.counted
        fit(a.indexes, a.out, a.sets, a.kinds, a.squad)
    else:
        rows = [json.loads(line) for p in a.rows for line in p.read_text().splitlines() if line.strip()]
        print(choose(rows))


if __name__ == "__main__":
    main()
