"""Measure qa.planned (a past event asked about where the answer's document only announces it).

Two sets, neither needing the model (the test reads the question and one document's text):

- cost: every SQuAD v1.1 dev question asking a past event of a named subject ("When did X ...?"),
  all answerable, asked of its own article: a question the test fires on would be declined wrongly.
  The same for the questions of news-dev, seed_dev, the paraphrase fit set and article_heldout 1-5
  over their article (the bundled one, or the article the item names).
  (news_heldout 1-3 are measured end to end: bench/reports/abstention_spk12.md.)
- recall: generated from PolNeAR train articles: for each sentence announcing an event ("X will meet
  ...", "X is expected to sign ..."), the question "When did X <verb>?" asked of that article. It
  is unanswerable when the article uses the verb only so (the test's target); when the article
  also reports the event as done, the question may be answerable and the test must keep out.

The generated questions declined are counted per announcing frame. The test has no threshold: its
choices (the frames, the named subject, a noun "-ing" form not being a use) were checked here.

    python bench/fit_planned.py [--out bench/reports/abstention_planned.md]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa import planned  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
NEWS = {
    "news-dev": (SHARED / "news-dev/gold.jsonl", SHARED / "news-dev/docs"),
}
ARTICLE_SETS = [
    SHARED / "seed_dev.jsonl",
    REPO / "bench/data/paraphrase_fit.jsonl",
    REPO / "bench/data/article_heldout.jsonl",
    REPO / "bench/data/article_heldout2.jsonl",
    REPO / "bench/data/article_heldout3.jsonl",
    REPO / "bench/data/article_heldout4.jsonl",
    REPO / "bench/data/article_heldout5.jsonl",
]
# "X will meet", "X is set to meet": the subject (a capitalised run, or "the" + words) and the verb.
_ANNOUNCED = re.compile(
    r"(?P<s>(?:[A-Z][\w.'’-]+\s+){1,3}?)(?P<f>will|is set to|are set to|is expected to|are expected to|"
    r"is scheduled to|are scheduled to|plans to|is due to|are due to)\s+(?P<v>[a-z]{3,})\b"
)


def squad_items() -> Iterator[tuple[str, str]]:
    """SQuAD v1.1 dev's questions (all answerable), each with its article's text."""
    docs = {}
    for line in open(SHARED / "squad-v1.1-dev/docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        docs[d["doc_id"]] = d["text"]
    for line in open(SHARED / "squad-v1.1-dev/questions.jsonl", encoding="utf-8"):
        q = json.loads(line)
        yield q["question"], docs[q["doc_id"]]


def gold_items() -> Iterator[tuple[str, str, str, bool]]:
    """The gold sets' questions (news-dev and ARTICLE_SETS), each with its article's text, its set's
    name and whether it is answerable."""
    article = (REPO / "index/article.txt").read_text(encoding="utf-8")
    texts: dict[str, str] = {}
    for folder in (SHARED / "news-dev/docs", REPO / "bench/data/articles"):
        for f in folder.glob("*"):
            if f.is_file():
                texts[f.name] = f.read_text(encoding="utf-8", errors="replace")
    for path in [SHARED / "news-dev/gold.jsonl", *ARTICLE_SETS]:
        for line in open(path, encoding="utf-8"):
            it = json.loads(line)
            yield (
                it["question"],
                texts.get(it.get("article") or "", article),
                path.stem,
                bool(it["answerable"]),
            )


def _asks_past_event(question: str) -> bool:
    clauses = planned.PLANNED_CLAUSES and (planned.clause_verbs(question) or planned.noun_events(question))
    return bool(planned.asked_verbs(question) or planned.asked_events(question) or clauses)


def squad_cost() -> tuple[int, list[tuple[str, str]]]:
    asked, fired = 0, []
    for question, text in squad_items():
        if not _asks_past_event(question):
            continue
        asked += 1
        verb = planned.planned_only(question, text)
        if verb:
            fired.append((question, verb))
    return asked, fired


def gold_cost() -> tuple[int, list[tuple[str, str, bool]]]:
    asked, fired = 0, []
    for question, text, _, answerable in gold_items():
        if not _asks_past_event(question):
            continue
        asked += 1
        verb = planned.planned_only(question, text)
        if verb:
            fired.append((question, verb, answerable))
    return asked, fired


def occasion_cost() -> tuple[int, list[tuple[str, str, bool]]]:
    """Past questions about an occasion ("What was decided at the summit?", qa.planned.occasion_ahead)
    of SQuAD v1.1 dev (all answerable) and the gold sets, each over its article; those declined."""
    from index.lexical import terms

    asked, fired = 0, []
    for question, text in squad_items():
        if planned.asked_occasion(question, terms):
            asked += 1
            if planned.occasion_ahead(question, text, terms):
                fired.append((question, "squad", True))
    for question, text, stem, answerable in gold_items():
        if planned.asked_occasion(question, terms):
            asked += 1
            if planned.occasion_ahead(question, text, terms):
                fired.append((question, stem, answerable))
    return asked, fired


_UPCOMING = re.compile(r"\b(?:upcoming|forthcoming)\s+(?P<np>(?:[A-Z][\w-]+\s+){0,2}[a-z]{4,})\b")


def occasion_recall() -> tuple[int, int]:
    """Generated from PolNeAR train: for each "upcoming X" / "forthcoming X", "What was said at the X?"
    asked of that article (unanswerable where the article tells of X only as to come). Returns
    (questions made, declined by qa.planned.occasion_ahead)."""
    from index.lexical import terms

    made = declined = 0
    with gzip.open(SHARED / "polnear/train/docs.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in _UPCOMING.finditer(text):
                made += 1
                if planned.occasion_ahead(f"What was said at the {m.group('np')}?", text, terms):
                    declined += 1
    return made, declined


def day_cost() -> tuple[int, list[tuple[str, str, bool]]]:
    """Past questions naming a weekday (qa.planned.day_ahead) of SQuAD v1.1 dev (all answerable) and the
    gold sets, each over its article; those declined."""
    asked, fired = 0, []
    for question, text in squad_items():
        if planned._WEEKDAY.search(question):
            asked += 1
            if planned.day_ahead(question, text):
                fired.append((question, "squad", True))
    for question, text, stem, answerable in gold_items():
        if planned._WEEKDAY.search(question):
            asked += 1
            if planned.day_ahead(question, text):
                fired.append((question, stem, answerable))
    return asked, fired


_SAID_ON = re.compile(
    r"\b(?:said|told|announced|met|voted|signed|won|lost)\s+(?:on\s+)?(?P<d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_AHEAD_ON = re.compile(
    r"\b(?:will|is set to|are set to|is expected to|are expected to|is scheduled to|are scheduled to)\s+"
    r"[a-z]+\b[^.!?]{0,80}?\b(?:on\s+)?(?P<d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def day_generated() -> tuple[int, int, int, int]:
    """Generated from PolNeAR train: for each weekday an article names after a past verb ("said
    Monday", "voted on Tuesday"), "What was said on <day>?" is answerable (declining it is the cost);
    for each weekday it names only after an announcing frame ("will vote on Tuesday", "is expected to
    meet Thursday") and never after a past verb, "What was decided on <day>?" is a near miss.
    Returns (answerable made, declined; near misses made, declined)."""
    made = declined = n_made = n_declined = 0
    with gzip.open(SHARED / "polnear/train/docs.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            past = {m.group("d") for m in _SAID_ON.finditer(text)}
            for day in sorted(past):
                made += 1
                declined += bool(planned.day_ahead(f"What was said on {day}?", text))
            for day in sorted({m.group("d") for m in _AHEAD_ON.finditer(text)} - past):
                n_made += 1
                n_declined += bool(planned.day_ahead(f"What was decided on {day}?", text))
    return made, declined, n_made, n_declined


def polnear_recall() -> tuple[int, int, int, Counter[str]]:
    made = only = declined = 0
    frames: Counter[str] = Counter()
    with gzip.open(SHARED / "polnear/train/docs.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in _ANNOUNCED.finditer(text):
                verb = m.group("v")
                if planned._lemma(verb) != verb:
                    continue
                q = f"When did {m.group('s').strip()} {verb}?"
                made += 1
                uses = list(planned._frames(verb, text))
                if uses and all(uses):
                    only += 1
                if planned.planned_only(q, text):
                    declined += 1
                    frames[m.group("f")] += 1
    return made, only, declined, frames


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    s_asked, s_fired = squad_cost()
    g_asked, g_fired = gold_cost()
    made, only, declined, frames = polnear_recall()
    o_asked, o_fired = occasion_cost()
    o_made, o_declined = occasion_recall()
    d_asked, d_fired = day_cost()
    a_made, a_declined, n_made, n_declined = day_generated()
    lines = [
        "# Past events asked where the document only announces them (qa.planned)",
        "",
        "`python bench/fit_planned.py`",
        "",
        "| set | questions asking a past event | declined by the test |",
        "|---|---|---|",
        f"| SQuAD v1.1 dev (all answerable) | {s_asked} | {len(s_fired)} ({len(s_fired) / max(s_asked, 1):.4f}) |",
        f"| gold sets over their article (news-dev, seed_dev, paraphrase fit, article_heldout 1-5) | "
        f"{g_asked} | answerable {sum(1 for *_, a in g_fired if a)}, unanswerable "
        f"{sum(1 for *_, a in g_fired if not a)} |",
        f"| PolNeAR train, generated 'When did X <verb>?' of announced events | {made} | {declined} "
        f"({declined / max(made, 1):.3f}); the article uses the verb only as planned in {only} |",
        "",
        "Declined per announcing frame (PolNeAR train): "
        + ", ".join(f"{f} {n}" for f, n in frames.most_common()),
        "",
        "## Occasions asked as past, told only as to come (qa.planned.occasion_ahead)",
        "",
        "Past questions about an occasion ('What was decided at the summit?') in SQuAD v1.1 dev and the gold",
        f"sets: {o_asked}; declined: {len(o_fired)}, of them answerable {sum(1 for *_, a in o_fired if a)}.",
        "Generated from PolNeAR train ('What was said at the X?' for each 'upcoming X' / 'forthcoming X', asked",
        f"of its article): {o_made}; declined {o_declined} ({o_declined / max(o_made, 1):.3f}; the rest are",
        "told of as past somewhere in the article, or in a sentence without a cue of time to come).",
        "",
        *(f"- {q} ({where}, answerable {a})" for q, where, a in o_fired),
        "",
        "## Weekdays told only as to come (qa.planned.day_ahead)",
        "",
        f"Past questions naming a weekday in SQuAD v1.1 dev and the gold sets: {d_asked}; declined: {len(d_fired)},",
        f"of them answerable {sum(1 for *_, a in d_fired if a)}.",
        "Generated from PolNeAR train: 'What was said on <day>?' for each weekday an article names after a past",
        f"verb (answerable): {a_made}, declined {a_declined} ({a_declined / max(a_made, 1):.3f});",
        "'What was decided on <day>?' for each weekday it names only after an announcing frame (near misses):",
        f"{n_made}, declined {n_declined} ({n_declined / max(n_made, 1):.3f}).",
        "",
        *(f"- {q} ({where}, answerable {a})" for q, where, a in d_fired),
        "",
        "## SQuAD questions declined",
        "",
        *(f"- {q} ('{v}')" for q, v in s_fired),
        "",
        "## Gold-set questions declined",
        "",
        *(f"- {q} ('{v}', answerable {a})" for q, v, a in g_fired),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
