"""An acronym in the possessive ("UVA's") is excused like the bare acronym: the documents may spell it
out ("University of Virginia"), so it is no proof that they do not mention what is asked (nh18 n18g1,
bench/reports/speak33.md). Article and questions written for this test."""

from __future__ import annotations

import pytest

from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

RACE = (
    "Governor's race tightens in final week\n\n"
    "Larry Sabato, who directs the University of Virginia's Center for Politics, said the governor's "
    'race "is now a true toss-up" after the last debate.\n\n'
    "Both campaigns spent the weekend in the northern suburbs, where turnout decides most elections.\n"
)


@pytest.fixture(scope="module")
def race(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "race", RACE)


@pytest.mark.parametrize("asked", ["UVA's", "UVA’s", "the UVA"])
def test_a_possessive_acronym_is_not_an_unknown_name(race: Engine, asked: str) -> None:
    answer = Conversation(race).ask(f"How does {asked} center rate the race?", 3)
    assert "UVA" not in answer.reason
    assert not answer.abstained
    assert "toss-up" in answer.passages[0].text


def test_an_unknown_name_in_the_possessive_is_still_unknown(race: Engine) -> None:
    answer = Conversation(race).ask("How does Rutgers's center rate the race?", 3)
    assert answer.abstained and "Rutgers" in answer.reason
