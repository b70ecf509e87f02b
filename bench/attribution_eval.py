"""Fast attribution loop: run the analyser over a PolNeAR split's documents (no index, no embedding).

Writes one JSON line per attribution, the same fields `qa quotes --json` prints, then (unless
--no-score) scores them with ../shared/eval/attribution.py:

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/train.jsonl
    python ../shared/eval/attribution.py --corpus ../shared/eval/polnear/train --system /tmp/train.jsonl --show 20

Never use --show on dev or test: develop on train, only score dev.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution import analyse, quote_record  # noqa: E402

# ../shared next to the project (a worktree one level deeper also finds it).
SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)
SCORER = SHARED / "eval" / "attribution.py"


def load_docs(split: Path, limit: int = 0) -> list[tuple[str, str]]:
    """(doc_id, text) pairs of a split, read at run time and never stored.

    Args:
        split: the split folder holding docs.jsonl(.gz).
        limit: keep only the first `limit` documents (0: all).
    Returns:
        The documents in file order.
    """
    path = split / "docs.jsonl.gz"
    opener = gzip.open if path.exists() else open
    if not path.exists():
        path = split / "docs.jsonl"
    out: list[tuple[str, str]] = []
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        for line in f:
            d = json.loads(line)
            out.append((d["doc_id"], d["text"]))
            if limit and len(out) >= limit:
                break
    return out


def write_attributions(docs: list[tuple[str, str]], out: Path) -> int:
    """Write the analyser's attributions of `docs` as `qa quotes --json` lines.

    Args:
        docs: (doc_id, text) pairs, as load_docs gives them.
        out: the JSON lines file written.
    Returns:
        The number of attributions written.
    """
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for doc_id, text in docs:
            for q in analyse(text)[1]:
                f.write(json.dumps(quote_record(f"{doc_id}.txt", text, q)) + "\n")
                n += 1
    return n


def write_train_with(module: ModuleType, name: str, value: Any, out: Path) -> None:
    """Write PolNeAR train's attributions with one module-level setting changed, then restore it.

    Args:
        module: the analyser module holding the setting (e.g. index.attribution.attributor).
        name: the setting's name in it (e.g. "PP_HOPS").
        value: the value to run with.
        out: the JSON lines file written.
    Returns:
        None.
    """
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        write_attributions(load_docs(SHARED / "eval" / "polnear" / "train"), out)
    finally:
        setattr(module, name, saved)


def score_halves(out: Path) -> None:
    """Print bench/attribution_halves.py --guards figures (half A, half B, all) of a train run.

    Args:
        out: the JSON lines file write_train_with wrote.
    Returns:
        None.
    """
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "attribution_halves.py"), str(out), "--guards"], check=True
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-score", action="store_true")
    a = ap.parse_args()
    docs = load_docs(a.corpus, a.limit)
    t0 = time.perf_counter()
    n = write_attributions(docs, a.out)
    print(f"{len(docs)} docs, {n} attributions, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if not a.no_score:
        return subprocess.call(
            [sys.executable, str(SCORER), "--corpus", str(a.corpus), "--system", str(a.out)]
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
