"""Typed fact questions by class, over every SQuAD v1.1 dev question of the class (not a sample).

    python bench/typed_classes.py --index IDX [--out REPORT.md] [--dump OUT.jsonl]

IDX is `qa index` of the SQuAD dev articles (one file per article, as ../shared/eval/score.py writes
them). Each question is asked in-process (qa.rank.answer, k 5) and scored as score.py scores it: hit
at 1 when the top passage is from the question's article and holds a gold answer; declined when the
bot abstains (every SQuAD v1.1 question is answerable, so each decline is a false one).

The classes are read from the question's wording, by this script's own patterns (not the bot's):

* count: "how many ..." (a year or a date in a passage must not pass for the count);
* which-time: "which/what day|date|year|month|decade|century" (the asked time named by its unit);
* according-to: "according to X" (X the source, not the topic: qa.frame);
* what-kind: "what kind/sort/type of N" ("kind" frames the question: qa.frame);
* what-measure: "what is the N rate/percentage/population/turnout" (a number is asked);
* who-verb: "who VERBed X ...?" (who is the subject; X is no asked speaker: qa.frame);
* where: "where ..." (a place name, or an adverb of place: "abroad", "overseas");
* other: every other question, to show that nothing else moves.

Run once on main and once on a branch over the same index: `--dump` writes one line per question
(id, class, hit, declined) and `--compare A.jsonl B.jsonl` lists the class figures side by side with
the questions that changed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = REPO.parent / "shared" / "eval"

_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("count", re.compile(r"\bhow many\b", re.I)),
    ("which-time", re.compile(r"\b(?:which|what) (?:day|date|year|month|decade|century)\b", re.I)),
    ("according-to", re.compile(r"\baccording to\b", re.I)),
    ("what-kind", re.compile(r"\b(?:what|which) (?:kinds?|sorts?|types?) of\b", re.I)),
    (
        "what-measure",
        re.compile(
            r"\bwhat(?:'s| is| was| are| were) (?:the|its|their) (?:[\w-]+ ){0,3}?(?:rates?|percentages?|population|turnout)\b",
            re.I,
        ),
    ),
    (
        "who-verb",
        re.compile(r"^\s*who (?!is\b|was\b|are\b|were\b|did\b|does\b|do\b|has\b|had\b|have\b)[a-z]+", re.I),
    ),
    ("where", re.compile(r"^\s*where\b", re.I)),
]


def question_class(question: str) -> str:
    """This script's class of a question: the first of _CLASSES whose pattern matches, else "other"."""
    return next((name for name, rx in _CLASSES if rx.search(question)), "other")


def norm(text: str) -> str:
    """Lower case, one space, straight quotes (score.py's normalisation)."""
    for a, b in {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text.replace("''", "'")).strip().lower()


def items(classes: set[str], other: int) -> list[dict]:
    """SQuAD dev questions of the classes, and every `other`-th question of no class."""
    out = []
    n_other = 0
    for line in open(SHARED / "squad-v1.1-dev" / "questions.jsonl", encoding="utf-8"):
        q = json.loads(line)
        c = question_class(q["question"])
        if c == "other":
            n_other += 1
            if not other or n_other % other:
                continue
        elif c not in classes:
            continue
        doc = re.sub(r"[^A-Za-z0-9._-]+", "__", q["doc_id"]) + ".txt"
        out.append(
            {
                "id": q["qid"],
                "question": q["question"].strip(),
                "answers": q["answers"],
                "doc": doc,
                "class": c,
            }
        )
    return out


def ask(index: Path, qs: list[dict], code: Path | None = None) -> list[dict]:
    """Each question's outcome: hit at 1 and declined; `code` a checkout whose qa to run (this one
    when None)."""
    if code is not None:
        sys.path.insert(0, str(code.resolve()))
    from qa import rank
    from qa.engine import Engine

    engine = Engine.open(index)
    rows = []
    for it in qs:
        a = rank.answer(engine, it["question"], it["question"], 5)
        top = a.hits[0] if a.hits else None
        hit = (
            not a.abstained
            and top is not None
            and Path(top.source).name == it["doc"]
            and any(norm(g) in norm(top.text) for g in it["answers"])
        )
        rows.append(
            {
                "id": it["id"],
                "class": it["class"],
                "question": it["question"],
                "hit": hit,
                "declined": a.abstained,
            }
        )
    return rows


def table(runs: dict[str, list[dict]]) -> list[str]:
    """hit@1 / declined per class, one column per run."""
    names = list(runs)
    lines = [
        "| class | n | " + " | ".join(f"{n} hit@1 / declined" for n in names) + " |",
        "|---|---:|" + "---|" * len(names),
    ]
    classes = sorted({r["class"] for rows in runs.values() for r in rows})
    for c in classes + ["all"]:
        cells = []
        n = 0
        for name in names:
            rows = [r for r in runs[name] if c in ("all", r["class"])]
            n = len(rows)
            cells.append(
                f"{sum(r['hit'] for r in rows) / max(n, 1):.3f} / {sum(r['declined'] for r in rows) / max(n, 1):.3f}"
            )
        lines.append(f"| {c} | {n} | " + " | ".join(cells) + " |")
    return lines


def compare(a: Path, b: Path) -> list[str]:
    """The class table of two dumps, and the questions whose outcome changed."""
    ra = [json.loads(x) for x in open(a, encoding="utf-8")]
    rb = [json.loads(x) for x in open(b, encoding="utf-8")]
    lines = table({a.stem: ra, b.stem: rb})
    by = {r["id"]: r for r in ra}
    lines += ["", "Changed (before -> after):", ""]
    for r in rb:
        o = by.get(r["id"])
        if o is None or (o["hit"], o["declined"]) == (r["hit"], r["declined"]):
            continue
        say = {(True, False): "hit", (False, False): "miss", (False, True): "declined"}
        lines.append(
            f"- {r['class']}: {r['question']} ({say[(o['hit'], o['declined'])]} -> {say[(r['hit'], r['declined'])]})"
        )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, help="qa index of the SQuAD dev articles")
    ap.add_argument("--classes", default="count,which-time,where")
    ap.add_argument("--code", type=Path, help="run this checkout's qa (default: this one)")
    ap.add_argument("--other", type=int, default=10, help="also every N-th question of no class (0: none)")
    ap.add_argument("--dump", type=Path, help="write one JSON line per question here")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        print("\n".join(compare(*args.compare)))
        return 0
    if args.index is None:
        ap.error("give --index or --compare")
    rows = ask(args.index, items(set(args.classes.split(",")), args.other), args.code)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    print("\n".join(table({"run": rows})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
