"""bench/gates_pooled.py: reading a decline under gates switched off from the recorded chains, the
per-gate drop rule, and that its gates' switches exist in the code they switch."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _gp() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gates_pooled", REPO / "bench" / "gates_pooled.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(
    chains: list[list[str]], answerable: bool, abstained: bool | None = None, **ev: Any
) -> dict[str, Any]:
    declined = all(chains) if abstained is None else abstained
    return {
        "set": "h1",
        "answerable": answerable,
        "abstained": declined,
        "calls": [{"chain": c, "evidence": dict(ev)} for c in chains],
    }


def test_a_question_is_declined_while_every_reading_keeps_a_gate_on() -> None:
    gp = _gp()
    r = _row([["uncovered", "offtopic"], ["slots"]], answerable=False)
    assert gp.declined(r)
    assert gp.declined(r, (frozenset({"uncovered"}), ()))  # off-topic still declines the first reading
    assert not gp.declined(r, (frozenset({"slots"}), ()))  # the second reading answers
    assert not gp.declined(r, (frozenset({"uncovered", "offtopic"}), ()))


def test_a_rescue_by_the_conversation_stays_answered() -> None:
    gp = _gp()
    r = _row([["uncovered"]], answerable=True, abstained=False)  # the anchored fallback answered it
    assert not gp.declined(r)


def test_a_re_thresholded_gate_is_read_from_its_evidence() -> None:
    gp = _gp()
    r = _row([["offtopic"]], answerable=False, offtopic=[0.35, 0.28], absent=0.7, dense=0.28)
    assert gp.declined(r, (frozenset(), (("offtopic", (0.4, 0.3)),)))
    assert not gp.declined(r, (frozenset(), (("offtopic", (0.3, 0.3)),)))
    answered = _row([[]], answerable=False, absent=0.7, dense=0.28)
    assert gp.declined(answered, (frozenset(), (("absent", (0.6, 0.3)),)))
    assert not gp.declined(answered, (frozenset(), (("absent", (0.8, 0.3)),)))


def test_a_gate_whose_unique_declines_are_mostly_wrong_is_dropped() -> None:
    gp = _gp()
    rows = [
        _row([["name_bound"]], answerable=True),
        _row([["fact:role", "name_bound"]], answerable=False),  # not unique: fact:role declines it too
        _row([["count_noun"]], answerable=False),
        _row([["count_noun"]], answerable=False),
        _row([["count_noun"]], answerable=True),
    ]
    assert gp.outweighed(rows, ["name_bound", "count_noun", "fact:role"], 1.0) == frozenset({"name_bound"})
    assert gp.outweighed(rows, ["name_bound", "count_noun", "fact:role"], 3.0) == frozenset(
        {"name_bound", "count_noun"}
    )


def test_every_switch_names_a_setting_the_code_has() -> None:
    gp = _gp()
    for gate, settings in gp._patches().items():
        for obj, attr, _ in settings:
            assert hasattr(obj, attr), (gate, attr)
