"""qa.candidate_features.CONTINUATION on and off, ranking only, over every read set.

    python bench/continuation.py --root /tmp/rank24-st [--sets h13 nh12 ...] [--out bench/reports/continuation.md]

A paragraph whose subject or speaker is a pronoun ("He was fined ...", "'...,' she said": qa.continuation)
reads the names of the paragraph before it in the ranking's word coverage. This script computes every
answerable read-set question's candidate features twice, with the switch off and on (bench/fit.py's
evidence: follow-ups after their history, fused as qa.session fuses them; abstention not applied),
ranks them under the code's weights and reports hit@1 / recall@5 per set and pool and the questions
whose first gold position moved. Indexes: bench.read_sets.index_for under --root (a read_sets.sh
run's folder serves as is).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit  # noqa: E402
from fit_rank23 import POOLS, load, per_group  # noqa: E402
from read_sets import ALL  # noqa: E402

from qa import candidate_features, rank  # noqa: E402

REPORT = REPO / "bench" / "reports" / "continuation.md"


def positions(on: bool, engines: dict, items: list) -> tuple[fit.Evidence, np.ndarray]:  # type: ignore[type-arg]
    """Each answerable question's first gold position (99: none in the top 5) with the switch set.

    Args:
        on: CONTINUATION's value for this pass.
        engines: the sets' engines (fit_rank23.load).
        items: their questions.
    Returns:
        The evidence and the positions.
    """
    old = candidate_features.CONTINUATION
    candidate_features.CONTINUATION = on
    try:
        ev = fit.evidence(engines, items)
    finally:
        candidate_features.CONTINUATION = old
    return ev, fit.first_gold(ev, rank.WEIGHTS)


def report(ev: fit.Evidence, off: np.ndarray, on: np.ndarray, sets: list[str], command: str) -> str:
    """The markdown report.

    Args:
        ev: the evidence (for the items' sets and ids).
        off: first gold positions with the switch off.
        on: the same with it on.
        sets: the sets run.
        command: the command line.
    Returns:
        The report's text.
    """
    qsets = np.array([it.set for it in ev.items])
    names = (*sets, *POOLS)
    a, b = per_group(qsets, off, names), per_group(qsets, on, names)
    lines = [
        "# CONTINUATION off and on, ranking only (bench/continuation.py)",
        "",
        f"`{command}`. {len(ev.items)} answerable questions; hit@1 / recall@5 under the code's weights,",
        "abstention not applied (bench/fit.py's evidence), so figures differ from read_sets.sh's.",
        "",
        "| set | answerable | off | on |",
        "|---|---|---|---|",
    ]
    for n in names:
        if n in a:
            lines.append(
                f"| {n} | {a[n][2]} | {a[n][0]:.3f} / {a[n][1]:.3f} | {b[n][0]:.3f} / {b[n][1]:.3f} |"
            )
    lines += ["", "## Questions whose first gold position moved (0 = first, 99 = not in the top 5)", ""]
    for i in np.flatnonzero(off != on):
        it = ev.items[int(i)]
        sign = "gained" if on[i] < off[i] else "lost"
        q = str(it.gold["question"]).replace("|", "/")
        lines.append(f"- {it.set} {it.gold['id']} {sign}: {off[i]} -> {on[i]}: {q}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/rank24-st"), help="read_sets.sh's index layout")
    ap.add_argument("--sets", nargs="*", default=ALL)
    ap.add_argument("--out", type=Path, default=REPORT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    engines, items = load(args.sets, args.root)
    ev, off = positions(False, engines, items)
    _, on = positions(True, engines, items)
    command = "python bench/continuation.py " + " ".join(sys.argv[1:])
    args.out.write_text(report(ev, off, on, args.sets, command), encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
