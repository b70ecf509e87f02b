"""Census of the read sets' follow-up misses (round 34): each miss replayed and classed by cause.

    python bench/fup34.py RESULTS.txt --work /tmp/rs-TAG [--json OUT] [--report OUT.md] [--sets h20 nh19]

Every follow-up that bench/read_sets.sh's RESULTS.txt lists as not right first (rank > 1, abstained,
missed) is asked again after its history in one qa.session.Conversation (as `qa chat` does after
"/reset"), with the indexes of `--work` (QA_HOME=WORK/home for the article sets). Written out per
miss: the history, the rewrite searched (Answer.searched), the previous answer's passage, the gold's
rank in the conversation and of the rewrite asked on its own (a fresh conversation), and the cause.

The cause is bench/followups_pooled.py's stage (a: the reading, b: the anchor, c: the ranking,
d: declined) split by the follow-up's form (qa.followup.read), the classes of issue 9:

* pronoun-wrong   (a) a pronoun bound to a name no gold passage names or is credited with, or left
                  unresolved where the gold is not beside the previous answer
* and-x-wrong     (a) an "And X?"/"What about X?" put in a slot the gold passage does not fit
* typed-wrong     (a) other readings (a fragment searched as typed, a description)
* anchor-missing  (b) an anchored follow-up ("Why?", "When was that?", "Who said that?", "What else
                  did he say?", "And how many?") whose gold is not around the previous answer
* previous-wrong  (b) any other form whose previous question was declined or answered from
                  another article than the gold's
* strict-declined (b/c) the rewrite's first search declined by the strict gate of a resolved
                  follow-up (qa.not_mentioned: every uncovered word declines, so that the anchor is
                  tried), the anchor answered from the previous answer's passage, where the readings
                  judged as typed rank the gold first
* rank-shown      (c) right reading, the previous answer's passage first again
* rank-focus      (c) right reading, another passage first; the rewrite on its own ranks the gold
                  first (the conversation's focus/preference cost it)
* rank-search     (c) right reading, the rewrite on its own misses too (plain retrieval/ranking)
* declined        (d) an answerable follow-up declined
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.followups_pooled import form_of, stage_of  # noqa: E402
from bench.fup27 import gold_rank, misses  # noqa: E402
from bench.fup32 import outcome  # noqa: E402
from bench.quality import override, publish  # noqa: E402
from bench.read_sets import gold_file, index_for  # noqa: E402
from qa import numerals  # noqa: E402
from qa import question as questions  # noqa: E402
from qa import rank as rank_  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm  # noqa: E402
from qa.session import Conversation, fuse  # noqa: E402

CLASSES = (
    "pronoun-wrong",
    "and-x-wrong",
    "typed-wrong",
    "anchor-missing",
    "previous-wrong",
    "strict-declined",
    "rank-shown",
    "rank-focus",
    "rank-search",
    "declined",
)


def cause(
    stage: str, form: str, got: int | None, prev_top: int | None, alone_rank: int, strict_first: bool
) -> str:
    """The miss's class (module docstring).

    Args:
        stage: bench/followups_pooled.stage_of's stage ("a", "b", "c", "d"; "hit" is not a miss).
        form: bench/followups_pooled.form_of's form.
        got: the passage shown first for the follow-up.
        prev_top: the passage shown first for the previous question.
        alone_rank: the gold's 1-based rank when the rewrite is asked on its own (0: not in five).
        strict_first: the rewrite's first search was declined by the strict gate of a resolved
            follow-up, where its readings judged as typed rank the gold first.
    Returns:
        One of CLASSES, or "hit".
    """
    head = form.split(":")[0]
    if stage == "d":
        return "declined"
    if strict_first and stage in ("b", "c"):
        return "strict-declined"
    if stage == "a":
        if head == "pronoun":
            return "pronoun-wrong"
        if head == "about":
            return "and-x-wrong"
        return "typed-wrong"
    if stage == "b":
        return "anchor-missing" if head in ("bare", "next", "who_said", "count") else "previous-wrong"
    if stage == "c":
        if got is not None and got == prev_top:
            return "rank-shown"
        return "rank-focus" if alone_rank == 1 else "rank-search"
    return "hit"


def replay(name: str, missed: dict[str, str] | None, work: Path) -> list[dict]:
    """Ask each listed follow-up of set `name` after its history.

    Args:
        name: the read set.
        missed: {id: outcome in the results}; None: every item asked after a history, answerable
            or not (the --all mode).
        work: the indexes' folder.
    Returns:
        One record per follow-up.
    """
    rows = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
    if missed is None:
        rows = [r for r in rows if r.get("history")]
    else:
        rows = [r for r in rows if r.get("category") == "followup" and r["id"] in missed]
    if not rows:
        return []
    engine = Engine.open(index_for(name, work))
    out = []
    for r in rows:
        golds = [norm(a) for a in r["answers"]] if r.get("answerable", True) else []
        conv = Conversation(engine)
        prev_top, prev_text = None, ""
        for h in r.get("history", []):
            a = conv.ask(h, 5)
            prev_top = conv.turns[-1].top
            prev_text = a.hits[0].text[:160] if a.hits else "(declined)"
        # How the session's first search judged the rewrite (strict: a resolved follow-up's every
        # uncovered word declines, qa.not_mentioned) and each reading judged as typed, fused.
        q = r["question"]
        read = numerals.as_digits(questions.truecased(q, conv._name_forms(q)), conv._held)
        plan = conv.resolve(read) if conv.turns else None
        strict = lenient = None
        if plan is not None:
            strict = fuse(
                [rank_.answer(engine, q, x, 5, focus=plan.focus, read=read) for x in plan.readings], 5
            )
            lenient = fuse([rank_.answer(engine, x, x, 5, read=x) for x in plan.readings], 5)
        a = conv.ask(q, 5)
        rank = gold_rank(a.hits, golds)
        alone = Conversation(engine).ask(a.searched, 5)
        alone_rank = 0 if alone.abstained else gold_rank(alone.hits, golds)
        form = form_of(r["question"])
        stage = stage_of(engine, r["question"], form, a, prev_top, golds, rank - 1 if rank else None)
        got = a.hits[0].pid if a.hits and not a.abstained else None
        lenient_rank = 0 if lenient is None or lenient.abstained else gold_rank(lenient.hits, golds)
        strict_first = bool(strict and strict.abstained) and lenient_rank == 1
        out.append(
            {
                "set": name,
                "id": r["id"],
                "outcome": missed[r["id"]] if missed is not None else outcome(a.hits, a.abstained, golds),
                "lenient_outcome": outcome(lenient.hits, lenient.abstained, golds) if lenient else "",
                "history": r.get("history", []),
                "question": r["question"],
                "searched": a.searched,
                "form": form,
                "answers": r["answers"],
                "rank": rank,
                "alone_rank": alone_rank,
                "stage": stage,
                "cause": cause(stage, form, got, prev_top, alone_rank, strict_first),
                "strict_declined": bool(strict and strict.abstained),
                "strict_reason": strict.reason if strict else "",
                "lenient_rank": lenient_rank,
                "prev_top": prev_text,
                "top": a.hits[0].text[:160] if a.hits and not a.abstained else "(declined)",
            }
        )
    return out


def report(recs: list[dict]) -> list[str]:
    """Markdown lines: counts by cause (pooled and per set group), then every miss.

    Args:
        recs: replay()'s records.
    Returns:
        The lines.
    """
    c = Counter(r["cause"] for r in recs)
    lines = ["| cause | n | ids |", "|---|---:|---|"]
    for k in (*CLASSES, "hit"):
        if c[k]:
            ids = " ".join(r["id"] for r in recs if r["cause"] == k)
            lines.append(f"| {k} | {c[k]} | {ids} |")
    lines += ["", "## Every miss", ""]
    for r in recs:
        lines.append(
            f"- **{r['id']}** ({r['set']}, {r['outcome']}, {r['cause']}, form {r['form']}, "
            f"gold rank {r['rank'] or '-'}, alone {r['alone_rank'] or '-'}, readings judged as typed "
            f"{r['lenient_rank'] or '-'}{', strict gate: ' + r['strict_reason'] if r['strict_declined'] else ''}): "
            f"{' / '.join(r['history'])} -> {r['question']}"
        )
        if r["searched"] != r["question"]:
            lines.append(f"  - searched: {r['searched']}")
        lines.append(f"  - previous answer: {r['prev_top']}")
        lines.append(f"  - top: {r['top']}")
        lines.append(f"  - gold: {' | '.join(r['answers'])}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", type=Path)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--sets", nargs="*", default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--off", action="append", default=[], help="module.NAME set False")
    ap.add_argument("--all", action="store_true", help="every item asked after a history, not the misses")
    args = ap.parse_args()
    override(args.off, [])
    os.environ.setdefault("QA_HOME", str(args.work / "home"))
    recs: list[dict] = []
    for name, missed in misses(args.results).items():
        if name == "seed" or (args.sets and name not in args.sets):
            continue
        got = replay(name, None if args.all else missed, args.work)
        recs += got
        print(f"{name}: {Counter(r['cause'] for r in got)}", file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8"
        )
    publish(report(recs), args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
