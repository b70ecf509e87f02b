"""Ranking evidence of round 15 (qa.rank): a caption's date is the picture's, so for a question asking
a time (and no article part) the caption lacks the asked type (PICTURE_DATES); and a country's
capital in a passage counts as the country the question names (STAND_INS, stand_in_terms)."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from index import lexical
from qa import query_reading, rank

HARBOUR = """Harbour council backs new ferry link

Mayor Tilda Renk says the ferry link to Velso will open in spring, after a year of delays

Photo by: Nordic Press

Mayor Tilda Renk speaks to residents at the harbour hall in Velso, March 3, 2024.

Updated Mar 4, 2024

The two mayors are set to meet later on Monday, when the ferry timetable is expected to be agreed.

Oslo's support for the ferry link has raised hopes in the north, officials said.

Norway has backed the bridge repairs since 2019.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "harbour", HARBOUR)


def test_a_caption_lacks_the_asked_time(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What day will the mayors meet?")
    assert f is not None
    caption = row(engine, f, "speaks to residents at the harbour hall")
    body = row(engine, f, "set to meet later on Monday")
    assert engine.passages[f.pids[caption]].kind == "caption"
    assert bool(f.wrong[caption]) and not bool(f.wrong[body])


def test_a_caption_is_no_wrong_type_when_its_part_is_asked(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When was the photo taken?")
    assert f is not None
    caption = row(engine, f, "speaks to residents at the harbour hall")
    assert not bool(f.wrong[caption])


def test_a_capital_stands_for_the_country_asked() -> None:
    assert query_reading.stand_in_terms(lexical.terms, "Has Norway's support for the link raised hopes?") == {
        "oslo": "norway"
    }
    assert query_reading.stand_in_terms(lexical.terms, "Has Oslo's support raised hopes?") == {}


def test_the_capital_counts_as_the_country_in_coverage(engine) -> None:  # type: ignore[no-untyped-def]
    question = "Has Norway's support for the ferry link raised hopes?"
    f = rank.features(engine, question)
    assert f is not None
    oslo = row(engine, f, "Oslo's support for the ferry link")
    was = query_reading.STAND_INS
    query_reading.STAND_INS = False
    try:
        g = rank.features(engine, question)
    finally:
        query_reading.STAND_INS = was
    assert g is not None
    assert f.cov_s[oslo] > g.cov_s[row(engine, g, "Oslo's support for the ferry link")]
