"""Fact questions' ranking evidence (qa.rank): the question's phrases found as phrases
(Features.phrase) and the separate, looser penalty of a "where" passage without a place
(Features.wrong_place)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hashindex import hash_engine, row

from qa import rank, term_cover

HARBOUR = """Port of Halvik reopens

A series of strikes by dock workers closed the port of Halvik in the winter of 1921.

The strike of 1934 lasted a week. A second series of the harbour radio show began that year.

The new crane arrived by rail and was assembled slowly over the summer.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "harbour", HARBOUR)


def test_question_pairs_are_adjacent_terms_in_order() -> None:
    idf = {"seri": 2.0, "strike": 1.0, "happen": 0.5}
    assert term_cover.question_pairs(["seri", "strike", "happen"], idf) == {
        ("seri", "strike"): 3.0,
        ("strike", "happen"): 1.5,
    }
    assert term_cover.question_pairs(["strike"], idf) == {}
    assert term_cover.question_pairs(["strike", "strike"], idf) == {}


def test_the_phrase_counts_only_side_by_side_in_one_sentence(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When did the series of strikes happen?")
    assert f is not None
    together = row(engine, f, "A series of strikes")
    apart = row(engine, f, "The strike of 1934")  # both words, in two sentences
    assert float(f.phrase[together]) > 0.0
    assert float(f.phrase[apart]) == 0.0
    # Word overlap alone cannot tell them apart: each passage holds both words.
    assert float(f.cov_p[apart]) == pytest.approx(float(f.cov_p[together]))


def test_the_order_of_the_phrase_matters(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Which strikes series closed the port?")
    assert f is not None
    together = row(engine, f, "A series of strikes")
    # "strikes series" is not "series of strikes"; "closed the port" still stands together.
    pairs = term_cover.question_pairs(
        engine.terms("strikes series closed port"),
        {t: 1.0 for t in engine.terms("strikes series closed port")},
    )
    assert ("strike", "seri") in pairs
    assert 0.0 < float(f.phrase[together]) < 1.0


def test_phrase_weight_adds_its_share(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When did the series of strikes happen?")
    assert f is not None
    on = rank.combine(f, dataclasses.replace(rank.WEIGHTS, phrase=1.0))
    off = rank.combine(f, dataclasses.replace(rank.WEIGHTS, phrase=0.0))
    assert np.allclose(on - off, f.phrase)


def test_a_where_question_marks_placeless_passages_apart(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Where was the new crane assembled?")
    assert f is not None
    crane = row(engine, f, "The new crane")
    assert bool(f.wrong_place[crane]) and not bool(f.wrong[crane])
    assert not f.wrong.any()  # a "where" question's penalty is wrong_place's alone
    on = rank.combine(f, dataclasses.replace(rank.WEIGHTS, wrong_place=1.0))
    off = rank.combine(f, dataclasses.replace(rank.WEIGHTS, wrong_place=0.0))
    assert np.allclose(off - on, f.wrong_place)


def test_a_how_many_question_keeps_the_wrong_type_penalty(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "How many cranes arrived?")
    assert f is not None
    crane = row(engine, f, "The new crane")  # no number in it
    assert bool(f.wrong[crane]) and not f.wrong_place.any()
