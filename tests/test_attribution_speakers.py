"""Speaker resolution on articles written for these tests: which person or organisation a source
mention resolves to (index.attribution.sources and names)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _who(text: str, quotes: list[Quote], words: str) -> list[tuple[str | None, str]]:
    """(speaker, source as written) of every attribution whose content holds `words`."""
    return [(q.speaker, q.source) for q in quotes if words in text[q.start : q.end]]


def test_a_description_found_inside_a_word_starts_at_the_next_word() -> None:
    text = (
        "The party met in Dayton on Thursday.\n\n"
        "Party spokesman Milo Brandt on Thursday evening said the party was not in a crisis at all.\n"
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "not in a crisis") == [("Milo Brandt", "Milo Brandt")]


def test_a_name_after_a_preposition_is_no_subject() -> None:
    text = (
        "Nora Quill spoke in Akron on Monday.\n\n"
        "Aides to Nora Quill say she is shifting her tack toward the suburbs this month.\n\n"
        "Polls in New Hampshire show the race is tight after the debate.\n"
    )
    speakers, quotes = analyse(text)
    assert _who(text, quotes, "shifting her tack") == [(None, "Aides to Nora Quill")]
    assert "Hampshire" not in {s.name for s in speakers}
    assert all(sp != "Hampshire" for sp, _src in _who(text, quotes, "race is tight"))


def test_a_subject_set_off_by_a_long_apposition_is_the_speaker() -> None:
    text = (
        "The lawsuit went on.\n\n"
        "Tom Roeder, the head of Citizens Watch, a group that has sued the Transport Department, "
        "said the suit would go on until the records were released.\n"
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "suit would go on")] == ["Tom Roeder"]


def test_titled_conjuncts_are_speakers_the_first_first() -> None:
    text = (
        "Senator Paul Ardley and Senator Tessa Moyne met on Sunday.\n\n"
        "Mr. Ardley and Senator Tessa Moyne urged the party to unite around the nominee.\n\n"
        "Ardley and his supporters argue that the rules favour the party's elites.\n"
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "unite around")] == ["Paul Ardley", "Tessa Moyne"]
    assert [w for w, _src in _who(text, quotes, "rules favour")] == ["Paul Ardley"]


def test_a_hyphenated_place_modifier_is_not_the_speaker() -> None:
    text = (
        '"How much worse could it get for the governor?" said Ohio-based Republican strategist '
        "Mel Varga, referring to the polls.\n"
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "much worse")] == ["Mel Varga"]


def test_a_given_name_outside_the_word_lists_sets_the_gender_of_he_and_she() -> None:
    text = (
        "Tad Quill introduced Mariam Osei at the rally in Dayton on Monday.\n\n"
        '"We are going to win this state in November," she said.\n'
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "win this state")] == ["Mariam Osei"]


def test_a_capitalised_run_of_common_words_names_nobody() -> None:
    text = (
        "No Child Left Behind said the schools had failed. A child was left behind in every class.\n\n"
        '"It was a failure from the start," he said.\n'
    )
    speakers, _q = analyse(text)
    assert "Child Left Behind" not in {s.name for s in speakers}


def test_a_one_word_source_is_a_person_a_later_he_can_mean() -> None:
    text = (
        "Ardo Quillan and Vesna Park met the donors in Tulsa on Friday.\n\n"
        "Carson openly admitted that his choice was politically motivated, looking to March.\n"
        '"With an eye to the primary, it was easy," he said.\n'
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "eye to the primary")] == ["Carson"]


def test_a_plural_noun_as_a_source_is_nobody() -> None:
    text = (
        "Mayor Tom Ostrander spoke on Monday.\n\n"
        "Aides say he does not see any need to engage the council members at this point.\n"
    )
    speakers, _q = analyse(text)
    assert "Aides" not in {s.name for s in speakers}


def test_he_means_the_person_the_previous_sentence_quotes() -> None:
    text = (
        "The vote is close.\n\n"
        "The good news for Carl Lomax, Ferrand Oakes said, is that he is sure to draw crowds in the east.\n\n"
        '"He will still get coverage," he said.\n'
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "still get coverage")] == ["Ferrand Oakes"]


def test_a_quotation_inside_a_sentence_another_closes_goes_to_the_closing_source() -> None:
    text = (
        "The race tightened in March.\n\n"
        'Governors Pat Kimbrough and Lyle Danforth "were stiff and dull on the stage" in comparison '
        "to the mayor, Ora Tillman said.\n"
    )
    _s, quotes = analyse(text)
    assert {w for w, _src in _who(text, quotes, "stiff and dull")} == {"Ora Tillman"}


def test_a_scare_quote_goes_to_the_subject_of_its_clause() -> None:
    text = (
        "The hearing went on for hours.\n\n"
        "As part of the exchange with Dana Weller, Hal Gorsky referenced an audit that "
        '"less than one percent of the files" were kept.\n'
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "less than one percent")] == ["Hal Gorsky"]


def test_a_quotation_standing_alone_goes_to_the_subject_of_the_sentence_before() -> None:
    text = (
        "The union vote is on Friday.\n\n"
        "Clara Voss touted her record as a sponsor of the bill with Senator Amos Reedy of Ohio.\n\n"
        '"We need to support workers that want a union in their workplace."\n'
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "support workers")] == ["Clara Voss"]


def test_a_description_ending_in_a_name_or_by_an_institution_names_the_source() -> None:
    text = (
        "The flight left Paris at night.\n\n"
        '"We had called him just before he boarded," his nephew Karim Ostrowski added.\n\n'
        "Turnout rose sharply this year, according to an analysis by the Pew Research Center.\n\n"
        "Aides to Karim Ostrowski say the family is waiting for news from the airline.\n"
    )
    _s, quotes = analyse(text)
    assert [w for w, _src in _who(text, quotes, "called him")] == ["Karim Ostrowski"]
    assert [w for w, _src in _who(text, quotes, "Turnout rose")] == ["Pew Research Center"]
    assert [w for w, _src in _who(text, quotes, "family is waiting")] == [None]
