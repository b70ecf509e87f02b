"""What each abstention test declines, on every public set: the measurements behind qa/abstain.py.

    python bench/fit_abstention.py                         # news-dev, seed_dev, SQuAD sample 2000
    python bench/fit_abstention.py --out bench/reports/abstention.md

Runs the bot in-process (indexes cached under bench/out/, as bench/quality.py) and sorts every
abstention by the test that made it, from its reason: the near-miss tests of qa.abstain (speaker
not quoted, count not given beside its noun, asked fact not bound to the question's words, quoted
speaker never on the topic) and the older
tests of qa.rank (unknown names, missing words, missing answer type). For each set it reports the
share of unanswerable questions declined and of answerable ones wrongly declined, per test, with
hit@1 and recall@5. A test is kept only while its false abstention stays within the issue's
bounds on every set (news <= 0.05, bundled article <= 0.03, SQuAD as before: 0.003-0.006).
The speaker test is also measured on questions generated from PolNeAR train articles
(bench/polnear_speaker_questions.py, bench/reports/abstention_polnear.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402

from qa import abstain, not_mentioned  # noqa: E402
from qa import intent as intents  # noqa: E402
from qa.evaluate import gold_rank  # noqa: E402
from qa.session import Conversation  # noqa: E402

# The reason wordings of each test (qa.abstain via qa.rank._near_miss, then qa.rank._not_mentioned).
TESTS = [
    ("speaker not quoted", re.compile(r"mentioned, but not quoted|quote no")),
    ("count not given", re.compile(r"no passage gives a number of")),
    # bench/fit_near_miss.py fits these two (bench/reports/abstention_near_miss.md).
    ("fact not given", re.compile(r"no passage gives (?:an? |the )|no passage names")),
    ("speaker off topic", re.compile(r"is quoted, but not on")),
    ("older tests", re.compile(r".")),
]


def sets(squad_sample: int) -> list[tuple[str, object, list[dict]]]:
    shared = quality.SHARED
    news = [json.loads(line) for line in open(shared / "news-dev/gold.jsonl", encoding="utf-8")]
    seed = [json.loads(line) for line in open(shared / "seed_dev.jsonl", encoding="utf-8") if line.strip()]
    out = [
        ("news-dev", quality.index_of("newsdev", [shared / "news-dev/docs"], True), news),
        ("seed_dev", quality.index_of("article", [quality.config.bundled_article()], True), seed),
    ]
    if squad_sample:
        docs, items = quality.squad_items(squad_sample)
        out.append((f"squad{squad_sample}", quality.index_of("squad", [docs], True), items))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show", action="store_true", help="print each near-miss abstention")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    lines = [
        "# Abstention tests, measured",
        "",
        f"`python bench/fit_abstention.py --squad-sample {args.squad_sample}` (in-process, int8 model)",
        "",
        "| set | answerable | unanswerable | hit@1 | recall@5 | declined | false abstention | "
        + " | ".join(f"{name}: unans / ans" for name, _ in TESTS)
        + " |",
        "|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(TESTS),
    ]
    depth = [
        "",
        "## depth",
        "",
        'Answerable "how many" questions with a countable noun, and those with no count beside the',
        "noun in the best 3 / 5 passages (answer_sentences.NEAR_MISS_PASSAGES):",
        "",
        "| set | counted | unbound at 3 | unbound at 5 |",
        "|---|---:|---:|---:|",
    ]
    for name, engine, items in sets(args.squad_sample):
        conv = Conversation(engine)  # type: ignore[arg-type]
        fired: dict[bool, collections.Counter[str]] = {
            True: collections.Counter(),
            False: collections.Counter(),
        }
        n = {True: 0, False: 0}
        hit1 = r5 = 0
        counted = unbound3 = unbound5 = 0  # answerable "how many" questions, and those without the count
        for it in items:
            conv.reset()
            for h in it.get("history", []):
                conv.ask(h, 5)
            a = conv.ask(it["question"], 5)
            ans = bool(it["answerable"])
            n[ans] += 1
            if a.abstained:
                test = next(t for t, rx in TESTS if rx.search(a.reason))
                fired[ans][test] += 1
                if args.show and test != "older tests":
                    print(name, ans, it["question"], "->", a.reason)
            if ans and a.abstained and TESTS[1][1].search(a.reason):
                counted += 1
                unbound3 += 1  # no count in the best five, so none in the best three
                unbound5 += 1
            elif ans and not a.abstained:
                head = abstain.counted_noun(a.searched)
                a_type = intents.read(a.searched).answer_type
                if (
                    head
                    and a_type in ("number", "money")
                    and abstain.countable(head, not_mentioned.EVERYDAY_ZIPF)
                ):
                    counted += 1
                    sentences = [
                        (intents.has_evidence(a_type, h.text[x:y]), terms)
                        for h in a.hits[:3]
                        for x, y, terms in engine.sentence_terms(h.pid)  # type: ignore[attr-defined]
                    ]
                    unbound3 += not abstain.value_bound(engine.terms(head), sentences)  # type: ignore[attr-defined]
            if ans and not a.abstained:
                r = gold_rank(it, [(h.text, h.source) for h in a.hits], 5, 600)
                hit1 += r == 0
                r5 += r is not None
        na, nu = n[True], n[False]
        lines.append(
            f"| {name} | {na} | {nu} | {hit1 / max(na, 1):.3f} | {r5 / max(na, 1):.3f} | "
            f"{sum(fired[False].values()) / max(nu, 1):.3f} | {sum(fired[True].values()) / max(na, 1):.4f} | "
            + " | ".join(f"{fired[False][t]} / {fired[True][t]}" for t, _ in TESTS)
            + " |"
        )
        depth.append(f"| {name} | {counted} | {unbound3} | {unbound5} |")
        print(lines[-1], depth[-1], flush=True)
    report = "\n".join(lines + depth) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
