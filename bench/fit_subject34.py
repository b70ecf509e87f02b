"""Round 34 (abst34, issue 9): the asked subject bound to a typed value, refit on the read sets.

qa.slots.subject_missing declines a typed question (a count, a sum, a share, a date, an age, a span)
when no sentence of the best passages holding a value of the asked kind names the question's
distinguishing words (its names). Which kinds it reads (slots.SUBJECT), how many asked names must bind
(SUBJECT_BIND "any"/"all"), whether a count is declined only where each value's sentence names another
subject before the value (SUBJECT_CONTRAST) and which classes of words distinguish (SUBJECT_CLASSES)
were fit by bench/fit_slots.py on generated PolNeAR near misses and SQuAD-2000, before the news read
sets existed. bench/abst34.py's census finds "a figure/date of another scope" the largest class of
unanswerable news questions answered; this script measures each setting on the read sets themselves.

Every read-set question whose question (or history) asks a typed value is asked in-process once, as
../shared/eval/score.py asks it, with main's settings; qa.slots.subject_reason is wrapped to keep its
arguments. A setting only makes the test stricter or looser where it is called, and subject_reason is
the last test of the slot (qa.decline), so a question answered at main's settings is declined under
another exactly when subject_reason, replayed with that question's arguments, gives a reason (checked
end to end by bench/read_sets.sh for the setting chosen). For each setting it prints the answered
unanswerable questions newly declined (gain) and the answered answerable ones newly declined (loss),
pooled over every read set and over the news read sets, with the questions.

    python bench/fit_subject34.py /tmp/rs-b1 [SET ...]

Blind sets are refused (bench/wrong32.data_and_index).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL, NEWS  # noqa: E402
from bench.wrong32 import data_and_index  # noqa: E402

NEWS_SETS = {"newsdev", *NEWS}


def settings() -> dict[str, dict[str, Any]]:
    """The settings measured: name -> the slots constants it changes (main's values otherwise)."""
    out: dict[str, dict[str, Any]] = {}
    for contrast in ("any", ""):
        out[f"count contrast={contrast or 'none'}"] = {"SUBJECT_CONTRAST": {"count": contrast}}
        out[f"count contrast={contrast or 'none'} bind=all"] = {
            "SUBJECT_CONTRAST": {"count": contrast},
            "SUBJECT_BIND": {"count": "all"},
        }
    out["count bind=all"] = {"SUBJECT_BIND": {"count": "all"}}
    out["date bind=all"] = {"SUBJECT_BIND": {"date": "all"}}
    for kind in ("percent", "age", "duration"):
        for bind in ("any", "all"):
            out[f"{kind} on bind={bind}"] = {"SUBJECT": {kind: True}, "SUBJECT_BIND": {kind: bind}}
    for cls in ("ordinal", "year", "statistic"):
        out[f"classes+{cls}"] = {"SUBJECT_CLASSES": ("name", cls)}
    return out


def apply(change: dict[str, Any]) -> Callable[[], None]:
    """Set a setting's constants on qa.slots (a bench script's comparison); returns the undo."""
    from qa import slots

    saved = {k: getattr(slots, k) for k in change}
    for k, v in change.items():
        setattr(slots, k, {**saved[k], **v} if isinstance(v, dict) else v)

    def undo() -> None:
        for k, v in saved.items():
            setattr(slots, k, v)

    return undo


def asks_typed(item: dict) -> bool:
    """Whether a question, or a question of its history, asks a typed value (qa.slots.subject_kind)."""
    from qa.slots import subject_kind

    return any(subject_kind(q) for q in [*item.get("history", []), item["question"]])


Kept = tuple[str, dict, list[tuple[tuple, dict]], str, bool | None, bool | None]


def shown_values(engine: Any, answer: Any) -> tuple[bool | None, bool | None]:
    """Whether the answer shown holds a value of the asked kind (qa.slots.subject_kind): its best
    passage, and its highlighted sentence. A count must count the asked noun (qa.slots.count_sentences,
    any count for an everyday noun such as "people"); another kind, any value of it (qa.slots.
    holds_value). None, None for a question of no such kind.
    """
    from qa import slots
    from qa.not_mentioned import EVERYDAY_ZIPF

    kind = slots.subject_kind(answer.searched)
    if kind is None:
        return None, None
    top = answer.hits[0]
    sentences = [engine.passages[top.pid].text[a:b] for a, b, _ in engine.sentence_terms(top.pid)]
    lit = top.text[top.highlight[0] : top.highlight[1]]

    def held(texts: list[str]) -> bool:
        if kind == "count":
            enc = engine.embedder.encode
            return bool(slots.count_sentences(answer.searched, texts, engine.terms, enc, EVERYDAY_ZIPF))
        return any(slots.holds_value(kind, t) for t in texts)

    return held(sentences), held([lit])


def collect(indexes: Path, names: list[str]) -> list[Kept]:
    """Ask each typed read-set question once at main's settings; keep the answered ones.

    Args:
        indexes: the folder holding bench/read_sets.sh's indexes.
        names: the read sets.
    Returns:
        (set, item, the subject_reason calls of its last ask, the question as searched, the best
        passage, its highlighted sentence) for each question answered.
    """
    from qa import slots
    from qa.engine import Engine
    from qa.session import Conversation

    original = slots.subject_reason
    calls: list[tuple[tuple, dict]] = []

    def kept(*args: Any, **kwargs: Any) -> str:
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    slots.subject_reason = kept  # type: ignore[assignment]
    out = []
    try:
        for name in names:
            path, index = data_and_index(name, indexes)
            items = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
            items = [i for i in items if asks_typed(i)]
            if not items:
                continue
            engine = Engine.open(index)
            for item in items:
                conv = Conversation(engine)
                for h in item.get("history", []):
                    conv.ask(h, 5)
                calls.clear()
                a = conv.ask(item["question"], 5)
                if not a.abstained:
                    out.append((name, item, list(calls), a.searched, *shown_values(engine, a)))
            print(f"# {name}: {len(items)} typed questions asked", file=sys.stderr, flush=True)
    finally:
        slots.subject_reason = original  # type: ignore[assignment]
    return out


def replay(calls: list[tuple[tuple, dict]]) -> str:
    """The first reason qa.slots.subject_reason gives over a question's kept calls, at the settings set."""
    from qa import slots

    for args, kwargs in calls:
        why = slots.subject_reason(*args, **kwargs)
        if why:
            return why
    return ""


def measure(answered: list[Kept]) -> None:
    """Replay subject_reason under each setting and print the questions it newly declines."""

    print(
        "| setting | unanswerable declined (all) | answerable declined (all) | news unanswerable | news answerable |"
    )
    print("|---|---:|---:|---:|---:|")
    detail: list[str] = []
    for label, change in settings().items():
        undo = apply(change)
        try:
            moved = [(name, item, why) for name, item, calls, *_ in answered if (why := replay(calls))]
        finally:
            undo()
        gain = [m for m in moved if not m[1]["answerable"]]
        loss = [m for m in moved if m[1]["answerable"]]
        news_gain = [m for m in gain if m[0] in NEWS_SETS]
        news_loss = [m for m in loss if m[0] in NEWS_SETS]
        print(f"| {label} | {len(gain)} | {len(loss)} | {len(news_gain)} | {len(news_loss)} |")
        for name, item, why in moved:
            mark = "LOSS" if item["answerable"] else "gain"
            detail.append(f"{label:34} {mark} {name}/{item['id']}: {item['question']}  [{why}]")
    print()
    print("\n".join(detail))
    shown(answered)


def shown(answered: list[Kept]) -> None:
    """A second reading: does the answer shown (the best passage, its highlighted sentence) hold a
    value of the asked kind (qa.slots.holds_value of qa.slots.subject_kind)? Printed per kind."""
    from qa.slots import subject_kind

    rows: dict[tuple[str, str], list[str]] = {}
    for name, item, _, searched, passage, sentence in answered:
        kind = subject_kind(searched)
        if kind is None:
            continue
        for where, held in (("passage", passage), ("sentence", sentence)):
            if not held:
                mark = "LOSS" if item["answerable"] else "gain"
                rows.setdefault((kind, where), []).append(f"{mark} {name}/{item['id']}: {item['question']}")
    print("\n| kind | best passage / sentence without a value | unanswerable | answerable |")
    print("|---|---|---:|---:|")
    for (kind, where), qs in sorted(rows.items()):
        print(
            f"| {kind} | {where} | {sum(q.startswith('gain') for q in qs)} | {sum(q.startswith('LOSS') for q in qs)} |"
        )
    for (kind, where), qs in sorted(rows.items()):
        for q in qs:
            print(f"{kind:8} {where:8} {q}")


def main() -> None:
    """The command line: INDEXES [SET ...]."""
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    names = sys.argv[2:] or ALL
    measure(collect(Path(sys.argv[1]), names))


if __name__ == "__main__":
    main()
