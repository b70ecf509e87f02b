"""Round 33 (attr33b): an "according to" source ends at a closing parenthesis it did not open, at a
colon ending the phrase, or at a dash before more words. Before, the whole phrase ("the Harbour Trust)",
"the Harbour Trust:", "the Harbour Trust - a rise of ...") was the source and named nobody. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from index.attribution import analyse, attributor
from index.model import Quote


def _according(text: str) -> list[Quote]:
    return [q for q in analyse(text)[1] if q.verb == "according to"]


def test_a_closing_parenthesis_ends_the_source() -> None:
    text = (
        "Mayor Tom Brandt cited a low figure (12 ferries a day, according to the Harbour Trust). He moved on."
    )
    (q,) = _according(text)
    assert q.speaker == "Harbour Trust"
    assert text[q.mention_start : q.mention_end] == "the Harbour Trust"


def test_a_colon_ends_the_source() -> None:
    text = "The port keeps three kinds of records, according to the Harbour Trust:\nOne is kept on paper."
    (q,) = _according(text)
    assert q.speaker == "Harbour Trust"
    assert text[q.mention_start : q.mention_end] == "the Harbour Trust"


def test_a_dash_before_more_words_ends_the_source() -> None:
    text = "The levy would raise little, according to the Harbour Trust - about a tenth of the ferry budget."
    (q,) = _according(text)
    assert q.speaker == "Harbour Trust"
    assert text[q.mention_start : q.mention_end] == "the Harbour Trust"
    assert text[q.start : q.end].startswith("The levy would raise little")


def test_the_sources_own_parenthesis_is_kept() -> None:
    text = "The ferry budget will double by 2030, according to the Harbour Trust (HT)."
    (q,) = _according(text)
    assert text[q.mention_start : q.mention_end] == "the Harbour Trust (HT)"


def test_a_hyphenated_name_is_not_cut() -> None:
    text = "Turnout rose by a third, according to the Harbour-Courier poll of 900 residents."
    (q,) = _according(text)
    assert "Harbour-Courier" in text[q.mention_start : q.mention_end]


def test_the_switch_off_keeps_the_whole_phrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attributor, "ACCORDING_SOURCE_END", False)
    text = (
        "Mayor Tom Brandt cited a low figure (12 ferries a day, according to the Harbour Trust). He moved on."
    )
    (q,) = _according(text)
    assert text[q.mention_start : q.mention_end] == "the Harbour Trust)"


# Rule 2 (sources.DESC_VERB_CUT): a described source that runs on over its own clause's verb.


def _reported(text: str) -> list[Quote]:
    return [q for q in analyse(text)[1] if not q.direct]


def test_a_described_source_stops_before_its_verb() -> None:
    text = (
        "The Harbour Courier printed the council's letters. The Courier intervened in May, arguing that "
        "the ferry contracts were a matter of public interest."
    )
    (q,) = [q for q in _reported(text) if q.verb == "arguing"]
    # (the name inside the cut source is its mention)
    assert text[q.mention_start : q.mention_end] in ("The Courier", "Courier")
    assert q.speaker == "Harbour Courier"


def test_an_adverb_before_the_verb() -> None:
    text = "The Harbour Trust repeatedly obfuscated facts, admitted it withheld ferry logs, and delayed findings."
    (q,) = [q for q in _reported(text) if q.verb == "admitted"]
    assert text[q.mention_start : q.mention_end] == "The Harbour Trust"
    assert q.speaker == "Harbour Trust"


def test_a_passive_participle_is_no_verb() -> None:
    # "released by": the phrase's participle, not its verb; the phrase is left whole
    text = "A report released by the Harbour Trust estimated that the ferry would cost $2 million."
    (q,) = [q for q in _reported(text) if q.verb == "estimated"]
    assert text[q.mention_start : q.mention_end].startswith("A report released by")


def test_an_adverb_is_no_head() -> None:
    text = "A newly released email about the ferry finds that the council knew of the fault."
    for q in _reported(text):
        assert q.mention_start < 0 or text[q.mention_start : q.mention_end] != "A newly"


def test_the_switch_off_keeps_the_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    from index.attribution import sources

    monkeypatch.setattr(sources, "DESC_VERB_CUT", False)
    text = "The Harbour Trust repeatedly obfuscated facts, admitted it withheld ferry logs, and delayed findings."
    (q,) = [q for q in _reported(text) if q.verb == "admitted"]
    assert text[q.mention_start : q.mention_end] != "The Harbour Trust" and q.speaker is None
