"""Sources that are no speaker's name (round 14): a function word or a possessive opening the
sentence is no institution, and "the Texan" beside "Texans" is a person described, not a body."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote


def _by_words(text: str, quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if words in text[q.start : q.end])


def test_a_function_word_opening_the_sentence_is_no_speaker() -> None:
    text = (
        "Senator Dana Whitfield visited the plant on Tuesday. The government said it would appeal "
        "the ruling. Several said the ruling was fair. Having announced that the plant would close, "
        "the board met again on Friday."
    )
    _speakers, quotes = analyse(text)
    assert not {q.speaker for q in quotes} & {"Having", "Several", "The"}
    q = _by_words(text, quotes, "ruling was fair")
    assert (q.speaker, q.source) == (None, "Several")  # unnamed, its wording kept
    # "The government said": the body, as before (a determiner with a body noun)
    assert _by_words(text, quotes, "would appeal").speaker == "government"


def test_a_stop_word_written_inside_a_name_still_names_someone() -> None:
    text = (
        "Pfizer chief executive Ian Read spoke to analysts on Monday. Read said the company had "
        "weighed the political debate before the deal."
    )
    _speakers, quotes = analyse(text)
    # "read" is a stop word ("read more"), but written mid-sentence in "Ian Read" it names someone
    assert _by_words(text, quotes, "weighed the political").speaker is not None


def test_a_possessive_campaign_is_not_a_speaker_named_his_campaign() -> None:
    text = (
        "Governor Mark Olsen met the union. His campaign said the meeting went well and talks would follow."
    )
    _speakers, quotes = analyse(text)
    assert _by_words(text, quotes, "meeting went well").speaker != "His campaign"


def test_the_member_of_a_group_named_in_the_plural_is_the_person_just_named() -> None:
    text = (
        'Rick Perry spoke to Texans on Monday. "Those are skilled governors," the Texan said. '
        '"But voters want something else."'
    )
    speakers, quotes = analyse(text)
    assert _by_words(text, quotes, "skilled governors").speaker == "Rick Perry"
    assert "Texan" not in {s.name for s in speakers}


def test_an_institution_of_one_word_stays_an_institution() -> None:
    text = 'Rick Perry spoke to Texans on Monday. "We will not comment," the Kremlin said.'
    _speakers, quotes = analyse(text)
    assert _by_words(text, quotes, "will not comment").speaker == "Kremlin"


NESTED = (
    "Former state senator Dr. Kelli Ward called for the impeachment of the attorney general.\n\n"
    "Dr. Ward stated:\n\n"
    '"The department is not about “Equal Justice Under Law” anymore. It is about President Obama and '
    "his vision of the states.\n\n"
    '"The latest example is a lawsuit against the state over its “Bathroom Bill.”\n\n'
    '"The Senate was supposed to guard the states, but John McCain has forgotten that."\n\n'
    "The lawsuit was filed on Monday."
)


def test_a_curly_quotation_inside_a_straight_one_does_not_close_it() -> None:
    """An opening curly mark never closes a straight quotation: the paragraph's quotation runs on,
    and the paragraphs continuing it keep its speaker (never a name from inside it)."""
    _speakers, quotes = analyse(NESTED)
    first = _by_words(NESTED, quotes, "The department is not about")
    assert "Equal Justice Under Law” anymore" in NESTED[first.start : first.end]
    for words in ("The department is not", "The latest example", "The Senate was supposed"):
        assert _by_words(NESTED, quotes, words).speaker == "Kelli Ward"


def test_a_stray_straight_mark_does_not_swallow_curly_quotations() -> None:
    text = (
        "Pastor Mark Burns defended Trump's remark on Sunday. Trump said “look at my supporter over "
        "there” and “he is great.” Burns said the crowd cheered.\n\nThe rally ended at nine."
    )
    _speakers, quotes = analyse(text.replace("Sunday.", 'Sunday. "'))
    assert all(q.end - q.start < 60 for q in quotes)
