"""Retrieval quality, side by side: the three anchor pipelines and the bot, on the same chunks.

    python bench/quality.py                      # seed dev set + SQuAD sample 2000
    python bench/quality.py --squad-sample 500   # quicker
    python bench/quality.py --only bot

Runs in-process on indexes built by `index.build` (cached under bench/out/), scoring exactly as
../shared/eval/score.py does (a passage counts if <= 600 chars and contains a gold answer).
For the end-to-end check through `qa chat --json`, run score.py itself (see README).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.build import build  # noqa: E402
from qa import config  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import Tally, gold_rank  # noqa: E402
from qa.session import Conversation  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
OUT = REPO / "bench" / "out"
Ranker = Callable[[Engine, str, int], list[int]]  # pids, best first


def publish(lines: list[str], out: Path | None) -> None:
    """Print a report and, when `out` is given, write it there too.

    Args:
        lines: the report's lines.
        out: the report file, or None to print only.
    """
    report = "\n".join(lines) + "\n"
    print(report)
    if out:
        out.write_text(report, encoding="utf-8")


def override(off: list[str], numbers: list[str]) -> None:
    """Switch booleans off and set numbers of qa for one measuring run (the --off/--set options).

    A name the module does not define stops the run: setting it would change nothing, silently (a
    switch moved when qa/rank.py was split into modules in round 20, e.g. qa.rank.NEAR_NAMES is now
    qa.speaker_topic.NEAR_NAMES).

    Args:
        off: "module.NAME" of booleans to set False.
        numbers: "module.NAME=VALUE" of numbers to set.
    """
    import importlib

    def target_of(dotted: str) -> tuple[object, str]:
        module, _, name = dotted.rpartition(".")
        mod = importlib.import_module(module)
        if not hasattr(mod, name):
            raise SystemExit(f"{dotted}: {module} has no {name} (it may have moved to another qa module)")
        return mod, name

    for switch in off:
        setattr(*target_of(switch), False)
    for assignment in numbers:
        dotted, _, value = assignment.partition("=")
        setattr(*target_of(dotted), float(value))


def dense_only(e: Engine, q: str, k: int) -> list[int]:
    d = e.dense(e.encode(q), k=k)
    return sorted(d, key=lambda p: -d[p])[:k]


def bm25_only(e: Engine, q: str, k: int) -> list[int]:
    s = e.lexical.scores(e.terms(q))
    return [int(i) for i in np.argsort(-s, kind="stable")[:k] if s[i] > 0]


def rrf(e: Engine, q: str, k: int, c: int = 60) -> list[int]:
    fused: dict[int, float] = {}
    for ranked in (dense_only(e, q, 100), bm25_only(e, q, 100)):
        for r, p in enumerate(ranked):
            fused[p] = fused.get(p, 0.0) + 1.0 / (c + r + 1)
    return sorted(fused, key=lambda p: -fused[p])[:k]


ANCHORS: dict[str, Ranker] = {"dense": dense_only, "bm25": bm25_only, "rrf": rrf}


def squad_items(sample: int, seed: int = 0) -> tuple[Path, list[dict]]:
    """SQuAD docs written as files (as score.py does) and a fixed random sample of questions."""
    corpus = SHARED / "squad-v1.1-dev"
    docs = OUT / "squad-docs"
    docs.mkdir(parents=True, exist_ok=True)
    for line in open(corpus / "docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        name = re.sub(r"[^A-Za-z0-9._-]+", "__", d["doc_id"]) + ".txt"
        f = docs / name
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    items = []
    for line in open(corpus / "questions.jsonl", encoding="utf-8"):
        q = json.loads(line)
        items.append(
            {
                "id": q["qid"],
                "question": q["question"].strip(),
                "history": [],
                "answers": q["answers"],
                "answerable": q["answerable"],
                "doc": re.sub(r"[^A-Za-z0-9._-]+", "__", q["doc_id"]) + ".txt",
            }
        )
    if sample and sample < len(items):
        items = random.Random(seed).sample(items, sample)
    return docs, items


def replay_history(conv: Conversation, it: dict, k: int = 5) -> None:
    """Start `conv` afresh and ask a gold item's earlier turns ("history"), as score.py does before
    asking its question.

    Args:
        conv: the conversation to reset.
        it: a gold item; its "history" may be missing or null.
        k: passages asked for each turn.
    """
    conv.reset()
    for h in it.get("history") or []:
        conv.ask(h, k)


def score(e: Engine, items: list[dict], ranker: Ranker | None, k: int = 5, max_chars: int = 600) -> dict:
    conv = Conversation(e)
    tally = Tally()
    t0 = time.perf_counter()
    for it in items:
        if ranker is None:
            replay_history(conv, it, k)
            a = conv.ask(it["question"], k)
            abstained = a.abstained
            shown = [(h.text, h.source) for h in a.hits]
        else:
            q = it["question"] if not it.get("history") else " ".join([*it["history"], it["question"]])
            abstained = False
            shown = [(e.passages[p].text, e.passages[p].source) for p in ranker(e, q, k)]
        tally.add(it, abstained, None if abstained else gold_rank(it, shown, k, max_chars))
    rates = tally.rates()
    return {
        "hit@1": rates["hit1"],
        "recall@3": rates["recall_at_3"],
        f"recall@{k}": rates["recall_at_k"],
        "mrr": rates["mrr"],
        "abstain": rates["abstain"] if tally.unanswerable else float("nan"),
        "false_abstain": rates["false_abstain"],
        "ms/q": 1000 * (time.perf_counter() - t0) / max(len(items), 1),
    }


def index_of(name: str, paths: list[Path], quantized: bool = False) -> Engine:
    target = OUT / (f"index-{name}-int8" if quantized else f"index-{name}")
    build([str(p) for p in paths], target, cache_dir=config.model_cache_dir(), quantized=quantized)
    return Engine.open(target)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--only", choices=["bot", "anchors", "all"], default="all")
    ap.add_argument("--skip-squad", action="store_true")
    ap.add_argument("--fp32", action="store_true", help="fp32 model weights (default: int8, as `qa index`)")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(OUT / "home"))

    rows: list[tuple[str, str, dict]] = []
    dev = [json.loads(line) for line in open(SHARED / "seed_dev.jsonl", encoding="utf-8") if line.strip()]
    sets = [("seed_dev", index_of("article", [config.bundled_article()], not args.fp32), dev)]
    if not args.skip_squad:
        docs, items = squad_items(args.squad_sample)
        sets.append((f"squad{args.squad_sample}", index_of("squad", [docs], not args.fp32), items))
    for set_name, engine, items in sets:
        if args.only in ("anchors", "all"):
            for name, fn in ANCHORS.items():
                rows.append((set_name, name, score(engine, items, fn)))
        if args.only in ("bot", "all"):
            rows.append((set_name, "bot", score(engine, items, None)))
    print(f"{'set':<12} {'pipeline':<8} " + " ".join(f"{c:>13}" for c in rows[0][2]))
    for set_name, name, m in rows:
        print(f"{set_name:<12} {name:<8} " + " ".join(f"{v:>13.3f}" for v in m.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
