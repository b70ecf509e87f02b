"""Typed evidence: where a passage states a value of the asked type (a place, a time, a number, a
name for "Who ...?") and whether the question's words stand beside it.

A passage that restates the question's own place or date adds no value of the asked type (_echoes,
_names_echo); the question's terms within a few words of a value the question does not give
(_bound, over BOUND_WINDOWS) mark the sentence that answers. Read by the ranking features
(Features.echo, Features.bound). Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re

import numpy as np

from qa import answer_type
from qa.engine import Engine

# The windows (in words, either side of the asked value) that Features.bound is read over; which one
# counts is Weights.bound_window, fitted by bench/fit.py.
BOUND_WINDOWS = (3, 6, 10)


# A run of capitalised words: a name, or a sentence's first word (whose terms are often stop words).
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _names_echo(engine: Engine, text: str, asked: frozenset[str]) -> bool:
    """Whether every capitalised word of `text` is a word of the question: no other name to answer
    "Who ...?" with.

    Args:
        engine: the open index (its term maker).
        text: the passage.
        asked: the question's terms.
    Returns:
        True when no run of capitalised words adds a term the question lacks.
    """
    return all(set(engine.terms(m)) <= asked for m in _CAPITALISED.findall(text))


def _echoes(engine: Engine, a_type: str, text: str, asked: frozenset[str]) -> bool:
    """Whether all of `text`'s evidence of the answer type is words of the question.

    Args:
        engine: the open index (its term maker).
        a_type: the question's loose answer type (qa.answer_type.question_type).
        text: the passage.
        asked: the question's terms.
    Returns:
        True when the text has such evidence and every match's terms are among `asked` ("in
        Brussels" for "Where in Brussels ...?"); False when some match adds a word, or none is found.
    """
    found = answer_type.evidence_found(a_type, text)
    return bool(found) and all(set(engine.terms(m)) <= asked for m in found)


_WORD = re.compile(r"[\w'’.-]+")


def _values_in(a_type: str | None, sentence: str) -> list[tuple[int, int]]:
    """Where `sentence` states a value of the asked type: the loose answer type's evidence
    (qa.answer_type.evidence_found), or for a "Who ...?" question (a_type None) a run of capitalised
    words.

    Args:
        a_type: the question's loose answer type; None for a "Who ...?" question.
        sentence: one sentence of a passage.
    Returns:
        The (start, end) of each value, in the sentence.
    """
    if a_type is None:
        return [m.span() for m in _CAPITALISED.finditer(sentence)]
    found = dict.fromkeys(answer_type.evidence_found(a_type, sentence))
    return sorted({m.span() for v in found if v for m in re.finditer(re.escape(v), sentence)})


def _bound(
    engine: Engine,
    a_type: str | None,
    text: str,
    sents: list[tuple[int, int, frozenset[str]]],
    qterms: dict[str, float],
    asked: frozenset[str],
    memo: dict[str, frozenset[str]],
) -> np.ndarray:
    """The question's terms beside a value of the asked type, for each window of BOUND_WINDOWS.

    Args:
        engine: the open index (its term maker).
        a_type: the question's loose answer type; None for a "Who ...?" question.
        text: the passage.
        sents: its sentences (start, end, terms).
        qterms: the question's terms read by the coverage features, with their idf.
        asked: all the question's terms: a value made only of them restates the question.
        memo: each word's terms, shared across one question's candidates.
    Returns:
        For each window, the largest idf-weighted share of `qterms` within that many words of one
        value, over the values and sentences of the passage (0 where none).
    """
    out = np.zeros(len(BOUND_WINDOWS))
    total = sum(qterms.values())
    if not total:
        return out
    for a, b, terms in sents:
        if not any(t in terms for t in qterms):
            continue
        sentence = text[a:b]
        spans = _values_in(a_type, sentence)
        if not spans:
            continue
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
        tterms = []
        for _, _, w in tokens:
            if w not in memo:
                memo[w] = frozenset(engine.terms(w))
            tterms.append(memo[w])
        for vs, ve in spans:
            inside = [k for k, (ts, te, _) in enumerate(tokens) if ts < ve and vs < te]
            if not inside or set().union(*(tterms[k] for k in inside)) <= asked:
                continue  # no word, or only the question's own: it restates the question
            lo, hi = inside[0], inside[-1]
            dist: dict[str, int] = {}
            for k, ts in enumerate(tterms):
                if lo <= k <= hi:
                    continue
                d = lo - k if k < lo else k - hi
                for t in ts:
                    if t in qterms and d < dist.get(t, 1 << 30):
                        dist[t] = d
            for j, window in enumerate(BOUND_WINDOWS):
                share = sum(qterms[t] for t, d in dist.items() if d <= window) / total
                out[j] = max(out[j], share)
    return out
