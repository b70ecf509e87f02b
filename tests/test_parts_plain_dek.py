"""A plain-text page's deck, the short sentence between its headline and its lede, answers "what's the
subheadline?" (qa.part_evidence.plain_dek), and "the abstract of the X story" asks for the standfirst.
The articles are written for these tests (round 23, rank23: nh11's n11e10 and n11b8 were the misses)."""

from __future__ import annotations

import pytest

from qa import intent
from tests.hashindex import hash_engine_of

DEK = """Harbour board under pressure over ferry cuts.

As winter storms return, commuters fear another season of cancelled crossings.

RIVERTON - The harbour board said on Monday that the ferry crossing between Riverton and Lindholm
would run once a day until April, after a winter of cancellations left commuters stranded.

The board's chairman, Peter Holm, told reporters that two new boats would join the fleet in April
and that a new timetable would be published on the board's website before the end of the month.
"""

# A one-sentence lede right below the headline is no deck: it is longer than a deck.
LEDE = """Council approves new depot for the bus fleet.

The city council on Tuesday approved the construction of a new depot for the regional bus fleet.

The depot, on the site of the old gasworks, will house forty buses and a workshop, and the council
said it would open before the end of next year if the land sale goes through as planned.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine_of(
        tmp_path_factory,
        "parts-plain-dek",
        {"post_2024-01-05_harbour-board.txt": DEK, "gazette_2024-02-06_bus-depot.txt": LEDE},
    )


def test_the_short_sentence_below_the_headline_is_the_deck(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.part_evidence import plain_dek

    deks = [p.text for p in engine.passages if plain_dek(engine, p)]
    assert deks == ["As winter storms return, commuters fear another season of cancelled crossings."]


def test_the_deck_answers_the_subheadline_question(engine) -> None:  # type: ignore[no-untyped-def]
    from qa import rank

    q = "What's the subheadline of the Post story on the harbour board?"
    answer = rank.answer(engine, q, q, 5)
    assert not answer.abstained, answer.reason
    assert answer.hits[0].text.startswith("As winter storms return"), answer.hits[0].text


def test_the_deck_is_no_part_to_a_plain_question(engine) -> None:  # type: ignore[no-untyped-def]
    from qa.part_evidence import part_kind

    deck = next(p for p in engine.passages if p.text.startswith("As winter storms"))
    assert part_kind(deck, intent.read("Who runs the harbour board?"), engine) == "body"
    assert part_kind(deck, intent.read("What's the subheading?"), engine) == "standfirst"
    assert part_kind(deck, intent.read("What's the subheading?")) == "body"  # no engine: the passage alone


@pytest.mark.parametrize(
    "question",
    ["What's the abstract of the Times story on border tunnels?", "give me the abstract", "abstract please"],
)
def test_the_abstract_is_the_standfirst(question: str) -> None:
    got = intent.read(question)
    assert got.parts == ("standfirst", "headline") and got.summary


@pytest.mark.parametrize(
    "question", ["Is abstract art on show at the museum?", "What did the abstract painter say?"]
)
def test_abstract_as_an_adjective_asks_no_part(question: str) -> None:
    assert intent.read(question).parts == ()
