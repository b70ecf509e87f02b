"""Round 17 (attr15): a speech noun after a possessive name or "his"/"her" ("Roe's claim that ...",
"his promise to ..."), and a quotation after an opening phrase of a wider kind ("Filling in for ...,
Roe landed a dig at "..."", "Soon after ..., Roe asserted ..."), on sentences written for these tests."""

from __future__ import annotations

import pytest
from attribution_rows import found, with_words

from index.attribution import analyse


def test_a_claim_after_a_possessive_name() -> None:
    text = (
        "Mayor Tom Vale spoke to the council on Monday.\n\n"
        "Vale's claim that the ferry levy had doubled the harbor budget drew a rebuke from the county."
    )
    rows = with_words(text, "doubled the harbor budget")
    assert rows and rows[0][0] == "Tom Vale" and rows[0][2] == "claim"


def test_a_promise_after_his_is_the_person_he_means() -> None:
    text = (
        "Mayor Tom Vale spoke to the council on Monday.\n\n"
        "His promise to rebuild the old pier before the summer season pleased the fishing families."
    )
    rows = with_words(text, "rebuild the old pier")
    assert rows and rows[0][0] == "Tom Vale" and rows[0][2] == "promise"


def test_her_attacks_on_a_rival_are_hers() -> None:
    text = (
        "Councilwoman Ada Roe is running for mayor.\n\n"
        "Her attacks on the harbor board over the late ferries have grown sharper this month."
    )
    rows = with_words(text, "the harbor board")
    assert rows and rows[0][0] == "Ada Roe" and rows[0][2] == "attacks"


def test_a_claim_used_as_a_subject_reports_nothing() -> None:
    text = "Mayor Tom Vale spoke on Monday.\n\nVale's claim was a stark reminder that the council is split."
    assert not [r for r in found(text) if r[2] == "claim"]


def test_a_quotation_after_a_participle_opening_is_the_subjects() -> None:
    text = (
        "Ada Roe and Tom Vale spoke at the harbor on Sunday.\n\n"
        'Filling in for the mayor at the same event, Roe landed a sharp dig at "my dear friend Tom Vale."'
    )
    rows = with_words(text, "my dear friend")
    assert rows and rows[0][0] == "Ada Roe"


def test_a_quotation_in_a_participles_clause_is_the_speakers_not_a_guess() -> None:
    text = (
        "Pia Lund, a teacher from Harbour Town, backs Tom Vale for mayor.\n\n"
        '"He stands for the fishing families," Lund said, adding that Vale is "the most honest of the '
        'candidates."'
    )
    rows = with_words(text, "the most honest of the")
    assert rows and rows[0][0] == "Pia Lund" and rows[0][2] == "adding"


def test_a_quotation_after_another_speech_verb_in_the_clause_is_not_the_participles() -> None:
    text = (
        "Pia Lund backs Tom Vale for mayor.\n\n"
        '"He stands for the fishing families," Lund said, adding that Vale told her he was "the most '
        'honest of the candidates."'
    )
    rows = with_words(text, "the most honest of the")
    assert not rows or rows[0][2] != "adding"


def test_a_scare_quote_does_not_cut_the_clause_that_holds_it() -> None:
    text = (
        "Mayor Tom Vale spoke to the council on Monday.\n\n"
        'His promise to be "neutral" in the talks between the harbor board and the fishermen pleased nobody.'
    )
    rows = with_words(text, "in the talks between the harbor board")
    assert rows and rows[0][0] == "Tom Vale" and rows[0][2] == "promise"
    text = (
        'Mayor Tom Vale spoke on Monday.\n\nVale spoke about the "rigged" ferry levy that keeps fares high.'
    )
    rows = with_words(text, "keeps fares high")
    assert rows and rows[0][0] == "Tom Vale" and rows[0][2] == "spoke about"


TEXTS = [
    "Mayor Tom Vale spoke to the council on Monday.\n\n"
    'His promise to be "neutral" in the talks between the harbor board and the fishermen pleased nobody.',
    "Pia Lund, a teacher from Harbour Town, backs Tom Vale for mayor.\n\n"
    '"He stands for the fishing families," Lund said, adding that Vale is "the most honest of the candidates."',
    "Mayor Tom Vale spoke to the council on Monday.\n\n"
    "Vale's claim that the ferry levy had doubled the harbor budget drew a rebuke from the county.",
    "Mayor Tom Vale spoke to the council on Monday.\n\n"
    "His promise to rebuild the old pier before the summer season pleased the fishing families.",
    "Ada Roe and Tom Vale spoke at the harbor on Sunday.\n\n"
    'Filling in for the mayor at the same event, Roe landed a sharp dig at "my dear friend Tom Vale."',
]


@pytest.mark.parametrize(
    "extra",
    [
        "\n\nThe harbor froze in January, and the ferry ran late.",
        "\n\nA spokesman for the Harbor Trust said the ferry would run on time next year.",
        "\n\nHer promise to open a second ferry line was never kept, Pia Lund said.",
    ],
)
def test_appending_an_unrelated_paragraph_leaves_these_attributions(extra: str) -> None:
    for text in TEXTS:
        assert _keyed(text + extra, len(text)) == _keyed(text, len(text))


def _keyed(text: str, upto: int) -> set[tuple[int, int, str | None, str]]:
    return {(q.start, q.end, q.speaker, q.verb) for q in analyse(text)[1] if q.start < upto}
