"""An opened index, ready to answer: loads a verified generation and the query-time model.

The query path never imports torch or sentence-transformers: the index's model runs as ONNX.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from index import attribution, consistency, docstore, embed, hashembed, store
from index.chunk import sentences
from index.errors import IndexDamaged, IndexIncompatible, IndexMissing
from index.lexical import LEXICAL_VERSION, READABLE_VERSIONS, Lexical, words
from index.model import DocMeta, Speaker
from index.store import DOCSTORE, LEXICAL, VECTORS
from index.vectorstore import FaissStore, VectorStore
from qa import abstain, config, describe, names
from qa import intent as intents
from qa.attributions import unnamed_source
from qa.types import DocInfo, IndexInfo, Passage, SpeakerInfo

Notify = Callable[[str], None]  # receives one-line notices, e.g. "built the default index in ..."
SentenceTerms = list[tuple[int, int, frozenset[str]]]  # (start, end, terms) of each sentence


class Engine:
    """Everything one index needs at query time, loaded once."""

    def __init__(
        self,
        index_dir: Path,
        gen: Path,
        manifest: store.Manifest,
        built_default: bool,
        *,
        embedder: embed.Embedder | None = None,
        vector_store: VectorStore | None = None,
    ) -> None:
        """Load a verified generation `gen` of `index_dir`; `embedder`/`vector_store` replace the
        index's own (the Embedder and VectorStore seams)."""
        self.index_dir = index_dir
        self.gen = gen
        self.manifest = manifest
        self.built_default = built_default
        ds = docstore.DocStore.open(gen / DOCSTORE)
        try:
            self.docs = {d.doc_id: d for d in ds.documents()}
            self.meta = {doc_id: d.doc_meta() for doc_id, d in self.docs.items()}
            self.passages = [
                passage_of(p, self.docs[p.doc_id], self.meta[p.doc_id]) for p in ds.all_passages()
            ]
            self.kinds = frozenset(p.kind for p in self.passages)
            # Ranking and speaker lists use attributions to a named speaker, and to unnamed sources under
            # their wording ("officials", "senior official"), so "what did officials say?" finds them:
            # the stored rows, with that label as their speaker (never None here).
            self.quotes: list[docstore.QuoteRow] = [
                replace(q, speaker=q.speaker or unnamed_source(q.source))
                for q in ds.quotes()
                if q.speaker or unnamed_source(q.source)
            ]
            speaker_rows = ds.speakers()
        finally:
            ds.close()
        # Speakers across documents, merged by canonical name, and one person's forms in different
        # documents under one name ("Donald J. Trump" in one article, "Donald Trump" in another:
        # qa.names.merge, measured in bench/reports/name_variants.md). Each document's own form is kept
        # (self.forms): a follow-up names the person as the conversation's article does.
        one = names.merge(
            [*(s.name for s in speaker_rows), *(q.speaker for q in self.quotes if q.speaker)],
            Counter(q.speaker for q in self.quotes if q.speaker),
        )
        self.forms: dict[tuple[int, str], str] = {}
        for s in speaker_rows:
            if one[s.name] != s.name:
                self.forms.setdefault((s.doc_id, one[s.name]), s.name)
        for q in self.quotes:
            if q.speaker and one[q.speaker] != q.speaker:
                self.forms.setdefault((q.doc_id, one[q.speaker]), q.speaker)
        self.quotes = [
            q if not q.speaker or one[q.speaker] == q.speaker else replace(q, speaker=one[q.speaker])
            for q in self.quotes
        ]
        merged: dict[str, set[str]] = {}
        for s in speaker_rows:
            merged.setdefault(one[s.name], set()).update(s.aliases)
            if one[s.name] != s.name:
                merged[one[s.name]].add(s.name)  # "Donald J. Trump" an alias of "Donald Trump"
        for q in self.quotes:
            if q.speaker:
                merged.setdefault(q.speaker, {q.speaker})
        self.speakers_index = [Speaker(name, tuple(sorted(al))) for name, al in sorted(merged.items())]
        self.quotes_by_passage: dict[int, list[docstore.QuoteRow]] = {}
        by_doc: dict[int, list[tuple[int, int, int]]] = {}
        for p in self.passages:
            by_doc.setdefault(p.doc_id, []).append((p.start, p.end, p.pid))
        # A document's passages, in id order: what document-level evidence reads.
        self.pids_by_doc: dict[int, list[int]] = {d: [pid for *_, pid in ps] for d, ps in by_doc.items()}
        q_by_doc: dict[int, list[docstore.QuoteRow]] = {}
        for q in self.quotes:
            q_by_doc.setdefault(q.doc_id, []).append(q)
        for doc_id, qs in q_by_doc.items():  # sorted spans: linear, not quotes x passages
            spans = sorted(by_doc.get(doc_id, []))
            for q, pids in zip(qs, consistency.overlaps(spans, [(q.start, q.end) for q in qs]), strict=True):
                for pid in pids:
                    self.quotes_by_passage.setdefault(pid, []).append(q)
        self.lexical, self.store = load_search_files(gen, manifest, len(self.passages), vector_store)
        self.embedder: embed.Embedder = embedder or _query_embedder(manifest, config.model_cache_dir())
        if self.embedder.dim != manifest.dim:
            raise IndexIncompatible(
                f"index {index_dir} holds {manifest.dim}-dim vectors; the embedder gives {self.embedder.dim}"
            )
        # What ranking asks about a passage again and again (warm chat reuses them), per engine.
        self._sentence_terms: dict[int, SentenceTerms] = {}
        self._names: dict[str, str] | None = None  # folded -> capitalised words of the documents
        self._passage_terms: dict[int, frozenset[str]] = {}
        self._document_terms: dict[int, frozenset[str]] = {}
        self._evidence: dict[tuple[str, int], bool] = {}
        self._long_direct: dict[tuple[int, docstore.QuoteRow], bool] = {}
        self._profiles: dict[str, describe.Profile] | None = None
        self._speaker_evidence: abstain.SpeakerEvidence | None = None

    @classmethod
    def open(
        cls,
        index_dir: Path | None = None,
        *,
        notify: Notify | None = None,
        embedder: embed.Embedder | None = None,
        vector_store: VectorStore | None = None,
    ) -> Engine:
        """Open and verify an index; without a folder, the default index (built on first use).

        Building the default index is the only write: `notify` hears of it in one line.
        """
        built = False
        if index_dir is None:
            index_dir = config.default_index_dir()
            try:
                _gen, found = store.open_manifest(index_dir)
            except IndexMissing:
                _build_default(index_dir, rebuild=False, notify=notify)
                built = True
            else:
                if found.extra.get("attribution") != attribution.VERSION:
                    # Built by a release that read quotes otherwise: the bundled article's quotes are
                    # found again (an update: its vectors are kept), as `qa index` does for user indexes.
                    _build_default(index_dir, rebuild=False, notify=notify, refreshed=True)
                    built = True
        # Pinned: a writer committing meanwhile cannot prune the generation while it is being read.
        with store.pinned(index_dir) as (gen, manifest):
            # An older word index still answers (its questions read its way) until `qa index`
            # rebuilds it; the bundled article's own index is rebuilt at once, below.
            if readable_word_index(index_dir, manifest):
                store.verify(gen, manifest)
                return cls(index_dir, gen, manifest, built, embedder=embedder, vector_store=vector_store)
        if index_dir == config.default_index_dir() and not built:
            _build_default(index_dir, rebuild=True, notify=notify)
            return cls.open(index_dir, notify=notify, embedder=embedder, vector_store=vector_store)
        raise older_word_index(index_dir, manifest)

    def closest_name(self, word: str, max_edits: int) -> str | None:
        """The capitalised word of the documents nearest to `word` in spelling, within `max_edits`
        edits (optimal string alignment, case folded), or None; ties go to the more frequent word."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._names is None:
            counts: dict[str, int] = {}
            for d in self.docs.values():
                for w in re.findall(r"(?<![\w'’-])[A-Z][a-z]{2,}(?![\w'’-])", d.text):
                    counts[w] = counts.get(w, 0) + 1
            self._names = {w.lower(): w for w in sorted(counts, key=counts.__getitem__)}  # commonest wins
        got = process.extractOne(word.lower(), list(self._names), scorer=OSA.distance, score_cutoff=max_edits)
        return None if got is None else self._names[got[0]]

    def form(self, name: str, doc_id: int | None) -> str:
        """How document `doc_id` names the speaker `name` (a canonical name of the index): its own
        form where the index merged several ("Donald J. Trump" there, "Donald Trump" here), else `name`."""
        return self.forms.get((doc_id, name), name) if doc_id is not None else name

    def n_passages(self) -> int:
        return len(self.passages)

    def encode(self, text: str) -> np.ndarray:
        """The query vector of `text`, made by the index's embedder."""
        return self.embedder.encode([text])[0]

    def dense(self, q: np.ndarray, pids: list[int] | None = None, k: int = 100) -> dict[int, float]:
        """Cosine scores: for given passages, or the k nearest."""
        if pids is not None:
            with np.errstate(over="ignore", invalid="ignore"):  # reported below, once
                sims = self.store.fetch(pids) @ q if pids else np.zeros(0, np.float32)
            if not np.isfinite(sims).all():
                raise IndexDamaged(_NON_FINITE)
            return {p: float(s) for p, s in zip(pids, sims, strict=True)}
        got = dict(self.store.search(q, k))
        if not all(np.isfinite(s) for s in got.values()):
            raise IndexDamaged(_NON_FINITE)
        return got

    def terms(self, text: str) -> list[str]:
        """Content terms of `text`, made the way this index made its passages' terms."""
        return self.lexical.terms(text)

    def vocabulary(self) -> list[str]:
        """Every term of the index (typo matching)."""
        return self.lexical.vocabulary()

    def sentence_terms(self, pid: int) -> SentenceTerms:
        """Sentences of passage `pid` as (start, end, terms), offsets into its text; computed once."""
        got = self._sentence_terms.get(pid)
        if got is None:
            text = self.passages[pid].text
            got = [(s, e, frozenset(self.terms(text[s:e]))) for s, e in sentences(text)] or [
                (0, len(text), frozenset(self.terms(text)))
            ]
            self._sentence_terms[pid] = got
        return got

    def passage_terms(self, pid: int) -> frozenset[str]:
        """All terms of passage `pid`: the union of its sentences' terms."""
        got = self._passage_terms.get(pid)
        if got is None:
            got = frozenset().union(*(s[2] for s in self.sentence_terms(pid)))
            self._passage_terms[pid] = got
        return got

    def document_terms(self, doc_id: int) -> frozenset[str]:
        """All terms of document `doc_id`: the union of its passages' terms (computed once)."""
        got = self._document_terms.get(doc_id)
        if got is None:
            got = frozenset().union(*(self.passage_terms(pid) for pid in self.pids_by_doc.get(doc_id, [])))
            self._document_terms[doc_id] = got
        return got

    def has_evidence(self, answer_type: str, pid: int) -> bool:
        """Whether passage `pid` holds an answer of `answer_type` (intent.has_evidence, computed once)."""
        key = (answer_type, pid)
        got = self._evidence.get(key)
        if got is None:
            got = self._evidence[key] = intents.has_evidence(answer_type, self.passages[pid].text)
        return got

    def long_direct(self, pid: int, quote: docstore.QuoteRow) -> bool:
        """A direct quote of five words or more within passage `pid`: a few quoted words inside a
        reported clause ('huge mistake') are not the speaker's own words."""
        key = (pid, quote)
        got = self._long_direct.get(key)
        if got is None:
            p = self.passages[pid]
            got = quote.direct and len(words(p.text[quote.start - p.start : quote.end - p.start])) >= 5
            self._long_direct[key] = got
        return got

    def speaker_profiles(self) -> dict[str, describe.Profile]:
        """What the documents call each quoted source (qa.describe.profiles), computed once."""
        if self._profiles is None:
            self._profiles = describe.profiles(
                self.speakers_index, self.quotes, lambda d: self.docs[d].text, self.terms
            )
        return self._profiles

    def speaker_evidence(self) -> abstain.SpeakerEvidence:
        """The words naming quoted and never-quoted speakers (abstain.speaker_evidence), computed once."""
        if self._speaker_evidence is None:
            described = [
                abstain.own_wording(
                    abstain.mention_context(
                        self.docs[q.doc_id].text, q.mention_start, q.mention_end, (q.start, q.end)
                    ),
                    q.speaker,
                )
                for q in self.quotes
                if 0 <= q.mention_start < q.mention_end
            ]
            self._speaker_evidence = abstain.speaker_evidence(
                [(s.name, s.aliases) for s in self.speakers_index],
                {q.speaker for q in self.quotes if q.speaker},
                [abstain.own_wording(q.source, q.speaker) for q in self.quotes] + described,
            )
        return self._speaker_evidence

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
                DocInfo(
                    d.source,
                    d.title,
                    d.format,
                    counts.get(d.doc_id, 0),
                    len(d.text),
                    date=self.meta[d.doc_id].date,
                    url=self.meta[d.doc_id].url,
                    author=self.meta[d.doc_id].author,
                    site=self.meta[d.doc_id].sitename,
                )
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


def passage_of(row: docstore.PassageRow, doc: docstore.DocRow, meta: DocMeta) -> Passage:
    """A stored passage row and its document as the query side's Passage (not yet scored).

    The one place where the stored record becomes the in-memory one; ranking copies it with its
    score, highlight and speaker (dataclasses.replace) to answer.
    """
    return Passage(
        text=doc.text[row.start : row.end],
        score=0.0,
        source=doc.source,
        title=doc.title,
        start=row.start,
        end=row.end,
        paragraph=row.paragraph,
        kind=row.kind,
        highlight=(0, row.end - row.start),
        date=meta.date,
        url=meta.url,
        pid=row.pid,
        doc_id=row.doc_id,
    )


def _build_default(index_dir: Path, *, rebuild: bool, notify: Notify | None, refreshed: bool = False) -> None:
    """The default index: the bundled article, built on first use or after a format change, and
    refreshed after a change of the quote analyser (`refreshed`)."""
    from index.build import build  # lazy: only the first run pays for the indexing modules

    build([config.bundled_article()], index_dir, cache_dir=config.model_cache_dir(), rebuild=rebuild)
    if notify is not None:
        done = "refreshed the quotes of" if refreshed else "built"
        notify(f"{done} the default index from the bundled article in {index_dir}")


# Finite vectors can still overflow float32 in a dot product (a crafted float32 index of 3e38s):
# an index error, never a NaN score in an answer (issue 10, case 9).
_NON_FINITE = f"index file {VECTORS} is damaged (a vector score is NaN or infinite)"


def _query_embedder(manifest: store.Manifest, cache: Path) -> embed.Embedder:
    """The index's own model as ONNX: from the export cache, else exported once from the model."""
    if manifest.model == hashembed.MODEL:
        fake = hashembed.HashEmbedder(manifest.dim)
        if fake.fingerprint != manifest.model_fingerprint:
            raise IndexIncompatible(f"the index was built with another {hashembed.MODEL} version")
        return fake
    quantized = bool(manifest.extra.get("quantized", False))
    emb = embed.from_index(manifest.model, manifest.model_fingerprint, cache, quantized=quantized)
    if emb.fingerprint != manifest.model_fingerprint:
        raise IndexIncompatible(
            f"the index was built with model {manifest.model} (fingerprint {manifest.model_fingerprint[:12]}), "
            f"but that model is now {emb.fingerprint[:12]}",
            hint="rebuild it from its documents",
        )
    return emb


def imported_ml() -> list[str]:
    """Heavy ML modules loaded in this process (for tests of the lazy-import promise)."""
    return [m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules]


def load_search_files(
    gen: Path, manifest: store.Manifest, n_passages: int, vector_store: VectorStore | None = None
) -> tuple[Lexical, VectorStore]:
    """The word index and the vector index of a verified generation, each checked against the
    document store's passages: what makes `qa ask` refuse a resealed index (exit 5) whose files agree
    with their checksums but not with each other (NaN vectors, a vector or BM25 count other than the
    passages'). `qa quotes` runs it too, though it reads neither file (qa.attributions.load).

    Args:
        gen: the generation folder (verified: store.verify).
        manifest: its manifest.
        n_passages: how many passages its document store holds.
        vector_store: a replacement for the index's own vectors (the VectorStore seam), or None.

    Returns:
        (word index, vector store).
    """
    lexical = Lexical.load(gen / LEXICAL, _lexical_version(manifest) or LEXICAL_VERSION)
    lexical.check(n_passages)
    vecs: VectorStore = vector_store or FaissStore.load(gen / VECTORS, manifest.ann)
    if isinstance(vecs, FaissStore):  # FAISS-specific damage: NaN vectors, a broken quantizer
        consistency.check_vectors(vecs.index, manifest.dim, n_passages, vecs.matrix)
    if vecs.count() != n_passages or vecs.dim != manifest.dim:
        raise IndexDamaged(
            f"index file {VECTORS} is damaged ({vecs.count()} vectors of {vecs.dim} dims "
            f"for {n_passages} passages of {manifest.dim})"
        )
    return lexical, vecs


def readable_word_index(index_dir: Path, manifest: store.Manifest) -> bool:
    """Whether this qa reads the index's word index: its own version, or an older readable one
    outside the bundled article's index (which `Engine.open` rebuilds instead).

    Args:
        index_dir: the index folder.
        manifest: its current manifest.

    Returns:
        True when it can be read as it is.
    """
    lexical = _lexical_version(manifest)
    older = lexical in READABLE_VERSIONS and index_dir != config.default_index_dir()
    return lexical == LEXICAL_VERSION or older


def older_word_index(index_dir: Path, manifest: store.Manifest) -> IndexIncompatible:
    """The error for an index whose word index this qa does not read (`readable_word_index`).

    Args:
        index_dir: the index folder.
        manifest: its current manifest.

    Returns:
        The error, to raise.
    """
    return IndexIncompatible(
        f"index {index_dir} was built by an older qa (word index v{_lexical_version(manifest)}, "
        f"this qa reads v{LEXICAL_VERSION})",
        hint="rebuild it from its documents",
    )


def _lexical_version(manifest: store.Manifest) -> int | None:
    """The LEXICAL_VERSION an index's word index was built with (1 before manifests recorded it),
    or None when the manifest holds no whole number there (a crafted index: refused, not parsed)."""
    v = manifest.extra.get("lexical", manifest.chunker.get("lexical", 1))
    return v if isinstance(v, int) and not isinstance(v, bool) else None
