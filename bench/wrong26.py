"""Round 26: the decline gates judged with h15/nh14 as the newest out-of-sample sets (bench/reports/wrong26.md).

bench/wrong24.py's tables (every wrong decline with the gate that wrote it, per gate its unique
right/wrong declines by the era its sets were opened in, forward-chaining and leave-one-set-out fits
of gate removal and of the off-topic and names-share thresholds) with round 26's era added: h15/nh14,
opened at c992213 (the blind pair of rounds 24-25), never fitted on. Reads bench/gates_pooled.py's
records (every read set, no blind one; the records stay out of the project: they hold news-dev's
questions).

    python bench/gates_pooled.py run --indexes DIR --out /tmp/g.jsonl        # every read set
    python bench/wrong26.py report /tmp/g.jsonl [--after /tmp/a.jsonl] --md bench/reports/wrong26.md
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import wrong24  # noqa: E402
from bench.wrong23 import Eras, Row  # noqa: E402
from bench.wrong25 import ERAS25  # noqa: E402

# Round 26 opened h15 and nh14 (they judged rounds 24-25 blind; nothing was fit on them).
ERAS26: Eras = (*ERAS25, ("r26", "c992213", ("h15", "nh14")))
NEWEST = ("h15", "nh14")
# The gates whose every decline the report lists: the ones judged this round (bench/reports/wrong26.md).
LISTED = ("uncovered", "offtopic", "other_article")


def pools(rows: list[Row]) -> dict[str, list[Row]]:
    """The pools and the sets opened this round (h15, nh14), by name (bench/wrong24.pools).

    Args:
        rows: gates_pooled records.
    Returns:
        The rows of each pool or set, by its name in the report.
    """
    return wrong24.pools(rows, NEWEST)


def report(rows: list[Row]) -> str:
    """The report's tables: bench/wrong24.report with round 26's era.

    Args:
        rows: gates_pooled records of main's code.
    Returns:
        Markdown.
    """
    return wrong24.report(rows, ERAS26, LISTED)


if __name__ == "__main__":
    wrong24.main(ERAS26, LISTED, __doc__)
