"""Build or update an index: read, chunk, label, find quotes, embed, store as one atomic generation.

Re-running on the same paths re-embeds only documents whose text changed (content hash) and
drops documents that are gone; everything else, vectors included, is carried over. A run that
would change nothing (every document read as indexed, none gone) writes nothing.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, overload

import numpy as np

from index import attribution, docstore, embed, hashembed, heap, ingest, store, structure, vectors, windows
from index import chunk as chunking
from index.errors import IndexDamaged, IndexIncompatible, InputError, Interrupted
from index.lexical import LEXICAL_VERSION, Lexical
from index.model import Chunk, Skipped, SourceText
from index.packedtext import PackedText
from index.quoterows import PackedQuotes
from index.store import DOCSTORE, LEXICAL, VECTORS
from index.vectorstore import FaissStore

# The vectors of a build wait here (float32 rows, in the staging folder) until the index is made.
STAGED_VECTORS = "vectors.rows.tmp"

MAX_CHARS = 600
OVERLAP = 0
# New indexes run the int8 model; fp32 is `--precision fp32`. int8's dynamic quantisation takes one
# activation scale over a whole batch, so an int8 passage vector depends on its batch mates (SQuAD
# paragraphs alone vs in the build's batches: min cosine 0.987) and its kernels differ by CPU; fp32
# vectors are the same in any batch (max |diff| 9e-8), which lets an fp32 build cut its batches by
# tokens (embed.BUILD_TOKENS: bounded memory). fp32 was the default for part of round 22 and was put
# back: the read sets score the same (pooled hit@1 0.819 vs 0.820, bench/reports/prec22.md), the four
# blind sets scored lower on fp32 (hit@1 2 questions fewer, recall@5 3 fewer, of 208 answerable:
# bench/reports/prec22.md, "The default"), and fp32 costs 1.7x the CPU to index and to ask.
QUANTIZED = True

# stage name, done, total
Progress = Callable[[str, int, int], None]
# What the "storing" steps 0, 1, 2 of a build's progress write, in order (bench/index_scale.py and
# tests/test_build_memory.py name the stages by it).
STORING = ("bm25", "docstore", "vectors")


@dataclass
class BuildReport:
    """What a run of `qa index` did, for the closing summary."""

    index_dir: str
    documents: int = 0
    passages: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    embedded: int = 0  # passages sent through the model in this run
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    model: str = ""

    @property
    def errors(self) -> list[Skipped]:
        return [s for s in self.skipped if s.error]


@dataclass(slots=True)
class _Doc:
    """A document on its way into the new generation.

    One is held a document from its analysis to the store's write, so a folder of many small files
    holds thousands: slotted, with its store row's fields as strs (the meta as its JSON) rather than
    the SourceText and DocMeta it was read as, and no list or PackedQuotes for a document without
    speakers or quotes. ~2.5 KB a document before (tracemalloc, 3,000 files of 1 KB: the SourceText
    and its __dict__ 474 bytes, this record's __dict__ 240, three chunk arrays 430, an empty
    PackedQuotes 280, DocMeta 128), the 30 MB folder of 3,000 files peaking at 2.33x the text over
    the model (bench/reports/issue10_round32.md); see bench/reports/issue10_round33.md for after.
    """

    source: str  # the file's path, as indexed
    title: str
    format: str
    sha256: str
    meta: str  # DocMeta.to_json as the store's JSON
    text: PackedText
    chunks: chunking.PackedChunks
    speakers: Sequence[docstore.SpeakerRow]  # () when none
    quotes: Sequence[docstore.QuoteRow]  # PackedQuotes when analysed here; a list when carried; () when none
    vectors: _Carried | None  # an unchanged document's rows in the previous index; None: to embed
    status: str  # "added" | "updated" | "unchanged"


_NO_META = "{}"  # json.dumps({}): the meta of every plain-text document, one str for all


def _doc_of(
    src: SourceText,
    text: PackedText,
    chunks: chunking.PackedChunks,
    speakers: Sequence[docstore.SpeakerRow],
    quotes: Sequence[docstore.QuoteRow],
    carried: _Carried | None = None,
    status: str = "added",
) -> _Doc:
    """The build's record of a document read as `src`.

    Args:
        src: the document as read (its parts are not kept: only the analysis reads them).
        text: its text.
        chunks: its passages.
        speakers: its speakers' rows.
        quotes: its quotes' rows.
        carried: its vectors in the previous index, None when they are to be made.
        status: "added", "updated" or "unchanged".

    Returns:
        The record.
    """
    meta = src.meta.to_json()
    return _Doc(
        src.source,
        src.title,
        sys.intern(src.format),
        src.sha256,
        json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else _NO_META,
        text,
        chunks,
        speakers or (),
        quotes or (),
        carried,
        status,
    )


@dataclass(frozen=True)
class _PreviousVectors:
    """Where the previous generation's vectors are: its index file, opened when they are copied into
    the new build's rows (`_embed`), not while the new documents are analysed. Holding them as one
    float32 matrix from the start of an update took 1,536 bytes a passage of the previous index
    (3.3x its text) through the analysis, and 2,304 while it was made from FAISS's fp16 codes
    (bench/reports/index_scale.txt, sixteenth pass)."""

    path: Path
    params: dict
    n: int

    def open(self) -> FaissStore:
        """The previous index, loaded with vectors.load's guards.

        Returns:
            The store.
        """
        return FaissStore.load(self.path, self.params)


@dataclass(frozen=True)
class _Carried:
    """An unchanged document's vectors: its passages' rows (pids) in the previous index."""

    source: _PreviousVectors
    pids: Sequence[int]  # a range: a document's passages are consecutive


@dataclass
class _Previous:
    manifest: store.Manifest
    docs: dict[str, docstore.DocRow]
    passages: dict[int, list[docstore.PassageRow]]  # doc_id -> rows in order
    quotes: dict[int, list[docstore.QuoteRow]]
    speakers: dict[int, list[docstore.SpeakerRow]]
    vectors: _PreviousVectors
    store: Path  # its document store: the rows in `docs` hold no text (read when a document is kept)


def _open_current(index_dir: Path) -> tuple[Path, store.Manifest]:
    """The current generation and its manifest, its files verified.

    Damage is raised, not taken for "no index": an update that quietly started from scratch would
    drop every document not named in this run. `--rebuild` is the explicit way to start afresh.

    Args:
        index_dir: the index folder (it has a current generation).

    Returns:
        (generation folder, manifest).
    """
    try:
        gen, manifest = store.open_manifest(index_dir)
        store.verify(gen, manifest)
    except IndexDamaged as exc:
        raise _refuse_update(exc) from None
    return gen, manifest


def _nothing_changes(
    manifest: store.Manifest, sources: Sequence[ingest.Document], roots: Sequence[Path]
) -> bool:
    """Whether this run would write the current generation again: every document read has the text
    it was indexed with, none is gone, and the index was made by this version of every step. Then
    nothing is written (like `git commit` with nothing changed), and neither the previous texts nor
    its vectors are loaded: that alone took 4.4x the text (bench/reports/index_scale.txt, sixth pass).
    The caller has checked the model and the chunker settings.

    Args:
        manifest: the current generation's.
        sources: the documents read in this run.
        roots: the paths named in this run.

    Returns:
        True when the new generation would hold the same documents, passages and files.
    """
    if (
        manifest.format_version != store.FORMAT_VERSION
        or manifest.extra.get("lexical") != LEXICAL_VERSION
        or manifest.extra.get("attribution") != attribution.VERSION
        or manifest.ann != vectors.choose(int(manifest.counts.get("passages", -1)))
    ):
        return False
    read = {d.source.source: d.source.sha256 for d in sources}
    if any(manifest.documents.get(source) != digest for source, digest in read.items()):
        return False
    return not any(source not in read and _gone(source, roots) for source in manifest.documents)


def _load_previous(index_dir: Path, gen: Path, manifest: store.Manifest) -> _Previous:
    """The current generation's content, to carry unchanged documents over without re-embedding.

    Args:
        index_dir: the index folder.
        gen: its current generation, verified (`_open_current`).
        manifest: that generation's manifest.

    Returns:
        Its documents, passages, quotes, speakers and vectors.
    """
    try:
        ds = docstore.DocStore.open(gen / DOCSTORE)
        try:
            docs = {d.source: d for d in ds.documents(texts=False)}
            by_doc: dict[int, list[docstore.PassageRow]] = {}
            for p in ds.all_passages():
                by_doc.setdefault(p.doc_id, []).append(p)
            qs: dict[int, list[docstore.QuoteRow]] = {}
            for q in ds.quotes():
                qs.setdefault(q.doc_id, []).append(q)
            sp: dict[int, list[docstore.SpeakerRow]] = {}
            for s in ds.speakers():
                sp.setdefault(s.doc_id, []).append(s)
        finally:
            ds.close()
        n_passages = sum(len(rows) for rows in by_doc.values())
        vecs = _PreviousVectors(gen / VECTORS, dict(manifest.ann), n_passages)
        _check_previous(vecs.open(), n_passages, manifest.dim, index_dir)  # then released: opened again
    except IndexDamaged as exc:
        raise _refuse_update(exc) from None
    return _Previous(manifest, docs, by_doc, qs, sp, vecs, gen / DOCSTORE)


def _check_previous(vecs: FaissStore, n_passages: int, dim: int, index_dir: Path) -> None:
    """Raise IndexDamaged unless the previous index holds one finite vector of `dim` per passage,
    decoded a block of rows at a time (no float32 copy of them all).

    Args:
        vecs: the previous generation's vector store.
        n_passages: its passages, from its document store.
        dim: the manifest's dimension.
        index_dir: the index folder (for the message).
    """
    n = vecs.count()
    if n != n_passages or vecs.dim != dim:
        raise IndexDamaged(
            f"index {index_dir} is damaged ({VECTORS} holds {n} vectors of {vecs.dim} "
            f"dims for {n_passages} passages of {dim})"
        )
    for a in range(0, n, vectors.ADD_BLOCK):
        if not np.isfinite(vecs.fetch(list(range(a, min(a + vectors.ADD_BLOCK, n))))).all():
            # Its own message: the counts agree, so "8 vectors for 8 passages" would say nothing.
            raise IndexDamaged(
                f"index {index_dir} is damaged ({VECTORS}: vectors hold NaN or infinite numbers)"
            )


def _refuse_update(exc: IndexDamaged) -> IndexDamaged:
    return IndexDamaged(f"{exc.message}; it was not updated", hint=exc.hint)


def _under(source: str, roots: Sequence[Path]) -> bool:
    return any(source == str(r) or source.startswith(str(r).rstrip(os.sep) + os.sep) for r in roots)


def _gone(source: str, roots: Sequence[Path]) -> bool:
    """Whether an indexed document not read in this run is gone: under a path this run named (so it
    would have been read), or no longer on disk."""
    return _under(source, roots) or not os.path.exists(source)


def _analyse(doc: ingest.Document, embedder: embed.Embedder, spill: BinaryIO | None = None) -> _Doc:
    """A document's passages (chunked and labelled) and attributions, a window at a time.

    A document of one window (index/windows.py: up to WINDOW_BYTES of UTF-8, every news article) is
    decoded and analysed whole, as before windows. A longer one is never held as one str (a 30 MB
    file with a curly apostrophe is a 60 MB str: 2x the file by itself; bench/reports/index_scale.txt,
    seventh pass): each window, cut after a blank line, is decoded, chunked, labelled and attributed,
    its results moved into the document's coordinates, and its str dropped before the next. What
    differs from analysing it whole: only what crosses a cut. Passages never do (a blank line always
    ends a paragraph, and paragraphs are numbered on); labels are the same (`structure.label` is given
    the neighbouring paragraphs) but for a standfirst's look ahead; a quotation that runs over the
    cut, or a "he"/"the senator" whose name is in the window before, is found as the window alone
    shows it (or not at all), and speakers are one per name per document (their aliases merged),
    where one window may know a person by another name than the next. A window without a blank line
    within reach is cut at a line end, a sentence end, or on a character boundary: there a
    paragraph or sentence is split in two. A web page is read whole (ingest) and windowed here only
    if its text is longer than a window; its labelled parts go to the windows they reach.

    A windowed document's text is spilled (`spill`, PackedText.spill) once its windows are cut, and
    each window read back from there: its bytes are not held in the process while it is analysed
    (at 3 MB of text, analysing's peak was the file's bytes plus a window's work, 3 + 4 MB over the
    baseline; bench/reports/index_scale.txt, eleventh pass).

    Args:
        doc: the document read (its text as UTF-8).
        embedder: the model (its tokenizer sizes the passages).
        spill: where a windowed document's text goes before it is analysed; None keeps it in memory.

    Returns:
        The document of the new generation, its vectors not yet made.
    """
    text, parts = doc.text, doc.source.parts
    bounds = _cuts(text.data)
    if len(bounds) == 2:  # one window: the whole document at once
        whole = text.text()
        chunks = structure.label(whole, _chunk(whole, embedder), parts)
        speakers, found = _attributions(whole, parts)
        del whole
        packed = chunking.PackedChunks(chunks)
        del chunks
        return _doc_of(doc.source, text, packed, speakers, PackedQuotes(found) if found else ())
    packed = chunking.PackedChunks()
    merged = _Attributions()
    at = 0  # the window's first character in the document
    before: str | None = None  # the last paragraph of the window before
    if spill is not None:
        text.spill(spill)
    following = text.utf8(bounds[0], bounds[1])  # a window's bytes, read once
    for i, b in enumerate(bounds[1:]):
        window = str(following, "utf-8", "surrogatepass")
        following = b"" if i == len(bounds) - 2 else text.utf8(b, bounds[i + 2])
        after = _first_paragraph(following, 0, len(following)) if following else None
        own = _parts_in(parts, at, at + len(window))
        chunks = structure.label(
            window, _chunk(window, embedder), own, before=before, after=after, stated=bool(parts)
        )
        if chunks:
            last = [c for c in chunks if c.paragraph == chunks[-1].paragraph]
            before = window[min(c.start for c in last) : max(c.end for c in last)]
        packed.extend(chunks, offset=at, paragraphs=packed[-1].paragraph if len(packed) else 0)
        merged.add(*_attributions(window, own, at))
        at += len(window)
        del window, chunks
    return _doc_of(doc.source, text, packed, merged.speakers(), merged.quotes)


# A long document is analysed in windows of about 1/ANALYSIS_SHARE of its UTF-8, at least
# ANALYSIS_FLOOR and at most ANALYSIS_MAX (below windows.WINDOW_BYTES, 2 MiB): the window's str (1-4 bytes a character)
# and its chunks and labels then weigh a fraction of the file, where 2 MiB windows weighed the same
# whatever its size (a 4 MB str at 3 MB of text; bench/reports/index_scale.txt, ninth pass). The
# floor keeps every document up to 256 KiB (every news article: 5-50 KB) whole, as before, and
# the windows few (a window's set-up is a few ms). Checked, not fit, by bench/index_scale.py (ninth
# pass, the before and after runs side by side): peak over the baseline at 3 MB 14 -> 9 MB with the
# other changes of that pass, build CPU time 6.0 -> 5.8 s at 3 MB and 20.1 -> 19.5 s at 10 MB.
# ANALYSIS_MAX caps the window below WINDOW_BYTES: quote attribution's working memory is a near-fixed
# multiple of the window it is given (bench/attribution_memory.py: 16.8x at 625 KB, 16.6x at 1.88 MB
# of the bench's text; ~27x on quote-dense news), so 1/16 of a 30 MB file (1.88 MB) made the
# analysing stage grow ~1x the file. At 512 KiB it is ~8 MB whatever the file: hash build with
# attribution, 30 MB, peak over the baseline 102.3 -> 83.2 MB (analysing 163 -> 131 MB,
# bench/reports/index_scale23.md). Only files over 8 MB get more windows (more cuts, which passages
# never cross; a quotation or a "he" across one is read as each window shows it).
ANALYSIS_SHARE = 16
ANALYSIS_FLOOR = 256 << 10
ANALYSIS_MAX = 512 << 10


def _cuts(data: bytes | bytearray) -> list[int]:
    """The analysis windows of a document's UTF-8 text (`windows.cuts`), sized by the document
    between ANALYSIS_FLOOR and ANALYSIS_MAX.

    Args:
        data: the document's UTF-8.

    Returns:
        The window boundaries, first 0 and last len(data).
    """
    return windows.cuts(data, _window_bytes(len(data)))


def _window_bytes(n: int) -> int:
    """The largest analysis window of a document of `n` UTF-8 bytes (`_cuts`): one window when `n`
    is at most this.

    Args:
        n: the document's size in bytes.

    Returns:
        The window size, between ANALYSIS_FLOOR and ANALYSIS_MAX.
    """
    return min(windows.WINDOW_BYTES, ANALYSIS_MAX, max(ANALYSIS_FLOOR, n // ANALYSIS_SHARE))


def _parts_in(parts: Sequence[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    """A web page's labelled parts that reach into the window start..end, in its coordinates (a page
    is windowed only when its text is longer than a window; its parts are a few spans).

    Args:
        parts: (start, end, kind) spans in the document.
        start: the window's first character in the document.
        end: one past its last.

    Returns:
        The parts overlapping the window, moved by -start.
    """
    return [(a - start, b - start, kind) for a, b, kind in parts if a < end and b > start]


def _chunk(text: str, embedder: embed.Embedder) -> list[Chunk]:
    return chunking.chunk(
        text, embedder.count_tokens, max_chars=MAX_CHARS, max_tokens=embedder.max_tokens, overlap=OVERLAP
    )


def _first_paragraph(data: bytes | bytearray, start: int, end: int) -> str | None:
    """The first paragraph of the window data[start:end], as the chunker finds it (the neighbour
    `structure.label` looks at past a window's end), decoded from its first block of lines alone.

    Args:
        data: the document's UTF-8.
        start: the window's first byte.
        end: one past its last.

    Returns:
        The paragraph's text, or None when the window has none.
    """
    a, b = windows.first_paragraph_bytes(data, start, end)
    block = str(memoryview(data)[a:b], "utf-8", "surrogatepass")
    spans = chunking.paragraphs(block)
    return block[spans[0][0] : spans[0][1]] if spans else None


@dataclass
class _Attributions:
    """A long document's speakers and quotes, gathered window by window: one speaker per name, its
    aliases in the order they were first found."""

    quotes: PackedQuotes = field(default_factory=PackedQuotes)
    _aliases: dict[str, dict[str, None]] = field(default_factory=dict)

    def add(self, speakers: list[docstore.SpeakerRow], quotes: list[docstore.QuoteRow]) -> None:
        """Take one window's rows (already in the document's coordinates)."""
        for sp in speakers:
            self._aliases.setdefault(sp.name, {}).update(dict.fromkeys(sp.aliases))
        self.quotes.extend(quotes)

    def speakers(self) -> list[docstore.SpeakerRow]:
        """The speakers' rows (doc_id filled in when written)."""
        return [docstore.SpeakerRow(0, name, tuple(aliases)) for name, aliases in self._aliases.items()]


def _attributions(
    text: str, parts: Sequence[tuple[int, int, str]] = (), offset: int = 0
) -> tuple[list[docstore.SpeakerRow], list[docstore.QuoteRow]]:
    """Speakers and quotes of one document, or of one window of a long one (`_analyse`), as store
    rows (doc_id filled in when written). A web page's labelled parts go along: a byline's or
    credit's names are nobody who speaks in the story.

    Args:
        text: the document's text, or a window's.
        parts: the document's labelled parts (web pages: never windowed).
        offset: where `text` begins in the document: added to every span.

    Returns:
        (speaker rows, quote rows), spans in the document's coordinates.
    """
    speakers, found = attribution.analyse(text, parts=parts)

    def moved(at: int) -> int:
        return at + offset if at >= 0 else at  # -1: no mention

    return (
        [docstore.SpeakerRow(0, s.name, tuple(s.aliases)) for s in speakers],
        [
            docstore.QuoteRow(
                0,
                q.start + offset,
                q.end + offset,
                q.speaker,
                sys.intern(q.verb),  # a dozen verbs and a few sources, each sliced from the text anew:
                q.direct,
                sys.intern(q.source),  # one str a value, not one a quote (~110 bytes a quote held)
                moved(q.mention_start),
                moved(q.mention_end),
            )
            for q in found
        ],
    )


def _attributions_of(
    doc: ingest.Document,
) -> tuple[list[docstore.SpeakerRow], Sequence[docstore.QuoteRow]]:
    """A document's attributions alone (its passages carried over), window by window as `_analyse`.

    Args:
        doc: the document.

    Returns:
        (speaker rows, quote rows).
    """
    bounds = _cuts(doc.text.data)
    if len(bounds) == 2:
        return _attributions(doc.text.text(), doc.source.parts)
    merged, at = _Attributions(), 0
    for a, b in itertools.pairwise(bounds):
        window = str(memoryview(doc.text.data)[a:b], "utf-8", "surrogatepass")
        merged.add(*_attributions(window, _parts_in(doc.source.parts, at, at + len(window)), at))
        at += len(window)
        del window
    return merged.speakers(), merged.quotes


def _carry(prev: _Previous, old: docstore.DocRow, doc: ingest.Document) -> _Doc:
    """An unchanged document taken over from the previous generation, vectors included."""
    rows = prev.passages.get(old.doc_id, [])
    found: Sequence[docstore.QuoteRow]
    if prev.manifest.extra.get("attribution") == attribution.VERSION:
        speakers, found = prev.speakers.get(old.doc_id, []), prev.quotes.get(old.doc_id, [])
    else:  # attributions from an older analyser: found again (cheap: no embedding)
        speakers, found = _attributions_of(doc)
    return _doc_of(
        doc.source,
        doc.text,
        chunking.PackedChunks(Chunk(p.start, p.end, p.paragraph, p.kind) for p in rows),
        speakers,
        found,
        _Carried(prev.vectors, _pid_run([p.pid for p in rows])),
        "unchanged",
    )


def _pid_run(pids: list[int]) -> Sequence[int]:
    """`pids` as a range when they are consecutive (a document's passages always are), else a tuple.

    Args:
        pids: row numbers, in order.

    Returns:
        The same numbers, held in constant memory when they can be.
    """
    if pids and pids == list(range(pids[0], pids[0] + len(pids))):
        return range(pids[0], pids[0] + len(pids))
    return tuple(pids)


def _put_carried(rows: vectors.RowFile, carried: list[tuple[int, _Carried]]) -> None:
    """Copy unchanged documents' vectors from the previous index into the new build's rows, a block at
    a time: the previous index is opened once, here, and released on return; no float32 matrix of
    its vectors is made (fp16 codes decode exactly to float32, and encode back to the same codes).

    Args:
        rows: the new build's rows.
        carried: (the document's first row in the new index, its carried vectors), in any order.
    """
    if not carried:
        return
    stores: dict[Path, FaissStore] = {}
    for at, c in carried:
        store_ = stores.get(c.source.path) or stores.setdefault(c.source.path, c.source.open())
        for a in range(0, len(c.pids), vectors.ADD_BLOCK):
            pids = list(c.pids[a : a + vectors.ADD_BLOCK])
            rows.put(np.arange(at + a, at + a + len(pids)), store_.fetch(pids))


def build(
    paths: Sequence[str | Path],
    index_dir: Path,
    *,
    model: str | None = None,
    cache_dir: Path,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    rebuild: bool = False,
    quantized: bool | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Index `paths` into `index_dir`; the previous index stays intact until the new one is complete."""
    t0 = time.perf_counter()
    tick: Progress = progress or (lambda stage, done, total: None)
    report = BuildReport(index_dir=str(index_dir))
    roots = [Path(p).expanduser().resolve() for p in paths]
    try:
        with store.interruptible(), store.begin(index_dir) as writer:
            sources, skipped = ingest.ingest_documents(
                roots, max_bytes=max_bytes, progress=lambda d, t: tick("reading", d, t)
            )
            report.skipped = skipped
            if writer.damage is not None and not rebuild:
                raise _refuse_update(writer.damage)
            head = None if rebuild or writer.previous is None else _open_current(index_dir)
            if not sources and head is None:  # nothing to index and nothing to remove: no model needed
                raise InputError(_nothing_to_index(paths, skipped))
            current = head[1] if head else None
            model_name = model or (current.model if current else embed.DEFAULT_MODEL)
            if quantized is None:  # keep the index's own choice; new indexes take the default
                quantized = bool(current.extra.get("quantized", False)) if current else QUANTIZED
            if model is None and current is not None and current.model != hashembed.MODEL:
                # The index's own model: its export, never a folder the manifest names (embed.from_index)
                embedder: embed.Embedder = embed.from_index(
                    current.model, current.model_fingerprint, cache_dir, quantized=quantized, batched=True
                )
            else:
                embedder = embed.load_embedder(model_name, cache_dir, quantized=quantized, batched=True)
            report.model = model_name
            if current is not None and current.model_fingerprint != embedder.fingerprint:
                raise IndexIncompatible(
                    f"index {index_dir} was built with model {current.model} "
                    f"({current.dim} dims); this run uses {model_name} ({embedder.dim} dims)",
                    hint="rebuild it to change the model",
                )
            # Passage kinds are stored with the chunks: a new labeller re-analyses every document.
            settings = {
                **chunking.settings(MAX_CHARS, embedder.max_tokens, OVERLAP),
                "structure": structure.VERSION,
            }
            # Vectors depend on the chunks only: a new word index (LEXICAL_VERSION) rebuilds BM25, not them.
            old_chunker = {k: v for k, v in current.chunker.items() if k != "lexical"} if current else None
            reusable = (
                current is not None
                and old_chunker == settings
                and bool(current.extra.get("quantized", False)) == quantized
            )
            # An int8 vector depends on its batch mates: while old vectors are carried over, the new
            # ones are embedded under the index's own batching (absent: 0, before round 33), so that
            # one index never mixes two; a rebuild, or an update that cannot carry vectors (another
            # chunker or precision: all are embedded anew), takes the new default
            # (embed.INT8_BUILD_TOKENS; bench/reports/int8_budget33.md).
            int8_tokens = (
                int(current.extra.get("int8_build_tokens", 0))
                if current is not None and reusable
                else embed.INT8_BUILD_TOKENS
            )
            if head is not None and sources and reusable and _nothing_changes(head[1], sources, roots):
                report.documents = report.unchanged = len(head[1].documents)
                report.passages = int(head[1].counts.get("passages", 0))
                report.seconds = time.perf_counter() - t0
                return report  # nothing committed: the writer drops its empty staging folder
            prev = None if head is None else _load_previous(index_dir, *head)
            head = current = None

            had_sources = bool(sources)
            # The analysed documents' texts wait here, not in memory (PackedText.spill): unlinked
            # (never part of a generation), gone with the process whatever happens.
            with tempfile.TemporaryFile(dir=writer.staging, buffering=0) as spill:
                docs, report.removed = _gather(
                    sources, prev, roots, embedder, reusable, max_bytes, tick, spill
                )
                sources.clear()  # the documents' texts are referenced by `docs` alone from here on
                if not had_sources and not (prev is not None and report.removed):
                    # Like `git commit` with nothing staged: an error, and the index is left as it was.
                    # Removing the last documents of an index (removed > 0) commits an empty index.
                    raise InputError(_nothing_to_index(paths, skipped))
                prev = None  # carried vectors are read from its index file in _embed, then released
                heap.return_freed_memory()  # analysing's freed heap, before the model's batches
                rows = _embed(
                    docs, embedder, writer.staging / STAGED_VECTORS, tick, report, int8_tokens=int8_tokens
                )
                _write(
                    writer,
                    docs,
                    embedder,
                    rows,
                    settings,
                    model_name,
                    tick,
                    report,
                    quantized=quantized,
                    int8_tokens=int8_tokens,
                )
    except KeyboardInterrupt:
        had_index = (Path(index_dir) / store.CURRENT).exists()
        raise Interrupted(
            "interrupted: nothing was written; "
            + ("the previous index is intact" if had_index else "no index was created")
        ) from None
    report.seconds = time.perf_counter() - t0
    return report


def _gather(
    sources: list[ingest.Document],
    prev: _Previous | None,
    roots: Sequence[Path],
    embedder: embed.Embedder,
    reusable: bool,
    max_bytes: int,
    tick: Progress,
    spill: BinaryIO,
) -> tuple[list[_Doc], int]:
    """The documents of the new generation: read ones analysed (or carried over when unchanged), and
    the previous index's other documents kept unless they are gone.

    Args:
        sources: the documents read in this run (emptied here, one at a time).
        prev: the current generation's content, None for a new index or a rebuild.
        roots: the paths named in this run (documents under them that were not read are gone).
        embedder: the model (its tokenizer sizes the passages).
        reusable: whether the previous chunks and vectors can be carried over.
        max_bytes: the size limit, for re-reading a kept document.
        tick: progress callback ("analysing").
        spill: where each document's text is moved once it is analysed (PackedText.spill).

    Returns:
        (documents, how many documents of the previous index were removed).
    """
    removed = 0
    docs: list[_Doc] = []
    seen: set[str] = set()
    total = len(sources)
    # Every document of one analysis window is moved to the spill file now, before the first is
    # analysed, not as each is: a folder's documents are all read first, and their bytes (1x the
    # text) were held under attribution's working set through most of the analysis (3,000 files of
    # 30 MB, attribution on: the build's peak at analysing, 2.32x the text over the model; one file
    # is spilled before its windows are analysed: 1.90x; bench/reports/issue10_round33.md). A longer
    # document is cut into windows from its bytes, then spilled (`_analyse`).
    for doc in sources:
        n = len(doc.text.data)
        if n <= _window_bytes(n):  # one window (`_cuts`), without cutting the longer ones twice
            doc.text.spill(spill)
    heap.return_freed_memory()
    # Taken from the list as they are analysed: each document's str goes once it is packed.
    sources.reverse()
    for i in range(total):
        tick("analysing", i, total)
        d = _read_doc(sources.pop(), prev, seen, embedder, reusable, spill)  # no loop variable keeps a str
        if d is not None:
            d.text.spill(spill)
            docs.append(d)
    tick("analysing", total, total)

    # Documents of the previous index that were not seen now: kept unless they are gone.
    if prev is not None:
        with contextlib.ExitStack() as stack:
            texts: list[docstore.DocStore] = []  # the previous store, opened for the first kept document
            for source, old in prev.docs.items():
                if source in seen:
                    continue
                if _gone(source, roots):
                    removed += 1
                    continue
                if not texts:
                    texts.append(stack.enter_context(_previous_store(prev.store)))
                docs.append(_keep(prev, old, texts[0].text(old.doc_id), reusable, embedder, max_bytes, spill))
    return docs, removed


def _previous_store(path: Path) -> docstore.DocStore:
    """The previous generation's document store (verified with it), opened to read kept texts.

    Args:
        path: its file.

    Returns:
        The open store.
    """
    try:
        return docstore.DocStore.open(path)
    except IndexDamaged as exc:
        raise _refuse_update(exc) from None


def _keep(
    prev: _Previous,
    old: docstore.DocRow,
    text: str,
    reusable: bool,
    embedder: embed.Embedder,
    max_bytes: int,
    spill: BinaryIO,
) -> _Doc:
    """A document of the previous index not read in this run and not gone: carried over (or analysed
    again when the chunks or vectors cannot be reused), its text spilled.

    Args:
        prev: the current generation's content.
        old: the document's row (no text).
        text: its text, read from the previous store.
        reusable: whether the previous chunks and vectors can be carried over.
        embedder: the model.
        max_bytes: the size limit, for re-reading it.
        spill: where its text is moved (PackedText.spill).

    Returns:
        The document of the new generation.
    """
    source = old.source
    kept = ingest.Document(
        SourceText(old.source, "", old.title, old.format, old.sha256, old.doc_meta()), PackedText(text)
    )
    del text
    if reusable:
        d = _carry(prev, old, kept)
    else:  # other chunking or model precision: its old vectors cannot be mixed in
        # Read again when unchanged on disk: a web page's parts come from its markup.
        fresh = ingest.read_document(Path(source), max_bytes=max_bytes)
        if isinstance(fresh, ingest.Document) and fresh.source.sha256 == old.sha256:
            kept = fresh
        d = _analyse(kept, embedder)
        d.status = "unchanged"
    d.text.spill(spill)
    return d


def _read_doc(
    doc: ingest.Document,
    prev: _Previous | None,
    seen: set[str],
    embedder: embed.Embedder,
    reusable: bool,
    spill: BinaryIO | None = None,
) -> _Doc | None:
    """A document read in this run, analysed or carried over when unchanged; None for a repeat.

    Args:
        doc: the document.
        prev: the current generation's content, None for a new index or a rebuild.
        seen: the sources taken so far (doc's is added).
        embedder: the model.
        reusable: whether the previous chunks and vectors can be carried over.
        spill: where a long document's text goes before it is analysed (`_analyse`).

    Returns:
        The document of the new generation, or None when its source was taken already.
    """
    src = doc.source
    if src.source in seen:
        return None
    seen.add(src.source)
    old = prev.docs.get(src.source) if prev else None
    if prev is not None and old is not None and reusable and old.sha256 == src.sha256:
        return _carry(prev, old, doc)
    d = _analyse(doc, embedder, spill)
    d.status = "updated" if old is not None else "added"
    return d


class _PassageTexts(Sequence[str]):
    """Passage texts sliced from their documents when asked for, for the model: neither the texts nor
    a list of (text, start, end) spans of every passage (~130 bytes a passage: 8 MB at 65k) is held.
    """

    def __init__(self, docs: list[tuple[PackedText, chunking.PackedChunks]]) -> None:
        self._docs = docs
        self._firsts = list(itertools.accumulate((len(c) for _, c in docs), initial=0))

    def __len__(self) -> int:
        return self._firsts[-1]

    def _one(self, i: int) -> str:
        j = bisect.bisect_right(self._firsts, i) - 1
        text, chunks = self._docs[j]
        a, b = chunks.span(i - self._firsts[j])
        return text.slice(a, b)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._one(k) for k in range(*i.indices(len(self)))]
        return self._one(range(len(self))[i])


def _passages_of(docs: list[_Doc]) -> Iterator[str]:
    """Every passage's text in passage-id order, sliced when reached: BM25 reads each once, so no
    list of (text, start, end) spans is held (~130 bytes a passage: 8 MB at 65k passages).

    Args:
        docs: the documents in the index's order.

    Returns:
        An iterator over the passage texts.
    """
    for d in docs:
        for a, b in (d.chunks.span(i) for i in range(len(d.chunks))):
            yield d.text.slice(a, b)


def _passage_rows(docs: list[_Doc]) -> Iterator[docstore.PassageRow]:
    """The passages' store rows, made as the store takes them: a list of them all (~190 bytes a
    passage with its ints) was held through the vector and BM25 builds (12 MB at 65k passages).

    Args:
        docs: the documents in the index's order (doc_id = position).

    Returns:
        An iterator over the rows, pids 0..n-1.
    """
    pid = 0
    for doc_id, d in enumerate(docs):
        for c in d.chunks:
            yield docstore.PassageRow(pid, doc_id, c.start, c.end, c.paragraph, c.kind)
            pid += 1


def _nothing_to_index(paths: Sequence[str | Path], skipped: list[Skipped]) -> str:
    where = " ".join(str(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
    if not skipped:
        return f"nothing to index in {where}: no .txt, .md or .html files"
    reasons = sorted({s.reason for s in skipped})
    shown = ", ".join(reasons[:3]) + (", ..." if len(reasons) > 3 else "")
    return f"nothing to index in {where}: {len(skipped)} file(s) skipped ({shown})"


def _embed(
    docs: list[_Doc],
    embedder: embed.Embedder,
    path: Path,
    tick: Progress,
    report: BuildReport,
    *,
    int8_tokens: int,
) -> vectors.RowFile:
    """Write every passage's vector, in the index's order, to a file of the staging folder: carried
    vectors first (releasing the previous index's matrix), then the model's output a window at a
    time. `docs` is sorted into the index's order (by source), which fixes every passage's id.

    Nothing holds all vectors: before, the model's output for every passage, a copy in index order,
    FAISS's copy and FaissStore's reconstruction did, 1536 bytes a passage each (~3.3x the text), and
    the index was built while the texts were still held (bench/reports/index_scale.txt). The index is
    made from this file, block by block (`_write`).

    Args:
        docs: the documents of the new generation; carried-over ones hold their vectors.
        embedder: the model.
        path: the file (in the staging folder; removed before the commit).
        tick: progress callback ("embedding").
        report: `embedded` is set to the number of passages sent through the model.
        int8_tokens: the int8 model's budget of padded word pieces a batch (embed.encode_to).

    Returns:
        The file of all vectors, row = passage id.
    """
    # The model sees the new passages in reading order, as before: int8 activations are quantised
    # per batch, so an int8 index's update gives the vectors of the same batches (fp32 vectors do not
    # depend on their batch: bench/reports/prec22.md).
    todo = [d for d in docs if d.vectors is None]
    docs.sort(key=lambda d: d.source)
    rows = vectors.RowFile(path, sum(len(d.chunks) for d in docs), embedder.dim)
    first: dict[int, int] = {}  # id(doc) -> its first row
    carried: list[tuple[int, _Carried]] = []
    at = 0
    for d in docs:
        first[id(d)] = at
        if d.vectors is not None:
            carried.append((at, d.vectors))
            d.vectors = None
        at += len(d.chunks)
    _put_carried(rows, carried)
    del carried
    # The row of every new passage, in the order the model sees them.
    spans = [np.arange(first[id(d)], first[id(d)] + len(d.chunks), dtype=np.int64) for d in todo]
    where = np.concatenate(spans) if spans else np.zeros(0, dtype=np.int64)
    texts = _PassageTexts([(d.text, d.chunks) for d in todo])
    report.embedded = len(texts)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        tick("embedding", done, len(texts))

    # The model's own tokenization windows and length-sorted batches of embed.BUILD_BATCH (the fp32
    # model's also cut at embed.BUILD_TOKENS; with the int8 model a passage's vector depends on its
    # batch mates: see there), each batch written to its
    # rows as soon as it is made: no window's output (4,096 rows, 6.3 MB of float32, the peak at 3 MB
    # of text) is held (bench/reports/index_scale.txt, ninth and fifteenth passes).
    embed.encode_to(
        embedder, texts, lambda at, x: rows.put(where[at], x), int8_tokens=int8_tokens, progress=step
    )
    return rows


def _store_rows(
    docs: list[_Doc], now: str, report: BuildReport
) -> tuple[list[docstore.DocRow], list[docstore.SpeakerRow]]:
    """The documents' and speakers' store rows (doc_id = position; their texts are the documents'
    `text`, given to the store apart), counting each document's status in `report`. The quotes' rows
    are made as the store takes them (`_quote_rows`).

    Args:
        docs: the documents in the index's order.
        now: the build's timestamp.
        report: added / updated / unchanged are counted here.

    Returns:
        (document rows, speaker rows).
    """
    doc_rows, speaker_rows = [], []
    for doc_id, d in enumerate(docs):
        doc_rows.append(docstore.DocRow(doc_id, d.source, d.title, d.format, d.sha256, "", now, d.meta))
        speaker_rows += [docstore.SpeakerRow(doc_id, sp.name, tuple(sp.aliases)) for sp in d.speakers]
        setattr(report, d.status, getattr(report, d.status) + 1)
    return doc_rows, speaker_rows


def _quote_rows(docs: list[_Doc]) -> Iterator[docstore.QuoteRow]:
    """The quotes' store rows (doc_id = position), made as the store takes them: a list of them all
    beside the documents' own was a second row object a quote (~100 bytes; the synthetic news of
    bench/index_scale.py has ~4,000 quotes a MB) through the store's write.

    Args:
        docs: the documents in the index's order.

    Returns:
        An iterator over the rows.
    """
    for doc_id, d in enumerate(docs):
        for q in d.quotes:
            yield dataclasses.replace(q, doc_id=doc_id)


def _write(
    writer: store.Writer,
    docs: list[_Doc],
    embedder: embed.Embedder,
    rows: vectors.RowFile,
    settings: dict,
    model_name: str,
    tick: Progress,
    report: BuildReport,
    *,
    quantized: bool,
    int8_tokens: int,
) -> None:
    """Write the new generation's files to the staging folder and commit it: BM25, the document
    store, then the vector index (STORING). `docs` is emptied once the first two are written, so
    that the texts and chunks are freed before FAISS's build.

    Args:
        writer: the open generation writer.
        docs: the documents in the index's order (emptied here).
        embedder: the model (fingerprint and dimension for the manifest).
        rows: every passage's vector, row = passage id (removed once the index is made).
        settings: the chunker settings for the manifest.
        model_name: the model's name for the manifest.
        tick: progress callback ("storing", 0..3, 3).
        report: documents, passages and statuses are set here.
        quantized: whether the model runs with int8 weights (recorded in the manifest).
        int8_tokens: the int8 batches' budget the vectors were made with (recorded in the manifest,
            whatever the precision: an update reuses it).
    """
    now = datetime.now(UTC).isoformat(timespec="seconds")
    doc_rows, speaker_rows = _store_rows(docs, now, report)
    documents = {d.source: d.sha256 for d in doc_rows}
    n_quotes = sum(len(d.quotes) for d in docs)
    staging = writer.staging
    # Freed heap pages of analysing and embedding (windows' strs, chunker and model tables) given
    # back before BM25's tables grow on top of them (bench/reports/index_scale.txt, seventh pass).
    heap.return_freed_memory()
    tick("storing", 0, 3)
    # The files that need the texts first, then the texts released, then the vector index: FAISS's
    # build (the training sample and its residuals, the codes, a block of rows: +36 MB at 30 MB of
    # text) no longer adds to the texts (1x) and the chunks. bench/reports/index_scale.txt, fifth
    # pass: storing:vectors peak 219 -> see the report.
    Lexical.write(_passages_of(docs), staging / LEXICAL)
    heap.return_freed_memory()  # BM25's vocabulary, freed: not under the store's pages (ninth pass)
    tick("storing", 1, 3)
    docstore.write(
        staging / DOCSTORE,
        doc_rows,
        _passage_rows(docs),
        _quote_rows(docs),
        speaker_rows,
        [d.text for d in docs],
    )
    del doc_rows, speaker_rows
    docs.clear()  # the caller's list: the last reference to the documents' texts and chunks
    heap.return_freed_memory()
    tick("storing", 2, 3)
    # FAISS directly, not FaissStore: a flat FaissStore reconstructs one more matrix for searching.
    # The codes go straight to the file, a block at a time (vectors.write_from_file): an exact index's,
    # and since round 24 an IVF index's lists too, trained with its sample alone held (30 MB of
    # text: storing:vectors 165 -> 143 MB, the build 89.7 -> 67.6 MB over the model;
    # bench/reports/index_scale24.md).
    params = vectors.choose(rows.n)
    vectors.write_from_file(rows, params, staging / VECTORS)
    rows.path.unlink()  # never part of a generation
    # FAISS's freed buffers, before the commit reads every file back to checksum it (a 1 MB buffer):
    # the build's last peak at 3 MB of text (bench/reports/index_scale.txt, twelfth pass).
    heap.return_freed_memory()
    tick("storing", 3, 3)
    manifest = store.Manifest(
        format_version=store.FORMAT_VERSION,
        model=model_name,
        model_fingerprint=embedder.fingerprint,
        dim=embedder.dim,
        normalized=True,
        chunker=settings,
        ann=params,
        documents=documents,
        counts={"documents": len(documents), "passages": rows.n, "quotes": n_quotes},
        created=now,
        files={},
        extra={
            "lexical": LEXICAL_VERSION,
            "quantized": quantized,
            "attribution": attribution.VERSION,
            "int8_build_tokens": int8_tokens,
        },
    )
    writer.commit(manifest)
    report.documents = len(documents)
    report.passages = rows.n
