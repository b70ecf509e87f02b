"""Query-time dense evidence (qa.dense_evidence): sentence, context and token-level cosines over the
top candidates, on an article written for these tests; and that at weight 0 nothing changes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from qa import dense_evidence, rank
from qa.engine import Engine
from qa.late_interaction import Tokens, maxsim, question_weights
from tests.hashindex import hash_engine

FLOOD = (
    "Floods swamp the Elbe valley.\n\n"
    "The river rose through the night. Town halls opened their doors. By morning, some 3,000 "
    "residents of Pirna had been forced from their homes by the water.\n\n"
    "Mayor Klaus Ebert toured the old town at dawn.\n\n"
    "He said the dykes would be raised by two metres before the autumn rains.\n\n"
    "Farmers upstream counted their losses in flooded barley fields and drowned cattle.\n"
)


def _every() -> rank.Weights:
    return dataclasses.replace(rank.WEIGHTS, **{c: 1.0 for c in dense_evidence.COLUMNS})


def test_maxsim_is_the_weighted_mean_of_each_question_tokens_best_match() -> None:
    q = Tokens(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32), [(0, 1), (2, 3)])
    p = Tokens(np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32), [(0, 1), (2, 3)])
    assert maxsim(q, np.array([1.0, 1.0]), p) == pytest.approx((1.0 + 0.8) / 2)
    assert maxsim(q, np.array([3.0, 1.0]), p) == pytest.approx((3.0 + 0.8) / 4)
    assert maxsim(q, np.array([1.0]), Tokens(np.zeros((0, 2), dtype=np.float32), [])) == 0.0


def test_question_weights_follow_the_words_idf_and_never_all_vanish() -> None:
    text = "who was displaced"
    spans = [(0, 3), (4, 7), (8, 17), (8, 17)]  # "displaced" as two word pieces
    idf = {"who": 0.0, "was": 0.0, "displaced": 2.5}
    assert question_weights(text, spans, lambda w: idf[w]).tolist() == [0.0, 0.0, 2.5, 2.5]
    assert question_weights(text, spans[:2], lambda w: idf[w]).tolist() == [1.0, 1.0]


@pytest.fixture(scope="module")
def hashed(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "flood", FLOOD)


def test_without_an_onnx_model_maxsim_is_zero_and_the_rest_computed(hashed: Engine) -> None:
    f = rank.features(hashed, "How many residents were displaced?", dense=_every())
    assert f is not None
    assert f.maxsim.size == len(f.pids) and not f.maxsim.any()
    assert f.sent_dense.size == len(f.pids) and f.sent_dense.any()


def test_at_weight_zero_the_columns_are_not_computed(hashed: Engine) -> None:
    f = rank.features(hashed, "How many residents were displaced?", dense=rank.WEIGHTS)
    assert f is not None
    assert all(getattr(f, c).size == 0 for c in dense_evidence.COLUMNS)


@pytest.fixture(scope="module")
def flood(qa_home, tmp_path_factory: pytest.TempPathFactory) -> Engine:  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("flood-real")
    (docs / "flood.txt").write_text(FLOOD, encoding="utf-8")
    target = tmp_path_factory.mktemp("flood-real-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _row(engine: Engine, f: rank.Features, words: str) -> int:
    return next(i for i, pid in enumerate(f.pids) if words in engine.passages[pid].text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["How many people were displaced in Pirna?", "What did the mayor promise about the dykes?"],
)
def test_weights_at_zero_reproduce_the_order_without_the_columns(flood: Engine, question: str) -> None:
    plain = rank.features(flood, question)
    every = rank.features(flood, question, dense=_every())
    assert plain is not None and every is not None and plain.pids == every.pids
    assert np.array_equal(rank.combine(plain, rank.WEIGHTS), rank.combine(every, rank.WEIGHTS))
    assert any(getattr(every, c).any() for c in dense_evidence.COLUMNS)


@pytest.mark.slow
def test_the_answer_sentence_matches_better_than_its_whole_paragraph(flood: Engine) -> None:
    f = rank.features(flood, "How many residents had to leave their homes?", dense=_every())
    assert f is not None
    i = _row(flood, f, "3,000 residents")
    assert f.sent_dense[i] > f.dense[i]  # "The river rose ..." and "Town halls ..." dilute the passage


@pytest.mark.slow
def test_a_he_said_sentence_reads_its_subject_from_the_context(flood: Engine) -> None:
    f = rank.features(flood, "What did Mayor Klaus Ebert say about the dykes?", dense=_every())
    assert f is not None
    i = _row(flood, f, "He said the dykes")
    assert f.prev_dense[i] > f.dense[i]  # the paragraph before names the mayor


@pytest.mark.slow
def test_maxsim_matches_a_paraphrase_token_by_token(flood: Engine) -> None:
    f = rank.features(flood, "How many people were displaced?", dense=_every())
    assert f is not None
    homes, cattle = _row(flood, f, "forced from their homes"), _row(flood, f, "drowned cattle")
    assert f.maxsim[homes] > f.maxsim[cattle]
    assert 0.0 < f.maxsim[homes] <= 1.0


@pytest.mark.slow
def test_a_full_token_memo_is_emptied_and_every_text_still_scored(
    flood: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa import late_interaction

    pids = list(range(flood.n_passages()))
    enc = late_interaction.token_encoder(flood)
    assert enc is not None
    enc._memo.clear()  # the same batches both times: int8 states depend on the batch (see dense21.md)
    whole = late_interaction.maxsim_scores(flood, "Who was displaced?", pids)
    monkeypatch.setattr(late_interaction, "MEMO_TEXTS", 2)
    again = late_interaction.maxsim_scores(flood, "Who was displaced?", pids)
    assert np.allclose(whole, again) and whole.all()
