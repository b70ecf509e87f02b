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
    if isinstance(ann, faiss.IndexIVF):
        _check_lists(ann)
    if matrix is not None:
        finite = bool(np.isfinite(matrix).all())
    elif isinstance(ann, faiss.IndexFlatCodes):  # fp16/sq8 codes: decoded a block at a time
        finite = vectors.all_finite(ann)
    elif _raw_floats(ann):  # IVF or HNSW over float32 rows: the same check, through the index
        finite = vectors.all_finite(ann)
    else:  # 8-bit codes decode to finite numbers when their quantizer's are (checked below)
        finite = True
    if not finite:
        raise IndexDamaged(f"index file {VECTORS} is damaged (vectors hold NaN or infinite numbers)")
    sq = getattr(ann, "sq", None)
    if isinstance(ann, faiss.IndexHNSW):
        sq = getattr(faiss.downcast_index(ann.storage), "sq", None)
    if isinstance(ann, (faiss.IndexIVF, faiss.IndexHNSW)) and sq is not None:
        trained = faiss.vector_to_array(sq.trained)
        if not np.isfinite(trained).all():
            raise IndexDamaged(f"index file {VECTORS} is damaged (quantizer holds NaN or infinite numbers)")


def _check_lists(ann: Any) -> None:
    """An IVF index's lists hold every vector id exactly once. FAISS files a NaN vector under no
    list, so a crafted file could count 6 vectors and list 5: the sixth was a faiss RuntimeError
    traceback when fetched (round 32). Reconstructing needs this id -> slot map anyway.

    Args:
        ann: a loaded faiss.IndexIVF.
    """
    import faiss

    try:
        ann.make_direct_map(True)  # refuses ids outside 0..ntotal-1 and duplicates
        slots = faiss.vector_to_array(ann.direct_map.array)
    except RuntimeError as e:
        raise IndexDamaged(f"index file {VECTORS} is damaged ({vectors._short(e)})") from None
    listed = sum(int(ann.invlists.list_size(i)) for i in range(int(ann.nlist)))
    if listed != int(ann.ntotal) or len(slots) != int(ann.ntotal) or (slots < 0).any():
        raise IndexDamaged(
            f"index file {VECTORS} is damaged ({listed} listed vectors for {int(ann.ntotal)} counted)"
        )


def _raw_floats(ann: Any) -> bool:
    """Whether an IVF or HNSW index stores its vectors as plain float32 (not 8-bit or fp16 codes)."""
    import faiss

    if isinstance(ann, faiss.IndexIVFFlat):
        return True
    if isinstance(ann, faiss.IndexHNSW):
        return isinstance(faiss.downcast_index(ann.storage), faiss.IndexFlat)
    return False


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
