"""Answerable questions the decline tests misread (round 26, bench/reports/wrong26.md): an either/or
question whose one alternative the documents lack ("on Sunday or Monday?", "by Reuters or AP?") was
declined as naming what they do not mention, and "who is credited at the bottom of the piece?" was
read as no part question and declined off topic; "Who won the title?" and "What title does the story
give X?" were read as asking for the headline. Each is checked on short articles of this test's
own, beside a question still declined."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import either_or, intent
from tests.hashindex import hash_engine_of

FERRY = """Harbour ferry returns after repairs

The city's oldest ferry is back on the water after a winter in dry dock.

Photo by: Halden Press

The Kessel harbour ferry sailed again on Sunday, carrying its first passengers of the season across
the bay. The harbour master, Ines Vold, said the repairs had cost more than the council planned.

"We are glad to see her back," Vold said. The ferry was built in 1931.

Kessel Courier and agencies
"""


@pytest.fixture(scope="module")
def engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine_of(tmp_path_factory, "ferry26", {"ferry.txt": FERRY})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did the ferry sail on Sunday or Monday?", [["Sunday", "Monday"]]),
        ("Was it Vold or Holm who spoke?", [["Vold", "Holm"]]),
        ("Was the photo by Reuters, AP or AFP?", [["Reuters", "AP", "AFP"]]),
        ("Was the ferry built in 1931 or 1913?", [["1931", "1913"]]),
        ("Did the ferry sail again or not?", []),
    ],
)
def test_the_choices_a_question_offers(question: str, expected: list[list[str]]) -> None:
    assert either_or.choices(question) == expected


def test_only_the_alternatives_beside_a_held_one_are_excused() -> None:
    held = {"Sunday", "Vold"}.__contains__
    assert either_or.unheld_alternatives("Did it sail on Sunday or Monday?", held) == {"Monday"}
    # no alternative held: nothing excused, the gates decline as before
    assert either_or.unheld_alternatives("Did it sail on Friday or Monday?", held) == set()
    assert either_or.unheld_alternatives("Did it sail on Monday?", held) == set()


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("who is credited at the bottom of the piece", ("footer", "byline")),
        ("Who is credited at the end of the article?", ("footer", "byline")),
        ("who gets the credit at the end of the story", ("footer", "byline")),
        # whom the article credits with something is its content
        ("Who is credited with the rescue?", ()),
        ("who is credited with the rescue at the end of the war", ()),
    ],
)
def test_the_credit_at_the_bottom_is_a_part(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("What is the title?", ("headline", "standfirst")),
        ("and the title?", ("headline", "standfirst")),
        ("Is the harbour named in the title?", ("headline", "standfirst")),
        ("what title did the paper give the story", ("headline", "standfirst")),
        ("What title was given to the article?", ("headline", "standfirst")),
        # a title someone wins, holds or is given is the article's content
        ("Who won the title?", ()),
        ("Which club defended its title?", ()),
        ("What title does the story give Vold?", ()),
        ("What title does the piece use for the harbour master?", ()),
    ],
)
def test_a_title_is_the_headline_only_where_the_article_shows_it(
    question: str, parts: tuple[str, ...]
) -> None:
    assert intent.read(question).parts == parts


def test_an_either_or_with_one_alternative_in_the_article_is_answered(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(engine).ask("Did the ferry sail again on Sunday or Monday?")
    assert not a.abstained, a.reason
    assert "Sunday" in a.hits[0].text
    b = Conversation(engine).ask("Was it Ines Vold or Ola Holm who spoke about the repairs?")
    assert not b.abstained, b.reason
    # neither alternative in the article: still declined
    c = Conversation(engine).ask("Was it Ola Holm or Per Strand who spoke about the repairs?")
    assert c.abstained, c.reason


def test_the_credit_at_the_bottom_is_answered(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(engine).ask("who is credited at the bottom of the piece")
    assert not a.abstained, a.reason
    assert "Kessel Courier" in a.hits[0].text
