"""Where qa.describe's constants and Weights.claim come from: speaker questions that describe the
speaker, and "who said" questions, made from PolNeAR train.

    python bench/describe.py [--docs 120] [--questions 400] [--index DIR] [--out bench/reports/describe.md]

Questions are generated at run time from `../shared/eval/polnear/train` (nothing is stored): an
attribution whose source is written as a description ("a campaign spokeswoman", "the senator's
chief of staff", or a title before a name, without the name) becomes "What did <description> say
about <topic>?", the topic being the three rarest words of what was said. The gold passage is the
one holding the start of what was said. The sample of documents is spread over the split (every
n-th) and indexed once with the default model.

The report gives hit@1 and recall@5 with description matching off (qa.describe.resolve returns
nothing: the question's name aliases alone pick the speaker) and on, then a joint grid over
DOC_SHARE, MIN_COVER and SHARPNESS. Only ranking is scored (no abstention): the question is whether
the passage ranks first. Then "Who said <four rarest words said>?" questions on attributions to a
named source, before the claim reading and at each value of Weights.claim.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa import describe, query_reading, rank  # noqa: E402
from qa.engine import Engine  # noqa: E402

SHARED = next(
    (d / "shared" for d in (REPO.parent, REPO.parent.parent) if (d / "shared").is_dir()),
    REPO.parent / "shared",
)
TRAIN = SHARED / "eval" / "polnear" / "train"

_PRONOUNS = frozenset(
    "i me we us you he him she her it they them this that these those who which one someone "
    "somebody anyone everyone people".split()
)
_FUNCTION = frozenset(
    "a an the of for to in on at by with from and or but as is was were be been are that this "
    "those these his her its their our your my said says about into over than then there here "
    "what which who whom when where why how not no all any some more most such very also just "
    "would could should will can may might must have has had do does did many much few".split()
)
_POSSESSIVE = frozenset("his her its their our your my".split())
_DET = re.compile(r"^(?:a|an|the|one|some|many|several|two|three|other)\s+", re.I)
_NAME_TAIL = re.compile(r"\s+((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)$")


CLAIM = (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0)
SWEEP: dict[str, tuple[float, ...]] = {
    "DOC_SHARE": (0.25, 0.5, 0.75, 1.0),
    "MIN_COVER": (0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
    "SHARPNESS": (1.0, 2.0, 3.0, 5.0, 10.0),
}


def _read(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def description(source: str) -> str | None:
    """The description a source is written as, without any name after it: "a Trump campaign
    spokeswoman" -> "Trump campaign spokeswoman", "Clinton campaign chairman John Podesta" ->
    "Clinton campaign chairman"; None for a pronoun, a bare name or something too long.

    Args:
        source: the source as written.
    Returns:
        The description, or None.
    """
    s = " ".join(source.split())
    if not s or any(c in s for c in '"“”()[]:;'):
        return None
    s = _DET.sub("", s)
    m = _NAME_TAIL.search(s)
    if m and m.start() > 0:
        s = s[: m.start()]
    toks = s.split()
    if not 1 <= len(toks) <= 7 or s.lower() in _PRONOUNS or toks[0].lower() in _PRONOUNS | _POSSESSIVE:
        return None
    # A role or a body: at least one lower-case content word ("spokeswoman", "campaign").
    if not any(t.isalpha() and t.islower() and t not in _FUNCTION and len(t) >= 4 for t in toks):
        return None
    if toks[-1].lower() in _FUNCTION or "," in s:
        return None
    return s


def _the(desc: str) -> str:
    """ "the " before a description, unless it starts with a possessor ("Trump's campaign manager")."""
    return "" if re.search(r"['’]s?$", desc.split()[0]) else "the "


def topic(content: str, df: Counter[str], n_docs: int, k: int = 3) -> str | None:
    """The `k` rarest content words of what was said, in their order: the question's topic."""
    ws = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", content) if w.lower() not in _FUNCTION]
    uniq = list(dict.fromkeys(ws))
    if len(uniq) < k + 2:
        return None
    rare = sorted(uniq, key=lambda w: (df.get(w.lower(), 0), uniq.index(w)))[:k]
    return " ".join(w for w in uniq if w in rare)


def make_questions(n_docs: int, n_questions: int) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    """A spread sample of train documents and the description questions on them.

    Args:
        n_docs: documents to take (every n-th of the split).
        n_questions: questions to keep at most (spread over the candidates).
    Returns:
        (doc_id, text) pairs and the questions (question, doc, start, end, description).
    """
    docs = _read(TRAIN / "docs.jsonl.gz")
    step = max(1, len(docs) // n_docs)
    chosen = docs[::step][:n_docs]
    ids = {d["doc_id"] for d in chosen}
    df: Counter[str] = Counter()
    for d in docs:
        df.update({w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", d["text"])})
    cands = []
    for a in _read(TRAIN / "attributions.jsonl.gz"):
        if a["doc_id"] not in ids or not a.get("source_text"):
            continue
        desc = description(a["source_text"])
        top = topic(a["content_text"], df, len(docs))
        if desc is None or top is None:
            continue
        s, e = a["content"][0]
        cands.append(
            {
                "question": f"What did {_the(desc)}{desc} say about {top}?",
                "doc": a["doc_id"],
                "start": s,
                "end": e,
                "description": desc,
            }
        )
    step_q = max(1, math.ceil(len(cands) / n_questions))
    return [(d["doc_id"], d["text"]) for d in chosen], cands[::step_q][:n_questions]


def who_questions(docs: list[tuple[str, str]], n_questions: int) -> list[dict[str, Any]]:
    """ "Who said <topic>?" questions on the sampled documents: attributions whose source is a
    name (PolNeAR's source_resolved), the topic being the four rarest words of what was said.

    Args:
        docs: the sampled (doc_id, text) pairs.
        n_questions: questions to keep at most (spread over the candidates).
    Returns:
        The questions (question, doc, start, end).
    """
    ids = {d for d, _ in docs}
    df: Counter[str] = Counter()
    for _, text in docs:
        df.update({w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text)})
    cands = []
    for a in _read(TRAIN / "attributions.jsonl.gz"):
        if a["doc_id"] not in ids or not a.get("source_resolved"):
            continue
        top = topic(a["content_text"], df, len(docs), k=4)
        if top is None:
            continue
        s, e = a["content"][0]
        cands.append({"question": f"Who said {top}?", "doc": a["doc_id"], "start": s, "end": e})
    step_q = max(1, math.ceil(len(cands) / n_questions))
    return cands[::step_q][:n_questions]


def claim_sweep(engine: Engine, items: list[dict[str, Any]], values: tuple[float, ...]) -> list[str]:
    """Report lines: hit@1 of "who said" questions as read before (no claim reading) and at each
    value of Weights.claim (features computed once, combined per value)."""
    import dataclasses

    def hit(feats: list[Any], w: rank.Weights) -> float:
        good = 0
        for f, it in zip(feats, items, strict=True):
            if f is None:
                continue
            score = rank.combine(f, w)
            i = min(range(len(f.pids)), key=lambda i: (-score[i], f.pids[i]))
            p = engine.passages[f.pids[i]]
            good += Path(p.source).stem == it["doc"] and p.start <= it["start"] < p.end
        return good / max(len(items), 1)

    import qa.claims

    before = _with_module(
        qa.claims, "claim_of", lambda q: None, lambda: [rank.features(engine, it["question"]) for it in items]
    )
    feats = [rank.features(engine, it["question"]) for it in items]
    lines = [
        "",
        f'## "Who said ...?" ({len(items)} questions, topic: the four rarest words said)',
        "",
        "| reading | hit@1 |",
        "|---|---|",
        f"| before (no claim reading; names in the question taken as its speaker) | {hit(before, rank.WEIGHTS):.3f} |",
    ]
    lines += [
        f"| claim = {v} | {hit(feats, dataclasses.replace(rank.WEIGHTS, claim=v)):.3f} |" for v in values
    ]
    return lines


def index(docs: list[tuple[str, str]], where: Path) -> Engine:
    """Index the sampled documents once (text files under `where`/docs); reuse an index already built."""
    target = where / "index"
    if not (target / "CURRENT").exists():
        from index.build import build
        from qa import config

        folder = where / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        for doc_id, text in docs:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        build([folder], target, cache_dir=config.model_cache_dir())
    return Engine.open(target)


Cache = dict[tuple[str, tuple[str, ...], float, str], int | None]


def ranks(engine: Engine, items: list[dict[str, Any]], cache: Cache | None = None) -> list[int | None]:
    """The rank (0-based, within 5) of each question's gold passage, or None. With `cache`, a
    question read the same way as before (same speakers, same strength) is not ranked again."""
    out: list[int | None] = []
    for it in items:
        qr = query_reading._read(engine, it["question"])
        key = (it["question"], tuple(qr.wanted), round(qr.strength, 4), qr.topic)
        if cache is not None and key in cache:
            out.append(cache[key])
            continue
        f = rank.features(engine, it["question"], query=qr)
        if f is None:
            out.append(None)
            continue
        score = rank.combine(f, rank.WEIGHTS)
        order = sorted(range(len(f.pids)), key=lambda i: (-score[i], f.pids[i]))[:5]
        got = None
        for r, i in enumerate(order):
            p = engine.passages[f.pids[i]]
            if Path(p.source).stem == it["doc"] and p.start <= it["start"] < p.end:
                got = r
                break
        out.append(got)
        if cache is not None:
            cache[key] = got
    return out


def rates(rs: list[int | None]) -> tuple[float, float]:
    """hit@1 and recall@5 of ranks."""
    n = max(len(rs), 1)
    return sum(r == 0 for r in rs) / n, sum(r is not None for r in rs) / n


def _with_module(module: Any, name: str, value: Any, fn: Callable[[], Any]) -> Any:
    """Run `fn` with `module`'s `name` set to `value`, then restore it."""
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        return fn()
    finally:
        setattr(module, name, old)


def _with_all(setting: dict[str, float], fn: Callable[[], Any]) -> Any:
    """Run `fn` with qa.describe's constants set as in `setting`, then restore them."""
    if not setting:
        return fn()
    (name, value), *rest = setting.items()
    return _with(name, value, lambda: _with_all(dict(rest), fn))


def _with(name: str, value: Any, fn: Callable[[], Any]) -> Any:
    """Run `fn` with qa.describe's `name` set to `value`, then restore it."""
    return _with_module(describe, name, value, fn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--questions", type=int, default=400)
    ap.add_argument("--index", type=Path, default=Path("/tmp/qa-bench-describe"))
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "reports" / "describe.md")
    ap.add_argument("--no-sweep", action="store_true")
    ap.add_argument("--who-only", action="store_true", help="only the who-said questions")
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs, items = make_questions(args.docs, args.questions)
    engine = index(docs, args.index)
    engine.speaker_profiles()
    who = who_questions(docs, args.questions)
    claim_lines = claim_sweep(engine, who, CLAIM)
    if args.who_only:
        print("\n".join(claim_lines))
        return 0
    off = _with("resolve", lambda *a, **k: None, lambda: ranks(engine, items))
    on = ranks(engine, items)
    lines = [
        "# Speakers asked by description (bench/describe.py)",
        "",
        f"{len(items)} questions generated from {len(docs)} PolNeAR train articles (every "
        f"{max(1, 840 // args.docs)}-th); {time.perf_counter() - t0:.0f} s.",
        "",
        "| description matching | hit@1 | recall@5 |",
        "|---|---|---|",
        "| off (names only) | {:.3f} | {:.3f} |".format(*rates(off)),
        "| on (DOC_SHARE {}, MIN_COVER {}, SHARPNESS {}) | {:.3f} | {:.3f} |".format(
            describe.DOC_SHARE, describe.MIN_COVER, describe.SHARPNESS, *rates(on)
        ),
        "",
    ]
    if not args.no_sweep:
        cache: Cache = {}
        grid = []
        for values in itertools.product(*SWEEP.values()):
            setting = dict(zip(SWEEP, values, strict=True))
            grid.append((rates(_with_all(setting, lambda: ranks(engine, items, cache))), setting))
        best = max(r[0] for r, _ in grid)
        lines += [
            "",
            f"## Joint grid over {', '.join(SWEEP)} ({len(grid)} settings)",
            "",
            f"Best hit@1 {best:.3f}, reached by {sum(r[0] == best for r, _ in grid)} settings. Per value, "
            "the best hit@1 over the other constants:",
            "",
        ]
        for name, values in SWEEP.items():
            cells = [f"{v}: {max(r[0] for r, st in grid if st[name] == v):.3f}" for v in values]
            lines.append(f"- {name}: " + ", ".join(cells))
        lines += ["", "Settings at the best hit@1:", ""]
        lines += [f"- {st} (recall@5 {r[1]:.3f})" for r, st in grid if r[0] == best]
    lines += claim_lines
    # The corpus's words stay out of the project: examples go to the terminal, not the report.
    print("\n".join(f"  e.g. {it['question']}" for it in items[:10]))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
