"""Round 25: a sentence that opens with a quotation and goes on to a trailing attribution
(`"We are happy" about the vote, said Jo Roe.`): the attribution reports the whole sentence and the
quotation is its speaker's (sentences written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_a_quotation_opening_the_sentence_gets_the_trailing_speaker() -> None:
    text = (
        "The port board met on Monday to vote on the new crane. "
        '"We are very happy" about the vote, said Lee Park, the head of the dock union.'
    )
    found = _found(text, analyse(text)[1])
    assert found["We are very happy"].speaker == "Lee Park" and found["We are very happy"].direct
    whole = found['"We are very happy" about the vote']
    assert whole.speaker == "Lee Park" and not whole.direct and whole.verb == "said"


def test_the_subject_first_order_and_a_pronoun_too() -> None:
    text = (
        "Mary Hill chaired the meeting of the water board. "
        '"This will be hard to sell" to the farmers, she said on Tuesday.'
    )
    found = _found(text, analyse(text)[1])
    assert found["This will be hard to sell"].speaker == "Mary Hill"
    assert found['"This will be hard to sell" to the farmers'].speaker == "Mary Hill"


def test_a_quotation_handed_to_its_attribution_stays_one_finding() -> None:
    text = (
        "The port board met on Monday. "
        '"We are very happy with it," said Lee Park, the head of the dock union.'
    )
    quotes = analyse(text)[1]
    assert [text[q.start : q.end] for q in quotes] == ["We are very happy with it"]
    assert quotes[0].speaker == "Lee Park"


def test_a_title_handed_to_a_speaker_leaves_the_verb_its_clause() -> None:
    text = (
        "The port board met on Monday to vote on the new crane. "
        'Speaking on the radio show "Harbour Talk," Rep. Ann Berry said the mayor\'s "judgment" '
        "is in question because of the crane contract."
    )
    found = _found(text, analyse(text)[1])
    clause = found['the mayor\'s "judgment" is in question because of the crane contract']
    assert clause.speaker == "Ann Berry" and clause.verb == "said" and not clause.direct
    assert "Harbour Talk" not in found


def test_a_time_or_place_after_the_verb_keeps_the_quotation_its_speaker() -> None:
    text = (
        "The port board met on Monday to vote on the new crane. "
        '"We will win this vote," Ann Berry said in an interview published on Tuesday.'
    )
    found = _found(text, analyse(text)[1])
    assert found["We will win this vote"].speaker == "Ann Berry"


def test_an_adverb_and_a_phrase_after_the_verb_are_no_clause() -> None:
    text = (
        "Lee Park spoke at the port on Monday. "
        '"If you want Ted Roe or Sam Lee as mayor, you better get on board with Ann Berry," '
        "spokesman Tim Cole said happily on the radio as returns came in."
    )
    quotes = analyse(text)[1]
    assert not any(text[q.start : q.end].startswith("happily") for q in quotes)
    found = _found(text, quotes)
    assert (
        found["If you want Ted Roe or Sam Lee as mayor, you better get on board with Ann Berry"].speaker
        == "Tim Cole"
    )
