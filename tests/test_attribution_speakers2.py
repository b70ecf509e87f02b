"""Speaker resolution, round 7b: conjuncts, quotations inside sentences (articles written for these
tests; index.attribution.sources and names)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _who(text: str, quotes: list[Quote], words: str) -> list[str | None]:
    """The speaker of every attribution whose content holds `words`."""
    return [q.speaker for q in quotes if words in text[q.start : q.end]]


def test_a_quotation_inside_a_sentence_continues_the_subject_before_it() -> None:
    text = (
        "The court met again on Tuesday.\n\n"
        "Judge Ada Kerrigan took a short recess before the ruling.\n\n"
        'When the hearing resumed she began by saying, "I do not think a prison term is needed here."\n'
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "prison term") == ["Ada Kerrigan"]


def test_a_short_title_inside_a_sentence_is_still_no_attribution() -> None:
    text = (
        "Ada Kerrigan took the stage on Friday.\n\n"
        'A banner reading "Long Night Harbor" hung over the stage.\n'
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "Long Night Harbor") == []


def test_the_conjuncts_after_a_role_or_before_a_place_are_the_speakers_the_first_first() -> None:
    text = (
        "The schools debate goes on in Tallahassee.\n\n"
        "Both men are backers, given that former governor Jed Harlow and Gov. Rick Sanwell have "
        "both supported the new standards for years.\n\n"
        "Sens. Johnny Iverson of Georgia and John Bozeman of Arkansas also said they would welcome the "
        "candidate on the trail.\n\n"
        "Trailing contenders Tod Crane and Jim Kessler have agreed to divide the remaining primaries.\n"
    )
    _s, quotes = analyse(text)
    # round 15 (attr13): every person of the subject is credited, the first first
    assert _who(text, quotes, "the new standards") == ["Jed Harlow", "Rick Sanwell"]
    assert _who(text, quotes, "welcome the candidate") == ["Johnny Iverson", "John Bozeman"]
    assert _who(text, quotes, "divide the remaining") == ["Tod Crane", "Jim Kessler"]


def test_a_person_and_a_described_group_is_the_person_and_two_people_are_both() -> None:
    text = (
        "The attacks drew wide comment.\n\n"
        "Dora Trent and other Republicans said the president had failed to understand the threat.\n\n"
        "WASHINGTON (AP) — Dora Trent and House Speaker Paul Ryland pledged to work together after "
        "a meeting on Thursday.\n"
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "failed to understand") == ["Dora Trent"]
    assert _who(text, quotes, "work together") == ["Dora Trent", "Paul Ryland"]


def test_a_possessive_source_is_its_owner_unless_it_owns_a_person() -> None:
    text = (
        "The hearing on the report ran late.\n\n"
        "Brad Podleski, a former analyst, filed the complaint in June.\n\n"
        "Podleski's most explosive claim is that the panel ignored its own rules.\n\n"
        "Dora Trent's spokeswoman said the senator had no comment on the matter.\n"
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "ignored its own rules") == ["Brad Podleski"]
    assert _who(text, quotes, "no comment") in ([], [None])


def test_a_name_in_apposition_after_a_capitalised_description_is_the_speaker() -> None:
    text = (
        "The court heard the case on Monday.\n\n"
        '"The justices will be reluctant to go that far," said another leading Supreme Court advocate, '
        "Andrew P. Pinkus of the firm Mayer Braun.\n"
    )
    _s, quotes = analyse(text)
    assert _who(text, quotes, "reluctant to go") == ["Andrew P. Pinkus"]


def test_he_or_she_never_means_a_name_made_of_everyday_words() -> None:
    text = (
        "The campaign moved west this week.\n\n"
        "Senator Ada Kerrigan spoke to donors on Monday.\n\n"
        "In Great Falls, Common Ground volunteers set up the hall, she said.\n"
    )
    speakers, quotes = analyse(text)
    assert _who(text, quotes, "set up the hall") == ["Ada Kerrigan"]


def test_a_photo_credit_names_nobody_who_speaks() -> None:
    """A quotation whose speaker is guessed from the sentences before it skips a credit line: the
    photographer of "Photograph: Jane Doe/Reuters" says nothing in the story."""
    text = (
        "Harbour workers strike over pay\n\n"
        "Dock staff walked out on Monday.\n\n"
        "Photograph: Mirela Tomescu/Getty Images\n\n"
        'The walkout follows what organisers call "a decade of broken promises on wages and hours".\n'
    )
    _s, quotes = analyse(text)
    assert "Mirela Tomescu" not in _who(text, quotes, "broken promises")
    without = text.replace("Photograph: Mirela Tomescu/Getty Images\n\n", "Mirela Tomescu watched.\n\n")
    _s, quotes = analyse(without)
    assert _who(without, quotes, "broken promises") == [
        "Mirela Tomescu"
    ]  # a named person in the story still is
