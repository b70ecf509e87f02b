"""Typed near misses: an age or a time of day the article does not give about the asked person
(qa.answer_type.asked_fact "age" / "clock", qa.abstain.bound_share). Article and questions written
for these tests."""

from __future__ import annotations

import pytest

from qa import abstain, answer_type


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How old is Rakeem Jones?", "age"),
        ("What age was the runner when she won?", "age"),
        ("What was Tom Baxter's age?", "age"),
        ("Which of his heirs could not rule because of his age?", None),  # asks for a person
        ("What time did the polls close?", "clock"),
        ("What was Mara Lind's finishing time?", "clock"),
        ("What time of day did they meet?", "clock"),
        ("Which time period does the collection cover?", None),
    ],
)
def test_asked_fact_age_and_clock(question: str, kind: str | None) -> None:
    assert answer_type.asked_fact(question) == kind


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("age", "Rakeem Jones, 26, was punched at the rally.", True),
        ("age", "The 71-year-old retired last spring.", True),
        ("age", "She was born in March 1990 in Leeds.", True),
        ("age", "The bridge was built in 1890 by the county.", True),
        ("age", "Jones was punched at the rally in 2016.", False),
        ("clock", "The polls close at 8 p.m. on Tuesday.", True),
        ("clock", "Lind crossed the line in 2:21:05.", True),
        ("clock", "The meeting starts at 10.30am.", True),
        ("clock", "The winner finished in two hours and 21 minutes.", True),
        ("clock", "Lind won the race in Boston on Sunday.", False),
    ],
)
def test_fact_evidence_age_and_clock(kind: str, sentence: str, expected: bool) -> None:
    assert answer_type.fact_evidence(kind, sentence) is expected


def test_the_age_must_stand_beside_the_asked_person() -> None:
    """Another person's age in the article is no answer: the sentence with an age must hold the name."""
    focus = {"mara": 3.0, "lind": 3.0}
    other = (answer_type.fact_evidence("age", "Tom Baxter, 34, came second."), frozenset({"tom", "baxter"}))
    named = (False, frozenset({"mara", "lind", "won"}))
    assert abstain.bound_share(focus, [other, named]) == 0.0
    given = (answer_type.fact_evidence("age", "Mara Lind, 29, won."), frozenset({"mara", "lind", "won"}))
    assert abstain.bound_share(focus, [other, given]) == 1.0


def test_focus_words_drop_the_age_scaffolding() -> None:
    assert abstain.focus_words("How old is Mara Lind?") == "is Mara Lind"


def test_names_share_counts_a_country_by_another_name() -> None:
    """The share of a question's names in a document; "Moscow" is found where the document says "Russia"."""
    idf = {"moscow": 2.0, "russia": 2.0, "kremlin": 3.0, "arecibo": 4.0, "dish": 1.0}.get

    def terms(text: str) -> list[str]:
        return [w.lower() for w in text.split()]

    def known(t: str) -> bool:
        return idf(t) is not None

    def weight(t: str) -> float:
        return idf(t) or 0.0

    doc = {"russia", "weapons", "syria"}
    assert abstain.names_share(["Moscow"], terms, weight, known, doc) == 1.0
    assert abstain.names_share(["Arecibo"], terms, weight, known, doc) == 0.0
    assert abstain.names_share(["Nowhere"], terms, weight, known, doc) is None  # the index never uses it


MARATHON = """Lind wins the harbour marathon

Mara Lind won the Fenwick harbour marathon on Sunday in 2:21:05, her third win on the course.

Tom Baxter, 34, finished second, four minutes behind. The race started at 9am at the old pier, and
4,200 runners set off into a strong wind.

Lind, a nurse from Leeds, said the wind off the water made the last ten miles hard. "I have never
been so tired," she said. Organisers said the course would change next year.
"""


@pytest.fixture(scope="module")
def marathon_engine(qa_home, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("marathon")
    (docs / "marathon.txt").write_text(MARATHON, encoding="utf-8")
    target = docs / "idx"
    build([docs / "marathon.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    ["How old is Tom Baxter?", "What time did the race start?", "What was Mara Lind's finishing time?"],
)
def test_an_age_or_time_the_article_gives_is_answered(marathon_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(marathon_engine).ask(question)
    assert not a.abstained, a.reason


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("How old is Mara Lind?", "an age"),
        ("What time did the organisers announce the new course?", "time of day"),
    ],
)
def test_an_age_or_time_the_article_does_not_give_is_declined(
    marathon_engine, question: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(marathon_engine).ask(question)
    assert a.abstained and why in a.reason, a.reason


@pytest.mark.parametrize(
    ("question", "names", "kept"),
    [
        ("Who designed the Arecibo dish?", ["Arecibo"], ["Arecibo"]),
        ("Lots of cells have fewer of what?", ["Lots"], []),  # a capitalised opener, no name
        ("What did the PO say about Tesla?", ["PO", "Tesla"], ["Tesla"]),  # the documents may spell it out
        ("What did UVA's head say about Tesla?", ["UVA's", "Tesla"], ["Tesla"]),  # and its possessive
    ],
)
def test_asked_names(question: str, names: list[str], kept: list[str]) -> None:
    assert abstain.asked_names(question, names) == kept


@pytest.fixture(scope="module")
def marathon_real(qa_home, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("marathon-real")
    (docs / "marathon.txt").write_text(MARATHON, encoding="utf-8")
    target = tmp_path_factory.mktemp("marathon-real-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("How old is Tom Baxter?", False),
        ("What time did the race start?", False),
        ("How old is Mara Lind?", True),  # the article gives another runner's age
        ("What time did the Alder Street bridge close?", True),  # another article's question
    ],
)
def test_typed_near_misses_with_the_real_model(marathon_real, question: str, declined: bool) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(marathon_real).ask(question)
    assert a.abstained is declined, a.reason
