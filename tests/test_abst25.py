"""bench/abst25.py: the kinds table with nh13 apart, and the choice of money_thing.THING_SHARE from
records. Results lines and records written for this test."""

from __future__ import annotations

from bench import abst25

RESULTS = """== nh13
      n13x1  answered  How much did Harwick pay for its snowploughs?
      n13x2 abstained  How many ferries run on Sunday?
== nh12
      n12x1  answered  How many boats sank?
== h14
     h14x1  answered  How many boats sank?
"""


def test_kinds_puts_nh13_apart() -> None:
    table = abst25.kinds(RESULTS)
    pooled, fresh = table.split("nh13 alone")
    assert "nh13:n13x1" in pooled and "nh12:n12x1" in pooled
    assert "nh13:n13x1" in fresh and "nh12:n12x1" not in fresh
    assert "h14:h14x1" not in table  # an article set


def _row(s: str, i: str, answerable: bool, share: float | None, declined: bool = False) -> dict[str, object]:
    return {"set": s, "id": i, "answerable": answerable, "declined": declined, "share": share}


def test_choose_keeps_the_smallest_threshold_that_costs_no_answerable_question() -> None:
    rows = [
        _row("nh3", "a", False, 0.0),
        _row("nh10", "b", False, 0.0),
        _row("nh5", "c", True, 0.3),  # an answerable question from 0.35 on
        _row("nh5", "d", False, 0.0, declined=True),  # declined by another test: no gain
        _row("squad", "e", True, None),  # no thing asked
    ]
    out = abst25.choose(rows)
    assert "Chosen: money_thing.MONEY_THING = True" in out
    assert "Chosen: money_thing.THING_SHARE = 0.05" in out
    assert "| 0.35 | 2 (nh3:a nh10:b) | 1 (nh5:c) |" in out


def test_choose_needs_gains_from_two_sets() -> None:
    out = abst25.choose([_row("nh3", "a", False, 0.0), _row("nh3", "b", False, 0.0)])
    assert "Chosen: money_thing.MONEY_THING = False" in out
