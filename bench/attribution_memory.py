"""Quote attribution's working memory against the size of the text it is given (issue 10, case 16).

    .venv/bin/python bench/attribution_memory.py                 # bench text at 0.625 and 1.875 MB
    .venv/bin/python bench/attribution_memory.py --mb 0.125,0.5,0.625,1.875

The build gives `index.attribution.analyse` one analysis window at a time: 1/16 of a long file
(index/build.py ANALYSIS_SHARE; 256 KiB floor, 2 MiB cap), so 625 KB at 10 MB of text and 1.88 MB at
30 MB. For each size, the synthetic text of bench/index_scale.py (`make_text`) is analysed once under
tracemalloc (after a warm-up run: the lexicons load once) and its traced peak printed, in MB and as a
multiple of the text's UTF-8: what the analysing stage adds on top of what the build holds.
bench/reports/index_scale23.md reads it. Python allocations only (all of attribution's).
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index_scale import make_text  # noqa: E402


def traced_peak(text: str) -> tuple[int, int, int]:
    """Run attribution on `text` under tracemalloc.

    Args:
        text: the text, analysed as one window.

    Returns:
        (traced peak bytes, bytes still held after, quotes found).
    """
    from index.attribution import analyse

    tracemalloc.start()
    try:
        _, quotes = analyse(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, held, len(quotes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--mb", default="0.625,1.875", help="sizes in MB, comma-separated (the windows at 10, 30 MB)"
    )
    args = ap.parse_args()
    from index.attribution import analyse

    analyse(make_text(0.02, seed=5))  # warm up: lexicons, tables, compiled patterns
    for mb in (float(x) for x in args.mb.split(",")):
        text = make_text(mb)
        size = len(text.encode("utf-8"))
        peak, held, quotes = traced_peak(text)
        print(
            f"{size / 1e6:.3f} MB of UTF-8, {quotes} quotes: traced peak {peak / 1e6:.2f} MB"
            f" = {peak / size:.1f}x the text; held after {held / 1e6:.2f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
