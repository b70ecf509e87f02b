"""Quotation verbs with a topic or an object on PolNeAR train (round 30, attr30b): how often a gold
report starts where the phrase after the verb starts.

    python bench/attribution_topic_preps.py            # halves A and B of bench/attribution_halves.py
    python bench/attribution_topic_preps.py --add-to   # also "add to": where no gold report starts

`index.attribution.attributor._TOPIC_PREPS` reads "commented on", "joked about", "mused about",
"remarked on" and "recalled <object>" as reports. The verbs are quotation verbs
(words.DIRECT_ONLY): alone they attribute a quotation. This prints, per verb form and preposition,
the occurrences in train's text and how many start a gold attribution's content within 3 characters
of the phrase's end (the words after the preposition, or the object after "recalled"), per half. The
forms read (past tense) and the forms left out (present -s forms, often plural nouns: "his comments
on"; "responded to", "replied to") are both listed. Only a phrase not opened by a closing quotation
mark and comma is counted (after a quotation the verb is that quotation's). With --add-to it also
counts "add/adds/added/adding to" and the golds whose content starts at its "to" or just after it
(speakers.ADD_TO_NOT_SPEECH drops the reports read from it). Dev is never read.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

# (form, prepositions or "" for a lower-case object, read by the analyser)
FORMS: list[tuple[str, str, bool]] = [
    ("commented", "on|about", True),
    ("joked", "about", True),
    ("mused", "about|on", True),
    ("remarked", "on|about", True),
    ("recalled", "", True),
    ("recalls", "", True),
    ("comments", "on|about", False),
    ("jokes", "about", False),
    ("remarks", "on|about", False),
    ("responded", "to", False),
    ("replied", "to", False),
]
_AFTER_QUOTE = re.compile(r"[,.!?][\"”'’]+\s*(?:[\w.'’-]+\s+){0,4}$")


def pattern(form: str, preps: str) -> re.Pattern[str]:
    """The phrase a form opens: the verb and its preposition, or the verb and a lower-case object.

    Args:
        form: the verb form; preps: its prepositions joined by "|", or "" for an object.
    Returns:
        A pattern whose match ends where the reported words would start.
    """
    if preps:
        return re.compile(rf"(?<![\w'’-]){form}\s+(?:{preps})\s+")
    return re.compile(rf"(?<![\w'’-]){form}\s+(?!that\b)(?=[a-z])")


def count(docs: dict[str, str], gold: list[dict[str, Any]], a: set[str]) -> dict[tuple[str, str], list[int]]:
    """Per form and half: [occurrences, those starting a gold's content].

    Args:
        docs: train's texts; gold: its attributions; a: half A's document ids.
    Returns:
        (form, half) -> [n, gold starts].
    """
    starts: dict[str, list[int]] = collections.defaultdict(list)
    for g in gold:
        starts[g["doc_id"]].append(g["content"][0][0])
    out: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for form, preps, _read in FORMS:
        rx = pattern(form, preps)
        for d, text in docs.items():
            for m in rx.finditer(text):
                if _AFTER_QUOTE.search(text[max(0, m.start() - 80) : m.start()]):
                    continue
                row = out[(form, "A" if d in a else "B")]
                row[0] += 1
                row[1] += any(abs(s - m.end()) <= 3 for s in starts[d])
    return out


def add_to(docs: dict[str, str], gold: list[dict[str, Any]], a: set[str]) -> dict[str, list[int]]:
    """Per half: [occurrences of "add(s|ed|ing) to", those where a gold's content starts].

    Args:
        docs: train's texts; gold: its attributions; a: half A's document ids.
    Returns:
        half -> [n, gold starts at the "to" or within 3 characters after it].
    """
    starts: dict[str, list[int]] = collections.defaultdict(list)
    for g in gold:
        starts[g["doc_id"]].append(g["content"][0][0])
    rx = re.compile(r"(?<![\w'’-])add(?:s|ed|ing)?\s+(?P<to>to)\s+", re.I)
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for d, text in docs.items():
        for m in rx.finditer(text):
            row = out["A" if d in a else "B"]
            row[0] += 1
            row[1] += any(m.start("to") - 3 <= s <= m.end() + 3 for s in starts[d])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--add-to", action="store_true", help='also count "add to" and the golds it starts')
    args = ap.parse_args()
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, _b = halves(list(docs))
    out = count(docs, gold, a)
    print(f"{'form':<12}{'prepositions':<16}{'read':<6}{'A gold/n':>10}{'B gold/n':>10}")
    tot = {True: [0, 0], False: [0, 0]}
    for form, preps, read in FORMS:
        ra, rb = out[(form, "A")], out[(form, "B")]
        print(
            f"{form:<12}{preps or '(object)':<16}{'yes' if read else 'no':<6}{ra[1]:>5}/{ra[0]:<4}{rb[1]:>5}/{rb[0]:<4}"
        )
        tot[read][0] += ra[0] + rb[0]
        tot[read][1] += ra[1] + rb[1]
    for read in (True, False):
        print(f"{'read' if read else 'left out'}: {tot[read][1]} gold starts in {tot[read][0]}")
    if args.add_to:
        at = add_to(docs, gold, a)
        print(f'"add to": A {at["A"][1]} gold starts in {at["A"][0]}, B {at["B"][1]} in {at["B"][0]}')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
