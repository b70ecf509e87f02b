"""Plainly off-topic questions with answerable twins, generated from PolNeAR train articles (issue 9).

    python bench/offtopic_polnear.py                          # 60 articles (seed 0), report to stdout
    python bench/offtopic_polnear.py --dump /tmp/o.jsonl      # also one line per question (evidence)
    python bench/offtopic_polnear.py --out bench/reports/offtopic_polnear.md
    python bench/offtopic_polnear.py --off qa.asked_name.LOWER_CASE --set qa.abstain.OFFTOPIC_LOW_DENSE=0  # before

"Who directed the godfather?" answered from an article on Syria (it holds "in direct opposition") is
the worst failure a user sees. This set asks questions of that shape over real news, with twins.
Over bench/polnear_speaker_questions.py's fixed sample of train articles (never news-dev's, never dev
or test), sorted by name and split alternately into halves "a" and "b", only half "a" is indexed:

- who (twins, answerable): "Who <verb> the <noun phrase>?" made from a sentence of a half-"a" article
  ("... Smith, who chaired the ethics committee." gives "Who chaired the ethics committee?"): the
  subject (a capitalised name right before a past-tense verb and "the"/"a") is the answer; the
  phrase ends at a punctuation mark or a preposition and its last word is rarer than HEAD_ZIPF (a specific thing);
- off-who (unanswerable): the same questions made from half-"b" articles (whatever the verb's
  subject), asked of half "a": the question's verb or a word of its noun phrase is often in the
  index, its subject matter is not;
- off-squad (unanswerable): SQuAD v1.1 dev questions (Wikipedia: sport, science, history), asked of
  the news index: general-knowledge questions about something else;
- speaker (twins, answerable): polnear_speaker_questions' answerable questions of half "a";
- off-speaker (unanswerable): its answerable questions of half "b" ("What did <X> say about <w>?",
  X quoted only in half "b"), asked of half "a": a person the index never quotes, or never names;
- speaker-lc, off-speaker-lc: the same two, in lower case without "?", as users type them.

Each question is asked alone (no history) in-process. Reported per kind: the share declined (for the
answerable kinds that is false abstention) and hit@1 of the answerable ones; `--dump` writes each
question's outcome, reason and the off-topic gate's evidence (qa.rank.offtopic_evidence) where the
gate read it, for bench/fit_offtopic.py. Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as psq  # noqa: E402
import quality  # noqa: E402

from qa import not_mentioned  # noqa: E402
from qa.evaluate import gold_rank  # noqa: E402
from qa.session import Conversation  # noqa: E402

# "<Name> <verb>ed the|a <one to three lower-case words>": a who-question's subject, verb and object.
_WHO = re.compile(
    r"(?:\b(?P<subj>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),?(?: who)?(?: also)?(?: has| had| have)? |\b)"
    r"(?P<verb>[a-z]{3,}ed|won|lost|led|wrote|took|made|gave|beat|ran|built|sent|brought|held|met|sold|"
    r"bought|hit|struck|signed|chose|drew|fought|caught|won|broke|spent|shot|stole|threw) "
    r"(?P<np>(?:the|a|an|his|her|their|its) (?:[a-z]{3,} ){0,2}[a-z]{3,})(?=[.,;:)]| (?:in|at|on|for|to|by|with|after|before|during|last|this|as)\b)"
)
# A noun phrase cut after a word that does not end one ("a new", "the president's").
_NP_END = frozenset(
    "new old first last other more most such same former next many much few several this that these those "
    "for with from into about over than very his her their its our your".split()
)
_SKIP_SUBJ = frozenset(
    "The A An He She It They We I This That But And In On At For If As When State Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday".split()
)
_SKIP_VERB = frozenset("used needed seemed wanted asked called added noted stated".split())
PER_ARTICLE = 6  # who-questions per article at most
# The noun phrase's last word must be rarer than this (wordfreq zipf): "Who dismissed the whole
# kerfuffle?" asks about one thing, "Who made an issue?" about anything a political article holds.
HEAD_ZIPF = 4.5
OFF_SQUAD = 150  # SQuAD questions asked of the news index


def who_questions(doc_id: str, text: str, subject: bool = True) -> list[dict]:
    """The who-questions of one article (module docstring), gold the subject named in the text.

    Args:
        doc_id: the article's id (its file is <doc_id>.txt).
        text: the article's text.
        subject: only phrases whose subject is a name right before the verb (the answer); False:
            any subject (questions asked of other articles, unanswerable there).
    Returns:
        gold items (answerable, "doc" the article's file, "answers" the subject), PER_ARTICLE at most.
    """
    from wordfreq import zipf_frequency

    out: list[dict] = []
    seen: set[str] = set()
    for m in _WHO.finditer(text):
        subj, verb, np = m.group("subj") or "", m.group("verb"), m.group("np")
        if (
            (subject and not subj)
            or (subj and subj.split()[0] in _SKIP_SUBJ)
            or verb in _SKIP_VERB
            or np in seen
            or np.split()[-1] in _NP_END
        ):
            continue
        if zipf_frequency(np.split()[-1], "en") >= HEAD_ZIPF:
            continue  # a common head: the question would fit many articles
        seen.add(np)
        out.append(
            {
                "id": f"{doc_id}:who:{len(out)}",
                "question": f"Who {verb} {np}?",
                "answerable": True,
                "doc": f"{doc_id}.txt",
                "answers": [subj],
            }
        )
        if len(out) >= PER_ARTICLE:
            break
    return out


def build(articles: int, seed: int) -> tuple[object, dict[str, list[dict]]]:
    """The half-"a" index and the questions of each kind (module docstring)."""
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in psq.NEWS_DEV.iterdir()}
    all_docs = [d for d in psq._read("docs.jsonl.gz") if d["doc_id"] not in in_dev]
    rng = random.Random(seed)
    docs = sorted(rng.sample(all_docs, articles), key=lambda d: d["doc_id"])  # as psq.speaker_set
    ids = {d["doc_id"] for d in docs}
    atts = [a for a in psq._read("attributions.jsonl.gz") if a["doc_id"] in ids]
    speaker_items = psq.questions(docs, atts, rng)
    folder = quality.OUT / f"polnear-train-{articles}-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        f = folder / f"{d['doc_id']}.txt"
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    files = [folder / f"{d['doc_id']}.txt" for d in docs]
    half_a = files[0::2]
    engine = quality.index_of(f"{folder.name}-a", half_a, quantized=True)
    in_a = {p.stem for p in half_a}
    kinds: dict[str, list[dict]] = {"who": [], "off-who": [], "speaker": [], "off-speaker": []}
    for p in files:
        if p.stem in in_a:
            kinds["who"] += who_questions(p.stem, p.read_text(encoding="utf-8"))
        else:
            items = who_questions(p.stem, p.read_text(encoding="utf-8"), subject=False)
            kinds["off-who"] += [{**it, "answerable": False} for it in items]
    for it in speaker_items:
        if not it["answerable"] or "kind" in it:
            continue
        if it["article"] in in_a:
            kinds["speaker"].append(it)
        else:
            kinds["off-speaker"].append({**it, "answerable": False})
    # As users type them: all lower case ("what did pope francis say about refugees").
    for kind in ("speaker", "off-speaker"):
        kinds[kind + "-lc"] = [{**it, "question": it["question"].lower().rstrip("?")} for it in kinds[kind]]
    _, squad = quality.squad_items(OFF_SQUAD, seed)
    kinds["off-squad"] = [{**it, "answerable": False} for it in squad]
    return engine, kinds


def run(engine: object, kinds: dict[str, list[dict]]) -> list[dict]:
    """Ask every question alone; one record per question with the gate's evidence where read."""
    seen: list[tuple[float, float]] = []
    original = not_mentioned.offtopic_evidence

    def spy(*a: object, **k: object) -> tuple[float, float]:
        ev = original(*a, **k)  # type: ignore[arg-type]
        seen.append(ev)
        return ev

    not_mentioned.offtopic_evidence = spy  # type: ignore[assignment]
    conv = Conversation(engine)  # type: ignore[arg-type]
    rows = []
    try:
        for kind, items in kinds.items():
            for it in items:
                conv.reset()
                seen.clear()
                a = conv.ask(it["question"], 5)
                r = {
                    "kind": kind,
                    "question": it["question"],
                    "answerable": it["answerable"],
                    "abstained": a.abstained,
                    "reason": a.reason,
                    "evidence": list(seen[-1]) if seen else None,
                    "rank": None,
                }
                if it["answerable"] and not a.abstained:
                    r["rank"] = gold_rank(it, [(h.text, h.source) for h in a.hits], 5, 600)
                rows.append(r)
    finally:
        not_mentioned.offtopic_evidence = original  # type: ignore[assignment]
    return rows


def report(rows: list[dict], articles: int, seed: int) -> list[str]:
    """Per kind: questions, declined share, hit@1 of the answerable."""
    lines = [
        "# Off-topic questions and twins over PolNeAR train (bench/offtopic_polnear.py)",
        "",
        f'`python bench/offtopic_polnear.py --articles {articles} --seed {seed}`; half "a" indexed.',
        "",
        "| kind | answerable | questions | declined | hit@1 |",
        "|---|---|---|---|---|",
    ]
    for kind in dict.fromkeys(r["kind"] for r in rows):
        rs = [r for r in rows if r["kind"] == kind]
        ans = rs[0]["answerable"]
        declined = sum(r["abstained"] for r in rs) / len(rs)
        hit = f"{sum(r['rank'] == 0 for r in rs) / len(rs):.3f}" if ans else "-"
        lines.append(f"| {kind} | {ans} | {len(rs)} | {declined:.3f} | {hit} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dump", type=Path, help="write one JSON line per question here")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--kinds", nargs="+", help="ask only these kinds (default: all)")
    ap.add_argument("--off", action="append", default=[], metavar="MODULE.NAME", help="switch a boolean off")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE", help="set a number")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, args.set)
    engine, kinds = build(args.articles, args.seed)
    if args.kinds:
        kinds = {k: v for k, v in kinds.items() if k in args.kinds}
    rows = run(engine, kinds)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    quality.publish(report(rows, args.articles, args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
