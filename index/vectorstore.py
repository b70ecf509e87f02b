"""The vector store seam: what indexing and ranking need from a store of passage vectors.

`VectorStore` is the protocol; `FaissStore` (the default, over index/vectors.py) and `NumpyStore`
(exact search over an in-memory matrix, the reference) implement it. tests/test_vectorstore.py runs
one conformance suite against every implementation, so a third one (a server-based store) has a
checklist to pass. Ids are passage ids: 0..count()-1 in insertion order.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from index import vectors
from index.errors import IndexDamaged, IndexMissing

if TYPE_CHECKING:
    import faiss


@runtime_checkable
class VectorStore(Protocol):
    """Normalised float32 vectors under integer ids 0..n-1, searched by inner product (cosine)."""

    dim: int

    def add(self, vecs: np.ndarray) -> None:
        """Append rows (n, dim); they get the next ids in order."""
        ...

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest (id, cosine) to one query vector, best first; fewer when the store is smaller."""
        ...

    def fetch(self, ids: list[int]) -> np.ndarray:
        """The stored vectors of `ids`, shape (len(ids), dim), in the order asked."""
        ...

    def count(self) -> int:
        """How many vectors are stored."""
        ...

    def save(self, path: Path) -> None:
        """Write the store to one file (the caller writes to a staging folder and commits)."""
        ...


def _rows(vecs: np.ndarray, dim: int) -> np.ndarray:
    x = np.ascontiguousarray(np.asarray(vecs, dtype=np.float32))
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2 or x.shape[1] != dim:
        raise ValueError(f"expected vectors of {dim} dims, got shape {x.shape}")
    return x


def _check_ids(ids: list[int], n: int) -> list[int]:
    out = [int(i) for i in ids]
    bad = [i for i in out if not 0 <= i < n]
    if bad:
        raise KeyError(f"no vector with id {bad[0]} (the store holds {n})")
    return out


class NumpyStore:
    """Exact search over a matrix held in memory; saved as one .npy file."""

    def __init__(self, dim: int, vecs: np.ndarray | None = None) -> None:
        self.dim = int(dim)
        self._x = _rows(vecs, self.dim) if vecs is not None else np.zeros((0, self.dim), np.float32)

    def add(self, vecs: np.ndarray) -> None:
        self._x = np.vstack([self._x, _rows(vecs, self.dim)])

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        q = _rows(query, self.dim)[0]
        k = min(int(k), len(self._x))
        if k <= 0:
            return []
        sims = self._x @ q
        near = np.argpartition(-sims, k - 1)[:k] if k < len(sims) else np.arange(len(sims))
        order = sorted(near.tolist(), key=lambda i: (-float(sims[i]), i))
        return [(int(i), float(sims[i])) for i in order]

    def fetch(self, ids: list[int]) -> np.ndarray:
        return self._x[_check_ids(ids, len(self._x))]

    def count(self) -> int:
        return len(self._x)

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.save(f, self._x, allow_pickle=False)

    @classmethod
    def load(cls, path: Path, params: dict[str, Any] | None = None) -> NumpyStore:
        """Read a store written by save(); no pickle."""
        path = Path(path)
        if not path.is_file():
            raise IndexMissing(f"vector store {path} does not exist")
        try:
            x = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            raise IndexDamaged(f"vector store {path} is unreadable ({type(e).__name__})") from None
        if x.ndim != 2 or x.dtype != np.float32:
            raise IndexDamaged(f"vector store {path} is not a float32 matrix")
        return cls(x.shape[1], x)


class FaissStore:
    """The default store: a FAISS index (exact up to vectors.FLAT_MAX vectors, IVF beyond).

    The vectors of an exact index are read where FAISS holds them, never copied whole: a float32
    index's as a matrix (a view of FAISS's own storage), an fp16 or sq8 index's decoded a few
    rows at a time from its codes when fetched (scoring a few hundred candidates is one decode and
    one matrix product). A float32 copy of every vector (1,536 bytes a passage, twice the fp16
    codes) was made when an index was opened (bench/reports/index_scale.txt, ninth pass).
    """

    def __init__(self, index: faiss.Index, params: dict[str, Any]) -> None:
        self.index = index  # the FAISS index itself (for FAISS-specific checks and tools)
        self.params = dict(params)
        self.dim = int(index.d)
        self.matrix: np.ndarray | None = None  # float32 storage only: a view, not a copy
        self._codes: np.ndarray | None = None  # fp16/sq8 storage: a view of the codes
        self._direct_map = False
        if self.params.get("type") == "flat":
            self._view()

    def _view(self) -> None:
        """Point `matrix` or `_codes` at FAISS's storage of an exact index (after every add)."""
        import faiss

        n = int(self.index.ntotal)
        if isinstance(self.index, faiss.IndexFlat):
            self.matrix = vectors.stored_rows(self.index)
        elif isinstance(self.index, faiss.IndexFlatCodes):
            self._codes = vectors.stored_codes(self.index)
        else:  # an exact kind FAISS may add: reconstructed once, as before
            self.matrix = vectors.reconstruct_all(self.index) if n else np.zeros((0, self.dim), np.float32)

    @classmethod
    def build(cls, vecs: np.ndarray, params: dict[str, Any] | None = None, **kw: Any) -> FaissStore:
        """A new store over `vecs`; `params` from vectors.choose() (default: chosen by size)."""
        params = params or vectors.choose(len(vecs))
        return cls(vectors.build(vecs, params, **kw), params)

    @classmethod
    def empty(cls, dim: int) -> FaissStore:
        """An exact store with no vectors yet."""
        return cls.build(np.zeros((0, dim), np.float32), {"type": "flat"})

    @classmethod
    def load(cls, path: Path, params: dict[str, Any]) -> FaissStore:
        """Read a store written by save(), with the manifest's parameters (vectors.load's guards)."""
        return cls(vectors.load(path, params), params)

    def add(self, vecs: np.ndarray) -> None:
        x = _rows(vecs, self.dim)
        self.index.add(x)
        if self.params.get("type") == "flat":
            self._view()  # FAISS's storage may have moved

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        q = _rows(query, self.dim)
        scores, ids = vectors.search(self.index, q, k)
        return [(int(i), float(s)) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0]

    def fetch(self, ids: list[int]) -> np.ndarray:
        got = _check_ids(ids, self.count())
        if self.matrix is not None:
            return self.matrix[got]
        if not got:
            return np.zeros((0, self.dim), np.float32)
        if self._codes is not None:  # the rows' codes decoded as FAISS's reconstruct() decodes them
            return np.asarray(self.index.sa_decode(self._codes[got]), dtype=np.float32)
        if not self._direct_map:
            import faiss

            if isinstance(self.index, faiss.IndexIVF):  # IVF lists need an id -> slot map to reconstruct
                self.index.make_direct_map(True)
            self._direct_map = True
        return np.vstack([self.index.reconstruct(i) for i in got]).astype(np.float32, copy=False)

    def count(self) -> int:
        return int(self.index.ntotal)

    def save(self, path: Path) -> None:
        vectors.save(self.index, path)

    def all(self) -> np.ndarray:
        """Every stored vector in id order (to carry unchanged documents over to a new index)."""
        if self.matrix is not None:
            return self.matrix.copy()  # its own rows: not FAISS's storage, freed with the index
        return vectors.reconstruct_all(self.index)
