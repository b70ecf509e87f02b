"""Metonyms and paraphrases: a question word the documents never use is not "missing" when the
documents say it another way (qa.equivalents, used by qa.rank's abstention).

Articles written for these tests. The fast tests use the model-free hash embedder (metonyms need no
model) or a toy encoder; the slow ones ask the real model.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from index.lexical import terms
from qa import equivalents, not_mentioned, term_cover

SYRIA = """Russia steps up arms deliveries to the Syrian government

Russia has delivered fighter jets and anti-aircraft missiles to the Syrian government, officials in Beirut said on Monday.

President Vladimir Putin said Russia backs the government of Bashar al-Assad because it is the only force fighting the militants. "Without the army, the state would collapse," Putin told reporters.

The United States says Assad has lost all legitimacy and must step down. American officials said the new jets would prolong the war.

The war has gone on for five years, and more than 250,000 people have lost their lives. Millions have fled to Lebanon, Jordan and Turkey.
"""

FOOTBALL = """Harbour City beat Northfield after a late red card

Harbour City beat Northfield 2-1 on Saturday in a bad-tempered cup tie at the Quay Stadium.

Referee Lars Holm dismissed Northfield striker Tomas Berg in the 70th minute for a second yellow card, and City scored twice in the last ten minutes.

Northfield manager Ruth Ekdahl said her team would appeal against the decision.
"""


@pytest.fixture(scope="module")
def syria_engine(tmp_path_factory: pytest.TempPathFactory, qa_home: Path):  # type: ignore[no-untyped-def]
    """The Syria article, indexed with the hash embedder (metonyms need no model)."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("syria-docs")
    (docs / "syria.txt").write_text(SYRIA, encoding="utf-8")
    target = tmp_path_factory.mktemp("syria") / "ix"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Moscow", {"russia", "russian"}),
        ("Washington", {"united states", "american"}),
        ("Damascus", {"syria", "syrian"}),
        ("Syrian", {"syria", "damascus"}),
        ("Russia", {"moscow", "russian"}),
        ("UK", {"united kingdom", "british", "london"}),
    ],
)
def test_country_equivalents_come_from_the_country_table(word: str, expected: set[str]) -> None:
    assert expected <= set(equivalents.country_equivalents(word))


def test_a_word_naming_no_country_has_no_metonym() -> None:
    assert equivalents.country_equivalents("weapons") == []
    assert equivalents.country_equivalents("") == []


def test_iso_codes_that_read_as_words_are_left_out() -> None:
    # Armenia's alpha-3 code is "ARM": the documents' "arm" must not stand for Yerevan.
    assert "arm" not in equivalents.country_equivalents("Yerevan")
    assert "in" not in equivalents.country_equivalents("India")


def test_metonym_in_returns_the_name_the_documents_use() -> None:
    used = {"syria"}.__contains__
    assert equivalents.metonym_in("Damascus", used) == "syria"
    assert equivalents.metonym_in("Tehran", used) is None


@pytest.mark.parametrize(
    "word",
    ["moscow", "washington", "damascus", "kremlin"],
)
def test_the_documents_word_is_unknown_before_equivalents(syria_engine, word: str) -> None:  # type: ignore[no-untyped-def]
    assert not syria_engine.lexical.known(syria_engine.terms(word)[0])


@pytest.mark.parametrize(
    "question",
    [
        "Which weapons did Moscow deliver?",
        "What is Washington's position on Assad?",
        "Why does Putin back Damascus?",
    ],
)
def test_a_capital_standing_for_its_country_is_not_missing(syria_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    missing, _ = not_mentioned._unknown_words(syria_engine, question)
    assert not {"moscow", "washington", "damascus"} & set(missing)
    for name in term_cover.names_in(question):
        assert any(not_mentioned._known(syria_engine, t, name.lower()) for t in syria_engine.terms(name))


def test_a_city_that_is_no_capital_of_a_country_in_the_documents_stays_missing(syria_engine) -> None:  # type: ignore[no-untyped-def]
    missing, _ = not_mentioned._unknown_words(syria_engine, "Which jets did Tehran deliver?")
    assert missing == ["tehran"]
    # Turkey is named (refugees fled there): its capital is no unknown word.
    assert not_mentioned._unknown_words(syria_engine, "Which jets did Ankara deliver?")[0] == []


def test_multi_word_names_are_matched_as_phrases(syria_engine) -> None:  # type: ignore[no-untyped-def]
    assert term_cover.uses_name(syria_engine, "united states")
    # Both words are in the article, but never in a row.
    assert not term_cover.uses_name(syria_engine, "lost millions")


def test_phrases_of_a_question_hold_the_missing_word_with_its_neighbours() -> None:
    has = lambda w: bool(terms(w))  # noqa: E731
    assert equivalents.question_phrases("Which player was sent off by the referee?", "sent", has) == [
        "sent",
        "sent off",
    ]
    assert "death toll" in equivalents.question_phrases("What is the death toll of the war?", "toll", has)


def test_document_phrases_begin_and_end_with_content_words() -> None:
    has = lambda w: bool(terms(w))  # noqa: E731
    got = equivalents.document_phrases(["More than 250,000 people lost their lives."], has)
    assert "lost their lives" in got
    assert all(has(p.split()[0]) and has(p.split()[-1]) for p in got)
    assert len(equivalents.document_phrases(["word " * 1000], has)) <= equivalents.MAX_CANDIDATES


def _toy_encode(table: dict[str, list[float]]):  # type: ignore[no-untyped-def]
    """Given rows for some texts (padded to 64 dims); any other text gets its own direction."""

    def row(t: str) -> np.ndarray:
        if t in table:
            return np.pad(np.asarray(table[t], dtype=np.float32), (0, 64 - len(table[t])))
        return np.eye(64, dtype=np.float32)[3 + zlib.crc32(t.encode()) % 61]

    def encode(texts: list[str]) -> np.ndarray:
        rows = np.stack([row(t) for t in texts])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    return encode


def test_a_phrase_sharing_a_term_with_the_asked_one_does_not_cover_it() -> None:
    # "the death" is closest to "death toll" only because of "death", which the documents have anyway.
    encode = _toy_encode(
        {"death toll": [1, 0, 0], "toll": [1, 0, 0], "death": [1, 0.01, 0], "lives": [1, 0.3, 0]}
    )
    got = equivalents.paraphrased(
        "What is the death toll?", ["toll"], ["The death of many lives"], encode, terms, threshold=0.9
    )
    assert got == {"toll": "lives"}


def test_nothing_is_covered_below_the_threshold() -> None:
    encode = _toy_encode({"sent": [1, 0, 0], "dismissed": [0.5, 1, 0]})
    assert equivalents.paraphrased("Who was sent off?", ["sent"], ["He dismissed Berg"], encode, terms) == {}
    assert equivalents.paraphrased("Who was sent off?", ["sent"], [], encode, terms) == {}


# --- with the real model -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_index(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Path:
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("news-docs")
    (docs / "syria.txt").write_text(SYRIA, encoding="utf-8")
    (docs / "football.txt").write_text(FOOTBALL, encoding="utf-8")
    target = tmp_path_factory.mktemp("news") / "ix"
    # fp32: onnxruntime's int8 kernels differ by CPU (the same int8 model answers "death toll" on one
    # x86 machine and declines it on an AMD EPYC one, fp32 on both), and these tests are about the
    # equivalence rules, not the quantisation.
    build([docs], target, cache_dir=config.model_cache_dir(), quantized=False)
    return target


# Pairs the project's data cannot make yet, kept as strict expected failures so that a change that
# makes them pass is noticed (seats of government, "the Kremlin", pass since round 23's
# qa.equivalents.SEATS_OF_GOVERNMENT: no well-kept package ships them offline): the small embedding model puts "death toll" 0.38 from "lost their lives" and "sent off" 0.37
# from "dismissed", below qa.equivalents.PARAPHRASE_COSINE (0.725, bench/reports/equivalents.md), in
# sentences less close to the question than CONTEXT_SENTENCE_COSINE (0.75); WordNet 3.0, the one
# offline lexical resource found, has neither pair (same report, "Lexical resources checked").
_NOT_YET = pytest.mark.xfail(strict=True, reason="no offline data or model closeness for this pair")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "expected", "needs_metonym"),
    [
        ("What did Moscow deliver?", "fighter jets", True),
        ("What does Washington want from Assad?", "must step down", True),
        # qa.forms reads "position on" as "What did Washington say about Assad's legitimacy?", whose
        # topic ("legitimacy") the passage holds word for word: answered with or without the metonym.
        ("What is Washington's position on Assad's legitimacy?", "must step down", False),
        ("Who backs Damascus?", "Russia backs", True),
    ],
)
def test_a_capital_for_its_country_is_answered_and_was_declined_without_it(
    news_index: Path, question: str, expected: str, needs_metonym: bool
) -> None:
    import qa
    from qa import query_reading

    index = qa.open(news_index)
    # The metonym is what answers it: the abstention's (metonym_in) and the ranking's reading of a
    # capital as an actor (query_reading.CAPITAL_AGENTS) both off, it is declined.
    with (
        mock.patch.object(equivalents, "metonym_in", lambda *_: None),
        mock.patch.object(query_reading, "CAPITAL_AGENTS", False),
    ):
        assert index.ask(question).abstained is needs_metonym
    a = index.ask(question)
    assert not a.abstained, a.reason
    assert expected in a.passages[0].text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which weapons did Moscow deliver?", "fighter jets"),
        ("Why does Putin back Damascus?", "only force fighting"),
        ("How many people died in the war?", "lost their lives"),
        ("What is the death toll of the war?", "lost their lives"),
        ("Which weapons did the Kremlin deliver?", "fighter jets"),
        ("How does the Kremlin's leader justify backing Damascus?", "only force"),
        pytest.param("What is the death toll of the conflict?", "lost their lives", marks=_NOT_YET),
        # Passes since round 32: "player" names the answer's kind (qa.kind_nouns, fit on SQuAD), so
        # the documents' lacking it no longer declines; "sent off" is still no paraphrase.
        ("Which player was sent off by the referee?", "dismissed"),
    ],
)
def test_metonyms_and_paraphrases_are_answered(news_index: Path, question: str, expected: str) -> None:
    import qa

    a = qa.open(news_index).ask(question)
    assert not a.abstained, a.reason
    assert expected in a.passages[0].text


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "What did Tehran say about the jets?",  # a capital of a country the documents never name
        "How much was Northfield fined?",
    ],
)
def test_what_the_documents_do_not_say_is_still_declined(news_index: Path, question: str) -> None:
    import qa

    assert qa.open(news_index).ask(question).abstained


# --- in context: a nearer-than-threshold phrase in a sentence about the question -----------------


def test_a_close_phrase_alone_covers_whatever_the_sentence() -> None:
    assert equivalents.covers(equivalents.PARAPHRASE_COSINE, 0.0)
    assert not equivalents.covers(equivalents.PARAPHRASE_COSINE - 0.01, 0.0)


def test_a_weaker_phrase_covers_only_in_a_sentence_on_the_question() -> None:
    t1, t2 = equivalents.CONTEXT_PHRASE_COSINE, equivalents.CONTEXT_SENTENCE_COSINE
    assert t1 < equivalents.PARAPHRASE_COSINE
    assert equivalents.covers(t1, t2)
    assert not equivalents.covers(t1, t2 - 0.01)
    assert not equivalents.covers(t1 - 0.01, 1.0)


def test_scores_give_the_phrase_and_the_best_sentence_closeness() -> None:
    question = "When did the lawyer caution Blair?"
    near, far = "The lawyer warned Blair in March", "Rain fell on Monday"
    encode = _toy_encode(
        {
            "caution": [1, 0, 0],
            "warned": [0.9, 0.44, 0],
            question: [0, 0, 1],
            near: [0, 0.3, 1],
            far: [0, 1, 0],
        }
    )
    got, sentence_cos = equivalents.paraphrase_scores(question, ["caution"], [near, far], encode, terms)
    assert got["caution"][0] == "warned"
    assert got["caution"][1] == pytest.approx(0.9 / np.hypot(0.9, 0.44), abs=1e-4)
    assert sentence_cos == pytest.approx(1 / np.hypot(0.3, 1), abs=1e-4)  # the nearer of the two


def test_a_phrase_between_the_thresholds_covers_in_context_and_not_out_of_it() -> None:
    question = "When did the lawyer caution Blair?"
    near, far = "The lawyer warned Blair in March", "The lawyer warned Blair"
    phrase = (equivalents.CONTEXT_PHRASE_COSINE + equivalents.PARAPHRASE_COSINE) / 2
    table = {"caution": [1, 0, 0], "warned": [phrase, float(np.sqrt(1 - phrase**2)), 0]}
    on_topic = _toy_encode({**table, question: [0, 0, 1], near: [0, 0, 1]})
    off_topic = _toy_encode({**table, question: [0, 0, 1], far: [1, 1, 0]})
    assert equivalents.paraphrased(question, ["caution"], [near], on_topic, terms) == {"caution": "warned"}
    assert equivalents.paraphrased(question, ["caution"], [far], off_topic, terms) == {}
