"""An opened index, ready to answer: loads a verified generation and the query-time model.

The query path never imports torch or sentence-transformers: the index's model runs as ONNX.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import consistency, docstore, embed, store, vectors
from index.errors import IndexIncompatible, IndexMissing, ModelError
from index.lexical import LEXICAL_VERSION, Lexical
from index.model import Speaker
from index.store import DOCSTORE, LEXICAL, VECTORS
from qa import config
from qa.types import DocInfo, IndexInfo, SpeakerInfo


@dataclass(frozen=True)
class Passage:
    """A passage held in memory with what ranking needs about it."""

    pid: int
    doc_id: int
    start: int
    end: int
    paragraph: int
    kind: str
    text: str
    source: str
    title: str


@dataclass(frozen=True)
class QuoteSpan:
    doc_id: int
    start: int
    end: int
    speaker: str
    direct: bool


class Engine:
    """Everything one index needs at query time, loaded once."""

    def __init__(self, index_dir: Path, gen: Path, manifest: store.Manifest, built_default: bool) -> None:
        self.index_dir = index_dir
        self.gen = gen
        self.manifest = manifest
        self.built_default = built_default
        ds = docstore.DocStore.open(gen / DOCSTORE)
        try:
            self.docs = {d.doc_id: d for d in ds.documents()}
            self.passages = [
                Passage(
                    p.pid,
                    p.doc_id,
                    p.start,
                    p.end,
                    p.paragraph,
                    p.kind,
                    self.docs[p.doc_id].text[p.start : p.end],
                    self.docs[p.doc_id].source,
                    self.docs[p.doc_id].title,
                )
                for p in ds.all_passages()
            ]
            self.kinds = frozenset(p.kind for p in self.passages)
            self.quotes = [QuoteSpan(q.doc_id, q.start, q.end, q.speaker, q.direct) for q in ds.quotes()]
            speaker_rows = ds.speakers()
        finally:
            ds.close()
        # Speakers across documents, merged by canonical name.
        merged: dict[str, set[str]] = {}
        for s in speaker_rows:
            merged.setdefault(s.name, set()).update(s.aliases)
        self.speakers_index = [Speaker(name, tuple(sorted(al))) for name, al in sorted(merged.items())]
        self.quotes_by_passage: dict[int, list[QuoteSpan]] = {}
        by_doc: dict[int, list[tuple[int, int, int]]] = {}
        for p in self.passages:
            by_doc.setdefault(p.doc_id, []).append((p.start, p.end, p.pid))
        q_by_doc: dict[int, list[QuoteSpan]] = {}
        for q in self.quotes:
            q_by_doc.setdefault(q.doc_id, []).append(q)
        for doc_id, qs in q_by_doc.items():  # sorted spans: linear, not quotes x passages
            spans = sorted(by_doc.get(doc_id, []))
            for q, pids in zip(qs, consistency.overlaps(spans, [(q.start, q.end) for q in qs]), strict=True):
                for pid in pids:
                    self.quotes_by_passage.setdefault(pid, []).append(q)
        self.lexical = Lexical.load(gen / LEXICAL)
        self.lexical.check(len(self.passages))
        self.ann = vectors.load(gen / VECTORS, manifest.ann)
        self.vectors: np.ndarray | None = (
            vectors.reconstruct_all(self.ann) if manifest.ann.get("type") == "flat" else None
        )
        consistency.check_vectors(self.ann, manifest.dim, len(self.passages), self.vectors)
        self.embedder = _query_embedder(manifest, config.model_cache_dir())

    @classmethod
    def open(cls, index_dir: Path | None = None) -> Engine:
        """Open and verify an index; without a folder, the default index (built on first use)."""
        built = False
        if index_dir is None:
            index_dir = config.default_index_dir()
            try:
                store.open_manifest(index_dir)
            except IndexMissing:
                _build_default(index_dir, rebuild=False)
                built = True
        # Pinned: a writer committing meanwhile cannot prune the generation while it is being read.
        with store.pinned(index_dir) as (gen, manifest):
            lexical = manifest.extra.get("lexical", manifest.chunker.get("lexical", 1))
            if lexical == LEXICAL_VERSION:
                store.verify(gen, manifest)
                return cls(index_dir, gen, manifest, built)
        if index_dir == config.default_index_dir() and not built:
            _build_default(index_dir, rebuild=True)
            return cls.open(index_dir)
        raise IndexIncompatible(
            f"index {index_dir} was built by an older qa (word index v{lexical}, "
            f"this qa reads v{LEXICAL_VERSION})",
            hint=f"rebuild it with: qa index PATH... --index {index_dir} --rebuild",
        )

    def n_passages(self) -> int:
        return len(self.passages)

    def encode(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def dense(self, q: np.ndarray, pids: list[int] | None = None, k: int = 100) -> dict[int, float]:
        """Cosine scores: for given passages, or the k nearest."""
        if pids is not None:
            if self.vectors is not None:
                return {p: float(self.vectors[p] @ q) for p in pids}
            return {p: float(self.ann.reconstruct(int(p)) @ q) for p in pids}
        if self.vectors is not None:
            sims = self.vectors @ q
            top = np.argsort(-sims)[:k]
            return {int(i): float(sims[i]) for i in top}
        scores, ids = vectors.search(self.ann, q[None, :], k)
        return {int(i): float(s) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0}

    def info(self) -> IndexInfo:
        counts = Counter(p.doc_id for p in self.passages)
        # From the manifest (verified at open): the generation may have been pruned since.
        size = sum(int(f["size"]) for f in self.manifest.files.values())
        return IndexInfo(
            path=str(self.index_dir),
            model=self.manifest.model,
            format_version=self.manifest.format_version,
            dim=self.manifest.dim,
            ann=str(self.manifest.ann.get("type", "flat")),
            size_bytes=size,
            built=self.manifest.created,
            passages=len(self.passages),
            documents=[
                DocInfo(d.source, d.title, d.format, counts.get(d.doc_id, 0), len(d.text))
                for d in self.docs.values()
            ],
        )

    def speakers(self) -> list[SpeakerInfo]:
        n_quotes = Counter(q.speaker for q in self.quotes)
        docs_per = Counter(name for (_doc, name) in {(q.doc_id, q.speaker) for q in self.quotes})
        out = [
            SpeakerInfo(s.name, n_quotes.get(s.name, 0), docs_per.get(s.name, 0), s.aliases)
            for s in self.speakers_index
            if n_quotes.get(s.name, 0)
        ]
        return sorted(out, key=lambda s: (-s.quotes, s.name))


def _build_default(index_dir: Path, *, rebuild: bool) -> None:
    """The default index: the bundled article, built on first use or after a format change."""
    from index.build import build  # lazy: only the first run pays for the indexing modules

    build([config.bundled_article()], index_dir, cache_dir=config.model_cache_dir(), rebuild=rebuild)


def _query_embedder(manifest: store.Manifest, cache: Path) -> embed.OnnxEmbedder:
    """The index's own model as ONNX: from the export cache, else exported once from the model."""
    quantized = bool(manifest.extra.get("quantized", False))
    try:
        return embed.OnnxEmbedder.from_cache(cache / manifest.model_fingerprint, quantized=quantized)
    except ModelError:
        pass
    emb = embed.OnnxEmbedder.load(manifest.model, cache, quantized=quantized)
    if emb.fingerprint != manifest.model_fingerprint:
        raise IndexIncompatible(
            f"the index was built with model {manifest.model} (fingerprint {manifest.model_fingerprint[:12]}), "
            f"but that model is now {emb.fingerprint[:12]}",
            hint="rebuild the index with: qa index PATH... --rebuild",
        )
    return emb


def imported_ml() -> list[str]:
    """Heavy ML modules loaded in this process (for tests of the lazy-import promise)."""
    return [m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules]
