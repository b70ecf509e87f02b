"""Follow-ups on real news the rules were not written on: PolNeAR train articles.

    python bench/followups.py                 # 30 articles, report to bench/reports/followups.md
    python bench/followups.py --articles 60 --model hash-embedder
    # iterating: keep the index, skip the rewrite sweep (most of the time), score a few kinds only
    python bench/followups.py --index /tmp/fu30 --no-rewrites --kinds next,about --report /tmp/fu.md
    # power: 53 articles' conversations, 40+ of every kind (bench/reports/followups_large.md)
    python bench/followups.py --articles 60 --seed 8 --per-article 8 --no-rewrites \
        --report bench/reports/followups_large.md

Two parts over one index of the sampled articles.

Scored conversations, gold from PolNeAR's own annotations (speaker, content spans), never from
what the bot finds: for an attribution A of speaker S (a speech cue or a quote, S a resolved name)
the bot is asked "What did <S> say about <a rare word of A's content>?" and then, each in a fresh
conversation, one follow-up whose gold is a set of passages of the index:

* next      "What did he/she say next?"  S's next attribution starting after A's passage;
* who_said  "Who said that?"             A's passage or a neighbour, naming S (text or speaker);
* and_other "And <O>?"                   any passage holding an attribution of O, another
                                         speaker quoted in the article;
* and_topic "And <word>?"                S's other attribution holding that word;
* why       "Why?"                       A's passage or a neighbour (same paragraph or the next);
* when      "When was that?"             the same;
* about     "What did he/she say about <word>?"  S's other attribution holding that word.
* it        "Did he/she say anything else about it?"  S's words holding the first question's word
            (any of them): "it" must carry the topic over.

Two more open with "Who <cue> <S's words>?" (since fup13: "Who said ...?", "Who warned ...?", the
annotated cue where it is one past-tense verb), whose answer is S, named by no word of the question;
drawn in a pass of their own, at most two of each per article; the first answer must name S:

* who_else  "What else did he/she say?"  S's other words (the passage shown where there are none);
* who_about "What did he/she say about <word>?"  S's words holding the word, a rare word of another
            attribution of S.

Three more since fup14, kept out of the "all follow-ups" rows of earlier reports (a row of their
own): "before" after the first question above, and two after "Who <cue> <S's words>?" (drawn in a
pass of their own, at most two of each per article):

* before    "What did he/she say before that?"  S's last words ending before A's passage;
* who_why   "Why?"                        A's passage or a neighbour (as for "why");
* who_when  "When did he/she say that?"   the passages of A's passage and its neighbours that state
            a time (a weekday, a month, a year, "today"); where none does, the article's nearest
            that do; where the article states none, A's passage and its neighbours.

Two kinds open with "Who is <S>?" instead (since fup12; drawn in a pass of their own, so that the
kinds above keep the draws of earlier reports), at most two of each per article:

* who_is    "What did he/she say about <word>?"  S's words holding the word, a rare word of one of
            S's attributions: the conversation's article, not the passage that described S, answers.
* medium    "What did he/she say in his/her <noun>?"  S's words cued "... said in a statement", "...
            wrote in an email" (any noun after "in a/an/his/her/the" right after the cue): S's words
            said there, not S's other words.

Four more since fup15, after the first question above, kept out of every row before them:

* and_about_topic "And about <word>?"  the and_topic gold: "about" keeps the speaker;
* and_description "And the <role>?"   the and_other gold, O named by a lower-case role the index
                  records for O and no other speaker of the article ("And the governor?");
* which_day       "Which day?"         the who_when gold (the passages around A's stating a time);
* occasion        "What was the occasion?"  A's passage or a neighbour (as for "why").

Five more since fup16 (a row of their own), each a class of the follow-ups real conversations ask
(article_heldout8, news_heldout7); no draw from the shared generator, so the kinds above keep theirs:

* did_agree  "Did <O> agree?"     after the first question above: the and_other gold (O's words);
* and_poss   "And <O>'s?"         after "What was <S>'s position on <word>?": the and_other gold;
* yn_why     "Why?"               after "Did <S> talk about <word>?": the "why" gold;
* reason     "What reason did he/she give?"  after the first question above: the "why" gold (a
             question on what the passage shown goes on to say, no topic of its own);
* count      "And how many <clause B>?"  after "How many <noun> <clause A>?", two counts of one plural
             noun in the article's text ("520 superdelegates have said ..., 160 have not announced
             ..."): B's passage. At most two per article; rare in PolNeAR (8 of 840 train articles
             have such a pair): `--with-count` samples only those.

He/she is S's gender as the annotations give it (a "he"/"she" source resolved to S); follow-ups
needing a pronoun are asked only then. Hit@1 is reported by kind, over all conversations and over
those whose first answer was right (a follow-up can only anchor on what was shown).

Rewrites for every quoted speaker ("What did X say about Y?" then "Why?", "Who said that?",
"What did she say next?", "And Z?", "And what did he say about W?", ...) with the report of:

* garbled rewrites (doubled word, broken auxiliary, doubled possessive, leftover marker), by
  qa.followup.garbled and by an independent check here; the target is none;
* how often a "he"/"she" after "What did X say ...?" was resolved to X when the documents give X
  that gender (agreement), and never to a person of the other gender;
* carry-over: "Who would he work on it with?" after "What did X say about T?" names T; "Why didn't
  he have one before?" after "Has X hired a pollster?" names a pollster; "And the Democrats?" after
  a question on "the Republican <noun>" of the article asks about "the Democratic <noun>" (or "the
  Democrats' <noun>"), and the other way round: the modifier swapped inside its noun phrase.

The news-dev follow-up hit@1 is measured by ../shared/eval/score.py (see README); this bench covers
articles no question was written for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.build import build  # noqa: E402
from index.lexical import STOPWORDS  # noqa: E402
from qa import config, followup  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.referents import ROLES, gender_in  # noqa: E402
from qa.session import Conversation  # noqa: E402
from qa.types import Answer, Passage  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"


def attributions_by_doc(
    train: Path, wanted: Collection[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """PolNeAR's annotated attributions of a split, grouped by article.

    Args:
        train: the split's folder (attributions.jsonl.gz).
        wanted: the articles to keep; None keeps all.
    Returns:
        doc_id -> its attributions, in file order.
    """
    attrs: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(train / "attributions.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if wanted is None or a["doc_id"] in wanted:
                attrs.setdefault(a["doc_id"], []).append(a)
    return attrs


def own_check(text: str) -> list[str]:
    """Garbling as a reader would see it, written apart from qa.followup.garbled."""
    plain = re.sub(r"“[^”]*”", "Q", text)
    ws = re.findall(r"[\w'’]+", plain.lower())
    out = [f"doubled {a}" for a, b in zip(ws, ws[1:], strict=False) if a == b]
    if re.search(r"['’]s['’]s|s['’]['’]", plain):
        out.append("doubled possessive")
    if re.search(r"[()\[\]{}]", plain):
        out.append("leftover marker")
    if re.search(r"^\s*(?:why|when|where|how)\s+(?:did|does|do)\s+.+\bsay\s+about\b", plain, re.I):
        out.append("'say about' with nothing said")
    if re.search(r"\b(?:what|who)\s+(?:did|does)\s+(?:what|who)\b", plain, re.I):
        out.append("question inside a question")
    if re.search(r"\b(?:the|a|an)\s+[A-Z][\w'’-]*\s+(?:the|a|an)\s", plain):
        out.append("article inside a noun phrase")  # "the Republican the Democrats committee"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-article", type=int, default=4, help="attributions asked about per article")
    ap.add_argument("--model", default=None, help="embedding model (default: the index default)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared eval folder")
    ap.add_argument("--report", type=Path, default=REPO / "bench" / "reports" / "followups.md")
    ap.add_argument("--index", type=Path, default=None, help="keep the index here; reused if it exists")
    ap.add_argument("--show", type=int, default=40, help="misses listed in the report")
    ap.add_argument(
        "--kinds", default="", help="score only these follow-up kinds (comma-separated): a quick pass"
    )
    ap.add_argument(
        "--no-rewrites",
        action="store_true",
        help="skip the rewrite sweep over every quoted speaker (most of the run time): scored part only",
    )
    ap.add_argument(
        "--with-medium",
        action="store_true",
        help="sample only articles with a cue such as 'said in a statement' (the medium kind)",
    )
    ap.add_argument(
        "--with-count",
        action="store_true",
        help="sample only articles counting one noun twice (the count kind, since fup16)",
    )
    ap.add_argument(
        "--gender-only",
        action="store_true",
        help="only qa.referents.gender_in against the annotations, over every train article (no index)",
    )
    args = ap.parse_args()

    train = args.shared / "polnear" / "train"
    with gzip.open(train / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    if args.gender_only:
        gender_report(train, docs, args.report)
        return
    rng = random.Random(args.seed)
    pool = sorted(docs, key=lambda d: d["doc_id"])
    if args.with_medium:
        # Only articles quoting someone "in a statement" / "in an interview": the medium kind's
        # conversations, 104 cues of PolNeAR train's 19,832, are too rare in a plain sample.
        text_of = {d["doc_id"]: d["text"] for d in pool}
        has = set()
        with gzip.open(train / "attributions.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if (
                    a.get("cue")
                    and a["source_resolved"]
                    and _MEDIUM_AFTER_CUE.match(text_of[a["doc_id"]], a["cue"][1])
                ):
                    has.add(a["doc_id"])
        pool = [d for d in pool if d["doc_id"] in has]
    if args.with_count:
        # Only articles with two counts of one noun ("520 superdelegates have ..., 160 have not"):
        # too rare in a plain sample for the count kind.
        def counted(text: str) -> bool:
            nouns = [n for _, n, _ in count_clauses(text)]
            return any(nouns.count(n) > 1 for n in nouns)

        pool = [d for d in pool if counted(d["text"])]
    sample = rng.sample(pool, min(args.articles, len(pool)))
    wanted = {d["doc_id"] for d in sample}
    attrs = attributions_by_doc(train, wanted)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for d in sample:
            (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        where = args.index or Path(tmp) / "index"
        if not (args.index and args.index.exists()):
            build([folder], where, model=args.model, cache_dir=config.model_cache_dir())
        engine = Engine.open(where)
        built = time.perf_counter() - t0
        originals = {d["doc_id"]: d["text"] for d in sample}
        cases = gold_cases(engine, attrs, originals, random.Random(args.seed), args.per_article)
        kept = len({c.doc_id for c in cases})
        if args.kinds:
            keep = {"first", *args.kinds.split(",")}
            cases = [c for c in cases if c.kind in keep]
        g_ok, g_n, g_wrong = genders(engine, attrs, originals)
        scored = score(engine, cases)
        rows, agree, agree_n, wrong_gender, carry = (
            ([], 0, 0, 0, {}) if args.no_rewrites else run(engine, rng)
        )
    asked = time.perf_counter() - t0 - built

    garbled = [(r, why) for r in rows if (why := followup.garbled(r[2]) or ", ".join(own_check(r[2])))]
    garbled += [
        ((c.first, c.follow, c.searched), why)
        for c in scored
        if c.follow and (why := followup.garbled(c.searched) or ", ".join(own_check(c.searched)))
    ]
    changed = sum(1 for r in rows if r[2] != r[1])
    model = args.model or "the default model"
    cmd = (
        f"python bench/followups.py --articles {args.articles} --seed {args.seed}"
        + (f" --per-article {args.per_article}" if args.per_article != 4 else "")
        + (f" --model {args.model}" if args.model else "")
        + (f" --kinds {args.kinds}" if args.kinds else "")
        + (" --no-rewrites" if args.no_rewrites else "")
        + (" --with-medium" if args.with_medium else "")
        + (" --with-count" if args.with_count else "")
    )
    lines = [
        "# Follow-ups on real news (PolNeAR train)",
        "",
        f"`{cmd}` (embedder: {model}; index {built:.0f} s, questions {asked:.0f} s)",
        "",
        "## Scored conversations (gold from PolNeAR's annotations)",
        "",
        f"{kept} of {args.articles} articles gave conversations (an article is skipped when the index "
        "changed its text, so that the annotated offsets would not hold, or no attribution qualifies).",
        "",
        *table(scored),
        "",
        'Gold of "next", "And <other>?", "And <word>?" and "about" (since fup5): every attribution of '
        "the speaker's words, a quotation or a cue that is a verb of speech (followup.SPEECH_VERB or "
        "the shared list index.attribution.words.SPEECH_VERBS, -ing forms by their base), however short; "
        '"next" is the first whose words go on past the passage shown; "And <word>?" and "about" accept '
        "any such words of the speaker holding the word, not only those it was drawn from. Gold v1 (last "
        "column, over the cases it had) took them from the attributions the first question may ask "
        'about (30 characters or more, a cue in followup.SPEECH_VERB: no "added", "noted", "responded", '
        '"continued"), "next" starting after the passage shown, "And <word>?" from one attribution.',
        "",
        f"Gender read from the documents (qa.referents.gender_in) against the annotations' he/she/Mr/Mrs "
        f"sources, per quoted speaker and article: {g_ok}/{g_n} agree, {g_wrong} the other gender, the "
        "rest unknown.",
        "",
        "## Rewrites",
        "",
        *(
            [
                f"- sweep over every quoted speaker skipped (--no-rewrites); garbled rewrites among the "
                f"{len(scored)} scored conversations: {len(garbled)}"
            ]
            if args.no_rewrites
            else [
                f"- articles: {args.articles}; conversations: {len(rows) + len(scored)}; rewritten: {changed}",
                f"- garbled rewrites: {len(garbled)}",
                f"- he/she after 'What did X say ...?' resolved to X, where the text gives X that gender: "
                f"{agree}/{agree_n}",
                f"- he/she resolved to a person of the other gender: {wrong_gender}",
                *(
                    f"- carried over, {what}: {carry[key][0]}/{carry[key][1]}"
                    for key, what in [
                        ("it", "'it' as the first question's topic ('Who would he work on it with?')"),
                        ("one", "'one' as the thing asked about ('Why didn't he have one before?')"),
                        ("modifier", "'And the Democrats?' swapping the modifier of 'the Republican <noun>'"),
                    ]
                    if key in carry
                ),
            ]
        ),
        "",
        "## Garbled",
        "",
        *[f"- `{r[0]}` / `{r[1]}` -> `{r[2]}` ({why})" for r, why in garbled[:40]],
        "",
        "## Misses, first answer right",
        "",
        *[
            f"- {c.kind}: `{c.first}` / `{c.follow}` -> `{c.searched}`: top {c.got}, gold {sorted(c.gold)[:6]}"
            for c in [c for c in scored if c.kind != "first" and c.first_hit and not c.hit][: args.show]
        ],
        "",
        "## Misses, first answer wrong",
        "",
        "The follow-up can only anchor on what was shown; listed to tell the rewrites' misses from the",
        "first answer's (top: the passage shown first; first gold: the first question's gold).",
        "",
        *[
            f"- {c.kind}: `{c.first}` / `{c.follow}` -> `{c.searched}`: top {c.got}, gold {sorted(c.gold)[:6]}, "
            f"first gold {sorted(c.first_gold)[:4]}"
            for c in [c for c in scored if c.kind != "first" and not c.first_hit and not c.hit][: args.show]
        ],
        "",
        "## Sample of rewrites",
        "",
        *[f"- `{r[0]}` / `{r[1]}` -> `{r[2]}`" for r in rows[:: max(1, len(rows) // 60)]],
        "",
    ]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:24]))


@dataclass
class Case:
    """One scored conversation: the first question, a follow-up ("" for the first question scored
    alone), the gold passages of the follow-up, and what the bot did."""

    kind: str
    first: str
    follow: str
    gold: frozenset[int]
    first_gold: frozenset[int]
    doc_id: int
    surname: str = ""  # who_said: the speaker the answer must name
    # The gold of the bench before "next" and "and_other" were read from every spoken attribution
    # (None: the same as `gold`); scored alongside, so that figures stay comparable with old reports.
    gold_v1: frozenset[int] | None = None
    hit_v1: bool = False
    searched: str = ""
    got: int | None = None
    hit: bool = False
    first_hit: bool = False


def _surname(name: str) -> str:
    """The last capitalised word, as ../shared/eval/attribution.py compares speakers."""
    caps = [w for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper()]
    return caps[-1] if caps else ""


def _gender(doc_attrs: list[dict[str, Any]], name: str) -> str | None:
    """The speaker's gender by the annotations: "he"/"she" sources resolved to them."""
    m = sum(
        1 for a in doc_attrs if a["source_resolved"] == name and a["source_text"].lower() in ("he", "him")
    )
    f = sum(
        1 for a in doc_attrs if a["source_resolved"] == name and a["source_text"].lower() in ("she", "her")
    )
    return "m" if m > f else "f" if f > m else None


def _speech_cue(cue: str) -> bool:
    """Whether an annotated cue is a verb of speech: followup.SPEECH_VERB, or a word of the shared
    speech-verb list (index.attribution.words.SPEECH_VERBS: "added", "noted", "responded"), an -ing
    form by its base ("arguing", "saying"). Gold v1 used followup.SPEECH_VERB alone, which left out
    "added", "noted", "responded", "continued" and so took a later attribution for "next"."""
    from index.attribution.words import SPEECH_VERBS

    if followup.SPEECH_VERB.search(cue):
        return True
    verbs = {v.lower() for v in SPEECH_VERBS}
    for w in re.findall(r"[a-z]+", cue.lower()):
        stem = w[:-3] if w.endswith("ing") else ""
        if w in verbs or (stem and ({stem, stem + "e", stem + "s", stem + "es"} & verbs)):
            return True
    return False


def _next_gold(
    spoken: list[dict[str, Any]], sur: str, end: int, by_doc: list[Passage]
) -> tuple[frozenset[int], int] | None:
    """Gold of "What did he say next?" after a passage ending at `end`: the passages of the words of
    the speaker's first attribution that go on past `end`, and where they start. An attribution
    that began in the passage shown and continues after it ("...," he continued, "...") counts by
    its part after `end`: that part is what the reader has not seen. None when there is none."""
    best: tuple[int, list[tuple[int, int]]] | None = None
    for x in spoken:
        if _surname(x["source_resolved"]) != sur:
            continue
        rest = [(max(s, end), e) for s, e in x["content"] if e > end and x["content_text"].strip()]
        if rest and (best is None or rest[0][0] < best[0]):
            best = (rest[0][0], rest)
    return (_passages(best[1], by_doc), best[0]) if best else None


def _of(who: str, rows: list[dict[str, Any]], by_doc: list[Passage]) -> frozenset[int]:
    """The passages holding the words of `rows` whose speaker has the surname `who`."""
    return frozenset().union(
        *(
            _passages([tuple(y) for y in x["content"]], by_doc)
            for x in rows
            if _surname(x["source_resolved"]) == who
        )
    )


def _passages(spans: list[tuple[int, int]], by_doc: list[Passage]) -> frozenset[int]:
    """The passages holding at least half of a content, or the one holding most of it."""
    out: set[int] = set()
    for a, b in spans:
        best = max(by_doc, key=lambda p: min(b, p.end) - max(a, p.start))
        out.add(best.pid)
    return frozenset(out)


def _holding(word: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The attributions of `rows` whose words hold `word` as a whole word (any case)."""
    rx = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
    return [x for x in rows if rx.search(x["content_text"])]


def _rare_word(text: str, doc_passages: list[Passage], rng: random.Random, avoid: set[str]) -> str | None:
    """A lower-case content word of `text` that at most two passages of the article hold: a word a
    reader would ask about, so no adverb or verb form ("especially", "appeared") and nothing as
    common as "another" (wordfreq Zipf frequency under 4.5)."""
    from wordfreq import zipf_frequency

    ws = sorted(
        {
            w
            for w in re.findall(r"(?<![\w'’-])[a-z][a-z-]{4,}(?![\w'’-])", text)
            if w not in STOPWORDS
            and not followup.SPEECH_VERB.fullmatch(w)
            and w not in avoid
            and not w.endswith(("ly", "ing", "ed"))
            and zipf_frequency(w, "en") < 4.5
        }
    )
    rare = [w for w in ws if sum(bool(re.search(rf"\b{w}\b", p.text)) for p in doc_passages) <= 2]
    return rng.choice(rare) if rare else None


def gold_cases(
    engine: Engine,
    attrs: dict[str, list[dict[str, Any]]],
    originals: dict[str, str],
    rng: random.Random,
    per_article: int,
) -> list[Case]:
    """The scored conversations of the sampled articles (see the module docstring)."""
    cases: list[Case] = []
    ids = {Path(d.source).stem: d.doc_id for d in engine.docs.values()}
    for name in sorted(attrs):
        doc_id = ids.get(name)
        if doc_id is None:
            continue
        text = engine.docs[doc_id].text
        if text != originals[name]:
            continue  # offsets would not hold (counted in the report)
        by_doc = [p for p in engine.passages if p.doc_id == doc_id]
        said = [
            a
            for a in attrs[name]
            if a["source_resolved"]
            and _surname(a["source_resolved"])
            and (a["direct"] or followup.SPEECH_VERB.search(a["cue_text"] or ""))
            and len(a["content_text"]) >= 30
            and all(text[s:e].strip() for s, e in a["content"])
        ]
        if not said:
            continue
        # Gold for "next" and "And <other>?": every attribution of words said (a quote, or a cue
        # that is a verb of speech), however short ("Absolutely not," Clinton responded). `said`,
        # 30 characters or more, only chooses what the first question and "And <word>?" ask about,
        # which need words to ask with. Gold v1 took both from `said` (see the report).
        spoken = [
            a
            for a in attrs[name]
            if a["source_resolved"]
            and _surname(a["source_resolved"])
            and (a["direct"] or _speech_cue(a["cue_text"] or ""))
            and any(text[s:e].strip() for s, e in a["content"])
        ]
        for a in rng.sample(said, min(per_article, len(said))):
            who = a["source_resolved"]
            sur = _surname(who)
            mine = _passages([tuple(x) for x in a["content"]], by_doc)
            topic = _rare_word(a["content_text"], by_doc, rng, {sur.lower()})
            if topic is None:
                continue
            first = f"What did {sur} say about {topic}?"
            base = {"first": first, "first_gold": mine, "doc_id": doc_id}
            cases.append(Case("first", gold=mine, follow="", **base))
            near = frozenset(n.pid for n in by_doc if any(abs(n.pid - m) <= 1 for m in mine))
            cases.append(Case("who_said", follow="Who said that?", gold=near, surname=sur, **base))
            cases.append(Case("why", follow="Why?", gold=near, **base))
            cases.append(Case("when", follow="When was that?", gold=near, **base))
            # (since fup15) a question word and a circumstance's noun, no verb: the time gold of
            # who_when (the passages around A's stating a time, else the article's nearest that do).
            dated = [p.pid for p in by_doc if _TIME_WORDS.search(p.text)]
            day = near & frozenset(dated)
            if not day and dated:
                gap = min(abs(p - m) for p in dated for m in mine)
                day = frozenset(p for p in dated if min(abs(p - m) for m in mine) == gap)
            cases.append(Case("which_day", follow="Which day?", gold=day or near, **base))
            cases.append(Case("occasion", follow="What was the occasion?", gold=near, **base))
            gender = _gender(attrs[name], who)
            pron = {"m": "he", "f": "she"}.get(gender or "")
            same = sorted(
                (x for x in said if _surname(x["source_resolved"]) == sur and x is not a),
                key=lambda x: x["content"][0][0],
            )
            end = max(engine.passages[m].end for m in mine)
            later = [x for x in same if x["content"][0][0] >= end]
            nxt = _next_gold(spoken, sur, end, by_doc)
            if pron and nxt:
                v1 = _passages([tuple(y) for y in later[0]["content"]], by_doc) if later else frozenset()
                follow = f"What did {pron} say next?"
                cases.append(Case("next", follow=follow, gold=nxt[0], gold_v1=v1, **base))
            before = _before_gold(spoken, sur, min(engine.passages[m].start for m in mine), by_doc)
            if pron and before:
                # (since fup14) "What did he say before that?": their last words before the passage shown.
                cases.append(Case("before", follow=f"What did {pron} say before that?", gold=before, **base))
            if pron:
                # "What else did he say?": any other words of theirs in the article (a quote or a
                # verb of speech); where they said nothing else, the passage shown, which holds the
                # rest of their words.
                rest = _of(sur, spoken, by_doc) - mine
                follow = f"What else did {pron} say?"
                cases.append(Case("else", follow=follow, gold=rest or mine, gold_v1=rest or mine, **base))
            if pron:
                # "it" is the first question's word: any words of theirs holding it answer.
                tgold = mine | _of(sur, _holding(topic, spoken), by_doc)
                follow = f"Did {pron} say anything else about it?"
                cases.append(Case("it", follow=follow, gold=tgold, **base))
            other = [x for x in same if not (_passages([tuple(y) for y in x["content"]], by_doc) & mine)]
            if other:
                b = rng.choice(other)
                bgold = _passages([tuple(y) for y in b["content"]], by_doc)
                word = _rare_word(b["content_text"], by_doc, rng, {sur.lower(), topic})
                if word:
                    # Any words of theirs holding the word answer too ("And sacrifice?" where they
                    # spoke of it twice): gold v1 had B's passages only.
                    wgold = bgold | _of(sur, _holding(word, spoken), by_doc)
                    follow = f"And {word}?"
                    cases.append(Case("and_topic", follow=follow, gold=wgold, gold_v1=bgold, **base))
                    # (since fup15) "about" says the word is the topic, the speaker kept.
                    follow = f"And about {word}?"
                    cases.append(Case("and_about_topic", follow=follow, gold=wgold, **base))
                    if pron:
                        q = f"What did {pron} say about {word}?"
                        cases.append(Case("about", follow=q, gold=wgold, gold_v1=bgold, **base))
            others = sorted({_surname(x["source_resolved"]) for x in said} - {sur})
            if others:
                o = rng.choice(others)
                v1 = _of(o, said, by_doc)
                gold = _of(o, spoken, by_doc)
                cases.append(Case("and_other", follow=f"And {o}?", gold=gold, gold_v1=v1, **base))
                # (since fup15) the other speaker by a role the index records for them and for no
                # other speaker of the article ("And the governor?"); no draw, so later draws hold.
                role = _role_alias(engine, o, others + [sur])
                if role:
                    cases.append(Case("and_description", follow=f"And the {role}?", gold=gold, **base))
                # (since fup16) whether O reacted ("Did O agree?"): O's words, as for "And O?"; and the
                # possessor swapped ("And O's?" after "What was S's position on <word>?"). No draw.
                cases.append(Case("did_agree", follow=f"Did {o} agree?", gold=gold, **base))
                owned = {**base, "first": f"What was {sur}'s position on {topic}?"}
                cases.append(Case("and_poss", follow=f"And {o}'s?", gold=gold, **owned))
            if pron:
                # (since fup16) a question on what the passage shown goes on to say, its pronoun the
                # speaker and no topic of its own: the "why" gold. No draw.
                cases.append(Case("reason", follow=f"What reason did {pron} give?", gold=near, **base))
            # (since fup16) "Why?" after a yes/no question: the "why" gold. No draw.
            yes_no = {**base, "first": f"Did {sur} talk about {topic}?"}
            cases.append(Case("yn_why", follow="Why?", gold=near, **yes_no))
        cases += who_is_cases(name, doc_id, text, attrs[name], spoken, by_doc)
        cases += who_said_cases(name, doc_id, attrs[name], said, spoken, by_doc)
        cases += asked_back_cases(name, doc_id, attrs[name], said, by_doc)
        cases += count_cases(name, doc_id, by_doc)
    return cases


def _role_alias(engine: Engine, surname: str, article: list[str]) -> str | None:
    """A lower-case role the index records as an alias of the speaker of `surname` ("governor",
    "former president"), its last word a role word (qa.referents.ROLES), which no other speaker of
    the article (by surname) has; None when there is none. The first in alphabetical order."""
    by = {s.name.split()[-1]: s for s in engine.speakers_index if len(s.name.split()) >= 2}
    me = by.get(surname)
    if me is None:
        return None
    taken = {a.lower() for o in article if o != surname and (x := by.get(o)) for a in x.aliases}
    for a in sorted(me.aliases):
        ws = a.split()
        if a[:1].islower() and ws and ws[-1] in ROLES and len(ws) <= 3 and a.lower() not in taken:
            return a
    return None


def _before_gold(spoken: list[dict[str, Any]], sur: str, start: int, by_doc: list[Passage]) -> frozenset[int]:
    """Gold of "What did he say before that?" after a passage starting at `start`: the passages of
    the speaker's last attribution whose words end before it; empty when there is none."""
    best: tuple[int, list[tuple[int, int]]] | None = None
    for x in spoken:
        spans = [(s, e) for s, e in x["content"] if e <= start]
        if _surname(x["source_resolved"]) != sur or not spans or len(spans) < len(x["content"]):
            continue
        if best is None or spans[-1][1] > best[0]:
            best = (spans[-1][1], spans)
    return _passages(best[1], by_doc) if best else frozenset()


# A time as a reader would take it from a news passage: a weekday, a month, a year, "today".
_TIME_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|today|yesterday|tonight|(?:19|20)\d\d)\b"
)


# "520 superdelegates have publicly said they support Clinton": a number, a plural noun, an auxiliary
# and at least two words of its clause (up to a mark or "and"/"but").
_COUNT_CLAUSE = re.compile(
    r"(?<![\w$.,-])(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+"
    r"(?:of\s+them\s+)?(?P<noun>[a-z]{4,}s)\s+(?P<clause>(?:have|has|had|are|were|will|would|did|could|said|[a-z]{3,}ed)"
    r"(?:\s+(?!and\b|but\b)[a-z][\w'’-]*){2,6})"
)


# "..., 39 have said they support Sanders and 160 have not publicly announced their choice": a
# count whose noun is the one counted before it in the sentence.
_COUNT_ELIDED = re.compile(
    r"(?:,|\band\b|\bwhile\b|\bbut\b)\s+(?:another\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<clause>(?:have|has|had|are|were|will|would|did|could|said|[a-z]{3,}ed)(?:\s+(?!and\b|but\b)[a-z][\w'’-]*){1,6})"
)


def count_clauses(text: str) -> list[tuple[int, str, str]]:
    """The counts of a text as (offset, noun, clause): "520 superdelegates have publicly said ..."
    and the counts after it in its sentence that leave the noun out ("..., 39 have said ...").

    Args:
        text: a passage.

    Returns:
        Each count, in order.
    """
    out = []
    for m in _COUNT_CLAUSE.finditer(text):
        out.append((m.start(), m.group("noun"), _clause(m.group("clause"))))
        end = re.search(r"[.!?](?:\s|$)", text[m.end() :])
        sentence = text[m.end() : m.end() + end.start() if end else len(text)]
        for e in _COUNT_ELIDED.finditer(sentence):
            out.append((m.end() + e.start(), m.group("noun"), _clause(e.group("clause"))))
    return [x for x in out if len(x[2].split()) >= 2]


def _clause(words: str) -> str:
    """A clause cut before the words that leave it hanging ("are at stake in" -> "are at stake")."""
    ws = words.split()
    while ws and (ws[-1].lower() in STOPWORDS or ws[-1].lower() in ("part", "across", "his", "her", "their")):
        ws.pop()
    return " ".join(ws)


def count_cases(name: str, doc_id: int, by_doc: list[Passage]) -> list[Case]:
    """(since fup16) "How many <noun> <clause A>?" then "And how many <clause B>?", where two passages
    of the article count the same plural noun in clauses of an auxiliary ("520 superdelegates have
    publicly said ...", "160 superdelegates have not announced ..."): the follow-up names no noun,
    the first question's is meant; gold is B's passage. Drawn with the article's own generator, at
    most two per article; no annotation is used (the count is the text's).

    Args:
        name: the article's id; doc_id: its document in the index; by_doc: its passages.

    Returns:
        At most two cases of kind "count".
    """
    rng = random.Random("count " + name)
    found: dict[str, list[tuple[int, str]]] = {}
    for p in by_doc:
        for _, noun, clause in count_clauses(p.text):
            found.setdefault(noun, []).append((p.pid, clause))
    out: list[Case] = []
    for noun in sorted(found):
        rows = found[noun]
        # Two counts of the noun in other words: in one passage (the answer shown holds the second,
        # as in news_heldout7 n7c9) or in two.
        pairs = [(a, b) for a in rows for b in rows if a[1].split()[:3] != b[1].split()[:3]]
        if not pairs or noun in STOPWORDS:
            continue
        (pa, ca), (pb, cb) = rng.choice(pairs)
        # The gold: every passage counting the noun in B's clause (its first three words).
        head = " ".join(cb.split()[:3]).lower()
        gold = frozenset(p for p, c in rows if c.lower().startswith(head))
        if pa in gold and len(gold) == 1 and sum(c.lower().startswith(head) for _, c in rows) > 1:
            continue  # the same clause's words for both
        base = {"first": f"How many {noun} {ca}?", "first_gold": frozenset([pa]), "doc_id": doc_id}
        out.append(Case("count", follow=f"And how many {cb}?", gold=gold, **base))
        if len(out) >= 2:
            break
    return out


def asked_back_cases(
    name: str, doc_id: int, rows: list[dict[str, Any]], said: list[dict[str, Any]], by_doc: list[Passage]
) -> list[Case]:
    """(since fup14) Follow-ups asking about the answer of a question that asked for a person: "Who
    <cue> <S's words>?" (as for who_else), then

    * who_why  "Why?"                        S's passage or a neighbour (the "why" gold);
    * who_when "When did he/she say that?"   the passages of S's passage and its neighbours stating a
      time (a weekday, a month, a year, "today"); where none does, the article's nearest that do; where
      the article states none, S's passage and its neighbours.

    The first kind asks again for the reason of what the answer names; the second for the time of
    the words shown (article_heldout6 h6u07). Drawn in the order of an article's own generator, at
    most two of each, so that the other kinds keep their draws.

    Args:
        name: the article's id; doc_id: its document in the index.
        rows: its annotations; said: the attributions of 30 characters or more of words said.
        by_doc: its passages.

    Returns:
        At most two cases of each kind.
    """
    rng = random.Random("asked back " + name)
    out: list[Case] = []
    dated = [p.pid for p in by_doc if _TIME_WORDS.search(p.text)]
    for x in rng.sample(said, len(said)):
        who = x["source_resolved"]
        sur = _surname(who)
        pron = {"m": "he", "f": "she"}.get(_gender(rows, who) or "")
        words = [w for w in (t.strip("\"“”‘’'") for t in x["content_text"].split()) if w]
        if pron is None or not sur or len(words) < 6:
            continue
        cue = (x.get("cue_text") or "").strip().lower()
        verb = cue if _PAST_CUE.fullmatch(cue) else "said"
        mine = _passages([tuple(y) for y in x["content"]], by_doc)
        first = f"Who {verb} {' '.join(words[:12]).rstrip('.,;:!?')}?"
        base = {"first": first, "first_gold": mine, "doc_id": doc_id, "surname": sur}
        near = frozenset(n.pid for n in by_doc if any(abs(n.pid - m) <= 1 for m in mine))
        if sum(c.kind == "who_why" for c in out) < 2:
            out.append(Case("who_why", follow="Why?", gold=near, **base))
        if sum(c.kind == "who_when" for c in out) < 2:
            gold = near & frozenset(dated)
            if not gold and dated:
                gap = min(abs(p - m) for p in dated for m in mine)
                gold = frozenset(p for p in dated if min(abs(p - m) for m in mine) == gap)
            out.append(Case("who_when", follow=f"When did {pron} say that?", gold=gold or near, **base))
        if len(out) >= 4:
            break
    return out


# A cue that can open "Who <cue> ...?": one verb in the past tense ("said", "warned", "argued").
_PAST_CUE = re.compile(r"(?:said|told|wrote|[a-z]{3,}ed)")


def who_said_cases(
    name: str,
    doc_id: int,
    rows: list[dict[str, Any]],
    said: list[dict[str, Any]],
    spoken: list[dict[str, Any]],
    by_doc: list[Passage],
) -> list[Case]:
    """The "who_else" and "who_about" conversations of one article (module docstring): "Who <cue>
    <S's words>?", whose answer is S, then a follow-up whose "he"/"she" is that answer, not a person
    the first question named. Drawn with a generator of the article's own (the other kinds' draws
    stay those of earlier reports).

    Args:
        name: the article's id; doc_id: its document in the index.
        rows: its annotations; said: the attributions of 30 characters or more of words said;
        spoken: every attribution of words said.
        by_doc: its passages.

    Returns:
        At most two cases of each kind.
    """
    rng = random.Random("who said " + name)
    out: list[Case] = []
    for x in rng.sample(said, len(said)):
        who = x["source_resolved"]
        sur = _surname(who)
        pron = {"m": "he", "f": "she"}.get(_gender(rows, who) or "")
        # Quote marks dropped at the words' edges only: "country's" keeps its apostrophe.
        words = [w for w in (t.strip("\"“”‘’'") for t in x["content_text"].split()) if w]
        if pron is None or not sur or len(words) < 6:
            continue
        cue = (x.get("cue_text") or "").strip().lower()
        verb = cue if _PAST_CUE.fullmatch(cue) else "said"
        mine = _passages([tuple(y) for y in x["content"]], by_doc)
        # The words as the first question quotes them: at most 12, the speaker's own "I"/"we" kept
        # (a reader pastes what they read).
        first = f"Who {verb} {' '.join(words[:12]).rstrip('.,;:!?')}?"
        base = {"first": first, "first_gold": mine, "doc_id": doc_id, "surname": sur}
        theirs = [y for y in spoken if _surname(y["source_resolved"]) == sur]
        if sum(c.kind == "who_else" for c in out) < 2:
            rest = _of(sur, theirs, by_doc) - mine
            follow = f"What else did {pron} say?"
            out.append(Case("who_else", follow=follow, gold=rest or mine, **base))
        if sum(c.kind == "who_about" for c in out) < 2:
            other = [y for y in theirs if not (_passages([tuple(z) for z in y["content"]], by_doc) & mine)]
            y = rng.choice(other) if other else None
            avoid = {w.lower() for w in who.split()} | {w.lower() for w in words}
            word = _rare_word(y["content_text"], by_doc, rng, avoid) if y else None
            if word:
                gold = _of(sur, _holding(word, theirs), by_doc)
                if gold:
                    follow = f"What did {pron} say about {word}?"
                    out.append(Case("who_about", follow=follow, gold=gold, **base))
        if sum(c.kind == "who_else" for c in out) >= 2 and sum(c.kind == "who_about" for c in out) >= 2:
            break
    return out


# "said in a statement", "told reporters in a brief telephone interview": the medium's head noun, the
# word that ends its phrase (a mark or a linking word follows), after at most two modifiers.
_MEDIUM_AFTER_CUE = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+in\s+(?:a|an|his|her|the)\s+(?:[a-z-]+\s+){0,2}?([a-z]{4,})"
    r"(?=\s*[,.;:!?\"”]|\s+(?:with|to|on|at|for|that|posted|released|published|from|last|this)\b)"
)


def who_is_cases(
    name: str,
    doc_id: int,
    text: str,
    rows: list[dict[str, Any]],
    spoken: list[dict[str, Any]],
    by_doc: list[Passage],
) -> list[Case]:
    """The "who_is" and "medium" conversations of one article (module docstring): "Who is <S>?",
    then a follow-up on S's words. Drawn with a random generator of the article's own, so that the
    other kinds' draws stay those of earlier reports.

    Args:
        name: the article's id; doc_id: its document in the index; text: its text.
        rows: its annotations; spoken: those of words said (a quote or a verb of speech).
        by_doc: its passages.

    Returns:
        At most two cases of each kind.
    """
    rng = random.Random(name)
    out: list[Case] = []
    who_all = sorted({x["source_resolved"] for x in spoken if len(x["source_resolved"].split()) >= 2})
    for who in rng.sample(who_all, len(who_all)):
        pron = {"m": "he", "f": "she"}.get(_gender(rows, who) or "")
        sur = _surname(who)
        if pron is None or not sur:
            continue
        named = frozenset(p.pid for p in by_doc if re.search(rf"\b{re.escape(sur)}\b", p.text))
        base = {"first": f"Who is {who}?", "first_gold": named, "doc_id": doc_id}
        theirs = [x for x in spoken if _surname(x["source_resolved"]) == sur]
        poss = "his" if pron == "he" else "her"
        if sum(c.kind == "medium" for c in out) < 2:
            for x in theirs:
                m = _MEDIUM_AFTER_CUE.match(text, x["cue"][1]) if x.get("cue") else None
                if m and m.group(1) not in STOPWORDS:
                    noun = m.group(1)
                    same = [
                        y
                        for y in theirs
                        if y.get("cue")
                        and (my := _MEDIUM_AFTER_CUE.match(text, y["cue"][1]))
                        and my.group(1) == noun
                    ]
                    gold = _of(sur, same, by_doc)
                    follow = f"What did {pron} say in {poss} {noun}?"
                    out.append(Case("medium", follow=follow, gold=gold, **base))
                    break
        if sum(c.kind == "who_is" for c in out) < 2:
            x = rng.choice(theirs)
            word = _rare_word(x["content_text"], by_doc, rng, {w.lower() for w in who.split()})
            if word:
                gold = _of(sur, _holding(word, theirs), by_doc)
                if gold:
                    follow = f"What did {pron} say about {word}?"
                    out.append(Case("who_is", follow=follow, gold=gold, **base))
        if sum(c.kind == "who_is" for c in out) >= 2 and sum(c.kind == "medium" for c in out) >= 2:
            break
    return out


def genders(
    engine: Engine, attrs: dict[str, list[dict[str, Any]]], originals: dict[str, str]
) -> tuple[int, int, int]:
    """gender_in against the annotations' gender, per (article, speaker) where they give one."""
    ok = n = wrong = 0
    ids = {Path(d.source).stem: d.doc_id for d in engine.docs.values()}
    for name, rows in sorted(attrs.items()):
        if name not in ids or engine.docs[ids[name]].text != originals[name]:
            continue
        for who in sorted({a["source_resolved"] for a in rows if a["source_resolved"]}):
            want = _gender(rows, who)
            if want is None or not _surname(who):
                continue
            got = gender_in(who, originals[name])
            n += 1
            ok += got == want
            wrong += got in ("m", "f") and got != want
    return ok, n, wrong


def gender_report(train: Path, docs: list[dict[str, Any]], report: Path) -> None:
    """qa.referents.gender_in against the annotations' gender over every article of `train`, per
    (article, speaker) whose he/she sources give one: the evidence for the order honorific, given
    name, pronouns (fup12). Written to `report`.

    Args:
        train: the PolNeAR train folder; docs: its articles; report: the report file.
    """
    texts = {d["doc_id"]: d["text"] for d in docs}
    attrs = attributions_by_doc(train)
    ok = n = wrong = 0
    for name, rows in sorted(attrs.items()):
        for who in sorted({a["source_resolved"] for a in rows if a["source_resolved"]}):
            want = _gender(rows, who)
            if want is None or not _surname(who):
                continue
            got = gender_in(who, texts[name])
            n += 1
            ok += got == want
            wrong += got in ("m", "f") and got != want
    lines = [
        "# Gender of quoted people, read by qa.referents.gender_in (PolNeAR train)",
        "",
        "`python bench/followups.py --gender-only --report bench/reports/followups_gender.md`",
        "",
        f"Every train article; (article, speaker) pairs whose annotations give he/she sources: {n}.",
        f"Agree: {ok}; the other gender: {wrong}; unknown: {n - ok - wrong}.",
        "",
        "Before fup12 (an honorific, then the pronouns after the person's mentions): 970 agree, 72 the",
        "other gender. With a given name nearly always one gender deciding after an honorific and before",
        "the pronouns (index.attribution.words MALE_GIVEN/FEMALE_GIVEN, then gender-guesser): the figures",
        "above. The given name before an honorific as well gave 1,050 / 50; only where the pronouns say",
        "nothing, 1,023 / 74.",
        "",
    ]
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def score(engine: Engine, cases: list[Case]) -> list[Case]:
    """Each case asked in a fresh conversation; hit@1 against its gold.

    The first question of several cases is asked once: the conversation after it (its turns) is
    kept and restored before each follow-up, which is what asking it again would give (answers are
    deterministic), at half the questions."""
    conv = Conversation(engine)
    after_first: dict[str, tuple[Answer, list[Any]]] = {}
    for c in cases:
        if c.first not in after_first:
            conv.reset()
            after_first[c.first] = (conv.ask(c.first, 5), list(conv.turns))
        ans, turns = after_first[c.first]
        conv.turns = list(turns)
        top = ans.hits[0] if ans.hits else None
        c.first_hit = top is not None and top.pid in c.first_gold
        if not c.follow:
            c.searched, c.got, c.hit = ans.searched, top.pid if top else None, c.first_hit
            c.hit_v1 = c.hit
            continue
        ans = conv.ask(c.follow, 5)
        top = ans.hits[0] if ans.hits else None
        c.searched, c.got = ans.searched, top.pid if top else None
        c.hit = top is not None and top.pid in c.gold
        c.hit_v1 = top is not None and top.pid in (c.gold if c.gold_v1 is None else c.gold_v1)
        if c.kind == "who_said" and top is not None:
            names = f"{top.text} {top.speaker or ''}"
            c.hit = c.hit and bool(re.search(rf"\b{re.escape(c.surname)}\b", names))
            c.hit_v1 = c.hit
        if c.kind == "first" or c.gold_v1 is None:
            c.hit_v1 = c.hit
    return cases


# Kinds whose first question is their own (not "What did <S> say about <word>?"): kept out of "all
# follow-ups", whose figure stays comparable with earlier reports; who_else and who_about since fup13.
_WHO_SAID = ("who_else", "who_about")
_OWN_FIRST = ("who_is", "medium", *_WHO_SAID)
# Kinds since fup14: kept out of the rows above them too, which stay comparable with earlier reports.
_FUP14 = ("before", "who_why", "who_when")
# Kinds since fup15 (after a "What did <S> say about <word>?" first question): kept out of every row
# above, which stay comparable with earlier reports.
_FUP15 = ("and_about_topic", "and_description", "which_day", "occasion")
# Kinds since fup16, kept out of every row above.
_FUP16 = ("did_agree", "and_poss", "yn_why", "count", "reason")


def table(cases: list[Case]) -> list[str]:
    """Hit@1 by follow-up kind: over all conversations, and where the first answer was right."""
    kinds = [
        "first",
        "next",
        "else",
        "who_said",
        "and_other",
        "and_topic",
        "why",
        "when",
        "about",
        "it",
        "who_is",
        "medium",
        "who_else",
        "who_about",
        *_FUP14,
        *_FUP15,
        *_FUP16,
    ]
    out = [
        "| kind | n | hit@1 | n (first right) | hit@1 (first right) | hit@1 (gold v1) |",
        "|---|---:|---:|---:|---:|---:|",
    ]

    def row(name: str, cs: list[Case]) -> str:
        ok = [c for c in cs if c.first_hit]
        h = sum(c.hit for c in cs) / len(cs) if cs else 0.0
        hk = sum(c.hit for c in ok) / len(ok) if ok else 0.0
        # Gold v1: "next" from a narrower speech-verb list and no words under 30 characters;
        # "And <other>?" without their short quotes (the table's note). n may differ for "next".
        v1 = [c for c in cs if c.gold_v1 is None or c.gold_v1]
        h1 = sum(c.hit_v1 for c in v1) / len(v1) if v1 else 0.0
        return f"| {name} | {len(cs)} | {h:.3f} | {len(ok)} | {hk:.3f} | {h1:.3f} ({len(v1)}) |"

    for k in kinds:
        out.append(row(k, [c for c in cases if c.kind == k]))
    old = [c for c in cases if c.kind not in (*_FUP14, *_FUP15, *_FUP16)]
    cases_15 = [c for c in cases if c.kind not in _FUP16]
    out.append(row("all follow-ups", [c for c in old if c.kind not in ("first", *_OWN_FIRST)]))
    out.append(row("all, who_is and medium too", [c for c in old if c.kind not in ("first", *_WHO_SAID)]))
    out.append(row("all, who_else and who_about too", [c for c in old if c.kind != "first"]))
    out.append(row("all, fup14's kinds too", [c for c in cases_15 if c.kind not in ("first", *_FUP15)]))
    out.append(row("fup15's kinds", [c for c in cases if c.kind in _FUP15]))
    out.append(row("all, fup15's kinds too", [c for c in cases_15 if c.kind != "first"]))
    out.append(row("fup16's kinds", [c for c in cases if c.kind in _FUP16]))
    out.append(row("all, fup16's kinds too", [c for c in cases if c.kind != "first"]))
    return out


Carry = dict[str, list[int]]  # kind -> [carried over, asked]


def run(engine: Engine, rng: random.Random) -> tuple[list[tuple[str, str, str]], int, int, int, Carry]:
    """Conversations for every quoted speaker: (first question, follow-up, searched), the he/she
    agreement counts, and the carry-over counts ("it", "one", a modifier swapped)."""
    quoted = {q.speaker for q in engine.quotes}
    speakers = [s for s in engine.speakers_index if s.name in quoted]
    conv = Conversation(engine)
    rows: list[tuple[str, str, str]] = []
    agree = agree_n = wrong_gender = 0
    carry: Carry = {"it": [0, 0], "one": [0, 0], "modifier": [0, 0]}
    modified: set[str] = set()

    def two(first: str, follow: str) -> str:
        conv.reset()
        conv.ask(first, 3)
        searched = conv.ask(follow, 3).searched
        rows.append((first, follow, searched))
        return searched

    for s in speakers:
        docs = [engine.docs[q.doc_id].text for q in engine.quotes if q.speaker == s.name][:1]
        gender = gender_in(s.name, docs[0]) if docs else None
        pron = {"m": "he", "f": "she"}.get(gender or "", "they")
        other = rng.choice(speakers).name
        short = s.name.split()[-1]
        topic = rng.choice(["the election", "the campaign", "taxes", "the court", other.split()[-1]])
        first = f"What did {short} say about {topic}?"
        conv.reset()
        conv.ask(first, 3)
        turns = list(conv.turns)  # the conversation after the first question, restored per follow-up
        for follow in [
            "Why?",
            "When was that?",
            "Who said that?",
            f"What did {pron} say next?",
            f"And {other}?",
            f"And what did {pron} say about the economy?",
            f"Did {pron} mention {followup.possessive(other.split()[-1])} plan?",
            "How did it end?",
            f"Where did {pron} say that?",
        ]:
            conv.turns = list(turns)
            searched = conv.ask(follow, 3).searched
            rows.append((first, follow, searched))
            if pron in ("he", "she") and follow.startswith("And what did"):
                agree_n += 1
                agree += s.name in searched or short in searched
                others = [
                    x.name
                    for x in engine.speakers_index
                    if x.name != s.name
                    and x.name in searched
                    and gender_in(x.name, docs[0]) not in (None, gender)
                ]
                wrong_gender += bool(others)
        # Carry-over (no draw from rng: the conversations above stay those of earlier reports).
        if pron in ("he", "she"):
            if topic[:1].islower():
                conv.turns = list(turns)
                searched = conv.ask(f"Who would {pron} work on it with?", 3).searched
                rows.append((first, f"Who would {pron} work on it with?", searched))
                carry["it"][1] += 1
                carry["it"][0] += topic in searched
            searched = two(f"Has {short} hired a pollster?", f"Why didn't {pron} have one before?")
            carry["one"][1] += 1
            carry["one"][0] += "a pollster" in searched
        m = re.search(r"\bthe (Republican|Democratic) ([a-z]{3,})\b", docs[0]) if docs else None
        # A thing, not a person's role ("the Democratic nominee" is a speaker, swapped as a whole).
        if (
            m
            and m.group(2) not in STOPWORDS
            and m.group(2).rstrip("s") not in ROLES
            and docs[0] not in modified
        ):
            modified.add(docs[0])
            mine, other_party = (
                ("Republicans", "Democrat") if m.group(1) == "Democratic" else ("Democrats", "Republican")
            )
            searched = two(f"How many votes did the {m.group(1)} {m.group(2)} get?", f"And the {mine}?")
            carry["modifier"][1] += 1
            ok = re.search(rf"\bthe {mine[:-1]}(?:ic|s'|)\s+{m.group(2)}\b", searched)
            carry["modifier"][0] += bool(ok) and other_party not in searched
    return rows, agree, agree_n, wrong_gender, carry


if __name__ == "__main__":
    main()
