"""Every wrong speaker of a DIRECT quotation on PolNeAR train, filed by cause (round 34, attr34a).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_direct_errors34.py /tmp/t.jsonl                 # counts by cause, halves A / B
    python bench/attribution_direct_errors34.py /tmp/t.jsonl "othermention: same sentence" 20   # examples

Develop on train only (never dev or test). Golds are matched to our items by the scorer's own rule
(bench/attribution_speaker_errors.py `_judge`). Each wrong direct gold is filed under the first cause
that holds:
  reference: hand-labelled        bench/data/attribution_reference_train.jsonl says PolNeAR's silver
                                  coreference is wrong (round 19's labels)
  reference: name inside quote    the gold's surname occurs only inside the quotation or a title,
                                  never in its source text (silver resolution to a word of the quote)
  reference: gold a fragment      the gold name is not a person or organisation our speaker could be
                                  ("Pennsylvania Gov.", "South Carolina" for "a South Carolina Democrat")
                                  : our speaker's surname occurs inside the gold's source text
  samemention: pronoun / description / name   we read the gold's own source mention, resolved it wrong
  othermention: same sentence     our source is another mention in the quotation's sentence
  othermention: same paragraph    ... in another sentence of the same paragraph
  othermention: other paragraph   ... in another paragraph
  nomention: continued run (same paragraph | across paragraphs)   no mention of its own; the speaker is
                                  carried from the last explicit direct quotation (sources' "continue")
  nomention: guess                no mention and no run: a guess (subject of an earlier sentence, ...)
  null: *                         we name nobody
"""

from __future__ import annotations

import collections
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from attribution_speaker_errors import _head, _judge, _labels, _show  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "you"}


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The rough sentence around `pos`: from after the last ". " / newline before it to the next one."""
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    nxt = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return lo, (min(nxt) if nxt else len(text))


def cause(
    sc: Any,
    text: str,
    g: dict[str, Any],
    sy: dict[str, Any],
    name: str,
    items: list[dict[str, Any]],
    label: str,
) -> str:
    """File one wrong direct speaker under its cause (see the module docstring; first match wins).

    Args:
        sc: the scorer module; text: the document; g: the gold; sy: our item; name: the gold's name.
        items: our items of the document sorted by start; label: the hand label ("" when none).
    Returns:
        The cause's name.
    """
    if label == "reference":
        return "reference: hand-labelled"
    st = g.get("source_text") or ""
    sur = sc.surname(name)
    quote = " ".join(text[a:b] for a, b in g["content"])
    if sur and sur.lower() not in st.lower() and sur.lower() in quote.lower():
        return "reference: name inside quote"
    ours = sy.get("speaker")
    if ours and sc.surname(ours) and sc.surname(ours).lower() in st.lower():
        return "reference: gold a fragment of the source"
    m = sy.get("mention")
    gs = g.get("source")
    skind = (
        "pronoun"
        if st.strip().lower() in PRONOUNS
        else ("description" if g.get("source_resolved_by") == "coref" else "name")
    )
    null = "" if ours else "null: "
    if m is not None and gs and min(gs[1], m["end"]) > max(gs[0], m["start"]):
        return f"{null}samemention: {skind}"
    qs = g["content"][0][0]
    if m is not None:
        same_para = "\n" not in text[min(qs, m["start"]) : max(qs, m["start"])]
        s_lo, s_hi = _sentence_bounds(text, qs)
        if s_lo <= m["start"] <= s_hi:
            return f"{null}othermention: same sentence"
        return f"{null}othermention: {'same paragraph' if same_para else 'other paragraph'}"
    i = next(j for j, x in enumerate(items) if x is sy)
    head = _head(items, i) if ours else None
    if head is not None:
        across = "\n" in text[head["end"] : sy["start"]]
        return f"{null}nomention: continued run ({'across paragraphs' if across else 'same paragraph'})"
    return f"{null}nomention: guess"


def main(argv: list[str]) -> int:
    """Print the counts by cause (all, half A, half B) and, when asked, examples of one cause."""
    path = argv[0]
    want = argv[1] if len(argv) > 1 else None
    n = int(argv[2]) if len(argv) > 2 else 10
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    sys_items: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    cases, judged = _judge(sc, docs, gold, path, sys_items)
    for d in sys_items:
        sys_items[d].sort(key=lambda x: (x["start"], x["end"]))
    half_a, _half_b = halves(list(docs))
    labels = _labels()
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    n_direct = collections.Counter(
        "A" if d in half_a else "B" for (d, gi), (_ok, _sy, _n) in judged.items() if gold_by[d][gi]["direct"]
    )
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    examples: list[tuple[str, dict[str, Any], dict[str, Any], str]] = []
    for _k, d, g, sy, name in cases:
        if not g["direct"]:
            continue
        label = labels.get((d, (g.get("source") or [-1])[0]), "")
        c = ("" if sy["direct"] else "ours reported: ") + cause(sc, docs[d], g, sy, name, sys_items[d], label)
        counts[c]["A" if d in half_a else "B"] += 1
        if c == want:
            examples.append((d, g, sy, name))
    total = sum(sum(v.values()) for v in counts.values())
    print(
        f"{total} wrong direct speakers of {sum(n_direct.values())} judged direct items found (A {n_direct['A']}, B {n_direct['B']})"
    )
    print(f"{'cause':58s} {'all':>5s} {'A':>5s} {'B':>5s}")
    for c, v in sorted(counts.items(), key=lambda x: -sum(x[1].values())):
        print(f"{c:58s} {sum(v.values()):5d} {v['A']:5d} {v['B']:5d}")
    for d, g, sy, name in random.Random(1).sample(examples, min(n, len(examples))):
        print(f"\n### {d}\n  gold: {name} | source: {g.get('source_text')} | cue: {g.get('cue_text')}")
        print(f"  ours: {sy['speaker']} | source: {sy.get('source_text')} | verb: {sy.get('verb')}")
        print("  text:", _show(docs[d], g))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
