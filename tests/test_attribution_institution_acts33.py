"""Round 33 (attr33a): a quotation with no attribution of its own whose sentence has an institution
as the subject of any finite verb ("On its website, the Harbour Board lists "..."") is that
institution's, not a guess from an earlier sentence's subject. One capitalised word with no "the"
("Danish"), a contraction ("That's") and a subject that opens no clause ("a new trust called ...")
are no such subject. Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, sources
from index.model import Quote


def _direct(text: str) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in analyse(text)[1] if q.direct}


# An earlier sentence's subject (Mayor Tom Brandt) is the remote guess the rule must beat.
LEAD = "Mayor Tom Brandt spoke to the fishermen on Monday about the harbour. "


def test_the_institution_opening_the_sentence_speaks() -> None:
    text = LEAD + "On its website, the Harbour Board lists “the safety of every crew as its first duty.”"
    q = _direct(text)["the safety of every crew as its first duty."]
    assert q.speaker == "Harbour Board"


def test_after_as_the_institution_speaks() -> None:
    text = LEAD + "But as The Courier pointed out, “The ferry has lost money for nine years running.”"
    q = _direct(text)["The ferry has lost money for nine years running."]
    assert q.speaker == "Courier"


def test_an_acronym_after_and_speaks() -> None:
    text = LEAD + "The council disagreed and the NFA describes “a harbour that is failing its crews.”"
    q = _direct(text)["a harbour that is failing its crews."]
    assert q.speaker == "NFA"


def test_a_person_of_the_sentence_still_wins() -> None:
    text = LEAD + "Ann Roe, who chairs the Harbour Board, calls it “a harbour that is failing its crews.”"
    q = _direct(text)["a harbour that is failing its crews."]
    assert q.speaker == "Ann Roe"


def test_an_object_is_no_subject() -> None:
    # "a new trust called Harbour Watch": the name follows a lower-case word, it opens no clause
    text = LEAD + "A new trust called Harbour Watch backed his plan as “the best hope for the harbour.”"
    q = _direct(text).get("the best hope for the harbour.")
    assert q is None or q.speaker != "Harbour Watch"


def test_one_capitalised_word_is_no_institution() -> None:
    text = LEAD + "Danish crews described “a harbour that is failing us every winter.”"
    q = _direct(text).get("a harbour that is failing us every winter.")
    assert q is None or q.speaker != "Danish"


def test_the_switch_turns_the_rule_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = LEAD + "On its website, the Harbour Board lists “the safety of every crew as its first duty.”"
    assert _direct(text)["the safety of every crew as its first duty."].speaker == "Harbour Board"
    monkeypatch.setattr(sources, "INSTITUTION_ACTS", False)
    q = _direct(text).get("the safety of every crew as its first duty.")
    assert q is None or q.speaker != "Harbour Board"
