"""What the planted-attribution generators share (bench/attribution_apposition_gen.py,
bench/attribution_fronted_gen.py): finding the attribution made over a planted span, and the
command line with its per-phrasing table.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from index.attribution import analyse


def found(text: str, start: int, end: int) -> Any | None:
    """The attribution analysed over the planted span, the one overlapping it most.

    Args:
        text: the article with the planted sentence; start, end: the planted content span.
    Returns:
        The index.attribution quote with the largest overlap, or None when none overlaps.
    """
    _speakers, quotes = analyse(text)
    hit = [x for x in quotes if x.start < end and x.end > start]
    return max(hit, key=lambda x: min(x.end, end) - max(x.start, start)) if hit else None


def table(res: dict[str, tuple[int, int, int]], phrasings: Sequence[str]) -> list[str]:
    """The per-phrasing markdown table of a run's (planted, found, right) counts, with a total row.

    Args:
        res: phrasing -> (planted, found, right); phrasings: the rows' order.
    Returns:
        The table's lines.
    """
    lines = ["| phrasing | planted | found | right speaker | right/planted |", "|---|---|---|---|---|"]
    tot = [0, 0, 0]
    for ph in phrasings:
        p, f, r = res.get(ph, (0, 0, 0))
        tot = [tot[0] + p, tot[1] + f, tot[2] + r]
        lines.append(f"| {ph} | {p} | {f} | {r} | {r / max(p, 1):.3f} |")
    lines.append(f"| all | {tot[0]} | {tot[1]} | {tot[2]} | {tot[2] / max(tot[0], 1):.3f} |")
    return lines


def cli(
    doc: str,
    default_n: int,
    phrasings: Sequence[str],
    run: Callable[[int, int, int], dict[str, tuple[int, int, int]]],
) -> int:
    """A generator's command line: --n, --seed, --show, --report; prints (and writes) the table.

    Args:
        doc: the generator's docstring (its first paragraph is the description); default_n: --n's
            default; phrasings: the table's rows; run: the generator's run(n, seed, show).
    Returns:
        The exit status, 0.
    """
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=default_n)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--report", type=Path)
    a = ap.parse_args()
    lines = table(run(a.n, a.seed, a.show), phrasings)
    print("\n".join(lines))
    if a.report:
        a.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0
