"""Round 19 (attr19): long appositions after a quotation, a sentence-opening "-ing" word is no part of
a name.

Articles written for these tests; each case is a class measured on generated questions over PolNeAR
train articles (bench/attribution_apposition_gen.py, bench/attribution_fronted_gen.py;
bench/reports/attribution_round19.md)."""

from __future__ import annotations

from index.attribution import analyse


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the attribution whose content holds `words`."""
    _speakers, quotes = analyse(text)
    at = text.index(words)
    hit = [q for q in quotes if q.start <= at < q.end]
    assert hit, f"no attribution holds {words!r}"
    return hit[0].speaker


def test_long_apposition_after_a_quotation() -> None:
    text = (
        "Ellen Park, the mayor, opened the session.\n\n\u201cThe plan will fail,\u201d Mr. Grant, a longtime "
        "strategist and lobbyist who in recent weeks has taken over much of the campaign from its "
        "manager, said."
    )
    assert _speaker_of(text, "The plan will fail") == "Grant"


def test_apposition_with_abbreviation_after_a_quotation() -> None:
    text = (
        "Ellen Park spoke first.\n\n\u201cIt is bad,\u201d David Moor, a professor of economics at M.I.T., "
        "who studies free trade, said."
    )
    assert _speaker_of(text, "It is bad") == "David Moor"


def test_sentence_opening_gerund_is_no_part_of_a_name() -> None:
    text = "Jane Roe spoke in Iowa on Monday. Backing Mitt Romney is a \u201cfalse choice,\u201d she said."
    speakers, _quotes = analyse(text)
    assert "Backing Mitt Romney" not in [s.name for s in speakers]
    assert _speaker_of(text, "false choice") == "Jane Roe"
