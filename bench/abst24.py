"""Round 24's news abstention (bench/reports/abst24.md): why unanswerable news questions are answered,
and the round's check, what X responded to or whom X told read as the topic of X's words
(qa.occasion_topic.ADDRESSEE_TOPIC), measured on every read set and SQuAD.

    python bench/abst24.py kinds /tmp/rs-base24/results.txt   # answered unanswerable news questions
    python bench/abst24.py choose --indexes DIR                # every read-set question the form reads
    python bench/abst24.py squad                               # SQuAD dev questions the form reads
    python bench/abst24.py sources --indexes DIR               # speaker-topic sources, section 3

`kinds` reads a bench/read_sets.sh results file (score.py --show-misses): the unanswerable questions
of nh1-nh12 and news-dev answered, by form (bench/abst23.py's KINDS, with "responded / told"
first), nh12 apart. news-dev's questions are shared data: named by id only.

`choose` asks, in-process as score.py does ("/reset", the history, the question), every read-set
question (no blind one) that the form reads, with ADDRESSEE_TOPIC off and on; only these questions can
change (the switch is read nowhere else). DIR holds the indexes as bench/gates_pooled.py names them
(article, nd, nh, nh2..nh12, para). The check is kept ("Chosen: ... = True") as bench/abst23.py keeps
one (the unanswerable questions it declines beyond main outnumber twice the answerable ones it
declines, and its gains come from at least two sets) and it declines no answerable question beyond
main (round 24's rule: pooled hit@1 must not fall nor pooled wrongly declined rise).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst23 import KINDS, SQUAD  # noqa: E402
from bench.gates_pooled import SETS  # noqa: E402
from bench.read_sets import NEWS  # noqa: E402

NEWS_SETS = (*NEWS, "newsdev")
FRESH = "nh12"  # opened this round: judged round 23 blind
# The round's form first: "How did X respond to T?", "What did X tell the FBI?" (else "speaker words").
ROUND_KINDS: tuple[tuple[str, str], ...] = (
    (
        "speaker responded to / told (no topic)",
        r"^\W*(?:what|how) (?:did|does|has|have) .+ (?:respond|react|reply|replied)\w* to\b"
        r"|^\W*what (?:did|does) .+ (?:say|said) to\b"
        r"|^\W*what (?:did|does) .+ (?:tell|told) (?![^?]*\babout\b)[^?]*\??$",
    ),
    *KINDS,
)


def kind_of(question: str) -> str:
    """The form an unanswerable question takes (ROUND_KINDS, first that matches), "other" for none.

    Args:
        question: the question as asked.
    Returns:
        The kind's name.
    """
    return next((k for k, p in ROUND_KINDS if re.search(p, question, re.I)), "other")


def answered_unanswerable(results: str) -> list[tuple[str, str, str]]:
    """The (set, id, question) of every unanswerable question a results file shows answered.

    Args:
        results: the text of bench/read_sets.sh's results.txt (score.py --show-misses).
    Returns:
        One triple per "answered" miss line, in file order.
    """
    out: list[tuple[str, str, str]] = []
    current = ""
    for line in results.splitlines():
        if line.startswith("== "):
            current = line[3:].strip()
            continue
        m = re.match(r"^\s+(\S+)\s+answered\s+(.*)$", line)
        if m:
            out.append((current, m.group(1), m.group(2).strip()))
    return out


def kinds(results: str, fresh: str = FRESH) -> str:
    """The answered unanswerable news questions by kind: the read pool with news-dev, and `fresh` (the
    set opened in the round, nh12 in round 24) apart."""
    rows = [r for r in answered_unanswerable(results) if r[0] in NEWS_SETS]
    out: list[str] = []
    for title, keep in (
        (f"nh1-{NEWS[-1]} and news-dev", lambda s: True),
        (f"{fresh} alone (opened this round)", lambda s: s == fresh),
    ):
        by: dict[str, list[str]] = defaultdict(list)
        for s, i, q in rows:
            if keep(s):
                by[kind_of(q)].append(f"{s}:{i}")
        out += [f"\n{title}\n", "| kind | answered | questions |", "|---|---:|---|"]
        for k, ids in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"| {k} | {len(ids)} | {' '.join(ids)} |")
        out.append(f"| all | {sum(len(v) for v in by.values())} | |")
    return "\n".join(out)


def reads(question: str) -> str:
    """The addressee or the thing responded to that the round's form reads from `question`, or ""
    (questions the occasion form of round 23 reads are not the round's)."""
    from qa import abstain, occasion_topic

    m = abstain.speaker_match(question)
    if m is None or abstain.asked_speaker(question) is None or abstain.asked_topic(question) is not None:
        return ""
    if occasion_topic._OCCASION.fullmatch(question, m.end()):
        return ""
    return occasion_topic.addressee(question, m)


def ask_both(indexes: Path) -> list[dict[str, Any]]:
    """Ask every read-set question the form reads with ADDRESSEE_TOPIC off and on.

    Args:
        indexes: the folder of indexes (bench/gates_pooled.py's names).
    Returns:
        One record per question: set, id, answerable, and the reason (or "" when answered) off and on.
    """
    from qa import occasion_topic
    from qa.engine import Engine
    from qa.session import Conversation

    rows: list[dict[str, Any]] = []
    as_committed = occasion_topic.ADDRESSEE_TOPIC
    for name, gold, idx in SETS:
        items = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
        items = [it for it in items if reads(it["question"])]
        if not items:
            continue
        conv = Conversation(Engine.open(indexes / idx))
        for it in items:
            verdict: dict[bool, str] = {}
            for on in (False, True):
                occasion_topic.ADDRESSEE_TOPIC = on
                conv.reset()
                for h in it.get("history") or []:
                    conv.ask(h, 5)
                reply = conv.ask(it["question"], 5)
                verdict[on] = (reply.reason or "declined") if reply.abstained else ""
            occasion_topic.ADDRESSEE_TOPIC = as_committed
            rows.append(
                {
                    "set": name,
                    "id": it.get("id"),
                    "answerable": it.get("answerable", True),
                    "read": reads(it["question"]) if name != "newsdev" else "",
                    "off": verdict[False],
                    "on": verdict[True],
                }
            )
        print(name, "done", file=sys.stderr, flush=True)
    return rows


def choose(rows: list[dict[str, Any]]) -> str:
    """The table of the questions the form reads, their verdicts off and on, and the choice."""
    lines = [
        "| set | id | answerable | read as the topic | off | on |",
        "|---|---|---|---|---|---|",
    ]
    gained: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    for r in rows:
        off, on = bool(r["off"]), bool(r["on"])
        if on and not off:
            (lost if r["answerable"] else gained)[r["set"]] += 1
        if off and not on:
            (lost if r["answerable"] else gained)[r["set"]] -= 1
        lines.append(
            f"| {r['set']} | {r['id']} | {r['answerable']} | {r['read']} "
            f"| {'declined' if off else 'answered'} | {(r['on'] or 'answered')[:70]} |"
        )
    g, w = sum(gained.values()), sum(lost.values())
    sets = sorted(s for s, n in gained.items() if n > 0)
    # abst23's rule, and the round's: no answerable question wrongly declined beyond main (pooled
    # hit@1 and wrongly declined may not move the wrong way).
    keep = g - 2 * w > 0 and len(sets) >= 2 and w == 0
    un = [r for r in rows if not r["answerable"]]
    an = [r for r in rows if r["answerable"]]
    lines += [
        "",
        f"- read-set questions the form reads: {len(rows)} ({len(un)} unanswerable, {len(an)} answerable)",
        f"- unanswerable declined off {sum(bool(r['off']) for r in un)}, on {sum(bool(r['on']) for r in un)};"
        f" answerable declined off {sum(bool(r['off']) for r in an)}, on {sum(bool(r['on']) for r in an)}",
        f"- declined beyond main: unanswerable {g} (sets: {', '.join(sets) or 'none'}), answerable {w}",
        f"Chosen: occasion_topic.ADDRESSEE_TOPIC = {keep}",
    ]
    return "\n".join(lines)


# The sources bench/reports/abst24.md section 3 tries for every speaker-topic question: the naming
# sentences only in the articles quoting X, for those in any article.
IN_QUOTING_ARTICLES: tuple[str, ...] = ("quotes", "leads_names", "naming_own_docs")


def ask_sources(indexes: Path) -> list[dict[str, Any]]:
    """Ask every read-set question with a speaker and a topic (abstain.asked_topic) with
    abstain.SPEAKER_TOPIC_SOURCES as committed and as IN_QUOTING_ARTICLES.

    Args:
        indexes: the folder of indexes (bench/gates_pooled.py's names).
    Returns:
        One record per question: set, id, answerable, and whether it is declined each way.
    """
    from qa import abstain
    from qa.engine import Engine
    from qa.session import Conversation

    committed = abstain.SPEAKER_TOPIC_SOURCES
    rows: list[dict[str, Any]] = []
    for name, gold, idx in SETS:
        items = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
        items = [it for it in items if abstain.asked_topic(it["question"])]
        if not items:
            continue
        conv = Conversation(Engine.open(indexes / idx))
        for it in items:
            verdict: dict[str, bool] = {}
            for key, sources in (("committed", committed), ("quoting", IN_QUOTING_ARTICLES)):
                abstain.SPEAKER_TOPIC_SOURCES = sources
                conv.reset()
                for h in it.get("history") or []:
                    conv.ask(h, 5)
                verdict[key] = conv.ask(it["question"], 5).abstained
            abstain.SPEAKER_TOPIC_SOURCES = committed
            rows.append(
                {"set": name, "id": it.get("id"), "answerable": it.get("answerable", True), **verdict}
            )
        print(name, "done", file=sys.stderr, flush=True)
    return rows


def sources_table(rows: list[dict[str, Any]]) -> str:
    """The questions whose verdict the sources change, and the counts."""
    changed = [r for r in rows if r["committed"] != r["quoting"]]
    lines = [f"speaker-topic questions asked: {len(rows)}; verdicts changed: {len(changed)}"]
    lines += [
        f"- {r['set']} {r['id']} answerable={r['answerable']}: "
        f"{'declined' if r['committed'] else 'answered'} -> {'declined' if r['quoting'] else 'answered'}"
        for r in changed
    ]
    return "\n".join(lines)


def squad() -> str:
    """The SQuAD v1.1 dev questions the form reads (with what it reads as the topic)."""
    qs = [json.loads(line) for line in (SQUAD / "questions.jsonl").read_text().splitlines() if line.strip()]
    hit = [(q["question"], reads(q["question"])) for q in qs if reads(q["question"])]
    return "\n".join(
        [f"SQuAD v1.1 dev: {len(qs)} questions; the form reads {len(hit)}"]
        + [f"- {q} -> {t}" for q, t in hit]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kinds")
    k.add_argument("results", type=Path)
    c = sub.add_parser("choose")
    c.add_argument("--indexes", type=Path, required=True)
    c.add_argument("--out", type=Path, help="also write the records (JSON lines)")
    sub.add_parser("squad")
    src = sub.add_parser("sources")
    src.add_argument("--indexes", type=Path, required=True)
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if a.cmd == "kinds":
        print(kinds(a.results.read_text()))
    elif a.cmd == "choose":
        rows = ask_both(a.indexes)
        if a.out:
            a.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
        print(choose(rows))
    elif a.cmd == "sources":
        print(sources_table(ask_sources(a.indexes)))
    else:
        print(squad())


if __name__ == "__main__":
    main()
