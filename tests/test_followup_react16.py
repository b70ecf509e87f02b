"""Follow-ups of real conversations (fup16): "Did X agree?" asks what X said on the previous topic;
"And X's?" swaps the previous question's possessor; "Why?" after a yes/no question asks why of that
question; "And how many are still undecided?" counts the previous question's noun; after "Who is
X?", a question about what X does or thinks is not answered by the passage describing X again.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine

_PARAGRAPHS = [
    "Mayor Dana Whitlock wants the county to close the old quarry road by the end of the year.",
    '"The quarry road is a danger to every child who walks to school," Whitlock said on Tuesday.',
    "Councillor Pieter Haskell, a retired engineer who has sat on the council since 2009, is the "
    "longest-serving member of the roads committee.",
    '"Closing the quarry road would cut the farms off from the market town," Haskell said, arguing '
    "that a new footbridge would keep children safe at a fraction of the cost.",
    "Haskell said the council should hold a public vote on the footbridge before spring.",
    "Of the council's members, 12 councillors have said they back the closure, 5 have said they oppose "
    "it and 3 have not announced their choice.",
    "The county budget office estimated that the closure would cost the farms about 40,000 dollars a year.",
]
QUARRY = "Council split over the quarry road\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def quarry(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("quarry-docs")
    (docs / "quarry.txt").write_text(QUARRY, encoding="utf-8")
    target = tmp_path_factory.mktemp("quarry-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Did Putin agree?", "Putin"),
        ("And did the Kremlin respond?", "the Kremlin"),
        ("Has Haskell commented on that?", "Haskell"),
        ("Did Clinton say anything?", "Clinton"),
    ],
)
def test_a_reaction_is_read_as_what_they_said(question: str, who: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word, kind.target) == ("about", "react", who)


@pytest.mark.parametrize(
    "question",
    ["Did he agree?", "Did anyone object?", "Did Putin agree with Obama's plan?", "Did the bill pass?"],
)
def test_not_a_reaction(question: str) -> None:
    assert followup.read(question).word != "react"


def test_react_keeps_the_previous_topic() -> None:
    prev = "What did Obama say about Assad and barrel bombs?"
    assert followup.react(prev, "Putin") == [
        "What did Putin say about Assad and barrel bombs?",
        "What did Putin say?",
    ]
    assert followup.react("Who runs the council?", "Haskell") == ["What did Haskell say?"]


def test_possessive_ellipsis_swaps_the_owner() -> None:
    kind = followup.read("and Moscow's?")
    assert (kind.name, kind.word, kind.target) == ("about", "poss", "Moscow")
    prev = "What is Washington's position on Assad?"
    assert followup.swap_owner(prev, "Moscow") == "What is Moscow's position on Assad?"
    assert followup.swap_owner("What is the Senate's plan?", "the House") == "What is the House's plan?"
    assert followup.swap_owner("What did Obama say about Assad?", "Moscow") is None


@pytest.mark.parametrize(
    ("prev", "word", "expected"),
    [
        (
            "Does Ed Rendell think superdelegates will abandon Clinton?",
            "why",
            "Why does Ed Rendell think superdelegates will abandon Clinton?",
        ),
        ("Did Obama meet Putin?", "when", "When did Obama meet Putin?"),
        ("Didn't the council vote?", "why", "Why didn't the council vote?"),
        # "How many?" needs its noun: both asked at once, as before.
        ("Did the council vote?", "how many", "Did the council vote, and how many?"),
    ],
)
def test_why_after_a_yes_no_question(prev: str, word: str, expected: str) -> None:
    assert followup.reask(prev, word) == expected
    assert not followup.garbled(expected)


def test_a_count_without_its_noun_takes_the_previous_one() -> None:
    assert followup.read("and how many are still undecided").name == "count"
    assert followup.read("How many have not?").name == "count"
    # "of them" is a pronoun the previous answer resolves (news_heldout4 n4e5).
    assert followup.read("How many of them were Sanders supporters?").name == "pronoun"
    assert followup.read("How many superdelegates are undecided?").name == "own"
    prev = "How many superdelegates have said they back Clinton?"
    got = followup.count(prev, "and how many are still undecided")
    assert got == "How many superdelegates are still undecided?"
    assert followup.count("Who backs Clinton?", "and how many are still undecided") is None


def test_asked_past_a_description() -> None:
    assert followup.asked_past("Who is Ben Jealous?", "What does Ben Jealous think Sanders should do?")
    assert not followup.asked_past("Who is Tony Podesta?", "Who is Tony Podesta's brother?")
    assert not followup.asked_past("Who is Ben Jealous?", "How old is Ben Jealous?")
    assert followup.asked_past(
        "Who is Luther Stan Pate IV?", "Who would Luther Stan Pate back against Trump?"
    )
    assert not followup.asked_past("Who is Amanda Renteria?", "Who did Amanda Renteria work for before?")
    assert not followup.asked_past("Who is Doug Andres?", "What did Americans say should be the focus?")
    assert not followup.asked_past("What did Jealous say?", "What does Jealous think Sanders should do?")


def test_did_x_agree_finds_their_words_on_the_topic(quarry: Engine) -> None:
    a = talk(quarry, "What did Whitlock say about the quarry road?", "Did Haskell agree?")
    assert a.searched == "What did Haskell say about the quarry road?", a.searched
    assert '"Closing the quarry road would cut the farms off' in a.hits[0].text, a.hits[0].text


def test_possessive_ellipsis_in_a_conversation(quarry: Engine) -> None:
    a = talk(quarry, "What is Whitlock's view of the quarry road?", "And Haskell's?")
    assert a.searched == "What is Haskell's view of the quarry road?", a.searched
    assert "Haskell" in a.hits[0].text, a.hits[0].text


def test_how_many_are_still_undecided_counts_the_same_noun(quarry: Engine) -> None:
    a = talk(
        quarry, "How many councillors have said they back the closure?", "and how many have not announced"
    )
    assert a.searched == "How many councillors have not announced?", a.searched
    assert "3 have not announced their choice" in a.hits[0].text, a.hits[0].text


def test_after_who_is_the_description_is_not_shown_again(quarry: Engine) -> None:
    a = talk(quarry, "Who is Pieter Haskell?", "What does he think the council should do?")
    assert "Haskell" in a.searched, a.searched
    assert not a.hits[0].text.startswith("Councillor Pieter Haskell, a retired engineer"), a.hits[0].text
