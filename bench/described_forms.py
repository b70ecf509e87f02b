"""Speakers asked by state, party, former office, whose spokesperson, or nationality: generated.

    python bench/described_forms.py [--articles 60] [--seed 0] [--out bench/reports/described_forms.md]
                                    [--off qa.MODULE.NAME] [--set qa.MODULE.NAME=VALUE] [--show-misses]

Readers ask for a speaker by what the article binds to them rather than by name: "the New York
senator" for "Sen. Chuck Schumer (D-N.Y.)", "the former secretary of state" for "former Secretary of
State Hillary Clinton", "Downing Street's spokesman" for "a Downing Street spokesman", "the
Americans" for "US officials". This generator finds such bindings in PolNeAR train articles (read
at run time; nothing of them is stored) and asks, of an index of the sampled articles:

- "bracket": a name followed by a party-state bracket ("(D-N.Y.)", "(R-Texas)", ", R-N.Y.,"), with a
  title before it or none: "What did the New York senator say about <word>?", "... the Texas
  Republican ...", and the same lower-cased ("what did the new york senator say about <word>");
- "former": "former <Office> <Name>": "What did the former secretary of state say about <word>?";
- "spokes": an attribution whose source is "a <Owner> spokesman", "<Owner> spokeswoman <Name>" or "a
  spokesman for <Owner>": "What did <Owner>'s spokesman say about <word>?";
- "group": an attribution whose source is "<Nation> officials" or "the Kremlin": "What did the
  <Nationals> say about <word>?" ("the Americans", "the Russians");
- "wrote": an attribution to a named person cued by "wrote", "writes" or "tweeted": "What did <Name>
  write about <word>?", "What did <Name> tweet about <word>?" (asked by name, in the verb it was
  written with).

Answerable when the person (or source) has an annotated attribution of 40 characters or more in the
article; <word> is its rarest word (wordfreq), gold its content spans, as in
bench/polnear_speaker_questions.py. "never-bracket"/"never-former": the same descriptions of people
the article mentions that are no annotated source anywhere in the sample, with a word of another
quote of the article: they must be declined. Articles are chosen among those holding such bindings
(a seeded sample), never news-dev's.
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
from polnear_speaker_questions import (  # noqa: E402
    NEWS_DEV,
    _around,
    _rarest,
    _read,
    _sources_and_docs,
    holds,
)

from qa.engine import Engine  # noqa: E402
from qa.party_state import state_of  # noqa: E402
from qa.session import Conversation  # noqa: E402

_PERSON = r"(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})"
_TITLE = {"Sen.": "senator", "Senator": "senator", "Rep.": "congressman", "Representative": "congressman"}
_GENDERED = {"congressman": "congresswoman"}
_BRACKETED = re.compile(
    r"(?:\b(?P<title>Sen\.|Senator|Rep\.|Representative) )?"
    + _PERSON
    + r"(?: \((?P<p1>[DRI])-(?P<s1>[A-Z][A-Za-z. ]{1,13}?)\)"
    r"|, (?P<p2>[DRI])-(?P<s2>[A-Z][A-Za-z. ]{1,13}?),)"
)
_PARTY = {"D": "Democrat", "R": "Republican", "I": "independent"}
_FORMER = re.compile(
    r"\b[Ff]ormer (?P<office>(?:Vice |Deputy )?(?:President|Secretary of State|Secretary of Defense|"
    r"Attorney General|Gov\.|Governor|Sen\.|Senator|Rep\.|Speaker|Mayor|Prime Minister|"
    r"Treasury Secretary|Defense Secretary|National Security Adviser|Ambassador|Chief of Staff)) " + _PERSON
)
_OFFICE_WORDS = {"Gov.": "governor", "Sen.": "senator", "Rep.": "congressman"}
_SPOKES = re.compile(
    r"^(?:an? |the )?(?:(?P<o1>[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3}?)(?: campaign)? (?P<r1>spokes(?:man|woman|person))\b"
    r"|(?P<r2>spokes(?:man|woman|person)) for (?:the )?(?P<o2>[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3}(?: campaign)?))"
)
_GROUP = re.compile(
    r"^(?:the |some |senior )?(?:(?P<nat>U\.S\.|US|American|Russian|British|Chinese|Iranian|"
    r"Israeli|Saudi|Syrian|Turkish|French|German|Mexican|Cuban) officials|(?P<kremlin>the Kremlin))$",
    re.I,
)
_NATIONALS = {
    "u.s.": "Americans",
    "us": "Americans",
    "american": "Americans",
    "russian": "Russians",
    "british": "British",
    "chinese": "Chinese",
    "iranian": "Iranians",
    "israeli": "Israelis",
    "saudi": "Saudis",
    "syrian": "Syrians",
    "turkish": "Turks",
    "french": "French",
    "german": "Germans",
    "mexican": "Mexicans",
    "cuban": "Cubans",
}
KINDS = ("bracket", "former", "spokes", "group", "wrote")
# "wrote": a named person's attribution cued by writing ("wrote", "writes", "tweeted"): "What did
# <name> write about <word>?" / "... tweet about ...".
_WRITE = re.compile(r"\b(?:wrote|writes|tweeted|tweets)\b")
_WRITE_VERB = {"wrote": "write", "write": "write", "tweeted": "tweet", "tweet": "tweet"}


def _said_by(mine: list[dict], name: str) -> list[dict]:
    """The article's annotated attributions of 40 characters or more to a named person (by surname)."""
    last = name.split()[-1]
    return [
        a
        for a in mine
        if a.get("source_resolved")
        and a["source_resolved"].split()[-1] == last
        and len(a["content_text"]) >= 40
    ]


def _female(name: str) -> bool:
    """Whether a given name is a woman's (index.attribution.words.FEMALE_GIVEN)."""
    from index.attribution.words import FEMALE_GIVEN

    return name.split()[0].lower() in FEMALE_GIVEN


def _body(name: str) -> bool:
    """Whether a capitalised owner is a body ("State Department", "Clinton campaign"): "the" before it."""
    from index.attribution.words import ORG_WORDS

    return name.split()[-1].lower() in ORG_WORDS | {"campaign"}


def bracket_descriptions(text: str) -> list[tuple[str, str]]:
    """(description, name) for each bracketed name: "the New York senator" for "Sen. Chuck Schumer
    (D-N.Y.)", "the Texas Republican" for "Ted Cruz (R-Texas)" (no title)."""
    out = []
    for m in _BRACKETED.finditer(text):
        party = m.group("p1") or m.group("p2")
        state = state_of(m.group("s1") or m.group("s2") or "")
        if not state:
            continue
        role = _TITLE.get(m.group("title") or "", "")
        if role and _female(m.group("name")):
            role = _GENDERED.get(role, role)
        out.append((f"the {state} {role or _PARTY[party]}", m.group("name")))
    return out


def former_descriptions(text: str) -> list[tuple[str, str]]:
    """(description, name) for "former <Office> <Name>": "the former secretary of state"."""
    out = []
    for m in _FORMER.finditer(text):
        office = " ".join(_OFFICE_WORDS.get(w, w) for w in m.group("office").split()).lower()
        out.append((f"the former {office}", m.group("name")))
    return out


def questions(docs: list[dict], atts: list[dict], seed: int) -> list[dict]:
    """The generated questions (see the module docstring), each with "kind" and "answerable"."""
    rng = random.Random(seed + 31337)
    sources, by_doc = _sources_and_docs(atts)
    out: list[dict] = []

    def ask(
        d: dict,
        kind: str,
        key: str,
        asked: str,
        said: list[dict],
        quotes: list[str],
        lower: bool,
        verb: str = "say",
    ) -> None:
        if said:
            a = rng.choice(said)
            word = _rarest(a["content_text"], {w.lower() for w in asked.split()})
            if not word:
                return
            same = [b for b in said if re.search(rf"\b{word}\b", b["content_text"])]
            q = f"What did {asked} {verb} about {word}?"
            if lower:
                q = q.lower().rstrip("?")
            out.append(
                {
                    "id": f"{d['doc_id']}:{kind}:{key}:{lower}",
                    "question": q,
                    "answerable": True,
                    "kind": kind,
                    "article": d["doc_id"],
                    "spans": [tuple(c) for b in same for c in b["content"]],
                    "said": a["content_text"],
                    "answers": [_around(b["content_text"], word) for b in same],
                }
            )
        elif quotes:
            word = _rarest(rng.choice(quotes), set())
            if word:
                q = f"What did {asked} say about {word}?"
                out.append(
                    {
                        "id": f"{d['doc_id']}:never-{kind}:{key}",
                        "question": q.lower().rstrip("?") if lower else q,
                        "answerable": False,
                        "kind": f"never-{kind}",
                        "article": d["doc_id"],
                    }
                )

    for d in docs:
        mine = by_doc[d["doc_id"]]
        quotes = [a["content_text"] for a in mine if len(a["content_text"]) >= 40]
        seen: set[str] = set()
        people = [("bracket", x) for x in bracket_descriptions(d["text"])]
        people += [("former", x) for x in former_descriptions(d["text"])]
        for kind, (asked, name) in people:
            if asked in seen:
                continue
            seen.add(asked)
            said = _said_by(mine, name)
            words = name.split()
            if said:
                ask(d, kind, name, asked, said, quotes, False)
                if kind == "bracket":
                    ask(d, kind, name, asked, said, quotes, True)
            elif words[-1].lower() not in sources and words[0].lower() not in sources:
                ask(d, kind, name, asked, [], quotes, False)
        groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
        for a in mine:
            cue = (a.get("cue_text") or "").lower()
            res = a.get("source_resolved") or ""
            verb = _WRITE.search(cue)
            if (
                verb
                and a.get("source_resolved_by") == "name"
                and len(res.split()) >= 2
                and len(a["content_text"]) >= 40
            ):
                groups[("wrote", f"{res}|{_WRITE_VERB[verb.group().rstrip('s')]}")].append(a)
            src = " ".join((a.get("source_text") or "").split())
            if len(a["content_text"]) < 40:
                continue
            s = _SPOKES.match(src)
            if s:
                owner = s.group("o1") or s.group("o2")
                role = s.group("r1") or s.group("r2")
                if owner and owner.split()[0] not in ("The", "A", "An", "Former", "Then"):
                    the = "the " if _body(owner) else ""
                    groups[("spokes", f"{the}{owner}'s {role}")].append(a)
                continue
            g = _GROUP.match(src)
            if g:
                nat = "Russians" if g.group("kremlin") else _NATIONALS[g.group("nat").lower()]
                groups[("group", f"the {nat}")].append(a)
        for (kind, asked), said in sorted(groups.items()):
            if kind == "wrote":  # "What did <name> write about <word>?"
                name, verb = asked.split("|")
                ask(d, kind, name, name, said, quotes, False, verb)
                continue
            ask(d, kind, asked, asked, said, quotes, False)
    return out


def sample(articles: int, seed: int) -> tuple[Engine, list[dict]]:
    """The index of a seeded sample of train articles holding such bindings, and the questions.

    Args:
        articles: how many articles (never news-dev's).
        seed: the sample's seed.
    Returns:
        (engine, questions).
    """
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in NEWS_DEV.iterdir()}
    all_docs = [d for d in _read("docs.jsonl.gz") if d["doc_id"] not in in_dev]
    atts_all = _read("attributions.jsonl.gz")
    probe = questions(all_docs, atts_all, seed)
    with_q = sorted({q["article"] for q in probe if q["answerable"]})
    rng = random.Random(seed)
    ids = set(rng.sample(with_q, min(articles, len(with_q))))
    docs = [d for d in all_docs if d["doc_id"] in ids]
    atts = [a for a in atts_all if a["doc_id"] in ids]
    folder = quality.OUT / f"described-forms-{articles}-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        f = folder / f"{d['doc_id']}.txt"
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    return quality.index_of(folder.name, [folder], quantized=True), questions(docs, atts, seed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show-misses", action="store_true", help="print wrong decisions (never into a report)")
    ap.add_argument("--off", action="append", default=[], metavar="MODULE.NAME")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, args.set)
    engine, items = sample(args.articles, args.seed)
    conv = Conversation(engine)
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for it in items:
        conv.reset()
        a = conv.ask(it["question"], 5)
        shown = list(a.nearest if a.abstained else a.passages)[:5]
        c = tally[it["kind"]]
        c["n"] += 1
        c["declined"] += a.abstained
        if it["answerable"]:
            c["hit@1"] += bool(shown) and not a.abstained and holds(shown[0], it)
            c["recall@5"] += any(holds(p, it) for p in shown)
            if args.show_misses and not (shown and not a.abstained and holds(shown[0], it)):
                top = shown[0].text[:120].replace("\n", " ") if shown else ""
                print("MISS", it["kind"], "|", it["question"], "|", a.reason[:60], "| top:", top)
        elif args.show_misses and not a.abstained:
            print("ANSWERED", it["kind"], "|", it["question"])
    lines = [
        f"# Speakers asked by state, party, former office, spokesperson or nationality ({args.articles} articles, seed {args.seed})",
        "",
        f"`python bench/described_forms.py --articles {args.articles} --seed {args.seed}"
        + "".join(f" --off {o}" for o in args.off)
        + "".join(f" --set {o}" for o in args.set)
        + "`",
        "",
        "| kind | n | hit@1 | recall@5 | declined |",
        "|---|---|---|---|---|",
    ]
    total: collections.Counter[str] = collections.Counter()
    for kind in KINDS:
        c = tally.get(kind, collections.Counter())
        total.update(c)
        n = max(c["n"], 1)
        lines.append(
            f"| {kind} | {c['n']} | {c['hit@1'] / n:.3f} | {c['recall@5'] / n:.3f} | {c['declined'] / n:.3f} |"
        )
    n = max(total["n"], 1)
    lines.append(
        f"| all answerable | {total['n']} | {total['hit@1'] / n:.3f} | {total['recall@5'] / n:.3f} | {total['declined'] / n:.3f} |"
    )
    for kind in KINDS:
        c = tally.get(f"never-{kind}")
        if c:
            lines.append(
                f"| never-{kind} (unanswerable) | {c['n']} | | | {c['declined'] / max(c['n'], 1):.3f} |"
            )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
