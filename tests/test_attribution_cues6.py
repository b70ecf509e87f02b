"""Cues and spans, round 11a: negated auxiliaries, a quotation in an aside, passive reports, "quoted ... as
saying", the subjects of participles (sentences written for these tests)."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _found(text: str, quotes: list[Quote]) -> dict[str, Quote]:
    return {text[q.start : q.end]: q for q in quotes}


def test_a_refusal_to_say_is_reported_speech() -> None:
    text = (
        "Ada Brook chairs the harbour board. Still, Ada Brook would not say whether the board would "
        "raise the berth fees next year. Brook hasn't said when the vote will be held."
    )
    found = _found(text, analyse(text)[1])
    q = found["whether the board would raise the berth fees next year"]
    assert q.speaker == "Ada Brook" and q.verb == "say" and not q.direct
    assert found["when the vote will be held"].speaker == "Ada Brook"


def test_a_negated_progressive_of_speech() -> None:
    text = "Tom Vale runs the mill. Tom Vale isn't saying which of the two lines he would close first."
    found = _found(text, analyse(text)[1])
    assert found["which of the two lines he would close first"].speaker == "Tom Vale"


def test_a_negated_belief_is_no_attribution() -> None:
    text = "Tom Vale runs the mill. Tom Vale isn't expected to attend the dinner of the guild this year."
    found = _found(text, analyse(text)[1])
    assert not any("attend the dinner" in k for k in found)


def test_a_participle_holding_a_quotation_between_subject_and_verb() -> None:
    text = (
        'Lena Ortiz ran the count in the valley. Ms. Ortiz, citing "the long memory of the farmers," '
        "said the council could lose both seats in the north."
    )
    found = _found(text, analyse(text)[1])
    q = found["the council could lose both seats in the north"]
    assert q.speaker == "Lena Ortiz" and q.verb == "said" and not q.direct
    assert found["the long memory of the farmers"].speaker == "Lena Ortiz"


def test_an_nyt_style_quotation_in_the_aside() -> None:
    text = (
        "Lena Ortiz ran the count in the valley. Ms. Ortiz, quoting ''a tide that lifts the valley,'' "
        "said the levy would pass."
    )
    found = _found(text, analyse(text)[1])
    assert found["the levy would pass"].speaker == "Lena Ortiz"


def test_words_first_reported_by_a_paper_in_the_passive() -> None:
    text = (
        "Nora Kent flew home on Friday. Nora Kent's move to the coast was first reported by the Harbor "
        "Ledger.\n\nThe harbor board started reserving berths for the winter fleet this week, as first "
        "reported by the Harbor Ledger on Tuesday.\n\nVale's remarks, first reported by the Harbor Ledger "
        "on Tuesday, drew a crowd to the pier."
    )
    found = _found(text, analyse(text)[1])
    for words in (
        "Nora Kent's move to the coast",
        "The harbor board started reserving berths for the winter fleet this week",
        "Vale's remarks",
    ):
        q = found[words]
        assert q.verb == "reported" and not q.direct and q.source == "the Harbor Ledger"


def test_a_relative_which_reported_by_a_paper_is_no_content() -> None:
    text = "The email, which was first reported by the Harbor Ledger, was sent in May to the board."
    found = _found(text, analyse(text)[1])
    assert not any(q.verb == "reported" for q in found.values())


def test_a_paper_quoting_someone_as_saying() -> None:
    text = (
        "The riot ended at dawn on the quay. The wire service quoted a dock worker as saying he saw one "
        "man on the crane before the lights went out."
    )
    found = _found(text, analyse(text)[1])
    q = found["a dock worker as saying he saw one man on the crane before the lights went out"]
    assert q.verb == "quoted" and q.source == "The wire service" and not q.direct


def test_a_participle_after_an_institution_subject() -> None:
    text = (
        "The pier rules were posted on Monday. The union of the night crews has already sued the city "
        "over the rules, saying they violate the rights of its members."
    )
    found = _found(text, analyse(text)[1])
    q = found["they violate the rights of its members"]
    assert q.verb == "saying" and q.source == "The union of the night crews"


def test_a_participle_after_a_time_phrase_and_a_pronoun() -> None:
    text = (
        "Ada Brook chairs the harbour board. On Thursday, she widened her plan for the quay, warning the "
        "crews that the storm could close the port for a week."
    )
    found = _found(text, analyse(text)[1])
    q = next(v for k, v in found.items() if k.endswith("the storm could close the port for a week"))
    assert q.speaker == "Ada Brook" and q.verb == "warning"


def test_no_subject_from_a_possessive_after_a_time_phrase() -> None:
    text = (
        "In early May, Roe's state director, a man from the coast, reached the board, writing in a note "
        "that the lease had run out."
    )
    found = _found(text, analyse(text)[1])
    assert all(q.speaker != "Roe" for q in found.values())
