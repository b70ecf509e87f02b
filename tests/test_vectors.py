"""Vector index: approximate search checked against exact search, persistence and damaged files."""

from __future__ import annotations

import resource
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import vectors
from index.errors import IndexDamaged, IndexMissing

faiss = pytest.importorskip("faiss")

DIM = 384
K = 10


def clustered(n: int, nq: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Normalised vectors around 300 topics, plus queries drawn the same way but not in the base."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((300, DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)

    def draw(m: int) -> np.ndarray:
        x = centres[rng.integers(0, 300, m)] + 0.06 * rng.standard_normal((m, DIM)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    return np.ascontiguousarray(draw(n)), np.ascontiguousarray(draw(nq))


def exact(base: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    s = queries @ base.T
    ids = np.argsort(-s, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(s, ids, axis=1), ids


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    return sum(len(set(f) & set(t)) for f, t in zip(found.tolist(), truth.tolist(), strict=True)) / truth.size


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    return clustered(30_000, 200)


@pytest.fixture(scope="module")
def small_data() -> tuple[np.ndarray, np.ndarray]:
    """As `data`, at the size the fast tests use: drawing 30,000 vectors cost the fast subset 0.6 s."""
    return clustered(5_000, 200)


@pytest.fixture(scope="module")
def ivf(data: tuple[np.ndarray, np.ndarray]) -> tuple[object, dict]:
    params = vectors.choose(len(data[0]), kind="ivf")
    return vectors.build(data[0], params), params


@pytest.fixture(scope="module")
def hnsw(data: tuple[np.ndarray, np.ndarray]) -> tuple[object, dict]:
    params = vectors.choose(8_000, kind="hnsw")
    return vectors.build(data[0][:8_000], params), params


def test_choose_uses_exact_search_for_small_collections() -> None:
    assert vectors.choose(20)["type"] == "flat"
    assert vectors.choose(4_000)["type"] == "flat"
    assert vectors.choose(vectors.FLAT_MAX)["type"] == "flat"
    big = vectors.choose(1_000_000)
    assert big["type"] in ("ivf", "hnsw")
    if big["type"] == "ivf":
        assert big["nprobe"] <= big["nlist"]


def test_flat_is_exact(small_data: tuple[np.ndarray, np.ndarray]) -> None:
    base, queries = small_data[0][:5_000], small_data[1]
    index = vectors.build(base, {"type": "flat"})
    scores, ids = vectors.search(index, queries, K)
    want_scores, want_ids = exact(base, queries, K)
    np.testing.assert_allclose(scores, want_scores, atol=1e-5)
    assert recall(ids, want_ids) == 1.0


@pytest.mark.slow
def test_ivf_recall_against_exact(data: tuple[np.ndarray, np.ndarray], ivf: tuple) -> None:
    index, params = ivf
    assert index.ntotal == len(data[0])
    _, ids = vectors.search(index, data[1], K)
    _, truth = exact(data[0], data[1], K)
    assert recall(ids, truth) >= 0.95, params


@pytest.mark.slow
def test_hnsw_recall_against_exact(data: tuple[np.ndarray, np.ndarray], hnsw: tuple) -> None:
    index, params = hnsw
    base = data[0][:8_000]
    _, ids = vectors.search(index, data[1], K)
    _, truth = exact(base, data[1], K)
    assert recall(ids, truth) >= 0.95, params


def test_progress_is_reported(small_data: tuple[np.ndarray, np.ndarray]) -> None:
    seen: list[tuple[int, int]] = []
    vectors.build(
        small_data[0][:1_000], {"type": "flat"}, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (0, 1_000) and seen[-1] == (1_000, 1_000)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["flat", "ivf", "hnsw"])
def test_save_load_round_trip(
    which: str, data: tuple[np.ndarray, np.ndarray], ivf: tuple, hnsw: tuple, tmp_path: Path
) -> None:
    if which == "flat":
        params: dict = {"type": "flat"}
        index = vectors.build(data[0][:3_000], params)
    else:
        index, params = ivf if which == "ivf" else hnsw
    before = vectors.search(index, data[1], K)
    path = tmp_path / "vectors.faiss"
    vectors.save(index, path)
    loaded = vectors.load(path, params)
    after = vectors.search(loaded, data[1], K)
    np.testing.assert_array_equal(before[1], after[1])
    np.testing.assert_array_equal(before[0], after[0])


@pytest.mark.slow
def test_load_applies_search_parameters(ivf: tuple, hnsw: tuple, tmp_path: Path) -> None:
    index, params = ivf
    vectors.save(index, tmp_path / "ivf.faiss")
    loaded: Any = vectors.load(tmp_path / "ivf.faiss", {**params, "nprobe": 7})
    assert isinstance(loaded, faiss.IndexIVF) and loaded.nprobe == 7
    index, params = hnsw
    vectors.save(index, tmp_path / "hnsw.faiss")
    loaded = vectors.load(tmp_path / "hnsw.faiss", {**params, "efSearch": 33})
    assert isinstance(loaded, faiss.IndexHNSW) and loaded.hnsw.efSearch == 33


def test_load_restores_faiss_global_limits(tmp_path: Path) -> None:
    index = vectors.build(clustered(100, 1)[0], {"type": "flat"})
    vectors.save(index, tmp_path / "v.faiss")
    before = (faiss.get_deserialization_vector_byte_limit(), faiss.get_deserialization_loop_limit())
    vectors.load(tmp_path / "v.faiss", {"type": "flat"})
    with pytest.raises(IndexDamaged):
        vectors.load(tmp_path / "v.faiss", {"type": "ivf"})  # a flat file where the manifest says ivf
    assert (faiss.get_deserialization_vector_byte_limit(), faiss.get_deserialization_loop_limit()) == before


@pytest.fixture
def small_flat(tmp_path: Path) -> Path:
    path = tmp_path / "small.faiss"
    vectors.save(vectors.build(clustered(500, 1)[0], {"type": "flat"}), path)
    return path


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing):
        vectors.load(tmp_path / "nope.faiss", {"type": "flat"})


def test_load_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.faiss").write_bytes(b"")
    with pytest.raises(IndexDamaged):
        vectors.load(tmp_path / "empty.faiss", {"type": "flat"})


def test_load_garbage(tmp_path: Path) -> None:
    (tmp_path / "junk.faiss").write_bytes(np.random.default_rng(3).bytes(10_000))
    with pytest.raises(IndexDamaged) as err:
        vectors.load(tmp_path / "junk.faiss", {"type": "flat"})
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_load_truncated(small_flat: Path, keep: float) -> None:
    data = small_flat.read_bytes()
    small_flat.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(IndexDamaged):
        vectors.load(small_flat, {"type": "flat"})


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# IndexFlat layout: fourcc(4) d(i32) ntotal(i64) dummy(i64) dummy(i64) is_trained(u8) metric(i32),
# then the code vector: its length in float32 units (u64) and the data.
FLAT_NTOTAL_AT = 8
FLAT_CODES_SIZE_AT = 37


@pytest.mark.parametrize("offset", [FLAT_NTOTAL_AT, FLAT_CODES_SIZE_AT])
def test_edited_size_field_fails_fast_without_allocating(small_flat: Path, offset: int) -> None:
    data = bytearray(small_flat.read_bytes())
    assert data[:4] == b"IxFI"
    assert struct.unpack_from("<q", data, FLAT_NTOTAL_AT)[0] == 500
    assert struct.unpack_from("<Q", data, FLAT_CODES_SIZE_AT)[0] == 500 * DIM
    struct.pack_into("<Q", data, offset, 1_600_000_000)  # 6.4 GB of float32 codes
    small_flat.write_bytes(bytes(data))
    before = _peak_rss_mib()
    with pytest.raises(IndexDamaged):
        vectors.load(small_flat, {"type": "flat"})
    assert _peak_rss_mib() - before < 512


@pytest.mark.slow
def test_edited_inverted_list_size_fails_fast(ivf: tuple, tmp_path: Path) -> None:
    index, params = ivf
    path = tmp_path / "ivf.faiss"
    vectors.save(index, path)
    data = bytearray(path.read_bytes())
    at = data.find(b"ilar")
    nlist, _code_size = struct.unpack_from("<QQ", data, at + 4)
    assert nlist == params["nlist"] and data[at + 20 : at + 24] == b"full"
    # ilar nlist code_size "full" <vector length> <sizes...>: make the first list 10M entries long.
    struct.pack_into("<Q", data, at + 32, 10_000_000)
    path.write_bytes(bytes(data))
    before = _peak_rss_mib()
    with pytest.raises(IndexDamaged):
        vectors.load(path, params)
    assert _peak_rss_mib() - before < 512


def test_k_larger_than_collection() -> None:
    base, queries = clustered(5, 3)
    index = vectors.build(base, {"type": "flat"})
    scores, ids = vectors.search(index, queries, 50)
    assert ids.shape == (3, 5) and scores.shape == (3, 5)
    assert sorted(ids[0].tolist()) == [0, 1, 2, 3, 4]
    empty = vectors.build(np.zeros((0, DIM), dtype=np.float32), {"type": "flat"})
    scores, ids = vectors.search(empty, queries, 10)
    assert ids.shape == (3, 0)


def test_single_query_vector_is_accepted(small_data: tuple[np.ndarray, np.ndarray]) -> None:
    index = vectors.build(small_data[0][:100], {"type": "flat"})
    _, ids = vectors.search(index, small_data[0][7], 1)
    assert ids.tolist() == [[7]]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "flat"},
        {"type": "flat", "storage": "fp16"},
        {"type": "flat", "storage": "sq8"},
        {"type": "ivf", "nlist": 16, "nprobe": 4, "storage": "sq8"},
    ],
    ids=["flat", "flat-fp16", "flat-sq8", "ivf-sq8"],
)
def test_an_index_built_from_a_row_file_is_the_one_built_from_the_matrix(
    small_data: tuple[np.ndarray, np.ndarray], tmp_path: Path, params: dict
) -> None:
    """Rows written out of order into a RowFile, read back block by block, make the same index, saved
    byte for byte, as build() over the matrix: the build holds no matrix of all vectors."""
    base = small_data[0][:2_000]
    rows = vectors.RowFile(tmp_path / "rows.tmp", len(base), base.shape[1])
    order = np.random.default_rng(3).permutation(len(base))
    rows.put(np.sort(order[:700]), base[np.sort(order[:700])])  # two runs of scattered rows
    rows.put(np.sort(order[700:]), base[np.sort(order[700:])])
    vectors.save(vectors.build_from_file(rows, params), tmp_path / "a.faiss")
    vectors.save(vectors.build(base, params), tmp_path / "b.faiss")
    assert (tmp_path / "a.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
    # Written straight to the file (an exact index's codes a block at a time): the same bytes.
    vectors.write_from_file(rows, params, tmp_path / "c.faiss")
    assert (tmp_path / "c.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
    np.testing.assert_array_equal(rows.take(np.array([0, 5, 1999])), base[[0, 5, 1999]])


@pytest.mark.parametrize("n", [0, 1, 1_025])
def test_an_exact_index_written_block_by_block_has_the_bytes_save_writes(tmp_path: Path, n: int) -> None:
    """write_from_file's exact index: save()'s bytes whatever the count (none, one, a block and one)."""
    base = clustered(max(n, 1), 1)[0][:n]
    rows = vectors.RowFile(tmp_path / "rows.tmp", n, DIM)
    rows.put(np.arange(n), base)
    params = vectors.choose(n)
    vectors.write_from_file(rows, params, tmp_path / "a.faiss")
    vectors.save(vectors.build(base, params), tmp_path / "b.faiss")
    assert (tmp_path / "a.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
    assert vectors.load(tmp_path / "a.faiss", params).ntotal == n


def test_float16_flat_storage_keeps_the_ranking(small_data: tuple[np.ndarray, np.ndarray]) -> None:
    """An exact index of float16 codes ranks as float32 does: cosines move by < 1e-3."""
    base, queries = small_data[0][:3_000], small_data[1]
    s32, i32 = vectors.search(vectors.build(base, {"type": "flat"}), queries, 1)
    s16, i16 = vectors.search(vectors.build(base, vectors.choose(len(base))), queries, 1)
    assert vectors.choose(len(base))["storage"] == "fp16"
    assert np.abs(s16 - s32).max() < 1e-3
    assert (i16 == i32).mean() >= 0.99


def test_reconstruct_all_flat_is_exact(small_data: tuple[np.ndarray, np.ndarray]) -> None:
    base = small_data[0][:2_000]
    np.testing.assert_array_equal(vectors.reconstruct_all(vectors.build(base, {"type": "flat"})), base)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["ivf", "hnsw"])
def test_reconstruct_all_quantised_is_close(
    which: str, data: tuple[np.ndarray, np.ndarray], ivf: tuple, hnsw: tuple, tmp_path: Path
) -> None:
    index, params = ivf if which == "ivf" else hnsw
    vectors.save(index, tmp_path / "v.faiss")
    loaded = vectors.load(tmp_path / "v.faiss", params)
    got = vectors.reconstruct_all(loaded)
    base = data[0][: len(got)]
    assert got.shape == (index.ntotal, DIM) and got.dtype == np.float32
    cos = np.sum(got * base, axis=1) / np.linalg.norm(got, axis=1)
    # sq8: a few components of outliers clip at the trained range; typical error is tiny.
    assert cos.min() > 0.99 and np.median(cos) > 0.9999
    # Re-indexing the reconstructed vectors finds the same neighbours.
    again = vectors.build(got, {"type": "flat"})
    _, ids = vectors.search(again, data[1], K)
    _, truth = exact(base, data[1], K)
    assert recall(ids, truth) >= 0.95


def test_ivf_refuses_too_few_training_vectors() -> None:
    with pytest.raises(ValueError):
        vectors.build(clustered(100, 1)[0], {"type": "ivf", "nlist": 64, "nprobe": 8, "storage": "sq8"})


@pytest.mark.parametrize("n", [2_000, 5_000])
def test_an_ivf_index_written_list_by_list_has_the_bytes_save_writes(
    small_data: tuple[np.ndarray, np.ndarray], tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FLAT_MAX the index is IVF-sq8: write_from_file writes its lists at their places a block
    at a time (never the in-memory index: build_from_file is not called), and the file is save()'s of
    the index FAISS builds in memory, so searches are the same."""
    monkeypatch.setattr(vectors, "FLAT_MAX", 1_000)
    base, queries = small_data[0][:n], small_data[1]
    params = vectors.choose(n)
    assert params["type"] == "ivf"
    rows = vectors.RowFile(tmp_path / "rows.tmp", n, DIM)
    rows.put(np.arange(n), base)

    def in_memory(*a: Any, **k: Any) -> None:
        raise AssertionError("the IVF index was built in memory")

    done: list[int] = []
    monkeypatch.setattr(vectors, "build_from_file", in_memory)
    vectors.write_from_file(rows, params, tmp_path / "a.faiss", progress=lambda d, t: done.append(d))
    monkeypatch.undo()
    vectors.save(vectors.build(base, params), tmp_path / "b.faiss")
    assert (tmp_path / "a.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
    assert done[0] == 0 and done[-1] == n
    a, b = vectors.load(tmp_path / "a.faiss", params), vectors.load(tmp_path / "b.faiss", params)
    np.testing.assert_array_equal(vectors.search(a, queries, K)[1], vectors.search(b, queries, K)[1])


def test_an_ivf_index_with_most_lists_empty_is_written_as_faiss_writes_it(tmp_path: Path) -> None:
    """FAISS writes the sizes of sparse lists as (list, size) pairs ("sprs"), of fuller ones as one
    size a list ("full"): three vectors in 16 lists take the sparse form, byte for byte."""
    base = clustered(2_000, 1)[0]
    params = {"type": "ivf", "nlist": 16, "nprobe": 4, "storage": "sq8"}
    index = vectors.new_index(DIM, params, len(base))
    index.train(base)
    vectors.save(index, tmp_path / "empty.faiss")
    rows = vectors.RowFile(tmp_path / "rows.tmp", 3, DIM)
    rows.put(np.arange(3), base[:3])
    vectors._write_ivf(index, rows, tmp_path / "a.faiss", (tmp_path / "empty.faiss").read_bytes(), None)
    index.add(base[:3])
    vectors.save(index, tmp_path / "b.faiss")
    assert (tmp_path / "a.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
    used = len(set(index.quantizer.assign(base[:3], 1).ravel().tolist()))
    lists = (tmp_path / "b.faiss").read_bytes()[-(3 * (DIM + 8) + used * 16 + 8 + 24) :]
    assert lists[:4] == b"ilar" and lists[20:24] == b"sprs"  # nlist, code size, then the form


def test_ivf_training_with_residuals_in_place_is_faiss_training(tmp_path: Path) -> None:
    """_train makes the residuals in place of the sample instead of FAISS's copy of them: the trained
    index (centroids and scalar quantiser) is the one train() makes, byte for byte."""
    base = clustered(6_000, 1, seed=4)[0]
    params = {"type": "ivf", "nlist": 32, "nprobe": 8, "storage": "sq8"}
    rows = vectors.RowFile(tmp_path / "rows.tmp", len(base), DIM)
    rows.put(np.arange(len(base)), base)
    ours = vectors.new_index(DIM, params, len(base))
    vectors._train(ours, rows, params)
    theirs = vectors.new_index(DIM, params, len(base))
    theirs.train(base[vectors._training_rows(len(base), "ivf", params)])
    assert ours.is_trained
    vectors.save(ours, tmp_path / "a.faiss")
    vectors.save(theirs, tmp_path / "b.faiss")
    assert (tmp_path / "a.faiss").read_bytes() == (tmp_path / "b.faiss").read_bytes()
