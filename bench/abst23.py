"""Round 23's news abstention (bench/reports/abst23.md): why unanswerable news questions are answered,
and the two checks of the round (qa.winner, qa.occasion_topic) measured on every read set and SQuAD.

Reads bench/gates_pooled.py's records (every read set, no blind one; the records stay out of the
project: they hold news-dev's questions):

    python bench/gates_pooled.py run --indexes DIR --out /tmp/before.jsonl   # main's code
    python bench/gates_pooled.py run --indexes DIR --out /tmp/after.jsonl    # this branch's
    python bench/abst23.py kinds /tmp/before.jsonl          # answered unanswerable news questions, by kind
    python bench/abst23.py choose /tmp/before.jsonl /tmp/after.jsonl   # per check: gains, losses, choice
    python bench/abst23.py squad                             # SQuAD dev questions each check reads

A check is kept ("Chosen: ... = True") when, over the read sets, the unanswerable questions it
declines beyond main's outnumber twice the answerable ones it declines, and its gains come from at
least two sets (not one set's questions).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst22 import load, wrong  # noqa: E402
from bench.gates_pooled import NEWS_POOL, declined  # noqa: E402

SQUAD = ROOT.parent / "shared" / "eval" / "squad-v1.1-dev"
NEWS = (*NEWS_POOL, "newsdev")

# The forms of the answered unanswerable news questions (first that matches), for the counts of
# bench/reports/abst23.md; a reading aid, not a gate.
KINDS: tuple[tuple[str, str], ...] = (
    ("winner", r"^\W*who won\b"),
    (
        "speaker words at an occasion",
        r"^\W*what did .+ (?:say|tell|told)\w* .*\b(?:in|at|during) (?:his|her|their|the|a)\b",
    ),
    ("speaker words on a topic", r"^\W*(?:what|how) did .+ (?:say|tell|told|respond|react|describe)\w*\b"),
    ("count", r"\bhow many\b|\bby how many\b"),
    ("share", r"\b(?:percentage|share|percent)\b"),
    ("money", r"\bhow much\b"),
    ("date", r"^\W*(?:when|on what date|what date)\b"),
    ("age", r"\bhow old\b"),
    ("who / which", r"^\W*(?:who|whom|which)\b"),
    ("yes / no", r"^\W*(?:has|have|did|does|do|is|are|was|were|will)\b"),
)


def kind_of(question: str) -> str:
    """The form an unanswerable question takes (KINDS), "other" for none.

    Args:
        question: the question as asked.
    Returns:
        The kind's name.
    """
    return next((k for k, p in KINDS if re.search(p, question, re.I)), "other")


def kinds(rows: list[dict[str, Any]]) -> str:
    """The answered unanswerable questions of the news sets (nh1-nh11, news-dev) by kind, with ids."""
    by: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r["set"] in NEWS and wrong(r) == "answered":
            by[kind_of(r["question"])].append(f"{r['set']}:{r['id']}")
    out = ["| kind | answered | questions |", "|---|---:|---|"]
    for k, ids in sorted(by.items(), key=lambda kv: -len(kv[1])):
        out.append(f"| {k} | {len(ids)} | {' '.join(ids)} |")
    out.append(f"| all | {sum(len(v) for v in by.values())} | |")
    return "\n".join(out)


def check_of(question: str) -> str:
    """Which of the round's checks reads a question: "winner", "occasion" or ""."""
    from qa import occasion_topic, winner

    if winner.asked_event(question):
        return "winner"
    if occasion_topic.as_topic(question):
        return "occasion"
    return ""


def choose(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> str:
    """Per check: the questions whose verdict changed, by set, and whether the check is kept."""
    index = {(r["set"], r["id"]): r for r in after}
    gained: dict[str, Counter[str]] = defaultdict(Counter)
    lost: dict[str, Counter[str]] = defaultdict(Counter)
    lines = ["| set | id | check | answerable | before | after |", "|---|---|---|---|---|---|"]
    reached: Counter[str] = Counter()
    for r in before:
        check = check_of(r["question"])
        if check:
            reached[check] += 1
        a = index.get((r["set"], r["id"]))
        if a is None or declined(r) == declined(a):
            continue
        check = check or "other"
        (lost if r["answerable"] else gained)[check][r["set"]] += 1 if declined(a) else -1
        lines.append(
            f"| {r['set']} | {r['id']} | {check} | {r['answerable']} | {'declined' if declined(r) else 'answered'} "
            f"| {(a['reason'] or 'answered')[:60]} |"
        )
    out = [*lines, ""]
    for check, name in (("winner", "winner.WINNER"), ("occasion", "occasion_topic.OCCASION_TOPIC")):
        g, w = sum(gained[check].values()), sum(lost[check].values())
        sets = sorted(s for s, n in gained[check].items() if n > 0)
        keep = g - 2 * w > 0 and len(sets) >= 2
        out.append(
            f"- {check}: read-set questions reaching it {reached[check]}; unanswerable declined beyond main "
            f"{g} (sets: {', '.join(sets) or 'none'}), answerable wrongly declined beyond main {w}."
        )
        out.append(f"  Chosen: {name} = {keep}")
    other_g, other_w = sum(gained["other"].values()), sum(lost["other"].values())
    out.append(f"- changed by neither check (run-to-run): unanswerable {other_g:+d}, answerable {other_w:+d}")
    return "\n".join(out)


def squad() -> str:
    """The SQuAD v1.1 dev questions each check reads, and for "who won" whether the gold paragraph
    (a stand-in for the best passages) tells the winner as qa.winner reads it."""
    from index.lexical import terms
    from qa import occasion_topic, winner

    paragraphs = {
        (d := json.loads(line))["paragraph_id"]: d["text"]
        for line in (SQUAD / "paragraphs.jsonl").read_text().splitlines()
        if line.strip()
    }
    qs = [json.loads(line) for line in (SQUAD / "questions.jsonl").read_text().splitlines() if line.strip()]
    won = [q for q in qs if winner.asked_event(q["question"])]
    occ = [q for q in qs if occasion_topic.as_topic(q["question"])]
    lines = [f"SQuAD v1.1 dev: {len(qs)} questions", f"- 'who won' (qa.winner): {len(won)}"]
    for q in won:
        sentences = re.split(r"(?<=[.!?])\s+", paragraphs[q["paragraph_id"]])
        why = winner.winner_missing(q["question"], sentences, terms)
        lines.append(f"  - {'declined' if why else 'answered'} on its paragraph: {q['question']}")
    lines.append(f"- a speaker's words at an occasion (qa.occasion_topic): {len(occ)}")
    lines += [f"  - {q['question']}" for q in occ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kinds")
    k.add_argument("records", type=Path)
    c = sub.add_parser("choose")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    sub.add_parser("squad")
    a = ap.parse_args()
    if a.cmd == "kinds":
        print(kinds(load(a.records)))
    elif a.cmd == "choose":
        print(choose(load(a.before), load(a.after)))
    else:
        print(squad())


if __name__ == "__main__":
    main()
