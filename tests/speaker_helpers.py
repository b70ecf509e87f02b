"""Helpers of the speaker tests: an index of articles a test wrote, and one question asked of it.

Shared by tests/test_speaker_described{,14,15}.py, which each index a few short articles of their own
with the model-free hash embedder and ask who said what.
"""

from __future__ import annotations

import pytest

from qa.engine import Engine
from qa.types import Answer
from tests.hashindex import hash_engine_of


def speaker_engine(tmp_path_factory: pytest.TempPathFactory, name: str, articles: dict[str, str]) -> Engine:
    """Index a test's articles with the hash embedder and open the index.

    Args:
        tmp_path_factory: pytest's factory; the index goes in a fresh folder named `name`.
        name: the folder's name.
        articles: document stem -> article text (written as `<stem>.txt`).
    Returns:
        The engine over an index of those articles.
    """
    return hash_engine_of(tmp_path_factory, name, {f"{stem}.txt": text for stem, text in articles.items()})


def ask(engine: Engine, question: str) -> Answer:
    """The answer to `question` asked on its own (a fresh conversation, five passages).

    Args:
        engine: the engine asked.
        question: the question.
    Returns:
        The bot's answer.
    """
    from qa.session import Conversation

    return Conversation(engine).ask(question, 5)
