"""A count, a date or a span of time given for another subject (qa.slots.subject_missing, issue 9):
"When did Tomas Reyes announce his bid?" where the article dates only Ada Moreno's announcement is
declined, naming her; the answerable mirror is kept, and so is a value whose sentence names no other
subject ("the instrument found more than 80 pulsars" for the telescope named a sentence before).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from index import lexical
from qa import slots

# Two candidates: only one's announcement is dated, only one's votes counted.
RACE = [
    "Senator Ada Moreno announced her bid for governor on Tuesday in Port Ellery.",
    "Her rival, Tomas Reyes, has not said whether he will run.",
    "In the spring primary, Moreno won 41,200 votes across the northern counties.",
    "Reyes campaigned door to door in Fallow Creek.",
]
# A value whose sentence names nobody: the subject is named a sentence before.
TELESCOPE = [
    "The Harlow telescope opened in Brindle County last year.",
    "During its testing phase, the instrument found more than 80 pulsars.",
]
# A plural name binds its singular.
PILGRIMS = [
    "In 999, Norman pilgrims returning from the east stopped at the port of Salerno.",
    "They were asked to stay by the prince.",
]
# A board: one member's span of time.
BOARD = [
    "Lena Ortiz has chaired the Kell Street housing board since 2014.",
    "Paul Byrne joined the board as treasurer, and Ortiz praised his work.",
]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("When did Tomas Reyes announce his bid for governor?", "Moreno"),
        ("How many votes did Tomas Reyes win?", "Moreno"),
    ],
)
def test_a_value_for_another_person_is_declined_naming_them(question: str, named: str) -> None:
    why = slots.subject_reason(question, RACE, lexical.terms)
    assert why.startswith("the documents give"), why
    assert named in why and "Tomas Reyes" in why


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        ("When did Ada Moreno announce her bid for governor?", RACE),
        ("How many votes did Ada Moreno win?", RACE),
        ("How many votes did Moreno win in the primary?", RACE),
        ("How many pulsars did the Harlow telescope find?", TELESCOPE),  # no other subject named
        ("When did the Normans reach Salerno?", PILGRIMS),  # "Norman pilgrims"
    ],
)
def test_the_value_for_the_asked_subject_is_kept(question: str, sentences: list[str]) -> None:
    assert slots.subject_reason(question, sentences, lexical.terms) == ""


def test_count_and_date_binding_is_on_as_fit() -> None:
    # bench/fit_slots.py (bench/reports/slots.md): any asked name binds; another subject must be named
    # before the value.
    assert slots.SUBJECT["count"] and slots.SUBJECT["date"]
    assert slots.SUBJECT_BIND["count"] == slots.SUBJECT_BIND["date"] == "any"


def test_one_asked_name_binds_in_any_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    # "How many votes did Moreno win in Fallow Creek?": Moreno's sentence binds one of the names.
    q = "How many votes did Moreno win in Fallow Creek?"
    valued = slots.count_sentences(q, RACE, lexical.terms)
    monkeypatch.setattr(slots, "SUBJECT_CONTRAST", {**slots.SUBJECT_CONTRAST, "count": ""})
    monkeypatch.setattr(slots, "SUBJECT_BIND", {**slots.SUBJECT_BIND, "count": "all"})
    assert slots.subject_missing("count", q, RACE, lexical.terms, valued)
    monkeypatch.setattr(slots, "SUBJECT_BIND", {**slots.SUBJECT_BIND, "count": "any"})
    assert slots.subject_missing("count", q, RACE, lexical.terms, valued) == ""


def test_contrast_needs_another_subject_before_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    q = "How many pulsars did the Harlow telescope find?"
    sentences = TELESCOPE  # the count's sentence names no telescope
    monkeypatch.setattr(slots, "SUBJECT_BIND", {**slots.SUBJECT_BIND, "count": "any"})
    monkeypatch.setattr(slots, "SUBJECT_CONTRAST", {**slots.SUBJECT_CONTRAST, "count": ""})
    valued = slots.count_sentences(q, sentences, lexical.terms)
    assert slots.subject_missing("count", q, sentences, lexical.terms, valued)
    monkeypatch.setattr(slots, "SUBJECT_CONTRAST", {**slots.SUBJECT_CONTRAST, "count": "all"})
    assert slots.subject_missing("count", q, sentences, lexical.terms, valued) == ""
    # Another observatory named before the value: the value is its.
    other = [TELESCOPE[0], "At Vell Observatory, astronomers found more than 80 pulsars."]
    assert "Vell" in slots.subject_missing("count", q, other, lexical.terms)


def test_a_span_for_another_board_member(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "SUBJECT", {**slots.SUBJECT, "duration": True})
    monkeypatch.setattr(slots, "SUBJECT_BIND", {**slots.SUBJECT_BIND, "duration": "any"})
    monkeypatch.setattr(slots, "SUBJECT_CONTRAST", {**slots.SUBJECT_CONTRAST, "duration": "all"})
    why = slots.subject_reason("How long has Paul Byrne chaired the housing board?", BOARD, lexical.terms)
    assert "Lena Ortiz" in why and "Paul Byrne" in why
    assert (
        slots.subject_reason("How long has Lena Ortiz chaired the housing board?", BOARD, lexical.terms) == ""
    )


def test_a_length_or_a_measurement_is_no_subject_s_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "SUBJECT", dict.fromkeys(slots.SUBJECT, True))
    facade = ["The main facade, built by Ines Varga, stretches 220 metres along Kell Street."]
    assert slots.subject_reason("How long does the facade stretch along Cromwell Road?", facade) == ""
    town = ["Dunmore lies about 300 kilometres from the Carpathian Mountains."]
    assert slots.subject_reason("How many kilometres is Vell from the Carpathian Mountains?", town) == ""


@pytest.mark.parametrize(
    ("sentence", "kind", "before"),
    [
        ("Moreno announced her bid on Tuesday in Port Ellery.", "date", "Moreno announced her bid on "),
        (
            "The dinner was attended by 2000 guests, and the Laing Gallery has a painting.",
            "count",
            "The dinner was attended by ",
        ),
        ("She has led the club since 2016.", "duration", "She has led the club "),
    ],
)
def test_before_value(sentence: str, kind: str, before: str) -> None:
    assert slots.before_value(kind, sentence) == before


def test_name_terms_take_a_plural_s_singular() -> None:
    assert set(lexical.terms("Norman")) <= slots.name_terms("Normans", lexical.terms)
    assert slots.name_terms("Ross", lexical.terms) == set(lexical.terms("Ross"))


def _generator() -> object:
    """bench/typed_near_misses.py as a module (bench/ is no package)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "typed_near_misses.py"
    spec = importlib.util.spec_from_file_location("typed_near_misses", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("typed_near_misses", module)
    spec.loader.exec_module(module)
    return module


ARTICLE = (
    "Ada Moreno announced the campaign on Tuesday in Port Ellery. "
    "Tomas Reyes, a city councilman, said he would decide later. "
    "Moreno won 41,200 votes in the spring primary. "
    "Reyes spoke to reporters outside the hall. "
    "Reyes said the race was open."
)


def test_the_scope_generator_asks_the_subject_and_another_person() -> None:
    import random

    items = _generator().scope_questions({"a1": ARTICLE}, random.Random(0))  # type: ignore[attr-defined]
    asked = {(it["kind"], it["question"]) for it in items}
    assert ("date", "When did Ada Moreno announce the campaign?") in asked
    assert ("date-other", "When did Tomas Reyes announce the campaign?") in asked
    assert ("count", "How many votes did Ada Moreno win?") in asked
    assert ("count-other", "How many votes did Tomas Reyes win?") in asked
    control = next(it for it in items if it["kind"] == "count")
    assert control["answerable"] and control["answers"] == ["41,200"]
