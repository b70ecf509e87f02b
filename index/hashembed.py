"""A deterministic stand-in for a sentence model: hashed bag of words, for fast tests.

Like llm's `EmbedDemo`: every word (lower-cased, accents folded, a plural "s" dropped) adds a signed
one-hot at a hashed position of a fixed-size vector; the sum is L2-normalised. Texts sharing words get
a positive cosine, texts sharing none get ~0, and the same text always gets the same vector in
every process. It knows no synonyms, so tests that need paraphrase matching use the real model.

Select it with the model name `MODEL` (`qa index --model hash-embedder`, `qa.build(..., model=...)`):
the name goes into the manifest, so the query side embeds questions the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

import numpy as np

from index.lexical import STOPWORDS, words

MODEL = "hash-embedder"
DIM = 256
MAX_TOKENS = 256  # like all-MiniLM-L6-v2, so the chunker cuts passages alike

_PIECE = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _slot(word: str, dim: int) -> tuple[int, float]:
    """A stable position and sign for `word` (blake2b: the same in every process, unlike hash())."""
    h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
    return h % dim, 1.0 if (h >> 63) & 1 else -1.0


def _norm(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class HashEmbedder:
    """Implements index.embed.Embedder without a model: fast, deterministic, no synonyms."""

    def __init__(self, dim: int = DIM) -> None:
        self.dim = int(dim)
        self.name = MODEL
        # A hex digest like a real model's (manifests accept nothing else); bump "v1" when the hashing changes.
        self.fingerprint = hashlib.sha256(f"{MODEL}-{self.dim}-v1".encode()).hexdigest()
        self.max_tokens = MAX_TOKENS

    def __repr__(self) -> str:
        return f"HashEmbedder(dim={self.dim})"

    def count_tokens(self, text: str) -> int:
        """Words and punctuation marks, plus the two special tokens a real model adds."""
        return len(_PIECE.findall(text)) + 2

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """float32 (len(texts), dim), L2-normalised rows (all zeros for a text without words)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in words(text):
                if w in STOPWORDS:
                    continue
                slot, sign = _slot(_norm(w), self.dim)
                out[i, slot] += sign
            norm = float(np.linalg.norm(out[i]))
            if norm > 0:
                out[i] /= norm
            if progress is not None and (i + 1) % batch_size == 0:
                progress(batch_size)
        if progress is not None and len(texts) % batch_size:
            progress(len(texts) % batch_size)
        return out
