"""A helper for follow-up tests: ask a run of questions in one conversation."""

from __future__ import annotations

from qa import followup
from qa.engine import Engine
from qa.session import Conversation
from qa.types import Answer


def talk(engine: Engine, *questions: str, need_hits: bool = False) -> Answer:
    """The answer to the last of `questions`, asked in one conversation.

    Args:
        engine: the engine the conversation asks.
        questions: the questions, in order.
        need_hits: also assert that the last answer has passages.

    Returns:
        The last answer. Every answer's searched text is asserted not garbled.
    """
    conv = Conversation(engine)
    answer = None
    for q in questions:
        answer = conv.ask(q, 5)
        assert not followup.garbled(answer.searched), answer.searched
    assert answer is not None
    if need_hits:
        assert answer.hits, answer
    return answer
