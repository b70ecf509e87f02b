"""The asked slot bound to the asked subject (qa.slots): a count, a span of time or a sum the best
passages must hold where the question needs it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from qa import slots

# A made-up story: a harbour town, a ferry firm and its chief.
SENTENCES = [
    "Portmere has relied on the Gull Line ferry since 1998, when the old bridge was closed.",
    "The firm sent two new boats to the harbour last week and hired 40 extra crew.",
    "Chief executive Olivia Brandt, 52, said the service would run every half hour.",
    "Brandt has run the company since March 2019.",
    "Tickets rose to £6.50 in April.",
    "The council is set to vote on a new pier next month.",
]


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The firm sent two new boats to the harbour.", [("two", ["new", "boats"])]),
        ("It was founded in 1998.", []),  # a year
        ("The Gull 7 model sails at 9pm.", []),  # part of a name; a clock time
        ("Olivia Brandt, 52, spoke on 12 March.", []),  # an age; a date
        ("The crossing takes 40 minutes over 12 miles.", []),  # a span of time; a measurement
        ("Tickets cost £6 on the 14th.", []),  # a sum; an ordinal without its noun
        ("The 14th sailing was late.", [("14th", ["sailing"])]),  # an ordinal counting sailings
        ("It was the firm's 16th contract.", [("16th", ["contract"])]),  # an ordinal counting
        ("The attendance was 2,300.", [("2,300", [])]),  # bare, ending its clause
        ("Brandt and 14 other directors left.", [("14", ["directors", "left"])]),
        ("The hall was attended by 2000 guests.", [("2000", ["guests"])]),
    ],
)
def test_counted_words(sentence: str, counted: list[tuple[str, list[str]]]) -> None:
    assert slots.counted_words(sentence) == counted


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many boats did the firm send?", "count"),
        ("How many hundred years did it last?", "count"),
        ("How long did the strike last?", "duration"),
        ("How long has Olivia Brandt been chief executive?", "duration"),
        ("How long is the pier?", None),  # a length, left to qa.abstain
        ("How much does a ticket cost?", "money"),
        ("When will the council vote?", "date"),
        ("What was the result of the vote?", "outcome"),
    ],
)
def test_slot_kind(question: str, kind: str | None) -> None:
    assert slots.slot_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # The count stands before the asked noun, in a sentence about the rest of the question.
        ("How many boats did the firm send to the harbour?", False),
        ("How many crew did the firm hire?", False),
        # Near misses: the only numbers are a year, an age, a sum.
        ("How many tugs did the firm send to the harbour?", True),
        ("How many councillors will vote on the pier?", True),
        # A span of time bound to the asked person; not a date, not another person's span.
        ("How long has Olivia Brandt run the company?", False),
        ("How long has Mark Ellery been harbour master?", True),
        ("How long did the council debate the pier?", True),
        # A sum about the asked thing.
        ("How much do tickets cost?", False),
        ("How much will the new pier cost?", True),
    ],
)
def test_slot_missing(question: str, missing: bool) -> None:
    assert bool(slots.slot_missing(question, SENTENCES)) == missing


def test_paraphrased_noun_counts_with_a_model() -> None:
    # "jobs" for "posts": the noun's own terms miss it, a close word found by the model counts.
    sentences = ["The union said the budget would cost 160 jobs across the port."]
    question = "How many posts will go at the port?"
    assert slots.slot_missing(question, sentences)
    assert not slots.slot_missing(question, sentences, encode=lambda texts: _same_rows(len(texts)))


def _same_rows(n: int) -> object:
    """n identical unit rows: every pair of texts at cosine 1."""
    import numpy as np

    return np.ones((n, 4), dtype=np.float32) / 2.0


def test_everyday_noun_takes_any_count_on_the_subject() -> None:
    # "people" is counted under another word ("members"); a count on another subject is no answer.
    sentences = ["The ferry fans' club has 8,000 members.", "Three people fell ill on the Tern."]
    assert not slots.slot_missing(
        "How many people joined the ferry fans' club?", sentences, everyday_zipf=5.5
    )
    assert slots.slot_missing(
        "How many people live in Portmere?", sentences[:1] + [SENTENCES[0]], everyday_zipf=5.5
    )


def test_off_kinds_give_no_reason() -> None:
    was = dict(slots.SLOTS)
    try:
        slots.SLOTS.update(dict.fromkeys(slots.SLOTS, False))
        assert slots.slot_reason("How many tugs did the firm send to the harbour?", SENTENCES) == ""
    finally:
        slots.SLOTS.update(was)


def test_constants_are_the_fit_reports_choice() -> None:
    # bench/fit_slots.py writes its choices as "Chosen: slots.X = value" (bench/reports/slots.md).
    import re
    from pathlib import Path

    report = (Path(__file__).resolve().parent.parent / "bench/reports/slots.md").read_text(encoding="utf-8")
    chosen = dict(re.findall(r"^Chosen: slots\.(\S+) = (\S+)$", report, re.M))
    for kind, on in slots.SLOTS.items():
        if kind != "name":  # fit by bench/fit_typed.py (tests/test_slots_typed.py)
            assert chosen[f"SLOTS[{kind!r}]"] == str(on)
    assert float(chosen["NOUN_COSINE"]) == slots.NOUN_COSINE
    assert float(chosen["EVENT_COSINE"]) == slots.EVENT_COSINE  # kept though the date check is off
    for kind, on in slots.SUBJECT.items():
        assert chosen[f"SUBJECT[{kind!r}]"] == str(on)
        if on:  # how the asked names bind the kinds switched on (branch slot11)
            assert chosen[f"SUBJECT_BIND[{kind!r}]"] == repr(slots.SUBJECT_BIND[kind])
            assert chosen[f"SUBJECT_CONTRAST[{kind!r}]"] == repr(slots.SUBJECT_CONTRAST[kind])
    assert chosen["SUBJECT_CLASSES"] == "+".join(slots.SUBJECT_CLASSES)
    assert chosen["SUBJECT_UNUSED"] == str(slots.SUBJECT_UNUSED)
    assert int(chosen["SUBJECT_REACH"]) == slots.SUBJECT_REACH


def test_a_state_after_the_asked_place_names_no_holder() -> None:
    from index.lexical import terms

    question = "What is the name of the mayor of Portvale?"
    scoped = ["The campaign removed the mayor of Portvale, Virginia, from its leadership team last week."]
    assert slots.name_missing(question, scoped, terms) == "no passage names the mayor of Portvale"
    named = ["The mayor of Portvale, Elena Marsh, left the leadership team last week."]
    assert slots.name_missing(question, named, terms) == ""
