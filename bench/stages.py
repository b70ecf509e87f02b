"""Where answerable questions are lost, by pipeline stage, over every read set.

For every answerable question of the read sets (news-dev, seed_dev, article_heldout 1-9, news_heldout
1-8, paraphrase_fit; never a blind set), asked in-process through qa.session.Conversation as
`qa chat --json` asks it (history first, the question last, scored as ../shared/eval/score.py scores:
k=5, a passage of at most 600 characters holding a gold string), this records:

- the gold passage (the best-ranked passage holding a gold string, in the item's article where it
  names one) and its rank among all passages by the dense cosine, by BM25 over the terms ranking
  reads (qa.query_reading._Query.lexical), in the fused candidate pool before re-ranking (reciprocal-rank
  fusion of those two ranks, over the pool qa.rank.features builds: dense and BM25 top-k, the asked
  speaker's attributed passages, asked parts, the focus, their paragraph-neighbours), and in the
  final ranking (qa.rank.combine's order before abstention) and in the answer shown;
- whether it was declined;
- the question's reading: speech or not, the asked speakers, topic terms, asked value kinds.

Each miss at 1 goes to one stage, checked in this order:
- unreachable: no passage of the index holds a gold string within 600 characters (chunking);
- pool: no gold passage among the candidates ranking scores;
- abstention: ranked first by the first reading, and declined;
- conversation: ranked first by the first reading, not shown first (fusion of readings, follow-up
  handling);
- reading: explicit checks that the question was read wrong:
  * a speaker question (gold category "speaker") read as asking for no one's words, or whose asked
    speakers do not include a speaker the attributions credit in the gold passage (where they credit
    one), or whose gold passage credits no one (attribution);
  * a speech question whose topic is empty though the question has words beyond its speaker;
  * a question asking for a kind of value (qa.answer_type.asked) whose gold answer states none;
  (a speaker check whose asked speaker is named in the gold passage without being credited there is
  marked "attribution" within this stage);
- ranking: the gold passage is a candidate, the reading passes, and it is not ranked first.

    python bench/stages.py --root /tmp/stage20-m --report bench/reports/stages.md [--sets h1 nh2 ...]

Indexes are built under --root with `qa index` where missing (the default index for seed and the article sets).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL, ARTICLE, NEWS, gold_file, index_for  # noqa: E402
from qa.evaluate import norm  # noqa: E402  (score.py's normalisation)

STAGES = ["unreachable", "pool", "reading", "ranking", "abstention", "conversation"]
K = 5
MAX_CHARS = 600
RRF = 60  # reciprocal-rank fusion's constant (Cormack et al. 2009)


@dataclass
class Call:
    """One rank.answer call's reading, candidates and combined scores."""

    searched: str
    query: Any
    pids: list[int] = field(default_factory=list)
    total: np.ndarray | None = None


@dataclass
class Row:
    """One answerable question's trace."""

    set: str
    id: str
    category: str
    question: str
    searched: str = ""
    hit_rank: int | None = None  # rank in the answer shown (score.py's), None: not in the top 5
    declined: bool = False
    gold_pids: list[int] = field(default_factory=list)
    gold: int | None = None
    dense_rank: int | None = None
    bm25_rank: int | None = None
    pool_size: int = 0
    fused_rank: int | None = None
    final_rank: int | None = None  # in qa.rank.combine's order of the first reading
    speech: bool = False
    wanted: list[str] = field(default_factory=list)
    gold_speakers: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    stage: str = ""
    why: str = ""
    top_text: str = ""
    gold_text: str = ""


def _rank_of(order: list[int], wanted: set[int]) -> int | None:
    """The 1-based rank of the first of `wanted` in `order`, or None."""
    return next((i + 1 for i, p in enumerate(order) if p in wanted), None)


def reading_problem(row: Row, engine: Any, call: Call, answers: list[str]) -> str:
    """The explicit reason the question was read wrong, or "" where the checks pass.

    Args:
        row: the question's trace (gold passage, category, reading filled in).
        engine: the open qa.engine.Engine.
        call: the first reading's rank.answer call.
        answers: the gold strings.
    Returns:
        A short reason, or "".
    """
    from qa import answer_type
    from qa import question as questions

    q = call.query
    if row.category == "speaker" and row.gold is not None:
        if q.claim_terms:  # "Who said <claim>?": the speaker is what is asked, none is read
            return ""
        if not q.speech and not q.wanted:
            if questions.is_speech_question(q.searched):
                return "speech read, the described speaker not resolved (qa.describe chose no one)"
            return "neither a speaker nor a speech cue read"
        if not q.speech:
            return "speaker named, the speech cue not read (read as a plain question)"
        if not row.gold_speakers:
            return "gold passage credits no speaker (attribution)"
        if not set(q.wanted) & set(row.gold_speakers):
            text = engine.passages[row.gold].text
            if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in q.aliases):
                return "attribution: the asked speaker is named in the gold passage, not credited there"
            return f"asked speaker {q.wanted[:2]} is not the gold's {row.gold_speakers[:2]}"
    if q.speech and not q.topic_terms:
        rest = [
            t for t in engine.terms(q.searched) if t not in {w.lower() for a in q.aliases for w in a.split()}
        ]
        if len(rest) > 2:
            return "speech question read with an empty topic"
    if q.values and not any(answer_type.states(q.values, a) for a in answers):
        gold = engine.passages[row.gold].text if row.gold is not None else ""
        sent = next(
            (s for s in re.split(r"(?<=[.!?])\s+", gold) if any(norm(a) in norm(s) for a in answers)), ""
        )
        if not answer_type.states(q.values, sent):
            return f"asks for {'/'.join(q.values)}; the gold answer states none"
    return ""


def trace_set(name: str, root: Path) -> Iterator[Row]:
    """Ask every item of one set and trace its answerable questions.

    Args:
        name: the set.
        root: where indexes live.
    Yields:
        One Row per answerable question.
    """
    from qa import query_reading, rank
    from qa.engine import Engine
    from qa.session import Conversation

    items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
    engine = Engine.open(index_for(name, root))
    conv = Conversation(engine)
    calls: list[Call] = []
    features, combine = rank.features, rank.combine

    def traced_features(eng: Any, searched: str, *a: Any, **kw: Any) -> Any:
        f = features(eng, searched, *a, **kw)
        qr = kw.get("query") or query_reading._read(eng, searched)
        calls.append(Call(searched, qr, list(f.pids) if f is not None else []))
        return f

    def traced_combine(f: Any, w: Any) -> np.ndarray:
        total = combine(f, w)
        if calls and calls[-1].total is None:
            calls[-1].total = total
        return total

    rank.features, rank.combine = traced_features, traced_combine  # type: ignore[assignment]
    try:
        for it in items:
            conv.reset()
            for h in it.get("history", []):
                conv.ask(h, K)
            calls.clear()
            ans = conv.ask(it["question"], K)
            if not it["answerable"]:
                continue
            yield trace_item(name, it, engine, ans, list(calls))
    finally:
        rank.features, rank.combine = features, combine  # type: ignore[assignment]


def trace_item(name: str, it: dict[str, Any], engine: Any, ans: Any, calls: list[Call]) -> Row:
    """One answerable question's trace and stage.

    Args:
        name: the set.
        it: the gold item.
        engine: the open Engine.
        ans: the Answer shown.
        calls: the rank.answer calls made for it, first reading first.
    Returns:
        The Row.
    """
    golds = [norm(a) for a in it["answers"]]
    row = Row(name, it["id"], it.get("category", "-"), it["question"], declined=ans.abstained)
    shown = [h for h in ans.hits[:K]]
    for r, h in enumerate(shown):
        if len(h.text) <= MAX_CHARS and any(g in norm(h.text) for g in golds):
            row.hit_rank = r + 1
            break
    row.top_text = (shown[0].text if shown else (ans.nearest[0].text if ans.nearest else ""))[:160]
    article = it.get("article")
    holders = [
        p.pid for p in engine.passages if len(p.text) <= MAX_CHARS and any(g in norm(p.text) for g in golds)
    ]
    if article:
        own = [
            pid
            for pid in holders
            if os.path.basename(engine.docs[engine.passages[pid].doc_id].source) == article
        ]
        holders = own or holders
    row.gold_pids = holders
    if not calls:
        row.stage, row.why = (
            ("unreachable", "no ranking call") if not holders else ("conversation", "no ranking call")
        )
        return row
    call = calls[0]
    q = call.query
    row.searched = call.searched
    row.speech, row.wanted = bool(q.speech), list(q.wanted)
    row.topic = list(q.topic_terms or q.lexical)
    row.values = list(q.values)
    if not holders:
        row.stage, row.why = "unreachable", "no passage of <=600 chars holds a gold string"
        return row
    gold = set(holders)
    qv = engine.encode(q.consumed or call.searched)
    dense = engine.dense(qv, list(range(len(engine.passages))))
    dense_order = sorted(dense, key=lambda p: (-dense[p], p))
    bm = engine.lexical.scores(list(q.lexical))
    bm_order = [int(i) for i in np.argsort(-bm, kind="stable") if bm[i] > 0]
    row.dense_rank = _rank_of(dense_order, gold)
    row.bm25_rank = _rank_of(bm_order, gold)
    pool = call.pids
    row.pool_size = len(pool)
    d_at = {p: i for i, p in enumerate(dense_order)}
    b_at = {p: i for i, p in enumerate(bm_order)}
    fused = sorted(
        pool,
        key=lambda p: -(1 / (RRF + d_at.get(p, len(d_at))) + (1 / (RRF + b_at[p]) if p in b_at else 0.0)),
    )
    row.fused_rank = _rank_of(fused, gold)
    if call.total is not None and pool:
        order = [pool[i] for i in sorted(range(len(pool)), key=lambda i: (-call.total[i], pool[i]))]  # type: ignore[index]
        row.final_rank = _rank_of(order, gold)
        best = next((p for p in order if p in gold), None)
    else:
        best = None
    row.gold = best if best is not None else holders[0]
    row.gold_text = engine.passages[row.gold].text[:160]
    row.gold_speakers = sorted({x.speaker for x in engine.quotes_by_passage.get(row.gold, []) if x.speaker})
    if row.hit_rank != 1:
        row.stage, row.why = classify(row, lambda: reading_problem(row, engine, call, it["answers"]))
    return row


def classify(row: Row, reading: Callable[[], str]) -> tuple[str, str]:
    """The stage a miss at 1 is lost at, and why (the order of the module docstring).

    Args:
        row: the question's trace, ranks filled in.
        reading: the reading checks' reason, or "" (reading_problem), asked only when needed.
    Returns:
        (stage, reason).
    """
    if row.fused_rank is None:
        return "pool", f"dense rank {row.dense_rank}, BM25 rank {row.bm25_rank}"
    if row.final_rank == 1:
        if row.declined:
            return "abstention", "ranked first, declined"
        return "conversation", "ranked first by the first reading, moved by fusion or follow-up handling"
    if problem := reading():
        return "reading", problem
    final = row.final_rank or 99
    lexical = "; the gold shares no term with the question (BM25 0)" if row.bm25_rank is None else ""
    return "ranking", f"final rank {min(final, 4)}{'+' if final >= 4 else ''}{lexical}"


def table(rows: list[Row], key: str) -> list[str]:
    """A markdown table of misses per stage, grouped by `key` ("set" or "category").

    Args:
        rows: traces.
        key: the grouping attribute.
    Returns:
        Markdown lines.
    """
    groups = sorted({getattr(r, key) for r in rows}, key=lambda g: (ALL.index(g) if g in ALL else 99, g))
    out = [f"| {key} | answerable | hit@1 | " + " | ".join(STAGES) + " |", "|---" * (len(STAGES) + 3) + "|"]
    for g in [*groups, "ALL"]:
        rs = rows if g == "ALL" else [r for r in rows if getattr(r, key) == g]
        c = Counter(r.stage for r in rs if r.stage)
        hit = sum(r.hit_rank == 1 for r in rs) / len(rs)
        out.append(f"| {g} | {len(rs)} | {hit:.3f} | " + " | ".join(str(c[s]) for s in STAGES) + " |")
    return out


def report(rows: list[Row], sets: list[str]) -> str:
    """The markdown report.

    Args:
        rows: every trace.
        sets: the sets traced.
    Returns:
        The report text.
    """
    lines = ["# Where answerable questions are lost, by stage (bench/stages.py)", ""]
    lines.append(f"Sets: {' '.join(sets)}. {len(rows)} answerable questions; a miss is a question whose")
    lines.append(
        "answer shown first does not hold a gold string (score.py's hit@1). Stages: see the script's"
    )
    lines.append(f"docstring. Pools: article = h1-{ARTICLE[-1]}, news = nh1-{NEWS[-1]}.")
    lines.append("")
    for title, names in (
        ("All read sets", sets),
        (f"Article pool h1-{ARTICLE[-1]}", ARTICLE),
        (f"News pool nh1-{NEWS[-1]}", NEWS),
    ):
        rs = [r for r in rows if r.set in names]
        if not rs:
            continue
        lines += [f"## {title}: misses per stage x category", "", *table(rs, "category"), ""]
    lines += ["## Per set", "", *table(rows, "set"), ""]
    lines += ["## Reasons within each stage (all sets)", ""]
    for s in STAGES:
        rs = [r for r in rows if r.stage == s]
        if not rs:
            continue
        c = Counter(re.sub(r"\[.*?\]", "#", r.why) for r in rs)
        lines.append(f"- **{s}** ({len(rs)}): " + "; ".join(f"{w} x{n}" for w, n in c.most_common(8)))
    lines += ["", "## Gold ranks of the misses, by stage (median; None = not ranked)", ""]
    lines.append(
        "| stage | n | dense median | BM25 median | BM25 none | fused median | final median | declined |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for s in STAGES:
        rs = [r for r in rows if r.stage == s]
        if not rs:
            continue

        def med(xs: list[int | None]) -> str:
            v = [x for x in xs if x is not None]
            return f"{float(np.median(v)):.0f}" if v else "-"

        lines.append(
            f"| {s} | {len(rs)} | {med([r.dense_rank for r in rs])} | {med([r.bm25_rank for r in rs])} | "
            f"{sum(r.bm25_rank is None for r in rs)} | {med([r.fused_rank for r in rs])} | "
            f"{med([r.final_rank for r in rs])} | {sum(r.declined for r in rs)} |"
        )
    lines += ["", "## Per set x category (misses as stage:count)", ""]
    cats = sorted({r.category for r in rows})
    lines += ["| set | " + " | ".join(cats) + " |", "|---" * (len(cats) + 1) + "|"]
    for g in sorted({r.set for r in rows}, key=lambda g: ALL.index(g) if g in ALL else 99):
        cells = []
        for cat in cats:
            c = Counter(r.stage for r in rows if r.set == g and r.category == cat and r.stage)
            cells.append(" ".join(f"{st}:{c[st]}" for st in STAGES if c[st]) or "-")
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    declined = [r for r in rows if r.declined]
    lines += [
        "",
        f"Wrongly declined answerable questions: {len(declined)}; by stage: "
        + ", ".join(f"{st} {n}" for st, n in Counter(r.stage or "hit" for r in declined).most_common())
        + ".",
    ]
    lines += ["", "## Typical examples per stage", ""]
    for s in STAGES:
        rs = [r for r in rows if r.stage == s]
        if not rs:
            continue
        lines.append(f"### {s}")
        step = max(1, len(rs) // 3)
        for r in rs[::step][:3]:
            lines.append(
                f'- {r.set} {r.id} ({r.category}) "{r.question}" -- {r.why}. Read: speech={r.speech} '
                f"wanted={r.wanted[:2]} topic={r.topic[:6]} values={r.values}; gold speakers={r.gold_speakers[:2]}; "
                f"ranks dense={r.dense_rank} bm25={r.bm25_rank} fused={r.fused_rank} final={r.final_rank}"
                f"{' declined' if r.declined else ''}."
            )
        lines.append("")
    lines += [
        "## Every miss",
        "",
        "| set | id | category | stage | dense | BM25 | fused | final | declined | question |",
    ]
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        if r.stage:
            q = r.question.replace("|", "/")
            lines.append(
                f"| {r.set} | {r.id} | {r.category} | {r.stage} | {r.dense_rank} | {r.bm25_rank} | {r.fused_rank} | "
                f"{r.final_rank} | {'yes' if r.declined else ''} | {q} |"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/stages-m"), help="where indexes are built")
    ap.add_argument("--sets", nargs="*", default=ALL)
    ap.add_argument("--report", type=Path, help="write the markdown report here")
    ap.add_argument("--jsonl", type=Path, help="write every trace here")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args.root.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for name in args.sets:
        got = list(trace_set(name, args.root))
        rows += got
        c = Counter(r.stage for r in got if r.stage)
        print(
            f"{name}: {len(got)} answerable, hit@1 {sum(r.hit_rank == 1 for r in got) / max(1, len(got)):.3f}, "
            + " ".join(f"{s}={c[s]}" for s in STAGES),
            flush=True,
        )
    if args.jsonl:
        args.jsonl.write_text("".join(json.dumps(r.__dict__) + "\n" for r in rows), encoding="utf-8")
    text = report(rows, args.sets)
    if args.report and args.report.exists():  # a hand-written findings section is kept across runs
        old = args.report.read_text(encoding="utf-8")
        if "\n## Findings" in old:
            findings = old[old.index("\n## Findings") :].split("\n## Every miss")[0]
            text = text.replace("\n## Every miss", findings.rstrip("\n") + "\n\n## Every miss", 1)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
