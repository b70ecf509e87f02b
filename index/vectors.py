"""Vector search over passage embeddings: exact for small collections, FAISS IVF for large ones.

Embeddings are all-MiniLM-L6-v2 outputs (384 dims, L2-normalised), so inner product is cosine.
The parameters `choose()` returns go into the index manifest; `load()` re-applies the
search-time ones (nprobe / efSearch) because FAISS does not persist all of them.

FAISS files carry no checksum and their size fields drive allocations, so `load()` caps
FAISS's own deserialisation limits by the file's size: no vector in a valid file can be
larger than the file itself. The store verifies the checksum first; this is the second guard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.errors import IndexDamaged, IndexMissing

if TYPE_CHECKING:
    import faiss

# Up to this many vectors exact search is used. Measured with `bench/ann_1m.py --flat-scan` on the
# 2-core dev machine, single-threaded k=10 query over IndexFlatIP: p95 0.1 ms at 5k, 1.1 ms at 20k,
# 3.4 ms at 50k, 9.5 ms at 100k, 12 ms at 200k. Past 50k exact search costs more than a few ms.
FLAT_MAX = 50_000

# IVF: a bounded training sample keeps the 1M build in minutes (k-means cost is sample x nlist x d).
TRAIN_POINTS_PER_LIST = 40  # FAISS warns below 39
TRAIN_MAX = 160_000
KMEANS_ITERS = 10
ADD_CHUNK = 65_536
SEED = 1234
SERIAL_QUERIES = 8  # fewer queries than this run single-threaded (see search())

_load_lock = threading.Lock()  # FAISS's deserialisation limits are process-global


def choose(n: int, *, kind: str | None = None) -> dict[str, Any]:
    """ANN parameters for a collection of n vectors; `kind` forces "flat", "ivf" or "hnsw"."""
    kind = kind or ("flat" if n <= FLAT_MAX else "ivf")
    if kind == "flat":
        return {"type": "flat"}
    if kind == "ivf":
        # ~4 * sqrt(n) lists, a power of two, at least 40 training points each.
        nlist = 1 << max(4, round(np.log2(max(4.0 * np.sqrt(max(n, 1)), 1.0))))
        while nlist > 16 and nlist * TRAIN_POINTS_PER_LIST > n:
            nlist //= 2
        # Measured (bench/ann_1m.py): recall@10 0.976 at 100k (1024 lists, nprobe 64) and 0.987 at
        # 1M (4096 lists, nprobe 256, p95 ~2 ms); sq8 caps recall near 0.99, so more probes buy little.
        nprobe = min(nlist, max(64, min(256, nlist // 16)))
        return {"type": "ivf", "nlist": nlist, "nprobe": nprobe, "storage": "sq8"}
    if kind == "hnsw":
        return {"type": "hnsw", "M": 32, "efConstruction": 80, "efSearch": 64, "storage": "sq8"}
    raise ValueError(f"unknown vector index type {kind!r}")


def _as_matrix(x: np.ndarray) -> np.ndarray:
    """FAISS wants C-contiguous float32 rows."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {x.shape}")
    return np.ascontiguousarray(x)


def _sq_type(storage: str) -> Any:
    import faiss

    if storage == "sq8":
        return faiss.ScalarQuantizer.QT_8bit
    if storage == "fp16":
        return faiss.ScalarQuantizer.QT_fp16
    raise ValueError(f"unknown vector storage {storage!r}")


def build(
    vectors: np.ndarray,
    params: dict[str, Any],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> faiss.Index:
    """Index normalised float32 vectors for inner-product search; ids are row numbers."""
    import faiss

    x = _as_matrix(vectors)
    n, d = x.shape
    kind = params.get("type")
    storage = params.get("storage", "flat")
    index: faiss.Index
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    elif kind == "ivf":
        nlist = int(params["nlist"])
        if n < nlist * TRAIN_POINTS_PER_LIST:
            raise ValueError(f"{n} vectors are too few to train {nlist} IVF lists; use choose({n})")
        quantizer = faiss.IndexFlatIP(d)
        if storage == "flat":
            index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexIVFScalarQuantizer(
                quantizer, d, nlist, _sq_type(storage), faiss.METRIC_INNER_PRODUCT
            )
        index.cp.niter = KMEANS_ITERS
        index.cp.seed = SEED
        index.nprobe = int(params.get("nprobe", 1))
    elif kind == "hnsw":
        m = int(params["M"])
        if storage == "flat":
            index = faiss.IndexHNSWFlat(d, m, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexHNSWSQ(d, _sq_type(storage), m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = int(params.get("efConstruction", 40))
        index.hnsw.efSearch = int(params.get("efSearch", 16))
    else:
        raise ValueError(f"unknown vector index type {kind!r}")

    if progress:
        progress(0, n)
    if not index.is_trained:
        index.train(_training_sample(x, kind, params))
    for start in range(0, n, ADD_CHUNK):
        index.add(x[start : start + ADD_CHUNK])
        if progress:
            progress(min(start + ADD_CHUNK, n), n)
    return index


def flat_with_storage(n: int, d: int) -> tuple[faiss.Index, np.ndarray]:
    """An exact inner-product index of `n` vectors and its own storage as a writable (n, d) float32
    array: writing the rows fills the index, so the vectors are held once, not once in a matrix and
    once in FAISS (the same file as `build(matrix, {"type": "flat"})`, byte for byte).

    Args:
        n: number of vectors.
        d: their dimension.

    Returns:
        (index, rows). `rows` is a view of the index's memory: keep the index alive while using it,
        and fill every row before searching or saving (they start as zeros).
    """
    import faiss

    index = faiss.IndexFlatIP(d)
    if n == 0:
        return index, np.zeros((0, d), dtype=np.float32)
    size = n * d * 4
    index.codes.resize(size)
    index.ntotal = n
    rows = faiss.rev_swig_ptr(index.codes.data(), size).view(np.float32).reshape(n, d)
    return index, rows


def _training_sample(x: np.ndarray, kind: str, params: dict[str, Any]) -> np.ndarray:
    """A fixed-seed subsample: training cost must not grow with the collection."""
    want = TRAIN_MAX
    if kind == "ivf":
        want = min(TRAIN_MAX, max(int(params["nlist"]) * TRAIN_POINTS_PER_LIST, 10_000))
    if len(x) <= want:
        return x
    rows = np.sort(np.random.default_rng(SEED).choice(len(x), size=want, replace=False))
    return np.ascontiguousarray(x[rows])


def save(index: faiss.Index, path: Path) -> None:
    """Write the index to `path` (the caller writes to a temp name and renames)."""
    import faiss

    faiss.write_index(index, str(path))


def load(path: Path, params: dict[str, Any]) -> faiss.Index:
    """Read an index written by save(), guarded against size fields that would allocate wildly."""
    import faiss

    path = Path(path)
    if not path.is_file():
        raise IndexMissing(f"vector index {path} does not exist")
    size = path.stat().st_size
    if size == 0:
        raise IndexDamaged(f"vector index {path} is empty")
    with _load_lock:
        old_bytes = faiss.get_deserialization_vector_byte_limit()
        old_loop = faiss.get_deserialization_loop_limit()
        try:
            # No single array in a valid file is larger than the file; every loop-driving count
            # (e.g. nlist) stores at least 8 bytes per iteration.
            faiss.set_deserialization_vector_byte_limit(size + 1)
            faiss.set_deserialization_loop_limit(size // 8 + 1)
            index = faiss.read_index(str(path))
        except (RuntimeError, MemoryError) as e:
            raise IndexDamaged(f"vector index {path} is unreadable: {_short(e)}") from None
        finally:
            faiss.set_deserialization_vector_byte_limit(old_bytes)
            faiss.set_deserialization_loop_limit(old_loop)

    kind = params.get("type")
    expected = {"flat": faiss.IndexFlat, "ivf": faiss.IndexIVF, "hnsw": faiss.IndexHNSW}.get(str(kind))
    if expected is None:
        raise ValueError(f"unknown vector index type {kind!r}")
    if not isinstance(index, expected) or index.metric_type != faiss.METRIC_INNER_PRODUCT:
        raise IndexDamaged(f"vector index {path} is a {type(index).__name__}, expected {kind}")
    if isinstance(index, faiss.IndexIVF) and "nprobe" in params:
        index.nprobe = int(params["nprobe"])
    elif isinstance(index, faiss.IndexHNSW) and "efSearch" in params:
        index.hnsw.efSearch = int(params["efSearch"])
    return index


def _short(e: BaseException) -> str:
    """FAISS messages carry C++ signatures and source paths; keep the assertion part, one line."""
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if "Error: " in text:
        text = text.split("Error: ", 1)[1]
    return text[:160]


def search(index: faiss.Index, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top-k (scores, ids) per query, best first; k is clipped to the collection size.

    A handful of queries runs on one thread: a single query gains nothing from OpenMP, and on a
    busy 2-core machine the thread barrier turned a 3 ms exact scan into 15-25 ms at p95.
    """
    import faiss

    q = _as_matrix(queries)
    k = min(int(k), int(index.ntotal))
    if k <= 0:
        return np.zeros((len(q), 0), dtype=np.float32), np.zeros((len(q), 0), dtype=np.int64)
    threads = faiss.omp_get_max_threads()
    few = len(q) < SERIAL_QUERIES and threads > 1
    if few:
        faiss.omp_set_num_threads(1)
    try:
        scores, ids = index.search(q, k)
    finally:
        if few:
            faiss.omp_set_num_threads(threads)
    return scores, ids


def reconstruct_all(index: faiss.Index) -> np.ndarray:
    """All stored vectors in id order, to carry unchanged documents over to a new index.

    Exact for flat storage; for sq8 storage the vectors are the quantised approximations
    (about 3 significant digits per component), so re-quantising them is near-lossless
    but not bit-identical to the original embeddings.
    """
    import faiss

    n = int(index.ntotal)
    if n == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    if isinstance(index, faiss.IndexIVF):
        index.make_direct_map(True)
    return np.asarray(index.reconstruct_n(0, n), dtype=np.float32)
