"""Speakers and speaker labels, round 12b: a newsletter's items under headings in capitals keep no
speaker of an earlier item, and a capitalised run opened by a compass word keeps it in its name."""

from __future__ import annotations

from tests.attribution_rows import with_words

_NEWSLETTER = (
    "Here is the morning roundup.\n\n"
    "FLOOD WALL FAILS IN RIVERTON Mayor Hanna Vogt said the wall gave way overnight and called the "
    'repairs "a matter of days." [Courier.]\n\n'
    "GOLD FOR THE ROWERS The eight took the title in a race many are calling an \u201cinstant classic.\u201d "
    "[Sport Daily.]\n\n"
    "WHY FERRY FARES ARE RISING \u201cFuel costs have doubled since the spring and the operators have "
    "passed every cent on to the passengers.\u201d [Harbour Post.]\n"
)


def _speakers(text: str, words: str) -> list[str | None]:
    return [r[0] for r in with_words(text, words)]


def test_headed_item_quotation_keeps_no_earlier_speaker() -> None:
    assert _speakers(_NEWSLETTER, "Fuel costs have doubled") in ([None], [])


def test_headed_item_scare_quote_is_not_the_last_item_speaker() -> None:
    assert "Hanna Vogt" not in _speakers(_NEWSLETTER, "instant classic")


def test_quotation_in_the_same_headed_item_keeps_its_speaker() -> None:
    assert set(_speakers(_NEWSLETTER, "a matter of days")) == {"Hanna Vogt"}


def test_transcript_label_is_no_heading() -> None:
    text = (
        "Part of the interview follows.\n\n"
        "KAREN MILLS: Why did the council delay the vote?\n\n"
        "OSKAR LIND: We needed the figures first. The budget office had not finished them.\n"
    )
    assert _speakers(text, "We needed the figures first") == ["OSKAR LIND"]


def test_compass_word_opening_a_name_stays_in_it() -> None:
    text = "As reported by Western Ledger, inspectors found over 300 faulty valves at the plant."
    assert _speakers(text, "inspectors found") == ["Western Ledger"]


def test_tail_of_an_institution_name_is_no_person() -> None:
    text = (
        "The Organisation for Coastal Research and Development said that sea levels in the bay had risen "
        "by four centimetres."
    )
    assert _speakers(text, "sea levels") == ["Organisation for Coastal Research and Development"]


def test_person_after_an_institution_and_a_conjunction_keeps_the_name() -> None:
    text = "The Institute of Marine Studies and Clara Holt said that the survey would resume in May."
    assert _speakers(text, "the survey would resume") == ["Clara Holt"]


def test_apposition_closed_by_a_relative_clause_credits_the_name() -> None:
    text = (
        "The old cinema closed in March. "
        "Tomas Brandt, a retired projectionist in the old town, who ran the booth for thirty years, recalled: "
        '"We never missed a single show."'
    )
    assert _speakers(text, "We never missed") == ["Tomas Brandt"]


def test_name_before_its_own_relative_clause_stays_the_speaker() -> None:
    text = (
        'Of Brandt, Ilse Moor, who has given money to the council, said, "He is a careful man, and the '
        'town trusts him."'
    )
    assert _speakers(text, "He is a careful man") == ["Ilse Moor"]
