"""Whether a share question ("What share of Latino voters in Nevada support Sanders?") can be declined
when no best sentence gives a share beside the question's words, as qa.abstain.FACT_BOUND does for
money, roles and verdicts (round 22, bench/reports/abst22.md).

For every read-set question asking a share (qa.answer_type's "share" wording: "what percentage /
share / proportion of"), asked in-process through the conversation as ../shared/eval/score.py asks it,
records the evidence a FACT_BOUND['share'] gate would read: the largest idf-weighted share of the
question's focus terms (abstain.bound_share) in one sentence of the best passages (chained, as for
money) holding a share value (answer_type's "share" pattern), and whether the question was declined
as run. Then a leave-one-set-out choice of the threshold (objective: unanswerable newly declined
minus twice answerable newly declined; ties to the lower threshold), scored on the held-out set.

    python bench/fit_share.py --indexes DIR            # DIR as bench/gates_pooled.py's (article, nd, nh..)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gates_pooled import SETS  # noqa: E402

ASKS_SHARE = re.compile(r"\b(?:what|which) (?:percentage|percent|proportion|share|fraction|portion)\b", re.I)
GRID = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def collect(indexes: Path) -> list[dict[str, Any]]:
    """Ask every share question of the read sets; one record each with the gate's evidence."""
    from qa import abstain, answer_type, decline
    from qa.answer_sentences import chained_sentences, focus_idf
    from qa.engine import Engine
    from qa.session import Conversation

    seen: list[float] = []
    orig = decline._abstain_reason

    def hooked(engine: Any, searched: str, qt: Any, intent: Any, top: Any, *a: Any, **k: Any) -> str:
        rows = chained_sentences(engine, [s.passage.pid for s in top]) if top else []
        typed = [(bool(answer_type._SHARE.search(text)), terms) for text, terms in rows]
        seen.append(abstain.bound_share(focus_idf(engine, searched), typed) if top else 0.0)
        return orig(engine, searched, qt, intent, top, *a, **k)

    decline._abstain_reason = hooked  # type: ignore[assignment]
    import qa.rank as rank

    if getattr(rank, "_abstain_reason", None) is orig:
        rank._abstain_reason = hooked  # type: ignore[attr-defined]
    out: list[dict[str, Any]] = []
    for name, gold, idx in SETS:
        items = [json.loads(x) for x in gold.read_text().splitlines() if x.strip()]
        items = [it for it in items if ASKS_SHARE.search(it["question"])]
        if not items:
            continue
        conv = Conversation(Engine.open(indexes / idx))
        for it in items:
            conv.reset()
            for h in it.get("history") or []:
                conv.ask(h, 5)
            seen.clear()
            reply = conv.ask(it["question"], 5)
            out.append(
                {
                    "set": name,
                    "id": it.get("id"),
                    "question": "" if name == "newsdev" else it["question"],
                    "answerable": it.get("answerable", True),
                    "declined": reply.abstained,
                    # every reading must fall below the threshold to decline (qa.session fuses readings)
                    "bound": max(seen) if seen else None,
                }
            )
    return out


def _gain(rows: list[dict[str, Any]], at: float) -> tuple[int, int]:
    """(unanswerable newly declined, answerable newly declined) at a threshold."""
    new = [r for r in rows if not r["declined"] and r["bound"] is not None and r["bound"] < at]
    return sum(not r["answerable"] for r in new), sum(r["answerable"] for r in new)


def loso(rows: list[dict[str, Any]]) -> list[str]:
    """Leave one set out: fit on the others, score the held-out set."""
    lines = [
        "| held out | chosen | unanswerable newly declined | answerable newly declined |",
        "|---|---:|---:|---:|",
    ]
    tot = [0, 0]
    for s in sorted({r["set"] for r in rows}):
        train = [r for r in rows if r["set"] != s]
        best = max(GRID, key=lambda t: (_gain(train, t)[0] - 2 * _gain(train, t)[1], -t))
        u, a = _gain([r for r in rows if r["set"] == s], best)
        tot[0] += u
        tot[1] += a
        lines.append(f"| {s} | {best} | {u} | {a} |")
    lines.append(f"| sum | | {tot[0]} | {tot[1]} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--indexes", type=Path, required=True)
    ap.add_argument("--records", type=Path, default=Path("/tmp/fit_share.jsonl"))
    ap.add_argument("--reuse", action="store_true", help="read --records instead of asking")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.reuse:
        rows = [json.loads(x) for x in args.records.read_text().splitlines() if x.strip()]
    else:
        rows = collect(args.indexes)
        args.records.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print("| set | id | question | answerable | declined as run | bound |\n|---|---|---|---|---|---:|")
    for r in sorted(rows, key=lambda r: (r["bound"] is None, r["bound"] or 0)):
        print(
            f"| {r['set']} | {r['id']} | {r['question']} | {r['answerable']} | {r['declined']} | {r['bound']} |"
        )
    print("\nIn sample, per threshold (unanswerable, answerable newly declined):")
    for t in GRID:
        print(f"- {t}: {_gain(rows, t)}")
    print("\n" + "\n".join(loso(rows)))


if __name__ == "__main__":
    main()
