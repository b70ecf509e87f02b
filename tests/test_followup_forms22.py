"""Follow-up forms of real conversations read since fup22: "To what end?" asks why; "so", "that,
according to ..." and "those worries" point back at the previous answer; "How did X respond?" asks
for X's reaction; "And X in Y?" puts X and its place or time in the previous question's slots; after
"Who is X's running mate?", "he" is the running mate.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.session import Conversation, _asks_for_someone

_PARAGRAPHS = [
    "Turnout among young voters fell by a third in Millbrook, the county clerk said on Monday.",
    "In Eastport, older voters turned out in record numbers, while turnout among rural voters fell by "
    "a quarter in Eastport compared with the last election.",
    "Governor Ruth Calloway picked state senator Owen Tasker as her running mate on Friday.",
    '"The clinic closures were a mistake, and I have said so from the start," Tasker said of the '
    "governor's budget.",
    'Calloway defended the budget. "We balanced the books without raising a single tax," she said.',
    "Tasker raised 2 million dollars from farm donors last year, more than any other candidate.",
]
TURNOUT = "Turnout falls in the county\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("county-docs")
    (docs / "county.txt").write_text(TURNOUT, encoding="utf-8")
    target = tmp_path_factory.mktemp("county-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize("question", ["To what end?", "towards what end", "For what reason?", "What for?"])
def test_a_purpose_is_asked_as_why(question: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word) == ("bare", "why")


@pytest.mark.parametrize("question", ["What end did he have in mind?", "For what did they vote?"])
def test_not_a_purpose(question: str) -> None:
    assert followup.read(question).name != "bare"


@pytest.mark.parametrize(
    "question",
    [
        "Does he still think so?",
        "Who says so?",
        "whose fault is that, according to the americans",
        "Who is behind that, in her opinion?",
        "has putin changed course because of those worries",
    ],
)
def test_points_back(question: str) -> None:
    assert followup.points_back(question)


@pytest.mark.parametrize("question", ["Is it so expensive?", "So what did they say?", "Which states voted?"])
def test_does_not_point_back(question: str) -> None:
    assert not followup.points_back(question)


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("How did Cruz respond?", "Cruz"),
        ("How did Trump hit back?", "Trump"),
        ("And how did the mayor react?", "the mayor"),
    ],
)
def test_how_did_x_respond_is_a_reaction(question: str, who: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word, kind.target) == ("about", "react", who)


def test_a_circumstance_is_split_from_x() -> None:
    assert followup.split_circumstance("Romney in 2012") == ("Romney", "in 2012")
    assert followup.split_circumstance("rural voters in Eastport") == ("rural voters", "in Eastport")
    assert followup.split_circumstance("Ted Cruz") is None
    assert followup.split_circumstance("the tax in question") is None  # no name, no year


def test_a_circumstance_takes_the_place_of_the_previous_one() -> None:
    prev = "How far did turnout among young voters fall in Millbrook?"
    headed = followup.replace_head(prev, "rural voters")
    assert headed == "How far did turnout among rural voters fall in Millbrook?"
    assert followup.put_circumstance(headed, "in Eastport") == (
        "How far did turnout among rural voters fall in Eastport?"
    )
    assert (
        followup.put_circumstance("How much has Tasker raised?", "in 2012")
        == "How much has Tasker raised in 2012?"
    )
    assert followup.replace_head(prev, "Eastport") is None  # one word: a name, not a noun phrase


def test_and_x_in_y_in_a_conversation(county: Engine) -> None:
    a = talk(
        county, "How far did turnout among young voters fall in Millbrook?", "And rural voters in Eastport?"
    )
    assert a.searched == "How far did turnout among rural voters fall in Eastport?", a.searched


def test_a_named_subject_is_replaced_not_appended(county: Engine) -> None:
    conv = Conversation(county)
    conv.ask("How much has Tasker raised from farm donors?")
    plan = conv.resolve("And Calloway in 2012?")
    assert plan.readings[0] == "How much has Calloway raised from farm donors in 2012?", plan.readings


def test_a_possessed_relation_asks_for_someone() -> None:
    assert _asks_for_someone("Who is Ruth Calloway's running mate?")
    assert not _asks_for_someone("Who is Ruth Calloway?")


def test_he_after_whose_running_mate_is_the_running_mate(county: Engine) -> None:
    a = talk(county, "Who is Ruth Calloway's running mate?", "What has he said about the clinic closures?")
    assert "Tasker" in a.searched and "Calloway" not in a.searched, a.searched
