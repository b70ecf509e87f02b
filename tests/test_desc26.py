"""Speakers asked by a generic head for the office the article names (round 26): "the Kremlin leader"
is the one the article calls "Russian President", "the Belgian leader" the Belgian prime minister, "the
toy maker's boss" its chief executive (qa.offices, from WordNet); a seat of government stands for its
country ("the Kremlin leader" as "the Russia leader").

Article written for these tests: a summit where a Russian president, a Belgian prime minister and a
company's chief executive are quoted, and a spokesman who leads nothing.
"""

from __future__ import annotations

import pytest

from qa import describe, offices
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

SUMMIT = """Leaders quarrel over grain exports at Geneva summit

GENEVA - Russian President Ivan Sorokin said on Tuesday that the grain corridor would stay "closed
until the sanctions on our ports are lifted."

Belgian Prime Minister Anne Declercq told reporters that Europe "will not buy peace with wheat."

Marc Vidal, the chief executive of toy maker Bricola, said the shipping delays had "cost us a whole
Christmas season."

A spokesman for the summit, Tom Reyes, said the talks would resume "as soon as the ministers agree
on an agenda."
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "desc26", {"summit": SUMMIT})


def test_the_tables_are_wordnet_s() -> None:
    assert offices.generic_head("leader") and offices.generic_head("Boss")
    assert not offices.generic_head("spokesman") and not offices.generic_head("party leader")
    assert {"president", "premier", "chairman", "ceo", "governor"} <= offices.OFFICES
    assert not {"spokesman", "analyst", "adviser", "aide"} & offices.OFFICES


def test_a_generic_head_binds_the_office(engine: Engine) -> None:
    ans = ask(engine, "What did the Belgian leader say about wheat?")
    assert not ans.abstained
    assert "buy peace" in ans.hits[0].text


def test_a_seat_of_government_is_its_country(engine: Engine) -> None:
    ans = ask(engine, "According to the Kremlin leader, when will the grain corridor open?")
    assert not ans.abstained
    assert "grain corridor" in ans.hits[0].text
    assert (
        describe.seat_as_country(describe.Subject(0, 0, "Kremlin chief", "Kremlin", "chief")).owner
        == "Russia"
    )


def test_the_switches_off_bind_no_one(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa import described_source

    def bound(question: str) -> list[str]:
        found = described_source.resolve(engine, question, [])
        return found.speakers if found is not None else []

    belgian = "What did the Belgian leader say about wheat?"
    kremlin = "According to the Kremlin leader, when will the grain corridor open?"
    assert bound(belgian) == ["Anne Declercq"] and bound(kremlin) == ["Ivan Sorokin"]
    monkeypatch.setattr(describe, "OFFICE_HEADS", False)
    assert bound(belgian) == []
    monkeypatch.setattr(describe, "SEATS", False)
    assert bound(kremlin) == []
