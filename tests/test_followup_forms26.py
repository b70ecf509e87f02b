"""Follow-up forms of real conversations read since fup26: "it" after "a photo of Nordtel's mast" is
the photo (the phrase written first), not the mast; "And Hendry's plan?" takes the place of the
previous question's phrase of the same head noun ("Vogel's tax plan"), not of its owner alone; an
article before a pronoun ("What is the those forced to flee ...") is a garbled rewrite.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.referents import owned_phrases

_PARAGRAPHS = [
    "Chancellor Ingrid Vogel presented her tax plan on Tuesday. Vogel's tax plan would raise 4 billion "
    "euros over five years, according to the Lindau Budget Office.",
    "Her rival Paul Hendry offered a plan of his own. Hendry's plan would raise only 1 billion "
    "euros over the same five years, the office said.",
    "A reporter from the Lindau Herald took a photo of Nordtel's new mast on the hill above the town.",
    "The photo showed workers fixing a cracked dish near the top of the mast.",
    "The storm last winter forced 300 families to flee the valley. Most of those who left have not "
    "come back, the mayor said.",
]
TAXES = "Vogel and Hendry clash over taxes\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def taxes(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("taxes-docs")
    (docs / "taxes.txt").write_text(TAXES, encoding="utf-8")
    target = tmp_path_factory.mktemp("taxes-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_things_named_without_the_come_in_the_order_written() -> None:
    """The head is written first; the possessive thing after "of" only complements it."""
    assert [r.text for r in owned_phrases("Who took a photo of Nordtel's new mast?")] == [
        "the photo",
        "Nordtel's new mast",
    ]
    assert [r.text for r in owned_phrases("Was Nordtel's statement about a strike?")] == [
        "Nordtel's statement",
        "the strike",
    ]
    assert [r.text for r in owned_phrases("Did Nordtel's statement change?")] == ["Nordtel's statement"]


def test_it_is_the_thing_written_first(taxes: Engine) -> None:
    answer = talk(taxes, "Who took a photo of Nordtel's new mast?", "What did it show?", need_hits=True)
    assert "the photo" in answer.searched and "mast show" not in answer.searched
    assert "cracked dish" in answer.hits[0].text


def test_and_x_takes_the_place_of_the_phrase_of_its_head(taxes: Engine) -> None:
    answer = talk(
        taxes,
        # "according to the Lindau Budget Office" left out: the money gate then asks a figure of the
        # office as well as of Hendry and declines (qa.money_thing, not the reading's doing).
        "How much would Vogel's tax plan raise?",
        "and Hendry's plan",
        need_hits=True,
    )
    assert answer.searched.startswith("How much would Hendry's plan raise"), answer.searched
    assert "plan's" not in answer.searched
    assert "1 billion" in answer.hits[0].text


def test_a_circumstance_is_not_a_phrase_of_the_same_head(taxes: Engine) -> None:
    """ "And in the Herald poll?" is no noun phrase: it does not replace "the Budget Office poll"."""
    answer = talk(taxes, "What did the Budget Office poll find for Vogel?", "And in the Herald poll?")
    assert "Office/" not in answer.searched and "the in" not in answer.searched


@pytest.mark.parametrize(
    "text",
    [
        "What is the those forced to flee of the storm?",
        "Who did the he meet?",
        "What did a they say?",
    ],
)
def test_an_article_before_a_pronoun_is_garbled(text: str) -> None:
    assert followup.garbled(text) == "article before a pronoun"


@pytest.mark.parametrize(
    "text",
    ["What did those forced to flee say?", "Who is the Who's drummer?", "What did the man who left say?"],
)
def test_a_pronoun_after_a_noun_is_not_garbled(text: str) -> None:
    assert followup.garbled(text) == ""


def test_what_about_a_group_is_not_put_in_place_of_a_noun(taxes: Engine) -> None:
    answer = talk(taxes, "How many families did the storm force to flee?", "what about those who left")
    assert not followup.garbled(answer.searched), answer.searched
