"""Whether two index folders search alike: their files compared byte for byte, then the same queries
run through both vector indexes (top-k ids and scores). Used to check that a change of how the index
is written (round 24: an IVF index's lists written a block at a time, bench/reports/index_scale24.md)
leaves search results as they were.

    .venv/bin/python bench/index_same.py OLD_INDEX NEW_INDEX [--queries 300] [--k 10]

The folders are `qa index` outputs (e.g. bench/index_scale.py --keep copies). The queries are the
hash embedder's vectors of passages drawn from OLD's document store (fixed seed) and as many random
unit vectors: both indexes must hold vectors of the hash embedder's width (its builds).
"""

from __future__ import annotations

import argparse
import filecmp
import random
import sqlite3
from pathlib import Path

import numpy as np

from index import docstore, hashembed, store, vectors


def compare_files(old: Path, new: Path) -> list[tuple[str, bool]]:
    """(file, same) for every file of OLD's current generation, sub-folders (BM25's) included: the
    same bytes, or for the document store the same rows in every table, the documents' indexed_at
    (the build's time) aside. The manifest (its time, its file checksums) is left out.

    Args:
        old: an index folder.
        new: another.

    Returns:
        The pairs, by path.
    """
    gen_old, gen_new = store.open_manifest(old)[0], store.open_manifest(new)[0]
    out = []
    for p in sorted(gen_old.rglob("*")):
        name = str(p.relative_to(gen_old))
        if not p.is_file() or name == store.MANIFEST:
            continue
        q = gen_new / name
        if name == store.DOCSTORE:
            same = q.is_file() and _rows(p) == _rows(q)
        else:
            same = q.is_file() and filecmp.cmp(p, q, shallow=False)
        out.append((name, same))
    return out


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows of a document store, in key order, without the documents' indexed_at."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        out = {}
        for t in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] != "indexed_at"]
            out[t] = con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY 1").fetchall()
        return out
    finally:
        con.close()


def queries(index_dir: Path, n: int, dim: int, seed: int = 24) -> tuple[np.ndarray, list[int]]:
    """The hash embedder's vectors of n of the index's own passages, then n random unit vectors; and
    the passages' ids.

    Args:
        index_dir: the index (a hash-embedder build).
        n: passages drawn (fixed seed), and random vectors.
        dim: the vectors' width.
        seed: the draw's seed.

    Returns:
        (2n x dim float32 queries, the n passage ids).
    """
    gen = store.open_manifest(index_dir)[0]
    with docstore.DocStore.open(gen / store.DOCSTORE) as ds:
        count = ds.count_passages()
        pids = sorted(random.Random(seed).sample(range(count), min(n, count)))
        docs: dict[int, str] = {}  # one read of each document's text (a 30 MB file is one document)
        texts = []
        for p in ds.passages(pids):
            text = docs.setdefault(p.doc_id, ds.text(p.doc_id))
            texts.append(text[p.start : p.end])
    own = hashembed.HashEmbedder(dim).encode(texts)
    rnd = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    rnd /= np.linalg.norm(rnd, axis=1, keepdims=True)
    return np.ascontiguousarray(np.vstack([own, rnd]).astype(np.float32)), pids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    for name, same in compare_files(args.old, args.new):
        print(f"{name}: {'identical' if same else 'DIFFERENT'}")
    (gen_old, m_old), (gen_new, m_new) = store.open_manifest(args.old), store.open_manifest(args.new)
    a = vectors.load(gen_old / store.VECTORS, m_old.ann)
    b = vectors.load(gen_new / store.VECTORS, m_new.ann)
    q, pids = queries(args.old, args.queries, int(a.d))
    sa, ia = vectors.search(a, q, args.k)
    sb, ib = vectors.search(b, q, args.k)
    own = np.asarray(pids)
    print(
        f"{len(q)} queries ({len(pids)} passages' own vectors, {len(q) - len(pids)} random), top-{args.k},"
        f" {m_old.ann['type']} vs {m_new.ann['type']}: ranked ids identical {int((ia == ib).all(axis=1).sum())}"
        f"/{len(q)}, max |score diff| {float(np.abs(sa - sb).max()):.3g}; a passage's own vector finds it"
        f" at rank 1: old {int((ia[: len(own), 0] == own).sum())}, new {int((ib[: len(own), 0] == own).sum())}"
        f" of {len(own)}"
    )


if __name__ == "__main__":
    main()
