"""Which abstention gate declines which questions: each gate's declines of answerable and of
unanswerable questions on a gold file (issue 9: a gate that declines as many answerable as
unanswerable questions is miscalibrated).

Drives `qa chat --json` as ../shared/eval/score.py does ("/reset", the history, the question) and
groups each declined reply by its `reason`, read as the gate that wrote it.

    python bench/abstention_gates.py bench/data/paraphrase_fit.jsonl --cmd "qa chat --json --index IDX"
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
from collections import Counter
from pathlib import Path

# A reason's wording -> the gate that writes it (qa/decline.py `_abstain_reason`, qa/abstain.py).
GATES: tuple[tuple[str, str], ...] = (
    ("do not mention", "unknown name (not_mentioned._not_mentioned)"),
    ("do not cover", "missing asked noun (not_mentioned._uncovered: equivalents + cover roles)"),
    ("quoted, but not about", "speaker not quoted on topic"),
    ("quoted, but not on", "speaker not quoted on topic (speaker_topic.speaker_topic_evidence)"),
    ("mentioned, but not quoted", "speaker mentioned, not quoted (abstain.unquoted_speaker)"),
    ("quote no", "speaker never named (abstain.unquoted_speaker)"),
    ("no passage gives a", "typed slot absent (count/date/age/...)"),
    ("the documents give", "typed slot for another subject (slots.subject_missing)"),
    ("no passage states", "typed slot absent (height/age/weight/money)"),
    ("no document is about", "other article (abstain.other_article, abstain.names_share_any)"),
    ("only as planned", "outcome of an event told only as planned (qa.slots)"),
    # abstain.fact_reason("role") and abstain.person_reason (abstain.NAME_BOUND); names_share_any
    # writes "no document is about", above.
    ("no passage names", "asked name never given (FACT_BOUND['role'], abstain.NAME_BOUND)"),
    ("none of the question", "no term found"),
)


def gate_of(reason: str) -> str:
    """The gate that wrote a decline reason.

    Args:
        reason: the reply's `reason`.
    Returns:
        The gate's label; "other: <first words>" for a wording not listed.
    """
    for key, label in GATES:
        if key in reason:
            return label
    return "other: " + " ".join(re.findall(r"\w+", reason)[:4])


def replies(gold: list[dict[str, object]], cmd: str) -> list[dict[str, object]]:
    """The JSON reply to each gold question (its history's replies dropped).

    Args:
        gold: the gold items.
        cmd: the chat command reading questions on stdin.
    Returns:
        One reply per gold item, in order.
    """
    lines: list[str] = []
    counts: list[int] = []
    for it in gold:
        history = list(it.get("history") or [])  # type: ignore[call-overload]
        lines += ["/reset", *history, str(it["question"])]
        counts.append(len(history) + 1)
    out = subprocess.run(shlex.split(cmd), input="\n".join(lines) + "\n", capture_output=True, text=True)
    got = [json.loads(line) for line in out.stdout.splitlines() if line.strip().startswith("{")]
    got = [r for r in got if "question" in r or "abstained" in r]
    picked, at = [], 0
    for n in counts:
        at += n
        picked.append(got[at - 1])
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--cmd", default="qa chat --json")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    wrong: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for it, reply in zip(gold, replies(gold, args.cmd), strict=True):
        if reply.get("abstained"):
            (wrong if it.get("answerable", True) else right)[gate_of(str(reply.get("reason", "")))] += 1
    n_ans = sum(1 for it in gold if it.get("answerable", True))
    print(f"{args.gold}: {n_ans} answerable, {len(gold) - n_ans} unanswerable")
    print("| gate | answerable declined | unanswerable declined | precision |")
    print("|---|---:|---:|---:|")
    for gate in sorted(set(wrong) | set(right), key=lambda g: -(wrong[g] + right[g])):
        total = wrong[gate] + right[gate]
        print(f"| {gate} | {wrong[gate]} | {right[gate]} | {right[gate] / total:.2f} |")


if __name__ == "__main__":
    main()
