"""Fact follow-ups with pronouns, made from public questions the rules were not written on.

    python bench/followups_fact.py                       # report to bench/reports/followups_fact.md
    python bench/followups_fact.py --index /tmp/sq --limit 150 --report /tmp/ff.md   # iterating

The SQuAD v1.1 dev questions (../shared/eval/squad-v1.1-dev, crowd-written, 48 Wikipedia articles,
one index of all of them) come in runs about one paragraph. Two consecutive questions of a paragraph
make a conversation when the second names an entity that the first also names ("asked": "What did
Tesla invent?" then "Where was Tesla born?") or that is the first one's gold answer ("answer": "Who
won Super Bowl 50?" then "Who did the Denver Broncos beat?"). The follow-up is the second question
with that name replaced by the pronoun a reader would use: "he"/"she" when the article refers to the
entity by that pronoun (him, his ...), "they" for a plural ("the Broncos were"), "it" otherwise;
written as subject, object or possessive by the name's place in the question. Entities the article
refers to by both "he" and "she", or too seldom to tell, are left out: the pronoun would be a guess.

Each follow-up is asked three ways, over the same index:

* history:  after the first question, in one conversation (what the bot does);
* ceiling:  the second question as written, with the name, on its own;
* floor:    the follow-up on its own, with no history (no rewrite can help).

Hit@1 is score.py's: the top passage is from the gold question's article and holds one of its gold
answers. Reported by kind (asked/answer) and pronoun, over all conversations and over those whose
first answer was right ("answer" follow-ups can only be resolved from a right first answer).

The pronoun is chosen here by this script's own reading of the article, apart from
qa.referents.gender_in, so that the bench does not grade the bot's gender reading by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa import config, followup  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.session import Conversation  # noqa: E402
from qa.types import Answer  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"

# Words that start a question or join a name, never a name of their own (this script's list).
_NOT_NAME = set(
    "what which who whom whose when where why how did does do is was are were has have had will would "
    "can could in on at of for the a an by from to and or as with after before during since about "
    "in what year name according besides other".split()
)
_NAME = re.compile(
    r"(?<![\w'’-])(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|de\s+|von\s+|van\s+)?[A-Z0-9][\w.’'-]*)*"
)
_SUBJ_BEFORE = set("did does do is was are were has have had will would can could should may might".split())
_DO_AUX = set("did does do will would can could should may might must has have had".split())
_BE_AUX = set("is was are were".split())
_FUNCTION = set(
    "in on at of for to from with by and or that which who whom than as into over under during after before "
    "since about against between".split()
)
_PRON = {  # pronoun: (subject, object, possessive)
    "he": ("he", "him", "his"),
    "she": ("she", "her", "her"),
    "it": ("it", "it", "its"),
    "they": ("they", "them", "their"),
}


@dataclass
class Case:
    qid: str
    kind: str  # "asked" or "answer"
    pronoun: str  # "he", "she", "it", "they"
    first: str
    first_answers: list[str]
    second: str  # the second question as written, with the name
    follow: str  # the second question with the name replaced by the pronoun
    name: str
    doc: str
    answers: list[str]
    searched: str = ""
    hit_first: bool = False
    hit: bool = False
    hit_ceiling: bool = False
    hit_floor: bool = False
    top: str = ""


def doc_file(doc_id: str) -> str:
    """The file name ../shared/eval/score.py gives a corpus document (so that hits are judged alike)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "__", doc_id) + ".txt"


def norm(text: str) -> str:
    """Text as score.py compares it: lower case, punctuation and articles dropped, spaces collapsed."""
    text = text.lower()
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\b(?:a|an|the)\b", " ", text)
    return " ".join(text.split())


def names(question: str) -> list[str]:
    """Capitalised name runs of a question, a leading "the" kept, question words dropped."""
    out = []
    for m in _NAME.finditer(question):
        toks = m.group().split()
        while toks and toks[0].lower() in _NOT_NAME and toks[0] != "the":
            toks = toks[1:]
        if toks and toks[0] == "the" and len(toks) > 1 and toks[1].lower() in _NOT_NAME:
            toks = toks[2:]
        name = " ".join(toks).rstrip(".’'")
        name = re.sub(r"['’]s$", "", name)
        if name and re.search(r"[A-Z]", name) and not re.fullmatch(r"(?:the\s+)?\d+", name):
            out.append(name)
    return out


def pronoun_for(name: str, text: str) -> str | None:
    """The pronoun this article uses for `name`, or None when unsure.

    A mention is personal when a "he"/"she" follows it in the rest of its sentence or the next one.
    "he"/"she": at least two mentions, two in five or more of them personal, one gender three times
    as often as the other. "they": a plural-looking name the article writes with a plural verb at
    least as often as a singular one. "it": no mention personal at all. A name the article
    never writes in mid-sentence capitals (a common noun opening the question) is left out.
    """
    bare = re.sub(r"^the\s+", "", name)
    if re.match(r"(?:Sir|Lady|Lord|Dame|Mr|Mrs|Ms|Dr)\b", bare):
        return None  # a person whatever the pronoun count says
    if not re.search(rf"[a-z,;(] (?:the )?{re.escape(bare)}\b", text):
        return None
    keys = {bare, bare.split()[-1]} if len(bare.split()) > 1 else {bare}
    rx = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")\b"
    )
    he = she = personal = mentions = 0
    sing = plur = 0
    for m in rx.finditer(text):
        mentions += 1
        after = text[m.end() : m.end() + 400]
        ends = [e.end() for e in re.finditer(r"[.!?]\s", after)][:2]
        window = after[: ends[-1]] if ends else after
        h = len(re.findall(r"\b(?:he|him|his|himself)\b", window, re.I))
        s = len(re.findall(r"\b(?:she|her|hers|herself)\b", window, re.I))
        he, she = he + h, she + s
        personal += bool(h or s)
        nxt = re.match(r"\s+(is|was|has|are|were|have)\b", after)
        if nxt:
            sing += nxt.group(1) in ("is", "was", "has")
            plur += nxt.group(1) in ("are", "were", "have")
    if not mentions:
        return None
    looks_plural = bool(re.search(r"[a-z]s$", bare)) and not re.search(r"(?:ss|us|is|ics)$", bare)
    if looks_plural and plur >= sing:
        return "they"
    if mentions >= 2 and personal * 5 >= mentions * 2:
        if he >= 2 and she * 3 <= he:
            return "he"
        if she >= 2 and he * 3 <= she:
            return "she"
        return None
    if not personal and not looks_plural:
        return "it"
    return None


def with_pronoun(question: str, name: str, pronoun: str, text: str = "") -> str | None:
    """`question` with its one mention of `name` replaced by `pronoun` in the right case; None when
    the name is not there exactly once, or is a modifier ("the Yuan armies", "Harvard graduates"),
    which no pronoun can replace."""
    bare = re.sub(r"^the ", "", name)
    spots = list(re.finditer(rf"(?<![\w-])(?:the\s+)?{re.escape(bare)}(['’]s?)?(?![\w-])", question))
    if len(spots) != 1:
        return None
    m = spots[0]
    subj, obj, poss = _PRON[pronoun]
    before = question[: m.start()].split()
    prev = before[-1].lower() if before else ""
    nxt = re.match(r"\s+([a-z][\w-]*)", question[m.end() :])
    if prev in ("the", "a", "an", "its", "his", "her", "their"):
        return None  # "the Master" in "the female Master": no pronoun takes an article
    if nxt and re.search(rf"\b{re.escape(bare)}\s+{re.escape(nxt.group(1))}\b", text, re.I):
        return None  # "the Ottoman empire": the article writes the name with that noun
    if nxt and not m.group(1) and nxt.group(1) not in _FUNCTION:
        # A lower-case word after the name: its verb after "did/does/will ...", a participle after
        # "is/was ...", else the name modifies a noun.
        plural_noun = re.search(r"[^s]s$", nxt.group(1)) is not None  # "does it chloroplasts"
        verb_next = (prev in _DO_AUX and not plural_noun) or (
            prev in _BE_AUX and re.search(r"(?:ed|en|wn|ing|t)$", nxt.group(1))
        )
        if not verb_next:
            return None
    if m.group(1):
        word = poss
    elif not before or prev in _SUBJ_BEFORE or prev in ("what", "who", "which"):
        word = subj
    else:
        word = obj
    if m.start() == 0:
        word = word[:1].upper() + word[1:]
    return question[: m.start()] + word + question[m.end() :]


def cases(shared: Path, seed: int, limit: int) -> list[Case]:
    """Conversations from consecutive SQuAD dev questions of one paragraph (see the module doc)."""
    corpus = shared / "squad-v1.1-dev"
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, (corpus / "docs.jsonl").open(encoding="utf-8"))}
    rows = [json.loads(line) for line in (corpus / "questions.jsonl").open(encoding="utf-8")]
    out: list[Case] = []
    for a, b in zip(rows, rows[1:], strict=False):
        if a["paragraph_id"] != b["paragraph_id"] or not b["answerable"]:
            continue
        q1, q2 = a["question"].strip(), b["question"].strip()
        shared_names = [n for n in names(q2) if re.sub(r"^the ", "", n) in q1]
        kind = "asked"
        if not shared_names:
            given = [x for x in a["answers"] if x[:1].isupper() and len(x) > 2 and x in q2]
            shared_names = sorted(given, key=len, reverse=True)[:1]
            kind = "answer"
        if not shared_names:
            continue
        name = max(shared_names, key=len)
        if any(norm(name) and norm(name) in norm(x) for x in b["answers"]):
            continue  # the name is the answer to the second question itself
        pronoun = pronoun_for(name, texts[b["doc_id"]])
        if pronoun == "it" and kind == "answer" and re.match(r"\s*who\b", q1, re.I):
            pronoun = None  # the answer to "Who ...?" is a person the article gave no pronoun
        if pronoun is None:
            continue
        follow = with_pronoun(q2, name, pronoun, texts[b["doc_id"]])
        if follow is None or follow == q2:
            continue
        out.append(
            Case(
                b["qid"],
                kind,
                pronoun,
                q1,
                a["answers"],
                q2,
                follow,
                name,
                doc_file(b["doc_id"]),
                b["answers"],
            )
        )
    random.Random(seed).shuffle(out)
    return sorted(out[:limit], key=lambda c: c.qid) if limit else out


def hit(answer: Answer, doc: str, answers: list[str]) -> bool:
    """score.py's hit@1: the top passage comes from `doc` and holds a gold answer."""
    if answer.abstained or not answer.hits:
        return False
    top = answer.hits[0]
    golds = [norm(x) for x in answers]
    return os.path.basename(top.source) == doc and any(g in norm(top.text) for g in golds)


def score(engine: Engine, items: list[Case]) -> None:
    """Ask every case three ways (history, ceiling, floor), filling in its hits."""
    for c in items:
        conv = Conversation(engine)
        c.hit_first = hit(conv.ask(c.first), c.doc, c.first_answers)
        got = conv.ask(c.follow)
        c.searched, c.hit = got.searched, hit(got, c.doc, c.answers)
        c.top = got.hits[0].text[:140] if got.hits else "(declined)"
        c.hit_ceiling = hit(Conversation(engine).ask(c.second), c.doc, c.answers)
        c.hit_floor = hit(Conversation(engine).ask(c.follow), c.doc, c.answers)


def table(items: list[Case]) -> list[str]:
    """Rows of hit@1 by kind and pronoun: history, ceiling, floor; and after a right first answer."""

    def row(label: str, cs: list[Case]) -> str:
        right = [c for c in cs if c.hit_first]
        f = lambda xs, a: f"{sum(getattr(c, a) for c in xs) / len(xs):.3f}" if xs else "n/a"  # noqa: E731
        return (
            f"| {label} | {len(cs)} | {f(cs, 'hit')} | {f(cs, 'hit_ceiling')} | {f(cs, 'hit_floor')} "
            f"| {len(right)} | {f(right, 'hit')} | {f(right, 'hit_ceiling')} |"
        )

    out = [
        "| conversations | n | history | ceiling (name) | floor (no rewrite) | n (first right) "
        "| history (first right) | ceiling (first right) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in ("asked", "answer"):
        out.append(row(kind, [c for c in items if c.kind == kind]))
    for p in ("he", "she", "it", "they"):
        out.append(row(f'"{p}"', [c for c in items if c.pronoun == p]))
    out.append(row("**all**", items))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="conversations asked (0: all)")
    ap.add_argument("--model", default=None)
    ap.add_argument(
        "--index", type=Path, default=Path("/tmp/followups_fact_index"), help="reused if it exists"
    )
    ap.add_argument("--report", type=Path, default=REPO / "bench" / "reports" / "followups_fact.md")
    ap.add_argument("--show", type=int, default=40, help="misses listed in the report")
    ap.add_argument("--json", type=Path, default=None, help="also write every case here")
    args = ap.parse_args()

    items = cases(args.shared, args.seed, args.limit)
    t0 = time.perf_counter()
    if not args.index.exists():
        from index.build import build

        folder = args.index.parent / (args.index.name + "-docs")
        folder.mkdir(parents=True, exist_ok=True)
        for line in (args.shared / "squad-v1.1-dev" / "docs.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            (folder / doc_file(d["doc_id"])).write_text(d["text"], encoding="utf-8")
        build([folder], args.index, model=args.model, cache_dir=config.model_cache_dir())
    engine = Engine.open(args.index)
    score(engine, items)
    took = time.perf_counter() - t0
    # Rewrites only: a follow-up searched as typed is the bench's wording, not the bot's.
    garbled = [(c, why) for c in items if c.searched != c.follow and (why := followup.garbled(c.searched))]
    if args.json:
        args.json.write_text("\n".join(json.dumps(c.__dict__) for c in items) + "\n", encoding="utf-8")
    cmd = "python bench/followups_fact.py" + "".join(
        f" --{k} {v}" for k, v in (("seed", args.seed), ("limit", args.limit)) if v
    )
    lines = [
        "# Fact follow-ups with pronouns (SQuAD v1.1 dev conversations)",
        "",
        f"`{cmd}` ({len(items)} conversations, {took:.0f} s; embedder: {args.model or 'the default model'})",
        "",
        *table(items),
        "",
        f"Pronouns: {dict(Counter(c.pronoun for c in items))}; kinds: {dict(Counter(c.kind for c in items))}. "
        f"Garbled rewrites (qa.followup.garbled): {len(garbled)}"
        + "".join(f"; {c.searched!r} ({why})" for c, why in garbled)
        + ".",
        "",
        "## Misses where the ceiling hits (the name asked hits, the follow-up does not)",
        "",
    ]
    miss = [c for c in items if c.hit_ceiling and not c.hit]
    for c in miss[: args.show]:
        lines += [
            f"- {c.qid} [{c.kind}, {c.pronoun}{', first right' if c.hit_first else ', first wrong'}] "
            f"{c.first!r} -> {c.follow!r} (name: {c.name!r})",
            f"  - searched: {c.searched!r}",
            f"  - top: {c.top!r}",
        ]
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:16]))


if __name__ == "__main__":
    main()
