"""Article parts of plain-text news (issue 9): the headline on the first line though it ends in a full
stop, runs over two sentences or into a subheadline; a signature under the article ("- Jane Roe.")
as its byline; and the questions that ask for them when several articles are indexed ("who wrote the
article about X", "what is the headline of the <outlet> story", "who is the article credited to?").
The articles are written for these tests."""

from __future__ import annotations

import pytest

from index.structure import classify
from qa import intent

LONG = (
    "The regional council said on Monday that the ferry between the two islands would run twice a day "
    "from the first week of May, after a winter in which storms cancelled more than half of its crossings."
)
MORE = (
    "Islanders said the new timetable would let children reach the secondary school on the mainland in time."
)


@pytest.mark.parametrize(
    "first",
    [
        "Ferry to run twice a day from May.",
        "What next for the island ferry? Much rests on the weather.",
        "10 things to know about the new ferry timetable.",
        "Island Ferry Returns To Twice-Daily Crossings After A Winter Of Storms And Cancelled Sailings.",
        "FERRY BACK ON TRACK FOR SUMMER;\nCouncil says new timetable will let children reach the mainland "
        "school in time for the first bell.",
    ],
)
def test_first_line_of_a_plain_text_article_is_its_headline(first: str) -> None:
    assert classify([first, LONG, MORE]) == ["headline", "body", "body"]


@pytest.mark.parametrize("above", ["Updated March 5, 2024", "By Jane Roe"])
def test_headline_is_the_line_before_the_body_below_furniture(above: str) -> None:
    got = classify([above, "Ferry to run twice a day from May.", LONG, MORE])
    assert got[1:] == ["headline", "body", "body"]


def test_headline_of_a_two_paragraph_article() -> None:
    assert classify(["Ferry to run twice a day from May.", LONG]) == ["headline", "body"]


@pytest.mark.parametrize(
    "first",
    [
        # a story's first sentence: longer than a headline and not in title case
        "The regional council said on Monday that the ferry would run twice a day from the first week of May.",
        # a quotation opens the story
        '"We have waited all winter for this," the ferry captain said.',
    ],
)
def test_a_first_sentence_of_the_story_is_not_a_headline(first: str) -> None:
    assert classify([first, LONG, MORE])[0] == "body"


@pytest.mark.parametrize(
    "line", ["- Jane Roe.", "— Jane Roe and John Doe", "-Jane Roe, Springfield.", "- Reuters."]
)
def test_a_signature_under_the_article_is_its_byline(line: str) -> None:
    assert classify(["Ferry to run twice a day from May.", LONG, MORE, line])[-1] == "byline"


@pytest.mark.parametrize("line", ["(Reuters)", "(AP)", "Associated Press."])
def test_a_line_naming_only_a_news_agency_is_a_byline_above_or_under_the_story(line: str) -> None:
    head = "Ferry to run twice a day from May."
    assert classify([head, line, LONG, MORE])[1] == "byline"
    assert classify([head, LONG, MORE, line])[-1] == "byline"


@pytest.mark.parametrize("line", ["Credit: Reuters.", "Photo: Jane Roe for the Valley Post."])
def test_a_credit_line_may_end_in_a_full_stop(line: str) -> None:
    assert classify(["Ferry to run twice a day from May.", LONG, line, MORE])[2] == "credit"


def test_a_sentence_after_credit_is_no_credit_line() -> None:
    line = "Credit: the council said it would pay for the extra crossings."
    assert classify(["Ferry to run twice a day from May.", LONG, line, MORE])[2] == "body"


def test_the_last_item_of_a_list_is_no_signature() -> None:
    items = ["- Jane Roe", "- John Doe", "- Ann Lee."]
    assert classify(["Ferry to run twice a day from May.", LONG, MORE, *items])[-1] != "byline"


def test_a_closing_sentence_with_a_dash_is_no_signature() -> None:
    closing = "- The ferry will stop at the harbour of Lindholm on its way back."
    assert classify(["Ferry to run twice a day from May.", LONG, MORE, closing])[-1] == "body"


BYLINE = ("byline", "footer")
CREDIT = ("credit", "caption")


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Who is the article credited to?", BYLINE),
        ("who is it credited to", BYLINE),
        ("To whom is this story credited?", BYLINE),
        ("Who gets the credit for this story?", BYLINE),
        ("Who is the photo credited to?", CREDIT),
        ("What is the headline of the Island Times ferry story?", ("headline", "standfirst")),
        ("Who wrote the article about the ferry and the storms?", BYLINE),
        ("When was the correction to the ferry article published?", ("dateline",)),
        ("Which reporter covered the ferry story?", BYLINE),
        ("Who signed the Island Times article?", BYLINE),
        ("Who wrote the obituary?", BYLINE),
        ("What was the captain's obituary headlined?", ("headline", "standfirst")),
        ("What is the ferry obituary's headline?", ("headline", "standfirst")),
        ("What's the name of the article about the ferry?", ("headline", "standfirst")),
        ("What agency provided the story?", ("footer", "byline")),
    ],
)
def test_wordings(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


@pytest.mark.parametrize(
    "question",
    [
        "Who is credited with the discovery?",
        "Who was the goal credited to?",
        "Who was the attack credited to?",
    ],
)
def test_credited_about_the_content_is_no_part(question: str) -> None:
    assert intent.read(question).parts == ()


FERRY = f"""FERRY BACK ON TRACK FOR SUMMER;
Council says new timetable will let children reach the mainland school in time.

{LONG}

{MORE}

The captain of the ferry, Ola Berg, said the crew had trained through the winter for rougher crossings.

- Jane Roe.
"""

MINE = """Copper mine to reopen after ten years.

The owners of the old copper mine in the northern hills said on Friday that they would reopen it next
year, after copper prices rose to their highest level in a decade and the regional government approved
new safety plans.

About two hundred jobs would return to the valley, the company said, most of them for former miners.

Environmental groups said they would challenge the permit in court, citing the river below the mine.

Valley Post and agencies
"""

ZOO = """City zoo welcomes twin panda cubs. Keepers say both are healthy.

The city zoo said on Sunday that its giant panda had given birth to twin cubs, the first pandas born in
the country, after a pregnancy that keepers had tracked for months with daily scans.

Visitors will be able to see the cubs from the autumn, once they are strong enough to leave the den.

- Tom Varga and Ann Lee.
"""


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from hashindex import hash_engine_of

    return hash_engine_of(
        tmp_path_factory, "parts-plain", {"ferry.txt": FERRY, "mine.txt": MINE, "zoo.txt": ZOO}
    )


@pytest.mark.parametrize(
    ("question", "kind", "words"),
    [
        ("Who wrote the article about the ferry and the storms?", "byline", "Jane Roe"),
        ("Who wrote the story about the panda cubs?", "byline", "Tom Varga"),
        ("What is the headline of the ferry story?", "headline", "FERRY BACK ON TRACK"),
        ("What's the headline of the article about the zoo?", "headline", "twin panda cubs"),
        ("What is the headline of the story on the copper mine?", "headline", "Copper mine to reopen"),
        ("Who is the copper mine article credited to?", "footer", "Valley Post"),
    ],
)
def test_part_of_the_asked_article(three_articles, question: str, kind: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(three_articles, question, question, 5)
    assert not answer.abstained, answer.reason
    top = answer.hits[0]
    assert top.kind == kind and words in top.text, (top.kind, top.text)


@pytest.mark.parametrize(
    "question",
    [
        "How many jobs will return to the valley?",
        "When will visitors see the cubs?",
        "Who is the captain of the ferry?",
    ],
)
def test_content_questions_are_not_answered_by_parts(three_articles, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(three_articles, question, question, 5)
    assert answer.hits and answer.hits[0].kind == "body", answer.hits[0].kind if answer.hits else None
