"""Can the embedding model tell a seat of government ("the Kremlin") from another name the documents
lack ("Ukraine", "Islamic State")? A fit of a cosine threshold on the paraphrase fit set.

Instances: every capitalised question name of bench/data/paraphrase_fit.jsonl that the documents
never use and that names no country (countryinfo: those are metonyms already, qa.equivalents). A
name of an answerable question is a positive (the documents answer it under another name), one of
an unanswerable question a negative (a near miss declined for another reason, b55 "how many
fighter jets has the Kremlin deployed", makes its metonym a negative too: the label is per question). Each is scored by its best cosine with "<demonym> government"
for the countries the documents name (e.g. "Kremlin" against "Russian government"). The report
gives the threshold with the fewest errors and what it would cost.

    python bench/fit_metonym_cosine.py [--out bench/reports/abstention_metonym_cosine.md]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402

from qa import equivalents, term_cover  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    engine = quality.index_of(
        "paraphrase", [quality.config.bundled_article(), REPO / "bench/data/articles"], True
    )
    items = [json.loads(line) for line in open(REPO / "bench/data/paraphrase_fit.jsonl", encoding="utf-8")]
    # The countries the documents name, by any of their names, as "<demonym> government".
    govs = sorted(
        {
            f"{info.get('demonym')} government"
            for info in equivalents.country_table()
            if info.get("demonym") and term_cover.uses_name(engine, " ".join(equivalents.words(info["name"])))
        }
    )
    inst: list[tuple[str, str, bool]] = []
    for it in items:
        for name in term_cover.names_in(it["question"]):
            ts = engine.terms(name)
            if not ts or any(engine.lexical.known(t) for t in ts) or equivalents.country_equivalents(name):
                continue
            inst.append((it["id"], name, bool(it["answerable"])))
    vecs = engine.embedder.encode([n for _, n, _ in inst] + govs)
    gv = vecs[len(inst) :]
    scored = []
    for (qid, name, pos), v in zip(inst, vecs[: len(inst)], strict=False):
        sims = gv @ v
        best = int(sims.argmax())
        scored.append((float(sims[best]), qid, name, pos, govs[best]))
    scored.sort(reverse=True)
    lines = [
        "# Seats of government by embedding cosine (tried, not used)",
        "",
        "`python bench/fit_metonym_cosine.py`: question names of bench/data/paraphrase_fit.jsonl the",
        f"documents lack and countryinfo does not know, against {', '.join(govs)}.",
        "",
        "| cosine | id | name | answerable | closest |",
        "|---|---|---|---|---|",
        *(f"| {s:.3f} | {q} | {n} | {p} | {g} |" for s, q, n, p, g in scored),
        "",
    ]
    n_pos = sum(p for *_, p, _ in scored)
    best_t, best_err = 1.0, n_pos
    for s, *_ in scored:
        err = sum(p and x < s for x, _, _, p, _ in scored) + sum(
            (not p) and x >= s for x, _, _, p, _ in scored
        )
        if err < best_err:
            best_t, best_err = s, err
    lines.append(
        f"Fewest errors at cosine >= {best_t:.3f}: {best_err} of {len(scored)} names misread "
        f"({n_pos} positives). A threshold is kept only if it misreads no negative."
    )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
