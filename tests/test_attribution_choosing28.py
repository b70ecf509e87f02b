"""Round 28 (attr28a): choosing the source among the names before a verb (sentences written for these
tests). An apposition's head is read past an opening phrase, a parenthesis, commas and quoted titles
inside a description (`sources._wide_apposition_head`); a participle's subject is read past an opening
phrase that holds a name (`sources._after_opening_phrase`). Both switch off with their constants."""

from __future__ import annotations

import pytest

import index.attribution.sources as sources
from index.attribution import analyse

# Voss is named and quoted first, so she is a known speaker the wrong reading could take.
VOSS = 'Mary K. Voss said on Monday that she would run for the seat. "I am ready," Voss said.\n\n'
BECK = 'Roy Beck started a video channel in 2009. "I wanted a voice," Beck said.\n\n'


def _speakers(text: str, after: int) -> dict[str, str | None]:
    """The speaker of each attribution that starts after `after`, keyed by its words."""
    return {text[q.start : q.end]: q.speaker for q in analyse(text)[1] if q.start > after}


def test_a_head_after_an_opening_phrase_speaks_not_the_name_in_its_apposition() -> None:
    text = (
        VOSS
        + 'In a string of posts on Sunday, Mr. Dale, a former aide to Mary K. Voss, wrote: "She cannot win."\n'
    )
    assert _speakers(text, len(VOSS)) == {"She cannot win.": "Dale"}


def test_a_description_with_a_quoted_title_and_a_relative_clause_keeps_its_head() -> None:
    text = (
        VOSS + 'Roy Beck, a guest on Voss\'s radio show, "The Hour," who later worked alongside Voss, '
        "said his host was always kind.\n"
    )
    assert _speakers(text, len(VOSS)) == {"his host was always kind": "Roy Beck"}


def test_a_description_with_a_quoted_title_names_its_head() -> None:
    text = (
        VOSS
        + 'Lena Pratt, the author of "Small Towns," about the rise of Mary Voss, said the jobs were gone.\n'
    )
    assert _speakers(text, len(VOSS)) == {"the jobs were gone": "Lena Pratt"}


def test_the_wide_head_switched_off_takes_the_inner_name_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "APPOSITION_HEAD_WIDE", False)
    text = (
        VOSS
        + 'In a string of posts on Sunday, Mr. Dale, a former aide to Mary K. Voss, wrote: "She cannot win."\n'
    )
    assert _speakers(text, len(VOSS)) == {"She cannot win.": "Mary K. Voss"}


def test_a_list_of_names_is_no_apposition() -> None:
    # each conjunct is credited (speakers.analyse); the wide head does not make Tom Reed the only one
    text = VOSS + "Tom Reed, Ann Kerr and Voss, the three finalists, said the race was fair to all of them.\n"
    found = [q.speaker for q in analyse(text)[1] if q.start > len(VOSS)]
    assert sorted(s or "" for s in found) == ["Ann Kerr", "Mary K. Voss", "Tom Reed"]


def test_a_place_in_the_opening_phrase_is_no_head() -> None:
    text = (
        VOSS + "In Ohio, Roy Beck, a friend of Voss, Kerr and Orme, said the mills would reopen by spring.\n"
    )
    assert _speakers(text, len(VOSS)) == {"the mills would reopen by spring": "Roy Beck"}


def test_a_participle_after_an_opening_phrase_belongs_to_the_clause_subject() -> None:
    text = (
        BECK + "In his first YouTube dispatches, Beck wears a suit, pointing to bottles of soda and telling "
        "viewers that sugar is ruining the country.\n"
    )
    assert set(_speakers(text, len(BECK)).values()) == {"Roy Beck"}


def test_a_dashed_aside_after_the_opening_phrase_keeps_the_subject() -> None:
    text = (
        VOSS + "On the Democratic side, Ms. Kerr -- whose husband signed the bill into law -- has derided "
        "the plan, suggesting that it is misguided.\n"
    )
    assert _speakers(text, len(VOSS)) == {"it is misguided": "Kerr"}


def test_the_opening_phrase_skip_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "OPENING_PHRASE_SKIP", False)
    text = (
        BECK + "In his first YouTube dispatches, Beck wears a suit, pointing to bottles of soda and telling "
        "viewers that sugar is ruining the country.\n"
    )
    assert set(_speakers(text, len(BECK)).values()) == {"YouTube"}


def test_a_second_verb_after_an_opening_phrase_is_unchanged() -> None:
    # only participles read past the opening phrase; "... and said" keeps its own rule
    text = (
        BECK
        + "In his speech at the Dayton Club, Beck praised the mayor and said that the mills would reopen.\n"
    )
    assert _speakers(text, len(BECK))["the mills would reopen"] == "Roy Beck"
