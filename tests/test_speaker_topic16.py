"""A speaker asked by description: the description chooses the person, the rest of the question
chooses the passage (qa.described_topic, round 18).

Article written for these tests: a party chairwoman introduced with an apposition in one paragraph
(the descriptor's words beside an unrelated statement of hers) and quoted as "she said" on the
asked topic in the next.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import describe, described_topic

PARTY = """Delegates weigh their options before the state convention

Mara Quill, the chairwoman of the Lakeshore Green Party, backs the governor as a delegate and in a
statement credited him for "an inspiring campaign that brought thousands of volunteers to the polls."

"The voters want a say in the race heading into June," she said, adding that "the Green Party
will come together after the vote and stand behind whoever wins the nomination."

Tomas Brill, the treasurer of the Harbor County Green Party, said the party would close the year
with a surplus of donations from small givers across the region.
"""


def test_a_description_is_consumed() -> None:
    got = described_topic.consumed("What did the Lakeshore Green Party chairwoman say about unity?")
    assert got == "What did say about unity?"
    got = described_topic.consumed("According to the governor's chief strategist, what is the plan?")
    assert got == "According to , what is the plan?"


def test_a_name_is_kept() -> None:
    assert described_topic.consumed("What did Mara Quill say about unity?") is None
    assert described_topic.consumed("What is the capital of France?") is None
    assert described_topic.consumed("How did Ohio's delegation vote in the roll call?") is None


def test_switched_off_or_unsure_nothing_is_consumed(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "What did the party chairwoman say about unity?"
    assert described_topic.consumed(question, described_topic.CONSUME_STRENGTH - 0.01) is None
    monkeypatch.setattr(described_topic, "CONSUME", False)
    assert described_topic.consumed(question) is None


def test_an_apposition_owned_by_a_name_describes_the_name_before_it() -> None:
    text = "Tad Roe, Sanders's chief strategist, said the race would go on."
    assert "Sanders's chief strategist" in describe.contexts(text, ["Tad Roe"])
    assert not any("aides" in c for c in describe.contexts("In Ohio, Roe's aides said so.", ["Ohio"]))


def test_a_title_inside_an_apposition_does_not_end_it() -> None:
    text = "Still, Tad Roe, a senior adviser to Mr. Sanders, said on Tuesday that it would go on."
    assert "a senior adviser to Mr. Sanders" in describe.contexts(text, ["Tad Roe"])


def test_an_agent_noun_is_part_of_the_subject() -> None:
    s = describe.subject_of("What did the senior adviser to Mr. Sanders say about the race?")
    assert s is not None and s.text == "senior adviser to Mr. Sanders"
    s = describe.subject_of("What did the commentator say about the race?")
    assert s is not None and s.text == "commentator"
    s = describe.subject_of("What did Putin offer Assad?")
    assert s is not None and s.text == "Putin"


@pytest.fixture(scope="module")
def party(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("topic16")
    (docs / "party.txt").write_text(PARTY, encoding="utf-8")
    target = docs.parent / "topic16-idx"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _scores(engine, question: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The first words of each passage shown, with its score, best first."""
    from qa.session import Conversation

    a = Conversation(engine).ask(question, 3)
    return {engine.passages[h.pid].text[:20]: h.score for h in (a.nearest if a.abstained else a.hits)}


QUESTION = "What did the Lakeshore Green Party chairwoman say about the party coming together?"
GOLD, INTRO = '"The voters want a s', "Mara Quill, the chai"


def test_the_described_speakers_passage_on_the_topic_comes_first(party) -> None:  # type: ignore[no-untyped-def]
    assert next(iter(_scores(party, QUESTION))) == GOLD


def test_the_descriptor_no_longer_lifts_the_passage_introducing_her(
    party, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    consumed = _scores(party, QUESTION)
    monkeypatch.setattr(described_topic, "CONSUME", False)
    read = _scores(party, QUESTION)
    assert consumed[GOLD] - consumed[INTRO] > read[GOLD] - read[INTRO] + 0.2
