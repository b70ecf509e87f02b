"""Term coverage: how much of a question's terms a passage, a sentence or a phrase of it holds.

Ranking (qa.rank, qa.candidate_features) and abstention (qa.not_mentioned) read the same shares: the
idf-weighted share of the question's terms in a set of terms (coverage), the share of its adjacent
term pairs standing side by side in one sentence (phrase_cover), a passage's terms widened by the
stand-ins a question binds (a capital for its country: widen, as_agents), whether the documents
use a name at all (uses_name), and the capitalised words that are a question's names (names_in). Split
from qa.rank (round 20) so one concept lives in one module; no behaviour changed.
"""

from __future__ import annotations

import re
from itertools import pairwise

from qa import cover, equivalents
from qa.engine import Engine, Passage

_QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how is are was were do does did "
    "has have had can could would should will shall may might".split()
)


def sentence_terms(engine: Engine, p: Passage) -> list[tuple[int, int, frozenset[str]]]:
    """Sentences of a passage with their terms (the engine computes them once)."""
    return engine.sentence_terms(p.pid)


def passage_terms(engine: Engine, p: Passage) -> frozenset[str]:
    """All terms of a passage: the union of its sentences' terms."""
    return engine.passage_terms(p.pid)


def has_evidence(engine: Engine, answer_type: str, p: Passage) -> bool:
    """intents.has_evidence for a passage (the engine computes it once per answer type)."""
    return engine.has_evidence(answer_type, p.pid)


def question_pairs(terms: list[str], idf: dict[str, float]) -> dict[tuple[str, str], float]:
    """The question's adjacent term pairs, in its order, each weighted by its two terms' idf.

    Args:
        terms: the question's content terms, in order (stop words already gone: "series of
            strikes" gives seri, strike).
        idf: each term's idf.
    Returns:
        (first, second) -> idf(first) + idf(second); empty for a question of fewer than two terms.
    """
    return {(a, b): idf[a] + idf[b] for a, b in pairwise(terms) if a != b}


def phrase_cover(
    engine: Engine,
    p: Passage,
    sents: list[tuple[int, int, frozenset[str]]],
    pairs: dict[tuple[str, str], float],
) -> float:
    """The largest share of the question's pairs (question_pairs) standing side by side, in order,
    in one sentence of `p`. Only sentences holding both terms of some pair are re-read in order,
    which keeps the cost a few milliseconds a question (bench/reports/fact_ranking.md).

    Args:
        engine: the open index (its term maker).
        p: the passage.
        sents: its sentences (start, end, terms).
        pairs: the question's pairs with their weights.
    Returns:
        The weighted share in [0, 1] of the best sentence.
    """
    total = sum(pairs.values())
    best = 0.0
    for a, b, terms in sents:
        if not any(x in terms and y in terms for x, y in pairs):
            continue
        seq = engine.terms(p.text[a:b])
        side = set(pairwise(seq))
        best = max(best, sum(w for pair, w in pairs.items() if pair in side) / total)
    return best


def coverage(qterms: dict[str, float], have: frozenset[str] | set[str], total: float | None = None) -> float:
    """Idf-weighted share of the question's terms in `have`; `total` is sum(qterms.values()), if known."""
    if total is None:
        total = sum(qterms.values())
    return sum(w for t, w in qterms.items() if t in have) / total if total else 0.0


# A question's first word is capitalised by its place: one as common in English as this (wordfreq's
# Zipf scale; the everyday words of qa.not_mentioned.EVERYDAY_ZIPF, fit.md) followed by a word in
# lower case is no name ("Even with Iran?", "Since when ...?", "Under what ...?"). The read sets'
# openers (bench/wrong23.py openers): such words from 5.73 ("Under") up, names at most 4.93 ("Trump").
OPENER_ZIPF = 5.5


def _opener_word(word: str, following: str) -> bool:
    """Whether a question's capitalised first word is an everyday word, not a name.

    Args:
        word: the first word as typed ("Even").
        following: the word after it ("" when none).
    Returns:
        True when it is in lower case elsewhere a common word and the next word is not capitalised
        (a name running on: "Will Hurd", "May Day"); never an acronym ("US").
    """
    if word.isupper() or following[:1].isupper():
        return False
    from wordfreq import zipf_frequency  # lazy: only capitalised openers pay for it

    return zipf_frequency(word.lower(), "en") >= OPENER_ZIPF


def names_in(question: str) -> list[str]:
    """Capitalised words that are not question scaffolding: the names a question is about."""
    out = []
    fronted = cover.fronted_opener(question)  # "Besides tanks, what ...": no name
    found = list(re.finditer(r"[A-Za-z][\w'’.-]*", question))
    for i, m in enumerate(found):
        w = m.group().rstrip(".")
        if (
            w[:1].isupper()
            and not (i == 0 and w == fronted)
            and not (i == 0 and w.lower() in _QUESTION_WORDS)
            and w.lower() not in _QUESTION_WORDS
            and not (i == 0 and _opener_word(w, found[1].group() if len(found) > 1 else ""))
        ):
            if i == 0 and w.lower() in {
                "and",
                "so",
                "but",
                "then",
                "also",
                "now",
                "tell",
                "show",
                "list",
                "give",
                "according",  # "According to the US president, ...": scaffolding, no name
            }:
                continue
            out.append(w)
    return out


def as_agents(
    have: frozenset[str], text: str, agents: tuple[tuple[str, re.Pattern[str]], ...]
) -> frozenset[str]:
    """A text's terms with the capital terms whose country the text names (agent_terms)."""
    extra = {t for t, rx in agents if t not in have and rx.search(text)}
    return have | extra if extra else have


def widen(have: frozenset[str], stand_ins: dict[str, str]) -> frozenset[str]:
    """A passage's or sentence's terms with the question terms its stand-ins stand for."""
    if not stand_ins:
        return have
    extra = {stand_ins[t] for t in have if t in stand_ins}
    return have | extra if extra else have


def uses_name(engine: Engine, name: str) -> bool:
    """Whether the documents use a folded name: its one term in their vocabulary, or its words in a row."""
    t = engine.terms(name)
    if len(t) == 1 and len(name.split()) == 1:
        return engine.lexical.known(t[0])
    return (
        len(t) > 1
        and all(engine.lexical.known(x) for x in t)
        and equivalents.phrase_in(name, (d.text for d in engine.docs.values()))
    )


# The private names qa.not_mentioned, qa.query_reading and qa.speaker_topic still import (files other
# round-22 branches edit): drop once they import the public ones.
_coverage, _has_evidence, _passage_terms, _uses = coverage, has_evidence, passage_terms, uses_name
