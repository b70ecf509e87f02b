"""The cover gate's rest held in other words (qa.rest_paraphrase)."""

from __future__ import annotations

from index.lexical import terms
from qa import cover, rest_paraphrase

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
