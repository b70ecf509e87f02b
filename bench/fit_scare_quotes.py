"""Where index.attribution.speakers.SCARE_QUOTE_MAX_WORDS comes from: titles and scare quotes.

    python bench/fit_scare_quotes.py            # PolNeAR train; report to bench/reports/scare_quotes.md

A quotation that no attribution reads and to which no speaker is guessed is still reported (issue 8:
unnamed sources keep their quote), but many such are titles and scare quotes ("The Apprentice", a
"new low"): they count against end-to-end precision and hold no speech. The test
(speakers.scare_quote) drops one that does not end as a spoken sentence or clause ends and is at most
N words long; it also reads a quotation whose speaker is guessed only from an earlier sentence.
This script analyses PolNeAR train at every N of the grid, scores each with
../shared/eval/attribution.py and picks, by RULE, the N with the highest direct-quote content F1,
the target with the thinnest margin (issue 8 asks >= 0.95), then the highest e2e_f1. An earlier
rule (the highest e2e_f1 whose direct F1 is no lower than with the test off) chose N = 10, at the
edge of its constraint: on dev that choice cost 0.007 of direct F1 (0.958 -> 0.951) for +0.002 e2e_f1.
Develop on train only; dev and test are never read here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import SCORER, SHARED, load_docs  # noqa: E402

from index.attribution import analyse, quote_record, speakers  # noqa: E402

GRID = [0, 1, 2, 3, 4, 6, 8, 10, 12, 16]
RULE = (
    "the highest direct-quote content F1 (rounded to 4 places), then the highest e2e_f1; ties keep "
    "the smaller N"
)
REPORT = ROOT / "bench" / "reports" / "scare_quotes.md"
COLUMNS = ("content_f1_direct", "speaker_acc", "e2e_speech_f1", "e2e_f1")


def score(corpus: Path, rows: list[dict]) -> dict[str, float]:
    """The scorer's summary line for `rows` as a dict of floats."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    out = subprocess.run(
        [sys.executable, str(SCORER), "--corpus", str(corpus), "--system", f.name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(f.name).unlink()
    last = out.strip().splitlines()[-1]
    return {k: float(v) for k, v in (x.split("=", 1) for x in last.split()) if k in COLUMNS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "eval" / "polnear" / "train")
    ap.add_argument("--out", type=Path, default=REPORT)
    args = ap.parse_args()

    docs = list(load_docs(args.corpus))

    def records(n: int) -> list[dict]:
        """Every attribution of train with the test at N = n: the analyser as it runs, so that every
        finding the test reads (nobody found, or a speaker guessed from an earlier sentence) counts."""
        speakers.SCARE_QUOTE_MAX_WORDS = n
        return [quote_record(f"{doc_id}.txt", text, q) for doc_id, text in docs for q in analyse(text)[1]]

    rows = records(0)
    table = []
    for n in GRID:
        kept = records(n) if n else rows
        table.append((n, len(rows) - len(kept), score(args.corpus, kept)))
        print(n, table[-1][1], table[-1][2], file=sys.stderr)
    chosen = max(table, key=lambda t: (round(t[2]["content_f1_direct"], 4), t[2]["e2e_f1"], -t[0]))[0]

    lines = [
        "# Titles and scare quotes (bench/fit_scare_quotes.py)",
        "",
        f"`python bench/fit_scare_quotes.py --corpus {args.corpus.relative_to(SHARED.parent)}`: "
        f"{len(rows)} attributions with the test off.",
        "",
        f"Rule: {RULE}.",
        "",
        "| N (SCARE_QUOTE_MAX_WORDS) | quotations dropped | " + " | ".join(COLUMNS) + " |",
        "|---:|---:|" + "---:|" * len(COLUMNS),
    ]
    for n, k, fig in table:
        lines.append(f"| {n} | {k} | " + " | ".join(f"{fig[c]:.4f}" for c in COLUMNS) + " |")
    lines += ["", f"Chosen: speakers.SCARE_QUOTE_MAX_WORDS = {chosen}", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
