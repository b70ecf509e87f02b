"""WordNet relatives in the cover gate (qa.lexical_kin): a missing word said by a relative.

The gate is switched off (qa.lexical_kin.ON, bench/reports/lex29.md): these tests switch it on with
tables written here, so that the mechanism stays measurable by bench/lex29_kin.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from index.lexical import terms
from qa import lexical_kin
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

TABLE: Mapping[str, Mapping[str, Sequence[str]]] = {
    "n": {"outcome": ("result",), "deal": ("trade",), "dread": ("fear",)},
    "v": {"quit": ("resign", "step down"), "deal": ("address",)},
}


@pytest.fixture(autouse=True)
def switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical_kin, "ON", True)


def test_an_inflected_word_is_looked_up_by_its_base_form() -> None:
    assert lexical_kin.relatives("quitting", "v", TABLE) == []  # no rule gives "quit" from "quitting"
    assert lexical_kin.relatives("quits", "v", TABLE) == ["resign", "step down"]
    assert lexical_kin.relatives("outcomes", "n", TABLE) == ["result"]
    assert lexical_kin.relatives("harbour", "n", TABLE) == []


def test_a_word_is_read_as_the_part_of_speech_its_role_gives() -> None:
    said = ["Her address to the council was short."]
    assert lexical_kin.kin_said(["deal"], said, terms, {"deal": "head"}, TABLE) == set()
    assert lexical_kin.kin_said(["deal"], said, terms, {"deal": "verb"}, TABLE) == {"deal"}


def test_a_relative_counts_only_when_one_sentence_holds_all_its_terms() -> None:
    step = ["The mayor stepped down in May."]
    split = ["He took a step.", "Prices went down."]
    verb = {"quit": "verb"}
    assert lexical_kin.kin_said(["quit"], step, terms, verb, TABLE) == {"quit"}
    assert lexical_kin.kin_said(["quit"], split, terms, verb, TABLE) == set()
    assert lexical_kin.kin_said(["outcome"], step, terms, None, TABLE) == set()
    # a one-word relative by its index terms: "results" holds "result"
    assert lexical_kin.kin_said(["outcome"], ["The results came in late."], terms, None, TABLE) == {"outcome"}


def test_switched_off_nothing_is_said() -> None:
    lexical_kin.ON = False  # restored by the autouse fixture's monkeypatch
    assert lexical_kin.kin_said(["outcome"], ["The results came in late."], terms, None, TABLE) == set()


TOWN = (
    "Harbour pilots in Valmora voiced their fear on Monday that the old sea wall could fail in a storm.\n\n"
    "The port authority said repairs to the sea wall would take six weeks and cost the town four "
    "million euros.\n"
)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "town", TOWN)


def test_a_relative_in_the_best_sentence_answers(town: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical_kin, "_table", lambda: TABLE)
    question = "What dread did the harbour pilots voice about the repairs?"
    answer = Conversation(town).ask(question, 3)
    assert not answer.abstained and "fear" in answer.hits[0].text
    monkeypatch.setattr(lexical_kin, "ON", False)
    answer = Conversation(town).ask(question, 3)
    assert answer.abstained and answer.reason == "the documents do not cover: dread"
