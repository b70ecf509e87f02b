"""A cue that is also a plural noun, round 23 (attr23): in "the four states that vote next week" the
"states" is the head of a noun phrase, not a source's verb (index.attribution.speakers
`plural_noun_cue`; bench/reports/attribution_round23.md)."""

from __future__ import annotations

from tests.attribution_rows import found


def _verbs(text: str) -> list[str]:
    return [r[2] for r in found(text)]


def test_a_number_before_states_is_a_noun_phrase() -> None:
    text = "Her poor showing in the four states that vote next Tuesday worries the harbour party."
    assert "states" not in _verbs(text)


def test_a_quantifier_before_states_is_a_noun_phrase() -> None:
    text = "Most northern states that hold caucuses in March have large rural electorates."
    assert "states" not in _verbs(text)


def test_a_plural_determiner_before_states_is_a_noun_phrase() -> None:
    text = "The mayor gained among voters, particularly those from states that he won in the spring."
    assert "states" not in _verbs(text)


def test_a_singular_described_source_keeps_its_report() -> None:
    text = "The harbour board met on Monday. The ferry report states that the crossing will close in May."
    rows = [r for r in found(text) if r[2] == "states"]
    assert [r[3] for r in rows] == ["the crossing will close in May"]


def test_a_named_source_keeps_its_report() -> None:
    text = "Ines Calloway states that the ferry budget will be cut in half next year."
    rows = [r for r in found(text) if r[2] == "states"]
    assert [(r[0], r[3]) for r in rows] == [
        ("Ines Calloway", "the ferry budget will be cut in half next year")
    ]
