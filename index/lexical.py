"""Lexical side of retrieval: one tokenizer for passages and questions, BM25 scores via bm25s.

Dense vectors miss exact names, numbers and rare words; BM25 catches them. Both the index
builder and the query side must tokenize identically, so the tokenizer lives here.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import IndexDamaged

# Bump when `terms` changes: an index's BM25 terms must be made the way questions are tokenized.
LEXICAL_VERSION = 2

# Words, and numbers with their thousands separators kept together ("250,000" -> "250000").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can cannot could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself let me more
    most my myself no nor not of off on once only or other ought our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves also s t""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: Snowball stemmers in C, fast enough for millions of tokens

    return Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower case without accents, so "Schrödinger" in a document matches "Schrodinger" in a question."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens, possessive 's dropped, thousands separators removed."""
    out = []
    for m in _TOKEN.finditer(fold(text)):
        w = m.group()
        if w[0].isdigit():
            w = w.replace(",", "")
        else:
            w = re.sub(r"['’]s$", "", w).replace("’", "'")
        out.append(w)
    return out


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """Lemma, then stem: "sent" and "sending" both become "send", "spoke" and "speaks" "speak"."""
    import simplemma  # dictionary lemmas catch the irregular forms a stemmer cannot

    lemma = simplemma.lemmatize(word, lang="en") if word.isalpha() else word
    return str(_stemmer().stemWord(lemma.lower()))


def terms(text: str) -> list[str]:
    """Content terms: what BM25 indexes and what a question must find in the documents."""
    return [term(w) for w in words(text) if w not in STOPWORDS]


class Lexical:
    """A BM25 index over passages plus document frequencies (for idf-weighted term coverage)."""

    def __init__(self, bm25: Any, df: dict[str, int], n: int) -> None:
        self._bm25 = bm25
        self.df = df
        self.n = n

    @classmethod
    def build(cls, passages: Sequence[str]) -> Lexical:
        import bm25s

        tokens = [terms(p) or [""] for p in passages]
        bm25 = bm25s.BM25()
        bm25.index(tokens, show_progress=False)
        df: Counter[str] = Counter()
        for t in tokens:
            df.update(set(t))
        df.pop("", None)
        return cls(bm25, dict(df), len(passages))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder))
        with open(folder / "df.json", "w", encoding="utf-8") as f:
            json.dump({"n": self.n, "df": self.df}, f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, folder: Path) -> Lexical:
        import bm25s

        try:
            bm25 = bm25s.BM25.load(str(folder), load_corpus=False, mmap=False, allow_pickle=False)
            with open(folder / "df.json", encoding="utf-8") as f:
                meta = json.load(f)
            return cls(bm25, dict(meta["df"]), int(meta["n"]))
        except Exception as e:  # any parse failure of a checksummed file means a foreign or broken index
            raise IndexDamaged(f"index file {folder.name}/ is damaged ({type(e).__name__})") from e

    def idf(self, term: str) -> float:
        """Smoothed idf; unseen terms get the highest value."""
        return math.log(1.0 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def scores(self, query_terms: Iterable[str]) -> np.ndarray:
        """BM25 score of every passage for the query (zeros when no term is known)."""
        qs = [t for t in query_terms if t in self.df]
        if not qs:
            return np.zeros(self.n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(qs), dtype=np.float32)
