"""A name the asked topic holds is said only where the speaker's texts name it (qa.topic_names).

Article written for these tests: two people quoted at a ferry vote, one on the Green Party, the
other on the Green Street pier and a party being over (the asked name's words, standing apart).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.lexical import terms
from qa import topic_names

FERRY = """Council backs ferry link to the Northern Isles

The Port Elms council voted on Tuesday to fund a ferry link to the Northern Isles, a project that
will take three years.

"The Green Party has fought for this link for a decade, and the islands cannot wait any longer,"
councillor Mara Lindqvist said.

"The Green Street pier will close in May, and the party is over for the old ferries," harbour master
Tom Okafor said. "Lindqvist is right about the timetable," he added.
"""


def test_a_topic_names_words_in_another_name_or_apart_are_not_held() -> None:
    names = topic_names.topic_name_terms("the Green Party", terms)
    assert names == [frozenset(terms("Green Party"))]
    text = "The Green Street pier will close in May, and the party is over for the old ferries"
    held = topic_names.held_terms(text, names, terms)
    assert not held & names[0]  # "Green Street" is another name, "party" a common word
    assert names[0] <= topic_names.held_terms("The Green Party has fought for this", names, terms)


def test_a_part_of_the_name_or_a_name_holding_it_is_held() -> None:
    names = topic_names.topic_name_terms("Donald Trump", terms)
    assert frozenset(terms("Trump")) <= topic_names.held_terms("Trump said he would win.", names, terms)
    wall = topic_names.topic_name_terms("Wall Street", terms)
    got = topic_names.held_terms("She told the Wall Street Journal so.", wall, terms)
    assert wall[0] <= got


def test_a_one_word_name_or_no_name_is_read_as_before() -> None:
    assert topic_names.topic_name_terms("Russia", terms) == []
    assert topic_names.topic_name_terms("the refugee crisis", terms) == []
    text = "The United States is prepared to work with Russia."
    assert topic_names.held_terms(text, [], terms) == frozenset(terms(text))


@pytest.fixture(scope="module")
def ferry(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("ferry")
    (docs / "ferry.txt").write_text(FERRY, encoding="utf-8")
    target = docs.parent / "ferry-idx"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _ask(engine, question: str):  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    return Conversation(engine).ask(question, 5)


def test_a_speaker_whose_words_hold_the_names_words_apart_is_declined(ferry) -> None:  # type: ignore[no-untyped-def]
    a = _ask(ferry, "What did Tom Okafor say about the Green Party?")
    assert a.abstained and "quoted, but not" in (a.reason or ""), a.reason


def test_the_speaker_who_names_it_and_a_surname_alone_are_answered(ferry) -> None:  # type: ignore[no-untyped-def]
    a = _ask(ferry, "What did Mara Lindqvist say about the Green Party's campaign?")
    assert not a.abstained and "Green Party" in a.passages[0].text
    b = _ask(ferry, "What did Tom Okafor say about Mara Lindqvist?")
    assert not b.abstained and "Lindqvist is right" in b.passages[0].text
