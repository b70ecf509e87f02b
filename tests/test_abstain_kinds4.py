"""Metonyms of a quoted source's country, and places read back from their demonym (issue 9).

Sources and names written for these tests.
"""

from __future__ import annotations

import pytest

from qa import abstain, equivalents


@pytest.mark.parametrize(
    ("word", "expected"),
    [("America", {"united states", "american"}), ("Moscow", {"russia"}), ("Syria", {"damascus"})],
)
def test_a_place_named_from_its_demonym_is_the_country(word: str, expected: set[str]) -> None:
    assert expected <= set(equivalents.country_equivalents(word))


@pytest.mark.parametrize("word", ["Europe", "Asia", "Roma", "Kremlin", "Harbourside"])
def test_a_word_no_demonym_is_made_from_names_no_country(word: str) -> None:
    assert equivalents.country_equivalents(word) == []


def _evidence() -> abstain.SpeakerEvidence:
    return abstain.speaker_evidence(
        [("Helen Carver", ["Carver"]), ("Omar Haddad", ["Haddad"]), ("Ivo Jordan", ["Jordan"])],
        {"Helen Carver", "Ivo Jordan"},
        ["French Foreign Minister Helen Carver", "Ivo Jordan"],
    )


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("Paris's top diplomat", ""),  # the capital of the country that titles a quoted source
        ("France's foreign minister", ""),
        ("Amman", "the documents quote no Amman"),  # a person's surname names no country
        ("Tehran", "the documents quote no Tehran"),  # a country no quoted source is titled by
    ],
)
def test_a_quoted_source_is_asked_for_by_its_country(phrase: str, why: str) -> None:
    assert abstain.unquoted_speaker(phrase, _evidence()) == why
