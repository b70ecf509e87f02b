"""Round 24: a sentence whose own verb reports words, closed by a quotation handed to an attribution
after it (`..., Roe discussed how ... a "burn bag," the Ledger reported.`): the closing attribution
reports the whole sentence too (sentences written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_a_closing_attribution_takes_a_sentence_with_a_verb_of_its_own() -> None:
    text = (
        "The council met on Monday. In one such email, Tom Roe discussed how he had mistakenly "
        'placed a note card in a "burn bag," the Ledger reported. The vote was delayed.'
    )
    found = _found(text, analyse(text)[1])
    assert found["burn bag"].speaker == "Ledger" and found["burn bag"].direct
    whole = found[
        'In one such email, Tom Roe discussed how he had mistakenly placed a note card in a "burn bag,"'
    ]
    assert whole.speaker == "Ledger" and not whole.direct and whole.verb == "reported"


def test_a_short_opening_with_a_verb_stays_apart() -> None:
    text = 'The council met on Monday. Roe said "never again," the Ledger reported. The vote was delayed.'
    found = _found(text, analyse(text)[1])
    assert found["never again"].speaker == "Ledger"
    assert not any(k.startswith("Roe said") for k in found)


def test_a_colon_before_the_quotation_still_keeps_the_sentence_apart() -> None:
    text = (
        "The council met on Monday. Tom Roe told the members what he thought of the port plan: "
        '"It will sink the harbour," the Ledger reported.'
    )
    found = _found(text, analyse(text)[1])
    assert not any(k.startswith("Tom Roe told") and k.endswith('harbour,"') for k in found)
