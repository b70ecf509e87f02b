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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import wrong24  # noqa: E402
from bench.wrong23 import Eras, Row  # noqa: E402
from bench.wrong24 import ERAS24  # noqa: E402

# Round 25 opened h14 and nh13 (they judged rounds 23-24 blind; nothing was fit on them).
ERAS25: Eras = (*ERAS24, ("r25", "fbf2e55", ("h14", "nh13")))
NEWEST = ("h14", "nh13")
# The gates whose every decline the report lists: the two judged this round (bench/reports/wrong25.md).
LISTED = ("uncovered", "offtopic")


def pools(rows: list[Row]) -> dict[str, list[Row]]:
    """The pools and the sets opened this round (h14, nh13), by name (bench/wrong24.pools).

    Args:
        rows: gates_pooled records.
    Returns:
        The rows of each pool or set, by its name in the report.
    """
    return wrong24.pools(rows, NEWEST)


def report(rows: list[Row]) -> str:
    """The report's tables: bench/wrong24.report with round 25's era.

    Args:
        rows: gates_pooled records of main's code.
    Returns:
        Markdown.
    """
    return wrong24.report(rows, ERAS25, LISTED)


if __name__ == "__main__":
    wrong24.main(ERAS25, LISTED, __doc__)
