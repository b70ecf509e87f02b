"""Parts questions that describe one article among several (round 27): the outlet a file name clips
("wash-herald_..." for "the Washington Herald's story"), and parts the indexer leaves in the body (a
brief's sign-off, a closing credit run on into the last paragraph, an opinion piece's author note, an
update line), asked in words the part patterns did not read ("the brief", "the Herald report", "has
the article been updated", "which column is the piece from")."""

from __future__ import annotations

import pytest

from qa import intent, part_evidence, query_reading, rank
from qa.engine import Engine
from tests.hashindex import hash_engine_of

FERRY = """Harbour board backs ferry route

PORTVALE - The harbour board approved a ferry route to Orkney on Tuesday after a decade of debate.

Mayor Elena Marsh welcomed the vote and said the route would open in the spring.

The fishermen's union backed the plan after the board promised new moorings.Contributing: Sam Lee
"""
BRIDGE = """Council delays bridge repairs

WASHINGTON - The council delayed repairs to the old river bridge until next year.

Engineers said the bridge was safe for now, and the Herald's readers wrote in to complain.

This article has been updated to include comments from the engineers' union.
"""
BRIEFS = """In brief

Farmers in the valley reported the driest March in forty years, and the water board asked homes to save water.--Jane Roe.

The museum reopened its east wing on Monday after repairs to the roof and the lifts.--Tom Reed.
"""
SCHOOLS = """Schools can still recover; \nClassroom Notes.

The pandemic years left many pupils behind, but the gap can close with patient work.

Tutoring programmes in three districts showed real gains within a single year.

Teachers need time, not new slogans, to rebuild what was lost.

Anna Kovac, a former headteacher who ran two village schools, teaches education policy at Portvale College.
"""

MILL = """Paper mill to close in June

The Portvale paper mill will close in June, its owners announced on Friday.

Rita Gomez, a union steward at the mill, said the talks would resume next week.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine_of(
        tmp_path_factory,
        "parts27",
        {
            "wash-herald_2021-03-04_harbour-board-backs-ferry.txt": FERRY,
            "city-post_2021-03-05_council-delays-bridge.txt": BRIDGE,
            "city-post_2021-03-06_in-brief.txt": BRIEFS,
            "city-post_2021-03-07_schools-can-still-recover.txt": SCHOOLS,
            "city-post_2021-03-08_paper-mill-to-close.txt": MILL,
        },
    )


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("who wrote the brief about the dry March", ("byline", "footer")),
        ("Who contributed to the Herald report on the ferry route?", ("footer", "byline")),
        ("has the city post article on the bridge been updated, and with what", ("update", "dateline")),
        ("Has the story been corrected?", ("update", "dateline")),
        ("Which Post column is the piece on schools from?", ("headline", "standfirst")),
        ("When was the article updated?", ("dateline",)),
        ("when was it last updated?", ("dateline",)),
        ("Who contributed to the fund?", ()),
        ("Has the bridge been repaired?", ()),
    ],
)
def test_part_wordings(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


def test_a_clipped_outlet_stands_for_the_name_written_out(engine: Engine) -> None:
    got = part_evidence.outlet_terms(engine, "the Washington Herald's story", frozenset({"wash", "herald"}))
    assert set(engine.terms("Washington")) <= got
    assert not set(engine.terms("Herald")) & got  # already among the naming terms
    initials = part_evidence.outlet_terms(engine, "the North Coast Record piece", frozenset({"ncr"}))
    assert set(engine.terms("North Coast Record")) <= initials
    assert (
        part_evidence.outlet_terms(engine, "the Washington Herald's story", frozenset({"city", "post"}))
        == set()
    )


def _top(engine: Engine, question: str) -> str:
    a = rank.answer(engine, question, question, 3)
    assert not a.abstained
    return a.hits[0].text


def test_the_outlet_written_out_picks_its_story_dateline(engine: Engine) -> None:
    # The bridge story's body says "Washington" and "Herald"; only the ferry story's file names the
    # Washington Herald ("wash-herald").
    assert _top(engine, "Where is the Washington Herald's story datelined?").startswith("PORTVALE")


def test_a_brief_sign_off_answers_who_wrote_it(engine: Engine) -> None:
    assert "footer" not in engine.kinds and "byline" not in engine.kinds
    # no byline anywhere: the footer the sign-off reads as is the part asked
    assert query_reading._read(engine, "who wrote the brief about the dry March").parts == ("footer",)
    assert _top(engine, "who wrote the brief about the dry March").endswith("--Jane Roe.")
    assert _top(engine, "who wrote the brief about the museum's east wing").endswith("--Tom Reed.")


def test_a_run_on_credit_answers_who_contributed(engine: Engine) -> None:
    assert "Contributing: Sam Lee" in _top(engine, "Who contributed to the Herald report on the ferry route?")


def test_an_opinion_pieces_author_note_answers_who_wrote_it(engine: Engine) -> None:
    assert _top(engine, "who wrote the city post column on schools").startswith(
        "Anna Kovac, a former headteacher"
    )


def test_an_update_line_answers_whether_it_was_updated(engine: Engine) -> None:
    question = "has the city post article on the bridge been updated, and with what"
    assert query_reading._read(engine, question).parts[:1] == ("update",)
    assert _top(engine, question).startswith("This article has been updated")


def test_a_column_label_after_the_headline_answers_which_column(engine: Engine) -> None:
    assert "Classroom Notes" in _top(engine, "Which Post column is the piece on schools from?")


def test_body_passages_that_hold_no_part_stay_body(engine: Engine) -> None:
    asked = intent.read("who wrote the brief about the dry March")
    for p in engine.passages:
        if p.kind == "body" and ("Mayor Elena Marsh" in p.text or "Engineers said" in p.text):
            assert part_evidence.body_part(p, asked, engine) == ""
    # a quoted apposition is the story's, not a note on its author
    quoted = next(p for p in engine.passages if "Mayor Elena Marsh" in p.text)
    assert part_evidence.body_part(quoted, intent.read("who wrote the story about the ferry"), engine) == ""


def test_a_closing_quote_is_no_author_note(engine: Engine) -> None:
    # the mill story's last paragraph names someone in apposition, but she speaks in it
    last = next(p for p in engine.passages if p.text.startswith("Rita Gomez"))
    assert last.pid == max(engine.pids_by_doc[last.doc_id])
    assert part_evidence.body_part(last, intent.read("who wrote the story about the mill"), engine) == ""
    schools = next(p for p in engine.passages if p.text.startswith("Anna Kovac"))
    assert (
        part_evidence.body_part(schools, intent.read("who wrote the story about schools"), engine) == "footer"
    )
