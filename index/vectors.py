"""Vector search over passage embeddings: exact for small collections, FAISS IVF for large ones.

Embeddings are all-MiniLM-L6-v2 outputs (384 dims, L2-normalised), so inner product is cosine.
The parameters `choose()` returns go into the index manifest; `load()` re-applies the
search-time ones (nprobe / efSearch) because FAISS does not persist all of them.

FAISS files carry no checksum and their size fields drive allocations, so `load()` caps
FAISS's own deserialisation limits by the file's size: no vector in a valid file can be
larger than the file itself. The store verifies the checksum first; this is the second guard.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
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
# An exact index stores its vectors as float16: half the memory of float32 (768 bytes a passage
# instead of 1536, i.e. 1.7x instead of 3.3x a ~460-character passage's text) while the index is
# built and searched; cosines move by < 1e-3 (tests/test_vectors.py) and news-dev, seed_dev and
# SQuAD-2000 score exactly as with float32 (bench/reports/index_scale.txt).
FLAT_STORAGE = "fp16"

# IVF: a bounded training sample keeps the 1M build in minutes (k-means cost is sample x nlist x d).
TRAIN_POINTS_PER_LIST = 40  # FAISS warns below 39
TRAIN_MAX = 160_000
# ... and at most 1/TRAIN_SHARE of the vectors, so that training (the sample and FAISS's copy of its
# residuals, float32) stays a fraction of the index being built: at 65k passages the 40,960-row
# sample of 1024 lists and its residuals took 126 MB, 1.3x the whole collection's float32 vectors
# (bench/reports/index_scale.txt). Fewer lists there, with the same nprobe, probe a larger share.
TRAIN_SHARE = 8
KMEANS_ITERS = 10
ADD_CHUNK = 65_536
# Rows read from a RowFile per add(): 384 KB of float32 at 384 dims (and 192 KB of fp16 codes).
# 4096 (6 MB, and its codes) was the largest constant of a small build's peak (storing:vectors at
# 3 MB of text; bench/reports/index_scale.txt, sixth pass), 1024 still 1.5 + 0.8 MB of it (eleventh
# pass); FAISS adds and encodes row by row, so the index is the same at any block size.
ADD_BLOCK = 256
SEED = 1234
SERIAL_QUERIES = 8  # fewer queries than this run single-threaded (see search())

_load_lock = threading.Lock()  # FAISS's deserialisation limits are process-global
READ_BLOCK = 1 << 20  # bytes a non-UTF-8-named index file is read by, through Python (_read_index)


def choose(n: int, *, kind: str | None = None) -> dict[str, Any]:
    """ANN parameters for a collection of n vectors; `kind` forces "flat", "ivf" or "hnsw"."""
    kind = kind or ("flat" if n <= FLAT_MAX else "ivf")
    if kind == "flat":
        return {"type": "flat", "storage": FLAT_STORAGE}
    if kind == "ivf":
        # ~4 * sqrt(n) lists, a power of two, at least 40 training points each.
        nlist = 1 << max(4, round(np.log2(max(4.0 * np.sqrt(max(n, 1)), 1.0))))
        while nlist > 16 and nlist * TRAIN_POINTS_PER_LIST * TRAIN_SHARE > n:
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


def new_index(d: int, params: dict[str, Any], n: int) -> faiss.Index:
    """An empty, untrained FAISS index of `params`' kind for n vectors of d dims (inner product).

    Args:
        d: dimension.
        params: from choose() (or a manifest): type, and storage / lists / graph parameters.
        n: how many vectors it will hold (IVF: at least nlist * TRAIN_POINTS_PER_LIST to train).

    Returns:
        The index; `is_trained` is False when it must be trained first (IVF, sq8).
    """
    import faiss

    kind = params.get("type")
    storage = params.get("storage", "flat")
    index: faiss.Index
    if kind == "flat":
        if storage == "flat":
            index = faiss.IndexFlatIP(d)
        else:
            index = faiss.IndexScalarQuantizer(d, _sq_type(storage), faiss.METRIC_INNER_PRODUCT)
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
    return index


def build(
    vectors: np.ndarray,
    params: dict[str, Any],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> faiss.Index:
    """Index normalised float32 vectors for inner-product search; ids are row numbers."""
    x = _as_matrix(vectors)
    n, d = x.shape
    index = new_index(d, params, n)
    if progress:
        progress(0, n)
    if not index.is_trained:
        index.train(_training_sample(x, str(params.get("type")), params))
    for start in range(0, n, ADD_CHUNK):
        index.add(x[start : start + ADD_CHUNK])
        if progress:
            progress(min(start + ADD_CHUNK, n), n)
    return index


class RowFile:
    """A raw (n, d) float32 matrix in a file, written a window of rows at a time and read back in
    blocks: the vectors of a build wait on disk, not in memory, until the index is made from them
    (`build_from_file`). A temporary file of the staging folder; no header, never committed.
    """

    def __init__(self, path: Path, n: int, d: int) -> None:
        self.path, self.n, self.d = Path(path), int(n), int(d)
        self._row_bytes = self.d * 4
        with open(self.path, "wb") as f:
            f.truncate(self.n * self._row_bytes)

    def put(self, rows: np.ndarray, x: np.ndarray) -> None:
        """Write x[i] as row rows[i]; each run of consecutive rows is one write.

        Args:
            rows: row numbers, int (len(x),).
            x: the vectors, (len(rows), d).
        """
        x = _as_matrix(x)
        if len(rows) != len(x) or x.shape[1] != self.d:
            raise ValueError(f"{len(rows)} rows for vectors of shape {x.shape}")
        if not len(rows):
            return
        rows = np.asarray(rows, dtype=np.int64)
        if int(rows.min()) < 0 or int(rows.max()) >= self.n:
            raise ValueError(f"rows outside 0..{self.n - 1}")
        cuts = np.flatnonzero(np.diff(rows) != 1) + 1
        with open(self.path, "r+b") as f:
            for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(rows)], strict=True):
                f.seek(int(rows[a]) * self._row_bytes)
                f.write(x[a:b].data)

    def blocks(self, size: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, rows) of the whole matrix, `size` (default ADD_BLOCK) rows at a time, each
        read into the same buffer: a block is valid until the next is asked for. A new array a
        block, freed after use, raised glibc's mmap threshold and stayed in the heap (+4 MB over
        storing:vectors at 3 MB of text; bench/reports/index_scale.txt, ninth pass)."""
        size = size or ADD_BLOCK
        buf = np.empty((min(size, self.n), self.d), dtype=np.float32)
        with open(self.path, "rb") as f:
            for start in range(0, self.n, size):
                count = min(size, self.n - start)
                x = buf[:count]
                if f.readinto(x.data.cast("B")) != x.nbytes:
                    raise OSError(f"{self.path} is shorter than {self.n} rows")
                yield start, x

    def take(self, rows: np.ndarray, size: int | None = None) -> np.ndarray:
        """The rows `rows` (sorted, distinct) as one matrix, read block by block."""
        out = np.empty((len(rows), self.d), dtype=np.float32)
        at = 0
        for start, x in self.blocks(size):
            hi = int(np.searchsorted(rows, start + len(x)))
            out[at:hi] = x[rows[at:hi] - start]
            at = hi
        return out


def build_from_file(
    rows: RowFile, params: dict[str, Any], *, progress: Callable[[int, int], None] | None = None
) -> faiss.Index:
    """`build` over the vectors of a RowFile, read block by block: memory holds the index being built,
    the training sample (a bounded share, see TRAIN_SHARE) and one block, never all float32 vectors.
    The same index as `build(matrix, params)` over the same rows.

    Args:
        rows: the vectors, normalised float32.
        params: from choose().
        progress: called with (done, n).

    Returns:
        The FAISS index, ids = row numbers.
    """
    import faiss

    index = new_index(rows.d, params, rows.n)
    if progress:
        progress(0, rows.n)
    if not index.is_trained:
        _train(index, rows, params)
    if isinstance(index, faiss.IndexFlatCodes) and rows.n:
        # Exact: the codes written into storage sized once; add() grows it block by block, with
        # a copy of all codes so far at every reallocation (up to 2x at the peak).
        size = rows.n * index.code_size
        index.codes.resize(size)
        codes = faiss.rev_swig_ptr(index.codes.data(), size).reshape(rows.n, index.code_size)
        for start, x in rows.blocks():
            codes[start : start + len(x)] = index.sa_encode(x)
            if progress:
                progress(start + len(x), rows.n)
        index.ntotal = rows.n
        return index
    if isinstance(index, faiss.IndexIVF):
        _presize_lists(index, rows)
    for start, x in rows.blocks():
        index.add(x)
        if progress:
            progress(start + len(x), rows.n)
    return index


def write_from_file(
    rows: RowFile, params: dict[str, Any], path: Path, *, progress: Callable[[int, int], None] | None = None
) -> None:
    """The index of `build_from_file`, saved to `path` (the bytes `save` writes), with its codes never
    all in memory: they are encoded and written a block of rows at a time.

    - An exact index of codes (fp16, sq8): 768 bytes a passage in fp16, 16.6 MB at 10 MB of text, was
      the largest part of storing:vectors (bench/reports/index_scale.txt, eighth pass). FAISS
      serialises an IndexScalarQuantizer as a header (holding ntotal, bytes 8..16), the quantiser,
      then the codes as one vector (its 8-byte size, then the bytes), last.
    - An IVF index (sq8, above FLAT_MAX passages): its inverted lists (384 bytes of codes and an
      8-byte id a passage: 25 MB at 30 MB of text) were built in memory and were, with the training
      sample and FAISS's copy of its residuals, the 30 MB build's peak (bench/reports/index_scale24.md).
      FAISS serialises the trained index (header, ntotal at bytes 8..16, quantiser, scalar
      quantiser), then the lists last (`_ivf_tail`). `_write_ivf` writes the lists' sizes from a first
      pass that assigns every row to its list, then each block's codes and ids at their places.

    The file starts as FAISS's own serialisation of the empty (trained) index, its size fields set;
    if FAISS's layout ever differs (the fields of the empty index not where they are expected) the
    in-memory path is taken. tests/test_vectors.py compares the bytes with `save`'s.

    Args:
        rows: the vectors, normalised float32.
        params: from choose().
        path: the file to write (in the staging folder).
        progress: called with (done, n).
    """
    import faiss

    index = new_index(rows.d, params, rows.n)
    if not index.is_trained:
        _train(index, rows, params)
    save(index, path)  # FAISS's own file of the empty, trained index (its writer's errors)
    empty = Path(path).read_bytes()
    if empty[8:16] == _u64(0):
        if isinstance(index, faiss.IndexScalarQuantizer) and len(empty) > 24 and empty[-8:] == _u64(0):
            _write_codes(index, rows, path, empty, progress)
            return
        if isinstance(index, faiss.IndexIVFScalarQuantizer) and empty.endswith(_ivf_tail(index, None)):
            _write_ivf(index, rows, path, empty, progress)
            return
    save(build_from_file(rows, params, progress=progress), path)


def _u64(v: int) -> bytes:
    """FAISS's size_t / idx_t as written: 8 bytes, little-endian (the platforms it ships for)."""
    return np.uint64(v).tobytes()


def _write_codes(
    index: faiss.IndexScalarQuantizer,
    rows: RowFile,
    path: Path,
    empty: bytes,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Write an exact index of codes (`write_from_file`): the empty index's file with ntotal and the
    codes' size set, then the codes a block at a time, through one buffer.

    Args:
        index: the trained, empty index.
        rows: the vectors.
        path: the file.
        empty: FAISS's file of `index`.
        progress: called with (done, n).
    """
    header = bytearray(empty)
    header[8:16] = _u64(rows.n)
    header[-8:] = _u64(rows.n * index.sa_code_size())
    if progress:
        progress(0, rows.n)
    codes = np.empty((min(ADD_BLOCK, rows.n), index.sa_code_size()), dtype=np.uint8)  # one buffer
    with open(path, "wb") as f:
        f.write(header)
        for start, x in rows.blocks():
            out = codes[: len(x)]
            index.sa_encode(x, out)
            f.write(out.data)
            if progress:
                progress(start + len(x), rows.n)


def _ivf_tail(index: faiss.IndexIVF, sizes: np.ndarray | None) -> bytes:
    """How FAISS serialises an IVF index's array inverted lists before their contents (faiss
    write_InvertedLists, "ilar"): nlist and the code size, then "full" and every list's size when
    more than half the lists hold vectors, else "sprs" and (list, size) pairs of the non-empty ones;
    each as a vector (its length, then the values). The contents follow: per non-empty list, in
    order, its codes then its ids.

    Args:
        index: the IVF index.
        sizes: each list's number of vectors; None: all empty.

    Returns:
        The bytes.
    """
    sizes = np.zeros(index.nlist, dtype=np.uint64) if sizes is None else sizes.astype(np.uint64)
    used = np.flatnonzero(sizes)
    if len(used) > index.nlist // 2:
        kind, values = b"full", sizes
    else:
        kind, values = b"sprs", np.stack([used.astype(np.uint64), sizes[used]], axis=1).ravel()
    return b"".join(
        [b"ilar", _u64(index.nlist), _u64(index.code_size), kind, _u64(len(values)), values.tobytes()]
    )


def _write_ivf(
    index: faiss.IndexIVFScalarQuantizer,
    rows: RowFile,
    path: Path,
    empty: bytes,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Write an IVF index (`write_from_file`) without its lists in memory: a first pass assigns every
    row to its list (4 bytes a row kept), which fixes the lists' sizes and so every list's place in
    the file; then each block's codes and ids are written at their lists' next places. FAISS's add()
    appends to a list in row order, and so does this: the same file, byte for byte.

    Args:
        index: the trained, empty index.
        rows: the vectors.
        path: the file.
        empty: FAISS's file of `index`.
        progress: called with (done, n).
    """
    import faiss

    if progress:
        progress(0, rows.n)
    lists = np.empty(rows.n, dtype=np.int32)
    for start, x in rows.blocks():
        lists[start : start + len(x)] = index.quantizer.assign(x, 1).ravel()
    sizes = np.bincount(lists, minlength=index.nlist).astype(np.int64)
    head = bytearray(empty[: -len(_ivf_tail(index, None))])
    head[8:16] = _u64(rows.n)
    head += _ivf_tail(index, sizes)
    cs = int(index.code_size)
    # Where each list's codes start; its ids follow them.
    codes_at = len(head) + np.concatenate([[0], np.cumsum(sizes * (cs + 8))[:-1]])
    ids_at = codes_at + sizes * cs
    filled = np.zeros(index.nlist, dtype=np.int64)
    codes = np.zeros((min(ADD_BLOCK, rows.n), cs), dtype=np.uint8)  # one buffer
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(int(codes_at[-1] + sizes[-1] * (cs + 8)) if rows.n else len(head))
        f.flush()
        fd = f.fileno()
        for start, x in rows.blocks():
            block = lists[start : start + len(x)].astype(np.int64)
            out = codes[: len(x)]
            index.encode_vectors(len(x), faiss.swig_ptr(x), faiss.swig_ptr(block), faiss.swig_ptr(out), False)
            order = np.argsort(block, kind="stable")  # each list's rows, in row order
            cuts = np.flatnonzero(np.diff(block[order])) + 1
            for group in np.split(order, cuts):
                no, count = int(block[group[0]]), len(group)
                at = int(filled[no])
                os.pwrite(fd, out[group].tobytes(), int(codes_at[no]) + at * cs)
                os.pwrite(fd, (group + start).astype(np.int64).tobytes(), int(ids_at[no]) + at * 8)
                filled[no] += count
            if progress:
                progress(start + len(x), rows.n)


def _train(index: faiss.Index, rows: RowFile, params: dict[str, Any]) -> None:
    """Train `index` on the training rows of `rows` (`_training_rows`), holding the sample once.

    FAISS's IVF train() holds the sample, then a float32 copy of its residuals (the sample minus
    each row's centroid) for the scalar quantiser: 2x the sample, ~25 MB at 65k passages (8,107
    rows), which with the lists set the 30 MB build's peak (bench/reports/index_scale24.md). Here an
    IVF-sq8 index is trained by the same steps, the residuals made in place of the sample a block at
    a time: the same trained index, byte for byte (tests/test_vectors.py). Other kinds: train().

    Args:
        index: an untrained index from new_index().
        rows: the vectors.
        params: from choose().
    """
    import faiss

    sample = rows.take(_training_rows(rows.n, str(params.get("type")), params))
    if not (isinstance(index, faiss.IndexIVFScalarQuantizer) and index.by_residual):
        index.train(sample)
        return
    index.train_q1(len(sample), faiss.swig_ptr(sample), False, index.metric_type)  # type: ignore[attr-defined]  # not in the stubs
    assign = index.quantizer.assign(sample, 1).ravel()
    quantizer = faiss.downcast_index(index.quantizer)
    xb = quantizer.get_xb()  # type: ignore[attr-defined]  # an IndexFlat's (new_index), not in the stubs
    centroids = faiss.rev_swig_ptr(xb, index.nlist * index.d).reshape(index.nlist, index.d)
    for a in range(0, len(sample), ADD_BLOCK):  # FAISS's compute_residual_n: x - centroid, float32
        sample[a : a + ADD_BLOCK] -= centroids[assign[a : a + ADD_BLOCK]]
    index.train_encoder(len(sample), faiss.swig_ptr(sample), faiss.swig_ptr(assign))
    index.is_trained = True


def _presize_lists(index: faiss.IndexIVF, rows: RowFile) -> None:
    """Give every inverted list its final capacity before the vectors are added: lists grown block by
    block double their storage, up to 2x the codes at the peak. Measured on 65k random 384-dim
    vectors (128 lists, sq8): peak RSS over the start of the build 63 -> 56 MB, the index
    byte-identical. One more pass assigns the rows to lists.

    Args:
        index: a trained IVF index with array inverted lists, still empty.
        rows: the vectors it will hold.
    """
    import faiss

    sizes = np.zeros(index.nlist, dtype=np.int64)
    for _, x in rows.blocks():
        sizes += np.bincount(index.quantizer.assign(x, 1).ravel(), minlength=index.nlist)
    lists = faiss.downcast_InvertedLists(index.invlists) if index.invlists is not None else None
    if not isinstance(lists, faiss.ArrayInvertedLists):
        return
    for list_no, size in enumerate(sizes.tolist()):
        lists.resize(list_no, size)  # std::vector::resize: the capacity stays when shrunk again
        lists.resize(list_no, 0)


def _training_rows(n: int, kind: str, params: dict[str, Any]) -> np.ndarray:
    """The rows of a fixed-seed training subsample, sorted: training cost must not grow with the
    collection, nor its memory (at most n / TRAIN_SHARE rows when that leaves 40 a list)."""
    want = TRAIN_MAX
    if kind == "ivf":
        least = int(params["nlist"]) * TRAIN_POINTS_PER_LIST
        want = min(TRAIN_MAX, max(least, min(n // TRAIN_SHARE, 10_000)))
    if n <= want:
        return np.arange(n, dtype=np.int64)
    return np.sort(np.random.default_rng(SEED).choice(n, size=want, replace=False))


def _training_sample(x: np.ndarray, kind: str, params: dict[str, Any]) -> np.ndarray:
    """The training subsample of x (`_training_rows`)."""
    rows = _training_rows(len(x), kind, params)
    return x if len(rows) == len(x) else np.ascontiguousarray(x[rows])


def save(index: faiss.Index, path: Path) -> None:
    """Write the index to `path` (the caller writes to a temp name and renames).

    The bytes go through a Python file: FAISS's own file writer reports a failed final flush
    (a full disk) only by printing "file ... close error" on stderr from a destructor, without
    raising, so the error would have been a second, unterminated line beside ours, or a
    truncated file taken for a whole one. Python's `close` raises it instead. Same bytes.
    """
    import faiss

    with open(path, "wb") as f:
        writer = faiss.PyCallbackIOWriter(f.write)  # type: ignore[attr-defined]  # not in the stubs
        try:
            faiss.write_index(index, writer)
        finally:
            del writer


def _read_index(path: Path) -> faiss.Index:
    """Read a FAISS index file, by name where faiss can take the name.

    faiss reads a named file natively, outside Python's heap. A path that is not UTF-8 (a folder
    'L\xff', a surrogate in str) cannot be passed to faiss as text, so it is read through a Python
    file, a block of READ_BLOCK bytes at a time: reading the whole file through one `f.read`
    held it as a bytes object beside faiss's copy and broke the update stage's memory bound
    (tests/test_build_memory_update.py: reading peaked at 3.2x the text, bound 3.0x).

    Args:
        path: the index file.

    Returns:
        The index.
    """
    import faiss

    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        with open(path, "rb") as f:
            # not in the stubs
            reader = faiss.PyCallbackIOReader(f.read, READ_BLOCK)  # type: ignore[attr-defined]
            try:
                return faiss.read_index(reader)
            finally:
                del reader
    return faiss.read_index(name)


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
            index = _read_index(path)
        except (RuntimeError, MemoryError) as e:
            raise IndexDamaged(f"vector index {path} is unreadable: {_short(e)}") from None
        finally:
            faiss.set_deserialization_vector_byte_limit(old_bytes)
            faiss.set_deserialization_loop_limit(old_loop)

    kind = params.get("type")
    expected = {"flat": faiss.IndexFlat, "ivf": faiss.IndexIVF, "hnsw": faiss.IndexHNSW}.get(str(kind))
    if expected is None:
        raise ValueError(f"unknown vector index type {kind!r}")
    if kind == "flat" and params.get("storage", "flat") != "flat":  # format 4: float16 (or sq8) codes
        expected = faiss.IndexScalarQuantizer
    if not isinstance(index, expected) or index.metric_type != faiss.METRIC_INNER_PRODUCT:
        raise IndexDamaged(f"vector index {path} is a {type(index).__name__}, expected {kind}")
    if isinstance(index, faiss.IndexScalarQuantizer) and index.sq.qtype != _sq_type(str(params["storage"])):
        raise IndexDamaged(f"vector index {path} stores other codes than {params['storage']}")
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


def stored_rows(index: faiss.IndexFlat) -> np.ndarray:
    """A float32 flat index's vectors as an (n, d) matrix viewing FAISS's own storage (no copy):
    valid while the index lives and holds no more vectors (an add() may move its storage).

    Args:
        index: an IndexFlat.

    Returns:
        The read-only view.
    """
    import faiss

    n, d = int(index.ntotal), int(index.d)
    if not n:
        return np.zeros((0, d), dtype=np.float32)
    out = faiss.rev_swig_ptr(index.get_xb(), n * d).reshape(n, d)
    out.flags.writeable = False
    return out


def stored_codes(index: faiss.IndexFlatCodes) -> np.ndarray:
    """An exact index's codes (fp16 or sq8: code_size bytes a vector) as an (n, code_size) uint8
    matrix viewing FAISS's own storage (no copy), on the terms of `stored_rows`.

    Args:
        index: an IndexFlatCodes (IndexScalarQuantizer).

    Returns:
        The read-only view.
    """
    import faiss

    n, size = int(index.ntotal), int(index.code_size)
    if not n:
        return np.zeros((0, size), dtype=np.uint8)
    if index.codes.size() != n * size:
        raise IndexDamaged(f"vector index holds {index.codes.size()} bytes of codes for {n} vectors")
    out = faiss.rev_swig_ptr(index.codes.data(), n * size).reshape(n, size)
    out.flags.writeable = False
    return out


def all_finite(index: faiss.Index, block: int = ADD_BLOCK) -> bool:
    """Whether every stored vector decodes to finite numbers, checked a block of rows at a time
    (bounded memory: no float32 copy of them all).

    Args:
        index: a flat (exact) index.
        block: rows decoded at once.

    Returns:
        False when any component is NaN or infinite.
    """
    n = int(index.ntotal)
    for a in range(0, n, block):
        if not np.isfinite(index.reconstruct_n(a, min(block, n - a))).all():
            return False
    return True


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
