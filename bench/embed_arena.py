"""onnxruntime's memory while the build embeds: peak RSS over the warmed model, CPU time and the vectors
(bit for bit) under allocator settings and batch sizes (issue 10, case 16; seventeenth pass of
bench/reports/index_scale.txt).

    .venv/bin/python bench/embed_arena.py --n 1000                          # the settings below, batch 32
    .venv/bin/python bench/embed_arena.py --n 600 --configs default --batches 1,8,16,32

Each setting runs in a fresh process: the real model (int8) loaded and used once on a short text (the
baseline), then `--n` paragraphs of bench/index_scale.py's synthetic text (~520 characters each)
embedded in the build's batches (`encode_batches`: windows sorted by length, batches of --batches).
Printed per setting: the peak RSS over the baseline (VmHWM), the RSS at the end, the CPU time of the
embedding (time.process_time, all threads) and the wall time, and an MD5 of the vectors (equal: the
same vectors, bit for bit).

Settings (comma-separated in --configs):
  default      the build's session as it was before the seventeenth pass (CPU arena on, no shrinking)
  shrinkN      the arena's unused regions given back after every N-th batch ("shrink" = every batch;
               the build gives them back after its last batch only: encode_to)
  noarena      the session without its CPU arena (glibc's malloc for every tensor)
  noarena-mmapK  and glibc's mmap threshold fixed at K KiB (mallopt; default 128): every larger tensor
               mapped and unmapped per run, none left in the heap
  looped       the graph with its attention run one text at a time (index/looped.py; mem21)
  nopattern    onnxruntime's memory patterns off (SessionOptions.enable_mem_pattern)
  build        the build's session since mem21 (load_embedder(batched=True): looped + nopattern)
  budgetK      the plain session, batches also cut at K padded tokens (embed.token_batches: texts
               sorted by length as the build does, a batch grows while texts x its longest <= K and
               texts <= --batches; changes the int8 vectors: their activation scale is the whole
               batch's; the fp32 build's batches since prec22)
  build-budgetK  the build's session with such batches (the fp32 build since prec22)
  "default" is the build's session before mem21 (plain graph, memory patterns on).

--tokens L embeds texts of exactly L word pieces (the worst case at L = 256, the model's maximum)
instead of the synthetic paragraphs; --fp32 the fp32 model; --rounds R runs every setting R times,
the settings alternating, and prints the medians (CPU ratios against the first setting of the same
rounds). The last column is the smallest cosine between a text's vector and the first setting's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.proc_status import status_mb  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def child(cfg: str, n: int, batch: int, tokens: int = 0, fp32: bool = False, save: str = "") -> dict:
    """One setting measured in this process (see the module's docstring).

    Args:
        cfg: the setting's name.
        n: paragraphs embedded.
        batch: texts a run.
        tokens: texts of exactly this many word pieces instead of paragraphs (0: paragraphs).
        fp32: the fp32 model instead of int8.
        save: write the vectors here (.npy) when given.

    Returns:
        The figures.
    """
    import ctypes
    import time

    import onnxruntime as ort

    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    from index_scale import make_text

    from index import embed
    from qa import config

    mmap = re.search(r"mmap(\d*)", cfg)
    if mmap:
        ctypes.CDLL(None).mallopt(-3, int(mmap.group(1) or 128) * 1024)  # M_MMAP_THRESHOLD
    original = ort.InferenceSession

    def session(path: str, options: ort.SessionOptions, providers: list[str] | None = None) -> object:
        if "noarena" in cfg:
            options.enable_cpu_mem_arena = False
        if "nopattern" in cfg:
            options.enable_mem_pattern = False
        return original(path, options, providers=providers)

    ort.InferenceSession = session  # type: ignore[misc]
    if tokens:  # "w3" is two word pieces: (tokens - 2) // 2 of them, with [CLS] and [SEP]
        rng = np.random.default_rng(0)
        texts = [" ".join(f"w{d}" for d in rng.integers(0, 10, (tokens - 2) // 2)) for _ in range(n)]
    else:
        texts = [p for p in make_text(n * 0.00053).split("\n\n") if p.strip()][:n]
    folder = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=not fp32).folder
    if "looped" in cfg:  # the rewritten graph, written by the build's first load (index/looped.py)
        embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=not fp32, batched=True)
        looped = (embed.MODEL_FILE if fp32 else embed.INT8_FILE).removesuffix(".onnx") + embed.LOOPED_SUFFIX
        ort.InferenceSession = lambda path, o, providers=None: session(str(folder / looped), o, providers)  # type: ignore[misc]
    emb = embed.OnnxEmbedder.from_cache(folder, quantized=not fp32, batched=cfg.startswith("build"))
    emb.encode(["warm up the model once"])
    base = status_mb("VmRSS:")
    shrink = re.search(r"shrink(\d*)", cfg)
    every = int(shrink.group(1) or 1) if shrink else 0
    budget = re.search(r"budget(\d+)", cfg)
    out = np.empty((len(texts), emb.dim), np.float32)
    c0, w0 = time.process_time(), time.perf_counter()
    tokens = int(budget.group(1)) if budget else 0
    for rows, vecs in emb.encode_batches(texts, batch_size=batch, batch_tokens=tokens, shrink_every=every):
        out[rows] = vecs
    if save:
        np.save(save, out)
    return {
        "cfg": cfg,
        "batch": batch,
        "n": len(texts),
        "baseline_mb": round(base, 1),
        "peak_over_mb": round(status_mb("VmHWM:") - base, 1),
        "end_over_mb": round(status_mb("VmRSS:") - base, 1),
        "cpu_s": round(time.process_time() - c0, 1),
        "wall_s": round(time.perf_counter() - w0, 1),
        "md5": hashlib.md5(out.tobytes()).hexdigest()[:10],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="paragraphs embedded (default 1000)")
    ap.add_argument("--configs", default="default,shrink8,shrink,noarena,noarena-mmap")
    ap.add_argument("--batches", default="32", help="batch sizes, comma-separated (default 32)")
    ap.add_argument("--tokens", type=int, default=0, help="texts of exactly this many word pieces")
    ap.add_argument("--fp32", action="store_true", help="the fp32 model (default int8)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of every setting, alternating (medians)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--save", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        r = child(args.child, args.n, int(args.batches), args.tokens, args.fp32, args.save)
        print(json.dumps(r))
        return
    load = os.getloadavg()
    what = f"texts of {args.tokens} word pieces" if args.tokens else "paragraphs"
    print(
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {args.n} {what}; "
        f"{'fp32' if args.fp32 else 'int8'}; {args.rounds} round(s), medians"
    )
    print(
        "| setting | batch | peak over the model MB | at end MB | CPU s | CPU vs first | wall s | vectors md5 |"
        " min cosine to first |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    configs = args.configs.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        for batch in args.batches.split(","):
            runs: dict[str, list[dict]] = {c: [] for c in configs}
            for _ in range(max(1, args.rounds)):
                for cfg in configs:
                    cmd = [sys.executable, __file__, "--child", cfg, "--n", str(args.n), "--batches", batch]
                    cmd += ["--tokens", str(args.tokens), "--save", str(Path(tmp, f"{cfg}.npy"))]
                    cmd += ["--fp32"] if args.fp32 else []
                    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
                    runs[cfg].append(json.loads(out))
            first = np.load(Path(tmp, f"{configs[0]}.npy"))
            cpu0 = statistics.median(r["cpu_s"] for r in runs[configs[0]])
            for cfg in configs:
                rs = runs[cfg]
                cos = float(np.min(np.sum(np.load(Path(tmp, f"{cfg}.npy")) * first, axis=1)))
                cpu = round(statistics.median(r["cpu_s"] for r in rs), 2)
                print(
                    f"| {cfg} | {batch} | {statistics.median(r['peak_over_mb'] for r in rs)}"
                    f" ({_spread([r['peak_over_mb'] for r in rs])}) | {statistics.median(r['end_over_mb'] for r in rs)}"
                    f" | {cpu} ({_spread([r['cpu_s'] for r in rs])}) | {cpu / cpu0:.2f}x"
                    f" | {round(statistics.median(r['wall_s'] for r in rs), 1)} | {rs[-1]['md5']} | {cos:.6f} |",
                    flush=True,
                )


def _spread(values: list[float]) -> str:
    return f"{min(values)}-{max(values)}"


if __name__ == "__main__":
    main()
