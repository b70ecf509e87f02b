"""Can the embedding model say when a name the documents lack ("the Kremlin") stands for a country they
name ("Russia"), by its cosine to "<demonym> government"? (Tried, not used: see the report.)

countryinfo knows capitals and demonyms ("Moscow", "Russian"), not seats of government. A question
naming "the Kremlin chief" of an article that says "Russian President Vladimir Putin" was declined
"the documents do not mention Kremlin" (bench/data/article_heldout4.jsonl h4s07; the paraphrase fit
set's b01, b19, b29). Here the model decides, with a threshold fit on written data:

- positives: seats and institutions of government written for this fit (POSITIVES, each with its
  country), never read at run time;
- negatives: every speaker name (people and organisations) the indexes of news-dev and the three news
  held-out sets know, and every capitalised name of the gold questions of those sets and of the
  paraphrase fit set that countryinfo does not know: none of them stands for a government.

Each name is scored by its best cosine to "<demonym> government" over every country of countryinfo
(not only those a document names: the harder test), and counts as read right only when the best
country is its own. The threshold is the lowest cosine above every negative's (so no negative is
read as a government), and the report gives the positives it keeps. Measured in round spk12: the
model places people ("Putin", "Tony Blair") closer to their government than "the Kremlin", and "the
Kremlin" closest to the North Korean government, so no threshold keeps a positive without
negatives; qa.equivalents has no such test. A lexical resource with glosses (WordNet: "Kremlin: the
citadel of Moscow; houses the Russian government") would be the data for it.

    python bench/fit_seat_cosine.py --index news-dev=/tmp/nd --index nh1=/tmp/nh1 ... \
        [--out bench/reports/seat_cosine.md]
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

from qa import equivalents, term_cover  # noqa: E402
from qa.engine import Engine  # noqa: E402

# Written for this fit (not read at run time): (name as a question writes it, its country's demonym).
POSITIVES: tuple[tuple[str, str], ...] = (
    ("the Kremlin", "Russian"),
    ("the White House", "American"),
    ("Downing Street", "British"),
    ("Whitehall", "British"),
    ("the Elysee", "French"),
    ("the Elysee Palace", "French"),
    ("Zhongnanhai", "Chinese"),
    ("the Blue House", "South Korean"),
    ("the Knesset", "Israeli"),
    ("the Duma", "Russian"),
    ("the Bundestag", "German"),
    ("Capitol Hill", "American"),
    ("the Pentagon", "American"),
    ("the Quai d'Orsay", "French"),
    ("the Chancellery in Berlin", "German"),
    ("the Oval Office", "American"),
)
GOLD = (
    "../shared/eval/news-dev/gold.jsonl",
    "bench/data/news_heldout.jsonl",
    "bench/data/news_heldout2.jsonl",
    "bench/data/news_heldout3.jsonl",
    "bench/data/paraphrase_fit.jsonl",
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", action="append", default=[], help="NAME=DIR of an index to read speakers from")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    engines = [Engine.open(Path(spec.split("=", 1)[1])) for spec in args.index]
    if not engines:
        raise SystemExit("give at least one --index")
    embed = engines[0].embedder
    demonyms = sorted({str(i["demonym"]) for i in equivalents.country_table() if i.get("demonym")})
    govs = [f"{d} government" for d in demonyms]
    negatives: set[str] = set()
    for e in engines:
        negatives |= {s.name for s in e.speakers_index}
    for gold in GOLD:
        path = REPO / gold
        for line in path.open(encoding="utf-8"):
            for name in term_cover.names_in(json.loads(line)["question"]):
                negatives.add(name)
    known_country = {n for n in negatives if equivalents.country_equivalents(n)}
    # A name that holds a country's name or demonym ("Russian officials", "US Senate") is read by
    # countryinfo, not by this test; a seat of government is never a negative.
    seats = {p.casefold().removeprefix("the ") for p, _ in POSITIVES} | {"kremlin", "westminster"}
    negatives = {
        n
        for n in negatives - known_country
        if not any(equivalents.country_equivalents(w) for w in re.findall(r"[A-Za-z]+", n))
        and n.casefold().removeprefix("the ") not in seats
    }
    neg = sorted(negatives)
    names = [p for p, _ in POSITIVES] + neg
    vecs = embed.encode(names + govs)
    gv = vecs[len(names) :]
    rows = []
    for i, name in enumerate(names):
        sims = gv @ vecs[i]
        best = int(sims.argmax())
        rows.append((float(sims[best]), name, i < len(POSITIVES), demonyms[best]))
    top_neg = max((s for s, _, pos, _ in rows if not pos), default=0.0)
    threshold = round(top_neg + 0.005, 3)
    own = dict(POSITIVES)
    kept = [(s, n, d) for s, n, pos, d in rows if pos and s >= threshold and own[n] == d]
    lines = [
        "# Seats of government by embedding cosine, against all countries (tried, not used)",
        "",
        "`python bench/fit_seat_cosine.py " + " ".join(f"--index {s}" for s in args.index) + "`",
        "",
        f"{len(POSITIVES)} written seats of government against {len(neg)} negatives (speaker names of the",
        "indexes, capitalised names of the gold questions; none naming a country). Best cosine to",
        f'"<demonym> government" over all {len(govs)} countries of countryinfo.',
        "",
        "## Positives",
        "",
        "| cosine | name | closest | own country |",
        "|---|---|---|---|",
        *(f"| {s:.3f} | {n} | {d} | {own[n]} |" for s, n, pos, d in sorted(rows, reverse=True) if pos),
        "",
        "## Highest negatives",
        "",
        "| cosine | name | closest |",
        "|---|---|---|",
        *[f"| {s:.3f} | {n} | {d} |" for s, n, pos, d in sorted(rows, reverse=True) if not pos][:25],
        "",
        f"Lowest threshold with no negative: {threshold} (highest negative {top_neg:.3f} + 0.005): "
        f"{len(kept)} of {len(POSITIVES)} positives read as their own country's government. Not used.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
