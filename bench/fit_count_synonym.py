"""Measure qa.abstain.COUNT_SYNONYM: the counted-noun test of qa.rank takes a count of another noun
the model puts close to the asked one (qa.slots.same_noun at qa.slots.NOUN_COSINE), as the count
slot does ("up to 30,000 American soldiers" for "How many troops ...?").

    python bench/fit_count_synonym.py [--articles 60] [--seed 0] [--out bench/reports/abstention_count_synonym.md]

Two measures, both on PolNeAR train (public; texts read at run time, never stored):

1. Pairs. In each of the 840 articles, a number of 10 or more (no year) counting two different
   nouns ("30,000 troops" ... "30,000 soldiers") counts one thing twice: a positive pair; two
   different nouns counted with different numbers are a negative pair (mostly other things:
   "votes" and "delegates"). The rule takes a pair when same_noun holds: the share of positives
   taken is the answerable paraphrases it lets through, that of negatives the near misses it risks.
2. End to end. bench/typed_near_misses.count_set's generated questions ("How many <noun> did <subject>
   <verb>?", answerable controls and near misses asked of another subject), and GENERATED
   answerable paraphrases: each answerable control with its noun replaced by a noun that counts the
   same number in some article (a positive pair of measure 1). Each is asked with the test as before
   (COUNT_SYNONYM off) and as now, with every other gate on; the report gives declined and wrongly
   declined rates of both.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402
import switch_fit  # noqa: E402

from qa import abstain, slots  # noqa: E402

TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_IRREGULAR = frozenset("people men women children police".split())
GRID = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.725, 0.75, 0.8, 0.85]
MAX_NEG = 0.02  # as bench/fit_equivalents.py's MAX_FALSE_COVER


def plural_noun(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun (an "-s" plural or an irregular one)."""
    return word in _IRREGULAR or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isalpha()
    )


def counts(text: str) -> list[tuple[float, str]]:
    """(number, counted plural noun) for each count of a text (qa.slots.counted_words)."""
    out = []
    for sent in _SENTENCE.findall(text):
        for n, following in slots.counted_words(sent):
            noun = next((w.lower() for w in following if plural_noun(w.lower())), None)
            try:
                value = float(n.replace(",", ""))
            except ValueError:
                continue
            if noun and value >= 10 and not (1000 <= value <= 2099 and "," not in n):
                out.append((value, noun))
    return out


def pairs(docs: dict[str, str]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Positive (same number, different nouns) and negative (different numbers and nouns) pairs."""
    pos: set[tuple[str, str]] = set()
    neg: set[tuple[str, str]] = set()
    for text in docs.values():
        by_number: dict[float, set[str]] = defaultdict(set)
        for value, noun in counts(text):
            by_number[value].add(noun)
        for nouns in by_number.values():
            pos |= {
                (a, b) for a, b in itertools.permutations(sorted(nouns), 2) if a.rstrip("s") != b.rstrip("s")
            }
        for (v1, n1), (v2, n2) in itertools.combinations(list(by_number.items()), 2):
            neg |= {(a, b) for a in n1 for b in n2 if a.rstrip("s") != b.rstrip("s") and v1 != v2}
    neg -= pos
    return pos, neg


def read_docs() -> dict[str, str]:
    """PolNeAR train: doc_id -> text."""
    with gzip.open(TRAIN / "docs.jsonl.gz", "rt") as f:
        return {d["doc_id"]: d["text"] for d in map(json.loads, f)}


def ask(engine: object, items: list[dict], synonym: bool) -> list[bool]:
    """Whether each item was declined, with COUNT_SYNONYM as given."""
    from qa.session import Conversation

    with switch_fit.switched(abstain, "COUNT_SYNONYM", synonym):
        return [Conversation(engine).ask(it["question"]).abstained for it in items]  # type: ignore[arg-type]


def main() -> None:
    """Run both measures and print (or write) the report."""
    import typed_near_misses

    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    lines = ["# Counted nouns in other words (bench/fit_count_synonym.py)", ""]

    engine, items = typed_near_misses.count_set(args.seed)
    encode = lambda texts: engine.embedder.encode(texts)  # type: ignore[attr-defined]  # noqa: E731
    pos, neg = pairs(read_docs())
    rng = random.Random(args.seed)
    neg_sample = sorted(neg)
    neg_sample = rng.sample(neg_sample, min(2000, len(neg_sample)))
    cos_pos = {p: slots.noun_cosine(encode, *p) for p in sorted(pos)}
    cos_neg = {p: slots.noun_cosine(encode, *p) for p in neg_sample}
    lines += [
        "## Pairs (PolNeAR train, 840 articles): a threshold on slots.noun_cosine",
        "",
        f"{len(pos)} positive pairs (one number, two nouns), {len(neg_sample)} negative ones (two numbers,",
        "two nouns; a sample). Rule, as qa.equivalents.PARAPHRASE_COSINE's: the lowest cosine taking at",
        f"most {MAX_NEG:.0%} of the negatives.",
        "",
        "| cosine | positives taken | negatives taken |",
        "|---|---|---|",
    ]
    chosen = None
    for tau in GRID:
        p_rate = sum(c >= tau for c in cos_pos.values()) / max(1, len(cos_pos))
        n_rate = sum(c >= tau for c in cos_neg.values()) / max(1, len(cos_neg))
        lines.append(f"| {tau} | {p_rate:.3f} | {n_rate:.3f} |")
        if chosen is None and n_rate <= MAX_NEG:
            chosen = tau
    took_neg = sorted((c, p) for p, c in cos_neg.items() if chosen is not None and c >= chosen)
    lines += [
        "",
        f"Chosen: abstain.COUNT_SYNONYM_COSINE = {chosen} (in code: {abstain.COUNT_SYNONYM_COSINE}).",
        "",
        "Positives with their cosine: "
        + ", ".join(f"{a}~{b} {c:.2f}" for (a, b), c in sorted(cos_pos.items(), key=lambda x: -x[1])),
        "",
        "Negatives taken at the chosen cosine: "
        + ", ".join(f"{a}~{b} {c:.2f}" for c, (a, b) in took_neg[::-1]),
        "",
        "Nearest negatives below it: "
        + ", ".join(
            f"{a}~{b} {c:.2f}"
            for c, (a, b) in sorted(
                ((c, p) for p, c in cos_neg.items() if chosen is None or c < chosen), reverse=True
            )[:15]
        ),
        "",
    ]

    partner: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(pos):
        partner[a].append(b)
    para = []
    for it in items:
        if not it["answerable"]:
            continue
        m = re.match(r"How many (\w+) ", it["question"])
        if m and partner.get(m.group(1)):
            other = rng.choice(partner[m.group(1)])
            para.append(
                {**it, "question": it["question"].replace(m.group(1), other, 1), "kind": "count-para"}
            )
    sets = {
        "answerable controls (count)": [it for it in items if it["answerable"]],
        "near misses (count-other)": [it for it in items if not it["answerable"]],
        "generated paraphrases (count-para)": para,
    }
    lines += [
        f"## End to end (bench/typed_near_misses.count_set, seed {args.seed}; every gate on)",
        "",
        "| questions | n | declined, before (COUNT_SYNONYM off) | declined, now |",
        "|---|---|---|---|",
    ]
    for name, rows in sets.items():
        lines += switch_fit.rates(name, rows, ask(engine, rows, False), ask(engine, rows, True), 12)
    lines.append("")
    quality.publish(lines, args.out)


if __name__ == "__main__":
    main()
