"""Cues, round 16 (attr14): a title-case headline's speech verbs, and an adverb between a subject and
its verb (articles written for these tests)."""

from __future__ import annotations

import pytest
from attribution_rows import found

from index.attribution import analyse

HEADLINES = [
    (
        "Mayor Dana Pell Announces Plans For A New Harbor Bridge.\n\n"
        "Dana Pell spoke at the harbor on Monday.",
        "Dana Pell",
        "announces",
        "Plans For A New Harbor Bridge",
    ),
    (
        "Coach Ray Tamsin Explains Why The Team Lost Its Lead.\n\nThe coach spoke after the game.",
        "Ray Tamsin",
        "explains",
        "Why The Team Lost Its Lead",
    ),
    (
        # no capital marks where the one told ends: the words after the verb are read whole
        "Senator Ida Brask Tells Voters The Levy Will Pass.\n\nIda Brask spoke in Dover on Friday.",
        "Ida Brask",
        "tells",
        "Voters The Levy Will Pass",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "verb", "content"), HEADLINES)
def test_a_title_case_headline_reports_speech(text: str, speaker: str, verb: str, content: str) -> None:
    rows = [r for r in found(text) if r[2] == verb]
    # the headline's title word stays on the name ("Mayor Dana Pell"), as it did before for "Says"
    assert rows and (rows[0][0] or "").endswith(speaker) and rows[0][3].startswith(content)


def test_a_headline_verb_form_is_no_noun_and_told_outside_a_headline_keeps_its_object() -> None:
    text = (
        "The Giving Pledge Dinner Was Held In Ohio.\n\n"
        "Donors sat at the Giving Pledge table in the very front of the hall.\n\n"
        "The plant will close in May, a company spokesman told The Valley Courier on Tuesday."
    )
    rows = found(text)
    assert not any(r[2] == "pledge" for r in rows)
    assert not any(r[3].startswith("The Valley Courier") for r in rows)


def test_now_and_still_between_a_subject_and_its_verb() -> None:
    text = (
        "The levy failed in May.\n\n"
        "Mayor Tom Vale now says that the levy will pass in the fall.\n\n"
        "Councilwoman Ada Roe still insists that the vote was rigged by the county."
    )
    rows = {r[3]: r for r in found(text)}
    assert rows["the levy will pass in the fall"][0] == "Tom Vale"
    assert rows["the vote was rigged by the county"][0] == "Ada Roe"


@pytest.mark.parametrize(
    "extra",
    [
        "\n\nThe harbor froze in January, and the ferry ran late.",
        "\n\nA spokesman for the Harbor Trust said the ferry would run on time next year.",
    ],
)
def test_appending_an_unrelated_paragraph_leaves_these_attributions(extra: str) -> None:
    texts = [h[0] for h in HEADLINES] + [
        "The levy failed in May.\n\nMayor Tom Vale now says that the levy will pass in the fall.",
        "But they now find themselves atop a party that has shifted to the right, Ada Roe said.",
    ]
    for text in texts:
        assert _keyed(text + extra, len(text)) == _keyed(text, len(text))


def _keyed(text: str, upto: int) -> set[tuple[int, int, str | None, str]]:
    return {(q.start, q.end, q.speaker, q.verb) for q in analyse(text)[1] if q.start < upto}


def test_find_oneself_is_no_belief() -> None:
    text = "The levy failed in May.\n\nBut they now find themselves atop a party that has shifted right."
    assert not any(r[2] == "find" for r in found(text))
