"""Speakers asked by description, and the right passage of theirs: generated from PolNeAR train.

    python bench/described_topic.py                       # 60 articles, seed 0, report to stdout
    python bench/described_topic.py --out bench/reports/described_topic.md
    python bench/described_topic.py --off qa.described_topic.CONSUME   # the method switched off

For every person an article introduces with an apposition ("Dottie Deans, the chairwoman of the
Vermont Democratic Party, ...") who is an annotated named source with two or more attributions of
40 characters or more in that article, and for each of those attributions k (at most
`--per-person`), asks

- described: "What did the <description> say about <topic>?", <topic> the rarest word (wordfreq) of
  attribution k that neither the name nor the description uses;
- named: "What did <Name> say about <topic>?", the same question naming the person (the control:
  what the description costs).

Gold: the passage holding attribution k's content (bench/polnear_speaker_questions.holds), so a
question is missed when the passage introducing the person (holding the descriptor's words) or
another of their passages comes first. Reports hit@1, recall@5 and the share declined, split by
whether the gold passage is the one introducing the person. Texts are read at run time and never
stored in the project; the index is the one bench/polnear_speaker_questions.py builds.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as psq  # noqa: E402
import quality  # noqa: E402

# "Tad Devine, Sanders's chief strategist, said": an apposition owned by a name, asked as "What did
# Sanders's chief strategist say about <topic>?" (qa.describe._APPOSITION_START reads it).
_POSSESSED = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}), (?P<desc>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}['’]s?"
    r"(?: [a-z][\w-]*){1,4})(?=[,;]|\s+(?:said|says|told|added)\b)"
)


def generated(docs: list[dict], atts: list[dict], per_person: int, seed: int) -> list[dict]:
    """The described and named questions about `docs` (see the module docstring).

    Args:
        docs: the sample's articles.
        atts: their annotated attributions.
        per_person: at most this many attributions asked about per described person.
        seed: the random seed choosing them.
    Returns:
        The questions, each with "kind" ("described" or "named"), "intro" (the apposition's span)
        and the gold fields bench/polnear_speaker_questions.holds reads.
    """
    rng = random.Random(seed + 104729)
    _, by_doc = psq._sources_and_docs(atts)
    out: list[dict] = []
    for d in docs:
        mine = by_doc[d["doc_id"]]
        named = {
            a["source_resolved"].split()[-1]: a["source_resolved"]
            for a in mine
            if a.get("source_resolved_by") == "name" and a.get("source_resolved")
        }
        seen: set[str] = set()
        found = [(m, f"the {m.group('desc')}") for m in psq._APPOSITION.finditer(d["text"])]
        found += [(m, m.group("desc")) for m in _POSSESSED.finditer(d["text"])]
        for m, asked in found:
            name, desc = m.group("name"), m.group("desc")
            full = named.get(name.split()[-1])
            if full is None or full in seen or psq._DESC_STOP.search(desc) or len(desc.split()) > 10:
                continue
            said = [a for a in mine if a.get("source_resolved") == full and len(a["content_text"]) >= 40]
            if len(said) < 2:
                continue
            seen.add(full)
            avoid = {w.lower() for w in re.findall(r"[A-Za-z]+", f"{full} {desc}")}
            for a in rng.sample(said, min(per_person, len(said))):
                word = psq._rarest(a["content_text"], avoid)
                if not word:
                    continue
                spans = [tuple(c) for c in a["content"]]
                for kind, who in (("described", asked), ("named", full)):
                    out.append(
                        {
                            "id": f"{d['doc_id']}:{kind}:{a['id']}",
                            "question": f"What did {who} say about {word}?",
                            "answerable": True,
                            "kind": kind,
                            "article": d["doc_id"],
                            "spans": spans,
                            "intro": m.span(),
                            "possessive": not asked.startswith("the "),
                            "said": a["content_text"],
                        }
                    )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-person", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None, help="write the report here as well")
    ap.add_argument("--show-misses", action="store_true", help="print described questions missed at 1")
    ap.add_argument("--off", action="append", default=[], metavar="MODULE.NAME", help="switch a boolean off")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE", help="set a number")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, args.set)

    from qa.session import Conversation

    engine, _ = psq.speaker_set(args.articles, args.seed)
    ids = {Path(d.source).stem for d in engine.docs.values()}
    docs = [d for d in psq._read("docs.jsonl.gz") if d["doc_id"] in ids]
    atts = [a for a in psq._read("attributions.jsonl.gz") if a["doc_id"] in ids]
    items = generated(docs, atts, args.per_person, args.seed)

    conv = Conversation(engine)
    tally: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for it in items:
        conv.reset()
        a = conv.ask(it["question"], 5)
        shown = list(a.nearest if a.abstained else a.passages)[:5]
        gold = [p for p in engine.passages if psq.holds(p, it)]
        s, e = it["intro"]
        where = (
            "gold introduces the person"
            if any(p.start <= s and e <= p.end for p in gold)
            else "gold is another passage"
        )
        groups = [(it["kind"], "all"), (it["kind"], where)]
        if it["possessive"]:
            groups.append((it["kind"], "asked by a named owner's description"))
        for group in groups:
            c = tally[group]
            c["n"] += 1
            c["hit@1"] += bool(shown) and not a.abstained and psq.holds(shown[0], it)
            c["hit@1 any"] += bool(shown) and psq.holds(shown[0], it)
            c["recall@5"] += any(psq.holds(p, it) for p in shown)
            c["declined"] += a.abstained
        if args.show_misses and it["kind"] == "described" and not (shown and psq.holds(shown[0], it)):
            print("MISS", it["question"], "|", where, "| said:", it["said"][:100])
            for p in shown[:2]:
                print("   top:", p.speaker, "|", p.text[:140].replace("\n", " "))
    lines = [
        f"# Speakers asked by description, and the right passage of theirs ({args.articles} PolNeAR "
        f"train articles, seed {args.seed})",
        "",
        f"`python bench/described_topic.py --articles {args.articles} --seed {args.seed} "
        f"--per-person {args.per_person}"
        + "".join(f" --off {o}" for o in args.off)
        + "".join(f" --set {o}" for o in args.set)
        + "`",
        "",
        "| asked | gold | n | hit@1 | hit@1 (declined or not) | recall@5 | declined |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (kind, where), c in sorted(tally.items()):
        n = max(c["n"], 1)
        lines.append(
            f"| {kind} | {where} | {c['n']} | {c['hit@1'] / n:.3f} | {c['hit@1 any'] / n:.3f} "
            f"| {c['recall@5'] / n:.3f} | {c['declined'] / n:.3f} |"
        )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
