"""Speaker questions generated from PolNeAR train articles: a public calibration set for abstention.

    python bench/polnear_speaker_questions.py                      # 25 articles, report to stdout
    python bench/polnear_speaker_questions.py --articles 40 --out bench/reports/abstention_polnear.md

Indexes a fixed random sample of train articles (never the ones news-dev uses, never dev or test)
and asks, of the whole index:

- answerable: for each annotated attribution whose source is a name, "What did <name> say about
  <word>?", where <word> is the rarest word (wordfreq) of what was said: the speaker is quoted on it;
- unanswerable: for a two-word capitalised name the article mentions whose surname is no annotated
  source anywhere in the sample, "What did <name> say about <word>?" with a word of a quote in the
  same article: that person is mentioned but never quoted;
- off-topic: for a named source of the article, "What did <name> say about <word>?" with the rarest
  word of a quote from another article that none of the sample's attributions to that name use:
  the person is quoted, but not on that word (qa.abstain.SPEAKER_TOPIC_SHARE's recall).

Reports how often each is declined, and by which reason, and for the answerable ones whether the
first passage (hit@1) or one of the first five (recall@5) holds the attribution's content (same
article, overlapping span): speaker-question retrieval on real news no question was written for. The answerable share declined is the
speaker test's false abstention (it includes attributions the analyser misses); the unanswerable
share is its recall. Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import gzip
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

import quality  # noqa: E402

from qa.engine import Engine  # noqa: E402
from qa.session import Conversation  # noqa: E402
from qa.types import Passage  # noqa: E402

TRAIN = quality.SHARED / "polnear" / "train"
NEWS_DEV = quality.SHARED / "news-dev" / "docs"
_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")
_WORD = re.compile(r"(?<![\w'’])[a-z]{5,}\b(?!['’])")


def _read(name: str) -> list[dict]:
    with gzip.open(TRAIN / name, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _rarest(text: str, avoid: set[str]) -> str | None:
    """The rarest lower-case word of five letters or more (a topic word), or None."""
    from wordfreq import zipf_frequency

    ws = [w for w in dict.fromkeys(_WORD.findall(text)) if w not in avoid]
    return min(ws, key=lambda w: (zipf_frequency(w, "en"), w)) if ws else None


def _around(text: str, word: str, width: int = 3) -> str:
    """The topic word with up to `width` words either side of it, as written in `text`."""
    words = text.split()
    at = next((i for i, w in enumerate(words) if re.search(rf"\b{word}\b", w)), 0)
    return " ".join(words[max(0, at - width) : at + width + 1])


def _sources_and_docs(atts: list[dict]) -> tuple[set[str], dict[str, list[dict]]]:
    """The words of every annotated source (a name never quoted must use none of them) and the
    attributions by document, read once by both question generators.

    Args:
        atts: the annotated attributions.
    Returns:
        (lower-cased source words, doc_id -> its attributions).
    """
    sources: set[str] = set()
    for a in atts:
        for s in (a.get("source_text"), a.get("source_resolved")):
            if s:
                sources.update(w.lower() for w in re.findall(r"[A-Za-z]+", s))
    by_doc: dict[str, list[dict]] = collections.defaultdict(list)
    for a in atts:
        by_doc[a["doc_id"]].append(a)
    return sources, by_doc


def questions(docs: list[dict], atts: list[dict], rng: random.Random) -> list[dict]:
    """Answerable and unanswerable speaker questions about `docs` (see the module docstring)."""
    sources, by_doc = _sources_and_docs(atts)
    out: list[dict] = []
    for d in docs:
        mine = by_doc[d["doc_id"]]
        for a in mine:
            name = a.get("source_resolved")
            if a.get("source_resolved_by") != "name" or not name or len(a["content_text"]) < 40:
                continue
            word = _rarest(a["content_text"], {w.lower() for w in name.split()})
            if word:
                # Gold: every attribution of this speaker in the article that says the word.
                same = [
                    b
                    for b in mine
                    if b.get("source_resolved") == name and re.search(rf"\b{word}\b", b["content_text"])
                ]
                out.append(
                    {
                        "id": f"{d['doc_id']}:{a['id']}",
                        "question": f"What did {name} say about {word}?",
                        "answerable": True,
                        "article": d["doc_id"],
                        "doc": f"{d['doc_id']}.txt",  # the file the sample writes (gold_rank matches it)
                        "spans": [tuple(c) for b in same for c in b["content"]],
                        "said": a["content_text"],
                        # For bench/fit.py's gold (qa.evaluate.gold_rank): a passage of the article
                        # holding the words around the topic word in one of those attributions.
                        "answers": [_around(b["content_text"], word) for b in same],
                    }
                )
        said_by: dict[str, str] = collections.defaultdict(str)
        for a in atts:
            if a.get("source_resolved_by") == "name" and a.get("source_resolved"):
                said_by[a["source_resolved"]] += " " + a["content_text"].lower()
        others = [
            a["content_text"] for a in atts if a["doc_id"] != d["doc_id"] and len(a["content_text"]) >= 40
        ]
        for name in sorted({a["source_resolved"] for a in mine if a.get("source_resolved_by") == "name"}):
            if not others or len(name.split()) < 2:
                continue
            word = _rarest(rng.choice(others), set(said_by[name].split()))
            if word and word not in said_by[name]:
                out.append(
                    {
                        "id": f"{d['doc_id']}:off:{name}",
                        "question": f"What did {name} say about {word}?",
                        "answerable": False,
                        "kind": "off",
                        "article": d["doc_id"],
                    }
                )
        quotes = [a["content_text"] for a in mine if len(a["content_text"]) >= 40]
        seen: set[str] = set()
        for m in _NAME.finditer(d["text"]):
            first, last = m.groups()
            if last.lower() in sources or first.lower() in sources or m.group() in seen or not quotes:
                continue
            seen.add(m.group())
            word = _rarest(rng.choice(quotes), set())
            if word:
                out.append(
                    {
                        "id": f"{d['doc_id']}:never:{m.group()}",
                        "question": f"What did {m.group()} say about {word}?",
                        "answerable": False,
                        "article": d["doc_id"],
                    }
                )
    return out


# "Name, the/a <description>," in an article: the description a reader may ask for instead of the
# name ("the chairman of the Federal Reserve", "a spokeswoman for the campaign").
_APPOSITION = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}), (?:the |a |an )"
    r"(?P<desc>[a-z](?:[^,.;:!?\"“”()\n]|(?<=\b[A-Z])\.|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.|"
    r"(?<=Sen)\.|(?<=Rep)\.|(?<=Gov)\.|(?<=Gen)\.){2,80}?)"
    r"(?:[,;]|(?<![A-Z])(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!Sen)(?<!Rep)(?<!Gov)(?<!Gen)\.|\s+(?:said|says|told|added)\b)"
)
_DESC_STOP = re.compile(r"\b(?:who|which|that|said|says|told|is|was|has|had|and|or|but)\b")


def described_questions(docs: list[dict], atts: list[dict], seed: int) -> list[dict]:
    """Speaker questions that ask for the speaker by the description an apposition gives them.

    - "described": "Name, the <description>," where Name is an annotated named source of the article
      with an attribution of 40 characters or more: "What did the <description> say about <word>?",
      <word> the rarest word of that attribution; gold as for the named questions.
    - "never-described": the same for a two-word name whose surname and given name are no annotated
      source anywhere in the sample (mentioned, never quoted), with a word of a quote in the article.

    A random generator of its own (seeded from `seed`) leaves the named questions as they were.

    Args:
        docs: the sample's articles.
        atts: their annotated attributions.
        seed: the sample's seed.
    Returns:
        The questions, each with "kind" "described" (answerable) or "never-described".
    """
    rng = random.Random(seed + 7919)
    sources, by_doc = _sources_and_docs(atts)
    out: list[dict] = []
    for d in docs:
        mine = by_doc[d["doc_id"]]
        quotes = [a["content_text"] for a in mine if len(a["content_text"]) >= 40]
        named = {
            a["source_resolved"].split()[-1]: a["source_resolved"]
            for a in mine
            if a.get("source_resolved_by") == "name" and a.get("source_resolved")
        }
        seen: set[str] = set()
        for m in _APPOSITION.finditer(d["text"]):
            name, desc = m.group("name"), m.group("desc")
            if _DESC_STOP.search(desc) or len(desc.split()) > 10 or desc in seen or not quotes:
                continue
            seen.add(desc)
            words = name.split()
            full = named.get(words[-1])
            if full is not None:
                said = [a for a in mine if a.get("source_resolved") == full and len(a["content_text"]) >= 40]
                if not said:
                    continue
                a = rng.choice(said)
                word = _rarest(a["content_text"], {w.lower() for w in full.split()})
                if not word:
                    continue
                same = [b for b in said if re.search(rf"\b{word}\b", b["content_text"])]
                out.append(
                    {
                        "id": f"{d['doc_id']}:desc:{a['id']}",
                        "question": f"What did the {desc} say about {word}?",
                        "answerable": True,
                        "kind": "described",
                        "article": d["doc_id"],
                        "doc": f"{d['doc_id']}.txt",
                        "spans": [tuple(c) for b in same for c in b["content"]],
                        "said": a["content_text"],
                        "answers": [_around(b["content_text"], word) for b in same],
                    }
                )
            elif words[-1].lower() not in sources and words[0].lower() not in sources:
                word = _rarest(rng.choice(quotes), set())
                if word:
                    out.append(
                        {
                            "id": f"{d['doc_id']}:never-desc:{name}",
                            "question": f"What did the {desc} say about {word}?",
                            "answerable": False,
                            "kind": "never-described",
                            "article": d["doc_id"],
                        }
                    )
    return out


# Office and place: "Gov. John Kasich of Ohio", "Ohio Gov. John Kasich", "Germany's Chancellor Angela
# Merkel" -> "the Ohio governor", "the German chancellor" (the place as the text writes it).
_TITLE = {
    "Gov.": "governor",
    "Governor": "governor",
    "Sen.": "senator",
    "Senator": "senator",
    "Rep.": "congressman",
    "Representative": "congressman",
    "Mayor": "mayor",
    "Chancellor": "chancellor",
    "President": "president",
    "Prime Minister": "prime minister",
    "Attorney General": "attorney general",
    "Foreign Minister": "foreign minister",
}
_TITLE_RE = "(?P<title>" + "|".join(re.escape(t) for t in sorted(_TITLE, key=len, reverse=True)) + ")"
_PERSON = r"(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})"
_OFFICE_OF = re.compile(rf"\b{_TITLE_RE} {_PERSON} of (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})\b")
_OFFICE_PRE = re.compile(
    rf"\b(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})(?:['’]s)? {_TITLE_RE} {_PERSON}\b"
)
# A relative clause after a titled name or an apposition: "Sen. Ted Cruz, who has experienced a surge
# in Iowa," -> "the senator who has experienced a surge in Iowa"; "Owen Jones, a liberal columnist
# who is gay," -> "the liberal columnist who is gay".
_ROLE_NOUN = (
    "spokesman|spokeswoman|senator|governor|professor|analyst|strategist|adviser|lawyer|attorney|"
    "economist|aide|candidate|businessman|director|chairman|columnist|host|leader|minister|president|"
    "mayor|judge|justice|secretary"
)
_TITLED_WHO = re.compile(
    rf"\b(?P<role>{_TITLE_RE[len('(?P<title>') : -1]}|{_ROLE_NOUN}) {_PERSON}, who (?P<vp>[a-z][^,.;:\"“”()]{{5,60}}),",
    re.I,
)
_APPOSITION_WHO = re.compile(
    rf"\b{_PERSON}, (?:a|an|the) (?P<role>[a-z][a-z -]{{2,40}}) who (?P<vp>[a-z][^,.;:\"“”()]{{5,60}}),"
)
_PLACE_SKIP = {
    "Former",
    "Then",
    "The",
    "A",
    "An",
    "Current",
    "Incoming",
    "Outgoing",
    "Acting",
    "And",
    "But",
    "When",
}
_PLACE_SKIP |= {
    "House",
    "Vice",
    "As",
    "Deputy",
    "Assistant",
    "Under",
    "Senate",
    "If",
    "Of",
    "In",
    "For",
    "With",
}


def _office_phrase(m: re.Match[str]) -> tuple[str, str] | None:
    """("the Ohio governor", the person's name) of an office-and-place match, or None."""
    place = m.group("place").split()
    if place[0] in _PLACE_SKIP:
        place = place[1:]
    if not place or any(w in _PLACE_SKIP for w in place):
        return None
    return f"the {' '.join(place)} {_TITLE[m.group('title')]}", m.group("name")


def _office_variants(m: re.Match[str]) -> list[tuple[str, str]]:
    """Other wordings of an office-and-place match: "the governor of Ohio" and, lower-cased, "the
    ohio governor" (round 17: a question's description worded otherwise than the text's title)."""
    got = _office_phrase(m)
    if got is None:
        return []
    phrase, name = got
    place = phrase.removeprefix("the ").removesuffix(" " + _TITLE[m.group("title")])
    return [(f"the {_TITLE[m.group('title')]} of {place}", name), (phrase.lower(), name)]


def _relative_phrase(m: re.Match[str]) -> tuple[str, str] | None:
    """("the senator who has experienced a surge in Iowa", the person's name), or None."""
    role = _TITLE.get(m.group("role"), m.group("role").rstrip(".").lower())
    vp = m.group("vp").strip()
    if len(vp.split()) > 10 or re.search(r"\b(?:said|says|told|added)\b", vp):
        return None
    return f"the {role} who {vp}", m.group("name")


def _person_name(name: str) -> bool:
    """Whether a name reads as a person's: its first word a given name ("Kathleen Hall Jamieson")."""
    from index.attribution.words import GIVEN

    first = name.split()[0].lower() if name.split() else ""
    return first in GIVEN or bool(re.search(r"\b[A-Z][a-z]+ [A-Z]\. [A-Z]", name))


def _body_name(name: str) -> bool:
    """Whether a capitalised name is an organisation's ("the Department of Justice", "Monsanto Co.")."""
    from index.attribution.words import ORG_WORDS

    return any(w.lower().strip(".,") in ORG_WORDS for w in name.split())


_BODY = re.compile(
    r"\b(?:the )?(?:[A-Z][a-z]+ (?:of |for |on |and )?){1,4}(?:Committee|Department|Foundation|Association|Agency|Council|Institute|Commission|Company|Corporation|Union|Center|Board)\b"
)


def class_questions(docs: list[dict], atts: list[dict], seed: int) -> list[dict]:
    """Speaker questions asked by office and place, by organisation, and by a relative clause.

    - "office" / "never-office": "Gov. John Kasich of Ohio", "Ohio Gov. John Kasich", "Germany's
      Chancellor Angela Merkel" -> "What did the Ohio governor say about <word>?"; answerable when the
      person is an annotated named source of the article (a quote of 40 characters or more), else
      unanswerable when no word of the name is any annotated source's (mentioned, never quoted).
    - "org" / "never-org": an annotated source that is a body: named ("the Republican National
      Committee said") or described and resolved ("the company said", resolved to "Monsanto"):
      "What did <the body> say about <word>?"; unanswerable: a body the article names ("the Federal
      Election Commission") of which no annotated source uses a word other than its organisation word.
    - "relative" / "never-relative": "Sen. Ted Cruz, who has experienced a surge in Iowa," or "Owen
      Jones, a liberal columnist who is gay," -> "What did the senator who has experienced a surge in
      Iowa say about <word>?".

    Args:
        docs: the sample's articles.
        atts: their annotated attributions.
        seed: the sample's seed (a generator of its own: the other questions stay as they were).
    Returns:
        The questions, with "kind".
    """
    rng = random.Random(seed + 104729)
    # The reworded offices draw from a generator of their own: the other kinds stay as they were.
    variant_rng = random.Random(seed + 15485863)
    sources, by_doc = _sources_and_docs(atts)
    out: list[dict] = []

    def ask(d: dict, kind: str, key: str, asked: str, said: list[dict], quotes: list[str]) -> None:
        rng_ = variant_rng if kind == "office-variant" else rng
        if said:
            a = rng_.choice(said)
            word = _rarest(a["content_text"], {w.lower() for w in asked.split()})
            if not word:
                return
            same = [b for b in said if re.search(rf"\b{word}\b", b["content_text"])]
            out.append(
                {
                    "id": f"{d['doc_id']}:{kind}:{key}",
                    "question": f"What did {asked} say about {word}?",
                    "answerable": True,
                    "kind": kind,
                    "article": d["doc_id"],
                    "doc": f"{d['doc_id']}.txt",
                    "spans": [tuple(c) for b in same for c in b["content"]],
                    "said": a["content_text"],
                    "answers": [_around(b["content_text"], word) for b in same],
                }
            )
        elif quotes:
            word = _rarest(rng_.choice(quotes), set())
            if word:
                out.append(
                    {
                        "id": f"{d['doc_id']}:never-{kind}:{key}",
                        "question": f"What did {asked} say about {word}?",
                        "answerable": False,
                        "kind": f"never-{kind}",
                        "article": d["doc_id"],
                    }
                )

    for d in docs:
        mine = by_doc[d["doc_id"]]
        quotes = [a["content_text"] for a in mine if len(a["content_text"]) >= 40]
        named = {
            a["source_resolved"].split()[-1]: a["source_resolved"]
            for a in mine
            if a.get("source_resolved_by") == "name" and a.get("source_resolved")
        }

        text = d["text"]
        offices = [*_OFFICE_OF.finditer(text), *_OFFICE_PRE.finditer(text)]
        asked_people = [("office", _office_phrase(m)) for m in offices]
        # The same office worded as a reader may type it: "the governor of Ohio", "the ohio governor".
        asked_people += [("office-variant", v) for m in offices for v in _office_variants(m)]
        asked_people += [
            ("relative", _relative_phrase(m))
            for m in [*_TITLED_WHO.finditer(text), *_APPOSITION_WHO.finditer(text)]
        ]
        seen: set[str] = set()
        for kind, got in asked_people:
            if got is None or got[0] in seen:
                continue
            asked, name = got
            seen.add(asked)
            words = name.split()
            full = named.get(words[-1])
            if full is not None:
                said = [a for a in mine if a.get("source_resolved") == full and len(a["content_text"]) >= 40]
                if said:
                    ask(d, kind, name, asked, said, quotes)
            elif words[-1].lower() not in sources and words[0].lower() not in sources:
                ask(d, kind, name, asked, [], quotes)
        bodies: dict[str, list[dict]] = collections.defaultdict(list)
        for a in mine:
            res = a.get("source_resolved") or ""
            text = a.get("source_text") or ""
            if len(a["content_text"]) < 40 or not res[:1].isupper() or _person_name(res):
                continue
            if (
                a.get("source_resolved_by") == "name"
                and _body_name(res)
                or (
                    a.get("source_resolved_by") == "coref"
                    and _body_name(text)
                    and re.fullmatch(r"the [a-z]+", text)
                )
            ):
                bodies[res].append(a)
        for res in sorted(bodies):
            ask(
                d,
                "org",
                res,
                res
                if res.startswith("The ") or not _body_name(res)
                else f"the {res}".replace("the the ", "the "),
                bodies[res],
                quotes,
            )
        for m in dict.fromkeys(x.group() for x in _BODY.finditer(d["text"])):
            body = re.sub(r"^the ", "", m)
            own = (
                {w.lower() for w in re.findall(r"[A-Za-z]+", body)}
                - {w for w in (x.lower() for x in re.findall(r"[A-Za-z]+", body)) if _body_name(w)}
                - {"of", "for", "on", "and"}
            )
            if own and not own & sources and body.split()[0] not in _PLACE_SKIP:
                ask(d, "org", body, f"the {body}", [], quotes)
    return out


# The kinds asked by what a source is rather than by its name (--described-only).
DESCRIBED_KINDS = ("described", "office", "office-variant", "org", "relative")


def speaker_set(articles: int, seed: int, classes: bool = False) -> tuple[Engine, list[dict]]:
    """The index of a fixed sample of train articles and the speaker questions about them.

    Args:
        articles: how many train articles (never news-dev's).
        seed: the sample's random seed.
        classes: add the questions asked by office, organisation and relative clause
            (class_questions); without them the set is the one bench/fit.py and the reports read.
    Returns:
        (engine, questions with "answerable" and, for the off-topic ones, "kind": "off").
    """
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in NEWS_DEV.iterdir()}
    all_docs = [d for d in _read("docs.jsonl.gz") if d["doc_id"] not in in_dev]
    rng = random.Random(seed)
    docs = sorted(rng.sample(all_docs, articles), key=lambda d: d["doc_id"])
    ids = {d["doc_id"] for d in docs}
    atts = [a for a in _read("attributions.jsonl.gz") if a["doc_id"] in ids]
    folder = quality.OUT / f"polnear-train-{articles}-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        f = folder / f"{d['doc_id']}.txt"
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    items = questions(docs, atts, rng) + described_questions(docs, atts, seed)
    if classes:
        items += class_questions(docs, atts, seed)
    return quality.index_of(folder.name, [folder], quantized=True), items


def holds(passage: Passage, item: dict) -> bool:
    """Whether an answer passage holds the gold attribution: same article, overlapping content span."""
    if Path(passage.source).stem != item["article"]:
        return False
    return any(s < passage.end and passage.start < e for s, e in item["spans"])


MISS_KINDS = (
    "topic word only in a neighbouring passage",
    "right speaker's attribution there, ranked below",
    "attributed there to another speaker",
    "attribution missing (the analyser found none there)",
)


def miss_kind(engine: Engine, item: dict, wanted: list[str]) -> str:
    """Why an answerable question's gold passage was not first, read from the index.

    Args:
        engine: the sample's index.
        item: the question (spans, article, question text).
        wanted: the speakers the ranking took the question to ask about (qa.rank).
    Returns:
        One of MISS_KINDS: the topic word is in no passage overlapping the gold spans; a gold passage
        holds an attribution of the asked speaker; it holds one overlapping the gold span, credited to
        someone else; or it holds none there.
    """
    word = item["question"].rsplit(" ", 1)[-1].rstrip("?")
    gold = [p for p in engine.passages if holds(p, item) and re.search(rf"\b{word}\b", p.text)]
    if not gold:
        return MISS_KINDS[0]
    quotes = [x for p in gold for x in engine.quotes_by_passage.get(p.pid, [])]
    if any(x.speaker in wanted for x in quotes):
        return MISS_KINDS[1]
    if any(any(s < x.end and x.start < e for s, e in item["spans"]) for x in quotes):
        return MISS_KINDS[2]
    return MISS_KINDS[3]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="write the report here as well")
    ap.add_argument("--show", action="store_true", help="print wrong decisions (never into a report)")
    ap.add_argument("--show-misses", action="store_true", help="print answerable questions missed at 1")
    ap.add_argument(
        "--classify", action="store_true", help="count the answerable questions missed at 1 by MISS_KINDS"
    )
    ap.add_argument("--described-only", action="store_true", help="only the questions asked by description")
    ap.add_argument(
        "--off",
        action="append",
        default=[],
        metavar="MODULE.NAME",
        help="switch a boolean of qa off to measure it (qa.speaker_topic.NEAR_NAMES, qa.describe.BOUND_OWNER, ...)",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help="set a number of qa to measure it (qa.describe.DESCRIPTOR_WEIGHT=0.25)",
    )
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, args.set)

    engine, items = speaker_set(args.articles, args.seed, classes=args.described_only)
    if args.described_only:
        items = [it for it in items if str(it.get("kind", "")).removeprefix("never-") in DESCRIBED_KINDS]

    conv = Conversation(engine)
    tally: dict[object, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    ranks: collections.Counter[str] = collections.Counter()  # answerable: "hit@1" / "recall@5" / "n"
    # The same, per kind asked by what the source is (DESCRIBED_KINDS).
    described: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    kinds: collections.Counter[str] = collections.Counter()
    for it in items:
        conv.reset()
        a = conv.ask(it["question"], 5)
        reason = (
            re.sub(
                r"^.*(mentioned, but not quoted|quote no|not about|quoted, but not on|do not mention|do not cover).*$",
                r"\1",
                a.reason,
            )
            if a.abstained
            else "answered"
        )
        tally[it.get("kind", it["answerable"])][reason] += 1
        shown = list(a.nearest if a.abstained else a.passages)[:5]
        if it["answerable"]:
            group = described[it["kind"]] if it.get("kind") in DESCRIBED_KINDS else ranks
            group["n"] += 1
            group["hit@1"] += bool(shown) and not a.abstained and holds(shown[0], it)
            group["hit@1 answered or not"] += bool(shown) and holds(shown[0], it)
            group["recall@5"] += any(holds(p, it) for p in shown)
        if args.show and a.abstained == it["answerable"]:
            print(it["answerable"], it["question"], "->", a.reason or a.hits[0].text[:100])
        missed = it["answerable"] and not (shown and holds(shown[0], it))
        if args.classify and missed:
            from qa import query_reading

            wanted = query_reading._read(engine, it["question"]).wanted
            kind = miss_kind(engine, it, wanted)
            first = (
                "none shown"
                if not shown
                else "the asked speaker's"
                if shown[0].speaker in wanted
                else "another speaker's"
                if shown[0].speaker
                else "no speaker's"
            )
            kinds[kind] += 1
            kinds[f"{kind}; first passage: {first}"] += 1
        if args.show_misses and missed:
            print("MISS", it["question"], "| said:", it["said"][:120])
            for p in shown[:2]:
                print(
                    "   top:",
                    Path(p.source).stem == it["article"],
                    p.speaker,
                    "|",
                    p.text[:160].replace("\n", " "),
                )
    lines = [
        f"# Speaker questions from PolNeAR train ({args.articles} articles, seed {args.seed})",
        "",
        f"`python bench/polnear_speaker_questions.py --articles {args.articles} --seed {args.seed}"
        + (" --described-only" if args.described_only else "")
        + "".join(f" --off {o}" for o in args.off)
        + "".join(f" --set {o}" for o in args.set)
        + "`",
        "",
        "| questions | n | declined | by reason |",
        "|---|---:|---:|---|",
    ]
    for ans, label in (
        (True, "answerable (speaker quoted on the word)"),
        (False, "unanswerable (never quoted)"),
        ("off", "unanswerable (quoted, not on the word)"),
        ("described", "answerable, asked by an apposition's description"),
        ("never-described", "unanswerable, a never-quoted person asked by description"),
        ("office", "answerable, asked by office and place (the Ohio governor)"),
        ("never-office", "unanswerable, a never-quoted person asked by office and place"),
        (
            "office-variant",
            "answerable, office and place worded otherwise (the governor of Ohio, the ohio governor)",
        ),
        ("never-office-variant", "unanswerable, a never-quoted person asked so"),
        ("org", "answerable, an organisation (named, or resolved from the company)"),
        ("never-org", "unanswerable, an organisation named but never a source"),
        ("relative", "answerable, asked by a relative clause (the senator who ...)"),
        ("never-relative", "unanswerable, a never-quoted person asked by a relative clause"),
    ):
        c = tally[ans]
        n = sum(c.values())
        declined = n - c["answered"]
        reasons = ", ".join(f"{r}: {k}" for r, k in c.most_common() if r != "answered")
        lines.append(f"| {label} | {n} | {declined / max(n, 1):.3f} | {reasons} |")
    n = max(ranks["n"], 1)
    lines += [
        "",
        "Answerable questions, retrieval (the gold passage holds the attribution's content):",
        "",
        "| n | hit@1 | hit@1 (declined or not) | recall@5 |",
        "|---:|---:|---:|---:|",
        f"| {ranks['n']} | {ranks['hit@1'] / n:.3f} | {ranks['hit@1 answered or not'] / n:.3f} "
        f"| {ranks['recall@5'] / n:.3f} |",
    ]
    lines += [
        "",
        "Asked by what the source is (`described_questions`, `class_questions`: the same retrieval measure):",
        "",
        "| kind | n | hit@1 | hit@1 (declined or not) | recall@5 | declined |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in DESCRIBED_KINDS:
        c, nd = described[kind], max(described[kind]["n"], 1)
        gone = c["n"] - tally[kind]["answered"]
        lines.append(
            f"| {kind} | {c['n']} | {c['hit@1'] / nd:.3f} | {c['hit@1 answered or not'] / nd:.3f} "
            f"| {c['recall@5'] / nd:.3f} | {gone / nd:.3f} |"
        )
    if args.classify:
        lines += [
            "",
            "Answerable questions missed at 1, by why (`--classify`):",
            "",
            "| why | n |",
            "|---|---:|",
        ]
        lines += [f"| {k} | {v} |" for k, v in sorted(kinds.items())]
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
