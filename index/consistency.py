"""Cross-file checks of a loaded generation: the files agree with each other and hold finite numbers.

Checksums prove the files are the ones the manifest lists; they prove nothing when the manifest was
resealed by whoever wrote the folder. These checks run at load time, after parsing and before any
question, so that an inconsistent index is refused (IndexDamaged, exit 5) instead of raising
IndexError or allocating what its numbers ask for at query time.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from index import vectors
from index.errors import IndexDamaged
from index.store import VECTORS


def check_vectors(ann: Any, dim: int, n_passages: int, matrix: np.ndarray | None = None) -> None:
    """The vector index holds one finite vector of the manifest's dimension per passage.

    Args:
        ann: the loaded FAISS index.
        dim: the manifest's dimension.
        n_passages: passages in the document store.
        matrix: the vectors as a matrix (float32 flat indexes), checked for NaN and infinities;
            None: an exact index's codes are decoded and checked a block at a time.
    """
    import faiss

    ntotal, d = int(ann.ntotal), int(ann.d)
    if d != dim or ntotal != n_passages:
        raise IndexDamaged(
            f"index file {VECTORS} is damaged ({ntotal} vectors of {d} dims for {n_passages} passages of {dim})"
        )
    if matrix is not None:
        finite = bool(np.isfinite(matrix).all())
    else:  # fp16/sq8 codes: decoded a block at a time, no float32 copy of them all
        finite = not isinstance(ann, faiss.IndexFlatCodes) or vectors.all_finite(ann)
    if not finite:
        raise IndexDamaged(f"index file {VECTORS} is damaged (vectors hold NaN or infinite numbers)")
    sq = getattr(ann, "sq", None)
    if isinstance(ann, faiss.IndexIVF) and sq is not None:
        trained = faiss.vector_to_array(sq.trained)
        if not np.isfinite(trained).all():
            raise IndexDamaged(f"index file {VECTORS} is damaged (quantizer holds NaN or infinite numbers)")


# A real quote overlaps a handful of passages; a crafted one spanning a whole document, repeated,
# would make the quote-to-passage table quotes x passages large (10k x 10k: 9 s, 984 MB).
MAX_PASSAGES_PER_QUOTE = 64


def overlaps(passages: list[tuple[int, int, int]], quotes: list[tuple[int, int]]) -> list[list[int]]:
    """For each quote (start, end), the pids of the passages of its document it overlaps.

    Args:
        passages: (start, end, pid) of one document's passages, sorted by start.
        quotes: (start, end) of that document's quotes.
    Returns:
        One list per quote, at most MAX_PASSAGES_PER_QUOTE pids each: O(quotes x log passages + output).
    """
    import bisect

    ends = [e for _s, e, _p in passages]
    # Passages of a document do not overlap each other, so ends are sorted like starts.
    out = []
    for qs, qe in quotes:
        i = bisect.bisect_right(ends, qs)
        hit: list[int] = []
        while i < len(passages) and passages[i][0] < qe and len(hit) < MAX_PASSAGES_PER_QUOTE:
            if qs < passages[i][1]:
                hit.append(passages[i][2])
            i += 1
        out.append(hit)
    return out
