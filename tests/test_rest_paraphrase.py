"""The cover gate's rest held in other words (qa.rest_paraphrase)."""

from __future__ import annotations

import pytest

from index.lexical import terms
from qa import cover, rest_paraphrase
from qa.engine import Engine
from qa.session import Conversation

QUESTION = "What cargo has the ferry shipped to Orkney?"
# The best sentences: the first says "carrying" for "shipped"; the second holds neither.
SENTENCES = [
    "The ferry has been carrying sheep, timber and fuel to Orkney all winter.",
    "The harbour master said sailings were late twice.",
]


def _held(scored: dict[str, tuple[str, float]], threshold: float = 0.55) -> tuple[int, int]:
    away = {t for w in ("cargo", "orkney") for t in terms(w)}  # the asked noun and the name
    return rest_paraphrase.held_in_other_words(
        terms(QUESTION),
        away,
        [terms(s) for s in SENTENCES],
        scored,
        ["cargo", "shipped"],
        terms,
        threshold=threshold,
    )


def test_a_rest_word_said_in_its_sentence_is_held() -> None:
    held, rest = _held({"shipped": ("carrying", 0.63)})
    assert (held, rest) == (2, 2)  # "ferry" as written, "shipped" as "carrying"
    ev = cover.Evidence({"cargo": "head", "shipped": "verb"}, 0.3, (held, rest))
    assert cover.declining(ev) == []


def test_a_phrase_below_the_cosine_holds_nothing() -> None:
    held, rest = _held({"shipped": ("carrying", 0.50)})
    assert (held, rest) == (1, 2)
    ev = cover.Evidence({"cargo": "head", "shipped": "verb"}, 0.3, (held, rest))
    assert cover.declining(ev) == ["cargo"]


def test_a_phrase_of_another_sentence_holds_nothing_here() -> None:
    # "late" is in the second sentence, which lacks "ferry": no sentence holds the whole rest.
    held, rest = _held({"shipped": ("late", 0.70)})
    assert (held, rest) == (1, 2)


def test_the_default_cosine_is_below_a_paraphrase_on_its_own() -> None:
    from qa import equivalents

    assert rest_paraphrase.REST_PARAPHRASE_COSINE < equivalents.PARAPHRASE_COSINE


def test_a_sentence_holding_nothing_as_written_holds_no_paraphrase() -> None:
    # "what's the capital of norway" beside a sentence naming another country: the rest word is
    # only a phrase's neighbour, the sentence holds nothing of the question.
    q = "what is the capital of norway"
    sentence = "Sweden has sent aid to the islands."
    held = rest_paraphrase.held_in_other_words(
        terms(q),
        set(terms("capital")),
        [terms(sentence)],
        {"norway": ("sweden", 0.64)},
        ["norway"],
        terms,
    )
    assert held == (0, 1)


def test_a_name_the_sentence_holds_anchors_it() -> None:
    q = "What cargo has the Nordvik shipped to Orkney?"
    sentence = "The Nordvik has been carrying sheep to Orkney."
    held = rest_paraphrase.held_in_other_words(
        terms(q),
        {t for w in ("cargo", "nordvik", "orkney") for t in terms(w)},
        [terms(sentence)],
        {"shipped": ("carrying", 0.63)},
        ["shipped"],
        terms,
        anchors={t for w in ("nordvik", "orkney") for t in terms(w)},
    )
    assert held == (1, 1)


# An article written for this test, shaped as the bundled one is where hx03 was declined (a long
# sentence saying "sending" for "shipped", among paragraphs on other things).
FERRY = (
    "Northern Isles Line defends winter timetable in council address\n"
    "\n"
    "Chief executive Martin Sale says cutting the Orkney service would be a grave error, claims the line is the only link keeping the farms open\n"
    "\n"
    "Updated Jan 14, 2025\n"
    "\n"
    "In his address to the island council, chief executive Martin Sale said it would be a grave error to cut the winter service and added that the line is the main link keeping the farms going through the storms.\n"
    "\n"
    '"We think it is a serious error to stop working with the island farmers and their unions, who are bravely keeping the farms open week after week," Sale told the council.\n'
    "\n"
    "Sale's remarks were in direct opposition to the view given by council leader Ann Reid, who spoke to the councillors shortly before him.\n"
    "\n"
    "Northern Isles Line has backed the islanders since the strike of 2019 and has recently stepped up its winter service by sending sheep feed, timber and diesel to Orkney, saying it is helping the farms in their struggle against the weather.\n"
    "\n"
    "Harbour officials have raised worries about a possible collision in the narrow channel between Kirkwall and Shapinsay if the storms go on into March.\n"
    "\n"
    "The council said it would pay for a second pier next year, and the two sides are set to meet again on Friday.\n"
    "\n"
)


@pytest.fixture(scope="module")
def ferry(qa_home, tmp_path_factory: pytest.TempPathFactory) -> Engine:  # type: ignore[no-untyped-def]
    from index.build import build
    from qa import config

    docs = tmp_path_factory.mktemp("ferry-real")
    (docs / "ferry.txt").write_text(FERRY, encoding="utf-8")
    target = tmp_path_factory.mktemp("ferry-real-index") / "index"
    build([docs], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["What hardware has the line shipped to Orkney?", "What weaponry has the line shipped to Orkney?"],
)
def test_an_asked_noun_beside_a_rest_said_in_other_words_is_answered(ferry: Engine, question: str) -> None:
    answer = Conversation(ferry).ask(question, 3)
    assert not answer.abstained, answer.reason
    assert "sheep feed" in answer.passages[0].text


@pytest.mark.slow
def test_the_same_asked_noun_without_the_rest_still_declines(ferry: Engine) -> None:
    # "penalty" is what is asked, and no sentence holds "imposed" or anything said in its place.
    assert (
        Conversation(ferry).ask("What penalty has the council imposed on Northern Isles Line?", 3).abstained
    )


@pytest.mark.slow
def test_without_the_rule_the_asked_noun_declines(ferry: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rule off (no paraphrase holds a rest word): the gate declines as before it.
    orig = rest_paraphrase.held_in_other_words
    monkeypatch.setattr(
        rest_paraphrase, "held_in_other_words", lambda *a, **kw: orig(*a, **{**kw, "threshold": 2.0})
    )
    answer = Conversation(ferry).ask("What hardware has the line shipped to Orkney?", 3)
    assert answer.abstained
    assert "hardware" in answer.reason
