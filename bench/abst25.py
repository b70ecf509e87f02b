"""Round 25's news abstention (bench/reports/abst25.md): the answered unanswerable news questions by
kind with nh13 (opened this round) apart, and the round's check, the thing an amount of money is
asked for (qa.money_thing), measured and fit on every read set and SQuAD's money questions.

    python bench/abst25.py kinds /tmp/rs-base25/results.txt   # answered unanswerable news questions
    python bench/abst25.py thing --indexes DIR [--squad SQDIR] # fit money_thing.THING_SHARE

`kinds` is bench/abst24.py's with nh13 as the fresh set. Round 24's switch (occasion_topic.
ADDRESSEE_TOPIC) is re-judged with nh13 by `python bench/abst24.py choose --indexes DIR` (bench/
gates_pooled.SETS now holds nh13).

`thing` asks, in-process as score.py does ("/reset", the history, the question), every read-set
question (no blind one) that qa.abstain.asked_fact reads as asking money, with the check measuring
only (THING_SHARE 0: it declines nothing) and records each question's verdict and its thing share
(money_thing.thing_share over the best passages' sentences, as qa.near_miss reads them; None where the
question names no thing or an earlier test declined it). DIR holds the indexes as bench/
gates_pooled.py names them. SQDIR (optional) holds `index`, an index of the SQuAD v1.1 dev documents
that its money questions ask of, and `questions.jsonl`, those questions (every one answerable).

The choice, over GRID: a threshold declines the questions answered without the check whose share is
below it. Kept are the thresholds that decline no answerable question (read sets and SQuAD: the round's
rule, pooled wrongly declined may not rise) and whose unanswerable gains come from at least two sets;
among them the most gains, on a tie the smallest threshold (the least reach beyond the evidence).
None kept: MONEY_THING off.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import abst24  # noqa: E402
from bench.gates_pooled import SETS  # noqa: E402

FRESH = "nh13"  # opened this round: judged round 24 blind
GRID: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(1, 11))


def kinds(results: str) -> str:
    """bench/abst24.py's table of the answered unanswerable news questions, nh13 apart."""
    return abst24.kinds(results, FRESH)


def _ask(conv: Any, item: dict[str, Any], seen: list[float | None]) -> tuple[bool, float | None]:
    """Ask one question as score.py does; its verdict and the thing share the check read last."""
    conv.reset()
    for h in item.get("history") or []:
        conv.ask(h, 5)
    seen.clear()
    reply = conv.ask(item["question"], 5)
    return bool(reply.abstained), (seen[-1] if seen else None)


def ask_money(indexes: Path, squad: Path | None, only: list[str] | None = None) -> list[dict[str, Any]]:
    """Every read-set money question (and SQuAD's, with `squad`) asked with the check measuring only.

    Args:
        indexes: the folder of indexes (bench/gates_pooled.py's names).
        squad: a folder with `index` and `questions.jsonl` of SQuAD's money questions, or None.
        only: the set names to ask ("squad" for SQuAD's), None for all.
    Returns:
        One record per question: set, id, answerable, declined (by the other tests), share.
    """
    from qa import abstain, money_thing
    from qa.engine import Engine
    from qa.session import Conversation

    seen: list[float | None] = []
    reason: Callable[..., str] = money_thing.thing_reason

    def spy(question: str, thing: Any, share: float) -> str:
        seen.append(share)
        return reason(question, thing, share)

    money_thing.thing_reason = spy  # type: ignore[assignment]
    committed = money_thing.THING_SHARE
    money_thing.THING_SHARE = 0.0  # measure only: no share is below 0
    sets: list[tuple[str, list[dict[str, Any]], Path]] = []
    for name, gold, idx in SETS:
        items = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
        sets.append((name, items, indexes / idx))
    if squad is not None:
        qs = [
            json.loads(line) for line in (squad / "questions.jsonl").read_text().splitlines() if line.strip()
        ]
        sets.append(("squad", [{"id": q["qid"], **q} for q in qs], squad / "index"))
    rows: list[dict[str, Any]] = []
    try:
        for name, items, idx in sets:
            if only and name not in only:
                continue
            items = [it for it in items if abstain.asked_fact(it["question"]) == "money"]
            if not items:
                continue
            conv = Conversation(Engine.open(idx))
            for it in items:
                declined, share = _ask(conv, it, seen)
                rows.append(
                    {
                        "set": name,
                        "id": it.get("id"),
                        "answerable": it.get("answerable", True),
                        "declined": declined,
                        "share": share,
                    }
                )
            print(name, "done", file=sys.stderr, flush=True)
    finally:
        money_thing.thing_reason = reason  # type: ignore[assignment]
        money_thing.THING_SHARE = committed
    return rows


def choose(rows: list[dict[str, Any]]) -> str:
    """Per threshold of GRID: the unanswerable and answerable questions it declines beyond the other
    tests, and the choice (module docstring)."""
    lines = [
        "| threshold | unanswerable declined beyond main | answerable declined | sets gained |",
        "|---|---:|---:|---|",
    ]
    kept: list[tuple[int, float]] = []
    for at in GRID:
        hit = [r for r in rows if not r["declined"] and r["share"] is not None and r["share"] < at]
        gained = [r for r in hit if not r["answerable"]]
        lost = [r for r in hit if r["answerable"]]
        sets = sorted({r["set"] for r in gained})
        lines.append(
            f"| {at:.2f} | {len(gained)} ({' '.join(r['set'] + ':' + str(r['id']) for r in gained)}) "
            f"| {len(lost)} ({' '.join(r['set'] + ':' + str(r['id']) for r in lost)}) | {', '.join(sets)} |"
        )
        if not lost and len(sets) >= 2:
            kept.append((len(gained), at))
    un = [r for r in rows if not r["answerable"]]
    an = [r for r in rows if r["answerable"]]
    best = max(kept, key=lambda k: (k[0], -k[1])) if kept else None
    lines += [
        "",
        f"- money questions asked: {len(rows)} ({len(un)} unanswerable, {len(an)} answerable); "
        f"declined by the other tests: {sum(r['declined'] for r in un)} unanswerable, "
        f"{sum(r['declined'] for r in an)} answerable",
        f"- answered, with a thing share: {sum(1 for r in rows if not r['declined'] and r['share'] is not None)}",
        f"Chosen: money_thing.MONEY_THING = {best is not None}",
        f"Chosen: money_thing.THING_SHARE = {best[1] if best else 0.0}",
    ]
    return "\n".join(lines)


def shares(rows: list[dict[str, Any]]) -> str:
    """The answered questions' shares, lowest first (the margin of the choice); news-dev by id only."""
    answered = sorted(
        (r for r in rows if not r["declined"] and r["share"] is not None), key=lambda r: r["share"]
    )
    return "\n".join(
        f"- {r['set']} {r['id']} answerable={r['answerable']} share={r['share']:.3f}" for r in answered[:15]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kinds")
    k.add_argument("results", type=Path)
    t = sub.add_parser("thing")
    t.add_argument("--indexes", type=Path, required=True)
    t.add_argument("--squad", type=Path)
    t.add_argument("--out", type=Path, help="also write the records (JSON lines)")
    t.add_argument("--sets", nargs="*", help="only these sets (squad for SQuAD's)")
    t.add_argument("--records", type=Path, nargs="*", help="choose from these records, asking nothing")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if a.cmd == "kinds":
        print(kinds(a.results.read_text()))
    else:
        if a.records:
            rows = [json.loads(x) for f in a.records for x in f.read_text().splitlines() if x.strip()]
        else:
            rows = ask_money(a.indexes, a.squad, a.sets)
        if a.out:
            a.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
        print(choose(rows))
        print("\nLowest shares of the answered questions:")
        print(shares(rows))


if __name__ == "__main__":
    main()
