"""Sentence-level dense evidence: the question's best cosine with one sentence of a passage.

The passage vector (Features.dense) averages every sentence of a paragraph: a four-sentence
paragraph whose second sentence answers scores below a one-sentence passage that only shares the
topic. all-MiniLM-L6-v2 was trained on sentence pairs, so the question is compared with each
sentence alone, and with each sentence joined to the one before it: "he said" sentences carry
their subject in the sentence before ("Putin spoke next. He said the West ..."). Computed at query
time over the top candidates only (qa.dense_evidence), with the index's own embedder.
"""

from __future__ import annotations

import numpy as np

from qa.engine import Engine


def sentence_spans(engine: Engine, pid: int) -> list[tuple[int, int]]:
    """The passage's sentences as (start, end) offsets into its text (engine.sentence_terms').

    Args:
        engine: the open index.
        pid: the passage.
    Returns:
        At least one span.
    """
    return [(a, b) for a, b, _ in engine.sentence_terms(pid)]


def best_sentence_cosines(engine: Engine, q: np.ndarray, pids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each passage, the best cosine of the question with one of its sentences, and with one
    sentence joined to the sentence before it (the first sentence alone where there is none).

    Args:
        engine: the open index (its embedder encodes the sentences).
        q: the question's unit vector, as engine.encode made it.
        pids: the passages.
    Returns:
        (best single-sentence cosine, best sentence-with-previous cosine), aligned with `pids`.
    """
    texts: list[str] = []
    owner: list[int] = []
    pair: list[bool] = []
    for i, pid in enumerate(pids):
        text = engine.passages[pid].text
        spans = sentence_spans(engine, pid)
        for j, (a, b) in enumerate(spans):
            texts.append(text[a:b])
            owner.append(i)
            pair.append(False)
            if j > 0:
                texts.append(text[spans[j - 1][0] : b])
                owner.append(i)
                pair.append(True)
    single = np.zeros(len(pids))
    joined = np.zeros(len(pids))
    if not texts:
        return single, joined
    sims = engine.encode_passage_texts(texts) @ q
    single[:] = -1.0
    for i, s, is_pair in zip(owner, sims, pair, strict=True):
        if not is_pair:
            single[i] = max(single[i], float(s))
    joined[:] = single  # a one-sentence passage: the sentence itself
    for i, s, is_pair in zip(owner, sims, pair, strict=True):
        if is_pair:
            joined[i] = max(joined[i], float(s))
    return single, joined
