"""A subject stands before an adverbial phrase, round 22 (attr22): in "Jeb Bush in a Medium post said"
the phrase between the subject and its verb is the object of a preposition, not the source
(index.attribution.attributor `_subject_past_phrases`; bench/reports/attribution_round22.md)."""

from __future__ import annotations

from tests.attribution_rows import found


def _speaker(text: str, content: str) -> str | None:
    rows = [r for r in found(text) if r[3] == content]
    assert len(rows) == 1, found(text)
    return rows[0][0]


def test_a_phrase_of_medium_between_name_and_verb_is_skipped() -> None:
    text = "Councillor Ines Calloway in a blog post said the ferry budget would be cut in half."
    assert _speaker(text, "the ferry budget would be cut in half") == "Ines Calloway"


def test_two_phrases_of_place_and_time_are_skipped() -> None:
    text = "Tobias Renner at a town hall meeting on Friday said the harbour would reopen next spring."
    assert _speaker(text, "the harbour would reopen next spring") == "Tobias Renner"


def test_the_speaker_named_before_a_time_phrase_is_kept() -> None:
    text = "Mayor Ortwin Maas at the time said he had asked his staff to look into the ferry contract."
    assert _speaker(text, "he had asked his staff to look into the ferry contract") == "Ortwin Maas"


def test_a_principal_after_for_stays_unnamed() -> None:
    # "for" is no phrase of place or time: the spokesman speaks, not the one he speaks for
    text = "A spokesman for Ines Calloway said the ferry budget would be cut in half."
    assert _speaker(text, "the ferry budget would be cut in half") is None


def test_a_description_before_the_phrase_is_the_source() -> None:
    # "the Dunmore harbour office" is where the officials work: they are the source (unnamed)
    text = "Officials at the Dunmore harbour office said the ferry budget would be cut in half."
    rows = [r for r in found(text) if r[3] == "the ferry budget would be cut in half"]
    assert [r[:2] for r in rows] == [(None, "Officials")]
