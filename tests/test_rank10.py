"""Ranking of paraphrased fact questions (issue 9) and the order of the passages shown.

Articles written for these tests; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

import pytest

from qa.engine import Engine
from qa.session import Conversation, ordered_scores
from qa.types import Hit
from tests.hashindex import hash_engine

ARTICLE = """Harbour council backs ferry plan

Photo: Councillor Ines Moreau speaks at the Harbour council meeting on Tuesday, March 3.

The Harbour council voted on Tuesday to restore the night ferry to the island of Vell, after two
years in which the island had no service after dark.

Councillor Ines Moreau, who proposed the plan, said the ferry would cost the town 400,000 euros a
year. "Families on Vell have waited long enough," Moreau said. "This is about fairness."

Moreau's speech hinted at a wider deal with the port authority, which owns the pier and has asked
the council to share the cost of repairs.

The port authority blames the council for the pier's decay, saying repairs were put off for a
decade. "We warned them in 2015," a port spokesman said.

The first night crossing is planned for May, when the new timetable starts.
"""


def _hit(score: float, pid: int) -> Hit:
    return Hit("text", score, "a.txt", "a", 0, 4, 1, "body", (0, 4), pid=pid)


def test_ordered_scores_never_rise() -> None:
    """A list fused or re-ordered by more than the score is shown with scores that never rise, in
    the same order, the first keeping its own."""
    hits = [_hit(1.70, 1), _hit(1.06, 2), _hit(0.88, 3), _hit(0.99, 4), _hit(0.76, 5)]
    shown = ordered_scores(hits)
    assert [h.pid for h in shown] == [1, 2, 3, 4, 5]
    assert [h.score for h in shown] == [1.70, 1.06, 0.88, 0.88, 0.76]
    assert ordered_scores([]) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "ferry", ARTICLE)


@pytest.mark.parametrize(
    "questions",
    [
        ("Who proposed the night ferry?", "What did she say?"),
        ("What does the port authority want?", "Who does it blame for the decay?"),
        ("When does the first crossing happen?", "And the cost?"),
        ("What did Moreau say?", "What else did she say?"),
        ("What did Moreau say?", "Who said that?"),
    ],
)
def test_conversation_scores_follow_the_order(engine: Engine, questions: tuple[str, ...]) -> None:
    """Whatever fuses or re-orders a follow-up's passages, the scores shown never rise down the list."""
    conv = Conversation(engine)
    for q in questions:
        a = conv.ask(q, 5)
        for shown in (a.hits, a.nearest):
            scores = [h.score for h in shown]
            assert scores == sorted(scores, reverse=True), (q, scores)
