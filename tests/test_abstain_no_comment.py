"""A sentence saying the speaker said nothing ("had not commented on the ruling") is no evidence that
the speaker spoke on its topic (qa.abstain.says_nothing, NO_COMMENT); the speaker-topic evidence read
in the answer's documents only (qa.rank.speaker_topic_shares with docs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain

HOSPITAL = """Senator backs plan to reopen rural hospital

DALTON, April 2 - Senator Joan Mercer said on Tuesday that she would back a plan to reopen the Dalton
County hospital, which closed last year after losing its state funding.

"Families here drive ninety minutes to see a doctor, and that is not acceptable," Mercer told a town
hall meeting. "We will find the money."
"""

RULING = """Court strikes down state voter ID law

CAPITAL CITY, April 4 - The state Supreme Court on Thursday struck down a law requiring voters to show
photo identification, ruling that it placed an unfair burden on elderly and rural voters.

Governor Tom Reyes said he was disappointed and would ask lawmakers to draft a new bill. "We will keep
working to protect the integrity of our elections," Reyes said in a statement.

Senator Joan Mercer, who voted against the law in 2023, had not commented on the ruling by Thursday
evening. Civil rights groups celebrated outside the court.
"""


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (", who voted against the law in 2023, had not commented on the ruling.", True),
        (" declined to comment.", True),
        ("'s campaign did not respond to a request for comment.", True),
        (" could not be reached for comment.", True),
        (" did not return calls seeking comment.", True),
        (" has yet to respond to the ruling.", True),
        (" said the ruling was wrong.", False),
        (" said there was no reply from the ministry.", False),  # the speaker's words, on another's silence
        (" did not say whether she would run.", False),
    ],
)
def test_says_nothing(rest: str, expected: bool) -> None:
    assert abstain.says_nothing(rest) is expected


def test_naming_sentences_skip_a_no_comment_with_the_switch_on(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Senator Joan Mercer, who voted against the law, had not commented on the ruling. Others cheered."
    monkeypatch.setattr(abstain, "NO_COMMENT", False)
    assert abstain.naming_sentences(text, ["Joan Mercer"])
    monkeypatch.setattr(abstain, "NO_COMMENT", True)
    assert abstain.naming_sentences(text, ["Joan Mercer"]) == []


@pytest.fixture(scope="module")
def two_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("two")
    (docs / "hospital.txt").write_text(HOSPITAL, encoding="utf-8")
    (docs / "ruling.txt").write_text(RULING, encoding="utf-8")
    target = docs / "idx"
    build(
        [docs / "hospital.txt", docs / "ruling.txt"], target, model=MODEL, cache_dir=config.model_cache_dir()
    )
    return Engine.open(target)


def test_speaker_topic_shares_read_only_the_given_documents(
    two_engine, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from qa import speaker_topic

    monkeypatch.setattr(abstain, "NO_COMMENT", False)  # the no-comment sentence is the evidence here

    q = "What did Joan Mercer say about the ruling?"
    hospital = next(i for i, d in two_engine.docs.items() if d.text.startswith("Senator backs"))
    everywhere = speaker_topic.speaker_topic_shares(two_engine, q)
    there = speaker_topic.speaker_topic_shares(two_engine, q, {hospital})
    assert everywhere is not None and there is not None
    assert max(everywhere.values()) > 0.0  # the ruling's article names her beside "the ruling"
    assert max(there.values()) == 0.0  # her own article never speaks of it


def test_a_no_comment_is_declined_with_the_switch_on(two_engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    monkeypatch.setattr(abstain, "NO_COMMENT", True)
    monkeypatch.setattr(abstain, "SPEAKER_TOPIC_ANSWER_DOCS", False)
    a = Conversation(two_engine).ask("What did Joan Mercer say about the ruling?")
    assert a.abstained and "not on" in a.reason, a.reason
    b = Conversation(two_engine).ask("What did Joan Mercer say about the hospital?")
    assert not b.abstained, b.reason


def test_the_switches_are_the_fit_report_choices() -> None:
    """NO_COMMENT and SPEAKER_TOPIC_ANSWER_DOCS are what bench/fit_speaker_topic.py chose."""
    import re

    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_speaker_docs.md").read_text(
        "utf-8"
    )
    for name in ("NO_COMMENT", "SPEAKER_TOPIC_ANSWER_DOCS"):
        chosen = re.search(rf"^Chosen: abstain\.{name} = (\w+)$", report, re.M)
        assert chosen is not None and chosen.group(1) == repr(getattr(abstain, name)), name
