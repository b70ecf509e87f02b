"""Where the wrong speakers come from, and what a fitted choice among candidate speakers could win.

Issue 8 asks whether a scorer over candidate sources would beat the analyser's fixed precedence.
Before fitting one, this measures its ceiling on PolNeAR train, by half (bench/attribution_halves.py):

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_candidates.py /tmp/t.jsonl

1. Every judged gold found with the wrong speaker, by where the choice went wrong: a quotation with
   no source of its own (`guessed`: the precedence decides), our source is the gold's source resolved
   wrongly (`same source`), our source is a mention inside the gold's content (`nested`: PolNeAR
   credits the outer attribution, we found only the inner one: a recall gap, not a choice), or
   another mention outside it (`other source`).
2. For the quotations with no source of their own (continued runs and guesses): how often the
   analyser's speaker is right against the candidates a document-level chooser would have, the
   last explicit speaker before it, the next after it, and the document's most frequent explicit
   speaker; and the oracle ceiling: items whose speaker is wrong but one of the candidates right.
3. Sources that are an office or possessive description holding a name ("Trump's attorney, Alan
   Garten", "a top adviser for President Obama"): the scorer's gold name is PolNeAR's resolution,
   the person holding the office or the one owning it; how we score on them.

Matches system items to gold with bench/attribution_speaker_errors.py (the scorer's own rules).
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
from attribution_speaker_errors import _judge  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

# An office or relation word in a source description ("aide", "spokesman", "a representative for").
OFFICE = re.compile(
    r"\b(?:aides?|advis[eo]rs?|spokes(?:man|woman|men|person)|representatives?|officials?|staff(?:ers)?|"
    r"lawyers?|attorneys?|allies|ally|campaign|manager|chairman|director|secretary|surrogates?|"
    r"supporters?|associates?|sources?)\b",
    re.I,
)

# The candidate pairs whose agreement section 2 tabulates (a chooser's evidence: do the others agree?).
PAIRS = (("ours", "prev"), ("ours", "next"), ("ours", "top"), ("prev", "next"), ("prev", "top"))


def candidates(items: list[dict[str, Any]], i: int, surname: Any) -> dict[str, str]:
    """The speakers a document-level chooser could give item `i` (surnames, "" when none).

    Args:
        items: one document's system items sorted by start (the `qa quotes --json` fields).
        i: the index of an item with no source mention of its own.
        surname: the scorer's surname function.
    Returns:
        {"ours": the analyser's speaker, "prev": the last explicit speaker before it, "next": the
        first explicit speaker after it, "top": the document's most frequent explicit speaker}.
    """
    explicit = [(j, x["speaker"]) for j, x in enumerate(items) if x["mention"] and x["speaker"]]
    prev = next((s for j, s in reversed(explicit) if j < i), None)
    nxt = next((s for j, s in explicit if j > i), None)
    count = collections.Counter(surname(s) for _j, s in explicit)
    return {
        "ours": surname(items[i]["speaker"]),
        "prev": surname(prev),
        "next": surname(nxt),
        "top": count.most_common(1)[0][0] if count else "",
    }


def error_place(g: dict[str, Any], sy: dict[str, Any]) -> str:
    """Where a wrong speaker's choice went wrong (section 1 of the module docstring).

    Args:
        g: the gold attribution; sy: the best-matching system item.
    Returns:
        "guessed", "same source", "nested" or "other source".
    """
    m = sy["mention"]
    if m is None:
        return "guessed"
    gs = g.get("source")
    if gs and min(gs[1], m["end"]) > max(gs[0], m["start"]):
        return "same source"
    if any(a <= m["start"] and m["end"] <= b for a, b in g["content"]):
        return "nested"
    return "other source"


def office_source(g: dict[str, Any], name: str, sc: Any) -> bool:
    """The gold's source is a description naming an office or relation and holding the gold name.

    Args:
        g: the gold attribution; name: its gold name; sc: the scorer module.
    Returns:
        True for "Trump's attorney, Alan Garten," or "Aides to Clinton", not for a bare name.
    """
    st = g.get("source_text") or ""
    sn = sc.surname(name)
    return bool(sn) and not sc.proper_name(st, strict=True) and sn in st.lower() and bool(OFFICE.search(st))


def main(path: str) -> int:
    """Print the three tables for a train system file.

    Args:
        path: bench/attribution_eval.py's JSON lines over ../shared/eval/polnear/train.
    Returns:
        0.
    """
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    half_a, _half_b = halves(sorted(docs))
    sys_items: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    cases, judged = _judge(sc, docs, gold, path, sys_items)
    for d in sys_items:
        sys_items[d].sort(key=lambda x: (x["start"], x["end"]))
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)

    def half(d: str) -> str:
        return "A" if d in half_a else "B"

    places: collections.Counter[tuple[str, str]] = collections.Counter()
    for _k, d, g, sy, _name in cases:
        places[error_place(g, sy), half(d)] += 1
    print(f"1. {len(cases)} wrong of {len(judged)} judged golds found, by where the choice went wrong")
    for p in ("guessed", "same source", "nested", "other source"):
        print(f"  {p:<13} A {places[p, 'A']:>4}  B {places[p, 'B']:>4}")

    tab: collections.Counter[tuple[str, str]] = collections.Counter()
    votes: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for (d, _gi), (_ok, sy, name) in judged.items():
        if sy["mention"] is not None or not sy["direct"]:
            continue
        items = sys_items[d]
        i = next(j for j, x in enumerate(items) if x is sy)
        cand, right = candidates(items, i, sc.surname), sc.surname(name)
        h = half(d)
        tab[h, "n"] += 1
        for k, v in cand.items():
            tab[h, k] += bool(v) and v == right
        tab[h, "ceiling"] += cand["ours"] != right and any(v == right for v in cand.values() if v)
        pat = "".join("=" if cand[a] == cand[b] else "x" for a, b in PAIRS)
        for k in ("n", "ours", "prev", "top"):
            votes[pat, h, k] += k == "n" or (bool(cand[k]) and cand[k] == right)
    print("\n2. judged quotations with no source of their own: right by candidate, and the oracle ceiling")
    for h in ("A", "B"):
        print(
            f"  {h}: n {tab[h, 'n']}" + "".join(f", {k} {tab[h, k]}" for k in ("ours", "prev", "next", "top"))
        )
        print(f"     ours wrong and a candidate right: {tab[h, 'ceiling']}")
    print(
        "  by agreement ("
        + " ".join(f"{a}/{b}" for a, b in PAIRS)
        + "): A n ours prev top | B n ours prev top"
    )
    for pat in sorted({p for p, _h, _k in votes}):
        row = " | ".join(
            " ".join(f"{votes[pat, h, k]:>4}" for k in ("n", "ours", "prev", "top")) for h in "AB"
        )
        print(f"    {pat}  {row}")

    off: collections.Counter[tuple[str, str]] = collections.Counter()
    for (d, gi), (ok, sy, name) in judged.items():
        if office_source(gold_by[d][gi], name, sc):
            off[half(d), "ok" if ok else "null" if not sy["speaker"] else "other"] += 1
    print("\n3. office / possessive sources holding the gold name: right, null, another speaker")
    for h in ("A", "B"):
        print(f"  {h}: ok {off[h, 'ok']}, null {off[h, 'null']}, other {off[h, 'other']}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("usage: attribution_candidates.py SYSTEM.jsonl (bench/attribution_eval.py over train)")
    sys.exit(main(sys.argv[1]))
