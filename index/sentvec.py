"""Sentence vectors of every passage, stored at index time: sentence-level dense evidence by lookup.

A passage's vector averages its sentences; the question's best cosine with one sentence (and with one
sentence joined to the sentence before it, whose subject a "he said" sentence often needs) is
evidence the passage vector blurs (qa.sentence_dense, bench/reports/dense21.md). Encoded at query
time it multiplied a cold question's cost 28x (bench/reports/dense21.md); stored here it is a
lookup.

Two files of a generation (checksummed and listed in the manifest like the others, index.store):

- SENTENCES: float16 rows (.npy, no pickle), unit vectors by the index's embedder. A passage of s
  sentences (index.chunk.sentences, the spans qa.engine.Engine.sentence_terms reads; the whole
  passage when it has none) has 2s - 1 consecutive rows: its s sentences, then each sentence
  joined to the one before it (sentences 2..s).
- ROWS: uint64 (.npy) of shape (passages, 2): each passage's first row in SENTENCES and the xxh64 of
  its text. An update carries an unchanged passage's rows over from the previous generation by that
  hash (same model and precision only) and encodes only new text.

An index without them (built before) still answers: the sentence columns are then off
(`load` returns None); `qa index` adds them on its next run (index.build).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import xxhash

from index import embed, store
from index.chunk import sentences
from index.errors import IndexDamaged

SENTENCES = "sentences.npy"
ROWS = "sentence_rows.npy"
# Passages encoded per embedder call while writing: bounds the texts and float32 rows held (~5 rows
# a passage: ~1,000 rows, 1.5 MB of float32 at 384 dims). Not a quality setting.
BLOCK = 192


def windows(text: str) -> list[str]:
    """The texts of a passage's sentence rows: each sentence, then each sentence after the one before.

    Args:
        text: the passage's text.
    Returns:
        2s - 1 texts for s sentences (one: the whole text, when it has no sentence).
    """
    spans = sentences(text) or [(0, len(text))]
    singles = [text[a:b] for a, b in spans]
    joined = [text[spans[j - 1][0] : spans[j][1]] for j in range(1, len(spans))]
    return singles + joined


def text_key(text: str) -> int:
    """The xxh64 of a passage's text: what an update matches carried rows by."""
    return int(xxhash.xxh64_intdigest(text.encode("utf-8")))


class SentenceVectors:
    """The stored sentence rows of one generation, memory-mapped."""

    def __init__(self, vectors: np.ndarray, starts: np.ndarray, keys: np.ndarray) -> None:
        """Args:
        vectors: float16 (rows, dim).
        starts: int64 (passages + 1,): passage p's rows are starts[p]:starts[p + 1].
        keys: uint64 (passages,): text_key of each passage.
        """
        self.vectors = vectors
        self.starts = starts
        self.keys = keys

    def rows(self, pid: int) -> np.ndarray:
        """Passage `pid`'s rows as float32: its sentences, then its joined pairs.

        Args:
            pid: the passage.
        Returns:
            (2s - 1, dim) float32.
        """
        return np.asarray(self.vectors[int(self.starts[pid]) : int(self.starts[pid + 1])], dtype=np.float32)

    def best(self, q: np.ndarray, pids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Each passage's best cosine with one sentence, and with one sentence or a sentence joined to
        the one before it.

        Args:
            q: the question's unit vector.
            pids: the passages.
        Returns:
            (single, joined) float64 arrays aligned with `pids`.
        """
        single = np.zeros(len(pids))
        joined = np.zeros(len(pids))
        qf = np.asarray(q, dtype=np.float32)
        for i, pid in enumerate(pids):
            sims = self.rows(pid) @ qf
            s = (len(sims) + 1) // 2
            single[i] = float(sims[:s].max())
            joined[i] = float(sims.max())
        return single, joined


def load(gen: Path, manifest: store.Manifest, n_passages: int) -> SentenceVectors | None:
    """The generation's sentence vectors, or None when it has none (an index built before them).
    The files were verified (index.store.verify) with the rest; their shapes are checked here.

    Args:
        gen: the generation folder.
        manifest: its manifest.
        n_passages: the passages of the index.
    Returns:
        The rows, or None.
    Raises:
        IndexDamaged: files that contradict each other or the index.
    """
    if SENTENCES not in manifest.files or ROWS not in manifest.files:
        return None
    try:
        vectors = np.load(gen / SENTENCES, mmap_mode="r", allow_pickle=False)
        table = np.load(gen / ROWS, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise IndexDamaged(f"index file {SENTENCES} is damaged ({exc})") from None
    ok = (
        vectors.ndim == 2
        and vectors.dtype == np.float16
        and vectors.shape[1] == manifest.dim
        and table.ndim == 2
        and table.shape == (n_passages, 2)
        and table.dtype == np.uint64
    )
    starts = np.append(table[:, 0].astype(np.int64), vectors.shape[0]) if ok else np.zeros(0, np.int64)
    if not ok or (n_passages and (starts[0] != 0 or np.any(np.diff(starts) < 1))):
        raise IndexDamaged(f"index files {SENTENCES} and {ROWS} are damaged (they do not match the index)")
    return SentenceVectors(vectors, starts, table[:, 1].copy())


def _carried(previous: Path | None, fingerprint: str, quantized: bool) -> SentenceVectors | None:
    """The previous generation's sentence rows when made by the same model at the same precision."""
    if previous is None:
        return None
    try:
        manifest = store.read_manifest(previous)
        if manifest.model_fingerprint != fingerprint or bool(manifest.extra.get("quantized")) != quantized:
            return None
        store.verify(previous, manifest, [n for n in (SENTENCES, ROWS) if n in manifest.files])
        return load(previous, manifest, int(manifest.counts.get("passages", 0)))
    except IndexDamaged:
        return None  # encoded again rather than carried from a damaged file


def _blocks(passages: Iterable[str], size: int) -> Iterator[list[str]]:
    block: list[str] = []
    for text in passages:
        block.append(text)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


def write(
    folder: Path,
    passages: Callable[[], Iterable[str]],
    embedder: embed.Embedder,
    *,
    previous: Path | None,
    quantized: bool,
) -> int:
    """Write SENTENCES and ROWS for every passage into `folder` (the staging generation), a block of
    passages at a time: rows are streamed to the file, never all held.

    Args:
        folder: the staging folder.
        passages: makes an iterator over every passage's text in passage-id order (read twice: to
            count the rows, then to encode them).
        embedder: the index's model.
        previous: the generation the build started from (its rows are carried for unchanged text).
        quantized: whether the model runs with int8 weights (rows are carried only at the same).
    Returns:
        The number of sentence rows written.
    """
    counts = [len(windows(t)) for t in passages()]
    starts = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]) if counts else np.zeros(1, np.int64)
    n_rows = int(starts[-1])
    old = _carried(previous, embedder.fingerprint, quantized)
    by_key: dict[int, int] = {}
    if old is not None:
        by_key = {int(k): p for p, k in enumerate(old.keys)}
    keys = np.zeros(len(counts), dtype=np.uint64)
    header = {"descr": "<f2", "fortran_order": False, "shape": (n_rows, embedder.dim)}
    with open(folder / SENTENCES, "wb") as out:
        np.lib.format.write_array_header_1_0(out, header)
        pid = 0
        for block in _blocks(passages(), BLOCK):
            texts: list[str] = []
            parts: list[np.ndarray | None] = []
            for text in block:
                key = text_key(text)
                keys[pid + len(parts)] = key
                hit = by_key.get(key)
                if old is not None and hit is not None:
                    parts.append(old.rows(hit))
                else:
                    texts += windows(text)
                    parts.append(None)
            fresh = embedder.encode(texts) if texts else np.zeros((0, embedder.dim), np.float32)
            at = 0
            for i, got in enumerate(parts):
                n = counts[pid + i]
                if got is None:
                    got, at = fresh[at : at + n], at + n
                out.write(np.ascontiguousarray(got, dtype="<f2").tobytes())
            pid += len(block)
    np.save(folder / ROWS, np.stack([starts[:-1].astype(np.uint64), keys], axis=1), allow_pickle=False)
    return n_rows
