"""Speakers asked by whose view is wanted and by a name with the occasion it spoke at (round 25):
"Is Hart well informed, in the former senator's opinion?" asks the former senator, though Hart is
named first; "Would the stadium bring jobs, in the mayor's view?" has its speaker slot in the view
phrase; "According to Hart at the town-hall debate, ..." names Hart, not a description of someone
"at the town-hall debate".

Article written for these tests: a stadium quarrel where a governor, a mayor and a former senator
are quoted.
"""

from __future__ import annotations

import pytest

from qa import describe
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

STADIUM = """Mayor and governor trade barbs over the stadium plan

DAYTON - Gov. Lena Hart said on Monday that the new stadium would be "a burden on every taxpayer in
the county."

Mayor Paul Ostrow, who backs the plan, said the stadium would "bring thousands of jobs downtown within
five years."

Former Sen. Ruth Kane, a longtime critic of the governor, said Hart was "badly informed about what the
city needs."

At the town-hall debate on Thursday, Hart said the mayor was "turning the riverfront into a building
site for his friends."
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "desc25", {"stadium": STADIUM})


def _subject(question: str) -> str | None:
    sub = describe.subject_of(question)
    return sub.text if sub is not None else None


def test_whose_view_is_asked_is_the_speaker_slot() -> None:
    assert _subject("Was the deal wise, in Moscow's view?") == "Moscow"
    assert _subject("How ready is Hart, in the former senator's opinion?") == "former senator"
    assert _subject("What's the retailers' lobby's view of the $15 wage?") == "retailers' lobby"
    assert describe.view_source("How ready is Hart, in the former senator's opinion?") == "the former senator"
    # no view phrase: the polar slot as before
    assert _subject("Does the mayor think the stadium will pay?") == "mayor"
    assert describe.view_source("Does the mayor think the stadium will pay?") is None


def test_a_name_with_its_occasion_is_the_name() -> None:
    assert _subject("According to Hart at the town-hall debate, what is the mayor doing?") == "Hart"
    # a description keeps its words: "at the plant" may be what tells one union head from another
    assert _subject("According to the head of the union at the plant, what happened?") == (
        "head of the union at the plant"
    )


def test_the_switches_off_read_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(describe, "VIEW_SLOT", False)
    monkeypatch.setattr(describe, "NAME_OCCASION", False)
    assert describe.view_source("How ready is Hart, in the former senator's opinion?") is None
    assert _subject("According to Hart at the town-hall debate, what is the mayor doing?") == (
        "Hart at the town-hall debate"
    )


def test_the_view_holder_speaks_though_a_name_comes_first(engine: Engine) -> None:
    ans = ask(engine, "Is Hart well informed, in the former senator's opinion?")
    assert not ans.abstained
    assert "badly informed" in ans.hits[0].text


def test_the_view_holder_asked_by_office(engine: Engine) -> None:
    ans = ask(engine, "Would the stadium bring jobs, in the mayor's view?")
    assert not ans.abstained
    assert "thousands of jobs" in ans.hits[0].text


def test_a_name_at_an_occasion_is_asked_for_their_words(engine: Engine) -> None:
    ans = ask(
        engine, "According to Hart at the town-hall debate, what is the mayor turning the riverfront into?"
    )
    assert not ans.abstained
    assert "building" in ans.hits[0].text
