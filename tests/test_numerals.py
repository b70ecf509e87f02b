"""Numbers written in words where the documents write digits (qa.numerals, round 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import numerals

# What a made-up document holds: "the 41st annual fair", "9,000 visitors", "founded in 1987", "$6 million".
HELD = {"41st", "41", "st", "9,000", "9000", "1987", "6 million", "6", "million", "two", "annual", "fair"}


def held(text: str) -> bool:
    return text.lower() in HELD


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Was it the forty-first fair?", "Was it the 41st fair?"),
        ("Did nine thousand visitors come?", "Did 9,000 visitors come?"),
        ("Was the club founded in nineteen eighty-seven?", "Was the club founded in 1987?"),
        ("Was it founded in one thousand nine hundred and eighty-seven?", "Was it founded in 1987?"),
        ("Did the fair cost six million dollars?", "Did the fair cost 6 million dollars?"),
        # The documents write the words themselves: left as typed.
        ("Did the two mayors open the fair?", "Did the two mayors open the fair?"),
        # A value the documents never write: the words are what is asked.
        ("Was it the forty-second fair?", "Was it the forty-second fair?"),
        ("Did ten thousand visitors come?", "Did ten thousand visitors come?"),
        # "second" alone is a unit of time as often as an ordinal.
        ("Was it over in a second?", "Was it over in a second?"),
    ],
)
def test_as_digits(question: str, expected: str) -> None:
    assert numerals.as_digits(question, held) == expected


def test_fractions_of_a_scale() -> None:
    have = {"250,000", "250000", "500,000"}
    assert numerals.as_digits("Were a quarter of a million people there?", have.__contains__) == (
        "Were 250,000 people there?"
    )
    assert numerals.as_digits("Did half a million come?", have.__contains__) == "Did 500,000 come?"


def test_a_day_of_the_month_is_written_bare_too() -> None:
    """ "September twenty-ninth" of a text that says "Sep 29"; an ordinal with no month stays an ordinal."""
    have = {"29", "3"}
    assert numerals.as_digits("Was it updated on September twenty-ninth?", have.__contains__) == (
        "Was it updated on September 29?"
    )
    assert (
        numerals.as_digits("on the twenty-ninth of September", have.__contains__) == "on the 29 of September"
    )
    assert numerals.as_digits("When is the third debate?", have.__contains__) == "When is the third debate?"


ARTICLE = """Harbour fair draws record crowd

The 41st annual harbour fair opened on Saturday in Low Fenwick, and 9,000 visitors came on its first
day, the organisers said. The fair was founded in 1987 by the fishing cooperative.

"We have never seen a crowd like it," said Nadia Kerr, who chairs the fair's committee.
"""


@pytest.fixture(scope="module")
def fair_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("fair")
    (docs / "fair.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "fair.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_an_ordinal_in_words_is_searched_as_the_article_writes_it(fair_engine) -> None:  # type: ignore[no-untyped-def]
    """ "the forty-first fair" was declined: the article only says "41st"."""
    from qa.session import Conversation

    a = Conversation(fair_engine).ask("was this the forty-first harbour fair")
    assert a.searched == "was this the 41st harbour fair"
    assert not a.abstained, a.reason
    assert "41st annual harbour fair" in a.hits[0].text
