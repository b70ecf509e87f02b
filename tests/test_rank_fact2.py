"""Fact questions' ranking evidence, second part (qa.rank): a photo caption in a question that asks
for no article part (Features.caption), and a question read as a speech question only doubtfully,
scored in both readings (Features.doubt, Features.alt, Weights.narrator)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hashindex import hash_engine, row

from qa import describe, rank
from qa import question as questions

FERRY = """Harbour council backs new ferry link

Mayor Tilda Renk says the ferry link to Velso will open in spring, after a year of delays

Photo by: Nordic Press

Mayor Tilda Renk speaks to residents at the harbour hall in Velso, March 3, 2024.

Updated Mar 4, 2024

Mayor Tilda Renk told residents at the harbour hall that the ferry link to Velso would open in spring.

"We will open the ferry link in spring, whatever the weather does to the bridge repairs," Renk said.

"The harbour hall has heard enough promises from this council," Renk added.

Renk's speech at the hall signaled a possible delay to the bridge repairs for a second winter.

Council officials say they suspect Norway wants to keep its fishing quotas in the strait.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "ferry", FERRY)


def test_a_caption_is_marked_when_no_part_is_asked(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Where did the mayor speak to residents?")
    assert f is not None
    caption = row(engine, f, "speaks to residents at the harbour hall")
    body = row(engine, f, "told residents at the harbour hall")
    assert bool(f.caption[caption]) and not bool(f.caption[body])


def test_a_caption_is_not_marked_when_the_question_asks_for_it(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What does the photo caption say?")
    assert f is not None
    assert not f.caption.any()


def test_the_caption_weight_lowers_only_captions(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Where did the mayor speak to residents?")
    assert f is not None
    off = rank.combine(f, dataclasses.replace(rank.WEIGHTS, caption=0.0))
    on = rank.combine(f, dataclasses.replace(rank.WEIGHTS, caption=0.3))
    assert np.allclose(off - on, 0.3 * f.caption)


def test_a_view_noun_doing_something_else_is_a_doubtful_speech_question() -> None:
    assert questions.doubtful_speech("what did Renk's speech hint at despite the delays", False)
    assert questions.doubtful_speech("What did the mayor's statement reveal about the budget?", False)
    # A verb of speech, or the view noun with its topic, asks for the words themselves.
    assert not questions.doubtful_speech("What did Renk say about the ferry?", False)
    assert not questions.doubtful_speech("What was Renk's reaction to the vote?", False)
    assert not questions.doubtful_speech("What did Renk's speech say about the ferry?", False)
    assert questions.doubtful_speech("What did Renk say about the ferry?", True)


def test_a_country_alone_is_a_country_subject() -> None:
    def subject(q: str) -> describe.Subject:
        s = describe.subject_of(q)
        assert s is not None
        return s

    assert describe.names_country(subject("What does Norway want to keep in the strait?"))
    assert describe.names_country(subject("What did the US say about the talks?"))
    assert not describe.names_country(subject("What does the Norwegian minister want to keep?"))
    assert not describe.names_country(subject("What did Tilda Renk say about the ferry?"))


def test_a_country_s_aims_are_doubtful_its_words_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    # As before round 30 (qa.describe.COUNTRY_ANY_VERB off); with it on, any verb is doubtful
    # (tests/test_country_any_verb.py).
    monkeypatch.setattr(describe, "COUNTRY_ANY_VERB", False)

    def aims(q: str) -> bool:
        return describe.country_aims(q, describe.subject_of(q))

    assert aims("What does Norway want to keep in the strait?")
    assert aims("What does Moscow hope to gain?")
    assert not aims("What does Moscow claim the rebels are doing?")
    assert not aims("How does Moscow describe the rebels?")
    assert not aims("What did the US say about the talks?")
    assert not aims("What does the Norwegian minister want to keep?")


def test_a_doubtful_speech_question_is_scored_in_both_readings(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The view noun's question read as before round 28 (qa.question.VIEW_SUBJECT_PLAIN off): doubtful.
    monkeypatch.setattr(questions, "VIEW_SUBJECT_PLAIN", False)
    q = "what did Renk's speech hint at despite the delays"
    f = rank.features(engine, q)
    assert f is not None and f.alt is not None
    assert f.doubt.size == len(f.pids) and (f.doubt == 1.0).all()
    assert f.alt.pids == f.pids
    quote = row(engine, f, "We will open the ferry link")
    # The speech reading credits Renk's words; the plain reading credits no one's.
    assert float(f.direct[quote]) > 0.0 and float(f.alt.direct[quote]) == 0.0
    speech = rank.combine(f, dataclasses.replace(rank.WEIGHTS, narrator=0.0))
    plain = rank.combine(f, dataclasses.replace(rank.WEIGHTS, narrator=1.0))
    half = rank.combine(f, dataclasses.replace(rank.WEIGHTS, narrator=0.5))
    assert np.allclose(half, (speech + plain) / 2)
    assert plain[quote] < speech[quote]


def test_a_plain_speech_question_has_one_reading(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Renk say about the ferry link?")
    assert f is not None
    assert f.alt is None and not f.doubt.any()


def test_what_a_speech_did_is_asked_of_the_writer_not_the_speaker(engine) -> None:  # type: ignore[no-untyped-def]
    # qa.question.VIEW_SUBJECT_PLAIN: a view noun doing something other than speaking is no speech
    # question, whatever leads it ("What kind of ...", "Which two ...", "Whose ...", or a yes/no "Did").
    for q in (
        "what did Renk's speech hint at despite the delays",
        "What kind of delay did Renk's speech point toward?",
        "Which repairs did Renk's speech hint could slip?",
        "whose plans did Renk's speech run against",
        "did Renk's speech leave room for a second winter of repairs",
    ):
        assert questions.speech_did(q), q
        assert not questions.is_speech_question(q), q
    # Her words asked for, or the view noun with its topic: still speech questions.
    assert questions.is_speech_question("What did Renk's speech say about the ferry?")
    assert questions.is_speech_question("What was Renk's reaction to the vote?")
    assert not questions.speech_did("What did Renk say about the ferry?")


def test_the_writer_s_account_of_the_speech_ranks_above_her_quotes(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "did Renk's speech leave room for a delay to the bridge repairs")
    assert f is not None and f.alt is None and not f.direct.any()
    total = rank.combine(f, rank.WEIGHTS)
    account = row(engine, f, "speech at the hall signaled")
    quote = row(engine, f, "We will open the ferry link")
    assert total[account] > total[quote]
