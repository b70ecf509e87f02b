"""Why a REPORTED item's speaker is wrong on PolNeAR train (round 33b; never run on dev or test).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_reported_speakers.py /tmp/t.jsonl                 # counts by class, A / B
    python bench/attribution_reported_speakers.py /tmp/t.jsonl --show CLASS 10  # examples of a class
    python bench/attribution_reported_speakers.py /tmp/t.jsonl --spurious 40    # spurious reports

Takes e2e_speech's wrong-speaker rows (bench/attribution_speech_census.py: P and R) whose system item
is reported speech (not direct) and files each by the first test that holds:
  none               we name no speaker
  silver             the gold name came from PolNeAR's (silver) coreference of a pronoun/description
  same-mention/...   our source span overlaps the gold's source span; split by what the gold's source
                     text looks like: possessive ("X's spokesman"), coordination ("X and Y"),
                     apposition/comma, organisation (ours names it, gold names a person inside it or
                     the reverse), other
  other-mention/...  our source is another span: our speaker's name inside the gold source text
                     (partial: "Trump spokeswoman Hicks" -> Trump), the gold's name within 80
                     characters before the cue (a nearer subject was taken), else far
  no-mention         our item has no source mention (carried or guessed)
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
from attribution_speech_census import census  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "it", "you"}


def classify(sc: Any, text: str, g: dict[str, Any], sy: dict[str, Any]) -> str:
    """The class of one wrong-speaker reported item (see the module docstring).

    Args:
        sc: the scorer module; text: the document; g: the gold; sy: our item.
    Returns:
        The class name.
    """
    if not sy["speaker"]:
        return "none"
    name = sc.gold_name(g, text) or ""
    st = (g.get("source_text") or "").strip()
    if g.get("source_resolved_by") == "coref" and name == g.get("source_resolved"):
        return "silver/" + ("pron" if st.lower() in PRONOUNS else "desc")
    m, gs = sy.get("mention"), g.get("source")
    ours = sc.surname(sy["speaker"])
    if m is None:
        return "no-mention"
    if gs and min(gs[1], m["end"]) > max(gs[0], m["start"]):
        if re.search(r"['’]s?\b", st):
            return "same-mention/possessive"
        if re.search(r"\band\b|&", st):
            return "same-mention/coordination"
        if "," in st or "(" in st:
            return "same-mention/apposition"
        if ours and ours in st.lower():
            return "same-mention/part-of-source"
        return "same-mention/other"
    if ours and re.search(r"\b" + re.escape(ours) + r"\b", st.lower()):
        return "other-mention/ours-inside-gold-source"
    cue = g.get("cue") or gs or [g["content"][0][0], g["content"][0][0]]
    near = text[max(0, cue[0] - 80) : cue[0] + 1].lower()
    gsur = sc.surname(name)
    if gsur and re.search(r"\b" + re.escape(gsur) + r"\b", near):
        return "other-mention/gold-near"
    return "other-mention/far"


def show(text: str, g: dict[str, Any] | None, sy: dict[str, Any], name: str) -> str:
    """Lines showing a case: the gold's source and content, ours, and the sentence around.

    Args:
        text: the document; g: the gold (None for a spurious item); sy: our item; name: gold name.
    Returns:
        The printable block.
    """
    at = min([sy["start"], *(a for a, _b in (g["content"] if g else []))])
    if g and g.get("source"):
        at = min(at, g["source"][0])
    if sy.get("mention"):
        at = min(at, sy["mention"]["start"])
    end = max([sy["end"], *(b for _a, b in (g["content"] if g else []))])
    out = []
    if g:
        out.append(f"  gold: {name!r} src {g.get('source_text')!r} cue {g.get('cue_text')!r}")
    mt = text[sy["mention"]["start"] : sy["mention"]["end"]] if sy.get("mention") else None
    out.append(f"  ours: {sy['speaker']!r} mention {mt!r} verb {sy.get('verb')!r}")
    out.append("  text: " + re.sub(r"\s+", " ", text[max(0, at - 120) : end + 40]))
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system")
    ap.add_argument("--show", nargs=2, metavar=("CLASS", "N"))
    ap.add_argument("--spurious", type=int, default=0, help="print N spurious reports")
    ap.add_argument("--half", choices=("A", "B", "all"), default="all")
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, _b = halves(list(docs))
    out = census(sc, docs, gold, args.system)
    keep = {"A": a, "B": set(docs) - a, "all": set(docs)}[args.half]
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_class: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = collections.defaultdict(list)
    for side in ("P", "R"):
        for d, g, sy in out.get(f"{side}:wrong-speaker", []):
            if sy["direct"] or g["direct"]:
                continue
            k = classify(sc, docs[d], g, sy)
            counts[k][side + ("A" if d in a else "B")] += 1
            if d in keep:
                by_class[k].append((d, g, sy))
    print(f"{'class (reported, wrong speaker)':<40}{'P A':>6}{'P B':>6}{'R A':>6}{'R B':>6}")
    for k, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{k:<40}{c['PA']:>6}{c['PB']:>6}{c['RA']:>6}{c['RB']:>6}")
    if args.show:
        cases = by_class.get(args.show[0], [])
        for d, g, sy in random.Random(1).sample(cases, min(int(args.show[1]), len(cases))):
            print(f"### {d}\n" + show(docs[d], g, sy, sc.gold_name(g, docs[d]) or ""))
    if args.spurious:
        cases = [c for c in out.get("P:spurious/rep", []) if c[0] in keep]
        for d, _g, sy in random.Random(1).sample(cases, min(args.spurious, len(cases))):
            print(f"### {d}\n" + show(docs[d], None, sy, ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
