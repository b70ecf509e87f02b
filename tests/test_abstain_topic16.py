"""Near misses answered before round 18: "What did X say about T?" where X is quoted but never on T,
T written in words no document uses (qa.topic_cover), the topic after an addressee ("tell the union
about T") or an answered-to thing ("in answer to T"), and a never-quoted person named in quoted
sources only as another's modifier ("Rubio donor Luther Pate")."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain, topic_cover

SUMMIT = """Leaders trade blame over Syria at the United Nations

NEW YORK, Sept 28 - US President Barack Obama and Russian President Vladimir Putin clashed over the
future of Syria on Monday in their speeches to the General Assembly.

"We must recognize that there cannot be, after so much bloodshed, a return to the pre-war status quo
in Syria," Obama said.

Putin said it was a mistake to refuse to cooperate with the Syrian government and its army. "No one
but the Syrian army is truly fighting terrorists on the ground," Putin said.

Rubio donor Luther Pate, a businessman from Alabama, said he paid for an airplane banner over the
hall. "It was worth every penny," Pate said. Senator Marco Rubio was in Florida on Monday.
"""


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What did Clinton tell the union about trade deals?", "trade deals"),
        ("What did Obama say to reporters about the war?", "the war"),
        ("What did Donald Trump say in answer to the union's questionnaire?", "the union's questionnaire"),
        ("What did Obama say about climate change in his address?", "climate change"),
        ("What did Trump say at his Maine rally about immigrants?", "immigrants"),
        ("What did Donald Trump tweet about the plagiarism row?", "the plagiarism row"),
        ("What did Putin say about the Syrian army?", "the Syrian army"),
        ("What did Clinton tell the union?", None),
    ],
)
def test_asked_topic_reads_past_an_addressee_and_an_occasion(question: str, topic: str | None) -> None:
    assert abstain.asked_topic(question) == topic


def test_the_washington_post_is_no_speaker_who_posts() -> None:
    assert (
        abstain.asked_speaker("what did the washington post say about sanders' plan") == "the washington post"
    )


def test_topic_weights_keep_unknown_terms_with_the_switch_on(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {"syria", "war", "iran"}
    idf = {"syria": 1.0, "war": 1.5, "iran": 2.0, "climat": 4.0, "chang": 4.0, "tehran": 4.0}
    weights = topic_cover.topic_weights(["climat", "chang"], known.__contains__, idf.__getitem__)
    assert weights == {"climat": 4.0, "chang": 4.0}
    weights = topic_cover.topic_weights(["syria", "war", "war"], known.__contains__, idf.__getitem__)
    assert weights == {"syria": 1.0, "war": 1.5}
    # "Tehran" read as "Iran", as ranking reads it: the capital is no missing word.
    weights = topic_cover.topic_weights(["tehran", "iran"], known.__contains__, idf.__getitem__, {"tehran"})
    assert weights == {"iran": 2.0}
    monkeypatch.setattr(topic_cover, "UNKNOWN_TERMS", False)
    weights = topic_cover.topic_weights(["climat", "war"], known.__contains__, idf.__getitem__)
    assert weights == {"war": 1.5}


def test_closest_is_the_best_cosine_of_the_texts() -> None:
    import numpy as np

    vecs = {"t": [1.0, 0.0], "a": [0.0, 1.0], "b": [0.6, 0.8]}

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray([vecs[t] for t in texts])

    assert topic_cover.closest("t", ["a", "b"], encode) == pytest.approx(0.6)
    assert topic_cover.closest("t", [], encode) == 0.0


def test_the_cosine_is_the_fit_report_choice() -> None:
    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_topic_cover.md").read_text(
        "utf-8"
    )
    assert f"TOPIC_COSINE = {topic_cover.TOPIC_COSINE}" in report


def test_a_name_only_modifying_another_source_is_not_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    evidence = abstain.SpeakerEvidence(
        quoted="luther pate\nrubio donor\nrubio donor luther pate, a businessman from alabama",
        mentioned="marco rubio\nsenator marco rubio",
    )
    assert abstain.unquoted_speaker("Marco Rubio", evidence) == "Marco Rubio is mentioned, but not quoted"
    assert abstain.unquoted_speaker("Luther Pate", evidence) == ""
    # A description naming Rubio asks for the donor, whom the sources describe so.
    assert abstain.unquoted_speaker("the Rubio donor from Alabama", evidence) == ""
    monkeypatch.setattr(abstain, "MODIFIER_NAMES", False)
    assert abstain.unquoted_speaker("Marco Rubio", evidence) == ""


def test_a_name_heading_a_source_line_is_quoted() -> None:
    evidence = abstain.SpeakerEvidence(
        quoted="donald trump\na senior donald trump adviser\nhillary clinton and bernie sanders",
        mentioned="melania trump\nbernie sanders\nanti-donald trump campaign",
    )
    assert abstain.unquoted_speaker("Donald Trump", evidence) == ""
    assert abstain.unquoted_speaker("Bernie Sanders", evidence) == ""


@pytest.fixture(scope="module")
def summit_engine(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("summit")
    (docs / "summit.txt").write_text(SUMMIT, encoding="utf-8")
    target = docs / "idx"
    build([docs / "summit.txt"], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    "question",
    [
        "What did Obama say about climate change in his address?",
        "What did Putin tell the assembly about the economy?",
        "What did Marco Rubio say about the banner?",
    ],
)
def test_near_misses_are_declined(summit_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(summit_engine).ask(question)
    assert a.abstained, (question, [h.text for h in a.hits[:1]])


@pytest.mark.parametrize(
    "question",
    [
        "What did Obama say about bloodshed in his speech?",
        "What did Putin tell the assembly about the Syrian army?",
        "What did Luther Pate say about the banner?",
    ],
)
def test_answerable_speaker_questions_are_answered(summit_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    a = Conversation(summit_engine).ask(question)
    assert not a.abstained, (question, a.reason)


PREVIEW = (
    "Obama and Putin spoke at the United Nations in New York. The two leaders are set to meet later on "
    "Monday, where Syria is expected to be one of the main topics. Russia sent tanks on Friday."
)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Did the Monday talks produce a ceasefire in Syria?", "Monday"),
        ("What was agreed when Putin and Obama met on Monday?", "Monday"),
        ("What did Russia send on Friday?", None),  # told of as past
        ("When will the leaders meet on Monday?", None),  # asks what is to come
        ("What did Obama say on Tuesday?", None),  # the day is never named
        ("What did Obama say in New York?", None),
    ],
)
def test_day_ahead(question: str, day: str | None) -> None:
    from qa import planned

    assert planned.day_ahead(question, PREVIEW) == day
