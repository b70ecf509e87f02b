"""A name's apposition read past a generational suffix and an age (qa.describe.NAME_TRAILERS, round
29): "Rear Adm. Owen T. Marsh Jr., who leads the Northern Fleet Command," and "Nora Pike, 34, a
Vellmark native who runs the bakery," describe Marsh and Pike; "Tom Gale, 66, said ..." gives Gale
no description.

Articles written for these tests: a naval drill with two officers quoted (one with a suffix, one
with a plain apposition) and a market reopening with three residents quoted (two with an age before
their apposition, one with an age and then a verb).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import describe
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

DRILL = """Navy drills off the northern coast

Rear Adm. Owen T. Marsh Jr., who leads the Northern Fleet Command, watched the drills from a
destroyer on Tuesday. "These exercises keep our sailors ready for any storm," Admiral Marsh said.

Capt. Lia Dorn, the harbour master of Port Edda, was less pleased. "Every drill closes the shipping
lanes for a day and costs the fishermen a catch," Captain Dorn said.

Charles Reeve III, the mayor of Port Edda, said the town would ask the navy for compensation.
"""

MARKET = """Market reopens after the flood

The covered market reopened on Saturday, three months after the river burst its banks.

"We open at dawn again, and the queue was already round the corner," said Nora Pike, 34, a Vellmark
native who runs the bakery by the east gate.

Sam Ortiz, 52, the town's fire chief, said the old wiring had been replaced. "The building is safer
now than it has been in fifty years," he said.

Tom Gale, 66, said on Monday that the rents had doubled. "Nobody can pay that," Mr. Gale said.
"""


def test_an_apposition_after_a_suffix_describes_the_name() -> None:
    got = describe.contexts(DRILL, ["Owen T. Marsh", "Marsh"])
    assert "who leads the Northern Fleet Command" in got
    got = describe.contexts(DRILL, ["Charles Reeve", "Reeve"])
    assert "the mayor of Port Edda" in got


def test_an_apposition_after_an_age_describes_the_name() -> None:
    got = describe.contexts(MARKET, ["Nora Pike", "Pike"])
    assert "a Vellmark native who runs the bakery by the east gate" in got
    assert "the town's fire chief" in describe.contexts(MARKET, ["Sam Ortiz", "Ortiz"])


def test_a_verb_after_an_age_is_no_description() -> None:
    # "Tom Gale, 66, said on Monday ...": the sentence's verb, not an apposition of Gale's.
    assert not any("said" in c for c in describe.contexts(MARKET, ["Tom Gale", "Gale"]))


def test_without_the_switch_the_apposition_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(describe, "NAME_TRAILERS", False)
    assert not any("Vellmark" in c for c in describe.contexts(MARKET, ["Nora Pike", "Pike"]))
    assert not any("Fleet" in c for c in describe.contexts(DRILL, ["Owen T. Marsh", "Marsh"]))


@pytest.fixture(scope="module")
def towns(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "desc29", {"drill": DRILL, "market": MARKET})


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did the Northern Fleet commander say about the exercises?", "ready for any storm"),
        ("What did the Vellmark native say about the queue?", "round the corner"),
        ("What did the fire chief say about the building?", "building is safer"),
    ],
)
def test_a_source_described_past_its_suffix_or_age_is_answered(
    towns: Engine, question: str, said: str
) -> None:
    a = ask(towns, question)
    assert not a.abstained, a.reason
    assert said in towns.passages[a.hits[0].pid].text
