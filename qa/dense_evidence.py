"""Query-time dense evidence over the top candidates: sentence, context and token-level cosines.

The index holds one vector per passage (Features.dense). The columns filled here are computed at
query time by encoding more text with the index's own embedder, for the `k` best candidates under
the other features only (DENSE_K), so the index format does not change: the best single sentence
and the best sentence joined to the one before it (qa.sentence_dense), the passage after its
document's title and after its previous passage (qa.context_dense), and the idf-weighted token
MaxSim (qa.late_interaction). Candidates below the top k keep 0: the columns rerank the top k.
bench/fit_dense21.py fits their weights (qa.rank.Weights.sent_dense ...) leave-one-set-out and
bench/reports/dense21.md gives the figures and the query-time cost.
"""

from __future__ import annotations

import numpy as np

from qa.context_dense import context_cosines
from qa.engine import Engine
from qa.late_interaction import maxsim_scores
from qa.sentence_dense import best_sentence_cosines

# The candidates reranked: the gold passage of a ranking miss sits at rank 2 or 3 in most of them
# (bench/reports/stages.md, round 20: of 142 ranking misses at 1, 55 at rank 2 and 26 at 3). Not
# fitted: 20 bounds the query-time encoding (bench/reports/dense21.md gives its cost).
DENSE_K = 20

# The columns, by name: Features' fields and qa.rank.Weights' fields of the same name.
COLUMNS = ("sent_dense", "sent_prev_dense", "titled_dense", "prev_dense", "maxsim")


def columns(
    engine: Engine,
    question: str,
    q: np.ndarray,
    pids: list[int],
    dense: np.ndarray,
    top: np.ndarray,
    wanted: frozenset[str] = frozenset(COLUMNS),
) -> dict[str, np.ndarray]:
    """The dense evidence columns for the candidates in `top`, zero elsewhere.

    Args:
        engine: the open index.
        question: the question's text as its vector `q` was encoded.
        q: the question's unit vector.
        pids: every candidate.
        dense: each candidate's passage cosine (Features.dense).
        top: row numbers (into `pids`) of the candidates to compute them for.
        wanted: the columns to compute (those with a nonzero weight); the others stay zero.
    Returns:
        Column name -> float64 array aligned with `pids`.
    """
    n = len(pids)
    out = {c: np.zeros(n) for c in COLUMNS}
    rows = [int(r) for r in top]
    chosen = [pids[r] for r in rows]
    if not rows:
        return out
    if wanted & {"sent_dense", "sent_prev_dense"}:
        single, joined = best_sentence_cosines(engine, q, chosen)
        out["sent_dense"][rows] = single
        out["sent_prev_dense"][rows] = joined
    if wanted & {"titled_dense", "prev_dense"}:
        titled, after = context_cosines(engine, q, chosen, dense[rows])
        out["titled_dense"][rows] = titled
        out["prev_dense"][rows] = after
    if "maxsim" in wanted:
        out["maxsim"][rows] = maxsim_scores(engine, question, chosen)
    return out
