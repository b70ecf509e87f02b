"""A speaker typed in lower case whom the documents never name is declined, as a capitalised one is
(qa.asked_name): "what did pope francis say about refugees" was answered with a spokesman's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import asked_name
from qa.asked_name import absent_name, lower_case_name_words

ARTICLE = """Council votes to rebuild the Alder Street bridge

The city council voted on Tuesday to rebuild the Alder Street bridge, which has been closed since a
flood damaged its piers in March.

"The bridge is the spine of the east side, and we cannot leave it closed another winter," said Mayor
Helen Ortiz after the vote.

Council member Ben Hollis voted against the plan. "The repairs will cost far more than the council
admits," Hollis told reporters.

The chief engineer, Dana Whitfield, said the work would start in June and take a year.
"""


@pytest.mark.parametrize(
    ("speaker", "words"),
    [
        ("pope francis", ["francis"]),
        ("vladmir putin", ["vladmir", "putin"]),
        ("new york's senator", ["york"]),
        ("former secretary of state", ["state"]),
        ("the new york senator", []),  # a description: a name takes no article
        ("the teenager", []),
        ("putin's spokesman", ["putin"]),
        ("the senator", []),
        ("us officials", ["us"]),
        ("Pope Francis", []),  # capitalised: qa.rank.names_in reads it
    ],
)
def test_name_words_leave_out_roles_titles_and_scaffolding(speaker: str, words: list[str]) -> None:
    assert lower_case_name_words(speaker) == words


def test_one_rare_name_word_the_documents_lack_is_the_absent_name(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {"john", "helen", "putin"}.__contains__
    # "john" is known; "podesta" is not: nobody the documents name was asked for.
    assert absent_name(["john", "podesta"], known, 5.5) == "podesta"
    assert absent_name(["vladimir", "putin"], lambda w: w != "vladimir", 5.5) == "vladimir"
    assert absent_name(["helen"], known, 5.5) == ""
    assert absent_name([], known, 5.5) == ""
    # An everyday word ("will") never decides alone.
    assert absent_name(["will"], known, 5.5) == ""
    monkeypatch.setattr(asked_name, "ANY_WORD", False)
    assert absent_name(["john", "podesta"], known, 5.5) == ""
    assert absent_name(["pope", "podesta"], known, 5.5) == "pope podesta"


@pytest.fixture(scope="module")
def bridge_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("bridge19")
    (docs / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "bridge.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    [
        "what did pope francis say about the bridge",
        "what did john grady say about the repairs",
        "What did Pope Francis say about the bridge?",
    ],
)
def test_a_lower_case_speaker_the_documents_never_name_is_declined(bridge_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(bridge_engine).ask(question)
    assert a.abstained, question
    assert "do not mention" in (a.reason or "")


@pytest.mark.parametrize(
    "question",
    [
        "what did helen ortiz say about the bridge",
        "what did hollis say about the repairs",
        "what did the mayor say about the bridge",
        "what did the chief engineer say about the work",
    ],
)
def test_a_lower_case_speaker_the_documents_name_is_answered(bridge_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(bridge_engine).ask(question)
    assert not a.abstained, (question, a.reason)
