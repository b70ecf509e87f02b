"""Fit the off-topic gate of qa.rank (abstain.OFFTOPIC_HELD, abstain.OFFTOPIC_DENSE): a question some of
whose words the documents lack, whose best passages hold little of its content and are not close to
it as a whole, is about something else ("Who won the 2014 World Cup?" of an article on Syria that
shares only "world").

    python bench/fit_offtopic.py                      # sets of bench/fit_near_miss.py --offdoc
    python bench/fit_offtopic.py --out bench/reports/abstention_offtopic.md

Runs the bot in-process (indexes cached under bench/out/, as bench/quality.py) with the gate off and
records, for every question that reaches it (qa.rank.offtopic_evidence: a rare question word the
documents lack, no earlier reason to decline), the share of its content weight the three best
passages hold and the best passage's cosine. Sets: news-dev, seed_dev, the fit questions, the
paraphrase fit set (bench/data/paraphrase_fit.jsonl over the bundled article and bench/data/articles),
a SQuAD v1.1 sample (all answerable) and the off-document sets of bench/fit_near_miss.py (questions
asked of an index without their article: all unanswerable there).

The choice: over the grid, the pair declining no answerable question of news-dev, seed_dev, the fit
questions or the paraphrase fit set, and at most SQUAD_BUDGET of the SQuAD sample, that declines the
most unanswerable questions (on a tie, the lower thresholds).
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

import fit_near_miss  # noqa: E402
import quality  # noqa: E402

from qa import abstain, not_mentioned  # noqa: E402
from qa.evaluate import gold_rank  # noqa: E402
from qa.session import Conversation  # noqa: E402

HELD = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]
DENSE = [0.0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55]
# At most this share of the SQuAD sample (all answerable) may be declined by the gate: a tenth of the
# bot's present false abstention there (0.006 on SQuAD-2000).
SQUAD_BUDGET = 0.001
HELDOUT = ["article_heldout", "article_heldout2", "article_heldout3", "article_heldout4", "article_heldout5"]
# Held-out question sets on the bundled article that may be read this round (bench/data): strict too.
STRICT = ("news-dev", "seed_dev", "fit_questions", "paraphrase_fit", *HELDOUT)


def heldout_sets() -> list[tuple[str, object, list[dict]]]:
    """The held-out question sets on the bundled article that may be read (bench/data), each a set."""
    article = quality.index_of("article", [quality.config.bundled_article()], True)
    return [
        (
            name,
            article,
            [json.loads(x) for x in open(REPO / f"bench/data/{name}.jsonl", encoding="utf-8") if x.strip()],
        )
        for name in HELDOUT
    ]


def collect(squad_sample: int, only_heldout: bool = False) -> dict[str, list[dict]]:
    """Each set's records: outcome with the gate off, and the gate's evidence where it was read."""
    seen: list[tuple[float, float]] = []
    original = not_mentioned.offtopic_evidence

    def spy(*a: object, **k: object) -> tuple[float, float]:
        ev = original(*a, **k)  # type: ignore[arg-type]
        seen.append(ev)
        return ev

    not_mentioned.offtopic_evidence = spy  # type: ignore[assignment]
    abstain.OFFTOPIC_HELD = abstain.OFFTOPIC_DENSE = 0.0
    sets = [] if only_heldout else fit_near_miss.sets(squad_sample, 0, True)
    para = [
        json.loads(line)
        for line in open(REPO / "bench/data/paraphrase_fit.jsonl", encoding="utf-8")
        if line.strip()
    ]
    engine = quality.index_of("para", [quality.config.bundled_article(), REPO / "bench/data/articles"], True)
    if not only_heldout:
        sets.append(("paraphrase_fit", engine, para))
    sets += heldout_sets()
    rows: dict[str, list[dict]] = {}
    for name, eng, items in sets:
        if name in ("squad-years", "counts-squad"):
            continue
        conv = Conversation(eng)  # type: ignore[arg-type]
        out = rows.setdefault(name, [])
        for it in items:
            quality.replay_history(conv, it)
            seen.clear()
            a = conv.ask(it["question"], 5)
            r = {
                "question": it["question"],
                "answerable": bool(it["answerable"]),
                "abstained": a.abstained,
                "evidence": list(seen[-1]) if seen else None,
            }
            if it["answerable"] and not a.abstained:
                r["rank"] = gold_rank(it, [(h.text, h.source) for h in a.hits], 5, 600)
            out.append(r)
        print(name, len(out), sum(r["evidence"] is not None for r in out), file=sys.stderr)
    not_mentioned.offtopic_evidence = original  # type: ignore[assignment]
    return rows


def fires(r: dict, held: float, dense: float) -> bool:
    """Whether the gate at (held, dense) declines a record the bot answered."""
    ev = r["evidence"]
    return not r["abstained"] and ev is not None and ev[0] < held and ev[1] < dense


def tally(rows: dict[str, list[dict]], held: float, dense: float) -> dict[str, tuple[int, int, int]]:
    """Per set: (answerable declined, of them a hit@5, unanswerable declined)."""
    out = {}
    for name, rs in rows.items():
        hit = [r for r in rs if fires(r, held, dense)]
        out[name] = (
            sum(r["answerable"] for r in hit),
            sum(r["answerable"] and r.get("rank") is not None for r in hit),
            sum(not r["answerable"] for r in hit),
        )
    return out


def choose(rows: dict[str, list[dict]]) -> tuple[float, float]:
    """The (held, dense) pair of the docstring's rule; (0.0, 0.0) when none declines anything."""
    best, pick = 0, (0.0, 0.0)
    for h in HELD:
        for d in DENSE:
            t = tally(rows, h, d)
            if any(t[n][0] for n in STRICT if n in t):
                continue
            squad = sum(v[0] for n, v in t.items() if n.startswith("squad"))
            size = sum(len(v) for n, v in rows.items() if n.startswith("squad"))
            if squad > SQUAD_BUDGET * size:
                continue
            gain = sum(v[2] for v in t.values())
            if gain > best:
                best, pick = gain, (h, d)
    return pick


def report(rows: dict[str, list[dict]], squad_sample: int) -> list[str]:
    """The sweep as markdown."""
    pick = choose(rows)
    names = list(rows)
    lines = [
        "# Off-topic gate (qa.rank.off_topic)",
        "",
        f"`python bench/fit_offtopic.py --squad-sample {squad_sample}` (in-process, int8 model). Each cell:",
        "answerable declined (of them answered in the top 5) / unanswerable declined, among the questions",
        "the bot answers with the gate off. Sets as bench/fit_near_miss.py --offdoc, plus the paraphrase",
        "fit set; `off:` sets are questions asked of an index without their article (all unanswerable).",
        "",
        "| set | questions | answered | reach the gate |",
        "|---|---|---|---|",
    ]
    for n in names:
        rs = rows[n]
        lines.append(
            f"| {n} | {len(rs)} | {sum(not r['abstained'] for r in rs)} | "
            f"{sum(r['evidence'] is not None and not r['abstained'] for r in rs)} |"
        )
    lines += ["", "| held < | dense < | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for h in HELD[1:]:
        for d in DENSE[1:]:
            t = tally(rows, h, d)
            lines.append(
                f"| {h} | {d} | " + " | ".join(f"{t[n][0]} ({t[n][1]}) / {t[n][2]}" for n in names) + " |"
            )
    lines += [
        "",
        f"Chosen: abstain.OFFTOPIC_HELD = {pick[0]}, abstain.OFFTOPIC_DENSE = {pick[1]} (no answerable",
        f"question of {', '.join(STRICT)} declined, at most {SQUAD_BUDGET} of the SQuAD sample; most",
        "unanswerable declined).",
    ]
    t = tally(rows, *pick)
    for n in names:
        lines.append(
            f"- {n}: answerable declined {t[n][0]} ({t[n][1]} answered in the top 5), unanswerable {t[n][2]}"
        )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--dump", type=Path, help="write (or, with --reuse, read) the records here")
    ap.add_argument("--reuse", action="store_true", help="read the records from --dump instead of running")
    ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--add-heldout", action="store_true", help="with --reuse: run the held-out sets only, add them"
    )
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    if args.reuse and args.dump:
        rows = json.loads(args.dump.read_text(encoding="utf-8"))
        if args.add_heldout:
            rows.update(collect(args.squad_sample, only_heldout=True))
            args.dump.write_text(json.dumps(rows), encoding="utf-8")
    else:
        rows = collect(args.squad_sample)
        if args.dump:
            args.dump.write_text(json.dumps(rows), encoding="utf-8")
    quality.publish(report(rows, args.squad_sample), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
