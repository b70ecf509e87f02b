"""Requests for advice are declined (qa.advice, qa.decline._advice_reason). Articles and questions
written for these tests."""

from __future__ import annotations

import pytest

from qa import advice
from qa.engine import Engine
from qa.not_mentioned import STRONG_DENSE
from qa.session import Conversation
from tests.hashindex import hash_engine

# A made-up story on a city's convention centre, its hotels and a visa rule: the words of the requests
# below are in it, their advice is not.
ARTICLE = """Harborton opens its new convention centre

The city of Harborton opened its new convention centre on the east waterfront on Tuesday, the mayor,
Ruth Calloway, said at the ribbon cutting.

"This hall will bring thirty thousand visitors a year to our hotels and restaurants," Calloway said.

Three hotels stand near the centre, and the city council approved a fourth in March, though critics
suggest the waterfront has hotels enough.

Visitors from outside the union need a tourist visa, which the consulate issues in about ten days.

The centre cost 210 million dollars and took four years to build.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Can you suggest a hotel near the Harborton convention centre?",
        "could you recommend a restaurant on the waterfront",
        "recommend a good hotel in Harborton",
        "how do i apply for a tourist visa",
        "Where can I park near the convention centre?",
        "Should I book my hotel early?",
        "best restaurants near the convention centre",
        "What's the best hotel near the waterfront?",
        "What is the best time of year to visit Harborton?",
    ],
)
def test_requests_for_advice_are_read(question: str) -> None:
    assert advice.asks_advice(question)


@pytest.mark.parametrize(
    "question",
    [
        # Questions on what the news says, some with the same words.
        "How many hotels stand near the centre?",
        "What did Calloway say about hotels?",
        "Who recommended the waterfront site?",
        "What did the mayor suggest about visitors?",
        "Give me the headline",
        "Read me the first line of the story",
        # "we" and a general "you" ask the news: "What do we know ...", "How do you pronounce ...".
        "What do we know about the new centre?",
        "How do you pronounce Harborton?",
        "How can you tell the centre from the old hall?",
        # "best" of what the news reports: a ranking, an award, a speaker's view.
        "What is the best-selling album of the year?",
        "Who won the award for best actress?",
        "What is the best way to fight terrorism, according to Putin?",
        "What did I miss in the council's vote?",
    ],
)
def test_questions_on_the_news_are_no_requests(question: str) -> None:
    assert not advice.asks_advice(question)


def test_the_reason_leaves_a_strong_passage_and_the_switch_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    q = "Can you suggest a hotel near the convention centre?"
    assert advice.advice_reason(q, 0.2, STRONG_DENSE).startswith("the documents are news, and give no advice")
    # A best passage that says the same thing in other words answers it all the same.
    assert advice.advice_reason(q, STRONG_DENSE, STRONG_DENSE) == ""
    assert advice.advice_reason("How many hotels stand near the centre?", 0.2, STRONG_DENSE) == ""
    monkeypatch.setattr(advice, "ADVICE", False)
    assert advice.advice_reason(q, 0.2, STRONG_DENSE) == ""


@pytest.fixture(scope="module")
def harborton(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "harborton_advice", ARTICLE)


@pytest.mark.parametrize(
    "question",
    [
        "Can you suggest a hotel near the Harborton convention centre?",
        "how do i apply for a tourist visa",
        "best restaurants near the convention centre",
    ],
)
def test_a_request_whose_words_the_article_holds_is_declined(harborton: Engine, question: str) -> None:
    """Through the conversation: every word of these is in the article, and none of them is answered
    by it."""
    reply = Conversation(harborton).ask(question, 5)
    assert reply.abstained
    assert reply.reason.startswith("the documents are news, and give no advice on")


def test_a_question_on_the_same_words_is_answered(harborton: Engine) -> None:
    reply = Conversation(harborton).ask("How many visitors will the convention centre bring?", 5)
    assert not reply.abstained
