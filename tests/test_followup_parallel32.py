""" "And X?" put in the slot of the same kind (bench/reports/and32.md): a prepositional phrase ("And in
Dunmore?") takes the place of the previous question's phrase of the same preposition, "and against
X?" the second side of a matchup ("a Hale-Brook race"), and a place the place the previous question
opens with ("Does Paris want ...?" + "and Madrid?"), not a modifier inside a description
(news_heldout13 n13e8, news_heldout14 n14d7, news_heldout17 n17b6, article_heldout18 h18u04).

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.session import Conversation

RACE = """Hale leads the county races in a new survey

Governor Ada Hale won 41 percent of the vote in the Ashford primary, a survey of county clerks found.

In Dunmore, Hale took 58 percent of the primary vote, her best result of the spring.

Among farm workers, a Hale-Brook race would split 52 percent to 40 percent for Hale.

Against Tom Quarry, the same workers would back Hale by 47 percent to 44 percent.

Officials in Paris want the Ruritanian minister Olek Varn out of office, diplomats said.

Madrid has backed Varn since 2019 and sent him advisers last month.
"""


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("county-docs")
    (docs / "race.txt").write_text(RACE, encoding="utf-8")
    target = tmp_path_factory.mktemp("county-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _readings(engine: Engine, first: str, then: str) -> list[str]:
    """How `then` is searched after `first`.

    Args:
        engine: the indexed article.
        first: the question asked first.
        then: the follow-up, resolved only.
    Returns:
        The follow-up's readings, best first.
    """
    conv = Conversation(engine)
    conv.ask(first, 5)
    return conv.resolve(then).readings


@pytest.mark.parametrize(
    ("prev", "target", "want"),
    [
        (
            "What share of the vote did Hale get in the Ashford primary?",
            "in Dunmore",
            "What share of the vote did Hale get in Dunmore?",
        ),
        (
            "How many refugees would the city take in fiscal 2016?",
            "in 2017",
            "How many refugees would the city take in 2017?",
        ),
        (
            "How does Hale do among farm workers in the new county poll?",
            "in Dunmore",
            "How does Hale do among farm workers in Dunmore?",
        ),
        # The last phrase of the preposition, "of" inside it kept whole.
        ("What is the turnout in the state of Ashford?", "in Dunmore", "What is the turnout in Dunmore?"),
        (
            "What did the survey find for Hale against Brook?",
            "against Quarry",
            "What did the survey find for Hale against Quarry?",
        ),
        (
            "How would farm workers split in a Hale-Brook race?",
            "against Quarry",
            "How would farm workers split in a Hale-Quarry race?",
        ),
        # A comma ends the phrase.
        (
            "How much did Hale raise in Dunmore, according to the clerks?",
            "in Ashford",
            "How much did Hale raise in Ashford, according to the clerks?",
        ),
    ],
)
def test_a_phrase_takes_the_place_of_its_parallel(prev: str, target: str, want: str) -> None:
    got = followup.put_parallel(prev, target)
    assert got == want
    assert not followup.garbled(got)


@pytest.mark.parametrize(
    ("prev", "target"),
    [
        ("What did the survey find for Hale?", "in Dunmore"),  # no phrase of that preposition
        ("What did the survey find for Hale?", "Dunmore"),  # no preposition: a name, read elsewhere
        ("What did Hale say about the levy?", "about the school"),  # a topic: swap_topic's
        ("How would farm workers split in the race?", "against Quarry"),  # no matchup
    ],
)
def test_no_parallel_phrase_leaves_it_to_the_other_readings(prev: str, target: str) -> None:
    assert followup.put_parallel(prev, target) is None


def test_and_in_x_is_asked_in_the_previous_frame_and_answered_where_the_article_names_x(
    county: Engine,
) -> None:
    conv = Conversation(county)
    conv.ask("What share of the vote did Hale get in the Ashford primary?", 5)
    answer = conv.ask("And in Dunmore?", 5)
    assert conv.turns[-1].searched == "What share of the vote did Hale get in Dunmore?"
    assert not answer.abstained
    assert "58 percent" in answer.hits[0].text


def test_against_x_replaces_the_matchup_side(county: Engine) -> None:
    readings = _readings(county, "How would farm workers split in a Hale-Brook race?", "and against Quarry?")
    assert readings[0] == "How would farm workers split in a Hale-Quarry race?"
    assert all(not followup.garbled(r) for r in readings)


def test_a_place_takes_the_place_of_the_place_it_follows(county: Engine) -> None:
    readings = _readings(county, "Does Paris want the Ruritanian minister out of office?", "and Madrid?")
    assert readings[0] == "Does Madrid want the Ruritanian minister out of office?"
