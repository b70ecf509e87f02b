"""Typed near misses generated from PolNeAR train articles: a public set of questions asking a value
the article does not give about a person it names (issue 9, deliver 3: "a near miss is declined").

    python bench/typed_near_misses.py                 # 25 articles (seed 0), the questions to stdout

For each article of bench/polnear_speaker_questions.py's fixed sample, and for up to PER_ARTICLE
persons it names (the hand-annotated sources resolved to a name of two words), it asks of the whole sample's index:

- "How old is <name>?" when no age is given beside any mention of the surname ("Jones, 26," or
  "26-year-old ... Jones" within one sentence) and no sentence naming the surname says "born";
- "How much money did <name> raise?" when no sentence naming the surname states a sum of money;
- "What time did <name> arrive?" when no sentence naming the surname states a clock time.

Each is unanswerable there: the article names the person, often beside values of other kinds (other
people's ages, other sums, dates). Where an article does give the age ("Rakeem Jones, 26,"), the age
question is an answerable control with that age as its answer. Texts are read at run time and never
stored in the project.
"""

from __future__ import annotations

import collections
import random
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index.attribution.words import DAYS, MONTH_RE, MONTHS, ROLE_RE  # noqa: E402
from qa import answer_type  # noqa: E402

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\b\d{1,2}:\d\d\b", re.I)
PER_ARTICLE = 3  # persons per article, at most


def _sentences_naming(text: str, surname: str) -> list[str]:
    rx = re.compile(rf"\b{re.escape(surname)}\b")
    return [m.group(0) for m in _SENTENCE.finditer(text) if rx.search(m.group(0))]


def _age_of(text: str, first: str, surname: str) -> str | None:
    """The age an article gives a person: "Jones, 26," or "Rakeem Jones, 26," (None when none)."""
    m = re.search(rf"\b(?:{re.escape(first)} )?{re.escape(surname)}, (\d{{2}}),", text)
    return m.group(1) if m else None


def questions(docs: dict[str, str], persons: dict[str, set[str]], rng: random.Random) -> list[dict]:
    """The typed near-miss questions (and the answerable age controls) of a set of articles.

    Args:
        docs: article id -> text.
        persons: article id -> the two-word names of its hand-annotated sources (real persons).
        rng: picks PER_ARTICLE persons of each article.
    Returns:
        Items as the eval sets have them ("question", "history", "answerable", "answers"), with
        "article" and "kind" ("age", "money", "time").
    """
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        names = sorted(n for n in persons.get(doc_id, ()) if n in text)
        for name in rng.sample(names, min(PER_ARTICLE, len(names))):
            first, surname = name.split()[0], name.split()[-1]
            said = _sentences_naming(text, surname)
            base = {"history": [], "article": doc_id}
            age = _age_of(text, first, surname)
            if age is not None:
                out.append(
                    {
                        **base,
                        "question": f"How old is {name}?",
                        "answerable": True,
                        "answers": [age],
                        "kind": "age",
                    }
                )
            elif not any(re.search(r"\bborn\b|\byear-old\b|\byears old\b", s) for s in said):
                out.append({**base, "question": f"How old is {name}?", "answerable": False, "kind": "age"})
            if not any(answer_type.fact_evidence("money", s) for s in said):
                q = f"How much money did {name} raise?"
                out.append({**base, "question": q, "answerable": False, "kind": "money"})
            if not any(_CLOCK.search(s) for s in said):
                q = f"What time did {name} arrive?"
                out.append({**base, "question": q, "answerable": False, "kind": "time"})
    return out


_WILL = re.compile(r"\b(?P<s>(?:[A-Z][\w'’.-]+ ){0,2}[A-Z][\w'’-]+) will (?P<vp>(?:[a-z][\w'’-]* ?){1,5})")
# Words a verb phrase cut at five words may end on: dropped ("... face more questions about").
_VP_TAIL = frozenset(
    "the a an on in of for about after before with at by from into over his her their its".split()
)
_VP_STOP = frozenset("and but or that which who because if when while as than to".split())
_OPENERS = frozenset(
    "The This That It He She They We I You His Her Their But And If When What Whether Perhaps".split()
)
_MARGIN = re.compile(
    r"\bby (?:(?:more|less|fewer) than |nearly |almost |about |roughly |some |over |just |only )?"
    r"(?P<n>\d[\d,.]*) (?:percentage )?(?P<noun>points|votes|delegates|seats)\b"
)


def future_questions(docs: dict[str, str]) -> list[dict]:
    """Questions "When will X <do it>?" for each "X will <do it>" of an article (X a capitalised name).

    Unanswerable when no sentence naming X gives a date to come (answer_type.fact_evidence
    "future": "next week", "in March", "within two years"); an answerable control, with the date as
    its answer, when the "will" sentence itself holds a date ("... will vote on Tuesday").

    Args:
        docs: article id -> text.
    Returns:
        Items with "kind" "future".
    """
    from wordfreq import zipf_frequency

    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        seen: set[str] = set()
        for sent in _SENTENCE.findall(text):
            for m in _WILL.finditer(sent):
                subject = m.group("s")
                first = subject.split()[0]
                if first in _OPENERS or first.lower() in MONTHS | DAYS or '"' in sent or "“" in sent:
                    continue  # a sentence opener, not a name; or inside a quotation
                vp: list[str] = []
                for w in m.group("vp").split():
                    if w in _VP_STOP:
                        break
                    vp.append(w)
                while vp and vp[-1] in _VP_TAIL:
                    vp.pop()
                common = len(subject.split()) == 1 and zipf_frequency(subject.lower(), "en") > 3.5
                if len(vp) < 2 or subject in seen or common:  # "Most will ...", "Reporters will ..."
                    continue
                seen.add(subject)
                q = f"When will {subject} {' '.join(vp)}?"
                base = {"history": [], "article": doc_id, "kind": "future", "question": q}
                dated = re.search(
                    rf"\b(?:on|in|by) ((?:{answer_type._WEEKDAYS[3:-1]})|(?:{MONTH_RE})(?: \d{{1,2}})?|20\d\d)\b",
                    sent,
                    re.I,
                )
                if dated:
                    out.append({**base, "answerable": True, "answers": [dated.group(1)]})
                elif not any(
                    answer_type.fact_evidence("future", x) for x in _sentences_naming(text, subject)
                ):
                    out.append({**base, "answerable": False})
    return out


def margin_questions(docs: dict[str, str], persons: dict[str, set[str]]) -> list[dict]:
    """Questions "How many votes did X get?" where the article gives only a margin beside X ("X leads
    by 5 points"), and no sentence naming X counts the noun itself (abstain.count_of).

    Args:
        docs: article id -> text.
        persons: article id -> the two-word names of its hand-annotated sources.
    Returns:
        Items with "kind" "margin" (all unanswerable).
    """
    from qa import abstain

    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        for name in sorted(n for n in persons.get(doc_id, ()) if n in text):
            said = _sentences_naming(text, name.split()[-1])
            nouns = sorted({m.group("noun") for x in said for m in _MARGIN.finditer(x)})
            for noun in nouns:
                if not any(abstain.count_of(noun, x) for x in said):
                    q = f"How many {noun} did {name} get?"
                    out.append(
                        {
                            "history": [],
                            "article": doc_id,
                            "kind": "margin",
                            "question": q,
                            "answerable": False,
                        }
                    )
    return out


def typed_set(articles: int = 25, seed: int = 0) -> tuple[object, list[dict]]:
    """The PolNeAR train sample's index (bench/polnear_speaker_questions.py) and its typed near misses.

    Args:
        articles: how many train articles.
        seed: the sample's seed.
    Returns:
        (engine, items).
    """
    import polnear_speaker_questions
    import quality

    engine, _ = polnear_speaker_questions.speaker_set(articles, seed)
    folder = quality.OUT / f"polnear-train-{articles}-{seed}"
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    persons: dict[str, set[str]] = {}
    for a in polnear_speaker_questions._read("attributions.jsonl.gz"):
        name = a.get("source_resolved")
        if a["doc_id"] in docs and a.get("source_resolved_by") == "name" and name and len(name.split()) == 2:
            persons.setdefault(a["doc_id"], set()).add(name)
    return engine, questions(docs, persons, random.Random(seed))


_YEARS = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")
SHIFTS = (3, -3, 5, -5, 7, -7, 11, -11)  # the first of these years that the article never names


def shifted_years(items: list[dict], folder: Path) -> list[dict]:
    """SQuAD questions that name a year their article names, asked of another year the article never
    names ("Who won Super Bowl 50 in 2016?" -> "... in 2019?"): about a time the article cannot
    know, so unanswerable.

    Args:
        items: SQuAD items (bench/quality.squad_items), each with its article's file name as "doc".
        folder: where the articles are.
    Returns:
        Items with "kind" "year", all unanswerable.
    """
    out: list[dict] = []
    for it in items:
        years = _YEARS.findall(it["question"])
        if not years or not it.get("answerable", True):
            continue
        text = (folder / it["doc"]).read_text(encoding="utf-8")
        if not all(y in text for y in years):
            continue
        q = it["question"]
        for y in dict.fromkeys(years):
            new = next((str(int(y) + k) for k in SHIFTS if str(int(y) + k) not in text), None)
            if new is None:
                break
            q = re.sub(rf"\b{y}\b", new, q)
        else:
            out.append({"question": q, "history": [], "answerable": False, "kind": "year", "doc": it["doc"]})
    return out


KINDS_ARTICLES = 60  # PolNeAR train articles, at most, indexed for the kinds set


def _unused_train_docs(*also_taken: str) -> dict[str, str]:
    """PolNeAR train articles used by no other set: not news-dev's, not the speaker sample's
    (bench/out/polnear-train-25-0), nor those of the bench/out folders named in `also_taken`.

    Args:
        also_taken: names of further bench/out folders whose articles are taken.

    Returns:
        doc_id -> text.
    """
    import polnear_speaker_questions as speaker
    import quality

    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in speaker.NEWS_DEV.iterdir()}
    taken = {
        p.stem for name in ("polnear-train-25-0", *also_taken) for p in (quality.OUT / name).glob("*.txt")
    }
    return {
        d["doc_id"]: d["text"] for d in speaker._read("docs.jsonl.gz") if d["doc_id"] not in in_dev | taken
    }


def _index_articles(folder: Path, docs: dict[str, str], keep: Iterable[str]) -> object:
    """Write the `keep` articles of `docs` into `folder` (once) and return an engine over them.

    Args:
        folder: a bench/out folder.
        docs: doc_id -> text.
        keep: the doc_ids to index.

    Returns:
        The engine (bench/quality.index_of).
    """
    import quality

    folder.mkdir(parents=True, exist_ok=True)
    for doc_id in sorted(keep):
        f = folder / f"{doc_id}.txt"
        if not f.exists():
            f.write_text(docs[doc_id], encoding="utf-8")
    return quality.index_of(folder.name, [folder], True)


def kinds_set(seed: int = 0) -> tuple[object, list[dict]]:
    """Near misses of a date to come and of a count given only as a margin, from PolNeAR train: the
    articles (never news-dev's, never the speaker sample's) with a question of either kind
    (future_questions, margin_questions), at most KINDS_ARTICLES of them picked by `seed`, indexed
    together and asked of that index.

    Args:
        seed: picks the articles.
    Returns:
        (engine, items).
    """
    import polnear_speaker_questions as speaker
    import quality

    docs = _unused_train_docs()
    persons: dict[str, set[str]] = {}
    for a in speaker._read("attributions.jsonl.gz"):
        name = a.get("source_resolved")
        if a["doc_id"] in docs and a.get("source_resolved_by") == "name" and name and len(name.split()) == 2:
            persons.setdefault(a["doc_id"], set()).add(name)
    items = future_questions(docs) + margin_questions(docs, persons)
    ids = sorted({it["article"] for it in items})
    keep = set(random.Random(seed).sample(ids, min(KINDS_ARTICLES, len(ids))))
    folder = quality.OUT / f"polnear-kinds-{seed}"
    return _index_articles(folder, docs, keep), [it for it in items if it["article"] in keep]


# "<Subject> won 5,210 votes": a count bound to a named subject by a verb of getting or doing. The
# verbs with their plain form, for the question "How many votes did <Subject> win?".
_COUNT_VERBS = {
    "won": "win",
    "received": "receive",
    "got": "get",
    "gained": "gain",
    "took": "take",
    "scored": "score",
    "raised": "raise",
    "earned": "earn",
    "collected": "collect",
    "secured": "secure",
    "threw": "throw",
    "sold": "sell",
    "lost": "lose",
    "captured": "capture",
    "carried": "carry",
    "killed": "kill",
    "recorded": "record",
    "signed": "sign",
    "employed": "employ",
    "built": "build",
    "wrote": "write",
    "published": "publish",
    "released": "release",
    "hired": "hire",
    "opened": "open",
    "closed": "close",
    "cut": "cut",
    "added": "add",
    "created": "create",
    "produced": "produce",
    "attracted": "attract",
    "visited": "visit",
    "made": "make",
    "caught": "catch",
    "spent": "spend",
    "owned": "own",
}
_NUM = rf"(?:\d[\d,.]*|{answer_type.NUMBER_WORDS})"
# "Marmorato won 5,210 votes", "Newton, the league's MVP, threw 35 touchdowns", "Trump has won 20
# delegates": a named subject, an optional appositive, a verb of getting or doing, a count and its noun.
_COUNT_SENT = re.compile(
    rf"(?<![\w'’])(?P<s>[A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+|of|de|van|von)){{0,3}})(?:, [^,]{{3,60}},)? "
    rf"(?:also |then |eventually |ultimately |had |has |have |only )?"
    rf"(?P<v>{'|'.join(_COUNT_VERBS)}) (?:(?:about|nearly|almost|more than|over|some|just|only|around|roughly|at least) )?"
    rf"(?P<n>{_NUM})(?: (?:million|thousand|hundred|billion))? (?:(?:[a-z][\w-]+) )?(?P<noun>[a-z]{{3,}}s)\b"
)
_SUBJECT = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")
_NOT_SUBJECT = frozenset("On In At By For From To Of With After Before During Since Under Over Among".split())
COUNT_PER_ARTICLE = 4  # count questions per article, at most, of each kind (answerable, near miss)


def count_questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """Questions "How many <noun> did <subject> <verb>?" from sentences "<Subject> <verb> <N> <noun>".

    Answerable control: the subject the sentence counts for, with the number as its answer.
    Near miss: the same noun and verb asked of another name of the same article (two or three
    capitalised words, named at least twice) that no sentence naming it counts that noun for
    (qa.abstain.count_of), so the article gives the count for one subject and not the asked one.

    Args:
        docs: article id -> text.
        rng: picks the subjects of each article.
    Returns:
        Items with "kind" "count" (answerable) or "count-other" (unanswerable).
    """
    from wordfreq import zipf_frequency

    from qa import abstain

    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        found: list[tuple[str, str, str, str]] = []  # subject, verb, number, noun
        for sent in _SENTENCE.findall(text):
            for m in _COUNT_SENT.finditer(sent):
                subj = m.group("s")
                first = subj.split()[0]
                if first in _OPENERS or first.lower() in MONTHS | DAYS:
                    continue
                if first in _NOT_SUBJECT or (
                    len(subj.split()) == 1 and zipf_frequency(subj.lower(), "en") > 3.5
                ):
                    continue  # "Police", "Democrats" lead a sentence, but "Most" or "Some" do too
                noun = m.group("noun")
                if (
                    zipf_frequency(noun, "en") < 2.5
                    or noun.endswith("ss")
                    or not abstain.countable(noun, 5.5)
                ):
                    continue  # only a noun the count tests read (qa.rank.EVERYDAY_ZIPF 5.5)
                found.append((subj, m.group("v"), m.group("n"), noun))
        if not found:
            continue
        names = [n for n, c in collections.Counter(_SUBJECT.findall(text)).items() if c >= 2]
        answerable = rng.sample(found, min(COUNT_PER_ARTICLE, len(found)))
        base = {"history": [], "article": doc_id}
        seen: set[str] = set()
        for subj, verb, num, noun in answerable:
            q = f"How many {noun} did {subj} {_COUNT_VERBS[verb]}?"
            if q not in seen:
                seen.add(q)
                out.append({**base, "question": q, "answerable": True, "answers": [num], "kind": "count"})
        misses = []
        for subj, verb, _, noun in found:
            for other in names:
                if other in subj or subj in other or other.split()[0] in _OPENERS:
                    continue
                if other.split()[0].lower() in MONTHS | DAYS or other.split()[0] in _NOT_SUBJECT:
                    continue
                said = _sentences_naming(text, other.split()[-1])
                if any(abstain.count_of(noun, s) or re.search(rf"\b{noun}\b", s) for s in said):
                    continue  # the article counts (or names) the noun beside the other subject
                misses.append(f"How many {noun} did {other} {_COUNT_VERBS[verb]}?")
        misses = sorted(set(misses) - seen)
        for q in rng.sample(misses, min(COUNT_PER_ARTICLE, len(misses))):
            out.append({**base, "question": q, "answerable": False, "kind": "count-other"})
    return out


COUNT_ARTICLES = 60  # PolNeAR train articles, at most, indexed for the count set


def count_set(seed: int = 0) -> tuple[object, list[dict]]:
    """Count near misses with answerable controls from PolNeAR train (count_questions): the articles
    with a count sentence (never news-dev's, the speaker sample's or the kinds set's), at most
    COUNT_ARTICLES of them picked by `seed`, indexed together and asked of that index.

    Args:
        seed: picks the articles.
    Returns:
        (engine, items).
    """
    import quality

    docs = _unused_train_docs(f"polnear-kinds-{seed}")
    ids = sorted(d for d, t in docs.items() if _COUNT_SENT.search(t))
    keep = sorted(random.Random(seed).sample(ids, min(COUNT_ARTICLES, len(ids))))
    items = count_questions({d: docs[d] for d in keep}, random.Random(seed))
    folder = quality.OUT / f"polnear-counts-{seed}"
    return _index_articles(folder, docs, keep), items


def squad_counts(folder: Path, seed: int = 0) -> list[dict]:
    """count_questions over the SQuAD articles (bench/quality.squad_items writes them to `folder`),
    asked of the SQuAD index: sport, history and science counts ("Newton threw 35 touchdowns").

    Args:
        folder: the SQuAD articles as files.
        seed: picks the subjects.
    Returns:
        Items with "kind" "count" or "count-other".
    """
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}
    return count_questions(docs, random.Random(seed))


# --- A value asked of a contrasting subject (qa.slots.subject_missing) ------------------------------

# "52 percent of Democrats said ...": a percentage of a capitalised group, with what the group did.
_PCT_SENT = re.compile(
    r"(?P<n>\d+(?:\.\d+)?) ?(?:percent|%) of (?P<g>[A-Z][a-z]+s)(?P<rest> (?:(?:said|say|says|support|supported|"
    r"supports|back|backed|backs|favor|favored|favors|approve|approved|approves|oppose|opposed|opposes|"
    r"want|wanted|wants|believe|believed|believes|think|thought|thinks|voted|view|viewed|trust|trusted|"
    r"like|liked|prefer|preferred)\b(?: [a-z][\w'-]*){1,5}))"
)
# "Sanders raised $26 million": a sum bound to a named subject by a verb of paying or getting.
_MONEY_VERBS_PAST = {
    "raised": "raise",
    "spent": "spend",
    "paid": "pay",
    "earned": "earn",
    "owed": "owe",
    "owes": "owe",
    "borrowed": "borrow",
    "donated": "donate",
    "received": "receive",
    "lost": "lose",
    "made": "make",
    "charged": "charge",
    "gave": "give",
    "collected": "collect",
}
_MONEY_SENT = re.compile(
    rf"(?<![\w'’])(?P<s>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}})(?:, [^,]{{3,60}},)? "
    rf"(?:also |has |had |have |only )?(?P<v>{'|'.join(_MONEY_VERBS_PAST)}) "
    r"(?:(?:about|nearly|almost|more than|over|some|just|only|around|roughly|at least) )?"
    r"(?P<n>\$\d[\d,]*)"
)
_MONEY_ANY = re.compile(r"\$\s?\d")
_PERCENT_ANY = re.compile(r"\d ?(?:percent|%)")
SUBJECT_PER_ARTICLE = 3  # subject questions per article, at most, of each kind (answerable, near miss)


def subject_questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """A value of one subject asked of a contrasting subject of the same article.

    Percentages: "What percentage of <Group> <did it>?" from "<N> percent of <Group> <did it>"
    (answerable, the number its answer); the near miss asks it of another plural capitalised group
    the article names ("Republicans" for "Democrats") in no sentence holding a percentage.
    Sums: "How much did <Subject> <verb>?" from "<Subject> <verb> $<N>" (answerable); the near miss
    asks it of another name of the article (two or three capitalised words, named twice) in no
    sentence holding a sum. Either way the article gives the kind for one subject, not the asked one.

    Args:
        docs: article id -> text.
        rng: picks the questions of each article.
    Returns:
        Items with "kind" "percent"/"money" (answerable) or "percent-other"/"money-other".
    """
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        sentences = _SENTENCE.findall(text)
        base = {"history": [], "article": doc_id}
        pct = [m for s in sentences for m in _PCT_SENT.finditer(s)]
        groups = {  # "Democrats", "Ohioans"; not "Congress", "Bernie Sanders" or "Sanders'"
            w
            for w, c in collections.Counter(re.findall(r"\b[A-Z][a-z]{3,}s\b", text)).items()
            if c >= 2 and not w.endswith("ss") and not re.search(rf"\b[A-Z][a-z]+ {w}\b|\b{w}['’]", text)
        }
        valued = [s for s in sentences if _PERCENT_ANY.search(s)]
        free = sorted(g for g in groups if not any(re.search(rf"\b{g}\b", s) for s in valued))
        asked: list[dict] = []
        for m in pct:
            rest = re.sub(
                r"(?: (?:the|a|an|of|to|for|with|about|in|on|and|his|her|their))+$", "", m.group("rest")
            )
            rest = rest.strip()
            asked.append(
                {
                    **base,
                    "question": f"What percentage of {m.group('g')} {rest}?",
                    "answerable": True,
                    "answers": [m.group("n")],
                    "kind": "percent",
                }
            )
            for g in free:
                if g != m.group("g") and g not in _OPENERS:
                    asked.append(
                        {
                            **base,
                            "question": f"What percentage of {g} {rest}?",
                            "answerable": False,
                            "kind": "percent-other",
                        }
                    )
        names = [n for n, c in collections.Counter(_SUBJECT.findall(text)).items() if c >= 2]
        money_said = [s for s in sentences if _MONEY_ANY.search(s)]
        for s in sentences:
            for m in _MONEY_SENT.finditer(s):
                subj = m.group("s")
                if subj.split()[0] in _OPENERS | _NOT_SUBJECT or subj.split()[0].lower() in MONTHS | DAYS:
                    continue
                verb = _MONEY_VERBS_PAST[m.group("v")]
                asked.append(
                    {
                        **base,
                        "question": f"How much did {subj} {verb}?",
                        "answerable": True,
                        "answers": [m.group("n")],
                        "kind": "money",
                    }
                )
                for other in names:
                    first = other.split()[0]
                    if other in subj or subj in other or first in _OPENERS | _NOT_SUBJECT:
                        continue
                    if first.lower() in MONTHS | DAYS or any(other.split()[-1] in x for x in money_said):
                        continue
                    asked.append(
                        {
                            **base,
                            "question": f"How much did {other} {verb}?",
                            "answerable": False,
                            "kind": "money-other",
                        }
                    )
        for kind in ("percent", "percent-other", "money", "money-other"):
            pool = list({it["question"]: it for it in asked if it["kind"] == kind}.values())
            out += rng.sample(pool, min(SUBJECT_PER_ARTICLE, len(pool)))
    return out


SUBJECT_ARTICLES = 40  # PolNeAR train articles, at most, indexed for the subject set


def subject_set(seed: int = 0) -> tuple[object, list[dict]]:
    """Values asked of a contrasting subject, with answerable controls, from PolNeAR train
    (subject_questions): articles never news-dev's, the speaker sample's, the kinds or count sets'
    or the held-out news set's (bench/news_heldout_docs.DOC_IDS), at most SUBJECT_ARTICLES of those
    with a question of either kind, picked by `seed`, indexed together and asked of that index.

    Args:
        seed: picks the articles.
    Returns:
        (engine, items).
    """
    import news_heldout_docs
    import quality

    docs = _unused_train_docs(f"polnear-kinds-{seed}", f"polnear-counts-{seed}")
    docs = {d: t for d, t in docs.items() if d not in set(news_heldout_docs.DOC_IDS)}
    items = subject_questions(docs, random.Random(seed))
    ids = sorted({it["article"] for it in items})
    keep = set(random.Random(seed).sample(ids, min(SUBJECT_ARTICLES, len(ids))))
    folder = quality.OUT / f"polnear-subjects-{seed}"
    return _index_articles(folder, docs, keep), [it for it in items if it["article"] in keep]


# --- A date, a count or a span of time asked of another subject (qa.slots.subject_missing) ----------

_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR_RX = r"(?:1[89]|20)\d\d"
_DATE_AT = (
    rf"(?P<d>(?:{MONTH_RE})\.? \d{{1,2}}(?:, {_YEAR_RX})?|(?:{MONTH_RE}) {_YEAR_RX}|{_YEAR_RX}|{_WEEKDAY})"
)
# A named subject (two or three capitalised words, an optional appositive) and a verb in the past
# ("announced", "won", "has led"): the subject of the value's clause.
_NAMED_VERB = (
    r"(?<![\w'’])(?P<s>[A-Z][a-z]+(?: [A-Z][\w'’-]+){0,2})(?:, [^,]{3,60},)? "
    r"(?:also |first |then |later |only |has |had |have )?(?P<v>[a-z]{3,}ed|won|met|began|became|left|"
    r"spoke|wrote|held|lost|got|took|sold|threw|led|run|been|made|gave|sent|told|brought|bought|built|"
    r"drew|paid|spent)"
)
# "Trump announced his candidacy in June 2015": "When did <Subject> <verb> <what>?"
_DATE_SENT = re.compile(
    rf"{_NAMED_VERB}(?P<obj>(?: (?:the|a|an|his|her|their|its)(?= ))?(?: (?!on\b|in\b|last\b|this\b|to\b|"
    rf"for\b|at\b|by\b|with\b|from\b|that\b|and\b|as\b|of\b)[a-z][\w'’-]*){{0,3}}) (?:on|in|last) {_DATE_AT}\b"
)
_DATED = re.compile(rf"\b(?:{MONTH_RE}|{_WEEKDAY})\b|\b{_YEAR_RX}\b")
# "Sanders won 5,210 votes": "How many <noun> did <Subject> <verb>?"
_COUNT_ANY = re.compile(
    rf"{_NAMED_VERB} (?:(?:about|nearly|almost|more than|over|some|just|only|around|roughly|at least) )?"
    rf"(?P<n>{_NUM})(?: (?:million|thousand|hundred|billion))? (?:(?:[a-z][\w-]+) )?(?P<noun>[a-z]{{3,}}s)\b"
)
# "Clinton has served as secretary since 2009", "Smith had led the group for four years": "How long
# has <Subject> <verb> <what>?"
_SPAN_SENT = re.compile(
    rf"{_NAMED_VERB}(?P<obj>(?: (?!for\b|since\b)[\w'’-]+){{0,5}}) "
    rf"(?P<d>for (?:more than |nearly |about |almost |over |the (?:past|last) )?(?P<n>{_NUM}) "
    rf"(?:years|months|weeks|decades)|since (?P<y>{_YEAR_RX}))\b"
)
_SPANNED = re.compile(
    rf"\bsince\b|\bfor (?:more than |nearly |about |almost |over |the (?:past|last) )?{_NUM} "
    r"(?:years?|months?|weeks?|decades?|days?)\b"
)
SCOPE_PER_ARTICLE = 3  # scope questions per article, at most, of each kind (answerable, near miss)


# Last words naming an organisation, not a person ("Edison Research", "Justice Department").
_ORG_WORDS = frozenset(
    "department research foundation committee party house center centre institute university post "
    "times news group council court association agency office service campaign company bank fund "
    "network project school church city county state".split()
)
_PRONOUN_OBJ = re.compile(r"\b(?:him|her|his|himself|herself|he|she)\b")


def _base_in(verb: str, sentence: str) -> bool:
    """Whether a sentence holds a form of the verb (its plain form as a word's lemma)."""
    return any(_base(w) == verb for w in re.findall(r"[a-z]+", sentence))


def _person(name: str) -> bool:
    """Whether a name of two or three capitalised words is a person's: it opens with a given name."""
    from qa import slots

    first, last = name.split()[0], name.split()[-1]
    return (
        first not in _OPENERS | _NOT_SUBJECT | {"So", "Now", "Then", "Still", "Yet", "Also"}
        and first.lower() not in MONTHS | DAYS
        and not re.match(ROLE_RE, name, re.I)
        and last.lower() not in _ORG_WORDS
        and slots.given_name(first)
    )


def _others(text: str, subj: str, stated: Callable[[str], bool]) -> list[str]:
    """The article's other persons (two or three capitalised words opening with a given name, the
    last named at least twice) of whom no sentence naming them (by the last word) states the value
    (`stated`).

    Args:
        text: the article.
        subj: the person the value is given for.
        stated: sentence -> whether it gives the asked value (the kind beside the asked verb or noun).
    Returns:
        The names.
    """
    sentences = _SENTENCE.findall(text)
    out = []
    for o in dict.fromkeys(_SUBJECT.findall(text)):
        last = o.split()[-1]
        if o in subj or subj in o or last in subj or not _person(o):
            continue
        naming = [s for s in sentences if re.search(rf"\b{re.escape(last)}\b", s)]
        if len(naming) >= 2 and not any(stated(s) for s in naming):
            out.append(o)
    return out


_IRREGULAR = {
    "won": "win",
    "met": "meet",
    "began": "begin",
    "became": "become",
    "left": "leave",
    "spoke": "speak",
    "wrote": "write",
    "held": "hold",
    "lost": "lose",
    "got": "get",
    "took": "take",
    "sold": "sell",
    "threw": "throw",
    "led": "lead",
    "made": "make",
    "gave": "give",
    "sent": "send",
    "told": "tell",
    "brought": "bring",
    "bought": "buy",
    "built": "build",
    "drew": "draw",
    "paid": "pay",
    "spent": "spend",
}


def _base(verb: str) -> str:
    """A verb's plain form ("announced" -> "announce"), by simplemma."""
    import simplemma

    return _IRREGULAR.get(verb) or str(simplemma.lemmatize(verb, lang="en"))


def _article_scope(doc_id: str, text: str) -> list[dict]:
    """Every scope question of one article (scope_questions), answerable controls and near misses."""
    persons = {n.split()[-1]: n for n in dict.fromkeys(_SUBJECT.findall(text)) if _person(n)}
    base = {"history": [], "article": doc_id}
    asked: list[dict] = []

    def full(name: str) -> str:
        """A person's full name for a name or a surname the article gives in full ("" if none)."""
        if " " in name:
            return name if _person(name) else ""
        return persons.get(name, "")

    def add(kind: str, subj: str, q: str, answer: str, stated: Callable[[str], bool]) -> None:
        asked.append(
            {**base, "question": q.format(subj), "answerable": True, "answers": [answer], "kind": kind}
        )
        for other in _others(text, subj, stated):
            asked.append({**base, "question": q.format(other), "answerable": False, "kind": f"{kind}-other"})

    for s in _SENTENCE.findall(text):
        for m in _DATE_SENT.finditer(s):
            verb, what, subj = m.group("v"), m.group("obj"), full(m.group("s"))
            if subj and verb != "been" and not _PRONOUN_OBJ.search(what):
                v = _base(verb)
                add(
                    "date",
                    subj,
                    f"When did {{}} {v}{what}?",
                    m.group("d"),
                    lambda x, v=v: bool(_DATED.search(x)) and _base_in(v, x),  # type: ignore[misc]
                )
        for m in _COUNT_ANY.finditer(s):
            noun, subj = m.group("noun"), full(m.group("s"))
            if subj and m.group("v") != "been":
                add(
                    "count",
                    subj,
                    f"How many {noun} did {{}} {_base(m.group('v'))}?",
                    m.group("n"),
                    lambda x, n=noun: bool(re.search(rf"\b{n[:-1]}", x, re.I)),  # type: ignore[misc]
                )
        for m in _SPAN_SENT.finditer(s):
            subj = full(m.group("s"))
            if subj and not _PRONOUN_OBJ.search(m.group("obj")):
                add(
                    "duration",
                    subj,
                    f"How long has {{}} {m.group('v')}{m.group('obj')}?",
                    m.group("n") or m.group("y"),
                    lambda x: bool(_SPANNED.search(x)),
                )
    return asked


def scope_questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """A date, a count or a span of time of one person asked of another person of the same article.

    Dates: "When did <Subject> <verb> <what>?" from "<Subject> <verb-ed> <what> on/in <date>";
    counts: "How many <noun> did <Subject> <verb>?" from "<Subject> <verb-ed> <N> <noun>"; spans:
    "How long has <Subject> <verb-ed> <what>?" from "<Subject> has <verb-ed> <what> for <N> years /
    since <year>". Each is an answerable control (the value its answer) where the subject is a
    person (a given name first; a surname stands for the full name the article gives); the near miss
    asks the same of another person of the article (the surname named at least twice) of whom no
    sentence naming them states the value (a date beside the verb, the counted noun, a span), so the
    article gives the value for one person, not the asked one.

    Args:
        docs: article id -> text.
        rng: picks up to SCOPE_PER_ARTICLE questions of each kind per article.
    Returns:
        Items with "kind" "date"/"count"/"duration" (answerable) or "date-other"/"count-other"/
        "duration-other".
    """
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        asked = _article_scope(doc_id, text)
        for kind in ("date", "date-other", "count", "count-other", "duration", "duration-other"):
            pool = list({it["question"]: it for it in asked if it["kind"] == kind}.values())
            out += rng.sample(pool, min(SCOPE_PER_ARTICLE, len(pool)))
    return out


SCOPE_ARTICLES = 60  # PolNeAR train articles, at most, indexed for the scope set


def scope_set(seed: int = 0) -> tuple[object, list[dict]]:
    """Dates, counts and spans of time asked of another person, with answerable controls, from
    PolNeAR train (scope_questions): articles never news-dev's, the held-out news sets'
    (bench/news_heldout_docs.SETS) or those of the other generated sets under bench/out, at most
    SCOPE_ARTICLES of those with a near miss, picked by `seed`, indexed together and asked of that
    index.

    Args:
        seed: picks the articles.
    Returns:
        (engine, items).
    """
    import news_heldout_docs
    import quality

    docs = _unused_train_docs(f"polnear-kinds-{seed}", f"polnear-counts-{seed}", f"polnear-subjects-{seed}")
    held = {d for ids in news_heldout_docs.SETS.values() for d in ids}
    docs = {d: t for d, t in docs.items() if d not in held}
    items = scope_questions(docs, random.Random(seed))
    ids = sorted({it["article"] for it in items if it["kind"].endswith("-other")})
    keep = set(random.Random(seed).sample(ids, min(SCOPE_ARTICLES, len(ids))))
    folder = quality.OUT / f"polnear-scope-{seed}"
    return _index_articles(folder, docs, keep), [it for it in items if it["article"] in keep]


# "12 people were killed", "at least 30 protesters have been arrested": a count, its noun and the
# participle saying what happened to them (the measure).
_MEASURE_SENT = re.compile(
    rf"(?<![\w$£€.,])(?:(?:about|nearly|almost|more than|over|some|just|only|around|roughly|at least) )?"
    rf"(?P<n>{_NUM})(?: (?:million|thousand|hundred|billion))? (?:(?:[a-z][\w-]+) )?(?P<noun>[a-z]{{3,}}s) "
    r"(?P<aux>(?:were|have been|had been|was|are|is|has been|have|had) )?(?:(?:reportedly|also|later|allegedly) )?"
    r"(?P<v>[a-z]{2,}ed)\b(?! (?:to|that|the|a|an|his|her|their|its)\b)"
)
MEASURE_ARTICLES = 60  # PolNeAR train articles, at most, indexed for the measure set
MEASURE_PER_ARTICLE = 3  # answerable counts per article, at most; each gets one measure and one place swap


def measure_questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """Measure and place near misses of "How many <noun> were <participle>?" questions.

    From sentences "<N> <noun> were <participle>" ("12 people were killed"):
    - the answerable control "How many <noun> were <participle>?", the number its answer;
    - a measure near miss: the same noun with a participle another article's count sentence uses and
      this article never does ("How many people were injured?" where only deaths are counted);
    - a place near miss: the control scoped to a country the article never names ("... in Peru?",
      countryinfo's names), so the count given is another place's.

    Args:
        docs: article id -> text.
        rng: picks the sentences, the swapped participle and the country.
    Returns:
        Items with "kind" "measure" (answerable), "measure-other" or "place-other" (unanswerable).
    """
    from qa import equivalents

    found = {
        d: [
            (m.group("n"), m.group("noun"), m.group("v"), "were " if m.group("aux") else "")
            for m in _MEASURE_SENT.finditer(t)
        ]
        for d, t in sorted(docs.items())
    }
    participles = sorted({v for rows in found.values() for _, _, v, _ in rows})
    countries = sorted(
        {c["name"] for c in equivalents.country_table() if c.get("name") and " " not in c["name"]}
    )
    out: list[dict] = []
    for doc_id, rows in found.items():
        if not rows:
            continue
        text = docs[doc_id].lower()
        base = {"history": [], "article": doc_id}
        seen: set[str] = set()
        for num, noun, verb, aux in rng.sample(rows, min(MEASURE_PER_ARTICLE, len(rows))):
            q = f"How many {noun} {aux}{verb}?"
            if q in seen:
                continue
            seen.add(q)
            out.append({**base, "question": q, "answerable": True, "answers": [num], "kind": "measure"})
            others = [v for v in participles if v[:4] not in text]
            if others:
                other = rng.choice(others)
                out.append(
                    {
                        **base,
                        "question": f"How many {noun} {aux}{other}?",
                        "answerable": False,
                        "kind": "measure-other",
                    }
                )
            away = [c for c in countries if c.lower() not in text]
            if away:
                place = rng.choice(away)
                out.append(
                    {
                        **base,
                        "question": f"How many {noun} {aux}{verb} in {place}?",
                        "answerable": False,
                        "kind": "place-other",
                    }
                )
    return out


def measure_set(seed: int = 0) -> tuple[object, list[dict]]:
    """Measure and place near misses with answerable controls from PolNeAR train (measure_questions):
    the articles with a count sentence of that form (never news-dev's, the speaker sample's or the kinds
    set's), at most MEASURE_ARTICLES of them picked by `seed`, indexed together and asked of that index.

    Args:
        seed: picks the articles.
    Returns:
        (engine, items).
    """
    import quality

    docs = _unused_train_docs(f"polnear-kinds-{seed}")
    ids = sorted(d for d, t in docs.items() if _MEASURE_SENT.search(t))
    keep = sorted(random.Random(seed).sample(ids, min(MEASURE_ARTICLES, len(ids))))
    items = measure_questions({d: docs[d] for d in keep}, random.Random(seed))
    folder = quality.OUT / f"polnear-measure-{seed}"
    return _index_articles(folder, docs, keep), items


def squad_measures(folder: Path, seed: int = 0) -> list[dict]:
    """measure_questions over the SQuAD articles (bench/quality.squad_items writes them to `folder`),
    asked of the SQuAD index: history and sport counts ("12 people were killed").

    Args:
        folder: the SQuAD articles as files.
        seed: picks the sentences, participles and countries.
    Returns:
        Items with "kind" "measure", "measure-other" or "place-other".
    """
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}
    return measure_questions(docs, random.Random(seed))
