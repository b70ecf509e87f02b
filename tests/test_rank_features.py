"""Which question words the ranking's lexical features read (qa.rank._feature_terms): a speech
question's speaker counts once, through the attribution features, not again as question words; and
"how many" is scaffolding, not a word the answer shares."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import query_reading, rank

BRIDGE_VOTE = """Council delays bridge vote

Mayor Helen Ostrova spoke at the town hall in Karvik on Monday evening, beside the harbour.

"The bridge repairs cannot wait another winter," Ostrova said. "We will find the money for the steel."

Many residents came to the meeting. Forty-two people signed a petition about the ferry timetable.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "bridge", BRIDGE_VOTE)


def test_a_speech_question_covers_its_topic_not_its_speaker(engine) -> None:  # type: ignore[no-untyped-def]
    qr = query_reading._read(engine, "What did Helen Ostrova say about the bridge repairs?")
    assert qr.speech
    assert all(t in qr.covered for t in engine.terms("bridge repairs"))
    assert not any(t in qr.covered for t in engine.terms("Helen Ostrova"))
    # BM25 and abstention still see the whole question.
    assert all(t in qr.idf for t in engine.terms("Helen Ostrova"))
    assert all(t in qr.lexical for t in engine.terms("Helen Ostrova"))


def test_the_passage_naming_the_speaker_gets_no_coverage_for_the_name(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Helen Ostrova say about the bridge repairs?")
    assert f is not None
    rows = {engine.passages[p].text: i for i, p in enumerate(f.pids)}
    named = [i for t, i in rows.items() if "spoke at the town hall" in t and "bridge repairs" not in t]
    quoted = [i for t, i in rows.items() if "bridge repairs" in t]
    assert quoted and float(f.cov_s[quoted[0]]) > 0.0
    for i in named:  # the name is there, the topic is not: no coverage from the name
        assert float(f.cov_s[i]) == 0.0 and float(f.cov_p[i]) == 0.0
        assert float(f.cov_q[i]) > 0.0  # what abstention reads still counts the name


def test_how_many_is_scaffolding(engine) -> None:  # type: ignore[no-untyped-def]
    qr = query_reading._read(engine, "How many people signed the petition?")
    many = engine.terms("many")
    assert many and not any(t in qr.lexical or t in qr.covered for t in many)
    assert all(t in qr.idf for t in many)  # abstention's view of the question is unchanged
    assert all(t in qr.covered for t in engine.terms("people petition"))


def test_a_question_without_scaffolding_reads_all_its_terms(engine) -> None:  # type: ignore[no-untyped-def]
    qr = query_reading._read(engine, "Where did the residents meet?")
    assert qr.lexical == qr.idf == qr.covered
