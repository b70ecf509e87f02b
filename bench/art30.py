"""Round 30 (art30): the article pool's speaker and fact questions ranked below first, by cause.

Reads bench/rank28.py's records (one per answerable question whose gold passage is a candidate) and
sorts each speaker or fact miss of the first reading into one cause, checked in this order:

- caption: the top passage is the photo caption (a caption outranks the body sentence);
- country-as-leader: a speech question whose speaker the question gives as a country or capital
  alone, the leader's own words over a gold credited to no one (the writer's account);
- attribution: the gold passage credits someone else, the top credits the asked speaker (the gold's
  own attribution of the asked speaker was not found by the analyser);
- both-own-quotes: top and gold both the asked speaker's direct quotes (paraphrase: named, dense);
- not-read-as-speech: a speaker question read as no speech question (a "which leader" question);
- multi-fact: the gold passage, credited to no one, states several facts in one long sentence (MULTI
  characters or more);
- other: the rest (near ties between word matching and dense).

    python bench/rank28.py --root /tmp/rs-base30 --sets h1 ... h17 seed --jsonl /tmp/art30/terms_art.jsonl
    python bench/art30.py /tmp/art30/terms_art.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from typing import Any

# A gold passage longer than this holding one sentence states several facts (the bundled article's
# "The US wants Assad to step down and ... displaced both internally and abroad seeking refuge." is
# 235 characters); a descriptive cut, no weight of the system.
MULTI = 200
CAPTION = "addresses attendees"  # the bundled article's one photo caption
COUNTRY_WORDS = ("moscow", "russia", "kremlin", "washington", "damascus", "tehran")


def cause(r: dict[str, Any]) -> str:
    """One miss's cause (the module's docstring gives the order).

    Args:
        r: a bench/rank28.py record.
    Returns:
        The cause's name.
    """
    q = r["question"].lower()
    if CAPTION in r["top_text"]:
        return "caption"
    if (
        r["speech"]
        and r["gold_rel"] == "unattributed"
        and r["top_rel"] == "asked-direct"
        and any(w in q for w in COUNTRY_WORDS)
    ):
        return "country-as-leader"
    if r["top_rel"] == "asked-reported" and r["gold_rel"] == "other-speaker":
        return "attribution"
    if r["top_rel"] == "asked-direct" and r["gold_rel"] == "asked-direct":
        return "both-own-quotes"
    if r["category"] == "speaker" and not r["speech"]:
        return "not-read-as-speech"
    if r["gold_rel"] == "unattributed" and len(r["gold_text"]) >= MULTI and r["gold_text"].count(". ") == 0:
        return "multi-fact"
    return "other"


def main() -> int:
    recs = [json.loads(x) for x in open(sys.argv[1], encoding="utf-8") if x.strip()]
    miss = [r for r in recs if r["final_rank"] > 1 and r["category"] in ("speaker", "fact")]
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in miss:
        by[cause(r)].append(r)
    print(
        f"{len(miss)} speaker and fact questions ranked below first (of {len(recs)} with the gold a candidate)"
    )
    print("| cause | n | speaker | fact | questions |")
    print("|---|---|---|---|---|")
    for c, rs in sorted(by.items(), key=lambda x: -len(x[1])):
        sp = sum(r["category"] == "speaker" for r in rs)
        ids = ", ".join(f"{r['set']} {r['id']}" for r in rs)
        print(f"| {c} | {len(rs)} | {sp} | {len(rs) - sp} | {ids} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
