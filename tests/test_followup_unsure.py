"""Follow-ups in a reader's words where one reading is a guess (issue 9, deliver 2): "And the
visiting coach?" names a person by role, who may be the new speaker or the new topic; "How old is
he?" after a previous answer whose passage does not state what was asked ("Who was sent off?"
answered with the referee's passage) may mean the person the question described. Both readings are
searched and fused. The article is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.referents import described
from qa.session import Conversation, _role_description, _Turn

MATCH = """Ten-man Harbour hold on to win the derby

Harbour beat Millford 2-1 on Saturday despite playing for almost an hour with ten men.

Captain Leo Brandt, the 31-year-old midfielder, was sent off in the 34th minute for a reckless tackle.

Referee Mark Dale, who took charge of his first derby, was escorted from the pitch at full time.

"We defended with everything we had," said Harbour manager Ruth Keane. "The red card was fair."

Millford coach Tariq Osei said his side had wasted their chances. "We should have won this game," Osei said.

The barrister for the club, Anna Weiss, said the fine would be appealed.
"""


FANS = """Fans plan protest over ticket prices

Supporters' group chair Nina Holm organised a march to the ground before the next home game.
"""


@pytest.fixture(scope="module")
def match(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("match-docs")
    (docs / "match.txt").write_text(MATCH, encoding="utf-8")
    (docs / "fans.txt").write_text(FANS, encoding="utf-8")
    target = tmp_path_factory.mktemp("match-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _pid(engine: Engine, words: str) -> int:
    return next(p.pid for p in engine.passages if words in p.text)


def _after(engine: Engine, question: str, shown: str | None) -> Conversation:
    """A conversation whose previous turn asked `question` and was answered by the passage holding
    `shown` (None: declined, nothing shown)."""
    conv = Conversation(engine)
    conv.turns.append(_Turn(question, question, [], _pid(engine, shown) if shown else None))
    return conv


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the American president", True),
        ("the visiting coach", True),
        ("US officials", True),
        ("the opposition leader", True),
        ("Osei", False),
        ("the bridge", False),
        ("debate", False),
        ("the President", False),  # capitalised: a name or title, read as one
    ],
)
def test_role_description(text: str, role: bool) -> None:
    assert _role_description(text) is role


def test_and_a_role_swaps_the_speaker_and_keeps_the_topic_reading(match: Engine) -> None:
    conv = Conversation(match)
    conv.ask("What did the Harbour manager say about the red card?", 5)
    # The referee is quoted nowhere, so no alias names him: the role alone says it is a person.
    readings = conv.resolve("And the referee?").readings
    assert readings[0] == "What did the referee say about the red card?"
    assert "What did the referee say?" in readings
    assert "What did the Harbour manager say about the referee?" in readings
    for r in readings:
        assert not followup.garbled(r), r


def test_and_a_topic_is_still_a_topic(match: Engine) -> None:
    conv = Conversation(match)
    conv.ask("What did Keane say about the red card?", 5)
    assert conv.resolve("And the tackle?").readings == ["What did Keane say about the tackle?"]


def test_a_wrong_previous_answer_adds_the_described_person(match: Engine) -> None:
    # The referee's passage does not say who was sent off: "he" may be the player the question meant.
    conv = _after(match, "Who was sent off in the derby?", "Referee Mark Dale")
    readings = conv.resolve("How old is he?").readings
    assert readings[0].startswith("How old is") and "Dale" in readings[0]
    assert "How old is the person who was sent off in the derby?" in readings


def test_a_right_previous_answer_is_not_second_guessed(match: Engine) -> None:
    conv = _after(match, "Who was sent off in the derby?", "Captain Leo Brandt")
    readings = conv.resolve("How old is he?").readings
    assert len(readings) == 1 and "Leo Brandt" in readings[0]


def test_nothing_agrees_then_the_described_person(match: Engine) -> None:
    # The passage shown names no woman: "she" is the person the question asked for.
    conv = _after(match, "Who represents the club in court?", "Harbour beat Millford")
    readings = conv.resolve("What did she say about the fine?").readings
    assert readings[0] == "What did the person who represents the club in court say about the fine?"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Who represents the club in court?", "the person who represents the club in court"),
        ("Who leads the opposition?", "the person who leads the opposition"),
        ("Who won the derby?", "the person who won the derby"),
        ("Who was sent off?", "the person who was sent off"),
        ("Who else spoke?", None),
        ("Who is Ruth Keane?", None),
    ],
)
def test_who_questions_describe_their_person(question: str, text: str | None) -> None:
    got = described(question)
    assert (got.text if got else None) == text


def test_who_said_that_after_a_declined_question_asks_it_again(match: Engine) -> None:
    conv = _after(match, "What did Keane say about the weather?", None)
    assert conv.resolve("Who said that?").readings == [
        "What did Keane say about the weather?",
        "What did Keane say?",
    ]


def test_and_a_name_of_another_article_reads_it_as_the_speaker_first(match: Engine) -> None:
    # Holm is named only in another article than the one shown: Keane said nothing about her there.
    conv = _after(match, "What did Keane say about the red card?", "Harbour manager Ruth Keane")
    conv.turns[-1].speakers = ["Ruth Keane"]
    assert conv.resolve("And Holm?").readings == ["What did Holm say?", "What did Keane say about Holm?"]
    # Named in the article shown, the topic reading stays first.
    conv = _after(match, "What did Keane say about the red card?", "Harbour manager Ruth Keane")
    conv.turns[-1].speakers = ["Ruth Keane"]
    assert conv.resolve("And Dale?").readings[0] == "What did Keane say about Dale?"
