"""Cues and spans, round 10a: transcript labels, dashed asides, lead-in words, conjunctions after a
quotation (sentences written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_mixed_case_name_labels_of_a_dialogue_are_its_speakers() -> None:
    text = (
        "Mara Quill hosted the panel with Otto Brenner on Sunday night.\n\n"
        "Otto Brenner: The harbour tax means something different to every voter.\n\n"
        "Quill: Well, a tax is a tax.\n\n"
        "Brenner: Nobody thinks of their pension as a tax on the harbour."
    )
    found = _found(text, analyse(text)[1])
    assert found["The harbour tax means something different to every voter"].speaker == "Otto Brenner"
    assert found["Well, a tax is a tax"].speaker == "Mara Quill"
    assert found["Nobody thinks of their pension as a tax on the harbour"].speaker == "Otto Brenner"


def test_a_name_label_used_once_further_in_is_a_heading() -> None:
    text = (
        "Five candidates face the voters of the valley on Tuesday.\n\n"
        "Mara Quill: Win in a walk.\n\n"
        "Quill has led every poll of the valley this year by double digits.\n\n"
        "Otto Brenner: Hold on.\n\n"
        "Brenner needs a second place to stay in the race."
    )
    found = _found(text, analyse(text)[1])
    assert "Win in a walk" not in found
    assert "Hold on" not in found


def test_an_aside_set_off_by_dashes_between_subject_and_verb() -> None:
    text = (
        "Ann Ruiz met the reporters on Monday. Ann Ruiz - Tom Baker's partner and co-host on his radio "
        "show - told the Ledger that his view of the council turned darker around 2002."
    )
    found = _found(text, analyse(text)[1])
    q = found["his view of the council turned darker around 2002"]
    assert q.speaker == "Ann Ruiz" and q.verb == "told"


def test_the_words_before_a_quotation_handed_to_a_trailing_attribution() -> None:
    text = (
        "Jo Roe spoke at the port on Monday. The new levy would help the port by fostering "
        '"small and large firms alike," Jo Roe said.'
    )
    found = _found(text, analyse(text)[1])
    assert found["small and large firms alike"].speaker == "Jo Roe"
    whole = found['The new levy would help the port by fostering "small and large firms alike,"']
    assert whole.speaker == "Jo Roe" and not whole.direct


def test_a_colon_before_the_quotation_keeps_the_lead_in_apart() -> None:
    text = (
        "Jo Roe spoke at the port on Monday. After the vote the port had lost its way: "
        '"The port is no longer the port," Jo Roe said.'
    )
    found = _found(text, analyse(text)[1])
    assert found["The port is no longer the port"].speaker == "Jo Roe"
    assert not any(k.startswith("After the vote") for k in found)


def test_a_bracketed_tag_after_a_trailing_subject() -> None:
    text = (
        "Jane Holt toured the mill in May. The market for steel is not what it was in the 1980s, "
        "Sen. Jane Holt (R-Ohio) told the Ledger."
    )
    found = _found(text, analyse(text)[1])
    assert found["The market for steel is not what it was in the 1980s"].speaker == "Jane Holt"


def test_a_conjunction_after_a_quotation_is_no_speaker() -> None:
    text = (
        "Jane Holt met Tom Baker on Monday. Holt, speaking on the radio, called Baker a \u201cblowhard,\u201d "
        "and said he would never vote for him."
    )
    found = _found(text, analyse(text)[1])
    assert found["blowhard"].speaker == "Jane Holt"
    assert found["he would never vote for him"].speaker == "Jane Holt"
    assert all(q.source.split()[:1] != ["and"] for q in found.values())


def test_a_subordinate_clause_after_a_quotation_is_no_attribution() -> None:
    text = (
        "Tom Baker spoke in Akron. Baker told supporters on Tuesday that \u201cwe close one chapter and "
        "begin another,\u201d as he promised to rebuild the mill."
    )
    found = _found(text, analyse(text)[1])
    assert found["we close one chapter and begin another"].speaker == "Tom Baker"


def test_went_on_to_say_leaves_the_clause_to_the_speech_verb() -> None:
    text = "Jane Holt spoke in Akron. Holt went on to say that the mill would reopen in the spring."
    quotes = analyse(text)[1]
    assert [q.verb for q in quotes] == ["say"]
    assert quotes[0].speaker == "Jane Holt"


def test_as_a_source_reported_covers_the_quotations_in_its_words() -> None:
    text = (
        "Tom Baker spoke in Akron on Monday. As The Daily Ledger reported, the mill owner "
        "\u201cgave between $1,001 and $5,000\u201d to the campaign."
    )
    found = _found(text, analyse(text)[1])
    assert found["gave between $1,001 and $5,000"].speaker == "Daily Ledger"
    # "states" after "in" is a noun: no "as ... states," attribution
    other = (
        "As the race has turned to contests in states with larger cities, Jane Holt has decried "
        "\u201csystemic neglect\u201d and promised new money."
    )
    assert all(q.verb != "states" for q in analyse(other)[1])
