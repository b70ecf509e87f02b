"""Where the source we took stands against the gold's, for the wrong speakers of PolNeAR train (round 28).

Report: bench/reports/attribution_round28a.md.

Round 26 (bench/attribution_absent.py) filed every wrong speaker by reason and found the right entity
already a candidate for half of them: the loss is in choosing among the names of the sentence. This
counts, per half (bench/attribution_halves.py) and for the reasons given, where our source mention
stands against the gold's source mention:

- "gold source before ours": the gold's source opens the sentence and we took a later name (inside an
  apposition, "Tom Roe, an aide to Ames, said"; or an inner clause's, "+that");
- "ours before gold": we took an earlier name (an opening phrase's, "In his YouTube videos, Roe ...",
  or our words run over a second clause with its own source, the spans' side);
- "overlap": the two mentions overlap (a list or a described name read in part);
- "no mention": our item has no source mention of its own (a guess);
- "other paragraph": the two stand in different paragraphs.

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_choosing.py /tmp/t.jsonl                           # the three reasons of issue 8
    python bench/attribution_choosing.py /tmp/t.jsonl --reasons nested,another --show "ours before gold" --n 20

Develop on train only; never run it on dev or test.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from attribution_speaker_errors import _judge, _labels, error_class  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

# The reasons of attribution_round26.md this round works on (error_class's names, matched as substrings).
CHOOSING = ("nested", "another source", "organisation")
_STOP = re.compile(r"[.!?][\"”']?\s")


def placement(text: str, g: dict[str, Any], sy: dict[str, Any]) -> str:
    """Where our source mention stands against the gold's source.

    Args:
        text: the document; g: the gold attribution; sy: our item matched to it.
    Returns:
        One of the placements of the module docstring.
    """
    m, gs = sy.get("mention"), g.get("source")
    if m is None or gs is None:
        return "no mention"
    lo, hi = min(gs[1], m["start"]), max(gs[0], m["start"])
    if "\n" in text[lo:hi]:
        return "other paragraph"
    if gs[1] <= m["start"]:
        between = text[gs[1] : m["start"]]
        if re.search(r"\bthat\b", between):
            return "gold source before ours +that"
        return "gold source before ours +sentence" if _STOP.search(between) else "gold source before ours"
    if m["end"] <= gs[0]:
        return "ours before gold +sentence" if _STOP.search(text[m["end"] : gs[0]]) else "ours before gold"
    return "overlap"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", help="bench/attribution_eval.py's JSON lines on train")
    ap.add_argument("--reasons", default=",".join(CHOOSING), help="error_class reasons, comma-separated")
    ap.add_argument("--show", default="", help="print examples of this placement")
    ap.add_argument("--n", type=int, default=10, help="how many examples")
    a = ap.parse_args()
    want = a.reasons.split(",")
    sc = load_scorer()
    docs0, gold0 = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    labels = _labels()
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    shown: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = []
    for half, keep in zip("AB", halves(list(docs0)), strict=True):
        docs = {k: v for k, v in docs0.items() if k in keep}
        gold = [g for g in gold0 if g["doc_id"] in keep]
        gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for g in gold:
            gold_by[g["doc_id"]].append(g)
        cases, _judged = _judge(sc, docs, gold, a.system)
        for k, d, g, sy, name in cases:
            if labels.get((d, (g.get("source") or [-1])[0])) == "reference":
                continue  # PolNeAR's own coreference (hand-labelled): no choosing of ours
            if not any(w in error_class(sc, docs[d], gold_by[d], k, g, sy, name) for w in want):
                continue
            where = placement(docs[d], g, sy)
            counts[(where, half)] += 1
            if where == a.show:
                shown.append((d, g, sy, name, docs[d]))
    print("| placement | A | B |\n|---|---:|---:|")
    for where in sorted({w for w, _ in counts}):
        print(f"| {where} | {counts[(where, 'A')]} | {counts[(where, 'B')]} |")
    for d, g, sy, name, text in random.Random(5).sample(shown, min(a.n, len(shown))):
        m, gs = sy.get("mention") or {}, g.get("source") or [0, 0]
        lo = max(0, min(gs[0], m.get("start", gs[0])) - 80)
        hi = max(gs[1], m.get("end", gs[1]), sy["start"]) + 120
        print(
            f"\n## {d}: gold {name!r} ({g.get('source_text')!r}); ours {sy['speaker']!r} ({sy.get('source_text')!r})"
        )
        print("  ", text[lo:hi].replace("\n", " ¶ "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
