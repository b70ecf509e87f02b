"""How often real news articles are question-and-answer interviews (qa.interview), on PolNeAR train.

    python bench/news30.py census

Reads PolNeAR train's 840 articles (never dev) paragraph by paragraph (blank-line paragraphs, the
first being the headline), marks each as an interviewer's question, an answer or neither
(qa.interview.mark) and counts the articles whose marks make at least two question-then-answer pairs
(qa.interview.answered), with the answers found; and, as the false-alarm check, the articles with
some marked paragraph that make no interview. Prints counts and file names only, no article text
beyond each marked paragraph's first 60 characters (bench/reports/news30.md keeps only the counts).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import interview  # noqa: E402

TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "docs.jsonl.gz"


def census() -> int:
    """Print the interview census of PolNeAR train.

    Returns:
        0.
    """
    with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
        docs = [json.loads(x) for x in f if x.strip()]
    interviews, answers, stray = [], 0, []
    for d in docs:
        paras = [p.strip() for p in d["text"].split("\n\n") if p.strip()][1:]
        marks = [interview.mark(p) for p in paras]
        got = interview.answered(marks)
        n = sum(1 for g in got if g is not None)
        if n:
            interviews.append((d["doc_id"], marks.count("q"), n))
            answers += n
        elif any(marks):
            stray.append((d["doc_id"], [p[:60] for p, m in zip(paras, marks, strict=True) if m]))
    print(f"{len(docs)} PolNeAR train articles")
    print(
        f"interviews (>= 2 question-then-answer pairs): {len(interviews)}, answer paragraphs read: {answers}"
    )
    for doc_id, q, n in interviews:
        print(f"    {doc_id}: {q} questions, {n} answer paragraphs")
    print(f"articles with a marked paragraph that make no interview (no paragraph read): {len(stray)}")
    for doc_id, lines in stray:
        print(f"    {doc_id}: {lines}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["census"]:
        raise SystemExit(__doc__)
    raise SystemExit(census())
