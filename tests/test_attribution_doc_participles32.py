"""Round 32 (attr32): a speech participle right after a document that the sentence's subject puts out,
with no comma ("Mayor Brandt released a statement saying ..."). The clause after the participle is the
subject's words. A document that opens the sentence, one that someone else wrote ("a report from the
Courier saying"), and a relative clause before the participle ("a speech that included Roe vowing")
give the subject nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor
from index.model import Quote


def _reported(text: str) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in analyse(text)[1] if not q.direct}


def test_released_a_statement_saying() -> None:
    text = "The harbour closed early. Mayor Tom Brandt released a statement saying the ferry would run again by May."
    words = _reported(text)["the ferry would run again by May"]
    assert words.speaker == "Tom Brandt" and words.verb == "saying"


def test_a_phrase_between_document_and_participle() -> None:
    text = "Ann Roe issued a statement on Monday confirming that the council will double the harbour budget."
    words = _reported(text)["the council will double the harbour budget"]
    assert words.speaker == "Ann Roe" and words.verb == "confirming"


def test_the_author_is_the_subject_of_the_verb_before_the_document() -> None:
    # the clause opening the sentence has a subject of its own (the fishermen): the author is Holt's
    text = (
        "In towns where fishermen, above all, back the council, Mary Holt devotes much of her stump "
        "speech to warmly praising the council's plan for the harbour."
    )
    words = _reported(text)["the council's plan for the harbour"]
    assert words.speaker == "Mary Holt" and words.verb == "praising"


def test_a_document_opening_the_sentence_is_no_object() -> None:
    # (the abbreviation keeps "U.S. A petition" in one sentence: only the capital tells the opening)
    text = "Ann Roe spoke about the harbour in the U.S. A petition calling on the council to close it has 900 names."
    assert not any(q.verb == "calling on" for q in analyse(text)[1])


def test_someone_elses_document_is_not_the_subjects() -> None:
    text = "Tom Brandt disputed an earlier report from the Courier saying the harbour would close in June."
    assert "the harbour would close in June" not in _reported(text)


def test_a_relative_clause_between_gives_no_report() -> None:
    text = "Tom Brandt gave a long speech that included Ann Roe vowing to keep the harbour open."
    assert not any(q.speaker == "Tom Brandt" and q.verb == "vowing" for q in analyse(text)[1])


def test_the_switch_turns_the_rule_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mayor Tom Brandt released a statement saying the ferry would run again by May."
    assert "the ferry would run again by May" in _reported(text)
    monkeypatch.setattr(attributor, "DOC_PARTICIPLES", False)
    assert "the ferry would run again by May" not in _reported(text)


def test_a_quotation_completes_a_participles_short_clause() -> None:
    # `saying his plan "..."`: two words of the clause before the quotation, which ends it
    text = 'Ann Roe spoke out on Monday, saying his plan "has no place in a harbour town" and left.'
    words = _reported(text)['his plan "has no place in a harbour town"']
    assert words.speaker == "Ann Roe" and words.verb == "saying"


def test_a_quotation_completes_a_documents_short_clause() -> None:
    text = 'Mayor Tom Brandt issued a statement saying that Roe was "a fine harbour master for us all."'
    words = _reported(text)['Roe was "a fine harbour master for us all."']
    assert words.speaker == "Tom Brandt" and words.verb == "saying"


def test_a_long_enough_clause_still_ends_before_the_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'Ann Roe spoke out on Monday, saying the new harbour plan was "a disgrace to the town."'
    # (as before this round: cut where the quotation's words begin, after its opening mark)
    assert 'the new harbour plan was "' in _reported(text)
    monkeypatch.setattr(attributor, "QUOTE_IN_CLAUSE", False)
    short = 'Ann Roe spoke out on Monday, saying his plan "has no place in a harbour town" and left.'
    assert not any(q.verb == "saying" for q in analyse(short)[1] if not q.direct)
