"""The asked topic of "What did X say about T?" as the speaker-topic test weighs it, words no
document writes included.

"What did Obama say about climate change?" asked of an article where Obama is quoted on Syria only:
the topic's words are in no document, and the speaker-topic test (qa.abstain.SPEAKER_TOPIC_SHARE)
read only the words the documents use, so it had nothing to weigh and the question was answered
with Obama's quote on Syria (article_heldout8 h8n08). Here a topic word the documents never use
counts, at the highest idf, as one X's texts lack.

Whether X's texts say such a topic in other words cannot be told by the embedder: on speaker
questions generated from PolNeAR train (bench/fit_topic_cover.py, bench/reports/abstention_topic_cover.md)
the cosine of the topic, or of the whole question, to X's closest text is as high for topic words
X never spoke of as for X's own topic words masked out of X's texts. The cost is measured instead on
the human-written sets, whose answerable questions paraphrase freely.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

# Whether topic words the documents never write count against the speaker's cover (switched off to
# measure: bench/speaker_forms.py, the end-to-end sets).
UNKNOWN_TERMS = True


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
