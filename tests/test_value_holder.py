"""A typed value held by another person than the one asked (qa.value_holder). Articles, names and
questions written for these tests."""

from __future__ import annotations

import re

import pytest

from qa import value_holder
from qa.term_cover import names_in

# An index's speakers as the attribution analyser lists them: persons, and groups, roles and
# organisations that are none.
SPEAKERS = [
    "Ruth Calloway",
    "Calloway",
    "Edwin Marsh",
    "Marsh",
    "Gov. Dora Pike",
    "Pike",
    "State officials",
    "County President",
    "Harbor Institute",
    "Lakeview Trust",
]

# A made-up poll story: each percentage is held by a named candidate.
POLL = [
    "Ruth Calloway leads the field in the Lakeview Trust poll released Monday.",
    "She has support from 41 percent of likely voters, while Edwin Marsh has 29 percent.",
    "Edwin Marsh spent the weekend in Harborton.",
    "He is but a footnote statewide, but the poll had him at 12 percent among farmers.",
]


def _terms(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]


def _context(sentences: list[str]) -> list[frozenset[str]]:
    """Each sentence's terms with the sentence before where it opens with a pronoun, as
    qa.slots.chained widens them."""
    out = []
    for i, s in enumerate(sentences):
        got = set(_terms(s))
        if i and re.match(r"\s*(?:he|she|they)\b", s, re.I):
            got |= set(_terms(sentences[i - 1]))
        out.append(frozenset(got))
    return out


def test_persons_are_named_people_not_groups_or_bodies() -> None:
    known = value_holder.persons(SPEAKERS)
    assert known == ["Ruth Calloway", "Edwin Marsh", "Dora Pike"]


def test_asked_persons_are_the_questions_known_names() -> None:
    known = value_holder.persons(SPEAKERS)
    q = "What share of farmers back Edwin Marsh in the Lakeview Trust poll?"
    assert value_holder.asked_persons(q, known, names_in(q)) == ["Marsh"]
    q = "What percentage did Calloway's rival get?"
    assert value_holder.asked_persons(q, known, names_in(q)) == ["Calloway"]
    q = "What share of voters back the Harbor Institute plan?"
    assert value_holder.asked_persons(q, known, names_in(q)) == []


def test_holder_reads_the_persons_a_sentence_names() -> None:
    asked = [frozenset({"pike"})]
    others = [frozenset({"calloway"}), frozenset({"marsh"})]
    assert value_holder.holder(asked, others, frozenset(_terms("Pike won 30 percent.")), "any") == "asked"
    assert value_holder.holder(asked, others, frozenset(_terms("Marsh won 30 percent.")), "any") == "other"
    # no person named: the value may be anyone's, the asked person's included
    assert (
        value_holder.holder(asked, others, frozenset(_terms("The poll had 30 percent.")), "any") == "anyone"
    )
    # "all": each asked person must be named
    two = [frozenset({"pike"}), frozenset({"marsh"})]
    assert value_holder.holder(two, others, frozenset(_terms("Pike won 30 percent.")), "all") == "anyone"
    assert value_holder.holder(two, others, frozenset(_terms("Pike beat Calloway.")), "all") == "other"
    assert value_holder.holder(two, others, frozenset(_terms("Pike beat Calloway.")), "any") == "asked"


def _reason(question: str, sentences: list[str], bind: str = "any", kind: str = "percent") -> str:
    saved = dict(value_holder.HOLDER)
    value_holder.HOLDER[kind] = bind
    try:
        return value_holder.holder_reason(
            kind, question, names_in(question), SPEAKERS, sentences, _context(sentences), _terms
        )
    finally:
        value_holder.HOLDER.update(saved)


def test_a_percentage_of_other_persons_only_is_declined() -> None:
    # Every percentage is Calloway's or Marsh's ("had him at 12 percent" goes on about Marsh).
    why = _reason("What percentage did Dora Pike get in the Lakeview Trust poll?", POLL)
    assert why == "the documents give a percentage for other persons, not Pike"


def test_a_percentage_of_the_asked_person_is_kept() -> None:
    assert _reason("What percentage did Edwin Marsh get among farmers?", POLL) == ""
    # "She has support from 41 percent" goes on about Calloway, named the sentence before.
    assert _reason("What share of likely voters support Ruth Calloway?", POLL) == ""


def test_a_percentage_held_by_no_one_named_is_kept() -> None:
    sentences = ["Turnout reached 58 percent in the county, officials said."]
    assert _reason("What percentage did Dora Pike get?", sentences) == ""


def test_off_or_no_value_or_no_person_declines_nothing() -> None:
    assert _reason("What percentage did Dora Pike get?", POLL, bind="") == ""
    assert _reason("What percentage did Dora Pike get?", ["Calloway toured the docks."]) == ""
    assert _reason("What share of farmers back the plan?", POLL) == ""


def test_a_date_of_another_persons_act_is_declined() -> None:
    sentences = ["Gov. Dora Pike, who endorsed Ruth Calloway on Thursday, spoke at the dock."]
    assert _reason("When did Edwin Marsh endorse Ruth Calloway?", sentences, "all", "date").startswith(
        "the documents give a date for other persons"
    )
    # "any": Calloway, named there, is one asked person, so the date may be theirs
    assert _reason("When did Edwin Marsh endorse Ruth Calloway?", sentences, "any", "date") == ""
    assert _reason("When did Dora Pike endorse Ruth Calloway?", sentences, "all", "date") == ""


@pytest.mark.parametrize("bind", ["any", "all"])
def test_others_only_needs_a_valued_sentence_and_an_asked_person(bind: str) -> None:
    others = [frozenset({"marsh"})]
    assert not value_holder.others_only([], others, [frozenset({"marsh"})], bind)
    assert not value_holder.others_only([frozenset({"pike"})], others, [], bind)
    assert value_holder.others_only([frozenset({"pike"})], others, [frozenset({"marsh", "won"})], bind)
