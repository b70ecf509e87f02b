"""The public entry point: analyse a text into speakers and attributed quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from index.attribution import clauses
from index.attribution.attributor import REPORTED_MIN_WORDS, _Attributor, _trim_direct
from index.attribution.marks import title_quote
from index.attribution.names import _Doc, _squash
from index.attribution.patterns import _DETERMINER_WORDS, _QUANT_LOWER
from index.attribution.records import _Found, _Person
from index.attribution.sources import _role_head
from index.attribution.words import ARABIC_ARTICLES, HONORIFICS, PARTICLES, SPEECH_VERBS
from index.model import Quote, Speaker

# --------------------------------------------------------------------------- public API


# A quotation without an attribution of its own is reported from this many words on: shorter ones
# are scare quotes and titles more often than speech (bench/fit_attribution.py).
MIN_QUOTE_WORDS = 2  # fit on train: bench/reports/attribution_fit.md
# A quotation nobody is found to have said (no attribution, no speaker guessed) that does not end as
# a spoken sentence or clause ends (. ! ? , ; : or a dash before the closing mark) and is at most this
# many words long is a title or a scare quote ("The Apprentice", a "new low"), not speech. Chosen by
# bench/fit_scare_quotes.py on PolNeAR train (bench/reports/scare_quotes.md: the highest direct-quote
# F1, 0.9560 against 0.9551 with the test off, at +0.003 e2e_f1); 0 turns it off. Round 8a's refit chose
# 1 (0.9607 against 0.9599 at 3), not adopted: it credits in-sentence scare quotes to an earlier
# sentence's person (the report's last section).
SCARE_QUOTE_MAX_WORDS = 3
_SPEECH_VERB_SET = frozenset(SPEECH_VERBS)
# A report whose cue is a third-person form that is also a plural noun, whose source resolves to nobody
# and cannot agree with a singular verb (plural_noun_cue), is a noun phrase and not reported: on PolNeAR
# train 7 such items, all "<number> states that ..." nouns, none matching a gold of speech; half A
# e2e_speech_f1 0.8650 -> 0.8651, half B speaker 0.9132 -> 0.9134, e2e_speech 0.8529 -> 0.8533
# (bench/attribution_switch.py speakers NOUN_CUE_AGREEMENT False True, bench/reports/attribution_round23.md). False turns it off.
NOUN_CUE_AGREEMENT = True
_NOUN_TOO_S = frozenset({"states", "pledges"})
# "add to" is "increase", not speech: "Roe won Virginia, adding to his Super Tuesday victories", "the
# hiccup adds to the drama". A report whose words open with "to" right after a form of "add" is
# dropped. Round 30 (attr30b): on PolNeAR train "add/adds/added/adding to" starts no gold in 26, and
# the analyser read 6 reports from it, none matching a gold (A 4, B 2; bench/attribution_topic_preps.py
# --add-to, bench/reports/attribution_round30b.md). False turns it off.
ADD_TO_NOT_SPEECH = True
_ADD_TO = re.compile(r"(?<![\w'’-])add(?:s|ed|ing)?\s+$", re.I)
_TO_WHOM_THAT = re.compile(
    r"to\s+(?:[\w'’.-]+\s+){1,3}?that\s+(?:he|she|they|it|we|I|there|the|a|an|his|her|their|[A-Z])\b"
)
# Two apostrophes not between two letters: an NYT-style quotation mark (analyse).
_NYT_MARK = re.compile(r"(?<!\w)''|''(?!\w)")
_SPOKEN_END = re.compile(r"[.!?,;:\u2014\u2013-]\W*$")


def analyse(text: str, parts: Sequence[tuple[int, int, str]] = ()) -> tuple[list[Speaker], list[Quote]]:
    """People (and quoted named groups) in `text` with their aliases, and every quote attributed to them.

    Args:
        text: the document's text.
        parts: its labelled parts as (start, end, kind) (index.model.SourceText.parts): the names of a
            byline, credit or dateline are nobody's, and a caption's speak only inside it.
    Returns:
        (speakers with their aliases, attributions).
    """
    if not text or not text.strip():
        return [], []
    # NYT house style writes quotation marks as two apostrophes: read them as one double mark (and a
    # space, so that every offset stays that of the text as given). Two apostrophes between two
    # letters are a typed-twice apostrophe ("Putin''s remarks", in the bundled article), no mark.
    doc = _Doc(_NYT_MARK.sub('" ', text) if "''" in text else text, parts)
    doc.scan_names()
    att = _Attributor(doc)
    att.direct()
    att.reported()  # marks more names as people (subjects of speech verbs)
    att.labels()
    att.trailing()
    att.participles()
    att.beliefs()
    clauses.cut_at_second_source(doc.text, att.found, doc.inside_quote, REPORTED_MIN_WORDS)
    doc.build_persons()
    doc.bind_role_phrases()
    doc.learn_genders()
    att.resolve()
    att.guess_speakers()

    quotes: list[Quote] = []
    seen: set[tuple[int, int, int]] = set()
    for f in sorted(att.found, key=lambda x: (x.start, x.end)):
        if f.direct:
            f.start, f.end = _trim_direct(doc.text, f.start, f.end)
        if not _unnamed_ok(text, f):
            continue
        key = (f.start, f.end, f.person)
        if key in seen or f.end <= f.start:
            continue
        seen.add(key)
        name = None
        if f.person >= 0:
            doc.persons[f.person].quoted = True
            name = doc.persons[f.person].name
        src, ms, me = ("", -1, -1) if f.subj is None else (_squash(f.subj.text), f.subj.start, f.subj.end)
        quotes.append(Quote(f.start, f.end, name, f.verb or "said", f.direct, src, ms, me))
        quotes += _conjunct_quotes(doc, f, seen)

    kept = [p for p in doc.persons if not p.group or p.quoted]
    speakers = _speakers(kept)
    return speakers, quotes


def _conjunct_quotes(doc: _Doc, f: _Found, seen: set[tuple[int, int, int]]) -> list[Quote]:
    """The same words credited to the other people of a subject of several ("Ted Cruz of Texas and
    Senator Rand Paul of Kentucky said ..."): one record each after the first conjunct's (issue 8:
    both or neither, never one). A group, a plural, a thing or a possessive is no such person.

    Args:
        doc: the analysed document; f: a finding already reported for its first conjunct.
        seen: (start, end, person) of the records made so far; updated.
    Returns:
        The other conjuncts' records.
    """
    out: list[Quote] = []
    if f.subj is None or f.person < 0:
        return out
    for os_, oe in f.subj.others:
        other = doc.name_at(os_, oe, last=True)
        if other is None or other.person < 0:
            continue
        p = doc.persons[other.person]
        if p.group or p.gender in ("p", "n") or re.match(r"['’]", doc.text[other.end : other.end + 1]):
            continue
        if (f.start, f.end, other.person) in seen:
            continue
        seen.add((f.start, f.end, other.person))
        p.quoted = True
        out.append(
            Quote(
                f.start,
                f.end,
                p.name,
                f.verb or "said",
                f.direct,
                _squash(other.text),
                other.start,
                other.end,
            )
        )
    return out


def scare_quote(content: str, max_words: int | None = None) -> bool:
    """Whether a quotation's content, when nobody is found to have said it, reads as a title or a
    scare quote rather than speech: short, and not ending as a spoken sentence or clause ends.

    Args:
        content: the quotation's words, without its quote marks.
        max_words: the longest such quotation (default SCARE_QUOTE_MAX_WORDS; 0: never).
    Returns:
        True when the quotation is not reported as an attribution.
    """
    limit = SCARE_QUOTE_MAX_WORDS if max_words is None else max_words
    if limit <= 0 or _SPOKEN_END.search(content):
        return False
    return len(content.split()) <= limit


def plural_noun_cue(f: _Found) -> bool:
    """Whether a report's cue is a plural noun rather than a verb: a third-person form that is also a
    plural noun ("states", "pledges") after a subject that cannot agree with a singular verb, as it
    holds a number or quantifier ("the four states that vote", "Most Southern states that hold"), a
    plural determiner ("those from states that"), or ends in a plural or a bare determiner ("the
    other early voting states"): the words are a noun phrase, not a source and its verb.

    Args:
        f: a finding with a source of its own.
    Returns:
        True for such a cue.
    """
    if f.subj is None or f.verb.lower() not in _NOUN_TOO_S:
        return False
    toks = [w.lower().strip(",.'’") for w in f.subj.text.split()]
    if not toks:
        return False
    if any(w in _QUANT_LOWER or w in ("those", "these", "other") for w in toks):
        return True
    return toks[-1].endswith("s") or toks[-1] in _DETERMINER_WORDS


def adds_to(text: str, start: int) -> bool:
    """Whether reported words starting at `start` are the "to" of "add to" (increase), not speech.

    Args:
        text: the document text; start: where the reported words start.
    Returns:
        True when they open with "to" and a form of "add" stands right before them, and no "that"
        clause follows the one the words are added to.
    """
    if text[start : start + 3].lower() != "to " or _ADD_TO.search(text, max(0, start - 12), start) is None:
        return False
    # "added to reporters that the harbour would reopen": the one told, then a clause (kept)
    return _TO_WHOM_THAT.match(text, start) is None


def _unnamed_ok(text: str, f: _Found) -> bool:
    """Whether to report a finding (a direct one already trimmed). One without a named speaker (or
    with a guessed one) is still an attribution: a quotation of two words or more (a one-word quote is
    a scare quote or a title far more often than speech) that, when nobody is found to have said it,
    is no title or scare quote (scare_quote), or words with a source. A speaker guessed only from an
    earlier sentence (`_Found.remote`) leaves a quotation inside a sentence a title or scare quote."""
    if f.direct and f.verb.lower() not in _SPEECH_VERB_SET and title_quote(text, f.start, f.end):
        return False  # "Hulu paid $1 million to stream "Seinfeld."": a title, its verb no speech (round 8a)
    if NOUN_CUE_AGREEMENT and not f.direct and f.person < 0 and f.subj is not None and plural_noun_cue(f):
        return False
    if ADD_TO_NOT_SPEECH and not f.direct and adds_to(text, f.start):
        return False
    if f.subj is not None or (f.person >= 0 and not f.guessed):
        return True
    if not f.direct or f.span is None or f.span.single:
        return False
    # The content as reported: trimmed of the comma that hands over to an attribution, so a
    # speakerless quotation ends as speech only with . ! ? or a dash (bench/fit_scare_quotes.py
    # scores exactly these records).
    if (f.person < 0 or f.remote) and scare_quote(text[f.start : f.end]):
        return False
    # A title-case quotation with a guessed speaker is a title, not speech (round 8a: 290 of 385
    # quotations matching no gold on train had a guessed speaker; bench/reports/attribution.md).
    if title_quote(text, f.start, f.end):
        return False
    return len(re.findall(r"\w+", text[f.start : f.end])) >= MIN_QUOTE_WORDS


def _speakers(persons: list[_Person]) -> list[Speaker]:
    """Speaker records with aliases; an alias two people share (a bare "President") is dropped."""
    cands: list[dict[str, None]] = []
    for p in persons:
        al: dict[str, None] = {p.name: None}
        for f in p.forms:
            al.setdefault(f)
        if not p.group:
            for f in _surnames(p.name):
                al.setdefault(f)
        for r in p.roles:
            if r.lower() not in HONORIFICS:
                al.setdefault(r)
                # "new chancellor" is the chancellor; a "deputy", "former" or "vice" one is not.
                bare = re.sub(r"^(?:(?:then|new|top|current)\s+)+", "", r, flags=re.I)
                if bare != r and bare:
                    al.setdefault(bare)
        for a in _org_roles(p):
            al.setdefault(a)
        for org in p.orgs:  # "Jane Roe of the Acme Group": the form the text writes her in
            if not p.group:
                al.setdefault(f"{p.name} of {org}")
        if p.group:
            al.setdefault(p.name.split()[-1])
        cands.append(al)
    heads: list[set[str]] = [{_role_head(r) or _agent_head(r) for r in p.roles} - {""} for p in persons]
    count: dict[str, int] = {}
    for al, hs in zip(cands, heads, strict=True):
        for key in {_alias_key(a) for a in al} | hs:
            count[key] = count.get(key, 0) + 1
    # A surname two people share ("Clinton" for Bill and Hillary Clinton) aliases the one the text
    # itself calls by it: the person its bare mentions were attached to (names._Doc._attach: the one
    # introduced first), when only one was; before, it aliased neither.
    written: dict[str, int] = {}
    for p in persons:
        for key in {_alias_key(f) for f in p.forms}:
            written[key] = written.get(key, 0) + 1
    out: list[Speaker] = []
    names_seen: set[str] = set()
    for p, al, hs in zip(persons, cands, heads, strict=True):
        if p.name in names_seen:
            continue
        names_seen.add(p.name)
        own = {_alias_key(f) for f in p.forms if written.get(_alias_key(f), 0) == 1}
        keep: dict[str, None] = {}
        keys: set[str] = set()
        for a in al:
            key = _alias_key(a)
            if key not in keys and (a == p.name or count.get(key, 0) == 1 or key in own):
                keep.setdefault(a)
                keys.add(_alias_key(a))
        for h in sorted(hs):
            if count.get(h, 0) == 1 and _alias_key(h) not in keys:
                keep.setdefault(h)
                keys.add(h)
        out.append(Speaker(p.name, tuple(keep)))
    return out


# "analyst at the Acme Group": a role, a preposition, its organisation (capitalised).
_ROLE_OF_ORG = re.compile(r"^(?P<role>.+?)\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<org>[A-Z].*)$")


# An organisation as the org-first alias takes it: capitalised words and connectors only, not cut at
# an abbreviation ("U" of "U.S.") nor running on into a sentence ("Mike Huckabee. Mr").
_ORG = re.compile(r"(?!\w\.?$)[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&|of|for|and|the|de|in))*")


def _agent_head(role: str) -> str:
    """The head of a lower-case role the role words lack ("epidemiologist at Metro University" ->
    "epidemiologist"), so that two people so described share it and neither is "the epidemiologist"."""
    pre = re.split(r"\s+(?:of|at|for|with)\s+", role, maxsplit=1)[0].split()
    return pre[-1] if role[:1].islower() and pre and pre[-1].isalpha() and pre[-1].islower() else ""


def _org_roles(p: _Person) -> list[str]:
    """A person's roles as a question words them, organisation first: "analyst at the Acme Group" ->
    "Acme Group analyst"; a role and the organisation the text says the person is of ("Jane Roe of the
    Acme Group", an analyst) -> "Acme Group analyst"; "appraiser for Big & Co" -> "Big & Co appraiser".

    Args:
        p: the person, with the roles and organisations the text binds to them.
    Returns:
        The aliases, each once.
    """
    out: dict[str, None] = {}
    bare: list[str] = []
    for r in p.roles:
        m = _ROLE_OF_ORG.match(r)
        role = m.group("role") if m else r
        # "City Rovers captain", not "City Rovers club's captain": a possessor in the role is the org
        role = " ".join(w for w in role.split() if not re.search(r"['’]s?$", w)) or role
        if m and r[:1].islower() and _ORG.fullmatch(m.group("org")):
            out.setdefault(f"{m.group('org')} {role}")
            head = role.split()[-1]
            if head != role:
                out.setdefault(f"{m.group('org')} {head}")
        if not m and r[:1].islower() and r.split()[-1].isalpha() and r.split()[-1].islower():
            bare.append(r)
    for org in p.orgs:
        for r in bare:
            out.setdefault(f"{org} " + (" ".join(w for w in r.split() if not re.search(r"['’]s?$", w)) or r))
    return list(out)


def _surnames(name: str) -> list[str]:
    """Short forms of a full name: "Bashar al-Assad" -> "al-Assad", "al Assad", "Assad"."""
    toks = name.split()
    if len(toks) < 2 and "-" not in name:
        return []
    last = toks[-1]
    out: list[str] = []
    m = re.match(r"^(al|el|ul|bin|ibn|abu|ben)-(.+)$", last, re.I)
    if m:
        out += [last, f"{m.group(1)} {m.group(2)}"]
        if m.group(1).lower() in ARABIC_ARTICLES:
            out.append(m.group(2))
        return out
    parts: list[str] = []
    i = len(toks) - 2
    while i > 0 and toks[i].lower() in PARTICLES:
        parts.insert(0, toks[i])
        i -= 1
    if parts:
        out.append(" ".join(parts + [last]))
        if parts[-1].lower() in ARABIC_ARTICLES:
            out.append("-".join(parts + [last]))
        else:
            return out
    out.append(last)
    return out


def _alias_key(a: str) -> str:
    key = re.sub(r"[\s\-]+", " ", a.lower()).strip()
    return re.sub(r"^the ", "", key)


def quote_record(doc: str, text: str, q: Quote) -> dict[str, Any]:
    """One attribution as the JSON object `qa quotes --json` prints (the interface the scorer reads).

    Args:
        doc: the document's source path as indexed.
        text: the document's text (the quote's offsets index into it).
        q: the attribution.
    Returns:
        {"doc", "start", "end", "text", "speaker", "source_text", "mention", "verb", "direct"}.
    """
    mention = {"start": q.mention_start, "end": q.mention_end} if q.mention_start >= 0 else None
    return {
        "doc": doc,
        "start": q.start,
        "end": q.end,
        "text": text[q.start : q.end],
        "speaker": q.speaker,
        "source_text": q.source or None,
        "mention": mention,
        "verb": q.verb,
        "direct": q.direct,
    }
