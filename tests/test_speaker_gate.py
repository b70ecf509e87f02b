"""The speaker gates of "What did X say about T?" (qa.abstain, qa.rank.speaker_topic_shares): X's
evidence is X's attributions, not the sentences that merely name X; a surname shared with a quoted
person does not make an unquoted one quoted. Articles written for these tests; hash embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, speaker_topic

BRIDGE = """Harbour bridge to open in May

Mayor Ruth Calder said the new harbour bridge would open in May, two years late.
"We have waited long enough for this crossing, and the ferries can finally rest," Calder said.
Engineers said the steel deck passed its last load test on Tuesday.
"""

SCHOOLS = """Board cuts school budget by $2 million

The county school board cut the school budget by $2 million on Monday night.
"We had no other choice, the state money never came," board chair Tom Reyes said.
Calder attended the school budget hearing but left before the vote.
Parents said the cuts would close two libraries.
"""

NEWSLETTER = """MORNING BRIEFING

STORM WARNING The coastal storm is expected to reach Port Ellis by Friday.
"Everyone on the waterfront should be ready to leave," Governor Ana Pryce said on Thursday.

FARM PRICES Wheat prices fell for a third week.
"Growers are selling at a loss across the whole valley this season and will keep doing so."

ELECTION NIGHT Turnout in the mayoral race was the highest in twenty years.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, qa_home: Path):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("speaker-gate-docs")
    for name, text in (("bridge.txt", BRIDGE), ("schools.txt", SCHOOLS), ("newsletter.txt", NEWSLETTER)):
        (docs / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("speaker-gate") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_naming_sentences_count(engine) -> None:  # type: ignore[no-untyped-def]
    """A sentence naming Calder as its subject holds the school budget's words, none of her
    attributions does: the naming sentences count (the analyser leaves much speech unattributed)."""
    shares = speaker_topic.speaker_topic_shares(engine, "What did Ruth Calder say about the school budget?")
    assert shares is not None
    assert shares["naming"] >= abstain.SPEAKER_TOPIC_SHARE > shares["quotes"]
    assert shares["naming_own"] == shares["naming"]  # she is her sentence's subject, not another's report
    assert any(k.startswith("naming") for k in abstain.SPEAKER_TOPIC_SOURCES)
    own = speaker_topic.speaker_topic_shares(engine, "What did Ruth Calder say about the harbour bridge?")
    assert own is not None and own["quotes"] >= abstain.SPEAKER_TOPIC_SHARE


def test_lead_counts(engine) -> None:  # type: ignore[no-untyped-def]
    """Reyes is quoted on the state money in a story headlined on the school budget: his quote
    answers on the article's subject (the lead, bench/fit_speaker_topic.KEEP)."""
    q = "What did Tom Reyes say about the school budget?"
    shares = speaker_topic.speaker_topic_shares(engine, q)
    assert shares is not None
    assert shares["leads"] >= abstain.SPEAKER_TOPIC_SHARE > shares["quotes"]
    assert speaker_topic.speaker_topic_evidence(engine, q) == max(
        shares[k] for k in abstain.SPEAKER_TOPIC_SOURCES
    )
    assert shares["leads_names"] == shares["leads"]  # the topic names no one the lead alone gives
    assert any(k.startswith("leads") for k in abstain.SPEAKER_TOPIC_SOURCES)


def test_answer_without_attribution_of_speaker(engine) -> None:  # type: ignore[no-untyped-def]
    """An answer whose passages hold no attribution of the asked speaker is not the speaker's."""
    q = "What did Ruth Calder say about the school budget?"
    schools = [p.pid for p in engine.passages if "Reyes" in p.text]
    bridge = [p.pid for p in engine.passages if "waited long enough" in p.text]
    assert schools and bridge
    assert speaker_topic.answer_attributed(engine, q, schools) is False
    assert speaker_topic.answer_attributed(engine, q, bridge) is True
    assert speaker_topic.answer_attributed(engine, "What did Ruth Calder say?", bridge) is None  # no topic


def test_unattributed_newsletter_item_is_no_evidence(engine) -> None:  # type: ignore[no-untyped-def]
    """The farm item's quotation names no source: where the analyser gives it the previous item's
    speaker, only the attributions made from a mention of their source count."""
    shares = speaker_topic.speaker_topic_shares(engine, "What did Ana Pryce say about wheat prices?")
    if shares is None:
        pytest.skip("the analyser did not attribute the farm item's quotation to the governor")
    assert shares["mentioned"] < abstain.SPEAKER_TOPIC_SHARE


def test_after_is_a_topic() -> None:
    assert (
        abstain.asked_topic("What did Nick Saban say after the championship game?") == "the championship game"
    )
    assert abstain.asked_topic("What did Marco Rubio say at the summit?") == "the summit"
    assert abstain.asked_topic("What did Marco Rubio say about the summit?") == "the summit"


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("Chelsea Walsh", "Chelsea Walsh is mentioned, but not quoted"),
        ("Anne Walsh", ""),
        ("Walsh", ""),
        ("Anne Marie Walsh", ""),
        ("Senator Walsh", ""),
        ("Tom Reyes", ""),
        ("Rita Reyes", "the documents quote no Rita Reyes"),
    ],
)
def test_surname_of_another_person(phrase: str, reason: str) -> None:
    """A surname matches only where no quoted person with another given name holds it."""
    ev = abstain.SpeakerEvidence(
        "walsh\nanne walsh\nsen. anne walsh\nboard chair tom reyes\na spokesman for walsh", "chelsea walsh"
    )
    assert abstain.unquoted_speaker(phrase, ev) == reason


def test_sources_are_the_fit_choice() -> None:
    """SPEAKER_TOPIC_SOURCES and SPEAKER_IN_ANSWER are what bench/fit_speaker_topic.py chose."""
    import re

    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_speaker_topic.md").read_text(
        "utf-8"
    )
    sources = re.search(r"^Chosen: abstain\.SPEAKER_TOPIC_SOURCES = (.+)$", report, re.M)
    in_answer = re.search(r"^Chosen: abstain\.SPEAKER_IN_ANSWER = (\w+)$", report, re.M)
    assert sources is not None and in_answer is not None
    assert sources.group(1) == repr(abstain.SPEAKER_TOPIC_SOURCES)
    assert in_answer.group(1) == repr(abstain.SPEAKER_IN_ANSWER)
