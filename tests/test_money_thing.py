"""The thing an amount of money is asked for (qa.money_thing, round 25): "How much did the council pay
for its snowploughs?" where the documents give what it paid for buses. Articles written for these
tests; hash embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.lexical import terms
from qa import money_thing


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How much did Harwick council pay for its snowploughs?", ["council", "snowplough"]),
        ("How much did Harwick pay for its snowploughs?", ["snowplough"]),
        ("How much money did Ada Varga give Tom Reyes's campaign?", ["campaign"]),  # giving is money's verb
        ("how much have fundraising and ads cost so far", ["fundrais", "ad"]),
        ("How much is Ada Varga worth?", []),  # a named subject alone: the subject checks' question
        ("And how much did Harwick spend?", []),
        ("How much does a Harwick driver earn, initially?", ["driver"]),  # an adverb is no thing
        ("According to the article, how much did Harwick pay for the buses?", ["bus"]),
        ("How much did the Harwick rally cost?", ["ralli"]),  # "rally" is a thing, not an adverb
    ],
)
def test_thing_terms(question: str, thing: list[str]) -> None:
    assert money_thing.thing_terms(question, terms) == thing


def test_sentence_terms_read_a_hyphenated_compound_as_one_word() -> None:
    got = money_thing.sentence_terms("Their fund-raising has cost $2 million.", terms)
    assert set(terms("fundraising")) <= got and set(terms("fund raising")) <= got
    assert money_thing.sentence_terms("No hyphen here.", terms) == frozenset(terms("No hyphen here."))


def test_with_previous_reads_the_sentence_before_in_its_passage() -> None:
    first = [
        (False, frozenset(terms("She nursed an injured pigeon."))),
        (True, frozenset(terms("She spent $2,000 on a cage."))),
    ]
    second = [(True, frozenset(terms("The shop sold the cage for $90.")))]
    got = money_thing.with_previous([first, second])
    assert set(terms("pigeon")) <= got[1][1]
    assert not set(terms("pigeon")) & got[2][1]  # not across passages
    assert [has for has, _ in got] == [False, True, True]


def test_thing_share_and_reason() -> None:
    thing = {"snowplough": 2.0, "new": 0.5}
    with_amount = [(True, frozenset(terms("The council paid $2 million for new buses.")))]
    assert money_thing.thing_share(thing, with_amount) == pytest.approx(0.2)
    beside = [(True, frozenset(terms("The council paid $400,000 for two snowploughs.")))]
    assert money_thing.thing_share(thing, beside) == pytest.approx(0.8)
    q = "How much did Harwick council pay for its snowploughs?"
    assert money_thing.thing_reason(q, list(thing), 0.0).startswith(
        "no passage gives an amount of money for:"
    )
    assert money_thing.thing_reason(q, list(thing), 0.8) == ""
    assert money_thing.thing_reason(q, [], 0.0) == ""  # no thing asked: nothing to miss


COUNCIL = """Harwick council buys electric buses

Harwick council paid $2 million for six electric buses on Tuesday, the town's first.
"The buses will run on the Canal Road route from March," council leader Ada Varga said.
The council also said its snowploughs would be kept in the old depot over the winter.
"""


@pytest.fixture(scope="module")
def conversation(tmp_path_factory: pytest.TempPathFactory, qa_home: Path):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine
    from qa.session import Conversation

    docs = tmp_path_factory.mktemp("money-docs")
    (docs / "council.txt").write_text(COUNCIL, encoding="utf-8")
    target = tmp_path_factory.mktemp("money") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Conversation(Engine.open(target))


def test_amount_for_another_thing_is_declined(conversation, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The amount Harwick paid stands beside the buses; the snowploughs are named, with no amount."""
    conversation.reset()
    reply = conversation.ask("How much did Harwick pay for its snowploughs?", 5)
    assert reply.abstained
    assert "amount of money" in (reply.reason or "")
    # The check declines it: off, the amount beside Harwick and paying answers it.
    monkeypatch.setattr(money_thing, "MONEY_THING", False)
    conversation.reset()
    assert not conversation.ask("How much did Harwick pay for its snowploughs?", 5).abstained
    monkeypatch.undo()
    conversation.reset()
    kept = conversation.ask("How much did Harwick pay for the electric buses?", 5)
    assert not kept.abstained
    assert "$2 million" in kept.hits[0].text
