"""Parts a reader asks for in other words: where a report is sourced from, an outlet written as one
word, a standfirst that runs on from the headline."""

from __future__ import annotations

import pytest

from index import structure
from qa import intent, part_evidence, query_reading, rank
from qa.engine import Engine
from tests.hashindex import hash_engine_of

FERRY = (
    "Harbour board approves ferry route; \nA new link to Orkney after a decade of debate.\n"
    """

The Portvale harbour board approved a ferry route to Orkney on Tuesday.

Mayor Elena Marsh welcomed the decision, and the fishermen's union backed it.

PortvaleNews and agencies
"""
)
BRIDGE = """Council delays bridge repairs

The council delayed repairs to the old river bridge until next year.

Engineers said the bridge was safe for now.
"""


@pytest.mark.parametrize(
    "question",
    ["Who is this report sourced from?", "who sourced this story", "What is the article sourced from?"],
)
def test_where_a_report_is_sourced_from_asks_for_its_outlet(question: str) -> None:
    assert intent.read(question).parts[:1] == ("footer",)


def test_sourced_of_something_else_is_no_part() -> None:
    assert intent.read("Who is the policy sourced from?").parts == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("TRTWorld and agencies", ["TRT World"]),
        ("(c) USAToday", ["USA Today"]),
        ("HuffPost reported", ["Huff Post"]),
        ("Reuters and AP", []),
        ("iPhone sales", []),
    ],
)
def test_joined_names_are_split(text: str, names: list[str]) -> None:
    assert structure.joined_name_parts(text) == names


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine_of(tmp_path_factory, "parts16", {"ferry.txt": FERRY, "bridge.txt": BRIDGE})


def test_a_joined_outlet_names_its_document(engine: Engine) -> None:
    doc = next(d for d, p in engine.docs.items() if p.source.endswith("ferry.txt"))
    assert {"portval", "news"} <= part_evidence.meta_terms(engine, doc) or {
        "portvale",
        "news",
    } <= part_evidence.meta_terms(engine, doc)


def test_a_standfirst_after_the_headline_answers_the_subheading(engine: Engine) -> None:
    assert "standfirst" not in engine.kinds
    qr = query_reading._read(engine, "What's the subheading of the ferry story?")
    assert qr.parts[:1] == ("standfirst",)
    a = rank.answer(
        engine, "What's the subheading of the ferry story?", "What's the subheading of the ferry story?", 3
    )
    assert not a.abstained
    assert "A new link to Orkney" in a.hits[0].text
