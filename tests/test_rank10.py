"""Ranking of paraphrased fact questions (issue 9) and the order of the passages shown.

Articles written for these tests; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from qa import rank
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


def test_reach_is_the_best_share_of_the_question_any_candidate_holds(engine: Engine) -> None:
    """Features.reach: the same in every row, the largest cov_q; 1 when some passage holds every
    question word, below 1 for a question in words the article does not use."""
    whole = rank.features(engine, "Which councillor proposed the plan?")
    assert whole is not None
    assert np.allclose(whole.reach, whole.cov_q.max())
    assert whole.reach[0] == pytest.approx(1.0)
    para = rank.features(engine, "Which politician championed bringing back evening boats to Vell?")
    assert para is not None
    assert 0.0 < para.reach[0] < 1.0
    assert np.all(para.reach == para.reach[0])


def test_unmatched_scales_word_matches_by_reach(engine: Engine) -> None:
    """Weights.unmatched: with reach 1 the score is unchanged; with reach r the word-matching part
    (bm25, sentence, passage coverage) is scaled by 1 - unmatched * (1 - r), the dense part kept."""
    w0 = replace(rank.WEIGHTS, unmatched=0.0, neighbour=0.0, document=0.0)
    w1 = replace(w0, unmatched=1.0)
    whole = rank.features(engine, "Which councillor proposed the plan?")
    assert whole is not None
    assert np.allclose(rank.combine(whole, w0), rank.combine(whole, w1))
    para = rank.features(engine, "Which politician championed bringing back evening boats to Vell?")
    assert para is not None
    lexical = w0.bm25 * para.bm + w0.sentence * para.cov_s + w0.passage_cov * para.cov_p
    drop = rank.combine(para, w0) - rank.combine(para, w1)
    assert np.allclose(drop, lexical * (1.0 - para.reach))
    unset = replace(para, reach=np.zeros(0))  # made without it: the weight changes nothing
    assert np.allclose(rank.combine(unset, w0), rank.combine(unset, w1))
