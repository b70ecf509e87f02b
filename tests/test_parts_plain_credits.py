"""Parts of plain-text news, round 15 (issue 9): a photo credit on its own line ("Jane Roe / Reuters.",
"Jane Roe via Getty Images.") above its caption, an author's handle under a column ("Twitter:
@jroe."), closing credits to reporters ("Jane Roe contributed reporting.", "Roe reported from
Springfield."), and a dateline opening the lede ("SPRINGFIELD - ..."); and the questions that ask
for them ("who contributed to the X story?", "where is the X story datelined?"). The articles are
written for these tests."""

from __future__ import annotations

import pytest

from index.structure import classify, dateline_opening
from qa import intent

HEAD = "Ferry to run twice a day from May."
LONG = (
    "The regional council said on Monday that the ferry between the two islands would run twice a day "
    "from the first week of May, after a winter in which storms cancelled more than half of its crossings."
)
MORE = (
    "Islanders said the new timetable would let children reach the secondary school on the mainland in time."
)
LAST = (
    "The captain of the ferry, Ola Berg, said the crew had trained through the winter for rougher crossings."
)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe / Reuters.",
        "Jane Roe via Getty Images.",
        "JANE ROE via Getty Images.",
        "John Doe/Getty Images.",
        "Valley Post via Getty Images.",
        "Getty.",
        "Handout/Reuters.",
    ],
)
def test_a_photo_credit_on_its_own_line(line: str) -> None:
    assert classify([HEAD, LONG, line, MORE, LAST])[2] == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "The council sent the new timetable to every household via Reuters.",
        "He said it via AP.",
    ],
)
def test_a_sentence_naming_an_agency_is_no_credit(line: str) -> None:
    assert classify([HEAD, LONG, line, MORE, LAST])[2] == "body"


def test_the_caption_under_a_bare_credit_is_the_caption_not_the_line_above() -> None:
    caption = "The mayor speaks at the harbour in Lindholm on May 5, 2024."
    got = classify([HEAD, LONG, MORE, "Jane Roe / Reuters.", caption, LAST, LONG])
    assert got[2:5] == ["body", "credit", "caption"]


def test_a_heading_in_title_case_above_a_credit_is_no_caption() -> None:
    got = classify([HEAD, LONG, "Islanders Welcome The New Timetable.", "Getty.", MORE, LAST])
    assert got[2:4] == ["body", "credit"]


def test_a_caption_ending_in_a_bracketed_photographer_and_agency() -> None:
    caption = "The mayor speaks at the harbour on May 5, 2024. (JANE ROE/AFP/Getty Images)"
    assert classify([HEAD, LONG, caption, MORE, LAST])[2] == "caption"


@pytest.mark.parametrize(
    "line", ["Twitter: @jroe.", "Email: jane.roe@example.com", "Twitter: @jroe, @valleypost"]
)
def test_an_authors_handle_under_the_article_is_its_byline(line: str) -> None:
    assert classify([HEAD, LONG, MORE, LAST, line])[-1] == "byline"


def test_a_readers_bare_handle_under_the_article_is_no_byline() -> None:
    assert classify([HEAD, LONG, MORE, LAST, "@ferryfan."])[-1] != "byline"


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe contributed to this story.",
        "Jane Roe contributed reporting.",
        "Jane Roe contributed.",
        "Roe reported from Springfield.",
        "Roe reported from Springfield, Ill.; Doe, from Shelbyville.",
        "Roe reported from Springfield. Wire Service writer John Doe contributed from Ogdenville.",
        "--additional reporting by Ann Lee.",
        "(Additional reporting by Ann Lee and Tom Varga in Lindholm, Ola Berg and Eva Lund in Springfield and "
        "Per Holm in Shelbyville; Editing by Jane Roe, John Doe and Mark Twain of the regional desk, with "
        "graphics by Tom Varga.)",
    ],
)
def test_closing_credits_to_reporters_are_footers(line: str) -> None:
    assert classify([HEAD, LONG, MORE, LAST, line])[-1] == "footer"


def test_a_closing_sentence_with_reported_is_no_footer() -> None:
    line = "The harbour master reported that the crossing had taken less than an hour."
    assert classify([HEAD, LONG, MORE, LAST, line])[-1] == "body"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BERLIN - The council said", "BERLIN - "),
        ("SPRINGFIELD, Ill. (AP) — The council said", "SPRINGFIELD, Ill. (AP) — "),
        ("SALT LAKE CITY -- The council said", "SALT LAKE CITY -- "),
        ("PORTLAND, Maine ― The council said", "PORTLAND, Maine ― "),
    ],
)
def test_a_dateline_opening_the_lede(text: str, dateline: str) -> None:
    assert text[: dateline_opening(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "VOTERS WANT MORE THAN A WINNER - Jane Roe: the poll shows",
        "The mayor - who had opposed the plan - said",
        "Berlin - the capital - said",
    ],
)
def test_no_dateline_opening(text: str) -> None:
    assert dateline_opening(text) == 0


@pytest.mark.parametrize(
    ("question", "parts", "filed_from"),
    [
        ("Who contributed to the Valley Post story about the ferry?", ("footer", "byline"), False),
        ("Who contributed reporting?", ("footer", "byline"), False),
        ("Where is the ferry story datelined?", ("dateline",), True),
        ("Where is the Valley Post story on the ferry datelined?", ("dateline",), True),
        ("Which city was the story filed from?", ("dateline",), True),
        ("What is the dateline of the article?", ("dateline",), True),
        ("When was the story published?", ("dateline",), False),
        ("Give me a summary of the Valley Post article on the ferry", ("standfirst", "headline"), False),
        ("Give me a summary of the report on the ferry", (), False),
        ("Who contributed to the campaign?", (), False),
        ("Who contributed the most money?", (), False),
        ("Where was the treaty filed?", (), False),
    ],
)
def test_wordings(question: str, parts: tuple[str, ...], filed_from: bool) -> None:
    got = intent.read(question)
    assert (got.parts, got.filed_from) == (parts, filed_from)


def test_the_verb_after_the_topic_is_no_topic_word() -> None:
    assert "datelined" in intent.part_words("Where is the story on the ferry datelined?")
    assert "published" in intent.part_words("When was the story about the ferry published?")


FERRY = f"""Ferry to run twice a day from May.

LINDHOLM - {LONG}

{MORE}

Jane Roe / Reuters.

The mayor speaks at the harbour in Lindholm on May 5, 2024.

{LAST}

Ann Lee contributed to this story.
"""

MINE = """Copper mine to reopen after ten years.

COPPERTON, Ore. (AP) — The owners of the old copper mine in the northern hills said on Friday that
they would reopen it next year, after copper prices rose to their highest level in a decade and the
regional government approved new safety plans.

About two hundred jobs would return to the valley, the company said, most of them for former miners.

Environmental groups said they would challenge the permit in court, citing the river below the mine.

Roe reported from Copperton.
"""

ZOO = """Why the city zoo deserves its twin pandas.

The city zoo said on Sunday that its giant panda had given birth to twin cubs, the first pandas born in
the country, after a pregnancy that keepers had tracked for months with daily scans.

Visitors will be able to see the cubs from the autumn, once they are strong enough to leave the den.

Twitter: @tvarga.
"""


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from hashindex import hash_engine_of

    return hash_engine_of(
        tmp_path_factory, "parts-plain-credits", {"ferry.txt": FERRY, "mine.txt": MINE, "zoo.txt": ZOO}
    )


@pytest.mark.parametrize(
    ("question", "kind", "words"),
    [
        ("Who contributed to the story about the ferry timetable?", "footer", "Ann Lee contributed"),
        ("Who took the photo of the mayor at the harbour?", "credit", "Jane Roe / Reuters"),
        ("Where is the story about the copper mine datelined?", "body", "COPPERTON, Ore. (AP) — The owners"),
        ("Where is the ferry story datelined?", "body", "LINDHOLM - The regional council"),
        ("Who wrote the column about the zoo's pandas?", "byline", "@tvarga"),
        ("Who wrote the article about the copper mine?", "footer", "Roe reported from Copperton"),
    ],
)
def test_part_of_the_asked_article(three_articles, question: str, kind: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(three_articles, question, question, 5)
    assert not answer.abstained, answer.reason
    top = answer.hits[0]
    assert top.kind == kind and words in top.text, (top.kind, top.text)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("When will the copper mine reopen?", "reopen it next year"),
        ("How many of its crossings did storms cancel in the winter?", "more than half"),
    ],
)
def test_a_lede_with_a_dateline_still_answers_its_content(three_articles, question: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(three_articles, question, question, 5)
    assert answer.hits and answer.hits[0].kind == "body" and words in answer.hits[0].text


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe writes about politics for the Valley Post.",
        "Jane Roe, a former harbour master, writes a weekly column on island life.",
    ],
)
def test_a_writers_line_under_the_article_is_its_byline(line: str) -> None:
    assert classify([HEAD, LONG, MORE, LAST, line])[-1] == "byline"


def test_a_quoted_writer_is_not_the_author() -> None:
    line = "Ola Berg writes about the ferry on his blog every week."  # Ola Berg is in the article
    assert classify([HEAD, LONG, MORE, LAST, line])[-1] == "body"


def test_the_paragraph_under_an_abstract_line_is_the_standfirst() -> None:
    abstract = "The council will run the ferry twice a day from May, after a winter of cancelled crossings."
    got = classify(["Ferry to run twice a day from May.", "ABSTRACT.", abstract, "FULL TEXT.", LONG, MORE])
    assert got[:3] == ["headline", "body", "standfirst"] and got[4:] == ["body", "body"]


def test_an_abstract_line_in_the_body_introduces_no_standfirst() -> None:
    got = classify([HEAD, LONG, "Summary:", MORE, LAST])
    assert "standfirst" not in got


def test_the_dateline_is_highlighted(three_articles) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    question = "Where is the story about the copper mine datelined?"
    top = rank.answer(three_articles, question, question, 5).hits[0]
    assert top.text[top.highlight[0] : top.highlight[1]] == "COPPERTON, Ore. (AP)"
