"""What X responded to or whom X told, read as the topic of X's words (qa.occasion_topic, round 24):
"How did X respond to T?" and "What did X tell the board?" give the speaker-topic share no topic, so X
quoted anywhere answered them. Sentences and articles written for these tests; hash embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, occasion_topic, speaker_topic


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "How did Ruth Calder respond to the ferry strike?",
            "How did Ruth Calder respond about the ferry strike?",
        ),
        ("How did Calder react to Reyes's budget?", "How did Calder react about Reyes's budget?"),
        ("What did Calder say to the protesters?", "What did Calder say about the protesters?"),
        ("What did Calder tell the school board?", "What did Calder tell about the school board?"),
        # A time or an occasion after the addressee is not its name.
        ("What did Calder tell the board on Monday?", "What did Calder tell about the board?"),
        ("What did Calder tell reporters when they asked?", "What did Calder tell about reporters?"),
        # A clause X told is content, not an addressee: too long, or ending in its preposition.
        ("What did Calder tell reporters the council is going to build?", ""),
        ("What did Calder tell Reyes she didn't believe in?", ""),
        ("What did Calder say the council should do?", ""),  # no addressee: what she said
        ("How did Calder respond about the strike?", ""),  # a topic already
        ("How did he respond to the strike?", ""),  # no named speaker
    ],
)
def test_as_topic_reads_the_addressee(question: str, read: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(occasion_topic, "ADDRESSEE_TOPIC", True)
    assert occasion_topic.as_topic(question) == read


def test_switch_off_reads_no_addressee() -> None:
    """Off as measured (bench/reports/abst24.md): main's readings."""
    assert occasion_topic.ADDRESSEE_TOPIC is False
    assert occasion_topic.as_topic("How did Ruth Calder respond to the ferry strike?") == ""
    # Round 23's occasion form does not depend on the switch.
    assert occasion_topic.as_topic("What did Ruth Calder say in her opening speech?") != ""


STRIKE = """Ferry strike ends after two days

Ferry crews returned to work on Thursday after a two-day strike over pay.
"The ferry strike hurt every business on the island, and I am glad it is over," Mayor Ruth Calder said.
The union said talks on pay would resume next month.
"""

LIBRARY = """Library reopens after repairs

The town library reopened on Monday after a year of roof repairs.
"Readers have waited long enough," librarian Tom Reyes said.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, qa_home: Path):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("addressee-docs")
    for name, text in (("strike.txt", STRIKE), ("library.txt", LIBRARY)):
        (docs / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("addressee") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_addressee_share(engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Calder is quoted on the ferry strike: a response to the strike holds; one to the library, which
    she never speaks of, falls below the speaker-topic share."""
    monkeypatch.setattr(occasion_topic, "ADDRESSEE_TOPIC", True)
    held = occasion_topic.as_topic("How did Ruth Calder respond to the ferry strike?")
    absent = occasion_topic.as_topic("How did Ruth Calder respond to the library repairs?")
    assert held and absent
    on_strike = speaker_topic.speaker_topic_evidence(engine, held)
    on_library = speaker_topic.speaker_topic_evidence(engine, absent)
    assert on_strike is not None and on_library is not None
    assert on_strike >= abstain.SPEAKER_TOPIC_SHARE > on_library


def test_topic_sources_by_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """A response or an address is read in the articles quoting X; an occasion as round 23 reads it."""
    assert (
        occasion_topic.topic_sources("How did Calder respond to the strike?") == abstain.SPEAKER_TOPIC_SOURCES
    )
    monkeypatch.setattr(occasion_topic, "ADDRESSEE_TOPIC", True)
    assert (
        occasion_topic.topic_sources("How did Calder respond to the strike?")
        == occasion_topic.ADDRESSEE_SOURCES
    )
    assert occasion_topic.topic_sources("What did Calder tell the board?") == occasion_topic.ADDRESSEE_SOURCES
    plain = abstain.SPEAKER_TOPIC_SOURCES
    assert occasion_topic.topic_sources("What did Calder say in her opening speech?") == plain
    assert occasion_topic.topic_sources("What did Calder say about the strike?") == plain
