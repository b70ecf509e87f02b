"""Why the right speaker is not among the analyser's candidates (issue 8, round 26).

Report: bench/reports/attribution_round26.md.

Round 24 measured that a fitted chooser among today's candidates (previous, next, most frequent
explicit speaker) could win 0.6 points at most: most wrong speakers are not candidates. This files
every wrong speaker of PolNeAR train (per half, bench/attribution_halves.py) under the reason the
right entity is absent, the kinds issue 8 names:

- reference: PolNeAR's silver resolution names the wrong person (hand-labelled, round 22);
- nested: the gold credits an outer attribution around our source (we found only the inner one);
- list: the gold's source is a coordination ("Sanders and his aides") and we took another conjunct;
- name form: one person under two names, or two under one (our speaker shares a word with the gold's);
- org vs person: an organisation against its spokesperson (or the reverse);
- description: a description ("the official") never bound to the gold's name;
- pronoun, by where the gold's entity was last named before the pronoun: the same paragraph,
  an earlier paragraph (beyond a paragraph window), or nowhere before it (a cataphor or gold noise);
- guessed: a quotation with no source of its own;
- other source: another mention outside the gold's content taken (broad belief cues);
- own source misread: the rest.

And for each: is the gold's entity a candidate at all, i.e. named by one of our items' speakers in
the document (`cand`), or only written in the text before the gold (`text`), or neither (`none`).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_absent.py /tmp/t.jsonl

Develop on train only; never run it on dev or test.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from attribution_speaker_errors import _judge, _labels, error_class  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402


def pronoun_place(text: str, g: dict[str, Any], name: str, sc: Any) -> str:
    """Where the gold's entity was last named before its pronoun source.

    Args:
        text: the document; g: the gold (its `source` span); name: the gold's name; sc: the scorer.
    Returns:
        "same paragraph", "earlier paragraph" or "not before".
    """
    at = (g.get("source") or g["content"][0])[0]
    last = sc.surname(name)
    if not last:
        return "not before"
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(last)}\b", text[:at], re.I)]
    if not hits:
        return "not before"
    return "earlier paragraph" if "\n" in text[hits[-1] : at] else "same paragraph"


def candidate(sc: Any, text: str, items: list[dict[str, Any]], g: dict[str, Any], name: str) -> str:
    """Whether the gold's entity is among our speakers of the document, only in its text, or neither.

    Args:
        sc: the scorer; text: the document; items: our items of the document; g: the gold; name: its name.
    Returns:
        "cand", "text" or "none".
    """
    last = sc.surname(name)
    if any(sc.surname(i.get("speaker")) == last for i in items if i.get("speaker")):
        return "cand"
    if last and re.search(rf"\b{re.escape(last)}\b", text, re.I):
        return "text"
    return "none"


def classify(
    sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str
) -> collections.Counter[str]:
    """Count the wrong speakers by reason and candidacy.

    Args:
        sc: the scorer; docs, gold: one half of train; path: the system's JSON lines.
    Returns:
        Counts keyed "reason | candidacy".
    """
    items: dict[str, list[dict[str, Any]]] = {}
    cases, _judged = _judge(sc, docs, gold, path, items)
    labels = _labels()
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    out: collections.Counter[str] = collections.Counter()
    for k, d, g, sy, name in cases:
        text = docs[d]
        if labels.get((d, (g.get("source") or [-1])[0])) == "reference":
            reason = "reference (silver coreference, hand-labelled)"
        else:
            reason = error_class(sc, text, gold_by[d], k, g, sy, name)
            if reason == "pronoun antecedent":
                reason += ": " + pronoun_place(text, g, name, sc)
        out[f"{reason} | {candidate(sc, text, items.get(d, []), g, name)}"] += 1
    return out


def main(path: str) -> int:
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    counts = {}
    for half, keep in zip("AB", halves(list(docs)), strict=True):
        hd = {k: v for k, v in docs.items() if k in keep}
        counts[half] = classify(sc, hd, [g for g in gold if g["doc_id"] in keep], path)
    reasons: collections.Counter[str] = collections.Counter()
    for c in counts.values():
        for key, n in c.items():
            reasons[key.split(" | ")[0]] += n
    print("| reason | A | B | of them a candidate (cand / only in text / none), A+B |")
    print("|---|---:|---:|---|")
    for r, _n in reasons.most_common():
        a = sum(n for key, n in counts["A"].items() if key.split(" | ")[0] == r)
        b = sum(n for key, n in counts["B"].items() if key.split(" | ")[0] == r)
        cands = [sum(c[f"{r} | {x}"] for c in counts.values()) for x in ("cand", "text", "none")]
        print(f"| {r} | {a} | {b} | {cands[0]} / {cands[1]} / {cands[2]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
