"""Typed near misses (qa.slots, issue 9 deliver 3): a count under another measure, a value scoped to
a place no best sentence names, a "What is the name of ...?" question answered with no name, and a
name bound through a definite description ("the inquiry" for "the Harrow inquiry"). Sentences
written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from qa import answer_type, slots

# A made-up story: a flood in a river valley.
FLOOD = [
    "The Harrow inquiry opened in Kellmoor after the river burst its banks in March.",
    "At least 40 people lost their lives when the water reached the old town.",
    "The inquiry has cost more than £2 million so far, officials said.",
    "A former council engineer said he had warned about the levee for years.",
]


def _rows(cosine: float) -> object:
    """An encoder whose first text is at `cosine` from every other text."""

    def encode(texts: list[str]) -> np.ndarray:
        first = np.array([1.0, 0.0], dtype=np.float32)
        other = np.array([cosine, (1 - cosine**2) ** 0.5], dtype=np.float32)
        return np.stack([first] + [other] * (len(texts) - 1))

    return encode


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Mara Quill died on Sunday at her home. She was 87.", True),
        ("Quill, poet of the fens, dies at 87;", True),
        ("He died at the age of 80 in Kellmoor.", True),
        ("She was 87 percent sure of the result.", False),
        ("He was 12 points ahead in the poll.", False),
        ("Three people died at 10 Mill Lane.", False),
        ("He died at 3pm on Tuesday.", False),
    ],
)
def test_age_at_death_is_an_age(sentence: str, age: bool) -> None:
    assert answer_type.fact_evidence("age", sentence) == age


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("How many people have been injured in the flood?", "injured"),
        ("How many people died in the flood?", "died"),
        ("How many people were not rescued?", "rescued"),
        ("How many boats did the firm send?", ""),
        ("How many witnesses has the inquiry interviewed?", ""),
    ],
)
def test_measure_verb(question: str, verb: str) -> None:
    assert slots.measure_verb(question) == verb


def test_a_count_under_another_measure_is_declined() -> None:
    question = "How many people have been injured in the flood?"
    # The model puts "people injured" far from "40 people lost their lives": another measure.
    assert slots.slot_missing(question, FLOOD, encode=_rows(0.1), everyday_zipf=5.5)
    # Close to it (as "people died" is), the count answers.
    assert not slots.slot_missing(question, FLOOD, encode=_rows(0.9), everyday_zipf=5.5)
    # The participle itself in the counting sentence answers whatever the model says.
    hurt = FLOOD + ["Another 12 people were injured in the rush."]
    assert not slots.slot_missing(question, hurt, encode=_rows(0.1), everyday_zipf=5.5)


def test_a_count_saying_nothing_of_the_measure_may_answer() -> None:
    # "a petition of over 5,100 names on the website" says nothing of signing: no other measure.
    sentences = ["A petition of over 5,100 names on the council website asked for the levee."]
    question = "How many names were signed on the petition?"
    assert not slots.slot_missing(question, sentences, encode=_rows(0.1), everyday_zipf=5.5)


def test_a_place_no_sentence_names_is_another_place() -> None:
    assert slots.unused_place("How many people have died in Portugal?", FLOOD, _terms) == "Portugal"
    assert slots.unused_place("How many people died in Kellmoor?", FLOOD, _terms) == ""
    assert slots.unused_place("How many people died in the flood?", FLOOD, _terms) == ""
    # Not a place of the gazetteers: a word no passage uses may be a typo or a paraphrase.
    assert slots.unused_place("How many people died in Brackenfold?", FLOOD, _terms) == ""
    # Another name of the same country the sentences use: "Lisbon" for Portugal.
    lisbon = FLOOD + ["Rescuers flew in from Lisbon, where 3 people died."]
    assert slots.unused_place("How many people have died in Portugal?", lisbon, _terms) == ""
    assert slots.subject_reason("How many people have died in Portugal?", FLOOD, everyday_zipf=5.5)


def test_a_definite_description_binds_the_asked_name() -> None:
    assert slots.described_head("Harrow", "How much has the Harrow inquiry cost so far?") == "inquiry"
    assert slots.described("Harrow", "How much has the Harrow inquiry cost?", FLOOD[2])
    # "the Harrow inquiry" is named in another sentence; the sum's sentence says "the inquiry".
    assert not slots.subject_reason("How much has the Harrow inquiry cost so far?", FLOOD)
    was = slots.SUBJECT_DESCRIBED
    try:
        slots.SUBJECT_DESCRIBED = False
        assert slots.subject_reason("How much has the Harrow inquiry cost so far?", FLOOD)
    finally:
        slots.SUBJECT_DESCRIBED = was


def test_a_name_opening_after_a_quote_mark_opens_the_sentence() -> None:
    # '"So far, ...': "So" opens the sentence; it is no other subject.
    sentence = '"So far, 59 of the 75 witnesses were heard by the panel," it said.'
    assert (
        slots.contrast("name", "Harrow", sentence, "How many witnesses has the Harrow panel heard?", True)
        == ""
    )


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What was the name of the former council engineer who warned about the levee?", True),
        ("What is the name of the inquiry that opened in March?", False),  # "Harrow inquiry"
        ("What is the name of the town the water reached?", True),  # "the old town", unnamed
    ],
)
def test_a_name_question_needs_a_name_for_the_role(question: str, missing: bool) -> None:
    assert bool(slots.slot_missing(question, FLOOD)) == missing
    named = FLOOD + [
        "Tobias Wren, a former council engineer, said he had warned about the levee.",
        "The water reached the old town of Pellbury first.",
    ]
    assert not slots.slot_missing(question, named)


def test_named_role() -> None:
    assert slots.named_role("What was the name of the former staffer who planned to sue?") == "former staffer"
    assert slots.named_role("What is the name of the stadium?") == "stadium"
    assert slots.named_role("What is the name of the town the water reached?") == "town"
    assert slots.named_role("Who is the mayor?") == ""


def _terms(text: str) -> list[str]:
    from index import lexical

    return lexical.terms(text)


def test_constants_are_the_fit_reports_choice() -> None:
    # bench/fit_typed.py writes its choices as "Chosen: slots.X = value" (bench/reports/typed.md).
    report = (Path(__file__).resolve().parent.parent / "bench/reports/typed.md").read_text(encoding="utf-8")
    chosen = dict(re.findall(r"^Chosen: slots\.(\S+) = (\S+)", report, re.M))
    assert float(chosen["MEASURE_COSINE"]) == slots.MEASURE_COSINE
    assert chosen["SUBJECT_PLACE"] == str(slots.SUBJECT_PLACE)
    assert chosen["SUBJECT_DESCRIBED"] == str(slots.SUBJECT_DESCRIBED)
    assert chosen["SLOTS['name']"] == str(slots.SLOTS["name"])
    assert int(chosen["NAME_REACH"]) == slots.NAME_REACH
