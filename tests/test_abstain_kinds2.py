"""Count near misses bound to their subject ("How many votes did X get?" where only Y's votes are
counted), margins told apart from agents ("attended by 2000 guests"), and middle initials in asked
speakers. Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from qa import abstain


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("How many votes did Tom Aske receive?", "Tom Aske"),
        ("How many delegates has Velde won?", "Velde"),
        ("How many goals did Ravi Senn score in the final?", "Ravi Senn"),
        ("How many pulsars did the new telescope find?", None),
        ("How many people died?", None),
        ("What did Tom Aske say?", None),
    ],
)
def test_count_subject(question: str, subject: str | None) -> None:
    assert abstain.count_subject(question) == subject


@pytest.mark.parametrize(
    ("sentence", "margin"),
    [
        ("Velde trailed her challenger Tom Aske by more than 700 votes.", True),
        ("Aske won by 300 votes on Wednesday.", True),
        ("She holds a lead of 40 votes.", True),
        ("The hall opened with a dinner attended by 2000 guests.", False),
        ("The panel was founded in 1990 by two trade organizations.", False),
        ("The firm cut its staff by 3,000 jobs.", False),
        ("Aske was beaten by 40 votes.", True),
        ("Aske carried the ward by 70 votes.", True),
    ],
)
def test_a_margin_is_a_contest_difference_not_an_agent(sentence: str, margin: bool) -> None:
    head = {"votes": "votes", "guests": "guests", "organizations": "organizations", "jobs": "jobs"}
    noun = next(v for k, v in head.items() if k in sentence)
    assert abstain.margin_only(noun, [sentence]) is margin


def _sentences(*texts: str) -> list[tuple[str, frozenset[str]]]:
    return [(t, frozenset(w.lower().strip(".,") for w in t.split())) for t in texts]


def test_a_count_only_for_another_subject_is_not_the_asked_one() -> None:
    near = _sentences("Velde won 5,210 votes in the Harbour ward.", "Turnout was low.")
    assert abstain.subject_counted("votes", {"aske"}, near) == 0.0
    assert abstain.subject_counted("votes", {"velde"}, near) == 1.0


def test_a_pronoun_after_the_subject_binds_the_count() -> None:
    near = _sentences("Tom Aske ran on the rezoning.", "He won 5,210 votes.")
    assert abstain.subject_counted("votes", {"tom", "aske"}, near) == 1.0


def test_no_count_at_all_is_left_to_the_other_tests() -> None:
    near = _sentences("Velde trailed Tom Aske by more than 700 votes.")
    assert abstain.subject_counted("votes", {"aske"}, near) == 1.0


@pytest.mark.parametrize(
    ("phrase", "runs"),
    [
        ("Donald J. Trump", ["Donald Trump"]),
        ("Edwin Q. Marlow", ["Edwin Marlow"]),
        ("the Office for Students", ["Office for Students"]),
    ],
)
def test_a_middle_initial_is_part_of_the_name(phrase: str, runs: list[str]) -> None:
    assert abstain.name_runs(phrase) == runs
    assert abstain.is_name("Edwin Q. Marlow")


RACE = """Harbour ward count ends

Nadia Perrow won 5,210 votes in the Harbour ward on Wednesday, the election office said.

Her rival Oskar Lindqvist spoke to supporters at the town hall. "We ran a clean campaign," Lindqvist
said. Turnout was the lowest in a decade.
"""


@pytest.fixture(scope="module")
def ward_engine(qa_home, tmp_path_factory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("ward")
    (docs / "ward.txt").write_text(RACE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "ward.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_a_count_asked_of_the_subject_it_counts_is_answered(ward_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(ward_engine).ask("How many votes did Nadia Perrow win?")
    assert not a.abstained, a.reason


def test_a_count_asked_of_another_subject_is_declined(ward_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(ward_engine).ask("How many votes did Oskar Lindqvist win?")
    assert a.abstained and "votes for Oskar Lindqvist" in a.reason, a.reason
