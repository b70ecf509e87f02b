"""`qa eval`: measure the bot on a user's own questions, the way ../shared/eval/score.py does."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
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
    """Gold items, one JSON object per line; the first malformed line is an InputError naming it."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    items = []
    for n, line_bytes in enumerate(raw.split(b"\n"), 1):
        if n == 1 and line_bytes.startswith(b"\xef\xbb\xbf"):
            line_bytes = line_bytes[3:]  # a byte-order mark (Notepad's UTF-8): skipped, as jq does
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}:{n}: not valid UTF-8") from None
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):  # bad JSON, an int of 5000 digits, nesting 10^5 deep
            raise InputError(f"{path}:{n}: not valid JSON") from None
        problem = _gold_problem(item)
        if problem:
            raise InputError(f"{path}:{n}: {problem}")
        items.append(item)
    if not items:
        raise InputError(f"{path} holds no questions")
    return items


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _gold_problem(item: Any) -> str:
    """Why `item` is not a gold item ("" when it is): a string where a list belongs must not score."""
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        return "not a gold item (want JSON with at least 'question')"
    if not item["question"].strip():
        return "'question' is empty"
    for key in ("answers", "history"):
        if key in item and not _strings(item[key]):
            return f"'{key}' must be a list of strings"
    if "answers" in item and any(not norm(a) for a in item["answers"]):
        # "" is inside every passage: it would score hit@1 1.0 on any question.
        return "'answers' holds an empty string (it would match every passage)"
    if "answerable" in item and not isinstance(item["answerable"], bool):
        return "'answerable' must be true or false"
    if "doc" in item and not isinstance(item["doc"], str):
        return "'doc' must be a file name"
    if "id" in item and not (
        (isinstance(item["id"], str) and len(item["id"]) <= 200)
        or (isinstance(item["id"], int) and not isinstance(item["id"], bool) and abs(item["id"]) < 10**18)
    ):
        return "'id' must be a short string or an integer"
    return ""


def gold_rank(item: dict[str, Any], shown: Sequence[tuple[str, str]], k: int, max_chars: int) -> int | None:
    """Rank of the first of the top-k (text, source) passages that holds a gold answer and is short
    enough; when the item names its document ("doc"), only passages from that file count."""
    golds = [norm(a) for a in item.get("answers", [])]
    for i, (text, source) in enumerate(shown[:k]):
        if "doc" in item and os.path.basename(source) != item["doc"]:
            continue
        if len(text) <= max_chars and any(g in norm(text) for g in golds):
            return i
    return None


@dataclass
class Tally:
    """Running counts behind hit@1, recall@3, recall@k, MRR and (false) abstention."""

    answerable: int = 0
    unanswerable: int = 0
    hit1: int = 0
    recall_3: int = 0
    recall_k: int = 0
    rr: float = 0.0
    abstained_ok: int = 0
    false_abstained: int = 0

    def add(self, item: dict[str, Any], abstained: bool, rank: int | None) -> str:
        """Count one reply; returns why it is not a first-rank success ("" when it is)."""
        if not item.get("answerable", True):
            self.unanswerable += 1
            self.abstained_ok += abstained
            return "" if abstained else "answered"
        self.answerable += 1
        if abstained:
            self.false_abstained += 1
            return "abstained"
        if rank is None:
            return "missed"
        self.hit1 += rank == 0
        self.recall_3 += rank < 3
        self.recall_k += 1
        self.rr += 1 / (rank + 1)
        return f"rank {rank + 1}" if rank else ""

    def rates(self) -> dict[str, float]:
        a, u = self.answerable or 1, self.unanswerable or 1
        return {
            "hit1": self.hit1 / a,
            "recall_at_3": self.recall_3 / a,
            "recall_at_k": self.recall_k / a,
            "mrr": self.rr / a,
            "abstain": self.abstained_ok / u,
            "false_abstain": self.false_abstained / a,
        }


def evaluate(engine: Engine, gold: Path, k: int = 5, max_chars: int = 600) -> EvalReport:
    items = load_gold(gold)
    conv = Conversation(engine)
    r = EvalReport(items=len(items), k=k)
    tally = Tally()
    for n, it in enumerate(items):
        conv.reset()
        for h in it.get("history", []):
            conv.ask(h, k)
        ans = conv.ask(it["question"], k)
        rank = None if ans.abstained else gold_rank(it, [(h.text, h.source) for h in ans.hits], k, max_chars)
        why = tally.add(it, ans.abstained, rank)
        if why:
            top = ans.hits[0].text[:160] if ans.hits else ""
            r.misses.append(Miss(str(it.get("id", n + 1)), it["question"], why, top))
    r.answerable, r.unanswerable = tally.answerable, tally.unanswerable
    for name, value in tally.rates().items():
        setattr(r, name, value)
    return r
