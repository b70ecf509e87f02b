"""Follow-ups that ask about the previous answer: "Why?" after a question that asked for a person or
thing is asked about that thing ("Why was the candidate under pressure?") and never declined for
naming no candidate; "When did she say that?" is answered by the passage that dates the words shown;
"What did she say before that?" by her earlier words; "What still has to happen before that?" not
by the passage "that" is, which the reader has read.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine

_PARAGRAPHS = [
    "In her speech to the town meeting, Councillor Mara Quill said the old bridge was the only road to "
    "the hospital and could not be left to crumble.",
    '"Every family in the valley crosses that bridge to reach a doctor," Quill said.',
    "The pressure was greatest on Councillor Ben Osgood, who faces a difficult vote in his own ward after "
    "promising to cut spending on roads.",
    "The bridge plan would put a new toll on the ballot in November.",
    "The plan still must clear a review by the county planning board and has yet to be approved by the "
    "state transport office.",
    '"We cannot ask drivers to pay twice for the same road," Osgood said later.',
]
# A web page: the photo caption dates the speech, the body does not.
BRIDGE = (
    "<!DOCTYPE html><html><head><title>Town votes to rebuild the old bridge</title></head><body><article>"
    "<h1>Town votes to rebuild the old bridge</h1>"
    '<figure><img src="a.jpg"><figcaption>Councillor Mara Quill addresses residents at the town hall in '
    "Elmford, March 3, 2024.</figcaption></figure>"
    + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    + "</article></body></html>"
)


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The article indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("bridge-docs")
    (docs / "bridge.html").write_text(BRIDGE, encoding="utf-8")
    target = tmp_path_factory.mktemp("bridge-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("prev", "word", "expected"),
    [
        (
            "Which councillor was under the greatest pressure?",
            "why",
            "Why was the councillor under the greatest pressure?",
        ),
        ("Which bill did the Senate pass?", "why", "Why did the Senate pass the bill?"),
        ("Who has Russia been backing in Syria?", "why", "Why has Russia been backing in Syria?"),
        ("Which weapons did Moscow deliver?", "when", "When did Moscow deliver the weapons?"),
        # No thing whose part can be asked about: both asked at once, as before.
        ("Who is Felicia Sanders?", "why", "Who is Felicia Sanders, and why?"),
        ("Who has been backing Assad?", "why", "Who has been backing Assad, and why?"),
        ("What is Putin doing?", "why", "What is Putin doing, and why?"),
        ("What time did the train arrive?", "why", "What time did the train arrive, and why?"),
    ],
)
def test_why_after_a_question_for_a_person_or_thing(prev: str, word: str, expected: str) -> None:
    assert followup.reask(prev, word) == expected
    assert not followup.garbled(expected)


@pytest.mark.parametrize(
    ("question", "who"),
    [("What did she say before that?", "she"), ("What had Osgood said earlier?", "Osgood")],
)
def test_before_that_is_a_next_backwards(question: str, who: str) -> None:
    kind = followup.read(question)
    assert (kind.name, kind.word, kind.target) == ("next", "before", who)


def test_around_that() -> None:
    assert followup.around("What still has to happen before that?")
    assert followup.around("what happened after that")
    assert not followup.around("Where did he say that?")


def test_why_after_which_is_not_declined(bridge: Engine) -> None:
    a = talk(bridge, "Which councillor was under the greatest pressure?", "Why?")
    assert a.searched.lower() == "why was the councillor under the greatest pressure?"
    assert not a.abstained and "faces a difficult vote in his own ward" in a.hits[0].text, a


def test_when_did_she_say_that_is_the_dated_passage(bridge: Engine) -> None:
    a = talk(bridge, "Who said the old bridge was the only road to the hospital?", "When did she say that?")
    assert "Quill" in a.searched, a.searched
    assert "March 3, 2024" in a.hits[0].text, a.hits[0].text


def test_what_did_she_say_before_that(bridge: Engine) -> None:
    a = talk(bridge, "What did Quill say about doctors?", "What did she say before that?")
    assert a.searched == "What did Mara Quill say before that?", a.searched
    assert a.hits[0].text.startswith("In her speech to the town meeting"), a.hits[0].text


def test_before_that_is_not_the_passage_read(bridge: Engine) -> None:
    a = talk(bridge, "What would the bridge plan put on the ballot?", "What still has to happen before that?")
    assert a.hits[0].text.startswith("The plan still must clear a review"), a.hits[0].text


def test_why_after_who_said_asks_why_the_speaker_said_it(bridge: Engine) -> None:
    a = talk(bridge, "Who said drivers cannot be asked to pay twice for the same road?", "Why?")
    assert a.searched == "Why did Ben Osgood say “drivers cannot be asked to pay twice for the same road”?", (
        a.searched
    )
    assert "Osgood" in a.hits[0].text, a.hits[0].text


def test_when_after_who_said_is_the_dated_passage(bridge: Engine) -> None:
    a = talk(bridge, "Who said the old bridge was the only road to the hospital?", "When?")
    assert a.searched == "When did Mara Quill say that?", a.searched
    assert "March 3, 2024" in a.hits[0].text, a.hits[0].text
