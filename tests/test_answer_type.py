"""The value a fact question asks for, and the sentence that states it (qa.answer_type), and the
ranking feature made of them (qa.rank.Features.typed). Articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import answer_type, candidate_features, rank


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("How far did the thief run?", ("distance",)),
        ("How deep is the lake?", ("distance",)),
        # a size asked of what is not a body or a place: a sum, a count or a share as often as a length
        ("How big is the council's spending plan?", ("distance", "money", "quantity", "share", "extent")),
        ("How high did the party score in the poll?", ("distance", "money", "quantity", "share", "extent")),
        ("How tall is the new tower?", ("distance",)),
        ("How long will the repairs take?", ("duration", "distance")),
        ("How much did the new stadium cost?", ("money",)),
        ("How much does the airline expect to lose this year?", ("money",)),
        ("How much money did the charity raise?", ("money",)),
        ("How many people attended?", ("quantity",)),
        ("How much of the forest burned?", ("quantity",)),
        ("When did the strike begin?", ("date",)),
        ("In which year was the dam finished?", ("date",)),
        ("How old is the mayor?", ("age",)),
        ("Who opened the bridge?", ()),
        ("What did the minister say about taxes?", ()),
    ],
)
def test_asked(question: str, kinds: tuple[str, ...]) -> None:
    assert answer_type.asked(question) == kinds


@pytest.mark.parametrize(
    ("kinds", "sentence", "stated"),
    [
        (("distance",), "The fox leapt 12ft (4m) over the fence.", True),
        (("distance",), "The road runs for three miles along the coast.", True),
        (("distance",), "One in five residents left the town.", False),
        (("duration",), "It will take six years to finish the tunnel.", True),
        (("duration",), "Earlier, the council met in private.", False),
        (("money",), "The ferry cost 40m euros to build.", True),
        (("money",), "The museum raised $2.5 million last spring.", True),
        (("money",), "The meeting ended at 4 p.m.", False),
        (("money",), "Three boats sank in the storm.", False),
        (("date",), "The council voted on 9 June 2021 to close the pier.", True),
        (("date",), "The bridge opened in 1932.", True),
        (("date",), "Later, the council reconsidered.", False),
        (("date",), "The abbey was rebuilt in the early 12th century.", True),
        (("date",), "The pier was busiest in the 1920s.", True),
        (("quantity",), "About 300 people came.", True),
        (("age",), "The mayor, 54, was re-elected.", True),
        ((), "The ferry cost 40m euros to build.", False),
    ],
)
def test_states(kinds: tuple[str, ...], sentence: str, stated: bool) -> None:
    assert answer_type.states(kinds, sentence) is stated


HARBOUR_BREAKIN = """Thief flees harbour master's house

A thief who broke into the harbour master's house in Valmora was chased off by the harbour master himself.

The harbour master chased the thief, who jumped 20ft (6m) from a balcony while fleeing the house on Tuesday night.

Police said the thief had taken a silver clock and a painting.
"""


@pytest.fixture(scope="module")
def breakin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small article indexed with the model-free hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    root = tmp_path_factory.mktemp("breakin")
    doc = root / "breakin.txt"
    doc.write_text(HARBOUR_BREAKIN, encoding="utf-8")
    build([str(doc)], root / "index", model=MODEL, cache_dir=config.model_cache_dir())
    return root / "index"


def test_typed_feature_marks_the_sentence_that_states_the_asked_value(breakin: Path) -> None:
    from qa.engine import Engine

    engine = Engine.open(breakin)
    f = rank.features(engine, "How far did the thief jump when fleeing the house?")
    assert f is not None
    texts = [engine.passages[p].text for p in f.pids]
    typed = {t: float(v) for t, v in zip(texts, f.typed, strict=True)}
    assert any(v > 0 for t, v in typed.items() if "20ft" in t)
    assert all(v == 0 for t, v in typed.items() if "20ft" not in t)


def test_typed_feature_is_zero_for_a_question_that_asks_no_value(breakin: Path) -> None:
    from qa.engine import Engine

    engine = Engine.open(breakin)
    f = rank.features(engine, "Who chased the thief?")
    assert f is not None
    assert not f.typed.any()


def test_typed_weight_moves_the_stating_passage_up() -> None:
    f = candidate_features.Features(
        pids=[0, 1],
        dense=rank.np.array([0.5, 0.5]),
        bm=rank.np.array([1.0, 0.9]),
        cov_s=rank.np.array([0.3, 0.3]),
        cov_p=rank.np.array([0.3, 0.3]),
        left=rank.np.full(2, -1),
        right=rank.np.full(2, -1),
        doc=rank.np.zeros(2, dtype=int),
        wrong=rank.np.zeros(2, dtype=bool),
        part=rank.np.zeros(2),
        meta_cov=rank.np.zeros(2),
        first=rank.np.zeros(2, dtype=bool),
        furniture=rank.np.zeros(2, dtype=bool),
        summary=rank.np.zeros(2, dtype=bool),
        direct=rank.np.zeros(2),
        reported=rank.np.zeros(2),
        topic_cov=rank.np.zeros(2),
        other=rank.np.zeros(2, dtype=bool),
        focus=rank.np.zeros(2, dtype=bool),
        highlight=[(0, 1), (0, 1)],
        speaker=[None, None],
        typed=rank.np.array([0.0, 0.3]),
    )
    without = rank.combine(f, rank.Weights(typed=0.0))
    with_typed = rank.combine(f, rank.Weights(typed=0.5))
    assert without[0] > without[1]
    assert with_typed[1] > with_typed[0]


# --- One home for the value patterns: the loose reading includes the strict values ---------------


@pytest.mark.parametrize(
    ("answer_type_", "sentence"),
    [
        ("time", "The ferry ran for three years before the council cut it."),  # a plural unit
        ("time", "Repairs will take several weeks."),
        ("time", "The mill closed in the 1990s."),
        ("time", "The harbour wall took decades to rebuild."),
        ("time", "The bridge stretches 305 metres across the bay."),  # "How long is the bridge?"
        ("age", "The keeper, Martha Quill, 64, found the boat."),
        ("number", "Turnout rose to 62%."),
        ("money", "The mayor said entry would stay free of charge."),
        ("height", "The lighthouse stands six feet taller than the church."),
    ],
)
def test_loose_evidence_holds_the_strict_values(answer_type_: str, sentence: str) -> None:
    assert answer_type.has_evidence(answer_type_, sentence)


@pytest.mark.parametrize(
    ("answer_type_", "sentence"),
    [
        ("time", "The keeper rowed out to the wreck alone."),
        ("age", "The keeper found the boat."),
        ("money", "Three boats sank in the storm."),
    ],
)
def test_loose_evidence_still_needs_something(answer_type_: str, sentence: str) -> None:
    assert not answer_type.has_evidence(answer_type_, sentence)


def test_every_value_a_question_asks_is_evidence_of_its_loose_type() -> None:
    """What ranking's wrong-type test reads (qa.intent) takes any value the typed feature finds."""
    cases = [
        ("How long did the ferry run?", "The ferry ran for three years."),
        ("How long is the harbour wall?", "The harbour wall is 300 metres long."),
        ("When did the mill close?", "The mill closed on 4 May 1998."),
        ("How many boats sank?", "Nine boats sank."),
        ("How old is the keeper?", "The keeper, Martha Quill, 64, found the boat."),
        ("How much did the new pier cost?", "The pier cost £4m."),
    ]
    for question, sentence in cases:
        kinds = answer_type.asked(question)
        loose = answer_type.question_type(question)
        assert kinds and loose, question
        assert answer_type.states(kinds, sentence), question
        assert answer_type.has_evidence(loose, sentence), question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much did the council pay for the pier?", "money"),
        ("How wide is the harbour mouth?", "dimension"),
        ("How long was the smuggler jailed for?", "verdict"),
        ("When was the lighthouse built?", "date"),
        ("How far back do the parish records go?", "duration"),
        ("Who is Pengarth's chief executive?", "role"),
        ("Why did the ferry stop?", None),
    ],
)
def test_asked_fact(question: str, kind: str | None) -> None:
    assert answer_type.asked_fact(question) == kind


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("money", "The pier cost £4m.", True),
        ("money", "The pier cost 4 million pounds.", True),
        ("money", "Four boats sank.", False),
        ("duration", "He was banned for life.", True),
        ("duration", "She kept the light for twenty-two years.", True),
        ("dimension", "The harbour mouth is 40 metres wide.", True),
        ("dimension", "Forty boats crossed the harbour mouth.", False),
        ("verdict", "The smuggler was jailed at Truro Crown Court.", True),
        ("date", "The lighthouse was built in 1870.", True),
        ("role", "The harbour board's chief executive, Ada Penrose, said so.", True),
    ],
)
def test_fact_evidence(kind: str, sentence: str, expected: bool) -> None:
    assert answer_type.fact_evidence(kind, sentence) is expected


def test_a_sum_asked_in_a_currency_is_money() -> None:
    from qa import intent

    question = "How much aid has the council given the harbour in dollars?"
    assert intent.read(question).answer_type == "money"
    assert answer_type.asked_fact(question) == "money"
    # "in pounds" is a weight as often: left to the other words.
    assert intent.read("How much did the crane weigh in pounds?").answer_type == "weight"


def test_a_size_question_is_answered_by_a_sum_as_by_a_length() -> None:
    kinds = answer_type.asked("How big is the council's spending plan?")
    assert answer_type.states(kinds, "The council approved a 412 million pound budget for the year.")
    assert answer_type.states(kinds, "The new hall is 40 metres long.")
    assert not answer_type.states(kinds, "The council approved the budget after a long debate.")
