"""Benchmark embedding throughput and quality: sentence-transformers vs the ONNX export (fp32, int8).

Encodes N SQuAD dev paragraphs (cut to <= 600 characters at a sentence end) with each backend in one
run and prints passages/s and the cosine of each backend's vectors to sentence-transformers'. The cold
query path (import, session creation, first question) is timed in fresh subprocesses, as `qa ask` sees it.
With --retrieval, also recall@1/@5 of the paragraphs' SQuAD questions against those N paragraphs.

    .venv/bin/python bench/embed_speed.py
    .venv/bin/python bench/embed_speed.py --n 300 --retrieval --cache-dir /tmp/qa-onnx
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.embed import Embedder, OnnxEmbedder, SentenceTransformerEmbedder  # noqa: E402

SQUAD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "squad-v1.1-dev"
LIMIT = 600

COLD = """
import sys, time
t0 = time.perf_counter()
import onnxruntime, tokenizers
t1 = time.perf_counter()
from index.embed import OnnxEmbedder
t2 = time.perf_counter()
e = OnnxEmbedder.from_cache(sys.argv[1], quantized=sys.argv[2] == "1")
t3 = time.perf_counter()
e.encode(["When did the 1973 oil crisis begin?"])
t4 = time.perf_counter()
e.encode(["Which countries joined the oil embargo?"])
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
"""


def cut(text: str, limit: int = LIMIT) -> str:
    """At most `limit` characters, ending at the last sentence end if there is one."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?][\"')\]]?(?=\s)", head)]
    return head[: ends[-1]] if ends else head


def load_paragraphs(n: int) -> tuple[list[str], list[str]]:
    ids: list[str] = []
    texts: list[str] = []
    with open(SQUAD / "paragraphs.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            ids.append(row["paragraph_id"])
            texts.append(cut(row["text"]))
            if len(texts) == n:
                break
    return ids, texts


def load_questions(paragraph_ids: list[str], limit: int) -> tuple[list[str], np.ndarray]:
    where = {p: i for i, p in enumerate(paragraph_ids)}
    questions: list[str] = []
    gold: list[int] = []
    with open(SQUAD / "questions.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("answerable", True) and row["paragraph_id"] in where:
                questions.append(row["question"])
                gold.append(where[row["paragraph_id"]])
                if len(questions) == limit:
                    break
    return questions, np.array(gold)


def timed(embedder: Embedder, texts: list[str], batch_size: int) -> tuple[np.ndarray, float]:
    embedder.encode(texts[:batch_size], batch_size=batch_size)  # warm-up: first-run allocations
    start = time.perf_counter()
    vectors = embedder.encode(texts, batch_size=batch_size)
    return vectors, time.perf_counter() - start


def recall(queries: np.ndarray, passages: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    ranks = np.argsort(-(queries @ passages.T), axis=1)[:, :5]
    return float(np.mean(ranks[:, 0] == gold)), float(np.mean((ranks == gold[:, None]).any(axis=1)))


def cold(folder: Path, quantized: bool, runs: int) -> list[float]:
    """Median over `runs` fresh processes of: imports, index.embed import, from_cache, 1st and 2nd query."""
    rows = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(folder), "1" if quantized else "0"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append([float(x) for x in out.split()] + [time.perf_counter() - start])
    return [float(x) for x in np.median(np.array(rows), axis=0)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="SQuAD paragraphs to encode (default 1000)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cache-dir", type=Path, help="ONNX export cache (default: a temporary folder)")
    ap.add_argument("--cold-runs", type=int, default=5, help="fresh processes per cold-start figure")
    ap.add_argument("--retrieval", action="store_true", help="also recall@1/@5 of the SQuAD questions")
    ap.add_argument("--max-questions", type=int, default=2000)
    args = ap.parse_args()

    ids, texts = load_paragraphs(args.n)
    chars = np.mean([len(t) for t in texts])
    print(f"{len(texts)} SQuAD paragraphs, mean {chars:.0f} chars, batch {args.batch_size}", end="")
    print(f", {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache_dir or Path(tmp)
        start = time.perf_counter()
        st = SentenceTransformerEmbedder.load(None)
        st_load = time.perf_counter() - start
        start = time.perf_counter()
        fp32 = OnnxEmbedder.load(None, cache)
        int8 = OnnxEmbedder.load(None, cache, quantized=True)
        export = time.perf_counter() - start
        print(f"sentence-transformers load {st_load:.1f} s; ONNX export + int8 (or cache hit) {export:.1f} s")

        backends: list[tuple[str, Embedder]] = [
            ("sentence-transformers", st),
            ("onnx fp32", fp32),
            ("onnx int8", int8),
        ]
        results: dict[str, tuple[np.ndarray, float]] = {}
        for label, embedder in backends:
            results[label] = timed(embedder, texts, args.batch_size)
        reference = results["sentence-transformers"][0]
        base_rate = len(texts) / results["sentence-transformers"][1]

        questions: list[str] = []
        gold = np.array([])
        if args.retrieval:
            questions, gold = load_questions(ids, args.max_questions)

        header = f"{'backend':<22} {'passages/s':>10} {'speed-up':>8} {'cos mean':>9} {'cos min':>8}"
        if questions:
            header += f" {'R@1':>6} {'R@5':>6}"
        print()
        print(header)
        print("-" * len(header))
        for label, embedder in backends:
            vectors, seconds = results[label]
            rate = len(texts) / seconds
            cosine = np.sum(vectors * reference, axis=1)
            line = f"{label:<22} {rate:>10.1f} {rate / base_rate:>7.2f}x"
            line += f" {cosine.mean():>9.5f} {cosine.min():>8.5f}"
            if questions:
                r1, r5 = recall(embedder.encode(questions, batch_size=64), vectors, gold)
                line += f" {r1:>6.3f} {r5:>6.3f}"
            print(line)
        if questions:
            print(f"(retrieval: {len(questions)} questions against the {len(texts)} cut paragraphs)")

        print()
        print("warm single question (best of 30): ", end="")
        print(", ".join(f"{lbl} {warm_query(e) * 1000:.1f} ms" for lbl, e in backends))

        print()
        print(f"cold query process (median of {args.cold_runs} fresh processes), seconds:")
        head = (
            f"{'model':<10} {'ort+tok import':>14} {'embed import':>12} {'from_cache':>10} {'1st query':>9}"
        )
        head += f" {'2nd query':>9} {'process':>8}"
        print(head)
        print("-" * len(head))
        for label, quantized in (("fp32", False), ("int8", True)):
            r = cold(fp32.folder, quantized, args.cold_runs)
            line = f"{label:<10} {r[0]:>14.3f} {r[1]:>12.3f} {r[2]:>10.3f}"
            print(line + f" {r[3]:>9.4f} {r[4]:>9.4f} {r[5]:>8.3f}")


def warm_query(embedder: Embedder, runs: int = 30) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        embedder.encode(["When did the 1973 oil crisis begin?"])
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    main()
