"""Follow-up forms of real conversations read since fup23: "Why not?" asks why; "By whom?" asks for the
agent of the previous passive question; "Even with X?" adds X as "And X?" does; an object pronoun is
never the person its own question names ("Why are Ruiz's allies going after him?" is the person the
conversation is about, not Ruiz).

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.session import Conversation, new_ask_share

_PARAGRAPHS = [
    "Mayor Delia Ruiz was called a coward at the harbour meeting by councillor Amos Pike, who said "
    "she had abandoned the fishermen.",
    "Ruiz said the city is prepared to work with any partner, including the port authority and the "
    "fishing cooperative, to reopen the north dock.",
    "Her allies have spent the week attacking Pike, whom they accuse of blocking the dock repairs to "
    "help his brother's shipyard.",
    "Pike, a former harbour pilot, has served on the council for eleven years.",
    "Harbour master Tomas Brandt said Pike had been right to raise the alarm about the north dock.",
    "The ferry workers union is unlikely to back Ruiz in the autumn election, because she cut its "
    "members' overtime pay last winter.",
]
HARBOUR = "Harbour row deepens\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("harbour-docs")
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    target = tmp_path_factory.mktemp("harbour-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize("question", ["Why not?", "why not", "And why not?"])
def test_why_not_is_asked_as_why(question: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word) == ("bare", "why")


@pytest.mark.parametrize("question", ["By whom?", "by whom", "Who by?"])
def test_by_whom_asks_for_the_agent(question: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word) == ("bare", "by whom")


@pytest.mark.parametrize(
    ("prev", "active"),
    [
        ("Was Ruiz called a coward at the meeting?", "Who called Ruiz a coward at the meeting?"),
        # "embattled" follows a determiner: part of the subject, not the participle.
        ("Was the embattled mayor attacked in the press?", "Who attacked the embattled mayor in the press?"),
        ("Were the dock repairs blocked?", "Who blocked the dock repairs?"),
    ],
)
def test_a_passive_is_turned_round(prev: str, active: str) -> None:
    assert followup.agent_question(prev) == active
    assert followup.reask(prev, "by whom") == active


@pytest.mark.parametrize(
    "prev",
    [
        "Was Ruiz called a coward by Pike?",  # the agent is named already
        "Is the dock closed?",  # present: the participle is not the past tense
        "Was Ruiz at the meeting?",  # no participle
        "What did Ruiz say?",
    ],
)
def test_no_passive_to_turn_round(prev: str) -> None:
    assert followup.agent_question(prev) is None
    assert not followup.garbled(followup.reask(prev, "by whom"))


def test_even_x_is_read_as_and_x() -> None:
    kind = followup.read("Even with the port authority?")
    assert (kind.name, kind.target) == ("about", "with the port authority")
    assert followup.read("Even so, who won?").name != "about"  # a question of its own


def test_by_whom_in_a_conversation(harbour: Engine) -> None:
    a = talk(harbour, "Was Ruiz called a coward at the harbour meeting?", "By whom?", need_hits=True)
    assert a.searched == "Who called Ruiz a coward at the harbour meeting?", a.searched
    assert "Amos Pike" in a.hits[0].text


def test_why_not_in_a_conversation(harbour: Engine) -> None:
    a = talk(harbour, "Is the ferry workers union likely to back Ruiz?", "Why not?", need_hits=True)
    assert a.searched.startswith("Why "), a.searched
    assert "overtime" in a.hits[0].text


def test_an_object_pronoun_is_not_the_question_s_own_name(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("Who is Amos Pike?")
    plan = conv.resolve("Why are Ruiz's allies going after him?")
    # Pike, by the surname the article calls him after the "Who is" answer introduced him.
    assert plan.readings[0] == "Why are Ruiz's allies going after Pike?", plan.readings


def test_a_possessive_is_still_bound_inside(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("Who is Delia Ruiz?")
    # "his" is Pike, whom the question names: read as typed.
    plan = conv.resolve("What did Amos Pike say about his brother's shipyard?")
    assert plan.readings[0] == "What did Amos Pike say about his brother's shipyard?", plan.readings


def test_an_object_pronoun_continues_the_previous_topic(harbour: Engine) -> None:
    conv = Conversation(harbour)
    conv.ask("What did Tomas Brandt say about Amos Pike?")
    # Not Brandt, the previous question's subject: Pike, its topic, as "about him" says.
    plan = conv.resolve("And what did Delia Ruiz say about him?")
    assert plan.readings[0] == "What did Delia Ruiz say about Amos Pike?", plan.readings


def test_new_ask_share() -> None:
    prev = "Who is Tomas Brandt?"
    text = "Harbour master Tomas Brandt said Pike had been right to raise the alarm about the north dock."
    # "say" asks how, not what: the new words are "alarm" (held) and, below, "ferry", "workers" (not).
    assert new_ask_share(prev, "What did Tomas Brandt say about the alarm?", text) == 1.0
    assert new_ask_share(prev, "What did Tomas Brandt say about the ferry workers?", text) == 0.0
    assert new_ask_share(prev, "What did Tomas Brandt say?", text) == 0.0  # nothing new


@pytest.mark.parametrize(
    ("follow", "passed"),
    [("What did he say about the alarm?", False), ("What did he say about the ferry workers?", True)],
)
def test_the_described_passage_answers_when_it_holds_the_new_ask(
    harbour: Engine, follow: str, passed: bool
) -> None:
    conv = Conversation(harbour)
    conv.ask("Who is Tomas Brandt?")
    shown = conv.turns[-1].top
    assert shown is not None and "Brandt" in harbour.passages[shown].text
    plan = conv.resolve(follow)
    assert "Brandt" in plan.readings[0], plan.readings
    assert (plan.passed == shown) is passed, plan
