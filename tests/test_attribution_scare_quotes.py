"""Titles and scare quotes that nobody is found to have said are not attributions
(index.attribution.speakers.scare_quote); on sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

from attribution_rows import found

from index.attribution import speakers


def test_scare_quote_reads_the_end_and_the_length() -> None:
    assert speakers.scare_quote("The Harbour Hour", max_words=3)  # a show's title
    assert speakers.scare_quote("a new low", max_words=3)
    assert speakers.scare_quote("unbelievable", max_words=1)
    assert not speakers.scare_quote("We will rebuild the pier.")  # ends as a sentence ends
    assert not speakers.scare_quote("we will rebuild the pier,")  # a clause before "he said"
    assert not speakers.scare_quote(
        "one two three four five six seven eight nine ten eleven", max_words=10
    )  # long
    assert not speakers.scare_quote("the worst deal ever", max_words=3)  # longer than the limit
    assert not speakers.scare_quote("a new low", max_words=0)  # 0: the test is off


def test_a_title_in_quotes_is_no_attribution_but_unattributed_speech_is() -> None:
    text = (
        'Tickets for "The Harbour Hour" sold out.\n\n'
        '"We will rebuild the pier before the summer season begins."'
    )
    contents = [row[3] for row in found(text)]
    assert "The Harbour Hour" not in contents  # reported before the test (SCARE_QUOTE_MAX_WORDS 0)
    assert any(c.startswith("We will rebuild the pier") for c in contents)


def test_the_constant_is_the_fit_report_choice() -> None:
    """SCARE_QUOTE_MAX_WORDS is what bench/fit_scare_quotes.py chose on PolNeAR train."""
    report = (Path(__file__).resolve().parent.parent / "bench/reports/scare_quotes.md").read_text(
        encoding="utf-8"
    )
    chosen = re.search(r"^Chosen: speakers\.SCARE_QUOTE_MAX_WORDS = (\d+)$", report, re.M)
    assert chosen is not None
    assert int(chosen.group(1)) == speakers.SCARE_QUOTE_MAX_WORDS
