"""Round 18 (attr16): nested and coordinated attributions, possessive appositions, full names.

Articles written for these tests; each case is a kind of error counted on PolNeAR train
(bench/reports/attribution_round18.md)."""

from __future__ import annotations

import pytest

from index.attribution import analyse
from tests.attribution_rows import found, with_words
from tests.test_attribution import UNRELATED, _keyed

NESTED = (
    "In Harborview, organisers added 160 security guards along the parade route, up from 90 last "
    "year, the Harbor Ledger reported."
)
NESTED_NAMED = (
    "The Dalton campaign said the candidate will attend two rallies in Ohio on Saturday, WKRN reported."
)
COORDINATED = (
    "The Ministry of Water contends that the reservoir is on track to refill, and Olga Brandt, the "
    "ministry's chief engineer, said her staff were preparing new models."
)
POSSESSIVE_ROLE = (
    "On television, Mr. Dalton's campaign chairman, Paul Arno, dismissed criticism of Mr. Dalton's "
    "comments about Ms. Kahn. He attempted to distance Mr. Dalton from his plan, arguing that Mr. Dalton "
    'was now focused on a "geographic suspension" of immigration.'
)
FULL_NAME = (
    'Cornel West, a philosopher, spoke at the rally on Monday. "We need a revolution," West said. '
    "Later, West told reporters that the party was broken beyond repair."
)


def test_a_trailing_attribution_after_reported_speech_holds_it() -> None:
    rows = found(NESTED)
    outer = [r for r in rows if r[1] == "the Harbor Ledger"]
    assert outer and outer[0][2] == "reported"
    assert outer[0][3].startswith("In Harborview, organisers added 160 security guards")
    inner = [r for r in rows if r[1] == "organisers"]
    assert inner and inner[0][3] == "160 security guards along the parade route, up from 90 last year"


def test_a_trailing_attribution_after_a_named_report_keeps_both_speakers() -> None:
    rows = found(NESTED_NAMED)
    assert ("WKRN", "WKRN", "reported") in {r[:3] for r in rows}
    campaign = [r for r in rows if r[2] == "said"]
    assert campaign and campaign[0][3] == "the candidate will attend two rallies in Ohio on Saturday"
    assert campaign[0][0] != "WKRN"


def test_a_coordinated_clause_after_an_attribution_has_its_own_subject() -> None:
    rows = with_words(COORDINATED, "preparing new models")
    assert rows and rows[0][0] == "Olga Brandt"
    first = with_words(COORDINATED, "on track to refill")
    assert first and "Olga Brandt" not in first[0][3]


def test_a_second_verb_of_the_same_subject_still_chains() -> None:
    text = "The ministry said the reservoir is full, and added that the dam is safe."
    rows = with_words(text, "the dam is safe")
    assert rows and rows[0][1] == "The ministry"


def test_a_possessive_owning_an_apposed_role_is_no_subject_for_he() -> None:
    rows = with_words(POSSESSIVE_ROLE, "was now focused on")
    assert rows and rows[0][0] == "Paul Arno"


def test_a_surname_that_is_an_organisation_word_takes_the_full_name() -> None:
    speakers, quotes = analyse(FULL_NAME)
    assert {q.speaker for q in quotes} == {"Cornel West"}
    assert [s.name for s in speakers] == ["Cornel West"]


def test_two_given_names_before_the_same_word_leave_the_bare_surname() -> None:
    text = 'Cornel West and Allen West both spoke at the rally on Monday. "We need a revolution," West said.'
    assert {q.speaker for q in analyse(text)[1]} == {"West"}


def test_a_longer_name_ending_in_the_word_is_no_given_name() -> None:
    text = (
        "The New Harbor Times first reported the deal on Friday. The mayor declined to comment, "
        "the Times said."
    )
    assert all(r[0] != "Harbor Times" for r in found(text))


@pytest.mark.parametrize("extra", UNRELATED)
@pytest.mark.parametrize("text", [NESTED, NESTED_NAMED, COORDINATED, POSSESSIVE_ROLE, FULL_NAME])
def test_an_unrelated_paragraph_changes_none_of_these(text: str, extra: str) -> None:
    before = _keyed(text)
    after = {a for a in _keyed(text + extra) if a[0] < len(text)}
    assert after == before


def test_a_singular_noun_phrase_before_a_base_form_is_no_subject() -> None:
    text = (
        "Mrs. Roe issued an implicit caution to the board on Monday. Mr. Hale repeated his constant vow "
        "to cut the budget."
    )
    rows = found(text)
    assert all(r[1] not in ("an implicit", "his constant") for r in rows)
    assert all(r[2] not in ("caution", "vow") for r in rows)


def test_a_plural_or_a_share_before_a_base_form_still_speaks() -> None:
    text = "Democratic lawmakers claim that the bill will fail. A mere 9 percent say they only buy local."
    assert with_words(text, "the bill will fail")[0][1] == "Democratic lawmakers"
    assert with_words(text, "they only buy local")
