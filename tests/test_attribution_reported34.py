"""Round 34 (attr34b): reported speech read after "asking someone to", after "took to Twitter to", the
subject of a participle after a coordinated clause, and no subject from inside a relative clause before
"used ... to". Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor
from index.model import Quote


def _reported(text: str) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in analyse(text)[1] if not q.direct}


def test_asking_someone_to_is_a_request_of_the_subject() -> None:
    text = "Mayor Tom Brandt sent a letter to the harbour board, asking it to reopen the ferry pier by May."
    words = _reported(text)["to reopen the ferry pier by May"]
    assert words.speaker == "Tom Brandt" and words.verb == "asking"


def test_asking_for_something_is_not_read_as_a_request_to() -> None:
    text = "Ann Roe spoke to the Courier on Monday, asking for anonymity to describe the talks."
    assert not any(q.verb == "asking" for q in analyse(text)[1])


def test_took_to_twitter_to_say() -> None:
    text = "Mayor Tom Brandt took to Twitter to say that the ferry would run again by May."
    words = _reported(text)["the ferry would run again by May"]
    assert words.speaker == "Tom Brandt" and words.verb == "say"


def test_used_his_speech_to_urge() -> None:
    text = "Mayor Tom Brandt used his speech to urge the board to reopen the ferry pier."
    assert any(q.speaker == "Tom Brandt" and q.verb == "urge" for q in analyse(text)[1])


def test_a_name_inside_a_relative_clause_is_no_subject() -> None:
    text = "The Harbour Union, which has endorsed Tom Brandt, used the vote to urge members to back him."
    assert not any(q.speaker == "Tom Brandt" for q in analyse(text)[1] if q.verb == "urge")


def test_the_participle_of_a_coordinated_clause_is_its_subjects() -> None:
    text = (
        "Mayor Tom Brandt turned to the budget, but Ann Roe brought him back to the ferry, "
        "asking Brandt to explain the closure."
    )
    words = _reported(text)["to explain the closure"]
    assert words.speaker == "Ann Roe"


def test_a_participle_without_a_coordinated_clause_keeps_the_sentence_subject() -> None:
    text = "Mayor Tom Brandt turned to the budget on Monday, saying that the ferry would run again by May."
    assert _reported(text)["the ferry would run again by May"].speaker == "Tom Brandt"


def test_the_switch_turns_the_coordinated_subject_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Mayor Tom Brandt turned to the budget, but Ann Roe brought him back to the ferry, "
        "saying that the closure was a mistake."
    )
    assert _reported(text)["the closure was a mistake"].speaker == "Ann Roe"
    monkeypatch.setattr(attributor, "COORD_PARTICIPLE_SUBJECT", False)
    assert _reported(text)["the closure was a mistake"].speaker == "Tom Brandt"


def test_a_possessive_owner_is_no_participle_subject() -> None:
    text = "Tom Brandt's representatives reached out to two builders, asking them to repair the ferry pier."
    assert not any(q.speaker == "Tom Brandt" and q.verb == "asking" for q in analyse(text)[1])
