"""An update's memory: unchanged documents' vectors are copied from the previous index file a block at
a time when the new rows are written, never held as one float32 matrix (issue 10, case 16).

Python-side allocations are traced (numpy included; FAISS's own codes, C++, are not): the check is
that the build code keeps no array of every previous vector through the analysis and the embedding.
Deterministic: hash-embedder, no timing. bench/index_scale.py --add measures RSS.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from index import build as build_module
from index import embed, hashembed, store, vectors
from index.build import build
from index.vectorstore import FaissStore

_WORDS = (
    "harbour crew buoy tide pier council ferry bridge storm repaired inspected reported mayor "
    "engineers morning evening north south cargo vessel lighthouse keeper fishermen market"
).split()


def _text(paragraphs: int, seed: int = 7) -> str:
    """Paragraphs of ~450 characters, each with a number of its own."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        words = [rng.choice(_WORDS) for _ in range(62)]
        words[rng.randrange(62)] = f"No.{i}"
        out.append(f"Report {i}: the keeper's log. " + " ".join(words) + ".")
    return "\n\n".join(out) + "\n"


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hash embedder at the real model's width (the vectors weigh as much); no attribution."""
    monkeypatch.setattr(hashembed, "DIM", 384)
    monkeypatch.setattr(hashembed.HashEmbedder.__init__, "__defaults__", (384,))
    monkeypatch.setattr(build_module, "_attributions", lambda *a, **k: ([], []))
    monkeypatch.setattr(embed, "ENCODE_WINDOW", 256)
    monkeypatch.setattr(vectors, "ADD_BLOCK", 256)


def _index_vectors(idx: Path) -> tuple[store.Manifest, FaissStore]:
    gen, manifest = store.open_manifest(idx)
    return manifest, FaissStore.load(gen / store.VECTORS, manifest.ann)


def test_an_update_holds_no_matrix_of_the_previous_vectors(tmp_path: Path, wide: None) -> None:
    n = 1500
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "reports.txt").write_text(_text(n), encoding="utf-8")
    idx = tmp_path / "idx"
    build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    (docs / "new.txt").write_text("The mayor said the bridge would open on Monday.\n", encoding="utf-8")

    began: dict[str, int] = {}  # stage -> what Python held when it began, over the start
    peaks: dict[str, int] = {}  # stage -> its traced peak, over the start
    stage = ["start"]

    def tick(name: str, done: int, total: int) -> None:
        if name == "storing":
            name = "storing:" + (*build_module.STORING, "commit")[min(done, 3)]
        if name != stage[0]:
            current, peak = tracemalloc.get_traced_memory()
            peaks[stage[0]] = peak - start
            tracemalloc.reset_peak()
            stage[0] = name
            began[name] = current - start

    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        report = build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path, progress=tick)
        tick("end", 0, 0)
    finally:
        tracemalloc.stop()

    assert (report.unchanged, report.added, report.embedded) == (1, 1, 1)
    all_vectors = n * 384 * 4  # 2.3 MB of float32
    file_bytes = (docs / "reports.txt").stat().st_size  # 0.72 MB
    # Measured (traced, over the start): the previous index's vectors, a float32 matrix of them all
    # made from FAISS's fp16 codes, and every previous text as a str were held from loading the
    # previous content (in the reading stage) through the analysis: reading peaked at 6.8x the file,
    # analysing began at 6.0x (main 1ab34d5); without the matrix 3.6x and 2.8x; without the texts
    # too 2.6x and 1.8x: the file's bytes as read and the previous passages' rows.
    assert began["analysing"] < 2.2 * file_bytes, (began, file_bytes)
    assert peaks["reading"] < 3.0 * file_bytes, (peaks, file_bytes)
    assert peaks["analysing"] < 3.0 * file_bytes, (peaks, file_bytes)
    assert peaks["embedding"] < all_vectors / 2, peaks


def test_carried_vectors_are_the_previous_index_s_codes(tmp_path: Path, wide: None) -> None:
    """fp16 codes decode exactly to float32 and encode back to the same codes: carried rows are the
    previous index's, byte for byte, and an update equals a build of the same documents."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_text(40, seed=1), encoding="utf-8")
    (docs / "c.txt").write_text(_text(30, seed=3), encoding="utf-8")
    idx = tmp_path / "idx"
    build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    _, before = _index_vectors(idx)
    old = before.fetch(list(range(before.count())))
    (docs / "b.txt").write_text(_text(20, seed=2), encoding="utf-8")  # sorts between a and c
    report = build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    assert (report.unchanged, report.added, report.embedded) == (2, 1, 20)
    manifest, after = _index_vectors(idx)
    assert manifest.ann == {"type": "flat", "storage": "fp16"}
    new = after.fetch(list(range(after.count())))
    assert new.tobytes() == np.concatenate([old[:40], new[40:60], old[40:]]).tobytes()
    build([docs], tmp_path / "fresh", model=hashembed.MODEL, cache_dir=tmp_path)
    _, fresh = _index_vectors(tmp_path / "fresh")
    assert fresh.fetch(list(range(fresh.count()))).tobytes() == new.tobytes()


def test_an_old_float32_index_is_updated_into_fp16(
    tmp_path: Path, wide: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index of float32 vectors (storage "flat", made before fp16) still opens, answers and is
    updated: its vectors are carried over, rounded to fp16 codes."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_text(30, seed=1), encoding="utf-8")
    idx = tmp_path / "idx"
    with monkeypatch.context() as m:
        m.setattr(vectors, "FLAT_STORAGE", "flat")
        build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    manifest, old_store = _index_vectors(idx)
    assert manifest.ann == {"type": "flat", "storage": "flat"}
    old = old_store.fetch(list(range(30)))
    assert old_store.search(old[3], 1)[0][0] == 3
    (docs / "b.txt").write_text(_text(5, seed=2), encoding="utf-8")
    report = build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    assert (report.unchanged, report.added) == (1, 1)
    manifest, new_store = _index_vectors(idx)
    assert manifest.ann == {"type": "flat", "storage": "fp16"}
    carried = new_store.fetch(list(range(30)))
    np.testing.assert_array_equal(carried, old.astype(np.float16).astype(np.float32))
    assert new_store.search(old[3], 1)[0][0] == 3


def test_kept_documents_texts_are_read_from_the_previous_store(tmp_path: Path, wide: None) -> None:
    """A document of the previous index that this run does not name is kept with its text, read from
    the previous store when it is reached (the previous rows are loaded without their texts)."""
    from index import docstore

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    texts = {"a.txt": _text(12, seed=1), "b.txt": "Café owners in Zürich said the naïve plan failed.\n"}
    for name, text in texts.items():
        (first / name).write_text(text, encoding="utf-8")
    (second / "c.txt").write_text("The crew said the tide was low.\n", encoding="utf-8")
    idx = tmp_path / "idx"
    build([first, second], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    (second / "c.txt").write_text("The crew said the tide was high.\n", encoding="utf-8")
    report = build([second], idx, model=hashembed.MODEL, cache_dir=tmp_path)
    assert (report.updated, report.unchanged, report.embedded) == (1, 2, 1)
    gen, _ = store.open_manifest(idx)
    with docstore.DocStore.open(gen / store.DOCSTORE) as ds:
        got = {Path(d.source).name: d.text for d in ds.documents()}
        rows = ds.documents(texts=False)
    assert got == {**texts, "c.txt": "The crew said the tide was high.\n"}
    assert [r.text for r in rows] == ["", "", ""] and [Path(r.source).name for r in rows] == sorted(got)
