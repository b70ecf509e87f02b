"""What index.structure labels headline, byline and date line at the top and end of real news articles.

    python bench/author_lines.py [--corpus ../shared/eval/polnear/train] [--sample 50] [--seed 0]

Closing author lines ("Jane Roe is a columnist for ...", "Follow Jane Roe on Twitter") and date
lines ("Friday, December 4, 2015.") are checked on PolNeAR train's 840 plain-text articles: every
paragraph among each article's first and last three that the labeller calls byline or dateline is
listed on stdout with its article (for reading a sample and counting false positives), and a
sample of `--sample` of the author lines is printed apart. Each article's first paragraph is
its headline in PolNeAR (a plain-text article: the headline, sometimes "headline; subheadline"
on two lines, then the body): how many of them the labeller calls headline is counted, and the
ones it does not are listed on stdout. The report (bench/reports/author_lines.md)
holds counts only: no PolNeAR text goes into the project (../shared/eval/polnear/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import chunk, structure  # noqa: E402


def paragraphs(text: str) -> list[str]:
    """The article's paragraphs as the indexer splits them (index.chunk.paragraphs: blank lines
    separate paragraphs; a headline and its subheadline on two lines stay one)."""
    return [text[a:b] for a, b in chunk.paragraphs(text)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "polnear" / "train")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "reports" / "author_lines.md")
    args = ap.parse_args()
    with gzip.open(args.corpus / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    counts: Counter[tuple[str, str]] = Counter()
    authors: list[tuple[str, str]] = []
    for d in docs:
        paras = paragraphs(d["text"])
        kinds = structure.classify(paras)
        clean = [structure._clean(p) for p in paras]
        n = len(paras)
        counts[(f"first paragraph: {kinds[0]}", "top")] += 1
        if kinds[0] != "headline":
            print(f"not headline {d['doc_id'][:40]:40} | {clean[0][:160]}")
        for i in sorted({*range(min(3, n)), *range(max(0, n - 3), n)}):
            if kinds[i] not in ("byline", "dateline"):
                continue
            where = "top" if i < 3 else "end"
            rule = "pattern"
            if where == "end" and structure._is_author_line(clean, i):
                rule = "author line"
            elif where == "end" and structure._is_signature(clean, i):
                rule = "signature"
            counts[(f"{kinds[i]} ({rule})", where)] += 1
            print(f"{kinds[i]:8} {where} {rule:11} {d['doc_id'][:40]:40} | {clean[i][:160]}")
            if rule in ("author line", "signature"):
                authors.append((d["doc_id"], clean[i]))
    random.Random(args.seed).shuffle(authors)
    print(f"\n--- sample of {min(args.sample, len(authors))} of {len(authors)} author lines")
    for doc_id, line in authors[: args.sample]:
        print(f"{doc_id[:40]:40} | {line[:200]}")
    lines = [
        "# Headlines, bylines and date lines at the top and end of real news (bench/author_lines.py)",
        "",
        f"`{os.path.relpath(args.corpus, REPO)}`: {len(docs)} articles; paragraphs among each one's first and last three.",
        "",
        "| kind (rule) | where | paragraphs |",
        "|---|---|---|",
        *(f"| {k} | {w} | {c} |" for (k, w), c in sorted(counts.items())),
        "",
        "Read by hand (the author lines are printed on stdout, never kept here): see",
        "bench/reports/parts_closing.md.",
        "",
        f"Read by hand at index.structure VERSION {structure.VERSION} (round 14): the 4 signatures all sign",
        "their article (two reporters, a wire agency, a letter writer and her town); the 6 first",
        "paragraphs left body are all headlines (over 30 words or 16 outside title case, a quotation",
        "mark, a lower-case start, a subheadline of several sentences). At VERSION 3 the labeller called",
        "709 of the 840 first paragraphs headline: one-line headlines of two sentences, of 17-30 words in",
        "title case, starting with a number, or running into a subheadline of 17+ words were body.",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
