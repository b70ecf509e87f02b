"""Speakers asked by their role: questions made from PolNeAR train descriptions that the article
binds to a named person.

    python bench/role_questions.py [--articles 60] [--seed 0] [--out bench/reports/role_questions.md]

PolNeAR annotates each attribution's source as written ("the Florida senator", "a Clinton
spokesman", "he") and, where its coreference chain reaches a name, the name it means
(`source_resolved_by` "coref"). A description that is resolved so is a role the article binds to
that person. For each such description (no pronoun, a lower-case content word, not the name
itself) this asks:

- "What did the <description> say about <word>?", where <word> is the rarest word of something
  the same person said in the article under their NAME (an attribution whose source is the name):
  the question names the speaker only by the role, and the answer is a passage where the text
  names them. The bot must bind the role to the person to rank it first.

Gold: the passage holding the start of any of that person's attributions in the article that say
<word>. Reports hit@1 (answered, first passage holds it), recall@5 (answered or not) and the share
declined, with the decline reasons. The sample is a fixed random sample of train articles (never
news-dev's, never dev); texts are read at run time and never stored in the project.
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
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402
from describe import description  # noqa: E402

from index.attribution.words import ROLE_WORDS, TITLES  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.session import Conversation  # noqa: E402
from qa.types import Passage  # noqa: E402

TRAIN = quality.SHARED / "polnear" / "train"
NEWS_DEV = quality.SHARED / "news-dev" / "docs"
_WORD = re.compile(r"(?<![\w'’])[a-z]{5,}\b(?!['’])")
# Descriptions that fit nearly anyone in a political article: asked alone they name nobody.
_PERSON_NOUNS = frozenset(ROLE_WORDS) | frozenset(TITLES)
_NOT_AGENTS = frozenset(
    "together whether other either neither rather further former latter after never ever over under "
    "nor for or another".split()
)
_VAGUE = frozenset("people person man woman official officials source sources one someone".split())


def _read(name: str) -> list[dict[str, Any]]:
    with gzip.open(TRAIN / name, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _rarest(text: str, avoid: set[str]) -> str | None:
    """The rarest lower-case word of five letters or more (a topic word), or None."""
    from wordfreq import zipf_frequency

    ws = [w for w in dict.fromkeys(_WORD.findall(text)) if w not in avoid]
    return min(ws, key=lambda w: (zipf_frequency(w, "en"), w)) if ws else None


def role_of(source: str, name: str, written: bool = False) -> str | None:
    """The role a resolved source is written as, or None: a description (bench/describe.py) that is
    not the person's own name and not a vague word ("the official").

    Args:
        source: the source as written; name: the name PolNeAR resolved it to.
        written: `source` is an apposition from the text, taken whole (an organisation after the
            role stays: "chief economist at Acme").
    Returns:
        The description without its determiner, or None.
    """
    desc = " ".join(source.split()) if written else description(source)
    if desc is None:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", desc)}
    if words & {w.lower() for w in name.split()} or re.search(r"['’]s?\b", desc):
        return None  # the name itself, or someone else's ("Trump's spokesman" is not Trump)
    if words <= _VAGUE | {"the", "a", "an", "senior", "top"}:
        return None
    # A person's role: some word is a role noun or an agent noun ("the Clinton campaign" is no one).
    head = re.split(r"\s+(?:at|of|for|with|in|on|to)\s+", desc.lower())[0].split()[-1]
    if head not in _PERSON_NOUNS and (
        not re.search(r"(?:er|or|ist|ian|man|woman|person)$", head) or head in _NOT_AGENTS
    ):
        return None
    return desc


_APPOSITION = re.compile(r",\s+(?:the\s+|an?\s+)?([a-z][^,.;:()\"“”]{2,80}?)\s*[,.;]")
_ROLE_AT_ORG = re.compile(
    r"^(?P<role>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+(?:at|of|for|with)\s+(?:the\s+)?(?P<org>[A-Z][^,]*)$"
)


def roles_in_text(text: str, start: int, end: int, source: str, name: str) -> list[tuple[str, str]]:
    """The roles the article states for a named source mention, as (kind, role) pairs: the title the
    annotated source holds before the name ("Clinton campaign chairman John Podesta": "pre-name"), and
    an apposition after the mention ("Jane Roe, chief economist at Acme,": "apposition"); an
    apposition "<role> at/of/for <Org>" is also asked the other way round ("Acme chief economist":
    "org-role").

    Args:
        text: the article; start, end: the source mention; source: its text; name: the resolved name.
    Returns:
        The (kind, role) pairs, role without a determiner.
    """
    out: list[tuple[str, str]] = []
    pre = role_of(source, name)
    if pre is not None:
        out.append(("pre-name", pre))
    m = _APPOSITION.match(text, end)
    if m and not re.match(r"(?:who|which|that|said|says|told|and|but|he|she|according|\w+ing)\b", m.group(1)):
        app = " ".join(m.group(1).split())
        if len(app.split()) <= 10 and role_of(app, name, written=True) is not None:
            out.append(("apposition", app))
            o = _ROLE_AT_ORG.match(app)
            if o and len(o.group("org").split()) <= 5:
                out.append(("org-role", f"{o.group('org')} {o.group('role')}"))
    return out


def questions(docs: list[dict[str, Any]], atts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Role questions about `docs` (see the module docstring), one per (article, role, person)."""
    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for a in atts:
        by_doc[a["doc_id"]].append(a)
    out: list[dict[str, Any]] = []
    for d in docs:
        mine = by_doc[d["doc_id"]]
        seen: set[tuple[str, str]] = set()
        for a in mine:
            name = a.get("source_resolved")
            if a.get("source_resolved_by") != "name" or not name or not a.get("source"):
                continue
            s, e = a["source"]
            for kind, role in roles_in_text(d["text"], s, e, a["source_text"], name):
                if (role.lower(), name) in seen:
                    continue
                # Asked about what the person said elsewhere in the article: not under this mention.
                other = [
                    b
                    for b in mine
                    if b.get("source_resolved") == name
                    and b["id"] != a["id"]
                    and len(b["content_text"]) >= 40
                ]
                if not other:
                    continue
                seen.add((role.lower(), name))
                avoid = {w.lower() for w in re.findall(r"[A-Za-z]+", name + " " + role)}
                word = _rarest(other[0]["content_text"], avoid)
                if not word:
                    continue
                same = [
                    b
                    for b in mine
                    if b.get("source_resolved") == name and re.search(rf"\b{word}\b", b["content_text"])
                ]
                det = "" if re.match(r"[A-Z][\w.'’-]*['’]s?\s", role) and "'" in role.split()[0] else "the "
                out.append(
                    {
                        "question": f"What did {det}{role} say about {word}?",
                        "kind": kind,
                        "article": d["doc_id"],
                        "spans": [tuple(c) for b in same for c in b["content"]],
                        "person": name,
                    }
                )
    return out


def sample(articles: int, seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A fixed random sample of train articles (never news-dev's) and their attributions."""
    in_dev = {p.name.removeprefix("polnear-").removesuffix(".txt") for p in NEWS_DEV.iterdir()}
    all_docs = [d for d in _read("docs.jsonl.gz") if d["doc_id"] not in in_dev]
    docs = sorted(random.Random(seed).sample(all_docs, articles), key=lambda d: d["doc_id"])
    ids = {d["doc_id"] for d in docs}
    return docs, [a for a in _read("attributions.jsonl.gz") if a["doc_id"] in ids]


def index(docs: list[dict[str, Any]], where: Path) -> Engine:
    """Index the sample from scratch (attribution is read at index time: a kept index is stale)."""
    from index.build import build
    from qa import config

    folder = where / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        f = folder / f"{d['doc_id']}.txt"
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    build([folder], where / "index", cache_dir=config.model_cache_dir(), rebuild=True, quantized=True)
    return Engine.open(where / "index")


def holds(passage: Passage, item: dict[str, Any]) -> bool:
    """Whether a passage holds the gold: same article, overlapping one of the person's spans."""
    if Path(passage.source).stem != item["article"]:
        return False
    return any(s < passage.end and passage.start < e for s, e in item["spans"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--where", type=Path, default=quality.OUT / "role-questions")
    ap.add_argument("--out", type=Path, default=None, help="write the report here as well")
    ap.add_argument("--show", action="store_true", help="print misses (never into a report)")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    docs, atts = sample(args.articles, args.seed)
    items = questions(docs, atts)
    engine = index(docs, args.where / f"{args.articles}-{args.seed}")
    conv = Conversation(engine)
    hit = rec = declined = 0
    reasons: collections.Counter[str] = collections.Counter()
    for it in items:
        conv.reset()
        a = conv.ask(it["question"], 5)
        shown = list(a.nearest if a.abstained else a.passages)[:5]
        first = bool(shown) and holds(shown[0], it)
        hit += first and not a.abstained
        rec += any(holds(p, it) for p in shown)
        if a.abstained:
            declined += 1
            reasons[
                re.sub(
                    r"^.*?(mentioned, but not quoted|quote no|not about|quoted, but not on|do not mention|do not cover).*$",
                    r"\1",
                    a.reason,
                )
            ] += 1
        if args.show and (a.abstained or not first):
            top = "" if not shown else f"{shown[0].speaker} | {shown[0].text[:120]!r}"
            print("MISS", it["question"], "| person:", it["person"], "|", a.reason or top)
    n = max(len(items), 1)
    lines = [
        f"# Speakers asked by role ({args.articles} PolNeAR train articles, seed {args.seed})",
        "",
        f"`python bench/role_questions.py --articles {args.articles} --seed {args.seed}`",
        "",
        "| n | hit@1 | recall@5 | declined | by reason |",
        "|---:|---:|---:|---:|---|",
        f"| {len(items)} | {hit / n:.3f} | {rec / n:.3f} | {declined / n:.3f} | "
        + ", ".join(f"{r}: {k}" for r, k in reasons.most_common())
        + " |",
    ]
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
