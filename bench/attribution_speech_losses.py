"""Where e2e_speech F1 is lost on a PolNeAR split (develop on train only; never on dev or test).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/train.jsonl
    python bench/attribution_speech_losses.py /tmp/train.jsonl                  # counts by kind
    python bench/attribution_speech_losses.py /tmp/train.jsonl R-miss/rep 20    # and 20 examples
    python bench/attribution_speech_losses.py /tmp/train.jsonl R-miss/rep 0 --cues  # cue words

Matches system items to gold as ../shared/eval/attribution.py does (its own functions, imported at
run time) and splits the judged golds of speech (a direct quote, or a report whose cue is a speech
word) and the system items behind e2e_speech precision:
  R-ok, R-miss/<direct|rep>, R-wrong/<direct|rep>/<wrong|null>  recall: found right, not found, found
                                                                with another speaker (or none)
  P-ok, P-wrong, P-nogold/<direct|rep>/<spk|null>               precision: system items whose best
                                                                gold is judged speech, right or
                                                                wrong, and items matching no gold
`--titles` counts the cases of each kind inside the document's first line or sentence (its headline).
Round 16 (attr14): headline recall was 35 of the 418 missed reports of speech on train.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from fit_attribution import SHARED, load_scorer  # noqa: E402

Case = tuple[str, dict[str, Any] | None, dict[str, Any] | None]  # doc, gold, system item


def title_end(text: str) -> int:
    """The end of a document's headline: its first line or first sentence, whichever ends first.

    Args:
        text: the document.
    Returns:
        The offset where the headline ends.
    """
    m = re.search(r"\.\s", text)
    n = text.find("\n")
    return min(m.end() if m else len(text), n if n >= 0 else len(text))


def aligned(
    sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str
) -> Iterator[tuple[str, str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """Each document with its golds and its system items aligned to its text, as the scorer aligns.

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines.
    Returns:
        (doc id, text, golds, system items with start/end aligned; empty spans dropped) per document.
    """
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    sys_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        sys_by[sc.doc_key(r["doc"], docs)].append(r)
    for d, text in docs.items():
        al = sc.Aligner(text)
        syss = []
        for r in sys_by.get(d, []):
            s, e, _how = al.align(r.get("start"), r.get("end"), r.get("text"))
            if e > s:
                syss.append({**r, "start": s, "end": e})
        yield d, text, gold_by.get(d, []), syss


@dataclasses.dataclass
class Matches:
    """How one document's system items meet its golds, as the scorer matches them (an overlap of at
    least half the shorter span), with the overlaps below that kept for boundary studies."""

    best_of: list[int | None]  # per system item: the gold it matches best
    gbest: dict[int, tuple[float, int]]  # gold -> (share, the system item matching it best)
    partial_of: list[int | None]  # per system item: the gold it overlaps most, below the threshold
    partial_g: dict[int, int]  # gold -> the system item overlapping it most, below the threshold


def match(sc: Any, golds: list[dict[str, Any]], syss: list[dict[str, Any]]) -> Matches:
    """Match a document's system items to its golds as ../shared/eval/attribution.py does.

    Args:
        sc: the scorer module; golds: the document's golds; syss: its aligned system items.
    Returns:
        The matches, and the overlaps too small to match.
    """
    out = Matches([], {}, [], {})
    part_ov: dict[int, int] = {}
    for si, sy in enumerate(syss):
        slen, best, part = sy["end"] - sy["start"], None, None
        for gi, g in enumerate(golds):
            glen = sum(b - a for a, b in g["content"])
            ov = sc.overlap(sy["start"], sy["end"], g["content"])
            if ov > 0 and ov >= 0.5 * min(glen, slen):
                share = ov / max(glen, slen)
                if best is None or share > best[0]:
                    best = (share, gi)
                if gi not in out.gbest or share > out.gbest[gi][0]:
                    out.gbest[gi] = (share, si)
            elif ov > 0:
                if part is None or ov > part[0]:
                    part = (ov, gi)
                if ov > part_ov.get(gi, 0):
                    part_ov[gi], out.partial_g[gi] = ov, si
        out.best_of.append(best[1] if best else None)
        out.partial_of.append(part[1] if part else None)
    return out


def losses(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str) -> dict[str, list[Case]]:
    """Every judged gold of speech and every system item, filed by how it counts for e2e_speech.

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines.
    Returns:
        kind -> the cases of that kind.
    """
    out: dict[str, list[Case]] = collections.defaultdict(list)
    for d, text, golds, syss in aligned(sc, docs, gold, path):
        m = match(sc, golds, syss)
        gbest, best_of = m.gbest, m.best_of
        for gi, g in enumerate(golds):
            name = sc.gold_name(g, text)
            if not (name and (g["direct"] or sc.speech_cue(g))):
                continue
            kind = "direct" if g["direct"] else "rep"
            if gi not in gbest:
                out[f"R-miss/{kind}"].append((d, g, None))
                continue
            sy = syss[gbest[gi][1]]
            if bool(sc.surname(sy["speaker"])) and sc.surname(sy["speaker"]) == sc.surname(name):
                out["R-ok"].append((d, g, sy))
            else:
                out[f"R-wrong/{kind}/{'wrong' if sy['speaker'] else 'null'}"].append((d, g, sy))
        for sy, b in zip(syss, best_of, strict=True):
            if b is None:
                kind = "direct" if sy["direct"] else "rep"
                out[f"P-nogold/{kind}/{'spk' if sy['speaker'] else 'null'}"].append((d, None, sy))
                continue
            g, name = golds[b], sc.gold_name(golds[b], text)
            if name and (g["direct"] or sc.speech_cue(g)):
                ok = bool(sc.surname(sy["speaker"])) and sc.surname(sy["speaker"]) == sc.surname(name)
                out["P-ok" if ok else "P-wrong"].append((d, g, sy))
    return out


def _show(docs: dict[str, str], case: Case) -> str:
    d, g, sy = case
    text = docs[d]
    at = g["content"][0][0] if g else (sy or {})["start"]
    end = g["content"][-1][1] if g else (sy or {})["end"]
    head = f"### {d}\n"
    if g:
        head += f"  gold: {g.get('source_text')!r} cue {g.get('cue_text')!r}\n"
    if sy:
        head += f"  ours: {sy['speaker']!r} source {sy.get('source_text')!r} verb {sy.get('verb')!r}\n"
    return head + "  text: " + re.sub(r"\s+", " ", text[max(0, at - 250) : end + 100])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", help="the system's JSON lines (bench/attribution_eval.py --out)")
    ap.add_argument("kind", nargs="?", default=None, help="a kind to show examples of")
    ap.add_argument("n", nargs="?", type=int, default=10, help="how many examples")
    ap.add_argument("--cues", action="store_true", help="count the gold cue words of the kind")
    ap.add_argument("--titles", action="store_true", help="count each kind's cases in headlines")
    ap.add_argument("--corpus", type=Path, default=SHARED / "eval" / "polnear" / "train")
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(args.corpus))
    out = losses(sc, docs, gold, args.system)
    for k in sorted(out):
        line = f"{len(out[k]):6d} {k}"
        if args.titles:
            n = sum(
                1
                for d, g, sy in out[k]
                if (g["content"][0][0] if g else (sy or {})["start"]) < title_end(docs[d])
            )
            line += f"  ({n} in a headline)"
        print(line)
    if args.kind:
        cases = out.get(args.kind, [])
        if args.cues:
            cues = collections.Counter(
                re.sub(r"\s+", " ", (g or {}).get("cue_text") or "").lower() for _d, g, _s in cases
            )
            print(", ".join(f"{v} {k!r}" for k, v in cues.most_common(80)))
        for case in random.Random(1).sample(cases, min(args.n, len(cases))):
            print(_show(docs, case))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
