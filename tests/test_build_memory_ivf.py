"""A build above vectors.FLAT_MAX passages writes its IVF index a block of rows at a time, with the
training sample the only matrix held (issue 10, case 16): FAISS's in-memory lists (384 bytes of
codes and 8 of id a passage) and its copy of the sample's residuals were the 30 MB build's peak
(bench/reports/index_scale24.md).

FAISS's own C++ buffers are not traced, so FAISS's in-memory paths are pinned by never being taken
(its add() and vectors.build_from_file fail here), the rows FAISS encodes at once are counted, and
what Python holds (numpy included) is traced. Deterministic: hash embedder, no timing; FLAT_MAX is
lowered so that a short text of my own makes an IVF index.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import build as build_module
from index import embed, hashembed, store, vectors
from index.build import build

faiss = pytest.importorskip("faiss")

_WORDS = (
    "harbour crew buoy tide pier council ferry bridge storm repaired inspected reported mayor "
    "engineers morning evening north south cargo vessel lighthouse keeper fishermen market"
).split()
N = 1_500


def _text(paragraphs: int, seed: int = 11) -> str:
    """Paragraphs of ~450 characters, each with a number of its own."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        words = [rng.choice(_WORDS) for _ in range(62)]
        words[rng.randrange(62)] = f"No.{i}"
        out.append(f"Report {i}: the harbour log. " + " ".join(words) + ".")
    return "\n\n".join(out) + "\n"


@pytest.fixture
def ivf_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of one text of N passages; builds of it make an IVF index (FLAT_MAX 500), with the
    hash embedder at the real model's width and no attribution."""
    monkeypatch.setattr(hashembed, "DIM", 384)
    monkeypatch.setattr(hashembed.HashEmbedder.__init__, "__defaults__", (384,))
    monkeypatch.setattr(build_module, "_attributions", lambda *a, **k: ([], []))
    monkeypatch.setattr(embed, "ENCODE_WINDOW", 256)
    monkeypatch.setattr(vectors, "ADD_BLOCK", 256)
    monkeypatch.setattr(vectors, "FLAT_MAX", 500)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "reports.txt").write_text(_text(N), encoding="utf-8")
    return docs


def test_an_ivf_index_is_written_a_block_at_a_time_holding_only_the_training_sample(
    tmp_path: Path, ivf_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def in_memory(*a: Any, **k: Any) -> None:
        raise AssertionError("the IVF index was built in memory")

    monkeypatch.setattr(vectors, "build_from_file", in_memory)
    monkeypatch.setattr(faiss.IndexIVFScalarQuantizer, "add", in_memory)
    monkeypatch.setattr(faiss.IndexIVFScalarQuantizer, "train", in_memory)  # its residuals' copy
    at_once: list[int] = []
    encode = faiss.IndexIVFScalarQuantizer.encode_vectors

    def counted(self: Any, n: int, *a: Any) -> Any:
        at_once.append(n)
        return encode(self, n, *a)

    monkeypatch.setattr(faiss.IndexIVFScalarQuantizer, "encode_vectors", counted)
    # Warm up: imports, the lemma dictionary and FAISS's set-up are constant costs.
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "w.txt").write_text("The crew said the tide was low.\n", encoding="utf-8")
    build([tmp_path / "warm"], tmp_path / "warm-idx", model=hashembed.MODEL, cache_dir=tmp_path)

    stage, start, grown = ["start"], [0], {}

    def tick(name: str, done: int, total: int) -> None:
        if name == "storing":
            name = "storing:" + (*build_module.STORING, "commit")[min(done, 3)]
        if name != stage[0]:
            current, peak = tracemalloc.get_traced_memory()
            grown[stage[0]] = peak - start[0]
            tracemalloc.reset_peak()
            stage[0], start[0] = name, current

    tracemalloc.start()
    try:
        report = build(
            [ivf_build], tmp_path / "idx", model=hashembed.MODEL, cache_dir=tmp_path, progress=tick
        )
        tick("end", 0, 0)
    finally:
        tracemalloc.stop()

    assert report.passages == N
    manifest = store.open_manifest(tmp_path / "idx")[1]
    assert manifest.ann["type"] == "ivf"
    sample = len(vectors._training_rows(N, "ivf", manifest.ann)) * 384 * 4
    # FAISS encodes a block of rows at a time, every row once.
    assert max(at_once) <= vectors.ADD_BLOCK and sum(at_once) == N
    # Python holds the training sample and, while it is read, a block of rows (measured 2.13 MB at
    # its peak here, the 640-row sample 0.98 MB of it; the 2.3 MB of vectors are never held), then
    # a block of rows and its codes and a list number a row. FAISS's lists are not made at all
    # (its add() is not called) and its residuals are the sample's own rows (its train() is not).
    assert grown["storing:vectors"] < sample + 4 * vectors.ADD_BLOCK * 384 * 4 + N * 8, (grown, sample)
    assert grown["storing:vectors"] < N * 384 * 4, grown


def test_the_build_s_ivf_index_is_the_one_faiss_builds_in_memory(
    tmp_path: Path, ivf_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index a build writes is, byte for byte, FAISS's in-memory index of the same vectors: the
    same training, the same lists in the same order, so searches return what they did."""
    expected: list[bytes] = []
    write = vectors.write_from_file

    def also_in_memory(rows: vectors.RowFile, params: dict, path: Path, **kw: Any) -> None:
        write(rows, params, path, **kw)
        vectors.save(vectors.build(rows.take(np.arange(rows.n)), params), tmp_path / "expected.faiss")
        expected.append((tmp_path / "expected.faiss").read_bytes())

    monkeypatch.setattr(vectors, "write_from_file", also_in_memory)
    build([ivf_build], tmp_path / "idx", model=hashembed.MODEL, cache_dir=tmp_path)
    gen, manifest = store.open_manifest(tmp_path / "idx")
    assert manifest.ann["type"] == "ivf"
    assert (gen / store.VECTORS).read_bytes() == expected[0]
    # The index finds a passage by its own vector.
    index = vectors.load(gen / store.VECTORS, manifest.ann)
    query = hashembed.HashEmbedder().encode(["Report 7: the harbour log."])
    assert vectors.search(index, query, 5)[1].shape == (1, 5)
