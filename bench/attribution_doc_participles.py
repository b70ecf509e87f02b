"""Census of the "document + participle" shape on PolNeAR train (round 32, attr32).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_doc_participles.py /tmp/t.jsonl          # counts per half
    python bench/attribution_doc_participles.py /tmp/t.jsonl --show   # every match with its context

Finds, with a deliberately loose pattern (any determiner, a document noun, at most five words, then a
speech participle), every place a participle follows a document without a comma ("issued a statement
saying", "sent a letter urging"). For each one it records whether a gold's content starts where the
participle ends, and whether an item of the system already covers that point. This is the origin of
index.attribution.attributor's `_DOC_PARTICIPLE` and its guards (bench/reports/attribution_round32.md).
Dev is never read.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from attribution_speech_losses import aligned  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

_NOUNS = (
    r"(?:statement|letter|tweets?|report|response|memo|e-?mail|message|release|note|post|video|ad|op-ed|"
    r"article|column|filing|lawsuit|complaint|interview|speech|ruling|editorial|notice)"
)
_PART = (
    r"(?:saying|stating|declaring|arguing|claiming|asserting|warning|urging|asking|calling\s+for|noting|"
    r"announcing|confirming|suggesting|explaining|insisting|accusing|detailing|highlighting|praising|"
    r"criticizing|denying|demanding)"
)
_LOOSE = re.compile(
    rf"\b(?:a|an|the|his|her|their|its|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){{0,2}}?{_NOUNS}\b"
    rf"(?:\s+[^.,;:!?\"“”]{{0,40}}?)?,?\s+(?P<p>{_PART})\b[,:]?\s*(?:that\s+)?"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", help="the system's JSON lines (bench/attribution_eval.py --out)")
    ap.add_argument("--show", action="store_true", help="print every match with its context")
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, _b = halves(list(docs))
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for d, text, golds, syss in aligned(sc, docs, gold, args.system):
        starts = [g["content"][0][0] for g in golds]
        spans = [(r["start"], r["end"]) for r in syss]
        for m in _LOOSE.finditer(text):
            e = m.end()
            hit = any(abs(s - e) <= 6 for s in starts)
            ours = any(s <= e + 3 and f > e for s, f in spans)
            key = ("A" if d in a else "B", "gold" if hit else "no gold", "ours" if ours else "none")
            counts[key] += 1
            if args.show:
                print(key, "|", re.sub(r"\s+", " ", text[max(0, m.start() - 80) : e + 80]))
    for k, v in sorted(counts.items()):
        print(f"{k[0]}  {k[1]:8} {k[2]:5} {v:4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
