"""Article-part evidence: which part of an article (headline, standfirst, dateline, byline, credit,
footer, caption) a passage is to a question that asks for one, and what names a document.

A parts question ("Who took the photo?", "Where was the story filed from?") is answered by a part,
not by the body's words: part_kind reads a lede's dateline or a headline's run-on standfirst as the
part asked for, and meta_terms gives the words that name a document (its title, site, author, file
name and the outlet its footer writes as one word), read by the ranking's meta_cov and by the
off-article abstention tests. Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re

from index import structure
from index.chunk import sentences
from qa import intent as intents
from qa.engine import Engine, Passage

FURNITURE = frozenset({"credit", "dateline", "byline", "footer"})


SUMMARY = frozenset({"headline", "standfirst"})


# A closing line answers "who wrote it?" only when it credits someone ("Reporting by ...",
# "... contributed to this report", "TRTWorld and agencies"), not a journal reference.
CREDITS_SOMEONE = re.compile(r"\bby\b|contribut|\breported\s+from\b|\bagenc|\bwires?\b", re.I)


# A story's dateline opens its lede ("BERLIN - ..."): within its first paragraphs, below the
# headline, a standfirst and bylines.
_LEDE_PARAGRAPHS = 4


# A plain-text deck is one short sentence: the standfirsts of the news read sets' plain-text pages
# run 31-76 characters ("Plan would create huge experiment in effects of higher labor costs."), the
# one-sentence ledes that follow a headline directly 96 and more ("Former Texas Gov. Rick Perry
# announced his endorsement of Sen. Ted Cruz for president on Sunday.").
DEK_CHARS = 90


def plain_dek(engine: Engine, p: Passage) -> bool:
    """Whether a body passage is a standfirst the indexer read as body: a plain-text page's deck, the
    one short sentence between the headline and the lede ("A shaky balancing act for Kelly Ayotte." /
    "As she seeks reelection, senator struggles to keep her distance from Trump." / "MANCHESTER, N.H.
    - At a rally ..."). index.structure takes a paragraph after the headline for a standfirst only
    when it reads as no sentence (no full stop, a label such as "ABSTRACT."); a deck written as a
    sentence stays body, and "What's the subheadline of the Post story?" found no standfirst.

    Args:
        engine: the open index.
        p: the passage.
    Returns:
        True for a body paragraph of one sentence of at most DEK_CHARS characters, neither quoted nor
        opened by a dateline, right below its document's headline and above more body, in a document
        with no standfirst (nor a headline running on into one).
    """
    ps = engine.passages
    if p.kind != "body" or len(p.text) > DEK_CHARS or not 0 < p.pid < len(ps) - 1:
        return False
    head, nxt = ps[p.pid - 1], ps[p.pid + 1]
    if head.doc_id != p.doc_id or head.kind != "headline" or nxt.doc_id != p.doc_id or nxt.kind != "body":
        return False
    if nxt.paragraph == p.paragraph or structure.dateline_opening(p.text) or _QUOTE.search(p.text):
        return False
    if len(sentences(p.text)) != 1:
        return False
    return not any(
        q.kind == "standfirst" or (q.kind == "headline" and structure.headline_dek(q.text))
        for q in (ps[i] for i in engine.pids_by_doc.get(p.doc_id, []))
    )


_QUOTE = re.compile('["“”]')


def part_kind(p: Passage, intent: intents.Intent, engine: Engine | None = None) -> str:
    """The article part a passage is to a parts question: its kind, or "dateline" for a body passage
    (or a standfirst: "SPRINGFIELD (AP) — The Latest on ...:") opening one of its document's first
    paragraphs with a dateline ("BERLIN - Donald Trump may ...",
    index.structure.dateline_opening) where the question asks where the story was filed from, or
    with a dated one ("NEW YORK, Nov. 19 (UPI) — ...", index.structure.dateline_dated) where it asks
    when the story was filed, or the first asked kind for one whose dateline credits a wire agency
    ("WASHINGTON, Aug. 19 (UPI) — ...", index.structure.dateline_credit) where it asks which news
    agency or outlet sent the story; "standfirst" for a headline running on into its standfirst after
    a semicolon (index.structure.headline_dek) where the question asks for the standfirst, not for a
    summary (an abstract paragraph answers that); "standfirst" for a plain-text page's deck
    (plain_dek: read only where `engine` is given) where the question asks for the standfirst.

    Args:
        p: the passage.
        intent: the question's reading (qa.intent.Intent: filed_from, dated, agency).
        engine: the open index, for the passages around `p` (plain_dek); None: `p` alone is read.
    Returns:
        The kind the question's parts are matched against.
    """
    lede = p.kind in ("body", "standfirst") and p.paragraph <= _LEDE_PARAGRAPHS
    if intent.filed_from and lede and structure.dateline_opening(p.text):
        return "dateline"
    if intent.dated and lede and structure.dateline_dated(p.text):
        return "dateline"
    if intent.agency and lede and structure.dateline_credit(p.text):
        return intent.parts[0]
    if (
        p.kind == "headline"
        and intent.parts[:1] == ("standfirst",)
        and not intent.summary
        and structure.headline_dek(p.text)
    ):
        return "standfirst"
    if engine is not None and intent.parts[:1] == ("standfirst",) and plain_dek(engine, p):
        return "standfirst"
    if BODY_PARTS and p.kind == "body":
        inner = body_part(p, intent, engine)
        if inner:
            return inner
    return p.kind


# Whether body passages that hold an article part the indexer left in the body are read as that
# part (body_part): measured end to end on the read sets (bench/reports/parts27.md).
BODY_PARTS = True

# A brief's sign-off after its last sentence ('... "still the first party in the region."--Ana Ruiz.'):
# after the sentence's close, not a dash inside it (a name after a dash mid-sentence, a false sign-off
# bench/parts27.py census found on PolNeAR train).
_SIGN_OFF = re.compile(
    r"[.!?\"”’]\s*(?:--|—|–)\s*(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){1,3}\.?\s*$"
)
# A closing credit run on into the last paragraph ("... to the harbour fund.Contributing: Lena Park").
_CONTRIBUTING = re.compile(
    r"\b(?-i:Contributing|Additional\s+reporting\s+by|Reporting\s+by):?\s*(?-i:[A-Z])"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b",
    re.I,
)
# An opinion piece's closing line on its author ("Jo Marsh, a retired teacher who ..., writes on
# schools."): a name and an apposition or "is a", no quote.
# Not an opening phrase of capitalised words ("In May, a judge ...", a false hit bench/parts27.py census found).
_AUTHOR_NOTE = re.compile(
    r"^(?!(?:In|On|At|By|For|From|After|Before|During|Since|The|A|An|This|That|Last|When|While|But|And|As)\s)"
    r"(?:(?-i:[A-Z])[\w.'’-]*\s+){1,3}(?-i:[A-Z])[\w'’-]+(?:,\s+(?:a|an|the)\s|\s+is\s+(?:a|an|the)\s)"
)
_QUOTED = re.compile(r'["“”]|\bsaid\b|\bsays\b')
# An update or correction line ("This article has been updated to include comments from ...").
_UPDATE_LINE = re.compile(
    r"^\W*(?:(?:this|the)\s+(?:article|story|post|piece|report|item)\s+(?:has\s+been|was|had\s+been)\s+"
    r"(?:updated|corrected|revised|amended)\b|(?-i:UPDATE|Update|Updated|CORRECTION|Correction)\s*[:—–-])",
    re.I,
)


def body_part(p: Passage, intent: intents.Intent, engine: Engine | None = None) -> str:
    """The asked part a body passage holds though the indexer left it in the body: "footer" for a
    brief's sign-off, a closing credit run on into the last paragraph, or (its document's last
    passage) an opinion piece's note on its author, where the question asks who wrote or contributed;
    "update" for an update or correction line where it asks whether or how the article was revised.

    Args:
        p: a body passage.
        intent: the question's reading (its parts).
        engine: the open index, to tell its document's last passage; None: not told.
    Returns:
        The part's kind, or "" for none.
    """
    if "footer" in intent.parts:
        if _SIGN_OFF.search(p.text) or _CONTRIBUTING.search(p.text):
            return "footer"
        last = engine is not None and p.pid == max(engine.pids_by_doc.get(p.doc_id, [p.pid]))
        if last and len(sentences(p.text)) == 1 and _AUTHOR_NOTE.match(p.text) and not _QUOTED.search(p.text):
            return "footer"
    if "update" in intent.parts and _UPDATE_LINE.search(p.text):
        return "update"
    return ""


def body_parts(engine: Engine, intent: intents.Intent) -> frozenset[str]:
    """The asked parts the indexer never labelled that some body passage of the index holds
    (body_part): kinds a parts question may still be answered by.

    Only kinds missing from the index's labels are looked for, and the scan stops once each is
    found: it reads every body passage of the index, on the question's path.

    Args:
        engine: the open index.
        intent: the question's reading.
    Returns:
        The kinds found, a subset of {"footer", "update"} none of which the index labels.
    """
    missing = {"footer", "update"} & set(intent.parts) - engine.kinds
    if not BODY_PARTS or not missing:
        return frozenset()
    found: set[str] = set()
    for p in engine.passages:
        if p.kind == "body" and (k := body_part(p, intent, engine)) in missing:
            found.add(k)
            if found == missing:
                break
    return frozenset(found)


def meta_terms(engine: Engine, doc_id: int) -> frozenset[str]:
    """Terms of what names a document: its title, site name and author, and its file name."""
    meta = engine.meta.get(doc_id)
    doc = engine.docs[doc_id]
    bits = [doc.title, doc.source.rsplit("/", 1)[-1].replace(".", " ").replace("-", " ")]
    if meta is not None:
        bits += [meta.title, meta.sitename, meta.author, meta.url.replace("/", " ").replace(".", " ")]
    # An outlet its footer or byline writes as one word ("TRTWorld and agencies"), as a reader types
    # it ("the trt world piece": index.structure.joined_name_parts).
    for pid in engine.pids_by_doc.get(doc_id, []) if JOINED_NAMES else []:
        if engine.passages[pid].kind in _OUTLET_KINDS:
            bits += structure.joined_name_parts(engine.passages[pid].text)
    return frozenset(engine.terms(" ".join(bits)))


# A file name or site clips the outlet ("wash-post_2016-07-20_....txt", "huff-post_...", "nyt_...")
# that a question writes out ("the Washington Post's convention story", "the New York Times piece"):
# nh7's n7a9 ranked the HuffPost story's dateline first, its body saying "Washington" and its file
# "post", the Post's own file holding "wash" and "post" only (bench/reports/parts27.md). A clipped
# word stands for a question word it begins (at least CLIPPED_CHARS letters: "wash", "huff"), and
# initials for the run of capitalised words they abbreviate (qa.describe.acronyms: "nyt").
CLIPPED_CHARS = 4

_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|on|the)\s+)?[A-Z][\w'’-]*)+")


def outlet_terms(engine: Engine, question: str, named: frozenset[str]) -> frozenset[str]:
    """The question's terms that the clipped or initialled names among a document's naming terms
    stand for: "washington" for a file's "wash", "new", "york", "times" for its "nyt".

    Args:
        engine: the open index (its term maker).
        question: the question as searched.
        named: the terms that name the document (meta_terms).
    Returns:
        The question's terms a clipped word or initials in `named` abbreviate, beyond `named` itself.
    """
    out: set[str] = set()
    clipped = [m for m in named if len(m) >= CLIPPED_CHARS and m.isalpha()]
    for t in engine.terms(question):
        if t not in named and any(t.startswith(m) for m in clipped):
            out.add(t)
    for m in _CAPITALISED_RUN.finditer(question.replace("’", "'")):
        words = [w for w in m.group().split() if w[:1].isupper()]
        for n in (3, 4):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                if any(a in named for a in engine.terms("".join(w[0] for w in run))):
                    out.update(engine.terms(" ".join(re.sub(r"'s$", "", w) for w in run)))
    return frozenset(out - named)


# Whether the names a document's footer or byline writes as one word ("TRTWorld") count, split, among
# the words that name it (meta_terms). Measured end to end (h8p01; bench/reports/polar.md, parts).
JOINED_NAMES = True


_OUTLET_KINDS = frozenset({"footer", "byline", "credit"})


# The private names qa.decline still imports (a file another round-22 branch edits): drop once it
# imports the public ones.
_meta_terms, _part_kind = meta_terms, part_kind
