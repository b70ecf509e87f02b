"""Speaker questions read in round 21's forms: the speaker slot of a yes/no question ("Does the
ex-Texas governor think ...?"), "ex-" as "former", "how" with a cue verb of the attribution lexicon
("How does Hillary want ...?"), and a quoted person named by their given name alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.model import Speaker
from qa import describe, query_reading
from qa import question as questions
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

RACE = """Former governor backs the senator in the state race

AUSTIN - Former Texas Gov. Dale Fenwick endorsed Sen. Owen Marsh for governor on Sunday.

"Owen is ready on day one to run this state, and he will not bend to the lobbyists," Fenwick said.

Marsh thanked him at a rally. "Dale built the roads we drive on, and I mean to finish the job," Marsh said.

Dana Whitlock, the head of the Texas Builders Association, thinks the race will turn on the highway budget.

The state's teachers union has not endorsed anyone, its president, Carla Ruiz, told reporters.
"""

DEAL = """Candidate lays out her plan for the water treaty

Hillary Keller, the former senator now running for president, spoke on the water treaty on Monday.

"This treaty must come with strict inspections and penalties that bite," Keller said in a speech.

Her rival Paul Grady said the treaty was "a giveaway" and should be torn up.

Keller's aides said she would visit the border towns next week.
"""


@pytest.fixture(scope="module")
def race(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(tmp_path_factory, "read21", {"race": RACE, "deal": DEAL})


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Does the ex-Texas governor think Marsh is ready?", "former Texas governor"),
        ("Did the head of the Texas Builders Association say anything about the budget?", "head of"),
        ("do american officials think a showdown is possible", "american officials"),
        ("What did the ex-mayor say about the roads?", "former mayor"),
    ],
)
def test_a_yes_no_question_and_ex_have_a_speaker_slot(question: str, subject: str) -> None:
    found = describe.subject_of(question)
    assert found is not None and found.text.startswith(subject)


def test_the_yes_no_slot_switches_off() -> None:
    q = "Does the ex-Texas governor think Marsh is ready?"
    describe.POLAR_SUBJECT = False
    try:
        assert describe.subject_of(q) is None
    finally:
        describe.POLAR_SUBJECT = True


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how does Hillary want the Iran deal enforced", True),
        ("How fast does the commissioner want the army to grow?", True),
        ("How did the RNC chairman think the problems would be put behind them?", True),
        ("How has Obama described Putin?", True),
        ("How is the mayor planning to pay for it?", True),
        ("how did the talks end", False),  # "talks" is the subject, no verb
        ("How does the plan work?", False),  # "plan" after a determiner is a noun
        ("How did the company make money?", False),
        ("How many people did the mayor say died?", False),  # a count: _NOT_SPEECH
    ],
)
def test_how_with_a_cue_verb_asks_for_words(question: str, expected: bool) -> None:
    assert questions.is_speech_question(question) is expected


def test_a_given_name_names_the_one_speaker_it_opens() -> None:
    speakers = (
        Speaker("Hillary Keller", ("Keller", "Hillary Keller")),
        Speaker("Paul Grady", ("Grady", "Paul Grady")),
        Speaker("Paul Ruiz", ("Ruiz", "Paul Ruiz")),
        Speaker("Will Dunn", ("Dunn", "Will Dunn")),
    )
    given = questions.given_names(speakers)
    # "Paul" opens two names; "Will" is a stop word
    assert given == {"hillary": "Hillary Keller"}
    # no person: the documents never call it by its last word alone
    assert questions.given_names((Speaker("Saudi Arabia", ("Saudi Arabia",)),)) == {}
    assert questions.match_speakers("How does Hillary want the treaty enforced?", speakers) == [
        "Hillary Keller"
    ]
    assert questions.match_speakers("What did Paul say?", speakers) == []
    assert questions.match_speakers("What did Will say?", speakers) == []
    # a given name is matched as a name only, written with its capital (qa.question.truecased
    # capitalises a lower-case question's names first)
    assert questions.match_speakers("what did hillary say", speakers) == []


def test_yes_no_question_reads_the_described_speaker_not_the_name_after_it(race: Engine) -> None:
    r = query_reading._read(race, "Does the ex-Texas governor think Marsh is ready?")
    assert r.speech and r.wanted[:1] == ["Dale Fenwick"]
    r = query_reading._read(race, "Does the head of the Texas Builders Association think Marsh will win?")
    assert r.wanted[:1] == ["Dana Whitlock"]


def test_how_does_a_given_name_want_is_her_words(race: Engine) -> None:
    r = query_reading._read(race, "How does Hillary want the water treaty enforced?")
    assert r.speech and r.wanted == ["Hillary Keller"]
    assert "hillary" not in r.topic.lower()  # her given name is the speaker, no topic
    a = ask(race, "How does Hillary want the water treaty enforced?")
    assert not a.abstained, a.reason
    assert "strict inspections" in race.passages[a.hits[0].pid].text
