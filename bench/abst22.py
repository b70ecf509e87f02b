"""Round 22's abstention trace and before/after (bench/reports/abst22.md), read from bench/gates_pooled.py's
records (every read set, no blind one; the records stay out of the project: they hold news-dev's questions).

    python bench/gates_pooled.py run --indexes DIR --out /tmp/before.jsonl    # main's code
    python bench/gates_pooled.py run --indexes DIR --out /tmp/after.jsonl     # this branch's
    python bench/abst22.py trace /tmp/before.jsonl --sets h11 nh10             # every wrong decision
    python bench/abst22.py causes /tmp/before.jsonl                            # grouped by gate and set
    python bench/abst22.py compare /tmp/before.jsonl /tmp/after.jsonl          # pools, sets, changes
    python bench/abst22.py squad                                               # SQuAD dev questions reached

`squad` counts the SQuAD v1.1 dev questions (../shared/eval/squad-v1.1-dev) that reach the changed
code: a "how many" question counting a people by its demonym (qa.abstain.countable) and a question
giving a year as a bound (qa.time_scope.asked_bounds).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gates_pooled import ARTICLE_POOL, NEWS_POOL, declined, figures, first_gate  # noqa: E402

SQUAD = ROOT.parent / "shared" / "eval" / "squad-v1.1-dev" / "questions.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    """The records of one gates_pooled run (kept alive: gates_pooled memoises by object id).

    Args:
        path: a JSON-lines file of bench/gates_pooled.py run.
    Returns:
        One dict per question.
    """
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wrong(row: dict[str, Any]) -> str:
    """ "declined" for an answerable question declined, "answered" for an unanswerable one answered, else ""."""
    d = declined(row)
    if row["answerable"] and d:
        return "declined"
    if not row["answerable"] and not d:
        return "answered"
    return ""


def row_text(row: dict[str, Any]) -> str:
    """The question, but for news-dev's (shared data: named by id only)."""
    return "" if row["set"] == "newsdev" else str(row["question"]).replace("|", "/")


def trace(rows: list[dict[str, Any]], sets: list[str]) -> str:
    """Every wrong decision of `sets`: the gate and reason of a wrong decline, the evidence of a wrong answer."""
    out = ["| set | id | question | wrong | gate | reason / evidence |", "|---|---|---|---|---|---|"]
    for r in rows:
        if r["set"] not in sets or not wrong(r):
            continue
        ev = r["calls"][0].get("evidence", {}) if r["calls"] else {}
        why = (r["reason"] or "")[:70] if wrong(r) == "declined" else f"dense {ev.get('dense', '')}"
        out.append(f"| {r['set']} | {r['id']} | {row_text(r)} | {wrong(r)} | {first_gate(r) or ''} | {why} |")
    return "\n".join(out)


def causes(rows: list[dict[str, Any]]) -> str:
    """Wrong declines counted by the gate that wrote the reason, per pool."""
    c: Counter[tuple[str, str]] = Counter()
    for r in rows:
        if wrong(r) == "declined":
            pool = "article" if r["set"] in ARTICLE_POOL else "news" if r["set"] in NEWS_POOL else "other"
            c[(first_gate(r) or "", pool)] += 1
    gates = sorted({g for g, _ in c}, key=lambda g: -sum(v for (h, _), v in c.items() if h == g))
    out = ["| gate | article | news | other | all |", "|---|---:|---:|---:|---:|"]
    for g in gates:
        n = [c[(g, p)] for p in ("article", "news", "other")]
        out.append(f"| {g} | {n[0]} | {n[1]} | {n[2]} | {sum(n)} |")
    return "\n".join(out)


def _pools(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The pools and the open-this-or-last-round sets, by name."""
    out = {
        "article h1-h11": [r for r in rows if r["set"] in ARTICLE_POOL],
        "news nh1-nh10": [r for r in rows if r["set"] in NEWS_POOL],
        "all read sets": rows,
    }
    for s in ("h10", "h11", "nh9", "nh10"):
        out[s] = [r for r in rows if r["set"] == s]
    return out


def compare(
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
    pools: Callable[[list[dict[str, Any]]], dict[str, list[dict[str, Any]]]] = _pools,
) -> str:
    """Declined / wrongly declined per pool before and after, and every question whose verdict changed.

    Args:
        before: the records of the run before the change.
        after: the records of the run after it.
        pools: the rows of each pool or set reported, by name (default: this round's pools).
    Returns:
        Two markdown tables.
    """
    out = [
        "| pool | unanswerable declined before -> after | answerable wrongly declined before -> after |",
        "|---|---|---|",
    ]
    pb, pa = pools(before), pools(after)
    for name in pb:
        db, wb, nu, na = figures(pb[name])
        da, wa, _, _ = figures(pa[name])
        out.append(f"| {name} ({nu} / {na}) | {db:.3f} -> {da:.3f} | {wb:.3f} -> {wa:.3f} |")
    out += ["", "| set | id | question | answerable | before | after |", "|---|---|---|---|---|---|"]
    index = {(r["set"], r["id"]): r for r in after}
    for r in before:
        a = index.get((r["set"], r["id"]))
        if a is None or declined(r) == declined(a):
            continue
        out.append(
            f"| {r['set']} | {r['id']} | {row_text(r)} | {r['answerable']} "
            f"| {(r['reason'] or 'answered')[:50]} | {(a['reason'] or 'answered')[:50]} |"
        )
    return "\n".join(out)


def squad() -> str:
    """How many SQuAD dev questions reach the changed code."""
    from qa import abstain, time_scope
    from qa.equivalents import plural_demonym

    qs = [json.loads(line)["question"] for line in SQUAD.read_text().splitlines() if line.strip()]
    people = [q for q in qs if (h := abstain.counted_noun(q)) and plural_demonym(h)]
    bounds = [q for q in qs if time_scope.asked_bounds(q)]
    lines = [f"SQuAD v1.1 dev: {len(qs)} questions"]
    lines.append(f"- 'how many' counting a people by its demonym: {len(people)}")
    lines += [f"  - {q}" for q in people]
    lines.append(f"- a year given as a bound (before/after/prior to): {len(bounds)}")
    lines += [f"  - {q}" for q in bounds]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("trace")
    t.add_argument("records", type=Path)
    t.add_argument("--sets", nargs="+", required=True)
    c = sub.add_parser("causes")
    c.add_argument("records", type=Path)
    m = sub.add_parser("compare")
    m.add_argument("before", type=Path)
    m.add_argument("after", type=Path)
    sub.add_parser("squad")
    args = ap.parse_args()
    if args.cmd == "trace":
        print(trace(load(args.records), args.sets))
    elif args.cmd == "causes":
        print(causes(load(args.records)))
    elif args.cmd == "compare":
        before = load(args.before)
        print(compare(before, load(args.after)))
    else:
        print(squad())


if __name__ == "__main__":
    main()
