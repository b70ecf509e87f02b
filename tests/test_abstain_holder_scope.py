"""Near misses whose value belongs to someone or somewhere else: an age written against another named
person (qa.age_holder) and a count scoped to another country (qa.place_scope). Articles and questions
written for these tests."""

from __future__ import annotations

import pytest

from qa import age_holder, place_scope


@pytest.mark.parametrize(
    ("sentence", "holders"),
    [
        ("The gunman killed six people, among them the pastor's son, 26-year-old Tavon.", ["Tavon"]),
        ("Rakeem Jones, 26, was punched at the rally.", ["Rakeem Jones"]),
        ("Rakeem Jones (26) was punched at the rally.", ["Rakeem Jones"]),
        ("Ida Marsh, aged 34, said so.", ["Ida Marsh"]),
        ("The 74-year-old Sen. Bernard Holt said so.", ["Bernard Holt"]),
        ('"He is a fine leader," said the 46-year-old.', [None]),  # no name holds it
        ("Kessler, the 31-year-old German midfielder, scored.", [None]),  # a demonym, no holder
        ("In South Carolina, 36, were counted.", [None]),  # an opening phrase, no holder
        ("The county has 2,345 residents.", []),  # a thousands separator, no age
    ],
)
def test_age_holders(sentence: str, holders: list[str | None]) -> None:
    assert age_holder.age_holders(sentence) == holders


def test_an_age_held_by_another_name_is_no_evidence() -> None:
    sentence = "Dale Rourke is accused of killing six people, including the pastor's son, 26-year-old Tavon."
    assert age_holder.others_only(sentence, age_holder.asked_words("How old is Dale Rourke?"))
    assert not age_holder.others_only(sentence, age_holder.asked_words("How old is Tavon?"))
    assert not age_holder.others_only("Rourke, 21, was arrested.", {"dale", "rourke"})
    assert not age_holder.others_only("The 21-year-old was arrested.", {"dale", "rourke"})
    assert not age_holder.others_only("Rourke was arrested.", {"dale", "rourke"})  # no age at all


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("there were only eight reported incidents in Japan last year", ["Japan"]),
        ("Refugees arrived across Germany and in Paris.", ["Germany", "Paris"]),
        ("Fans dressed in American flags.", []),  # a demonym
        ("Sales rose in Europe.", []),  # a region may hold the asked country
        ("He worked in Accounting.", []),  # no place of the gazetteers
    ],
)
def test_scoped_places(text: str, places: list[str]) -> None:
    assert place_scope.scoped_places(text) == places


def _terms(text: str) -> list[str]:
    return [w.lower().strip(".,") for w in text.split()]


def test_a_count_scoped_to_another_country_is_declined() -> None:
    q = "How many gun incidents were reported in China last year?"
    japan = "Only eight gun incidents were reported last year in Japan, the police said."
    china = "In China, news of the shooting came hours after an airport blast."
    assert place_scope.other_place(q, [japan, china], [0], _terms) == ("China", "Japan")
    # the asked country's names bind the count: its demonym, its capital
    assert (
        place_scope.other_place(q, ["Chinese police reported 12 gun incidents in Japan."], [0], _terms)
        is None
    )
    assert place_scope.other_place(q, ["Beijing reported 12 gun incidents in Japan."], [0], _terms) is None
    # a count scoped nowhere may be the asked country's
    assert place_scope.other_place(q, ["Police reported 12 gun incidents last year."], [0], _terms) is None
    # a sentence going on about China (its context) binds too
    assert place_scope.other_place(q, [japan], [0], _terms, [frozenset({"china"})]) is None
    # no place asked
    assert place_scope.other_place("How many gun incidents were reported?", [japan], [0], _terms) is None


GUNS = """Gun deaths abroad

In Japan, the shooting was treated as a bizarre aberration. Only one person was killed by a gun last
year in Japan, according to the National Police Agency, and there were only eight reported incidents
of a gun being fired.

In China, news of the shooting came only hours after a man set off explosives at an airport. In
China, where ordinary citizens have no access to firearms, the weapon of choice is often a knife.
"""

AGES = """Survivors speak at the convention

Dale Rourke is accused of killing six people inside the chapel last June, including the pastor's
son, 26-year-old Tavon Pryce.

Felicia Grant and Polly Ashe, two of the people who survived, spoke on Tuesday night.
"""


@pytest.fixture(scope="module")
def holder_engine(qa_home, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("holder")
    (docs / "guns.txt").write_text(GUNS, encoding="utf-8")
    (docs / "ages.txt").write_text(AGES, encoding="utf-8")
    target = docs / "idx"
    build([docs / "guns.txt", docs / "ages.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("How many gun incidents were reported in China last year?", "not China"),
        ("How old is Dale Rourke?", "an age"),
    ],
)
def test_another_holders_value_is_declined(holder_engine, question: str, why: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(holder_engine).ask(question)
    assert a.abstained and why in a.reason, a.reason


@pytest.mark.parametrize(
    "question",
    ["How many gun incidents were reported in Japan last year?", "How old is Tavon Pryce?"],
)
def test_the_holders_own_value_is_answered(holder_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(holder_engine).ask(question)
    assert not a.abstained, a.reason


@pytest.fixture(scope="module")
def holder_real(qa_home, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("holder-real")
    (docs / "guns.txt").write_text(GUNS, encoding="utf-8")
    (docs / "ages.txt").write_text(AGES, encoding="utf-8")
    target = tmp_path_factory.mktemp("holder-real-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("How many gun incidents were reported in China last year?", True),
        ("How many gun incidents were reported in Japan last year?", False),
        ("How old is Dale Rourke?", True),
        ("How old is Tavon Pryce?", False),
    ],
)
def test_holder_and_scope_with_the_real_model(holder_real, question: str, declined: bool) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(holder_real).ask(question)
    assert a.abstained is declined, a.reason
