"""Speaker questions asked by office or description, and the role-alias switch of qa.question.

Two parts:

- `--census RESULTS`: every answerable speaker question of the read sets (never a blind set), by
  how its subject is worded (qa.describe.subject_of: a name, an owned role "the Vermont senator" /
  "Sanders's adviser", another description, or no speaker slot read) and how the run in RESULTS (a
  bench/read_sets.sh results.txt with --show-misses) scored it: hit at 1, missed, declined.
- the switch: every read-set question whose qa.question.match_speakers reading changes with
  qa.question.WIDER_ROLES (a bare role alias such as "governor" matched inside a wider role phrase
  its speaker does not cover, "the New Jersey governor"), asked in-process through
  qa.session.Conversation with the switch off and on, scored as ../shared/eval/score.py scores
  (k=5, a passage of at most 600 characters holding a gold string; an unanswerable one by whether
  it was declined).

    python bench/desc24.py --census /tmp/rs-base24/results.txt --root /tmp/rs-base24 [--sets nh7 ...]

Indexes are those of bench/read_sets.sh under --root (built where missing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL, gold_file, index_for  # noqa: E402
from qa.evaluate import norm  # noqa: E402

K = 5
MAX_CHARS = 600
LEAD_DEFAULT = 0.4  # qa.describe.LEAD_MARGIN as committed


def subject_kind(question: str) -> str:
    """How a speaker question words its speaker.

    Args:
        question: the question.
    Returns:
        "name", "owned" (a role with an owner: "the Vermont senator", "Sanders's adviser"),
        "description", or "no slot" (qa.describe reads no speaker slot).
    """
    from qa import describe

    sub = describe.subject_of(question)
    if sub is None:
        return "no slot"
    if not describe.is_description(sub.text):
        return "name"
    return "owned" if sub.owner else "description"


def scored(results: Path) -> dict[tuple[str, str], str]:
    """The misses a read_sets.sh results.txt lists: (set, id) -> "rank N", "abstained", "missed"."""
    out: dict[tuple[str, str], str] = {}
    cur = ""
    for line in results.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^== (\S+)", line)
        if m:
            cur = m.group(1)
            continue
        m = re.match(r"^\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s", line)
        if m and cur:
            out[(cur, m.group(1))] = m.group(2)
    return out


def census(results: Path, sets: list[str]) -> list[str]:
    """The census table (markdown lines) of the read sets' answerable speaker questions.

    Args:
        results: a read_sets.sh results.txt.
        sets: the read sets.
    Returns:
        Markdown lines: counts per pool and subject kind, then the ids missed or declined.
    """
    misses = scored(results)
    counts: Counter[tuple[str, str, str]] = Counter()
    lost: list[str] = []
    for name in sets:
        pool = "news" if name.startswith("nh") or name == "newsdev" else "article"
        for line in gold_file(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            it = json.loads(line)
            if it.get("category") != "speaker" or not it.get("answerable", True):
                continue
            kind = subject_kind(it["question"])
            st = misses.get((name, it["id"]), "hit")
            outcome = "hit" if st == "hit" else ("declined" if st == "abstained" else "missed")
            counts[(pool, kind, outcome)] += 1
            if outcome != "hit":
                lost.append(f"{name}/{it['id']} ({kind}, {st})")
    lines = ["| pool | subject | n | hit@1 | missed | declined |", "|---|---|---:|---:|---:|---:|"]
    for pool in ("news", "article"):
        for kind in ("name", "owned", "description", "no slot"):
            n = sum(counts[(pool, kind, o)] for o in ("hit", "missed", "declined"))
            if n:
                hit, mis, dec = (counts[(pool, kind, o)] for o in ("hit", "missed", "declined"))
                lines.append(f"| {pool} | {kind} | {n} | {hit / n:.3f} | {mis} | {dec} |")
    return [*lines, "", "Lost: " + ", ".join(lost)]


def _outcome(it: dict[str, Any], ans: Any) -> str:
    """score.py's verdict on one answer: "hit@N", "declined", "miss", or for an unanswerable item
    "u-declined"/"answered"."""
    if not it["answerable"]:
        return "u-declined" if ans.abstained else "answered"
    if ans.abstained:
        return "declined"
    golds = [norm(a) for a in it["answers"]]
    for r, h in enumerate(ans.hits[:K]):
        if len(h.text) <= MAX_CHARS and any(g in norm(h.text) for g in golds):
            return f"hit@{r + 1}"
    return "miss"


# The settings compared: main's (no role alias dropped, no lone leader), WIDER_ROLES, with RELATIVE_FIT,
# then with each LEAD_MARGIN (1.0: off).
CONFIGS: list[dict[str, Any]] = [
    {"WIDER_ROLES": False, "LEAD_MARGIN": 1.0, "RELATIVE_FIT": False},
    {"WIDER_ROLES": True, "LEAD_MARGIN": 1.0, "RELATIVE_FIT": False},
    *({"WIDER_ROLES": True, "LEAD_MARGIN": m, "RELATIVE_FIT": True} for m in (1.0, 0.5, 0.4, 0.3, 0.2)),
]


def _apply(config: dict[str, Any]) -> None:
    """Set qa.question.WIDER_ROLES, qa.describe.LEAD_MARGIN and qa.describe.RELATIVE_FIT."""
    from qa import describe
    from qa import question as questions

    questions.WIDER_ROLES = config["WIDER_ROLES"]
    describe.LEAD_MARGIN = config["LEAD_MARGIN"]
    describe.RELATIVE_FIT = config["RELATIVE_FIT"]


def _label(config: dict[str, Any]) -> str:
    """A short column name for a setting."""
    if not config["WIDER_ROLES"]:
        return "main"
    if not config["RELATIVE_FIT"]:
        return "roles"
    return "+relative" if config["LEAD_MARGIN"] >= 1.0 else f"+lead {config['LEAD_MARGIN']}"


def set_describe(config: dict[str, Any]) -> None:
    """Set qa.describe's module switches named by `config` (bench/desc25.py's and desc26.py's settings).

    Args:
        config: switch name -> value, e.g. {"OFFICE_HEADS": True, "SEATS": False}.
    """
    from qa import describe

    for k, v in config.items():
        setattr(describe, k, v)


def switch_label(config: dict[str, Any]) -> str:
    """A short column name for a setting of boolean switches: the ones on, joined by "+", or "main".

    Args:
        config: switch name -> bool.
    Returns:
        The label.
    """
    on = [k.lower() for k, v in config.items() if v]
    return "+".join(on) if on else "main"


def _reading(engine: Any, text: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """What the switches change in a question's reading: the speakers it names, and the source
    qa.describe resolves its description to (None: it resolves none)."""
    from qa import described_source
    from qa import question as questions

    named = questions.match_speakers(text, engine.speakers_index)
    found = described_source.resolve(engine, text, named) if questions.is_speech_question(text) else None
    return tuple(named), (tuple(found.speakers) if found is not None else None)


def switch(
    sets: list[str],
    root: Path,
    configs: list[dict[str, Any]] | None = None,
    apply: Callable[[dict[str, Any]], None] | None = None,
    label: Callable[[dict[str, Any]], str] | None = None,
    reading: Callable[[Any, str], Any] | None = None,
    restore: dict[str, Any] | None = None,
) -> list[str]:
    """The questions whose reading a setting of `configs` changes, asked under each setting
    (bench/desc25.py passes its own switches).

    Args:
        sets: the read sets.
        root: where the indexes live.
        configs: the settings (default: this module's CONFIGS).
        apply: sets one setting's switches (default: _apply).
        label: a setting's column name (default: _label).
        reading: what a question is read as under a setting (default: _reading).
        restore: the setting applied at the end (default: the switches as committed in round 24).
    Returns:
        Markdown lines: one row per changed item, then the totals per setting.
    """
    configs = configs or CONFIGS
    apply, label, reading = apply or _apply, label or _label, reading or _reading
    from qa.engine import Engine
    from qa.session import Conversation

    labels = [label(c) for c in configs]
    rows = ["| item | category | " + " | ".join(labels) + " |", "|---|---|" + "---|" * len(configs)]
    tally: Counter[tuple[str, str]] = Counter()
    for name in sets:
        items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        engine = Engine.open(index_for(name, root))
        changed = []
        for it in items:
            texts = [*it.get("history", []), it["question"]]
            seen = set()
            for c in configs:
                apply(c)
                seen.add(tuple(reading(engine, t) for t in texts))
            if len(seen) > 1:
                changed.append(it)
        conv = Conversation(engine)
        for it in changed:
            got = []
            for c in configs:
                apply(c)
                conv.reset()
                for h in it.get("history", []):
                    conv.ask(h, K)
                got.append(_outcome(it, conv.ask(it["question"], K)))
            rows.append(f"| {name}/{it['id']} | {it.get('category', '-')} | " + " | ".join(got) + " |")
            for lab, g in zip(labels, got, strict=True):
                tally[(lab, _bucket(g))] += 1
            print(rows[-1], flush=True)
    apply(restore or {"WIDER_ROLES": True, "LEAD_MARGIN": LEAD_DEFAULT, "RELATIVE_FIT": True})
    totals = ["", "| setting | hit@1 | hit@2-5 | miss | declined (answerable) | unanswerable declined |"]
    totals.append("|---|---:|---:|---:|---:|---:|")
    for lab in labels:
        t = {b: tally[(lab, b)] for b in ("hit@1", "hit@2-5", "miss", "declined", "u-declined")}
        totals.append(
            f"| {lab} | {t['hit@1']} | {t['hit@2-5']} | {t['miss']} | {t['declined']} | {t['u-declined']} |"
        )
    return [*rows, *totals]


def _bucket(outcome: str) -> str:
    """hit@1 / hit@2-5 / miss / declined / answered."""
    if outcome == "hit@1":
        return "hit@1"
    return "hit@2-5" if outcome.startswith("hit@") else outcome


def main(argv: list[str] | None = None) -> None:
    """Print the census and the switch's table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--census", type=Path, help="a read_sets.sh results.txt (--show-misses)")
    ap.add_argument("--root", type=Path, default=Path("/tmp/rs-base24"))
    ap.add_argument("--sets", nargs="*", default=ALL)
    ap.add_argument("--no-switch", action="store_true")
    a = ap.parse_args(argv)
    if a.census:
        print("\n".join(census(a.census, a.sets)))
    if not a.no_switch:
        print("\n".join(switch(a.sets, a.root)))


if __name__ == "__main__":
    main()
