"""Indexing time and peak memory as the input grows: they must grow linearly.

    .venv/bin/python bench/index_scale.py [--sizes 3,10,30] [--stages-only] [--quotes]

For each size a synthetic plain-text file of that many MB is written (paragraphs of the bundled
article, shuffled, each made distinct by numbers, ~500 characters per paragraph, so the vocabulary
grows as in real text) and indexed with `qa index FILE --max-size 40` in a fresh process. Reported per
size: wall time, peak RSS of that process (ru_maxrss), the RSS of the same process with the model
loaded and nothing indexed (the baseline), and the time of each stage (from the progress callback).
Then the ratios to the smallest size: time and memory above the baseline should grow like the text.

--stages-only skips embedding (the model batches passages, so it is linear by construction) and
times chunking, structure labels, BM25 and the document store in-process, which is quick at 30 MB.
--quotes also times quote attribution (index.quotes.analyse) alone, which the attribution work owns.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def make_text(mb: float, seed: int = 1) -> str:
    """About `mb` MB of prose: article paragraphs, shuffled, numbered words, ~500-char paragraphs."""
    base = (REPO / "index" / "article.txt").read_text(encoding="utf-8")
    paras = [" ".join(p.split()) for p in base.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        words = " ".join(rng.choice(paras) for _ in range(3)).split()
        for _ in range(max(1, len(words) // 8)):
            i = rng.randrange(len(words))
            words[i] = f"{words[i]}{rng.randint(0, 99_999)}"
        para = " ".join(words)[:520]
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out) + "\n"


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from index import embed
from index.build import build
from qa import config
mode, path, idx = sys.argv[2], sys.argv[3], sys.argv[4]
stages, last = {}, [time.perf_counter(), None]
def tick(stage, done, total):
    now = time.perf_counter()
    if last[1] is not None:
        stages[last[1]] = stages.get(last[1], 0.0) + now - last[0]
    last[0], last[1] = now, stage
if mode == "baseline":
    e = embed.load_embedder(None, config.model_cache_dir(), quantized=True)
    e.encode(["warm up"])
    out = {}
else:
    t0 = time.perf_counter()
    rep = build([path], Path(idx), cache_dir=config.model_cache_dir(), max_bytes=40 * 1024 * 1024, progress=tick)
    tick("end", 0, 0)
    out = {"seconds": time.perf_counter() - t0, "passages": rep.passages, "stages": stages}
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run_child(mode: str, path: Path, idx: Path) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(REPO), mode, str(path), str(idx)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def stages_only(text: str, with_quotes: bool) -> dict[str, float]:
    """In-process timings of the stages around the model (counting tokens uses the real tokenizer)."""
    from index import chunk as chunking
    from index import docstore, embed, quotes, structure
    from index.lexical import Lexical
    from qa import config

    emb = embed.load_embedder(None, config.model_cache_dir(), quantized=True)
    times: dict[str, float] = {}
    t = time.perf_counter()
    chunks = chunking.chunk(text, emb.count_tokens, max_chars=600, max_tokens=emb.max_tokens, overlap=0)
    times["chunk"] = time.perf_counter() - t
    t = time.perf_counter()
    chunks = structure.label(text, chunks)
    times["structure"] = time.perf_counter() - t
    if with_quotes:
        t = time.perf_counter()
        quotes.analyse(text)
        times["quotes"] = time.perf_counter() - t
    texts = [text[c.start : c.end] for c in chunks]
    t = time.perf_counter()
    Lexical.build(texts)
    times["lexical"] = time.perf_counter() - t
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        docstore.write(
            Path(tmp) / "d.sqlite",
            [docstore.DocRow(0, "x", "x", "text", "0" * 64, text, "now")],
            [docstore.PassageRow(i, 0, c.start, c.end, c.paragraph, c.kind) for i, c in enumerate(chunks)],
            [],
            [],
        )
    times["docstore"] = time.perf_counter() - t
    times["passages"] = len(chunks)
    times["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="3,10,30", help="MB, comma-separated")
    ap.add_argument("--stages-only", action="store_true")
    ap.add_argument("--quotes", action="store_true")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.stages_only:
            base = run_child("baseline", Path(tmp), Path(tmp))["peak_mb"]
            print(f"baseline (model loaded): {base:.0f} MB")
        for mb in sizes:
            text = make_text(mb)
            path = Path(tmp) / f"text-{mb:g}mb.txt"
            path.write_text(text, encoding="utf-8")
            text_mb = len(text.encode()) / 1e6
            if args.stages_only:
                r = stages_only(text, args.quotes)
                print(f"{mb:g} MB: " + "  ".join(f"{k} {v:.2f}" for k, v in r.items()), flush=True)
                rows.append((text_mb, r))
                continue
            r = run_child("build", path, Path(tmp) / f"index-{mb:g}")
            over = r["peak_mb"] - base
            print(
                f"{mb:g} MB: {r['seconds']:.1f} s, {r['passages']} passages, peak {r['peak_mb']:.0f} MB "
                f"({over:.0f} MB over the model = {over / text_mb:.2f}x the text); stages "
                + ", ".join(f"{k} {v:.1f} s" for k, v in r["stages"].items()),
                flush=True,
            )
            rows.append((text_mb, r))
    if len(rows) > 1:
        t0, r0 = rows[0]
        for tm, r in rows[1:]:
            if args.stages_only:
                parts = [f"{k} x{r[k] / max(r0[k], 1e-9):.2f}" for k in r if k not in ("passages", "peak_mb")]
            else:
                parts = [
                    f"time x{r['seconds'] / r0['seconds']:.2f}",
                    f"peak x{r['peak_mb'] / r0['peak_mb']:.2f}",
                ]
            print(f"{tm:.1f} MB vs {t0:.1f} MB (text x{tm / t0:.2f}): " + ", ".join(parts))


if __name__ == "__main__":
    main()
