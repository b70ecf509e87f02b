"""Measure hypernym evidence for the cover gate: can a question's missing head noun ("What *hardware*
...", "How much *compensation* ...") be excused because a best sentence names a kind or an instance of
it ("tanks", "damages")?  Two sources are measured, and neither is adopted unless it separates
answerable questions from near misses (bench/reports/equivalents.md, top section):

- the index's own embedding model: a document phrase's cosine with "a kind of <head>" (the probe the
  brief proposes), the best over the phrases of the best sentences that share no term with the
  question, as qa.equivalents.best_paraphrase chooses them;
- WordNet 3.0's noun hierarchy (hypernym and instance-hypernym pointers), read from a WNDB folder given
  with --wordnet (Debian's wordnet-base puts one at /usr/share/wordnet). No package on PyPI ships
  WordNet's relations (the report lists what was checked), so this is a measurement only: nothing in
  qa/ reads WordNet.

    python bench/fit_hypernyms.py --nd IDX [--wordnet /usr/share/wordnet] [--squad 1500] [--out F]

Data, as bench/fit_equivalents.py and bench/fit_cover.py build it: SQuAD dev answerable questions
(seed 0), each missing word whose role in the question is the asked slot's noun (qa.cover.roles:
"head"), against its answer's sentence (a positive: excusing it is right) and against the best
sentence of another paragraph of its article (a negative: a near miss, excusing it is wrong).
Rule for a threshold, as PARAPHRASE_COSINE's: the lowest that covers at most MAX_NEG_COVERED of the
negatives. Objective reported beside it, as bench/fit_cover.py's: near misses declined - 2 x
answerable declined, i.e. the change is 2 x positives excused - negatives excused.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import quality  # noqa: E402
from fit_cover import load  # noqa: E402
from fit_equivalents import squad_instances  # noqa: E402

from index.lexical import terms, words  # noqa: E402
from qa import cover, equivalents, not_mentioned  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.session import Conversation  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"

MAX_NEG_COVERED = 0.02  # as bench/fit_equivalents.py's MAX_FALSE_COVER
NET_COST = 2.0  # as bench/fit_cover.py
PROBE = "a kind of {}"
COS_GRID = [round(0.3 + 0.025 * i, 3) for i in range(21)]  # 0.3 .. 0.8
DEPTHS = range(1, 9)

Instance = tuple[str, str, list[str]]  # question, missing head word, sentences


def heads_only(inst: Iterable[Instance]) -> list[Instance]:
    """The instances whose missing word is the asked slot's noun (qa.cover.roles "head").

    Args:
        inst: (question, missing word, sentences).
    Returns:
        Those whose word has the role "head" in its question.
    """
    content: Callable[[str], bool] = lambda w: bool(terms(w))  # noqa: E731
    return [(q, w, s) for q, w, s in inst if cover.roles(q, content).get(w) == "head"]


class WordNet:
    """WordNet 3.0's noun hierarchy from a WNDB folder (index.noun, data.noun, noun.exc).

    Args:
        root: the folder holding the WNDB files.
    """

    def __init__(self, root: Path) -> None:
        self.lemmas: dict[str, list[str]] = {}  # synset offset -> lemmas
        self.parents: dict[str, list[str]] = {}  # synset offset -> hypernym and instance-hypernym offsets
        for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence header
            f = line.split("|")[0].split()
            n = int(f[3], 16)
            self.lemmas[f[0]] = [f[4 + 2 * i].lower() for i in range(n)]
            at = 4 + 2 * n
            pointers = f[at + 1 : at + 1 + 4 * int(f[at])]
            self.parents[f[0]] = [
                pointers[i + 1]
                for i in range(0, len(pointers), 4)
                if pointers[i] in ("@", "@i") and pointers[i + 2] == "n"
            ]
        self.senses: dict[str, list[str]] = {}  # lemma -> synset offsets
        for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
            if not line.startswith("  "):
                f = line.split()
                self.senses[f[0]] = f[-int(f[2]) :]
        self.irregular = dict(
            tuple(line.split()[:2]) for line in (root / "noun.exc").read_text(encoding="latin-1").splitlines()
        )

    def bases(self, word: str) -> list[str]:
        """The lemmas WordNet has for a folded word or phrase ("tanks" -> "tank", "fighter jets")."""
        w = word.replace(" ", "_")
        out = [w, self.irregular.get(w, w)]
        out += [
            w[: -len(s)] + r
            for s, r in (("ies", "y"), ("es", ""), ("s", ""))
            if w.endswith(s) and len(w) > len(s) + 2
        ]
        return [b for b in dict.fromkeys(out) if b in self.senses]

    def ancestors(self, word: str, depth: int) -> dict[str, int]:
        """The lemmas above any sense of `word`, each with its least number of steps (1 = parent)."""
        out: dict[str, int] = {}
        front = [(o, 0) for b in self.bases(word) for o in self.senses[b]]
        while front:
            o, d = front.pop()
            if d > 0:
                for lemma in self.lemmas[o]:
                    out[lemma] = min(out.get(lemma, d), d)
            if d < depth:
                front += [(p, d + 1) for p in self.parents[o]]
        return out

    def hyponym_depth(self, head: str, sentences: Iterable[str], question: str, depth: int) -> int | None:
        """The fewest steps from a word or word pair of `sentences` (none of the question's) up to `head`.

        Args:
            head: the question's missing head noun.
            sentences: the best sentences.
            question: the question (its own words are no evidence).
            depth: the most steps counted.
        Returns:
            The steps, or None when no sentence word lies under `head` within `depth`.
        """
        heads = set(self.bases(head))
        asked = set(words(question))
        best: int | None = None
        for s in sentences:
            ws = words(s)
            for cand in {*ws, *(f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False))} - asked:
                up = self.ancestors(cand, depth)
                for h in heads & up.keys():
                    best = up[h] if best is None else min(best, up[h])
        return best


def bot_heads(engine: Engine, items: list[dict[str, Any]]) -> list[tuple[str, str, list[str], bool]]:
    """The head words the cover gate declines, each asked as `qa chat` asks it, with the three best
    sentences the gate read (not_mentioned._uncovered's), for questions not rewritten by the conversation.

    Args:
        engine: the open index.
        items: gold items (question, history, answerable).
    Returns:
        (question as searched, declining word, best sentences, answerable) per declining word.
    """
    seen: list[tuple[str, list[str], list[str], bool]] = []
    original = not_mentioned._uncovered

    def spy(
        eng: Engine, question: str, missing: list[str], top: list[Any], rewritten: bool = False
    ) -> list[str]:
        out = original(eng, question, missing, top, rewritten)
        sents = [s.passage.text[s.highlight[0] : s.highlight[1]] for s in top[:3]]
        seen.append((question, out, sents, rewritten))
        return out

    found = []
    not_mentioned._uncovered = spy  # type: ignore[assignment]
    try:
        conv = Conversation(engine)
        for it in items:
            quality.replay_history(conv, it)
            seen.clear()
            conv.ask(it["question"], 5)
            if seen and not seen[-1][3]:
                q, out, sents, _ = seen[-1]
                found += [(q, w, sents, bool(it.get("answerable", True))) for w in out]
    finally:
        not_mentioned._uncovered = original  # type: ignore[assignment]
    return found


def probe_scores(engine: Engine, inst: list[Instance]) -> list[float]:
    """Each instance's best cosine between a sentence phrase (sharing no question term) and the probe.

    Args:
        engine: an open index (its embedder).
        inst: (question, head, sentences).
    Returns:
        One cosine per instance (0.0 without candidates).
    """
    has_terms: Callable[[str], bool] = lambda w: bool(terms(w))  # noqa: E731
    cands = []
    for q, _, sents in inst:
        qt = set(terms(q))
        cands.append([c for c in equivalents.document_phrases(sents, has_terms) if not set(terms(c)) & qt])
    texts = list(dict.fromkeys([PROBE.format(w) for _, w, _ in inst] + [c for cs in cands for c in cs]))
    vecs = dict(zip(texts, engine.embedder.encode(texts), strict=True))
    out = []
    for (_, w, _), cs in zip(inst, cands, strict=True):
        if not cs:
            out.append(0.0)
            continue
        out.append(float((np.stack([vecs[c] for c in cs]) @ vecs[PROBE.format(w)]).max()))
    return out


def _hit(x: float | None, t: float, at_most: bool) -> bool:
    """Whether a score covers at threshold `t` (<= for a WordNet depth, >= for a cosine)."""
    return x is not None and (x <= t if at_most else x >= t)


def covered_table(
    pos: list[float | None], neg: list[float | None], grid: Iterable[float], at_most: bool
) -> list[str]:
    """Markdown rows: threshold, positives covered, negatives covered, the objective's change.

    Args:
        pos, neg: a score per instance (None: never covered).
        grid: thresholds.
        at_most: a score covers when <= the threshold (WordNet depth) rather than >= (cosine).
    Returns:
        One row per threshold.
    """
    rows = []
    for t in grid:
        p, n = sum(_hit(x, t, at_most) for x in pos), sum(_hit(x, t, at_most) for x in neg)
        rows.append(
            f"| {t:g} | {p}/{len(pos)} = {p / max(len(pos), 1):.3f} | {n}/{len(neg)} = {n / max(len(neg), 1):.3f}"
            f" | {NET_COST * p - n:+g} |"
        )
    return rows


def lowest_within(neg: list[float], grid: Iterable[float]) -> float | None:
    """The lowest cosine covering at most MAX_NEG_COVERED of the negatives, or None."""
    return next((t for t in grid if sum(x >= t for x in neg) / max(len(neg), 1) <= MAX_NEG_COVERED), None)


def report(
    sets: Mapping[str, tuple[list[Instance], list[Instance]]], engine: Engine, wn: WordNet | None
) -> str:
    """The report section: the probe's and WordNet's coverage of positives and negatives per data set."""
    lines = ["## Hypernym evidence for the cover gate (bench/fit_hypernyms.py)", ""]
    for name, (pos, neg) in sets.items():
        ps, ns = probe_scores(engine, pos), probe_scores(engine, neg)
        best = lowest_within(ns, COS_GRID)
        lines += [
            f"### {name}: {len(pos)} answerable / {len(neg)} near-miss instances of a missing head noun",
            "",
            f'Model probe (cosine of a sentence phrase with "{PROBE.format("<head>")}"); lowest cosine covering'
            f" at most {MAX_NEG_COVERED:.0%} of negatives: {best}.",
            "",
            "| cosine >= | answerable excused | near misses excused | objective change |",
            "|---|---|---|---|",
            *covered_table(list(ps), list(ns), COS_GRID[::2], at_most=False),
            "",
        ]
        if wn is not None:
            pd = [wn.hyponym_depth(w, s, q, max(DEPTHS)) for q, w, s in pos]
            nd = [wn.hyponym_depth(w, s, q, max(DEPTHS)) for q, w, s in neg]
            lines += [
                "WordNet 3.0 (a sentence word or word pair under the head noun within the depth):",
                "",
                "| depth <= | answerable excused | near misses excused | objective change |",
                "|---|---|---|---|",
                *covered_table(list(pd), list(nd), DEPTHS, at_most=True),
                "",
            ]
        if len(pos) + len(neg) <= 20:
            for kind, inst, sc in (("answerable", pos, ps), ("near miss", neg, ns)):
                for (q, w, s), x in zip(inst, sc, strict=True):
                    d = wn.hyponym_depth(w, s, q, max(DEPTHS)) if wn is not None else None
                    lines.append(f"- {kind}: {q!r} head {w!r}: probe {x:.2f}, WordNet depth {d}")
            lines.append("")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nd", type=Path, required=True, help="any index (its embedder is used)")
    ap.add_argument("--wordnet", type=Path, default=None, help="a WNDB folder (measurement only)")
    ap.add_argument("--squad", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pf", type=Path, default=None, help="index of index/article.txt + bench/data/articles")
    ap.add_argument("--art", type=Path, default=None, help="index of the bundled article")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    engine = Engine.open(args.nd)
    wn = WordNet(args.wordnet) if args.wordnet is not None else None
    pos, neg = squad_instances(args.squad, args.seed)
    sets = {
        f"SQuAD dev ({args.squad} answerable questions, seed {args.seed})": (heads_only(pos), heads_only(neg))
    }
    if args.pf is not None and args.art is not None:
        inst = [
            *bot_heads(Engine.open(args.pf), load(REPO / "bench/data/paraphrase_fit.jsonl")),
            *bot_heads(engine, load(SHARED / "news-dev/gold.jsonl")),
            *bot_heads(Engine.open(args.art), load(REPO / "bench/data/fit_questions.jsonl")),
            *bot_heads(Engine.open(args.art), load(SHARED / "seed_dev.jsonl")),
        ]
        sets[
            "the bot's fit sets (paraphrase_fit, news-dev, fit_questions, seed_dev): heads the gate declines"
        ] = (
            [(q, w, s) for q, w, s, a in inst if a],
            [(q, w, s) for q, w, s, a in inst if not a],
        )
    text = report(sets, engine, wn)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
