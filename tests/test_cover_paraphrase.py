"""Answerable questions worded otherwise than their passage (issue 9, deliver 3): a phrase before the
question proper ("Besides tanks, what ..."), "what kind of X", one verb of speech for another ("talk
to" ~ "told"), an age given by the day it is reached ("turns 70") and a count of a
noun of the same meaning ("soldiers" for troops)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from index.lexical import terms
from qa import abstain, answer_type, cover, near_miss, term_cover
from qa.engine import Engine
from qa.session import Conversation


def _content(word: str) -> bool:
    return bool(terms(word))


def test_a_phrase_before_the_question_opens_with_no_name() -> None:
    assert cover.fronted_opener("Besides tanks, what kind of aircraft has Moscow sent?") == "Besides"
    assert cover.fronted_opener("Apart from Russia, which country backs Assad?") == "Apart"
    assert cover.fronted_opener("Angela Merkel, what did she say?") is None  # a name, then a name
    assert cover.fronted_opener("What did Merkel say, and why?") is None
    assert cover.fronted_opener("Obama, what did he say?") is None  # no lower-case word after it
    assert "Besides" not in term_cover.names_in("Besides tanks, what kind of aircraft has Moscow sent?")
    assert "Moscow" in term_cover.names_in("Besides tanks, what kind of aircraft has Moscow sent?")


def test_the_noun_after_kind_of_is_the_asked_one() -> None:
    role = cover.roles("What kind of aircraft has Moscow sent?", _content)
    assert role["aircraft"] == "head" and role["kind"] == "scaffold"
    role = cover.roles("Besides tanks, what type of weapons has Moscow sent?", _content)
    assert role["weapons"] == "head" and role["type"] == "scaffold" and role["besides"] == "scaffold"
    # The kind word and the fronted preposition leave the rest: the sentence need not hold them.
    q = "Besides tanks, what kind of aircraft has Moscow sent?"
    away = cover.rest_away(
        q, ["aircraft", "kind", "besides"], ["aircraft", "kind", "besides"], _content, terms
    )
    sentence = terms("Russia has stepped up its aid by sending tanks, fighter jets and experts.")
    held, rest = cover.rest_held(terms(q), away | set(terms("Moscow")), [sentence])
    assert held == rest == 2  # "tanks", "sent"


def test_one_verb_of_speech_holds_another() -> None:
    speech = cover.speech_terms(terms)
    assert set(terms("talk told spoke")) <= speech
    assert not set(terms("said work moved")) & speech  # a plain "said" names no listener
    q = terms("Which newspaper did Rob Calabrese talk to?")
    away = set(terms("newspaper Rob Calabrese"))
    told = terms("Calabrese told the National Post he had received hundreds of emails.")
    assert cover.rest_held(q, away, [told], speech) == (1, 1)
    assert cover.rest_held(q, away, [told]) == (0, 1)  # each term only itself
    q = terms("Which newspaper did Rob Calabrese work for?")
    assert cover.rest_held(q, away, [told], speech) == (0, 1)


ISLAND = (
    "Cape Breton pitches itself to Americans.\n\n"
    "Rob Calabrese, a radio host in Sydney, Nova Scotia, has set up a website that pitches the island "
    "as a new home for anyone seeking refuge.\n\n"
    "Calabrese told the National Post he had already received hundreds of emails from Americans "
    "interested in moving to the island.\n\n"
    "The island's mayor, Cecil Clarke, turns 50 on Friday and said the town would welcome newcomers.\n\n"
    "The army said it would send up to 400 soldiers to the island's base, and that visits rose last "
    "summer.\n"
)


@pytest.fixture(scope="module")
def island(qa_home, tmp_path_factory: pytest.TempPathFactory) -> Engine:  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("island-real")
    (docs / "island.txt").write_text(ISLAND, encoding="utf-8")
    target = tmp_path_factory.mktemp("island-real-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Which newspaper did Rob Calabrese talk to?", "National Post"),
        ("How old will Cecil Clarke turn?", "turns 50"),
        ("How many troops will the army send?", "400 soldiers"),
    ],
)
def test_an_answer_said_in_other_words_is_given(island: Engine, question: str, said: str) -> None:
    answer = Conversation(island).ask(question, 3)
    assert not answer.abstained, answer.reason
    assert any(said in p.text for p in answer.passages)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["Which newspaper did Rob Calabrese work for?", "How many tanks will the army send?"],
)
def test_a_near_miss_in_the_same_words_still_declines(island: Engine, question: str) -> None:
    assert Conversation(island).ask(question, 3).abstained


def test_an_age_reached_is_an_age() -> None:
    assert answer_type.age_expressions("As Bill Clinton turns 70, a look at where he fits.") == ["turns 70"]
    # A birthday is as often another person's ("Mr. Clinton's 65th birthday" in a sentence on Pinchuk).
    assert answer_type.age_expressions("Pinchuk attended Mr. Clinton's 65th birthday celebration.") == []
    assert answer_type.age_expressions("Bloomberg turned 74 on Valentine's Day.") == ["turned 74"]
    assert answer_type.fact_evidence("age", "Donald Trump turns 70 on Tuesday.")
    for no_age in ("The ship turned 180 degrees.", "They turned 2-1 down into a win.", "the 70th session"):
        assert answer_type.age_expressions(no_age) == []
        assert not answer_type.fact_evidence("age", no_age)


class _Words:
    """A toy embedder: each word a fixed unit vector; "troops" and "soldiers" close, others apart."""

    dim = 3
    _rows = {
        "troops": np.array([1.0, 0.0, 0.0]),
        "soldiers": np.array([0.9, np.sqrt(1 - 0.81), 0.0]),
    }

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._rows.get(t, np.array([0.0, 0.0, 1.0])) for t in texts])


def test_a_count_of_a_noun_of_the_same_meaning_counts_the_asked_one() -> None:
    engine = SimpleNamespace(embedder=_Words())
    said = "He would deploy up to 30,000 American soldiers in the Middle East."
    assert near_miss.count_synonym(engine, "troops", [said])  # type: ignore[arg-type]
    assert not near_miss.count_synonym(engine, "troops", ["He would spend 30,000 dollars on ads."])  # type: ignore[arg-type]
    assert not near_miss.count_synonym(engine, "troops", [])  # type: ignore[arg-type]


def test_the_count_synonym_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = SimpleNamespace(embedder=_Words())
    monkeypatch.setattr(abstain, "COUNT_SYNONYM", False)
    assert not near_miss.count_synonym(engine, "troops", ["up to 30,000 American soldiers"])  # type: ignore[arg-type]
