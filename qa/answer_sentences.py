"""The sentences of an answer's best passages, where abstention looks for a near miss's evidence.

The near-miss tests (qa.near_miss, qa.decline, qa.speaker_topic) read the asked value, count or
speaker in the first NEAR_MISS_PASSAGES passages of the answer: their sentences with their terms
(near_sentences), the same widened by the subject an earlier sentence names (chained_sentences:
"She", "The ... native"), their documents (answer_docs), and the question's focus terms they are
weighed by (focus_idf). Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

from qa import abstain, slots
from qa.engine import Engine

# A count is looked for in the five passages shown. Depth 3 changed nothing measured: 6 of the 104
# SQuAD-2000 "how many" questions had no count beside their noun at either depth, and news-dev's
# answerable ones none (bench/reports/abstention.md, "depth").
NEAR_MISS_PASSAGES = 5


def answer_docs(engine: Engine, pids: list[int]) -> frozenset[int]:
    """The documents of the answer's passages (the first NEAR_MISS_PASSAGES), where its evidence is read.

    Args:
        engine: the open index.
        pids: the answer's passages, best first.
    Returns:
        Their document ids.
    """
    return frozenset(engine.passages[p].doc_id for p in pids[:NEAR_MISS_PASSAGES])


def near_sentences(engine: Engine, pids: list[int]) -> list[tuple[str, frozenset[str]]]:
    """The sentences of the best passages, where a near miss's asked value would have to be.

    Args:
        engine: the open index.
        pids: the answer's passages, best first; the first NEAR_MISS_PASSAGES are read.
    Returns:
        Each sentence's text and terms, in passage order.
    """
    return [
        (engine.passages[p].text[a:b], terms)
        for p in pids[:NEAR_MISS_PASSAGES]
        for a, b, terms in engine.sentence_terms(p)
    ]


def chained_sentences(engine: Engine, pids: list[int]) -> list[tuple[str, frozenset[str]]]:
    """near_sentences, each sentence going on about an earlier one's subject ("She", "The ... native")
    widened with that one's terms (qa.slots.chained); a passage opening so takes the terms of the
    passages before it in its document, up to slots.CHAIN_REACH, while those open so too.

    Args:
        engine: the open index.
        pids: the answer's passages, best first.
    Returns:
        Each sentence's text and its widened terms, in passage order.
    """
    out: list[tuple[str, frozenset[str]]] = []
    for p in pids[:NEAR_MISS_PASSAGES]:
        rows = [(engine.passages[p].text[a:b], terms) for a, b, terms in engine.sentence_terms(p)]
        before: list[tuple[str, frozenset[str]]] = []
        q, doc = p, engine.passages[p].doc_id
        while (
            q > 0
            and len(before) < slots.CHAIN_REACH
            and engine.passages[q - 1].doc_id == doc
            and slots.goes_on(engine.passages[q].text)
        ):
            q -= 1
            before.insert(0, (engine.passages[q].text, engine.passage_terms(q)))
        out += slots.chained(before + rows)[len(before) :]
    return out


def focus_idf(engine: Engine, searched: str) -> dict[str, float]:
    """The terms of the question's focus words (abstain.focus_words), with their idf.

    Args:
        engine: the open index.
        searched: the question as searched.
    Returns:
        Each focus term with its idf.
    """
    return {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(abstain.focus_words(searched)))}
