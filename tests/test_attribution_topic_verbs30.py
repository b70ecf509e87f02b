"""Round 30 (attr30b): quotation verbs that report a topic or an object, and "add to" read as no
speech. "commented", "joked", "mused", "remarked" and "recalled" attribute a quotation (", Roe
joked."); followed by their preposition ("commented on the plan", "joked about moving") or, for
"recalled", by an object ("recalled what happened", "recalled sitting in on ...") they report what was
said. Sentences written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor, speakers
from index.model import Quote


def _reported(text: str) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in analyse(text)[1] if not q.direct}


def test_commented_on_reports_its_topic() -> None:
    text = "The council met on Monday. Mayor Tom Brandt commented on the plan to close the harbour at night."
    found = _reported(text)
    words = found["on the plan to close the harbour at night"]
    assert words.speaker == "Tom Brandt" and words.verb == "commented"


def test_joked_about_reports_its_topic() -> None:
    text = "Ann Roe joked about moving to the coast if the harbour plan is approved."
    words = _reported(text)["about moving to the coast if the harbour plan is approved"]
    assert words.speaker == "Ann Roe" and words.verb == "joked"


def test_recalled_with_an_object_reports_it() -> None:
    text = (
        "The vote was close. Luis Diaz, the council's longest-serving member, recalled what happened "
        "in 2008 to point out that the harbour lead could vanish."
    )
    found = _reported(text)
    recalled = [q for q in found.values() if q.verb == "recalled"]
    assert len(recalled) == 1 and recalled[0].speaker == "Luis Diaz"
    assert text[recalled[0].start : recalled[0].end].startswith("what happened in 2008")


def test_recalled_with_a_gerund_reports_it() -> None:
    text = "Mary Holt recalled sitting in on budget meetings when she worked for the harbour board."
    words = _reported(text)["sitting in on budget meetings when she worked for the harbour board"]
    assert words.speaker == "Mary Holt" and words.verb == "recalled"


def test_a_quotations_verb_stays_the_quotations() -> None:
    # after a quotation the verb is its attribution: the words after "recalled" are no report
    text = '"We will reopen by spring," Tom Brandt recalled the mayor telling him.'
    quotes = analyse(text)[1]
    assert any(q.direct and q.speaker == "Tom Brandt" for q in quotes)
    assert not any(not q.direct and q.verb == "recalled" for q in quotes)


def test_the_verbs_alone_still_attribute_quotations_only() -> None:
    text = 'Ann Roe joked. "The harbour will outlive us all," Tom Brandt mused.'
    quotes = analyse(text)[1]
    assert not any(not q.direct for q in quotes)
    assert any(q.direct and q.speaker == "Tom Brandt" and q.verb == "mused" for q in quotes)


def test_other_prepositions_are_no_topic() -> None:
    # "joked with reporters": the ones joked with, not what was said
    text = "Ann Roe joked with reporters outside the harbour office for an hour."
    assert not any(q.verb == "joked" for q in _reported(text).values())


def test_a_negated_verb_reports_nothing() -> None:
    # "has not commented on the bill": she said nothing on it, so she is not quoted on it
    for neg in ("has not commented", "hasn't commented", "did not comment", "would not remark"):
        text = f"The council passed the bill. Governor Lena Brook of Vellmark {neg} on the bill."
        assert not any(q.speaker == "Lena Brook" for q in analyse(text)[1]), neg
    text = "Governor Lena Brook of Vellmark commented on the bill on Monday."
    assert any(q.speaker == "Lena Brook" for q in analyse(text)[1])


def test_the_switch_turns_the_reading_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tom Brandt commented on the plan to close the harbour at night."
    assert any(q.speaker == "Tom Brandt" for q in _reported(text).values())
    monkeypatch.setattr(attributor, "TOPIC_PREPS", False)
    assert not any(q.speaker == "Tom Brandt" for q in _reported(text).values())


def test_add_to_is_no_report() -> None:
    # "add to": increase, not speech (speakers.ADD_TO_NOT_SPEECH)
    text = (
        "Tom Brandt won the primary in Ohio, adding to his victories in the South. "
        "The latest delay adds to the drama that has surrounded the harbour plan."
    )
    assert not any(text[q.start : q.end].startswith("to ") for q in analyse(text)[1])


def test_added_to_someone_that_is_still_a_report() -> None:
    text = "Ann Roe added to reporters that the harbour would reopen by spring."
    found = [q for q in analyse(text)[1] if not q.direct]
    assert any(q.speaker == "Ann Roe" and "the harbour would reopen" in text[q.start : q.end] for q in found)


def test_the_add_to_switch_turns_the_drop_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tom Brandt won the primary in Ohio, adding to his victories in the South."
    assert not _reported(text)
    monkeypatch.setattr(speakers, "ADD_TO_NOT_SPEECH", False)
    assert _reported(text)["to his victories in the South"].speaker == "Tom Brandt"
