"""Speaker resolution, round 11b: a person described by the organisation they work for, a speech
participle after a name, institutions behind modifiers, nouns of speech read as cues, a given name in
apposition to a kin noun, and a name speaking in a subordinate clause."""

from __future__ import annotations

from tests.attribution_rows import with_words


def _speakers(text: str, words: str) -> list[str | None]:
    return [r[0] for r in with_words(text, words)]


def test_organisation_and_role_before_a_name_credit_the_person() -> None:
    text = (
        "The race in the valley is close. "
        '"It was never meant to be," said Northfield University political scientist Marta Kellner. '
        '"The field was simply too crowded," said Harbour Bank chief economist Jonas Alder.'
    )
    assert _speakers(text, "never meant to be") == ["Marta Kellner"]
    assert _speakers(text, "simply too crowded") == ["Jonas Alder"]


def test_organisation_alone_after_the_verb_still_speaks() -> None:
    text = 'The plan was dropped. "We are disappointed," said Harbour Bank on Monday.'
    assert _speakers(text, "We are disappointed") == ["Harbour Bank"]


def test_speech_participle_after_a_name_gives_the_quotation() -> None:
    text = (
        "Lena Fischer presented the depot plan on Monday, with councillor Erik Vance calling it a "
        '"shopping list with no prices." The vote is on Friday.'
    )
    assert _speakers(text, "shopping list with no prices") == ["Erik Vance"]


def test_institution_behind_lowercase_modifiers() -> None:
    text = (
        "The merger talks collapsed on Tuesday. "
        "A struggling Norcast announced that it would cut 400 jobs. "
        "The nationalist Daily Courier tabloid noted that the unions had been warned."
    )
    assert _speakers(text, "cut 400 jobs") == ["Norcast"]
    assert _speakers(text, "the unions had been warned") == ["Daily Courier"]


def test_person_nouns_and_prepositions_keep_the_source_unnamed() -> None:
    text = (
        "The merger talks collapsed on Tuesday. "
        "A senior Norcast strategist said that the board had been warned. "
        "A top adviser for Mayor Lena Fischer said that the city would not intervene."
    )
    assert _speakers(text, "the board had been warned") == [None]
    assert _speakers(text, "the city would not intervene") == [None]


def test_noun_of_speech_read_as_a_cue_is_the_subjects() -> None:
    text = (
        "Governor Ruth Calder sounded a cautious note about the budget talks, saying the gap was wide. "
        "At a rally in Dunmore, Senator Paul Ostrow repeated a false claim that the plant had closed."
    )
    assert "Ruth Calder" in _speakers(text, "the budget talks")
    assert "Paul Ostrow" in _speakers(text, "the plant had closed")


def test_given_name_in_apposition_to_a_kin_noun_is_a_person() -> None:
    text = (
        "Senator Paul Ostrow stayed in the capital this week. But his wife, Clara, offered a preview "
        'in an interview. "If he wins, he wants to keep this movement going," she said.'
    )
    assert _speakers(text, "keep this movement going") == ["Clara"]


def test_a_name_speaking_in_a_subordinate_clause_is_not_the_subject() -> None:
    text = (
        "Mayor Paul Ryder spoke to the presenter Tom Varga on Sunday. Ryder did not sound confident "
        "when Varga asked whether the party would hold the council. "
        '"This year is unpredictable, so I just think you always run hard," he said.'
    )
    assert _speakers(text, "This year is unpredictable") == ["Paul Ryder"]
