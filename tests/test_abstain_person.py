"""A person asked for by role (qa.abstain.asked_person, PERSON_BOUND): answered where a sentence on the
question names someone the question does not, declined where the role holder is never named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa import abstain

ARTICLE = """Harbour board hires new director as ferry row grows

By Lena Hart

PORTWICK, May 9 - The Portwick harbour board has appointed Colin Maddox as its new director, after
the previous director resigned over the ferry contract in March.

The board has also just now hired a consultant to review the ferry timetable, a spokesman said,
without naming the consultant.

Maddox, who ran the port of Kelby for six years, said the ferry service would keep running through
the summer. "Nobody on the islands will be cut off," he said.

A harbour official was hurt on Tuesday when a mooring rope snapped at the north quay. The injured official,
who has not been named, was treated in hospital and released.

The board's treasurer, Ruth Calloway, said the harbour had lost 200,000 pounds on the ferry last year.
"""


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Which US official voiced concern about a standoff with Russia?", "US official"),
        ("Which Rovers player was dismissed?", "Rovers player"),
        ("What player scored the winner?", "player"),
        ("Who is Hillary Clinton's new pollster?", "Hillary Clinton's new pollster"),
        ("Who is Unilever's chief financial officer?", "Unilever's chief financial officer"),
        ("Who was the coach of the Broncos?", "the coach"),
        # Not a person asked for: a role word modifying another noun, an auxiliary before it, no role.
        ("Which general election did he win?", None),
        ("What are American officials worried about?", None),
        ("Who won the match?", None),
        ("Who was the most widely read writer?", None),
    ],
)
def test_asked_person(question: str, role: str | None) -> None:
    assert abstain.asked_person(question) == role


def test_new_name_is_a_name_the_question_does_not_hold() -> None:
    asked = abstain.question_words("Who is Hillary Clinton's new pollster?")
    assert not abstain.new_name("Hillary Clinton has just now hired a pollster.", asked)
    assert not abstain.new_name("Senator Clinton spoke to reporters.", asked)  # a title is no name
    assert abstain.new_name("Clinton hired the pollster Joel Benenson.", asked)
    assert abstain.new_name("Mr Benenson worked for Obama.", abstain.question_words("Who is her pollster?"))


def test_person_reason_names_the_role() -> None:
    assert abstain.person_reason("US official") == "no passage names the US official"
    assert (
        abstain.person_reason("Hillary Clinton's new pollster")
        == "no passage names Hillary Clinton's new pollster"
    )
    assert abstain.person_reason("the coach") == "no passage names the coach"
    assert abstain.person_reason("who took the penalty") == "no passage names who took the penalty"


@pytest.fixture(scope="module")
def harbour_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("harbour")
    (docs / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "harbour.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Who is the harbour board's new director?", "Colin Maddox"),
        ("Who is the board's treasurer?", "Ruth Calloway"),
    ],
)
def test_a_named_role_holder_is_answered(harbour_engine, question: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(harbour_engine).ask(question)
    assert not a.abstained, a.reason
    assert any(answer in h.text for h in a.hits)


@pytest.mark.parametrize(
    "question",
    [
        "Which consultant will review the ferry timetable?",
        "Which harbour official was hurt at the north quay?",
    ],
)
def test_role_holder_never_named_declined_if_on(harbour_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    """NAME_BOUND['role'] is off since round 20 (bench/reports/gates_pooled.md); switched back on at
    its old 0.25 the test still declines the class it was written for."""
    from qa.session import Conversation

    was = abstain.NAME_BOUND
    try:
        abstain.NAME_BOUND = {**was, "role": 0.25}
        a = Conversation(harbour_engine).ask(question)
    finally:
        abstain.NAME_BOUND = was
    assert a.abstained and a.reason.startswith("no passage names"), a.reason


def test_the_thresholds_in_code_are_the_fit_report_choices() -> None:
    """bench/fit_person.py's choices, with round 20's pooled refit (bench/gates_pooled.py) on top."""
    reports = Path(__file__).resolve().parent.parent / "bench/reports"
    chosen: dict[str, str] = {}
    for name in ("abstention_person.md", "gates_pooled.md"):
        text = (reports / name).read_text(encoding="utf-8")
        chosen.update(re.findall(r"^Chosen: abstain\.NAME_BOUND\['(\w+)'\] = ([\d.]+)$", text, re.M))
    assert {k: float(v) for k, v in chosen.items()} == abstain.NAME_BOUND


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which US official voiced concern?", "role"),
        ("What is the name of the fuse supplier?", "name"),
        ("Who came off the bench to grab the winner?", "who"),
        ("Whose car was it?", None),
        ("What did the mayor say?", None),
    ],
)
def test_asked_name_kinds(question: str, kind: str | None) -> None:
    got = abstain.asked_name(question)
    assert (got[0] if got else None) == kind


def test_one_capitalised_word_is_a_name_where_asked() -> None:
    asked = abstain.question_words("What is the name of the fuse supplier?")
    assert abstain.new_name("Kettlewell said the fuse supplier was at fault.", asked, single=True)
    assert abstain.new_name("The fuse came from a supplier in Taiwan.", asked, single=True)
    assert not abstain.new_name("The fuse came from a supplier in Taiwan.", asked)  # two words needed
    assert not abstain.new_name("The fuse supplier was not named.", asked, single=True)
    assert not abstain.new_name('"We will fight," he said.', asked, single=True)  # an everyday first word
