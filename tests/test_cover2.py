"""The cover gate's rest excuse (qa.cover.rest_held, REST_EXCUSE): a missing asked noun does not
decline when one best sentence holds every other term of the question ("Which equipment has the
council sent?" beside "The council has sent two cranes and a dredger")."""

from __future__ import annotations

import pytest

from index.lexical import terms
from qa import cover
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine


def _content(word: str) -> bool:
    return bool(terms(word))


def test_rest_held_leaves_out_the_missing_words_terms() -> None:
    q = terms("Which equipment has the council sent to the port?")
    s1 = terms("The council has sent two cranes and a dredger to the port.")
    s2 = terms("The port authority said repairs would take six weeks.")
    assert cover.rest_held(q, terms("equipment"), [s1, s2]) == (3, 3)
    assert cover.rest_held(q, terms("equipment"), [s2]) == (1, 3)


def _terms(text: str) -> list[str]:
    return terms(text)


def test_the_rest_leaves_out_names_paraphrased_words_and_the_asked_noun() -> None:
    q = "Which vehicles did the ferry carry to Kirkwall?"
    away = cover.rest_away(q, ["vehicles"], ["vehicles"], _content, _terms, {"kirkwall"})
    assert cover.rest_held(terms(q), away, [terms(FERRY)]) == (2, 2)  # "ferry", "carry"


def test_an_uncovered_verb_stays_in_the_rest() -> None:
    # "levied" is in no sentence and no phrase says it: the asked noun is not all the documents lack.
    q = "What tolls has the ferry company levied on islanders?"
    away = cover.rest_away(q, ["tolls", "levied"], ["tolls", "levied"], _content, _terms)
    held, rest = cover.rest_held(terms(q), away, [terms(FERRY)])
    assert held < rest
    # Said in other words, it leaves the rest.
    away = cover.rest_away(q, ["tolls", "levied"], ["tolls"], _content, _terms)
    assert set(terms("levied")) <= away


def test_rest_held_without_sentences_holds_nothing() -> None:
    assert cover.rest_held(terms("the harbour wall"), [], []) == (0, 2)


def test_a_held_rest_excuses_the_missing_head() -> None:
    ev = cover.Evidence({"equipment": "head"}, 0.3, (3, 3))
    assert cover.declining(ev, {"head"}, 2.0, 3) == []
    assert cover.declining(ev, {"head"}, 2.0, 4) == ["equipment"]  # too little rest to count
    assert cover.declining(ev, {"head"}, 2.0, None) == ["equipment"]  # never


def test_a_rest_held_only_in_part_excuses_nothing() -> None:
    ev = cover.Evidence({"sanctions": "head"}, 0.3, (2, 3))
    assert cover.declining(ev, {"head"}, 2.0, 1) == ["sanctions"]


def test_the_evidence_carries_the_rest() -> None:
    ev = cover.evidence("Which equipment has the council sent?", ["equipment"], 0.3, _content, (), (2, 2))
    assert ev.rest == (2, 2) and dict(ev.missing) == {"equipment": "head"}


FERRY = (
    "The Northern Isles ferry company said on Tuesday that its new vessel, the Skerry Star, had "
    "carried forty heifers and six tractors to Kirkwall on its first crossing from Aberdeen.\n\n"
    "A spokeswoman for the company said winter sailings would be cut from five a week to three, "
    "because the older ship needed a refit that would cost two million pounds.\n\n"
    "Islanders' groups said the cut would leave shops short of fresh food in January.\n"
)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "ferry", FERRY)


def test_a_near_miss_whose_other_words_are_absent_still_declines(ferry: Engine) -> None:
    # "tolls" is the asked noun and "levied" the verb: neither is in any sentence.
    answer = Conversation(ferry).ask("What tolls has the ferry company levied on islanders?", 3)
    assert answer.abstained


def test_an_asked_kind_whose_instances_the_sentence_gives_is_answered(ferry: Engine) -> None:
    # "vehicles" is in no document; "tractors" is one, in the sentence holding "ferry" and "carried".
    answer = Conversation(ferry).ask("Which vehicles did the ferry carry to Kirkwall?", 3)
    assert not answer.abstained and "tractors" in answer.passages[0].text
