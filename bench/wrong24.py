"""Round 24: the decline gates judged with h13/nh12 as the newest out-of-sample sets (bench/reports/wrong24.md).

bench/wrong23.py's tables (every wrong decline, per gate its unique right/wrong declines by the era its
sets were opened in, forward-chaining and leave-one-set-out fits of gate removal and of the off-topic
and names-share thresholds) with round 24's era added: h13/nh12, opened at 2de12b3, never fitted on.
Reads bench/gates_pooled.py's records (every read set, no blind one; the records stay out of the
project: they hold news-dev's questions).

    python bench/gates_pooled.py run --indexes DIR --out /tmp/g.jsonl        # every read set
    python bench/wrong24.py report /tmp/g.jsonl [--after /tmp/a.jsonl] --md bench/reports/wrong24.md
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst22 import compare as abst22_compare  # noqa: E402
from bench.abst22 import row_text  # noqa: E402
from bench.gates_pooled import (  # noqa: E402
    ARTICLE_POOL,
    NEWS_POOL,
    Config,
    choose,
    declined,
    figures,
    outweighed,
)
from bench.wrong23 import (  # noqa: E402
    ERAS,
    Eras,
    Row,
    gates_of,
    held_out,
    load,
    per_gate,
    wrong_declines,
)

# Round 24 opened h13 and nh12 (they judged rounds 22-23 blind; nothing was fit on them).
ERAS24: Eras = (*ERAS, ("r24", "2de12b3", ("h13", "nh12")))
NEWEST = ("h13", "nh12")


def pools(rows: list[Row], newest: tuple[str, ...] = NEWEST) -> dict[str, list[Row]]:
    """The pools and the sets opened in the newest era, by name.

    Args:
        rows: gates_pooled records.
        newest: the sets opened in the newest era (this round's: h13, nh12).
    Returns:
        The rows of each pool or set, by its name in the report.
    """
    return {
        f"article h1-{ARTICLE_POOL[-1]}": [r for r in rows if r["set"] in ARTICLE_POOL],
        f"news nh1-{NEWS_POOL[-1]}": [r for r in rows if r["set"] in NEWS_POOL],
        "all read sets": rows,
        **{s: [r for r in rows if r["set"] == s] for s in newest},
    }


def follow_ups() -> set[tuple[str, str]]:
    """The (set, id) of every read-set question asked after a history (a follow-up)."""
    from bench.read_sets import ALL, gold_file

    out: set[tuple[str, str]] = set()
    for name in ALL:
        for line in gold_file(name).read_text().splitlines():
            if line.strip() and (it := json.loads(line)).get("history"):
                out.add((name, str(it.get("id"))))
    return out


def gate_declines(rows: list[Row], gate: str, w: Callable[[str], None]) -> None:
    """Every question `gate` declines some reading of (in the chain), whether it is a follow-up, and
    what declines it with the gate off (empty: answered).

    Args:
        rows: gates_pooled records.
        gate: a gate label.
        w: the report's writer.
    """
    later = follow_ups()
    off: Config = (frozenset({gate}), ())
    w("| set | id | question | answerable | follow-up | declined as run | declined with it off |")
    w("|---|---|---|---|---|---|---|")
    for r in rows:
        if not any(gate in c["chain"] for c in r["calls"]):
            continue
        then = next((g for c in r["calls"] for g in c["chain"] if g != gate), "") if declined(r, off) else ""
        w(
            f"| {r['set']} | {r['id']} | {row_text(r)} | {r['answerable']} | "
            f"{'yes' if (r['set'], str(r['id'])) in later else ''} | {'yes' if declined(r) else ''} | "
            f"{then or 'answered'} |"
        )


def report(rows: list[Row], eras: Eras = ERAS24, listed: tuple[str, ...] = ("no_term",)) -> str:
    """The report's tables (the reading above them is written by hand). bench/wrong25.py calls it
    with its own era.

    Args:
        rows: gates_pooled records of main's code.
        eras: the eras, the newest last (its sets are shown apart).
        listed: the gates whose every decline is listed with what declines it when the gate is off.
    Returns:
        Markdown.
    """
    out: list[str] = []
    w: Callable[[str], None] = out.append
    gates = gates_of(rows)
    w("## As run\n")
    w("| pool | unanswerable | declined | answerable | wrongly declined |")
    w("|---|---:|---:|---:|---:|")
    groups = {
        **pools(rows, eras[-1][2]),
        **{s: [r for r in rows if r["set"] == s] for e in eras for s in e[2]},
    }
    for name, rs in groups.items():
        dec, wrong, nu, na = figures(rs)
        w(f"| {name} | {nu} | {dec:.3f} | {na} | {wrong:.3f} |")
    w("\n## Every wrong decline (answerable questions declined), with the gate that wrote the reason\n")
    wrong_declines(rows, w, eras)
    w("\n## Per gate: unique right/wrong declines by the era its sets were opened in\n")
    w("`unique`: declined as run, answered with this gate off (right: unanswerable; wrong: answerable).")
    w("`later sets`: opened after the gate's defining line last changed.\n")
    per_gate(rows, gates, w, eras)
    for gate in listed:
        w(f"\n## Every question the {gate} gate declines some reading of\n")
        gate_declines(rows, gate, w)
    w("\n## Held-out fits\n")
    w("Right lost: held-out unanswerable questions the fit stops declining (net); wrong saved: held-out")
    w("answerable questions it stops declining (net). A fit worth adopting saves wrong declines held out")
    w("and loses no right ones.")
    held_out(
        rows,
        "Drop a gate whose unique right declines are fewer than its unique wrong ones (1:1)",
        lambda rs: (outweighed(rs, gates, 1.0), ()),
        w,
        eras,
    )
    held_out(
        rows,
        "Off-topic and names-share thresholds refit, then gate removal (gates_pooled.choose)",
        lambda rs: choose(rs, gates, ("offtopic", "names_share")),
        w,
        eras,
    )
    return "\n".join(out) + "\n"


def main(eras: Eras = ERAS24, listed: tuple[str, ...] = ("no_term",), doc: str | None = None) -> None:
    """The command line: `report RECORDS... [--after RECORDS...] [--md FILE]`.

    Args:
        eras: the eras for report().
        listed: the gates for report()'s declines lists.
        doc: the calling script's docstring (its first paragraph describes the command).
    """
    ap = argparse.ArgumentParser(description=(doc or __doc__ or "").split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("records", type=Path, nargs="+")
    r.add_argument("--after", type=Path, nargs="*", help="the branch's records: a before/after section")
    r.add_argument("--md", type=Path)
    args = ap.parse_args()
    rows = load(args.records)
    text = report(rows, eras, listed)
    if args.after:
        text += "\n## Before -> after (this branch's gates, same records' questions)\n\n"
        text += abst22_compare(rows, load(args.after), lambda rs: pools(rs, eras[-1][2])) + "\n"
    if args.md:
        head = args.md.read_text().split("<!-- tables -->")[0] if args.md.exists() else ""
        args.md.write_text(head + "<!-- tables -->\n\n" + text)
    print(text)


if __name__ == "__main__":
    main()
