"""Speaker resolution, round 10b: the run of one speaker ends at another person's turn, and a quotation
nobody is credited with goes to the owner of the words it gives or to the name before its colon."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _said(text: str, quotes: list[Quote]) -> dict[str, str | None]:
    return {text[q.start : q.end]: q.speaker for q in quotes}


def test_another_person_opening_a_sentence_ends_the_run() -> None:
    text = (
        'The panel turned to the harbour contract. "I never signed it. That is a lie," Mara Olsen replied.\n\n'
        "Tomas Berg looked surprised and noted that Olsen's signature was on the page. "
        '"Does that not speak to your judgement in any way?"'
    )
    said = _said(text, analyse(text)[1])
    assert said["I never signed it. That is a lie"] == "Mara Olsen"
    assert said["Does that not speak to your judgement in any way?"] == "Tomas Berg"


def test_the_run_continues_when_nobody_else_takes_the_turn() -> None:
    text = (
        '"I never signed it," Mara Olsen replied.\n\n'
        "The room went quiet. "
        '"Nobody in this town has ever seen that contract, and nobody will."'
    )
    said = _said(text, analyse(text)[1])
    assert said["Nobody in this town has ever seen that contract, and nobody will."] == "Mara Olsen"


def test_possessive_noun_of_speech_gives_whose_words_they_are() -> None:
    text = (
        "Mayor Lena Fischer spent the week in Brussels, followed by the audit and by inspector Paul "
        'Navarro\'s conclusion that her accounts were "badly kept and worse explained."'
    )
    said = _said(text, analyse(text)[1])
    assert said["badly kept and worse explained."] == "Paul Navarro"


def test_possessive_noun_of_speech_before_another_clause_is_no_owner() -> None:
    text = (
        "Lena Fischer was not impressed with Paul Navarro's comments on Monday, telling reporters, "
        '"A lot of people said the mayor should step down."'
    )
    said = _said(text, analyse(text)[1])
    assert said["A lot of people said the mayor should step down."] == "Lena Fischer"


def test_name_before_a_colon_speaks_the_quotation() -> None:
    text = (
        "Lena Fischer rose fast in the polls, which does not surprise pollster Paul Navarro: "
        '"Newcomers who win early contests have always seen the biggest boost."'
    )
    said = _said(text, analyse(text)[1])
    assert said["Newcomers who win early contests have always seen the biggest boost."] == "Paul Navarro"


def test_object_before_a_colon_is_not_the_speaker() -> None:
    text = (
        "Governor Ada Quist delivered a blunt message to Paul Navarro: "
        '"It is time to stop attacking the people you competed with."'
    )
    said = _said(text, analyse(text)[1])
    assert said["It is time to stop attacking the people you competed with."] == "Ada Quist"


def test_institution_speaking_in_the_sentence_gives_the_quotation() -> None:
    text = (
        "The request reached the office in March. In May, four months after Lena Fischer left office, the "
        'Harbour Department told the group that "no records responsive to your request were located."'
    )
    said = _said(text, analyse(text)[1])
    assert said["no records responsive to your request were located."] == "Harbour Department"
