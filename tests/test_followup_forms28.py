"""Follow-up and parts forms read in round 28 (news28): a demonstrative before a noun ("Where was
that rally?", "what had that senator said") points back at the previous answer as "that" alone does;
a writer's contact line ("Twitter: @name") answers "whose twitter handle ends the column"; "what day
did the Herald run the story" asks the date line and "who is credited on the article" the byline.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

import pytest
from conversation import talk

from qa import followup, intent, rank
from qa.engine import Engine
from tests.hashindex import hash_engine_of

CROWN = """Student in paper crown crashes senator's rally

A college student known online as capkid slipped into a rally for Senator Ruth Alvarez last month in Dover, wearing a paper crown and a sign.

Organisers said crowds at the senator's events had doubled since the spring, and more were planned.

At a later rally in Harwick, Alvarez spoke about farm subsidies and rural broadband for an hour.

The student told reporters he had meant the crown as a joke about the campaign's slogan.
"""

COLUMN = """Opinion: The bridge vote was a bargain

The council finally voted to repair the old river bridge, and the price was lower than feared.

Critics called the repairs a waste, but a closed bridge would have cost the town far more in lost trade.

Twitter: @rkovac.
"""

MILL = """Paper mill to close in June

The Portvale paper mill will close in June, its owners announced on Friday.

Rita Gomez, a union steward at the mill, said talks with the owners would resume next week.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine_of(
        tmp_path_factory,
        "forms28",
        {
            "city-post_2021-05-02_student-crashes-rally.txt": CROWN,
            "city-post_2021-05-03_bridge-vote-bargain.txt": COLUMN,
            "city-post_2021-05-04_paper-mill-to-close.txt": MILL,
        },
    )


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("Where was that rally?", True),
        ("what had that senator said about cruz", True),
        ("Why that one?", True),
        ("When did that policy start?", True),
        # a conjunction or a pronoun subject, not a demonstrative before a noun
        ("Was this the first time?", False),
        ("Who told him that story?", False),
        ("Is there a deadline?", False),
    ],
)
def test_a_demonstrative_before_a_noun_points_back(question: str, points: bool) -> None:
    assert followup.points_back(question) is points


def test_that_rally_is_the_rally_just_shown(engine: Engine) -> None:
    answer = talk(engine, "Who is capkid?", "Where was that rally?", need_hits=True)
    assert answer.searched == "Where was that rally?"
    assert "in Dover" in answer.hits[0].text


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("whose twitter handle ends the column on the bridge vote", ("byline", "footer")),
        ("What is the author's Twitter handle?", ("byline", "footer")),
        ("what's the columnist's email address", ("byline", "footer")),
        ("which twitter handle is at the end of the article", ("byline", "footer")),
        ("What day did the Herald run the ferry story?", ("dateline",)),
        ("Who is credited on the article about the mill?", ("byline", "footer")),
        # handles and credits of the news, not of the article
        ("What is Trump's Twitter handle?", ()),
        ("How did the author handle the criticism?", ()),
        ("who is credited with the rescue", ()),
        ("What day did the senator run the marathon?", ()),
    ],
)
def test_part_wordings(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


def test_the_contact_line_answers_whose_handle_ends_the_column(engine: Engine) -> None:
    # a column with no "By" line: its closing contact line is the byline the index labels
    a = rank.answer(engine, *(["whose twitter handle ends the column on the bridge vote"] * 2), 3)
    assert not a.abstained
    assert a.hits[0].text.startswith("Twitter: @rkovac")
