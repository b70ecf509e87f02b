"""Typed fact questions generated from PolNeAR train articles: when, how long, what share, how many.

    python bench/typed_facts.py [--articles 40] [--seed 19] [--out bench/reports/typed_facts.md]
    python bench/typed_facts.py --set qa.rank.WEIGHTS.typed=0.5     # measure another weight

Issue 9's fact misses on news pages: the passage that states the asked value ranks second to fifth
behind one that shares the topic ("When was the Glass-Steagall Act passed?" ranked "... Dodd-Frank
Act, which was passed in 2010 as something of a modern-day version of Glass-Steagall" first;
"How long is the term Bradley won ...?" the lead that says she won "a full term", not the "10-year
term"). This set asks such questions of many articles nobody here read. A fixed random sample of
train articles (never news-dev's, never the speaker sample's) is indexed together; for each sentence
outside quotation marks that states a value bound to the words around it, one question is made by
pattern, its answer removed:

- when: "<Subject> was <verb>ed in|on <date>" -> "When was <Subject> <verb>ed?"; "<Name> <verb>ed
  ... on|in <date>" -> "When did <Name> <verb> <next words>?";
- how-long: "a <N>-year|-month|-page <noun>" -> "How long is the <noun> <Subject> <verb>ed?" and
  "<Subject> <verb>ed ... for <N> years" -> "How long did <Subject> <verb>?";
- share: "<N> percent of <noun phrase> <verb phrase>" -> "What share of <noun phrase> <verb phrase>?";
- how-many: the same sentence asked "How many <noun phrase> <verb phrase>?" (a share answers it);
- when-short, which-short: the same with the object cut to its first two words or so ("When did
  Sanders score a decisive?" is not English, "Which senator won the state?" is): fewer of the
  sentence's words, so the topic's other passages compete, as they do for a reader's question;
- which: "<the Gramm-Leach-Bliley Act> <verb>ed <object>" -> "Which law <verb>ed <object>?" (the
  name's head word gives its kind: Act a law, Party a party, Times a newspaper); "Sen. <Name>
  <verb>ed <object>" -> "Which senator <verb>ed <object>?" (the answer: the name).

Gold, as ../shared/eval/score.py scores: the top passage is from the question's article and holds
the answer as written. "Shared topic" counts the questions whose rarest content word is also in
another passage of the article: the passage that only shares the topic competes there.
Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402

from index.attribution.words import MONTH_RE  # noqa: E402

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs)|\b[A-Z])\.$"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = rf"(?:{MONTH_RE}\.? \d{{1,2}}(?:, (?:19|20)\d\d)?|{MONTH_RE} (?:19|20)\d\d|(?:19|20)\d\d|{_DAY})"
_SUBJ = (
    r"(?P<s>(?:[Tt]he )?(?:[A-Z][\w'’&-]+ ){0,3}[A-Z][\w'’&-]+(?: (?:Act|Party|Court|Committee|Department))?)"
)
_PASSIVE_DATE = re.compile(
    rf"\b{_SUBJ},? (?:which |who )?(?P<aux>was|were) (?:first |originally |later |also )?"
    rf"(?P<v>[a-z]{{3,}}(?:ed|en|wn|ld|lt))\b(?: [a-z]+){{0,3}}? (?:in|on) (?P<a>{_DATE})\b"
)
_IRREGULAR = {
    "began": "begin",
    "won": "win",
    "took": "take",
    "made": "make",
    "gave": "give",
    "met": "meet",
    "wrote": "write",
    "ran": "run",
    "left": "leave",
    "became": "become",
    "held": "hold",
    "lost": "lose",
    "sent": "send",
    "brought": "bring",
    "found": "find",
    "built": "build",
    "sold": "sell",
    "paid": "pay",
    "led": "lead",
    "spent": "spend",
    "struck": "strike",
    "broke": "break",
    "chose": "choose",
    "drew": "draw",
    "fell": "fall",
    "rose": "rise",
    "signed": "sign",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "hit": "hit",
}
_VERB = rf"(?:[a-z]{{3,}}ed|{'|'.join(_IRREGULAR)})"
_ACTIVE_DATE = re.compile(
    rf"\b{_SUBJ} (?:also |first |later |finally |then )?(?P<v>{_VERB})(?P<o>(?: [\w'’-]+){{1,8}}?),? (?:on|in|since) (?P<a>{_DATE})\b"
)
_UNIT = r"(?:year|month|week|day|hour|minute|page|mile)"
_NUM_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)"
_HYPHENED = re.compile(
    rf"\b(?:an?|the|its|his|her|their) (?P<a>{_NUM_WORD}-{_UNIT})(?:-long)? (?P<n>[a-z]{{4,}})\b"
)
_FOR_SPAN = re.compile(
    rf"\b{_SUBJ} (?:has |have |had )?(?P<v>[a-z]{{3,}}ed)(?P<o>(?: [\w'’-]+){{0,3}}?) for "
    rf"(?:more than |nearly |almost |about |over )?(?P<a>{_NUM_WORD} {_UNIT}s)\b"
)
_SUBJ_VERB = re.compile(rf"{_SUBJ} (?:has |have |had )?(?P<v>[a-z]{{3,}}ed)\b")
_BEEN_FOR = re.compile(
    rf"\b{_SUBJ} (?P<aux>has|have|had) been(?P<o>(?: [\w'’-]+){{1,4}}?) for "
    rf"(?:more than |nearly |almost |about |over )?(?P<a>{_NUM_WORD} {_UNIT}s)\b"
)
_SHARE = re.compile(
    r"\b(?P<a>\d[\d.]* ?(?:percent|per cent|%)) of (?P<np>(?:[a-z][\w'’-]* ){0,3}?[a-z]{3,}s) "
    r"(?P<vp>(?:(?:said|say|says|think|thinks|believe|believes|support|supports|favor|favors|favour|favours|"
    r"oppose|opposes|want|wants|view|views|approve|approves|disapprove|back|backs|prefer|prefers|"
    r"were|are|would|will|had|have|plan|plans|voted|agree|agreed)\b)(?: [\w'’-]+){1,6})"
)
# "Which law ...?", "Which senator ...?": a name whose own words say its kind ("the Gramm-Leach-Bliley
# Act", "Sen. Ted Cruz"), the subject of a verb; asked by that kind with the name removed.
_KIND_OF_HEAD = {
    "Act": "law",
    "Party": "party",
    "Agency": "agency",
    "Department": "department",
    "Committee": "committee",
    "Commission": "commission",
    "Court": "court",
    "University": "university",
    "Times": "newspaper",
    "Post": "newspaper",
    "Journal": "newspaper",
    "News": "news organisation",
    "Institute": "institute",
    "Foundation": "foundation",
    "Council": "council",
    "Bank": "bank",
    "Network": "network",
}
_NAMED_KIND = re.compile(
    rf"\b(?:[Tt]he )?(?P<name>(?:[A-Z][\w'’&.-]+ ){{1,4}}(?P<head>{'|'.join(_KIND_OF_HEAD)}))"
    rf" (?:has |had |have |also |then |later )?(?P<v>{_VERB})(?P<o>(?: [\w'’-]+){{2,7}})"
)
_ROLE_KIND = {
    "Sen.": "senator",
    "Rep.": "congressman",
    "Gov.": "governor",
    "senator": "senator",
    "governor": "governor",
    "Senator": "senator",
    "Governor": "governor",
    "Mayor": "mayor",
    "mayor": "mayor",
    "candidate": "candidate",
    "President": "president",
    "Secretary": "secretary",
    "Judge": "judge",
    "Justice": "justice",
}
_ROLE_NAME = re.compile(
    rf"\b(?P<role>{'|'.join(re.escape(r) for r in _ROLE_KIND)}) (?P<name>[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]{{2,}}),?"
    rf" (?:has |had |have |also |then |later )?(?P<v>{_VERB})(?P<o>(?: [\w'’-]+){{2,7}})"
)
_STOP_TAIL = frozenset(
    "the a an of to in on at for and or but that which who with by from as his her their its".split()
)
_OPENERS = frozenset(
    "The This That It He She They We I You His Her Their But And If When What Whether Perhaps In On At For With Having After Before".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _base(verb: str) -> str:
    """The plain form of a regular past tense ("passed" -> "pass", "dropped" -> "drop")."""
    from wordfreq import zipf_frequency

    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    stem = verb[:-2]
    options = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        options.append(stem[:-1])
    return max(options, key=lambda w: zipf_frequency(w, "en"))


def _trim(words: str) -> str:
    """Words cut at a dangling function word ("the bill to" -> "the bill")."""
    ws = words.split()
    while ws and (ws[-1].lower() in _STOP_TAIL or ws[-1] in {"Mr", "Mrs", "Ms", "Dr"}):
        ws.pop()
    return " ".join(ws)


def _short(words: str) -> str:
    """An object cut after its first run of content words ("a decisive victory in Iowa" -> "a decisive
    victory"; "the state in 2008 but lost it" -> "the state"): the question names the event, not its
    every word, as a reader who has not read the sentence would.

    Args:
        words: the object as the sentence has it.
    Returns:
        Its head phrase.
    """

    def content(w: str) -> bool:
        return w[:1].isalpha() and w.lower() not in _STOP_TAIL and w.lower() not in _PREPOSITIONS

    ws = words.split()
    k = next((i for i, w in enumerate(ws) if content(w) and len(w) > 2), None)
    if k is None:
        return " ".join(ws[:2])
    while k + 1 < len(ws) and content(ws[k + 1]):
        k += 1
    return " ".join(ws[: k + 1])


_PREPOSITIONS = frozenset(
    "into over under after before during since about against between than so because".split()
)


def _lower(subject: str) -> str:
    """A subject as written inside a question ("The UN" -> "the UN")."""
    return "the" + subject[3:] if subject.startswith("The ") else subject


def _quoted(sentence: str) -> bool:
    return any(c in sentence for c in '"“”')


def _subject_ok(subject: str) -> bool:
    first = subject.split()[0]
    return (
        first not in _OPENERS
        or first == "The"
        and len(subject.split()) > 1
        and subject.split()[1][0].isupper()
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence: lines cut after ".", "!" or "?" before a capital, not after
    an abbreviation ("Mr.", "Nov.", "U.S.")."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", line.group(0)):
            end = line.start() + m.start() + 1
            if _ABBREV.search(text[max(start, end - 6) : end]):
                continue
            out.append((start, end))
            start = line.start() + m.end()
        out.append((start, line.end()))
    return out


def questions_of(doc_id: str, text: str) -> list[dict]:
    """The typed questions of one article.

    Args:
        doc_id: the article's id (its file name's stem in the index).
        text: the article.
    Returns:
        Items with "question", "answers", "article", "kind" (when, how-long, share, how-many),
        "sentence" (its (start, end) here; fact_set keeps its text) and "history" [].
    """
    out: list[dict] = []
    seen: set[str] = set()

    def add(kind: str, question: str, answer: str, span: tuple[int, int], short: str | None = None) -> None:
        """Add a question, and its short form (kind + "-short") when given and different."""
        if short is not None and short != question:
            add(kind + "-short", short, answer, span)
        q = re.sub(r"\s+", " ", question).strip()
        if q in seen or len(q.split()) < 4:
            return
        seen.add(q)
        out.append(
            {
                "question": q,
                "answers": [answer],
                "article": doc_id,
                "kind": kind,
                "sentence": span,
                "history": [],
            }
        )

    for span in sentences(text):
        s = text[span[0] : span[1]]
        if _quoted(s) or len(s) < 40:
            continue
        for x in _PASSIVE_DATE.finditer(s):
            if _subject_ok(x.group("s")):
                add(
                    "when",
                    f"When {x.group('aux')} {_lower(x.group('s'))} {x.group('v')}?",
                    x.group("a"),
                    span,
                )
        for x in _ACTIVE_DATE.finditer(s):
            obj = _trim(x.group("o"))
            if _subject_ok(x.group("s")) and obj and x.group("v") not in {"said", "reported"}:
                lead = f"When did {_lower(x.group('s'))} {_base(x.group('v'))}"
                add("when", f"{lead} {obj}?", x.group("a"), span, f"{lead} {_short(obj)}?")
        for x in _HYPHENED.finditer(s):
            before = s[: x.start()]
            subj = next((y for y in _SUBJ_VERB.finditer(before) if _subject_ok(y.group("s"))), None)
            if subj:
                q = f"How long is the {x.group('n')} {_lower(subj.group('s'))} {subj.group('v')}?"
                add("how-long", q, x.group("a"), span)
        for x in _BEEN_FOR.finditer(s):
            if _subject_ok(x.group("s")):
                q = f"How long {x.group('aux')} {_lower(x.group('s'))} been {_trim(x.group('o'))}?"
                add("how-long", q, x.group("a"), span)
        for x in _FOR_SPAN.finditer(s):
            obj = _trim(x.group("o"))
            if _subject_ok(x.group("s")):
                add(
                    "how-long",
                    f"How long did {_lower(x.group('s'))} {_base(x.group('v'))} {obj}?",
                    x.group("a"),
                    span,
                )
        for x in _NAMED_KIND.finditer(s):
            obj = _trim(re.split(r"[,;:(]", x.group("o"))[0])
            if len(obj.split()) >= 2 and x.group("v") not in {"said", "reported"}:
                kind = _KIND_OF_HEAD[x.group("head")]
                q, short = (
                    f"Which {kind} {x.group('v')} {obj}?",
                    f"Which {kind} {x.group('v')} {_short(obj)}?",
                )
                add("which", q, x.group("name"), span, short)
        for x in _ROLE_NAME.finditer(s):
            obj = _trim(re.split(r"[,;:(]", x.group("o"))[0])
            if len(obj.split()) >= 2 and x.group("v") not in {"said", "reported"}:
                kind = _ROLE_KIND[x.group("role")]
                q, short = (
                    f"Which {kind} {x.group('v')} {obj}?",
                    f"Which {kind} {x.group('v')} {_short(obj)}?",
                )
                add("which", q, x.group("name").split()[-1], span, short)
        for x in _SHARE.finditer(s):
            vp = _trim(x.group("vp"))
            if len(vp.split()) >= 2 and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)$", vp):
                add("share", f"What share of {x.group('np')} {vp}?", x.group("a"), span)
                add("how-many", f"How many {x.group('np')} {vp}?", x.group("a"), span)
    return out


def _topic_shared(item: dict, text: str) -> bool:
    """Whether the question's rarest content word is also outside its own sentence in the article."""
    from wordfreq import zipf_frequency

    words = [
        w
        for w in _WORD.findall(item["question"])
        if w.lower() not in {"when", "long", "share", "many", "which"}
    ]
    if not words:
        return False
    rare = min(words, key=lambda w: zipf_frequency(w.lower(), "en"))
    rest = text.replace(item["sentence"], " ")
    return bool(re.search(rf"\b{re.escape(rare)}\b", rest, re.I))


def fact_set(articles: int, seed: int) -> tuple[object, list[dict], dict[str, str]]:
    """The index of a fixed sample of train articles holding typed questions, and the questions.

    Args:
        articles: how many articles, at most.
        seed: the sample's random seed.
    Returns:
        (engine, items, the indexed articles' texts by id).
    """
    from typed_near_misses import _index_articles, _unused_train_docs

    docs = _unused_train_docs()
    by_doc = {d: questions_of(d, t) for d, t in sorted(docs.items())}
    ids = sorted(d for d, qs in by_doc.items() if qs)
    keep = sorted(random.Random(seed).sample(ids, min(articles, len(ids))))
    engine = _index_articles(quality.OUT / f"polnear-facts-{articles}-{seed}-{len(keep)}", docs, keep)
    items = []
    for d in keep:
        for it in by_doc[d]:
            a, b = it.pop("sentence")
            it["sentence"] = docs[d][a:b].strip()
            it["shared"] = _topic_shared(it, docs[d])
            items.append(it)
    return engine, items, {d: docs[d] for d in keep}


def holds(passage: object, item: dict, texts: dict[str, str]) -> bool:
    """score.py's hit: the passage is from the question's article and holds a gold answer. A wire
    story printed by two outlets is one article: a passage of any indexed article that holds the
    question's sentence counts too.

    Args:
        passage: an answer passage.
        item: the question.
        texts: the indexed articles' texts by id.
    Returns:
        Whether it answers.
    """
    stem = Path(passage.source).stem  # type: ignore[attr-defined]
    same = stem == item["article"] or item["sentence"] in texts.get(stem, "")
    return same and any(a.lower() in passage.text.lower() for a in item["answers"])  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show-misses", action="store_true", help="print the questions missed at 1")
    ap.add_argument("--list", action="store_true", help="print the questions only")
    ap.add_argument("--off", action="append", default=[], metavar="MODULE.NAME")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    ap.add_argument(
        "--weight", action="append", default=[], metavar="NAME=VALUE", help="a qa.rank.Weights field"
    )
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, args.set)
    if args.weight:
        import dataclasses

        from qa import rank

        values = {k: float(v) for k, v in (w.split("=") for w in args.weight)}
        rank.WEIGHTS = dataclasses.replace(rank.WEIGHTS, **values)
    engine, items, texts = fact_set(args.articles, args.seed)
    if args.list:
        for it in items:
            print(it["kind"], "|", it["question"], "|", it["answers"][0])
        return 0
    from qa.session import Conversation

    conv = Conversation(engine)  # type: ignore[arg-type]
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for it in items:
        conv.reset()
        a = conv.ask(it["question"], 5)
        shown = list(a.nearest if a.abstained else a.passages)[:5]
        hit = bool(shown) and not a.abstained and holds(shown[0], it, texts)
        for group in (it["kind"], "all", "shared topic" if it["shared"] else "own topic"):
            c = tally[group]
            c["n"] += 1
            c["hit@1"] += hit
            c["recall@5"] += any(holds(p, it, texts) for p in shown)
            c["declined"] += a.abstained
        if args.show_misses and not hit:
            rank = next((k + 1 for k, p in enumerate(shown) if holds(p, it, texts)), None)
            top = shown[0].text[:110].replace("\n", " ") if shown else ""
            print(
                f"{it['kind']:9} {'declined' if a.abstained else f'rank {rank}'}  {it['question']}  [{it['answers'][0]}]"
            )
            print(f"          top: {top}")
    lines = [
        "# Typed fact questions generated from PolNeAR train (bench/typed_facts.py)",
        "",
        f"`python bench/typed_facts.py --articles {args.articles} --seed {args.seed}"
        + "".join(f" --set {s}" for s in args.set)
        + "".join(f" --off {s}" for s in args.off)
        + "".join(f" --weight {s}" for s in args.weight)
        + f"`: {len({it['article'] for it in items})} articles, {len(items)} questions.",
        "",
        "| class | n | hit@1 | recall@5 | declined |",
        "|---|---|---|---|---|",
    ]
    for group in (
        "when",
        "when-short",
        "how-long",
        "share",
        "how-many",
        "which",
        "which-short",
        "shared topic",
        "own topic",
        "all",
    ):
        c = tally[group]
        if c["n"]:
            lines.append(
                f"| {group} | {c['n']} | {c['hit@1'] / c['n']:.3f} | {c['recall@5'] / c['n']:.3f} | {c['declined'] / c['n']:.3f} |"
            )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
