"""A resolved source becomes a mention of its person for the pronoun chain (round 30, attr30a).

A description or a role that speaks ("The actress said", "the senator said") is resolved to a person
named earlier; without a mention at the description, a "she"/"he" in the next sentence skipped it for
a person named in between. Articles written for these tests.
"""

from __future__ import annotations

import pytest

from index.attribution import analyse, sources


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the attribution whose content holds `words` (exactly one such attribution)."""
    _speakers, quotes = analyse(text)
    hits = [q.speaker for q in quotes if words in text[q.start : q.end]]
    assert len(hits) == 1, hits
    return hits[0]


ACTRESS = """Mara Quell, an actress, backs the challenger in the race.

Helen Voss, the governor, leads in the polls by ten points.

The actress said she was tired of waiting for change.

"Nobody I know trusts the old parties any more," she said.
"""

SENATOR = """Senator Lorne Gatt spent the day in Dayton.

Paul Ferris, the mayor, opposes the plan for the mill.

The senator said the plan would be funded by next spring.

"We have the votes for it," he said.
"""

LATER = """The candidate said the state needed new roads.

"We cannot wait another decade," he said, before the crowd turned to Tom Brack.

Tom Brack, a farmer, said he liked what he heard. Later Vic Rowe, the candidate, left for Ohio.
"""


def test_description_source_feeds_the_next_she() -> None:
    assert _speaker_of(ACTRESS, "Nobody I know trusts") == "Mara Quell"


def test_role_source_feeds_the_next_he() -> None:
    assert _speaker_of(SENATOR, "We have the votes") == "Lorne Gatt"


def test_switch_off_keeps_the_old_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Main's behaviour with the switch off: the pronoun skips the description for the person between."""
    monkeypatch.setattr(sources, "SOURCE_MENTIONS", False)
    assert _speaker_of(ACTRESS, "Nobody I know trusts") == "Helen Voss"
    assert _speaker_of(SENATOR, "We have the votes") == "Paul Ferris"


def test_person_named_only_later_is_no_antecedent() -> None:
    """A description bound to someone named only further on (Vic Rowe) does not become a mention
    there: the next "he" stays unresolved, as with the switch off (train: "the candidate" bound to a
    Jeb Bush first named paragraphs after it gave Trump's words to Bush)."""
    assert _speaker_of(LATER, "the state needed new roads") == "Vic Rowe"
    assert _speaker_of(LATER, "We cannot wait") is None
