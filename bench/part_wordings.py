"""How qa.intent reads article-part questions asked in many wordings (issue 9, parts).

    python bench/part_wordings.py [--data bench/data/part_wordings.jsonl] [--report FILE] [--show]

bench/data/part_wordings.jsonl holds questions written for this measurement (round 22, not taken from
any read or blind set): each article part asked in many wordings a reader might use (headline,
standfirst, byline, outlet, contributors, date, dateline place, caption, photo credit), some naming
the article by its topic ("the piece about the strike": the `topic` field), and questions about an
article's CONTENT that use the same words ("Who wrote the letter?", "What does the poll show?",
part "none"). For each question it checks:

- the part read (qa.intent.read(q).parts, its first kind; a place question also `filed_from`);
- the words qa.abstain.topic_words keeps as the asked article's topic (a part question is declined
  as "no document is about: ..." when the answer's document lacks them): every kept word that is
  not the question's topic is a LEAK (a part word read as topic: the question is wrongly declined
  on any index), and every topic word dropped is LOST (an off-article question answered anyway).

The report gives per part: questions, read right, read as another part, read as no part, leaks,
lost; and the negatives read as a part question.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import abstain, intent  # noqa: E402

# The first kind of qa.intent.read(q).parts each part of the data is read right by.
EXPECTED = {
    "headline": "headline",
    "standfirst": "standfirst",
    "byline": "byline",
    "outlet": "footer",
    "contrib": "footer",
    "date": "dateline",
    "place": "dateline",
    "caption": "caption",
    "credit": "credit",
}


def words(text: str) -> set[str]:
    """Lower-case words of `text`, without a closing full stop or possessive ("bridge.", "Gazette's")."""
    return {re.sub(r"(?:'s|’s|\.)$", "", w.lower()) for w in re.findall(r"[\w'’.-]+", text)}


def judge(row: dict[str, str]) -> dict[str, object]:
    """One question's reading against its label.

    Args:
        row: {"question", "part", "topic"}.
    Returns:
        {"read": the first kind read or "", "right": bool, "leak": words, "lost": words}.
    """
    got = intent.read(row["question"])
    read = got.parts[0] if got.parts else ""
    want = EXPECTED.get(row["part"], "")
    right = read == want and (row["part"] != "place" or got.filed_from)
    kept = words(abstain.topic_words(row["question"])) if got.parts else set()
    topic = words(row["topic"])
    return {"read": read, "right": right, "leak": sorted(kept - topic), "lost": sorted(topic - kept)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "part_wordings.jsonl")
    ap.add_argument("--report", type=Path)
    ap.add_argument("--show", action="store_true", help="print every question read wrong")
    args = ap.parse_args()
    rows = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    out = [
        "| part | questions | read right | another part | no part | topic leaks | topic lost |",
        "|---|---|---|---|---|---|---|",
    ]
    wrong: list[str] = []
    totals: Counter[str] = Counter()
    for part in [*EXPECTED, "none"]:
        rs = [(r, judge(r)) for r in rows if r["part"] == part]
        if not rs:
            continue
        c: Counter[str] = Counter()
        for r, j in rs:
            c["n"] += 1
            if part == "none":
                c["right"] += j["read"] == ""
                c["other"] += j["read"] != ""
            else:
                c["right"] += bool(j["right"])
                c["other"] += not j["right"] and j["read"] != ""
                c["none"] += j["read"] == ""
                c["leak"] += bool(j["leak"])
                c["lost"] += bool(j["lost"])
            if (
                (not j["right"] and part != "none")
                or (part == "none" and j["read"])
                or j["leak"]
                or j["lost"]
            ):
                wrong.append(
                    f"- {part}: {r['question']} -> read {j['read'] or '-'}; leak {j['leak']}; lost {j['lost']}"
                )
        totals.update(c)
        out.append(
            f"| {part} | {c['n']} | {c['right']} | {c['other']} | {c['none']} | {c['leak']} | {c['lost']} |"
        )
    out.append(
        f"| all | {totals['n']} | {totals['right']} | {totals['other']} | {totals['none']} | {totals['leak']} | {totals['lost']} |"
    )
    text = "\n".join(out) + "\n"
    if args.show:
        text += "\n" + "\n".join(wrong) + "\n"
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
