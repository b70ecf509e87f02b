"""One conformance suite for every VectorStore: FAISS (flat, IVF, HNSW) and the in-memory numpy store.

Like txtai's single test module over its ANN backends: a new store (a server-based one) is added to
STORES and must pass everything here unchanged. The last test runs the whole bot over each store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import vectors
from index.vectorstore import FaissStore, NumpyStore, VectorStore

DIM = 16


def unit_rows(n: int, seed: int = 7) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@dataclass
class Kind:
    """How to make, load and judge one implementation."""

    name: str
    make: Callable[[np.ndarray], VectorStore]
    load: Callable[[Path], VectorStore]
    exact: bool  # exact scores and stored vectors (no quantisation, no approximate search)
    params: dict[str, Any]


def _faiss(params: dict[str, Any]) -> Kind:
    return Kind(
        params["type"],
        lambda x: FaissStore.build(x, params),
        lambda path: FaissStore.load(path, params),
        exact=params["type"] == "flat",
        params=params,
    )


STORES = [
    Kind("numpy", lambda x: NumpyStore(DIM, x), lambda path: NumpyStore.load(path), exact=True, params={}),
    _faiss({"type": "flat"}),
    _faiss({**vectors.choose(1000, kind="ivf"), "nprobe": 8}),
    _faiss(vectors.choose(1000, kind="hnsw")),
]


@pytest.fixture(params=STORES, ids=[k.name for k in STORES])
def kind(request: pytest.FixtureRequest) -> Kind:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def data() -> np.ndarray:
    return unit_rows(1000)  # enough to train 16 IVF lists


def test_implements_the_protocol(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    assert isinstance(store, VectorStore)
    assert store.dim == DIM and store.count() == len(data)


def test_search_finds_each_vector_first(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    for i in (0, 1, 500, 999):
        hits = store.search(data[i], 5)
        assert len(hits) == 5
        assert hits[0][0] == i
        assert hits[0][1] == pytest.approx(1.0, abs=1e-2)
        scores = [s for _, s in hits]
        assert scores == sorted(scores, reverse=True)  # best first


def test_search_scores_are_cosines(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    q = unit_rows(1, seed=99)[0]
    for i, s in store.search(q, 10):
        assert s == pytest.approx(float(data[i] @ q), abs=1e-6 if kind.exact else 2e-2)


def test_exact_stores_return_the_true_nearest(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    q = unit_rows(1, seed=5)[0]
    truth = [int(i) for i in np.argsort(-(data @ q))[:10]]
    got = [i for i, _ in store.search(q, 10)]
    if kind.exact:
        assert got == truth
    else:  # approximate: most of the true top 10
        assert len(set(got) & set(truth)) >= 7


def test_k_is_clipped_to_the_collection(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    got = store.search(data[0], 5000)
    assert 0 < len(got) <= len(data) and len({i for i, _ in got}) == len(got)
    if kind.exact:
        assert len(got) == len(data)
    assert store.search(data[0], 0) == []


def test_fetch_returns_vectors_in_the_order_asked(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    ids = [5, 0, 999, 5]
    got = store.fetch(ids)
    assert got.shape == (4, DIM) and got.dtype == np.float32
    np.testing.assert_allclose(got, data[ids], atol=1e-6 if kind.exact else 2e-2)
    assert store.fetch([]).shape == (0, DIM)


def test_fetch_of_an_unknown_id_is_an_error(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    with pytest.raises(KeyError):
        store.fetch([len(data)])
    with pytest.raises(KeyError):
        store.fetch([-1])


def test_add_appends_ids_in_order(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data[:800])
    store.add(data[800:])
    assert store.count() == len(data)
    assert store.search(data[900], 1)[0][0] == 900
    np.testing.assert_allclose(store.fetch([900]), data[[900]], atol=1e-6 if kind.exact else 2e-2)


def test_wrong_dimension_is_refused(kind: Kind, data: np.ndarray) -> None:
    store = kind.make(data)
    with pytest.raises(ValueError):
        store.add(np.ones((2, DIM + 1), np.float32))


def test_save_and_load_round_trip(kind: Kind, data: np.ndarray, tmp_path: Path) -> None:
    store = kind.make(data)
    path = tmp_path / "vectors.bin"
    store.save(path)
    again = kind.load(path)
    assert again.count() == store.count() and again.dim == DIM
    q = unit_rows(1, seed=3)[0]
    assert again.search(q, 10) == store.search(q, 10)
    np.testing.assert_array_equal(again.fetch([7, 8]), store.fetch([7, 8]))


def test_a_missing_or_garbage_file_is_a_domain_error(kind: Kind, tmp_path: Path) -> None:
    import qa

    with pytest.raises(qa.IndexMissing):
        kind.load(tmp_path / "absent.bin")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a vector store at all" * 10)
    with pytest.raises(qa.IndexDamaged):
        kind.load(junk)


def test_the_bot_answers_alike_over_every_exact_store(tmp_path: Path, qa_home: Path) -> None:
    """The Engine asks the store only through the protocol: an exact store gives the same answers."""
    import qa
    from index.hashembed import MODEL

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "The river Leth floods every spring.\n\nFarmers along the Leth grow barley and oats.\n\n"
        "The mayor of Tarn said the new dam will end the floods by 2030.\n",
        encoding="utf-8",
    )
    built = qa.build(docs, index=tmp_path / "ix", model=MODEL)
    from index import store

    gen, manifest = store.open_manifest(tmp_path / "ix")
    stored = FaissStore.load(gen / store.VECTORS, manifest.ann)
    in_memory = NumpyStore(stored.dim, stored.fetch(list(range(stored.count()))))
    other = qa.open(tmp_path / "ix", vector_store=in_memory)
    for q in ["When will the floods end?", "What do farmers grow?", "Who said anything about a dam?"]:
        assert other.ask(q, k=3).to_json() == built.ask(q, k=3).to_json()
    # A store that disagrees with the passages is refused at open, not at the first question.
    with pytest.raises(qa.IndexDamaged):
        qa.open(tmp_path / "ix", vector_store=NumpyStore(stored.dim, stored.fetch([0])))
