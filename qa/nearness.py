"""Nearness to the previous answer: a ranking feature of follow-ups whose pronoun was resolved.

"Has he backed down?", "What is she thinking of doing instead?", "Which contests did he try to turn
attention to?": once the pronoun is replaced by its person, the question reads as one of its own,
yet its answer is most often in or beside the passage just shown (news_heldout8: 5 of 9 follow-up
misses were the passage shown or the next one, ranked 2nd to 5th behind passages of the same person
elsewhere). A passage of the previous answer's document within SPAN passages of the one shown gains
WEIGHT * DECAY ** (d - 1), d its distance in passages, and the passage shown WEIGHT * SHOWN; the hits
are then ordered again.

WEIGHT, SHOWN and DECAY are fit by bench/followups_real.py --fit on PolNeAR train conversations of the
real sets' shapes, with bench/followups.py's kinds (whose answers are mostly elsewhere) alongside:
bench/reports/followups_real.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qa.types import Answer, Passage

# On the ranking's score scale (qa.rank.Weights; its boolean focus feature is 0.6): the gain of the
# passages beside the one shown (distance 1). Fit: see above.
WEIGHT = 1.0
# The share of WEIGHT the passage shown itself gains: the reader has read it, and a follow-up most
# often asks what it does not say, yet "Has he backed down?" may be answered there. Fit: see above.
SHOWN = 1.0
# The share kept per further passage of distance (distance 2 gains WEIGHT * DECAY). Fit: see above.
DECAY = 0.5
# Passages further than this from the one shown gain nothing: the passage shown and two either side,
# as session.AROUND (a news story's one-sentence paragraphs that tell one event). Not fit.
SPAN = 2


def gain(pid: int, anchor: int, passages: Sequence[Passage]) -> float:
    """What passage `pid` gains for its nearness to the passage shown.

    Args:
        pid: a ranked passage; anchor: the previous answer's passage.
        passages: the index's passages (their document ids).

    Returns:
        WEIGHT * SHOWN for the anchor, WEIGHT * DECAY ** (d - 1) within SPAN passages of it in its
        document, else 0.
    """
    d = abs(pid - anchor)
    if d > SPAN or not (0 <= pid < len(passages)) or passages[pid].doc_id != passages[anchor].doc_id:
        return 0.0
    return WEIGHT * SHOWN if d == 0 else WEIGHT * DECAY ** (d - 1)


def reweigh(answer: Answer, anchor: int, passages: Sequence[Passage]) -> Answer:
    """`answer` with each hit's score raised by its nearness gain and the hits ordered again; an
    abstention is left as it is (nearness never makes the documents answer).

    Args:
        answer: one reading's ranking.
        anchor: the previous answer's passage.
        passages: the index's passages.

    Returns:
        The reordered answer.
    """
    if answer.abstained or not answer.hits or WEIGHT == 0:
        return answer
    hits = [replace(h, score=h.score + gain(h.pid, anchor, passages)) for h in answer.hits]
    return replace(answer, hits=sorted(hits, key=lambda h: -h.score))
