"""A question asking which of the sources a description fits said something (qa.which_speaker):
"which mayor praised ...", "which official ruled out ..." read as a speech question asking for every
source the description fits, the rest of the question its topic."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import query_reading, rank, which_speaker

# Two mayors (so "which mayor" fits two sources) and a harbour master, each quoted.
TOWNS = """Two mayors split over the ferry link

Updated Mar 4, 2024

Mayor Tilda Renk of Velso spoke to the harbour assembly on Monday.

"The fishermen of the north are bravely keeping this harbour alive through every storm," Renk said.

"There can be no return to the old timetable after so many cancelled crossings," Mayor Oskar Brand of Nurm said.

"The pier lights will be replaced before the winter season," harbour master Ines Kolb said.

Brand said the ferry company must publish its accounts before the council votes on new money.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "towns", TOWNS)


@pytest.mark.parametrize(
    ("question", "description", "verb"),
    [
        ("which mayor praised the courage of the northern fishermen", "mayor", "praised"),
        ("Which harbour official ruled out new lights?", "harbour official", "ruled"),
        ("which head of state warned about the storms", "head of state", "warned"),
    ],
)
def test_the_form_is_parsed(question: str, description: str, verb: str) -> None:
    parsed = which_speaker.parse(question)
    assert parsed is not None and parsed[:2] == (description, verb)
    assert description not in parsed[3]  # the question without its description


@pytest.mark.parametrize(
    "question",
    [
        "Which countries did Obama name as partners?",  # an auxiliary: the noun is the object
        "Which ferry company publishes its accounts?",  # no cue verb
        "And which other mayor appears in the photo?",  # a verb of seeming without "to"
        "Which head of state is in the photo?",  # "state" is the noun, not the verb
        "Who praised the fishermen?",  # no description
    ],
)
def test_other_questions_are_not_read(question: str) -> None:
    assert which_speaker.parse(question) is None


def test_every_source_the_description_fits_is_asked(engine) -> None:  # type: ignore[no-untyped-def]
    q = "which mayor praised the courage of the northern fishermen"
    read = query_reading._read(engine, q)
    assert read.speech
    assert set(read.wanted) == {"Tilda Renk", "Oskar Brand"}  # not the harbour master
    assert read.claim_terms == {}  # no longer a "who said" claim
    assert "mayor" not in read.consumed  # BM25 and dense read the question without its description


def test_the_answer_is_a_fitting_sources_words(engine) -> None:  # type: ignore[no-untyped-def]
    q = "which mayor ruled out going back to the old timetable"
    read = query_reading._read(engine, q)
    assert read.speech and "Oskar Brand" in read.wanted
    answer = rank.answer(engine, q, q, 3)
    assert not answer.abstained and "no return to the old timetable" in answer.hits[0].text


def test_a_description_no_source_fits_is_not_read(engine) -> None:  # type: ignore[no-untyped-def]
    assert which_speaker.read(engine, "which news agency reported the storm damage") is None


def test_the_switch_off_reads_as_before(engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    q = "which mayor ruled out going back to the old timetable"
    monkeypatch.setattr(which_speaker, "WHICH_SPEAKER", False)
    assert which_speaker.read(engine, q) is None
    assert not query_reading._read(engine, q).speech
