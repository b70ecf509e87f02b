"""What stored sentence vectors (index.sentvec) cost: index size, build time and query time, as ratios.

    python bench/sentvec_cost.py bench/out/readset-nh1-docs --repeats 2 --questions 12

Builds a fresh int8 index of the given documents with and without the sentence vectors (sentvec.write
replaced by a no-op), alternating, `--repeats` times each, and reports the median build time of each
and their ratio, the size of every file of the generation, and the per-question time of
qa.rank.features with the sentence columns computed from the store against without them (same run,
interleaved per question; bench/speed.py's questions, as bench/dense21_speed.py asks them). The machine is shared: only the ratios mean
anything. Writes bench/reports/sentvec_cost.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index import sentvec  # noqa: E402
from index.build import build  # noqa: E402
from qa import config, rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

REPORT = REPO / "bench" / "reports" / "sentvec_cost.md"


def _build(paths: list[str], target: Path, with_sentences: bool) -> float:
    """Seconds to build a fresh index of `paths` at `target`, with or without sentence vectors."""
    plain = sentvec.write
    if not with_sentences:
        sentvec.write = lambda *a, **kw: 0  # type: ignore[assignment]
    try:
        t = time.perf_counter()
        build(paths, target, cache_dir=config.model_cache_dir(), quantized=True)
        return time.perf_counter() - t
    finally:
        sentvec.write = plain  # type: ignore[assignment]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--questions", type=int, default=12)
    ap.add_argument("--out", type=Path, default=REPORT)
    args = ap.parse_args()
    from speed import questions

    asked = [t for conv in questions(args.questions) for t in conv if not t.startswith("/")][: args.questions]

    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            for on in (False, True):
                times[on].append(_build(args.paths, Path(tmp) / f"{on}-{r}", on))
                print(f"build {'with' if on else 'without'}: {times[on][-1]:.1f}s", flush=True)
        engine = Engine.open(Path(tmp) / f"True-{args.repeats - 1}")
        files = dict(engine.manifest.files)
        assert engine.sentences is not None
        n_rows = engine.sentences.vectors.shape[0]
        on_w = dataclasses.replace(rank.WEIGHTS, sent_dense=1.0, sent_prev_dense=1.0)
        q_off: list[float] = []
        q_on: list[float] = []
        for question in asked:
            rank.features(engine, question)  # warm: the reading caches, as in a chat
            for w, sink in ((None, q_off), (on_w, q_on)):
                t = time.perf_counter()
                rank.features(engine, question, dense=w)
                sink.append(time.perf_counter() - t)
    b_off, b_on = statistics.median(times[False]), statistics.median(times[True])
    passages = engine.n_passages()
    size = {k: int(v["size"]) for k, v in files.items()}
    rest = sum(v for k, v in size.items() if k not in (sentvec.SENTENCES, sentvec.ROWS))
    stored = size.get(sentvec.SENTENCES, 0) + size.get(sentvec.ROWS, 0)
    L = [
        "# Stored sentence vectors: size, build and query cost (bench/sentvec_cost.py)",
        "",
        f"`python bench/sentvec_cost.py {' '.join(sys.argv[1:])}`: {passages} passages, "
        f"{n_rows} sentence rows ({n_rows / max(passages, 1):.2f} a passage: s sentences and s - 1 pairs).",
        "",
        "| measure | without | with | ratio |",
        "|---|---|---|---|",
        f"| build, median of {args.repeats} (s) | {b_off:.1f} | {b_on:.1f} | {b_on / b_off:.2f} |",
        f"| index size (bytes) | {rest} | {rest + stored} | {(rest + stored) / rest:.2f} |",
        f"| features per question, median of {len(q_on)} (ms) | {1000 * statistics.median(q_off):.1f} | "
        f"{1000 * statistics.median(q_on):.1f} | {statistics.median(q_on) / statistics.median(q_off):.2f} |",
        "",
        "Files of the generation with sentence vectors (bytes):",
        "",
        *(f"- {k}: {v}" for k, v in sorted(size.items())),
        "",
        f"Sentence rows: {size.get(sentvec.SENTENCES, 0) / max(passages, 1):.0f} bytes a passage "
        "(float16, 384 dims: 768 bytes a row).",
    ]
    args.out.write_text("\n".join(L) + "\n", encoding="utf-8")
    print("\n".join(L))
    return 0


if __name__ == "__main__":
    sys.exit(main())
