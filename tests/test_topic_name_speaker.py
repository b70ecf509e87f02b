"""A question whose speaker slot holds a description and which names someone only in the rest of the
question (qa.describe.TOPIC_NAMES_UNBOUND): the name is the topic, never the asked speaker, whether
or not the documents bind the description ("What does the head of the research centre say about
Renk's ferry plan?" asks for no words of Renk's)."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import describe, query_reading
from qa import question as questions

# A mayor quoted on her own plan, a baker quoted on the mayor, a harbour master on something else.
FERRY = """Ferry plan divides the coast

Updated Mar 4, 2024

Mayor Tilda Renk of Velso wants a new ferry link to Nurm.

"The link will pay for itself within ten years," Renk said on Monday.

Gerda Falk, who runs a small bakery on the quay, doubts it. "Renk's sums ignore the winter storms, and the crossings will be empty half the year," Falk said.

"The pier lights will be replaced before the winter season," harbour master Ines Kolb said.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "ferry", FERRY)


@pytest.fixture
def switch_off():  # type: ignore[no-untyped-def]
    """The switch off for one test, restored after it."""
    describe.TOPIC_NAMES_UNBOUND = False
    yield
    describe.TOPIC_NAMES_UNBOUND = True


UNBOUND = "What does the shipping economist say about Renk's ferry plan?"


def test_a_topic_name_is_not_the_asked_speaker(engine) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, UNBOUND)
    assert "Tilda Renk" not in read.wanted  # she is what the question is about
    assert not read.speech  # no source is described so: no one's words are asked for


def test_the_switch_off_reads_the_topic_name_as_before(engine, switch_off) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, UNBOUND)
    assert read.speech and read.wanted[:1] == ["Tilda Renk"]


def test_a_bound_description_still_binds(engine) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, "What did the harbour master say about Renk's ferry?")
    assert read.speech and read.wanted[:1] == ["Ines Kolb"]


@pytest.mark.parametrize(
    "question",
    [
        "What did Renk say about the ferry link?",  # the slot is her name
        "What did Mayor Renk say about Falk's doubts?",  # the slot names her
    ],
)
def test_a_named_slot_keeps_its_speaker(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, question)
    assert read.speech and read.wanted[:1] == ["Tilda Renk"]


def test_topic_named(engine) -> None:  # type: ignore[no-untyped-def]
    speakers = engine.speakers_index
    subject = describe.subject_of(UNBOUND)
    assert subject is not None and subject.text == "shipping economist"
    named = questions.match_speakers(UNBOUND, speakers)
    assert describe.topic_named(subject, named, named, questions.match_speakers, speakers)
    # a slot that points back to the named one ("his spokeswoman") leaves no rest names
    assert not describe.topic_named(subject, named, [], questions.match_speakers, speakers)
    # a named slot is no description
    own = describe.subject_of("What did Tilda Renk say about the ferry?")
    assert own is not None
    assert not describe.topic_named(own, ["Tilda Renk"], ["Tilda Renk"], questions.match_speakers, speakers)
