"""What a token budget for the int8 model's build batches would change (round 32, issue 10 case 16):
the passages' vectors and the top-5 passage lists of the read questions, budget 0 (today: batches of
embed.BUILD_BATCH texts) against each budget (embed.INT8_BUILD_TOKENS).

    HF_HUB_OFFLINE=1 PYTHONPATH=. .venv/bin/python bench/int8_budget.py --out /tmp/int8b --budgets 0,256,1024,2048

Per budget, one child process sets embed.INT8_BUILD_TOKENS, builds (int8, the real model) the
news-dev documents and the bundled article (index/article.txt) into OUT/b<B>-nd and OUT/b<B>-art,
saves each index's vectors (rows in passage order: the chunking does not depend on the model), and
asks through qa's Python API every question of ../shared/eval/news-dev/gold.jsonl (news-dev index)
and ../shared/eval/seed_dev.jsonl (article index), each in a fresh conversation after its history,
k = 5, as score.py sends them to `qa chat --json`. The parent prints, against budget 0: the build's
CPU seconds, max and mean |1 - cosine| per passage vector, and the questions whose top-5 list
(source and offsets of each passage, best first, the nearest ones when abstaining) or abstention
changed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SETS = {  # name: (documents, questions)
    "nd": (REPO.parent / "shared/eval/news-dev/docs", REPO.parent / "shared/eval/news-dev/gold.jsonl"),
    "art": (REPO / "index/article.txt", REPO.parent / "shared/eval/seed_dev.jsonl"),
}


def _vectors(index_dir: Path) -> np.ndarray:
    """The index's passage vectors, in passage order.

    Args:
        index_dir: an index folder.

    Returns:
        float32 (passages, dim).
    """
    import faiss

    from index import store

    gen, _ = store.open_manifest(index_dir)
    fi = faiss.read_index(str(gen / store.VECTORS))
    if isinstance(fi, faiss.IndexIVF):
        fi.make_direct_map(True)
    return np.asarray(fi.reconstruct_n(0, fi.ntotal), dtype=np.float32)


def _score_module() -> Any:
    """../shared/eval/score.py, for its answer matching (norm)."""
    spec = importlib.util.spec_from_file_location("score", REPO.parent / "shared/eval/score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rank(q: dict[str, Any], passages: list[Any], norm: Callable[[str], str]) -> int | None:
    """The 0-based rank of the first of the top 5 passages holding a gold answer, as score.py counts
    it (passages over 600 characters, or of another document than the item's "doc", do not count).

    Args:
        q: the gold item.
        passages: the answer's passages, best first.
        norm: score.py's normalisation.

    Returns:
        The rank, or None (missed).
    """
    golds = [norm(a) for a in q["answers"]]
    for r, p in enumerate(passages[:5]):
        if "doc" in q and os.path.basename(p.source) != q["doc"]:
            continue
        if len(p.text) <= 600 and any(g in norm(p.text) for g in golds):
            return r
    return None


def child(budget: int, name: str, out: Path) -> None:
    """Build both indexes at `budget` and save their vectors, top-5 lists and ranks under `out`.

    Args:
        budget: embed.INT8_BUILD_TOKENS for this process.
        name: the run's name (the files' prefix).
        out: the output folder.
    """
    import qa
    from index import embed

    embed.INT8_BUILD_TOKENS = budget  # this process's setting: the switch under measurement
    norm = _score_module().norm
    original = embed.encode_to
    made: dict[int, np.ndarray] = {}

    def keep(embedder: Any, texts: Any, put: Any, *, int8_tokens: int = 0, progress: Any = None) -> None:
        """encode_to, keeping the model's exact vectors (the index stores them as 8-bit codes)."""

        def both(at: np.ndarray, x: np.ndarray) -> None:
            made.update(zip(at.tolist(), x.copy(), strict=True))
            put(at, x)

        original(embedder, texts, both, int8_tokens=int8_tokens, progress=progress)

    embed.encode_to = keep  # type: ignore[assignment]
    result: dict[str, object] = {"budget": budget}
    for key, (docs, gold) in SETS.items():
        folder = out / f"{name}-{key}"
        made.clear()
        c0 = time.process_time()
        index = qa.build(docs, index=folder, rebuild=True)
        result[f"{key}_build_cpu_s"] = round(time.process_time() - c0, 2)
        np.save(out / f"{name}-{key}.npy", np.vstack([made[i] for i in range(len(made))]))
        lists: dict[str, object] = {}
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            chat = index.chat()
            for h in q.get("history", []):
                chat.ask(h, 5)
            a = chat.ask(q["question"], 5)
            shown = a.nearest if a.abstained else a.hits
            rank = None if a.abstained or not q["answerable"] else _rank(q, a.hits, norm)
            lists[q["id"]] = [a.abstained, [[p.source, p.start, p.end] for p in shown], rank]
        result[f"{key}_top5"] = lists
    (out / f"{name}.json").write_text(json.dumps(result), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="folder for the indexes and results")
    ap.add_argument(
        "--budgets", default="0,256,1024,2048", help="comma-separated; the first is the reference"
    )
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--name", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child is not None:
        child(args.child, args.name, args.out)
        return
    budgets = [int(b) for b in args.budgets.split(",")]
    # the reference built twice: what the measurement's own noise would show (none expected)
    runs = [(f"b{budgets[0]}", budgets[0]), (f"b{budgets[0]}-again", budgets[0])]
    runs += [(f"b{b}", b) for b in budgets[1:]]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    for name, b in runs:
        if not (args.out / f"{name}.json").exists():
            cmd = [sys.executable, __file__, "--out", str(args.out), "--child", str(b), "--name", name]
            subprocess.run(cmd, env=env, check=True)
    res = {name: json.loads((args.out / f"{name}.json").read_text(encoding="utf-8")) for name, _ in runs}
    ref = runs[0][0]
    print(f"load average {os.getloadavg()[0]:.1f}; reference {ref}")
    print(
        "| set | run | passages | build CPU s | CPU vs ref | max abs(1-cos) | mean abs(1-cos) |"
        " top-5 lists changed (answered) | top-1 changed (answered) | top-5 set changed | hit@1 | hit@5 | abstained |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    notes: list[str] = []
    for key in SETS:
        v0 = np.load(args.out / f"{ref}-{key}.npy")
        for name, _ in runs:
            v = np.load(args.out / f"{name}-{key}.npy")
            assert v.shape == v0.shape, (key, name, v.shape, v0.shape)
            d = np.abs(1.0 - np.sum(v * v0, axis=1))
            t0, t = res[ref][f"{key}_top5"], res[name][f"{key}_top5"]
            moved = [q for q in t0 if t0[q][1] != t[q][1]]
            shown = [q for q in moved if not t0[q][0]]  # answered: the lists a user sees (else the nearest)
            top1 = [q for q in t0 if t0[q][1][:1] != t[q][1][:1]]
            top1_shown = [q for q in top1 if not t0[q][0]]
            sets = [q for q in t0 if sorted(map(tuple, t0[q][1])) != sorted(map(tuple, t[q][1]))]
            ranks = [t[q][2] for q in t]
            hit1 = sum(r == 0 for r in ranks)
            hit5 = sum(r is not None for r in ranks)
            absd = sum(bool(t[q][0]) for q in t)
            cpu0, cpu = res[ref][f"{key}_build_cpu_s"], res[name][f"{key}_build_cpu_s"]
            print(
                f"| {key} | {name} | {len(v)} | {cpu} | {cpu / cpu0:.2f}x | {d.max():.2e} | {d.mean():.2e} |"
                f" {len(moved)}/{len(t0)} ({len(shown)}) | {len(top1)} ({len(top1_shown)}) | {len(sets)} | {hit1} | {hit5} | {absd} |"
            )
            ranked = [
                f"{q} {_show(t0[q][2])}->{_show(t[q][2])}"
                for q in t0
                if t0[q][2] != t[q][2] or t0[q][0] != t[q][0]
            ]
            if moved:
                notes.append(f"{key} {name}: lists changed {' '.join(moved)}")
            if ranked:
                notes.append(f"{key} {name}: answer rank moved {'; '.join(ranked)}")
    print("\n".join(notes))


def _show(rank: int | None) -> str:
    return "-" if rank is None else str(rank + 1)


if __name__ == "__main__":
    main()
