"""Bylines and date lines at the end of plain-text news, answered end to end (issue 9, parts).

Opinion pieces name their author in a closing line ("Jane Roe, a law professor at ..., is a member
of ...'s Board of Contributors."), wire stories in a contact line, and a newspaper's correction
ends with the date it ran ("Tuesday, March 10, 2015."). Articles written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

OP_ED = """Why the harbour tunnel is a bad bet.

The city council wants to borrow two billion dollars to dig a tunnel under the harbour, and it says the toll will pay for it within twenty years.

That promise has been made before. The bridge built in 1988 was meant to pay for itself by 2005, and taxpayers are still covering its debt today.

Traffic on the harbour crossing has fallen for six years in a row, according to the transport department, as more commuters work from home.

The council should put the tunnel to a public vote before it signs anything.

Maria Delgado, an economist at Westfield University, is a member of the Harbour Times Board of Contributors.
"""

CORRECTION = """Fewer anglers visit the northern lakes.

ABSTRACT.

Lakeside lodges are struggling as fishing licences decline and younger visitors choose other holidays.

FULL TEXT.

CORRECTION:

An article on March 3 about the lodges of the northern lakes misstated the year the Pine Point lodge opened. It opened in 1962, not 1926.

Tuesday, March 10, 2015.
"""

STRIKE = """Ferry strike ends after three days.

Ferry workers returned to work on Thursday after their union accepted a pay offer of four percent, ending a strike that stranded thousands of island residents.

"We got what we came for," said union leader Tom Barker, who had called the strike on Monday.

The ferry company said services would be back to normal by the weekend.

Contact Priya Nair at pnair@islandpost.example or follow her on Twitter @priyanair.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    root: Path = tmp_path_factory.mktemp("closing-parts")
    for name, text in (("oped.txt", OP_ED), ("lakes.txt", CORRECTION), ("strike.txt", STRIKE)):
        (root / name).write_text(text, encoding="utf-8")
    build([str(root)], root / "index", model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(root / "index")


@pytest.mark.parametrize(
    ("question", "kind", "words"),
    [
        ("Who is the author of the column?", "byline", "Maria Delgado"),
        ("Who wrote the op-ed about the harbour tunnel?", "byline", "Maria Delgado"),
        ("Who wrote the ferry strike story?", "byline", "Priya Nair"),
        ("When was the correction published?", "dateline", "March 10, 2015"),
        ("When was the article about the lakes (or its correction) published?", "dateline", "March 10, 2015"),
    ],
)
def test_closing_parts_answer_part_questions(engine, question: str, kind: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(engine, question, question, 5)
    assert not answer.abstained, answer.reason
    top = answer.hits[0]
    assert top.kind == kind and words in top.text, (top.kind, top.text)


def test_content_questions_are_not_answered_by_the_author_line(engine) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    question = "What has happened to traffic on the harbour crossing?"
    answer = rank.answer(engine, question, question, 5)
    assert not answer.abstained and answer.hits[0].kind == "body"
