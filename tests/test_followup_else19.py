"""Follow-ups of real conversations (fup19): "What else did he tell the assembly?", "Anything else?"
ask for more of the same speaker's words, not the passage shown again; after "Which journalist
interviewed Sanders?", "what was she trying to talk to him about" puts Sanders for "him", not the
journalist again.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine

_PARAGRAPHS = [
    "Mayor Dana Whitlock wants the county to close the old quarry road by the end of the year.",
    '"The quarry road is a danger to every child who walks to school," Whitlock told the council on Tuesday.',
    "Whitlock is not running for reelection as mayor, but is weighing a run for the state senate in "
    "the autumn.",
    "Councillor Pieter Haskell, a retired engineer, chairs the roads committee.",
    "On Tuesday, radio reporter Tina Bellamy interviewed Councillor Haskell about the closure.",
    "As Bellamy tried to ask about the cost to the bus company, which her listeners fear, Haskell "
    "talked over her.",
    '"Closing the quarry road would cut the farms off from the market town," Haskell said.',
    "The county budget office estimated that the closure would cost the farms 40,000 dollars a year.",
    "In the state senate, the farm lobby has long fought road closures, and its members say the mayor "
    "will need their votes.",
    '"We will not let the farms be cut off," Whitlock said later. "Every family keeps its road."',
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


def test_the_object_pronoun_is_not_the_answers_own_description(quarry: Engine) -> None:
    # news_heldout8 n8e4's shape: "she" is the answer; "him" the person the question named.
    a = talk(
        quarry, "Which journalist interviewed Haskell on Tuesday?", "what was she trying to ask him about"
    )
    assert a.searched.startswith("What was Tina Bellamy trying to ask"), a.searched
    assert "Haskell" in a.searched and "journalist" not in a.searched.lower(), a.searched
    assert "the cost to the bus company" in a.hits[0].text, a.hits[0].text
