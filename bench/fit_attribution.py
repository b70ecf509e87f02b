"""Fit the attribution's numeric parameters on PolNeAR train, and record what was fit.

    python bench/fit_attribution.py                     # every 3rd train article (280), ~2 min
    python bench/fit_attribution.py --every 1           # all 840
    python bench/fit_attribution.py --only he/she       # only the parameters whose label holds it

Reads ../shared/eval/polnear/train at run time (never copied), runs the analyser directly (no index),
scores with ../shared/eval/attribution.py, and tunes one parameter at a time (coordinate ascent,
--rounds passes) for e2e_speech_f1 (what was said, with the right speaker), then e2e_f1 as tie-break.
Writes bench/reports/attribution_fit.md with every trial, the chosen values and the final figures.
The chosen values are then written into index/attribution by hand, citing the report.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))

from index.attribution import analyse, attributor, names, quote_record, sources, speakers  # noqa: E402

SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)

# parameter -> (module, attribute, candidate values)
GRID: dict[str, tuple[ModuleType, str, list[float]]] = {
    "pronoun lookback (he/she, sentences)": (names, "PRONOUN_LOOKBACK", [2, 3, 4, 6, 8]),
    "role lookback (sentences)": (sources, "ROLE_LOOKBACK", [1, 2, 3]),
    "unattributed quote lookback (sentences)": (sources, "LOOKBACK", [0, 2, 4, 6, 10]),
    "closing attribution: words after ', Roe said' to the sentence end": (
        sources,
        "CLOSING_WORDS",
        [3, 6, 10],
    ),
    "speaker-verb window before a quote (chars)": (sources, "SPEAKER_WINDOW", [0, 200, 400, 800]),
    "min words of an unattributed quote": (speakers, "MIN_QUOTE_WORDS", [1, 2, 3, 4]),
    "opening phrase before a subject he/she (chars)": (sources, "OPENER_CHARS", [0, 20, 40, 60]),
    "guessed gender: vote of a given name's gender from gender-guesser (0 = off)": (
        names,
        "GUESSED_GENDER_VOTE",
        [0, 1, 2, 3, 5],
    ),
    "min words of a cue participle's content (', citing ...')": (
        attributor,
        "PARTICIPLE_MIN_WORDS",
        [1, 2, 3],
    ),
    "common word: zipf of a one-word name seen only at sentence starts (9 = off)": (
        names,
        "COMMON_WORD_ZIPF",
        [9.0, 6.0, 5.5, 5.0, 4.5, 4.0, 3.5, 3.0],
    ),
    "round 8b: 'the board' looks back for the institution it names (chars, 0 = off)": (
        sources,
        "INSTITUTION_LOOKBACK",
        [0, 1000, 3000, 10000],
    ),
    "round 8b: an apposition's name opens its sentence within (chars)": (
        sources,
        "APPOSITION_OPEN_CHARS",
        [0, 20, 40, 80],
    ),
    "round 8a: quotations a trailing attribution may report inside its words (0 = none)": (
        attributor,
        "TRAILING_INNER_QUOTES",
        [0, 1, 2, 3, 4],
    ),
    "round 15: words after a handing-over past tense to the sentence end ('\"...,\" Roe shot back with a laugh')": (
        attributor,
        "ANY_VERB_TAIL_WORDS",
        [0, 2, 4, 6, 8, 12],
    ),
}


def load_scorer() -> ModuleType:
    """../shared/eval/attribution.py, imported at run time (it is not part of the project)."""
    spec = importlib.util.spec_from_file_location("polnear_scorer", SHARED / "eval" / "attribution.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def evaluate(scorer: ModuleType, docs: dict[str, str], gold: list[dict[str, Any]]) -> dict[str, float]:
    """The scorer's figures for the analyser as currently parametrised.

    Args:
        scorer: ../shared/eval/attribution.py, imported.
        docs: doc_id -> text.
        gold: the split's gold attributions for those documents.
    Returns:
        The scorer's result dict.
    """
    system = []
    for doc_id, text in docs.items():
        _speakers, quotes = analyse(text)
        system += [quote_record(f"{doc_id}.txt", text, q) for q in quotes]
    res: dict[str, float] = scorer.score(docs, gold, system, out=io.StringIO())
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=3, help="use every N-th train article")
    ap.add_argument("--rounds", type=int, default=1, help="passes over the parameters")
    ap.add_argument("--only", default="", help="fit only the parameters whose label holds this text")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "reports" / "attribution_fit.md")
    ap.add_argument(
        "--half",
        choices=("A", "B"),
        help="fit on this half of train (bench/attribution_halves.py) and report the other half",
    )
    a = ap.parse_args()
    scorer = load_scorer()
    all_docs, all_gold = scorer.load_split(str(SHARED / "eval" / "polnear" / "train"))
    keep = {d for i, d in enumerate(all_docs) if i % a.every == 0}
    held: set[str] = set()
    if a.half:
        from attribution_halves import halves

        fit_half, other = halves(list(all_docs))
        if a.half == "B":
            fit_half, other = other, fit_half
        keep &= fit_half
        held = other
    initial = {label: getattr(mod, attr) for label, (mod, attr, _v) in GRID.items()}
    docs = {d: t for d, t in all_docs.items() if d in keep}
    gold = [g for g in all_gold if g["doc_id"] in keep]

    def key(r: dict[str, float]) -> tuple[float, float]:
        return (round(r["e2e_speech_f1"], 4), round(r["e2e_f1"], 4))

    lines = [
        "# Attribution parameters fit on PolNeAR train",
        "",
        f"Command: `python bench/fit_attribution.py --every {a.every}"
        f"{' --half ' + a.half if a.half else ''}` ({len(docs)} train articles, "
        f"{len(gold)} gold attributions{', only ' + repr(a.only) if a.only else ''}). "
        "Objective: e2e_speech_f1, then e2e_f1.",
        "",
        "| parameter | value | e2e_speech_f1 | e2e_f1 | speaker_acc | direct F1 | reported-speech R |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    t0 = time.perf_counter()
    best = evaluate(scorer, docs, gold)
    for _round in range(a.rounds):
        for label, (mod, attr, values) in GRID.items():
            if a.only and a.only not in label:
                continue
            current = getattr(mod, attr)
            scores = {}
            for v in values:
                setattr(mod, attr, v)
                r = evaluate(scorer, docs, gold)
                scores[v] = r
                lines.append(
                    f"| {label} | {v} | {r['e2e_speech_f1']:.4f} | {r['e2e_f1']:.4f} | {r['speaker_acc']:.4f} "
                    f"| {r['content_f1_direct']:.4f} | {r['content_r_reported_speech']:.4f} |"
                )
                print(lines[-1], flush=True)
            # keep the current value unless another is strictly better
            chosen = max(values, key=lambda v: (key(scores[v]), v == current))
            setattr(mod, attr, chosen)
            best = scores[chosen]
    lines += ["", "## Chosen", ""]
    for label, (mod, attr, _values) in GRID.items():
        lines.append(f"- {label}: `{mod.__name__}.{attr} = {getattr(mod, attr)}`")
    lines += [
        "",
        "## Figures with the chosen values (train subset)",
        "",
        " ".join(f"{k}={v:.4f}" for k, v in best.items() if isinstance(v, float)),
        "",
        f"({time.perf_counter() - t0:.0f} s)",
        "",
    ]
    if held:
        hd = {d: t for d, t in all_docs.items() if d in held}
        hg = [g for g in all_gold if g["doc_id"] in held]
        after = evaluate(scorer, hd, hg)
        chosen = {label: getattr(mod, attr) for label, (mod, attr, _v) in GRID.items()}
        for label, (mod, attr, _v) in GRID.items():
            setattr(mod, attr, initial[label])
        before = evaluate(scorer, hd, hg)
        for label, (mod, attr, _v) in GRID.items():
            setattr(mod, attr, chosen[label])
        keys = ("speaker_acc", "speaker_acc_coref", "e2e_speech_f1", "e2e_f1")
        lines += [
            f"## Held-out half ({len(hd)} train articles not fit on)",
            "",
            "| values | " + " | ".join(keys) + " |",
            "|---|" + "---:|" * len(keys),
            "| before (the values in the code) | " + " | ".join(f"{before[k]:.4f}" for k in keys) + " |",
            "| fit on the other half | " + " | ".join(f"{after[k]:.4f}" for k in keys) + " |",
            "",
        ]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
