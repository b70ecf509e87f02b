"""'And X?' whose X repeats words of the previous question ("And in the Fox poll?", "and Okafor
against Patel"): the rewrite puts X in place without saying those words twice, a rewrite that says
two words twice is garbled, and a declined "And X?" is answered from the passage shown where that
passage names X; "Why?" whose passage shown comes first again gives way to its neighbour close behind.

The poll article is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.session import beside_first
from qa.types import Hit

POLL = """Marlow mayoral race tightens

A Harbour Gazette poll released on Tuesday found that Hughes would beat Patel 48 to 41 percent among likely voters in the mayoral race, while Okafor would lead Patel by only two points, 44 to 42.

The poll surveyed 812 residents by telephone between Friday and Monday and has a margin of error of 3.5 points.

Patel's campaign said the poll undercounted younger voters, who it said favoured the former school principal.

Hughes spent the weekend knocking on doors in the harbour district, where turnout was lowest in the last election.

Okafor, a city councillor since 2014, has promised to rebuild the library that closed after the floods.
"""

FERRY = """Island ferry fares rise

The island's ferry operator raised adult fares to nine pounds on Monday, blaming the price of fuel.

Residents said the rise would keep day visitors away from the island's market in the summer.
"""


def _swap(text: str, old: str, new: str) -> str:
    i = text.index(old)
    return followup.replace_span(text, i, i + len(old), new)


def test_the_words_after_the_name_are_not_said_twice() -> None:
    q = "What did the Gazette poll find for Hughes against Patel?"
    assert (
        _swap(q, "Hughes", "Okafor against Patel")
        == "What did the Gazette poll find for Okafor against Patel?"
    )
    # a single name replaces the name alone
    assert _swap(q, "Hughes", "Okafor") == "What did the Gazette poll find for Okafor against Patel?"


def test_the_words_before_the_name_are_not_said_twice() -> None:
    q = "How big is Hughes's lead over Patel in the Gazette poll?"
    assert (
        _swap(q, "Gazette poll", "in the Herald poll")
        == "How big is Hughes's lead over Patel in the Herald poll?"
    )
    # the article alone, as before
    assert _swap("Who runs the Gazette?", "Gazette", "the Herald") == "Who runs the Herald?"


def test_two_words_said_twice_are_garbled() -> None:
    assert followup.garbled("What did the poll find for Okafor against Patel against Patel?")
    assert followup.garbled("How big is the lead in the in the Herald poll?")
    assert not followup.garbled("What did the poll find for Okafor against Patel?")
    assert not followup.garbled("Did she say that that was the end?")


@pytest.fixture(scope="module")
def marlow(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The poll and ferry articles indexed with the real model."""
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("marlow-docs")
    for name, text in [("poll", POLL), ("ferry", FERRY)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("marlow-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
def test_and_x_against_y_is_answered_from_the_poll(marlow: Engine) -> None:
    answer = talk(
        marlow,
        "What did the Harbour Gazette poll find for Hughes against Patel?",
        "and okafor against patel",
        need_hits=True,
    )
    assert "Okafor against Patel" in answer.searched
    assert "44 to 42" in answer.hits[0].text


def _hit(pid: int, score: float, doc_id: int = 0) -> Hit:
    return Hit(f"p{pid}", score, "a.txt", "", 0, 1, 1, "body", (0, 1), pid=pid, doc_id=doc_id)


def test_a_bare_follow_up_gives_the_passage_shown_again_to_its_neighbour() -> None:
    shown = 7
    hits = [_hit(7, 1.0), _hit(3, 0.9), _hit(8, 0.65), _hit(6, 0.62)]
    assert [h.pid for h in beside_first(hits, shown)] == [8, 7, 3, 6]
    # a neighbour far behind, one of another article, or the passage shown not first: unchanged
    assert [h.pid for h in beside_first([_hit(7, 1.0), _hit(8, 0.5)], shown)] == [7, 8]
    assert [h.pid for h in beside_first([_hit(7, 1.0), _hit(8, 0.9, doc_id=1)], shown)] == [7, 8]
    assert [h.pid for h in beside_first([_hit(3, 1.0), _hit(8, 0.9)], shown)] == [3, 8]
