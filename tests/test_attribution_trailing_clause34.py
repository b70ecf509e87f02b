"""Round 34 (attr34a): a quotation that `_in_clause` gives to its sentence's opening subject, with no
cue of its own, belongs to an attribution that closes the sentence (", said the chair, Jo Roe.").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor
from index.model import Quote

TEXT = (
    "Mayor Tom Brandt spoke to the fishermen on Monday.\n\n"
    "The Harbour Board looked into the ferry accounts and did not find \u201cany sign of fraud,\u201d "
    "aside from two late forms, said the board's chair, Jo Roe, on Tuesday."
)


def _quote(text: str, words: str) -> Quote:
    return next(q for q in analyse(text)[1] if q.direct and text[q.start : q.end].startswith(words))


def test_the_closing_attribution_takes_the_quotation() -> None:
    assert _quote(TEXT, "any sign of fraud").speaker == "Jo Roe"


def test_without_a_closing_attribution_the_subject_keeps_it() -> None:
    text = TEXT.split(" aside from")[0] + "."
    assert _quote(text, "any sign of fraud").speaker == "Harbour Board"


def test_switch_off_leaves_the_opening_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attributor, "TRAILING_OVER_CLAUSE", False)
    assert _quote(TEXT, "any sign of fraud").speaker != "Jo Roe"
