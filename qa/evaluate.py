"""`qa eval`: measure the bot on a user's own questions, the way ../shared/eval/score.py does."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.errors import InputError
from qa.engine import Engine
from qa.session import Conversation

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}


def norm(s: str) -> str:
    """Case, quote and whitespace folding, so a gold string matches however the document typeset it."""
    for a, b in _QUOTES.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s.replace("''", "'")).strip().lower()


@dataclass
class Miss:
    id: str
    question: str
    why: str  # "missed", "abstained", "answered" (unanswerable), "rank N"
    top: str  # the first passage shown, if any


@dataclass
class EvalReport:
    items: int = 0
    answerable: int = 0
    unanswerable: int = 0
    k: int = 5
    hit1: float = 0.0
    recall_at_3: float = 0.0
    recall_at_k: float = 0.0
    mrr: float = 0.0
    abstain: float = 0.0  # share of unanswerable questions declined
    false_abstain: float = 0.0  # share of answerable questions wrongly declined
    misses: list[Miss] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            assert isinstance(item, dict) and isinstance(item["question"], str)
        except (json.JSONDecodeError, AssertionError, KeyError, TypeError):
            raise InputError(f"{path}:{n}: not a gold item (want JSON with at least 'question')") from None
        items.append(item)
    if not items:
        raise InputError(f"{path} holds no questions")
    return items


def evaluate(engine: Engine, gold: Path, k: int = 5, max_chars: int = 600) -> EvalReport:
    items = load_gold(gold)
    conv = Conversation(engine)
    r = EvalReport(items=len(items), k=k)
    hits1 = rec3 = reck = abst_ok = false_abst = 0
    rr = 0.0
    for n, it in enumerate(items):
        conv.reset()
        for h in it.get("history", []):
            conv.ask(h, k)
        ans = conv.ask(it["question"], k)
        top = ans.hits[0].text[:160] if ans.hits else ""
        mid = str(it.get("id", n + 1))
        if not it.get("answerable", True):
            r.unanswerable += 1
            abst_ok += ans.abstained
            if not ans.abstained:
                r.misses.append(Miss(mid, it["question"], "answered", top))
            continue
        r.answerable += 1
        if ans.abstained:
            false_abst += 1
            r.misses.append(Miss(mid, it["question"], "abstained", ""))
            continue
        golds = [norm(a) for a in it.get("answers", [])]
        rank = next(
            (
                i
                for i, h in enumerate(ans.hits[:k])
                if len(h.text) <= max_chars and any(g in norm(h.text) for g in golds)
            ),
            None,
        )
        if rank is None:
            r.misses.append(Miss(mid, it["question"], "missed", top))
            continue
        hits1 += rank == 0
        rec3 += rank < 3
        reck += 1
        rr += 1 / (rank + 1)
        if rank:
            r.misses.append(Miss(mid, it["question"], f"rank {rank + 1}", top))
    a, u = r.answerable or 1, r.unanswerable or 1
    r.hit1, r.recall_at_3, r.recall_at_k, r.mrr = hits1 / a, rec3 / a, reck / a, rr / a
    r.abstain, r.false_abstain = abst_ok / u, false_abst / a
    return r
