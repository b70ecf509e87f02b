"""How old a thing is (qa.answer_type.thing_age, round 28): answered by its start or its length, not
by a person's age; a person's age is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, answer_type


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How old is the war in Syria?", True),
        ("How old is the ferry service?", True),
        ("How old is Moscow's support for the regime?", True),
        ("How old is the firm Hollis & Kerr?", True),
        ("How old is the harbour fair, per the article?", True),
        ("How old is he?", False),
        ("How old is Nadia Kerr?", False),
        ("How old is the mayor?", False),
        ("How old is the Russian president?", False),
        ("How old was the boy when he left?", False),
        ("How old is the Eagle Forum?", False),  # only capitals: may be anyone's name
        ("How long is the bridge?", False),
    ],
)
def test_thing_age(question: str, thing: bool) -> None:
    assert answer_type.thing_age(question) is thing


def test_a_things_age_is_asked_as_since_when() -> None:
    q = "How old is the ferry service?"
    assert answer_type.question_type(q) == "time"
    assert answer_type.asked(q) == ("duration", "date")
    assert abstain.asked_fact(q) == "since"
    assert abstain.fact_bound("since") == abstain.FACT_BOUND["age"]
    # A person's age is asked as before.
    assert answer_type.question_type("How old is the mayor?") == "age"
    assert abstain.asked_fact("How old is the mayor?") == "age"


@pytest.mark.parametrize(
    ("sentence", "since", "age"),
    [
        ("The ferry service, which opened in 1961, runs every hour.", True, False),
        ("The four-year-long war has displaced millions.", True, False),
        ("The quarter-century-old brigade remains a paper tiger.", True, False),
        ("Russia has backed him since the start of the war in 2011.", True, False),
        ("The bridge was built in 1890.", True, True),
        ("Jones, 26, was arrested.", True, True),
        ("The council met on Monday.", False, False),
    ],
)
def test_since_evidence(sentence: str, since: bool, age: bool) -> None:
    """A start or a length gives a thing's age; it gives no person's age."""
    assert answer_type.fact_evidence("since", sentence) is since
    assert answer_type.fact_evidence("age", sentence) is age


ARTICLE = """Ferry service to close

The Low Fenwick ferry service, which opened in 1961, will close in March, the council said on Monday.
The crossing carries 400 passengers a day, and the council says it loses money on every trip.

"It is a sad day for the harbour," said Nadia Kerr, who has run the ferry for a decade.
"""


@pytest.fixture(scope="module")
def ferry_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("ferry")
    (docs / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "ferry.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_a_things_age_is_answered_by_its_start(ferry_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(ferry_engine).ask("How old is the ferry service?")
    assert not a.abstained, a.reason
    assert "opened in 1961" in a.hits[0].text


def test_a_persons_age_is_not_read_from_a_things_start(ferry_engine) -> None:  # type: ignore[no-untyped-def]
    """ "Nadia Kerr ... the ferry service, which opened in 1961": no age of Kerr."""
    from qa.session import Conversation

    a = Conversation(ferry_engine).ask("How old is Nadia Kerr?")
    assert a.abstained
