"""Round 27: which questions moved between two read_sets.sh runs (bench/reports/wrong27.md).

Reads two results.txt files written by bench/read_sets.sh (with --show-misses: every miss is a line
"  ID  rank N|abstained|answered|missed  QUESTION" under "== SET") and prints, per set, the questions
whose outcome changed. A question not listed as a miss was a hit@1 (answerable) or a decline
(unanswerable).

    python bench/wrong27.py /tmp/rs-comb27/results.txt /tmp/rs-wrong27/results.txt
"""

from __future__ import annotations

import re
import sys

_MISS = re.compile(r"^\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s+(.*)$")


def misses(path: str) -> tuple[dict[tuple[str, str], tuple[str, str]], set[str]]:
    """Every miss of one run, and the sets it scored to the end.

    Args:
        path: a results.txt of bench/read_sets.sh.
    Returns:
        ({(set, id): (outcome, question)}, the sets whose figures line was written).
    """
    out: dict[tuple[str, str], tuple[str, str]] = {}
    done: set[str] = set()
    cur = ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("== "):
            cur = line[3:].strip()
            continue
        if line.startswith("hit@1=") and cur:
            done.add(cur)
        m = _MISS.match(line)
        if m and cur:
            out[(cur, m.group(1))] = (m.group(2), m.group(3).strip())
    return out, done


def main(before: str, after: str) -> None:
    """Print the questions whose outcome differs between the two runs.

    Args:
        before: the baseline results.txt.
        after: the changed code's results.txt.
    """
    (a, da), (b, db) = misses(before), misses(after)
    for key in sorted(k for k in set(a) | set(b) if k[0] in da & db):
        x, y = a.get(key, ("hit/declined", "")), b.get(key, ("hit/declined", ""))
        if x[0] != y[0]:
            print(f"{key[0]:8} {key[1]:8} {x[0]:>12} -> {y[0]:<12} {x[1] or y[1]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
