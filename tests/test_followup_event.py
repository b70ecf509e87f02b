"""Follow-ups about the previous answer's event and speaker (fup15): "Which day?" and "What was the
occasion?" read as "When?"/"Where?" and answered around the passage shown rather than declined; "And
about X?" keeps the speaker; "And the treasurer?" is the treasurer the conversation's article quotes; "And <description>?" replaces the speaker of "What did S say about
T's plan?", not the T its speakers index knows; "it" after "Which country ...?" is the country the
answer names; "What did he say <new topic>?" is answered where the article holds its words.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine

BRIDGE = """Mayors clash over river bridge tolls

Mayor Dana Holt of Easton, speaking at the regional transport forum, said the bridge tolls would fund new bus lanes. "Drivers will pay a fair share," Holt said.

The bridge has carried traffic between the two towns since 1962.

Mayor Victor Lund of Westport rejected Holt's plan. "The tolls punish commuters who have no train," Lund said.

Lund said the ferry should run every hour instead. "A ferry costs less than a toll booth," he said.

The two mayors are set to meet again on Thursday at the county hall.

The county's treasurer, Mark Ellis, said the tolls would raise four million pounds a year. "The money is there," Ellis said.

Holt said farmers must tell the county that the old road is flooding every spring.

Holt also said the ferry service would be cut because of rising fuel costs.
"""

TRADE = """Grain exports rise

Norway has sharply increased its grain exports to Iceland this year, shipping wheat, barley and oats from its western ports.

Iceland's trade minister, Sigrun Olafsdottir, said the shipments had lowered bread prices.

The port's treasurer, Jon Berg, said the ships would sail weekly.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The two articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("towns-docs")
    for name, text in [("bridge", BRIDGE), ("trade", TRADE)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("towns-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_a_circumstance_noun_is_a_bare_question() -> None:
    day = followup.read("Which day?")
    assert (day.name, day.word, day.target) == ("bare", "when", "day")
    assert followup.read("what was the occasion").word == "where"
    assert followup.read("And which city was that?").word == "where"
    assert followup.read("What year did it happen?").name == "bare"
    # A noun with more to it asks a question of its own.
    assert followup.read("Which day did the mayors meet?").name != "bare"
    assert followup.read("What time does the ferry leave?").name != "bare"


def test_and_about_x_is_a_topic() -> None:
    kind = followup.read("And about Bannon?")
    assert (kind.name, kind.word, kind.target) == ("about", "topic", "Bannon")
    plain = followup.read("And Bannon?")
    assert (plain.name, plain.word, plain.target) == ("about", "", "Bannon")


def test_and_about_keeps_the_speaker(towns: Engine) -> None:
    a = talk(towns, "What did Lund say about the tolls?", "And about the ferry?")
    assert a.searched == "What did Lund say about the ferry?"
    assert a.hits and "ferry" in a.hits[0].text, a.hits[0].text


def test_a_described_speaker_replaces_the_subject_not_the_topic(towns: Engine) -> None:
    a = talk(towns, "What did the Westport mayor say about Holt's plan?", "And the Easton mayor?")
    assert a.searched.startswith("What did the Easton mayor say"), a.searched
    assert "Holt's plan" in a.searched or a.searched == "What did the Easton mayor say?", a.searched


def test_which_day_is_answered_around_the_passage_shown(towns: Engine) -> None:
    a = talk(towns, "What did Lund say about the ferry?", "Which day?")
    assert not a.abstained
    assert any("Thursday" in h.text for h in a.hits), [h.text for h in a.hits]


def test_it_after_which_country_is_the_country_named(towns: Engine) -> None:
    a = talk(towns, "Which country has increased its grain exports to Iceland?", "What exactly did it ship?")
    assert a.searched == "What exactly did Norway ship?", a.searched
    assert "wheat, barley and oats" in a.hits[0].text, a.hits[0].text


def test_he_says_on_a_new_topic(towns: Engine) -> None:
    a = talk(towns, "Who is Dana Holt?", "What did she say farmers must tell the county?")
    assert "Holt" in a.searched
    assert "old road is flooding" in a.hits[0].text, a.hits[0].text


def test_and_the_role_is_the_speaker_this_article_quotes_so(towns: Engine) -> None:
    # The role of a speaker quoted in the conversation's article, by the name the article gives.
    a = talk(towns, "What did Holt say about the tolls?", "And the treasurer?")
    assert a.searched.startswith("What did Mark Ellis say"), a.searched
    assert "Ellis" in a.hits[0].text, a.hits[0].text
