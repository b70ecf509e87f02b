"""Speakers and cues, round 13 (attr11): a party noun and a ranking word between a committee and a
name, and a belief verb whose object is a relative pronoun before it."""

from __future__ import annotations

from tests.attribution_rows import found, with_words


def _speakers(text: str, words: str) -> list[str | None]:
    return [r[0] for r in with_words(text, words)]


def test_committee_ranking_party_member_is_the_speaker() -> None:
    text = (
        "The panel met again on Tuesday.\n\n"
        '"This report is a whitewash," said Harbour ranking Democrat Miriam Okafor (D-Ore.). '
        '"Nobody asked the right questions."\n'
    )
    assert _speakers(text, "This report is a whitewash") == ["Miriam Okafor"]


def test_ranking_member_after_the_verb_is_the_speaker() -> None:
    text = (
        'The hearing ran late. "We will not wait for the audit," said Senate ranking member Dana Whitfield.'
    )
    assert _speakers(text, "We will not wait") == ["Dana Whitfield"]


def test_party_noun_before_a_name_is_no_part_of_it() -> None:
    text = "The vote was close. Republican Walter Brandt said the bill would pass before the recess."
    assert _speakers(text, "the bill would pass") == ["Walter Brandt"]


def test_party_noun_opening_an_organisation_stays_in_it() -> None:
    text = "The Republican National Committee said the debate would go ahead in the spring."
    assert _speakers(text, "the debate would go ahead") == ["Republican National Committee"]


def test_belief_verb_with_a_gapped_object_makes_no_attribution() -> None:
    text = (
        "Higher payroll taxes would pay for the programs that Nadia Ferris supports, which is why the "
        "columnist doubts the whole plan."
    )
    assert not [r for r in found(text) if "columnist doubts" in r[3] and r[0] == "Nadia Ferris"]


def test_belief_verb_with_its_own_object_still_counts() -> None:
    text = "Nadia Ferris supports a plan to raise payroll taxes for the highest earners by two points."
    assert _speakers(text, "a plan to raise payroll taxes") == ["Nadia Ferris"]


def test_report_from_a_named_body_is_that_body() -> None:
    text = "Solar panel prices fell by a third last year, according to a recent report from Harbor Energy Finance."
    assert _speakers(text, "Solar panel prices fell") == ["Harbor Energy Finance"]


def test_report_from_unnamed_people_has_no_speaker() -> None:
    text = "Turnout in the valley was lower than in any year since 1990, according to a report from local officials."
    assert _speakers(text, "Turnout in the valley") == [None]


def test_lower_case_modifier_before_a_title_after_the_verb() -> None:
    text = (
        "Nora Quill will debate on Thursday.\n\n"
        "\u201cShe\u2019s going to be far more focused on the harbour,\u201d said former Tidewater Gov. Jim "
        "Halvorsen, a Quill backer, referring to the port vote. \u201cAnd that is not a question for "
        "the other side.\u201d\n"
    )
    rows = found(text)
    assert {r[0] for r in rows if "far more focused" in r[3]} == {"Jim Halvorsen"}
    assert {r[1] for r in rows if "far more focused" in r[3]} == {"Jim Halvorsen"}
    assert {r[0] for r in rows if "not a question for" in r[3]} == {"Jim Halvorsen"}


def test_participle_subject_never_comes_from_inside_a_quotation() -> None:
    text = (
        "\u201cShe will never give up on the harbour,\u201d added former Tidewater councillor and Quill "
        "backer Jim Halvorsen, referring to the port vote."
    )
    assert not [r for r in found(text) if r[1] == "She"]


def test_belief_verb_before_the_main_verb_makes_no_attribution() -> None:
    text = "The programs that Nadia Ferris supports would cost ten billion dollars over a decade."
    assert not [r for r in found(text) if r[0] == "Nadia Ferris"]


def test_verb_of_thinking_with_a_gapped_subject_is_still_a_belief() -> None:
    text = "Ferris attacked the trade deals that Nadia Ferris thought would displace thousands of workers."
    assert "Nadia Ferris" in _speakers(text, "would displace thousands of workers")


_DONORS = (
    "Peter Hall, who runs the harbour trust, met donors in Leeds. The fund of Charles Whitcombe is also "
    "spending heavily on the council races.\n\n"
    "The trust has already raised at least four million pounds for the races, and donors want to give "
    "much more, Hall said.\n\n"
    '"What I see now is what traders call a flight to quality," he said.\n'
)


def test_given_name_and_an_organisation_word_make_a_person() -> None:
    assert _speakers(_DONORS, "The trust has already raised") == ["Peter Hall"]


def test_bare_surname_source_is_the_mention_a_pronoun_finds() -> None:
    assert _speakers(_DONORS, "a flight to quality") == ["Peter Hall"]
