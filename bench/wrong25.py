"""Round 25: the decline gates judged with h14/nh13 as the newest out-of-sample sets (bench/reports/wrong25.md).

bench/wrong24.py's tables (every wrong decline with the gate that wrote it, per gate its unique
right/wrong declines by the era its sets were opened in, forward-chaining and leave-one-set-out fits
of gate removal and of the off-topic and names-share thresholds) with round 25's era added: h14/nh13,
opened at fbf2e55 (the blind pair of rounds 23-24), never fitted on. Reads bench/gates_pooled.py's
records (every read set, no blind one; the records stay out of the project: they hold news-dev's
questions).

    python bench/gates_pooled.py run --indexes DIR --out /tmp/g.jsonl        # every read set
    python bench/wrong25.py report /tmp/g.jsonl [--after /tmp/a.jsonl] --md bench/reports/wrong25.md
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst22 import compare as abst22_compare  # noqa: E402
from bench.gates_pooled import (  # noqa: E402
    ARTICLE_POOL,
    NEWS_POOL,
    choose,
    figures,
    outweighed,
)
from bench.wrong23 import (  # noqa: E402
    Eras,
    Row,
    gates_of,
    held_out,
    load,
    per_gate,
    wrong_declines,
)
from bench.wrong24 import ERAS24, gate_declines  # noqa: E402

# Round 25 opened h14 and nh13 (they judged rounds 23-24 blind; nothing was fit on them).
ERAS25: Eras = (*ERAS24, ("r25", "fbf2e55", ("h14", "nh13")))
NEWEST = ("h14", "nh13")


def pools(rows: list[Row]) -> dict[str, list[Row]]:
    """The pools and the sets opened this round (h14, nh13), by name.

    Args:
        rows: gates_pooled records.
    Returns:
        The rows of each pool or set, by its name in the report.
    """
    return {
        f"article h1-{ARTICLE_POOL[-1]}": [r for r in rows if r["set"] in ARTICLE_POOL],
        f"news nh1-{NEWS_POOL[-1]}": [r for r in rows if r["set"] in NEWS_POOL],
        "all read sets": rows,
        **{s: [r for r in rows if r["set"] == s] for s in NEWEST},
    }


def report(rows: list[Row]) -> str:
    """The report's tables (the reading above them is written by hand).

    Args:
        rows: gates_pooled records of main's code.
    Returns:
        Markdown.
    """
    out: list[str] = []
    w: Callable[[str], None] = out.append
    gates = gates_of(rows)
    w("## As run\n")
    w("| pool | unanswerable | declined | answerable | wrongly declined |")
    w("|---|---:|---:|---:|---:|")
    groups = {**pools(rows), **{s: [r for r in rows if r["set"] == s] for e in ERAS25 for s in e[2]}}
    for name, rs in groups.items():
        dec, wrong, nu, na = figures(rs)
        w(f"| {name} | {nu} | {dec:.3f} | {na} | {wrong:.3f} |")
    w("\n## Every wrong decline (answerable questions declined), with the gate that wrote the reason\n")
    wrong_declines(rows, w, ERAS25)
    w("\n## Per gate: unique right/wrong declines by the era its sets were opened in\n")
    w("`unique`: declined as run, answered with this gate off (right: unanswerable; wrong: answerable).")
    w("`later sets`: opened after the gate's defining line last changed.\n")
    per_gate(rows, gates, w, ERAS25)
    for gate in ("uncovered", "offtopic"):
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
        ERAS25,
    )
    held_out(
        rows,
        "Off-topic and names-share thresholds refit, then gate removal (gates_pooled.choose)",
        lambda rs: choose(rs, gates, ("offtopic", "names_share")),
        w,
        ERAS25,
    )
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("records", type=Path, nargs="+")
    r.add_argument("--after", type=Path, nargs="*", help="the branch's records: a before/after section")
    r.add_argument("--md", type=Path)
    args = ap.parse_args()
    rows = load(args.records)
    text = report(rows)
    if args.after:
        text += "\n## Before -> after (this branch's gates, same records' questions)\n\n"
        text += abst22_compare(rows, load(args.after), pools) + "\n"
    if args.md:
        head = args.md.read_text().split("<!-- tables -->")[0] if args.md.exists() else ""
        args.md.write_text(head + "<!-- tables -->\n\n" + text)
    print(text)


if __name__ == "__main__":
    main()
