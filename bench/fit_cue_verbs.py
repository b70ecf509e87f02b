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

A second table does the same for participles after a comma (", citing ...", ", referring to ..."), the
context the participle rule reads (index/attribution/attributor.py `_PARTICIPLE`): for every -ing form,
`seen` counts its occurrences right after a comma and `cues` those where a gold cue starts on it. A form
is selected (CUE_PARTICIPLES) when cues >= MIN_CUES, rate >= MIN_PARTICIPLE_RATE and the participle
rule (or the "according to" rule) does not read it yet.
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

from index.attribution.attributor import _PARTICIPLE  # noqa: E402
from index.attribution.words import BELIEF_VERBS, CUE_PARTICIPLES, CUE_VERBS, SPEECH_VERBS  # noqa: E402

SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)

MIN_CUES = 5  # at least this many train attributions cued by the form
MIN_RATE = 0.25  # at least this share of the form's occurrences in train text are cues
MIN_PARTICIPLE_RATE = 0.6  # after a comma, at least this share of a participle's occurrences are cues
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
    lines += _participle_table(docs, gold)
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(" ".join(chosen))
    return 0


def _participle_table(docs: list[dict[str, object]], gold: list[dict[str, object]]) -> list[str]:
    """The report's section on participles after a comma (see the module docstring).

    Args:
        docs: the split's articles; gold: its attributions.
    Returns:
        The section's Markdown lines; the selected forms are printed too.
    """
    cue_starts: dict[str, set[int]] = {}
    for g in gold:
        cue = g.get("cue")
        if isinstance(cue, list) and cue:
            cue_starts.setdefault(str(g["doc_id"]), set()).add(int(cue[0]))
    seen: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    for d in docs:
        starts = cue_starts.get(str(d["doc_id"]), set())
        for m in re.finditer(r",\s+([a-z]+ing)(?![\w'’-])", str(d["text"])):
            seen[m.group(1)] += 1
            cues[m.group(1)] += m.start(1) in starts
    probes = (", {} that the plan works", ", {} reporters that the plan works", ", {} him whether it works")
    known = {w for w in seen if any(_PARTICIPLE.match(p.format(w)) is not None for p in probes)}
    known |= {"according"}  # ", according to ...": read by the "according to" rules
    known -= set(CUE_PARTICIPLES)  # CUE_PARTICIPLES: this output
    rows = []
    for w, n in cues.most_common():
        if n < MIN_CUES:
            break
        rate = n / seen[w]
        keep = rate >= MIN_PARTICIPLE_RATE and w not in known
        rows.append((w, n, seen[w], rate, keep, w in known))
    chosen = sorted(w for w, *_, keep, _k in rows if keep)
    print(" ".join(chosen))
    lines = [
        "",
        "## Participles after a comma",
        "",
        f"Criterion: cues >= {MIN_CUES} train attributions whose cue starts on the form right after a "
        f"comma, and rate (those cues / the form's occurrences after a comma) >= {MIN_PARTICIPLE_RATE}; "
        "not read by the participle rule already.",
        "",
        f"Selected ({len(chosen)}): {' '.join(chosen)}",
        "",
        "| form | cues | seen after a comma | rate | selected | already read |",
        "|---|---:|---:|---:|---|---|",
    ]
    return lines + [
        f"| {w} | {n} | {s} | {r:.2f} | {'yes' if k else ''} | {'yes' if kn else ''} |"
        for w, n, s, r, k, kn in rows
    ]


if __name__ == "__main__":
    sys.exit(main())
