"""A number asked by the noun that names a count ("the death toll", "the tally", "a casualty figure"):
read as a number question, so a sentence giving the number beside the question's other words answers
it though the documents never write the noun (qa.answer_type.question_type, round 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import answer_type


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the death toll of the flood?", "number"),
        ("What's the human toll of the storm so far?", "number"),
        ("what is the toll of the flooding in lives", "number"),
        ("What casualty figure does the report give?", "number"),
        ("What is the tally of homes lost?", "number"),
        ("What counts as a flood?", None),
        ("What tolls has the bridge company levied on drivers?", None),
        ("What did the mayor say about the flood?", None),
    ],
)
def test_count_nouns_ask_a_number(question: str, kind: str | None) -> None:
    assert answer_type.question_type(question) == kind


ARTICLE = """Flood waters recede in the valley

The river burst its banks on Tuesday in the Low Fenwick valley, and at least 40 people lost their lives
in the flood, the county said. Hundreds of homes were left under water.

"We will rebuild," said Mayor Helen Ortiz, who visited the shelters on Wednesday.
"""


@pytest.fixture(scope="module")
def flood_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("flood")
    (docs / "flood.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "flood.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_the_death_toll_is_answered_by_the_lives_lost(flood_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(flood_engine).ask("What is the death toll of the flood in the valley?")
    assert not a.abstained, a.reason
    assert "40 people lost their lives" in a.hits[0].text
