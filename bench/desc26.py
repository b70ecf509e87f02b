"""Speaker questions asked by office, round 26: a generic head ("leader", "chief", "boss") held by the
sources described by an office (qa.describe.OFFICE_HEADS, tables of qa.offices from WordNet), and a seat
of government read as its country (qa.describe.SEATS: "the Kremlin leader").

Every read-set question (never a blind set) whose reading (qa.query_reading._read: the asked speakers,
how surely, the words left once a description is consumed, whether it asks for speech) either switch
changes, asked in-process through qa.session.Conversation under each of the four settings and scored as
../shared/eval/score.py scores (bench/desc24.switch). The classes of the lost speaker questions are
bench/desc25.py --classify's.

    python bench/desc26.py --root ROOT [--sets h15 nh14 ...]

Indexes are those of bench/read_sets.sh under --root (built where missing).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import desc24  # noqa: E402
from bench.desc25 import _reading  # noqa: E402
from bench.read_sets import ALL  # noqa: E402

CONFIGS: list[dict[str, bool]] = [
    {"OFFICE_HEADS": False, "SEATS": False},
    {"OFFICE_HEADS": True, "SEATS": False},
    {"OFFICE_HEADS": False, "SEATS": True},
    {"OFFICE_HEADS": True, "SEATS": True},
]


_apply = desc24.set_describe
_label = desc24.switch_label


def main(argv: list[str] | None = None) -> None:
    """Print the switch's table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/rs-base26"))
    ap.add_argument("--sets", nargs="*", default=ALL)
    a = ap.parse_args(argv)
    print("\n".join(desc24.switch(a.sets, a.root, list(CONFIGS), _apply, _label, _reading, CONFIGS[-1])))


if __name__ == "__main__":
    main()
