"""Fit qa.cover.DECLINING_ROLES and SENTENCE_EXCUSE: which question words the documents lack may
decline a question ("the documents do not cover: ..."), by their role in the question, and the
question-sentence cosine at which the best sentence says what is asked even so.

    python bench/fit_cover.py --pf IDX --nd IDX --art IDX [--squad 400] [--heldout IDX]

Data (all public, all may be fit on):
- the bot's own sets, each question asked as `qa chat` asks it, with the cover gate's evidence
  recorded (qa.cover.Evidence: the uncovered words with their roles, the sentence cosine) and the
  gate itself switched off, so that the other gates' decision is known too:
  bench/data/paraphrase_fit.jsonl (index --pf: index/article.txt + bench/data/articles),
  bench/data/fit_questions.jsonl and ../shared/eval/seed_dev.jsonl (index --art: the bundled
  article), ../shared/eval/news-dev (index --nd);
- SQuAD dev, as bench/fit_equivalents.py builds it: each sampled answerable question against its
  answer's sentence (a positive: any decline is a false abstention) and against the best sentence of
  another paragraph of its article (a negative: a near miss the gate should decline).

The excuse first: the lowest cosine (EXCUSE_GRID) that at most MAX_NEG_EXCUSED of the SQuAD
negatives' best sentences reach (a sentence "close to the question" is one another paragraph's best
sentence rarely is; the rule bench/fit_equivalents.py fits PARAPHRASE_COSINE by). The bot's own sets
cannot fit it: their sentence cosines do not separate (answerable questions declined for "compensation"
0.23, "news outlet" 0.27; near misses "population" 0.39, "sanctions" 0.49), so a free excuse only
becomes a way of switching the gate off (the report's rows at other excuses show it).

Then the roles. A question is declined under a rule when the cover gate declines it
(qa.cover.declining with the rule's roles and excuse) or another gate does. Objective: near misses
declined minus NET_COST x answerable declined, summed over the bot's sets. Constraints:
- the asked slot's noun ("head") declines when missing and unparaphrased (REQUIRED; issue 9: "a near
  miss is declined: the asked fact is absent"); without it the objective switches the gate off and
  the held-out article's "What is the population of Syria?" kind is answered (the report's table
  shows that row too);
- SQuAD's false abstention cannot rise: every rule declines a subset of what the gate declined
  before (fewer roles; the excuse only removes declines). The SQuAD pairs are a proxy without the
  gate's preconditions (a weak best match, a large share of the question missing): the old rule
  declines most of their positives, against 0.006 of SQuAD-2000's answerable questions in the bot,
  so they are reported and break ties (other-paragraph negatives declined - NET_COST x positives
  declined), not capped.
Ties then: fewer roles.

Held out, reported only, never chosen on: bench/data/article_heldout.jsonl (--heldout IDX: the
bundled article's index) and bench/data/news_heldout.jsonl when given (--news IDX).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import quality  # noqa: E402
from fit_equivalents import _missing, _sentences  # noqa: E402

from index.lexical import terms  # noqa: E402
from qa import cover, equivalents  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.session import Conversation  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
NET_COST = 2.0  # a wrongly answered near miss costs two wrongly declined answerable questions
REQUIRED = frozenset({"head"})
MAX_NEG_EXCUSED = 0.02  # as bench/fit_equivalents.py's MAX_FALSE_COVER
EXCUSE_GRID = [round(0.3 + 0.025 * i, 3) for i in range(25)] + [2.0]  # 0.3 .. 0.9, and never
REST_GRID: list[int | None] = [None, 1, 2, 3, 4, 5]
ROLE_SETS = [
    frozenset(c) for n in range(len(cover.ROLES) + 1) for c in itertools.combinations(cover.ROLES, n)
]

Row = tuple[
    dict[str, Any], "cover.Evidence | None", bool, str
]  # item, gate evidence, other gate declined, its reason


def load(path: Path) -> list[dict[str, Any]]:
    """The gold items of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bot_rows(engine: Engine, items: list[dict[str, Any]]) -> list[Row]:
    """Each item asked as `qa chat` asks it, with the cover gate's evidence and the gate off.

    Args:
        engine: the open index.
        items: gold items (question, history, answerable).
    Returns:
        (item, evidence or None when the gate was not reached, declined by another gate, its reason).
    """
    seen: list[cover.Evidence] = []
    original = cover.declining

    def spy(ev: cover.Evidence, *args: Any, **kwargs: Any) -> list[str]:
        seen.append(ev)
        return []

    rows: list[Row] = []
    cover.declining = spy  # type: ignore[assignment]
    try:
        conv = Conversation(engine)
        for it in items:
            quality.replay_history(conv, it)
            seen.clear()
            ans = conv.ask(it["question"], 5)
            rows.append((it, seen[-1] if seen else None, ans.abstained, ans.reason))
    finally:
        cover.declining = original  # type: ignore[assignment]
    return rows


def squad_rows(engine: Engine, n: int, seed: int) -> tuple[list[cover.Evidence], list[cover.Evidence]]:
    """The gate's evidence for SQuAD positives and negatives (as bench/fit_equivalents.py pairs them).

    Args:
        engine: an open index (its embedder and terms are used).
        n: SQuAD answerable questions sampled.
        seed: the sample's seed.
    Returns:
        (positives, negatives): one Evidence per question with at least one missing word.
    """
    corpus = SHARED / "squad-v1.1-dev"
    paras = load(corpus / "paragraphs.jsonl")
    by_id = {p["paragraph_id"]: p for p in paras}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in paras:
        by_doc.setdefault(p["doc_id"], []).append(p)
    qs = random.Random(seed).sample([q for q in load(corpus / "questions.jsonl") if q["answerable"]], n)
    pos: list[tuple[str, list[str], list[str]]] = []
    neg: list[tuple[str, list[str], list[str]]] = []
    for q in qs:
        p = by_id[q["paragraph_id"]]
        ans = [a for a in q["answers"] if a]
        sent = next((s for s in _sentences(p["text"]) if any(a in s for a in ans)), None)
        if sent is None:
            continue
        missing = _missing(q["question"], set(terms(p["text"])))
        if missing:
            pos.append((q["question"], missing, [sent]))
        qt = set(terms(q["question"]))
        others = [o for o in by_doc[p["doc_id"]] if o is not p and not any(a in o["text"] for a in ans)]
        if not others:
            continue
        best_s, other = max(
            ((s, o) for o in others for s in _sentences(o["text"])), key=lambda x: len(qt & set(terms(x[0])))
        )
        missing = _missing(q["question"], set(terms(other["text"])))
        if missing:
            neg.append((q["question"], missing, [best_s]))
    return evidences(engine, pos), evidences(engine, neg)


def evidences(engine: Engine, inst: list[tuple[str, list[str], list[str]]]) -> list[cover.Evidence]:
    """The gate's evidence for each (question, missing words, sentences), as not_mentioned._uncovered makes it.

    Every text is embedded once, in large batches: a first pass records what qa.equivalents asks
    for, a second answers it.
    """
    wanted: dict[str, None] = {}

    def record(texts: list[str]) -> np.ndarray:
        wanted.update(dict.fromkeys(texts))
        return np.ones((len(texts), 1), dtype=np.float32)

    for q, missing, sents in inst:
        equivalents.paraphrase_scores(q, missing, sents, record, engine.terms)
    texts = list(wanted)
    table = dict(zip(texts, engine.embedder.encode(texts), strict=True))
    answer: Callable[[list[str]], np.ndarray] = lambda xs: np.stack([table[x] for x in xs])  # noqa: E731
    content: Callable[[str], bool] = lambda w: bool(engine.terms(w))  # noqa: E731
    out = []
    for q, missing, sents in inst:
        scored, sentence_cos = equivalents.paraphrase_scores(q, missing, sents, answer, engine.terms)
        left = [w for w in missing if not equivalents.covers(scored.get(w, ("", 0.0))[1], sentence_cos)]
        away = cover.rest_away(q, missing, left, content, engine.terms)
        rest = cover.rest_held(engine.terms(q), away, [engine.terms(s) for s in sents])
        out.append(cover.evidence(q, left, sentence_cos, content, (), rest))
    return out


def declined(row: Row, roles: frozenset[str], excuse: float, rest: int | None = None) -> bool:
    """Whether a question is declined under a rule: by the cover gate or by another gate."""
    _, ev, other, _ = row
    return other or (ev is not None and bool(cover.declining(ev, roles, excuse, rest)))


def tally(
    rows: list[Row], roles: frozenset[str], excuse: float, rest: int | None = None
) -> tuple[int, int, int, int]:
    """(answerable declined, answerable, unanswerable declined, unanswerable) under a rule."""
    ans = [r for r in rows if r[0].get("answerable", True)]
    una = [r for r in rows if not r[0].get("answerable", True)]
    return (
        sum(declined(r, roles, excuse, rest) for r in ans),
        len(ans),
        sum(declined(r, roles, excuse, rest) for r in una),
        len(una),
    )


def gate_share(
    evs: list[cover.Evidence], roles: frozenset[str], excuse: float, rest: int | None = None
) -> float:
    """The share of SQuAD questions the cover gate declines under a rule."""
    return sum(bool(cover.declining(e, roles, excuse, rest)) for e in evs) / max(len(evs), 1)


def excused_share(evs: list[cover.Evidence], excuse: float) -> float:
    """The share of SQuAD questions whose best sentence reaches the excuse cosine."""
    return sum(e.sentence_cos >= excuse for e in evs) / max(len(evs), 1)


def role_label(roles: frozenset[str]) -> str:
    """Roles in cover.ROLES order, "none" when empty."""
    return "+".join(r for r in cover.ROLES if r in roles) or "none"


def collect(
    args: argparse.Namespace,
) -> tuple[dict[str, list[Row]], dict[str, list[Row]], list[cover.Evidence], list[cover.Evidence]]:
    """The fit sets' rows, the held-out sets' rows, and SQuAD's positives and negatives."""
    pf, nd, art = Engine.open(args.pf), Engine.open(args.nd), Engine.open(args.art)
    fit: dict[str, list[Row]] = {
        "paraphrase_fit": bot_rows(pf, load(REPO / "bench/data/paraphrase_fit.jsonl")),
        "fit_questions": bot_rows(art, load(REPO / "bench/data/fit_questions.jsonl")),
        "news-dev": bot_rows(nd, load(SHARED / "news-dev/gold.jsonl")),
        "seed_dev": bot_rows(art, load(SHARED / "seed_dev.jsonl")),
    }
    held: dict[str, list[Row]] = {
        "article_heldout": bot_rows(art, load(REPO / "bench/data/article_heldout.jsonl"))
    }
    if args.news is not None and args.news_gold.exists():
        held["news_heldout"] = bot_rows(Engine.open(args.news), load(args.news_gold))
    sq_pos, sq_neg = squad_rows(nd, args.squad, args.seed)
    return fit, held, sq_pos, sq_neg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pf", type=Path, required=True, help="index of index/article.txt + bench/data/articles")
    ap.add_argument("--nd", type=Path, required=True, help="index of ../shared/eval/news-dev/docs")
    ap.add_argument("--art", type=Path, required=True, help="index of the bundled article")
    ap.add_argument("--squad", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--news", type=Path, default=None, help="index of the held-out news set (report only)")
    ap.add_argument("--news-gold", type=Path, default=REPO / "bench" / "data" / "news_heldout.jsonl")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    # No cache of the measured rows: the project reads no pickle, not even its own (as bench/fit.py).
    fit, held, sq_pos, sq_neg = collect(args)

    def net(roles: frozenset[str], excuse: float, rest: int | None = None) -> float:
        return sum(
            una_d - NET_COST * ans_d
            for ans_d, _, una_d, _ in (tally(r, roles, excuse, rest) for r in fit.values())
        )

    def squad_net(roles: frozenset[str], excuse: float, rest: int | None = None) -> float:
        return gate_share(sq_neg, roles, excuse, rest) * len(sq_neg) - NET_COST * gate_share(
            sq_pos, roles, excuse, rest
        ) * len(sq_pos)

    candidates = [(roles, e) for roles in ROLE_SETS for e in EXCUSE_GRID]
    # "Close to the question": a cosine that other paragraphs' best sentences rarely reach.
    excuse = min(e for e in EXCUSE_GRID if excused_share(sq_neg, e) <= MAX_NEG_EXCUSED)
    best = max(
        [(r, excuse) for r in ROLE_SETS if REQUIRED <= r],
        key=lambda c: (net(*c), squad_net(*c), -len(c[0])),
    )
    old = (frozenset(cover.ROLES), 2.0)
    # Then the rest excuse, with the chosen roles and sentence excuse: the fit sets' objective, SQuAD's
    # breaking ties; never (None) wins a tie, as the rule it replaces.
    rest_best = max(REST_GRID, key=lambda r: (net(*best, r), squad_net(*best, r), r is None))
    # Each role set at its best excuse, the rule before, and the chosen roles at every other excuse.
    shown = (
        {old, best}
        | {
            max(((r, e) for r, e in candidates if r == roles), key=lambda c: (net(*c), c[1]))
            for roles in ROLE_SETS
        }
        | {(best[0], e) for e in EXCUSE_GRID[::2] + [EXCUSE_GRID[-1]]}
    )
    sets = [*fit, *held]
    lines = [
        "## Cover gate: which missing words decline (qa.cover.DECLINING_ROLES, SENTENCE_EXCUSE)",
        "",
        f"`python bench/fit_cover.py --squad {args.squad} --seed {args.seed}` (bench/fit_cover.py docstring).",
        f"Objective: near misses declined - {NET_COST:g} x answerable declined over {', '.join(fit)} (every",
        "gate included), the asked slot's noun declining (REQUIRED). Per set: answerable"
        "declined / unanswerable declined (counts); SQuAD: share of positives (false) and of other-paragraph",
        f"negatives declined by the gate ({len(sq_pos)} / {len(sq_neg)} questions with a missing word).",
        "Held out (never chosen on): " + ", ".join(held) + ".",
        "",
        "| declining roles | sentence excuse | net | "
        + " | ".join(sets)
        + " | SQuAD pos (false) | SQuAD neg |",
        "|---|---|---|" + "---|" * len(sets) + "---|---|",
    ]
    for roles, e in sorted(shown, key=lambda c: (-net(*c), -c[1])):
        cells = []
        for s in sets:
            ad, an, ud, un = tally({**fit, **held}[s], roles, e)
            cells.append(f"{ad}/{an} . {ud}/{un}")
        mark = " (chosen)" if (roles, e) == best else " (before: every word)" if (roles, e) == old else ""
        lines.append(
            f"| {role_label(roles)}{mark} | {'never' if e >= 2.0 else e} | {net(roles, e):g} | "
            + " | ".join(cells)
            + f" | {gate_share(sq_pos, roles, e):.3f} | {gate_share(sq_neg, roles, e):.3f} |"
        )
    lines += [
        "",
        f"Excuse: the lowest cosine at which at most {MAX_NEG_EXCUSED:.0%} of SQuAD negatives are excused: "
        f"**{excuse}** ({excused_share(sq_neg, excuse):.3f} of negatives, {excused_share(sq_pos, excuse):.3f} of "
        "positives).",
        f"Chosen roles: **{role_label(best[0])}**.",
        "",
    ]
    lines += [
        "### Rest excuse (qa.cover.REST_EXCUSE): every other question term in one best sentence",
        "",
        f"With the chosen roles and sentence excuse. Chosen: **{rest_best}** (None: never).",
        "",
        "| rest excuse (least terms) | net | " + " | ".join(sets) + " | SQuAD pos (false) | SQuAD neg |",
        "|---|---|" + "---|" * len(sets) + "---|---|",
    ]
    for r in REST_GRID:
        cells = []
        for s_ in sets:
            ad, an, ud, un = tally({**fit, **held}[s_], *best, r)
            cells.append(f"{ad}/{an} . {ud}/{un}")
        lines.append(
            f"| {r}{' (chosen)' if r == rest_best else ''} | {net(*best, r):g} | "
            + " | ".join(cells)
            + f" | {gate_share(sq_pos, *best, r):.3f} | {gate_share(sq_neg, *best, r):.3f} |"
        )
    lines += [""]
    lines += ["### Questions the gate reached with an uncovered word (fit sets and held out)", ""]
    for s in sets:
        for it, ev, other, reason in {**fit, **held}[s]:
            if ev is None or not ev.missing:
                continue
            kind = "answerable" if it.get("answerable", True) else "unanswerable"
            words = ", ".join(f"{w} ({r})" for w, r in ev.missing.items())
            then = f"; other gate: {reason}" if other else ""
            lines.append(
                f"- {s} {kind}: {it['question']!r}: {words}; sentence {ev.sentence_cos:.3f}"
                f"; rest held {ev.rest[0]}/{ev.rest[1]}"
                f"; declined now: {'yes' if cover.declining(ev, *best, rest_best) else 'no'}{then}"
            )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
