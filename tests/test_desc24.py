"""Speakers asked by office or description where another source holds a bare role alias (round 24):
"the New Jersey governor" is not the "Massachusetts governor" whose alias "governor" it contains, "the
RNC chairman" is the Republican National Committee's chairman well ahead of a campaign "chairman",
and "the Ohio congressman who backs Mills" is described by the words before its relative clause.

Articles written for these tests: a party convention where a national committee chairman, a campaign
chairman, an Ohio congressman, a candidate's spokeswoman and a company are quoted.
"""

from __future__ import annotations

import pytest

from index.model import Speaker
from qa import describe
from qa import question as questions
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

CONVENTION = """Party chiefs promise calm after a rowdy opening day

CLEVELAND - Republican National Committee Chairman Rhea Pratt said on Tuesday that the quarrels of the
opening day would be "forgotten by the time the nominee speaks on Thursday night."

The campaign chairman, Tom Vale, told reporters that the floor fight had been "a small group making a
lot of noise."

Rep. Owen Marsh of Ohio, who backs Dana Mills, said the party's platform needed "a plank on steel
tariffs that workers can believe in."

Mills's spokeswoman, Ivy Rand, said the candidate would "visit every county in the state before the
autumn."

The plant's owner, Steelworks Corp., said it "welcomes any plan to keep the mills open," and the company
added that "no jobs will be cut this year."
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "desc24", {"convention": CONVENTION})


def _ids(speakers: list[Speaker], question: str) -> list[str]:
    return questions.match_speakers(question, speakers)


GOVERNORS = [
    Speaker("William Rowe", ("Rowe", "William Rowe", "Massachusetts governor", "governor")),
    Speaker("Dana Pell", ("Pell", "Dana Pell")),
    Speaker("US officials", ("officials",)),
]


def test_a_bare_role_alias_gives_way_to_a_wider_office_it_does_not_cover() -> None:
    assert _ids(GOVERNORS, "What did the New Jersey governor tell reporters?") == []
    assert _ids(GOVERNORS, "What did the former Maryland governor tweet?") == []


def test_an_office_the_aliases_cover_still_names_the_speaker() -> None:
    assert _ids(GOVERNORS, "What did the governor tell reporters?") == ["William Rowe"]
    assert _ids(GOVERNORS, "What did the Massachusetts governor say?") == ["William Rowe"]
    # "former" dates the office; it names no other one
    assert _ids(GOVERNORS, "What did the former Massachusetts governor say?") == ["William Rowe"]
    # a country's other name is covered by the name that holds it
    assert _ids(GOVERNORS, "What do American officials fear?") == ["US officials"]


def test_the_switch_off_keeps_the_bare_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions, "WIDER_ROLES", False)
    assert _ids(GOVERNORS, "What did the New Jersey governor tell reporters?") == ["William Rowe"]


def test_a_lone_leader_is_taken_though_the_softmax_gives_it_no_more_than_even() -> None:
    ranked = [(("Rhea Pratt",), 1.0), (("Tom Vale",), 0.55), (("Owen Marsh",), 0.36), (("Ivy Rand",), 0.36)]
    assert describe.lone_leader(ranked, 0.49)
    close = [(("Rhea Pratt",), 1.0), (("Tom Vale",), 0.64)]  # 0.36 ahead: under LEAD_MARGIN
    assert not describe.lone_leader(close, 0.45)
    weak = [(("Rhea Pratt",), 0.4), (("Tom Vale",), 0.0)]
    assert not describe.lone_leader(weak, 0.45)
    assert not describe.lone_leader(ranked, 0.6)  # taken anyway, by the softmax


def test_the_national_committee_chairman_is_not_the_campaign_chairman(engine: Engine) -> None:
    ans = ask(engine, "What did the RNC chairman say about the opening day?")
    assert not ans.abstained
    assert "forgotten by the time the nominee speaks" in ans.hits[0].text


def test_a_relative_clause_naming_someone_else_leaves_the_description(engine: Engine) -> None:
    ans = ask(engine, "What did the Ohio congressman who backs Mills say about the platform?")
    assert not ans.abstained
    assert "a plank on steel" in ans.hits[0].text


def test_a_possessive_role_is_the_possessed_not_the_possessor(engine: Engine) -> None:
    ans = ask(engine, "What did Mills's spokeswoman say about the autumn?")
    assert not ans.abstained
    assert "visit every county" in ans.hits[0].text


def test_an_organisation_asked_as_the_company(engine: Engine) -> None:
    ans = ask(engine, "What did the company say about keeping the mills open?")
    assert not ans.abstained
    assert "keep the mills open" in ans.hits[0].text
