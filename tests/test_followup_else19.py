"""Follow-ups of real conversations (fup19): "What else did he tell the assembly?", "Anything else?"
ask for more of the same speaker's words, not the passage shown again; a resolved pronoun's question
("What is she thinking of doing instead?") prefers the passages near the one just shown
(qa.nearness).

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup, nearness
from qa.engine import Engine
from qa.types import Answer, Passage

_PARAGRAPHS = [
    "Mayor Dana Whitlock wants the county to close the old quarry road by the end of the year.",
    '"The quarry road is a danger to every child who walks to school," Whitlock told the council on Tuesday.',
    "Whitlock is not running for reelection as mayor, but is weighing a run for the state senate in "
    "the autumn.",
    "Councillor Pieter Haskell, a retired engineer, chairs the roads committee.",
    '"Closing the quarry road would cut the farms off from the market town," Haskell said.',
    "The county budget office estimated that the closure would cost the farms 40,000 dollars a year.",
    "In the state senate, the farm lobby has long fought road closures, and its members say the mayor "
    "will need their votes.",
    '"We will not let the farms be cut off," Whitlock said later. "Every family keeps its road."',
    "Whitlock plans to tour the farms instead of a town hall.",
]
QUARRY = "Council split over the quarry road\n\n" + "\n\n".join(_PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def quarry(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("quarry19-docs")
    (docs / "quarry.txt").write_text(QUARRY, encoding="utf-8")
    target = tmp_path_factory.mktemp("quarry19-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("what else did he tell the assembly", "he"),
        ("What else did she have to say?", "she"),
        ("And what else did Whitlock tell reporters?", "Whitlock"),
        ("Did he say anything else?", "he"),
        ("Has Obama said anything else?", "Obama"),
        ("Anything else?", ""),
        ("What else did he say?", "he"),
    ],
)
def test_more_words_of_the_same_speaker(question: str, who: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word, kind.target) == ("next", "else", who)


@pytest.mark.parametrize(
    "question", ["What else did he say about the road?", "what else do they suspect", "What else happened?"]
)
def test_not_more_words(question: str) -> None:
    assert followup.read(question).word != "else"


def test_anything_else_gives_other_words_of_theirs(quarry: Engine) -> None:
    first = "What did Whitlock say about the danger to children?"
    for follow in ("Anything else?", "What else did she tell the council?", "Did she say anything else?"):
        a = talk(quarry, first, follow, need_hits=True)
        assert "Whitlock" in a.searched, a.searched
        assert a.hits[0].text.startswith('"We will not let the farms be cut off,"'), (follow, a.hits[0].text)


def _passage(pid: int, doc_id: int, score: float) -> Passage:
    return Passage(
        text="x",
        score=score,
        source="a.txt",
        title="",
        start=pid * 10,
        end=pid * 10 + 9,
        paragraph=pid + 1,
        kind="body",
        highlight=(0, 1),
        pid=pid,
        doc_id=doc_id,
    )


def test_nearness_gain_within_the_span() -> None:
    ps = [_passage(i, 0 if i < 6 else 1, 0.0) for i in range(8)]
    assert nearness.gain(3, 3, ps) == pytest.approx(nearness.WEIGHT * nearness.SHOWN)
    assert nearness.gain(4, 3, ps) == nearness.WEIGHT
    assert nearness.gain(1, 3, ps) == pytest.approx(nearness.WEIGHT * nearness.DECAY)
    assert nearness.gain(3 + nearness.SPAN + 1, 3, ps) == 0.0
    assert nearness.gain(6, 5, ps) == 0.0  # another document


def test_reweigh_orders_again_and_keeps_an_abstention() -> None:
    ps = [_passage(i, 0, 0.0) for i in range(12)]
    far, close = _passage(10, 0, 1.0), _passage(4, 0, 1.0 - nearness.WEIGHT / 2)
    got = nearness.reweigh(Answer("q", "q", False, [far, close]), 3, ps)
    assert [h.pid for h in got.hits] == [4, 10]
    declined = Answer("q", "q", True, [], [far])
    assert nearness.reweigh(declined, 3, ps) is declined


def test_what_she_plans_instead_is_looked_for_beside_the_answer(
    quarry: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, follow = "Is Whitlock running for reelection as mayor?", "What does she plan to do instead?"
    a = talk(quarry, first, follow, need_hits=True)
    assert a.searched == "What does Whitlock plan to do instead?", a.searched
    pids = [h.pid for h in a.hits]
    shown = 3  # the reelection paragraph, the first answer (the headline is passage 0)
    assert quarry.passages[shown].text.startswith("Whitlock is not running for reelection")
    # The words of the question single out the tour; the passage beside the answer comes next,
    # which without nearness its words alone leave below another of her passages.
    assert a.hits[0].text.startswith("Whitlock plans to tour the farms"), a.hits[0].text
    assert pids[1] == shown, pids
    monkeypatch.setattr(nearness, "WEIGHT", 0.0)
    a = talk(quarry, first, follow, need_hits=True)
    assert [h.pid for h in a.hits][1] != shown
