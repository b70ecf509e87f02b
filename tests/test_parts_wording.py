"""Article parts asked in a reader's words (issue 9): "who wrote this?", "which outlet put this out?",
"when was it last updated?", "give me a summary", "who took the photo?"; and the questions that use
the same words about the article's content ("who wrote the law?", "when was the bridge updated?"),
which are not part questions. The articles are written for these tests: a plain-text one with a
headline line, and a small web page whose parts come from trafilatura's metadata and markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, intent

BYLINE = ("byline", "footer")
OUTLET = ("footer", "byline")
DATE = ("dateline",)
HEAD = ("headline", "standfirst")
SUMMARY = ("standfirst", "headline")
CAPTION = ("caption",)
CREDIT = ("credit", "caption")

WORDINGS = [
    # who wrote it
    ("Who wrote this?", BYLINE),
    ("who wrote it", BYLINE),
    ("Who wrote the Riverside Gazette article about the harbour bridge?", BYLINE),
    ("who is the author", BYLINE),
    ("Who's the author of this piece?", BYLINE),
    ("who is the reporter?", BYLINE),
    ("Which reporter wrote this story?", BYLINE),
    ("Name the journalist behind this article", BYLINE),
    ("who's this by?", BYLINE),
    ("By whom was this written?", BYLINE),
    ("Who penned the story?", BYLINE),
    ("whose byline is on this", BYLINE),
    ("Who is the author of the column?", BYLINE),
    ("Who wrote the op-ed about the tram?", BYLINE),
    # which outlet
    ("which news outlet put this out", OUTLET),
    ("Which news outlet published this?", OUTLET),
    ("What paper is this from?", OUTLET),
    ("which site published the story", OUTLET),
    ("What publication ran this article?", OUTLET),
    ("Which agency reported it?", OUTLET),
    ("who published this", OUTLET),
    ("where was this article published?", OUTLET),
    ("which newspaper is this", OUTLET),
    ("who is the publisher", OUTLET),
    ("what is the url of this article", OUTLET),
    # when
    ("When was it last updated?", DATE),
    ("When was the story last updated?", DATE),
    ("when was this published", DATE),
    ("When was the Gazette piece on the bridge vote published?", DATE),
    ("What date was this posted?", DATE),
    ("what is the date of the article", DATE),
    ("publication date?", DATE),
    ("when did the story come out", DATE),
    ("when was the article written", DATE),
    ("last updated?", DATE),
    ("When was the correction published?", DATE),
    ("When was the article (or its correction) published?", DATE),
    ("When was the story, or its correction, published?", DATE),
    ("When was the article corrected?", DATE),
    ("when did the correction run", DATE),
    ("How recent is this story?", DATE),
    # headline and what it is about
    ("What's the headline?", HEAD),
    ("headline of the bridge story", HEAD),
    ("what is the title of the article", HEAD),
    ("what's the article titled", HEAD),
    ("What is the article about?", HEAD),
    ("what's this story about", HEAD),
    ("What is this about?", HEAD),
    ("What does the article cover?", HEAD),
    # a summary
    ("give me a summary", SUMMARY),
    ("Can you give me a quick summary please?", SUMMARY),
    ("What is the summary under the headline?", SUMMARY),
    ("summarise the article", SUMMARY),
    ("what's the gist", SUMMARY),
    ("What's the main point of the story?", SUMMARY),
    ("tl;dr", SUMMARY),
    ("sum it up for me", SUMMARY),
    ("What is the subheadline of the story?", SUMMARY),
    ("in a nutshell?", SUMMARY),
    # the picture
    ("What does the picture show?", CAPTION),
    ("What does the photo in the Gazette story on the bridge show?", CAPTION),
    ("who is in the photo", CAPTION),
    ("Who is pictured?", CAPTION),
    ("what’s in the picture?", CAPTION),
    ("describe the main image", CAPTION),
    ("What is the photo of?", CAPTION),
    # who took it
    ("who took the photo", CREDIT),
    ("Who took the photos at the council meeting?", CREDIT),
    ("Who is credited for the picture of the bridge?", CREDIT),
    ("who is the photographer", CREDIT),
    ("photo credit?", CREDIT),
    ("whose photo is that", CREDIT),
    ("who shot the picture?", CREDIT),
    # round 22 (bench/data/part_wordings.jsonl's frames, in other words)
    ("Which wire service supplied the picture?", CREDIT),
    ("who gets the credit for the image", CREDIT),
    ("what's the photo of", CAPTION),
    ("What's printed beneath the headline?", SUMMARY),
    ("what is the secondary heading", SUMMARY),
    ("What does the deck under the title say?", SUMMARY),
    ("How was the ferry story headlined?", HEAD),
    ("what is the heading of this piece", HEAD),
    ("Which headline did the Gazette put on the harbour story?", HEAD),
    ("Whose story is this?", BYLINE),
    ("Who is behind the article on the tram fares?", BYLINE),
    ("Which paper is credited at the bottom?", OUTLET),
    ("what outlet is named at the end", OUTLET),
    ("What newspaper did the column appear in?", OUTLET),
    ("what news source is it", OUTLET),
    ("Who else worked on this piece?", ("footer", "byline")),
    ("who did the additional reporting", ("footer", "byline")),
    ("What date is on this story?", DATE),
    # round 25: the part's word at a distance from the article, a follow-up's closing word, a web page
    ("What was the Gazette piece on the harbour strike headlined?", HEAD),
    ("What does the abstract of the Ledger story on the tram fares say?", SUMMARY),
    ("Which Gazette correspondent filed from Valmora for the story on the ferry?", BYLINE),
    ("Which reporter wrote for the column on pensions?", BYLINE),
    ("who wrote the article then", BYLINE),
    ("And who took the photo, then?", CREDIT),
    ("When was the page last revised?", DATE),
    ("When was this web page updated?", DATE),
]

NOT_PARTS = [
    # round 22's frames on content: "credited with", a ship's deck, a heading somewhere
    "Which agency is credited with the rescue?",
    "What did the captain say on the deck?",
    "Where is the ferry heading?",
    "Which agency supplied the funding?",
    "When did the council publish its budget?",
    # the same words on encyclopedic text (SQuAD-like): the verb "headline", "by whom", "what is it called"
    "Who headlined the halftime show?",
    "When was the law corrected?",
    "When was the deal made?",
    "When was the amendment made?",
    "Which show did the band headline?",
    "Antigone was a play made by whom?",
    "What is it called when people rebel against unfair laws?",
    "What was the subtitle of the film?",
    "Who is the publisher of the comic magazine?",
    "What journalist wrote an article defending the show?",
    "What was the image of the reformer a contrast to?",
    "who wrote the law?",
    "When was the bridge updated?",
    "When was the UN report published?",
    "When was the study published?",
    "When was the law published?",
    "What did the photographer say?",
    "How many photos did police release?",
    "Which newspaper did the minister write for?",
    "Which agency reported the figures?",
    "What was the main point of Keller's speech?",
    "Give me a summary of the budget debate",
    "Who wrote the letter to the council?",
    "who took the money",
    "Who is credited with the discovery?",
    "What is the title of the book?",
    "Which author won the prize?",
    "who reported the crime to police?",
    "what is the source of the river?",
    "When was it built?",
    "Who published the study?",
    "Which outlet did Keller work for?",
    "What was the date of the match?",
    "Which site will host the games?",
    "What is the last update on the casualties?",
    "How old is he?",
    "What did Keller say about the bridge?",
    # round 25
    "Which band headlined the festival?",
    "What was the abstract idea behind the plan?",
    "Which page of the report lists the victims?",
    "Who turned the page on the scandal?",
    "Which reporter was hurt in the blast then?",
    "What is the title of the book then?",
]


@pytest.mark.parametrize(("question", "parts"), WORDINGS)
def test_part_in_a_readers_words(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


@pytest.mark.parametrize("question", NOT_PARTS)
def test_same_words_about_the_content_are_no_part(question: str) -> None:
    assert intent.read(question).parts == ()


def test_wordings_cover_every_part() -> None:
    assert {k for _, kinds in WORDINGS for k in kinds} >= {
        "headline",
        "standfirst",
        "byline",
        "dateline",
        "caption",
        "credit",
    }
    assert len(WORDINGS) >= 60 and len(NOT_PARTS) >= 20


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("When was it last updated?", ""),
        ("which news outlet put this out", ""),
        ("give me a summary", ""),
        ("Can you give me a quick summary please?", ""),
        ("What is the article about?", ""),
        ("Who wrote the article?", ""),
        ("Who is the author of the column?", ""),
        ("When was the correction published?", ""),
        ("who is the reporter?", ""),
        (
            "Who wrote the Guardian article about casualised university staff?",
            "Guardian casualised university staff",
        ),
        ("When was the Gazette piece on the bridge vote published?", "Gazette bridge vote"),
        ("What does the photo in the Gazette story on the bridge show?", "Gazette bridge"),
    ],
)
def test_part_words_are_never_topic_words(question: str, topic: str) -> None:
    assert abstain.topic_words(question) == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # every word outside the article's topic words the part, in the pattern's match or not
        ("What does the summary line below the headline say?", ""),
        ("what does the caption say", ""),
        ("Can you tell me what the headline was?", ""),
        ("which paper is credited at the end", ""),
        ("Tell me the headline of the piece on the harbour bridge.", "harbour bridge."),
        ("the title of the column about pensions, please", "pensions"),
        ("What's the headline on the Gazette's budget article?", "Gazette's budget"),
        ("On what date was the column printed?", ""),
        ("What's the title of the Evening Post piece on tram fares?", "Evening Post tram fares"),
        ("who wrote the piece about the heat wave, then?", "heat wave"),
        ("What was the Gazette column on the harbour strike headlined?", "Gazette harbour strike"),
    ],
)
def test_words_outside_the_match_word_the_part(question: str, topic: str) -> None:
    assert abstain.topic_words(question) == topic


def test_part_words_of_an_ordinary_question_are_empty() -> None:
    assert intent.part_words("Who wrote the law?") == frozenset()
    assert intent.part_words("When was the bridge updated?") == frozenset()


PLAIN = """Harbour bridge to close to cars after council vote

Repairs would cost more than the city can afford, engineers told councillors

By Tom Varga

Updated March 5, 2024

The city council voted on Tuesday to close the old harbour bridge to cars from next spring,
ending a decade of arguments over the crumbling crossing and its rising repair bills.

Engineers told the council that the bridge could no longer carry heavy traffic safely, and that a
full repair would cost far more than the council had set aside for the next five years.

"We cannot keep patching it up and hoping for the best," said the council leader, Maria Keller,
after the vote. "People deserve a crossing they can trust."

Cyclists and pedestrians will still be able to use the bridge while the council looks for money to
build a replacement, which officials expect to take at least four years to plan and build.

Riverside Gazette and agencies
"""

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Orchard growers count the cost of a late frost | The Valley Courier</title>
<meta property="og:title" content="Orchard growers count the cost of a late frost">
<meta property="og:description" content="A single night at minus four wiped out most of the apple blossom">
<meta property="og:url" content="https://www.valleycourier.example/2024/04/20/late-frost/">
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Ines Moreau">
<meta property="article:published_time" content="2024-04-20T07:15:00+00:00">
</head><body>
<article>
<h1>Orchard growers count the cost of a late frost</h1>
<p class="standfirst">A single night at minus four wiped out most of the apple blossom</p>
<figure><img src="frost.jpg" alt="">
<figcaption>Frost covers apple blossom in an orchard near Lindenau. Photograph: Karl Brenner/Valley Courier</figcaption>
</figure>
<div class="article-body">
<p>Fruit growers across the valley say a late frost on Thursday night destroyed most of this
year's apple blossom, leaving many farms facing their worst harvest in twenty years.</p>
<p>"In one night we lost what took a whole spring to grow," said Paula Roth, who runs a
family orchard outside Lindenau and chairs the regional growers' association.</p>
<p>The regional agriculture office said it would survey the damage next week before deciding
whether farmers qualify for emergency support from the disaster fund.</p>
<p>Cherry and pear growers were spared the worst, as their trees had mostly finished flowering
before the cold arrived, the office added.</p>
</div>
</article>
</body></html>
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    root: Path = tmp_path_factory.mktemp("parts-wording")
    (root / "bridge.txt").write_text(PLAIN, encoding="utf-8")
    (root / "frost.html").write_text(PAGE, encoding="utf-8")
    build(
        [str(root / "bridge.txt"), str(root / "frost.html")],
        root / "index",
        model=MODEL,
        cache_dir=config.model_cache_dir(),
    )
    return Engine.open(root / "index")


@pytest.mark.parametrize(
    ("question", "kind", "words"),
    [
        ("Who wrote the bridge story?", "byline", "Tom Varga"),
        ("who wrote the article about the late frost", "byline", "Ines Moreau"),
        ("When was the bridge story last updated?", "dateline", "March 5, 2024"),
        ("when was the frost article published", "dateline", "2024"),
        ("which news outlet put out the bridge story", "footer", "Riverside Gazette"),
        ("What is the frost story about?", "headline", "late frost"),
        ("give me a summary of the frost article", "standfirst", "minus four"),
        ("what does the picture in the frost story show", "caption", "apple blossom"),
        ("who took the photo of the apple blossom", "credit", "Karl Brenner"),
    ],
)
def test_part_questions_are_answered_by_the_part(two_articles, question: str, kind: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    answer = rank.answer(two_articles, question, question, 5)
    assert not answer.abstained, answer.reason
    top = answer.hits[0]
    assert top.kind == kind and words in top.text, (top.kind, top.text)
