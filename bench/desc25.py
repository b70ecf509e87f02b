"""Speaker questions asked by office or description, round 25: the view slot and the named occasion.

Two parts:

- `--classify RESULTS`: every answerable read-set speaker question RESULTS (a bench/read_sets.sh
  results.txt with --show-misses) lists as lost, asked again in-process and put in one class by where
  its reading goes wrong: no speaker read, the wrong speaker bound, the right speaker bound and
  another of their quotes (or a passage about them) first, the gold passage credited to no one, or
  declined. Never a blind set.
- the switch: every read-set question whose reading (qa.query_reading._read: the asked speakers, how
  surely, the words left once a description is consumed, whether it asks for speech) changes with
  qa.describe.VIEW_SLOT ("in Moscow's view", "what's Putin's take on") or qa.describe.NAME_OCCASION
  ("According to Clinton at the ABC debate"), asked in-process through qa.session.Conversation under
  each setting and scored as ../shared/eval/score.py scores (bench/desc24.py's _outcome).

    python bench/desc25.py --classify /tmp/rs-base25/results.txt --main --root /tmp/rs-base25 [--sets nh13 ...]

Indexes are those of bench/read_sets.sh under --root (built where missing).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import desc24  # noqa: E402
from bench.desc24 import K, scored, subject_kind  # noqa: E402
from bench.read_sets import ALL, gold_file, index_for  # noqa: E402
from qa.evaluate import norm  # noqa: E402

CONFIGS: list[dict[str, bool]] = [
    {"VIEW_SLOT": False, "NAME_OCCASION": False},
    {"VIEW_SLOT": False, "NAME_OCCASION": True},
    {"VIEW_SLOT": True, "NAME_OCCASION": False},
    {"VIEW_SLOT": True, "NAME_OCCASION": True},
]


_apply = desc24.set_describe
_label = desc24.switch_label


def _reading(engine: Any, text: str) -> tuple[Any, ...]:
    """What the switches may change in a question's reading (qa.query_reading._read)."""
    from qa import query_reading

    qr = query_reading._read(engine, text)
    return (tuple(qr.wanted), round(qr.strength, 3), qr.consumed, qr.speech)


def classify(results: Path, sets: list[str], root: Path) -> list[str]:
    """Each lost answerable speaker question of RESULTS with the class of its loss.

    Args:
        results: a read_sets.sh results.txt with --show-misses.
        sets: the read sets.
        root: where the indexes live.
    Returns:
        Markdown lines: the counts per class and subject kind, then one line per question.
    """
    from qa import described_source
    from qa import question as questions
    from qa.engine import Engine
    from qa.session import Conversation

    lost = scored(results)
    rows: list[tuple[str, str, str, str]] = []
    for name in sets:
        items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        items = [
            it
            for it in items
            if it.get("category") == "speaker" and it.get("answerable", True) and (name, it["id"]) in lost
        ]
        if not items:
            continue
        engine = Engine.open(index_for(name, root))
        conv = Conversation(engine)
        for it in items:
            conv.reset()
            for h in it.get("history", []):
                conv.ask(h, K)
            ans = conv.ask(it["question"], K)
            named = questions.match_speakers(ans.searched, engine.speakers_index)
            found = (
                described_source.resolve(engine, ans.searched, named)
                if questions.is_speech_question(ans.searched)
                else None
            )
            bound = set(found.speakers if found is not None else named)
            golds = [norm(a) for a in it["answers"]]
            gold = next(
                (p for p in engine.passages if len(p.text) <= 600 and any(g in norm(p.text) for g in golds)),
                None,
            )
            credited = {x.speaker for x in engine.quotes_by_passage.get(gold.pid, [])} if gold else set()
            top = (ans.hits or ans.nearest or [None])[0]
            if ans.abstained:
                cause = "declined"
            elif gold is None or not credited:
                cause = "gold credits no one"
            elif not bound:
                cause = "no speaker read"
            elif not credited & bound:
                cause = "wrong speaker bound"
            elif top is not None and top.speaker in credited:
                cause = "right speaker, another passage of theirs first"
            else:
                cause = "right speaker, another source's or an unattributed passage first"
            rows.append((cause, subject_kind(it["question"]), f"{name}/{it['id']}", lost[(name, it["id"])]))
    counts = Counter((c, k) for c, k, _, _ in rows)
    out = ["| class | subject | n |", "|---|---|---:|"]
    out += [f"| {c} | {k} | {n} |" for (c, k), n in sorted(counts.items())]
    out += ["", *(f"- {c}: {i} ({k}, {s})" for c, k, i, s in sorted(rows))]
    return out


def switch(sets: list[str], root: Path) -> list[str]:
    """The questions whose reading a setting of CONFIGS changes, asked under each setting
    (bench/desc24.switch with this round's switches).

    Args:
        sets: the read sets.
        root: where the indexes live.
    Returns:
        Markdown lines: one row per changed item, then the totals per setting.
    """
    return desc24.switch(sets, root, list(CONFIGS), _apply, _label, _reading, CONFIGS[-1])


def main(argv: list[str] | None = None) -> None:
    """Print the classes of the losses and the switch's table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--classify", type=Path, help="a read_sets.sh results.txt (--show-misses)")
    ap.add_argument("--root", type=Path, default=Path("/tmp/rs-base25"))
    ap.add_argument("--sets", nargs="*", default=ALL)
    ap.add_argument("--no-switch", action="store_true")
    ap.add_argument("--main", action="store_true", help="classify with both switches off (main's reading)")
    a = ap.parse_args(argv)
    if a.classify:
        _apply(CONFIGS[0] if a.main else CONFIGS[-1])
        print("\n".join(classify(a.classify, a.sets, a.root)), flush=True)
    if not a.no_switch:
        print("\n".join(switch(a.sets, a.root)))


if __name__ == "__main__":
    main()
