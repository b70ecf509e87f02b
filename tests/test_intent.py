"""Answer types and article parts read from a question's wording."""

from __future__ import annotations

import pytest

from qa import intent


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many soldiers were wounded?", "number"),
        ("How much did the bridge cost?", "money"),
        ("When did the strike begin?", "time"),
        ("In what year was the dam finished?", "time"),
        ("Since when has the mayor opposed it?", "time"),
        ("Where did the summit take place?", "place"),
        ("How tall is the new tower?", "height"),
        ("How old is the senator?", "age"),
        ("Who opened the bridge?", None),
        ("What did the minister say about taxes?", None),
    ],
)
def test_answer_type(question: str, kind: str | None) -> None:
    assert intent.read(question).answer_type == kind


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Who took the photo?", ("credit", "caption")),
        ("What does the picture show?", ("caption",)),
        ("Who is credited for the image?", ("credit", "caption")),
        ("What is the subheadline of the story?", ("standfirst", "headline")),
        ("When was this article updated?", ("dateline",)),
        ("Who wrote this?", ("byline", "footer")),
        ("Which agency reported it?", ("footer", "byline")),
        ("What is the headline?", ("headline", "standfirst")),
        ("How many people marched?", ()),
    ],
)
def test_parts(question: str, parts: tuple[str, ...]) -> None:
    assert intent.read(question).parts == parts


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("number", "At least 40 people were hurt.", True),
        ("number", "Dozens of people were hurt.", True),
        ("number", "People were hurt.", False),
        ("time", "The strike began on Tuesday.", True),
        ("time", "The strike began in March 2019.", True),
        ("time", "The strike began.", False),
        # a clock time closing the sentence: "a.m." ends on a full stop, not a word boundary
        ("time", "The statement reached reporters at 1:48 a.m.", True),
        ("time", "The polls closed at 8 p.m., officials said.", True),
        ("place", "The summit was held in Geneva.", True),
        ("place", "in the end the summit was held.", False),
        ("height", "The tower is 330 metres tall.", True),
        ("height", "The tower is new.", False),
    ],
)
def test_evidence(kind: str, text: str, expected: bool) -> None:
    assert intent.has_evidence(kind, text) is expected
