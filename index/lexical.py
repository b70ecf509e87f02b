"""Lexical side of retrieval: one tokenizer for passages and questions, BM25 scores.

Dense vectors miss exact names, numbers and rare words; BM25 catches them. Both the index
builder and the query side must tokenize identically, so the tokenizer lives here.

bm25s builds the index; the query side reads bm25s' saved sparse arrays with numpy alone (bm25s
pulls in scipy, ~0.1 s of a cold `qa ask`), and looks up the term of every word of the documents in
a table written at index time, so that simplemma's dictionary (~0.2 s to load) is read only for
question words the documents never use.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from index import heap
from index.errors import IndexDamaged

# Bump when `terms` changes: an index's BM25 terms must be made the way questions are tokenized.
LEXICAL_VERSION = 3
# Word indexes a query can still read, each with the questions' terms made its own way: users keep
# their indexes across upgrades (tests/test_formats.py), and `qa index` rebuilds an older one.
# v2 read "US" as the pronoun "us" (`content_words`); its questions are read so too.
READABLE_VERSIONS = (2, 3)

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
    return [_word(m.group()) for m in _TOKEN.finditer(fold(text))]


def _word(token: str) -> str:
    """One `_TOKEN` match as a word: thousands separators out of numbers, possessive 's dropped."""
    if token[0].isdigit():
        return token.replace(",", "")
    return re.sub(r"['’]s$", "", token).replace("’", "'")


# "U.S.", "U.K.", "U.N.": a dotted abbreviation of capitals is one word ("US"), not letters.
_DOTTED = re.compile(r"\b(?:[A-Z]\.){1,4}[A-Z]\b\.?")
# A capitals-only word: an acronym in running text ("the US", "the WHO"), not in a headline set in
# capitals ("AT LEAST 10 KILLED"), whose words are ordinary words.
_CAPITALS = re.compile(r"[A-Z]{2,6}")


def content_words(text: str) -> list[str]:
    """The words BM25 indexes: `words` without stop words, acronyms kept apart from common words.

    simplemma reads "us" as a form of "we", so "The US said" was indexed as "we say" and matched
    "tell us" (and "the WHO" or "IT" were dropped as stop words). An acronym in running text keeps
    its capitals here ("US", "WHO"), which `term` neither lemmatizes nor drops; the pronoun "us" is
    a stop word. "US" set in a headline of capitals, and "the us" typed in lower case, are the
    country: the pronoun never comes after "the" or in capitals.

    Args:
        text: a passage or a question.

    Returns:
        Its content words, lower case except for acronyms.
    """
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    tokens = [_word(m.group()) for m in _TOKEN.finditer(text)]
    caps = [bool(_CAPITALS.fullmatch(t)) for t in tokens]
    # A word's neighbours, numbers skipped: "AT LEAST 10 KILLED" is one headline.
    letters = [i for i, t in enumerate(tokens) if not t[0].isdigit()]
    headline: set[int] = set()
    for a, b in zip(letters, letters[1:], strict=False):
        if caps[a] and caps[b]:
            headline.update((a, b))
    out = []
    for i, token in enumerate(tokens):
        if caps[i] and (token == "US" or i not in headline):
            out.append(token)
            continue
        word = fold(token)
        if word == "us":
            if i and tokens[i - 1].lower() == "the":
                out.append("US")
        elif word not in STOPWORDS:
            out.append(word)
    return out


def term(word: str) -> str:
    """Lemma, then stem: "sent" and "sending" both become "send", "spoke" and "speaks" "speak".

    A pure function of the word: the same in every process, whatever indexes were opened.
    An opened index answers from its own table first (`Lexical.term`).
    """
    return _term(word)


@lru_cache(maxsize=200_000)
def _term(word: str) -> str:
    return _term_by(word, _stemmer())


def _term_by(word: str, stemmer: Any, lemmatizer: Any = None) -> str:
    """`term` with a given stemmer and lemmatizer (a build's own, whose caches it does not need).

    Args:
        word: the word.
        stemmer: a PyStemmer english stemmer.
        lemmatizer: a simplemma.Lemmatizer with simplemma's default strategy; None for simplemma's
            own (`simplemma.lemmatize`, which caches 65,536 words for the life of the process).

    Returns:
        Its term.
    """
    import simplemma  # dictionary lemmas catch the irregular forms a stemmer cannot

    if word.isupper():  # an acronym (`content_words`): "US" is not a form of "we"
        return str(stemmer.stemWord(word.lower()))
    if not word.isalpha():
        lemma = word
    elif lemmatizer is None:
        lemma = simplemma.lemmatize(word, lang="en")
    else:
        lemma = lemmatizer.lemmatize(word, "en")
    return str(stemmer.stemWord(lemma.lower()))


def terms(text: str) -> list[str]:
    """Content terms: what BM25 indexes and what a question must find in the documents."""
    return [_term(w) for w in content_words(text)]


TERMS_FILE = "terms.json"
# bm25s' file names (bm25s.BM25.save's defaults) and the methods whose scores are plain sums.
_BM25_FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy")
_SUM_METHODS = frozenset({"robertson", "lucene", "atire"})
# What `bm25s.BM25()` takes by default (its method and parameters, as its save() writes them in
# params.index.json, in this order) and its scoring functions for that method below: a build writes
# bm25s' files without importing bm25s, whose import (scipy) took ~1.1 s and 25 MB of a `qa index`
# (bench/reports/index_scale.txt, twelfth pass). tests/test_build_memory.py checks both against
# bm25s itself: its defaults, its arrays and its saved files, byte for byte.
BM25_DEFAULTS: dict[str, Any] = {
    "k1": 1.5,
    "b": 0.75,
    "delta": 0.5,
    "method": "lucene",
    "idf_method": "lucene",
    "dtype": "float32",
    "int_dtype": "int32",
}
_BM25_BACKEND = "numpy"


def _idf_lucene(df: int, n_docs: int) -> float:
    """bm25s.scoring._score_idf_lucene, the same float operations: a term's idf.

    Args:
        df: passages holding the term.
        n_docs: passages.

    Returns:
        Its idf.
    """
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def _tfc_lucene(tf: np.ndarray, l_d: np.ndarray, l_avg: Any, k1: float, b: float) -> np.ndarray:
    """bm25s.scoring._score_tfc_lucene (its Robertson form), the same array operations: the
    term-frequency component of each (term, passage) pair.

    Args:
        tf: term frequencies (float32).
        l_d: the passages' lengths (int64).
        l_avg: the mean length (numpy float64, as lengths.mean() gives it).
        k1, b: BM25's parameters.

    Returns:
        The components.
    """
    return tf / (k1 * ((1 - b) + b * l_d / l_avg) + tf)  # type: ignore[no-any-return]


def _bm25s_version() -> str:
    """bm25s' version as bm25s.__version__ gives it (its installed distribution's, else "0.0.0"),
    read without importing bm25s."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bm25s")
    except PackageNotFoundError:
        return "0.0.0"


def _orjson_available() -> bool:
    """Whether bm25s writes its vocabulary with orjson (bm25s.utils.json_functions.ORJSON_AVAILABLE:
    orjson importable), found without importing bm25s."""
    import importlib.util

    return importlib.util.find_spec("orjson") is not None


class _Sparse:
    """bm25s' precomputed score matrix (CSC: one column per term), scored the way bm25s scores it."""

    def __init__(
        self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, vocab: dict[str, int], n: int
    ) -> None:
        if len(indptr) < 1 or len(data) != len(indices) or int(indptr[-1]) != len(data):
            raise ValueError("inconsistent sparse arrays")
        # bm25s gives the empty token (of passages without terms) an id past the matrix; it is never asked.
        if any(not 0 <= i < len(indptr) - 1 for t, i in vocab.items() if t):
            raise ValueError("vocabulary larger than the score matrix")
        self.data, self.indices, self.indptr, self.vocab, self.n = data, indices, indptr, vocab, n

    @classmethod
    def load(cls, folder: Path) -> _Sparse | None:
        """None when the saved method needs bm25s itself (BM25L/BM25+ add a non-occurrence term)."""
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method") not in _SUM_METHODS:
            return None
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        data, indices, indptr = (np.load(folder / name, allow_pickle=False) for name in _BM25_FILES)
        return cls(data, indices, indptr, vocab, int(params["num_docs"]))

    def save(self, folder: Path) -> None:
        """bm25s' files (`bm25s.BM25.save`, default method and parameters), written by bm25s itself."""
        import logging

        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG
        bm25 = bm25s.BM25()
        bm25.scores = {"data": self.data, "indices": self.indices, "indptr": self.indptr, "num_docs": self.n}
        bm25.vocab_dict = self.vocab
        bm25.nonoccurrence_array = None
        bm25.save(str(folder))

    def get_scores(self, query_terms: list[str]) -> np.ndarray:
        """Sum of each query term's column, term by term in query order (repeats count), as bm25s does."""
        scores = np.zeros(self.n, dtype=self.data.dtype)
        for t in query_terms:
            tid = self.vocab.get(t) if t else None
            if tid is None:
                continue
            a, b = int(self.indptr[tid]), int(self.indptr[tid + 1])
            scores[self.indices[a:b]] += self.data[a:b]  # a column's rows are distinct: same as np.add.at
        return scores


# (term, passage) pairs per column block of the score matrix: a block's pairs are found (from their
# term occurrences), sorted and scored together (~60 bytes an occurrence while they are made), then
# written out. At least SCORE_BLOCK pairs a block (0.5 MB), and at most SCORE_BLOCKS blocks, since
# each block scans every term id once (time linear in the text, the scans a few % of the BM25
# build): at 30 MB of text (~3M pairs) 64 blocks of ~47k, ~5 MB, where the whole matrix was 23 MB.
# Blocks are cut by pairs (the columns' lengths, known from the passage counts), not occurrences:
# counting those took one more scan and three arrays of a count a term (1 MB at the BM25 peak at
# 3 MB of text; bench/reports/index_scale.txt, twelfth pass). Any cut gives the same files.
SCORE_BLOCK = 1 << 13
# The largest score one (term, passage) pair may hold in a loaded index. bm25s' lucene score of a
# term is at most (k1 + 1) * idf, idf = ln(1 + (N - df + 0.5) / (df + 0.5)) <= ln(1 + 2N): 53.6 at
# its default k1 = 1.5 and N = 1e9 passages (store.MAX_COUNT). 1e4 leaves the other methods and
# parameters room, and a question's sum (a term per word, at most a few thousand) stays far inside
# float32: 3e38 in every pair overflowed a three-word question's sum to inf, then NaN (round 32).
MAX_TERM_SCORE = 1e4
SCORE_BLOCKS = 64
# Term ids scanned at a time: numpy temporaries of ~20 bytes an id (2^16 ids were +0.3 MB of the
# BM25 peak at 3 MB of text; bench/reports/index_scale.txt, tenth pass).
_SCAN = 1 << 14


class _TermIds:
    """Every passage's term ids (int32), one passage after another, in an unlinked temporary file:
    4 bytes an occurrence (~0.45x the text: 4.4 MB at 10 MB, 13 MB at 30 MB), the one table of BM25's
    build that grows with the text rather than its vocabulary (bench/reports/index_scale.txt, eighth
    pass). Written a piece at a time and read back a piece at a time by each column block's scan.
    """

    def __init__(self, folder: Path | None = None) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile(dir=folder)  # never part of a generation
        self._buf = array("i")
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def extend(self, ids: array[int]) -> None:
        """Append a passage's ids."""
        self._buf.extend(ids)
        self._n += len(ids)
        if len(self._buf) >= _SCAN:
            self._flush()

    def _flush(self) -> None:
        self._file.write(self._buf.tobytes())
        del self._buf[:]

    def pieces(self) -> Iterator[np.ndarray]:
        """All ids in order, _SCAN at a time, each read into the same buffer: a piece is valid until
        the next is asked for. np.fromfile on a Python file object left ~2 small objects behind a
        call (484 after a 3 MB build's scans, tracemalloc), spread over pymalloc's arenas: they kept 3
        arenas that BM25's vocabulary had used from being freed, 3 MB under the store and vector
        steps (bench/reports/index_scale.txt, tenth pass)."""
        self._flush()
        self._file.seek(0)
        buf = np.empty(_SCAN, dtype=np.int32)
        view = buf.data.cast("B")
        while True:
            got = self._file.readinto(view)
            if not got:
                return
            if got % 4:
                raise OSError("the term ids file ends inside an id")
            yield buf[: got // 4]

    def close(self) -> None:
        self._file.close()


def _pieces(ids: array[int] | _TermIds) -> Iterator[np.ndarray]:
    """The ids in order, _SCAN at a time, from memory or from their file."""
    if isinstance(ids, _TermIds):
        yield from ids.pieces()
        return
    flat = np.frombuffer(ids, dtype=np.int32) if len(ids) else np.zeros(0, dtype=np.int32)
    for a in range(0, len(flat), _SCAN):
        yield flat[a : a + _SCAN]


def _column_blocks(indptr: np.ndarray, most: int) -> list[tuple[int, int]]:
    """Consecutive column ranges of at most `most` (term, passage) pairs each (or one column, when
    that column alone has more).

    Args:
        indptr: the score matrix's column starts (n_terms + 1, ascending).
        most: the budget of a block.

    Returns:
        [(first column, end column)] covering every column in order.
    """
    blocks: list[tuple[int, int]] = []
    ends = indptr[1:]  # a view: where each column ends
    c0 = 0
    while c0 < len(ends):
        c1 = max(c0 + 1, int(np.searchsorted(ends, int(indptr[c0]) + most, side="right")))
        blocks.append((c0, c1))
        c0 = c1
    return blocks


def _score_columns(
    ids: array[int] | _TermIds, ends: Sequence[int], counts: Sequence[int], block: int | None = None
) -> tuple[np.ndarray, Iterator[tuple[np.ndarray, np.ndarray]]]:
    """bm25s' score matrix (CSC, one column per term, rows ascending) of a corpus of term ids, a block
    of columns at a time: the same arrays as `bm25s.BM25().index((corpus, vocab))` builds
    (tests/test_build_memory.py compares them), made with the idf and term-frequency functions of
    bm25s' default method (`_idf_lucene`, `_tfc_lucene`), element by element the same float operations.

    Memory: the whole matrix (8 bytes a (passage, term) pair: 23 MB at 30 MB of text) is never held;
    a block's pairs are found by scanning the ids (O(blocks x occurrences) comparisons, vectorised).

    Args:
        ids: every passage's term ids, passage after passage, in order (repeats count); in memory
            or in their file (`_TermIds`).
        ends: where each passage's ids end in `ids` (passage i is ids[ends[i-1]:ends[i]]).
        counts: passages per term id.
        block: (term, passage) pairs per column block; None: SCORE_BLOCK, or more for SCORE_BLOCKS blocks.

    Returns:
        (indptr int64, an iterator over (data float32, indices int32) of consecutive column blocks).
    """
    ref = BM25_DEFAULTS  # the default method and parameters, as the reader expects them
    ends_np = np.asarray(ends, dtype=np.int64)
    n_docs = len(ends_np)
    lengths = np.diff(ends_np, prepend=0)
    avg_doc_len = lengths.mean()  # the mean as bm25s takes it (numpy's, of the lengths as int64)
    idf = np.zeros(len(counts), dtype=ref["dtype"])
    for tid, df in enumerate(counts):
        if df:
            idf[tid] = _idf_lucene(df, n_docs)
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(np.asarray(counts, dtype=np.int64), out=indptr[1:])
    most = block or max(SCORE_BLOCK, -(-int(indptr[-1]) // SCORE_BLOCKS))

    def blocks() -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for c0, c1 in _column_blocks(indptr, most):
            found: list[np.ndarray] = []  # positions of the block's occurrences
            terms: list[np.ndarray] = []  # and their term ids
            a = 0
            for part in _pieces(ids):
                hit = np.flatnonzero((part >= c0) & (part < c1))
                found.append(a + hit)
                terms.append(part[hit])
                a += len(part)
            at = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
            tids = np.concatenate(terms) if terms else np.zeros(0, dtype=np.int32)
            del found, terms
            doc = np.searchsorted(ends_np, at, side="right")
            # Sorted by term, then passage: CSC order. A pair's count is its term frequency.
            keys, tf = np.unique((tids - c0).astype(np.int64) * n_docs + doc, return_counts=True)
            del at, doc, tids
            term, doc = np.divmod(keys, n_docs)
            term += c0
            if not np.array_equal(
                np.bincount(term - c0, minlength=c1 - c0), indptr[c0 + 1 : c1 + 1] - indptr[c0:c1]
            ):
                raise ValueError("passage counts disagree with the term ids")
            tfc = _tfc_lucene(tf.astype(ref["dtype"]), lengths[doc], avg_doc_len, ref["k1"], ref["b"])
            yield (idf[term] * tfc).astype(ref["dtype"]), doc.astype(ref["int_dtype"])

    return indptr, blocks()


def _score_matrix(
    ids: array[int], ends: Sequence[int], counts: Sequence[int], block: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The whole score matrix of `_score_columns`, as arrays (data float32, indices int32, indptr int64)."""
    indptr, parts = _score_columns(ids, ends, counts, block)
    got = list(parts)
    data = np.concatenate([d for d, _ in got]) if got else np.zeros(0, dtype=np.float32)
    indices = np.concatenate([i for _, i in got]) if got else np.zeros(0, dtype=np.int32)
    return data, indices, indptr


def _write_vocab(folder: Path, terms: Callable[[], Iterator[str]], counts: Sequence[int], n: int) -> None:
    """bm25s' vocabulary file (term -> column, as `bm25s.BM25.save` writes it) and df.json (passages
    per term), both streamed term by term from the list of terms: no dict of every term (6.4 MB at
    90k terms, the traced peak of this step at 10 MB of text; bench/reports/index_scale.txt, eighth
    pass) unless orjson writes the file.

    Args:
        folder: the BM25 folder.
        terms: gives id -> term in order, distinct, the empty token ("") included (each call anew).
        counts: passages per term id.
        n: the number of passages (df.json's "n").
    """
    vocab = enumerate(terms())  # (id, term): vocab.items() of the dict term -> id, swapped
    with open(folder / "vocab.index.json", "w", encoding="utf-8") as f:
        if _orjson_available():  # bm25s then writes orjson's compact form (json_functions.dumps)
            import orjson

            f.write(orjson.dumps({t: i for i, t in vocab}).decode("utf-8"))
        else:
            # Byte for byte what bm25s writes (json.dumps(vocab, ensure_ascii=False)), streamed term
            # by term: json.dumps joins a list of ~4 strs a term, 10 MB at 90k terms, the BM25
            # build's traced peak (10 MB of text: 29.8 -> 24.2 MB; bench/reports/index_scale.txt).
            f.write("{")
            sep = ""
            for i, t in vocab:
                f.write(f"{sep}{json.dumps(t, ensure_ascii=False)}: {i}")
                sep = ", "
            f.write("}")
    with open(folder / "df.json", "w", encoding="utf-8") as f:
        # Byte for byte what json.dump({"n": n, "df": {...}}, separators=(",", ":")) writes.
        f.write(f'{{"n":{n},"df":{{')
        sep = ""
        for i, t in enumerate(terms()):
            if t:
                f.write(f"{sep}{json.dumps(t, ensure_ascii=False)}:{counts[i]}")
                sep = ","
        f.write("}}")


def _write_scores(
    folder: Path, ids: array[int] | _TermIds, ends: Sequence[int], counts: Sequence[int]
) -> None:
    """The score matrix and parameters as `bm25s.BM25.save` writes them (its default method): the
    .npy files written a column block at a time (`_score_columns`), with np.save's own header
    (np.lib.format.open_memmap writes it), byte for byte what np.save writes for the whole arrays.

    Args:
        folder: the BM25 folder.
        ids, ends, counts: the corpus as term ids (`_score_columns`).
    """
    indptr, blocks = _score_columns(ids, ends, counts)
    data_path, indices_path, indptr_path = (folder / name for name in _BM25_FILES)
    np.save(indptr_path, indptr, allow_pickle=False)
    total = int(indptr[-1])
    ref = BM25_DEFAULTS
    with (
        _npy_writer(data_path, ref["dtype"], total) as put_data,
        _npy_writer(indices_path, ref["int_dtype"], total) as put_indices,
    ):
        for data, indices in blocks:
            put_data(data)
            put_indices(indices)
            del data, indices
            heap.return_freed_memory()
    params = {**ref, "num_docs": len(ends), "version": _bm25s_version(), "backend": _BM25_BACKEND}
    with open(folder / "params.index.json", "w") as f:
        json.dump(params, f, indent=4)


@contextmanager
def _npy_writer(path: Path, dtype: str, n: int) -> Iterator[Callable[[np.ndarray], None]]:
    """A 1-D .npy file of n items, filled in order by the function it yields: np.save's header, then
    the items as they come, written (not through a memory map, whose dirty pages count as the
    process's memory). Raises if fewer or more than n items were put.

    Args:
        path: the file.
        dtype: its dtype.
        n: how many items it holds.

    Returns:
        A context whose value puts the next items.
    """
    if not n:  # nothing to map
        np.save(path, np.zeros(0, dtype=dtype), allow_pickle=False)
        yield lambda x: None
        return
    header = np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=(n,))
    offset = header.offset
    del header  # the header and the file's size written; nothing mapped from here on
    done = 0
    with open(path, "r+b") as f:
        f.seek(offset)

        def put(x: np.ndarray) -> None:
            nonlocal done
            x = np.ascontiguousarray(x, dtype=dtype)
            f.write(x.data)
            done += len(x)

        yield put
    if done != n:
        raise ValueError(f"{path.name}: {done} items written for {n}")


def _build_lemmatizer() -> Any:
    """A simplemma lemmatizer without a cache, giving what simplemma.lemmatize gives: the legacy
    function's lemmatizer is Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=False,
    low_memory=False)), whose dictionaries (simplemma's shared factory) are the same loaded ones."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    return simplemma.Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(greedy=False))


# A word's or term's UTF-8 bytes kept in a vocabulary table's arrays (`_Table`): longer ones (rare:
# a long number or name) are kept in a dict. 16 bytes of key and 4 of id a word, where a str, its
# int id and a dict entry took ~130 (bench/reports/index_scale.txt, eleventh pass).
_KEY_BYTES = 16
# Passages whose words are looked up together (`Lexical.write`): their tokens are the transient strs.
_WORD_BATCH = 64
_MERGE_MIN = 512


class _Table:
    """An exact map of strs to ids without a Python object a key: the keys' UTF-8 bytes sorted in a
    numpy array of fixed width beside their ids, the keys added since the last merge in a small
    dict, keys longer than `_KEY_BYTES` bytes in a dict of their own."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=f"S{_KEY_BYTES}")
        self.ids = np.zeros(0, dtype=np.int32)
        self.recent: dict[str, int] = {}
        self.long: dict[str, int] = {}

    def get(self, key: str) -> int | None:
        """The id of `key`, None when it has none."""
        tid = self.recent.get(key)
        if tid is not None:
            return tid
        raw = key.encode("utf-8")
        if len(raw) > _KEY_BYTES:
            return self.long.get(key)
        at = int(np.searchsorted(self.keys, raw))
        if at < len(self.keys) and self.keys[at] == raw:
            return int(self.ids[at])
        return None

    def lookup(self, raw: np.ndarray, short: np.ndarray) -> np.ndarray:
        """The merged keys' ids of many keys at once, -1 where not found (or not short).

        Args:
            raw: the keys' UTF-8 bytes (dtype S`_KEY_BYTES`).
            short: whether each key fits (longer ones are left to `get`).
        Returns:
            Their ids, int32.
        """
        out = np.full(len(raw), -1, dtype=np.int32)
        if not len(self.keys) or not len(raw):
            return out
        at = np.minimum(np.searchsorted(self.keys, raw), len(self.keys) - 1)
        hit = short & (self.keys[at] == raw)
        out[hit] = self.ids[at[hit]]
        return out

    def add(self, key: str, tid: int) -> None:
        if len(key.encode("utf-8")) > _KEY_BYTES:
            self.long[key] = tid
        else:
            self.recent[key] = tid

    def merge(self) -> bool:
        """Move the recent keys into the sorted arrays, once they are a sixteenth of them (and at
        least _MERGE_MIN): the arrays are made anew a few dozen times, not once a batch.

        Returns:
            Whether they were (the old arrays freed).
        """
        if len(self.recent) < max(_MERGE_MIN, len(self.keys) >> 4):
            return False
        new = np.array([k.encode("utf-8") for k in self.recent], dtype=self.keys.dtype)
        new_ids = np.fromiter(self.recent.values(), dtype=np.int32, count=len(self.recent))
        order = np.argsort(new, kind="stable")
        new, new_ids = new[order], new_ids[order]
        del order
        at = np.searchsorted(self.keys, new)  # none of them is a merged key: inserted before `at`
        self.keys = np.insert(self.keys, at, new)  # the old arrays and the new: no sort of the whole
        self.ids = np.insert(self.ids, at, new_ids)
        self.recent = {}
        return True


class _Vocabulary:
    """A BM25 build's words and terms (`Lexical.write`): word -> its term's id, each distinct word in
    order of first use, and id -> term, each distinct term in order of first use; the empty token
    ("", of a passage without words) a term of no word.

    Neither is held as Python objects: the words and terms are looked up in `_Table`s, and what the
    files need in order of first use is written as it comes: terms.json word by word (the file
    itself), the terms one JSON string a line to an unlinked temporary file, read back by
    `_write_vocab`. A dict of every word (its str, int id and entry, ~130 bytes a word) was the
    peak of a small build, 41,687 words at 3 MB of text (bench/reports/index_scale.txt, eleventh pass).
    """

    def __init__(self, folder: Path) -> None:
        import tempfile

        import Stemmer

        # A stemmer of its own without PyStemmer's cache (10,000 words, ~2 MB, kept for good by the
        # process's stemmer): `words` is the cache, and each distinct word is stemmed once.
        # `_term`'s process-wide cache is not used either: it would hold every distinct word of the
        # documents a second time (~200 bytes each: 20 MB at 100k words).
        self._stemmer = Stemmer.Stemmer("english", 0)
        # The same for the lemmas: simplemma.lemmatize's lemmatizer keeps the last 65,536 words it
        # saw, and their lemmas, for good (bench/reports/index_scale.txt, tenth pass). This one
        # (simplemma's default strategy and dictionaries, the legacy function's) caches nothing.
        self._lemmatizer = _build_lemmatizer()
        self.words = _Table()  # word -> its term's id
        # term -> id of the terms no word equal to them has (lemmas, stems, the empty token): a
        # term equal to a word is that word's own term, found through `words` (`_find`).
        self.other = _Table()
        self.n_terms = 0
        self.counts = array("q")  # passages per term id
        self._word_file = open(folder / TERMS_FILE, "w", encoding="utf-8")  # noqa: SIM115
        self._word_file.write("{")
        self._sep = ""
        self._term_file = tempfile.TemporaryFile("w+", encoding="utf-8", dir=folder)  # noqa: SIM115

    def _term(self, w: str) -> str:
        return _term_by(w, self._stemmer, self._lemmatizer)

    def _find(self, t: str) -> int | None:
        """The id of term `t`, None when it has none yet. A word is given the id of its term, so
        where `t` is a known word, its id is term t's when the word's term is `t` itself."""
        tid = self.words.get(t)
        if tid is not None and self._term(t) == t:
            return tid
        return self.other.get(t)

    def _term_id(self, t: str, word: str | None) -> int:
        """The id of term `t` (of `word`, or of no word: the empty token), given one when new."""
        tid = self._find(t)
        if tid is None:
            tid = self.n_terms
            self.n_terms += 1
            if t != word:
                self.other.add(t, tid)
            self.counts.append(0)
            self._term_file.write(json.dumps(t, ensure_ascii=False) + "\n")
        return tid

    def _new_word(self, w: str) -> int:
        """The id of new word `w`'s term, recorded for the word (and in terms.json)."""
        t = self._term(w)
        tid = self._term_id(t, w)
        self.words.add(w, tid)
        # Byte for byte what json.dump(word -> term, ensure_ascii=False, separators=(",", ":")) writes.
        self._word_file.write(
            f"{self._sep}{json.dumps(w, ensure_ascii=False)}:{json.dumps(t, ensure_ascii=False)}"
        )
        self._sep = ","
        return tid

    def ids(self, passages: list[list[str]]) -> list[np.ndarray]:
        """Each passage's term ids, its words given ids in order of first use (an empty passage:
        the empty token's).

        Args:
            passages: a batch of passages' content words.
        Returns:
            One int32 array a passage.
        """
        flat = [w for ws in passages for w in ws]
        raw = np.array([w.encode("utf-8") for w in flat], dtype=f"S{_KEY_BYTES}")  # cut at the width
        short = np.fromiter(
            (len(w) <= _KEY_BYTES // 4 or len(w.encode("utf-8")) <= _KEY_BYTES for w in flat),
            dtype=bool,
            count=len(flat),
        )
        tids = self.words.lookup(raw, short)  # the words known before this batch
        del raw, short
        out = []
        at = 0
        for ws in passages:  # in order: new words and terms get their ids in order of first use
            if not ws:  # bm25s' empty token: a passage without terms is still a document
                out.append(np.array([self._term_id("", None)], dtype=np.int32))
                continue
            mine = tids[at : at + len(ws)]
            for j in np.flatnonzero(mine < 0).tolist():
                tid = self.words.get(ws[j])  # given one earlier in this batch?
                mine[j] = self._new_word(ws[j]) if tid is None else tid
            out.append(mine)
            at += len(ws)
        if self.words.merge() | self.other.merge():
            heap.return_freed_memory()
        return out

    def finish(self) -> Callable[[], Iterator[str]]:
        """Close terms.json; id -> term from here on, read from the terms' file each time it is
        called, the empty token last when no passage gave it one (as bm25s.BM25.index does)."""
        self._word_file.write("}")
        self._word_file.close()
        extra = [""] if self.other.get("") is None else []
        self.words = self.other = _Table()
        f = self._term_file

        def terms() -> Iterator[str]:
            f.seek(0)
            for line in f:
                yield json.loads(line)
            yield from extra

        return terms

    def close(self) -> None:
        if not self._word_file.closed:
            self._word_file.close()
        self._term_file.close()


def _is_count(value: Any, most: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


class Lexical:
    """A BM25 index over passages plus document frequencies (for idf-weighted term coverage)."""

    def __init__(
        self,
        bm25: Any,
        df: dict[str, int],
        n: int,
        word_terms: dict[str, str] | None = None,
        version: int = LEXICAL_VERSION,
    ) -> None:
        self._bm25 = bm25
        self.df = df
        self.n = n
        self.version = version  # the LEXICAL_VERSION it was built with (one of READABLE_VERSIONS)
        # word -> term for every word of this index's passages, written at build time, so that
        # questions using the documents' own words never load the lemma dictionary. Per index:
        # what one index holds never changes how another one reads a question.
        self.word_terms = word_terms or {}
        self._stems = frozenset(self.word_terms.values())
        self._vocab: list[str] | None = None

    @classmethod
    def build(cls, passages: Iterable[str]) -> Lexical:
        """BM25 (bm25s' default method and parameters) over `passages`, one document each: the index
        `write` makes, read back (one way of making it, so the files and the object always agree)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="qa-bm25-") as tmp:
            cls.write(passages, Path(tmp))
            return cls.load(Path(tmp))

    @staticmethod
    def write(passages: Iterable[str], folder: Path) -> None:
        """Build BM25 (bm25s' default method and parameters) over `passages`, one document each, and
        save it in `folder`: the files `save` writes, byte for byte (tests/test_build_memory.py).

        Memory (bench/index_scale.py, storing:bm25; bench/reports/index_scale.txt, fourth and fifth
        passes): the passages are read once, as 4-byte term ids written to a temporary file
        (`_TermIds`; in memory they were 0.45x the text, eighth pass), _WORD_BATCH passages' words
        looked up at a time in the vocabulary's numpy tables (`_Vocabulary`: ~20 bytes a distinct
        word, where a dict of every word took ~130, eleventh pass). The vocabulary is written out
        (streamed) and dropped before the score matrix is made, so the two never add up; the matrix is made and
        written a block of columns at a time (`_write_scores`), never whole (8 bytes a (passage,
        term) pair; bm25s' `index()` held ~30).

        Args:
            passages: the passage texts, in passage-id order (read once: any iterable).
            folder: the index's BM25 folder (created if needed).
        """
        folder.mkdir(parents=True, exist_ok=True)
        voc = _Vocabulary(folder)
        ids = _TermIds(folder)  # every passage's term ids, one passage after another, on disk
        ends = array("q")  # where each passage's ids end
        n = 0
        try:

            def add(batch: list[list[str]]) -> None:
                for mine in voc.ids(batch):
                    counts = np.frombuffer(voc.counts, dtype=np.int64)
                    counts[np.unique(mine)] += 1
                    del counts  # a view: the array grows again in the next batch
                    ids.extend(array("i", mine.tobytes()))
                    ends.append(len(ids))

            batch: list[list[str]] = []
            for p in passages:
                batch.append(content_words(p))
                n += 1
                if len(batch) == _WORD_BATCH:
                    add(batch)
                    batch = []
            add(batch)
            if not n:  # an empty index (its last document removed): one empty placeholder document
                add([[]])
            counts, terms = voc.counts, voc.finish()
            _write_vocab(folder, terms, counts, n)
            _write_scores(folder, ids, ends, counts)
        finally:
            ids.close()
            voc.close()

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if isinstance(self._bm25, _Sparse):
            self._bm25.save(folder)
        else:
            self._bm25.save(str(folder))
        with open(folder / "df.json", "w", encoding="utf-8") as f:
            json.dump({"n": self.n, "df": self.df}, f, ensure_ascii=False, separators=(",", ":"))
        with open(folder / TERMS_FILE, "w", encoding="utf-8") as f:
            json.dump(self.word_terms, f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, folder: Path, version: int = LEXICAL_VERSION) -> Lexical:
        """The word index saved in `folder`, built with LEXICAL_VERSION `version`.

        Raises:
            IndexDamaged: a file does not parse.
        """
        try:
            bm25: Any = _Sparse.load(folder)
            if bm25 is None:
                import bm25s

                bm25 = bm25s.BM25.load(str(folder), load_corpus=False, mmap=False, allow_pickle=False)
            with open(folder / "df.json", encoding="utf-8") as f:
                meta = json.load(f)
            word_terms: dict[str, str] = {}
            if (folder / TERMS_FILE).is_file():  # indexes written before the table lemmatise on demand
                with open(folder / TERMS_FILE, encoding="utf-8") as f:
                    word_terms = json.load(f)
                if not isinstance(word_terms, dict):
                    raise ValueError("terms table is not an object")
            lex = cls(bm25, dict(meta["df"]), int(meta["n"]), word_terms, version)
        except Exception as e:  # any parse failure of a checksummed file means a foreign or broken index
            raise IndexDamaged(f"index file {folder.name}/ is damaged ({type(e).__name__})") from e
        return lex

    def term(self, word: str) -> str:
        """The term of `word` as this index made it: its own table, else lemma and stem (`term`)."""
        got = self.word_terms.get(word)
        if got is not None:
            return got
        if self._stems and word.isalpha() and not word.isupper():
            # A regular form ("say" for "said") already stems to one of this index's terms:
            # skip the lemma dictionary (~0.2 s to load for a cold question).
            stem = str(_stemmer().stemWord(word))
            if stem in self._stems:
                return stem
        return _term(word)

    def terms(self, text: str) -> list[str]:
        """Content terms of `text`, made the way this index made its passages' terms."""
        if self.version < 3:  # before acronyms were words of their own
            return [self.term(w) for w in words(text) if w not in STOPWORDS]
        return [self.term(w) for w in content_words(text)]

    def vocabulary(self) -> list[str]:
        """Every term of the index (for typo matching), computed once per index."""
        if self._vocab is None:
            self._vocab = list(self.df)
        return self._vocab

    def check(self, n_passages: int) -> None:
        """Refuse numbers that disagree with the passages: they size every question's score array.

        The files are checksummed, but a resealed manifest makes any content "valid": BM25's
        `num_docs` of 1e9 would allocate gigabytes per question, an index past it would crash.
        """
        docs = max(n_passages, 1)  # an empty index holds one empty placeholder document
        bm25 = self._bm25
        num: Any
        if isinstance(bm25, _Sparse):
            num, data, indices, indptr = bm25.n, bm25.data, bm25.indices, bm25.indptr
        else:
            sc = getattr(bm25, "scores", {})
            num = sc.get("num_docs")
            data, indices, indptr = (np.asarray(sc.get(k, ())) for k in ("data", "indices", "indptr"))
        problem = ""
        if self.n != n_passages or num != docs:
            problem = f"{num} BM25 documents and {self.n} counted for {n_passages} passages"
        elif not all(_is_count(v, n_passages) for v in self.df.values()):
            problem = "bad document frequencies"
        elif data.dtype != np.float32 or not np.isfinite(data).all():
            problem = "BM25 scores are not finite float32 numbers"
        elif len(data) and float(np.abs(data).max()) > MAX_TERM_SCORE:
            problem = "BM25 scores out of range"
        elif indices.dtype.kind not in "iu" or (
            len(indices) and not 0 <= int(indices.min()) <= int(indices.max()) < docs
        ):
            problem = "BM25 rows outside the passages"
        elif (
            indptr.dtype.kind not in "iu"
            or (len(indptr) > 1 and (np.diff(indptr) < 0).any())
            or (len(indptr) and not 0 <= int(indptr[0]) <= int(indptr[-1]) <= len(data))
        ):
            problem = "inconsistent BM25 columns"
        if problem:
            raise IndexDamaged(f"index file bm25/ is damaged ({problem})")

    def idf(self, term: str) -> float:
        """Smoothed idf; unseen terms get the highest value."""
        return math.log(1.0 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def scores(self, query_terms: Iterable[str]) -> np.ndarray:
        """BM25 score of every passage for the query (zeros when no term is known).

        Raises:
            IndexDamaged: a score is NaN or infinite (data that `check` could not bound, such as
                bm25s' own methods' extra arrays): an index error, never a NaN in an answer.
        """
        qs = [t for t in query_terms if t in self.df]
        if not qs:
            return np.zeros(self.n, dtype=np.float32)
        with np.errstate(over="ignore", invalid="ignore"):  # the check below reports it, once
            got = np.asarray(self._bm25.get_scores(qs), dtype=np.float32)
        if not np.isfinite(got).all():
            raise IndexDamaged("index file bm25/ is damaged (a BM25 score is NaN or infinite)")
        return got
