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
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _status_mb(key: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0


def child(cfg: str, n: int, batch: int) -> dict:
    """One setting measured in this process (see the module's docstring).

    Args:
        cfg: the setting's name.
        n: paragraphs embedded.
        batch: texts a run.

    Returns:
        The figures.
    """
    import ctypes
    import time

    import numpy as np
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
        return original(path, options, providers=providers)

    ort.InferenceSession = session  # type: ignore[misc]
    texts = [p for p in make_text(n * 0.00053).split("\n\n") if p.strip()][:n]
    emb = embed.load_embedder(None, config.model_cache_dir(), quantized=True)
    emb.encode(["warm up the model once"])
    base = _status_mb("VmRSS:")
    shrink = re.search(r"shrink(\d*)", cfg)
    every = int(shrink.group(1) or 1) if shrink else 0
    out = np.empty((len(texts), emb.dim), np.float32)
    c0, w0 = time.process_time(), time.perf_counter()
    for rows, vecs in emb.encode_batches(texts, batch_size=batch, shrink_every=every):
        out[rows] = vecs
    return {
        "cfg": cfg,
        "batch": batch,
        "n": len(texts),
        "baseline_mb": round(base, 1),
        "peak_over_mb": round(_status_mb("VmHWM:") - base, 1),
        "end_over_mb": round(_status_mb("VmRSS:") - base, 1),
        "cpu_s": round(time.process_time() - c0, 1),
        "wall_s": round(time.perf_counter() - w0, 1),
        "md5": hashlib.md5(out.tobytes()).hexdigest()[:10],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="paragraphs embedded (default 1000)")
    ap.add_argument("--configs", default="default,shrink8,shrink,noarena,noarena-mmap")
    ap.add_argument("--batches", default="32", help="batch sizes, comma-separated (default 32)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.n, int(args.batches))))
        return
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {args.n} paragraphs")
    print("| setting | batch | peak over the model MB | at end MB | CPU s | wall s | vectors md5 |")
    print("|---|---|---|---|---|---|---|")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    for batch in args.batches.split(","):
        for cfg in args.configs.split(","):
            cmd = [sys.executable, __file__, "--child", cfg, "--n", str(args.n), "--batches", batch]
            r = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
            print(
                f"| {cfg} | {batch} | {r['peak_over_mb']} | {r['end_over_mb']} | {r['cpu_s']} | {r['wall_s']}"
                f" | {r['md5']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
