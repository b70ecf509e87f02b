"""Select the cues of beliefs, intentions and stances that no speech or belief verb reads yet, by their
frequency and precision on PolNeAR train, and record the selection.

    python bench/fit_belief_cues.py            # writes bench/reports/belief_cues.md

Reads ../shared/eval/polnear/train at run time (never copied). Three kinds of cue, each with the
figures of bench/fit_cue_verbs.py (`cues`: train attributions it cues; `seen`: its occurrences in
the context the rule reads; `rate` = cues / seen, the precision of "every occurrence is one"):

1. A verb and its preposition ("talking about", "lashed out at", "focused on"): a gold cue whose
   first two words are a verb form (not a speech or belief verb already read) and a preposition; `seen`
   counts the two words together in the train text. Selected when cues >= MIN_CUES and rate >=
   MIN_RATE (words.BELIEF_PREP_CUES).
2. A noun after a possessive source ("Roe's decision to", "his attacks on", "Clinton's view that"):
   a gold whose source ends in a possessive ('s, his, her, their) right before a cue that opens with
   the noun; `seen` counts the noun right after a possessive in the text. Selected when cues >=
   MIN_NOUN_CUES and rate >= MIN_NOUN_RATE (words.BELIEF_NOUNS).
3. The head noun of a source that is no person, of a belief ("the poll showed", "a survey found"):
   the last word of a gold source that is not a name, where the gold's cue is a belief verb
   (words.BELIEF_VERBS); `seen` counts the noun as a word right before a belief verb (at most two
   words between). Selected when cues >= MIN_CUES and rate >= MIN_SOURCE_RATE
   (words.BELIEF_SOURCE_NOUNS).

Only the selected general English words go into words.py; no text, example or other word list of the
corpus is kept.
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

from index.attribution.words import (  # noqa: E402
    BELIEF_NOUNS,
    BELIEF_PREP_CUES,
    BELIEF_VERBS,
    ROLE_WORDS,
    SPEECH_VERBS,
)

SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)

MIN_CUES = 5  # as bench/fit_cue_verbs.py
MIN_RATE = 0.25  # as bench/fit_cue_verbs.py
MIN_NOUN_CUES = 3  # possessive sources are rarer (316 reported train golds in all)
MIN_NOUN_RATE = 0.10  # a noun after a possessive is an attribution less often than a verb is
MIN_SOURCE_RATE = 0.8  # a source noun before a belief verb (0.3 admitted person groups: see the report)
# A past form: after a possessive it is the verb of a contraction ("Roe's said"), read by the verb rules.
_PAST_FORM = re.compile(r"(?:ed|said|told|wrote|thought|felt|knew|saw|found)$")
# English prepositions and particles that complete a verb cue ("talking about", "lashed out at").
PREPOSITIONS = set(
    "about at for on of to with against into over out up in toward towards from upon behind".split()
)
# Time words that end a source's modifier rather than name it ("a poll released last week").
TIME_WORDS = set("day days week weeks month months year years morning afternoon evening night time".split())
# Function words and determiners that are never a cue noun or a source head noun.
FUNCTION = set(
    "the a an this that these those it its he she they we i you his her their our my your him them "
    "and but or to of in on for with at by from as about own new first".split()
)


def _rows(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _table(title: str, rule: str, rows: list[tuple[str, int, int, float, bool, bool]]) -> list[str]:
    """A report section.

    Args:
        title: the section's heading; rule: its criterion, one sentence.
        rows: (form, cues, seen, rate, selected, already read) per candidate.
    Returns:
        The Markdown lines.
    """
    chosen = sorted(w for w, *_, keep, _k in rows if keep)
    print(f"{title}: {' | '.join(chosen)}")
    return [
        "",
        f"## {title}",
        "",
        rule,
        "",
        f"Selected ({len(chosen)}): {' | '.join(chosen)}",
        "",
        "| form | cues | seen | rate | selected | already read |",
        "|---|---:|---:|---:|---|---|",
    ] + [
        f"| {w} | {n} | {s} | {r:.2f} | {'yes' if k else ''} | {'yes' if kn else ''} |"
        for w, n, s, r, k, kn in rows
    ]


def prep_cues(docs: list[dict[str, object]], gold: list[dict[str, object]]) -> list[str]:
    """Kind 1, verb + preposition (see the module docstring).

    Args:
        docs: the split's articles; gold: its attributions.
    Returns:
        The report section.
    """
    known = {v.lower() for v in SPEECH_VERBS} | set(BELIEF_VERBS)
    cues: Counter[str] = Counter()
    for g in gold:
        text = str(g.get("cue_text") or "").strip()
        words = re.findall(r"[a-z]+", text)
        if len(words) >= 2 and text[:1].islower() and words[1] in PREPOSITIONS and words[0] not in FUNCTION:
            cues[f"{words[0]} {words[1]}"] += 1
    seen: Counter[str] = Counter()
    for d in docs:
        # every word with the next one (a look-ahead, so that pairs overlap)
        for m in re.finditer(r"(?<![\w'’-])([a-z]+)(?=\s+([a-z]+)(?![\w'’-]))", str(d["text"])):
            pair = f"{m.group(1)} {m.group(2)}"
            if pair in cues:
                seen[pair] += 1
    mine = set(BELIEF_PREP_CUES)  # this output
    rows = []
    for w, n in cues.most_common():
        if n < MIN_CUES:
            break
        rate = n / max(1, seen[w], n)
        first = w.split()[0]
        # a speech or belief verb, a participle (read after a comma by the participle rule) or
        # "according to" (its own rules) is read already
        already = (first in known or first.endswith("ing") or w == "according to") and w not in mine
        rows.append((w, n, seen[w], rate, rate >= MIN_RATE and not already, already))
    return _table(
        "Verb and preposition",
        f"Criterion: cues >= {MIN_CUES}, rate >= {MIN_RATE}, the verb not read already as a speech or "
        "belief verb.",
        rows,
    )


def possessive_nouns(docs: list[dict[str, object]], gold: list[dict[str, object]]) -> list[str]:
    """Kind 2, a noun after a possessive source (see the module docstring).

    Args:
        docs: the split's articles; gold: its attributions.
    Returns:
        The report section.
    """
    cues: Counter[str] = Counter()
    for g in gold:
        src = str(g.get("source_text") or "").strip()
        text = str(g.get("cue_text") or "").strip()
        words = re.findall(r"[a-z]+", text)
        if not words or not text[:1].islower() or words[0] in FUNCTION:
            continue
        # the noun is the whole cue or opens "<noun> <preposition>" ("decision", "attacks on"): an
        # adjective ("long support for") or a verb ("said") is never the cue's first word then
        noun_cue = len(words) == 1 or words[1] in PREPOSITIONS | {"that"}
        if noun_cue and re.search(r"(?:['’]s?|(?<![\w'’-])(?:[Hh]is|[Hh]er|[Tt]heir))$", src):
            cues[words[0]] += 1
    seen: Counter[str] = Counter()
    for d in docs:
        for m in re.finditer(
            r"(?:\w['’]s?|(?<![\w'’-])(?:[Hh]is|[Hh]er|[Tt]heir))\s+([a-z]+)(?![\w'’-])", str(d["text"])
        ):
            if m.group(1) in cues:
                seen[m.group(1)] += 1
    rows = []
    mine = set(BELIEF_NOUNS)
    for w, n in cues.most_common():
        if n < MIN_NOUN_CUES:
            break
        rate = n / max(1, seen[w], n)
        # a verb form read as a speech or belief verb already: only a past form after a possessive
        # ("Trump's said" is "has said"); a present form there is the noun ("Trump's claim that",
        # "his promise to"), which no verb reading takes (round 17, attr15: "claim", "promise" were
        # counted as read and never were)
        verb_form = w in BELIEF_VERBS or w in {v.lower() for v in SPEECH_VERBS}
        already = verb_form and bool(_PAST_FORM.search(w)) and w not in mine
        rows.append((w, n, seen[w], rate, rate >= MIN_NOUN_RATE and not already, already))
    return _table(
        "Noun after a possessive source",
        f"Criterion: cues >= {MIN_NOUN_CUES} train attributions whose source ends in a possessive right "
        f"before a cue opened by the noun, rate (cues / the noun's occurrences right after a possessive) "
        f">= {MIN_NOUN_RATE}.",
        rows,
    )


def source_nouns(docs: list[dict[str, object]], gold: list[dict[str, object]]) -> list[str]:
    """Kind 3, the head noun of a belief's source that is no person (see the module docstring).

    Args:
        docs: the split's articles; gold: its attributions.
    Returns:
        The report section.
    """
    belief = set(BELIEF_VERBS)
    cues: Counter[str] = Counter()
    for g in gold:
        src = str(g.get("source_text") or "").strip()
        cue = re.findall(r"[a-z]+", str(g.get("cue_text") or ""))
        if not src or not cue or cue[0] not in belief or g.get("source_resolved"):
            continue
        words = re.findall(r"[A-Za-z]+", src)
        if len(words) >= 2 and words[-1].islower() and words[-1] not in FUNCTION:
            cues[words[-1]] += 1
    verbs = "|".join(sorted(belief, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w'’-])([a-z]+)\s+(?:[\w'’,-]+\s+){{0,2}}?(?:{verbs})(?![\w'’-])")
    seen: Counter[str] = Counter()
    for d in docs:
        seen.update(m.group(1) for m in rx.finditer(str(d["text"])) if m.group(1) in cues)
    rows = []
    for w, n in cues.most_common():
        if n < MIN_CUES:
            break
        rate = n / max(1, seen[w], n)
        # a role ("the president") is read as a role already (described sources, bare plurals among
        # them, are not read for beliefs); a time word ends a modifier ("a poll released last week")
        already = w in ROLE_WORDS or w in TIME_WORDS
        rows.append((w, n, seen[w], rate, rate >= MIN_SOURCE_RATE and not already, already))
    return _table(
        "Source nouns of beliefs",
        f"Criterion: cues >= {MIN_CUES} train beliefs (cue a belief verb) whose source is no resolved name "
        f"and ends in the lower-case noun, rate (cues / the noun's occurrences at most two words before a "
        f"belief verb) >= {MIN_SOURCE_RATE}.",
        rows,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=SHARED / "eval" / "polnear" / "train")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "reports" / "belief_cues.md")
    a = ap.parse_args()
    docs = _rows(a.split / "docs.jsonl.gz")
    gold = _rows(a.split / "attributions.jsonl.gz")
    lines = ["# Belief, intention and stance cues selected on PolNeAR train (bench/fit_belief_cues.py)"]
    lines += prep_cues(docs, gold) + possessive_nouns(docs, gold) + source_nouns(docs, gold)
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
