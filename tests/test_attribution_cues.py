"""Cue kinds of reported speech, beliefs and stances (issue 8), on sentences written for these tests."""

from __future__ import annotations

from attribution_rows import found as _found
from attribution_rows import with_words as _with


def test_plural_subject_takes_the_base_form_of_a_speech_verb() -> None:
    text = "Harbour Town held its vote on Monday.\n\nDemocrats argue that the new levy has failed working families."
    rows = _with(text, "levy has failed")
    assert rows and rows[0][2] == "argue" and rows[0][3].startswith("the new levy")


def test_headline_case_verb() -> None:
    text = "Clara Voss Says Harbour Bill Will Pass\n\nClara Voss spoke in Harbour Town on Monday."
    rows = _with(text, "Harbour Bill Will Pass")
    assert rows and rows[0][0] == "Clara Voss"


def test_asked_whether_reports_the_question() -> None:
    text = "Pia Lund chaired the session.\n\nPia Lund asked whether the council would publish the ferry accounts."
    rows = _with(text, "publish the ferry accounts")
    assert rows and rows[0][0] == "Pia Lund" and rows[0][3].startswith("whether")


def test_adverbial_then_pronoun_clause() -> None:
    text = "The Ferry Guild said in a statement on Friday they had cancelled the winter timetable."
    rows = _with(text, "cancelled the winter timetable")
    assert rows and rows[0][3].startswith("they had")


def test_inverted_attribution_keeps_the_words_before_it() -> None:
    text = (
        "Even as the ferry returns to Harbour Town, a port the guild hoped to keep, the season will be short, "
        "said Olaf Brandt, a director of the guild."
    )
    rows = _with(text, "season will be short")
    assert rows and rows[0][0] == "Olaf Brandt"
    assert "director" not in rows[0][3]  # the apposition after the name is not content
    assert not _with(text, "Olaf Brandt, a director")


def test_more_participles() -> None:
    text = (
        "Marta Kell spoke for an hour, telling the crowd that the ferry would keep running.\n\n"
        "Marta Kell closed the meeting, asking whether anyone had a better plan for the harbour."
    )
    told = _with(text, "ferry would keep running")
    asked = _with(text, "better plan for the harbour")
    assert told and told[0][0] == "Marta Kell" and told[0][3].startswith("the ferry")
    assert asked and asked[0][3].startswith("whether")


def test_belief_ends_where_the_next_attribution_begins() -> None:
    text = (
        "Ivo Stern endorsed Marta Kell on Saturday, saying she had rescued the ferry service. "
        "Ivo Stern praised the harbour plan."
    )
    endorse = [r for r in _found(text) if r[2] == "endorsed"]
    assert endorse and endorse[0][3].startswith("Marta Kell") and "saying" not in endorse[0][3]
    assert _with(text, "rescued the ferry service")
    assert [r for r in _found(text) if r[2] == "praised" and r[3] == "the harbour plan"]


def test_belief_subject_across_a_relative_clause() -> None:
    text = "Ivo Stern, who has run the guild for a decade, wants to sell the old ferry by spring."
    rows = _with(text, "sell the old ferry")
    assert rows and rows[0][0] == "Ivo Stern" and rows[0][2] == "wants"


def test_according_to_a_long_source_in_brackets() -> None:
    text = (
        "(According to early results of the harbour survey conducted for the guild by two local colleges, "
        "most residents want the ferry kept.)"
    )
    rows = _with(text, "most residents want the ferry kept")
    assert rows and rows[0][2] == "according to"


def test_who_say_is_an_unnamed_source() -> None:
    text = "The guild gave new heart to critics who say the ferry levy is a money pit."
    rows = _with(text, "ferry levy is a money pit")
    assert rows and rows[0][1] == "critics"


def test_transcript_labels_further_in() -> None:
    text = (
        "Harbour talks resume\n\nMarta Kell met the guild on Monday.\n\n"
        "Q: Will the ferry run in winter?\n\nKELL: We will keep the ferry running all winter long."
    )
    rows = _with(text, "keep the ferry running all winter")
    assert rows and rows[0][0] == "Marta Kell"
    assert _with(text, "Will the ferry run in winter")
    assert not _with(text, "met the guild on Monday")  # no label, no attribution


def test_as_x_noted_opens_the_content() -> None:
    text = "As Marta Kell noted on Monday, the ferry has carried more passengers every year since 2010."
    rows = _with(text, "carried more passengers")
    assert rows and rows[0][0] == "Marta Kell" and rows[0][2] == "noted"


def test_told_with_no_words_of_its_own() -> None:
    text = "The guild will add a night ferry, Harbour Minister Olaf Brandt told a council panel Wednesday."
    rows = _found(text)
    assert not [r for r in rows if r[3].startswith("panel")]
    assert _with(text, "add a night ferry")


def test_a_question_put_to_someone() -> None:
    text = (
        "Asked by host Jo Roe whether she would sell the ferry, Marta Kell said she had no such plan.\n\n"
        "Asked Tuesday about the night service, Olaf Brandt said he would decide soon."
    )
    by_host = _with(text, "she would sell the ferry")
    assert by_host and by_host[0][0] == "Jo Roe" and by_host[0][3].startswith("whether")
    unnamed = _with(text, "about the night service")
    assert unnamed and unnamed[0][0] is None and unnamed[0][2] == "asked"
    assert _with(text, "he would decide soon")[0][0] == "Olaf Brandt"


def test_as_reported_by_and_reported_earning() -> None:
    text = (
        "As first reported by The Harbour Times, the guild will sell the old ferry in the spring.\n\n"
        "Marta Kell reported earning $2 million from the ferry on her disclosure form."
    )
    times = _with(text, "sell the old ferry")
    assert times and times[0][1] == "The Harbour Times" and times[0][2] == "reported"
    assert _with(text, "earning $2 million")[0][0] == "Marta Kell"


def test_unnamed_plural_sources_with_the_base_form() -> None:
    text = (
        "But opponents say the ferry levy will push families out of Harbour Town.\n\n"
        "No survey exists yet, and experts say it may be years before the ferry pays its way.\n\n"
        "Critics say this is just a rough patch for the guild."
    )
    assert _with(text, "ferry levy will push families")[0][1] == "opponents"
    assert _with(text, "years before the ferry pays")[0][1] == "experts"
    assert _with(text, "rough patch for the guild")[0][3].startswith("this is")


def test_a_bare_quantifier_as_the_source() -> None:
    text = "Though guild members doubt the plan, many said Monday that the ferry levy should stay."
    rows = _with(text, "ferry levy should stay")
    assert rows and rows[0][1] == "many" and rows[0][0] is None
