"""Does a passage's vector depend on the passages that share its batch? (issue 10, case 16)

With dynamic int8 quantisation (`quantize_dynamic`), each DynamicQuantizeLinear computes ONE scale and
zero point over its whole input tensor (batch x tokens x hidden, padding included), so a passage's
vector could change with its batch mates. This script embeds the same N SQuAD paragraphs (cut to
<= 600 characters, as bench/embed_speed.py) under several batch compositions, in one process:

- sorted32: the build's batches (a window sorted by length, batches of 32)  -- the reference
- shuffled32: batches of 32 in another order (input shuffled, then sorted as the build does)
- random32: batches of 32 with no sorting (mixed lengths, more padding)
- single: one text a run (no batch mates, no padding), how a question is embedded

and prints, per composition and per model (int8, fp32): max |diff| to sorted32, min cosine, how many
rows changed at all, and for the paragraphs' SQuAD questions (embedded one by one, as `qa ask` does)
recall@1/@5 and the share of questions whose top-5 list (order included) differs from sorted32's.
Then the speed of each composition (passages/s, best of --repeat, runs alternating) and the
onnxruntime working set (peak RSS rise over the warmed model) measured in a fresh process per way.

    .venv/bin/python bench/embed_batches.py --n 600 --cache-dir $QA_HOME/cache/onnx
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embed_speed import load_paragraphs, load_questions  # noqa: E402

from index.embed import OnnxEmbedder  # noqa: E402

WAYS = ("sorted32", "shuffled32", "random32", "single")

PEAK = """
import sys, resource, json
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/bench"]
from index.embed import OnnxEmbedder
from embed_speed import load_paragraphs
e = OnnxEmbedder.from_cache(sys.argv[2], quantized=sys.argv[3] == "1")
_, texts = load_paragraphs(int(sys.argv[5]))
e.encode(["warm up the model once"])
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
base = hwm()
e.encode(texts, batch_size=int(sys.argv[4]))
print(json.dumps({"base": base, "peak": hwm()}))
"""


def encode_way(emb: OnnxEmbedder, texts: list[str], way: str, seed: int = 0) -> np.ndarray:
    """The vectors of `texts` (input order) embedded in the batch composition `way`.

    Args:
        emb: the model.
        texts: the passages.
        way: one of WAYS.
        seed: for the shuffled compositions.

    Returns:
        float32 (len(texts), dim).
    """
    n = len(texts)
    if way == "sorted32":
        return emb.encode(texts, batch_size=32)
    if way == "single":
        return emb.encode(texts, batch_size=1)
    order = list(range(n))
    random.Random(seed).shuffle(order)
    out = np.empty((n, emb.dim), dtype=np.float32)
    if way == "shuffled32":  # the build's sorting, over another window: other batch mates
        half = n // 2
        for part in (order[:half], order[half:]):
            out[part] = emb.encode([texts[i] for i in part], batch_size=32)
        return out
    for a in range(0, n, 32):  # random32: unsorted batches, padded to their longest
        rows = order[a : a + 32]
        ids, types, offsets = emb._token_ids([texts[i] for i in rows])
        spans = [slice(offsets[i], offsets[i + 1]) for i in range(len(rows))]
        out[rows] = emb._run([ids[s] for s in spans], [types[s] for s in spans])
    return out


def top5(queries: np.ndarray, passages: np.ndarray) -> np.ndarray:
    return np.argsort(-(queries @ passages.T), axis=1, kind="stable")[:, :5]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600, help="SQuAD paragraphs (default 600)")
    ap.add_argument("--cache-dir", type=Path, required=True, help="ONNX export cache (QA_HOME/cache/onnx)")
    ap.add_argument("--questions", type=int, default=400, help="SQuAD questions at most (default 400)")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs per composition (best kept)")
    ap.add_argument("--no-peak", action="store_true", help="skip the fresh-process peak memory runs")
    args = ap.parse_args()

    ids, texts = load_paragraphs(args.n)
    questions, gold = load_questions(ids, args.questions)
    print(
        f"{len(texts)} SQuAD paragraphs (mean {np.mean([len(t) for t in texts]):.0f} chars), "
        f"{len(questions)} questions; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        flush=True,
    )
    for quantized in (True, False):
        emb = OnnxEmbedder.load(None, args.cache_dir, quantized=quantized)
        label = "int8" if quantized else "fp32"
        q = np.vstack([emb.encode([x]) for x in questions])
        vecs: dict[str, np.ndarray] = {}
        secs: dict[str, float] = {w: float("inf") for w in WAYS}
        emb.encode(texts[:32])
        for _ in range(args.repeat):
            for w in WAYS:
                t0 = time.perf_counter()
                vecs[w] = encode_way(emb, texts, w)
                secs[w] = min(secs[w], time.perf_counter() - t0)
        ref = vecs["sorted32"]
        ref_top = top5(q, ref)
        print(
            f"\n{label}: composition | max |diff| to sorted32 | min cosine | rows changed | "
            f"R@1 | R@5 | top-5 lists changed | passages/s | time vs sorted32"
        )
        for w in WAYS:
            v = vecs[w]
            diff = float(np.max(np.abs(v - ref)))
            cos = float(np.min(np.sum(v * ref, axis=1)))
            changed = int(np.sum(np.any(v != ref, axis=1)))
            t = top5(q, v)
            r1 = float(np.mean(t[:, 0] == gold))
            r5 = float(np.mean((t == gold[:, None]).any(axis=1)))
            moved = float(np.mean(np.any(t != ref_top, axis=1)))
            print(
                f"  {w:<10} | {diff:.2e} | {cos:.5f} | {changed}/{len(texts)} | {r1:.3f} | {r5:.3f} | "
                f"{moved:.3f} | {len(texts) / secs[w]:.1f} | {secs[w] / secs['sorted32']:.2f}x",
                flush=True,
            )
        if args.no_peak:
            continue
        for bs in (32, 1):
            out = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    PEAK,
                    str(ROOT),
                    str(emb.folder),
                    "1" if quantized else "0",
                    str(bs),
                    str(args.n),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(out)
            print(
                f"  peak RSS, batch {bs}: {r['peak']:.1f} MB, {r['peak'] - r['base']:.1f} MB over the warmed model"
            )


if __name__ == "__main__":
    main()
