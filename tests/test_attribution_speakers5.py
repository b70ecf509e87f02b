"""Speaker resolution, round 9c: small general rules (acronym sources, noun modifiers, ...)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _said(text: str, quotes: list[Quote]) -> dict[str, str | None]:
    return {text[q.start : q.end]: q.speaker for q in quotes}


def test_two_letter_acronym_subject_is_an_organisation() -> None:
    text = "The AP said the harbour bridge would reopen in May. The tolls will rise, the UN says."
    said = _said(text, analyse(text)[1])
    assert said["the harbour bridge would reopen in May"] == "AP"
    assert said["The tolls will rise"] == "UN"


def test_short_clause_fragment_is_still_no_source() -> None:
    text = "He said it was OK."
    assert _said(text, analyse(text)[1])["it was OK"] is None


def test_capitalised_modifier_of_a_plural_noun_names_nobody() -> None:
    text = 'Opinion polls see the mayor ahead in the west. "We are winning," she said.'
    speakers, quotes = analyse(text)
    assert "Opinion" not in {s.name for s in speakers}
    said = _said(text, quotes)
    assert said["the mayor ahead in the west"] is None
    assert said["We are winning"] is None
    # a one-word surname before its verb still speaks
    other = "Lindqvist said the vote was close."
    assert _said(other, analyse(other)[1])["the vote was close"] == "Lindqvist"


def test_organisation_ending_a_paragraph_with_a_colon_speaks_the_next_one() -> None:
    text = (
        "The Daily Ledger attacked the dockers' union in May, and Harbor News responded:\n\n"
        '"If there are people who want to close the port, they should say so."'
    )
    said = _said(text, analyse(text)[1])
    assert said["If there are people who want to close the port, they should say so."] == "Harbor News"


def test_possessor_with_an_appositive_role_holder_gives_the_holder() -> None:
    text = (
        "\u201cThe bridge bill is dead,\u201d Ohio Rep. Ann Vale\u2019s chief of staff, Joe Karp, told "
        "reporters. Ann Vale\u2019s spokesman, Joe Karp, said the vote would wait."
    )
    said = _said(text, analyse(text)[1])
    assert said["The bridge bill is dead"] == "Joe Karp"
    assert said["the vote would wait"] == "Joe Karp"
