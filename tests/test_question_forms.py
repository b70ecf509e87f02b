"""Speaker questions in other forms: why-questions about a quoted person, "Which leader said ...?",
a topic named by a capital."""

from __future__ import annotations

import pytest

from qa import query_reading, rank
from qa.claims import claim_of
from qa.engine import Engine
from qa.forms import asks_reason, canonical, topic_stand_ins
from tests.hashindex import hash_engine

ARTICLE = """Senate rejects the water bill after a long night

WASHINGTON - The Senate rejected the water bill on Tuesday after a debate that ran past midnight.

Senator Jane Roe voted against the bill. "It hands the rivers to the bottlers and leaves the farmers dry," Roe said.

Senator Mark Dane, who wrote the bill, called it "a lifeline for the valley towns." He said the vote was a setback.

Roe also spoke about foreign policy. "We should talk to Iran before we sanction it again," she said.

Asked whether Governor Tom Hale supports the bill, Dane smiled.

"He has told me he would sign it tomorrow," Dane said.

The bill could return to the floor in the spring, aides said.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "forms", ARTICLE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why did Felicia Sanders forgive Roof?", True),
        ("why does the russian president back the syrian regime", True),
        ("How come Dane wrote the bill?", True),
        ("And why did she vote no?", True),
        ("Why is it raining?", False),
        ("Why is there a vote?", False),
        ("What did Roe say about the bill?", False),
        ("Who voted against the bill?", False),
    ],
)
def test_asks_reason(question: str, expected: bool) -> None:
    assert asks_reason(question) is expected


def test_topic_stand_ins_adds_the_country_the_documents_name() -> None:
    used = {"iran", "russia", "syria"}.__contains__
    assert topic_stand_ins("Tehran", used) == "Tehran iran"
    assert topic_stand_ins("sanctions on Tehran", used) == "sanctions on Tehran iran"
    assert topic_stand_ins("Iran", used) == "Iran"  # the documents say it as asked
    assert topic_stand_ins("the farmers", used) == "the farmers"  # no place
    assert topic_stand_ins("Paris", used) == "Paris"  # a country the documents never name


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Which leader described Assad as a tyrant?", "Assad as a tyrant"),
        ("Which US official said the talks had failed?", "the talks had failed"),
        ("which senator called the bill a lifeline", "the bill a lifeline"),
        ("Who said the rivers are dry?", "the rivers are dry"),
        # not who-said questions
        ("Which network was Trump talking to when he said he would win?", None),
        ("Which article described the fire?", None),
        ("What has been said about it?", None),
        ("What did Obama say about Russia?", None),
        ("What reporters said they saw", None),
    ],
)
def test_which_noun_said_is_a_claim(question: str, claim: str | None) -> None:
    assert claim_of(question) == claim


def _first(engine: Engine, question: str) -> str:
    a = rank.answer(engine, question, question, 3)
    assert not a.abstained, a.reason
    return a.hits[0].text


def test_capital_asked_finds_the_quote_naming_the_country(engine: Engine) -> None:
    assert "Iran" in _first(engine, "Did Roe say anything about Tehran?")


def test_which_senator_said_is_answered_with_the_speaker(engine: Engine) -> None:
    assert "lifeline" in _first(
        engine, "Which senator described the bill as a lifeline for the valley towns?"
    )


def test_why_question_about_a_speaker_reads_their_words(engine: Engine) -> None:
    qr = query_reading._read(engine, "Why did Roe vote against the bill?")
    assert qr.speech and qr.doubt  # both readings, fused
    assert qr.wanted == ["Jane Roe"]
    assert "bottlers" in _first(engine, "Why did Roe vote against the bill?")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did Obama say anything about Tehran?", "What did Obama say about Tehran?"),
        ("Has Merkel commented on the refugee crisis?", "What did Merkel say about the refugee crisis?"),
        ("Did Obama talk about Iran at the UN?", "What did Obama say about Iran at the UN?"),
        (
            "What's Putin's take on working with Assad's army",
            "What did Putin say about working with Assad's army?",
        ),
        (
            "What is the Russian president's position on Assad?",
            "What did the Russian president say about Assad?",
        ),
        ("Does Obama have a view on Iran?", "What did Obama say about Iran?"),
        ("Where does Clinton stand on trade?", "What did Clinton say about trade?"),
        ("And did he say anything about Russia?", "And what did he say about Russia?"),
        # other forms stay as asked
        (
            "Does Al Sharpton think Clinton understands race?",
            "Does Al Sharpton think Clinton understands race?",
        ),
        ("Did the article say anything about Iran?", "Did the article say anything about Iran?"),
        ("Did Putin speak at the UN?", "Did Putin speak at the UN?"),
        ("What was the reaction to the vote?", "What was the reaction to the vote?"),
        ("What did Obama say about Iran?", "What did Obama say about Iran?"),
    ],
)
def test_canonical_reads_other_forms_as_what_did_x_say(question: str, expected: str) -> None:
    assert canonical(question) == expected


def test_never_quoted_person_is_declined_in_every_form(engine: Engine) -> None:
    # The article names Tom Hale, who is never quoted.
    for q in (
        "What did Tom Hale say about the bill?",
        "Did Tom Hale say anything about the bill?",
        "What's Tom Hale's take on the bill?",
        "Does Tom Hale have a view on the bill?",
    ):
        a = rank.answer(engine, q, q, 3)
        assert a.abstained, q
        assert a.searched == q  # the answer shows the question as asked
