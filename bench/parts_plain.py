"""Which article parts index.structure finds in plain-text news, and which labels a change moves.

    python bench/parts_plain.py [--corpus ../shared/eval/polnear/train] [--sample 8] [--seed 0]
                                [--dump LABELS.json] [--against LABELS.json]

Counts, over PolNeAR train's 840 plain-text articles, the paragraphs of each kind (credit,
caption, byline, footer, date line, headline, standfirst) and the first paragraphs below the
headline that open with a dateline ("BERLIN - ...", index.structure.dateline_opening), and prints
`--sample` of each furniture kind per article source on stdout, for reading their precision by
hand. No PolNeAR text goes into the report (../shared/eval/polnear/README.md): it holds counts.

`--dump` writes every paragraph's kind over all the corpora the labels must hold on (PolNeAR
train, news-dev's documents, the bundled article, bench/data/articles and role_articles, SQuAD
dev's documents) to a JSON file; `--against` an earlier dump (made by the code before a change:
run this script from that checkout) prints every paragraph whose kind differs, with its text,
and counts them per corpus (`--code DIR` labels with the checkout in DIR, for the dump before a
change; `--extra DIR` adds a folder of documents, e.g. bench/news_heldout_docs.py's). Documents are read as the indexer reads them (index.ingest: a web
page's stated parts), one pseudo-passage per paragraph (labels are per paragraph).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# --code DIR: label with another checkout's index.structure (the code before a change, for --dump)
CODE = Path(sys.argv[sys.argv.index("--code") + 1]).resolve() if "--code" in sys.argv else REPO
sys.path.insert(0, str(CODE))

from index import chunk, ingest, structure  # noqa: E402
from index.model import Chunk, Skipped  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
FURNITURE = ("credit", "caption", "byline", "footer", "dateline", "standfirst")


def kinds_of(text: str, parts: tuple[tuple[int, int, str], ...] = ()) -> list[str]:
    """The kind of each paragraph of a document, as index.build labels its passages.

    Args:
        text: the document's text.
        parts: the (start, end, kind) spans its source states (a web page's markup).
    Returns:
        One kind per paragraph (index.chunk.paragraphs).
    """
    chunks = [Chunk(a, b, i + 1) for i, (a, b) in enumerate(chunk.paragraphs(text))]
    return [c.kind for c in structure.label(text, chunks, parts)]


def polnear(corpus: Path) -> list[dict[str, str]]:
    """PolNeAR's documents (doc_id, text)."""
    with gzip.open(corpus / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def documents(extra: list[Path]) -> Iterator[tuple[str, str, str, tuple[tuple[int, int, str], ...]]]:
    """(corpus, key, text, stated parts) of every document the labels must hold on, and those of
    the folders `extra` (each a corpus named by the folder)."""
    for d in polnear(SHARED / "polnear" / "train"):
        yield "polnear-train", d["doc_id"], d["text"], ()
    files = [
        ("news-dev", sorted((SHARED / "news-dev" / "docs").iterdir())),
        ("article", [REPO / "index" / "article.txt"]),
        ("articles", sorted((REPO / "bench" / "data" / "articles").iterdir())),
        ("role_articles", sorted((REPO / "bench" / "data" / "role_articles").iterdir())),
        *((d.name, sorted(d.iterdir())) for d in extra),
    ]
    for corpus, paths in files:
        for p in paths:
            doc = ingest.read(p)
            if not isinstance(doc, Skipped):
                yield corpus, p.name, doc.text, doc.parts
    with open(SHARED / "squad-v1.1-dev" / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            yield "squad-dev", str(d.get("doc_id", d.get("title", ""))), d["text"], ()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "polnear" / "train")
    ap.add_argument("--sample", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--against", type=Path)
    ap.add_argument("--code", type=Path, help="label with this checkout's index.structure")
    ap.add_argument("--extra", type=Path, nargs="*", default=[])
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "reports" / "parts_plain_labels.md")
    args = ap.parse_args()

    if args.dump or args.against:
        labels = {f"{c}/{k}": (kinds_of(t, parts), t, parts) for c, k, t, parts in documents(args.extra)}
        if args.dump:
            args.dump.write_text(json.dumps({k: v[0] for k, v in labels.items()}), encoding="utf-8")
        if args.against:
            old = json.loads(args.against.read_text(encoding="utf-8"))
            changed: Counter[str] = Counter()
            for key, (kinds, text, _) in labels.items():
                before = old.get(key)
                spans = chunk.paragraphs(text)
                for i, k in enumerate(kinds):
                    was = before[i] if before and i < len(before) else None
                    if was != k:
                        changed[key.split("/", 1)[0]] += 1
                        line = " ".join(text[spans[i][0] : spans[i][1]].split())[:150]
                        print(f"{was} -> {k} {key[:50]} {i}/{len(kinds)} | {line}")
            print("changed paragraphs per corpus:", dict(changed) or "none")
        return

    docs = polnear(args.corpus)
    counts: Counter[str] = Counter()
    found: dict[str, list[tuple[str, str]]] = {
        k: [] for k in (*FURNITURE, "dateline opening", "dated dateline opening")
    }
    for d in docs:
        text = d["text"]
        spans = chunk.paragraphs(text)
        kinds = kinds_of(text)
        counts["paragraphs"] += len(kinds)
        for (a, b), k in zip(spans, kinds, strict=True):
            if k != "body":
                counts[k] += 1
                if k in found:
                    found[k].append((d["doc_id"], " ".join(text[a:b].split())))
        lede = next((i for i, k in enumerate(kinds) if k == "body"), None)
        if (
            lede is not None
            and lede < 4
            and structure.dateline_opening(text[spans[lede][0] : spans[lede][1]])
        ):
            counts["dateline opening"] += 1
            a, b = spans[lede]
            found["dateline opening"].append((d["doc_id"], " ".join(text[a:b].split())[:60]))
            dated = getattr(structure, "dateline_dated", None)  # absent before round 16 (--code)
            if dated is not None and dated(text[a:b]):
                counts["dated dateline opening"] += 1
                found["dated dateline opening"].append((d["doc_id"], " ".join(text[a:b].split())[:60]))
    rng = random.Random(args.seed)
    for kind, lines in found.items():
        by_source: dict[str, list[tuple[str, str]]] = {}
        for doc_id, line in lines:
            by_source.setdefault(doc_id.split("_", 1)[0], []).append((doc_id, line))
        print(f"\n--- {kind}: {len(lines)}")
        for _source, items in sorted(by_source.items()):
            for doc_id, line in rng.sample(items, min(args.sample, len(items))):
                print(f"{doc_id[:40]:40} | {line[:160]}")
    rows = [
        "# Article parts of plain-text news (bench/parts_plain.py)",
        "",
        f"`{os.path.relpath(args.corpus, REPO)}`: {len(docs)} articles, {counts['paragraphs']} paragraphs;"
        f" index.structure VERSION {structure.VERSION}.",
        "",
        "| kind | paragraphs |",
        "|---|---|",
        *(f"| {k} | {counts[k]} |" for k in ("headline", *FURNITURE)),
        f"| first body paragraph opening with a dateline | {counts['dateline opening']} |",
        f"| ... a dateline giving its date (index.structure.dateline_dated) | {counts['dated dateline opening']} |",
        "",
        "The lines themselves are printed on stdout (never kept here); their reading by hand is in",
        "bench/reports/parts_plain.md.",
    ]
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
