"""Fit the asked-slot checks of qa.slots: the best passages must hold the asked SLOT (a count, a
duration, a date, an age, a distance, an amount of money, an outcome) bound to the asked subject.

    python bench/fit_slots.py --ask                 # ask every set in-process, write the dump
    python bench/fit_slots.py --out bench/reports/slots.md     # sweep the dump, write the report

`--ask` runs the bot in-process with qa.slots switched off (slots.SLOTS and slots.SUBJECT all False), and with the
qa.abstain.FACT_BOUND entries a slot may replace (REPLACED: "future" by the date slot, "dimension" by
the distance slot) off too, recording what each would have decided, on:

- bench/data/paraphrase_fit.jsonl (the fit set: 61 near misses, 92 answerable paraphrases) over an
  index of index/article.txt and bench/data/articles/;
- ../shared/eval/news-dev (gold.jsonl over its docs), ../shared/eval/seed_dev.jsonl and
  bench/data/fit_questions.jsonl (over the bundled article);
- polnear-kinds: "When will X <do it>?" questions generated from PolNeAR train articles
  (bench/typed_near_misses.kinds_set, as bench/fit_near_miss.py makes them): near misses and
  answerable controls;
- polnear-subjects and polnear-scope: a sum, a percentage (bench/typed_near_misses.subject_set), a
  date, a count or a span of time (bench/typed_near_misses.scope_set) of one subject asked of
  another subject of the same PolNeAR train article, with answerable controls: the subject check's
  near misses;
- a SQuAD v1.1 sample (all answerable: the answerable guard; `--squad-sample`, 2000 by default),
  only its questions a slot check may read (`may_ask`).

For every answered question it keeps the searched question, the sentences of the best passages
(qa.rank.near_sentences) and each one's article part (a caption's date is the picture's), so the
sweep reads exactly what qa.rank._abstain_reason gives qa.slots. The sweep then reports, per slot
kind and set, how many unanswerable questions each check would decline and how many answerable ones
it would wrongly decline, at each value of each threshold, and chooses by `allowed` and `objective`:
no answerable question of a guard set (the fit set, news-dev, seed_dev, fit_questions, polnear-kinds)
declined, at most SQUAD_BUDGET of the SQuAD sample, then the most near misses declined minus twice
the answerable declined. Never read: the held-out sets (bench/data/article_heldout.jsonl and the
news held-out set), which are only scored end to end.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402

from qa import abstain, answer_sentences, answer_type, not_mentioned, slots  # noqa: E402
from qa.evaluate import gold_rank  # noqa: E402

# SQuAD questions (all answerable) a check may wrongly decline: the sample's 12/2000 false abstention
# on main (0.006) must not grow beyond noise; one question is 0.0005.
SQUAD_BUDGET = 1
# qa.abstain.FACT_BOUND entries a slot check may replace, with the slot kind and the bound
# bench/fit_near_miss.py fit (bench/reports/abstention_near_miss.md): off while asking, each
# question's decision recorded, so the sweep can weigh the slot check against it.
REPLACED = {"future": ("date", 0.4), "dimension": ("distance", 0.35)}
GUARDS = ("paraphrase_fit", "news-dev", "seed_dev", "fit_questions", "polnear-kinds")
# Sets whose answerable questions a subject check may wrongly decline within the objective (generated
# controls, whose template questions are terser than a reader's): not guards.
SUBJECT_SETS = ("polnear-subjects", "polnear-scope")


def sets(squad_sample: int, work: Path, only: set[str] | None = None) -> list[tuple[str, object, list[dict]]]:
    """The sets with their indexes (built under `work` when missing); `only` names the sets to keep."""
    from index.build import build
    from qa import config
    from qa.engine import Engine

    def index_of(name: str, paths: list[Path]) -> object:
        target = work / f"index-{name}-int8"
        if not (target / "CURRENT").exists():
            build([str(p) for p in paths], target, cache_dir=config.model_cache_dir(), quantized=True)
        return Engine.open(target)

    def read(path: Path) -> list[dict]:
        return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]

    shared = quality.SHARED
    article = index_of("article", [config.bundled_article()])
    out: list[tuple[str, object, list[dict]]] = [
        (
            "paraphrase_fit",
            index_of("paraphrase", [config.bundled_article(), REPO / "bench/data/articles"]),
            read(REPO / "bench/data/paraphrase_fit.jsonl"),
        ),
        ("news-dev", index_of("newsdev", [shared / "news-dev/docs"]), read(shared / "news-dev/gold.jsonl")),
        ("seed_dev", article, read(shared / "seed_dev.jsonl")),
        ("fit_questions", article, read(REPO / "bench/data/fit_questions.jsonl")),
    ]
    if only is None or "polnear-kinds" in only:
        # "When will X <do it>?" from PolNeAR train (bench/typed_near_misses.kinds_set, as
        # bench/fit_near_miss.py makes them): near misses of a date to come and answerable controls.
        import typed_near_misses

        quality.OUT = work
        engine, items = typed_near_misses.kinds_set(0)
        out.append(("polnear-kinds", engine, [it for it in items if may_ask(it)]))
    if only is None or "polnear-subjects" in only:
        # A value asked of a contrasting subject ("What percentage of Republicans ...?" where the
        # article gives the Democrats'), with answerable controls, from PolNeAR train
        # (bench/typed_near_misses.subject_set): the subject check's near misses.
        import typed_near_misses

        quality.OUT = work
        engine, items = typed_near_misses.subject_set(0)
        out.append(("polnear-subjects", engine, items))
    if only is None or "polnear-scope" in only:
        # A date, a count or a span of time of one person asked of another ("When did Cruz announce?"
        # where the article dates Trump's announcement), with answerable controls, from PolNeAR train
        # (bench/typed_near_misses.scope_set): the subject check's near misses for those kinds.
        import typed_near_misses

        quality.OUT = work
        engine, items = typed_near_misses.scope_set(0)
        out.append(("polnear-scope", engine, items))
    if only is not None and "polnear-measure" in only:
        # A count asked under another measure ("How many people were injured?" where only deaths are
        # counted) or scoped to a country the article never names, with answerable controls, from
        # PolNeAR train (bench/typed_near_misses.measure_set): bench/fit_typed.py's near misses.
        import typed_near_misses

        quality.OUT = work
        engine, items = typed_near_misses.measure_set(0)
        out.append(("polnear-measure", engine, items))
    if squad_sample and only is not None and ({"squad-measure", "squad-names"} & only):
        # The same swaps over the SQuAD sample's articles, and its "What is the name of ...?"
        # questions (answerable: the name check's guard), for bench/fit_typed.py.
        import typed_near_misses

        quality.OUT = work
        docs, items = quality.squad_items(squad_sample)
        engine = index_of("squad", [docs])
        if "squad-measure" in only:
            out.append(("squad-measure", engine, typed_near_misses.squad_measures(Path(docs))))
        if "squad-names" in only:
            out.append(("squad-names", engine, [it for it in items if slots.named_role(it["question"])]))
        return [s for s in out if s[0] in only]
    if squad_sample:
        quality.OUT = work
        docs, items = quality.squad_items(squad_sample)
        # Only the questions a slot check can read (the others are never declined by one).
        out.append((f"squad{squad_sample}", index_of("squad", [docs]), [it for it in items if may_ask(it)]))
    return [s for s in out if only is None or s[0] in only or (s[0].startswith("squad") and "squad" in only)]


# The questions any slot check may read: counts, amounts, spans of time, dates and outcomes; every
# other question is answered or declined as before, so the sweep need not ask it.
_MAY_ASK = re.compile(
    r"\bhow (?:many|much|long|far|old|wide|deep|thick|broad)\b|\bwhat age\b|\bwhen\b|\bwhat (?:year|date|day|month)\b",
    re.I,
)


def may_ask(it: dict) -> bool:
    """Whether a slot check may read this question (qa.slots.slot_kind's kinds, broadly)."""
    q = it["question"]
    return (
        bool(_MAY_ASK.search(q))
        or answer_type.asked_fact(q) in ("money", "date", "future")
        or bool(slots.outcome_event(q))
        or slots.subject_kind(q) is not None
    )


def record(engine: object, it: dict, conv: object) -> dict:
    """One question's outcome, with the best passages' sentences when answered."""
    conv.reset()  # type: ignore[attr-defined]
    for h in it.get("history", []):
        conv.ask(h, 5)  # type: ignore[attr-defined]
    a = conv.ask(it["question"], 5)  # type: ignore[attr-defined]
    out: dict = {
        "id": it.get("id"),
        "question": it["question"],
        "searched": a.searched,
        "answerable": bool(it["answerable"]),
        "category": it.get("category"),
        "abstained": a.abstained,
        "reason": a.reason,
    }
    if not a.abstained:
        pids = [h.pid for h in a.hits]
        out["rank"] = (
            gold_rank(it, [(h.text, h.source) for h in a.hits], 5, 600) if it["answerable"] else None
        )
        out["sentences"] = [t for t, _ in answer_sentences.near_sentences(engine, pids)]  # type: ignore[arg-type]
        kind = answer_type.asked_fact(a.searched)
        if kind in REPLACED:  # what qa.abstain.FACT_BOUND[kind] (off while asking) would decide
            typed = [
                (answer_type.fact_evidence(kind, text), terms)
                for text, terms in answer_sentences.near_sentences(engine, pids)  # type: ignore[arg-type]
            ]
            share = abstain.bound_share(answer_sentences.focus_idf(engine, a.searched), typed)  # type: ignore[arg-type]
            out["fact_bound"] = share < REPLACED[kind][1]
        # Which of the best passages each sentence is from (0 the best): a value's subject may be
        # named elsewhere in its passage.
        out["passage"] = [
            k
            for k, p in enumerate(pids[: answer_sentences.NEAR_MISS_PASSAGES])
            for _ in engine.sentence_terms(p)  # type: ignore[attr-defined]
        ]
        # Each sentence's terms widened with those its subject goes back to ("She", "The ... native"),
        # as qa.rank._abstain_reason gives the subject check (qa.rank.chained_sentences).
        out["context"] = [sorted(t) for _, t in answer_sentences.chained_sentences(engine, pids)]  # type: ignore[arg-type]
        out["parts"] = [
            engine.passages[p].kind  # type: ignore[attr-defined]
            for p in pids[: answer_sentences.NEAR_MISS_PASSAGES]
            for _ in engine.sentence_terms(p)  # type: ignore[attr-defined]
        ]
    return out


def ask(squad_sample: int, work: Path, dump: Path, only: set[str] | None = None) -> None:
    """Ask every set with qa.slots off and write one record per question to `dump`."""
    from qa.session import Conversation

    was, was_subject = dict(slots.SLOTS), dict(slots.SUBJECT)
    slots.SLOTS.update(dict.fromkeys(slots.SLOTS, False))
    # The subject check is swept too (subject_sweep): off while asking, or its declines would be
    # recorded as the bot's own and never replayed.
    slots.SUBJECT.update(dict.fromkeys(slots.SUBJECT, False))
    for kind in REPLACED:  # the date and distance slots may take these over: see `sweep`
        abstain.FACT_BOUND[kind] = 0.0
    try:
        with open(dump, "w", encoding="utf-8") as f:
            for name, engine, items in sets(squad_sample, work, only):
                conv = Conversation(engine)  # type: ignore[arg-type]
                for it in items:
                    f.write(json.dumps({"set": name, **record(engine, it, conv)}) + "\n")
                print(name, len(items), flush=True)
    finally:
        slots.SLOTS.update(was)
        slots.SUBJECT.update(was_subject)
        abstain.FACT_BOUND.update({kind: bound for kind, (_, bound) in REPLACED.items()})


def load(dump: Path) -> dict[str, list[dict]]:
    """The dump's records by set."""
    rows: dict[str, list[dict]] = {}
    for line in open(dump, encoding="utf-8"):
        r = json.loads(line)
        rows.setdefault(r.pop("set"), []).append(r)
    return rows


NOUN_GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 1.01]
# slots.EVENT_COSINE: a dated sentence this close to the question tells of the asked event; 1.01:
# only the event's own words bind.
EVENT_GRID = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.01]
GRIDS = {"count": NOUN_GRID, "date": EVENT_GRID}


class Reader:
    """The index's term maker and embedder (the bundled article's index: the same model and term
    rules as every other index), with each question's slot reason cached per setting."""

    def __init__(self, work: Path) -> None:
        from qa.engine import Engine

        self.engine = Engine.open(work / "index-article-int8")
        self._cache: dict[tuple[str, str, float, bool], str] = {}
        self._rows: dict[str, object] = {}

    def encode(self, texts: list[str]) -> object:
        """The embedder's rows, each text encoded once over the whole sweep (every grid setting
        reads the same sentences)."""
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self._rows]
        if missing:
            self._rows.update(zip(missing, self.engine.embedder.encode(missing), strict=True))
        return np.stack([self._rows[t] for t in texts])

    def reason(self, r: dict, cosine: float, use_parts: bool = True) -> str:
        """qa.slots.slot_missing of an answered record, with the kind's cosine (slots.NOUN_COSINE for
        a count, slots.EVENT_COSINE for a date) at `cosine`; `use_parts` False reads every sentence as
        body text (a caption's date counts)."""
        key = (
            r["searched"],
            json.dumps(r["sentences"])[:2000] + str(len(r["sentences"])),
            cosine,
            use_parts,
        )
        if key not in self._cache:
            was = (slots.NOUN_COSINE, slots.EVENT_COSINE)
            slots.NOUN_COSINE = slots.EVENT_COSINE = cosine
            try:
                self._cache[key] = slots.slot_missing(
                    r["searched"],
                    r["sentences"],
                    self.engine.terms,
                    self.encode,
                    not_mentioned.EVERYDAY_ZIPF,
                    r.get("parts") if use_parts else None,
                )
            finally:
                slots.NOUN_COSINE, slots.EVENT_COSINE = was
        return self._cache[key]


def fires(reader: Reader, r: dict, kind: str, cosine: float, use_parts: bool = True) -> bool:
    """Whether the check of `kind` alone declines an answered record (qa.slots.slot_missing)."""
    if r["abstained"] or slots.slot_kind(r["searched"]) != kind:
        return False
    return bool(reader.reason(r, cosine, use_parts))


def counts(rows: dict[str, list[dict]], fired: Callable[[dict], bool]) -> dict[str, tuple[int, int]]:
    """Per set: (near misses declined, answerable wrongly declined) by a check."""
    return {
        name: (
            sum(1 for r in rs if not r["answerable"] and fired(r)),
            sum(1 for r in rs if r["answerable"] and fired(r)),
        )
        for name, rs in rows.items()
    }


def allowed(got: dict[str, tuple[int, int]]) -> bool:
    """Whether a check may be on: it wrongly declines no guard set's answerable question and at most
    SQUAD_BUDGET of the SQuAD sample's."""
    guards = sum(an for name, (_, an) in got.items() if name in GUARDS)
    squad = sum(an for name, (_, an) in got.items() if name.startswith("squad"))
    return guards == 0 and squad <= SQUAD_BUDGET


def row(label: str, got: dict[str, tuple[int, int]]) -> str:
    """One report row: per set, declined unanswerable / answerable."""
    return f"| {label} | " + " | ".join(f"{un} / {an}" for un, an in got.values()) + " |"


def examples(
    reader: Reader, rows: dict[str, list[dict]], fired: Callable[[dict], bool], cosine: float
) -> list[str]:
    """The questions a check declines, with its reason (and, for an answerable one, its gold rank)."""
    out = ["| set | answerable (gold rank) | question | reason |", "|---|---|---|---|"]
    for name, rs in rows.items():
        for r in rs:
            if fired(r):
                q = r["searched"].replace("|", "/")
                gold = (
                    f"yes ({'miss' if r.get('rank') is None else r['rank'] + 1})" if r["answerable"] else "no"
                )
                out.append(f"| {name} | {gold} | {q} | {reader.reason(r, cosine)} |")
    return out


def sweep(rows: dict[str, list[dict]], reader: Reader) -> list[str]:
    """The report: as asked, then per kind each setting's declines and the choice."""
    lines = [
        "",
        "## As asked (qa.slots off)",
        "",
        "| set | n | near misses declined | answerable wrongly declined |",
    ]
    lines.append("|---|---|---|---|")
    for name, rs in rows.items():
        un = [r for r in rs if not r["answerable"]]
        an = [r for r in rs if r["answerable"]]
        lines.append(
            f"| {name} | {len(rs)} | {sum(r['abstained'] for r in un)} of {len(un)} | "
            f"{sum(r['abstained'] for r in an)} of {len(an)} |"
        )
    head = "| setting | " + " | ".join(rows) + " |"
    rule = "|---|" + "---|" * len(rows)
    for kind in slots.SLOTS:
        lines += [
            "",
            f"## {kind}",
            "",
            "Each cell: unanswerable declined / answerable wrongly declined.",
            "",
            head,
            rule,
        ]
        grid = GRIDS.get(kind, [slots.NOUN_COSINE])
        if kind == "count":  # the clause test off, at the chosen cosine's place in the grid
            was, slots.COUNT_CLAUSE = slots.COUNT_CLAUSE, False
            try:
                for cos in grid:
                    reader._cache.clear()
                    got = counts(rows, lambda r, k=kind, c=cos: fires(reader, r, k, c))  # type: ignore[misc]
                    lines.append(row(f"on, COUNT_CLAUSE off, NOUN_COSINE {cos}", got))
            finally:
                slots.COUNT_CLAUSE = was
                reader._cache.clear()
        if kind in ("duration", "date"):  # a caption's or a dateline's date or span taken as the event's
            for cos in grid:
                got = counts(rows, lambda r, k=kind, c=cos: fires(reader, r, k, c, False))  # type: ignore[misc]
                lines.append(row(f"on, parts ignored{_label(kind, cos)}", got))
        fact = next((f for f, (k, _) in REPLACED.items() if k == kind), None)
        if fact is not None:
            fb = counts(rows, lambda r, f=fact: _fact_fires(r, f))
            lines.append(row(f"off; abstain.FACT_BOUND[{fact!r}] {REPLACED[fact][1]} alone", fb))
        best: tuple[int, float] | None = None
        fallback: tuple[int, float] | None = None  # the best allowed setting, for a kind left off
        for cos in grid:
            got = counts(rows, lambda r, k=kind, c=cos: fires(reader, r, k, c))  # type: ignore[misc]
            lines.append(row(f"on{_label(kind, cos)}", got))
            net = objective(got)
            if allowed(got) and (fallback is None or net > fallback[0]):
                fallback = (net, cos)
            if allowed(got) and net > 0 and (best is None or net > best[0]):
                best = (net, cos)  # on a tie the lower cosine stays: it takes more paraphrases
        if fact is not None:  # with FACT_BOUND[fact] kept on before it: a question either declines
            keep: tuple[int, float] | None = None
            for cos in grid:
                got = counts(
                    rows,
                    lambda r, k=kind, c=cos, f=fact: (  # type: ignore[misc]
                        fires(reader, r, k, c) or _fact_fires(r, f)
                    ),
                )
                lines.append(row(f"on{_label(kind, cos)}, and abstain.FACT_BOUND[{fact!r}]", got))
                net = objective(got)
                if allowed(got) and net > 0 and (keep is None or net > keep[0]):
                    keep = (net, cos)
            lines.append("")
            # The slot takes over only where it is allowed on its own and does at least as well.
            takes_over = best is not None and (keep is None or best[0] >= keep[0])
            bound = 0.0 if takes_over else REPLACED[fact][1]
            lines.append(f"Chosen: abstain.FACT_BOUND[{fact!r}] = {bound}")
            if bound and keep is not None:
                best = keep
        lines.append("")
        if best is None:
            lines.append(f"Chosen: slots.SLOTS[{kind!r}] = False")
            if kind == "date":  # kept for whoever switches the check on
                cos = fallback[1] if fallback is not None else slots.EVENT_COSINE
                lines += [
                    "",
                    "Off; the allowed setting with the best objective:",
                    "",
                    f"Chosen: slots.EVENT_COSINE = {cos}",
                ]
            continue
        lines.append(f"Chosen: slots.SLOTS[{kind!r}] = True")
        if kind == "count":
            lines.append(f"Chosen: slots.NOUN_COSINE = {best[1]}")
        if kind == "date":
            lines.append(f"Chosen: slots.EVENT_COSINE = {best[1]}")
        lines += ["", *examples(reader, rows, lambda r, k=kind, c=best[1]: fires(reader, r, k, c), best[1])]  # type: ignore[misc]
    return lines


# The subject check's settings: which classes of the question's words distinguish its subject
# (slots.SUBJECT_CLASSES), whether an unused year or ordinal must bind (slots.SUBJECT_UNUSED), and
# how far back a sentence going on about its subject reaches (slots.SUBJECT_REACH); per kind, whether
# every asked name or one binds (slots.SUBJECT_BIND) and whether each valued sentence must name another
# subject (slots.SUBJECT_CONTRAST).
# Years, ordinals and statistics declined no near miss of any set in branch subj10's sweep (3 SQuAD
# count questions and 1 age question wrongly): names only since branch slot11, whose grid is 36
# bindings per kind and reach.
CLASS_GRID: list[tuple[str, ...]] = [("name",)]
UNUSED_GRID = [False]  # True declined no near miss of any set (branch subj10's sweep)
REACH_GRID = [0, 1, 2]
BIND_GRID = ["all", "any"]
CONTRAST_GRID = ["", "any", "all"]
Setting = tuple[tuple[str, ...], bool, int, str, str]


# The gold files whose follow-ups (items with a history) the subject sweep leaves out: a follow-up
# one reading declines is still answered from the conversation's passage where that holds an answer
# of the asked type (qa.session.Conversation.ask, "anchored"), which a replay of the first reading
# cannot tell (news-dev u06 "How much had it paid out for the US hurricanes?" is answered end to end
# but declined by the replay). Their end-to-end scores are reported instead.
GOLD = {
    "paraphrase_fit": REPO / "bench/data/paraphrase_fit.jsonl",
    "news-dev": quality.SHARED / "news-dev/gold.jsonl",
    "seed_dev": quality.SHARED / "seed_dev.jsonl",
    "fit_questions": REPO / "bench/data/fit_questions.jsonl",
}


def mark_followups(rows: dict[str, list[dict]]) -> None:
    """Set r["followup"] on the records of GOLD's sets whose item has a history."""
    for name, path in GOLD.items():
        ids = {
            it.get("id")
            for line in open(path, encoding="utf-8")
            if line.strip() and (it := json.loads(line)).get("history")
        }
        for r in rows.get(name, []):
            r["followup"] = r.get("id") in ids


def subject_fires(reader: Reader, r: dict, kind: str, setting: Setting) -> bool:
    """Whether the subject check of `kind` at `setting` declines an answered record the kind's slot
    check (as chosen in the code) leaves answered (qa.slots.subject_reason); never a follow-up's
    (mark_followups)."""
    if r["abstained"] or r.get("followup") or _subject_kind(r["searched"]) != kind:
        return False
    if slots.SLOTS.get(kind) and slots.slot_kind(r["searched"]) == kind:
        if reader.reason(r, slots.NOUN_COSINE if kind == "count" else slots.EVENT_COSINE):
            return False  # the slot check declines it already
    return bool(subject_why(reader, r, kind, setting))


@functools.cache
def _subject_kind(question: str) -> str | None:
    """qa.slots.subject_kind, once per question over the whole sweep."""
    return slots.subject_kind(question)


def subject_why(reader: Reader, r: dict, kind: str, setting: Setting) -> str:
    """qa.slots.subject_reason of an answered record with only `kind` checked, at `setting`."""
    key = ("subject", r["searched"], json.dumps(r["sentences"])[:2000], kind, repr(setting))
    if key not in reader._cache:  # type: ignore[comparison-overlap]
        was = (
            dict(slots.SUBJECT),
            slots.SUBJECT_CLASSES,
            slots.SUBJECT_UNUSED,
            slots.SUBJECT_REACH,
            dict(slots.SUBJECT_BIND),
            dict(slots.SUBJECT_CONTRAST),
        )
        slots.SUBJECT.update(dict.fromkeys(slots.SUBJECT, False) | {kind: True})
        slots.SUBJECT_CLASSES, slots.SUBJECT_UNUSED, slots.SUBJECT_REACH = setting[:3]
        slots.SUBJECT_BIND[kind], slots.SUBJECT_CONTRAST[kind] = setting[3:]
        try:
            context = [frozenset(t) for t in r["context"]] if "context" in r else None
            reader._cache[key] = slots.subject_reason(  # type: ignore[index]
                r["searched"],
                r["sentences"],
                reader.engine.terms,
                reader.encode,
                not_mentioned.EVERYDAY_ZIPF,
                context,
            )
        finally:
            slots.SUBJECT.clear()
            slots.SUBJECT.update(was[0])
            slots.SUBJECT_CLASSES, slots.SUBJECT_UNUSED, slots.SUBJECT_REACH = was[1:4]
            slots.SUBJECT_BIND.update(was[4])
            slots.SUBJECT_CONTRAST.update(was[5])
    return str(reader._cache[key])  # type: ignore[index]


def subject_sweep(rows: dict[str, list[dict]], reader: Reader) -> list[str]:
    """The subject check's report: per setting, kind and binding, declines per set; then the setting
    whose kinds switched on (each allowed and above 0 on its own, at its best binding) add up to the
    best objective."""
    head = "| setting | kind | bind, contrast | " + " | ".join(rows) + " | objective |"
    lines = [
        "",
        "## subject (a value of the asked kind, for the asked subject)",
        "",
        "Each cell: unanswerable declined / answerable wrongly declined, by the subject check alone,",
        "among the questions the kind's slot check (as chosen) leaves answered.",
        "",
        head,
        "|---|---|---|" + "---|" * len(rows) + "---|",
    ]
    best: tuple[int, tuple[tuple[str, ...], bool, int], dict[str, tuple[str, str]]] | None = None
    for classes in CLASS_GRID:
        for unused in UNUSED_GRID:
            for reach in REACH_GRID:
                label = f"{'+'.join(classes)}, unused {unused}, reach {reach}"
                total, on = 0, {}
                for kind in slots.SUBJECT:
                    pick: tuple[int, str, str] | None = None
                    for bind in BIND_GRID:
                        for contrast in CONTRAST_GRID:
                            setting = (classes, unused, reach, bind, contrast)
                            got = counts(rows, lambda r, k=kind, st=setting: subject_fires(reader, r, k, st))  # type: ignore[misc]
                            net = objective(got)
                            cells = " | ".join(f"{un} / {an}" for un, an in got.values())
                            lines.append(f"| {label} | {kind} | {bind}, {contrast} | {cells} | {net} |")
                            if allowed(got) and net > 0 and (pick is None or net > pick[0]):
                                pick = (net, bind, contrast)
                    if pick is not None:
                        total += pick[0]
                        on[kind] = pick[1:]
                if best is None or total > best[0]:
                    best = (total, (classes, unused, reach), on)
    assert best is not None
    total, (classes, unused, reach), on = best
    lines += [
        "",
        f"Best objective {total}, kinds on: {', '.join(on) or 'none'}.",
        "",
        *[f"Chosen: slots.SUBJECT[{k!r}] = {k in on}" for k in slots.SUBJECT],
        *[f"Chosen: slots.SUBJECT_BIND[{k!r}] = {v[0]!r}" for k, v in on.items()],
        *[f"Chosen: slots.SUBJECT_CONTRAST[{k!r}] = {v[1]!r}" for k, v in on.items()],
        f"Chosen: slots.SUBJECT_CLASSES = {'+'.join(classes)}",
        f"Chosen: slots.SUBJECT_UNUSED = {unused}",
        f"Chosen: slots.SUBJECT_REACH = {reach}",
        "",
        "| set | answerable (gold rank) | question | reason |",
        "|---|---|---|---|",
    ]
    for name, rs in rows.items():
        for r in rs:
            kind = slots.subject_kind(r["searched"]) if not r["abstained"] else None
            if kind not in on:
                continue
            setting = (classes, unused, reach, *on[kind])
            if subject_fires(reader, r, kind, setting):  # type: ignore[arg-type]
                q = r["searched"].replace("|", "/")
                gold = (
                    f"yes ({'miss' if r.get('rank') is None else r['rank'] + 1})" if r["answerable"] else "no"
                )
                lines.append(f"| {name} | {gold} | {q} | {subject_why(reader, r, kind, setting)} |")  # type: ignore[arg-type]
    return lines


def _fact_fires(r: dict, fact: str) -> bool:
    """Whether qa.abstain.FACT_BOUND[fact], as fit, declines an answered record."""
    return bool(r.get("fact_bound")) and not r["abstained"] and answer_type.asked_fact(r["searched"]) == fact


def _label(kind: str, cos: float) -> str:
    """A grid row's setting: the cosine of a kind that has one."""
    return {"count": f", NOUN_COSINE {cos}", "date": f", EVENT_COSINE {cos}"}.get(kind, "")


def objective(got: dict[str, tuple[int, int]]) -> int:
    """What a setting is chosen by: near misses declined minus twice the answerable questions
    declined, over every set (a wrong decline costs an answer the reader wanted; a missed near miss
    only shows a passage that does not say it)."""
    return sum(un for un, _ in got.values()) - 2 * sum(an for _, an in got.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ask", action="store_true", help="ask the sets and write --dump")
    ap.add_argument("--squad-sample", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=quality.OUT, help="where indexes are built")
    ap.add_argument(
        "--dump",
        default=str(quality.OUT / "slots.jsonl"),
        help="with --ask: where; else comma-separated dumps",
    )
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--subject-only", action="store_true", help="sweep only the subject check")
    ap.add_argument("--sets", default="", help="with --ask: comma-separated sets to ask (default: all)")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(args.work / "home"))
    args.work.mkdir(parents=True, exist_ok=True)
    if args.ask:
        ask(args.squad_sample, args.work, Path(args.dump), set(args.sets.split(",")) if args.sets else None)
        return 0
    rows: dict[str, list[dict]] = {}
    for dump in args.dump.split(","):
        for name, rs in load(Path(dump)).items():
            rows.setdefault(name, []).extend(rs)
    lines = [
        "# Asked-slot checks (qa.slots), fit",
        "",
        "`python bench/fit_slots.py --ask --squad-sample N` then `python bench/fit_slots.py --out ...`:",
        "in-process, int8 model, qa.slots off while asking; each check is then replayed on the",
        "recorded sentences of the best passages (qa.rank.near_sentences) of every answered question.",
    ]
    reader = Reader(args.work)
    mark_followups(rows)
    if not args.subject_only:
        lines += sweep(rows, reader)
    lines += subject_sweep(rows, reader)
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
