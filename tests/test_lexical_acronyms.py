"""Acronyms and the pronoun "us" in BM25's terms (index.lexical.content_words, LEXICAL_VERSION 3).

simplemma lemmatizes "us" to "we", so "The US said" was indexed as "we say" and matched "tell us";
"the WHO" and "IT" were dropped as stop words; "U.S." became the letter "u".
"""

from __future__ import annotations

import pytest

from index.lexical import content_words, terms


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The US said", ["us", "say"]),
        ("the U.S. economy", ["us", "economi"]),
        ("U.K. and E.U. leaders", ["uk", "eu", "leader"]),
        ("the WHO warned", ["who", "warn"]),
        ("what did the us say", ["us", "say"]),  # typed in lower case: "the us" is the country
    ],
)
def test_acronyms_are_terms_of_their_own(text: str, want: list[str]) -> None:
    assert terms(text) == want


def test_the_pronoun_us_is_a_stop_word() -> None:
    assert terms("Tell us more, he told us") == ["tell", "tell"]
    assert "us" not in terms("They gave us the figures") and "we" not in terms("They gave us the figures")


def test_a_question_about_the_us_does_not_match_the_pronoun() -> None:
    country = set(terms("What did the US say about Syria?"))
    pronoun = set(terms("Let us talk about Syria, he said."))
    assert country & pronoun == {"say", "syria"}


def test_a_headline_in_capitals_is_ordinary_words() -> None:
    # Words set in capitals are not acronyms when their neighbours are capitals too (numbers skipped).
    assert content_words("AT LEAST 10 KILLED IN BLAST") == ["least", "10", "killed", "blast"]
    assert terms("AT LEAST 10 KILLED") == terms("at least 10 killed")
    # ... but "US" in a headline is still the country.
    assert "us" in terms("US AND RUSSIA CLASH OVER SYRIA")


def test_possessive_and_plain_words_unchanged() -> None:
    assert terms("the US's position") == ["us", "posit"]
    assert terms("Obama's speech on 250,000 people") == ["obama", "speech", "250000", "peopl"]


def test_an_index_of_the_previous_word_version_reads_questions_its_own_way() -> None:
    # Users keep their indexes across upgrades (tests/test_formats.py): a v2 word index read "US" as
    # "we", and a question must be read the same way to find its words there.
    from index.lexical import READABLE_VERSIONS, Lexical

    assert 2 in READABLE_VERSIONS
    old = Lexical(None, {}, 0, {}, version=2)  # no table: terms made by lemma and stem
    assert old.terms("What did the US say?") == ["we", "say"]
    new = Lexical(None, {}, 0, {})
    assert new.version == 3 and new.terms("What did the US say?") == ["us", "say"]
