"""Why a judged gold of speech is lost, by source kind and by where its source stands (train only).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_loss_causes.py /tmp/t.jsonl                # counts by half
    python bench/attribution_loss_causes.py /tmp/t.jsonl miss/name/after 20   # and 20 examples

Takes the e2e_speech recall losses of bench/attribution_speech_losses.py (R-miss: no system item
matches the gold; R-wrong: the best item has another speaker or none) and files each under
`<miss|wrong-guessed|wrong-read>/<source kind>/<where>`:
  source kind  pron ("he", "they"), desc (a description resolved by coreference, "the official"),
               handle (@name), org (an organisation word or acronym), name (a person's name);
  where        the gold source relative to its content: `after` / `before` in the same sentence,
               `prevsent` (an earlier sentence of the same paragraph), `prevpara` (an earlier
               paragraph: an antecedent or a quotation continued across paragraphs), `inside`
               (within the content span), `none` (no source).
`wrong-guessed` is an item with no source mention of its own (the analyser guessed its speaker);
`wrong-read` one whose mention we read. Never run it on dev or test.
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
from attribution_speech_losses import losses  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "it", "you", "his", "their"}
ORG = re.compile(
    r"\b(?:[A-Z]{2,}|Committee|Department|Times|Post|News|Journal|Campaign|campaign|University|Institute|"
    r"Foundation|Party|Council|Association|Agency|Office|House|Court|Center|Network|Magazine|Press)\b"
)


def source_kind(g: dict[str, Any]) -> str:
    """The kind of a gold's source as written.

    Args:
        g: a PolNeAR gold attribution.
    Returns:
        pron, desc, handle, org or name.
    """
    st = (g.get("source_text") or "").strip()
    if st.lower() in PRONOUNS:
        return "pron"
    if st.startswith("@"):
        return "handle"
    if g.get("source_resolved_by") == "coref":
        return "desc"
    if ORG.search(st):
        return "org"
    return "name"


def where(text: str, g: dict[str, Any]) -> str:
    """Where a gold's source stands relative to its content.

    Args:
        text: the document; g: the gold.
    Returns:
        after, before, prevsent, prevpara, inside, later or none.
    """
    if not g.get("source"):
        return "none"
    ss, se = g["source"]
    cs, ce = g["content"][0][0], g["content"][-1][1]
    if ss >= cs and se <= ce:
        return "inside"
    if ss >= ce:
        gap = text[ce:ss]
        return "after" if not re.search(r"[.!?]\s|\n", gap) else "later"
    gap = text[se:cs]
    if "\n" in gap:
        return "prevpara"
    return "prevsent" if re.search(r"[.!?][\"”'’]*\s", gap) else "before"


def main() -> int:
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, b = halves(list(docs))
    out = losses(sc, docs, gold, sys.argv[1])
    filed: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any] | None]]] = collections.defaultdict(
        list
    )
    for kind, cases in out.items():
        if not kind.startswith("R-") or kind == "R-ok":
            continue
        for d, g, sy in cases:
            assert g is not None
            what = "miss" if sy is None else "wrong-guessed" if not sy.get("mention") else "wrong-read"
            key = f"{what}/{source_kind(g)}/{where(docs[d], g)}"
            filed[key].append(("A" if d in a else "B", d, g, sy))
    print(f"{'kind':36}{'A':>6}{'B':>6}")
    for key, cases in sorted(filed.items(), key=lambda kv: -len(kv[1])):
        na = sum(1 for h, *_ in cases if h == "A")
        print(f"{key:36}{na:>6}{len(cases) - na:>6}")
    if len(sys.argv) > 2:
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
        for _h, d, g, sy in [c for c in filed[sys.argv[2]] if c[0] == "A"][:n]:
            text = docs[d]
            cs, ce = g["content"][0][0], g["content"][-1][1]
            print(f"\n### {d}\n  gold: {g.get('source_text')!r} cue {g.get('cue_text')!r}")
            if sy:
                print(f"  ours: {sy['speaker']!r} source {sy.get('source_text')!r} verb {sy.get('verb')!r}")
            print("  text: " + re.sub(r"\s+", " ", text[max(0, cs - 200) : ce + 160]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
