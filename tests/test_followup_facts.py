"""Fact follow-ups with a pronoun, over articles written for these tests, on what the SQuAD
conversations of bench/followups_fact.py and news-dev showed: a person named by surname is written
back by surname, and a described person ("the person who called the brigade") is searched together
with the follow-up as typed; "What did he say next?" finds words the attributions missed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.session import Conversation

TATTOO = """Nurse has mayor's face tattooed on her arm

Nurse Maria Lindqvist, 41, from Uppsala, had a portrait of Mayor Jon Berg inked on her left arm on Monday.

Lindqvist said she was inspired after a friend posted the design for a sticker online.

"It started as a joke," Lindqvist said. She added that she did not regret it.

Berg laughed when asked about the tattoo and said she would have to answer for it herself.
"""

FIRE = """Barn fire in Harlow

A barn burned down in Harlow on Tuesday night. The fire brigade was called by a neighbour at 2am.

The owner said three tractors and a vintage car were destroyed in the blaze, and that nobody was hurt.

Police are treating the fire as an accident.
"""

LIBRARY = """Town opens its library

Mayor Tom Reed opened the new library on Friday, and he says the building took ten years to finish.

He says,” the town finally has a place to read.”

The library holds 20,000 books and a café.

The council paid for the roof with a grant.

"We are proud of the café," Reed said.
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("facts-docs")
    for name, text in [("tattoo", TATTOO), ("fire", FIRE), ("library", LIBRARY)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("facts-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def readings(engine: Engine, *questions: str) -> list[str]:
    """How the last of `questions` is searched, after the others in one conversation."""
    conv = Conversation(engine)
    for q in questions[:-1]:
        conv.ask(q, 5)
    out = conv.resolve(questions[-1]).readings
    assert all(not followup.garbled(r) for r in out), out
    return out


def test_a_speaker_named_by_surname_is_written_back_by_surname(facts: Engine) -> None:
    assert any(s.name == "Maria Lindqvist" for s in facts.speakers_index)
    out = readings(facts, "Where did Lindqvist get her tattoo?", "How did she come across the design?")
    assert out[0] == "How did Lindqvist come across the design?"


def test_a_described_person_is_searched_with_the_question_as_typed(facts: Engine) -> None:
    out = readings(
        facts, "Who called the fire brigade during the Harlow fire?", "What did he say was destroyed?"
    )
    assert out[0].startswith("What did the person who called the fire brigade"), out
    assert "What did he say was destroyed?" in out


def test_next_finds_the_words_the_attributions_missed(facts: Engine) -> None:
    # The stray quote mark leaves 'He says,” ...' unattributed; Reed's attributed words come later.
    conv = Conversation(facts)
    first = conv.ask("What did Reed say about the building?", 5)
    assert "ten years" in first.hits[0].text
    a = conv.ask("What did he say next?", 5)
    assert a.hits[0].text.startswith("He says,”"), a.hits[0].text
