"""Round 34 (nspk34): the census of the news read sets' speaker misses, by cause.

Every speaker question (gold category "speaker", answerable) of the news read sets (news-dev,
nh1-nh19) that a bench/read_sets.sh results file lists (rank > 1, missed, abstained) is asked again
in-process as `qa chat --json` asks it (history first), tracing the first reading's candidates
(bench/rank28.py's all_terms and relation). Each is put in the first class that holds:

- declined: answerable, declined end to end;
- pool: no gold passage among the first reading's candidates;
- unread: not read as speech, or read as speech with no asked speaker bound;
- wrong-speaker: the gold passage credits a named speaker, none of them asked, and the top passage
  is an asked speaker's (the question's speaker bound to another index entry);
- gold-uncredited: the gold passage credits no one (no named attribution) although the asked speaker
  is quoted elsewhere; sub-labelled "continues" when the paragraph before it credits an asked speaker
  (the words run on: "He added ..."), "named" when it names an asked speaker's surname;
- gold-other: the gold passage credits another speaker only (attribution or the question's binding);
- own-quotes: both the top and the gold hold the asked speaker's words (which of their passages is on
  the topic);
- other-wins: the gold holds the asked speaker's words, the top another speaker's or nobody's.

For the ranking classes the terms lifting the top over the gold (rank28's split) are counted.

    QA_HOME=<copy of /tmp/rs-b1/home> python bench/nspk34.py /tmp/rs-b1/results.txt --root /tmp/rs-b1 \
        [--sets nh19 ...] [--jsonl out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import stages  # noqa: E402
from rank28 import all_terms, relation, traced_features  # noqa: E402
from read_sets import NEWS, gold_file, index_for  # noqa: E402
from speak32 import misses  # noqa: E402

from qa.evaluate import norm  # noqa: E402


def credited(engine: Any, pid: int) -> list[str]:
    """The named speakers the index credits in a passage.

    Args:
        engine: the open Engine.
        pid: the passage.
    Returns:
        Their canonical names, in order, without repeats.
    """
    return list(dict.fromkeys(q.speaker for q in engine.quotes_by_passage.get(pid, []) if q.speaker))


def surnames(wanted: list[str]) -> set[str]:
    """The last words of the asked speakers' names, lower-cased.

    Args:
        wanted: canonical names.
    Returns:
        Their surnames.
    """
    return {w.split()[-1].lower() for w in wanted if w.split()}


def classify(rec: dict[str, Any]) -> str:
    """A traced miss's class (the module docstring's order).

    Args:
        rec: one record of trace().
    Returns:
        The class name.
    """
    if rec["declined"]:
        return "declined"
    if rec["gold_rank"] is None:
        return "pool"
    wanted = set(rec["wanted"])
    if not rec["speech"] or not wanted:
        return "unread"
    gold_c, top_c = set(rec["gold_credits"]), set(rec["top_credits"])
    if gold_c and not gold_c & wanted and top_c & wanted:
        return "wrong-speaker"
    if not gold_c:
        if rec["prev_credits_asked"]:
            return "gold-uncredited/continues"
        if rec["gold_names_asked"]:
            return "gold-uncredited/named"
        return "gold-uncredited"
    if not gold_c & wanted:
        return "gold-other"
    if top_c & wanted:
        return "own-quotes"
    return "other-wins"


def trace(name: str, root: Path, ids: dict[str, str]) -> list[dict[str, Any]]:
    """Ask one set's listed speaker misses again and record their first reading's ranking.

    Args:
        name: the set.
        root: where the indexes live.
        ids: question id -> its status in the results file.
    Returns:
        One record per question.
    """
    from qa import rank
    from qa.engine import Engine
    from qa.session import Conversation

    items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
    items = [it for it in items if it["id"] in ids and it.get("category") == "speaker" and it["answerable"]]
    if not items:
        return []
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
            golds = [norm(a) for a in it["answers"]]
            rec: dict[str, Any] = {
                "set": name,
                "id": it["id"],
                "status": ids[it["id"]],
                "question": it["question"],
                "history": bool(it.get("history")),
                "declined": ans.abstained,
                "gold_rank": None,
                "speech": False,
                "wanted": [],
            }
            if not kept or kept[0][0] is None:
                out.append(rec)
                continue
            f, qr = kept[0]
            rec.update(speech=bool(qr.speech), wanted=list(qr.wanted), searched=qr.searched)
            rec["topic"] = list(qr.topic_terms)
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
                out.append(rec)
                continue
            t = all_terms(f, rank.WEIGHTS)
            total = sum(t.values())
            order = sorted(range(len(f.pids)), key=lambda i: (-total[i], f.pids[i]))
            g = next(i for i in order if i in holders)
            top = order[0]
            gp, tp = f.pids[g], f.pids[top]
            wanted = list(qr.wanted)
            prev = gp - 1
            same_doc_prev = 0 <= prev and engine.passages[prev].doc_id == engine.passages[gp].doc_id
            rec.update(
                gold_rank=order.index(g) + 1,
                gold_pid=gp,
                top_pid=tp,
                top_rel=relation(engine, tp, wanted),
                gold_rel=relation(engine, gp, wanted),
                gold_credits=credited(engine, gp),
                top_credits=credited(engine, tp),
                prev_credits_asked=bool(same_doc_prev and set(credited(engine, prev)) & set(wanted)),
                gold_names_asked=any(s in engine.passages[gp].text.lower() for s in surnames(wanted)),
                same_doc=engine.passages[tp].doc_id == engine.passages[gp].doc_id,
                top_text=engine.passages[tp].text[:240],
                gold_text=engine.passages[gp].text[:240],
                margin=round(float(total[top] - total[g]), 4),
                diff={k: round(float(v[top] - v[g]), 4) for k, v in t.items() if abs(v[top] - v[g]) > 1e-9},
            )
            out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", type=Path)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--sets", nargs="*", default=["newsdev", *NEWS])
    ap.add_argument("--jsonl", type=Path)
    args = ap.parse_args()
    listed = misses(args.results)
    recs: list[dict[str, Any]] = []
    for name in args.sets:
        ids = {i: s for (n, i), s in listed.items() if n == name}
        got = trace(name, args.root, ids)
        recs += got
        print(f"# {name}: {len(got)} speaker misses", file=sys.stderr, flush=True)
    if args.jsonl:
        args.jsonl.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        by[classify(r)].append(r)
    print(f"speaker misses: {len(recs)} (with history {sum(r['history'] for r in recs)})")
    for cls, rs in sorted(by.items(), key=lambda x: -len(x[1])):
        lift = Counter(max(r["diff"], key=lambda k: r["diff"][k]) for r in rs if r.get("diff"))
        print(f"## {cls} ({len(rs)}) largest lifting term: {lift.most_common(4)}")
        for r in rs:
            print(
                f"  {r['set']} {r['id']} [{r['status']}] rank={r['gold_rank']} wanted={r['wanted'][:2]} "
                f"top={r.get('top_credits', [])[:2]} gold={r.get('gold_credits', [])[:2]} :: {r['question']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
