"""A frame naming whose view is asked without a view noun (qa.view_frame): "in X's eyes", "in the
eyes of X", "as X sees it" read as "according to X" does: a speech question with X as its speaker."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from qa import describe, query_reading, rank, view_frame
from qa import question as questions

HARBOUR = """Harbour council split over ferry link

Mayor Tilda Renk says the ferry link to Velso must open in spring, whatever the cost

Updated Mar 4, 2024

Mayor Tilda Renk told residents at the harbour hall that the council would vote on the ferry link next week.

"Only the fishermen of the north are truly keeping this harbour alive, and they need the ferry," Renk said.

"The bridge repairs cannot go back to the old plan after so many delays," Councillor Aksel Dahl said.

The ferry link has been planned since 2019 and the harbour trust has paid for two surveys of the strait.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "harbour", HARBOUR)


@pytest.mark.parametrize(
    ("question", "owner"),
    [
        ("in renk's eyes, who is really keeping the harbour alive", "renk"),
        (
            "In the eyes of the harbour councillor, can the repairs go back to the old plan?",
            "the harbour councillor",
        ),
        ("could the repairs go back to the old plan, as the councillor sees it", "the councillor"),
        ("Is the ferry worth it in Tilda Renk's estimation?", "Tilda Renk"),
    ],
)
def test_the_frame_names_the_owner_of_the_view(question: str, owner: str) -> None:
    m = view_frame.view_frame(question)
    assert m is not None and m.group("s") == owner
    assert questions.is_speech_question(question)
    assert describe.view_source(question) == owner


@pytest.mark.parametrize(
    "question",
    [
        "What colour are the mayor's eyes?",  # eyes, but no frame of a view
        "When was the ferry link first planned?",
        "Who paid for the surveys of the strait?",
        "Who saw the surveys first, as the vote began?",  # a verb of seeing, no "as X sees it"
    ],
)
def test_no_frame_no_speech_cue(question: str) -> None:
    assert view_frame.view_frame(question) is None
    assert not questions.is_speech_question(question)


def test_the_switch_off_reads_no_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_frame, "VIEW_FRAMES", False)
    q = "in renk's eyes, who is really keeping the harbour alive"
    assert view_frame.view_frame(q) is None
    assert not questions.is_speech_question(q)
    # The view nouns were read before this module and still are.
    assert questions.is_speech_question("in renk's view, who is really keeping the harbour alive")


def test_the_owner_is_the_asked_speaker_and_their_quote_ranks_first(engine) -> None:  # type: ignore[no-untyped-def]
    q = "in renk's eyes, who is really keeping the harbour alive"
    read = query_reading._read(engine, q)
    assert read.speech and read.wanted == ["Tilda Renk"]
    f = rank.features(engine, q)
    assert f is not None
    scores = rank.combine(f, rank.Weights())
    quote = row(engine, f, "Only the fishermen of the north")
    assert int(scores.argmax()) == quote


def test_as_the_speaker_sees_it_asks_the_speaker(engine) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, "could the bridge repairs go back to the old plan, as Dahl sees it")
    assert read.speech and read.wanted == ["Aksel Dahl"]
