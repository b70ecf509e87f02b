"""A person whose given name is also a place ("Chad", "Jordan") is a person when the article gives
them "he" or "she": "he" after "Who is Chad Ellery?" is Ellery, not the other man his passage names
(news_heldout14 n14b8: "Chad Sweet" was read as a group and "he" took Cruz).

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa.engine import Engine
from qa.referents import kind_of_name

_PARAGRAPHS = [
    "Chad Ellery, the Marlow campaign's chairman, said Marlow's remarks answer attacks that Dunmore "
    "made about his record. Ellery said he believes the attacks were set off by Marlow's rising poll "
    "numbers in the northern counties.",
    "Dunmore told a rally in Pellham on Friday that Marlow had never run a business and could not be "
    "trusted with the state budget.",
    "Georgia Fenwick, who manages the Pellham food bank, said she has seen demand double since the "
    "spring. Fenwick said her volunteers now work six days a week.",
]
RACE = "Marlow and Dunmore trade blows\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def race(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("race-docs")
    (docs / "race.txt").write_text(RACE, encoding="utf-8")
    target = tmp_path_factory.mktemp("race-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(("name", "gender"), [("Chad Ellery", "m"), ("Georgia Fenwick", "f")])
def test_a_place_as_given_name_with_a_gender_is_a_person(name: str, gender: str) -> None:
    r = kind_of_name(name, gender, True)
    assert (r.kind, r.gender) == ("person", gender)


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Chad Ellery", None), ("Georgia Power", "n"), ("Israel Police", "m"), ("Pellham Food Bank", "f")],
)
def test_a_place_opening_a_name_without_he_or_she_stays_a_group(name: str, gender: str | None) -> None:
    """No gender, "its", or an organisation's word after the place: not a person's name."""
    assert kind_of_name(name, gender, True).kind != "person"


def test_he_after_who_is_is_the_person_asked_about(race: Engine) -> None:
    answer = talk(race, "Who is Chad Ellery?", "what does he say set off dunmore's attacks")
    assert "Ellery" in answer.searched and "Marlow say" not in answer.searched, answer.searched


def test_she_after_who_is_is_the_person_asked_about(race: Engine) -> None:
    answer = talk(race, "Who is Georgia Fenwick?", "how often do her volunteers work", need_hits=True)
    assert "Fenwick" in answer.searched, answer.searched
    assert "six days" in answer.hits[0].text
