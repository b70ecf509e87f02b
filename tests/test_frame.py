"""Fact and parts questions whose answer passage ranked 2-5, round 17 (issue 9): the words that frame
a question ("what kind of", "according to X"), "Who VERBed X?" (X no speaker), "Who is X?" (a
description of X answers), "where" answered by an adverb of place, a measure asked by its noun,
a wire agency credited in a dateline and a headline running on into its standfirst. The articles are
written for these tests."""

from __future__ import annotations

import pytest

from index.structure import dateline_credit, headline_dek
from qa import answer_type, frame, intent


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What kind of deal did the union point toward?", ["kind"]),
        ("Which types of boats use the harbour?", ["types"]),
        ("Where does the council want the road, according to the mayor?", ["according"]),
        ("What did the council decide?", []),
        ("What is a kind gesture?", []),
    ],
)
def test_frame_words(question: str, words: list[str]) -> None:
    assert frame.frame_words(question) == words


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Where does the council want the road, according to the mayor?", "the mayor"),
        ("According to the census, how many people live in Lindholm?", "the census"),
        ("How many ferries run each day?", None),
    ],
)
def test_source_qualifier(question: str, source: str | None) -> None:
    assert frame.source_qualifier(question) == source


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("Washington", True),
        ("the Kremlin", True),
        ("Ola Berg", True),
        ("the Troy University political scientist", False),
    ],
)
def test_named_source(source: str, named: bool) -> None:
    assert frame.named_source(source) is named


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Who recommended Ola Berg for the job?", True),
        ("Who bought the ferry company?", True),
        ("Who did Ola Berg criticise?", False),
        ("Who is Ola Berg?", False),
        ("Who was the captain of the ferry?", False),
        ("What did Ola Berg recommend?", False),
    ],
)
def test_who_subject(question: str, subject: bool) -> None:
    assert frame.who_subject(question) is subject


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Who is Ola Berg?", "Ola Berg"),
        ("who's Ola Berg", "Ola Berg"),
        ("Who exactly was Berg?", "Berg"),
        ("Who is the captain?", None),
        ("Who is Ola Berg's deputy?", None),
        ("Who recommended Ola Berg?", None),
    ],
)
def test_defined_name(question: str, name: str | None) -> None:
    assert frame.defined_name(question) == name


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("The crew was led by Ola Berg, a former fisherman from the islands.", True),
        ("Berg, who has sailed the route for twenty years, said the crossing was rough.", True),
        ("Ola Berg is the captain of the ferry.", True),
        ("The council thanked Ola Berg and the crew.", False),
        ("Ola Berg said the crossing was rough, the worst of the winter.", False),
    ],
)
def test_defines(text: str, defined: bool) -> None:
    assert frame.defines("Ola Berg", text) is defined


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("WASHINGTON, Aug. 19 (UPI) — The council said on Friday ...", "(UPI)"),
        ("PARIS, Aug 31 (Reuters) - The mayor said ...", "(Reuters)"),
        ("COPPERTON, Ore. (AP) — The owners of the mine said ...", "(AP)"),
        ("LINDHOLM - The regional council said on Monday ...", None),
        ("The council said (AP) that ...", None),
    ],
)
def test_dateline_credit(text: str, credit: str | None) -> None:
    span = dateline_credit(text)
    assert (text[span[0] : span[1]] if span else None) == credit


def test_headline_dek() -> None:
    text = "Ferry to run twice a day;  Islanders welcome the new timetable."
    assert text[headline_dek(text) :] == "Islanders welcome the new timetable."
    assert headline_dek("Ferry to run twice a day from May.") == 0


def test_an_agency_question_reads_agency() -> None:
    assert intent.read("Which news agency sent the story about the ferry?").agency
    assert intent.read("What wire service is the ferry story from?").agency
    assert not intent.read("Who wrote the story about the ferry?").agency


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Millions have been displaced both internally and abroad.", True),
        ("The company sold most of its boats overseas.", True),
        ("The council met on Monday.", False),
    ],
)
def test_an_adverb_of_place_is_place_evidence(text: str, place: bool) -> None:
    assert answer_type.has_evidence("place", text) is place


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What's the regional unemployment rate in the valley?", "number"),
        ("What was the population of Lindholm in 1990?", "number"),
        ("What is the turnout expected to be?", "number"),
        ("What is the ferry's new timetable?", None),
        ("What is the higher rate of fares based on?", None),
    ],
)
def test_a_measure_asked_by_its_noun(question: str, kind: str | None) -> None:
    assert answer_type.question_type(question) == kind


ISLANDS = """Ferry company sold to mainland group;  Islanders fear higher fares.

LINDHOLM, May 3 (UPI) — The ferry company that has served the two islands for forty years was sold
on Friday to the mainland transport group Nordlink, the regional council said.

Ola Berg, a former fisherman who has captained the ferry since 2001, said the crew would stay.

The council thanked Ola Berg and the crew for a winter in which storms cancelled half the crossings.
Berg said the crossings had been the hardest of his career, and that Ola Berg's crew had earned a rest.

Fares would rise by a tenth, the new owners said, and most of the old boats would be sold abroad.

Many islanders have left for the mainland, where the new school is. The unemployment rate on the
islands, at 9.1 percent, is the highest in the region.

Islanders said the unemployment rate on the islands was a worry, and that jobs were leaving.

He was recommended for the post of harbour master by Ann Lee, the council's longtime secretary.
Ola Berg recommended the new timetable to the council, which approved it in March.
"""


@pytest.fixture(scope="module")
def islands(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.hashindex import hash_engine

    return hash_engine(tmp_path_factory, "frame-islands", ISLANDS)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Who is Ola Berg?", "a former fisherman"),
        ("Which news agency sent the story about the ferry company?", "(UPI)"),
        ("What's the standfirst of the story about the ferry company?", "Islanders fear higher fares"),
        ("What's the unemployment rate on the islands?", "9.1 percent"),
        ("Where will the old boats be sold?", "sold abroad"),
    ],
)
def test_the_answer_passage_ranks_first(islands, question: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(islands, question, question, 5)
    assert not answer.abstained, answer.reason
    assert words in answer.hits[0].text, answer.hits[0].text
