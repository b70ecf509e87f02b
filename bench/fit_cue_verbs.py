"""Select common English cue verbs of belief, intention and stance by their frequency and precision on
PolNeAR train, and record the selection.

    python bench/fit_cue_verbs.py            # writes bench/reports/cue_verbs.md

Reads ../shared/eval/polnear/train at run time (never copied). For every lower-case word form that is
the whole cue of a gold attribution, or the first word of a two-word cue ("called for", "pointed to"):

* `cues`: how many train attributions it cues;
* `seen`: how many times the form occurs as a word in the train articles;
* `rate` = cues / seen: how often an occurrence is a cue (a precision of "every occurrence is one").

A form is selected when cues >= MIN_CUES and rate >= MIN_RATE, it is not already a speech or belief verb
of index/attribution/words.py, it is finite (not an -ing participle nor an -ly adverb: those are read by
the participle rule) and not a function word or noun (NOT_VERBS). The report lists every candidate with
its figures, so a reader can check.
Only the selected general English verb forms go into words.py (CUE_VERBS); no text, example or other
word list of the corpus is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution.words import BELIEF_VERBS, CUE_VERBS, SPEECH_VERBS  # noqa: E402

SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)

MIN_CUES = 5  # at least this many train attributions cued by the form
MIN_RATE = 0.25  # at least this share of the form's occurrences in train text are cues
# Function words and nouns that cue an attribution but are no verbs: never selected.
NOT_VERBS = set(
    "in to for of about on from with by as at according after over into that who which what when while "
    "because poll polls survey report statement decision support criticism attacks questions view "
    "message comments remarks claims calls plan plans call supporter endorsement opposition complaints "
    "chants titled".split()
)


def _rows(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=SHARED / "eval" / "polnear" / "train")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "reports" / "cue_verbs.md")
    a = ap.parse_args()
    docs = _rows(a.split / "docs.jsonl.gz")
    gold = _rows(a.split / "attributions.jsonl.gz")
    cues: Counter[str] = Counter()
    for g in gold:
        words = re.findall(r"[a-z]+", str(g.get("cue_text") or ""))
        if 1 <= len(words) <= 2 and str(g.get("cue_text") or "").strip()[:1].islower():
            cues[words[0]] += 1
    seen: Counter[str] = Counter()
    for d in docs:
        seen.update(w for w in re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", str(d["text"])) if w in cues)
    known = ({v.lower() for v in SPEECH_VERBS} | set(BELIEF_VERBS)) - set(CUE_VERBS)  # CUE_VERBS: this output
    rows = []
    for w, n in cues.most_common():
        if n < MIN_CUES:
            break
        rate = n / max(1, seen[w])
        finite = not w.endswith(("ing", "ly"))  # participles and adverbs are read elsewhere
        keep = rate >= MIN_RATE and finite and w not in known and w not in NOT_VERBS
        rows.append((w, n, seen[w], rate, keep, w in known))
    chosen = sorted(w for w, *_, keep, _k in rows if keep)
    lines = [
        "# Cue verbs selected on PolNeAR train (bench/fit_cue_verbs.py)",
        "",
        f"Criterion: cues >= {MIN_CUES} train attributions and rate (cues / occurrences in train text) "
        f">= {MIN_RATE}; finite (no -ing, -ly); not already a speech or belief verb; not a function word "
        "or noun.",
        "",
        f"Selected ({len(chosen)}): {' '.join(chosen)}",
        "",
        "| form | cues | seen | rate | selected | already listed |",
        "|---|---:|---:|---:|---|---|",
    ]
    lines += [
        f"| {w} | {n} | {s} | {r:.2f} | {'yes' if k else ''} | {'yes' if kn else ''} |"
        for w, n, s, r, k, kn in rows
    ]
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(" ".join(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
