"""Token-level late interaction (ColBERT-style MaxSim) from MiniLM's token embeddings.

Each question token is matched with its most similar token of the passage, contextual vectors both
(the last layer's states before the pooling the index's vectors use), and the matches are averaged
with the idf of the question word each token belongs to: "displaced" finds a partial match in
"forced from their homes", a name its own name, while the passage's other words do not dilute the
match as they do in the mean-pooled passage vector. The exported ONNX graph outputs only the pooled
vector; the token states are its last LayerNormalization's output, exposed as a second output of a
session made once per exported model (TokenEncoder). Computed at query time over the top candidates
only (qa.dense_evidence); 0 with an embedder that is not an ONNX export (the hashing test embedder).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from qa.engine import Engine

if TYPE_CHECKING:
    from collections.abc import Callable


# Texts whose tokens a TokenEncoder keeps: a passage of ~80 tokens takes ~120 kB (384 float32 each),
# so at most ~120 MB.
MEMO_TEXTS = 1000


@dataclass(frozen=True)
class Tokens:
    """One text's token vectors (unit length, special tokens dropped) and each token's word span."""

    vectors: np.ndarray  # float32 (n, dim)
    spans: list[tuple[int, int]]  # character offsets of the token's word in the text


class TokenEncoder:
    """The exported model's last-layer token states, through onnxruntime."""

    def __init__(self, session: Any, tokenizer: Any, output: str) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._output = output
        self._inputs = [i.name for i in session.get_inputs()]
        # Each text's tokens, computed once: a passage's do not depend on the question. Bounded:
        # emptied when full (a read-only model's memo, not state any answer depends on).
        self._memo: dict[str, Tokens] = {}

    @classmethod
    def load(cls, folder: Path, quantized: bool) -> TokenEncoder:
        """A session on the export in `folder` whose outputs add the last LayerNormalization's.

        Args:
            folder: the export's folder (index.embed.OnnxEmbedder.folder).
            quantized: whether the index's embedder runs the int8 model.
        Returns:
            The encoder.
        """
        import onnx
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from index.embed import INT8_FILE, MODEL_FILE, TOKENIZER_FILE

        model = onnx.load(str(folder / (INT8_FILE if quantized else MODEL_FILE)))
        norms = [n for n in model.graph.node if n.op_type == "LayerNormalization"]
        output = norms[-1].output[0]
        model.graph.output.append(onnx.helper.make_empty_tensor_value_info(output))
        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        tokenizer.no_padding()
        tokenizer.enable_truncation(256)
        return cls(session, tokenizer, output)

    def encode(self, texts: list[str]) -> list[Tokens]:
        """Each text's unit token vectors, without [CLS] and [SEP], and their words' spans.

        Args:
            texts: the texts (truncated to the model's 256 tokens).
        Returns:
            One Tokens per text.
        """
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if len(self._memo) + len(todo) > MEMO_TEXTS:
            self._memo.clear()
            todo = list(dict.fromkeys(texts))
        if todo:
            self._memo.update(zip(todo, self._run(todo), strict=True))
        return [self._memo[t] for t in texts]

    def _run(self, texts: list[str]) -> list[Tokens]:
        """The model run over `texts` in batches of 16 (see encode)."""
        encs = self._tokenizer.encode_batch(texts)
        out: list[Tokens] = []
        for start in range(0, len(encs), 16):
            batch = encs[start : start + 16]
            width = max(len(e.ids) for e in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for r, e in enumerate(batch):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            states = self._session.run([self._output], {k: feed[k] for k in self._inputs})[0]
            for r, e in enumerate(batch):
                keep = [j for j, s in enumerate(e.special_tokens_mask) if not s]
                v = np.asarray(states[r, keep], dtype=np.float32)
                v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
                out.append(Tokens(v, [_word_span(e, j) for j in keep]))
        return out


def _word_span(encoding: Any, j: int) -> tuple[int, int]:
    """The character span of the whole word token `j` belongs to (a word piece's word)."""
    word = encoding.word_ids[j]
    if word is None:
        return encoding.offsets[j]
    a, b = encoding.word_to_chars(word)
    return int(a), int(b)


@functools.lru_cache(maxsize=2)
def _encoder(folder: Path, quantized: bool) -> TokenEncoder:
    """The token encoder of one export, made once per process (a read-only model, like the embedder)."""
    return TokenEncoder.load(folder, quantized)


def token_encoder(engine: Engine) -> TokenEncoder | None:
    """The token encoder of the engine's embedder, or None if it is not an ONNX export."""
    from index.embed import OnnxEmbedder

    emb = engine.embedder
    if not isinstance(emb, OnnxEmbedder):
        return None
    return _encoder(Path(emb.folder), bool(emb.quantized))


def question_weights(question: str, spans: list[tuple[int, int]], idf: Callable[[str], float]) -> np.ndarray:
    """Each question token's weight: the largest idf of its word's content terms (0 for a stop word).

    Args:
        question: the question's text.
        spans: each token's word span in it.
        idf: a word's weight (the engine's idf over its terms; 0 when it has none).
    Returns:
        float64 weights, one per token; uniform when every token weighs 0.
    """
    memo: dict[tuple[int, int], float] = {}
    w = np.array([memo.setdefault(s, idf(question[s[0] : s[1]])) for s in spans], dtype=np.float64)
    return w if w.sum() > 0 else np.ones(len(spans))


def maxsim(question: Tokens, weights: np.ndarray, passage: Tokens) -> float:
    """The idf-weighted mean over question tokens of their best cosine with a passage token.

    Args:
        question: the question's tokens.
        weights: each question token's weight (question_weights).
        passage: the passage's tokens.
    Returns:
        A cosine-like score in [-1, 1]; 0 when either side has no tokens.
    """
    if not len(question.vectors) or not len(passage.vectors):
        return 0.0
    best = (question.vectors @ passage.vectors.T).max(axis=1)
    return float(np.dot(weights, best) / weights.sum())


def maxsim_scores(engine: Engine, question: str, pids: list[int]) -> np.ndarray:
    """Late-interaction scores of the passages for the question (zeros without an ONNX export).

    Args:
        engine: the open index.
        question: the question's text, as its vector was encoded.
        pids: the passages.
    Returns:
        float64 scores aligned with `pids`.
    """
    enc = token_encoder(engine)
    out = np.zeros(len(pids))
    if enc is None or not pids:
        return out
    got = enc.encode([question] + [engine.passages[p].text for p in pids])
    q = got[0]

    def idf(word: str) -> float:
        return max((engine.lexical.idf(t) for t in engine.terms(word)), default=0.0)

    w = question_weights(question, q.spans, idf)
    for i, t in enumerate(got[1:]):
        out[i] = maxsim(q, w, t)
    return out
