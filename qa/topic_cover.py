"""The asked topic of "What did X say about T?" as the speaker-topic test weighs it, words no
document writes included.

"What did Obama say about climate change?" asked of an article where Obama is quoted on Syria only:
the topic's words are in no document, and the speaker-topic test (qa.abstain.SPEAKER_TOPIC_SHARE)
read only the words the documents use, so it had nothing to weigh and the question was answered
with Obama's quote on Syria (article_heldout8 h8n08). Here a topic word the documents never use
counts, at the highest idf, as one X's texts lack, unless one of X's texts is close to the topic
under the index's embedder (TOPIC_COSINE: X says it in other words).

Measured by bench/fit_topic_cover.py (bench/reports/abstention_topic_cover.md).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

# Whether topic words the documents never write count against the speaker's cover (switched off to
# measure: bench/speaker_forms.py, the end-to-end sets).
UNKNOWN_TERMS = True
# The cosine (index embedder) between such a topic and the closest of X's texts (quote sentences,
# sentences naming X) at or above which X is taken to say it in other words ("the Syrian army's
# courage" beside Putin's "armed forces who are valiantly fighting"); 0.0: never. Fit by
# bench/fit_topic_cover.py --gold on the human-written sets (bench/reports/abstention_topic_cover.md).
TOPIC_COSINE = 0.45


def topic_weights(
    terms: Sequence[str],
    known: Callable[[str], bool],
    idf: Callable[[str], float],
    excused: Collection[str] = (),
) -> dict[str, float]:
    """The asked topic's terms with their weights.

    Args:
        terms: the topic's index terms, in order.
        known: whether the documents use a term.
        idf: a term's idf (an unknown term's is the highest).
        excused: unknown terms left out all the same (a capital the question names where the
            documents name its country: qa.forms.topic_stand_ins).
    Returns:
        term -> idf: the known terms, and with UNKNOWN_TERMS the unknown ones not excused.
    """
    return {t: idf(t) for t in dict.fromkeys(terms) if known(t) or (UNKNOWN_TERMS and t not in excused)}


def closest(topic: str, texts: Collection[str], encode: Callable[[list[str]], Any]) -> float:
    """The largest cosine between the topic and one of the texts (0.0 without texts).

    Args:
        topic: the asked topic ("the Syrian army's courage").
        texts: X's texts.
        encode: the index embedder (normalised vectors, one row per text).
    Returns:
        The cosine.
    """
    if not texts:
        return 0.0
    import numpy as np

    vecs = np.asarray(encode([topic, *texts]), dtype=np.float32)
    return float((vecs[1:] @ vecs[0]).max())
