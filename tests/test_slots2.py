"""The date and outcome slots of qa.slots, and the value readers of qa.answer_type they use: a date
bound to the asked event (not a caption's), an outcome told in the past (not only as a plan).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from qa import answer_type, slots

# A made-up story: a river town's bridge, its mayor and a council vote.
STORY = [
    "Mayor Ingrid Solberg opens the new Kestrel Bridge at Fennick, March 3, 2024.",  # a caption
    "Fennick council approved the bridge in 2019 after a decade of delays.",
    "Solberg, 47, has led the council since 2016.",
    "The council is set to vote on a second crossing later on Monday.",
    "Campaigners said they would seek a judicial review of the toll.",
]
PARTS = ["caption", "body", "body", "body", "body"]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("The council is set to vote later on Monday.", ["Monday"]),
        ("It was approved in 2019.", ["2019"]),
        ("They met last week.", ["last week"]),
        ("The bridge opened three days ago.", ["three days ago"]),
        ("The 70th session opened.", []),  # an ordinal alone
        ("It may open soon.", []),  # "may" is a verb, "soon" no date
        ("Some 250,000 people crossed.", []),  # a count, not a year
        ("Work starts at 7pm on 3 March.", ["7pm", "March"]),
    ],
)
def test_date_expressions(sentence: str, dates: list[str]) -> None:
    assert answer_type.date_expressions(sentence) == dates


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("Solberg, 47, spoke.", ["Solberg, 47,"]),
        ("The 19-year-old winger scored.", ["19-year-old"]),
        ("A man aged 34 was held.", ["aged 34"]),
        ("Ann Dale (61) retired.", ["(61)"]),
        ("She signed a 20-year lease.", []),
    ],
)
def test_age_expressions(sentence: str, ages: list[str]) -> None:
    assert answer_type.age_expressions(sentence) == ages


def test_measures() -> None:
    assert answer_type.measures("He scored from 30 yards.") == ["30 yards"]
    assert answer_type.measures("He scored after 30 minutes.") == []


@pytest.mark.parametrize(
    ("sentence", "plan"),
    [
        ("The leaders are set to meet later on Monday.", True),
        ("Campaigners said they would seek a review.", True),
        ("The vote is due to take place in May.", True),
        ("The leaders met on Monday and agreed a truce.", False),
        ("The council approved the plan.", False),
    ],
)
def test_planned(sentence: str, plan: bool) -> None:
    assert answer_type.planned(sentence) is plan


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the bridge approved?", "date"),
        ("In what year did Solberg become mayor?", "date"),
        ("When will the council vote?", "date"),
        ("When do herons nest?", None),  # "when do" asks under what conditions
        ("What was the outcome of the vote on the crossing?", "outcome"),
        ("Who won the Fennick regatta?", "outcome"),
        ("What happened at the council meeting?", "outcome"),
        ("Who opened the bridge?", None),
    ],
)
def test_slot_kind(question: str, kind: str | None) -> None:
    assert slots.slot_kind(question) == kind


def test_event_words_leave_out_names_and_scaffolding() -> None:
    assert slots.event_words("When was Solberg elected mayor?") == ["elected", "mayor"]
    assert slots.event_words("When are the two councils due to vote?") == ["councils", "vote"]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("When was the bridge approved?", False),  # "approved the bridge in 2019"
        ("When did Solberg start leading the council?", False),  # "led the council since 2016"
        ("When will the council vote on a second crossing?", False),  # "later on Monday": a date
        # The caption's date is the picture's; no body sentence dates an election.
        ("When was Solberg elected mayor?", True),
        ("When did the toll come into force?", True),  # "toll" has no date beside it
    ],
)
def test_date_missing(question: str, missing: bool) -> None:
    why = slots.slot_missing(question, STORY, parts=PARTS)
    assert bool(why) is missing, why
    if missing:
        assert why.startswith("no passage gives a date for:")


def test_a_caption_dates_only_the_event_it_shows_whole() -> None:
    story = ["Mayor Solberg opens the new bridge at Fennick, March 3, 2024.", "The bridge cost a lot."]
    parts = ["caption", "body"]
    # Read as body text, the caption's "opens" and "bridge" would date any opening of the bridge.
    assert slots.slot_missing("When did Solberg open the bridge to traffic?", story) == ""
    assert slots.slot_missing("When did Solberg open the bridge to traffic?", story, parts=parts) != ""
    # The caption shows the whole asked event: its date is the event's.
    assert slots.slot_missing("On what date did Solberg open the bridge?", story, parts=parts) == ""


def test_a_caption_span_is_no_duration() -> None:
    story = ["Solberg speaks at the opening for six hours, March 3, 2024.", "The bridge cost a lot."]
    question = "How long did Solberg's speech last?"
    assert slots.slot_missing(question, story) == ""
    assert slots.slot_missing(question, story, parts=["caption", "body"]) != ""


@pytest.mark.parametrize(
    ("event", "head"),
    [
        ("the meeting between the mayors", "meeting"),
        ("the campaigners' judicial review", "review"),
        ("Fennick's match at Dunmore", "match"),
        ("the Fennick Regatta", ""),  # a name only: no noun to find the event by
    ],
)
def test_event_head(event: str, head: str) -> None:
    assert slots.event_head(event) == head


@pytest.mark.parametrize(
    ("question", "sentences", "missing"),
    [
        # Told of only as a plan.
        ("What was the result of the campaigners' judicial review?", STORY, True),
        ("What was the outcome of the vote on a second crossing?", STORY[:4], True),
        # Told of in the past.
        (
            "What was the outcome of the vote?",
            ["The council vote went 31 to 24 in favour.", "A second vote will follow."],
            False,
        ),
        # Not named at all: left to the other tests.
        ("What was the outcome of the inquiry?", STORY, False),
    ],
)
def test_outcome_missing(question: str, sentences: list[str], missing: bool) -> None:
    why = slots.slot_missing(question, sentences)
    assert bool(why) is missing, why


def test_slot_reason_follows_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(slots.SLOTS, "date", False)
    assert slots.slot_reason("When was Solberg elected mayor?", STORY, parts=PARTS) == ""
    monkeypatch.setitem(slots.SLOTS, "date", True)
    assert slots.slot_reason("When was Solberg elected mayor?", STORY, parts=PARTS) != ""


@pytest.mark.parametrize(
    ("question", "sentences", "missing"),
    [
        ("From how far out did the winger shoot?", ["The winger curled it in from 25 yards."], False),
        ("How far did the winger run?", ["The winger ran for 25 minutes."], True),  # no distance
        ("How old is Solberg?", STORY, False),  # "Solberg, 47,"
        ("How old is Ingrid's deputy Tom Reyes?", STORY, True),  # Solberg's age is not his
    ],
)
def test_distance_and_age_missing(question: str, sentences: list[str], missing: bool) -> None:
    why = slots.slot_missing(question, sentences)
    assert bool(why) is missing, why


def test_how_far_has_asks_an_extent() -> None:
    assert slots.slot_kind("How far has the grant fallen?") is None
    assert slots.slot_kind("How far did the winger run?") == "distance"


def test_the_report_s_own_date_is_not_an_event_s() -> None:
    assert slots.slot_kind("When was the article updated?") is None
    assert slots.slot_kind("When was the Fennick Herald piece published?") is None
