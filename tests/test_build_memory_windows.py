"""The build's fixed costs sized by the input (issue 10, case 16; bench/reports/index_scale.txt,
ninth pass): analysis windows sized by the document give the same passages, the model's output is
written as it comes (the same vectors), and an opened exact index keeps no float32 copy of its
vectors (the same scores). Articles written here; hash-embedder; no timing.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import numpy as np
import pytest

from index import build as build_module
from index import chunk as chunking
from index import consistency, embed, hashembed, ingest, structure, vectors, windows
from index.errors import IndexDamaged
from index.model import SourceText
from index.packedtext import PackedText
from index.vectorstore import FaissStore

_WORDS = "ferry council harbour bridge storm keeper’s tide vessel repaired mayor cargo pier".split()


def _paragraphs(n: int, seed: int = 5) -> str:
    """A plain-text report of my own: a headline, then n paragraphs of 1-3 sentences, some long
    enough to be cut into several passages."""
    rng = random.Random(seed)
    out = ["Ferry service cut for the winter"]
    for i in range(n):
        sentences = [
            f"On day {i} the " + " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(8, 60))) + "."
            for _ in range(rng.randrange(1, 4))
        ]
        out.append(" ".join(sentences))
    return "\n\n".join(out) + "\n"


@pytest.fixture(scope="module")
def emb(tmp_path_factory: pytest.TempPathFactory) -> embed.Embedder:
    return embed.load_embedder(hashembed.MODEL, tmp_path_factory.mktemp("m"), quantized=True)


def test_analysis_windows_grow_with_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to the floor a document is one window; beyond it about 1/ANALYSIS_SHARE of it, never more
    than ANALYSIS_MAX nor windows.WINDOW_BYTES."""
    floor, share = build_module.ANALYSIS_FLOOR, build_module.ANALYSIS_SHARE
    monkeypatch.setattr(build_module, "ANALYSIS_MAX", 1 << 40)  # the share and WINDOW_BYTES alone
    assert build_module._cuts(b"a\n\n" * (floor // 3)) == [0, 3 * (floor // 3)]
    para = b"word " * 99 + b"\n\n"
    for size, most in (
        (2 * floor, None),
        (5 * floor, None),
        (3 * share * floor, None),
        (3 * share * floor, 2),
    ):
        if most:
            monkeypatch.setattr(windows, "WINDOW_BYTES", most * floor)
        data = para * (size // len(para))
        bounds = build_module._cuts(data)
        widths = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        want = min(windows.WINDOW_BYTES, max(floor, len(data) // share))
        assert len(widths) == -(-len(data) // want) and max(widths) <= want * 1.5


def test_analysis_windows_stop_at_the_cap_whatever_the_file() -> None:
    """Past ANALYSIS_SHARE x ANALYSIS_MAX (8 MB) windows no longer grow with the file: attribution's
    working memory, a multiple of its window, stays the same (bench/reports/index_scale23.md)."""
    cap, share = build_module.ANALYSIS_MAX, build_module.ANALYSIS_SHARE
    para = b"word " * 99 + b"\n\n"
    for size in (share * cap // 2, 3 * share * cap):
        data = para * (size // len(para))
        bounds = build_module._cuts(data)
        widths = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        want = min(cap, max(build_module.ANALYSIS_FLOOR, len(data) // share))
        assert len(widths) == -(-len(data) // want) and max(widths) <= want + len(para), (size, max(widths))


def test_documents_analysed_in_smaller_windows_give_the_same_passages(
    emb: embed.Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every passage (span, paragraph number, kind) of a document cut into windows by its size is
    the one the whole document gets."""
    text = _paragraphs(400)
    monkeypatch.setattr(build_module, "ANALYSIS_FLOOR", 4096)
    assert len(build_module._cuts(text.encode())) > 10
    doc = ingest.Document(
        SourceText("/x/r.txt", "", "t", "text", "0" * 64), PackedText.from_utf8(text.encode())
    )
    got = [(c.start, c.end, c.paragraph, c.kind) for c in build_module._analyse(doc, emb).chunks]
    chunks = chunking.chunk(
        text, emb.count_tokens, max_chars=build_module.MAX_CHARS, max_tokens=emb.max_tokens, overlap=0
    )
    assert got == [(c.start, c.end, c.paragraph, c.kind) for c in structure.label(text, chunks)]


def test_encode_to_hands_out_the_vectors_encode_makes(emb: embed.Embedder) -> None:
    texts = [
        f"The ferry {i} left the harbour at {i % 24} o’clock." for i in range(3 * embed.OTHER_WINDOW + 5)
    ]
    out = np.zeros((len(texts), emb.dim), dtype=np.float32)
    done: list[int] = []

    def put(at: np.ndarray, x: np.ndarray) -> None:
        assert len(x) <= embed.OTHER_WINDOW
        out[at] = x

    embed.encode_to(emb, texts, put, int8_tokens=embed.INT8_BUILD_TOKENS, progress=done.append)
    np.testing.assert_array_equal(out, emb.encode(texts))
    assert sum(done) == len(texts)


@pytest.mark.parametrize("storage", ["fp16", "sq8"])
def test_an_opened_exact_index_holds_no_float32_copy(storage: str, tmp_path: Path) -> None:
    """Fetched rows are the ones FAISS reconstructs, decoded from the codes when asked for."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((700, 48)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    params = {"type": "flat", "storage": storage}
    vectors.save(vectors.build(x, params), tmp_path / "v.faiss")
    store = FaissStore.load(tmp_path / "v.faiss", params)
    assert store.matrix is None
    want = vectors.reconstruct_all(store.index)
    ids = [699, 0, 5, 5, 311]
    np.testing.assert_array_equal(store.fetch(ids), want[ids])
    np.testing.assert_array_equal(store.all(), want)
    consistency.check_vectors(store.index, 48, 700, store.matrix)
    store.add(x[:3])
    np.testing.assert_array_equal(store.fetch([700, 702]), vectors.reconstruct_all(store.index)[[700, 702]])


def test_nan_codes_are_found_without_a_float32_copy(tmp_path: Path) -> None:
    x = np.eye(4, 16, dtype=np.float32)
    index = vectors.build(x, {"type": "flat", "storage": "fp16"})
    codes = vectors.stored_codes(index)
    codes.flags.writeable = True
    codes[2, 4:6] = np.frombuffer(np.float16(np.nan).tobytes(), dtype=np.uint8)  # component 2 of row 2
    with pytest.raises(IndexDamaged, match="NaN"):
        consistency.check_vectors(index, 16, 4, None)


def test_a_float32_flat_index_is_viewed_not_copied() -> None:
    x = np.eye(5, 8, dtype=np.float32)
    store = FaissStore.build(x, {"type": "flat", "storage": "flat"})
    assert store.matrix is not None and not store.matrix.flags.owndata
    np.testing.assert_array_equal(store.fetch([4, 1]), x[[4, 1]])
    store.add(x[:2])
    np.testing.assert_array_equal(store.fetch([5, 6]), x[:2])


@pytest.mark.slow
def test_the_model_s_batches_written_as_they_come_are_its_vectors(
    qa_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real model: the vectors `encode_to` hands out are bit-identical to `encode`'s at the
    build's batch size, with windows smaller than the input, and with onnxruntime's arena given
    back after the last batch (encode_to) or after every batch, or kept (encode)."""
    from qa import config

    model = embed.load_embedder(None, config.model_cache_dir(), quantized=True)
    assert isinstance(model, embed.OnnxEmbedder)
    monkeypatch.setattr(embed, "ENCODE_WINDOW", 16)
    texts = [" ".join(["the ferry left the harbour"] * (1 + i % 9)) + f" on day {i}." for i in range(50)]
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    embed.encode_to(model, texts, lambda at, x: out.__setitem__(at, x), int8_tokens=0)
    np.testing.assert_array_equal(out, model.encode(texts, batch_size=embed.BUILD_BATCH))
    shrunk = np.zeros_like(out)
    for rows, x in model.encode_batches(texts, batch_size=embed.BUILD_BATCH, shrink_every=1):
        shrunk[rows] = x
    np.testing.assert_array_equal(shrunk, out)


@pytest.mark.slow
def test_one_text_a_run_makes_a_passage_s_vector_its_own(
    qa_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The int8 model quantises each activation tensor with one scale over the whole batch, so in
    the build's batches a passage's vector moves with its batch mates (bench/embed_batches.py:
    an update and a rebuild disagree). Run one text at a time (embed.BUILD_BATCH = 1, measured and
    not adopted: bench/reports/index_scale.txt, fifteenth pass), the same passage indexed among
    other passages or among others again gets the same vector, bit for bit, and the one a
    question of the same words gets."""
    from qa import config

    model = embed.load_embedder(None, config.model_cache_dir(), quantized=True)
    assert isinstance(model, embed.OnnxEmbedder)
    shared = [" ".join(["the ferry left the harbour"] * (1 + i % 5)) + f" on day {i}." for i in range(12)]
    short = [f"Storm {i}." for i in range(20)]
    long = [" ".join(_WORDS * (2 + i % 3)) + f" pier {i}." for i in range(20)]

    def vectors_among(texts: list[str]) -> dict[str, np.ndarray]:
        out = np.zeros((len(texts), model.dim), dtype=np.float32)
        embed.encode_to(model, texts, lambda at, x: out.__setitem__(at, x), int8_tokens=0)
        return {t: out[i] for i, t in enumerate(texts)}

    # The build's batches: the same passages' vectors differ with their batch mates.
    among_short, among_long = vectors_among(short + shared), vectors_among(shared[::-1] + long)
    assert max(float(np.abs(among_short[t] - among_long[t]).max()) for t in shared) > 1e-4
    monkeypatch.setattr(embed, "BUILD_BATCH", 1)
    among_short, among_long = vectors_among(short + shared), vectors_among(shared[::-1] + long)
    for t in shared:
        np.testing.assert_array_equal(among_short[t], among_long[t])
        np.testing.assert_array_equal(among_short[t], model.encode([t])[0])


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux only: reads the resident size")
def test_the_build_s_batches_leave_no_model_working_set_behind(qa_home: Path) -> None:
    """onnxruntime's CPU arena keeps what its largest batch took (~226 MB for 32 passages of ~220
    tokens) unless it is shrunk: the build's batches (encode_to) give it back after the last, so
    the stages after the embedding do not carry it (bench/reports/index_scale.txt, seventeenth
    pass). Two sessions of the model (one arena each), the same long texts, in one process: RSS
    after each, heap trimmed."""
    from index import heap
    from qa import config

    shrunk = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True)
    kept = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True)
    for m in (shrunk, kept):
        m.encode(["warm up the model once"])
    texts = [" ".join(_WORDS * 15) + f" pier {i} tide {i * 7}." for i in range(64)]  # ~200 tokens
    heap.return_freed_memory()
    before = _rss_mb()
    embed.encode_to(shrunk, texts, lambda at, x: None, int8_tokens=0)
    heap.return_freed_memory()
    after_shrunk = _rss_mb()
    kept.encode(texts, batch_size=embed.BUILD_BATCH)
    heap.return_freed_memory()
    after_kept = _rss_mb()
    grown_shrunk, grown_kept = after_shrunk - before, after_kept - after_shrunk
    assert grown_kept > 60, (grown_shrunk, grown_kept)  # the arena kept: a batch's working set (226 MB)
    assert grown_shrunk < grown_kept / 3, (grown_shrunk, grown_kept)
