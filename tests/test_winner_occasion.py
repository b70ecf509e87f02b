"""Two near misses of news questions (round 23): "Who won E?" where no best sentence tells a win of
E (qa.winner), and "What did X say in his acceptance speech?" where X's texts never name the
occasion (qa.occasion_topic). Sentences and articles written for these tests; hash embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.lexical import terms
from qa import abstain, occasion_topic, slots, speaker_topic, winner


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("Who won the Fennick regatta?", "the Fennick regatta"),
        ("Who won the county bake-off this year?", "the county bake-off"),  # the time is no event
        ("who won the 2019 harbour race", "the 2019 harbour race"),
        ("What was the result of the regatta?", ""),  # the outcome slot's other forms are not read
        ("Which crew won the regatta?", ""),
    ],
)
def test_asked_event(question: str, event: str) -> None:
    assert winner.asked_event(question) == event


def test_event_terms_are_the_event_noun_or_its_name() -> None:
    assert winner.event_terms("the debate between Calder and Reyes", terms) == set(terms("debate"))
    # An event named by names alone is named by its words, numbers aside.
    assert winner.event_terms("Kestrel Cup 12", terms) == set(terms("Kestrel Cup"))


REGATTA = [
    "Crews from six towns raced in the Fennick regatta on Saturday.",
    "Calder won the council seat by 40 votes in May.",  # a win, of another contest
]


@pytest.mark.parametrize(
    ("sentences", "missing"),
    [
        (REGATTA, True),  # the regatta is named, a win is told, but not in one sentence
        ([*REGATTA, "The Hollin crew beat Fennick by two lengths to take the regatta."], False),
        ([*REGATTA, "Hollin were the regatta winners for a third year."], False),
        (["The regatta was cancelled because of the storm."], True),
    ],
)
def test_winner_missing(sentences: list[str], missing: bool) -> None:
    why = winner.winner_missing("Who won the Fennick regatta?", sentences, terms)
    assert bool(why) is missing
    if missing:
        assert why == "no passage tells who won the Fennick regatta"


def test_slot_reason_declines_a_winner_never_told() -> None:
    assert slots.slot_reason("Who won the Fennick regatta?", REGATTA, terms) != ""
    assert slots.slot_reason("Who won the Fennick regatta?", ["Hollin won the regatta."], terms) == ""


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "What did Ruth Calder say in her opening speech?",
            "What did Ruth Calder say about her opening speech?",
        ),
        (
            "What did Calder tell the crowd at her harbour rally?",
            "What did Calder tell about her harbour rally?",
        ),
        ("What did Calder say about the bridge?", ""),  # a topic already: the speaker-topic test's
        ("What did Calder say at the hearing?", ""),  # "at the hearing" is read as the topic already
        ("What did he say in his statement?", ""),  # no named speaker
        ("When did Calder open the bridge?", ""),
    ],
)
def test_as_topic(question: str, read: str) -> None:
    assert occasion_topic.as_topic(question) == read


BRIDGE = """Harbour bridge to open in May

Mayor Ruth Calder spoke at the harbour rally on Friday as the new bridge neared completion.
"We have waited long enough for this crossing, and the ferries can finally rest," Calder said at the rally.
Engineers said the steel deck passed its last load test on Tuesday.
"""

SCHOOLS = """Board cuts school budget by $2 million

The county school board cut the school budget by $2 million on Monday night.
"We had no other choice, the state money never came," board chair Tom Reyes said.
Parents said the cuts would close two libraries.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, qa_home: Path):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("occasion-docs")
    for name, text in (("bridge.txt", BRIDGE), ("schools.txt", SCHOOLS)):
        (docs / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("occasion") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_occasion_share(engine) -> None:  # type: ignore[no-untyped-def]
    """Calder is quoted at the harbour rally: the rally holds; a budget hearing she is never quoted
    at falls below the speaker-topic share, as "What did Calder say about the budget hearing?" does."""
    held = occasion_topic.as_topic("What did Ruth Calder tell the crowd at her harbour rally?")
    absent = occasion_topic.as_topic("What did Ruth Calder say in her budget hearing testimony?")
    assert held and absent
    at_rally = speaker_topic.speaker_topic_evidence(engine, held)
    at_hearing = speaker_topic.speaker_topic_evidence(engine, absent)
    assert at_rally is not None and at_hearing is not None
    assert at_rally >= abstain.SPEAKER_TOPIC_SHARE > at_hearing
