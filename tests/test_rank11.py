"""Issue 9, round 13: a speech question read from its main clause; Weights.unmatched gated by the
question's reach. (Features.echo, a place or date that only echoes the question's own, was removed in
round 22: its weight stayed 0 in every fit, bench/reports/clean22.md.)

Articles written for these tests; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hashindex import hash_engine

from qa import rank
from qa.question import is_speech_question, main_clause

BLASTS = """Blasts hit Velmar on Tuesday

Two bombs went off in Velmar on Tuesday morning, the city's police said.

The explosions struck the departure hall at Velmar North airport and the platform at the Oster Street
metro station, killing nine people.

Mayor Ilse Brandt said the city would hold a day of mourning. "Velmar will not be frightened," Brandt
said at a news conference.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine(tmp_path_factory, "velmar", BLASTS)


@pytest.mark.parametrize(
    ("question", "main"),
    [
        (
            "Which network was Brandt talking to when he said he would win?",
            "Which network was Brandt talking to",
        ),
        ("Who was Ravn meeting before she warned of attacks?", "Who was Ravn meeting"),
        ("What did Brandt say about the airport?", "What did Brandt say about the airport?"),
        ("When did Brandt speak?", "When did Brandt speak?"),  # a clause at the start is the question
    ],
)
def test_main_clause(question: str, main: str) -> None:
    assert main_clause(question) == main


@pytest.mark.parametrize(
    "question",
    [
        "Which network was Brandt talking to when he said he would win?",
        "What was Ravn doing while she warned about the airport?",
        "Which company did Ravn work for before he said he would resign?",
    ],
)
def test_a_verb_of_speech_in_a_clause_of_time_does_not_make_a_speech_question(question: str) -> None:
    assert not is_speech_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did Brandt say when asked about the airport?",
        "What did Brandt say after the blasts?",
        "What has Brandt said since the attack?",
        "What did Brandt say about when the airport reopens?",
    ],
)
def test_the_main_clause_asking_for_words_still_makes_a_speech_question(question: str) -> None:
    assert is_speech_question(question)


def test_unmatched_acts_only_below_its_gate(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Where in Velmar did the bombs go off?")
    assert f is not None
    reach = float(f.reach[0])
    on = replace(rank.WEIGHTS, unmatched=1.0, unmatched_below=1.0)
    gated = replace(rank.WEIGHTS, unmatched=1.0, unmatched_below=reach)  # reach is not below itself
    off = replace(rank.WEIGHTS, unmatched=0.0)
    assert np.allclose(rank.combine(f, gated), rank.combine(f, off))
    if reach < 1.0:
        assert not np.allclose(rank.combine(f, on), rank.combine(f, off))
