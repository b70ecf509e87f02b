"""Round 19 (attr19): words before their source name no antecedent of it, unless they open with it or
attribute themselves.

Articles written for these tests; the class is measured on generated questions over PolNeAR train
articles (bench/attribution_fronted_gen.py; bench/reports/attribution_round19.md)."""

from __future__ import annotations

import pytest

from tests.test_attribution_speakers19 import _speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the words name someone else before "he said": not his antecedent
        (
            "Kyle Marsh spoke to delegates in Fort Wayne on Monday. He is leaning toward Paul Orton, "
            "he said, because he prizes electability.",
            "leaning toward",
            "Kyle Marsh",
        ),
        # a thing named in the words ("the Common Standards") is no "he"
        (
            "Tom Vale said he was a big advocate of shared standards.\n\nBut the Common Standards were "
            "rolled out badly, he said.",
            "rolled out badly",
            "Tom Vale",
        ),
        # a possessor inside the words
        (
            "Ruth Keller spoke to reporters on Monday. The trouble with Mary Dunn's plan is its cost, "
            "she said.",
            "its cost",
            "Ruth Keller",
        ),
        # the lead-in of a quotation's sentence names no antecedent of its source
        (
            "Nadia Frey runs a bakery in Oakland. Choosing between Laura Stein and Mary Dunn is a "
            "\u201cfalse choice,\u201d she said.",
            "false choice",
            "Nadia Frey",
        ),
    ],
)
def test_fronted_words_name_no_antecedent(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # news paraphrase: the words' own subject is the speaker
        (
            "Alan Berg and Rick Shaw debated on Tuesday. Berg has introduced the tuition bill and would "
            "continue his push for it in the Senate, he said.",
            "introduced the tuition bill",
            "Alan Berg",
        ),
        (
            "Tom Roe watched the march. In Louisville on March 1, Ms. Nwanda was shocked by the "
            "reaction of the crowd, she said in an interview.",
            "shocked by the reaction",
            "Nwanda",
        ),
        # the words attribute themselves: their speaker is the antecedent
        (
            "Ishaan Thorne wrote about the region. However, as Archbishop Aris Sarian of the Patriarchate "
            "told reporters, \u201cWe have suffered the same fate.\u201d He added, \u201cIt is a shame.\u201d",
            "It is a shame",
            "Aris Sarian",
        ),
        (
            "Cruz spoke in Iowa. Cruz spokesman Rick Tyler said that the campaign will highlight the "
            "contrasts between the candidates, he said.",
            "the campaign will highlight",
            "Rick Tyler",
        ),
        # a title before the opening subject
        (
            "Bernard Sands spoke on Sunday. Vice President Joe Bright weighed in as well, telling a "
            "radio host, \u201cThey are both qualified,\u201d he said.",
            "both qualified",
            "Joe Bright",
        ),
    ],
)
def test_words_opened_by_the_speaker_keep_him(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker
