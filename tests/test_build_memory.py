"""Indexing memory grows with the text, not with copies of it (issue 10, case 16).

Python-side allocations are counted with tracemalloc (numpy arrays included; FAISS's and SQLite's
own C++ buffers are not), so the check is of what the build code itself keeps: no array of every
vector (they wait in a file of the staging folder), no list of every passage's words, no second
copy of the text. Deterministic: no timing, hash-embedder. bench/index_scale.py measures the whole
process (RSS) at 3, 10 and 30 MB.
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from array import array
from pathlib import Path

import numpy as np
import pytest

from index import build as build_module
from index import embed, hashembed, lexical, vectors
from index.build import build

_WORDS = (
    "harbour crew buoy tide pier council ferry bridge storm repaired inspected reported mayor "
    "engineers morning evening north south cargo vessel lighthouse keeper fishermen market "
    "budget million pounds residents meeting warned promised delayed opened closed river"
).split()


def _text(paragraphs: int, seed: int = 7) -> str:
    """Paragraphs of ~450 characters, as news passages are, from a small vocabulary plus a number or
    two each; a curly apostrophe makes Python hold the text at 2 bytes a character, as real news is."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        words = [rng.choice(_WORDS) for _ in range(62)]
        words[rng.randrange(62)] = f"No.{i}"
        out.append(f"Report {i}: the keeper’s log. " + " ".join(words) + ".")
    return "\n\n".join(out) + "\n"


def test_build_holds_no_copy_of_the_vectors_and_bm25_less_than_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 1500
    # Model windows and index blocks far smaller than the input, as for a large file (4096 of 65k).
    monkeypatch.setattr(embed, "ENCODE_WINDOW", 256)
    monkeypatch.setattr(vectors, "ADD_BLOCK", 256)
    monkeypatch.setattr(hashembed, "DIM", 384)  # the real model's width: the vectors weigh as much
    monkeypatch.setattr(hashembed.HashEmbedder.__init__, "__defaults__", (384,))
    # Quote attribution has its own memory and time checks (its work owns them); here it would only
    # add seconds, the text has no quotes.
    monkeypatch.setattr(build_module, "_attributions", lambda text: ([], []))
    (tmp_path / "docs").mkdir()
    text = _text(n)
    held = sys.getsizeof(text)  # the text as the build holds it (2 bytes a character here)
    (tmp_path / "docs" / "reports.txt").write_text(text, encoding="utf-8")
    del text
    # Warm up: imports, the lemma dictionary and FAISS/bm25s set-up are constant costs.
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "w.txt").write_text("The crew said the tide was low.\n", encoding="utf-8")
    build([tmp_path / "warm"], tmp_path / "warm-idx", model=hashembed.MODEL, cache_dir=tmp_path)
    lexical.term("report")

    grown: dict[str, int] = {}  # stage -> its traced peak over what was held when it began
    peaks: list[int] = []
    stage, start = ["start"], [0]

    def tick(name: str, done: int, total: int) -> None:
        if name == "storing":
            name = "storing:" + ("vectors", "bm25", "docstore", "commit")[min(done, 3)]
        if name != stage[0]:
            current, peak = tracemalloc.get_traced_memory()
            grown[stage[0]] = peak - start[0]
            peaks.append(peak)
            tracemalloc.reset_peak()
            stage[0], start[0] = name, current

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        report = build(
            [tmp_path / "docs"], tmp_path / "idx", model=hashembed.MODEL, cache_dir=tmp_path, progress=tick
        )
        tick("end", 0, 0)
        overall = max(peaks) - before
    finally:
        tracemalloc.stop()

    assert report.passages == n
    all_vectors = n * 384 * 4
    # Measured (1500 passages: 1.47 MB held, 2.3 MB of float32 vectors): embedding and building the
    # vector index add 0.01 and 0.8 MB to what was held (a model window; blocks of rows and their
    # codes), where 4630ac0 held a matrix of every vector. BM25 adds 1.6 MB (1.1x the text): its
    # vocabulary (1,500 distinct numbers here) and score matrix, 8 bytes a (passage, term) pair.
    assert grown["embedding"] < all_vectors / 4, grown
    assert grown["storing:vectors"] < all_vectors / 2, grown
    assert grown["storing:bm25"] < 1.5 * held, grown
    # Not the index code's: reading holds the file's bytes and the text decoded from them (2.5x the
    # held text, traced). Binding the text to sqlite3 as one str kept its UTF-8 form (+2.9 MB, 3.7x
    # in all) until the store streamed it in pieces (test_docstore_write_holds_no_encoded_copy_of_the_text,
    # bench/reports/index_scale.txt, third pass).
    assert overall < 4 * held, (overall, grown, held)


def test_score_matrix_is_the_one_bm25s_builds() -> None:
    """The in-place BM25 build gives bm25s' own arrays, bit for bit (bm25s' index(), its default
    method and parameters), so the reader and the files are unchanged."""
    import bm25s

    rng = np.random.default_rng(5)
    corpus = [array("i", rng.integers(0, 300, size=int(rng.integers(1, 80))).tolist()) for _ in range(400)]
    corpus.append(array("i", [7, 7, 7]))
    counts = [0] * 300
    for ids in corpus:
        for t in set(ids):
            counts[t] += 1
    vocab = {f"t{i}": i for i in range(300)}
    ref = bm25s.BM25()
    ref.index(([list(ids) for ids in corpus], vocab), show_progress=False)
    data, indices, indptr = lexical._score_matrix(corpus, counts)
    for got, key in ((data, "data"), (indices, "indices"), (indptr, "indptr")):
        want = ref.scores[key]
        assert got.dtype == want.dtype, key
        np.testing.assert_array_equal(got, want, err_msg=key)


def test_docstore_write_holds_no_encoded_copy_of_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document store streams a text into SQLite a piece at a time. Binding the whole str made
    Python keep its UTF-8 form (0.5x the held text here, cached on the str for its lifetime) besides
    SQLite's own copies (not traced): +43 MB at 30 MB of text (bench/reports/index_scale.txt)."""
    from index import docstore

    monkeypatch.setattr(docstore, "_WRITE_CHARS", 1 << 16)
    text = _text(4000)  # ~1.8M characters, held at 2 bytes each
    held = sys.getsizeof(text)
    row = docstore.DocRow(0, "/r.txt", "R", "text", "0" * 64, text, "t")
    passages = [docstore.PassageRow(0, 0, 0, len(text), 1, "body")]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        docstore.write(tmp_path / "docs.sqlite", [row], passages, [], [])
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    # Measured: pieces of 64k characters (~0.2 MB); the whole text bound as a str traced 0.5x held.
    assert peak < 0.15 * held, (peak, held)
    with docstore.DocStore.open(tmp_path / "docs.sqlite") as store:
        assert store.document(0).text == text
