"""bench/wrong24.py: round 24's era (h13, nh12) on top of bench/wrong23.py's, and the table of one
gate's declines with what declines each question when the gate is off. Records written here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import wrong23, wrong24  # noqa: E402


def _row(name: str, qid: str, answerable: bool, chains: list[list[str]]) -> dict[str, Any]:
    return {
        "set": name,
        "id": qid,
        "question": f"question {qid}",
        "answerable": answerable,
        "abstained": all(chains),
        "reason": "",
        "calls": [{"searched": "", "chain": c} for c in chains],
    }


def test_round_24_opens_h13_and_nh12_after_the_earlier_eras() -> None:
    assert wrong24.ERAS24[:-1] == wrong23.ERAS
    assert wrong23.era_of("h13", wrong24.ERAS24) == "r24"
    assert wrong23.era_of("nh12", wrong24.ERAS24) == "r24"
    assert wrong23.era_of("h12", wrong24.ERAS24) == "r23"
    # Round 23's own tables are unchanged: without round 24's era, h13 is no later set.
    assert wrong23.era_of("h13") == wrong23.EARLY


def test_a_gate_table_names_what_declines_each_question_with_it_off() -> None:
    rows = [
        _row("h13", "a", False, [["no_term", "offtopic"]]),  # still declined: offtopic
        _row("h13", "b", True, [["no_term"]]),  # answered with it off
        _row("h13", "c", True, [["slots"]]),  # the gate never declined it: not listed
    ]
    out: list[str] = []
    wrong24.gate_declines(rows, "no_term", out.append)
    body = out[2:]
    assert len(body) == 2
    assert body[0].startswith("| h13 | a |") and body[0].endswith("| offtopic |")
    assert body[1].startswith("| h13 | b |") and body[1].endswith("| answered |")
