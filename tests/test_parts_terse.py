"""Parts asked tersely or with the article picked out by what it does (issue 9): "headline please",
"subheading?", "give me the title", "who wrote the Gazette piece attacking the budget?", "when was
the story filed?"; a dateline that dates the story ("RIVERTON, March 4 (UPI) — "); and a plain
text whose outlet only its file name gives. The articles are written for these tests."""

from __future__ import annotations

import pytest

from index.structure import dateline_dated, dateline_opening
from qa import abstain, intent
from tests.hashindex import hash_engine_of

BYLINE = ("byline", "footer")
OUTLET = ("footer", "byline")
DATE = ("dateline",)
HEAD = ("headline", "standfirst")
SUMMARY = ("standfirst", "headline")


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("headline please", HEAD),
        ("Headline?", HEAD),
        ("give me the title", HEAD),
        ("What's the title?", HEAD),
        ("the headline of the Gazette story on the ferry, please", HEAD),
        ("subheading?", SUMMARY),
        ("What does the subheading under the headline say?", SUMMARY),
        ("the dek please", SUMMARY),
        ("Could you give me the byline?", BYLINE),
        ("author please", BYLINE),
        ("date?", DATE),
        ("publication date please", DATE),
        ("outlet?", OUTLET),
        ("Who wrote the Gazette piece attacking the council's budget?", BYLINE),
        ("Who wrote the column that criticised the mayor?", BYLINE),
        ("When was the story filed?", DATE),
        ("What date was the Wire story on the ferry filed?", DATE),
    ],
)
def test_terse_and_clause_wordings(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


@pytest.mark.parametrize(
    "question",
    [
        "What is the date of the election?",
        "What is the title of his book?",
        "Who is the author of the bill?",
        "Who wrote the letter attacking the mayor?",
        "When was the bridge finished?",
        "Who wrote the law banning cars?",
    ],
)
def test_the_same_words_about_the_content_are_no_part(question: str) -> None:
    assert intent.read(question).parts == ()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("headline please", ""),
        ("What's the headline?", ""),
        ("What does the subheading under the headline say?", ""),
        ("give me the title", ""),
        ("Who wrote the Gazette piece attacking the council's budget?", "Gazette council's budget"),
        ("What's the headline of the story about the ferry?", "ferry"),
    ],
)
def test_request_words_are_no_topic(question: str, topic: str) -> None:
    assert abstain.topic_words(question) == topic


def test_a_date_question_reads_dated_and_a_place_question_filed_from() -> None:
    dated = intent.read("When was the story on the ferry filed?")
    place = intent.read("Where was the story on the ferry filed from?")
    assert (dated.dated, dated.filed_from) == (True, False)
    assert (place.dated, place.filed_from) == (False, True)
    assert not intent.read("When was the story last updated?").dated  # a revision's date line


@pytest.mark.parametrize(
    ("text", "dateline", "dated"),
    [
        ("RIVERTON, March 4 (UPI) — The council said", "RIVERTON, March 4 (UPI) — ", True),
        ("LAKE CITY, Ore., Dec. 11 (UPI) -- The council said", "LAKE CITY, Ore., Dec. 11 (UPI) -- ", True),
        ("Riverton (AFP) – The council said", "Riverton (AFP) – ", False),
        ("Aug 27 (Reuters) - The council said", "Aug 27 (Reuters) - ", True),
        ("BERLIN - The council said", "BERLIN - ", False),
    ],
)
def test_a_dateline_with_its_date(text: str, dateline: str, dated: bool) -> None:
    assert text[: dateline_opening(text)] == dateline
    assert dateline_dated(text) is dated


@pytest.mark.parametrize(
    "text",
    [
        "Riverton - the capital - said",
        "In an email dated Feb. 12, 2012 — seven months before",
        "The Supreme Court - and the issues it decides - said",
    ],
)
def test_no_dateline_in_a_sentence(text: str) -> None:
    assert dateline_opening(text) == 0


FERRY = """Ferry crossing to run twice a day from May.

RIVERTON, March 4 (UPI) — The harbour board said on Monday that the ferry crossing between Riverton
and Lindholm would run twice a day from May, after a winter of cancellations left commuters
stranded on both sides of the estuary.

The board's chairman, Peter Holm, told reporters that two new boats would join the fleet in April
and that the timetable would be published on the board's website before the end of the month.

Commuters' groups welcomed the plan but said the fares, which rose by a fifth last year, were still
too high for many families who depend on the crossing to reach work and school.
"""

BUDGET = """The council's budget is a fantasy.

Every spring the council presents a budget that promises new roads, cheaper buses and lower rates,
and every autumn the same council explains why none of it happened and why the rates went up again.

This year's budget is no different. It counts on a land sale that has failed three times and on
grants that the region has already said it will not pay, and it hides the cost of the new depot.

Voters deserve a budget that adds up. Until the council writes one, it should stop promising what
it cannot pay for and start explaining what it has spent.

Follow Dana Whitfield on Twitter @dwhitfield.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine_of(
        tmp_path_factory,
        "parts-terse",
        {"wire_2024-03-04_ferry-crossing.txt": FERRY, "gazette_2024-05-02_council-budget.txt": BUDGET},
    )


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("When was the story on the ferry crossing filed?", "March 4 (UPI)"),
        ("What date was the Wire story on the ferry filed?", "March 4"),
        ("Who wrote the Gazette piece attacking the council's budget?", "Dana Whitfield"),
        ("headline of the ferry story please", "Ferry crossing to run twice a day"),
    ],
)
def test_terse_and_named_part_questions_are_answered(engine, question: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(engine, question, question, 5)
    assert not answer.abstained, answer.reason
    assert words in answer.hits[0].text, answer.hits[0].text


def test_the_asked_articles_part_holds_its_topic_words_spread_over_its_body(engine) -> None:  # type: ignore[no-untyped-def]
    from qa import rank
    from tests.hashindex import row

    # "estuary" and "fleet" stand in different paragraphs of the ferry story, in no headline.
    f = rank.features(engine, "What's the headline of the story on the estuary and the fleet?")
    assert f is not None
    ferry = row(engine, f, "Ferry crossing to run twice a day")
    budget = row(engine, f, "The council's budget is a fantasy")
    assert f.doc_topic[ferry] == 1.0 and f.doc_topic[budget] == 0.0
    plain = rank.features(engine, "Who chairs the harbour board?")
    assert plain is not None and not plain.doc_topic.any()  # no part asked
