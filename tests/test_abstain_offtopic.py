"""The off-topic gate (qa.rank.off_topic): a question some of whose words the documents lack, whose
best passages hold little of its content and are not close to it, is about something else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa import abstain, not_mentioned


def test_off_topic_needs_both_little_content_and_a_weak_passage() -> None:
    assert not_mentioned.off_topic((0.0, 0.2))
    assert not_mentioned.off_topic((abstain.OFFTOPIC_HELD - 0.01, abstain.OFFTOPIC_DENSE - 0.01))
    # The best passages hold most of the question: a paraphrase of the rest, not another subject.
    assert not not_mentioned.off_topic((0.8, 0.2))
    # A best passage close to the question as a whole says what is asked in other words.
    assert not not_mentioned.off_topic((0.0, 0.6))


def test_the_thresholds_in_code_are_the_fit_report_choice() -> None:
    """abstain.OFFTOPIC_HELD and OFFTOPIC_DENSE are what bench/fit_offtopic.py chose."""
    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_offtopic.md").read_text(
        encoding="utf-8"
    )
    chosen = re.search(
        r"^Chosen: abstain\.OFFTOPIC_HELD = ([\d.]+), abstain\.OFFTOPIC_DENSE = ([\d.]+)", report, re.M
    )
    assert chosen is not None
    assert (float(chosen.group(1)), float(chosen.group(2))) == (abstain.OFFTOPIC_HELD, abstain.OFFTOPIC_DENSE)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["who won the 2014 world cup", "who won the world cup", "when is the world cup"],
)
def test_a_question_sharing_one_word_with_the_article_is_declined(article_index: Path, question: str) -> None:
    """Through the engine, with the real model: the bundled article (on Syria at the UN) has "world",
    not what these ask."""
    import qa

    answer = qa.open(article_index).ask(question)
    assert answer.abstained and answer.reason.startswith("the documents do not cover")


@pytest.mark.slow
def test_a_question_on_the_article_with_a_word_it_lacks_is_answered(article_index: Path) -> None:
    import qa

    answer = qa.open(article_index).ask("How many people have died in the Syrian war?")
    assert not answer.abstained
