"""The bot end to end with the real model, on an article written for these tests and on the bundled one.

Every rule under test is general (speakers, article parts, follow-ups, abstention): the article
below is not the bundled one, and no rule may know either text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.engine import Engine
from qa.session import Conversation

pytestmark = pytest.mark.slow  # the real model: these tests are about ranking quality

HARBOUR = """Harbour bridge deal agreed after months of talks

Prime Minister Elena Marsh says the agreement is 'a fair price', while union leaders warn of job losses

Photo by: Tomas Ruiz/Coastal Press

Prime Minister Elena Marsh speaks to reporters outside the port authority in Valmora, March 3, 2024.

Updated Mar 4, 2024

The government of Arland and the port workers' union agreed on Sunday to build a new harbour bridge in Valmora, ending a strike that had closed the port for six weeks.

"This bridge will carry our trade for the next hundred years, and it comes at a fair price," Marsh told parliament on Monday.

The bridge will cost 2.4 billion euros and is due to open in 2029, according to the transport ministry.

Union leader David Okafor said the deal protected wages but warned that automation at the new terminal could still cost hundreds of jobs.

"We did not end this strike to watch machines take our members' work," Okafor said.

Marsh has insisted that no worker will lose a job because of the new terminal.

At least 1,200 dock workers took part in the strike, and shipping companies say the closure cost them 300 million euros.

Opposition leader Karl Brandt called the deal rushed. "Parliament was given three days to read a contract that will bind us for a century," Brandt said.

The two sides will meet again in June to agree on training for the terminal's new cranes.

Coastal Press and agencies
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("harbour-docs")
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    target = tmp_path_factory.mktemp("harbour-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def top(engine: Engine, *questions: str, k: int = 3) -> str:
    """Ask the questions in one conversation; the first passage of the last answer."""
    conv = Conversation(engine)
    answer = None
    for q in questions:
        answer = conv.ask(q, k)
    assert answer is not None and not answer.abstained, answer and answer.reason
    return answer.hits[0].text


def abstains(engine: Engine, question: str) -> bool:
    return Conversation(engine).ask(question, 3).abstained


def test_speaker_quotes_rank_first(harbour: Engine) -> None:
    assert "hundred years" in top(harbour, "What did Marsh say about the bridge?")
    assert "machines take our members' work" in top(harbour, "What did Okafor say about the strike?")
    assert "three days to read" in top(harbour, "What did Brandt say about the deal?")


def test_speaker_by_role(harbour: Engine) -> None:
    assert "hundred years" in top(harbour, "What did the prime minister say about the bridge?")
    assert "Okafor" in top(harbour, "what did the union leader say about jobs?")


def test_another_speakers_quote_does_not_win_on_topic(harbour: Engine) -> None:
    # The strike is Okafor's topic, but the question asks for Marsh's words.
    text = top(harbour, "What did Marsh say about the strike?")
    assert "Marsh" in text and "Okafor" not in text


def test_facts(harbour: Engine) -> None:
    assert "2.4 billion euros" in top(harbour, "How much will the bridge cost?")
    assert "1,200" in top(harbour, "How many dock workers went on strike?")
    assert "June" in top(harbour, "When will the two sides meet again?")


def test_article_parts(harbour: Engine) -> None:
    assert top(harbour, "Who took the photo?").startswith("Photo by")
    assert top(harbour, "When was this updated?").startswith("Updated")
    assert "agencies" in top(harbour, "Who wrote this?")


def test_follow_ups(harbour: Engine) -> None:
    assert "Okafor" in top(harbour, "What did Marsh say about the bridge?", "And Okafor?")
    assert "Brandt" in top(harbour, "What did Okafor say about the deal?", "What about Brandt?")
    # "it" carries the previous subject; the answer stays on topic.
    assert "2029" in top(harbour, "How much will the bridge cost?", "When will it open?")


def test_follow_up_rewrites(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("What did Marsh say about the strike?", 3)
    # Not a person: the topic changes, the speaker stays.
    assert conv.ask("And the terminal?", 3).searched == "What did Marsh say about the terminal?"
    conv.reset()
    conv.ask("What did Okafor say about Marsh?", 3)
    # A person: the speaker changes, even when the topic names someone too.
    assert conv.ask("And Brandt?", 3).searched == "What did Brandt say about Marsh?"
    conv.reset()
    conv.ask("How much will the bridge cost?", 3)
    assert conv.ask("When?", 3).searched == "When will the bridge cost?"


def test_self_contained_question_is_not_polluted(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("What did Okafor say about automation?", 3)
    answer = conv.ask("How many dock workers took part in the strike?", 3)
    assert answer.searched == answer.question
    assert "1,200" in answer.hits[0].text


def test_searched_is_shown_when_rewritten(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("What did Marsh say about the bridge?", 3)
    answer = conv.ask("And Brandt?", 3)
    assert answer.searched != answer.question and "Brandt" in answer.searched
    assert answer.to_json()["searched"] == answer.searched


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of Peru?",
        "What did Angela Merkel say about refugees?",
        "How tall is Elena Marsh?",
        "What did Marsh say about vaccines?",
        "Who won the football cup final?",
        "When was Elena Marsh born?",
        "What is the population of Valmora?",
    ],
)
def test_abstains_when_the_documents_do_not_say(harbour: Engine, question: str) -> None:
    answer = Conversation(harbour).ask(question, 3)
    assert answer.abstained and answer.hits == [] and answer.reason
    assert answer.nearest, "the nearest passages stay available on request"


def test_a_paraphrased_verb_is_not_a_missing_subject(harbour: Engine) -> None:
    # "walked out" is not in the article, but a number stands beside the question's other words.
    assert "1,200" in top(harbour, "How many dock workers walked out?")


def test_answers_carry_exact_offsets_and_highlight(harbour: Engine) -> None:
    answer = Conversation(harbour).ask("What did Marsh say about the bridge?", 5)
    doc = HARBOUR
    for h in answer.hits:
        assert doc[h.start : h.end] == h.text
        a, b = h.highlight
        assert 0 <= a < b <= len(h.text)
    best = answer.hits[0]
    assert "hundred years" in best.text[best.highlight[0] : best.highlight[1]]
    assert best.speaker == "Elena Marsh"


def test_bundled_article_obama_on_russia(article_engine: Engine) -> None:
    answer = Conversation(article_engine).ask("what did Obama say about Russia?", 5)
    assert not answer.abstained
    assert (
        "The United States is prepared to work with any nation, including Russia and Iran"
        in answer.hits[0].text
    )
    assert answer.hits[0].speaker == "Barack Obama"


# --------------------------------------------------------------------------- parts across web pages

_PAGE = """<!DOCTYPE html><html><head>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="og:url" content="https://{host}/story"><meta name="author" content="{author}">
<meta property="article:published_time" content="{iso}T08:00:00+00:00"></head><body>
<article><h1>{title}</h1>
<p class="byline">By {author}</p><time datetime="{iso}T08:00:00+00:00">{shown}</time>
<figure><img src="a.jpg"><figcaption>{caption} <span class="credit">Photo: {credit}</span></figcaption></figure>
{body}</article></body></html>"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("pages")
    (docs / "transport").mkdir()
    (docs / "science").mkdir()
    (docs / "transport" / "index.html").write_text(
        _PAGE.format(
            title="Night trains return to the coast line",
            site="Valley Courier",
            host="valley-courier.example",
            author="Nina Berg",
            iso="2024-05-02",
            shown="2 May 2024",
            caption="A night train waits at the coast station.",
            credit="Ari Lund/Valley Courier",
            body="<p>Night trains will run on the coast line again from June, the rail operator said on "
            "Thursday, after a trial drew more passengers than expected.</p><p>The operator said trains "
            "would leave every hour between midnight and five in the morning, stopping at all stations."
            "</p><p>Unions agreed to the new shifts after talks that lasted most of the winter.</p>",
        ),
        encoding="utf-8",
    )
    (docs / "science" / "index.html").write_text(
        _PAGE.format(
            title="Glacier melt doubles in a decade, survey finds",
            site="Alpine Science Weekly",
            host="alpine-science.example",
            author="Jonas Keller",
            iso="2023-11-20",
            shown="20 November 2023",
            caption="Researchers measure the edge of the glacier.",
            credit="Mia Ott/Alpine Survey",
            body="<p>Glaciers in the northern range lost twice as much ice in the past ten years as in the "
            "decade before, a survey of satellite images has found.</p><p>The researchers said warmer "
            "summers and less snow in winter explained most of the loss.</p><p>They expect several small "
            "glaciers to disappear before the end of the century.</p>",
        ),
        encoding="utf-8",
    )
    (docs / "notes.txt").write_text(HARBOUR, encoding="utf-8")
    target = tmp_path_factory.mktemp("pages-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who wrote the Valley Courier story about night trains?", "By Nina Berg"),
        ("Who wrote the article about the glacier survey?", "By Jonas Keller"),
        ("When was the glacier story published?", "20 November 2023"),
        ("When was the Valley Courier article about trains published?", "2 May 2024"),
        ("Who took the photo of the glacier?", "Photo: Mia Ott/Alpine Survey"),
        ("What does the photo in the night train story show?", "A night train waits at the coast station."),
        ("What is the headline of the glacier story?", "Glacier melt doubles in a decade, survey finds"),
    ],
)
def test_parts_of_the_right_page(pages: Engine, question: str, expected: str) -> None:
    assert top(pages, question) == expected


def test_page_citations_carry_title_date_and_url(pages: Engine) -> None:
    answer = Conversation(pages).ask("Who wrote the article about the glacier survey?", 3)
    hit = answer.hits[0]
    assert hit.source.endswith("science/index.html")
    assert (hit.title, hit.date, hit.url) == (
        "Glacier melt doubles in a decade, survey finds",
        "2023-11-20",
        "https://alpine-science.example/story",
    )
    assert hit.to_json()["url"] == "https://alpine-science.example/story"


def test_same_text_is_one_answer(tmp_path: Path, qa_home: Path) -> None:
    from index.build import build
    from qa import config

    text = HARBOUR.replace("Coastal Press and agencies", "Photo by: Tomas Ruiz/Coastal Press\n\nThe end.")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "twice.txt").write_text(text, encoding="utf-8")
    build([tmp_path / "d"], tmp_path / "idx", cache_dir=config.model_cache_dir())
    answer = Conversation(Engine.open(tmp_path / "idx")).ask("Who took the photo?", 5)
    texts = [" ".join(h.text.split()) for h in answer.hits]
    assert len(texts) == len(set(texts))
    assert texts.count("Photo by: Tomas Ruiz/Coastal Press") == 1
