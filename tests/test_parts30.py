"""Parts questions in wordings nh16 brought (round 30): an article called a profile, the second line
of a headline written on two lines, and the outlet as the subject of "file" ("From which city does
the Herald file its piece on X?"). Articles of the test's own."""

from __future__ import annotations

import pytest

from qa import intent, rank
from qa.engine import Engine
from tests.hashindex import hash_engine_of

PROFILE = """How a flood made Mayor Okafor a builder.

Grace Okafor was a quiet councillor until the river broke its banks in 2019 and took the lower town with it.

She spent the next four years rebuilding the harbour walls, and she says the work changed her.
"""
DEBATE = """Absent mayor mocks council debate;\x20
Reyes takes most questions from rivals in radio forum.

The mayor stayed away from Thursday's council debate and held a rally across the river instead.

Councillor Dan Reyes answered most of the questions from the four other candidates.
"""
FERRY = """Ferry fans cannot let go.

PORTVALE — Hundreds of supporters of the old Orkney ferry rallied at the harbour on Saturday.

The ferry stopped running in March after the board ended its grant.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine_of(
        tmp_path_factory,
        "parts30",
        {
            "city-herald_2021-05-01_how-a-flood-made-mayor-okafor.txt": PROFILE,
            "city-herald_2021-05-02_absent-mayor-mocks-council.txt": DEBATE,
            "city-herald_2021-05-03_ferry-fans-cannot-let-go.txt": FERRY,
        },
    )


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("what's the title of the herald profile of the mayor", ("headline", "standfirst")),
        ("Who wrote the profile of the senator?", ("byline", "footer")),
        ("What does the second line of the Herald debate headline say?", ("standfirst", "headline")),
        ("From which city does the Herald file its piece on the ferry fans?", ("dateline",)),
        ("where did the Post file the story on the mill from?", ("dateline",)),
        # not parts: a profile that is no article, a line that is no headline's, filing that is no story's
        ("What is the profile of the typical voter?", ()),
        ("What is the second line of defense?", ()),
        ("Which city does Trump file his taxes in?", ()),
        ("Where does the company file its lawsuits?", ()),
    ],
)
def test_part_wordings(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


def test_filed_from_asks_the_place() -> None:
    assert intent.read("From which city does the Herald file its piece on the ferry fans?").filed_from


def _top(engine: Engine, question: str) -> str:
    a = rank.answer(engine, question, question, 3)
    assert not a.abstained
    return a.hits[0].text


def test_the_parts_answer(engine: Engine) -> None:
    assert _top(engine, "what's the title of the herald profile of grace okafor").startswith("How a flood")
    assert _top(engine, "What does the second line of the Herald debate headline say?").startswith(
        "Absent mayor"
    )
    assert _top(engine, "From which city does the Herald file its piece on the ferry fans?").startswith(
        "PORTVALE"
    )
