"""bench/lex29_kin.py: WordNet relatives in the cover gate, measured (not adopted), on texts of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import lex29_kin
from index.lexical import terms
from qa import not_mentioned
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

TABLE: lex29_kin.Table = {
    "n": {"outcome": ("result",), "deal": ("trade",), "dread": ("fear",)},
    "v": {"quit": ("resign", "step down"), "deal": ("address",)},
}


def test_an_inflected_word_is_looked_up_by_its_base_form() -> None:
    assert lex29_kin.relatives("quitting", "v", TABLE) == []  # no rule gives "quit" from "quitting"
    assert lex29_kin.relatives("quits", "v", TABLE) == ["resign", "step down"]
    assert lex29_kin.relatives("outcomes", "n", TABLE) == ["result"]
    assert lex29_kin.relatives("harbour", "n", TABLE) == []


def test_a_word_is_read_as_the_part_of_speech_its_role_gives() -> None:
    said = ["Her address to the council was short."]
    assert lex29_kin.kin_said(["deal"], said, terms, {"deal": "head"}, TABLE) == set()
    assert lex29_kin.kin_said(["deal"], said, terms, {"deal": "verb"}, TABLE) == {"deal"}


def test_a_relative_counts_only_when_one_sentence_holds_all_its_terms() -> None:
    step = ["The mayor stepped down in May."]
    split = ["He took a step.", "Prices went down."]
    verb = {"quit": "verb"}
    assert lex29_kin.kin_said(["quit"], step, terms, verb, TABLE) == {"quit"}
    assert lex29_kin.kin_said(["quit"], split, terms, verb, TABLE) == set()
    assert lex29_kin.kin_said(["outcome"], step, terms, None, TABLE) == set()
    # a one-word relative by its index terms: "results" holds "result"
    assert lex29_kin.kin_said(["outcome"], ["The results came in late."], terms, None, TABLE) == {"outcome"}


def test_the_results_file_gives_the_declined_answerable_questions(tmp_path: Path) -> None:
    f = tmp_path / "results.txt"
    f.write_text("== h3\n    h3f01 abstained  What toll?\n           top: \n    h3f02    rank 2  Who?\n")
    assert lex29_kin.abstained(f) == {("h3", "h3f01")}


TOWN = (
    "Harbour pilots in Valmora voiced their fear on Monday that the old sea wall could fail in a storm.\n\n"
    "The port authority said repairs to the sea wall would take six weeks and cost the town four "
    "million euros.\n"
)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "town", TOWN)


def test_a_relative_in_the_best_sentence_answers(town: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    question = "What dread did the harbour pilots voice about the repairs?"
    answer = Conversation(town).ask(question, 3)
    assert answer.abstained and answer.reason == "the documents do not cover: dread"
    monkeypatch.setattr(not_mentioned, "_uncovered", lex29_kin.uncovered_with(TABLE))
    answer = Conversation(town).ask(question, 3)
    assert not answer.abstained and "fear" in answer.hits[0].text
    # an empty table changes nothing: the copy of _uncovered is main's
    monkeypatch.setattr(not_mentioned, "_uncovered", lex29_kin.uncovered_with({}))
    answer = Conversation(town).ask(question, 3)
    assert answer.abstained and answer.reason == "the documents do not cover: dread"
