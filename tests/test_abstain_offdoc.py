"""A question about an article part, answered from a document that is not that article
(qa.abstain.topic_words, document_share, other_article). Questions and terms written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Who wrote the Herald story about the harbour fire?", "Herald harbour fire"),
        ("When was the Courier article on the ferry strike published?", "Courier ferry strike"),
        ("What does the main photo in the lighthouse story show?", "lighthouse"),
        ("Who took the photo?", ""),
        ("Who wrote the article?", ""),
    ],
)
def test_topic_words(question: str, topic: str) -> None:
    assert abstain.topic_words(question) == topic


def test_document_share() -> None:
    topic = {"harbour": 2.0, "fire": 1.0, "herald": 1.0}
    assert abstain.document_share(topic, {"harbour", "fire", "herald", "crew"}) == 1.0
    assert abstain.document_share(topic, {"fire"}) == 0.25
    assert abstain.document_share({}, {"fire"}) == 1.0  # no topic: nothing to miss


def test_other_article_declines_a_byline_from_another_story() -> None:
    question = "Who wrote the Herald story about the harbour fire?"
    topic = {"herald": 3.0, "harbour": 2.0, "fire": 1.5}
    ferry_story = {"ferry", "strike", "union", "crossing", "fire"}  # "fire" alone: a word in passing
    assert abstain.other_article(question, topic, ferry_story) == "no document is about: Herald harbour fire"
    fire_story = {"harbour", "fire", "crew", "blaze"}  # the story, without the paper's name
    assert abstain.other_article(question, topic, fire_story) == ""


def test_a_question_without_a_topic_is_never_declined() -> None:
    assert abstain.other_article("Who took the photo?", {}, {"ferry"}) == ""


def test_the_threshold_in_code_is_the_fit_report_choice() -> None:
    """abstain.ARTICLE_TOPIC_SHARE is what bench/fit_near_miss.py --offdoc chose."""
    import re
    from pathlib import Path

    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_offdoc.md").read_text(
        encoding="utf-8"
    )
    chosen = re.search(r"^Chosen: abstain\.ARTICLE_TOPIC_SHARE = ([\d.]+)$", report, re.M)
    assert chosen is not None
    assert float(chosen.group(1)) == abstain.ARTICLE_TOPIC_SHARE
    names = re.search(r"^Chosen: abstain\.NAMES_SHARE = ([\d.]+)$", report, re.M)
    assert names is not None
    assert float(names.group(1)) == abstain.NAMES_SHARE


def test_a_part_question_about_another_story_is_declined_end_to_end(fake_article_index: Path) -> None:
    """Through the engine (qa.rank's part-question exit): the bundled article has a photo credit,
    but it is no story about a harbour fire; the same question about its own story is answered."""
    import qa

    index = qa.open(fake_article_index)
    other = index.ask("Who took the photo in the story about the harbour fire?")
    assert other.abstained and other.reason == "no document is about: harbour fire"
    own = index.ask("Who took the photo of Putin at the UN?")
    assert not own.abstained and own.passages[0].kind == "credit"
