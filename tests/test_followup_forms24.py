"""Follow-up forms of real conversations read since fup24: "that" before a
verb's particle ("What would set that off?") points at the previous answer, and the previous question
is searched with it; "her" before "after" is an object, and no rewrite leaves a possessive owning no
noun; a name written after "the" ("the Ruiz Ferry") is a thing "it" can stand for, not merged with the
person of the same name.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup, session
from qa.engine import Engine
from qa.session import Conversation

_PARAGRAPHS = [
    "Mayor Delia Ruiz launched the Ruiz Ferry in June 1998, after buying the old boats of Harbour Lines.",
    "The ferry was sold to a shipping firm in 2004, when its losses grew too large for the city to carry.",
    "Port officials are worried about a strike at the north dock, which would begin if the council cuts "
    "the overtime pay of the dock workers again this winter.",
    "The council is set to vote on the harbour budget on Monday, and the ferry fares could be set then.",
    "Ruiz said she would meet the dock workers union next week to talk about the pay cuts.",
]
FERRY = "Harbour ferry history\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("ferry-docs")
    (docs / "ferry.txt").write_text(FERRY, encoding="utf-8")
    target = tmp_path_factory.mktemp("ferry-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize("question", ["What would set that off?", "Who would back this up?"])
def test_that_before_a_particle_points_back(question: str) -> None:
    assert followup.read(question).name == "pronoun"
    assert followup.points_back(question)


def test_that_before_a_noun_does_not_point_back() -> None:
    # "that plan" is a noun phrase of the question's own: no demonstrative object before the particle.
    assert not followup.points_back("Did the council put that plan off?")
    assert followup.read("Did the council put that plan off?").name == "own"


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Did anyone check on her after the strike?", "obj"),
        ("Did they visit her again?", "obj"),
        ("Did officials call her before the vote?", "obj"),
        ("What did her union say?", "poss"),
        ("Did her first ferry make money?", "poss"),
    ],
)
def test_her_before_a_preposition_is_an_object(question: str, role: str) -> None:
    m = next(m for m in followup.pronouns(question) if m.group(1).lower() == "her")
    assert followup.role(question, m) == role


@pytest.mark.parametrize(
    "text",
    [
        "Did officials check on Delia Ruiz's after the strike?",
        "Did anyone call Ruiz's before the vote?",
    ],
)
def test_a_possessive_owning_no_noun_is_garbled(text: str) -> None:
    assert followup.garbled(text) == "possessive without a noun"


@pytest.mark.parametrize(
    "text",
    [
        "What did Ruiz's union say about the strike?",
        "What's on the agenda for the meeting?",
        "Who's behind the strike?",
    ],
)
def test_possessives_and_contractions_read_fine(text: str) -> None:
    assert followup.garbled(text) == ""


def test_her_after_is_resolved_as_an_object(ferry: Engine) -> None:
    conv = Conversation(ferry)
    conv.ask("Who is Delia Ruiz?")
    plan = conv.resolve("Did anyone check on her after the strike?")
    assert plan.readings[0] == "Did anyone check on Ruiz after the strike?" or plan.readings[0].startswith(
        "Did anyone check on Delia Ruiz after"
    ), plan.readings
    assert not any(followup.garbled(r) for r in plan.readings)


def test_a_demonstrative_object_searches_the_previous_question_too(ferry: Engine) -> None:
    conv = Conversation(ferry)
    conv.ask("What are port officials worried about?")
    plan = conv.resolve("What would set that off?")
    assert plan.readings == ["What would set that off?", "What are port officials worried about?"]
    answer = talk(ferry, "What are port officials worried about?", "What would set that off?", need_hits=True)
    assert "overtime pay" in answer.hits[0].text


def test_the_demonstrative_alone_finds_the_words_set(ferry: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the previous question fused in, "set" finds the budget vote: what the fusion is for.
    monkeypatch.setattr(session, "FUSE_POINTING", False)
    answer = talk(ferry, "What are port officials worried about?", "What would set that off?", need_hits=True)
    assert "budget" in answer.hits[0].text


def test_a_name_after_the_is_the_thing_it_stands_for(ferry: Engine) -> None:
    conv = Conversation(ferry)
    conv.ask("When did Ruiz launch the Ruiz Ferry?")
    plan = conv.resolve("What happened to it?")
    assert plan.readings[0] == "What happened to the Ruiz Ferry?", plan.readings
