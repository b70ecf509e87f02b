"""Fit the typed near-miss checks of qa.slots: a count under another measure ("How many people were
injured?" where the article counts deaths), a value scoped to a place no best sentence names ("How
many people have died in Iraq?" of a Syria story), a "What is the name of ...?" question the best
passages answer with no name, a name bound through a definite description ("the investigation"
for "the Benghazi investigation"), and a country bound through its capital ("Berlin's pledge ... 130
billion euros" for "How much will Germany spend?": slots.SUBJECT_STAND_INS).

    python bench/fit_typed.py --ask                      # ask the sets in-process, write the dumps
    python bench/fit_typed.py --out bench/reports/typed.md   # sweep the dumps, write the report

It reads bench/fit_slots.py's dumps (`fit_slots.py --ask`: paraphrase fit, news-dev, seed_dev,
fit_questions, the PolNeAR train sets and a SQuAD sample, every one asked with qa.slots off, each
answered question kept with the sentences of its best passages) and, with `--ask`, adds three sets:

- polnear-measure: "How many <noun> were <participle>?" from PolNeAR train count sentences ("12
  people were killed"), each with a measure swap (a participle another article counts with and this
  one never uses) and a place swap (a country the article never names): bench/typed_near_misses.py,
  measure_set;
- squad-measure: the same over the SQuAD sample's articles;
- squad-names: the SQuAD sample's "What is the name of ...?" questions (all answerable: the guard).

Every setting replays qa.slots.slot_reason (the slot and subject checks as the code sets them) on
the recorded sentences, and counts per set the unanswerable questions declined and the answerable
ones wrongly declined. A setting is allowed as bench/fit_slots.py's are (no answerable question of a
guard set declined), but with no SQuAD question declined beyond the base setting (SQUAD_BUDGET 0),
and the allowed one with the best objective (near misses declined minus twice answerable declined)
is chosen. The held-out sets are never read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit_slots  # noqa: E402
import quality  # noqa: E402

from qa import not_mentioned, slots  # noqa: E402

MEASURE_GRID = [1.01, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]
NAME_REACH_GRID = [20, 40, 60, 100, 1000]
# SQuAD-2000 questions (all answerable) these checks may wrongly decline beyond the base setting: none
# (issue 9's brief for them: no false decline added on SQuAD-2000), stricter than fit_slots.SQUAD_BUDGET.
SQUAD_BUDGET = 0
# The base setting: every check fit here off.
BASE = {"measure": 1.01, "place": False, "described": False, "name": False, "reach": 20, "stand_ins": False}


@contextmanager
def setting(s: dict) -> Iterator[None]:
    """qa.slots with the checks fit here set as `s` says, restored afterwards."""
    was = (
        slots.MEASURE_COSINE,
        slots.SUBJECT_PLACE,
        slots.SUBJECT_DESCRIBED,
        slots.SLOTS["name"],
        slots.NAME_REACH,
        slots.SUBJECT_STAND_INS,
    )
    slots.MEASURE_COSINE = s["measure"]
    slots.SUBJECT_PLACE = s["place"]
    slots.SUBJECT_DESCRIBED = s["described"]
    slots.SLOTS["name"] = s["name"]
    slots.NAME_REACH = s["reach"]
    slots.SUBJECT_STAND_INS = s["stand_ins"]
    try:
        yield
    finally:
        (
            slots.MEASURE_COSINE,
            slots.SUBJECT_PLACE,
            slots.SUBJECT_DESCRIBED,
            slots.SLOTS["name"],
            slots.NAME_REACH,
            slots.SUBJECT_STAND_INS,
        ) = was


def reason(reader: fit_slots.Reader, r: dict) -> str:
    """qa.slots.slot_reason of an answered record under the current setting; "" for a declined one
    or a follow-up (the conversation answers it)."""
    if r["abstained"] or r.get("followup"):
        return ""
    context = [frozenset(t) for t in r["context"]] if "context" in r else None
    return slots.slot_reason(
        r["searched"],
        r["sentences"],
        reader.engine.terms,
        reader.encode,
        not_mentioned.EVERYDAY_ZIPF,
        r.get("parts"),
        context,
    )


def declines(reader: fit_slots.Reader, rows: dict[str, list[dict]], s: dict) -> dict[str, tuple[int, int]]:
    """Per set: (unanswerable declined, answerable declined) by qa.slots at setting `s`."""
    with setting(s):
        return fit_slots.counts(rows, lambda r: bool(reason(reader, r)))


def allowed(got: dict[str, tuple[int, int]], base: dict[str, tuple[int, int]]) -> bool:
    """No guard set's answerable question declined beyond the base setting's, and at most
    SQUAD_BUDGET more of the SQuAD sample's."""
    guards = sum(got[n][1] - base[n][1] for n in got if n in fit_slots.GUARDS)
    squad = sum(got[n][1] - base[n][1] for n in got if n.startswith("squad"))
    return guards <= 0 and squad <= SQUAD_BUDGET


def sweep(reader: fit_slots.Reader, rows: dict[str, list[dict]]) -> list[str]:
    """The report's tables: each check alone against the base setting, then the chosen setting."""
    names = list(rows)
    head = ["| setting | " + " | ".join(names) + " | allowed | objective |", "|---" * (len(names) + 3) + "|"]
    base = declines(reader, rows, BASE)
    lines = [
        "",
        "Per set: unanswerable declined / answerable declined by qa.slots (slot and subject checks as",
        "the code sets them), the checks fit here as each row says (the others at the base: off).",
        "",
        *head,
        fit_slots.row("base (all off)", base).rstrip(" |") + " | - | - |",
    ]
    chosen = dict(BASE)
    results: dict[str, list[tuple[dict, dict[str, tuple[int, int]]]]] = {}
    grids = {
        "measure": [{"measure": c} for c in MEASURE_GRID[1:]],
        "place": [{"place": True}],
        "described": [{"described": True}],
        "name": [{"name": True, "reach": r} for r in NAME_REACH_GRID],
        # A country's capital binding a value to the country (slots.name_terms): it can only answer
        # what the subject check declined.
        "stand_ins": [{"stand_ins": True}],
    }
    for check, options in grids.items():
        for opt in options:
            s = BASE | opt
            got = declines(reader, rows, s)
            ok = allowed(got, base)
            gain = fit_slots.objective(got) - fit_slots.objective(base)
            results.setdefault(check, []).append((opt, got))
            label = ", ".join(f"{k}={v}" for k, v in opt.items())
            lines.append(fit_slots.row(label, got).rstrip(" |") + f" | {'yes' if ok else 'no'} | {gain:+d} |")
        best = max(
            ((opt, got) for opt, got in results[check] if allowed(got, base)),
            key=lambda og: fit_slots.objective(og[1]),
            default=None,
        )
        if best is not None and fit_slots.objective(best[1]) > fit_slots.objective(base):
            chosen |= best[0]
        elif (
            best is not None
            and check in ("described", "stand_ins")
            and fit_slots.objective(best[1]) >= fit_slots.objective(base)
        ):
            chosen |= best[0]  # declines as many near misses and no more answerable questions
    final = declines(reader, rows, chosen)
    lines += [
        fit_slots.row("chosen: " + ", ".join(f"{k}={v}" for k, v in chosen.items()), final).rstrip(" |")
        + f" | {'yes' if allowed(final, base) else 'no'} | {fit_slots.objective(final) - fit_slots.objective(base):+d} |",
        "",
        f"Chosen: slots.MEASURE_COSINE = {chosen['measure']} (above 1: off)",
        f"Chosen: slots.SUBJECT_PLACE = {chosen['place']}",
        f"Chosen: slots.SUBJECT_DESCRIBED = {chosen['described']}",
        f"Chosen: slots.SLOTS['name'] = {chosen['name']}",
        f"Chosen: slots.NAME_REACH = {chosen['reach']}",
        f"Chosen: slots.SUBJECT_STAND_INS = {chosen['stand_ins']}",
        "",
        "Questions the chosen setting declines and the base does not (u: unanswerable, A: answerable):",
        "",
    ]
    with setting(chosen):
        now = {id(r): reason(reader, r) for rs in rows.values() for r in rs}
    with setting(BASE):
        was = {id(r): reason(reader, r) for rs in rows.values() for r in rs}
    for name, rs in rows.items():
        for r in rs:
            if bool(now[id(r)]) != bool(was[id(r)]):
                sign = "declined" if now[id(r)] else "answered"
                mark = "A" if r["answerable"] else "u"
                lines.append(f"- {name} {mark} {sign}: {r['question']} ({now[id(r)] or was[id(r)]})")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ask", action="store_true", help="ask the new sets and write --dump")
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=quality.OUT, help="where indexes are built")
    ap.add_argument(
        "--dump",
        default=f"{quality.OUT / 'slots.jsonl'},{quality.OUT / 'typed.jsonl'}",
        help="comma-separated dumps (fit_slots.py's, then this script's); with --ask the last is written",
    )
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--sets",
        default="polnear-measure,squad-measure,squad-names",
        help="with --ask: comma-separated sets to ask",
    )
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(args.work / "home"))
    args.work.mkdir(parents=True, exist_ok=True)
    dumps = [Path(d) for d in args.dump.split(",")]
    if args.ask:
        fit_slots.ask(args.squad_sample, args.work, dumps[-1], set(args.sets.split(",")))
        return 0
    rows: dict[str, list[dict]] = {}
    for dump in dumps:
        for name, rs in fit_slots.load(dump).items():
            rows.setdefault(name, []).extend(rs)
    fit_slots.mark_followups(rows)
    lines = [
        "# Typed near misses (qa.slots: measure, place, name, described subject), fit",
        "",
        "`python bench/fit_slots.py --ask` and `python bench/fit_typed.py --ask`, then",
        "`python bench/fit_typed.py --out bench/reports/typed.md`: in-process, int8 model, qa.slots off",
        "while asking; each setting replays qa.slots.slot_reason on the recorded best sentences.",
    ]
    lines += sweep(fit_slots.Reader(args.work), rows)
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
