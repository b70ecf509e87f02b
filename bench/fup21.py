"""Is the answer to a follow-up the passage shown before, or a new one? Evidence beyond score ratios.

    # 1. collect: every follow-up asked, its five passages and which of them are right, one JSON a line
    python bench/fup21.py collect --source read --work /tmp/rs-fup21 --out /tmp/fup21-read.jsonl
    python bench/fup21.py collect --source polnear --articles 40 --out /tmp/fup21-pn.jsonl
    python bench/fup21.py collect --source squad --limit 400 --out /tmp/fup21-sq.jsonl
    # 2. fit and score the rules below, leave-one-group-out, on what was collected
    python bench/fup21.py fit /tmp/fup21-read.jsonl /tmp/fup21-pn.jsonl /tmp/fup21-sq.jsonl \
        --report bench/reports/fup21.md

Sources (each follow-up asked after its first question in one conversation, qa.session as `qa chat`):

* read     every answerable follow-up of the read sets (bench/followups_pooled.py's), written by
           other people; right = a passage of at most 600 characters holding a gold answer (score.py).
           Group: the set (h10 and nh9, never shaped on, reported apart).
* polnear  bench/followups.py's and bench/followups_real.py's conversations over PolNeAR train
           articles, gold from PolNeAR's annotations. Group: the article.
* squad    bench/followups_fact.py's pronoun follow-ups from consecutive SQuAD dev questions (the
           answer is mostly in the first one's paragraph: the counter-case). Group: the article.

The question: when the follow-up's first passage is the one shown before (the previous answer's),
does another of the five answer it? Candidate evidence, for each other passage c of the five:

* new words  the follow-up's reading's content terms that its previous question's reading lacks
             (index.lexical.terms, stemmed): how many c holds against the previous passage.
* type       the answer type the reading asks (qa.intent) stated by c and not by the previous passage.
* neighbour  c is one passage either side of the previous one, in its article (rule "new-nb": with
             more new words; rule "nb-bare": for a bare follow-up, "Why?", "When was that?", whose
             reading has no new words, bench/followups_pooled.py's "neighbour" reordering).

Each rule moves the best such c first when its evidence beats the previous passage's and its score
is at least a ratio of the top one's; the ratio is fit leave-one-group-out (fit on every group but
one, scored on the one left out, summed), on the read sets and on the generated ones apart and
together. Declines are counted as they were: no rule declines or un-declines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.followups import attributions_by_doc  # noqa: E402
from bench.quality import publish  # noqa: E402
from index.lexical import terms  # noqa: E402
from qa import followup  # noqa: E402
from qa import intent as intents  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402
from qa.session import Conversation  # noqa: E402
from qa.types import Answer  # noqa: E402

MAX_CHARS = 600  # score.py's --max-chars
GRID = (1.01, 0.98, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.3, 0.0)


def record(
    src: str,
    group: str,
    kind: str,
    conv: Conversation,
    follow: str,
    answer: Answer,
    right: Callable[[int, str], bool],
) -> dict[str, Any]:
    """One follow-up asked, as a JSON-able row.

    Args:
        src: the source ("read", "polnear", "squad").
        group: its group for the leave-one-out fits (a set, an article).
        kind: its generator kind or form.
        conv: the conversation, the follow-up asked last.
        follow: the follow-up as typed.
        answer: its answer.
        right: whether a passage (pid, text) answers it.
    Returns:
        The row: the previous turn's question, reading and passage, the follow-up's reading, the five
        passages (pid, score, document, text, right) and whether it was declined.
    """
    prev = conv.turns[-2]
    ps = conv.engine.passages
    hits = [(h.pid, h.score, h.doc_id, h.text, right(h.pid, h.text)) for h in answer.hits[:5]]
    prev_text = ps[prev.top].text if prev.top is not None else ""
    return {
        "src": src,
        "group": group,
        "kind": kind,
        "first": prev.question,
        "first_read": prev.searched,
        "follow": follow,
        "read": answer.searched,
        "prev_top": prev.top,
        "prev_doc": ps[prev.top].doc_id if prev.top is not None else None,
        "prev_text": prev_text,
        "prev_right": prev.top is not None and right(prev.top, prev_text),
        "declined": answer.abstained,
        "hits": hits,
    }


def collect_read(work: Path) -> Iterable[dict[str, Any]]:
    """Every answerable follow-up of the read sets (bench/followups_pooled.py's SETS)."""
    from bench.followups_pooled import SETS
    from bench.read_sets import gold_file, index_for

    os.environ.setdefault("QA_HOME", str(work / "home"))
    for name in SETS:
        items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        items = [it for it in items if it.get("category") == "followup" and it.get("answerable")]
        conv = Conversation(Engine.open(index_for(name, work)))
        for it in items:
            conv.reset()
            for h in it.get("history", []):
                conv.ask(h, 5)
            golds = [norm(a) for a in it["answers"]]
            answer = conv.ask(it["question"], 5)

            def ok(pid: int, text: str, golds: list[str] = golds) -> bool:
                return len(text) <= MAX_CHARS and any(g in norm(text) for g in golds)

            yield record("read", name, it["id"], conv, it["question"], answer, ok)
        print(f"read {name}", file=sys.stderr)


def collect_polnear(articles: int, seed: int, per_article: int, index: Path) -> Iterable[dict[str, Any]]:
    """bench/followups.py's and bench/followups_real.py's conversations over `articles` PolNeAR train
    articles (one sample, followups_real's draw), who_said kinds aside (their hit also names the speaker)."""
    from bench.followups import SHARED, gold_cases
    from bench.followups_real import sample_cases
    from index.build import build
    from qa import config

    train = SHARED / "polnear" / "train"
    with gzip.open(train / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = sorted((json.loads(line) for line in f), key=lambda d: d["doc_id"])
    sample = random.Random(seed).sample(docs, articles)
    wanted = {d["doc_id"] for d in sample}
    attrs = attributions_by_doc(train, wanted)
    if not index.exists():
        folder = index.parent / (index.name + "-docs")
        folder.mkdir(parents=True, exist_ok=True)
        for d in sample:
            (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        build([folder], index, cache_dir=config.model_cache_dir())
    engine = Engine.open(index)
    originals = {d["doc_id"]: d["text"] for d in sample}
    cases = gold_cases(engine, attrs, originals, random.Random(seed), per_article)
    cases += sample_cases(engine, sample, attrs)
    conv = Conversation(engine)
    for c in cases:
        if not c.follow or c.kind in ("who_said", "who_else", "who_about", "who_why", "who_when"):
            continue
        conv.reset()
        conv.ask(c.first, 5)
        answer = conv.ask(c.follow, 5)
        gold = c.gold
        yield record(
            "polnear", str(c.doc_id), c.kind, conv, c.follow, answer, lambda pid, _t, g=gold: pid in g
        )


def collect_squad(limit: int, seed: int, index: Path) -> Iterable[dict[str, Any]]:
    """bench/followups_fact.py's pronoun follow-ups over one index of SQuAD dev's articles."""
    from bench.followups_fact import SHARED, cases, doc_file
    from index.build import build
    from qa import config

    items = cases(SHARED, seed, limit)
    if not index.exists():
        folder = index.parent / (index.name + "-docs")
        folder.mkdir(parents=True, exist_ok=True)
        for line in (SHARED / "squad-v1.1-dev" / "docs.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            (folder / doc_file(d["doc_id"])).write_text(d["text"], encoding="utf-8")
        build([folder], index, cache_dir=config.model_cache_dir())
    engine = Engine.open(index)
    conv = Conversation(engine)
    src = {d.doc_id: os.path.basename(d.source) for d in engine.docs.values()}
    for c in items:
        conv.reset()
        conv.ask(c.first, 5)
        answer = conv.ask(c.follow, 5)
        golds = [norm(x) for x in c.answers]

        def ok(pid: int, text: str, golds: list[str] = golds, doc: str = c.doc) -> bool:
            return src[engine.passages[pid].doc_id] == doc and any(g in norm(text) for g in golds)

        yield record("squad", c.doc, c.kind, conv, c.follow, answer, ok)


# ---------------------------------------------------------------------------------------- rules


def new_terms(row: dict[str, Any]) -> set[str]:
    """The follow-up reading's content terms that its previous question's reading lacks.

    Args:
        row: a collected follow-up.
    Returns:
        The stemmed terms.
    """
    return set(terms(row["read"])) - set(terms(row["first_read"])) - set(terms(row["first"]))


def moved(row: dict[str, Any], rule: str, ratio: float) -> int:
    """Which of the five a rule puts first (0: the top as ranked).

    Args:
        row: a collected follow-up.
        rule: "new" (more of the new terms), "new-nb" (the same, neighbours only), "type" (states the
            asked answer type, the previous passage does not), "new+type" (either).
        ratio: the moved passage's score over the top one's must be at least this.
    Returns:
        The index in row["hits"] of the passage put first.
    """
    hits = row["hits"]
    if row["declined"] or not hits or row["prev_top"] is None or hits[0][0] != row["prev_top"]:
        return 0
    top_score = hits[0][1]
    if top_score <= 0:
        return 0
    new = new_terms(row)
    prev_cov = len(new & set(terms(row["prev_text"])))
    asked = intents.read(row["read"]).answer_type
    prev_typed = bool(asked) and intents.has_evidence(asked, row["prev_text"])
    best, key = 0, (0, 0.0)
    for i, (pid, score, doc, text, _ok) in enumerate(hits[1:], start=1):
        if score / top_score < ratio:
            continue
        neighbour = doc == row["prev_doc"] and abs(pid - row["prev_top"]) == 1
        cov = len(new & set(terms(text)))
        typed = bool(asked) and not prev_typed and intents.has_evidence(asked, text)
        if rule == "new":
            ev = cov - prev_cov
        elif rule == "new-nb":
            ev = cov - prev_cov if neighbour else 0
        elif rule == "type":
            ev = int(typed)
        elif rule == "new+type":
            ev = max(cov - prev_cov, int(typed))
        elif rule == "nb-bare":
            ev = int(neighbour and followup.read(row["follow"]).name == "bare")
        else:
            raise ValueError(rule)
        if ev > 0 and (ev, score) > key:
            best, key = i, (ev, score)
    return best


def hit(row: dict[str, Any], rule: str | None, ratio: float) -> bool:
    """Whether the passage put first (by `rule`, None: as ranked) answers the follow-up."""
    if row["declined"] or not row["hits"]:
        return False
    i = 0 if rule is None else moved(row, rule, ratio)
    return bool(row["hits"][i][4])


def loso(rows: list[dict[str, Any]], rule: str) -> tuple[int, dict[str, int], float, int]:
    """Leave-one-group-out fit of a rule's ratio (most hits on the other groups; ties to the higher
    ratio, the rule firing less).

    Args:
        rows: the follow-ups.
        rule: as for `moved`.
    Returns:
        Held-out hits summed, held-out hits per group, the ratio fit on all rows, its in-sample hits.
    """
    cache: dict[tuple[int, float], bool] = {}

    def h(i: int, r: float) -> bool:
        if (i, r) not in cache:
            cache[(i, r)] = hit(rows[i], rule, r)
        return cache[(i, r)]

    groups = sorted({r["group"] for r in rows})
    per: dict[str, int] = {}
    for g in groups:
        train = [i for i, r in enumerate(rows) if r["group"] != g]
        test = [i for i, r in enumerate(rows) if r["group"] == g]
        best = max(GRID, key=lambda r: (sum(h(i, r) for i in train), r))
        per[g] = sum(h(i, best) for i in test)
    whole = max(GRID, key=lambda r: (sum(h(i, r) for i in range(len(rows))), r))
    return sum(per.values()), per, whole, sum(h(i, whole) for i in range(len(rows)))


RULES = ("new", "new-nb", "type", "new+type", "nb-bare")


def fit_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The report: the split of the cases, then each rule fit leave-one-group-out per source."""
    lines = ["# Follow-ups: the passage shown before, or a new one? (bench/fup21.py)", ""]
    srcs = sorted({r["src"] for r in rows})
    lines += [
        "| source | n | hit@1 | top = previous passage | of which right | of which wrong, gold among the five |",
        "|---|---|---|---|---|---|",
    ]
    for s in srcs:
        xs = [r for r in rows if r["src"] == s]
        again = [r for r in xs if r["hits"] and not r["declined"] and r["hits"][0][0] == r["prev_top"]]
        ok = sum(r["hits"][0][4] for r in again)
        wrong_in = sum(not r["hits"][0][4] and any(h[4] for h in r["hits"]) for r in again)
        base = sum(hit(r, None, 1.0) for r in xs)
        lines.append(f"| {s} | {len(xs)} | {base / len(xs):.3f} | {len(again)} | {ok} | {wrong_in} |")
    lines += [
        "",
        "Held-out hits (ratio fit leave-one-group-out; groups: read sets, articles) against main's:",
        "",
        "| rule | source | main | held out | in-sample (ratio) | h10 | nh9 | groups up / down |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        for s in [*srcs, "all"]:
            xs = rows if s == "all" else [r for r in rows if r["src"] == s]
            if s == "all":
                xs = [{**r, "group": f"{r['src']}:{r['group']}"} for r in xs]
            base = {
                g: sum(hit(r, None, 1.0) for r in xs if r["group"] == g) for g in {r["group"] for r in xs}
            }
            held, per, ratio, ins = loso(xs, rule)
            up = sum(per[g] > base[g] for g in per)
            down = sum(per[g] < base[g] for g in per)
            pick = {
                k: f"{per.get(k2, 0)}/{base.get(k2, 0)}"
                for k, k2 in (
                    ("h10", "h10" if s == "read" else "read:h10"),
                    ("nh9", "nh9" if s == "read" else "read:nh9"),
                )
            }
            lines.append(
                f"| {rule} | {s} | {sum(base.values())} | {held} | {ins} ({ratio}) | {pick['h10']} | {pick['nh9']} "
                f"| {up} / {down} |"
            )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--source", choices=("read", "polnear", "squad"), required=True)
    c.add_argument("--work", type=Path, default=Path("/tmp/rs-fup21"))
    c.add_argument("--articles", type=int, default=40)
    c.add_argument("--seed", type=int, default=19)
    c.add_argument("--per-article", type=int, default=4)
    c.add_argument("--limit", type=int, default=400)
    c.add_argument("--index", type=Path, default=None)
    c.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("fit")
    f.add_argument("rows", type=Path, nargs="+")
    f.add_argument("--report", type=Path, default=None)
    args = ap.parse_args()
    if args.cmd == "collect":
        if args.source == "read":
            rows = collect_read(args.work)
        elif args.source == "polnear":
            rows = collect_polnear(
                args.articles,
                args.seed,
                args.per_article,
                args.index or Path(f"/tmp/fup21-pn{args.articles}"),
            )
        else:
            rows = collect_squad(args.limit, args.seed, args.index or Path("/tmp/fup21-squad"))
        with args.out.open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r) + "\n")
        return 0
    rows = [json.loads(x) for p in args.rows for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    publish(fit_lines(rows), args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
