"""How many speaker labels hold no speech: attributions with a speaker but no cue of their own, by kind.

A passage is labelled with a speaker when an attribution with that speaker lies in it (qa reads the
records `index.attribution.analyse` returns). An attribution read from its own source mention ("...,"
Roe said) holds the speech that makes the label true; one without a mention is a quotation whose
speaker was inherited from a run or guessed, and a scare quote in a sentence without any speech
("He is best known for appearances as the "senior black correspondent"") labels its passage with a
person who says nothing there. Develop on train only (never on dev or test):

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/train.jsonl
    python bench/speaker_labels.py /tmp/train.jsonl              # the table
    python bench/speaker_labels.py /tmp/train.jsonl KIND 20      # and 20 examples of kinds matching KIND

Each labelled record is filed as `<cue|nocue>/<standalone|fragment>/<speech|nospeech|heading>` and
judged against the gold as ../shared/eval/attribution.py matches (its functions, imported at run time):
`right` (matches a gold with the same speaker), `wrong` (another speaker), `unnamed` (a gold whose
source names nobody), `none` (matches no gold: a
label without an annotated attribution). A fragment is a quotation with words before it in its
sentence; `speech` means its sentence holds a speech verb, a noun of speech or a colon before the
quotation; `heading` that its paragraph opens with a run of capitals (a newsletter item's heading).
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)
sys.path.insert(0, str(ROOT / "bench"))

from fit_attribution import load_scorer  # noqa: E402

_SENT_END = re.compile(r"[.!?][\"”'’)]*\s+|\n")
_HEADING = re.compile(r"[^a-z\n]*?[A-Z][A-Z’'\-]+(?:\s+[A-Z0-9][A-Z0-9’'\-:,]*){1,}")


def _speech_rx() -> re.Pattern[str]:
    """Any speech verb or noun of speech as a whole word (the analyser's own lists)."""
    from index.attribution.sources import _SPEECH_NOUNS
    from index.attribution.words import SPEECH_VERBS

    # any form of a speech verb ("calling", "writes", "argued"): its stem with any ending, and the verbs
    # that name what something is called (a quotation after them is someone's wording)
    stems = {re.sub(r"(?:es|s|ed|d)$", "", w.lower()) for w in SPEECH_VERBS if len(w) > 3}
    stems |= set("say said told tell call describ dub label term chant ask writ wrote".split())
    alts = sorted(stems | set(_SPEECH_NOUNS.split("|")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alts) + r")\w*", re.I)


def kind(text: str, item: dict[str, Any], speech: re.Pattern[str]) -> str:
    """The kind of one labelled record (see the module docstring).

    Args:
        text: the document; item: the system record; speech: the speech-word pattern.
    Returns:
        "<cue|nocue>/<standalone|fragment>/<speech|nospeech|heading>".
    """
    cue = "cue" if item.get("mention") else "nocue"
    start = item["start"]
    para = text.rfind("\n", 0, start) + 1
    lead_lo = para
    for m in _SENT_END.finditer(text, para, max(para, start - 1)):
        lead_lo = m.end()
    lead = text[lead_lo:start]
    words = re.findall(r"\w+", lead)
    place = "fragment" if words else "standalone"
    if _HEADING.match(text, para, start) and not re.search(r"[a-z]", text[para:start]):
        what = "heading"
    elif speech.search(lead) or re.search(r":\s*\W?$", lead):
        what = "speech"
    else:
        what = "nospeech"
    return f"{cue}/{place}/{what}"


def judge(
    sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str
) -> list[tuple[str, str, dict[str, Any]]]:
    """Every system record with a speaker, with its gold status.

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines.
    Returns:
        (status, doc key, record) for each labelled record: status right | wrong | none.
    """
    sys_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("speaker"):
            sys_by[sc.doc_key(r["doc"], docs)].append(r)
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    out: list[tuple[str, str, dict[str, Any]]] = []
    for d, items in sys_by.items():
        text = docs[d]
        for sy in items:
            slen = sy["end"] - sy["start"]
            best, bname = 0.0, None
            for g in gold_by.get(d, []):
                glen = sum(b - a for a, b in g["content"])
                ov = sc.overlap(sy["start"], sy["end"], g["content"])
                if ov > 0 and ov >= 0.5 * min(glen, slen) and ov / max(glen, slen) > best:
                    best, bname = ov / max(glen, slen), sc.gold_name(g, text) or ""
            if bname is None:
                status = "none"
            elif not bname:
                status = "unnamed"
            else:
                ok = bool(sc.surname(sy["speaker"])) and sc.surname(sy["speaker"]) == sc.surname(bname)
                status = "right" if ok else "wrong"
            out.append((status, d, sy))
    return out


def main() -> int:
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    speech = _speech_rx()
    rows = judge(sc, docs, gold, sys.argv[1])
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for status, d, sy in rows:
        table[kind(docs[d], sy, speech)][status] += 1
    total = collections.Counter(s for s, _d, _sy in rows)
    nocue = sum(sum(c.values()) for k, c in table.items() if k.startswith("nocue"))
    nocue_none = sum(c["none"] for k, c in table.items() if k.startswith("nocue"))
    print(
        f"labelled records {len(rows)}: right {total['right']}, wrong {total['wrong']}, unnamed gold {total['unnamed']}, no gold {total['none']}; "
        f"without a cue of their own {nocue}, of which no gold {nocue_none} ({nocue_none / max(1, len(rows)):.4f} of all labels)"
    )
    print(f"{'kind':40s} {'right':>6s} {'wrong':>6s} {'unnamed':>7s} {'none':>6s}")
    for k in sorted(table):
        c = table[k]
        print(f"{k:40s} {c['right']:6d} {c['wrong']:6d} {c['unnamed']:7d} {c['none']:6d}")
    if len(sys.argv) > 3:
        sel = [(s, d, sy) for s, d, sy in rows if re.search(sys.argv[2], kind(docs[d], sy, speech))]
        for s, d, sy in random.Random(1).sample(sel, min(int(sys.argv[3]), len(sel))):
            t = docs[d]
            print(f"\n### {s} {kind(t, sy, speech)} {d}\n  speaker: {sy['speaker']}")
            print("  text:", t[max(0, sy["start"] - 200) : sy["end"] + 60].replace("\n", " ¶ "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
