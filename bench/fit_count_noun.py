"""Fit qa.abstain.COUNT_PARAPHRASE_COSINE: "How many deaths has the war caused?" is declined ("no passage
gives a number of deaths") when no sentence of the best passages holding a count uses the counted noun;
a sentence that says the noun in other words ("at least 250,000 people lost their lives") answers it.

    python bench/fit_count_noun.py --out bench/reports/abstention_count_noun.md

Runs the bot in-process with the counted-noun test off (qa.abstain.COUNT_NOUN; indexes cached under
bench/out/, as bench/quality.py) on the "how many" questions (qa.abstain.counted_noun, a countable
noun) of news-dev, seed_dev, the fit questions, the paraphrase fit set, bench/data/person_fit.jsonl, a
SQuAD sample (all answerable), and, all unanswerable, the same questions asked of an index without
their article (bench/fit_near_miss.offdoc_sets). For each answered question whose counted noun no
count sentence uses, it records how closely a phrase of those sentences says the noun
(qa.rank.count_paraphrase: phrase cosine, sentence cosine) and sweeps the phrase threshold of
qa.equivalents.covers (its in-context rule unchanged): the test declines the question below it.
The choice: the lowest threshold that declines every unanswerable question the test declines with
no paraphrase read (None), and no more answerable ones; None when none rescues an answerable one.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import fit_near_miss  # noqa: E402
import fit_person  # noqa: E402
import quality  # noqa: E402

from qa import abstain, answer_sentences, equivalents, near_miss, not_mentioned  # noqa: E402
from qa import intent as intents  # noqa: E402
from qa.session import Conversation  # noqa: E402

GRID: list[float | None] = [None, 0.75, 0.725, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4]


def counting(question: str) -> bool:
    """Whether the counted-noun test reads a question: "how many" with a countable noun."""
    head = abstain.counted_noun(question)
    return head is not None and abstain.countable(head, not_mentioned.EVERYDAY_ZIPF)


def sets(squad_sample: int) -> list[tuple[str, object, list[dict]]]:
    """fit_person's sets, and the off-document ones of bench/fit_near_miss.py."""
    out = fit_person.sets(squad_sample)
    named = {n: (e, items) for n, e, items in out}
    squad = named.get(f"squad{squad_sample}", (None, []))[1]
    article = named["seed_dev"][0]
    bundled = named["seed_dev"][1] + named["fit_questions"][1]
    out += fit_near_miss.offdoc_sets(named["news-dev"][1], bundled, article, squad)
    return out


def evidence(engine: object, searched: str, pids: list[int]) -> tuple[float, float] | None:
    """None when a count sentence uses the counted noun (the test passes); else count_paraphrase."""
    head = abstain.counted_noun(searched)
    a_type = intents.read(searched).answer_type
    if head is None or a_type not in ("number", "money"):
        return None
    near = answer_sentences.near_sentences(engine, pids)  # type: ignore[arg-type]
    sentences = [(intents.has_evidence(a_type, text), terms) for text, terms in near]
    if abstain.value_bound(engine.terms(head), sentences):  # type: ignore[attr-defined]
        return None
    counted = [t for t, (has, _) in zip(near, sentences, strict=True) if has]
    return near_miss.count_paraphrase(engine, searched, head, counted)  # type: ignore[arg-type]


def fired(r: dict, tau: float | None) -> bool:
    """Whether the test declines a record at phrase threshold tau (None: no paraphrase read)."""
    if r.get("paraphrase") is None:
        return False
    return tau is None or not equivalents.covers(r["paraphrase"][0], r["paraphrase"][1], tau)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    was, abstain.COUNT_NOUN = abstain.COUNT_NOUN, False
    rows: dict[str, list[dict]] = {}
    try:
        for name, engine, items in sets(args.squad_sample):
            conv = Conversation(engine)  # type: ignore[arg-type]
            rows[name] = []
            for it in items:
                if it.get("history") or not counting(it["question"]):
                    continue
                r = fit_near_miss.record(engine, it, conv)
                r["paraphrase"] = None if r["abstained"] else evidence(engine, r["searched"], r["pids"])
                rows[name].append(r)
    finally:
        abstain.COUNT_NOUN = was
    base_right = sum(1 for rs in rows.values() for r in rs if not r["answerable"] and fired(r, None))
    chosen: float | None = None
    table = []
    for tau in GRID:
        right = sum(1 for rs in rows.values() for r in rs if not r["answerable"] and fired(r, tau))
        wrong = sum(1 for rs in rows.values() for r in rs if r["answerable"] and fired(r, tau))
        cells = [
            f"{sum(1 for r in rs if not r['answerable'] and fired(r, tau))} / "
            f"{sum(1 for r in rs if r['answerable'] and fired(r, tau))}"
            for rs in rows.values()
        ]
        table.append(f"| {tau} | " + " | ".join(cells) + f" | {right} / {wrong} |")
        if tau is not None and right == base_right:
            base_wrong = sum(1 for rs in rows.values() for r in rs if r["answerable"] and fired(r, None))
            if wrong < base_wrong:
                chosen = tau
    lines = [
        "# Abstention: a counted noun said in other words (abstain.COUNT_PARAPHRASE_COSINE)",
        "",
        "Made by `python bench/fit_count_noun.py"
        + (f" --squad-sample {args.squad_sample}" if args.squad_sample != 2000 else "")
        + '`. "How many" questions with a countable noun, answered with the counted-noun test off;',
        "per phrase threshold (None: no paraphrase read, as before), how many the test declines:",
        'unanswerable (right) / answerable (wrong). SQuAD is all answerable; the "off:" sets all',
        "unanswerable (asked of an index without their article).",
        "",
        *fit_person.set_rows(rows, "declined by other tests"),
    ]
    lines += [
        "",
        "| phrase threshold | " + " | ".join(rows) + " | total right / wrong |",
        "|---" * (len(rows) + 2) + "|",
        *table,
        "",
        "The questions the test reads (counted noun in no count sentence): phrase cosine, sentence cosine.",
        "",
    ]
    for name, rs in rows.items():
        for r in rs:
            if r.get("paraphrase") is not None:
                tag = "answerable" if r["answerable"] else "UNANSWERABLE"
                p, s = r["paraphrase"]
                lines.append(f"- {name} {tag} {p:.3f} {s:.3f}: {r['searched']}")
    lines += ["", f"Chosen: abstain.COUNT_PARAPHRASE_COSINE = {chosen}"]
    quality.publish(lines, args.out)


if __name__ == "__main__":
    main()
