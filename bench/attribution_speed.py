"""How attribution time grows with the input: a news article repeated, and one unbroken line.

    python bench/attribution_speed.py            # sizes 16 KB .. 1 MB, prints seconds and the ratio
    python bench/attribution_speed.py --max-kb 256

Linear time means doubling the size about doubles the seconds (ratio ~2); the quadratic quote
regexes this replaced took 15 s on a 32 KB line without spaces, 29 s on 64 KB, over 100 s on 128 KB.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution import analyse  # noqa: E402

ARTICLE = (ROOT / "index" / "article.txt").read_text(encoding="utf-8")


def inputs(size: int) -> dict[str, str]:
    """Texts of about `size` characters, each a known worst case.

    Args:
        size: characters wanted.
    Returns:
        name -> text.
    """
    reps = size // len(ARTICLE) + 1
    return {
        "article repeated": (ARTICLE + "\n\n") * reps,
        "line without spaces": ("x" * (size // 2)) + '"' + ("Ab" * (size // 4)) + '"',
        "one long line of words": ('He said "' + "Word " * (size // 10) + '" and Smith said ') * 2,
        "capitalised run": " ".join(["Smith"] * (size // 6)) + " said it was fine.",
        "quote marks": '"a" ' * (size // 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-kb", type=int, default=1024)
    a = ap.parse_args()
    sizes = []
    kb = 16
    while kb <= a.max_kb:
        sizes.append(kb * 1024)
        kb *= 2
    prev: dict[str, float] = {}
    print(f"{'input':<26}{'KB':>7}{'seconds':>10}{'ratio':>8}")
    for size in sizes:
        for name, text in inputs(size).items():
            t0 = time.perf_counter()
            analyse(text)
            dt = time.perf_counter() - t0
            ratio = f"{dt / prev[name]:.2f}" if name in prev and prev[name] > 0.001 else "-"
            print(f"{name:<26}{len(text) // 1024:>7}{dt:>10.3f}{ratio:>8}", flush=True)
            prev[name] = dt
    return 0


if __name__ == "__main__":
    sys.exit(main())
