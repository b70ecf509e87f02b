"""Metonym questions generated from PolNeAR train: a country asked for by its capital.

    python bench/metonym_questions.py --out bench/reports/metonyms_polnear.md

Indexes train articles (never news-dev's, never dev or test) that name a country whose capital they
never use, at most --articles of them, and for each sentence naming such a country asks:

- answerable: "What about <capital> and <word>?", where <word> is the sentence's rarest word and
  <capital> the capital of the country (countryinfo): the capital is a true metonym for the documents;
- control: the same question with the country's own name;
- unanswerable: the same question with the capital of a country the documents never name.

Each set is asked twice: with qa.equivalents' metonyms, and with them switched off (the code before
qa.equivalents). Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as psq  # noqa: E402
import quality  # noqa: E402

from index.chunk import sentences  # noqa: E402
from index.lexical import words  # noqa: E402
from qa import equivalents  # noqa: E402
from qa.session import Conversation  # noqa: E402


def _countries() -> list[tuple[str, str, frozenset[str]]]:
    """(name, capital, folded names) of each country with a one-word capital ("Mexico City" would be
    asked as "City")."""
    out = []
    for info in equivalents.country_table():
        cap = info.get("capital")
        if isinstance(cap, str) and cap and " " not in cap.strip() and info.get("name"):
            head = cap.strip()
            names = frozenset(
                n for names in equivalents._country_names() if " ".join(words(head)) in names for n in names
            )
            out.append((info["name"], head, names))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show", action="store_true", help="print wrong decisions (never into a report)")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    countries = _countries()
    demonyms: dict[str, tuple[str, str]] = {}
    for n, cap, names in countries:
        for x in names:
            demonyms.setdefault(x, (n, cap))
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in psq.NEWS_DEV.iterdir()}
    named = {n: (re.compile(rf"\b{re.escape(n)}\b"), cap) for n, cap, _ in countries if len(n) > 3}
    hits: dict[str, list[tuple[str, str, str]]] = {}  # doc -> (sentence, country, capital)
    all_docs = {d["doc_id"]: d for d in psq._read("docs.jsonl.gz") if d["doc_id"] not in in_dev}
    for doc_id, d in all_docs.items():
        used_here = set(words(d["text"]))
        for n, (pat, cap) in named.items():
            if cap.lower() in used_here or not pat.search(d["text"]):
                continue
            for a, b in sentences(d["text"]):
                if pat.search(d["text"][a:b]):
                    hits.setdefault(doc_id, []).append((d["text"][a:b], n, cap))
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(sorted(hits), min(args.articles, len(hits))))
    folder = quality.OUT / f"polnear-metonyms-{args.articles}-{args.seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.txt"):  # another --articles/--seed choice left here: not asked about
        if stale.stem not in chosen:
            stale.unlink()
    for doc_id in chosen:
        f = folder / f"{doc_id}.txt"
        if not f.exists():
            f.write_text(all_docs[doc_id]["text"], encoding="utf-8")
    engine = quality.index_of(folder.name, [folder], quantized=True)
    used = set(words(" ".join(all_docs[c]["text"] for c in chosen)))  # words: is the capital itself used
    text = " ".join(all_docs[c]["text"] for c in chosen)
    # Countries the documents never name, by any of their names ("South Korea" as a phrase).
    absent = [c for c in countries if not any(equivalents.phrase_in(n, [text]) for n in c[2])]
    items: list[dict] = []
    for doc_id in chosen:
        for sent, country, capital in hits[doc_id][:3]:
            if capital.lower() in used:
                continue  # another article uses the capital: no metonym to test
            word = psq._rarest(sent, {w.lower() for w in country.split()})
            if not word:
                continue
            other = rng.choice(absent)[1]
            for label, place, ans in (
                ("answerable (capital)", capital, True),
                ("control (country)", country, True),
                ("unanswerable (other capital)", other, False),
            ):
                items.append({"set": label, "question": f"What about {place} and {word}?", "ans": ans})

    conv = Conversation(engine)
    table: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    declined_off: set[str] = set()
    for mode in ("without metonyms", "with metonyms"):
        patch = (
            mock.patch.object(equivalents, "metonym_in", lambda *_: None)
            if mode.startswith("without")
            else None
        )
        if patch:
            patch.start()
        try:
            for it in items:
                conv.reset()
                a = conv.ask(it["question"], 5)
                table[(mode, it["set"])]["declined" if a.abstained else "answered"] += 1
                if a.abstained and mode.startswith("without"):
                    declined_off.add(it["question"])
                if args.show and not a.abstained and it["question"] in declined_off and not it["ans"]:
                    print("now answered:", it["question"], "->", a.hits[0].text[:100])
                if args.show and mode == "with metonyms" and a.abstained == it["ans"]:
                    print(it["set"], it["question"], "->", a.reason or a.hits[0].text[:100])
        finally:
            if patch:
                patch.stop()
    lines = [
        f"# Metonym questions from PolNeAR train ({len(chosen)} articles, seed {args.seed})",
        "",
        f"`python bench/metonym_questions.py --articles {args.articles} --seed {args.seed}`",
        "",
        "| questions | n | declined without metonyms | declined with metonyms |",
        "|---|---:|---:|---:|",
    ]
    for s in ("answerable (capital)", "control (country)", "unanswerable (other capital)"):
        off, on = table[("without metonyms", s)], table[("with metonyms", s)]
        n = sum(on.values())
        lines.append(f"| {s} | {n} | {off['declined'] / max(n, 1):.3f} | {on['declined'] / max(n, 1):.3f} |")
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
