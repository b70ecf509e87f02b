"""Fit qa.abstain.NAME_BOUND: a question asking for a name (a person by role: "Which US official voiced
concern ...?", "Who is Hillary Clinton's new pollster?"; "What is the name of the fuse supplier?"; any
other who-question) is declined when no sentence of the best passages that names someone the question
does not name holds enough of the question's words.

    python bench/fit_person.py --out bench/reports/abstention_person.md

Runs the bot in-process with the test off (indexes cached under bench/out/, as bench/quality.py) on
the questions that ask for a name (qa.abstain.asked_name; follow-ups too, as their searched form
may) of news-dev, seed_dev, the fit questions, the paraphrase fit set, a SQuAD sample
(all answerable) and bench/data/person_fit.jsonl (questions written over the articles in
bench/data/person/: role holders the articles name, and ones they leave unnamed). For each question
answered it records the evidence the test reads (qa.abstain.bound_share over the sentences holding a
new name, qa.abstain.new_name), sweeps the threshold and chooses it as bench/fit_near_miss.py chooses
its own, per kind of name (fit_near_miss.choose: no answerable question of the non-SQuAD sets
declined, at most fit_near_miss.SQUAD_BUDGET of SQuAD's, the most unanswerable declined less
answerable).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit_near_miss  # noqa: E402
import quality  # noqa: E402

from qa import abstain, answer_sentences, config, not_mentioned  # noqa: E402
from qa.session import Conversation  # noqa: E402

GRID = [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7]


def load(path: Path) -> list[dict]:
    """A gold file's items."""
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def sets(squad_sample: int) -> list[tuple[str, object, list[dict]]]:
    """The public sets and the written one, each with its index."""
    shared = quality.SHARED
    article = quality.index_of("article", [config.bundled_article()], True)
    out: list[tuple[str, object, list[dict]]] = [
        (
            "news-dev",
            quality.index_of("newsdev", [shared / "news-dev/docs"], True),
            load(shared / "news-dev/gold.jsonl"),
        ),
        ("seed_dev", article, load(shared / "seed_dev.jsonl")),
        ("fit_questions", article, load(REPO / "bench/data/fit_questions.jsonl")),
        (
            "paraphrase_fit",
            quality.index_of("paraphrase", [config.bundled_article(), REPO / "bench/data/articles"], True),
            load(REPO / "bench/data/paraphrase_fit.jsonl"),
        ),
        (
            "person_fit",
            quality.index_of("person", [REPO / "bench/data/person"], True),
            load(REPO / "bench/data/person_fit.jsonl"),
        ),
    ]
    if squad_sample:
        docs, squad = quality.squad_items(squad_sample)
        out.append((f"squad{squad_sample}", quality.index_of("squad", [docs], True), squad))
    return out


KINDS = ("role", "name", "who")


def evidence(engine: object, searched: str, pids: list[int], kind: str) -> float:
    """The largest share of the question's focus terms in one best sentence naming someone new."""
    asked = abstain.question_words(searched)
    near = answer_sentences.near_sentences(engine, pids)  # type: ignore[arg-type]
    named = [
        (abstain.new_name(text, asked, kind != "role", not_mentioned.EVERYDAY_ZIPF), terms)
        for text, terms in near
    ]
    return abstain.bound_share(answer_sentences.focus_idf(engine, searched), named)  # type: ignore[arg-type]


def set_rows(sets: dict[str, list[dict[str, Any]]], declined: str) -> list[str]:
    """A markdown table of the question sets: questions, answerable, unanswerable, declined.

    Args:
        sets: set name -> its records (each with "answerable" and "abstained").
        declined: the last column's heading.
    Returns:
        The table's lines.
    """
    lines = [f"| set | questions | answerable | unanswerable | {declined} |", "|---|---:|---:|---:|---:|"]
    for name, rs in sets.items():
        ans = sum(r["answerable"] for r in rs)
        lines.append(
            f"| {name} | {len(rs)} | {ans} | {len(rs) - ans} | {sum(bool(r['abstained']) for r in rs)} |"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    was, abstain.NAME_BOUND = abstain.NAME_BOUND, dict.fromkeys(KINDS, 0.0)
    rows: dict[str, list[dict]] = {}
    try:
        for name, engine, items in sets(args.squad_sample):
            conv = Conversation(engine)  # type: ignore[arg-type]
            rows[name] = []
            for it in items:
                if not it.get("history") and abstain.asked_name(it["question"]) is None:
                    continue
                r = fit_near_miss.record(engine, it, conv)
                asked = abstain.asked_name(r["searched"])
                if asked is None:
                    continue
                r["kind"] = asked[0]
                if not r["abstained"]:
                    r["person"] = evidence(engine, r["searched"], r["pids"], asked[0])
                rows[name].append(r)
    finally:
        abstain.NAME_BOUND = was
    lines = [
        "# Abstention: a name asked for, named nowhere (abstain.NAME_BOUND)",
        "",
        "Made by `python bench/fit_person.py"
        + (f" --squad-sample {args.squad_sample}" if args.squad_sample != 2000 else "")
        + "`. Questions asking for a name (abstain.asked_name), answered with the test off; per kind",
        "and threshold, how many the test would decline: unanswerable (right) / answerable (wrong).",
        "SQuAD is all answerable.",
        "",
    ]
    chosen: dict[str, float] = {}
    for kind in KINDS:

        def fired(r: dict, tau: float, kind: str = kind) -> bool:
            return r["kind"] == kind and "person" in r and r["person"] < tau

        mine = {n: [r for r in rs if r["kind"] == kind] for n, rs in rows.items()}
        chosen[kind] = fit_near_miss.choose(mine, fired, GRID)
        lines += [f"## {kind}", "", *set_rows(mine, "already declined")]
        lines += [
            "",
            "| threshold | " + " | ".join(mine) + " | total right / wrong |",
            "|---" * (len(mine) + 2) + "|",
        ]
        for tau in GRID:
            cells, right, wrong = [], 0, 0
            for rs in mine.values():
                r_ = sum(1 for r in rs if not r["answerable"] and fired(r, tau))
                w_ = sum(1 for r in rs if r["answerable"] and fired(r, tau))
                right, wrong = right + r_, wrong + w_
                cells.append(f"{r_} / {w_}")
            lines.append(f"| {tau} | " + " | ".join(cells) + f" | {right} / {wrong} |")
        lines += [
            "",
            "Evidence per question below 0.5 (answered; share of focus terms beside a new name):",
            "",
        ]
        for name, rs in mine.items():
            for r in rs:
                if "person" in r and r["person"] < 0.5:
                    tag = "answerable" if r["answerable"] else "UNANSWERABLE"
                    lines.append(f"- {name} {tag} {r['person']:.2f}: {r['searched']}")
        lines.append("")
    lines += [f"Chosen: abstain.NAME_BOUND[{k!r}] = {v}" for k, v in chosen.items()]
    quality.publish(lines, args.out)


if __name__ == "__main__":
    main()
