"""Cues and spans (issue 8, round 9a): abbreviations with inner dots, quoted attribute values in markup,
and titles after a capitalised sentence opening. Articles written for these tests."""

from __future__ import annotations

from index.attribution import analyse
from index.attribution.marks import _pair_quotes, _paragraphs, _sentences, title_quote


def _rows(text: str) -> list[tuple[str | None, bool, str]]:
    """(speaker, direct, content) of every attribution, in text order."""
    _speakers, quotes = analyse(text)
    return [(q.speaker, q.direct, text[q.start : q.end]) for q in quotes]


def _sents(text: str) -> list[str]:
    paras = _paragraphs(text)
    return [text[s:e] for s, e in _sentences(text, paras, _pair_quotes(text, paras))]


def test_inner_dot_abbreviation_before_a_lower_case_word_ends_no_sentence() -> None:
    text = "Olaf Brandt, a veteran D.C. lobbyist for the ferry guild, says the fares will rise. He left."
    assert _sents(text) == [
        "Olaf Brandt, a veteran D.C. lobbyist for the ferry guild, says the fares will rise.",
        "He left.",
    ]
    rows = _rows(text)
    assert ("Olaf Brandt", False, "the fares will rise") in rows


def test_full_stop_before_a_capital_still_ends_the_sentence() -> None:
    text = "The guild moved its office to Washington, D.C. Marta Kell said the rent was lower."
    assert len(_sents(text)) == 2


def test_markup_attribute_value_is_no_quotation() -> None:
    text = (
        "Councillor Marta Kell spoke about the ferry on Monday.\n\n"
        '<tweet author="@harbourguild" date="March 10, 2016">Kell told me the ferry fares will rise '
        "in May</tweet>.\n\n"
        '"We have waited long enough," Kell said.'
    )
    rows = _rows(text)
    assert not any("March 10" in c or "harbourguild" in c for _s, _d, c in rows)
    assert ("Marta Kell", True, "We have waited long enough") in rows


def test_show_title_after_a_capitalised_opening_is_a_title() -> None:
    text = (
        "Marta Kell spoke about the ferry fares on Monday.\n\n"
        'On Harbour Radio\'s "Morning Tide," Kell said that the fares would rise in May.'
    )
    start = text.index("Morning Tide")
    assert title_quote(text, start, start + len("Morning Tide"))
    assert not any("Morning Tide" in c for _s, _d, c in _rows(text))


def test_headline_quotation_is_still_kept() -> None:
    text = "Kell: Ferry Guild Has 'A Long Way To Go'\n\nCouncillor Marta Kell spoke on Monday."
    start = text.index("A Long")
    assert not title_quote(text, start, start + len("A Long Way To Go"))


def test_headline_label_with_its_topic() -> None:
    text = (
        "Kell to Ferry Guild: Fares will rise in May.\n\n"
        "Councillor Marta Kell spoke to the guild on Monday about the wage talks."
    )
    rows = _rows(text)
    assert ("Marta Kell", False, "Fares will rise in May") in rows


def test_maintain_reports_only_with_that() -> None:
    text = (
        "Councillor Marta Kell maintains a large lead over her rivals in the harbour ward. "
        "Olaf Brandt maintained that the ferry fares were too high for the island's families."
    )
    rows = _rows(text)
    assert not any("large lead" in c for _s, _d, c in rows)
    assert ("Olaf Brandt", False, "the ferry fares were too high for the island's families") in rows


def test_appear_of_a_presence_is_no_stance() -> None:
    text = (
        "Councillor Marta Kell appeared with the ferry guild's leaders at the pier on Monday. "
        "Olaf Brandt appeared to be fully behind the new timetable for the winter months."
    )
    rows = _rows(text)
    assert not any("ferry guild's leaders" in c for _s, _d, c in rows)
    assert any("fully behind the new timetable" in c for _s, _d, c in rows)


def test_continue_of_an_act_is_no_trailing_attribution() -> None:
    text = (
        "The harbour talks went on all week. Despite the strike at the pier and the storm, "
        "Marta Kell continues to run the ferry every morning."
    )
    rows = _rows(text)
    assert not any("strike at the pier" in c for _s, _d, c in rows)


def test_according_to_before_a_colon_and_quotation() -> None:
    text = (
        "The ferry guild met on Monday.\n\n"
        'According to Harbour Weekly: "The guild will raise the island fares in May and cut two sailings."'
    )
    _speakers, quotes = analyse(text)
    q = next(q for q in quotes if "raise the island fares" in text[q.start : q.end])
    assert q.source == "Harbour Weekly"
    assert q.verb == "according to"


def test_second_verb_after_an_opening_phrase_takes_the_subject() -> None:
    text = (
        "Councillor Marta Kell spoke on Monday. Walking to the next address, Kell reminisced about her "
        "days growing up on the island, and said their views were both changed by the ferry strike."
    )
    rows = _rows(text)
    assert ("Marta Kell", False, "their views were both changed by the ferry strike") in rows


def test_reported_with_an_object_is_no_trailing_attribution() -> None:
    text = (
        "Councillor Marta Kell spoke on Monday. In April, the Acme company reported flat user growth "
        "and worse revenue, and said it was still operating at a loss."
    )
    rows = _rows(text)
    assert not any(c.startswith("In April") for _s, _d, c in rows)


def test_reflexive_after_the_subject() -> None:
    text = "Councillor Marta Kell spoke on Monday. Ford itself said the deal was on in the end."
    assert ("Ford", False, "the deal was on in the end") in _rows(text)
