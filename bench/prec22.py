"""int8 or fp32: does a passage's vector depend on its batch, and what does each precision cost?
(issues 9 and 10; bench/reports/prec22.md)

    .venv/bin/python bench/prec22.py --n 400 --rounds 3        # both parts
    .venv/bin/python bench/prec22.py --only determinism

Determinism, one process per precision's models (the real all-MiniLM-L6-v2 export): the first --n
SQuAD paragraphs (cut to <= 600 characters, as bench/embed_speed.py) are embedded

- alone: one text a run, as a question is embedded (the reference: no batch mates, no padding);
- build32: the build's batches up to prec22 (its session, windows sorted by length, 32 texts);
- shuffled32: the same batches over the texts in another order (other batch mates);
- budgetK: the build's session, batches cut at K padded word pieces (embed.token_batches);
- longmates: the texts 16 at a time in a batch with 16 long mates (the longest SQuAD paragraphs,
  256 word pieces after truncation), every text padded to theirs;

and for each way it prints the largest |difference| and the smallest cosine to `alone`, the rows that
changed at all, R@1 / R@5 of the paragraphs' SQuAD questions (embedded one by one, as `qa ask` does)
and the share of questions whose top-5 list (order included) or top score differs from `alone`'s.

Cost, the two precisions alternating --rounds times in this process (medians; only ratios are
meaningful on a shared machine): the embedding of the --n paragraphs in the build's batches (int8:
32 texts; fp32: 32 texts and the token budgets), CPU (process_time, all threads) and wall; a question's
embedding (one text a run, the query session) per question; loading the query session (model file
read, graph optimised); the model files' sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embed_speed import SQUAD, load_paragraphs, load_questions  # noqa: E402

from index import embed  # noqa: E402
from index.embed import OnnxEmbedder  # noqa: E402

BUDGETS = (256, 512, 1024)
MATES = 16  # long texts added to every batch of `longmates` (as many as the texts)


def run_rows(emb: OnnxEmbedder, texts: list[str]) -> np.ndarray:
    """One model run over `texts` as they are (one batch, padded to the longest; no sorting).

    Args:
        emb: the model.
        texts: the batch.

    Returns:
        float32 (len(texts), dim).
    """
    ids, types, offsets = emb._token_ids([embed.valid_text(t) for t in texts])
    spans = [slice(offsets[i], offsets[i + 1]) for i in range(len(texts))]
    return emb._run([ids[s] for s in spans], [types[s] for s in spans])


def batches(emb: OnnxEmbedder, texts: list[str], size: int, tokens: int = 0) -> np.ndarray:
    """The vectors the build's batching gives (encode_batches), in input order.

    Args:
        emb: the model (the build's session).
        texts: the passages.
        size: texts a batch at most.
        tokens: padded word pieces a batch at most (0: no budget).

    Returns:
        float32 (len(texts), dim).
    """
    out = np.empty((len(texts), emb.dim), dtype=np.float32)
    for rows, vecs in emb.encode_batches(texts, batch_size=size, batch_tokens=tokens):
        out[rows] = vecs
    return out


def long_mates(n: int) -> list[str]:
    """The `n` longest SQuAD paragraphs, whole (the model truncates them to its 256 word pieces).

    Args:
        n: how many.

    Returns:
        The texts.
    """
    with open(SQUAD / "paragraphs.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    return sorted(texts, key=len, reverse=True)[:n]


def top5(queries: np.ndarray, passages: np.ndarray) -> np.ndarray:
    """Each query's five best passages by inner product, best first (ties by position)."""
    return np.argsort(-(queries @ passages.T), axis=1, kind="stable")[:, :5]


def determinism(
    folder: Path, quantized: bool, texts: list[str], questions: list[str], gold: np.ndarray
) -> None:
    """Print the table of the module docstring for one precision.

    Args:
        folder: the export.
        quantized: int8 (True) or fp32.
        texts: the passages.
        questions: their SQuAD questions.
        gold: each question's passage.
    """
    plain = OnnxEmbedder.from_cache(folder, quantized=quantized)
    build = OnnxEmbedder.from_cache(folder, quantized=quantized, batched=True)
    q = np.vstack([plain.encode([x]) for x in questions])
    alone = np.vstack([run_rows(plain, [t]) for t in texts])
    order = list(range(len(texts)))
    random.Random(0).shuffle(order)
    shuffled = np.empty_like(alone)
    shuffled[order] = batches(build, [texts[i] for i in order], 32)
    mates = long_mates(MATES)
    with_mates = np.vstack(
        [
            run_rows(plain, [*texts[a : a + MATES], *mates])[: len(texts[a : a + MATES])]
            for a in range(0, len(texts), MATES)
        ]
    )
    ways = {"alone": alone, "build32": batches(build, texts, 32), "shuffled32": shuffled}
    ways |= {f"budget{k}": batches(build, texts, 32, k) for k in BUDGETS}
    ways["longmates"] = with_mates
    ref_top = top5(q, alone)
    ref_best = np.max(q @ alone.T, axis=1)
    label = "int8" if quantized else "fp32"
    print(
        f"\n{label}: way | max |diff| to alone | min cosine | rows changed | R@1 | R@5 | "
        "top-5 lists changed | top scores changed | max |score diff|"
    )
    for name, v in ways.items():
        t = top5(q, v)
        s = q @ v.T
        print(
            f"  {name:<11} | {float(np.max(np.abs(v - alone))):.2e} | "
            f"{float(np.min(np.sum(v * alone, axis=1))):.6f} | "
            f"{int(np.sum(np.any(v != alone, axis=1)))}/{len(texts)} | "
            f"{float(np.mean(t[:, 0] == gold)):.3f} | {float(np.mean((t == gold[:, None]).any(axis=1))):.3f} | "
            f"{float(np.mean(np.any(t != ref_top, axis=1))):.3f} | "
            f"{float(np.mean(np.max(s, axis=1) != ref_best)):.3f} | "
            f"{float(np.max(np.abs(s - q @ alone.T))):.2e}",
            flush=True,
        )


def cost(folder: Path, texts: list[str], questions: list[str], rounds: int) -> None:
    """Print the cost table of the module docstring (both precisions, alternating).

    Args:
        folder: the export.
        texts: the passages.
        questions: questions embedded one at a time.
        rounds: alternations (medians).
    """
    kinds = [("int8", True, 0), ("fp32", False, 0)] + [(f"fp32 budget{k}", False, k) for k in BUDGETS]
    builds = {name: OnnxEmbedder.from_cache(folder, quantized=qz, batched=True) for name, qz, _ in kinds}
    plains = {qz: OnnxEmbedder.from_cache(folder, quantized=qz) for qz in (True, False)}
    for e in (*builds.values(), *plains.values()):
        e.encode(texts[:32])  # first-run allocations
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in kinds}
    wall: dict[str, list[float]] = {name: [] for name, _, _ in kinds}
    ask: dict[bool, list[float]] = {True: [], False: []}
    load: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(max(1, rounds)):
        for name, _qz, k in kinds:
            c0, w0 = time.process_time(), time.perf_counter()
            batches(builds[name], texts, 32, k)
            cpu[name].append(time.process_time() - c0)
            wall[name].append(time.perf_counter() - w0)
        for qz in (True, False):
            w0 = time.perf_counter()
            for x in questions:
                plains[qz].encode([x])
            ask[qz].append((time.perf_counter() - w0) / len(questions))
            w0 = time.perf_counter()
            OnnxEmbedder.from_cache(folder, quantized=qz)
            load[qz].append(time.perf_counter() - w0)
    med = statistics.median
    print(f"\ncost, {len(texts)} passages, {len(questions)} questions, {rounds} rounds (medians)")
    print("| build batches | CPU s | CPU vs int8 | wall s | wall vs int8 |")
    print("|---|---|---|---|---|")
    for name, _, _ in kinds:
        print(
            f"| {name} | {med(cpu[name]):.1f} | {med(cpu[name]) / med(cpu['int8']):.2f}x | "
            f"{med(wall[name]):.1f} | {med(wall[name]) / med(wall['int8']):.2f}x |"
        )
    for qz in (True, False):
        label = "int8" if qz else "fp32"
        print(
            f"{label}: a question {1000 * med(ask[qz]):.1f} ms ({med(ask[qz]) / med(ask[True]):.2f}x int8), "
            f"query session load {1000 * med(load[qz]):.0f} ms ({med(load[qz]) / med(load[True]):.2f}x int8)"
        )
    for f in sorted(folder.glob("*.onnx")):
        print(f"  {f.name}: {f.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="SQuAD paragraphs (default 400)")
    ap.add_argument("--questions", type=int, default=400, help="SQuAD questions at most (default 400)")
    ap.add_argument("--rounds", type=int, default=3, help="cost: alternations (default 3)")
    ap.add_argument("--only", choices=("determinism", "cost"), help="one part only")
    args = ap.parse_args()
    from qa import config

    folder = OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True).folder
    OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True, batched=True)  # the looped files
    OnnxEmbedder.load(None, config.model_cache_dir(), quantized=False, batched=True)
    ids, texts = load_paragraphs(args.n)
    questions, gold = load_questions(ids, args.questions)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(texts)} SQuAD paragraphs, {len(questions)} questions; load average {load}", flush=True)
    if args.only != "cost":
        for quantized in (True, False):
            determinism(folder, quantized, texts, questions, gold)
    if args.only != "determinism":
        cost(folder, texts, questions[:100], args.rounds)


if __name__ == "__main__":
    main()
