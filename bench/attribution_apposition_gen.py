"""Generated speaker questions for one class: a named source with an apposition before its verb
("Tom Fitton, the president of Judicial Watch, a conservative group that has sued ..., said"), planted
into other PolNeAR train articles (develop on train only; never on dev or test).

    python bench/attribution_apposition_gen.py [--n 600] [--seed 0] [--show 20] [--report F]

Sources: every train gold attribution whose source text opens with a capitalised name run, then a comma
and an apposition of at least two words (a role, a relative clause, a quoted title, another name
inside), whose opening name run is a full name (two words besides a title), and whose resolved speaker's surname is the last word of that opening name run (so the gold
itself is no reference error). Each is planted, as a paragraph of its own in the middle of another
train article (whose own persons compete), in one of four phrasings:

  report   "<source>, said that the plan would fail."
  told     "<source>, told reporters on Monday the plan would fail."
  quote    "“The plan will fail,” <source>, said."
  inverted "“The plan will fail,” said <source>."   (the apposition closed by a comma where news does)

The planted attribution is found by its content span; its speaker is right when its surname is the
gold's (the scorer's surname rule). Printed: per phrasing, found and right of planted; a report file
with the same table when --report is given.
"""

from __future__ import annotations

import collections
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import planted  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

_NAME_RUN = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
_OPENING = re.compile(rf"^({_NAME_RUN}),\s+(\S+\s+\S+.*)$", re.S)
_TITLES = frozenset("mr mrs ms dr sen rep gov president senator representative congressman".split())
PHRASINGS = ("report", "told", "quote", "inverted")
_CONTENT = {
    "report": "the plan would fail",
    "told": "the plan would fail",
    "quote": "The plan will fail",
    "inverted": "The plan will fail",
}


def _sources(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(doc, source text, gold name) of the train golds of the class, one per distinct source text."""
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    for g in gold:
        st = (g.get("source_text") or "").strip()
        m = _OPENING.match(st)
        # a full name (a bare surname would need the article that introduced it)
        full = bool(m) and len([w for w in m.group(1).split() if w.rstrip(".").lower() not in _TITLES]) >= 2
        if not m or not full or st in seen or len(st) > 220 or "\n" in st:
            continue
        name = sc.gold_name(g, docs[g["doc_id"]])
        if not name or sc.surname(name) != sc.surname(m.group(1)):
            continue
        seen.add(st)
        out.append((g["doc_id"], st, name))
    return out


def plant(text: str, source: str, phrasing: str, rng: random.Random) -> tuple[str, int, int]:
    """`text` with one sentence attributed to `source` planted as a paragraph in its middle.

    Args:
        text: the host article; source: the source phrase with its apposition; phrasing: one of PHRASINGS;
        rng: picks the paragraph boundary.
    Returns:
        (the new text, the planted content's start and end).
    """
    body = source.rstrip()
    if not re.search(r",\W*$", body):
        body += ","  # news closes an apposition with a comma before the verb
    content = _CONTENT[phrasing]
    if phrasing == "report":
        pre = f"{body} said that "
        sent = f"{pre}{content}."
    elif phrasing == "told":
        pre = f"{body} told reporters on Monday "
        sent = f"{pre}{content}."
    elif phrasing == "quote":
        pre = "“"
        sent = f"“{content},” {body} said."
    else:
        pre = "“"
        sent = f"“{content},” said {body.rstrip(',')}."
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    mid = [b for b in breaks if len(text) * 0.25 <= b <= len(text) * 0.75] or breaks or [len(text)]
    at = rng.choice(mid)
    new = text[:at] + sent + "\n\n" + text[at:]
    start = at + len(pre)
    return new, start, start + len(content)


def run(n: int, seed: int, show: int) -> dict[str, tuple[int, int, int]]:
    """Plant `n` sources per phrasing and judge the speakers found.

    Args:
        n: sources drawn (each planted in every phrasing); seed: the draw; show: wrong cases printed.
    Returns:
        phrasing -> (planted, found, right).
    """
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    rng = random.Random(seed)
    srcs = _sources(sc, docs, gold)
    rng.shuffle(srcs)
    srcs = srcs[:n]
    ids = sorted(docs)
    tally: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    wrong: list[str] = []
    for d, st, name in srcs:
        host = rng.choice([i for i in rng.sample(ids, 3) if i != d] or ids[:1])
        for ph in PHRASINGS:
            text, s, e = plant(docs[host], st, ph, rng)
            q = planted.found(text, s, e)
            t = tally[ph]
            t[0] += 1
            if q is None:
                wrong.append(f"[{ph}] MISSED gold {name!r}: {text[max(0, s - 200) : e + 20]!r}")
                continue
            t[1] += 1
            if sc.surname(q.speaker) == sc.surname(name):
                t[2] += 1
            else:
                wrong.append(f"[{ph}] gold {name!r} ours {q.speaker!r}: {st!r}")
    for w in wrong[:show]:
        print(w)
    return {k: (v[0], v[1], v[2]) for k, v in tally.items()}


def main() -> int:
    return planted.cli(__doc__ or "", 600, PHRASINGS, run)


if __name__ == "__main__":
    raise SystemExit(main())
