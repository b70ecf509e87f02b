"""The attributor: who each quotation belongs to, and reported speech."""

from __future__ import annotations

import bisect
import re

from index.attribution.names import _compatible, _Doc, _parse_run, _squash
from index.attribution.patterns import (
    _ACCORDING_END,
    _ACCORDING_START,
    _ADVERBIAL,
    _AFTER_GENERIC,
    _AFTER_SUBJ_FIRST,
    _AFTER_VERB_FIRST,
    _BEFORE,
    _BEFORE_ACCORDING,
    _CHAIN_RX,
    _QUOTE_DOUBLE,
    _REPORT_VERB_RX,
    _RUN_RX,
    _SUBJ_ALONE,
    _SUBJ_END,
    _THAT,
    _TOLD_OBJ,
    _TRAILING,
    _VERB_PREPS,
    _lazy,
)
from index.attribution.records import _Found, _Span, _Subj
from index.attribution.words import (
    ABBREV,
    AUX,
    BARE_SOURCES,
    BELIEF_VERBS,
    DIRECT_ONLY,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
    VERB_RE,
    U,
)

# --------------------------------------------------------------------------- attribution


def _first_words(s: str) -> int:
    return len(re.findall(r"\w+", s))


_SPEAKS = _lazy(rf"\s*(?:['’]s\s+)?(?:,[^,]{{1,60}},\s*)?(?:(?:{AUX})\s+){{0,2}}{VERB_RE}\b")
_PARTICIPLE = _lazy(
    r",\s+(?P<verb>saying|adding|arguing|noting|warning|claiming|insisting|explaining|stressing|"
    r"suggesting|declaring|acknowledging|contending|asserting)\s+(?:that\s+)?"
)
_APPOS_NAME = _lazy(r",\s*")
_DETERMINER = _lazy(
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]hose|[Tt]hese|[Ss]ome|[Mm]any|[Mm]ost|[Bb]oth|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s"
)
# How many sentences back "the senator" (bound to nobody) looks for the person it means.
ROLE_LOOKBACK = 2  # fit on train: bench/reports/attribution_fit.md
_BELIEF_RX = _lazy(rf"(?<![\w'’-])(?:{'|'.join(BELIEF_VERBS)})(?![\w'’-])")
_CLAUSE_START = _lazy(r"(?:^|[,;:(—–.!?\"”’]\s*|\s-\s+|\b(?i:and|but|so|as|because|when|while)\s+)$")
_WHO_CLAUSE = _lazy(rf"(\S+)(?:\s*\([^()]{{1,30}}\))?,\s+who\s+(?:(?:{AUX})\s+){{0,2}}$")
_TIME_THEN_CLAUSE = _lazy(
    r"^\s*,?\s*(?:yesterday|today|tonight|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning))\s*,?\s+(?=(?:he|she|they|it|we|I|the)\b)"
)
# Capitalised words that open a sentence, never an institution's name.
_NOT_INSTITUTION = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
}
# Verbs that report speech only with "that" after them.
_THAT_ONLY = {"reported", "reports", "report"}
# How far before a quotation (characters) a "Name said" is looked for in its sentence.
SPEAKER_WINDOW = 400  # fit on train: bench/reports/attribution_fit.md
# How far back (characters) a quotation nobody is credited with looks for its speaker: about two
# news paragraphs.
LOOKBACK = 1200  # fit on train: bench/reports/attribution_fit.md (0: 0.752, 600: 0.759, 1200: 0.759)


_FUNCTION_WORDS = set(
    "and or but as that which who whom whose he she it they we i you me him her them us if when while "
    "because although though so than then there here this these those what where why how not no".split()
)


def _desc_ok(text: str) -> bool:
    """A described source is a noun phrase: no clause words inside ("his hands and", "as Cruz")."""
    words = re.findall(r"[\w'’-]+", text.lower())
    if not words or len(words[-1]) < 3:
        return False
    return not any(w in _FUNCTION_WORDS for w in words[1:]) and words[0] not in _FUNCTION_WORDS - {
        "this",
        "these",
        "those",
    }


class _Attributor:
    """Finds who each quote belongs to, and reported speech."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.found: list[_Found] = []
        self.used_verbs: set[int] = set()
        self.reported_in: dict[int, list[_Found]] = {}  # sentence start -> reported speech in it

    # -- direct quotes

    def direct(self) -> None:
        doc, t = self.doc, self.doc.text
        by_para: dict[int, list[_Span]] = {}
        for sp in doc.spans:
            by_para.setdefault(sp.para, []).append(sp)
        index_in_para = {id(sp): j for same in by_para.values() for j, sp in enumerate(same)}
        for sp in doc.spans:
            same = by_para[sp.para]
            if sp.single and doc.inside_quote(sp.start, single=False):
                continue
            ps, pe = doc.paras[sp.para]
            # The neighbouring quotations bound the attribution (spans are in text order; a few steps
            # skip a nested single-quoted one without making a paragraph of many quotes quadratic).
            j = index_in_para[id(sp)]
            prev_end, after_end = ps, pe
            for o in reversed(same[max(0, j - 4) : j]):
                if o.end <= sp.start:
                    prev_end = o.end + 1
                    break
            for o in same[j + 1 : j + 5]:
                if o.start > sp.end:
                    after_end = o.start - 1
                    break
            inner = t[sp.start : sp.end].strip()
            found = None
            if sp.closed:  # the attribution is short: 300 characters are plenty, and keep this linear
                found = self._after(sp, t[sp.end + 1 : min(after_end, sp.end + 301)], sp.end + 1, inner)
            if found is None:
                prev_end = max(prev_end, sp.start - 1 - 300)
                before = t[prev_end : sp.start - 1]
                cut = list(re.finditer(r"[.!?][\"”’']?\s+(?=\S)", before))
                base = prev_end
                if cut:
                    c = cut[-1]
                    word = re.search(r"([\w.]+)\.$", before[: c.start() + 1])
                    if not (word and word.group(1).lower().rstrip(".") in ABBREV):
                        base = prev_end + c.end()
                        before = before[c.end() :]
                found = self._before(sp, before, base)
            if found is not None:
                if _first_words(inner) < 2 and not re.search(r"[,.!?…—–-]\s*$", inner):
                    continue  # a one-word scare quote, even when attributed
                self.found.append(found)
            else:
                self.found.append(_Found(sp.start, sp.end, None, "", True, sp))

    def _after(self, sp: _Span, after: str, base: int, inner: str) -> _Found | None:
        if sp.single and not re.search(r"[,?!]\s*$", inner):
            return None
        for pats, verb_first in ((_AFTER_VERB_FIRST, True), (_AFTER_SUBJ_FIRST, False)):
            for kind, rx in pats:
                m = rx.match(after)
                if not m:
                    continue
                if inner.endswith("."):
                    # the quotation ended its own sentence: only a short attribution may follow
                    sentence = re.split(r"[.!?]", after, maxsplit=1)[0]
                    if _first_words(sentence) > 9:
                        return None
                subj = _Subj(kind, m.group("subj"), base + m.start("subj"), base + m.end("subj"))
                if not self._subject_ok(subj, verb_first):
                    continue
                self.used_verbs.add(base + m.start("verb"))
                return _Found(sp.start, sp.end, subj, _verb(m.group("verb")), True, sp)
        return self._after_generic(sp, after, base, inner)

    def _after_generic(self, sp: _Span, after: str, base: int, inner: str) -> _Found | None:
        """Any short subject before a speech verb right after the quotation: `," Rep. John Mica
        (R-Fla.) said`, `," Trump campaign spokeswoman Hope Hicks said`. The speaker is the last
        name in it (the first after the verb: `," said Brian Fallon, a spokesman for ...`)."""
        m = _AFTER_GENERIC.match(after)
        if m is None:
            return None
        first = m.group("subj2") is not None
        sk, vk = ("subj2", "verb2") if first else ("subj", "verb")
        if _first_words(m.group(sk)) > 8 or (
            inner.endswith(".") and not first and _first_words(m.group(sk)) > 6
        ):
            return None
        s, e = base + m.start(sk), base + m.end(sk)
        subj = self._generic_subject(s, e, first)
        if subj is None:
            return None
        self.used_verbs.add(base + m.start(vk))
        return _Found(sp.start, sp.end, subj, _verb(m.group(vk)), True, sp)

    def _generic_subject(self, s: int, e: int, first: bool) -> _Subj | None:
        """The source inside a subject phrase: a name (first or last), a pronoun, or the phrase itself."""
        doc = self.doc
        text = doc.text[s:e].strip()
        if re.fullmatch(r"[Hh]e|[Ss]he|[Tt]hey", text):
            return _Subj("pron", text, s, e)
        n = doc.name_at(s, e, last=not first)
        if n is not None:
            subj = _Subj("name", n.text, n.start, n.end)
            if self._subject_ok(subj, first):
                return subj
        if not re.match(
            r"^(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{U})".replace("{U}", U), text
        ):
            return None
        return _Subj("desc", text, s, e)

    def _before(self, sp: _Span, before: str, base: int) -> _Found | None:
        if not before.strip():
            return None
        for kind, rx in _BEFORE_ACCORDING:
            m = rx.search(before)
            if m:
                subj = _Subj(kind, m.group("subj"), base + m.start("subj"), base + m.end("subj"))
                if self._subject_ok(subj, True):
                    return _Found(sp.start, sp.end, subj, "according to", True, sp)
        for kind, rx in _BEFORE:
            m = rx.search(before)
            if not m:
                continue
            if m.group("obj") and not m.group("punct"):
                continue
            subj = _Subj(kind, m.group("subj"), base + m.start("subj"), base + m.end("subj"))
            if not self._subject_ok(subj, False):
                continue
            self.used_verbs.add(base + m.start("verb"))
            return _Found(sp.start, sp.end, subj, _verb(m.group("verb")), True, sp)
        return None

    def _subject_ok(self, subj: _Subj, after_verb: bool) -> bool:
        """Subject text is a plausible speaker; marks name runs as people on the way. A role or
        description with a name in apposition ("the agency's director, Helen Park,") becomes that name."""
        if subj.kind == "desc" and not _desc_ok(subj.text):
            return False
        if subj.kind in ("role", "desc"):
            m = _APPOS_NAME.match(self.doc.text, subj.end, subj.end + 80)
            n = self.doc.name_at(m.end(), m.end() + 80, last=False) if m else None
            if n is not None and m is not None and n.start == m.end():
                cand = _Subj("name", n.text, n.start, n.end)
                if self._subject_ok(cand, after_verb):
                    subj.kind, subj.text, subj.start, subj.end = cand.kind, cand.text, cand.start, cand.end
            return True
        if subj.kind != "name":
            return True
        doc = self.doc
        parsed = _parse_run(doc.text, *self._run_bounds(subj))
        if parsed is None:
            return False
        n = doc.name_at(subj.start, subj.end, last=True)
        if n is None:
            return False
        if not n.evidence:
            known = any(o.evidence and _compatible(n.core, o.core) for o in doc.by_last.get(n.core[-1], []))
            if len(n.core) == 1 and not known and not doc.plausible_single(n):
                return False
            n.evidence = True
        subj.start, subj.end, subj.text = n.start, n.end, n.text
        return True

    def _run_bounds(self, subj: _Subj) -> tuple[int, int]:
        runs = list(_RUN_RX.finditer(self.doc.text, subj.start, subj.end))
        return (runs[-1].start(), runs[-1].end()) if runs else (subj.start, subj.end)

    # -- reported speech

    def reported(self) -> None:
        doc, t = self.doc, self.doc.text
        for ss, se in doc.sents:
            self._according(ss, se)
            for m in _REPORT_VERB_RX.finditer(t, ss, se):
                if m.start() in self.used_verbs or doc.inside_quote(m.start()):
                    continue
                verb = _verb(m.group())
                if verb in DIRECT_ONLY:
                    continue
                p0 = max(ss, m.start() - 250)  # a subject is short: 250 characters keep this linear
                pre = t[p0 : m.start()]
                subj = self._who_clause(pre, p0)  # "Capt. Christian Pardo, who said he would ..."
                if subj is None and re.search(
                    r"\b(?:was|were|been|being|be|is|are|who|which|that|to)\s+$", pre
                ):
                    continue
                for kind, rx in _SUBJ_END if subj is None else ():
                    sm = rx.search(pre)
                    if sm:
                        cand = _Subj(kind, sm.group("subj"), p0 + sm.start("subj"), p0 + sm.end("subj"))
                        if kind == "desc" and not _desc_ok(cand.text):
                            continue
                        bare_caps = kind == "desc" and not _DETERMINER.match(cand.text)
                        if (
                            (kind == "pron" or bare_caps)
                            and sm.start("subj") > 0
                            and not _CLAUSE_START.search(pre[: sm.start("subj")])
                        ):
                            continue
                        if self._subject_ok(cand, False):
                            subj = cand
                            break
                if subj is None:
                    continue
                span = self._complement(m.end(), se, verb)
                if span is None:
                    continue
                self._add_reported(subj, verb, span[0], span[1])

    def _who_clause(self, pre: str, p0: int) -> _Subj | None:
        """The name a relative "who" before a verb stands for: "Christian Pardo, who said ..."."""
        m = _WHO_CLAUSE.search(pre)
        if m is None:
            return None
        n = self.doc.name_at(p0 + m.start(1), p0 + m.end(1), last=True)
        if n is None or n.end != p0 + m.end(1):
            return None
        subj = _Subj("name", n.text, n.start, n.end)
        return subj if self._subject_ok(subj, False) else None

    def _add_reported(self, subj: _Subj, verb: str, start: int, end: int) -> None:
        """Record reported speech, split at chained verbs: "said A and added B" is two quotes."""
        t = self.doc.text
        pieces: list[tuple[str, int, int]] = []
        cur_verb, cur = verb, start
        for cm in _CHAIN_RX.finditer(t, start, end):
            if self.doc.inside_quote(cm.start()):
                continue
            nxt = self._complement(cm.end(), end, _verb(cm.group("verb")))
            if nxt is None:
                continue
            pieces.append((cur_verb, cur, cm.start()))
            cur_verb, cur = _verb(cm.group("verb")), nxt[0]
            self.used_verbs.add(cm.start("verb"))
        pieces.append((cur_verb, cur, end))
        for v, s, e in pieces:
            s, e = _trim(t, s, e)
            if _first_words(t[s:e]) >= 3:
                self.found.append(_Found(s, e, subj, v, False))

    def _complement(self, pos: int, end: int, verb: str) -> tuple[int, int] | None:
        """Where the reported words after a verb start and end; None when no clause follows."""
        t = self.doc.text
        rest = t[pos : min(end, pos + 300)]  # only the clause's opening is read: linear time
        if verb in ("told", "tells"):
            om = _TOLD_OBJ.match(rest)
            if not om:
                return None
            rest_after = rest[om.end() :]
            pos += om.end()
            rest = rest_after
        preps = _VERB_PREPS.get(verb)
        tm = _THAT.match(rest)
        if tm:
            pos += tm.end()
        elif verb in _THAT_ONLY:
            return None  # "Acme reported record profits" reports no speech; "reported that ..." does
        elif preps and re.match(rf"^\s+(?:{preps})\b", rest):
            pass
        elif _ADVERBIAL.match(rest):
            that = re.search(r"(?:,\s*|\s+)that\s+", rest[:120])
            when = _TIME_THEN_CLAUSE.match(rest)
            if that:
                pos += that.end()
            elif when:  # "He says tonight he's a step closer"
                pos += when.end()
            else:
                return None
        elif re.match(r"^\s*[,;:.!?)\]—–-]", rest) or not rest.strip():
            return None
        s, e = _trim(t, pos, end)
        if s >= e or t[s] in _QUOTE_DOUBLE:
            return None  # a direct quotation follows: handled as one
        if _first_words(t[s:e]) < 3:
            return None
        return s, e

    def _according(self, ss: int, se: int) -> None:
        t = self.doc.text
        sent = t[ss:se]
        for rx in (_ACCORDING_START, _ACCORDING_END):
            m = rx.match(sent)
            if not m:
                continue
            if any(c in m.group("rest") for c in '"“”') and rx is _ACCORDING_START:
                continue  # handled as a direct quote
            subj_text = m.group("subj")
            subj = None
            for kind, srx in _SUBJ_ALONE:
                sm = srx.match(subj_text)
                if sm:
                    cand = _Subj(
                        kind,
                        sm.group("subj"),
                        ss + m.start("subj") + sm.start("subj"),
                        ss + m.start("subj") + sm.end("subj"),
                    )
                    if self._subject_ok(cand, True):
                        subj = cand
                        break
            if subj is None:
                continue
            s, e = _trim(t, ss + m.start("rest"), ss + m.end("rest"))
            if _first_words(t[s:e]) >= 3:
                self.found.append(_Found(s, e, subj, "according to", False))
            return

    # -- resolution

    def resolve(self) -> None:
        doc = self.doc
        for f in self.found:  # named groups first, so that a later "they" can find them
            if f.subj is not None and f.subj.kind == "group":
                f.person = doc.group(f.subj.text)
                bisect.insort(doc.mentions, (f.subj.start, f.person))
        for f in self.found:
            if f.subj is None or f.subj.kind == "group":
                continue
            f.person = self._who(f.subj, f.start if f.direct else f.subj.start)
        for f in self.found:
            if not f.direct:
                self.reported_in.setdefault(self.doc.sentence_of(f.start)[0], []).append(f)
        self._resolve_unattributed()

    def _resolve_unattributed(self) -> None:
        """Quotes without an attribution of their own: the chain, the run of one speaker, the sentence."""
        doc = self.doc
        by_chain: dict[int, _Found] = {}
        for f in self.found:
            if f.span is not None and f.person >= 0 and f.span.chain >= 0 and not f.span.single:
                by_chain.setdefault(f.span.chain, f)
        last_direct: _Found | None = None
        for f in sorted(self.found, key=lambda x: x.start):
            if not f.direct or f.span is None:
                continue
            sp = f.span
            primary = (
                not sp.single
                or doc.text[sp.start - 1] == "‘"
                or (last_direct is not None and last_direct.span is not None and last_direct.span.single)
            )
            words = _first_words(doc.text[sp.start : sp.end])
            if f.person < 0 and f.subj is None:  # an unnamed source of its own keeps it ("a source said")
                if sp.chain in by_chain and not sp.single:
                    f.person, f.verb = by_chain[sp.chain].person, by_chain[sp.chain].verb
                elif (
                    (words >= 4 or re.search(r"[.!?]\W*$", doc.text[sp.start : sp.end]))
                    and primary
                    and last_direct is not None
                    and last_direct.span is not None
                    and self._standalone(sp)
                    and last_direct.span.para in (sp.para, sp.para - 1)
                ):
                    f.person, f.verb = last_direct.person, last_direct.verb
                else:
                    gov = self._governing(f)
                    if gov is not None and words >= 2:
                        f.person, f.verb = gov.person, gov.verb
                if f.person >= 0 and not sp.single:
                    by_chain.setdefault(sp.chain, f)
            if f.person >= 0 and (primary or f.subj is not None):
                last_direct = f
            elif primary and sp.closed and words >= 4 and self._standalone(sp):
                last_direct = None  # an unattributed quotation breaks the run of one speaker

    def _institution(self, subj: _Subj) -> int:
        """A source described, not named: an institution when its words are capitalised ("the Kremlin",
        "The New York Times", "the Clinton campaign"), else nobody (speaker null, wording kept)."""
        m = _INSTITUTION.match(subj.text)
        if not m or m.group(1).split()[0].lower() in _NOT_INSTITUTION:
            return -1
        if subj.text.split()[-1].lower() in BARE_SOURCES:  # "Officials", "Senate Democrats": unnamed
            return -1
        name = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        return self.doc.group(name)

    def trailing(self) -> None:
        """Reported speech with the attribution after it: "The deal is dead, Smith said." and the
        parenthetical "The deal, Smith said on Monday, is dead." Only the sentence's last 300
        characters are searched for the attribution, so long sentences cost linear time."""
        doc, t = self.doc, self.doc.text
        taken = sorted((f.start, f.end) for f in self.found)
        starts = [a for a, _ in taken]
        for ss, se in doc.sents:
            if se - ss < 20:
                continue
            for kind, rx in _TRAILING:
                # every attempt starts at a comma and reads a bounded subject: linear in the sentence
                m = rx.search(t, ss, se)
                if m is None:
                    continue
                sk, vk = ("subj", "verb") if m.group("subj") is not None else ("subj2", "verb2")
                if doc.inside_quote(m.start()) or m.start(vk) in self.used_verbs:
                    continue
                c0, c1 = _trim(t, ss, m.start())
                # "It was, he said, one of ...": both halves are the content
                end = _trim(t, m.end(), se)[1] if m.group("cont") else c1
                if c1 <= c0 or end - c0 < 15 or t[c0] in _QUOTE_DOUBLE or _first_words(t[c0:end]) < 3:
                    continue
                i = bisect.bisect_right(starts, c1) - 1
                if i >= 0 and taken[i][1] > c0:
                    continue  # already found (a direct quote or reported speech)
                subj: _Subj | None = _Subj(kind, m.group(sk), m.start(sk), m.end(sk))
                if kind == "generic":  # ", council clerk Ruth Ames said.": the name inside
                    if _first_words(m.group(sk)) > 6:
                        continue
                    subj = self._generic_subject(m.start(sk), m.end(sk), m.group("vfirst") is not None)
                if subj is None or not self._subject_ok(subj, m.group("vfirst") is not None):
                    continue
                self.used_verbs.add(m.start(vk))
                self.found.append(_Found(c0, end, subj, _verb(m.group(vk)), False))
                break

    def beliefs(self) -> None:
        """Beliefs, intentions and stances: "Trump wants to build a wall", "Clinton accused him of lying".
        The subject is found as for reported speech; the content runs to the end of the sentence."""
        doc, t = self.doc, self.doc.text
        taken = sorted((f.start, f.end) for f in self.found)
        starts = [a for a, _ in taken]
        for ss, se in doc.sents:
            for m in _BELIEF_RX.finditer(t, ss, se):
                if m.start() in self.used_verbs or doc.inside_quote(m.start()):
                    continue
                c0, c1 = _trim(t, m.end(), se)
                if c1 <= c0 or t[c0] in _QUOTE_DOUBLE or _first_words(t[c0:c1]) < 3:
                    continue
                i = bisect.bisect_right(starts, c1) - 1
                if i >= 0 and taken[i][1] > c0:
                    continue
                p0 = max(ss, m.start() - 250)
                pre = t[p0 : m.start()]
                if re.search(r"\b(?:was|were|been|being|be|is|are|who|which|that|to)\s+$", pre):
                    continue
                subj = None
                for kind, rx in _SUBJ_END:
                    if kind == "desc":
                        continue
                    sm = rx.search(pre)
                    if sm is None:
                        continue
                    if (
                        kind == "pron"
                        and sm.start("subj") > 0
                        and not _CLAUSE_START.search(pre[: sm.start("subj")])
                    ):
                        continue
                    cand = _Subj(kind, sm.group("subj"), p0 + sm.start("subj"), p0 + sm.end("subj"))
                    if self._subject_ok(cand, False):
                        subj = cand
                        break
                if subj is None:
                    continue
                self.used_verbs.add(m.start())
                self.found.append(_Found(c0, c1, subj, _verb(m.group()), False))

    def participles(self) -> None:
        """ ", saying ..." / ", adding that ...": the words belong to the subject of the sentence (its
        first person, or the person a sentence-initial "he"/"she" means)."""
        doc, t = self.doc, self.doc.text
        taken = sorted((f.start, f.end) for f in self.found)
        starts = [a for a, _ in taken]
        # `"...," he said, adding that ...`: the attribution just made in the sentence gives the subject
        said_in: dict[int, list[_Subj]] = {}
        for f in sorted(self.found, key=lambda x: x.subj.start if x.subj else -1):
            if f.subj is not None:
                said_in.setdefault(doc.sentence_of(f.subj.start)[0], []).append(f.subj)
        for m in _PARTICIPLE.finditer(t):
            if doc.inside_quote(m.start()):
                continue
            ss, se = doc.sentence_of(m.start())
            c0, c1 = _trim(t, m.end(), se)
            if c1 <= c0 or t[c0] in _QUOTE_DOUBLE or _first_words(t[c0:c1]) < 3:
                continue
            i = bisect.bisect_right(starts, c1) - 1
            if i >= 0 and taken[i][1] > c0:
                continue
            before = [x for x in said_in.get(ss, []) if x.end <= m.start()]
            subj = before[-1] if before else self._clause_subject(ss, m.start())
            if subj is None:
                continue
            self.found.append(_Found(c0, c1, subj, _verb(m.group("verb")), False))

    def _clause_subject(self, ss: int, pos: int) -> _Subj | None:
        """The subject opening the sentence that starts at `ss`: a pronoun or the first name before `pos`."""
        t = self.doc.text
        head = t[ss : min(pos, ss + 60)]
        pm = re.match(r"^\W*([Hh]e|[Ss]he|[Tt]hey)\b", head)
        if pm:
            return _Subj("pron", pm.group(1), ss + pm.start(1), ss + pm.end(1))
        n = self.doc.name_at(ss, min(pos, ss + 120), last=False)
        if n is None:
            return None
        subj = _Subj("name", n.text, n.start, n.end)
        return subj if self._subject_ok(subj, False) else None

    def guess_speakers(self) -> None:
        """Last resort for a quotation nobody is credited with: the sentence's first person outside
        quotes (its subject, "Trump called it a "disgrace""; "He said ..." resolved), else the
        person last named shortly before it."""
        doc, t = self.doc, self.doc.text
        for f in self.found:
            if not f.direct or f.person >= 0 or f.subj is not None:
                continue
            f.guessed = True
            ss, se = doc.sentence_of(f.start)
            head = t[ss : max(ss, min(f.start - 1, ss + 40))]  # bounded: linear in long sentences
            m = re.match(r"^\W*(?:[Bb]ut\s+|[Aa]nd\s+)?([Hh]e|[Ss]he)\b", head)
            if m:
                g = "m" if m.group(1).lower() == "he" else "f"
                f.person = doc.recent_subject(ss + m.start(1), g)
                continue
            lo = bisect.bisect_left(doc.mentions, (ss, -10))
            near = bisect.bisect_left(doc.mentions, (max(ss, f.start - SPEAKER_WINDOW), -10))
            mid = bisect.bisect_left(doc.mentions, (f.start, -10))
            speaking = [
                w for at, w in doc.mentions[near:mid] if not doc.persons[w].group and self._speaks_at(at)
            ]
            if speaking:  # `Sanders said he had not "heard her say ..."`: the one with the verb
                f.person = speaking[-1]
                continue
            first = next(
                (w for at, w in doc.mentions[lo : lo + 8] if at < se and not doc.persons[w].group), -1
            )
            if first >= 0:
                f.person = first
                continue
            if f.span is not None and self._standalone(
                f.span
            ):  # a quotation that is a sentence of its own continues a speaker
                f.person = doc.recent(f.start, group=False, within=LOOKBACK)

    def _speaks_at(self, at: int) -> bool:
        """The name mentioned at `at` is followed by a speech verb ("Sanders said", "Sanders has argued")."""
        n = self.doc.name_at(at, at + 200, last=False)
        if n is None:
            return False
        return _SPEAKS.match(self.doc.text, n.end, n.end + 60) is not None

    def _standalone(self, sp: _Span) -> bool:
        """The quote opens a sentence (a quotation standing alone, not a phrase inside one)."""
        t = self.doc.text
        ps, _ = self.doc.paras[sp.para]
        lo = max(ps, sp.start - 1 - 200)  # bounded: a paragraph of many quotes stays linear
        head = t[lo : sp.start - 1].rstrip()
        return not head or head[-1] in '.!?"”:'

    def _governing(self, f: _Found) -> _Found | None:
        s, e = self.doc.sentence_of(f.start)
        for g in self.reported_in.get(s, []):
            if g.person >= 0 and g.start <= f.start and f.end <= g.end + 2:
                return g
        return None

    def _who(self, subj: _Subj, pos: int) -> int:
        doc = self.doc
        if subj.kind == "pron":
            low = subj.text.lower()
            gender = "m" if low == "he" else "f" if low == "she" else ""
            # Before the pronoun and before the quotation: never someone named inside the quote.
            at = min(pos, subj.start)
            if PRONOUNS[low] == "group":
                return doc.recent(at, group=True)
            who = doc.recent_subject(at, gender)
            return who if who >= 0 else doc.recent(at, group=False, gender=gender)
        if subj.kind == "group":
            return doc.group(subj.text)
        if subj.kind == "desc":
            return self._institution(subj)
        if subj.kind == "role":
            role = _squash(re.sub(r"^[Tt]he\s+", "", subj.text)).lower()
            cands = [
                i
                for i, p in enumerate(doc.persons)
                if not p.group
                and (role in (r.lower() for r in p.roles) or any(_role_head(r) == role for r in p.roles))
            ]
            if len(cands) == 1:
                return cands[0]
            if cands:
                return doc.recent(pos, group=False, among=cands)
            # "the Florida senator", bound to nobody by the text: like "he", the subject of the nearest
            # sentence naming a person (a definite description refers back).
            if subj.text[:1] in "Tt" and re.match(r"[Tt]he\s", subj.text):
                return doc.recent_subject(min(pos, subj.start), "", sentences=ROLE_LOOKBACK)
            return -1
        n = doc.name_at(subj.start, subj.end, last=True)
        if n is None:
            return -1
        if n.person >= 0:
            return n.person
        cands = [i for i, p in enumerate(doc.persons) if not p.group and _compatible(n.core, p.core)]
        if len(cands) == 1:
            return cands[0]
        if cands:
            return doc.recent(pos, group=False, among=cands)
        return -1


_INSTITUTION = re.compile(
    rf"^(?:[Tt]he\s+)?((?:{U}[\w.&'’-]*)(?:\s+(?:of|for|and|on|{U}[\w.&'’-]*))*?)(?:['’]s?)?"
    r"(?:\s+(campaign|administration|government|office|committee|department|ministry|party|team|agency))?$"
)


def _verb(v: str) -> str:
    return _squash(v).lower()


def _trim(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s].isspace():
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ".,;:!?"):
        e -= 1
    return s, e


def _trim_direct(t: str, s: int, e: int) -> tuple[int, int]:
    """Quoted words without surrounding spaces and the comma that hands over to the attribution."""
    while s < e and t[s].isspace():
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:"):
        e -= 1
    return s, e


def _role_head(role: str) -> str:
    """The role noun itself: "Russian President" -> "president", "analyst at Acme" -> "analyst"."""
    words = re.findall(r"[\w-]+", role.lower())
    cut = len(words)
    for i, w in enumerate(words):
        if w in ("of", "at", "for", "with"):
            cut = i
            break
    words = words[:cut]
    head: list[str] = []
    for w in reversed(words):
        if w in ROLE_WORDS or w in TITLES:
            head.insert(0, w)
        elif head:
            break
    return " ".join(head)
