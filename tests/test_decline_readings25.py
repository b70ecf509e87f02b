"""Answerable part questions the decline tests misread (round 25, bench/reports/wrong25.md): a part
question closed by a follow-up's "then" or a repeat's "again" was read as no part and declined off
topic; "last revised" was not read as asking for the update line; a question naming a body by its
initials ("the RNC") was declined as about another article when the story names the body in full.
Each is checked on short articles of this test's own, beside a question still declined."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import intent
from qa.decline import document_initials
from tests.hashindex import hash_engine_of

BYLINE = ("byline", "footer")
HEAD = ("headline", "standfirst")
DATE = ("dateline",)

STRIKE = """Rail workers back strike over pay;
Walkout set for March, union leaders tell members.

ABSTRACT.

The National Rail Workers Union said its members had voted for a walkout over the pay offer.

FULL TEXT.

Members of the National Rail Workers Union voted by a wide margin to strike in March, the union's
general secretary, Dana Roos, told a meeting in Kessel on Tuesday. The rail operator said it was
disappointed and would keep talking.
"""

HARBOUR = """Harbour ferry returns after repairs;
The city's oldest ferry is back on the water.

ABSTRACT.

The Kessel harbour ferry sailed again on Sunday after a winter in dry dock.

FULL TEXT.

The ferry, built in 1931, carried its first passengers of the season across the harbour on Sunday
morning. The harbour master, Ines Vold, said the repairs had cost more than the city planned.
"""


@pytest.fixture(scope="module")
def engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine_of(tmp_path_factory, "strike25", {"strike.txt": STRIKE, "harbour.txt": HARBOUR})


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("who wrote the article then", BYLINE),
        ("Who wrote it, then?", BYLINE),
        ("what's the headline again?", HEAD),
        ("Who wrote the story now?", BYLINE),
        ("When was the page last revised?", DATE),
        ("When was the page last updated?", DATE),
        # the same closing words on a question about the article's content: no part
        ("Who wrote the letter then?", ()),
        ("Who signed it again?", ()),
    ],
)
def test_a_part_question_may_close_with_then_or_again(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


def test_a_document_counts_the_initials_of_the_bodies_it_names(engine) -> None:  # type: ignore[no-untyped-def]
    strike = next(d for d, doc in engine.docs.items() if doc.source.endswith("strike.txt"))
    harbour = next(d for d, doc in engine.docs.items() if doc.source.endswith("harbour.txt"))
    assert "nrwu" in document_initials(engine, strike)
    assert "nrwu" not in document_initials(engine, harbour)


def test_a_part_question_naming_a_body_by_its_initials_is_answered(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(engine).ask("What's the abstract of the NRWU strike story?")
    assert not a.abstained, a.reason
    assert "voted for a walkout" in a.hits[0].text
    # A story the index does not hold is still declined as another article.
    b = Conversation(engine).ask("What's the abstract of the NHS strike story?")
    assert b.abstained and "no document is about" in b.reason, b.reason
