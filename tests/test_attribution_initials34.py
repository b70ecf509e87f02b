"""Round 34 (attr34a): a dotted abbreviation ("H.W.", "D.C.", "J.R.") before a capitalised word that is
no function word does not end its sentence, so a name after initials stays in the sentence that
mentions it, and a later "he said" finds the sentence's subject, not the name cut off into a sentence
of its own. Before "The", "They" ... the stop still ends the sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, marks
from index.attribution.marks import _sentences


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in _sentences(text, [(0, len(text))], [])]


def test_initials_before_a_name_keep_the_sentence() -> None:
    text = "The harbour lawyer is J.R. Tom Marsh of the city college. He spoke first."
    assert _sents(text) == ["The harbour lawyer is J.R. Tom Marsh of the city college.", "He spoke first."]


def test_middle_initials_keep_the_sentence() -> None:
    text = "Yesterday the former governor Ann B.C. Fowler opened the harbour."
    assert _sents(text) == [text]


def test_initials_before_a_function_word_end_the_sentence() -> None:
    text = "The ferry crews went back to Washington D.C. They landed on Monday."
    assert _sents(text) == ["The ferry crews went back to Washington D.C.", "They landed on Monday."]


def test_a_place_after_its_comma_ends_the_sentence() -> None:
    text = "The guild met in Portland, M.E. Jo Hale said the rent was lower."
    assert _sents(text) == ["The guild met in Portland, M.E.", "Jo Hale said the rent was lower."]


ARTICLE = (
    "Anticipating a fight, Mayor Tom Brandt said he had asked the harbour lawyer J.R. Peter Marsh "
    "at the city college, who told him the order was lawful.\n\n"
    "\u201cWe did this by the book, and every crew will see it,\u201d he said."
)


def test_he_said_after_initials_is_the_sentence_subject() -> None:
    q = next(q for q in analyse(ARTICLE)[1] if q.direct)
    assert q.speaker == "Tom Brandt"


def test_switch_off_cuts_after_the_initials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(marks, "INITIALS_GO_ON", False)
    assert len(_sents("Yesterday the former governor Ann B.C. Fowler opened the harbour.")) == 2
