"""Follow-ups over articles written for these tests, on what PolNeAR train conversations
(bench/followups.py) still found failing: "And X?" where X is named in the article but never
credited with words, "And X?" where X's belief is reported beside X's words, and "What did he say
next?" where the next "he said" went to another man.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.session import Conversation, _said

BRIDGE = """Bridge vote delayed again

Analyst Jo Park said the rally on Saturday was calm and that the crowd had thinned by noon.

Park doubts that Mayor Vince Hale believes his own promises on the bridge.

The bridge was designed by the engineer Hal Brody in 2019, and the design won a prize.

Hale told the crowd that the bridge would be finished in May and that tolls would stay low.

"We will not raise the tolls," Hale said.
"""

CAMPAIGN = """Campaign suspends two staffers

Campaign manager Jeff Weaver said the campaign had suspended two staffers over the data breach.

Senator Bernie Sanders said his staff had done the wrong thing and that the party's response was an overreaction.

"This is not the type of campaign that we run," he said.

The party restored the campaign's access to its voter files on Saturday.
"""

OTHER = """Tolls rise on the ferry

The ferry company said tolls would rise in May. Hale said nothing about the ferry tolls.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("bridge-docs")
    for name, text in [("bridge", BRIDGE), ("campaign", CAMPAIGN), ("ferry", OTHER)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("bridge-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_and_a_name_never_credited_is_read_both_ways(towns: Engine) -> None:
    # Brody is named in the article but says nothing: a topic, or the person asked about instead.
    conv = Conversation(towns)
    conv.ask("What did Park say about the rally?", 5)
    plan = conv.resolve("And Brody?")
    assert plan.readings[0] == "What did Park say about Brody?"
    assert "What did Brody say?" in plan.readings
    a = conv.ask("And Brody?", 5)
    assert a.hits and Path(a.hits[0].source).name == "bridge.txt"
    assert "Brody" in a.hits[0].text, a.hits[0].text


def test_and_a_name_not_in_the_article_stays_a_topic(towns: Engine) -> None:
    conv = Conversation(towns)
    conv.ask("What did Park say about the rally?", 5)
    assert conv.resolve("And Rotterdam?").readings == ["What did Park say about Rotterdam?"]


def test_and_another_speaker_prefers_their_words_to_a_belief_reported(towns: Engine) -> None:
    a = talk(towns, "What did Park say about the rally?", "And Hale?")
    assert a.searched.startswith("What did Hale say")
    assert Path(a.hits[0].source).name == "bridge.txt"
    assert "believes" not in a.hits[0].text, a.hits[0].text


def test_next_stays_in_the_article_when_his_next_words_went_to_another(towns: Engine) -> None:
    a = talk(towns, "What did Weaver say about the breach?", "What did he say next?")
    assert a.hits and Path(a.hits[0].source).name == "campaign.txt", a.hits[0].text
    assert a.hits[0].start > CAMPAIGN.index("Campaign manager Jeff Weaver") - 1


@pytest.mark.parametrize(
    ("verb", "said"),
    [("said", True), ("saying", True), ("arguing", True), ("according to", True), ("believes", True)],
)
def test_said_reads_ing_forms(verb: str, said: bool) -> None:
    assert _said(verb) is said


def test_said_is_not_every_verb() -> None:
    assert not _said("hopes")
    assert not _said("ring")


@pytest.mark.parametrize(
    "first",
    ["What did Park say about the rally?", "What did Hale say about the tolls?", "What did Weaver say?"],
)
@pytest.mark.parametrize(
    "follow",
    [
        "And Brody?",
        "And Hale?",
        "And the bridge?",
        "And Rotterdam?",
        "What did he say next?",
        "What did she say next?",
        "Who said that?",
        "Why?",
        "When was that?",
        "And what did he say about the design?",
    ],
)
def test_every_reading_reads_as_a_question(towns: Engine, first: str, follow: str) -> None:
    # Every reading searched, not only the one shown: fused readings are searched too.
    conv = Conversation(towns)
    conv.ask(first, 5)
    for reading in conv.resolve(follow).readings:
        assert not followup.garbled(reading), reading
        assert "  " not in reading and reading.endswith("?"), reading
