"""Generated speaker questions for one class: reported words that come before their pronoun source and
name someone else ("He's leaning toward Kasich, he said", "But the Common Core was rolled out badly,
he said"), planted into PolNeAR train articles (develop on train only; never on dev or test).

    python bench/attribution_fronted_gen.py [--n 400] [--seed 0] [--show 20] [--report F]

Each case takes a train article, a speaker P the gold names there with a full name whose given name
tells the gender (index.attribution.names.given_gender), and another name Q of the same article (a
person of the same gender, or an organisation or thing: a "he"/"she" that may mean Q by gender alone).
It plants, as a paragraph of its own in the middle of the article, an introduction of P and then, in
one of four phrasings, words naming Q (never as their subject) before P's pronoun:

  object    "<P> spoke to reporters on Monday. <He> is leaning toward <Q>, <he> said."
  possessor "<P> spoke to reporters on Monday. The trouble with <Q>'s plan is its cost, <he> said."
  quoted    "<P> spoke to reporters on Monday. Backing <Q> is a “false choice,” <he> said."
  thing     "<P> spoke to reporters on Monday. But the <Q> plan was rolled out badly, <he> said."

The reported words are found by their span; the speaker is right when its surname is P's (the
scorer's rule). Printed: per phrasing, planted, found and right; a report file when --report is given.
"""

from __future__ import annotations

import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import planted  # noqa: E402
from fit_attribution import SHARED, load_scorer  # noqa: E402

from index.attribution.names import given_gender  # noqa: E402

PHRASINGS = ("object", "possessor", "quoted", "thing")


def _words(phrasing: str, q: str, pron: str) -> str:
    """The reported words of a phrasing, naming `q` (never as their subject)."""
    return {
        "object": f"{pron.capitalize()} is leaning toward {q}",
        "possessor": f"The trouble with {q}'s plan is its cost",
        "quoted": f"Backing {q} is a “false choice”",
        "thing": f"But the {q} plan was rolled out badly",
    }[phrasing]


def plant(text: str, p: str, q: str, pron: str, phrasing: str, rng: random.Random) -> tuple[str, int, int]:
    """`text` with P introduced and the fronted words planted as a paragraph in its middle.

    Args:
        text: the host article; p, q: the speaker's and the other's names; pron: "he" or "she";
        phrasing: one of PHRASINGS; rng: picks the paragraph boundary.
    Returns:
        (the new text, the reported words' start and end).
    """
    words = _words(phrasing, q, pron)
    intro = f"{p} spoke to reporters on Monday. "
    para = f"{intro}{words}, {pron} said."
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    mid = [b for b in breaks if len(text) * 0.25 <= b <= len(text) * 0.75] or breaks or [len(text)]
    at = rng.choice(mid)
    start = at + len(intro)
    return text[:at] + para + "\n\n" + text[at:], start, start + len(words)


def _cases(n: int, seed: int) -> list[tuple[str, str, str, str]]:
    """(doc, P, Q, pronoun) drawn from train: P a gold speaker with a gendered given name, Q another gold
    name of the same document of P's gender or of none."""
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    names: dict[str, set[str]] = collections.defaultdict(set)
    for g in gold:
        name = sc.gold_name(g, docs[g["doc_id"]])
        if name and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,2}", name):
            names[g["doc_id"]].add(name)
    rng = random.Random(seed)
    out: list[tuple[str, str, str, str]] = []
    for d in sorted(names):
        ps = sorted(names[d])
        rng.shuffle(ps)
        for p in ps:
            g = given_gender(p.split()[0].lower())
            if g not in ("m", "f"):
                continue
            others = [
                x
                for x in ps
                if sc.surname(x) != sc.surname(p) and given_gender(x.split()[0].lower()) in (g, "", "u", "n")
            ]
            if others:
                out.append((d, p, rng.choice(others), "he" if g == "m" else "she"))
                break
    rng.shuffle(out)
    return out[:n]


def run(n: int, seed: int, show: int) -> dict[str, tuple[int, int, int]]:
    """Plant the drawn cases in every phrasing and judge the speakers found.

    Args:
        n: cases drawn; seed: the draw; show: wrong cases printed.
    Returns:
        phrasing -> (planted, found, right).
    """
    sc = load_scorer()
    docs, _gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    rng = random.Random(seed + 1)
    tally: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    wrong: list[str] = []
    for d, p, q, pron in _cases(n, seed):
        for ph in PHRASINGS:
            text, s, e = plant(docs[d], p, q, pron, ph, rng)
            x = planted.found(text, s, e)
            t = tally[ph]
            t[0] += 1
            if x is None:
                wrong.append(f"[{ph}] MISSED {p!r} / {q!r}")
                continue
            t[1] += 1
            if sc.surname(x.speaker) == sc.surname(p):
                t[2] += 1
            else:
                wrong.append(f"[{ph}] {p!r} (other {q!r}) ours {x.speaker!r}")
    for w in wrong[:show]:
        print(w)
    return {k: (v[0], v[1], v[2]) for k, v in tally.items()}


def main() -> int:
    return planted.cli(__doc__ or "", 400, PHRASINGS, run)


if __name__ == "__main__":
    raise SystemExit(main())
