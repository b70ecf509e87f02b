"""Sentence-level dense evidence: the question's best cosine with one sentence of a passage.

The passage vector (Features.dense) averages every sentence of a paragraph: a four-sentence
paragraph whose second sentence answers scores below a one-sentence passage that only shares the
topic. all-MiniLM-L6-v2 was trained on sentence pairs, so the question is compared with each
sentence alone, and with each sentence joined to the one before it: "he said" sentences carry
their subject in the sentence before ("Putin spoke next. He said the West ..."). The sentences'
vectors are stored at index time (index.sentvec): a lookup, no encoding at query time. An index
built before them has none: the columns are then 0 (off).
"""

from __future__ import annotations

import numpy as np

from qa.engine import Engine


def best_sentence_cosines(engine: Engine, q: np.ndarray, pids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each passage, the best cosine of the question with one of its sentences, and with one
    sentence or one sentence joined to the sentence before it (index.sentvec's rows).

    Args:
        engine: the open index.
        q: the question's unit vector, as engine.encode made it.
        pids: the passages.
    Returns:
        (best single-sentence cosine, best sentence-or-pair cosine), aligned with `pids`; zeros
        when the index stores no sentence vectors.
    """
    if engine.sentences is None:
        return np.zeros(len(pids)), np.zeros(len(pids))
    return engine.sentences.best(q, pids)
