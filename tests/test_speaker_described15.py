"""Speakers asked by a description several sources share, or by a verb of rating or naming (round 17):
"the secretary of state" beside "the secretary of the Treasury", "the finance minister" quoted both
as "Wen Lou" and "Mr. Wen", "the leader of the United States", "How did X rate Y?", "What did X call Y?".

Articles written for these tests: talks between two countries where a secretary of state and a
secretary of the Treasury are both quoted and the finance minister is quoted by his full name and by
"Mr." and his surname.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.model import Speaker
from qa import describe, term_cover
from qa import question as questions
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

TALKS = """Ministers trade barbs at annual talks

BEIJING - The finance minister, Wen Lou, said on Monday that foreign officials should curb their
complaints about steel surpluses.

''At that time, the whole world applauded and thanked China,'' Mr. Wen told a news briefing about the
stimulus spending after the 2008 crisis.

Secretary of State Anna Kell said the annual talks remained ''one of the best opportunities that we
have to manage our differences.''

The secretary of the Treasury, Jacob Moor, said that ''the surpluses are distorting global markets,''
at the opening session of the talks at the State Guesthouse.
"""


def test_a_capitalised_word_is_no_verb_of_the_subject() -> None:
    s = describe.subject_of("What did the leader of the United States say about the old order?")
    assert s is not None and s.text == "leader of the United States"
    assert (s.owner, s.head) == ("United States", "leader")


def test_verbs_of_rating_end_the_subject() -> None:
    s = describe.subject_of("how did the former minnesota congressman rate trump's choice")
    assert s is not None and s.text == "former minnesota congressman"
    assert questions.is_speech_question("how did the former minnesota congressman rate trump's choice")


def test_what_a_named_person_called_someone_is_a_speech_question() -> None:
    assert questions.is_speech_question("What did Glenn Beck call Trump on Friday?")
    assert not questions.is_speech_question("What is the operation called?")
    assert (
        questions.topic_of("What did Glenn Beck call Trump on Friday?", ["Glenn Beck"]) == "Trump on Friday"
    )
    got = questions.topic_of("How did Putin characterise the Syrian troops?", ["Putin"])
    assert got == "Syrian troops"


def test_according_opening_a_question_is_no_name() -> None:
    assert term_cover.names_in("According to the US president, who would America team up with?") == [
        "US",
        "America",
    ]


def test_the_entries_of_one_person_are_one_candidate() -> None:
    by_name = {
        "Wen Lou": Speaker("Wen Lou", ("Wen Lou", "finance minister")),
        "Wen": Speaker("Wen", ("Mr. Wen",)),
        "Barack Obama": Speaker("Barack Obama", ("Obama", "US President")),
        "Obama": Speaker("Obama", ()),
    }
    got = describe.same_person_first([("Wen", 1.0), ("Wen Lou", 1.0)], by_name)
    assert got == [(("Wen", "Wen Lou"), 1.0)]
    got = describe.same_person_first([("Obama", 0.9), ("Barack Obama", 0.8), ("Wen", 0.5)], by_name)
    assert got == [(("Obama", "Barack Obama"), 0.9), (("Wen",), 0.5)]


def test_one_description_holding_every_word_covers_more_than_several_together() -> None:
    weights = {"secretari": 1.0, "state": 1.0}
    together = describe.Profile(
        frozenset({"secretari", "state"}),
        frozenset(),
        descriptors=frozenset({frozenset({"secretari", "state"})}),
    )
    apart = describe.Profile(
        frozenset({"secretari", "treasuri"}),
        frozenset({"state"}),
        descriptors=frozenset({frozenset({"secretari", "treasuri"}), frozenset({"jacob", "moor"})}),
    )
    assert describe.descriptor_cover(weights, together) == 1.0
    assert describe.descriptor_cover(weights, apart) == 0.5


def test_a_tie_goes_to_the_source_quoted_on_the_topic() -> None:
    subject = describe.Subject(9, 22, "president", "", "president")
    ranked = [(("A",), 1.0), (("B",), 1.0)]
    got, strength = describe.topic_tiebreak(ranked, subject, lambda s, names: {"B": 1.0})
    assert got[0][0] == ("B",) and strength > 0.5
    got, strength = describe.topic_tiebreak(ranked, subject, lambda s, names: {})
    assert strength <= 0.5


def test_a_tie_goes_to_the_source_described_closest_in_the_embedding() -> None:
    subject = describe.Subject(9, 40, "leader of the United States", "United States", "leader")
    profiles = {
        "A": describe.Profile(frozenset(), frozenset(), phrases=("US President",)),
        "B": describe.Profile(frozenset(), frozenset(), phrases=("US officials",)),
    }
    cos = {"US President": 0.75, "US officials": 0.39}
    ranked = [(("A",), 0.68), (("B",), 0.68)]
    assert describe.cosine_tiebreak(ranked, subject, profiles, lambda t, ps: [cos[p] for p in ps]) == ("A",)
    cos["US officials"] = 0.7
    assert describe.cosine_tiebreak(ranked, subject, profiles, lambda t, ps: [cos[p] for p in ps]) is None


@pytest.fixture(scope="module")
def talks(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "described15", {"talks": TALKS})


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did China's finance minister say the world did after the 2008 crisis?", "applauded"),
        ("How did the secretary of state describe the annual talks?", "best opportunities"),
        ("What did the secretary of the Treasury say about the surpluses?", "distorting"),
    ],
)
def test_a_description_two_sources_share_in_part_finds_the_one_it_fits(
    talks, question: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    a = ask(talks, question)
    assert not a.abstained, a.reason
    assert said in talks.passages[a.hits[0].pid].text


def test_a_tie_is_broken_only_for_sources_described_with_the_modifiers() -> None:
    subject = describe.Subject(9, 34, "South Korea president", "South Korea", "president")
    korean = describe.Profile(frozenset({"south", "korea", "presid"}), frozenset())
    other = describe.Profile(frozenset({"presid", "us"}), frozenset())
    profiles = {"Park": korean, "Obama": other}
    terms = lambda t: [w.lower()[:6] if w.lower().startswith("presid") else w.lower() for w in t.split()]  # noqa: E731
    assert describe.holds_modifiers(subject, ("Park",), profiles, terms)
    assert not describe.holds_modifiers(subject, ("Obama",), profiles, terms)


def test_a_country_as_subject_keeps_its_tie() -> None:
    assert describe.names_country(describe.Subject(10, 20, "Washington", "", "Washington"))
