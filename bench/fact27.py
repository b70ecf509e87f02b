"""Census of the read sets' fact questions whose gold passage is ranked 2-5 (round 27).

    QA_HOME=/tmp/rs-X/home python bench/fact27.py --results /tmp/rs-X/results.txt --root /tmp/rs-X

Reads which answerable "fact" questions bench/read_sets.sh ranked 2-5 (its results.txt), computes
their candidates' features in-process (qa.rank.features, readings as qa.session plans them) and
prints, for each, the first passage and the first gold one with the weighted terms that favoured the
first (each term's contribution to first minus gold: the score drop when its weight is zeroed), and
a first cut of its cause (classify; bench/reports/fact27.md reads the classes question by question).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit  # noqa: E402
from read_sets import ALL, gold_file, index_for  # noqa: E402

from qa import rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

TERMS = tuple(f.name for f in dataclasses.fields(rank.Weights) if f.name not in ("dense", "candidates"))


def ranked(results: Path) -> dict[tuple[str, str], str]:
    """(set, id) -> outcome ("rank N", "abstained", ...) of read_sets.sh's --show-misses lines.

    Args:
        results: a results.txt of bench/read_sets.sh.
    Returns:
        The outcome of each listed question (hit@1 ones are not listed).
    """
    out, cur = {}, ""
    for line in results.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
            continue
        m = re.match(r"\s+(\S+)\s+(rank \d|abstained|answered|missed)\s", line)
        if m:
            out[(cur, m[1])] = m[2]
    return out


def classify(terms: dict[str, float], top: dict[str, float], d_dense: float) -> str:
    """A first cut of why the first passage beat the gold one, from the terms that favoured it.

    Args:
        terms: weight name -> its contribution to first minus gold.
        top: the first passage's feature values (caption, summary).
        d_dense: the first passage's dense similarity minus the gold one's.
    Returns:
        The class's name.
    """
    lexical = sum(v for k, v in terms.items() if k in ("bm25", "sentence", "passage_cov", "phrase"))
    if terms.get("speaker_bonus", 0) > 0 or terms.get("reported_bonus", 0) > 0:
        return "speech reading: an asked speaker's quote wins"
    if terms.get("wrong_place", 0) > 0 or terms.get("wrong_type", 0) > 0:
        return "gold lacks the asked type's evidence (wrong_type / wrong_place)"
    if top.get("caption"):
        return "a photo caption first"
    if top.get("summary"):
        return "a headline or standfirst first"
    if terms.get("typed", 0) > 0:
        return "typed: the first states a value of the asked kind beside more question words"
    if terms.get("typed", 0) < 0:
        return "typed favours gold, more question words win"
    if d_dense > 0 and lexical <= 0:
        return "dense favours the first, words favour gold"
    if d_dense > 0:
        return "dense and words both favour the first"
    return "words favour the first over a denser gold"


def explain(engine: Engine, g: dict) -> tuple[str, str]:
    """The first passage and the first gold one, with the terms that favoured the first.

    Args:
        engine: the set's engine.
        g: the gold question.
    Returns:
        A printable block, and the class of its cause (classify).
    """
    readings, focus = fit._plan(engine, g)
    f = rank.features(engine, readings[0], focus=focus)
    if f is None:
        return "  no features\n", "no features"
    gold = fit._gold(engine, f, g)
    w = rank.WEIGHTS
    s = rank.combine(f, w)
    order = sorted(range(len(f.pids)), key=lambda j: (-s[j], f.pids[j]))
    top = order[0]
    pos = next((r for r, j in enumerate(order) if gold[j]), None)
    if pos is None:
        return f"  readings {readings}: gold not among candidates\n", "gold not among candidates"
    gj = order[pos]
    diff = s[top] - s[gj]
    terms: dict[str, float] = {}
    for t in TERMS:
        if getattr(w, t):
            s0 = rank.combine(f, dataclasses.replace(w, **{t: 0.0}))
            d = diff - (s0[top] - s0[gj])
            if abs(d) > 1e-3:
                terms[t] = float(d)
    contrib = [f"{t} {d:+.3f}" for t, d in terms.items()]
    d_dense = f.dense[top] - f.dense[gj]
    ps = engine.passages
    cols = ("dense", "bm", "cov_s", "cov_p", "phrase", "typed", "wrong", "summary", "caption")

    def row(j: int) -> str:
        vals = []
        for c in cols:
            a = getattr(f, c)
            if a.size == len(f.pids):
                vals.append(f"{c}={float(a[j]):.2f}")
        return " ".join(vals)

    flags = {
        c: float(getattr(f, c)[top]) for c in ("caption", "summary") if getattr(f, c).size == len(f.pids)
    }
    cause = classify(terms, flags, float(d_dense))
    return (
        f"  cause: {cause}\n"
        f"  reading: {readings[0]!r}  in-process gold pos {pos + 1}, diff {diff:.3f} (dense {d_dense:+.3f})\n"
        f"  favoured top: {', '.join(contrib)}\n"
        f"  TOP  [{row(top)}]\n     {ps[f.pids[top]].text[:400]!r}\n"
        f"  GOLD [{row(gj)}]\n     {ps[f.pids[gj]].text[:400]!r}\n"
    ), cause


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--results", type=Path, required=True)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--sets", nargs="*", default=ALL)
    args = ap.parse_args()
    res = ranked(args.results)
    opened: dict[Path | None, Engine] = {}
    classes: dict[str, list[str]] = {}
    for name in args.sets:
        golds = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        wanted = [
            g
            for g in golds
            if g.get("category") == "fact"
            and g["answerable"]
            and res.get((name, g["id"]), "").startswith("rank")
        ]
        if not wanted:
            continue
        idx = index_for(name, args.root)
        if idx not in opened:
            opened[idx] = Engine.open(idx)
        for g in wanted:
            print(f"== {name} {g['id']} {res[(name, g['id'])]}: {g['question']}  gold={g['answers']}")
            text, cause = explain(opened[idx], g)
            classes.setdefault(cause, []).append(f"{name}/{g['id']}")
            print(text, flush=True)
    print("== classes")
    for cause, ids in sorted(classes.items(), key=lambda x: -len(x[1])):
        print(f"{len(ids):3d}  {cause}: {' '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
