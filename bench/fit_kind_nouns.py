"""Fit the nouns that name only the KIND of an answer (qa.kind_nouns.FITTED_KIND_NOUNS).

The cover gate declines a question whose asked slot's noun (qa.cover.roles "head") no best sentence
holds. For some nouns the answer's own sentence seldom holds them: "What *word* did X use", "What
*year* ...", "Which *event* ...": the answer instantiates the noun rather than repeats it, so its
absence is no evidence that the asked fact is absent (h18s06, bench/reports/wrong32.md).

Data: every SQuAD v1.1 dev question (../shared/eval/squad-v1.1-dev) with an asked-slot noun. For each
noun (its surface form, lower case), over the questions asking it:
- positives: the answer's sentence lacks the noun's term (declining there would be wrong);
- negatives: the best sentence (most question terms) of another paragraph of the same article that
  holds no answer lacks it (a near miss: declining there is right).
A noun is an answer-kind noun when excusing it pays by bench/fit_cover.py's objective, near misses
declined - NET_COST x answerable declined, i.e. NET_COST x positives - negatives > 0, and it was asked
at least MIN_ASKED times (one question is no evidence of a kind). The list is written as a Python
literal for qa/kind_nouns.py and the per-noun counts to the report.

MIN_ASKED is fit on the read sets: `bench/wrong32.py touched` asks every read-set question whose asked
noun the list fit at the lowest grid value holds, with the list off and on; --replay reads that output
and scores each grid value by bench/fit_cover.py's objective (unanswerable declined - NET_COST x
answerable declined: each answerable no longer declined +NET_COST, each unanswerable no longer
declined -1), a question moving only when its own asked noun is in the list at that value. The best
value is taken, the highest of a tie (the fewest nouns: rest_paraphrase's rule of the safer end).

    python bench/fit_kind_nouns.py --min-asked 5 [--out bench/reports/kind_nouns.md]
    python bench/wrong32.py touched /tmp/rs-m34 > /tmp/touched.txt   # qa.kind_nouns at --min-asked 5
    python bench/fit_kind_nouns.py --replay /tmp/touched.txt [--out ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.chunk import sentences  # noqa: E402
from index.lexical import terms  # noqa: E402
from qa import cover  # noqa: E402

SQUAD = REPO.parent / "shared" / "eval" / "squad-v1.1-dev"
NET_COST = 2.0  # bench/fit_cover.py's objective: an answerable decline costs two near misses declined
# A noun asked fewer times than this is not fit (too few to tell a kind from chance). Fit on the read
# sets by --replay (below; bench/reports/kind_nouns.md): 12.
MIN_ASKED = 12
GRID = list(range(5, 21))  # --replay's MIN_ASKED values, from the fewest the SQuAD table lists


def _sentence_terms(text: str) -> list[tuple[str, set[str]]]:
    """A paragraph's sentences with their terms.

    Args:
        text: the paragraph.
    Returns:
        (sentence, its terms) in order.
    """
    out = [(text[a:b], set(terms(text[a:b]))) for a, b in sentences(text)]
    return out or [(text, set(terms(text)))]


def head_of(question: str) -> str | None:
    """The asked slot's noun of a question (qa.cover.roles "head"), if it has one.

    Args:
        question: a question.
    Returns:
        The noun in lower case, or None.
    """
    content: Callable[[str], bool] = lambda w: bool(terms(w))  # noqa: E731
    return next(
        (w for w, r in cover.roles(question, content, cover.ANSWER_KIND_NOUNS).items() if r == "head"), None
    )


def counts() -> dict[str, list[int]]:
    """Per asked noun: [questions asking it, answer sentences lacking it, near-miss sentences lacking
    it, questions with a near-miss sentence].

    Returns:
        The counts keyed by the noun's lower-case surface form.
    """
    paras = [json.loads(x) for x in open(SQUAD / "paragraphs.jsonl", encoding="utf-8")]
    sents = {p["paragraph_id"]: _sentence_terms(p["text"]) for p in paras}
    by_doc: dict[str, list[dict]] = {}
    for p in paras:
        by_doc.setdefault(p["doc_id"], []).append(p)
    out: dict[str, list[int]] = {}
    for line in open(SQUAD / "questions.jsonl", encoding="utf-8"):
        q = json.loads(line)
        if not q["answerable"]:
            continue
        head = head_of(q["question"])
        ht = terms(head) if head else []
        if not ht:
            continue
        ans = [a for a in q["answers"] if a]
        sent = next((st for s, st in sents[q["paragraph_id"]] if any(a in s for a in ans)), None)
        if sent is None:
            continue
        c = out.setdefault(head, [0, 0, 0, 0])
        c[0] += 1
        c[1] += ht[0] not in sent
        qt = set(terms(q["question"]))
        others = [
            o
            for o in by_doc[q["doc_id"]]
            if o["paragraph_id"] != q["paragraph_id"] and not any(a in o["text"] for a in ans)
        ]
        if not others:
            continue
        best = max((st for o in others for _, st in sents[o["paragraph_id"]]), key=lambda st: len(qt & st))
        c[2] += ht[0] not in best
        c[3] += 1
    return out


def replay_score(path: str, table: dict[str, list[int]], min_asked: int) -> tuple[float, list[str]]:
    """The read-set objective of the list fit at one MIN_ASKED, from `bench/wrong32.py touched`.

    Args:
        path: its output (lines "MOVED set id A|U before -> after  question").
        table: counts()'s table.
        min_asked: the value scored.
    Returns:
        (NET_COST x answerable no longer declined - unanswerable no longer declined, the ids moved).
    """
    score, ids = 0.0, []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"MOVED\s+(\S+)\s+(\S+)\s+([AU])\s+(abstained|declined)\b.*?->\s+(\S+).*?  (.+)$", line)
        if m is None or m.group(5) in ("abstained", "declined"):
            continue
        head = head_of(m.group(6))
        n, pos, neg, _ = table.get(head or "", [0, 0, 0, 0])
        if n < min_asked or NET_COST * pos - neg <= 0:
            continue
        score += NET_COST if m.group(3) == "A" else -1.0
        ids.append(f"{m.group(1)}/{m.group(2)} ({m.group(3)}, {head})")
    return score, ids


def main() -> None:
    """Fit and print the list; write the report."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(REPO / "bench/reports/kind_nouns.md"))
    ap.add_argument("--min-asked", type=int, default=MIN_ASKED)
    ap.add_argument("--replay", help="bench/wrong32.py touched's output: fit MIN_ASKED on the read sets")
    args = ap.parse_args()
    table = counts()
    min_asked = args.min_asked
    replay: list[str] = []
    if args.replay:
        scores = {m: replay_score(args.replay, table, m) for m in GRID}
        best = max(s for s, _ in scores.values())
        min_asked = max(m for m, (s, _) in scores.items() if s == best)
        replay = [
            "",
            "## MIN_ASKED fit on the read sets (--replay)",
            "",
            "| MIN_ASKED | objective | moved |",
            "|---|---|---|",
        ]
        replay += [f"| {m} | {s:g} | {', '.join(ids)} |" for m, (s, ids) in scores.items()]
        replay += ["", f"Taken: {min_asked} (best, highest of a tie).", ""]
    kinds = sorted(w for w, (n, pos, neg, _) in table.items() if n >= min_asked and NET_COST * pos - neg > 0)
    asked = Counter({w: c[0] for w, c in table.items()})
    lines = [
        "# Answer-kind nouns fit on SQuAD v1.1 dev (bench/fit_kind_nouns.py)",
        "",
        f"Rule: asked >= {min_asked} times as the asked slot's noun and {NET_COST} x (answer sentences lacking",
        "it) - (near-miss sentences lacking it) > 0. Nouns asked at least MIN_ASKED times, most asked first:",
        "",
        "| noun | asked | answer sentence lacks | near miss lacks (of) | net | kind |",
        "|---|---|---|---|---|---|",
    ]
    for w, n in asked.most_common():
        if n < min(GRID):
            break
        _, pos, neg, nn = table[w]
        lines.append(
            f"| {w} | {n} | {pos} | {neg} ({nn}) | {NET_COST * pos - neg:g} | {'yes' if w in kinds else ''} |"
        )
    lines += ["", f"Fitted ({len(kinds)}): " + " ".join(kinds), "", *replay]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(" ".join(kinds))


if __name__ == "__main__":
    main()
