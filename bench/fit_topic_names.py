"""Measure qa.topic_names.WHOLE_NAMES: a name the asked topic of "What did X say about T?" holds is
said only where X's texts name it, not where its words stand apart ("state" of "United States" for
"the Islamic State").

    python bench/gates_pooled.py run --indexes IDX --out R.jsonl   # main's code: how each question was searched
    python bench/fit_topic_names.py --seeds 0 1 --readsets IDX --records R.jsonl --out bench/reports/topic_names.md

Two measurements, each with the switch off (main) and on:

- PolNeAR train (public, generated; the sample of bench/polnear_speaker_questions.speaker_set):
  answerable: for each attribution to a named source X whose content holds a name of two terms or
  more N (abstain.name_runs; none of X's own words), "What did X say about N?"; near misses: for a
  named source X and a name N of two terms or more from another article's attributions that no
  attribution to X holds whole, but one of whose terms X's texts hold (the case the switch is about),
  "What did X say about N?". The speaker-topic test alone is read (qa.speaker_topic.
  speaker_topic_evidence over every document, below abstain.SPEAKER_TOPIC_SHARE: declined).
- The read sets (bench/read_sets.py; never a blind set): every question whose asked topic holds
  such a name, asked end to end through the conversation (history first) as score.py asks it.

Texts are read at run time and never stored in the project; the report names read-set questions by
id only for news-dev.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as psq  # noqa: E402

from bench.gates_pooled import SETS  # noqa: E402
from qa import abstain, speaker_topic, topic_names  # noqa: E402
from qa.engine import Engine  # noqa: E402


def _names(text: str, engine: Engine, avoid: set[str]) -> list[str]:
    """The names of two terms or more in `text` that use none of the words in `avoid`."""
    out = []
    for run in abstain.name_runs(text):
        if len(set(engine.terms(run))) >= 2 and not {w.lower() for w in run.split()} & avoid:
            out.append(run)
    return list(dict.fromkeys(out))


def polnear_questions(engine: Engine, seed: int, articles: int) -> list[dict[str, Any]]:
    """The generated name-topic questions of one PolNeAR train sample (see the module note)."""
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in psq.NEWS_DEV.iterdir()}
    all_docs = [d for d in psq._read("docs.jsonl.gz") if d["doc_id"] not in in_dev]
    rng = random.Random(seed)
    docs = sorted(rng.sample(all_docs, articles), key=lambda d: d["doc_id"])
    ids = {d["doc_id"] for d in docs}
    atts = [a for a in psq._read("attributions.jsonl.gz") if a["doc_id"] in ids]
    named = [a for a in atts if a.get("source_resolved_by") == "name" and a.get("source_resolved")]
    said: dict[str, list[str]] = {}
    for a in named:
        said.setdefault(a["source_resolved"], []).append(a["content_text"])
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for a in named:
        x = a["source_resolved"]
        for n in _names(a["content_text"], engine, {w.lower() for w in x.split()}):
            q = f"What did {x} say about {n}?"
            if q not in seen:
                seen.add(q)
                out.append({"question": q, "answerable": True})
    for x, texts in sorted(said.items()):
        if len(x.split()) < 2:
            continue
        mine = " ".join(texts)
        own_terms = set(engine.terms(mine))
        docs_of_x = {a["doc_id"] for a in named if a["source_resolved"] == x}
        pool = [
            n
            for a in named
            if a["doc_id"] not in docs_of_x
            for n in _names(a["content_text"], engine, {w.lower() for w in x.split()})
        ]
        near = [
            n
            for n in dict.fromkeys(pool)
            if n.casefold() not in mine.casefold() and set(engine.terms(n)) & own_terms
        ]
        for n in rng.sample(near, min(3, len(near))):
            out.append({"question": f"What did {x} say about {n}?", "answerable": False})
    return out


def declined_by_test(engine: Engine, question: str) -> bool | None:
    """Whether the speaker-topic test alone declines the question (None: it does not apply)."""
    share = speaker_topic.speaker_topic_evidence(engine, question)
    return None if share is None else share < abstain.SPEAKER_TOPIC_SHARE


def polnear(seeds: list[int], articles: int) -> list[str]:
    """The PolNeAR table's lines."""
    lines = [
        "## PolNeAR train, generated (the speaker-topic test alone)\n",
        "| seed | answerable | declined off -> on | near misses | declined off -> on |",
        "|---|---:|---:|---:|---:|",
    ]
    tot = [0, 0, 0, 0, 0, 0]
    for seed in seeds:
        engine, _ = psq.speaker_set(articles, seed)
        items = polnear_questions(engine, seed, articles)
        counts = [0, 0, 0, 0, 0, 0]  # answerable n, off, on; near n, off, on
        for it in items:
            topic_names.WHOLE_NAMES = False
            off = declined_by_test(engine, it["question"])
            topic_names.WHOLE_NAMES = True
            on = declined_by_test(engine, it["question"])
            if off is None or on is None:
                continue
            k = 0 if it["answerable"] else 3
            counts[k] += 1
            counts[k + 1] += off
            counts[k + 2] += on
        tot = [a + b for a, b in zip(tot, counts, strict=True)]
        lines.append(
            f"| {seed} | {counts[0]} | {counts[1]} -> {counts[2]} | {counts[3]} | {counts[4]} -> {counts[5]} |"
        )
    lines.append(f"| all | {tot[0]} | {tot[1]} -> {tot[2]} | {tot[3]} | {tot[4]} -> {tot[5]} |")
    return lines


def _asks_name_topic(question: str) -> bool:
    topic = abstain.asked_topic(question)
    return bool(topic) and any(len(n.split()) >= 2 or "-" in n for n in abstain.name_runs(topic or ""))


def _searched_with_name_topic(records: Path) -> set[tuple[str, str]]:
    """(set, id) of every question some reading of which, as bench/gates_pooled.py recorded it
    searched (a follow-up resolved: "What did Vladimir Putin say about Islamic State?"), asks about a
    topic holding a name of two terms or more."""
    from index.lexical import terms

    out = set()
    for line in records.read_text().splitlines():
        r = json.loads(line)
        for c in r["calls"] + r.get("later", []):
            if topic_names.topic_name_terms(abstain.asked_topic(c["searched"]) or "", terms):
                out.add((r["set"], r["id"]))
    return out


def readsets(indexes: Path, records: Path | None = None) -> list[str]:
    """The read sets' table's lines: every question whose asked topic holds a name, end to end
    (with `records`, also each question a reading of which was searched so)."""
    from qa.session import Conversation

    searched = _searched_with_name_topic(records) if records else set()

    lines = [
        "\n## Read sets, end to end (questions whose asked topic holds a name of two words or more)\n",
        "| set | id | question | answerable | declined off | declined on |",
        "|---|---|---|---|---|---|",
    ]
    for name, gold, idx in SETS:
        items = [json.loads(x) for x in gold.read_text().splitlines() if x.strip()]
        items = [it for it in items if _asks_name_topic(it["question"]) or (name, it.get("id")) in searched]
        if not items:
            continue
        engine = Engine.open(indexes / idx)
        for it in items:
            got = []
            for on in (False, True):
                topic_names.WHOLE_NAMES = on
                conv = Conversation(engine)
                for h in it.get("history") or []:
                    conv.ask(h, 5)
                got.append(conv.ask(it["question"], 5).abstained)
            text = "" if name == "newsdev" else it["question"]
            lines.append(
                f"| {name} | {it.get('id')} | {text} | {it.get('answerable', True)} | {got[0]} | {got[1]} |"
            )
    topic_names.WHOLE_NAMES = True
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, nargs="*", default=[0, 1])
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--readsets", type=Path, help="indexes as bench/gates_pooled.py reads them")
    ap.add_argument("--records", type=Path, help="bench/gates_pooled.py run's records: questions searched so")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    lines = ["# Topic names said whole (qa.topic_names.WHOLE_NAMES; bench/fit_topic_names.py)\n"]
    if args.readsets:
        lines += readsets(args.readsets, args.records)
    if args.seeds:
        lines += polnear(args.seeds, args.articles)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
