"""Answerable questions the decline tests misread (round 24, bench/reports/wrong24.md): a follow-up
whose words the documents lack was declined for "none of the question's words" (the test is off); a
sentence opening with a connective before its pronoun ("But even her ...") goes on about the person
named before it. Each is checked on a short article of this test's own, beside a question still
declined."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import not_mentioned, slots
from tests.hashindex import hash_engine

ARTICLE = """Singer's secret childhood

Singer Marta Olsen has become a familiar voice to many through her songs on the radio. But even her
closest friends did not know that she had lived on her own since age 15, when her parents were sent
back to Norway.

"I was scared every day," Olsen said in an interview with the Valley Courier. The mayor of Kessel,
Odile Ferrant, spoke first at the award dinner, and Olsen sang after her.
"""


@pytest.fixture(scope="module")
def engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine(tmp_path_factory, "olsen24", ARTICLE)


@pytest.mark.parametrize(
    ("sentence", "goes_on"),
    [
        ("But even her closest friends did not know.", True),
        ("And still they came back.", True),
        ("She sang.", True),
        ("Even so, he left.", True),
        ("But the claims about the deal were false.", False),
        ("Still, the port stayed open.", False),
        ("Evenings are quiet.", False),
    ],
)
def test_a_connective_may_open_a_sentence_going_on(sentence: str, goes_on: bool) -> None:
    assert slots.goes_on(sentence) is goes_on


def test_a_sentence_after_a_connective_takes_the_name_before_it() -> None:
    rows = [
        ("Singer Marta Olsen has become famous.", frozenset({"singer", "marta", "olsen"})),
        ("But even her friends did not know her age, 15.", frozenset({"friend", "age"})),
        ("But the claims were false.", frozenset({"claim"})),
    ]
    out = slots.chained(rows)
    assert {"marta", "olsen"} <= out[1][1]
    assert "olsen" not in out[2][1]


def test_the_age_is_bound_to_the_person_named_a_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(engine).ask("How old was Marta Olsen when she was left on her own?")
    assert "no passage gives an age" not in a.reason, a.reason
    assert not a.abstained and "age 15" in a.hits[0].text
    # An age the documents give of no one asked is still declined.
    b = Conversation(engine).ask("How old is Odile Ferrant?")
    assert b.abstained and "age" in b.reason, b.reason


def test_a_follow_up_is_not_declined_for_lacking_the_documents_words(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    assert not_mentioned.NO_TERM is False
    conv = Conversation(engine)
    conv.ask("Who spoke at the award dinner?")
    a = conv.ask("who kicked off?")
    assert "none of the question's words" not in a.reason, a.reason
    # A question about something else entirely is declined all the same, by the off-topic test.
    b = Conversation(engine).ask("Quarterly dividend yields?")
    assert b.abstained, b.reason
