"""Round 33 (art33): answerable questions shown with the gold passage 2nd-5th, by why the first wins.

Reads bench/rank28.py's records (one per answerable question whose gold passage is a candidate of the
first reading) and keeps those the bot showed with the gold at rank 2-5 (`shown_rank`), not declined.
Each is put in the first class that holds, in this order:

- speaker-wrong: a speech question whose gold holds the asked speaker's words (direct or reported)
  and whose first passage is another speaker's or nobody's;
- credit-missed: a speech question whose first passage is the asked speaker's and whose gold is
  credited to another or to no one (the gold's attribution of the asked speaker is not indexed);
- own-quotes: both the asked speaker's (which of their passages is on the topic);
- type-gold-only: the question asks a loose answer type (qa.answer_type.question_type: a number,
  a time, a place, ...) that the gold holds and the first does not;
- type-first-only: the type is asked and the first holds it while the gold does not (the gold
  gives the answer in other words: "since 2011" for "how many years");
- type-both: the type is asked and both hold it (which value the question means);
- who-name: a "who/whom/whose" or "which <noun>" question of no speech reading;
- words: the first's lexical terms (bm25, sentence, passage_cov, phrase) lift it more than dense
  does: it shares more of the question's words and answers another question;
- dense: dense lifts the first most (the gold says it in other words the embedder ranks lower);
- rest: the other terms (a bonus of another stage: subject, typed, named, settles, ...).

A flag `multi` marks a gold passage of one sentence over MULTI characters (art30's multi-fact).

    QA_HOME=<copy of home> python bench/rank28.py --root /tmp/rs-m35 --sets h19 ... seed --jsonl art.jsonl
    python bench/art33.py art.jsonl news.jsonl > bench/reports/art33_census.md
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answer_type import has_evidence, question_type  # noqa: E402

# art30's cut for a gold passage that states several facts in one sentence (descriptive only).
MULTI = 200
LEXICAL = ("bm25", "sentence", "passage_cov", "phrase")
_WHO = re.compile(r"^\s*(?:and\s+)?(?:who|whom|whose)\b|^\s*(?:and\s+)?which\s+\w+", re.I)
ARTICLE = {"seed"} | {f"h{i}" for i in range(1, 40)}


def _pool(name: str) -> str:
    """The pool a read set belongs to.

    Args:
        name: the set name.
    Returns:
        "article", "news" or "para".
    """
    return "para" if name == "para" else "article" if name in ARTICLE else "news"


def cause(r: dict[str, Any]) -> str:
    """One miss's class (the module's docstring gives the order).

    Args:
        r: a bench/rank28.py record.
    Returns:
        The class name.
    """
    top, gold = r["top_rel"], r["gold_rel"]
    if r["speech"]:
        if gold.startswith("asked") and not top.startswith("asked"):
            return "speaker-wrong"
        if top.startswith("asked") and not gold.startswith("asked"):
            return "credit-missed"
        if top.startswith("asked") and gold.startswith("asked"):
            return "own-quotes"
    qtype = question_type(r["searched"])
    if qtype is not None:
        g, t = has_evidence(qtype, r["gold_text"]), has_evidence(qtype, r["top_text"])
        if g and not t:
            return "type-gold-only"
        if t and not g:
            return "type-first-only"
        return "type-both"
    if _WHO.search(r["question"]) and not r["speech"]:
        return "who-name"
    d = r["diff"]
    lexical = sum(d.get(k, 0.0) for k in LEXICAL)
    dense = d.get("dense", 0.0)
    rest = max((v for k, v in d.items() if k not in LEXICAL and k != "dense"), default=0.0)
    if lexical >= max(dense, rest) and lexical > 0:
        return "words"
    if dense >= rest and dense > 0:
        return "dense"
    return "rest"


def main() -> int:
    recs = [json.loads(x) for p in sys.argv[1:] for x in open(p, encoding="utf-8") if x.strip()]
    miss = [
        r for r in recs if r["shown_rank"] is not None and 2 <= r["shown_rank"] <= 5 and not r["declined"]
    ]
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in miss:
        by[cause(r)].append(r)
    pools: Counter[tuple[str, str]] = Counter()
    for c, rs in by.items():
        for r in rs:
            pools[(c, _pool(r["set"]))] += 1
    print(f"# art33 census: {len(miss)} answerable questions shown with the gold 2nd-5th\n")
    print(
        "| class | all | article (h1-h19, seed) | news (news-dev, nh1-nh18) | para | multi-fact gold | examples |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for c, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        multi = sum(len(r["gold_text"]) > MULTI and r["gold_text"].count(". ") == 0 for r in rs)
        ex = ", ".join(f"{r['set']} {r['id']}" for r in rs[:6])
        print(
            f"| {c} | {len(rs)} | {pools[(c, 'article')]} | {pools[(c, 'news')]} | {pools[(c, 'para')]} | {multi} | {ex} |"
        )
    print()
    for c, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {c} ({len(rs)})\n")
        for r in rs:
            d = sorted(r["diff"].items(), key=lambda kv: -kv[1])[:3]
            terms = ", ".join(f"{k} {v:+.3f}" for k, v in d)
            print(
                f"- {r['set']} {r['id']} (shown {r['shown_rank']}, margin {r['margin']:.3f}; {terms}): {r['question'][:90]}"
            )
            print(f"  - first: {r['top_text'][:110]}")
            print(f"  - gold: {r['gold_text'][:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
