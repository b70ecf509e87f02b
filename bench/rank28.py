"""Why the wrong passage ranks first: each ranking term's share of the top-versus-gold margin.

For every answerable question of the read sets that bench/stages.py traces, this keeps the first
reading's qa.candidate_features.Features and splits qa.rank.combine's score into its terms (dense,
the word-matching signals, neighbour, document, the speaker terms, ...). For a question whose gold
passage is a candidate but not first it records, per term, the top candidate's value minus the
gold's: the terms with a positive difference lifted the wrong passage. It also labels the top and
the gold passages by their relation to the asked speaker (the asked speaker's direct quote, their
reported words, another speaker's, unattributed).

    python bench/rank28.py --root /tmp/rank28-st --sets h16 nh15 --jsonl /tmp/rank28-st/terms.jsonl

Only the first reading's ranking is analysed (follow-ups' fusion is qa.session's).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import stages  # noqa: E402
from read_sets import ALL, gold_file, index_for  # noqa: E402

from qa.evaluate import norm  # noqa: E402


@contextlib.contextmanager
def traced_features() -> Iterator[list[tuple[Any, Any]]]:
    """qa.rank.features wrapped, while the block runs, to keep every call's features and the query
    reading they were made for (the list is cleared by the caller between questions).

    Returns:
        The list the (features, reading) pairs are appended to, first call first.
    """
    from qa import query_reading, rank

    kept: list[tuple[Any, Any]] = []
    features = rank.features

    def traced(eng: Any, searched: str, *a: Any, **kw: Any) -> Any:
        f = features(eng, searched, *a, **kw)
        kept.append((f, kw.get("query") or query_reading._read(eng, searched)))
        return f

    rank.features = traced  # type: ignore[assignment]
    try:
        yield kept
    finally:
        rank.features = features  # type: ignore[assignment]


def terms(f: Any, w: Any) -> dict[str, np.ndarray]:
    """qa.rank._combine's score split into its terms (their sum is the score).

    Args:
        f: one reading's Features.
        w: the Weights.
    Returns:
        Each term's contribution per candidate.
    """
    n = f.dense.size
    z = np.zeros(n)
    lexical = w.bm25 * f.bm + w.sentence * f.cov_s + w.passage_cov * f.cov_p
    scale = np.ones(n)
    if w.unmatched and f.reach.size == n:
        gated = w.unmatched * (f.reach < w.unmatched_below)
        scale = 1.0 - gated * (1.0 - f.reach)
    base = w.dense * f.dense + lexical * scale
    out: dict[str, np.ndarray] = {
        "dense": w.dense * f.dense,
        "bm25": w.bm25 * f.bm * scale,
        "sentence": w.sentence * f.cov_s * scale,
        "passage_cov": w.passage_cov * f.cov_p * scale,
    }
    padded = np.append(base, -np.inf)
    nb = np.maximum(padded[f.left], padded[f.right])
    out["neighbour"] = w.neighbour * np.maximum(nb - base, 0.0)
    best = np.full(int(f.doc.max()) + 1 if n else 0, -np.inf)
    np.maximum.at(best, f.doc, base)
    out["document"] = w.document * best[f.doc]
    part_doc = z.copy()
    if f.part.any():
        body = np.full(int(f.doc.max()) + 1, 0.0)
        np.maximum.at(body, f.doc, np.where(f.part > 0, 0.0, base))
        asked = f.part > 0
        part_doc = asked * (w.part_document * body[f.doc] + w.part_meta * f.meta_cov - w.part_own * base)
        part_doc = part_doc + w.part_first * f.first
        if f.doc_topic.size == n:
            part_doc = part_doc + w.part_topic * asked * f.doc_topic
    out["part_doc"] = part_doc
    out["wrong_type"] = -w.wrong_type * f.wrong
    out["caption"] = -w.caption * f.caption if f.caption.size == n else z
    out["wrong_place"] = -w.wrong_place * f.wrong_place if f.wrong_place.size == n else z
    out["phrase"] = w.phrase * f.phrase if f.phrase.size == n else z
    part = np.where(f.part == 1, 1.0, np.where(f.part > 1, w.part_second, 0.0))
    out["part_bonus"] = w.part_bonus * part
    out["furniture"] = -w.furniture * f.furniture
    out["summary"] = -w.summary * f.summary
    out["speaker_direct"] = w.speaker_bonus * f.direct
    out["speaker_reported"] = w.reported_bonus * f.reported
    out["topic"] = w.topic * f.topic_cov
    out["other_speaker"] = -w.other_speaker * f.other
    out["claim"] = w.claim * f.claim if f.claim.size == n else z
    out["typed"] = w.typed * f.typed if f.typed.size == n else z
    named = f.named if f.named.size == n else z
    kept = getattr(w, "named_attributed", 1.0)  # the weight bench/fit_rank28.py fitted (not adopted)
    if kept != 1.0 and f.direct.size == n:
        named = named * np.where((f.direct > 0) | (f.reported > 0), kept, 1.0)
    out["named"] = w.named * named
    out["belief"] = -w.belief * f.belief if w.belief and f.belief.size == n else z
    out["subject"] = w.subject * f.subject if w.subject and f.subject.size == n else z
    out["settles"] = w.settles * f.settles if w.settles and f.settles.size == n else z
    out["focus"] = w.focus * f.focus
    return out


def all_terms(f: Any, w: Any) -> dict[str, np.ndarray]:
    """qa.rank.combine's score split into terms, a doubtful speech question's plain reading mixed
    in term by term (the mix is linear).

    Args:
        f: the Features (with .alt for a doubtful speech question).
        w: the Weights.
    Returns:
        Each term's contribution per candidate.
    """
    t = terms(f, w)
    if f.alt is not None and w.narrator and f.doubt.size == f.dense.size:
        a = terms(f.alt, w)
        t = {k: v + w.narrator * f.doubt * (a[k] - v) for k, v in t.items()}
    return t


def relation(engine: Any, pid: int, wanted: list[str]) -> str:
    """A passage's relation to the asked speakers.

    Args:
        engine: the open Engine.
        pid: the passage.
        wanted: the asked speakers' canonical names.
    Returns:
        "asked-direct", "asked-reported", "other-speaker" or "unattributed".
    """
    qs = engine.quotes_by_passage.get(pid, [])
    own = [x for x in qs if x.speaker in wanted]
    if own:
        p = engine.passages[pid]
        return "asked-direct" if any(engine.long_direct(p.pid, x) for x in own) else "asked-reported"
    return "other-speaker" if qs else "unattributed"


def analyse(name: str, root: Path) -> list[dict[str, Any]]:
    """Trace one set and split every ranking miss's margin into terms.

    Args:
        name: the set.
        root: where indexes live (bench/read_sets.sh's layout).
    Returns:
        One record per answerable question whose gold passage is a candidate.
    """
    from qa import rank
    from qa.engine import Engine
    from qa.session import Conversation

    items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
    engine = Engine.open(index_for(name, root))
    conv = Conversation(engine)
    out: list[dict[str, Any]] = []
    with traced_features() as kept:
        for it in items:
            conv.reset()
            for h in it.get("history", []):
                conv.ask(h, stages.K)
            kept.clear()
            ans = conv.ask(it["question"], stages.K)
            if not it["answerable"] or not kept or kept[0][0] is None:
                continue
            f, qr = kept[0]
            golds = [norm(a) for a in it["answers"]]
            shown = next(
                (
                    r + 1
                    for r, h in enumerate(ans.hits[: stages.K])
                    if len(h.text) <= stages.MAX_CHARS and any(g in norm(h.text) for g in golds)
                ),
                None,
            )
            holders = {
                i
                for i, pid in enumerate(f.pids)
                if len(engine.passages[pid].text) <= stages.MAX_CHARS
                and any(g in norm(engine.passages[pid].text) for g in golds)
            }
            article = it.get("article")
            if article:
                own = {
                    i
                    for i in holders
                    if os.path.basename(engine.docs[engine.passages[f.pids[i]].doc_id].source) == article
                }
                holders = own or holders
            if not holders:
                continue
            t = all_terms(f, rank.WEIGHTS)
            total = sum(t.values())
            order = sorted(range(len(f.pids)), key=lambda i: (-total[i], f.pids[i]))
            g = next(i for i in order if i in holders)
            top = order[0]
            rec: dict[str, Any] = {
                "set": name,
                "id": it["id"],
                "category": it.get("category", "-"),
                "question": it["question"],
                "searched": qr.searched,
                "shown_rank": shown,
                "declined": ans.abstained,
                "final_rank": order.index(g) + 1,
                "speech": bool(qr.speech),
                "doubt": bool(qr.doubt),
                "wanted": list(qr.wanted),
                "strength": qr.strength,
                "topic": list(qr.topic_terms),
                "values": list(qr.values),
                "top_rel": relation(engine, f.pids[top], list(qr.wanted)),
                "gold_rel": relation(engine, f.pids[g], list(qr.wanted)),
                "same_doc": engine.passages[f.pids[top]].doc_id == engine.passages[f.pids[g]].doc_id,
                "adjacent": abs(f.pids[top] - f.pids[g]) == 1,
                "top_text": engine.passages[f.pids[top]].text[:300],
                "gold_text": engine.passages[f.pids[g]].text[:300],
                "margin": float(total[top] - total[g]),
                "diff": {
                    k: round(float(v[top] - v[g]), 4) for k, v in t.items() if abs(v[top] - v[g]) > 1e-9
                },
            }
            out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/rank28-st"))
    ap.add_argument("--sets", nargs="*", default=ALL)
    ap.add_argument("--jsonl", type=Path, required=True)
    args = ap.parse_args()
    recs: list[dict[str, Any]] = []
    for name in args.sets:
        got = analyse(name, args.root)
        recs += got
        print(name, len(got), sum(r["final_rank"] > 1 for r in got), flush=True)
    args.jsonl.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    miss = [r for r in recs if r["final_rank"] > 1 and r["category"] in ("speaker", "fact")]
    lifted = Counter(max(r["diff"], key=lambda k: r["diff"][k]) for r in miss if r["diff"])
    print("largest term lifting the top over the gold:", lifted.most_common())
    rel = Counter((r["category"], r["top_rel"], r["gold_rel"]) for r in miss)
    print("top/gold relation to the asked speaker:", rel.most_common())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
