"""Near misses of the asked fact (qa.abstain.asked_fact and friends): the documents are on the subject
but do not give the asked amount, date, length, measurement, verdict or role holder bound to the
question's words; and a quoted speaker who never spoke on the asked topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain

ARTICLE = """Riverside bridge to close for repairs

The county of Low Fenwick will close the Alder Street bridge for repairs in March 2027, the
council said on Monday. The steel bridge is 240 metres long and carries 9,000 cars a day. The
closure will cause wide disruption, and the work needs approval from the minister.

The repairs will cost $14 million from the state transport fund. Engineers expect the work to take
eighteen months. The council is paying a contractor, Ben Hollis, to supply the steel.

"We have no choice: the bridge is tired and the rust is everywhere," said Mayor Helen Ortiz. She
said the county had delayed the work for a decade. "The ferry will run every half hour while it is
shut," Ortiz added.

Nadia Kerr, the council's chief engineer, led the inspection in the spring. She received an award
for it.

Hollis was jailed for two years in 2009 for falsifying safety reports on another county bridge, a
sentence he served in full.
"""


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much is Google paying Stanford to digitise its library?", "money"),
        ("What is the total value of the stolen jewellery?", "money"),
        ("what's the dollar value of the harbour contract", "money"),  # "what's" asks as "what is"
        ("What’s the cost of the new ferry?", "money"),
        ("What's the bridge made of?", None),
        ("How much money did the campaign raise?", "money"),
        ("How much did it rain?", None),
        ("How many jobs will go?", None),
        ("How long has the war lasted?", "length"),
        ("How long is the bridge?", "length"),
        ("How wide is the dish?", "dimension"),
        ("How big is the reward?", None),  # a size may be a sum or a count
        ("When will the centre open?", "future"),
        ("In what year was the bridge built?", "date"),
        ("What sentences did the defendants receive?", "verdict"),
        ("How long was the plumber jailed for?", "verdict"),
        ("Who is Unilever's chief financial officer?", "role"),
        ("Who was the coach of the Broncos?", "role"),
        ("Who won the match?", None),
    ],
)
def test_asked_fact(question: str, kind: str | None) -> None:
    assert abstain.asked_fact(question) == kind


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("money", "The repairs will cost $14 million.", True),
        ("money", "The fine was 20,000 euros.", True),
        ("money", "The bridge carries 9,000 cars a day.", False),
        ("duration", "The work will take eighteen months.", True),
        ("duration", "The bridge will close in March.", False),
        ("dimension", "The steel bridge is 240 metres long.", True),
        ("dimension", "The work will take 5 years.", False),
        ("dimension", "a 500-meter dish", True),
        ("date", "The bridge will close in March 2027.", True),
        ("date", "Operations will soon move to a new centre.", False),
        ("date", "The centre opens next year.", True),
        ("verdict", "He was jailed for two years.", True),
        ("verdict", "He denies the charges.", False),
        ("role", "Nadia Kerr led the inspection.", True),
        ("role", "the engineer led the inspection.", False),
    ],
)
def test_fact_evidence(kind: str, sentence: str, expected: bool) -> None:
    assert abstain.fact_evidence(kind, sentence) is expected


def test_focus_words_drop_the_question_scaffolding() -> None:
    assert abstain.focus_words("How much is Google paying Stanford?") == "is Google paying Stanford"


def test_bound_share_is_the_best_sentence_holding_a_value() -> None:
    focus = {"google": 2.0, "pay": 1.0, "stanford": 1.0}
    unbound = [(True, frozenset({"budget"})), (False, frozenset({"google", "pay", "stanford"}))]
    assert abstain.bound_share(focus, unbound) == 0.0
    bound = [(True, frozenset({"google", "pay"})), (True, frozenset({"stanford"}))]
    assert abstain.bound_share(focus, bound) == 0.75
    assert abstain.bound_share({}, []) == 1.0


def test_fact_reason_names_the_fact_and_the_subject() -> None:
    why = abstain.fact_reason("money", "How much is Google paying Stanford?")
    assert why == "no passage gives an amount of money for: Google paying Stanford"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What did Angela Merkel say about the refugee crisis?", "the refugee crisis"),
        ("What did Lord Falconer say in response to the claim?", "the claim"),
        ("What did Obama say?", None),
        # The occasion ("in his remarks") is where X spoke; the topic is what follows it.
        ("What did Mayor Quill say in her remarks after the ferry fire?", "the ferry fire"),
        ("What did Mayor Quill say in her speech on housing?", "housing"),
        ("What did Mayor Quill say in her speech?", None),
        ("What did he say about guns?", None),
        ("Who said that about guns?", None),
    ],
)
def test_asked_topic(question: str, topic: str | None) -> None:
    assert abstain.asked_topic(question) == topic


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Lord Falconer", True),
        ("Hillary Clinton", True),
        ("Uefa's spokesman", False),
        ("the tattoo artist", False),
    ],
)
def test_is_name(phrase: str, expected: bool) -> None:
    assert abstain.is_name(phrase) is expected


def test_quote_sentence_takes_the_whole_sentence_around_the_quote() -> None:
    text = 'First thing. On guns, she said "we must act now" to the crowd. Next thing.'
    start = text.index("we must")
    got = abstain.quote_sentence(text, start, start + len("we must act now"))
    assert got.strip() == 'On guns, she said "we must act now" to the crowd.'


def test_quoted_share() -> None:
    assert abstain.quoted_share(
        {"gun": 2.0, "law": 1.0}, [frozenset({"tax"}), frozenset({"law"})]
    ) == pytest.approx(1 / 3)
    assert abstain.quoted_share({"gun": 1.0}, []) == 0.0


@pytest.fixture(scope="module")
def bridge_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("bridge")
    (docs / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    target = docs / "idx"
    build([docs / "bridge.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    [
        "How much will the repairs of the bridge cost?",
        "When will the Alder Street bridge close?",
        "How long is the Alder Street bridge?",
        "How long will the repair work take?",
        "How long was Ben Hollis jailed for?",
        "Who is the council's chief engineer?",
        "What did Helen Ortiz say about the ferry?",
    ],
)
def test_an_asked_fact_the_article_gives_is_answered(bridge_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(bridge_engine).ask(question)
    assert not a.abstained, a.reason


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("How much is the council paying Ben Hollis?", "amount of money"),
        ("What sentence did Nadia Kerr receive?", "sentence or verdict"),
        ("Who is the state's transport minister?", "names"),
        ("What did Helen Ortiz say about the contractor?", "quoted, but not on"),
    ],
)
def test_an_asked_fact_the_article_does_not_give_is_declined(bridge_engine, question: str, why: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(bridge_engine).ask(question)
    assert a.abstained and why in a.reason, a.reason


def test_a_measurement_bound_declines_when_switched_on(
    bridge_engine, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The measurement bound is off in code (bench/reports/wrong23.md: it declined more answerable
    questions than unanswerable ones on the read sets); switched on as first fit, it still reads the
    asked width as unbound to the bridge's length."""
    from qa.session import Conversation

    assert abstain.FACT_BOUND["dimension"] == 0.0
    monkeypatch.setitem(abstain.FACT_BOUND, "dimension", 0.35)
    a = Conversation(bridge_engine).ask("How wide is the Alder Street bridge?")
    assert a.abstained and "measurement" in a.reason, a.reason


def test_the_thresholds_in_code_are_the_fit_report_choices() -> None:
    """qa.abstain's near-miss thresholds are what bench/fit_near_miss.py chose (its report's "Chosen:"),
    as later refits chose them (bench/reports/wrong23.md's "Chosen:" lines supersede)."""
    import re

    reports = Path(__file__).resolve().parent.parent / "bench/reports"
    chosen: dict[str, str] = {}
    for name in ("abstention_near_miss.md", "wrong23.md"):
        report = (reports / name).read_text(encoding="utf-8")
        chosen.update(re.findall(r"^Chosen: abstain\.(\S+) = ([\d.]+)$", report, re.M))
    assert chosen, "no choices in the report"
    in_code = {f"FACT_BOUND[{k!r}]": v for k, v in abstain.FACT_BOUND.items()}
    in_code["SPEAKER_TOPIC_SHARE"] = abstain.SPEAKER_TOPIC_SHARE
    in_code["COUNT_BOUND"] = abstain.COUNT_BOUND
    in_code["COUNT_MARGIN"] = abstain.COUNT_MARGIN
    in_code["YEAR_IN_DOC"] = abstain.YEAR_IN_DOC
    in_code["COUNT_SUBJECT"] = abstain.COUNT_SUBJECT
    assert {k: float(v) for k, v in chosen.items()} == in_code


def test_own_wording_keeps_the_part_naming_the_speaker() -> None:
    both = "Senator Ada Quill of Maine and Senator Rob Fenn of Ohio"
    assert abstain.own_wording(both, "Ada Quill") == "Senator Ada Quill of Maine"
    # A coordination inside one name, or with no other person, stays whole.
    health = "the Department of Health and Human Services"
    assert abstain.own_wording(health, "Department of Health and Human Services") == health
    assert abstain.own_wording("Quill and her campaign", "Ada Quill") == "Quill and her campaign"
    assert abstain.own_wording(both, None) == both


def test_a_coordinated_alias_does_not_quote_the_other_person() -> None:
    ev = abstain.speaker_evidence(
        [("Ada Quill", ["Quill", "Ada Quill of Maine and Senator Rob Fenn of Ohio"]), ("Rob Fenn", ["Fenn"])],
        {"Ada Quill"},
        ["Quill"],
    )
    assert abstain.unquoted_speaker("Rob Fenn", ev) == "Rob Fenn is mentioned, but not quoted"
    assert abstain.unquoted_speaker("Ada Quill", ev) == ""


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Russian officials", "Russian"),
        ("the French diplomats", "French"),
        ("US lawmakers", "US"),
        ("Harbour officials", None),
        ("Vladimir Putin", None),
        ("Russian President Vladimir Putin", None),
    ],
)
def test_country_group(phrase: str, country: str | None) -> None:
    assert abstain.country_group(phrase) == country


def test_named_evidence_drops_documents_not_naming_the_subject() -> None:
    # The best passage's document does not name the asked subject, the second's does.
    assert abstain.named_evidence([0.0, 1.0, 0.0], 0.4) == [False, True, False]
    # The best passage's document names it, or none does: every passage stays evidence.
    assert abstain.named_evidence([1.0, 0.0], 0.4) is None
    assert abstain.named_evidence([0.0, 0.2], 0.4) is None
    assert abstain.named_evidence([None, 1.0], 0.4) is None
    assert abstain.named_evidence([], 0.4) is None
