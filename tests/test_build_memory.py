"""Indexing memory grows with the text, not with copies of it (issue 10, case 16).

Python-side allocations are counted with tracemalloc (numpy arrays included; FAISS's and SQLite's
own C++ buffers are not), so the check is of what the build code itself keeps: no second array of
every vector, no list of every passage's words. Deterministic: no timing, hash-embedder.
bench/index_scale.py measures the whole process (RSS) at 3, 10 and 30 MB.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from index import build as build_module
from index import embed, hashembed, lexical
from index.build import build


def _text(paragraphs: int) -> str:
    """Short, distinct paragraphs: one passage each, so the vectors (1 KB a passage at the hash
    embedder's 256 dims) outweigh the text ~8x and any extra copy of them shows."""
    return "\n\n".join(
        f"Report {i}: the harbour crew repainted buoy {i % 97} and logged tide {i % 89} near pier {i % 13}."
        for i in range(paragraphs)
    )


def test_build_holds_the_vectors_once_on_the_python_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 1500
    # Model windows far smaller than the input, as they are for a large file (4096 of 65k passages).
    monkeypatch.setattr(embed, "ENCODE_WINDOW", 256)
    # Quote attribution has its own memory and time checks (its work owns them); here it would only
    # add seconds, the text has no quotes.
    monkeypatch.setattr(build_module, "_attributions", lambda text: ([], []))
    (tmp_path / "docs").mkdir()
    text = _text(n)
    (tmp_path / "docs" / "reports.txt").write_text(text + "\n", encoding="utf-8")
    # Warm up: imports, the lemma dictionary and FAISS/bm25s set-up are constant costs.
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "w.txt").write_text("The crew said the tide was low.\n", encoding="utf-8")
    build([tmp_path / "warm"], tmp_path / "warm-idx", model=hashembed.MODEL, cache_dir=tmp_path)
    lexical.term("report")

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        report = build([tmp_path / "docs"], tmp_path / "idx", model=hashembed.MODEL, cache_dir=tmp_path)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()

    assert report.passages == n
    vectors = n * hashembed.DIM * 4
    # Measured at 2000 passages: 1.61x the vectors, at the BM25 build (its vocabulary of 2000
    # numbers, the per-passage rows); the vectors themselves now live in FAISS's storage, untraced,
    # and a window of the model's output is the only traced array of them. Before (afce548): 2.51x
    # once embedding began (the model's output for every passage, a copy in index order,
    # FaissStore's reconstruction), and 21 MB while reading (a read buffer of the whole size limit).
    assert peak < 2.0 * vectors + 2 * len(text), (peak, vectors, len(text))
