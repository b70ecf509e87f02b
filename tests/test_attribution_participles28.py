"""Round 28 (attr28b): speech participles the analyser read only after a comma: after a preposition
("... by suggesting that ..."), opening a sentence ("Noting that ..., Roe added"), and progressives
with a contracted auxiliary or an -ly adverb ("He's suggesting that ...", "is suddenly promising").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor
from index.model import Quote


def _reported(text: str) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in analyse(text)[1] if not q.direct}


def test_a_participle_after_a_preposition_reports_the_subjects_words() -> None:
    text = (
        "The budget fight went on. Mayor Tom Brandt has offered few ideas aside from stating that "
        "the city should not profit from parking fines."
    )
    found = _reported(text)
    words = found["the city should not profit from parking fines"]
    assert words.speaker == "Tom Brandt" and words.verb == "stating"


def test_a_prepositional_participle_needs_a_that_clause() -> None:
    # "by announcing the release": an object, not a clause, and PREP_PARTICIPLES reads "that" only
    text = "Tom Brandt surprised the council by announcing the release of the harbour plans on Monday."
    assert not any(q.verb == "announcing" for q in _reported(text).values())


def test_a_participle_of_another_persons_act_is_not_read() -> None:
    # "accused Roe of saying that ...": the one who says is the object; "of" is no preposition read
    text = "Tom Brandt accused Ann Roe of saying that the harbour plan was dead."
    assert not any(q.verb == "saying" and q.speaker == "Tom Brandt" for q in _reported(text).values())


def test_an_opening_participle_belongs_to_the_main_clauses_subject() -> None:
    text = (
        "The vote was close. Noting that only one senator crossed the aisle on the harbour bill, "
        "Tom Brandt added that the vote was still bipartisan."
    )
    found = _reported(text)
    noted = found["only one senator crossed the aisle on the harbour bill"]
    assert noted.speaker == "Tom Brandt" and noted.verb == "noting"
    assert found["the vote was still bipartisan"].speaker == "Tom Brandt"


def test_an_opening_participle_skips_names_inside_its_phrase() -> None:
    # the commas after "Roe" and "Diaz" open no main clause: neither name acts there
    text = (
        "The vote was close. Recalling that Ann Roe, Luis Diaz and Mary Holt had all voted no, "
        "Sen. Tom Brandt urged the council to wait."
    )
    found = _reported(text)
    recalled = [q for q in found.values() if q.verb == "recalling"]
    assert len(recalled) == 1 and recalled[0].speaker == "Tom Brandt"
    assert text[recalled[0].start : recalled[0].end].endswith("had all voted no")


def test_a_contracted_progressive_takes_its_pronoun() -> None:
    text = (
        "Tom Brandt is digging in for a long fight. He's suggesting that delegates from the "
        "districts he won should switch to his side."
    )
    found = _reported(text)
    words = found["delegates from the districts he won should switch to his side"]
    assert words.speaker == "Tom Brandt" and words.verb == "suggesting"


def test_a_progressive_with_an_adverb() -> None:
    text = "Ann Roe is suddenly promising that the harbour will reopen by spring."
    words = _reported(text)["the harbour will reopen by spring"]
    assert words.speaker == "Ann Roe" and words.verb == "promising"


@pytest.mark.parametrize(
    ("name", "value", "sentence"),
    [
        (
            "PREP_PARTICIPLES",
            None,
            "Tom Brandt has offered few ideas aside from stating that the city must wait.",
        ),
        (
            "OPENING_PARTICIPLES",
            None,
            "Noting that the city must wait for the audit, Tom Brandt walked out of the room.",
        ),
        (
            "WIDE_PROGRESSIVE",
            False,
            "Tom Brandt spoke. He's suggesting that the city must wait for the audit.",
        ),
    ],
)
def test_each_switch_turns_its_reading_off(
    monkeypatch: pytest.MonkeyPatch, name: str, value: object, sentence: str
) -> None:
    assert any(q.speaker == "Tom Brandt" for q in _reported(sentence).values())
    monkeypatch.setattr(attributor, name, value)
    assert not any(q.speaker == "Tom Brandt" for q in _reported(sentence).values())
