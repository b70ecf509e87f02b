"""Speaker questions in the wordings round 21's reading changes read, generated on PolNeAR train.

    python bench/read21_forms.py [--articles 80] [--seed 0] [--out bench/reports/read21_forms.md]
                                 [--show-misses]

bench/described_forms.py's questions (speakers asked by what the article binds to them: "the New
York senator", "the former secretary of state", "Clinton's spokesman", "the Americans", and named
writers) are asked again in the wordings the new readings are for, end to end in-process
(qa.session.Conversation, five passages), each with the round's switches on and all off, in the same
run over the same index:

- "asked": the generator's own "What did <speaker> say about <word>?" (the control: unchanged);
- "polar": the yes/no form, "Did <speaker> say anything about <word>?" (qa.describe.POLAR_SUBJECT:
  the speaker slot after the auxiliary);
- "ex": a former office asked with the prefix, "What did the ex-secretary of state say about
  <word>?" (qa.describe.EX_FORMER), and its yes/no form;
- "how": "How does <speaker> want <word> handled?" (qa.question.HOW_CUE: a cue verb of the attribution
  lexicon after "how", an auxiliary and the subject);
- "given": a named person asked by their given name alone, "What did Hillary say about <word>?"
  (qa.question.GIVEN_NAMES).

Unanswerable counterparts (never-quoted people, same wordings) report the share declined. Texts are
read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import described_forms  # noqa: E402
import quality  # noqa: E402
from polnear_speaker_questions import holds  # noqa: E402

from qa.session import Conversation  # noqa: E402

SWITCHES = (
    "qa.describe.POLAR_SUBJECT",
    "qa.describe.EX_FORMER",
    "qa.question.HOW_CUE",
    "qa.question.GIVEN_NAMES",
)
FORMS = ("asked", "polar", "ex", "ex-polar", "how", "given")
_ASKED = re.compile(r"^what did (?P<s>.+?) (?P<v>say|write|tweet) about (?P<w>.+?)\??$", re.I)


def wordings(question: str, name: str = "") -> dict[str, str]:
    """The question in each form of FORMS that applies to it.

    Args:
        question: a generated "What did <speaker> say about <word>?" question.
        name: the person's full name where the generator asked by it or described a named person.
    Returns:
        form -> the question so worded.
    """
    m = _ASKED.match(question)
    if m is None:
        return {}
    lower = question[:1].islower()
    speaker, verb, word = m.group("s"), m.group("v"), m.group("w")
    did = "did" if lower else "Did"
    how = "how" if lower else "How"
    end = "" if lower else "?"
    out = {
        "asked": question,
        "polar": f"{did} {speaker} {verb} anything about {word}{end}",
        "how": f"{how} does {speaker} want {word} handled{end}",
    }
    if len(name.split()) >= 2 and not lower:  # "What did Hillary say about <word>?"
        out["given"] = f"What did {name.split()[0]} {verb} about {word}?"
    if re.search(r"\bformer ", speaker, re.I):
        ex = re.sub(r"\bformer ", "ex-", speaker, count=1, flags=re.I)
        out["ex"] = f"{'what' if lower else 'What'} did {ex} {verb} about {word}{end}"
        out["ex-polar"] = f"{did} {ex} {verb} anything about {word}{end}"
    return out


def switch(on: bool) -> None:
    """Set every switch of SWITCHES on or off (they are read at call time).

    Args:
        on: the value.
    """
    for dotted in SWITCHES:
        module, _, name = dotted.rpartition(".")
        setattr(importlib.import_module(module), name, on)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--show-misses", action="store_true", help="print changed decisions (never into a report)"
    )
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    engine, items = described_forms.sample(args.articles, args.seed)
    conv = Conversation(engine)
    # (form, answerable, setting) -> counts
    tally: dict[tuple[str, bool, str], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    for it in items:
        kind = it["kind"].removeprefix("never-")
        name = it["id"].split(":")[2] if kind in ("bracket", "former", "wrote") else ""
        for form, q in wordings(it["question"], name).items():
            hits = {}
            for setting in ("off", "on"):
                switch(setting == "on")
                conv.reset()
                a = conv.ask(q, 5)
                shown = list(a.nearest if a.abstained else a.passages)[:5]
                c = tally[(form, it["answerable"], setting)]
                c["n"] += 1
                c["declined"] += a.abstained
                if it["answerable"]:
                    hit = bool(shown) and not a.abstained and holds(shown[0], it)
                    c["hit@1"] += hit
                    c["recall@5"] += any(holds(p, it) for p in shown)
                    hits[setting] = hit
                else:
                    hits[setting] = a.abstained
            if args.show_misses and hits["on"] != hits["off"]:
                print("CHANGED", form, it["answerable"], "off" if hits["off"] else "on", "right |", q)
    lines = [
        f"# Round 21 reading forms on generated PolNeAR speaker questions ({args.articles} articles, seed {args.seed})",
        "",
        f"`python bench/read21_forms.py --articles {args.articles} --seed {args.seed}`: bench/described_forms.py's",
        "questions in the wordings of the module docstring, each asked with the switches",
        f"{', '.join(SWITCHES)} all off, then all on, in one run over one index.",
        "",
        "| form | n | off hit@1 / r@5 / declined | on hit@1 / r@5 / declined |",
        "|---|---|---|---|",
    ]
    for answerable in (True, False):
        for form in FORMS:
            off, on = tally.get((form, answerable, "off")), tally.get((form, answerable, "on"))
            if not off or not on:
                continue
            n = off["n"]
            if answerable:
                fig = [
                    f"{c['hit@1'] / n:.3f} / {c['recall@5'] / n:.3f} / {c['declined'] / n:.3f}"
                    for c in (off, on)
                ]
            else:
                fig = [f"declined {c['declined'] / n:.3f}" for c in (off, on)]
            label = form if answerable else f"never ({form})"
            lines.append(f"| {label} | {n} | {fig[0]} | {fig[1]} |")
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
