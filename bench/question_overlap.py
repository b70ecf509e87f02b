"""Flag new held-out questions that repeat an earlier question's wording, without showing the earlier one.

A writer of a new blind set may not read the earlier sets, yet should not repeat them (a question
worded like one the bot was already fixed on measures nothing new). This prints, for each new
question whose content words (its history included) overlap an earlier question's by a Jaccard
score at or above the threshold, the new question's id and its best score: never an earlier
question. Pass only READ sets as the pool (bench/read_sets.py lists them), never a blind one.

    $V/python bench/question_overlap.py bench/data/article_heldout12.jsonl \\
        bench/data/article_heldout{,2,3,4,5,6,7,8,9,10}.jsonl ../shared/eval/seed_dev.jsonl

Round 21 (bench/reports/heldout12.md): 18 draft questions of article_heldout12 scored 0.62 or
more (four of them 1.0) and were rewritten before the set was committed.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

#: Words too common in questions to tell two of them apart.
_FUNCTION_WORDS = frozenset(
    "the a of to in did what does is and on for at how who was his her he she about with by say said".split()
)


def content_words(text: str) -> frozenset[str]:
    """The lower-cased words of a question, function words left out.

    Args:
        text: a question, with its history if it has one.

    Returns:
        Its content words.
    """
    return frozenset(w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _FUNCTION_WORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets.

    Args:
        a: one set.
        b: the other.

    Returns:
        |a & b| / |a | b|, 0.0 when both are empty.
    """
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def question_words(path: Path) -> list[tuple[str, frozenset[str]]]:
    """Each question of a gold JSON-lines file with its content words (history included).

    Args:
        path: the file.

    Returns:
        (id, words) per question, in file order.
    """
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        (str(it.get("id", i)), content_words(" ".join([*it.get("history", []), it["question"]])))
        for i, it in enumerate(items)
    ]


def flagged(
    new: list[tuple[str, frozenset[str]]], pool: list[frozenset[str]], threshold: float
) -> list[tuple[str, float]]:
    """The new questions whose best overlap with the pool reaches the threshold.

    Args:
        new: (id, words) of the new questions.
        pool: the earlier questions' words.
        threshold: the lowest score flagged.

    Returns:
        (id, best score) of each flagged new question, in the new file's order.
    """
    out: list[tuple[str, float]] = []
    for qid, words in new:
        best = max((jaccard(words, other) for other in pool), default=0.0)
        if best >= threshold:
            out.append((qid, best))
    return out


def main() -> None:
    """Print the new questions' ids that overlap the pool, with their scores."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("new", type=Path, help="the new set's gold JSONL")
    ap.add_argument("pool", type=Path, nargs="+", help="earlier READ sets' gold JSONL files")
    ap.add_argument("--threshold", type=float, default=0.5, help="lowest Jaccard score printed (default 0.5)")
    args = ap.parse_args()
    pool = [words for path in args.pool for _, words in question_words(path)]
    for qid, score in flagged(question_words(args.new), pool, args.threshold):
        print(f"{qid}\t{score:.2f}")


if __name__ == "__main__":
    main()
