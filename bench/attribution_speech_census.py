"""Census of e2e_speech F1's losses on PolNeAR train (round 28): what is NOT a speaker choice.

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_speech_census.py /tmp/t.jsonl              # halves A, B and all
    python bench/attribution_speech_census.py /tmp/t.jsonl --show R:missed/rep 10 --half A
    python bench/attribution_speech_census.py /tmp/t.jsonl --shapes     # missed reports by cue shape

Matches system items to gold as ../shared/eval/attribution.py does (its functions, imported at run
time) and files every loss of e2e_speech (recall over judged golds of speech, precision over system
items whose best gold is judged speech or that match no gold):
  recall side   ok / wrong-speaker / boundary/<how> (some item of ours overlaps the gold, by less
                than half of the shorter span) / missed (nothing of ours overlaps it)
  precision     ok / wrong-speaker / boundary/<how> (overlaps a gold, below the threshold) /
  side          spurious/<direct|rep> (overlaps no gold content at all)
and prints, per class, the e2e_speech F1 the split would have with that class alone repaired (a
missed gold found with its speaker; a boundary item matched with its speaker; a spurious item
dropped; a wrong speaker made right). Boundary "how" is judged against the overlapped gold:
starts-early (ours begins before the gold and ends inside it), runs-past-end (ours begins inside
the gold and ends after it), covers (ours contains the gold: far too long), inside (ours lies within
the gold: far too short). Dev is never read.
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
from attribution_speech_losses import aligned, match  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

Case = tuple[str, dict[str, Any] | None, dict[str, Any] | None]  # doc, gold, system item


def boundary_how(s: int, e: int, gs: int, ge: int) -> str:
    """How a system span misses a gold span it overlaps.

    Args:
        s, e: the system content's offsets; gs, ge: the gold content's first start and last end.
    Returns:
        starts-early, runs-past-end, covers or inside.
    """
    if s <= gs and e >= ge:
        return "covers"
    if s >= gs and e <= ge:
        return "inside"
    return "starts-early" if s < gs else "runs-past-end"


def _speech(sc: Any, g: dict[str, Any], text: str) -> bool:
    """Whether a gold counts for e2e_speech: judged (a named source) and a quote or a speech cue."""
    return bool(sc.gold_name(g, text)) and (g["direct"] or sc.speech_cue(g))


def _right(sc: Any, sy: dict[str, Any], g: dict[str, Any], text: str) -> bool:
    """Whether a system item's speaker has the gold's surname, as the scorer judges it."""
    name = sc.gold_name(g, text)
    return bool(sc.surname(sy["speaker"])) and sc.surname(sy["speaker"]) == sc.surname(name)


def census(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str) -> dict[str, list[Case]]:
    """File every judged gold of speech and every system item counted by e2e_speech precision.

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines.
    Returns:
        "R:<class>" / "P:<class>" -> the cases of that class.
    """
    out: dict[str, list[Case]] = collections.defaultdict(list)
    for d, text, golds, syss in aligned(sc, docs, gold, path):
        m = match(sc, golds, syss)
        gbest, best_of, partial_of, partial_g = m.gbest, m.best_of, m.partial_of, m.partial_g

        for gi, g in enumerate(golds):
            if not _speech(sc, g, text):
                continue
            if gi in gbest:
                sy = syss[gbest[gi][1]]
                out["R:ok" if _right(sc, sy, g, text) else "R:wrong-speaker"].append((d, g, sy))
            elif gi in partial_g:
                sy = syss[partial_g[gi]]
                how = boundary_how(sy["start"], sy["end"], g["content"][0][0], g["content"][-1][1])
                out[f"R:boundary/{how}"].append((d, g, sy))
            else:
                out[f"R:missed/{'direct' if g['direct'] else 'rep'}"].append((d, g, None))
        for si, (sy, b) in enumerate(zip(syss, best_of, strict=True)):
            if b is not None:
                g = golds[b]
                if _speech(sc, g, text):
                    out["P:ok" if _right(sc, sy, g, text) else "P:wrong-speaker"].append((d, g, sy))
                continue
            p = partial_of[si]
            if p is not None:
                g = golds[p]
                how = boundary_how(sy["start"], sy["end"], g["content"][0][0], g["content"][-1][1])
                out[f"P:boundary/{how}"].append((d, g, sy))
            else:
                out[f"P:spurious/{'direct' if sy['direct'] else 'rep'}"].append((d, None, sy))
    return out


def cue_shape(docs: dict[str, str], case: Case) -> str:
    """The shape of a missed report's cue: which kind of reading it would need.

    Args:
        docs: the split's documents; case: an R:missed/rep case.
    Returns:
        colon, negated, to-infinitive, participle, finite speech verb, direct-only verb, speech verb
        with words, or other verb; "+that" when a "that" opens or precedes the words.
    """
    from index.attribution.words import DIRECT_ONLY, SPEECH_VERBS

    d, g, _sy = case
    assert g is not None
    words = re.findall(r"[\w’']+|:", re.sub(r"\s+", " ", g.get("cue_text") or ""))
    last = words[-1].lower() if words else ""
    text, c0 = docs[d], g["content"][0][0]
    that = text[max(0, c0 - 6) : c0].strip().lower().endswith("that") or text[c0:].lower().startswith("that ")
    lower = [w.lower() for w in words]
    if ":" in words:
        k = "colon"
    elif any(w == "not" or w.endswith(("n't", "n’t")) for w in lower):
        k = "negated"
    elif len(words) > 1 and lower[-2] == "to":
        k = "to-infinitive"
    elif last.endswith("ing"):
        k = "participle"
    elif last in SPEECH_VERBS and last not in DIRECT_ONLY:
        k = "finite speech verb"
    elif last in SPEECH_VERBS:
        k = "direct-only verb"
    elif any(w in SPEECH_VERBS for w in lower):
        k = "speech verb with words"
    else:
        k = "other verb"
    return k + ("+that" if that else "")


def f1(tp_p: int, n_p: int, tp_r: int, n_r: int) -> float:
    """F1 of precision tp_p/n_p and recall tp_r/n_r.

    Args:
        tp_p, n_p: precision's numerator and denominator; tp_r, n_r: recall's.
    Returns:
        The F1 (0 when either is 0).
    """
    p, r = (tp_p / n_p if n_p else 0.0), (tp_r / n_r if n_r else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def table(out: dict[str, list[Case]], keep: set[str]) -> list[tuple[str, int, float]]:
    """Per class: its count on the kept documents and the F1 with that class alone repaired.

    Args:
        out: census(); keep: the document ids counted.
    Returns:
        (class, count, F1 repaired) rows, then ("F1 now", 0, F1).
    """
    n = {k: sum(1 for c in v if c[0] in keep) for k, v in out.items()}
    r_all = sum(v for k, v in n.items() if k.startswith("R:"))
    # boundary items on the precision side match no gold: the scorer counts them like spurious ones.
    p_all = sum(v for k, v in n.items() if k.startswith("P:"))
    tp_r, tp_p = n.get("R:ok", 0), n.get("P:ok", 0)
    rows = [("F1 now", 0, f1(tp_p, p_all, tp_r, r_all))]
    for k in sorted(n):
        if k.endswith(":ok"):
            continue
        v = n[k]
        if k.startswith("R:missed"):  # found, right: one more system item, one more right
            fixed = f1(tp_p + v, p_all + v, tp_r + v, r_all)
        elif k.startswith("R:"):  # wrong speaker or boundary: recall only (precision has its own row)
            fixed = f1(tp_p, p_all, tp_r + v, r_all)
        elif k.startswith("P:spurious"):
            fixed = f1(tp_p, p_all - v, tp_r, r_all)
        else:  # P:wrong-speaker or P:boundary: made right
            fixed = f1(tp_p + v, p_all, tp_r, r_all)
        rows.append((k, v, fixed))
    return rows


def _show(docs: dict[str, str], case: Case) -> str:
    d, g, sy = case
    text = docs[d]
    at = min(x for x in ((g or {}).get("content", [[10**9]])[0][0], (sy or {}).get("start", 10**9)))
    end = max((g["content"][-1][1] if g else 0), (sy or {}).get("end", 0))
    lines = [f"### {d}"]
    if g:
        spans = " | ".join(text[a:b] for a, b in g["content"])
        lines.append(f"  gold: {g.get('source_text')!r} cue {g.get('cue_text')!r}: {spans[:300]!r}")
    if sy:
        lines.append(
            f"  ours: {sy['speaker']!r} verb {sy.get('verb')!r}: {text[sy['start'] : sy['end']][:300]!r}"
        )
    lines.append("  text: " + re.sub(r"\s+", " ", text[max(0, at - 200) : end + 80]))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", help="the system's JSON lines (bench/attribution_eval.py --out)")
    ap.add_argument(
        "--show", nargs=2, metavar=("CLASS", "N"), help="print N examples of a class (R:/P: prefix)"
    )
    ap.add_argument("--half", choices=("A", "B", "all"), default="all", help="the half --show draws from")
    ap.add_argument("--shapes", action="store_true", help="split R:missed/rep by the shape of its cue")
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, b = halves(list(docs))
    out = census(sc, docs, gold, args.system)
    cols = {"A": a, "B": b, "all": set(docs)}
    rows = {h: table(out, keep) for h, keep in cols.items()}
    print(f"{'class':<26}" + "".join(f"{h:>8}{'F1 fixed':>10}" for h in cols))
    for i, (k, _v, _f) in enumerate(rows["all"]):
        print(f"{k:<26}" + "".join(f"{rows[h][i][1]:>8}{rows[h][i][2]:>10.4f}" for h in cols))
    if args.shapes:
        shapes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for case in out.get("R:missed/rep", []):
            shapes[cue_shape(docs, case)]["A" if case[0] in a else "B"] += 1
        print(f"\n{'missed report, cue shape':<26}{'A':>8}{'B':>8}")
        for k, c in sorted(shapes.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"{k:<26}{c['A']:>8}{c['B']:>8}")
    if args.show:
        keep = cols[args.half]
        cases = [c for c in out.get(args.show[0], []) if c[0] in keep]
        for case in random.Random(1).sample(cases, min(int(args.show[1]), len(cases))):
            print(_show(docs, case))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
