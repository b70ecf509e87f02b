"""The asked speaker, as the index names them (qa.rank.asked_speakers), and the sentence that names
them beside the topic (qa.rank Features.named): counted only where that document quotes them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hashindex import hash_engine, row

from qa import rank, speech_evidence
from qa.question import Speaker

HARBOUR = """Harbour plan splits Karvik council

Mayor Helen Ostrova opened the council session in Karvik on Monday evening.

"The harbour wall must be rebuilt before the storms come," Ostrova said.

Ostrova later held forth on the ferry timetable, which she wants changed before the summer.

The plan was drafted by engineer Tomas Veld, who has worked on the harbour since 2009.

Veld's survey of the lighthouse found cracks in its foundations.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "harbour", HARBOUR)


def test_a_sentence_naming_the_quoted_speaker_beside_the_topic_counts(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Helen Ostrova say about the ferry timetable?")
    assert f is not None and f.named.size == len(f.pids)
    assert float(f.named[row(engine, f, "ferry timetable")]) > 0.5
    assert float(f.named.max()) <= 1.0  # a share: with its weight, never more than a quote's bonus
    # The sentence naming her without the topic adds nothing.
    assert float(f.named[row(engine, f, "opened the council session")]) == 0.0


def test_a_name_in_a_document_that_never_quotes_its_bearer_is_a_mention(engine) -> None:  # type: ignore[no-untyped-def]
    assert not any(x.speaker and "Veld" in x.speaker for x in engine.quotes)
    speakers = [s.name for s in engine.speakers_index]
    if not any("Veld" in s for s in speakers):
        pytest.skip("the analyser lists no entry for the never-quoted engineer")
    f = rank.features(engine, "What did Tomas Veld say about the lighthouse foundations?")
    assert f is not None
    assert float(f.named.max(initial=0.0)) == 0.0


def test_no_named_evidence_outside_speech_questions(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When was the harbour wall rebuilt?")
    assert f is not None and not f.named.any()


def _index_of(*speakers: Speaker) -> SimpleNamespace:
    return SimpleNamespace(speakers_index=list(speakers))


def test_one_person_under_two_entries_is_asked_about_under_both() -> None:
    eng = _index_of(
        Speaker("Barack Obama", ("Barack Obama", "Obama")),
        Speaker("Obama", ("Obama",)),
        Speaker("Bashar al-Assad", ("Assad", "Bashar al-Assad")),
    )
    asked = speech_evidence.asked_speakers(
        "What did Obama say about Assad?", ["Barack Obama", "Obama", "Bashar al-Assad"], eng
    )  # type: ignore[arg-type]
    assert asked == ["Barack Obama", "Obama"]  # Assad is the topic, not a second speaker


def test_entries_sharing_an_alias_the_question_does_not_say_stay_apart() -> None:
    eng = _index_of(
        Speaker("Jeb Bush", ("Bush", "Jeb Bush")),
        Speaker("George W. Bush", ("Bush", "George W. Bush")),
    )
    asked = speech_evidence.asked_speakers(
        "What did Jeb Bush say about George W. Bush?", ["Jeb Bush", "George W. Bush"], eng
    )  # type: ignore[arg-type]
    assert asked == ["Jeb Bush"]
    assert speech_evidence.asked_speakers("What did anyone say?", [], eng) == []  # type: ignore[arg-type]
