"""The opening-name test of qa.slots and the script that fits its threshold (bench/fit_opening_name.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from qa.slots import OPENING_NAME_ZIPF, _opening_name

ROOT = Path(__file__).resolve().parent.parent


def _fit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_opening_name", ROOT / "bench" / "fit_opening_name.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fit_opening_name"] = mod
    spec.loader.exec_module(mod)
    return mod


ARTICLE = (
    "Okafor said the plan was sound. Meanwhile the council met on Friday.\n\n"
    "The mayor thanked Okafor for her work, and Okafor replied that the budget was tight. "
    "Residents met in the hall meanwhile, and the clerk read the minutes meanwhile. "
    "Officials said the meeting would resume, meanwhile, at noon. "
    'She said: "Meanwhile we wait." A letter from Okafor was read.'
)


def test_opening_words_are_labelled_by_their_mid_sentence_capitals() -> None:
    fit = _fit()
    tally = fit.Tally()
    fit.count_text(ARTICLE, tally)
    # The quoted "Meanwhile" opens no sentence of the splitter ("She said: ..." does).
    assert tally.opening["okafor"] == 1 and tally.opening["meanwhile"] == 1
    assert "the" not in tally.opening and "she" not in tally.opening  # stop words
    assert tally.mid_upper["okafor"] == 3 and tally.mid_lower["okafor"] == 0
    # "Meanwhile" after the colon and the quote is no mid-sentence use; the three lower-case ones are.
    assert tally.mid_upper["meanwhile"] == 0 and tally.mid_lower["meanwhile"] == 3
    assert fit.label(tally, "okafor") is True
    assert fit.label(tally, "meanwhile") is False
    assert fit.label(tally, "friday") is None  # one mid-sentence use: too few


def test_sweep_scores_and_chooses_nearest_the_prior_on_ties() -> None:
    fit = _fit()
    rows = [("okafor", 5, True, 2.5), ("cruz", 1, True, 4.1), ("police", 9, False, 5.3)]
    assert fit.scores(rows, 3.0, True) == (1.0, 5 / 6, 2 * (5 / 6) / (1 + 5 / 6))
    assert fit.scores(rows, 3.0, False)[1] == 0.5
    assert fit.scores(rows, 6.0, False)[0] == 2 / 3
    # Every value in (4.1, 5.3] separates the rows; 4.2 is the nearest to 3.0.
    assert fit.choose(rows) == 4.2


def test_opening_name_uses_the_fitted_threshold() -> None:
    # bench/reports/opening_name.md: the F1 choice 4.4 is not adopted (held-out end to end; qa/slots.py).
    assert OPENING_NAME_ZIPF == 3.0
    assert _opening_name("Okafor") and _opening_name("Halloran")
    assert not _opening_name("Cruz")  # Zipf 4.1: a name only at the F1 choice 4.4
    assert not _opening_name("The") and not _opening_name("Police") and not _opening_name("Meanwhile")
