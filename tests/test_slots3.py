"""The asked subject bound to the asked value (qa.slots.subject_missing): a value of the asked kind
given only for a contrasting subject (another country, debate, person of one family, chamber, year,
party) is no answer; and the fixes to the count and span-of-time readers (a count in a capitalised
heading, "since high school", "for 12 years"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from index import lexical
from qa import slots

# Two countries' wages: only one is given.
WAGES = [
    "Lawmakers in Vestland agreed to raise the minimum wage to $15 an hour by 2022.",
    "Economists compared the plan with Norrvik, where unions set pay by sector.",
]
# Two debates: only the second's date is given.
DEBATES = [
    "The second debate of the Green Party will be held on Saturday night in Dunmore.",
    "Candidates said the first debate had been dull.",
]
# One family, one age.
FAMILY = [
    "Greta Halloran, 71, has run the Mill Lane bakery since 1979.",
    "Her husband Piet Halloran still bakes the bread each morning.",
]
# Counts for one chamber only.
CHAMBERS = [
    "Ms. Okafor has won 14 endorsements in the Senate, against none for her rival.",
    "Her rival, Mr. Brandt, is popular in the Assembly.",
]
# A year and a statistic: the total for 2010, the average for 2015.
DEBT = [
    "Graduates owed a total of $612 billion in 2010.",
    "By 2015 the average graduate owed $31,000.",
]
# A poll: Liberal voters' share only.
POLL = [
    "In the Harbour Post poll, 48 percent of Liberal voters backed Ms. Okafor.",
    "Conservative voters were split over the plan.",
]
# A subject named a sentence before, then a description ("The Dunmore native").
CHAIN = [
    "Ines Varga borrowed heavily to study nursing.",
    "The Dunmore native still owes about $40,000.",
]


def missing(question: str, sentences: list[str], **kw: object) -> str:
    """subject_missing with the kind subject_kind reads, every class, a reach of 2."""
    kind = slots.subject_kind(question)
    assert kind is not None, question
    return slots.subject_missing(kind, question, sentences, lexical.terms, reach=2, **kw)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def every_class(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "SUBJECT_CLASSES", ("year", "ordinal", "statistic", "name"))
    monkeypatch.setattr(slots, "SUBJECT_UNUSED", True)
    # Every asked word must bind, with or without another subject named (the binding the money check
    # uses; count and date bind by one name: tests/test_slots_scope.py).
    monkeypatch.setattr(slots, "SUBJECT_BIND", dict.fromkeys(slots.SUBJECT_BIND, "all"))
    monkeypatch.setattr(slots, "SUBJECT_CONTRAST", dict.fromkeys(slots.SUBJECT_CONTRAST, ""))


@pytest.mark.parametrize(
    ("question", "sentences", "contrast"),
    [
        ("What is the minimum wage in Norrvik?", WAGES, "Vestland"),
        ("When is the third debate of the Green Party?", DEBATES, "second"),
        ("How old is Piet Halloran?", FAMILY, "Greta"),
        ("What was the average debt of graduates in 2010?", DEBT, ""),
        ("What percentage of Conservative voters backed Ms. Okafor?", POLL, "Liberal"),
    ],
)
def test_a_value_for_a_contrasting_subject_is_no_answer(
    question: str, sentences: list[str], contrast: str
) -> None:
    why = missing(question, sentences)
    assert why.startswith("the documents give")
    assert contrast in why


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        ("What is the minimum wage in Vestland?", WAGES),
        ("When is the second debate of the Green Party?", DEBATES),
        ("How old is Greta Halloran?", FAMILY),
        ("What was the average debt of graduates in 2015?", DEBT),
        ("What was the total debt of graduates in 2010?", DEBT),
        ("What percentage of Liberal voters backed Ms. Okafor?", POLL),
        ("How much does Ines Varga still owe?", CHAIN),  # bound through "The Dunmore native"
        ("What is the minimum wage?", WAGES),  # no distinguishing word
        ("What is the minimum wage in Vestlnad?", WAGES),  # a typo no passage uses binds nothing
    ],
)
def test_a_value_for_the_asked_subject_answers(question: str, sentences: list[str]) -> None:
    assert missing(question, sentences) == ""


def test_a_count_for_another_chamber() -> None:
    q = "How many endorsements does Ms. Okafor have in the Assembly?"
    valued = slots.count_sentences(q, CHAMBERS, lexical.terms)
    assert valued == [0]
    assert "Senate" in slots.subject_missing("count", q, CHAMBERS, lexical.terms, valued, reach=2)
    q = "How many endorsements does Ms. Okafor have in the Senate?"
    assert (
        slots.subject_missing(
            "count", q, CHAMBERS, lexical.terms, slots.count_sentences(q, CHAMBERS, lexical.terms)
        )
        == ""
    )


def test_a_question_in_lower_case_names_what_the_passages_capitalise() -> None:
    sentences = [
        "Worldwide there are 1.2 billion Roman Catholics, the Vatican says.",
        "The pope visits Brazil.",
    ]
    assert ("brazil", "name") in slots.subject_words("how many catholics live in brazil", sentences)
    q = "how many catholics live in brazil"
    valued = slots.count_sentences(q, sentences, lexical.terms)
    assert slots.subject_missing("count", q, sentences, lexical.terms, valued, reach=2)


def test_the_subject_of_the_whole_story_binds_everywhere() -> None:
    # "Okafor" stands in every sentence holding a value: the story's subject, no contrast.
    sentences = ["Okafor won 14 endorsements in 2015.", "Okafor won 20 endorsements in 2016."]
    q = "How many endorsements did Okafor win in 2016?"
    valued = slots.count_sentences(q, sentences, lexical.terms)
    assert slots.subject_missing("count", q, sentences, lexical.terms, valued) == ""


def test_an_unused_ordinal_binds_only_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = ["The debate will be held on Saturday night in Dunmore."]
    q = "When is the fourth debate?"
    assert missing(q, sentences)
    monkeypatch.setattr(slots, "SUBJECT_UNUSED", False)
    assert missing(q, sentences) == ""


def test_subject_reason_follows_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    q = "What is the minimum wage in Norrvik?"
    monkeypatch.setattr(slots, "SUBJECT", dict.fromkeys(slots.SUBJECT, False))
    assert slots.subject_reason(q, WAGES) == ""
    monkeypatch.setattr(slots, "SUBJECT", {**slots.SUBJECT, "money": True})
    assert "Vestland" in slots.subject_reason(q, WAGES)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the minimum wage in France?", "money"),
        ("What is the tuition at the college?", "money"),
        ("What percentage of voters backed her?", "percent"),
        ("How many voters backed her?", "count"),
        ("Who backed her?", None),
    ],
)
def test_subject_kind(question: str, kind: str | None) -> None:
    assert slots.subject_kind(question) == kind


def test_chained_terms_reach_back_to_the_named_subject() -> None:
    rows = [(s, frozenset(lexical.terms(s))) for s in CHAIN]
    widened = slots.chained(rows, reach=2)
    assert set(lexical.terms("Varga")) <= widened[1][1]
    assert widened[0][1] == rows[0][1]
    assert slots.chained(rows, reach=0)[1][1] == rows[1][1]


def test_a_count_in_a_capitalised_heading() -> None:
    assert ("10", ["KILLED"]) in slots.counted_words("AT LEAST 10 KILLED IN HARBOUR BLAST")
    assert slots.counted_words("Under the deal, Section 5 applies.") == []  # still part of a name


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Greta, his friend since high school, spoke first.", True),
        ("They have been close friends since sixth grade.", True),
        ("She has led the club for 12 years.", True),
        ("She has led the club since 2016.", True),
        ("Amazon is less likely to move since it is very time-sensitive.", False),
        ("Prices rose since demand has grown.", False),
    ],
)
def test_since_and_for_spans(sentence: str, span: bool) -> None:
    assert bool(slots._SPAN.search(sentence)) is span


def test_how_long_has_x_known_y_is_answered_by_since() -> None:
    sentences = ["Greta Halloran, 71, a friend of the mayor since primary school, runs the bakery."]
    assert slots.slot_missing("How long has Halloran known the mayor?", sentences, lexical.terms) == ""
    assert slots.slot_missing(
        "How long has Halloran run the bakery?", ["Greta Halloran runs the bakery."], lexical.terms
    )


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("She still owes about $40,000.", True),
        ("The Dunmore native still owes about $40,000.", True),
        ("Even without the loan, the Dunmore native still owes $40,000.", True),
        ("At $8,000 a term, the nursing student could not pay.", True),
        ("The claims about Judge Irma Colt were made this week.", False),  # a new subject
        ("Ines Varga borrowed heavily.", False),
        ("In 2010, 40 people came.", False),
    ],
)
def test_goes_on(text: str, on: bool) -> None:
    assert slots.goes_on(text) is on
