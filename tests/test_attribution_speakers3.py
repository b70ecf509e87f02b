"""Speaker resolution, round 8b: labelled parts, shared surnames, given names that are also words."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote

LIBRARY = (
    "Council votes to close the library\n\n"
    "By Margaret Holloway\n\n"
    "The council voted on Tuesday to close the branch library.\n\n"
    "Jane Kettering waves at the crowd outside the hall.\n\n"
    '"It is a sad day for the town," she said.\n\n'
    '"We will keep fighting for our readers."\n\n'
    'Councillor Alan Pryce said: "The budget left us no choice."'
)


def _part(text: str, sub: str, kind: str) -> tuple[int, int, str]:
    start = text.index(sub)
    return (start, start + len(sub), kind)


def _said(text: str, quotes: list[Quote]) -> dict[str, str | None]:
    return {text[q.start : q.end]: q.speaker for q in quotes}


def test_byline_and_caption_names_speak_for_nobody_outside_them() -> None:
    parts = [
        _part(LIBRARY, "By Margaret Holloway", "byline"),
        _part(LIBRARY, "Jane Kettering waves at the crowd outside the hall.", "caption"),
    ]
    speakers, quotes = analyse(LIBRARY, parts=parts)
    assert "Margaret Holloway" not in {s.name for s in speakers}
    said = _said(LIBRARY, quotes)
    # "she" and the quotation after it look back past the caption: nobody is left to mean
    assert said["It is a sad day for the town"] is None
    assert said["The budget left us no choice."] == "Alan Pryce"
    # without the labels the caption's name is the nearest person
    assert _said(LIBRARY, analyse(LIBRARY)[1])["It is a sad day for the town"] == "Jane Kettering"


def test_a_quotation_inside_a_caption_keeps_its_speaker() -> None:
    text = (
        "Storm closes the harbour\n\n"
        'Harbour master Colin Dray said: "We have never seen waves like these." Photo: Ann Lee\n\n'
        "The harbour stayed closed on Friday."
    )
    parts = [_part(text, 'Harbour master Colin Dray said: "We have never seen waves like these."', "caption")]
    _speakers, quotes = analyse(text, parts=parts)
    assert _said(text, quotes)["We have never seen waves like these."] == "Colin Dray"


def test_bill_opening_a_name_is_a_given_name() -> None:
    text = (
        "Bill Clinton spoke in Ohio on Monday. He praised the state's workers.\n\n"
        '"This is where the recovery started," he said.'
    )
    speakers, quotes = analyse(text)
    assert "Bill Clinton" in {s.name for s in speakers}
    assert _said(text, quotes)["This is where the recovery started"] == "Bill Clinton"


def test_honorific_picks_the_agreeing_person_of_a_shared_surname() -> None:
    text = (
        "Hillary Clinton campaigned in Ohio on Monday. Former president Bill Clinton stayed in New York.\n\n"
        '"We are going to win this state," Mrs. Clinton said.\n\n'
        '"It was a good day," Mr. Clinton said.'
    )
    _speakers, quotes = analyse(text)
    said = _said(text, quotes)
    assert said["We are going to win this state"] == "Hillary Clinton"
    assert said["It was a good day"] == "Bill Clinton"


def test_shared_surname_aliases_the_person_the_text_calls_by_it() -> None:
    text = (
        "Maria Santos opened the bakery in 1998. Her brother Luis Santos joined her later.\n\n"
        '"We bake every loaf by hand," Santos said.'
    )
    speakers, _quotes = analyse(text)
    aliases = {s.name: {a.lower() for a in s.aliases} for s in speakers}
    assert "santos" in aliases["Maria Santos"]
    assert "santos" not in aliases["Luis Santos"]


def test_signature_line_signs_the_quotation_before_it() -> None:
    text = (
        "Fact-checking the debate\n\n"
        "Bernie Sanders and Hillary Clinton met in Flint on Sunday.\n\n"
        '"I helped write that bill and I am proud of it."\n\n'
        "- Sanders.\n\n"
        "Sanders exaggerates when he says he helped write the law.\n\n"
        '"Nobody has fought harder for the children of this city."\n\n'
        "— Hillary Clinton.\n\n"
        "She has a point."
    )
    said = _said(text, analyse(text)[1])
    assert said["I helped write that bill and I am proud of it."] == "Bernie Sanders"
    assert said["Nobody has fought harder for the children of this city."] == "Hillary Clinton"


def test_transcript_answers_are_the_interviewees() -> None:
    text = (
        "A talk with the mayor\n\n"
        "Mayor Rosa Delgado has led the city since 2019. Delgado spoke to us on Friday about the budget.\n\n"
        "Q: Will the libraries stay open next year?\n\n"
        "A: Every one of them will stay open, and two will open on Sundays.\n\n"
        "Q: And the buses?\n\n"
        "A: We are adding twelve new routes before the winter."
    )
    said = _said(text, analyse(text)[1])
    assert said["Every one of them will stay open, and two will open on Sundays"] == "Rosa Delgado"
    assert said["We are adding twelve new routes before the winter"] == "Rosa Delgado"


def test_a_name_modifying_a_role_after_the_verb_is_not_the_speaker() -> None:
    text = (
        "Some allies have come to accept his new position. "
        '"David is a longtime friend of mine," said Clinton ally James Carville.\n\n'
        '"It is something we should debate," said Sen. Tom Carper of Delaware.'
    )
    said = _said(text, analyse(text)[1])
    assert said["David is a longtime friend of mine"] == "James Carville"
    assert said["It is something we should debate"] == "Tom Carper"


def test_title_word_after_an_initial_is_a_surname() -> None:
    text = 'Lawmakers met on Monday. "We have to win this one," said Representative Peter T. King.'
    speakers, quotes = analyse(text)
    assert "Peter T. King" in {s.name for s in speakers}
    assert _said(text, quotes)["We have to win this one"] == "Peter T. King"


def test_the_source_of_an_apposition_is_the_name_it_describes() -> None:
    text = (
        "Donors met on Monday. Steve Elmendorf, a top fundraiser close to the campaign staff in "
        "Brooklyn, says the plan works.\n\n"
        "Khizr and Ghazala Khan, the parents whose speech created a firestorm for Donald Trump, "
        "say they are not afraid."
    )
    said = _said(text, analyse(text)[1])
    assert said["the plan works"] == "Steve Elmendorf"
    assert said["they are not afraid"] == "Ghazala Khan"


def test_a_possessive_name_before_a_long_role_is_not_the_speaker() -> None:
    text = (
        'Staff met on Monday. "We are moving forward," said Clinton\'s top foreign policy aide Jake Sullivan.'
    )
    assert _said(text, analyse(text)[1])["We are moving forward"] == "Jake Sullivan"


def test_pronoun_votes_do_not_make_a_thing_a_person() -> None:
    text = (
        "Donald Trump spoke in Ohio on Monday about trade.\n\n"
        "If China can build a Great Wall, he observed, then he can build one along the border. "
        "He said the wall would be paid for."
    )
    said = _said(text, analyse(text)[1])
    assert said["the wall would be paid for"] == "Donald Trump"


def test_a_town_named_with_its_state_is_no_speaker() -> None:
    text = (
        "The rally drew a crowd on Saturday.\n\n"
        "At a campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson railed against the plan. "
        '"They should listen to us," she said.'
    )
    assert _said(text, analyse(text)[1])["They should listen to us"] == "Brenda Johnson"


def test_a_definite_description_names_the_institution_again() -> None:
    text = (
        "The Illinois Board of Elections met on Tuesday to hear the challenge.\n\n"
        "The board said the senator was a natural-born citizen.\n\n"
        "Officials at the Labor Department were pleased. The department said two million workers would gain."
    )
    said = _said(text, analyse(text)[1])
    assert said["the senator was a natural-born citizen"] == "Illinois Board of Elections"
    assert said["two million workers would gain"] == "Labor Department"
