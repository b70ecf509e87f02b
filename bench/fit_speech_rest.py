"""Measure qa.cover.SPEECH_REST and the ages reached (qa.answer_type._AGE_REACHED) on questions
GENERATED from PolNeAR train articles (public; texts read at run time, written under bench/out/ only).

    python bench/fit_speech_rest.py [--articles 40] [--seed 0] [--out bench/reports/cover_speech.md]

Articles: PolNeAR train's with a sentence "<Surname> told <Capitalised outlet or person>" or an age
reached ("turns 70", "his 70th birthday"), at most --articles of them (seed), indexed together.

- Speech, answerable: "Which outlet did <First Surname> speak to?" (and "... talk to?") for a person
  the article names in full who "told" a capitalised name: the asked noun ("outlet") is seldom in the
  article, the verb never the sentence's.
- Speech, near misses: the same question of another person the article names in full (twice or
  more) with no sentence where their surname "told" anyone: the article does not say whom they spoke
  to.
- Age, answerable: "How old is <First Surname>?" for the person of an age reached; near misses: the
  same of another person named in full twice or more, no age given beside their surname.

Each is asked with SPEECH_REST off and on (the age forms have no switch: the report gives the rates
as now, and the near misses' rate is the one that must not drop).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402
import switch_fit  # noqa: E402

from qa import answer_type, cover  # noqa: E402

TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train"
NEWS_DEV = REPO.parent / "shared" / "eval" / "news-dev" / "docs"
_FULL = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")
_TOLD = re.compile(r"\b([A-Z][a-z]{2,}) told (?:the )?[A-Z]")
_AGE_BY = re.compile(rf"([A-Z][a-z]+ [A-Z][a-z]{{2,}})(?:’s|'s)?[^.]{{0,40}}?(?i:{answer_type._AGE_REACHED})")
MAX_MISSES = 60  # near misses asked per kind, at most (a sample, by seed)
_NOT_FIRST = frozenset("The A An In On At But And For Mr Mrs Ms Dr Sen Gov Rep President New".split())


def persons(text: str) -> list[tuple[str, str]]:
    """(first, surname) of the full names an article uses at least twice."""
    c = collections.Counter(m.groups() for m in _FULL.finditer(text) if m.group(1) not in _NOT_FIRST)
    return [p for p, n in c.items() if n >= 2]


def questions(docs: dict[str, str]) -> list[dict]:
    """The generated questions (see the module doc), each with its article and kind."""
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        people = persons(text)
        told = set(_TOLD.findall(text))
        aged = {m.group(1) for m in _AGE_BY.finditer(text)}
        for first, sur in people:
            name = f"{first} {sur}"
            base = {"article": doc_id, "history": []}
            for verb in ("speak", "talk"):
                q = f"Which outlet did {name} {verb} to?"
                out.append({**base, "question": q, "answerable": sur in told, "kind": "speech"})
            if name in aged:
                out.append({**base, "question": f"How old is {name}?", "answerable": True, "kind": "age"})
            elif not any(
                answer_type.age_expressions(s) or answer_type.fact_evidence("age", s)
                for s in re.findall(r"[^.!?\n]+", text)
                if sur in s
            ):
                out.append({**base, "question": f"How old is {name}?", "answerable": False, "kind": "age"})
    return out


def rest_excused(engine: object, question: str, speech: bool) -> bool:
    """Whether the cover gate's rest excuse would answer `question` were its asked noun ("outlet")
    missing from the documents: one of the three best sentences (as the bot retrieves them) holds
    the rest of the question (qa.cover.rest_away, rest_held), verbs of speech alike when `speech`.

    In an index of many articles the asked noun is seldom missing, so the end-to-end gate never
    reads these questions; the gate's own decision is what SPEECH_REST changes.
    """
    from index.lexical import terms, words
    from qa import term_cover
    from qa.session import Conversation

    answer = Conversation(engine).ask(question)  # type: ignore[arg-type]
    shown = (answer.passages or answer.nearest)[:3]
    sentences = [p.text[p.highlight[0] : p.highlight[1]] for p in shown]
    named = {w for n in term_cover.names_in(question) for w in words(n)}
    content = lambda w: bool(terms(w))  # noqa: E731
    away = cover.rest_away(question, ["outlet"], ["outlet"], content, terms, named)
    said = cover.speech_terms(terms) if speech else frozenset()
    held, rest = cover.rest_held(terms(question), away, [terms(s) for s in sentences], said)
    return rest >= 1 and held == rest


def main() -> None:
    """Build the set, ask it both ways and print (or write) the report."""
    from qa.session import Conversation

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in NEWS_DEV.iterdir()}
    with gzip.open(TRAIN / "docs.jsonl.gz", "rt") as f:
        docs = {d["doc_id"]: d["text"] for d in map(json.loads, f) if d["doc_id"] not in in_dev}
    rx_age = re.compile(answer_type._AGE_REACHED, re.I)
    ids = sorted(d for d, t in docs.items() if _TOLD.search(t) or rx_age.search(t))
    keep = sorted(random.Random(args.seed).sample(ids, min(args.articles, len(ids))))
    # Every age-reached article is kept: there are few of them.
    keep = sorted(set(keep) | {d for d in ids if rx_age.search(docs[d])})
    folder = quality.OUT / f"polnear-speech-{args.seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for d in keep:
        if not (folder / f"{d}.txt").exists():
            (folder / f"{d}.txt").write_text(docs[d], encoding="utf-8")
    engine = quality.index_of(folder.name, [folder], True)
    # One index holds every article: a question is answerable when any article answers it.
    merged: dict[str, dict] = {}
    for it in questions({d: docs[d] for d in keep}):
        had = merged.setdefault(it["question"], it)
        had["answerable"] = had["answerable"] or it["answerable"]
    rng = random.Random(args.seed)
    items = [it for it in merged.values() if it["answerable"]]
    for kind in ("speech", "age"):
        misses = [it for it in merged.values() if it["kind"] == kind and not it["answerable"]]
        items += rng.sample(misses, min(MAX_MISSES, len(misses)))

    def declined(rows: list[dict], speech: bool) -> list[bool]:
        if rows and rows[0]["kind"] == "speech":
            return [not rest_excused(engine, it["question"], speech) for it in rows]
        with switch_fit.switched(cover, "SPEECH_REST", speech):
            return [Conversation(engine).ask(it["question"]).abstained for it in rows]

    lines = [
        "# Verbs of speech in the cover gate's rest, and ages reached (bench/fit_speech_rest.py)",
        "",
        f"{len(keep)} PolNeAR train articles (seed {args.seed}), indexed together; every gate on.",
        "",
        "Speech rows: the cover gate's decision were the asked noun missing (rest_excused: declined =",
        "not excused); age rows: end to end.",
        "",
        "| questions | n | declined, SPEECH_REST off | declined, on |",
        "|---|---|---|---|",
    ]
    for kind in ("speech", "age"):
        for answerable in (True, False):
            rows = [it for it in items if it["kind"] == kind and it["answerable"] is answerable]
            label = f"{kind}, {'answerable' if answerable else 'near misses'}"
            lines += switch_fit.rates(label, rows, declined(rows, False), declined(rows, True), 10)
    lines.append("")
    quality.publish(lines, args.out)


if __name__ == "__main__":
    main()
