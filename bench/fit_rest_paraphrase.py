"""Fit qa.rest_paraphrase.REST_PARAPHRASE_COSINE: the least cosine at which a rest word's closest
document phrase holds it in its sentence for the cover gate's rest excuse (bench/reports/wrong30.md).

    python bench/fit_rest_paraphrase.py --indexes /tmp/rs-base30 --results /tmp/rs-base30/results.txt \
        > bench/reports/rest_paraphrase.md

Data: the read sets (bench/read_sets.py; never a blind set), each question asked in-process as
`qa chat --json` asks it (history first), of the index bench/read_sets.sh built under --indexes.
Asked: every unanswerable question (the rule only removes declines, so only they can be lost), and
the answerable questions the results file (bench/read_sets.sh with --show-misses, on the code before
the rule) shows declined ("abstained"): no other answerable question can gain.

Each call of qa.rest_paraphrase.held_in_other_words is recorded with the cover gate's evidence (the
gate calls it only when the asked noun declines and the rest is not all held as written), then
replayed at every cosine of GRID: a question counts as declined by the gate at a cosine when one of its
calls declines (qa.cover.declining). Objective: unanswerable declined - NET_COST x answerable declined
(bench/fit_cover.py's), the highest cosine among the best on ties (the fewest new excuses).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL, BLIND, declined_in, gold_file  # noqa: E402

GRID = [round(0.40 + 0.025 * i, 3) for i in range(14)]  # 0.40 .. 0.725 (PARAPHRASE_COSINE)
NET_COST = 2


def declined_answerable(results: Path) -> set[tuple[str, str]]:
    """The (set, id) of the answerable questions a read_sets.sh results file shows declined.

    Args:
        results: bench/read_sets.sh's results.txt.
    Returns:
        The declined answerable questions.
    """
    return set(declined_in(results))


def index_of(name: str, indexes: Path) -> Path | None:
    """The index a read set is asked of (None: the bundled article's), as bench/read_sets.sh lays them.

    Args:
        name: a read set's name.
        indexes: bench/read_sets.sh's rs-TAG folder.
    Returns:
        The index folder, or None for the bundled article.
    """
    if name == "newsdev":
        return indexes / "nd"
    if name.startswith("nh") or name == "para":
        return indexes / name
    return None


def record(indexes: Path, results: Path, sets: list[str]) -> list[dict[str, Any]]:
    """Ask the questions and record each rest excuse's inputs with the gate's evidence.

    Args:
        indexes: bench/read_sets.sh's rs-TAG folder.
        results: its results file on the code before the rule.
        sets: the read sets to ask.
    Returns:
        One row per question asked: set, id, answerable, and its calls (inputs, evidence).
    """
    from qa import cover, rest_paraphrase
    from qa.engine import Engine
    from qa.session import Conversation

    calls: list[dict[str, Any]] = []
    last: list[cover.Evidence] = []
    orig_held = rest_paraphrase.held_in_other_words
    orig_declining = cover.declining

    def held(*args: Any, **kw: Any) -> tuple[int, int]:
        kw = {**kw, "threshold": 2.0}  # the rule off while asking: the gate decides as before it
        calls.append({"args": args, "kw": kw, "ev": last[-1]})
        return orig_held(*args, **kw)

    def declining(ev: cover.Evidence, *args: Any, **kw: Any) -> list[str]:
        last.append(ev)  # qa.not_mentioned asks the gate first, then calls the rule with its evidence
        return orig_declining(ev, *args, **kw)

    rest_paraphrase.held_in_other_words = held  # type: ignore[assignment]
    cover.declining = declining  # type: ignore[assignment]
    wrong = declined_answerable(results)
    rows: list[dict[str, Any]] = []
    engines: dict[str, Engine] = {}
    for name in sets:
        if name in BLIND:
            raise SystemExit(f"refusing blind set {name}")
        for line in gold_file(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item["answerable"] and (name, item["id"]) not in wrong:
                continue
            if name not in engines:
                engines[name] = Engine.open(index_of(name, indexes))
            conv = Conversation(engines[name])
            for h in item.get("history", []):
                conv.ask(h, 5)
            calls.clear()
            conv.ask(item["question"], 5)
            rows.append(
                {"set": name, "id": item["id"], "answerable": item["answerable"], "calls": list(calls)}
            )
    rest_paraphrase.held_in_other_words = orig_held  # type: ignore[assignment]
    cover.declining = orig_declining  # type: ignore[assignment]
    return rows


def declined_at(row: dict[str, Any], threshold: float | None) -> bool:
    """Whether the cover gate declines a question at a cosine (None: the rule off).

    Args:
        row: a recorded question.
        threshold: the rule's cosine; None replays the gate as before the rule.
    Returns:
        True when one of its calls declines.
    """
    from qa import cover, rest_paraphrase

    for c in row["calls"]:
        if "ev" not in c:
            continue
        ev = c["ev"]
        if threshold is not None:
            kw = {**c["kw"], "threshold": threshold}
            ev = dataclasses.replace(ev, rest=rest_paraphrase.held_in_other_words(*c["args"], **kw))
        if cover.declining(ev):
            return True
    return False


def main(argv: list[str]) -> None:
    """Record, replay over GRID and print the report (markdown).

    Args:
        argv: the command line without the program name.
    """
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--indexes", type=Path, required=True)
    ap.add_argument("--results", type=Path, required=True)
    ap.add_argument("--sets", nargs="*", default=ALL)
    args = ap.parse_args(argv)
    rows = record(args.indexes, args.results, args.sets)
    base = {(r["set"], r["id"]): declined_at(r, None) for r in rows}
    print("# Fit of qa.rest_paraphrase.REST_PARAPHRASE_COSINE (bench/fit_rest_paraphrase.py)\n")
    print(f"Questions asked: {len(rows)} ({sum(r['answerable'] for r in rows)} answerable declined on")
    print(f"{args.results}, every unanswerable one) of {' '.join(args.sets)}.")
    ans0 = sum(base[(r["set"], r["id"])] for r in rows if r["answerable"])
    un0 = sum(base[(r["set"], r["id"])] for r in rows if not r["answerable"])
    print(f"Declined by the cover gate's asked noun, rule off: answerable {ans0}, unanswerable {un0}.\n")
    print(
        "| cosine | answerable declined | unanswerable declined | objective | excused (answerable / unanswerable) |"
    )
    print("|---|---|---|---|---|")
    best: tuple[int, float] | None = None
    for t in GRID:
        dec = {(r["set"], r["id"]): declined_at(r, t) for r in rows}
        a = sum(dec[(r["set"], r["id"])] for r in rows if r["answerable"])
        u = sum(dec[(r["set"], r["id"])] for r in rows if not r["answerable"])
        obj = u - NET_COST * a
        gone = [f"{s}/{i}" for (s, i), d in dec.items() if base[(s, i)] and not d]
        ga = [g for g in gone if any(r["answerable"] and f"{r['set']}/{r['id']}" == g for r in rows)]
        gu = [g for g in gone if g not in ga]
        print(f"| {t} | {a} | {u} | {obj} | {', '.join(ga) or '-'} / {', '.join(gu) or '-'} |")
        if best is None or obj >= best[0]:
            best = (obj, t)
    assert best is not None
    print(f"\nBest objective {best[0]} at cosine {best[1]} (the highest cosine among the best).")


if __name__ == "__main__":
    main(sys.argv[1:])
