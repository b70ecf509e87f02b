"""Yes/no questions in the forms readers ask them, generated over many articles, and main's figure on them.

    python bench/polar_forms.py [--articles 40] [--seed 0] [--report bench/reports/polar_forms.md]
                                [--dump /tmp/x.jsonl] [--misses /tmp/x.txt]

bench/polar_questions.py asks an article's statements back in the article's own words; readers do
not. Its statements (a narrative sentence whose subject is a name, then an auxiliary or a past-tense
verb) are asked here in six forms, over a fixed sample of PolNeAR train articles
(bench/polnear_speaker_questions.py's sample), the three articles of bench/data/articles and the
bundled article:

- "office": the subject named by office where the article binds the office to that name
  ("Sen. Bernie Sanders ... Sanders won Michigan" -> "Did the senator win Michigan?");
- "nation": a country named by its people ("Russia has sent tanks" -> "Have the Russians sent
  tanks?", "talks with Iran" -> "talks with the Iranians");
- "more-than": a number asked as a comparison ("killed 250,000 people" -> "killed more than 200,000
  people?");
- "future": a planned matter asked in "will" ("The leaders are set to meet Monday" -> "Will the
  leaders meet Monday?");
- "according": a reported statement (PolNeAR's hand-annotated attributions of train) asked of its
  content with its source as written, by nationality where it has one ("US officials say Russia is
  supporting Assad" -> "Is Russia supporting Assad, according to the Americans?");
- "stance": the stance verb paraphrased ("Obama supported the bill" -> "Did Obama back the bill?").

A third are typed in lower case without "?". Gold: the statement (or the attribution's content) as
the article writes it. Negatives ("absent"): each form's question with the predicate of an article
outside the index (the PolNeAR sample's for the project's articles and the other way round) on this
article's subject: the matter is absent and must be declined.

Scored in process (bench/quality.score, as ../shared/eval/score.py scores). No PolNeAR text goes
into the report: it holds counts and figures (--dump and --misses write outside the project).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import polar_questions  # noqa: E402

from qa.engine import Engine  # noqa: E402

FORMS = (
    "office",
    "nation",
    "more-than",
    "future",
    "according",
    "stance",
    "office+para",
    "nation+para",
    "more-than+para",
    "future+para",
    "according+para",
)

_OFFICE = re.compile(
    r"\b(?P<o>President|Vice President|Sen\.|Senator|Gov\.|Governor|Rep\.|Secretary of State|"
    r"Prime Minister|Chancellor|Mayor|Attorney General|Speaker)\s+(?:[A-Z][\w.'’-]+\s+){0,2}"
    r"(?P<n>[A-Z][\w'’-]+)"
)
_OFFICE_WORD = {"Sen.": "senator", "Gov.": "governor", "Rep.": "congressman"}
_NUMBER = re.compile(
    r"(?:\b(?:about|nearly|almost|over|more\s+than|at\s+least)\s+)?\$?\b(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})"
    r"(?P<rest>\s+(?:million\s+|billion\s+)?[a-z]+)"
)
_FUTURE = re.compile(
    rf"^(?P<s>{polar_questions._NAME})\s+(?:(?:is|are)\s+(?:set|expected|scheduled|due|slated|poised|going)"
    r"\s+to|plans?\s+to|intends?\s+to|will)\s+(?P<vp>[a-z][^,;:\"“”]*)"
)
_STANCE = {
    "supported": "backed",
    "supports": "backs",
    "support": "back",
    "supporting": "backing",
    "backed": "supported",
    "backs": "supports",
    "back": "support",
    "backing": "supporting",
    "opposed": "objected to",
    "opposes": "objects to",
    "oppose": "object to",
    "opposing": "objecting to",
    "criticized": "attacked",
    "criticised": "attacked",
    "criticize": "attack",
    "criticise": "attack",
    "criticizing": "attacking",
    "attacked": "criticized",
    "attack": "criticize",
    "attacking": "criticizing",
    "praised": "commended",
    "praise": "commend",
    "praising": "commending",
    "endorsed": "backed",
    "endorse": "back",
    "endorsing": "backing",
    "rejected": "turned down",
    "reject": "turn down",
    "rejecting": "turning down",
    "agreed": "consented",
    "agree": "consent",
    "condemned": "denounced",
    "condemn": "denounce",
    "defended": "stood up for",
    "defend": "stand up for",
    "defending": "standing up for",
    "blamed": "faulted",
    "blame": "fault",
    "blaming": "faulting",
    "urged": "pressed",
    "urge": "press",
    "urging": "pressing",
    "warned": "cautioned",
    "warn": "caution",
    "defeated": "beat",
    "defeat": "beat",
    "beat": "defeated",
    "won": "carried",
    "win": "carry",
    "winning": "carrying",
    "refused": "declined",
    "refuse": "decline",
    "accused": "charged",
    "accuse": "charge",
    "called": "urged",
    "call": "urge",
    "vowed": "pledged",
    "vow": "pledge",
    "promised": "pledged",
    "promise": "pledge",
    "denied": "disputed",
    "deny": "dispute",
    "approved": "passed",
    "approve": "pass",
    "announced": "unveiled",
    "announce": "unveil",
    "dropped": "abandoned",
    "drop": "abandon",
    "launched": "started",
    "launch": "start",
    "ended": "stopped",
    "end": "stop",
}


def clauses(text: str) -> list[tuple[str, str, str]]:
    """polar_questions.statements over each sentence and each of its clauses that opens after a
    comma, a semicolon or "that" ("..., and Russia has sent tanks" -> "Has Russia sent tanks?").

    Args:
        text: the article.
    Returns:
        (question, statement as written, subject), without repeats.
    """
    out: list[tuple[str, str, str]] = []
    for m in polar_questions._SENTENCE.finditer(text):
        sent = m.group().strip()
        pieces = [sent] + [p.strip() for p in re.split(r"[,;]\s+(?:and\s+|but\s+)?|\bthat\s+", sent)[1:]]
        for p in pieces:
            if p[:1].isupper():
                out.extend(polar_questions.statements(p if p.endswith((".", "!", "?")) else p + "."))
    return list(dict.fromkeys(out))


# Everyday verbs and nouns in other words, as readers put them ("met" -> "held talks with"): the
# "+para" variants of the forms above, whose words the article no longer holds.
_PARA = {
    "meet": "hold talks with",
    "met": "held talks with",
    "meeting": "holding talks with",
    "said": "stated",
    "say": "state",
    "told": "informed",
    "tell": "inform",
    "sent": "dispatched",
    "send": "dispatch",
    "sending": "dispatching",
    "killed": "claimed the lives of",
    "kill": "claim the lives of",
    "helped": "assisted",
    "help": "assist",
    "helping": "assisting",
    "wanted": "sought",
    "want": "seek",
    "wants": "seeks",
    "started": "began",
    "start": "begin",
    "begun": "started",
    "bought": "purchased",
    "buy": "purchase",
    "sold": "marketed",
    "sell": "market",
    "asked": "requested",
    "ask": "request",
    "gave": "handed",
    "give": "hand",
    "given": "handed",
    "made": "produced",
    "make": "produce",
    "making": "producing",
    "raised": "collected",
    "raise": "collect",
    "raising": "collecting",
    "visited": "toured",
    "visit": "tour",
    "visiting": "touring",
    "won": "secured",
    "win": "secure",
    "winning": "securing",
    "lost": "was defeated in",
    "left": "departed",
    "leave": "depart",
    "leaving": "departing",
    "run": "campaign",
    "running": "campaigning",
    "ran": "campaigned",
    "talked": "spoke",
    "talk": "speak",
    "talking": "speaking",
    "used": "employed",
    "use": "employ",
    "using": "employing",
    "showed": "revealed",
    "show": "reveal",
    "shows": "reveals",
    "tried": "attempted",
    "try": "attempt",
    "trying": "attempting",
    "big": "large",
    "huge": "enormous",
    "new": "fresh",
    "important": "key",
    "people": "individuals",
    "country": "nation",
    "war": "conflict",
    "job": "post",
    "jobs": "positions",
    "law": "statute",
    "election": "vote",
    "campaign": "run",
    "leader": "head",
    "leaders": "heads",
    "plan": "proposal",
}


def paraphrased(q: str) -> str | None:
    """The question with its first two words of _PARA in other words, or None when it has none."""
    words, done = q.split(), 0
    for i, w in enumerate(words):
        if i and w.lower().strip("?") in _PARA and done < 2:
            words[i] = _PARA[w.lower().strip("?")] + ("?" if w.endswith("?") else "")
            done += 1
    return " ".join(words) if done else None


def _demonyms() -> dict[str, str]:
    """Country name as written ("Russia", "the United States", "U.S.") -> its people ("the Russians")."""
    from qa import equivalents

    out: dict[str, str] = {}
    for info in equivalents.country_table():
        dem = (info.get("demonym") or "").strip()
        name = (info.get("name") or "").strip()
        if not dem or not name or " " in dem:
            continue
        out[name] = f"the {dem}s"
    out.update({"U.S.": "the Americans", "US": "the Americans", "America": "the Americans"})
    out["United States"] = "the Americans"
    return out


def _offices(text: str) -> dict[str, str]:
    """Surname -> "the <office>" where the article binds exactly one office to it and no other
    surname to that office."""
    pairs: dict[str, set[str]] = {}
    for m in _OFFICE.finditer(text):
        office = _OFFICE_WORD.get(m.group("o"), m.group("o").lower())
        pairs.setdefault(m.group("n"), set()).add(office)
    by_office = Counter(next(iter(o)) for o in pairs.values() if len(o) == 1)
    return {
        n: f"the {next(iter(o))}" for n, o in pairs.items() if len(o) == 1 and by_office[next(iter(o))] == 1
    }


def _lead(q: str, rng: random.Random) -> str:
    """A third typed in lower case without "?"."""
    return q.rstrip("?").lower() if rng.random() < 0.33 else q


def _rounded(n: int) -> int | None:
    """A round number below n: 250,000 -> 200,000; 37 -> 30; None below 10."""
    if n < 10:
        return None
    mag = 10 ** (len(str(n)) - 1)
    low = (n // mag) * mag
    if low == n:
        low = n - mag if n - mag > 0 else None  # type: ignore[assignment]
    return low


def _as_asked(s: str) -> str:
    """A subject as a question writes it: "the White House" for "The White House"."""
    return s[0].lower() + s[1:] if s.startswith("The ") else s


def office_forms(text: str, found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) with the subject named by office."""
    offices = _offices(text)
    out = []
    for q, said, s in found:
        last = s.split()[-1]
        if last in offices and s.split()[0] not in {"The", "the"}:
            out.append((q.replace(s, offices[last], 1), said, offices[last]))
    return out


def nation_forms(found: list[tuple[str, str, str]], dem: dict[str, str]) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) with a country named by its people."""
    out = []
    for q, said, s in found:
        body = q.split(" ", 1)[1] if " " in q else q
        for name in sorted(dem, key=len, reverse=True):
            pat = re.compile(rf"(?<![\w.])(?:the\s+)?{re.escape(name)}(?![\w'’])")
            if pat.search(body):
                new = pat.sub(dem[name], body, count=1)
                aux = q.split(" ", 1)[0]
                if aux in {"Has", "Is", "Was", "Does"} and new.startswith(dem[name]):
                    aux = {"Has": "Have", "Is": "Are", "Was": "Were", "Does": "Do"}[aux]
                out.append((f"{aux} {new}", said, dem[name] if new.startswith(dem[name]) else _as_asked(s)))
                break
    return out


_NUM_CLAUSE = re.compile(
    r"^(?P<s>(?:The|the)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"
    r"(?:(?P<aux>has|have|had)\s+)?(?P<v>[a-z]{3,}ed|won|lost|spent|sold|paid|got|made|drew|took|gave|left)\s+"
    r"(?P<obj>(?:[a-z]+\s+){0,4}?(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+)?"
    r"\$?\d[\d,.]*(?:\s+(?:million|billion|percent|per\s+cent))?(?:\s+[a-z]+)?)"
)
_IRREGULAR = {
    "won": "win",
    "lost": "lose",
    "spent": "spend",
    "sold": "sell",
    "paid": "pay",
    "got": "get",
    "made": "make",
    "drew": "draw",
    "took": "take",
    "gave": "give",
    "left": "leave",
}


def number_clauses(text: str) -> list[tuple[str, str, str]]:
    """(question, statement as written, subject) of each clause whose verb takes a number: "The war has
    killed 250,000 people" -> "Has the war killed 250,000 people?"; "Sanders won 52 percent" -> "Did
    Sanders win 52 percent?"."""
    out = []
    for m in polar_questions._SENTENCE.finditer(text):
        sent = m.group().strip()
        if re.search(r"[\"“”]", sent):
            continue
        for p in [sent] + [x.strip() for x in re.split(r"[,;]\s+(?:and\s+|but\s+)?|\bthat\s+", sent)[1:]]:
            c = _NUM_CLAUSE.match(p)
            if c is None or c.group("s").split()[0] in polar_questions._OPENERS - {"The", "the"}:
                continue
            s, v, obj = c.group("s"), c.group("v"), c.group("obj")
            if re.search(r"\b(?:19|20)\d\d\b", obj) or v in polar_questions._SPEECH:
                continue
            subj = _as_asked(s)
            if c.group("aux"):
                q = f"{c.group('aux').capitalize()} {subj} {v} {obj}?"
            else:
                base = _IRREGULAR.get(v) or polar_questions._lemma(v)
                if base is None:
                    continue
                q = f"Did {subj} {base} {obj}?"
            out.append((q, p[: c.end()], s))
    return out


_COUNTED = re.compile(
    r"(?:\b(?:at\s+least|about|nearly|almost|some|over|more\s+than)\s+)?(?<![\w,.$])(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})"
    r"\s+(?P<noun>[a-z]+s)\s+(?:(?P<aux>have|had)\s+)?(?P<v>[a-z]{3,}ed|lost|fled|left|died|voted|signed)\b"
    r"(?P<rest>(?:\s+[a-z]+){0,4})"
)


def counted_forms(text: str) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) of a counted subject asked as "more than": "at least
    250,000 people lost their lives" -> "Did more than 200,000 people lose their lives?"."""
    out = []
    for m in _COUNTED.finditer(text):
        n = int(m.group("n").replace(",", ""))
        low = _rounded(n)
        if low is None or 1900 <= n <= 2100:
            continue
        v = m.group("v")
        rest = " ".join(w for w in m.group("rest").split())
        subj = f"more than {low:,} {m.group('noun')}"
        if m.group("aux"):
            q = f"{m.group('aux').capitalize()} {subj} {v} {rest}".strip() + "?"
        else:
            base = _IRREGULAR.get(v) or {"fled": "flee", "died": "die"}.get(v) or polar_questions._lemma(v)
            if base is None:
                continue
            q = f"Did {subj} {base} {rest}".strip() + "?"
        out.append((q, m.group(0).strip(), subj))
    return out


def more_than_forms(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) with a number asked as "more than" a round number below it."""
    out = []
    for q, said, s in found:
        m = _NUMBER.search(q)
        if not m:
            continue
        low = _rounded(int(m.group("n").replace(",", "")))
        if low is None or (1900 <= int(m.group("n").replace(",", "")) <= 2100):
            continue  # no years
        out.append(
            (q[: m.start()] + f"more than {low:,}" + m.group("rest") + q[m.end() :], said, _as_asked(s))
        )
    return out


def future_forms(text: str) -> list[tuple[str, str, str]]:
    """(question, gold, subject) of a planned matter asked in "will"."""
    out = []
    for m in polar_questions._SENTENCE.finditer(text):
        sent = m.group().strip()
        if re.search(r"[\"“”]", sent):
            continue
        f = _FUTURE.match(sent)
        if not f or f.group("s").split()[0] in polar_questions._OPENERS - {"The"}:
            continue
        vp = polar_questions._vp(f.group("vp").split())
        if len(vp) < 2:
            continue
        s = f.group("s")
        subj = s[0].lower() + s[1:] if s.startswith("The ") else s
        said = sent[: sent.index(" ".join(vp[:2]), len(s)) + len(" ".join(vp[:2]))]
        out.append((f"Will {subj} {' '.join(vp)}?", said, s))
    return out


def according_forms(doc_id: str, atts: list[dict], dem: dict[str, str]) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) of a reported statement asked with its source: "..., according to X?"."""
    out = []
    for a in atts:
        if a["doc_id"] != doc_id or a.get("direct") or not a.get("source_text"):
            continue
        src = a["source_text"].strip()
        if src.lower() in {"he", "she", "they", "it", "we", "i", "you", "who", "which"} or len(src) > 40:
            continue
        for name, people in dem.items():
            if re.match(
                rf"(?:the\s+)?{re.escape(name)}\s+(?:officials|government|administration)$", src, re.I
            ):
                src = people
                break
        content = a["content_text"].strip()
        content = re.sub(r"^(?:that|,)\s+", "", content)
        content = content[:1].upper() + content[1:]
        found = polar_questions.statements(content.rstrip(".") + ".")
        if not found:
            continue
        q, said, s = found[0]
        src_q = src if src[:1].isupper() and not src.lower().startswith("the ") else src[0].lower() + src[1:]
        out.append((f"{q.rstrip('?')}, according to {src_q}?", said, _as_asked(s)))
    return out


def stance_forms(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(question, gold, subject as asked) with the statement's stance verb paraphrased."""
    out = []
    for q, said, s in found:
        words = q.split()
        at = len(s.split()) + 1
        for i in range(1, len(words)):
            if i >= at and words[i].lower() in _STANCE:
                words[i] = _STANCE[words[i].lower()]
                out.append((" ".join(words), said, _as_asked(s)))
                break
    return out


def form_items(
    docs: dict[str, str],
    atts: list[dict],
    rng: random.Random,
    per_form: int,
    foreign: list[tuple[str, str, str]],
) -> list[dict]:
    """The generated questions: per article, up to `per_form` of each form and one negative per form.

    Args:
        docs: article id -> text.
        atts: PolNeAR attributions of those articles (empty for the others).
        rng: picks the statements and the reader's variants.
        per_form: questions of each form per article, at most.
        foreign: statements of articles that are not in this index: the negatives' predicates, so
            that the asked matter is absent from every document.
    Returns:
        Items as the eval sets have them, with "article" and "kind" (a form, or "absent").
    """
    dem = _demonyms()
    made = {d: clauses(t) for d, t in sorted(docs.items())}
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        found = made[doc_id]
        forms = {
            "office": office_forms(text, found),
            "nation": nation_forms(found, dem),
            "more-than": more_than_forms(list(dict.fromkeys(found + number_clauses(text))))
            + counted_forms(text),
            "future": [(q, g, _as_asked(s)) for q, g, s in future_forms(text)],
            "according": according_forms(doc_id, atts, dem),
            "stance": stance_forms(found),
        }
        for kind in ("office", "nation", "more-than", "future", "according"):
            forms[kind + "+para"] = [(p, g, sj) for q, g, sj in forms[kind] if (p := paraphrased(q))]
        others = foreign
        for kind, pairs in forms.items():
            pairs = list(dict.fromkeys(pairs))
            for q, gold, _ in rng.sample(pairs, min(per_form, len(pairs))):
                out.append(
                    {
                        "question": _lead(q, rng),
                        "history": [],
                        "answers": [gold],
                        "answerable": True,
                        "article": doc_id,
                        "kind": kind,
                    }
                )
            if not pairs or not others:
                continue
            # absent: this form's subject, another article's predicate
            q, _, subj = rng.choice(pairs)
            oq, _, os_ = rng.choice(others)
            head = "Have" if subj.startswith("the ") and subj.endswith("s") else q.split(" ", 1)[0]
            pred = oq[len(oq.split(" ", 1)[0]) + 1 :]
            pred = pred[len(_as_asked(os_)) :].strip()
            if subj and pred:
                aux = oq.split(" ", 1)[0]
                if head in {"Have", "Are", "Were", "Do"}:
                    aux = {"Has": "Have", "Is": "Are", "Was": "Were", "Does": "Do"}.get(aux, aux)
                out.append(
                    {
                        "question": _lead(f"{aux} {subj} {pred}", rng),
                        "history": [],
                        "answerable": False,
                        "article": doc_id,
                        "kind": "absent",
                        "form": kind,
                    }
                )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-form", type=int, default=3)
    ap.add_argument("--report", type=Path)
    ap.add_argument("--dump", type=Path, help="write the generated items (JSONL) here, outside the project")
    ap.add_argument("--compare-factors", default="1.5,3,10,100", help="qa.polar.COMPARE_FACTOR values")
    ap.add_argument("--misses", type=Path, help="write each miss with its reason here, outside the project")
    args = ap.parse_args()

    import polnear_speaker_questions as psq
    import quality

    from qa.evaluate import gold_rank
    from qa.session import Conversation

    engine, _ = psq.speaker_set(args.articles, args.seed)
    folder = quality.OUT / f"polnear-train-{args.articles}-{args.seed}"
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    atts = [a for a in psq._read("attributions.jsonl.gz") if a["doc_id"] in docs]
    rng = random.Random(args.seed)
    local = [REPO / "index" / "article.txt", *sorted((REPO / "bench" / "data" / "articles").glob("*.txt"))]
    local_engine = quality.index_of("polar-forms-local", local)
    local_docs = {p.stem: p.read_text(encoding="utf-8") for p in local}
    said = {
        name: [x for t in ds.values() for x in clauses(t)] for name, ds in (("p", docs), ("l", local_docs))
    }
    groups = [
        ("polnear", engine, form_items(docs, atts, rng, args.per_form, said["l"])),
        ("local", local_engine, form_items(local_docs, [], rng, args.per_form + 3, said["p"])),
    ]
    items = [it for _, _, its in groups for it in its]
    if args.dump:
        args.dump.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")

    kinds = (*FORMS, "absent")
    lines = [
        "# Yes/no questions in readers' forms, generated (bench/polar_forms.py)",
        "",
        f"`python bench/polar_forms.py --articles {args.articles} --seed {args.seed} --per-form {args.per_form}`: "
        f"{len(docs)} PolNeAR train articles and {len(local_docs)} of the project's own; "
        + ", ".join(f"{k} {sum(it['kind'] == k for it in items)}" for k in kinds)
        + ".",
        "",
        "| form | n | hit@1 | recall@5 | wrongly declined | declined (absent) |",
        "|---|---|---|---|---|---|",
    ]
    miss_lines: list[str] = []
    pooled: dict[str, list[float]] = {k: [0, 0.0, 0.0, 0.0, 0.0] for k in kinds}
    for _, eng, its in groups:
        conv = Conversation(eng)
        for it in its:
            a = conv.ask(it["question"], 5)
            conv.reset()
            p = pooled[it["kind"]]
            p[0] += 1
            if not it["answerable"]:
                p[4] += a.abstained
                if not a.abstained:
                    miss_lines.append(f"answered  [{it['kind']}/{it.get('form')}] {it['question']}")
                continue
            if a.abstained:
                p[3] += 1
                miss_lines.append(f"declined  [{it['kind']}] {it['question']}  -- {a.reason}")
                continue
            r = gold_rank(it, [(h.text, h.source) for h in a.hits], 5, 600)
            p[1] += r == 0
            p[2] += r is not None
            if r != 0:
                miss_lines.append(
                    f"rank {None if r is None else r + 1}  [{it['kind']}] {it['question']}  || gold: {it['answers'][0]}"
                )
    tot = [0, 0.0, 0.0, 0.0]
    for k in kinds:
        n, h, r, d, ab = pooled[k]
        if k == "absent":
            lines.append(f"| {k} | {int(n)} | | | | {ab / max(n, 1):.3f} |")
        else:
            lines.append(
                f"| {k} | {int(n)} | {h / max(n, 1):.3f} | {r / max(n, 1):.3f} | {d / max(n, 1):.3f} | |"
            )
            tot = [tot[0] + n, tot[1] + h, tot[2] + r, tot[3] + d]
    lines.append(
        f"| all answerable | {int(tot[0])} | {tot[1] / tot[0]:.3f} | {tot[2] / tot[0]:.3f} | {tot[3] / tot[0]:.3f} | |"
    )
    from qa import polar

    kept = getattr(polar, "COMPARE_FACTOR", None)  # None: a checkout without it (main before round 19)
    lines += [
        "",
        "qa.polar.COMPARE_FACTOR over the more-than forms:",
        "",
        "| COMPARE_FACTOR | n | hit@1 | recall@5 |",
        "|---|---|---|---|",
    ]
    for factor in [float(x) for x in args.compare_factors.split(",")] if kept is not None else []:
        polar.COMPARE_FACTOR = factor
        n = h = r = 0
        for _, eng, its in groups:
            asked = [it for it in its if it["kind"].startswith("more-than")]
            if asked:
                res = quality.score(eng, asked, None)
                n, h, r = n + len(asked), h + res["hit@1"] * len(asked), r + res["recall@5"] * len(asked)
        lines.append(f"| {factor:g} | {n} | {h / max(n, 1):.3f} | {r / max(n, 1):.3f} |")
    if kept is not None:
        polar.COMPARE_FACTOR = kept
    lines += ["", *gate_lines([(eng, d) for (_, eng, _), d in zip(groups, (docs, local_docs), strict=True)])]
    if args.misses:
        args.misses.write_text("\n".join(miss_lines) + "\n", encoding="utf-8")
    quality.publish(lines, args.report)
    return 0


def gate_lines(pairs: list[tuple[Engine, dict[str, str]]]) -> list[str]:
    """The two decline gates a paraphrased yes/no question meets, read over every case the articles
    give, whatever the ranking: (1) a people named by its plural demonym ("the Iranians") where the
    documents name the country: is it known, or "the documents do not mention Iranians"? (2) a
    present "when" clause made of each past statement ("Obama met Putin" -> "Will it come up when
    Obama meets Putin?"): is it read as a past event (qa.planned.clause_verbs), which declines the
    question where the documents give the verb only as planned?

    Args:
        pairs: (engine, article id -> text) of each index.
    Returns:
        The report's lines.
    """
    from qa import not_mentioned, planned

    dem = _demonyms()
    known = total = 0
    for eng, ds in pairs:
        named = {
            people
            for name, people in dem.items()
            for t in ds.values()
            if re.search(rf"\b{re.escape(name)}\b", t)
        }
        for people in sorted(named):
            word = people.split()[-1]
            terms = eng.terms(word)
            if not terms:
                continue
            total += 1
            known += not_mentioned._known(eng, terms[0], word)
    misread = clauses_n = 0
    for _, ds in pairs:
        for t in ds.values():
            for q, _said, s in clauses(t):
                m = re.match(r"Did (?P<s>.+?) (?P<v>[a-z]+) (?P<rest>.+)\?$", q)
                if m is None or m.group("s") != _as_asked(s):
                    continue
                v = m.group("v")
                third = v + "es" if v.endswith(("s", "sh", "ch", "x", "z", "o")) else v + "s"
                clauses_n += 1
                misread += bool(planned.clause_verbs(f"Will it come up when {s} {third} {m.group('rest')}?"))
    return [
        "| gate | cases | share |",
        "|---|---|---|",
        f"| plural demonym of a country the documents name, known | {total} | {known / max(total, 1):.3f} |",
        f'| present "when" clause read as a past event | {clauses_n} | {misread / max(clauses_n, 1):.3f} |',
    ]


if __name__ == "__main__":
    raise SystemExit(main())
