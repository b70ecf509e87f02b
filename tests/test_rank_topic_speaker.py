"""A speaker question's topic, read whatever word it is (qa.question.topic_of), and the asked
speaker's quote bonus as evidence that depends on the topic (qa.rank Features.on_topic,
Weights.off_topic)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hashindex import hash_engine, row

from qa import rank
from qa.question import topic_of

QUARRY = """Quarry vote divides Lindholm

Councillor Maren Oust spoke at length at the town meeting in Lindholm on Tuesday.

"The bus timetable is a disgrace and the depot must stay open," Oust said.

Asked about the quarry, Oust said the pledge to restore the hillside had been broken by the owners.

Local farmer Per Hallan said the quarry dust had ruined two harvests in a row.
"""


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The topic is a word the scaffold strips elsewhere (a speech verb, a view noun).
        ("What did Maren Oust say about the pledge?", "pledge"),
        ("What did Maren Oust say about insisted?", "insisted"),
        ("What did Oust say about the claims?", "claims"),
        ("What are Oust's thoughts on the promise?", "promise"),
        ("What did Maren Oust say about what Hallan thinks?", "what Hallan thinks"),
        # Unchanged readings.
        ("What did Oust say about the quarry?", "quarry"),
        ("What did Oust call for?", ""),
        ("Who is fighting the quarry according to Oust?", "fighting the quarry"),
    ],
)
def test_what_follows_about_is_the_topic(question: str, topic: str) -> None:
    assert topic_of(question, ["Maren Oust", "Oust"]) == topic


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "quarry", QUARRY)


def test_a_quote_off_the_topic_counts_less_where_a_passage_holds_the_topic(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Maren Oust say about the bus depot?")
    assert f is not None and f.on_topic.size == len(f.pids)
    on, off = row(engine, f, "bus timetable"), row(engine, f, "restore the hillside")
    if not (f.direct[on] or f.reported[on]) or not (f.direct[off] or f.reported[off]):
        pytest.skip("the analyser does not credit both passages to Oust")
    assert float(f.on_topic[on]) == pytest.approx(1.0)
    assert float(f.on_topic[off]) < 1.0
    full = rank.combine(f, replace(rank.WEIGHTS, off_topic=1.0))
    none = rank.combine(f, replace(rank.WEIGHTS, off_topic=0.0))
    assert full[off] < none[off]  # the bonus of the off-topic quote shrinks ...
    assert full[on] == pytest.approx(none[on])  # ... the on-topic one keeps it


def test_a_paraphrased_topic_gates_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    # No passage holds "commuters" and "grievances": the words are no evidence either way.
    f = rank.features(engine, "What did Maren Oust say about commuters' grievances?")
    assert f is not None
    assert np.all(f.on_topic == 1.0)


def test_other_questions_gate_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What ruined two harvests?")
    assert f is not None and np.all(f.on_topic == 1.0)
