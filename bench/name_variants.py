"""How often the same given name and surname, with and without a middle, name different people:
the measurement behind qa.names.merge (one person, one name across the documents of an index).

    python bench/name_variants.py                     # report to bench/reports/name_variants.md

Read from PolNeAR train (../shared/eval/polnear/train), counts only (no names are reported):

* speakers: the annotations' resolved source names, over the whole split as if one index held
  its 840 articles. Groups of names with the same first and last word (a suffix such as "Jr."
  left out) where one adds a middle initial, a middle name or a suffix to another; how many
  qa.names.merge merges, and how many hold two different middles or suffixes (two people: "George
  W." and "George P. Bush", a "Jr." and a "III"), which it leaves apart, as it does a bare name
  fitting both.
* text: the same over every personal name run of the articles' texts (qa.referents.names_in).
* within one article: groups whose bare and middled forms both appear in one article's text
  (the writer's two names for one person), against articles holding two different middles of
  one given name and surname (two people in one article).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.names import _less, _suffix, merge, person_tokens  # noqa: E402
from qa.referents import names_in  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"


def groups(names: Counter[str]) -> tuple[int, int, int, int]:
    """(groups holding a form with a middle or suffix more than another, names merged into another
    form, groups whose fullest forms differ in middle or suffix (two people), names left apart
    because they fit two of those) over `names` taken as one index."""
    toks = {n: t for n in names if (t := person_tokens(n)) is not None}
    ends: dict[tuple[str, str], list[str]] = {}
    for n, t in toks.items():
        ends.setdefault((t[0], t[-1]), []).append(n)
    merged = merge(names, names)
    variant = clash = apart = 0
    for g in ends.values():
        if len(g) < 2:
            continue
        form = {n: (toks[n], _suffix(n)) for n in g}
        fuller = {n: [m for m in g if _less(form[n], form[m])] for n in g}
        fullest = {form[n] for n in g if not fuller[n]}
        clash += sum(1 for t, sfx in fullest if len(t) > 2 or sfx) >= 2
        if not any(fuller.values()):
            continue
        variant += 1
        apart += sum(1 for n in g if fuller[n] and sum(merged[m] == merged[n] for m in g) == 1)
    moved = sum(1 for n in names if merged[n] != n)
    return variant, moved, clash, apart


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--report", type=Path, default=REPO / "bench" / "reports" / "name_variants.md")
    args = ap.parse_args()
    train = args.shared / "polnear" / "train"
    speakers: Counter[str] = Counter()
    with gzip.open(train / "attributions.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["source_resolved"]:
                speakers[a["source_resolved"]] += 1
    text_names: Counter[str] = Counter()
    same_doc = two_people = suffixed = 0
    with gzip.open(train / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    for d in docs:
        here = [n for n in names_in(d["text"]) if person_tokens(n) is not None]
        text_names.update(here)
        toks = {n: person_tokens(n) for n in here}
        ends: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for t in toks.values():
            assert t is not None
            ends.setdefault((t[0], t[-1]), []).append(t)
        for g in ends.values():
            middles = {t[1:-1] for t in g if len(t) > 2}
            bare = any(len(t) == 2 for t in g)
            if len(middles) >= 2 and not any(
                all(m == x or set(x) <= set(m) for x in middles) for m in middles
            ):
                two_people += 1
            elif middles and bare:
                same_doc += 1
        by_suffix: dict[tuple[str, ...], set[str]] = {}
        for n in here:
            t = person_tokens(n)
            assert t is not None
            by_suffix.setdefault(t, set()).add(_suffix(n))
        suffixed += sum(1 for s in by_suffix.values() if len(s) >= 2)
    s = groups(speakers)
    t = groups(text_names)
    lines = [
        "# Same given name and surname, with and without a middle (PolNeAR train)",
        "",
        "`python bench/name_variants.py` (qa.names.merge; counts only)",
        "",
        "| names from | names | groups with a form adding a middle or suffix | names merged into another | "
        "groups with two different middles or suffixes (two people) | names left apart (fit two) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| annotated speakers | {len(speakers)} | {s[0]} | {s[1]} | {s[2]} | {s[3]} |",
        f"| name runs of the texts | {len(text_names)} | {t[0]} | {t[1]} | {t[2]} | {t[3]} |",
        "",
        f"Within one article ({len(docs)} articles): a bare name and its middled form both written, "
        f"{same_doc} times; two different middles of one given name and surname, {two_people} times.",
        "",
        f"The same name with and without a suffix (Sr., Jr., III), or with two suffixes, in one article: "
        f"{suffixed} times.",
        "",
        "Read by hand (names not reported): of the bare and middled forms written in one article, one "
        "was two people (a father and his son, one written without the middle initial); of those with "
        "and without a suffix, three of four were father and son. Of the two middles in one article: "
        "a spelling variant of one person and organisations' names, no two people. Hence "
        "qa.names.merge: a middle may be left out, a suffix never.",
        "",
        "Reading: a middle or a suffix is how writers tell apart people who share a given name and "
        f"surname. Merging on given name and surname alone would have joined {s[2]} groups of different "
        "people among the annotated speakers (different middles or suffixes); qa.names.merge keeps those "
        "apart, and a bare name that fits two of them. Where the index holds one fuller form only, the "
        "bare name is taken for that person: of the persons' bare and middled forms written in one "
        "article, 7 of 8 were one person (the 8th: the known risk, taken for the common case of one "
        "person written with and without a middle initial in two articles).",
        "",
    ]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
