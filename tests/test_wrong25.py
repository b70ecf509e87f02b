"""bench/wrong25.py: round 25's era (h14, nh13) on top of bench/wrong24.py's, and its pools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import wrong23, wrong24, wrong25  # noqa: E402


def _row(name: str, qid: str, answerable: bool) -> dict[str, Any]:
    return {"set": name, "id": qid, "question": "q", "answerable": answerable, "calls": []}


def test_round_25_opens_h14_and_nh13_after_the_earlier_eras() -> None:
    assert wrong25.ERAS25[:-1] == wrong24.ERAS24
    assert wrong23.era_of("h14", wrong25.ERAS25) == "r25"
    assert wrong23.era_of("nh13", wrong25.ERAS25) == "r25"
    assert wrong23.era_of("h13", wrong25.ERAS25) == "r24"
    # Round 24's own tables are unchanged: without round 25's era, h14 is no later set.
    assert wrong23.era_of("h14", wrong24.ERAS24) == wrong23.EARLY


def test_the_pools_hold_the_read_sets_and_name_the_newest_apart() -> None:
    rows = [_row("h14", "a", True), _row("nh13", "b", False), _row("h2", "c", True), _row("para", "d", True)]
    got = wrong25.pools(rows)
    assert [r["id"] for r in got["h14"]] == ["a"] and [r["id"] for r in got["nh13"]] == ["b"]
    article = next(v for k, v in got.items() if k.startswith("article h1-"))
    assert [r["id"] for r in article] == ["a", "c"]
    assert len(got["all read sets"]) == 4
