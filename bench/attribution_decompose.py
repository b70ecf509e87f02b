"""Where e2e_speech F1 is lost on one half of PolNeAR train, decomposed (develop on train only).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_decompose.py /tmp/t.jsonl --half A                 # the table
    python bench/attribution_decompose.py /tmp/t.jsonl --half A miss/none/verb 30   # and examples

Every judged gold of speech (a direct quote, or a report with a speech cue: the scorer's own
`speech_cue`) and every system item that counts in e2e_speech's precision is filed once, by the
scorer's own matching (bench/attribution_speech_losses.py `losses`, refined here):
  ok                            found with the right speaker
  miss/none/<cue>               no item of ours overlaps the gold; <cue> is the gold cue's kind:
                                headline (in the first line or sentence), according ("according to"),
                                colon (a bare ":"), verb (the cue holds a speech verb form), noun
  miss/span/<long|short>        an item overlaps it, under the scorer's half-of-the-shorter rule: ours
                                longer than the gold (`long`) or shorter (`short`)
  wrong/<source>/<ours>         found, the speaker wrong; <source> is the gold's source as written
                                (name, pronoun, description), <ours> what our item's source was
                                (name, pronoun, description, none: the speaker chosen without a
                                mention, i.e. by guess_speakers or a continued quotation; null: no
                                speaker at all)
  P-nogold/<direct|rep>/<overlap|none>  our items matching no gold: overlapping some gold under the
                                threshold (`overlap`) or overlapping none
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from attribution_speech_losses import Case, _show, losses, title_end  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "his", "her", "him", "them", "who", "whom"}


def source_kind(src: str | None) -> str:
    """How a source mention is written: a name, a pronoun, a description, or none.

    Args:
        src: the source's text as written (gold `source_text` or our `source_text`).
    Returns:
        "none", "pronoun", "name" (a capitalised last word) or "description".
    """
    if not src or not src.strip():
        return "none"
    words = re.findall(r"[\w'’-]+", src)
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    return "name" if words[-1][0].isupper() else "description"


def cue_kind(sc: Any, text: str, g: dict[str, Any]) -> str:
    """The kind of a gold's cue: headline, according, colon, verb or noun.

    Args:
        sc: the scorer module; text: the document; g: the gold attribution.
    Returns:
        The kind's name.
    """
    cue = re.sub(r"\s+", " ", g.get("cue_text") or "").strip().lower()
    if g["content"][0][0] < title_end(text):
        return "headline"
    if "according" in cue:
        return "according"
    if cue in (":", "") or cue.endswith(":"):
        return "colon"
    if re.search(r"\b\w+(?:ed|s|ing)\b|\b(?:said|told|wrote|say|tell|add|ask|note|state|write)\b", cue):
        return "verb"
    return "noun"


def decompose(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str) -> dict[str, list[Case]]:
    """The e2e_speech cases of `docs`, filed by the refined kinds of this module's docstring.

    Args:
        sc: the scorer module; docs, gold: the documents kept and their golds; path: the system file.
    Returns:
        kind -> cases (doc, gold, system item).
    """
    base = losses(sc, docs, gold, path)
    items: dict[str, list[tuple[int, int, dict[str, Any]]]] = collections.defaultdict(list)
    aligners: dict[str, Any] = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        d = sc.doc_key(r["doc"], docs)
        if d is None:
            continue
        al = aligners.get(d) or aligners.setdefault(d, sc.Aligner(docs[d]))
        s, e, _how = al.align(r.get("start"), r.get("end"), r.get("text"))
        if e > s:
            items[d].append((s, e, r))
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    out: dict[str, list[Case]] = collections.defaultdict(list)
    for k, cases in base.items():
        for d, g, sy in cases:
            if k == "R-ok":
                out["ok"].append((d, g, sy))
            elif k.startswith("R-miss") and g is not None:
                gs, ge = g["content"][0][0], g["content"][-1][1]
                glen = sum(b - a for a, b in g["content"])
                over = [(s, e, r) for s, e, r in items[d] if sc.overlap(s, e, g["content"]) > 0]
                if not over:
                    out[f"miss/none/{cue_kind(sc, docs[d], g)}"].append((d, g, None))
                else:
                    s, e, r = max(over, key=lambda t: sc.overlap(t[0], t[1], g["content"]))
                    side = "long" if e - s > glen else "short"
                    where = ""
                    if side == "long":
                        where = (
                            "/before" if s < gs - 2 and e <= ge + 2 else "/after" if e > ge + 2 else "/both"
                        )
                    out[f"miss/span/{side}{where}"].append((d, g, {**r, "start": s, "end": e}))
            elif k.startswith("R-wrong") and g is not None and sy is not None:
                ours = "null" if not sy.get("speaker") else source_kind(sy.get("source_text"))
                out[f"wrong/{source_kind(g.get('source_text'))}/{ours}"].append((d, g, sy))
            elif k.startswith("P-nogold") and sy is not None:
                kind = "direct" if sy["direct"] else "rep"
                near = any(sc.overlap(sy["start"], sy["end"], x["content"]) > 0 for x in gold_by.get(d, []))
                out[f"P-nogold/{kind}/{'overlap' if near else 'none'}"].append((d, None, sy))
            elif k == "P-wrong":
                out["P-wrong"].append((d, g, sy))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", help="the system's JSON lines (bench/attribution_eval.py --out)")
    ap.add_argument("kind", nargs="?", default=None, help="a kind (or its prefix) to show examples of")
    ap.add_argument("n", nargs="?", type=int, default=10, help="how many examples")
    ap.add_argument("--half", choices=("A", "B", "all"), default="A")
    ap.add_argument("--seed", type=int, default=1, help="the examples' sampling seed")
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, b = halves(list(docs))
    keep = {"A": a, "B": b, "all": a | b}[args.half]
    docs = {k: v for k, v in docs.items() if k in keep}
    gold = [g for g in gold if g["doc_id"] in keep]
    out = decompose(sc, docs, gold, args.system)
    for k in sorted(out):
        print(f"{len(out[k]):6d} {k}")
    if args.kind:
        cases = [c for k, v in sorted(out.items()) if k.startswith(args.kind) for c in v]
        for case in random.Random(args.seed).sample(cases, min(args.n, len(cases))):
            print(_show(docs, case))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
