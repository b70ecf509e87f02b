"""Round 30's abstention (bench/reports/abst30.md): the answered unanswerable questions by cause, and
the round's check, a request for advice (qa.advice), read on every read set and on SQuAD.

    python bench/abst30.py causes RESULTS                 # answered unanswerable questions by cause
    python bench/abst30.py advice [RESULTS...]            # the questions qa.advice reads, and SQuAD's
    python bench/abst30.py stance --indexes DIR           # qa.stance_speaker off and on, in-process

`causes` reads a bench/read_sets.sh results file (score.py --show-misses) and sorts its answered
unanswerable questions by the form of what they ask (the first that holds): a request for advice
(qa.advice.asks_advice), a quoted speaker's words (qa.abstain.asked_speaker), a typed value (qa.slots.
subject_kind, else qa.abstain.asked_fact), yes/no, which/what, who, "how many/much" with no kind read,
other; per pool (article h1-h17, news nh1-nh16 with news-dev, the rest), the opened pair apart.

`advice` lists every read-set question (gold files only; no blind set) that qa.advice.asks_advice reads,
answerable or not, with its verdict in each RESULTS file given ("answered", "declined", "ok" for an
answerable question not among the misses), and counts the SQuAD v1.1 dev questions it reads (all
10,570 of ../shared/eval/squad-v1.1-dev/questions.jsonl: answerable, so each one read would be a cost).
The check has no constant of its own (it reads qa.not_mentioned.STRONG_DENSE, fit by bench/fit.py).

`stance` asks, in-process as score.py does ("/reset", the history, the question), every read-set question
qa.stance_speaker reads (a view, message or remarks asked of X, a form qa.abstain.asked_speaker leaves
unread), with STANCE_SPEAKER off and on, and prints
both verdicts; then the SQuAD v1.1 dev questions it reads (their verdicts need an index of their
documents: `--squad DIR` asks them of the index DIR). DIR holds the indexes as bench/gates_pooled.py
names them (article, nd, nh, nh2..., para). Only these questions can change: the check reads no other.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst24 import answered_unanswerable  # noqa: E402
from bench.read_sets import ALL, ARTICLE, NEWS, SHARED_EVAL, gold_file  # noqa: E402

OPENED = ("h17", "nh16")  # the pair opened in round 30
_POLAR = re.compile(r"^\s*(?:did|does|do|has|have|is|was|were|are|can|will|would)\b", re.I)


def cause_of(question: str) -> str:
    """The form of what an answered unanswerable question asks, for the census.

    Args:
        question: the question as asked.
    Returns:
        "advice", "speaker", "typed:<kind>", "yes/no", "which/what", "who", "how many/much", or "other".
    """
    from qa import abstain, advice, slots

    if advice.asks_advice(question):
        return "advice"
    if abstain.asked_speaker(question):
        return "speaker"
    kind = slots.subject_kind(question) or abstain.asked_fact(question)
    if kind:
        return f"typed:{kind}"
    for name, pattern in (
        ("which/what", r"^\s*(?:in\s+|at\s+)?(?:which|what)\b"),
        ("who", r"^\s*(?:who|whom)\b"),
        ("how many/much", r"^\s*(?:by\s+)?how\s+(?:many|much)\b"),
    ):
        if re.match(pattern, question, re.I):
            return name
    return "yes/no" if _POLAR.match(question) else "other"


def causes(results: str) -> str:
    """The answered unanswerable questions of a results file by cause, per pool, as markdown tables."""
    rows = answered_unanswerable(results)
    pools: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, i, q in rows:
        pool = (
            "article h1-h17"
            if s in ARTICLE
            else "news nh1-nh16, news-dev"
            if s in NEWS + ["newsdev"]
            else "para, seed"
        )
        pools[pool][cause_of(q)].append(f"{s}:{i}")
        if s in OPENED:
            pools["opened h17, nh16"][cause_of(q)].append(f"{s}:{i}")
    out: list[str] = []
    for pool in ("opened h17, nh16", "article h1-h17", "news nh1-nh16, news-dev", "para, seed"):
        by = pools[pool]
        out += [f"\n{pool}\n", "| cause | answered | questions |", "|---|---:|---|"]
        for k, ids in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"| {k} | {len(ids)} | {' '.join(ids)} |")
        out.append(f"| all | {sum(len(v) for v in by.values())} | |")
    return "\n".join(out)


def verdicts(results: str) -> dict[tuple[str, str], str]:
    """Each missed question's verdict in a results file: (set, id) -> "answered", "declined" (an
    unanswerable question is declined when it is no miss; an answerable one's miss is "abstained",
    "missed" or "rank N")."""
    out: dict[tuple[str, str], str] = {}
    current = ""
    for line in results.splitlines():
        if line.startswith("== "):
            current = line[3:].strip()
            continue
        m = re.match(r"^\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s", line)
        if m:
            out[(current, m.group(1))] = m.group(2)
    return out


def advice_table(paths: list[str]) -> str:
    """The read-set questions qa.advice reads with their verdicts per results file, and SQuAD's count."""
    from qa.advice import asks_advice

    files = [verdicts(Path(p).read_text()) for p in paths]
    lines = ["| set / id | answerable | question | " + " | ".join(Path(p).parent.name for p in paths) + " |"]
    lines.append("|---|---|---|" + "---|" * len(paths))
    for name in ALL:
        for raw in gold_file(name).read_text().splitlines():
            if not raw.strip():
                continue
            it = json.loads(raw)
            if not asks_advice(it["question"]):
                continue
            ok = it.get("answerable", True)
            # No miss line: an unanswerable question was declined, an answerable one ranked first.
            cells = [f.get((name, it["id"]), "first" if ok else "declined") for f in files]
            lines.append(f"| {name}/{it['id']} | {ok} | {it['question']} | " + " | ".join(cells) + " |")
    squad = [json.loads(x)["question"] for x in (SHARED_EVAL / "squad-v1.1-dev/questions.jsonl").open()]
    read = [q for q in squad if asks_advice(q)]
    lines.append(f"\nSQuAD v1.1 dev: {len(read)} of {len(squad)} questions read as requests for advice")
    lines += [f"- {q}" for q in read]
    return "\n".join(lines)


def stance_reads(question: str) -> bool:
    """Whether qa.stance_speaker's check reads a question: a speaker asked for by their view, message or
    remarks that qa.abstain.asked_speaker does not read."""
    from qa import abstain, stance_speaker

    return abstain.asked_speaker(question) is None and stance_speaker.stance_speaker(question) is not None


def stance(indexes: Path, squad: Path | None) -> str:
    """Every read-set question the check reads, declined or not with STANCE_SPEAKER off and on."""
    from bench.gates_pooled import SETS
    from qa import stance_speaker
    from qa.engine import Engine
    from qa.session import Conversation

    def verdicts(conv: Conversation, question: str, history: list[str]) -> list[str]:
        out = []
        for on in (False, True):
            stance_speaker.STANCE_SPEAKER = on
            conv.reset()
            for h in history:
                conv.ask(h, 5)
            reply = conv.ask(question, 5)
            out.append((reply.reason or "declined") if reply.abstained else "answered")
        stance_speaker.STANCE_SPEAKER = True
        return out

    lines = ["| set / id | answerable | question | off | on |", "|---|---|---|---|---|"]
    for name, gold, idx in SETS:
        items = [json.loads(x) for x in gold.read_text().splitlines() if x.strip()]
        items = [it for it in items if stance_reads(it["question"])]
        if not items:
            continue
        conv = Conversation(Engine.open(indexes / idx))
        for it in items:
            off, on = verdicts(conv, it["question"], it.get("history") or [])
            ok = it.get("answerable", True)
            lines.append(f"| {name}/{it['id']} | {ok} | {it['question']} | {off} | {on} |")
    squad_qs = [json.loads(x)["question"] for x in (SHARED_EVAL / "squad-v1.1-dev/questions.jsonl").open()]
    read = [q for q in squad_qs if stance_reads(q)]
    lines.append(f"\nSQuAD v1.1 dev: {len(read)} of {len(squad_qs)} questions read (all answerable)")
    conv_squad = Conversation(Engine.open(squad)) if squad is not None else None
    for q in read:
        cells = verdicts(conv_squad, q, []) if conv_squad is not None else ["-", "-"]
        lines.append(f"- {q} | off: {cells[0]} | on: {cells[1]}")
    return "\n".join(lines)


def main() -> None:
    """The command line: causes | advice | stance."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("causes")
    c.add_argument("results")
    a = sub.add_parser("advice")
    a.add_argument("results", nargs="*")
    t = sub.add_parser("stance")
    t.add_argument("--indexes", type=Path, required=True)
    t.add_argument(
        "--squad", type=Path, help="an index of the documents of SQuAD's questions the check reads"
    )
    args = ap.parse_args()
    if args.cmd == "causes":
        print(causes(Path(args.results).read_text()))
    elif args.cmd == "advice":
        print(advice_table(args.results))
    else:
        print(stance(args.indexes, args.squad))


if __name__ == "__main__":
    main()
