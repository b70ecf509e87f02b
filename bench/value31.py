"""Round 31's typed values of another subject (bench/reports/value31.md, issue 9): the census of the
answered unanswerable questions asking a typed value, and the round's check, a date bound to another
subject (qa.date_subject), asked in-process off and on.

    python bench/value31.py census RESULTS                  # typed answered unanswerables by kind
    python bench/value31.py dates --indexes DIR              # qa.date_subject off and on, read sets
    python bench/value31.py squad --index DIR [--limit N]    # the same over SQuAD v1.1 dev

`census` reads a bench/read_sets.sh results file (score.py --show-misses) and lists its answered
unanswerable questions whose form asks a typed value (bench/abst30.py's cause_of: qa.slots.subject_kind
or qa.abstain.asked_fact), by kind, each with the start of its best passage as printed.

`dates` asks every read-set question qa.date_subject may read (qa.slots.slot_kind "date"), in-process
as score.py does ("/reset", the history, the question), with DATE_SUBJECT off and on, and prints the
verdicts of those that differ and the counts. DIR holds the indexes as bench/gates_pooled.py names them
(nd, nh, nh2, ..., para); the bundled article's is DIR/home/data/default-index. Only these questions
can change: other_subject_reason returns "" first for any other.

`squad` does the same for SQuAD v1.1 dev's questions (all answerable: each one declined is a cost)
over an index of its 48 documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst24 import answered_unanswerable  # noqa: E402
from bench.read_sets import SHARED_EVAL  # noqa: E402


def census(results: str) -> str:
    """The answered unanswerable questions asking a typed value, by kind, with their best passage."""
    from bench.abst30 import cause_of

    tops: dict[tuple[str, str], str] = {}
    current = ""
    lines = results.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("== "):
            current = line[3:].strip()
        parts = line.split()
        if len(parts) > 2 and parts[1] == "answered" and i + 1 < len(lines):
            tops[(current, parts[0])] = lines[i + 1].strip().removeprefix("top: ")[:110]
    by: dict[str, list[str]] = defaultdict(list)
    for s, qid, q in answered_unanswerable(results):
        kind = cause_of(q)
        if kind.startswith("typed:"):
            by[kind[6:]].append(f"| {s}/{qid} | {q} | {tops.get((s, qid), '')} |")
    out = ["| kind | answered |", "|---|---:|"]
    out += [f"| {k} | {len(v)} |" for k, v in sorted(by.items(), key=lambda kv: -len(kv[1]))]
    out.append(f"| all | {sum(len(v) for v in by.values())} |")
    for k, rows in sorted(by.items(), key=lambda kv: -len(kv[1])):
        out += [f"\n{k}\n", "| set / id | question | best passage (start) |", "|---|---|---|", *rows]
    return "\n".join(out)


def reads(question: str) -> bool:
    """Whether qa.date_subject may read a question (a date question of its forms)."""
    from qa import date_subject, slots

    return bool(date_subject._DATE_Q.match(question)) and slots.slot_kind(question) == "date"  # noqa: SLF001


def _verdicts(conv: object, question: str, history: list[str]) -> list[str]:
    """The verdict with DATE_SUBJECT off and on: "answered" or the reason declined."""
    from qa import date_subject

    out = []
    for on in (False, True):
        date_subject.DATE_SUBJECT = on
        conv.reset()  # type: ignore[attr-defined]
        for h in history:
            conv.ask(h, 5)  # type: ignore[attr-defined]
        reply = conv.ask(question, 5)  # type: ignore[attr-defined]
        out.append((reply.reason or "declined") if reply.abstained else "answered")
    date_subject.DATE_SUBJECT = True
    return out


def dates(indexes: Path) -> str:
    """Every read-set question the check may read, with its verdicts off and on (only changes listed)."""
    from bench.gates_pooled import SETS
    from qa.engine import Engine
    from qa.session import Conversation

    lines = ["| set / id | answerable | question | off | on |", "|---|---|---|---|---|"]
    count = {"read": 0, "gained": 0, "lost": 0}
    for name, gold, idx in SETS:
        items = [json.loads(x) for x in gold.read_text().splitlines() if x.strip()]
        items = [it for it in items if reads(it["question"])]
        if not items:
            continue
        path = indexes / "home/data/default-index" if idx == "article" else indexes / idx
        conv = Conversation(Engine.open(path))
        for it in items:
            count["read"] += 1
            off, on = _verdicts(conv, it["question"], it.get("history") or [])
            if off == on:
                continue
            ok = it.get("answerable", True)
            count["lost" if ok else "gained"] += off == "answered"
            lines.append(f"| {name}/{it['id']} | {ok} | {it['question']} | {off} | {on} |")
    lines.append(
        f"\nread {count['read']} questions; unanswerable newly declined {count['gained']}, "
        f"answerable newly declined {count['lost']}"
    )
    return "\n".join(lines)


def squad(index: Path, limit: int) -> str:
    """SQuAD v1.1 dev's questions the check may read, asked off and on over an index of its documents."""
    from qa.engine import Engine
    from qa.session import Conversation

    qs = [json.loads(x)["question"] for x in (SHARED_EVAL / "squad-v1.1-dev/questions.jsonl").open()]
    read = [q for q in qs if reads(q)][: limit or None]
    conv = Conversation(Engine.open(index))
    changed = []
    answered_off = 0
    for q in read:
        off, on = _verdicts(conv, q, [])
        answered_off += off == "answered"
        if off != on:
            changed.append(f"- {q} | off: {off} | on: {on}")
    return "\n".join(
        [
            f"SQuAD v1.1 dev: {len(read)} of {len(qs)} questions read; answered with the check off "
            f"{answered_off}; verdict changed by the check: {len(changed)}",
            *changed,
        ]
    )


def main() -> None:
    """The command line: census | dates | squad."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("census")
    c.add_argument("results")
    d = sub.add_parser("dates")
    d.add_argument("--indexes", type=Path, required=True)
    q = sub.add_parser("squad")
    q.add_argument("--index", type=Path, required=True)
    q.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if args.cmd == "census":
        print(census(Path(args.results).read_text()))
    elif args.cmd == "dates":
        print(dates(args.indexes))
    else:
        print(squad(args.index, args.limit))


if __name__ == "__main__":
    main()
