"""Every ranking weight and abstention threshold in the code is the value bench/fit.py's report
records as "in code": a hand edit without rerunning the fit fails here."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import re
from pathlib import Path

import pytest

from qa import rank

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "bench" / "reports" / "fit.md"
# | `qa.rank:Weights.bm25` | old | fitted | in code | grid ... and | `qa.rank:WEAK_DENSE` | old | fitted | in code | ...
_ROW = re.compile(
    r"^\| `(?P<mod>qa(?:\.\w+)+):(?P<name>[\w.]+)` \| [^|]+ \| [^|]+ \| (?P<code>[^|]+) \|", re.M
)


# Reports of weights fitted apart from bench/fit.py (their columns are computed only by their scripts).
EXTRA: tuple[Path, ...] = ()

# Weights removed from qa.rank.Weights after every fit left them at 0 (bench/reports/clean22.md): the
# reports written before keep their rows as history.
REMOVED = frozenset(
    f"qa.rank:Weights.{n}" for n in ("paragraph_cov", "off_topic", "echo", "bound", "bound_window", "numeral")
)

READSETS = REPO / "bench" / "reports" / "fit_readsets.md"
# bench/fit_readsets.py's stability table: | `bm25` | code's value | full-data fit | folds ... |
_READSETS_ROW = re.compile(r"^\| `(?P<name>\w+)` \| (?P<code>[\d.]+) \| (?P<fit>[\d.]+) \|", re.M)


def _readsets() -> dict[str, float]:
    """The weights bench/fit_readsets.py's report puts in the code: its full-data fit when the report
    says "In code: the full-data fit" (held out and end to end), else the code's values it started
    from (empty without the report)."""
    if not READSETS.exists():
        return {}
    text = READSETS.read_text(encoding="utf-8")
    col = "fit" if "In code: the full-data fit" in text else "code"
    table = text[text.index("## Stability") :]
    return {f"qa.rank:Weights.{m['name']}": float(m[col]) for m in _READSETS_ROW.finditer(table)}


def _recorded() -> dict[str, float]:
    """'module:NAME' (or 'module:Weights.field') -> the value the reports say is in the code:
    bench/fit.py's, and for the weights it searched, bench/fit_readsets.py's (the later fit); the
    REMOVED weights left out."""
    text = REPORT.read_text(encoding="utf-8")
    fitted = {f"{m['mod']}:{m['name']}": float(m["code"]) for m in _ROW.finditer(text)}
    for extra in EXTRA:  # weights fitted by their own bench script, in fit.md's row format
        fitted |= {
            f"{m['mod']}:{m['name']}": float(m["code"]) for m in _ROW.finditer(extra.read_text("utf-8"))
        }
    recorded = {**fitted, **_readsets()}
    return {t: v for t, v in recorded.items() if t not in REMOVED}


def _in_code(target: str) -> float:
    """The value of 'module:NAME' now; 'qa.rank:Weights.x' is the field of the weights in use."""
    mod_name, _, name = target.partition(":")
    if name.startswith("Weights."):
        value = getattr(rank.WEIGHTS, name.removeprefix("Weights."))
    else:
        value = getattr(importlib.import_module(mod_name), name)
    assert isinstance(value, int | float)
    return float(value)


def test_every_recorded_value_is_the_one_in_code() -> None:
    recorded = _recorded()
    assert recorded, f"no value rows in {REPORT}"
    wrong = {t: (v, _in_code(t)) for t, v in recorded.items() if _in_code(t) != pytest.approx(v)}
    assert not wrong, f"code differs from {REPORT.name} (rerun python bench/fit.py): {wrong}"


def test_no_removed_weight_is_back() -> None:
    fields = {f"qa.rank:Weights.{f.name}" for f in dataclasses.fields(rank.Weights)}
    assert not fields & REMOVED


def test_every_weight_is_in_the_report() -> None:
    recorded = _recorded()
    missing = [
        f.name for f in dataclasses.fields(rank.Weights) if f"qa.rank:Weights.{f.name}" not in recorded
    ]
    assert not missing, f"weights without a recorded origin in {REPORT.name}: {missing}"


def test_every_threshold_of_the_sweep_and_every_float_constant_of_rank_is_in_the_report() -> None:
    recorded = _recorded()
    swept = re.findall(r'^\s+"(qa(?:\.\w+)+:\w+)": \[', (REPO / "bench" / "fit.py").read_text(), re.M)
    assert swept, "bench/fit.py's THRESHOLDS table not found"
    # qa.rank's weights and the abstention thresholds qa.rank's split left in qa.not_mentioned.
    floats = [
        f"qa.{module}:{t.id}"
        for module in ("rank", "not_mentioned")
        for node in ast.parse((REPO / "qa" / f"{module}.py").read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, float)
        for t in node.targets
        if isinstance(t, ast.Name) and t.id.isupper()
    ]
    missing = [t for t in [*swept, *floats] if t not in recorded]
    assert not missing, f"thresholds without a recorded origin in {REPORT.name}: {missing}"
