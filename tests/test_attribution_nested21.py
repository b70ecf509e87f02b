"""Nested and embedded speech, round 21 (nest21): an attribution inside another one's words is its own
item with its own speaker and span; a weekday or an opening subordinator is no source; and the clause
cut (index.attribution.clauses, off by default: bench/reports/attribution_round21.md) ends reported
words before a coordinated clause with its own source."""

from __future__ import annotations

import pytest

from index.attribution import clauses
from tests.attribution_rows import found


def _row(text: str, content: str) -> tuple[str | None, str, str, str]:
    rows = [r for r in found(text) if r[3] == content]
    assert len(rows) == 1, found(text)
    return rows[0]


def test_inner_report_is_its_own_item_inside_the_outer_one() -> None:
    text = "Mayor Ines Calloway said that Tobias Renner told her the harbour budget was balanced."
    outer = _row(text, "Tobias Renner told her the harbour budget was balanced")
    inner = _row(text, "the harbour budget was balanced")
    assert outer[0] == "Ines Calloway"
    assert inner[0] == "Tobias Renner"


def test_news_report_wrapper_keeps_both_sources() -> None:
    text = "Tobias Renner told investigators the ferry logs were gone, the Lakeside Courier reported."
    rows = found(text)
    assert ("Lakeside Courier", "the Lakeside Courier", "reported") in {r[:3] for r in rows}
    wrapper = next(r for r in rows if r[0] == "Lakeside Courier")
    assert wrapper[3] == "Tobias Renner told investigators the ferry logs were gone"


def test_second_clause_with_its_own_source_is_its_own_item() -> None:
    text = "Ortwin Maas says the fortune is $4.5 billion and Wealth-Index says it is $3 billion."
    assert _row(text, "it is $3 billion")[0] == "Wealth-Index"


def test_a_weekday_is_no_source() -> None:
    text = (
        "The campaign had a busy week. Wednesday added one more surprise to the list: Senator "
        "Ines Calloway naming Tobias Renner as her running mate."
    )
    assert all(r[0] != "Wednesday" for r in found(text))


def test_a_weekday_after_the_name_leaves_the_name_the_speaker() -> None:
    text = (
        "Harbour chief Tobias Renner later Thursday told reporters: “We are meeting next week to settle it.”"
    )
    assert _row(text, "We are meeting next week to settle it.")[0] == "Tobias Renner"


def test_an_opening_subordinator_is_no_word_of_the_source() -> None:
    text = (
        "While critics argue that trading prisoners rewards kidnappers, Governor Ines Calloway has said "
        "such releases are a fair trade."
    )
    critics = _row(text, "trading prisoners rewards kidnappers")
    assert critics[1] == "critics"
    assert _row(text, "such releases are a fair trade")[0] == "Ines Calloway"


@pytest.fixture
def clause_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clauses, "SECOND_SOURCE_CUT", True)


@pytest.mark.usefixtures("clause_cut")
def test_clause_cut_ends_the_first_words_before_the_second_source() -> None:
    text = "Ortwin Maas says the fortune is $4.5 billion and Wealth-Index says it is $3 billion."
    assert _row(text, "the fortune is $4.5 billion")[0] == "Ortwin Maas"
    assert _row(text, "it is $3 billion")[0] == "Wealth-Index"


@pytest.mark.usefixtures("clause_cut")
def test_clause_cut_after_a_coordinated_clause_and_a_title() -> None:
    text = "Ines Calloway said the ferry plan would fail, and Governor Tobias Renner said it would work."
    assert _row(text, "the ferry plan would fail")[0] == "Ines Calloway"
    assert _row(text, "it would work")[0] == "Tobias Renner"


@pytest.mark.usefixtures("clause_cut")
def test_clause_cut_leaves_nested_speech_whole() -> None:
    text = "Mayor Ines Calloway said that Tobias Renner told her the harbour budget was balanced."
    assert _row(text, "Tobias Renner told her the harbour budget was balanced")[0] == "Ines Calloway"
    subordinate = "Ines Calloway said the budget was balanced because the council said it would cut costs."
    assert found(subordinate)[0][3] == "the budget was balanced because the council said it would cut costs"


@pytest.mark.usefixtures("clause_cut")
def test_clause_cut_leaves_a_pair_of_subjects_alone() -> None:
    pair = "Ines Calloway said the vote was over when Tobias Renner and Ortwin Maas announced a recount."
    assert any(r[3].endswith("announced a recount") and r[0] == "Ines Calloway" for r in found(pair))
