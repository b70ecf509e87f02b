"""A date bound to another subject than the one asked (qa.date_subject). Sentences, names and questions
written for these tests."""

from __future__ import annotations

import re

from qa import date_subject

_STOP = frozenset(
    "the a an of in on to and has have had is are was were did when what year since will".split()
)


def terms(text: str) -> list[str]:
    """Lower-case content words (a stand-in for the index's terms)."""
    return [w for w in re.findall(r"[a-z][a-z'-]*", text.lower()) if w not in _STOP]


# A made-up story: the date 2009 is bound to what Veldoria did and to the outbreak of the border war.
BACKED = (
    "Veldoria has backed the Marren government since the outbreak of the border war in 2009 and has "
    "lately sent engineers to the coast."
)
MEETING = "The two ministers are due to meet on Thursday, where the dam is expected to be discussed."


def test_clause_of_reads_from_the_last_boundary_before_the_date() -> None:
    start = BACKED.index("2009")
    assert date_subject.clause_of(BACKED, start).startswith("Veldoria has backed")
    later = "The port reopened, and the ferry has run daily since March."
    assert date_subject.clause_of(later, later.index("March")).startswith("the ferry has run")


def test_clause_subject_is_the_words_before_the_first_auxiliary() -> None:
    assert date_subject.clause_subject("Veldoria has backed the Marren government since ") == "Veldoria"
    assert date_subject.clause_subject("The two ministers are due to meet on ") == "The two ministers"
    # No auxiliary first, or a pronoun: the subject is not read.
    assert date_subject.clause_subject("Mayor Dunne opened the bridge on ") is None
    assert date_subject.clause_subject("He has lived there since ") is None
    assert date_subject.clause_subject("Nobody is going to remember this in ") is None


def test_a_date_of_another_named_subject_is_anothers() -> None:
    assert date_subject.other_subject("When was Marren elected prime minister?", BACKED, terms, None)
    assert date_subject.other_subject("When did Tassia start arming the rebels?", BACKED, terms, None)


def test_a_date_of_the_asked_subject_or_its_dated_event_is_kept() -> None:
    # The clause's subject is asked (upper or lower case).
    assert not date_subject.other_subject("Since what year has Veldoria backed Marren?", BACKED, terms, None)
    assert not date_subject.other_subject("when did veldoria start backing marren", BACKED, terms, None)
    # The event noun the date dates ("the outbreak of the border war in 2009") is asked.
    assert not date_subject.other_subject("What year did the border war begin?", BACKED, terms, None)


def test_a_named_subject_doing_the_asked_thing_to_the_asked_one_is_kept() -> None:
    # the question's subject is the clause's object: the county closes the bridge
    closing = "The county of Low Fenwick will close the Alder Street bridge for repairs in March 2027."
    assert not date_subject.other_subject("When will the Alder Street bridge close?", closing, terms, None)
    assert date_subject.other_subject("When will the Alder Street bridge reopen?", closing, terms, None)


def test_an_unnamed_subject_is_kept_when_the_sentence_tells_of_the_asked_event() -> None:
    assert not date_subject.other_subject("When will Halvorsen and Ostrova meet?", MEETING, terms, None)
    assert date_subject.other_subject("When was Halvorsen elected?", MEETING, terms, None)


def test_an_unread_subject_keeps_the_sentence_as_evidence() -> None:
    opened = "Mayor Dunne opened the bridge on Friday."
    assert not date_subject.other_subject("When did Tassia open the tunnel?", opened, terms, None)


def test_the_reason_needs_every_dated_body_sentence_to_be_anothers() -> None:
    asked = "When was Marren elected prime minister?"
    why = date_subject.other_subject_reason(asked, [BACKED, MEETING], [True, True], terms, None)
    assert "Marren" in why
    # A sentence of the asked subject's keeps the question.
    elected = "Marren was elected prime minister in 2004."
    assert date_subject.other_subject_reason(asked, [BACKED, elected], [True, True], terms, None) == ""
    # A caption's date is not read here: the question is left to the other checks.
    assert date_subject.other_subject_reason(asked, [BACKED, MEETING], [True, False], terms, None) == ""
    # Not a date question, or no date given.
    assert date_subject.other_subject_reason("Who leads Veldoria?", [BACKED], [True], terms, None) == ""
    assert date_subject.other_subject_reason(asked, ["Marren spoke."], [True], terms, None) == ""
