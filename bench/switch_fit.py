"""The shared part of a switch fit: generated near misses and answerable controls asked in-process
(qa.session.Conversation) with a module-level switch of qa off and on, and the report's table.

Used by bench/fit_age_holder.py and bench/fit_place_scope.py (each keeps its generator, its switch
and its wording; a switch is kept on when it wrongly declines no control beyond the base and declines
more near misses), and `switched` and `rates` by bench/fit_count_synonym.py and
bench/fit_speech_rest.py (rates of declined questions, the switch off and on).
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import quality
import typed_near_misses as tnm

Questions = Callable[[dict[str, str], random.Random], list[dict]]
TABLE_HEAD = [
    "| set | near misses | declined off | declined on | controls | wrongly declined off | wrongly declined on |",
    "|---|---|---|---|---|---|---|",
]


@contextmanager
def switched(module: ModuleType, name: str, value: object) -> Iterator[None]:
    """Set `module.name` to `value` for the block, restored afterwards (even on an error).

    Args:
        module: the qa module holding the switch.
        name: the switch's attribute name.
        value: its value inside the block.
    Returns:
        A context manager.
    """
    was = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, was)


def polnear_set(
    folder: str, wanted: Callable[[str, str], bool], questions: Questions, articles: int, seed: int = 0
) -> tuple[object, list[dict]]:
    """PolNeAR train articles no other generated set uses, at most `articles` of those `wanted` (picked
    by `seed`), indexed together under quality.OUT, and their questions.

    Args:
        folder: the bench/out folder's name; "-<seed>" is added.
        wanted: (doc_id, text) -> whether the article may be drawn.
        questions: the script's generator (docs, rng) -> items.
        articles: how many articles at most.
        seed: picks the articles and seeds the generator.
    Returns:
        The engine over those articles and the items.
    """
    docs = tnm._unused_train_docs(f"polnear-kinds-{seed}")
    ids = sorted(d for d, t in docs.items() if wanted(d, t))
    keep = sorted(random.Random(seed).sample(ids, min(articles, len(ids))))
    items = questions({d: docs[d] for d in keep}, random.Random(seed))
    return tnm._index_articles(quality.OUT / f"{folder}-{seed}", docs, keep), items


def squad_set(sample: int, questions: Questions, seed: int = 0) -> tuple[object, list[dict]]:
    """The same generator over the SQuAD sample's articles (bench/quality.squad_items), asked of
    their index.

    Args:
        sample: the SQuAD sample's size.
        questions: the script's generator (docs, rng) -> items.
        seed: seeds the generator.
    Returns:
        The engine over the sample's articles and the items.
    """
    folder, _ = quality.squad_items(sample)
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(folder).iterdir())}
    items = questions(docs, random.Random(seed))
    return quality.index_of("squad", [Path(folder)], True), items


def arguments(doc: str | None, squad_sample: int) -> argparse.Namespace:
    """The command line of a switch fit; sets quality.OUT to --work and QA_HOME (unless set) under it.

    Args:
        doc: the script's docstring, its help text.
        squad_sample: --squad-sample's default (0: PolNeAR only).
    Returns:
        The parsed arguments: out, squad_sample, seed, work.
    """
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--squad-sample", type=int, default=squad_sample, help="0: PolNeAR only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=quality.OUT, help="where articles and indexes go")
    args = ap.parse_args()
    quality.OUT = args.work
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    return args


def declines(
    engine: object, items: list[dict], module: ModuleType, name: str, on: bool
) -> list[tuple[dict, str]]:
    """Each item with the reason it was declined ("" when answered), asked with `module.name` = `on`.

    Args:
        engine: the engine asked (qa.engine.Engine).
        items: the generated questions, each asked on its own.
        module: the qa module holding the switch.
        name: the switch's attribute name.
        on: the switch's value while asking.
    Returns:
        (item, reason) per item, in order.
    """
    from qa.session import Conversation

    with switched(module, name, on):
        conv = Conversation(engine)  # type: ignore[arg-type]
        out = []
        for it in items:
            conv.reset()
            a = conv.ask(it["question"], 5)
            out.append((it, a.reason if a.abstained else ""))
        return out


def report(
    sets: list[tuple[str, object, list[dict]]], module: ModuleType, name: str, both_ways: bool
) -> list[str]:
    """The fit's table (near misses and controls declined off and on, per set), its choice and the
    questions whose outcome the switch changes.

    Args:
        sets: (set name, engine, items) per set.
        module: the qa module holding the switch.
        name: the switch's attribute name.
        both_ways: list the questions the switch answers as well as those it declines (else only the
            latter).
    Returns:
        The report's lines from the table on.
    """
    switch = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
    lines = list(TABLE_HEAD)
    examples: list[str] = []
    gain = harm = 0
    for set_name, engine, items in sets:
        off = declines(engine, items, module, name, False)
        on = declines(engine, items, module, name, True)
        near = [i for i, (it, _) in enumerate(off) if not it["answerable"]]
        ctrl = [i for i, (it, _) in enumerate(off) if it["answerable"]]
        d_off, d_on = sum(1 for i in near if off[i][1]), sum(1 for i in near if on[i][1])
        w_off, w_on = sum(1 for i in ctrl if off[i][1]), sum(1 for i in ctrl if on[i][1])
        gain += d_on - d_off
        harm += w_on - w_off
        lines.append(f"| {set_name} | {len(near)} | {d_off} | {d_on} | {len(ctrl)} | {w_off} | {w_on} |")
        for (it, why_off), (_, why_on) in zip(off, on, strict=True):
            if both_ways and bool(why_on) != bool(why_off):
                tag = ("A " if it["answerable"] else "u ") + ("declined" if why_on else "answered")
                examples.append(f"- {set_name} {tag}: {it['question']} ({why_on or why_off})")
            elif not both_ways and why_on and not why_off:
                tag = "A wrongly declined" if it["answerable"] else "u declined"
                examples.append(f"- {set_name} {tag}: {it['question']} ({why_on})")
        print(set_name, len(items), flush=True)
    return [
        *lines,
        "",
        f"Near misses declined by the check beyond the base: {gain}; controls wrongly declined beyond the base: {harm}.",
        f"Chosen: {switch} = {harm == 0 and gain > 0}",
        "",
        "Questions whose outcome the check changes:"
        if both_ways
        else "Questions the check declines and the base does not:",
        "",
        *examples,
    ]


def rates(label: str, rows: list[dict], off: list[bool], on: list[bool], most: int) -> list[str]:
    """A table row of the share of `rows` declined with a switch off and on, and a row of the
    questions whose outcome it changes (at most `most` of them), if any.

    Args:
        label: the row's first cell.
        rows: the items asked.
        off: per item, whether it was declined with the switch off.
        on: the same with the switch on.
        most: how many changed questions to list, at most.
    Returns:
        The row, and the changed questions' row when there are any.
    """
    n = max(1, len(rows))
    out = [f"| {label} | {len(rows)} | {sum(off) / n:.3f} | {sum(on) / n:.3f} |"]
    changed = [r["question"] for r, a, b in zip(rows, off, on, strict=True) if a != b]
    if changed:
        out.append(f"|  changed: {'; '.join(changed[:most])} | | | |")
    return out
