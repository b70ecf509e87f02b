"""Round 15 (attr13): sources that were read wrongly on real news, and subjects of several people.

Articles written for these tests; each case is a kind of error counted on PolNeAR train."""

from __future__ import annotations

import pytest

from index.attribution import analyse
from tests.attribution_rows import found, with_words
from tests.test_attribution import UNRELATED, _keyed


def test_a_place_named_after_in_is_nobody_a_pronoun_means() -> None:
    text = (
        "The parade went on for hours. In downtown San Francisco, a crowd marched in silence. "
        '"I pretty much cried the whole parade," he said.'
    )
    rows = with_words(text, "cried the whole parade")
    assert rows and rows[0][0] != "San Francisco"


def test_according_to_a_name_and_its_organisation_keeps_the_name() -> None:
    text = 'According to Dana Whitcombe of the Harbor Institute, "the terminal lost money for nine years."'
    assert with_words(text, "lost money")[0][:3] == ("Dana Whitcombe", "Dana Whitcombe", "according to")


def test_a_description_after_the_verb_takes_its_whole_capitalised_run() -> None:
    text = '"Nobody here is worried about the polls," said another New Hampshire Republican.'
    speaker, source, _verb, _content = with_words(text, "worried about")[0]
    assert (speaker, source) == (None, "another New Hampshire Republican")


def test_an_institution_before_a_given_name_is_no_part_of_the_name() -> None:
    text = (
        "UMWA Director of Government Affairs Phil Brandt told reporters that the union would wait. "
        'Air Force 1st Lt. Tyler Marsh said, "I am voting for him."'
    )
    assert with_words(text, "union would wait")[0][0] == "Phil Brandt"
    assert with_words(text, "voting for him")[0][0] == "Tyler Marsh"


def test_a_past_tense_after_a_handing_over_comma_is_the_cue() -> None:
    text = (
        "Jim Bennett and Sandy Paradis walked along the line of voters. "
        '"Look at all these supporters," Paradis said. '
        '"They are all here for the free stuff," Bennett shot back with a laugh. '
        '"Would it be negotiable?" Paradis pressed. "I would say this," Bennett answered.'
    )
    assert with_words(text, "free stuff")[0][:3] == ("Jim Bennett", "Bennett", "shot back")
    assert with_words(text, "I would say this")[0][0] == "Jim Bennett"
    # a past tense that is an act, not a cue, reads nothing
    text2 = 'Officials gathered. "We are ready," Mayor Ann Lowe said. "Go," Lowe wanted to add.'
    assert all(r[2] != "wanted" for r in found(text2))


def test_an_affiliation_with_and_is_no_second_speaker() -> None:
    text = "Jo Roe of the House Ways and Means Committee said the bill would fail in the Senate."
    assert with_words(text, "bill would fail")[0][0] == "Jo Roe"


def test_a_subject_of_two_people_credits_both_and_joins_no_alias() -> None:
    text = (
        "Republicans pressed on with the vote. Ted Cruz of Texas and Senator Rand Paul of Kentucky "
        "said the bill would fail in the Senate. Paul later left the chamber."
    )
    speakers, quotes = analyse(text)
    credited = {q.speaker for q in quotes if "bill would fail" in text[q.start : q.end]}
    assert credited == {"Ted Cruz", "Rand Paul"}
    for s in speakers:
        assert not any(" and " in a for a in s.aliases), s.aliases
    # a possessive or an organisation's word after "and" is no second speaker
    text2 = "Bush and his rivals for the Republican nomination have said they would undo the rule."
    assert {r[0] for r in found(text2)} <= {"Bush", None}


STABLE = [
    "The parade went on for hours. In downtown San Francisco, a crowd marched in silence. "
    '"I pretty much cried the whole parade," he said.',
    "Jim Bennett and Sandy Paradis walked along the line. "
    '"Look at all these supporters," Paradis said. '
    '"They are all here for the free stuff," Bennett shot back with a laugh.',
    "Republicans pressed on with the vote. Ted Cruz of Texas and Senator Rand Paul of Kentucky "
    "said the bill would fail in the Senate. Paul later left the chamber.",
    'According to Dana Whitcombe of the Harbor Institute, "the terminal lost money for nine years."',
]


@pytest.mark.parametrize("extra", UNRELATED)
def test_appending_an_unrelated_paragraph_changes_none_of_these(extra: str) -> None:
    for text in STABLE:
        before = _keyed(text)
        after = {a for a in _keyed(text + extra) if a[0] < len(text)}
        assert after == before


def test_a_middle_initial_a_is_no_stop_word() -> None:
    text = (
        "The tax was introduced in 2008.\n\n"
        "''We were not very happy when it was first announced,'' said Jock A. Finlay, head of policy "
        "at the Business Council of British Columbia. Now, ''within the business community there is "
        "a sizable constituency saying this is O.K.''\n"
    )
    assert {r[0] for r in found(text)} == {"Jock A. Finlay"}


def test_a_second_verb_belongs_to_the_subject_of_its_own_clause() -> None:
    text = (
        "Governors reacted on Monday.\n\n"
        "Ohio Gov. Dale Brunner on Monday signed an order closing the state's shelters, while Nina "
        'Marsh, the former Utah senator, urged voters to "stand up and be counted" and said Speaker '
        "Tom Riley should resign if he cannot stop the bill.\n"
    )
    assert with_words(text, "should resign")[0][0] == "Nina Marsh"
    assert with_words(text, "stand up and be counted")[0][0] == "Nina Marsh"
    # the sentence's own subject keeps a second verb with no clause of its own
    text2 = 'Ohio Gov. Dale Brunner signed the order on Monday and said it would "save lives."'
    assert with_words(text2, "save lives")[0][0] == "Dale Brunner"


def test_an_opening_time_phrase_is_no_source() -> None:
    text = (
        "The report came out on Monday. On Wednesday, the director of the agency, Lena Dorsey, said "
        "that the messages were private. In June, the agency said that the files were safe."
    )
    assert with_words(text, "messages were private")[0][:2] == ("Lena Dorsey", "Lena Dorsey")
    assert with_words(text, "files were safe")[0][1] == "the agency"
    assert not any(r[1].startswith(("On ", "In ")) for r in found(text))


def test_a_headline_adverb_is_no_part_of_the_name() -> None:
    text = "Al Sharpton Just Said Something About the Race\n\nThe reverend spoke on Monday.\n"
    assert found(text)[0][0] == "Al Sharpton"


def test_a_time_between_a_subject_and_its_verb_is_no_source() -> None:
    text = "The plant closed in 2001. When Carla Fenwick a month later announced 6,000 layoffs, workers left."
    assert found(text)[0][:2] == ("Carla Fenwick", "Carla Fenwick")


def test_a_country_word_as_a_given_name_and_a_possessive_owner_are_no_source() -> None:
    text = (
        'Rick Tolan spoke on Sunday. "We are winning," he said. Chad Brenner, the campaign\'s '
        "chairman, said the comments were responses to attacks. "
        "\u201cWe are going to have a generational problem,\u201d said Florida\u2019s Dean Kroll, a "
        "Republican political consultant."
    )
    assert with_words(text, "responses to attacks")[0][0] == "Chad Brenner"
    assert with_words(text, "generational problem")[0][0] == "Dean Kroll"


def test_a_bare_determiner_is_no_source() -> None:
    text = (
        "Every nominee has spoken at the conference.\n"
        "The promise to \u201ctake our country back\u201d appeals to voters who wish for a return to an "
        "earlier era, said Alma Brandt, a demographer at Emory University. The added security "
        "brought controversy as well.\n"
    )
    rows = found(text)
    assert not any(r[1].lower() == "the" or r[0] == "The" for r in rows), rows
    assert with_words(text, "appeals to voters")[0][0] == "Alma Brandt"


def test_an_attribution_ending_in_a_colon_introduces_the_next_quotation() -> None:
    text = (
        "The couple worried that the attacks would harden attitudes.\n\n"
        "''We are refugees,'' Ms. Alawa said. ''We are not terrorists.'' Mr. Zaheer said: ''The attack "
        "that happened today is the work of terrorists.''\n"
    )
    assert with_words(text, "not terrorists")[0][0] == "Alawa"
    assert with_words(text, "work of terrorists")[0][0] == "Zaheer"


def test_a_participle_hangs_from_the_main_clause_after_a_subordinate_one() -> None:
    text = (
        "In a September debate, while most of his rivals called for a bigger military effort, Tom "
        "Hadley hewed more to the president's approach, noting that the two militias are enemies. "
        "After Rubin spoke, Nora Kessel took the stage, arguing that the party needed unity."
    )
    assert with_words(text, "militias are enemies")[0][0] == "Tom Hadley"
    assert with_words(text, "needed unity")[0][0] == "Nora Kessel"


def test_a_pronoun_after_an_opening_adverb_is_the_subject() -> None:
    text = (
        "Dana Korr spoke at the rally on Monday. She mocked Ruiz first. Then she cut into Bale, calling "
        'him "a stiff who cannot win anything."'
    )
    assert with_words(text, "cannot win")[0][0] == "Dana Korr"
