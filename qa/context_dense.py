"""Contextual passage dense evidence: the question's cosine with a passage read in its context.

A news paragraph often names its subject only in the headline or in the paragraph before ("The
company said on Tuesday ..." after "Volkswagen has recalled ..."): the passage vector alone misses
the entity the question names. Two readings, each encoded at query time over the top candidates
only (qa.dense_evidence): the passage prefixed by its document's title, and the passage prefixed by
the passage before it in the same document.
"""

from __future__ import annotations

import numpy as np

from qa.engine import Engine


def previous_in_document(engine: Engine, pid: int) -> int | None:
    """The passage before `pid` in its document, or None for a document's first passage.

    Args:
        engine: the open index.
        pid: the passage.
    Returns:
        The previous passage's id, or None.
    """
    ps = engine.passages
    return pid - 1 if pid > 0 and ps[pid - 1].doc_id == ps[pid].doc_id else None


def context_cosines(
    engine: Engine, q: np.ndarray, pids: list[int], dense: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each passage, the question's cosine with "title. passage" and with "previous passage
    passage"; the passage's own cosine (`dense`) where it has no title or no previous passage.

    Args:
        engine: the open index (its embedder encodes the texts).
        q: the question's unit vector, as engine.encode made it.
        pids: the passages.
        dense: each passage's own cosine with the question, aligned with `pids`.
    Returns:
        (titled cosine, after-previous cosine), aligned with `pids`.
    """
    titled = np.array(dense, dtype=np.float64)
    after = np.array(dense, dtype=np.float64)
    texts: list[str] = []
    where: list[tuple[np.ndarray, int]] = []
    for i, pid in enumerate(pids):
        p = engine.passages[pid]
        title = " ".join(p.title.split())
        if title and title not in p.text:
            texts.append(f"{title}. {p.text}")
            where.append((titled, i))
        prev = previous_in_document(engine, pid)
        if prev is not None:
            texts.append(f"{engine.passages[prev].text}\n{p.text}")
            where.append((after, i))
    if texts:
        for (column, i), s in zip(where, engine.encode_passage_texts(texts) @ q, strict=True):
            column[i] = float(s)
    return titled, after
