"""The agent noun a relative clause's verb derives, and the fit of its frequency threshold
(bench/fit_agent_noun.py, bench/reports/agent_noun.md)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from index.attribution import names
from index.attribution.names import agent_candidate, agent_noun

REPO = Path(__file__).resolve().parent.parent


def _fit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_agent_noun", REPO / "bench" / "fit_agent_noun.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_candidate_before_threshold() -> None:
    noun, zipf = agent_candidate("appraises")
    assert noun == "appraiser" and 2.0 < zipf < 4.0
    assert agent_candidate("covers") == ("coverer", 0.0)  # derived, but no English word
    assert agent_candidate("heads") == ("head", float("inf"))  # the verb is a role word
    assert agent_candidate("said") == ("", 0.0)  # speech names no occupation
    assert agent_candidate("was") == ("", 0.0)


def test_threshold_applies_to_candidate() -> None:
    for verb in ("appraises", "covers", "represents", "founded", "heads"):
        noun, zipf = agent_candidate(verb)
        assert agent_noun(verb) == (noun if zipf >= names.AGENT_NOUN_ZIPF else "")
    assert agent_noun("represents") == ""  # "representer" 1.2: below the fitted 1.4


def test_sweep_and_choice_ties_to_lower() -> None:
    fit = _fit()
    cands = {"doer": (3.0, True, "does"), "nonword": (0.0, False, "x"), "oddword": (1.0, False, "y")}
    rows = fit.sweep(cands)
    assert rows[0][:4] == (0.0, 1, 2, 0)
    # F1 is 1.0 from 1.1 to 3.0: the lowest such threshold is chosen
    assert fit.choose(rows) == 1.1


def test_constant_is_the_reported_fit() -> None:
    report = (REPO / "bench" / "reports" / "agent_noun.md").read_text(encoding="utf-8")
    chosen = re.search(r"\*\*Chosen: AGENT_NOUN_ZIPF = ([\d.]+)\*\*", report)
    assert chosen is not None and float(chosen.group(1)) == names.AGENT_NOUN_ZIPF
