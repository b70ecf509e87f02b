"""Order questions ("Who spoke first, X or Y?", "who spoke right before him") credit the sentence
that states an order (qa.order_asked) as a stated value (Features.typed)."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from qa import order_asked, rank

HALL = """Mayors debate the tram line at the town hall

Updated Jun 3, 2025

Mayor Ilse Varga addresses residents during the spring meeting of the Dunmere town council, June 2, 2025.

Varga's remarks at the meeting were in direct opposition to the plan of Mayor Tomas Reede, who also spoke to the residents shortly before Varga.

The two mayors are set to meet again later in the week, where the tram line is expected to be the main topic.

"We cannot keep waiting for a tram that never comes," Reede said after so much delay.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "dunmerehall", HALL)


@pytest.mark.parametrize(
    "question",
    [
        "Who spoke first at the meeting, Varga or Reede?",
        "who went first?",
        "Which of the two mayors took the floor first?",
        "Did Reede speak before or after Varga?",
        "who spoke right before him",
        "Who spoke to the residents just before the council president?",
        "Who spoke after Varga?",
    ],
)
def test_order_questions(question: str) -> None:
    assert order_asked.asks(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who was the first mayor to back the tram?",
        "who said there is no going back to how things were before the war",
        "Who would be hurt first if the line closed?",
        "Who phoned Reede after Dunmere's polls closed?",
        "Who did she work for before?",
    ],
)
def test_no_order_asked(question: str) -> None:
    assert not order_asked.asks(question)


def test_stated_orders() -> None:
    assert order_asked.states("Reede also spoke shortly before Varga.")
    assert order_asked.states("The mayor was preceded by the council chair.")
    assert not order_asked.states("The mayors meet again later in the week.")
    assert not order_asked.states('"We cannot wait," Reede said after so much delay.')


def test_the_order_sentence_gets_the_typed_credit(engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    q = "Who spoke first at the meeting, Varga or Reede?"
    f = rank.features(engine, q)
    assert f is not None
    order, caption = row(engine, f, "shortly before Varga"), row(engine, f, "addresses residents")
    assert f.typed[order] > 0.0 and f.typed[caption] == 0.0
    lead = rank.combine(f, rank.Weights())
    monkeypatch.setattr(order_asked, "ORDER_ASKED", False)
    f_off = rank.features(engine, q)
    assert f_off is not None
    assert f_off.typed[row(engine, f_off, "shortly before Varga")] == 0.0
    off = rank.combine(f_off, rank.Weights())
    o_off, c_off = row(engine, f_off, "shortly before Varga"), row(engine, f_off, "addresses residents")
    # The order sentence's lead over the caption grows by the typed credit.
    assert lead[order] - lead[caption] > off[o_off] - off[c_off]
