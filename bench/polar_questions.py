"""Yes/no questions generated from PolNeAR train articles, and the fit of qa.polar's ranking signals.

    python bench/polar_questions.py [--articles 25] [--seed 0] [--report bench/reports/polar.md]

A yes/no question is a statement to verify (qa.polar). From each narrative sentence (no quotation
marks) of the sample's articles (bench/polnear_speaker_questions.py's fixed sample of train articles,
indexed together) whose subject is a name ("Russia", "The White House", "Hillary Clinton") followed
by an auxiliary or a past-tense verb, it asks the statement back:

- "Russia has sent tanks to Syria" -> "Has Russia sent tanks to Syria?";
- "Obama also addressed the assembly" -> "Did Obama also address the assembly?" (the operator kept);
- "The leaders will meet on Monday" -> "Will the leaders meet on Monday?".

The verb phrase is cut at a clause boundary and at VP_WORDS words, so the question states the claim
and the passage says more. As readers ask, some are typed in lower case without a question mark and
some carry a framing adverb ("really", "ever", "actually"). The gold answer is the statement's words
as the article has them: the passage holding that sentence settles the question. Near misses ask a
statement from another article of a name this article uses ("unanswerable"): they must not be
answered more often than before.

Each configuration is scored in process (bench/quality.score, as ../shared/eval/score.py scores):
qa.query_reading.POLAR_FILLER off/on and Weights.settles over a grid. No PolNeAR text goes into the report:
it holds counts and figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index.attribution.words import SPEECH_VERBS  # noqa: E402

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_OPENERS = frozenset(
    "The This That It He She They We I You His Her Their But And If When What Whether Perhaps In On At "
    "For After Before As While Still Yet So Also Some Many Most One Two Three A An Mr Mrs Ms Dr There Here "
    "Neither Either Who Certainly Now Then Today Yesterday Last Next Both Each Every No Not Only Even".split()
)
_NAME = r"(?:The\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
_AUXES = "has|have|had|is|are|was|were|will|would|can|could"
_AUX_FORM = re.compile(rf"^(?P<s>{_NAME})\s+(?P<aux>{_AUXES})\s+(?P<also>also\s+)?(?P<vp>[a-z][^,;:\"“”]*)")
_PAST_FORM = re.compile(rf"^(?P<s>{_NAME})\s+(?P<also>also\s+)?(?P<v>[a-z]+ed)\s+(?P<vp>[a-z][^,;:\"“”]*)")
VP_WORDS = 7  # the verb phrase's words kept, at most
_VP_STOP = frozenset("that which who because if when while as than but and or after before since".split())
_VP_TAIL = frozenset(
    "the a an on in of for about after before with at by from into over his her their its to".split()
)
_SPEECH = frozenset(SPEECH_VERBS) | {"added", "noted", "asked", "argued", "claimed", "stated", "explained"}
FILLERS = ("really", "ever", "actually")


def _lemma(past: str) -> str | None:
    """The base form of a regular past tense ("announced" -> "announce", "stopped" -> "stop")."""
    from wordfreq import zipf_frequency

    stem = past[:-2]
    cands = [past[:-1], stem]
    if past.endswith("ied"):
        cands.append(past[:-3] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        cands.append(stem[:-1])
    best = max(cands, key=lambda c: zipf_frequency(c, "en"))
    return best if zipf_frequency(best, "en") >= 2.5 else None


def _vp(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in (w.rstrip(".!?") for w in words):
        if w in _VP_STOP or len(out) == VP_WORDS:
            break
        out.append(w)
    while out and (out[-1] in _VP_TAIL or out[-1] in {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "S"}):
        out.pop()
    return out


def statements(text: str) -> list[tuple[str, str, str]]:
    """The statements a yes/no question can be made of, in an article.

    Args:
        text: the article.
    Returns:
        (question, the statement as written in the article, subject) for each narrative sentence of
        the forms the module names.
    """
    out: list[tuple[str, str, str]] = []
    for m in _SENTENCE.finditer(text):
        sent = m.group().strip()
        if any(c in sent for c in "\"“”'‘’") and not re.search(r"\w['’]s\b", sent):
            continue
        if re.search(r"[\"“”]", sent):
            continue
        subj_first = sent.split()[0] if sent.split() else ""
        if subj_first in _OPENERS and not sent.startswith("The "):
            continue
        a = _AUX_FORM.match(sent)
        if a:
            vp = _vp(a.group("vp").split())
            if len(vp) < 2 or vp[0] in {"not", "never"}:
                continue
            s, aux, also = a.group("s"), a.group("aux"), "also " if a.group("also") else ""
            if s.split()[-1].lower() in _OPENERS_LOWER:
                continue
            subj = s[0].lower() + s[1:] if s.startswith("The ") else s
            q = f"{aux.capitalize()} {subj} {also}{' '.join(vp)}?"
            said = f"{s} {aux} {also}{' '.join(vp)}"
            out.append((q, said, s))
            continue
        p = _PAST_FORM.match(sent)
        if p and p.group("v") not in _SPEECH:
            base = _lemma(p.group("v"))
            vp = _vp(p.group("vp").split())
            if base is None or len(vp) < 1:
                continue
            s, also = p.group("s"), "also " if p.group("also") else ""
            subj = s[0].lower() + s[1:] if s.startswith("The ") else s
            q = f"Did {subj} {also}{base} {' '.join(vp)}?"
            out.append((q, f"{s} {also}{p.group('v')} {' '.join(vp)}", s))
    return out


_OPENERS_LOWER = frozenset(w.lower() for w in _OPENERS) - {"the"}


def _as_read(q: str, rng: random.Random) -> str:
    """The question as a reader might type it: lower case without "?" (a third), a framing adverb
    after the subject of a "Did"/"Has" question (a quarter)."""
    r = rng.random()
    if r < 0.25 and q.split()[0] in {"Did", "Has", "Have"}:
        words = q.split()
        # after the subject: before the first lower-case word past the auxiliary
        at = next((i for i in range(2, len(words)) if words[i][0].islower() and words[i] != "the"), None)
        if at is not None:
            words.insert(at, rng.choice(FILLERS))
            q = " ".join(words)
    if rng.random() < 0.33:
        q = q.rstrip("?").lower()
    return q


def polar_items(docs: dict[str, str], rng: random.Random, per_article: int = 12) -> list[dict]:
    """The generated yes/no questions and their near misses.

    Args:
        docs: article id -> text.
        rng: picks the statements and the reader's variants.
        per_article: statements per article, at most.
    Returns:
        Items as the eval sets have them, with "article" and "kind" ("polar", "polar-op" for one whose
        operator qa.polar reads, "near-miss").
    """
    from qa import polar

    out: list[dict] = []
    made = {d: statements(t) for d, t in sorted(docs.items())}
    for doc_id, found in made.items():
        seen: set[str] = set()
        picked = [x for x in found if not (x[1] in seen or seen.add(x[1]))]  # type: ignore[func-returns-value]
        for q, said, _ in rng.sample(picked, min(per_article, len(picked))):
            asked = _as_read(q, rng)
            kind = "polar-op" if polar.operators(asked) else "polar"
            out.append(
                {
                    "question": asked,
                    "history": [],
                    "answers": [said],
                    "answerable": True,
                    "article": doc_id,
                    "kind": kind,
                }
            )
        # near misses: this article's subject, another article's statement
        others = [x for d, f in made.items() if d != doc_id for x in f]
        if not found or not others:
            continue
        for _ in range(2):
            subj = rng.choice(found)[2]
            q, _, s = rng.choice(others)
            if subj.split()[-1] in docs[doc_id] and s != subj:
                rest = q.split(" ", 1)[1]
                s_q = s[0].lower() + s[1:] if s.startswith("The ") else s
                s_new = subj[0].lower() + subj[1:] if subj.startswith("The ") else subj
                asked = q.split(" ", 1)[0] + " " + rest.replace(s_q, s_new, 1)
                out.append(
                    {
                        "question": asked,
                        "history": [],
                        "answerable": False,
                        "article": doc_id,
                        "kind": "near-miss",
                    }
                )
    return out


def weight_settings(grid: str, subject_grid: str) -> Iterator[tuple[bool, float, float]]:
    """Each setting measured, set in qa.rank while the caller scores it; qa.rank's own restored after.

    Args:
        grid: comma-separated Weights.settles values.
        subject_grid: comma-separated Weights.subject values.

    Returns:
        (filler dropped, settles, subject): first the reading without qa.polar's changes, then the grid.
    """
    from qa import query_reading, rank

    old = (query_reading.POLAR_FILLER, rank.WEIGHTS)
    configs = [(False, 0.0, 0.0)] + [
        (True, w, v)
        for w in [float(x) for x in grid.split(",")]
        for v in [float(x) for x in subject_grid.split(",")]
    ]
    try:
        for filler, w, v in configs:
            query_reading.POLAR_FILLER = filler
            rank.WEIGHTS = replace(old[1], settles=w, subject=v)
            yield filler, w, v
    finally:
        query_reading.POLAR_FILLER, rank.WEIGHTS = old


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--grid", default="0,0.1,0.2,0.3,0.5", help="Weights.settles values")
    ap.add_argument("--subject-grid", default="0,0.1,0.2,0.3", help="Weights.subject values")
    ap.add_argument(
        "--vp-words", type=int, default=7, help="the verb phrase's words kept, at most (VP_WORDS)"
    )
    ap.add_argument("--report", type=Path)
    ap.add_argument("--dump", type=Path, help="write the generated items (JSONL) here, outside the project")
    args = ap.parse_args()

    globals()["VP_WORDS"] = args.vp_words

    import json

    import polnear_speaker_questions
    import quality

    engine, _ = polnear_speaker_questions.speaker_set(args.articles, args.seed)
    folder = quality.OUT / f"polnear-train-{args.articles}-{args.seed}"
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    items = polar_items(docs, random.Random(args.seed))
    if args.dump:
        args.dump.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    kinds = ("polar", "polar-op")
    counts = {k: sum(it["kind"] == k for it in items) for k in (*kinds, "near-miss")}
    lines = [
        "# Yes/no questions generated from PolNeAR train (bench/polar_questions.py)",
        "",
        f"`python bench/polar_questions.py --articles {args.articles} --seed {args.seed} "
        f"--vp-words {args.vp_words}`: "
        f"{len(docs)} articles, {counts['polar']} yes/no questions without an operator qa.polar reads, "
        f"{counts['polar-op']} with one, {counts['near-miss']} near misses (another article's statement "
        "of a name this article uses).",
        "",
        "| filler dropped | settles | subject | hit@1 all | hit@1 polar | hit@1 polar-op | recall@5 all | "
        "wrongly declined | near misses declined |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    answerable = [it for it in items if it["answerable"]]
    near = [it for it in items if not it["answerable"]]
    for filler, w, v in weight_settings(args.grid, args.subject_grid):
        r_all = quality.score(engine, answerable, None)
        r_k = {k: quality.score(engine, [it for it in answerable if it["kind"] == k], None) for k in kinds}
        r_near = quality.score(engine, near, None) if near else {"abstain": float("nan")}
        lines.append(
            f"| {filler} | {w} | {v} | {r_all['hit@1']:.3f} | {r_k['polar']['hit@1']:.3f} | "
            f"{r_k['polar-op']['hit@1']:.3f} | {r_all['recall@5']:.3f} | {r_all['false_abstain']:.3f} | "
            f"{r_near['abstain']:.3f} |"
        )
        print(lines[-1], flush=True)
    quality.publish(lines, args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
