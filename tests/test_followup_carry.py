"""Follow-ups whose "it" or "one" stands for the previous question's thing, and "And X?" that swaps a
modifier inside a noun phrase, over an article written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conversation import talk
from hashindex import hash_engine

from qa import followup
from qa.engine import Engine

CAMPAIGN = """Senator hires her first pollster

Senator Dana Whitlock has hired a pollster for the first time, her campaign said on Friday. Whitlock said she had never needed a pollster before because she knew the voters of the county by name.

Whitlock said waterboarding was torture. She said she would work with the Senate intelligence committee to ban it.

The convention hosts are struggling. The Republican host committee is $2 million short of its goal of $60 million, its chairman, Ray Iddon, said on Tuesday.

The Democratic host committee has raised all of its $50 million, said its treasurer, Lucia Ferro. "We had our money by April," Ferro said.
"""


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    return hash_engine(tmp_path_factory, "campaign", CAMPAIGN)


def test_it_carries_the_topic_of_a_speech_question(campaign: Engine) -> None:
    a = talk(campaign, "What did Whitlock say about waterboarding?", "Who would she work on it with?")
    assert a.searched == "Who would Whitlock work on waterboarding with?"


def test_it_after_anything_else_carries_the_topic(campaign: Engine) -> None:
    a = talk(campaign, "What did Whitlock say about waterboarding?", "Did she say anything else about it?")
    assert a.searched == "Did Whitlock say anything else about waterboarding?"
    assert "waterboarding" in a.hits[0].text


def test_it_of_say_it_is_what_was_said_not_the_topic(campaign: Engine) -> None:
    a = talk(campaign, "What did Whitlock say about waterboarding?", "Why did she say it?")
    assert a.searched == "Why did Whitlock say it?"


def test_one_is_the_thing_asked_about(campaign: Engine) -> None:
    a = talk(campaign, "Has Whitlock hired a pollster?", "Why didn't she have one before?")
    assert a.searched == "Why didn't Whitlock have a pollster before?"
    assert "never needed a pollster before" in a.hits[0].text


def test_and_a_party_swaps_the_modifier_inside_the_noun_phrase(campaign: Engine) -> None:
    a = talk(campaign, "How much has the Republican host committee raised?", "And the Democrats?")
    assert a.searched == "How much has the Democratic host committee raised?"
    assert a.hits[0].text.startswith("The Democratic host committee"), a.hits[0].text
    b = talk(campaign, "How far short of its goal is the Republican host committee?", "And the Democrats?")
    assert b.searched == "How far short of its goal is the Democratic host committee?"


def test_a_modifier_the_documents_never_write_is_a_possessive(campaign: Engine) -> None:
    a = talk(campaign, "How much has the Republican host committee raised?", "And the Greens?")
    assert a.searched == "How much has the Greens' host committee raised?"


@pytest.mark.parametrize(
    ("question", "one"),
    [
        ("Why didn't she have one before?", True),
        ("Did he ever hire one?", True),
        ("Does the city need one now?", True),
        ("Which one?", False),
        ("Did he buy a new one?", False),
        ("Was it the other one?", False),
        ("Is one of them missing?", False),
        ("How many did he have in one year?", False),
    ],
)
def test_one_at(question: str, one: bool) -> None:
    assert (followup.one_at(question) is not None) == one


def test_indefinite_stops_at_a_linking_word() -> None:
    assert followup.indefinite("Did she hire a pollster for the campaign?") == "a pollster"
    assert followup.indefinite("Has the town built an indoor swimming pool?") == "an indoor swimming pool"
    assert followup.indefinite("What did Whitlock say?") is None


def test_a_name_put_inside_a_noun_phrase_with_its_article_is_garbled() -> None:
    assert followup.garbled("How far short of its goal is the Republican the Democrats committee?")
    assert not followup.garbled("How far short of its goal is the Democratic host committee?")


FIRSTS = [
    "What did Whitlock say about waterboarding?",
    "Has Whitlock hired a pollster?",
    "How much has the Republican host committee raised?",
    "What did Ferro say about the money?",
    "Who chairs the Republican host committee?",
    "What did Iddon say about the goal?",
]
FOLLOWS = [
    "Who would she work on it with?",
    "Why didn't she have one before?",
    "Did he say anything else about it?",
    "And the Democrats?",
    "And the Greens?",
    "And Ferro?",
    "Why did she say it?",
    "When did he get one?",
    "What did they want it for?",
    "Does it have one?",
]


def test_no_carry_over_rewrite_is_garbled(campaign: Engine) -> None:
    """60 rewrites: the carry-over of "it" and "one" and the modifier swap never garble a question."""
    from qa.session import Conversation

    conv = Conversation(campaign)
    seen = []
    for first in FIRSTS:
        for follow in FOLLOWS:
            conv.reset()
            conv.ask(first, 3)
            searched = conv.ask(follow, 3).searched
            seen.append(searched)
            assert not followup.garbled(searched), (first, follow, searched)
            assert not re.search(r"\b(?:the|a|an)\s+[A-Z][\w'’-]*\s+(?:the|a|an)\s", searched), searched
    assert len(seen) == 60
