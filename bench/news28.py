"""Round 28 (news28): does the passage after the one shown answer a follow-up that ranks the shown
passage first again? Scored on rows that bench/fup21.py collect writes.

    python bench/fup21.py collect --source read --work /tmp/rs-news28 --out /tmp/news28/read.jsonl
    python bench/news28.py /tmp/news28/read.jsonl [--report bench/reports/news28_fit.md]

Rules (each only where the first of the five passages is the previous answer's passage again and the
follow-up is not declined); a candidate must score at least `ratio` of the first one:

* next      the passage right after the shown one, in its article
* after2    the passage one or two after the shown one
* nb        either neighbour (qa.session.beside_first, for every form, not only bare ones)
* whois     `next` only after a "Who is X?" question
Ratios are fit leave-one-set-out (bench/fup21.loso), ties to the higher ratio (firing less).

    python bench/news28.py --contact-census

counts the PolNeAR train articles whose paragraphs hold a writer's contact line ("Twitter: @x",
"Follow X on Twitter @x", "Email: x@y"), and how many of them in the last three paragraphs: the part
qa/intent.py's handle wordings ask for (no PolNeAR text is printed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import fup21  # noqa: E402

RULES = ("next", "after2", "nb", "whois")
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was)\s+[A-Z]", re.I)


def moved(row: dict[str, Any], rule: str, ratio: float) -> int:
    """Which of the five a rule puts first (0: the first as ranked).

    Args:
        row: a row of bench/fup21.py collect.
        rule: one of RULES.
        ratio: the moved passage's score over the first one's must be at least this.
    Returns:
        The index in row["hits"] of the passage put first.
    """
    hits = row["hits"]
    if row["declined"] or not hits or row["prev_top"] is None or hits[0][0] != row["prev_top"]:
        return 0
    top = hits[0][1]
    if top <= 0:
        return 0
    if rule == "whois" and not _WHO_IS.match(row["first"]):
        return 0
    want = {
        "next": (1,),
        "whois": (1,),
        "after2": (1, 2),
        "nb": (1, -1),
    }[rule]
    for off in want:
        for i, (pid, score, doc, _text, _ok) in enumerate(hits[1:], start=1):
            if doc == row["prev_doc"] and pid - row["prev_top"] == off and score / top >= ratio:
                return i
    return 0


def hit(row: dict[str, Any], rule: str | None, ratio: float) -> bool:
    """Whether the passage a rule puts first answers the row (None: as ranked)."""
    if row["declined"] or not row["hits"]:
        return False
    i = 0 if rule is None else moved(row, rule, ratio)
    return bool(row["hits"][i][4])


def lines(rows: list[dict[str, Any]]) -> list[str]:
    """The report lines: the base, then each rule per ratio and fit leave-one-set-out."""
    base = sum(hit(r, None, 0) for r in rows)
    out = [f"rows {len(rows)}, right first as ranked {base}"]
    rep = [r for r in rows if not r["declined"] and r["hits"] and r["hits"][0][0] == r["prev_top"]]
    out.append(f"shown passage first again: {len(rep)} ({sum(bool(r['hits'][0][4]) for r in rep)} right)")
    for rule in RULES:
        row = [f"{rule:7}"]
        for ratio in fup21.GRID:
            gained = [
                f"{r['group']}/{r['kind']}" for r in rows if hit(r, rule, ratio) and not hit(r, None, 0)
            ]
            lost = [f"{r['group']}/{r['kind']}" for r in rows if hit(r, None, 0) and not hit(r, rule, ratio)]
            row.append(f"  {ratio:.2f}: +{len(gained)} -{len(lost)}")
            if ratio in (0.9, 0.8, 0.7, 0.6, 0.5):
                out.append(f"    {rule} {ratio:.2f} gained {' '.join(gained)} | lost {' '.join(lost)}")
        out.append("".join(row))
        held, _per, whole, ins = fit_loso(rows, rule)
        out.append(f"    {rule}: held out {held} (base {base}); fit on all {whole} -> {ins}")
    return out


def fit_loso(rows: list[dict[str, Any]], rule: str) -> tuple[int, dict[str, int], float, int]:
    """bench/fup21.loso with this module's rules."""
    saved = fup21.hit
    fup21.hit = hit  # type: ignore[assignment]  # the fit's scorer, swapped for this script's rules
    try:
        return fup21.loso(rows, rule)
    finally:
        fup21.hit = saved  # type: ignore[assignment]


_CONTACT = re.compile(r"^(?:twitter:|follow\s+.{1,40}\s+on\s+twitter|e-?mail:)", re.I)


def contact_census(path: Path) -> str:
    """How many PolNeAR train articles hold a writer's contact line, and close with one.

    Args:
        path: PolNeAR train's docs.jsonl.gz.
    Returns:
        One line of counts.
    """
    import gzip

    n = anywhere = closing = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            paras = [p.strip() for p in re.split(r"\n", doc.get("text") or "") if p.strip()]
            n += 1
            found = [i for i, p in enumerate(paras) if _CONTACT.match(p) and "@" in p]
            anywhere += bool(found)
            closing += bool(found) and found[-1] >= len(paras) - 3
    return f"articles {n}, with a contact line {anywhere}, in their last three paragraphs {closing}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path, nargs="*")
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--contact-census", action="store_true")
    ap.add_argument("--polnear", type=Path, default=Path("/work/shared/eval/polnear/train/docs.jsonl.gz"))
    args = ap.parse_args()
    if args.contact_census:
        print(contact_census(args.polnear))
        return 0
    rows = [json.loads(x) for p in args.rows for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    out = lines(rows)
    print("\n".join(out))
    if args.report:
        args.report.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
