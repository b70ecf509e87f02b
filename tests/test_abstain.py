"""Near misses (qa.abstain): the asked speaker is mentioned but not quoted, the asked count is not given."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain

ARTICLE = """Harbour town loses its ferry

The council of Port Elms voted on Tuesday to end the ferry service to the island, a decision that
will cost the town 40 jobs at the pier.

"This is a sad day for the island, and we will fight it," said Ruth Okafor, chair of the Islanders
Trust. She said the trust would take the matter to court.

Councillor Dev Patel, who proposed the motion, had asked for a review of the timetable last year.
The harbour master, Tom Reyes, watched the vote from the gallery.

The ferry carried 120,000 passengers last year, the council said.
"""


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("What did Marco Rubio say at the summit?", "Marco Rubio"),
        ("What did Stanford's head librarian say about Google?", "Stanford's head librarian"),
        ("How did the mayor of Flint respond to the claim?", "the mayor of Flint"),
        ("What did the Taliban want to do?", None),  # not a verb of speech: often reported thought
        ("What is the largest port called?", None),
        ("What did he say next?", None),
        ("How many jobs will go?", None),
    ],
)
def test_asked_speaker(question: str, phrase: str | None) -> None:
    assert abstain.asked_speaker(question) == phrase


@pytest.mark.parametrize(
    ("phrase", "runs"),
    [
        ("the Office for Students", ["Office for Students"]),
        ("Stanford's head librarian", ["Stanford"]),
        ("Lord Falconer", ["Falconer"]),
        ("the tattoo artist", []),
        ("the president of NARAL Pro-Choice America", ["NARAL Pro-Choice America"]),
    ],
)
def test_name_runs(phrase: str, runs: list[str]) -> None:
    assert abstain.name_runs(phrase) == runs


def test_mention_context_takes_the_appositive_not_a_relative_clause_or_the_quote() -> None:
    text = '"We will fight it," said Ruth Okafor, chair of the Islanders Trust, on Monday.'
    start = text.index("Ruth")
    got = abstain.mention_context(text, start, start + len("Ruth Okafor"), (1, text.index(",")))
    assert "Islanders Trust" in got and "fight" not in got
    text2 = "Levine, who has given money to Marco Rubio, said it was over."
    assert "Rubio" not in abstain.mention_context(text2, 0, 6, (text2.index("it"), len(text2) - 1))


def _evidence() -> abstain.SpeakerEvidence:
    return abstain.speaker_evidence(
        [("Ruth Okafor", ("Okafor", "chair")), ("Dev Patel", ("Patel", "Councillor Dev Patel"))],
        {"Ruth Okafor"},
        ["Ruth Okafor", "said Ruth Okafor, chair of the Islanders Trust"],
    )


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("Ruth Okafor", ""),
        ("Okafor", ""),
        ("the chair of the Islanders Trust", ""),  # described where she is quoted
        ("Dr Ruth Okafor", ""),
        ("the tattoo artist", ""),  # no name: left to ranking
        ("Dev Patel", "Dev Patel is mentioned, but not quoted"),
        ("Angela Merkel", "the documents quote no Angela Merkel"),
        ("the Office for Students", "the documents quote no Office for Students"),
    ],
)
def test_unquoted_speaker(phrase: str, why: str) -> None:
    assert abstain.unquoted_speaker(phrase, _evidence()) == why


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How many jobs will Unilever cut?", "jobs"),
        ("How many British tourists died in the tsunami?", "tourists"),
        ("How many votes did she receive?", "votes"),
        ("How many were killed?", None),
        ("Beginning how many years ago did the forest grow?", "years"),
        ("How many classes towards a degree?", "classes"),
        ("How much did it cost?", None),
    ],
)
def test_counted_noun(question: str, noun: str | None) -> None:
    assert abstain.counted_noun(question) == noun


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("jobs", True), ("tourists", True), ("people", False), ("meters", False), ("years", False)],
)
def test_countable(noun: str, expected: bool) -> None:
    assert abstain.countable(noun, 5.5) is expected


def test_value_bound_needs_the_number_and_the_noun_in_one_sentence() -> None:
    assert abstain.value_bound(["job"], [(True, frozenset({"job", "cut"}))])
    assert not abstain.value_bound(["job"], [(True, frozenset({"cut"})), (False, frozenset({"job"}))])
    assert abstain.value_bound([], [])


@pytest.fixture(scope="module")
def harbour_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("harbour")
    (docs / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "ferry.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_a_mentioned_but_unquoted_person_is_declined(harbour_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(harbour_engine).ask("What did Tom Reyes say about the ferry vote?")
    assert a.abstained and "not quoted" in a.reason


def test_a_quoted_person_is_not_declined_as_unquoted(harbour_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(harbour_engine).ask("What did Ruth Okafor say about the ferry?")
    assert "quote" not in a.reason


def test_a_count_of_something_else_is_declined(harbour_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    conv = Conversation(harbour_engine)
    a = conv.ask("How many boats does the ferry company own?")
    assert a.abstained and "boats" in a.reason
    b = conv.ask("How many passengers did the ferry carry last year?")
    assert "number of" not in b.reason
