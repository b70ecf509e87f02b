"""One category's figures of bench/read_sets.sh results, pooled as its POOL lines pool (weighted by
the category's question counts): all read sets, the article pool, the news pool, the last two opened.

    python bench/followup_pool.py /tmp/rs-base25/results.txt /tmp/rs-fup25-final/results.txt
    python bench/followup_pool.py --category speaker /tmp/rs-TAG/results.txt
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.read_sets import ARTICLE, NEWS  # noqa: E402


def load(path: Path, category: str) -> dict[str, tuple[int, float, float, float]]:
    """Each set's (n, hit@1, recall@5, wrongly declined) for `category`, from score.py's --by table.

    Args:
        path: a results.txt of bench/read_sets.sh.
        category: the category's name in score.py's table ("followup").
    Returns:
        The figures by set name.
    """
    out: dict[str, tuple[int, float, float, float]] = {}
    cur = None
    row = re.compile(rf"\s+{re.escape(category)}\s+(\d+)\s+([\d.]+)\s+[\d.]+\s+([\d.]+)\s+\S+\s+([\d.]+)")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
        m = row.match(line)
        if m and cur:
            out[cur] = (int(m[1]), float(m[2]), float(m[3]), float(m[4]))
    return out


def pooled(figures: dict[str, tuple[int, float, float, float]], names: list[str]) -> str:
    """The pooled line of the named sets.

    Args:
        figures: load()'s figures.
        names: the sets pooled.
    Returns:
        "n=... hit@1=... r@5=... wrongly=... (right)".
    """
    xs = [figures[n] for n in names if n in figures]
    n = sum(x[0] for x in xs)
    if not n:
        return "n=0"
    h, r5, fa = (sum(x[0] * x[i] for x in xs) / n for i in (1, 2, 3))
    return f"n={n} hit@1={h:.3f} r@5={r5:.3f} wrongly={fa:.3f} ({round(h * n)} right first)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", nargs="+", type=Path)
    ap.add_argument("--category", default="followup")
    args = ap.parse_args()
    for path in args.results:
        figures = load(path, args.category)
        print(path)
        groups = [
            ("all read sets", list(figures)),
            (f"article {ARTICLE[0]}-{ARTICLE[-1]}", ARTICLE),
            (f"news nh1-{NEWS[-1]}", NEWS),
            (ARTICLE[-1], ARTICLE[-1:]),
            (NEWS[-1], NEWS[-1:]),
        ]
        for name, names in groups:
            print(f"  {name}: {pooled(figures, names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
