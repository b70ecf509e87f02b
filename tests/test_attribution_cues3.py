"""Cues and spans (issue 8, round 8a): titles in quotation marks, a second verb that takes the
quotation, and a trailing attribution over words holding a quotation. Articles written for these tests."""

from __future__ import annotations

from index.attribution import analyse
from index.attribution.marks import title_case, title_quote


def _rows(text: str) -> list[tuple[str | None, bool, str]]:
    """(speaker, direct, content) of every attribution, in text order."""
    _speakers, quotes = analyse(text)
    return [(q.speaker, q.direct, text[q.start : q.end]) for q in quotes]


def test_title_case() -> None:
    assert title_case("The Salt Road")
    assert title_case("Ban on Face Coverings")
    assert title_case("Gang of 8")
    assert not title_case("new low")
    assert not title_case("The ferry is late")
    assert not title_case("")


def test_title_in_a_sentence_is_no_speech() -> None:
    text = (
        "Olaf Brandt runs the ferry guild. He spoke on Tuesday on the radio programme "
        '"Harbour Morning Live," where the guild\'s plans were discussed.'
    )
    assert not any("Harbour Morning" in c for _s, _d, c in _rows(text))


def test_title_after_a_verb_that_is_no_speech() -> None:
    text = 'Marta Kell bought the rights to stream "The Salt Road." The series starts in May.'
    assert not any("Salt Road" in c for _s, _d, c in _rows(text))


def test_headline_quotation_in_title_case_is_kept() -> None:
    text = (
        "Kell: Ferry Guild Has 'A Long Way To Go' On Wages.\n\n"
        "Councillor Marta Kell spoke to the guild on Monday about the wage talks."
    )
    _speakers, quotes = analyse(text)
    assert any("A Long Way To Go" in text[q.start : q.end] for q in quotes)
    assert title_quote(text, text.index("A Long"), text.index("A Long") + len("A Long Way To Go")) is False


def test_spoken_sentence_in_quotes_is_kept() -> None:
    text = (
        'Marta Kell spoke at the pier. "The ferry will sail again in May," she said. '
        '"We Have Waited Long Enough!" the crowd shouted back.'
    )
    rows = _rows(text)
    assert ("Marta Kell", True, "The ferry will sail again in May,") in rows or any(
        "ferry will sail" in c for _s, _d, c in rows
    )
    assert any("Waited Long Enough" in c for _s, _d, c in rows)


def test_second_verb_takes_the_quotation_and_the_first_reports() -> None:
    text = (
        "Councillor Marta Kell spoke on Tuesday. Kell said the ferry would be sold in May and added, "
        '"Nobody asked the workers."'
    )
    rows = _rows(text)
    assert ("Marta Kell", False, "the ferry would be sold in May") in rows
    assert ("Marta Kell", True, "Nobody asked the workers.") in rows


def test_trailing_attribution_covers_a_quotation_inside_its_words() -> None:
    text = (
        "Harbour master Olaf Brandt gave evidence on Monday. The ferry crews became more "
        '"careful" about the winter crossings after the storm, Brandt said.'
    )
    rows = _rows(text)
    reported = [(s, c) for s, d, c in rows if not d]
    assert (
        "Olaf Brandt",
        'The ferry crews became more "careful" about the winter crossings after the storm',
    ) in reported
    assert ("Olaf Brandt", True, "careful") in rows
