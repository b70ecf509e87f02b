"""Names: capitalised runs that are people, and the persons a document mentions."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import Any

from index.attribution.marks import _pair_quotes, _paragraphs, _sentences
from index.attribution.patterns import _CAPTOK, _PART_RE, _RUN_RX, _TOKEN_RX
from index.attribution.records import _Name, _Person
from index.attribution.words import (
    BELIEF_VERBS,
    FEMALE_GIVEN,
    FEMALE_PRONOUNS,
    GIVEN,
    GROUP_RE,
    HONORIFICS,
    MALE_GIVEN,
    MALE_PRONOUNS,
    MONTHS,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    ROLE_MODS,
    ROLE_RE,
    ROLE_WORDS,
    SPEECH_VERBS,
    STOP,
    STRONG_PARTICLES,
    SUFFIXES,
    TITLES,
    U,
)

# --------------------------------------------------------------------------- names


# Compass words open sentences ("Western officials said") and so are stop words, but before another
# capitalised word they belong to the name ("As reported by Western Journalism" was "Journalism";
# round 12b, bench/reports/attribution.md).
_COMPASS = frozenset(("western", "eastern", "northern", "southern"))
_PREFIXED = re.compile(r"^(?:al|el|bin|ibn|abu|abd|ben|ul)-(.+)$")
# A party noun before a full name describes the person, like a title: "ranking Democrat Elijah
# Cummings", "Republican Paul Ryan" (the name was "Democrat Elijah Cummings"; round 13, attr11). Only
# before two or more words, so that the noun alone never makes or loses a name.
_PARTY_NOUNS = frozenset(("democrat", "republican"))


def _core(tokens: list[str]) -> tuple[str, ...]:
    out = []
    for t in tokens:
        low = t.lower().rstrip(".")
        if low in PARTICLES or (len(low) == 1 and t.endswith(".")):
            continue
        m = _PREFIXED.match(low)
        out.append(m.group(1) if m else low)
    return tuple(out)


def _is_acronym(tok: str) -> bool:
    if tok.isascii():  # the common case, without a list: in ASCII the cased characters are the letters
        return tok.isupper() and sum(c.isalpha() for c in tok) >= 2
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _parse_run(text: str, start: int, end: int) -> tuple[str, tuple[int, int] | None, int, int] | None:
    """Split a capitalised run into (role, role span, name start, name end); None when no name is left."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RX.finditer(text, start, end)]
    if not toks:
        return None
    title = -1
    for i, (t, _s, _e) in enumerate(toks):
        low = t.lower().rstrip(".")
        if low in TITLES or (low in ROLE_WORDS and i < len(toks) - 1 and low not in PARTICLES):
            title = i
    if title == len(toks) - 1 and len(toks) >= 2 and _surname_title(toks[-2][0]):
        # "Peter T. King", "Larry King": a title word after an initial or a given name is a surname
        title = max(
            (
                i
                for i, (t, _s, _e) in enumerate(toks[:-1])
                if t.lower().rstrip(".") in TITLES or t.lower().rstrip(".") in ROLE_WORDS
            ),
            default=-1,
        )
    role = ""
    role_span: tuple[int, int] | None = None
    rest = toks
    if title >= 0 and title < len(toks) - 1:
        first = 0
        while first < title and _is_stop(toks[first][0]):
            first += 1
        role_span = (toks[first][1], toks[title][2])
        rest = toks[title + 1 :]
        role = text[role_span[0] : role_span[1]]
    elif title == len(toks) - 1:
        return None
    # "New Hampshire", "New York", "New Jersey": a run opened by "New" names a place or an institution,
    # and stripping "New" as a sentence opener made a person "Hampshire" (the subject of "Polls in New
    # Hampshire show"; bench/reports/attribution.md, round 5).
    if len(rest) >= 2 and rest[0][0] == "New":
        return None
    # strip sentence openers, months and acronyms in front of the name
    while rest and (
        _is_stop(rest[0][0])
        or _is_acronym(rest[0][0])
        or (len(rest) >= 3 and rest[0][0].lower() in _PARTY_NOUNS)
    ):
        if len(rest) == 1 and rest[0][0].lower() in MONTHS:
            break  # "May said": kept as a weak mention, resolved only against a known "Theresa May"
        if len(rest) >= 2 and rest[0][0].lower() in _COMPASS:
            break  # "Western Journalism", "Southern Poverty Law Center": the compass word is the name's
        rest = rest[1:]
    while rest and (rest[-1][0].lower() in PARTICLES or rest[-1][0].lower().rstrip(".") in SUFFIXES):
        rest = rest[:-1]
    if not rest:
        return None
    given = _given_after_words(rest)
    if given > 0:
        # "(Director of) Government Affairs Phil Smith", "Air Force Tyler Livingston": the end of an
        # institution's name before a person's; the name starts at the given name
        rest = rest[given:]
    return role, role_span, rest[0][1], rest[-1][2]


def _given_after_words(rest: list[tuple[str, int, int]]) -> int:
    """Where a person's name starts in a run that opens with everyday words: the index of a given name
    ("Phil" in "Government Affairs Phil Smith") followed by one or two more words and preceded only by
    common English words that are no given names; 0 when there is none.

    Args:
        rest: the run's tokens as (token, start, end), role and openers stripped.
    Returns:
        The given name's index, or 0.
    """
    if len(rest) < 3:
        return 0
    for j in range(1, len(rest) - 1):
        low = rest[j][0].lower()
        if not (low in GIVEN or given_gender(low) in ("m", "f")):
            continue
        before = [t.lower() for t, _s, _e in rest[:j]]
        if len(rest) - j <= 3 and all(
            w.isalpha() and w not in GIVEN and not given_gender(w) and _common_word(w) for w in before
        ):
            return j
        return 0
    return 0


def _surname_title(before: str) -> bool:
    """Whether a title word ("King", "Bishop") after `before` is a surname: `before` is an initial
    ("T.") or a given name ("Larry").

    Args:
        before: the word before the title word.
    Returns:
        True for such a word.
    """
    low = before.lower().rstrip(".")
    if low in TITLES or low in ROLE_WORDS:
        return False
    return bool(re.fullmatch(r"[A-Z]\.", before)) or low in GIVEN


def _is_stop(tok: str) -> bool:
    return tok.lower().rstrip(".") in STOP and not _is_acronym(tok)


def _org_surname(tokens: list[str], i: int) -> bool:
    """Whether token `i` is a surname that is also an organisation word: the last of two or three
    words after a given name that is nearly always one gender's ("Steven Law", "Don Guardian"; they
    were nobody, and a later "he" went to another man; round 13, attr11).

    Args:
        tokens: the name's tokens; i: the organisation word's index.
    Returns:
        True for such a surname.
    """
    first = tokens[0].lower()
    return (
        i == len(tokens) - 1
        and len(tokens) in (2, 3)
        and (first in MALE_GIVEN or first in FEMALE_GIVEN)
        and first not in PLACES
    )


def _valid_name(tokens: list[str]) -> bool:
    core = _core(tokens)
    if not core or len(core) > 5:
        return False
    for i, t in enumerate(tokens):
        low = t.lower().rstrip(".")
        if 0 < i < len(tokens) - 1 and len(low) == 1 and t.endswith("."):
            continue  # a middle initial ("Jock A. Finlayson", "Harry S. Truman"): no stop word "a"
        # "Bill" is an organisation word ("the Bill") and a given name: opening a name ("Bill Clinton")
        # it is the given name (train: 88 articles name Bill Clinton, who was nobody without a role).
        given_first = i == 0 and len(tokens) >= 2 and low in GIVEN
        if (low in ORG_WORDS and not given_first and not _org_surname(tokens, i)) or (
            low in STOP
            and low not in PARTICLES
            and (i == 0 or low not in MONTHS)
            and not (i == 0 and low in _COMPASS and len(tokens) >= 2)
        ):
            return False
        if _is_acronym(t) and not t.endswith("."):
            return False
        if i > 0 and low in SPEECH_VERBS:  # a title-case headline: "Sanders Says He Will Stay In"
            return False
    if " ".join(core) in PLACES or (len(core) == 1 and core[0] in PLACES):
        return False
    # "Chad Sweet", "Jordan Hale": a given name that is also a country's opens a person's name
    return (
        not any(c in PLACES for c in core)
        or len(core) > 1
        and (
            core[0] in GIVEN or (core[0] in PLACES and core[1] not in PLACES and given_gender(core[0]) != "")
        )
    )


class _Doc:
    """Everything learnt about one document while analysing it."""

    def __init__(self, text: str, parts: Iterable[tuple[int, int, str]] = ()) -> None:
        self.text = text
        self.paras = _paragraphs(text)
        self.spans = _pair_quotes(text, self.paras)
        self.span_starts = [s.start for s in self.spans]
        self.sents = _sentences(text, self.paras, self.spans)
        self.sent_starts = [s for s, _ in self.sents]
        # Parts the source's markup labels (index.model.SourceText.parts): a byline, credit or dateline
        # names nobody who speaks in the story, so its names are never scanned (`furniture`); a caption
        # may hold a quotation of its own, so its names stay, but no quotation or pronoun outside it
        # looks back into it (its sentences join `credits`).
        aside = sorted((s, e) for s, e, kind in parts if kind in ASIDE_PARTS and e > s)
        self.furniture = sorted((s, e) for s, e, kind in parts if kind in FURNITURE_PARTS and e > s)
        self._furniture_starts = [s for s, _ in self.furniture]
        # Photo credit lines ("Photograph: Jane Doe/Reuters"), by sentence index: their names are
        # photographers, nobody who speaks in the story (recent_subject skips them); and the sentences
        # of labelled bylines, credits, datelines and captions.
        self.credits = {
            i
            for i, (ss, se) in enumerate(self.sents)
            if se - ss <= CREDIT_MAX_CHARS and _credit_line(text[ss:se])
        }
        for s, e in self.furniture + aside:
            lo = max(0, bisect.bisect_right(self.sent_starts, s) - 1)
            hi = bisect.bisect_left(self.sent_starts, e)
            self.credits.update(i for i in range(lo, hi) if self.sents[i][1] > s)
        self.names: list[_Name] = []
        self.persons: list[_Person] = []
        self.mentions: list[tuple[int, int]] = []  # (position, person index), outside quotes
        self.chain_at: set[int] = set()  # mentions that are resolved pronouns or roles, not names
        self.speaking: set[int] = set()  # mentions that are the source of an attribution ("Roe said")
        self.oblique: set[int] = set()  # mentions that are no subject: "Trump's", "the Trump campaign"
        self.name_starts: list[int] = []
        self.by_last: dict[str, list[_Name]] = {}
        self._cap_words = set(re.findall(rf"(?<![\w'’-]){U}[\w'-]*", text))
        self._lower_words = set(re.findall(r"(?<![\w'’-])[a-z][\w'-]*", text))
        self._mid_caps: frozenset[str] | None = None
        self._persons_by_last: dict[str, list[int]] = {}  # last core word -> indices of persons (not groups)
        self._full_names: dict[str, tuple[str, str] | None] = {}  # `_full_name`'s answers by word
        self.interviewee: int | None = None  # who answers a transcript's "A:" (sources._interviewee)
        self.role_heads: dict[str, str] = {}  # a role as written -> its head noun (sources._role_head)
        self._first_word: dict[int, int] = {}  # sentence index -> position of its first word character
        self._place_like = {
            m.group(1).lower()
            for m in re.finditer(rf"\b(?:in|into|across|throughout|near|outside|inside)\s+({U}\w+)\b", text)
        }
        self._modifier_like = {
            m.group(1).lower()
            for m in re.finditer(
                rf"(?<!\w)({U}\w+)(?:['’]s)?\s+(?:{GROUP_RE}|{ROLE_RE}|government|forces|troops|army|regime)\b",
                text,
            )
        }

    # -- quotes and sentences

    def inside_quote(self, pos: int, single: bool = True) -> bool:
        i = bisect.bisect_right(self.span_starts, pos) - 1
        while i >= 0:
            sp = self.spans[i]
            if sp.start <= pos < sp.end and (single or not sp.single):
                return True
            if sp.end < pos - 2000:
                break
            i -= 1
        return False

    def in_furniture(self, pos: int) -> bool:
        """Whether `pos` lies in a labelled byline, credit or dateline (see `__init__`)."""
        i = bisect.bisect_right(self._furniture_starts, pos) - 1
        return i >= 0 and pos < self.furniture[i][1]

    def aside_sentence(self, pos: int) -> bool:
        """Whether `pos` lies in a photo credit line or a labelled byline, credit, dateline or caption."""
        return bisect.bisect_right(self.sent_starts, pos) - 1 in self.credits

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.sents[i]

    def sentence_initial(self, pos: int) -> bool:
        """No word before `pos` in its sentence (quote marks are not words).

        The sentence's first word is found once per sentence: slicing the sentence's head on every
        call made a 128 KB sentence quadratic (1.8 s of 5.7 s in bench/attribution_speed.py).
        """
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        first = self._first_word.get(i)
        if first is None:
            m = _WORD_CHAR.search(self.text, self.sents[i][0] if i >= 0 else 0)
            first = self._first_word[i] = m.start() if m else len(self.text)
        return pos <= first

    # -- names

    def scan_names(self) -> None:
        self._scan()
        self.name_starts = [n.start for n in self.names]
        for n in self.names:
            self.by_last.setdefault(n.core[-1], []).append(n)

    def _scan(self) -> None:
        t = self.text
        for ps, pe in self.paras:
            pending_role: tuple[str, int] | None = None  # "Russian President, Vladimir Putin"
            for m in _RUN_RX.finditer(t, ps, pe):
                if self.furniture and self.in_furniture(m.start()):
                    continue  # a byline's or credit's names: nobody in the story
                parsed = _parse_run(t, m.start(), m.end())
                if parsed is None:
                    only_role = re.fullmatch(rf"(?:{_CAPTOK}\s+){{0,3}}{_CAPTOK}", m.group())
                    last = m.group().split()[-1].lower().rstrip(".")
                    if only_role and last in TITLES and last not in HONORIFICS:
                        pending_role = (re.sub(r"^(?:The|A|An)\s+", "", m.group()), m.end())
                    continue
                role, role_span, ns, ne = parsed
                if _ROLE_AFTER.match(t, m.end(), min(pe, m.end() + 60)):
                    # "Former Arizona governor Jan Brewer", "Clinton campaign manager Robby Mook": the
                    # capitals modify the role of the name that follows; they name nobody here.
                    pending_role = None
                    continue
                if not role:
                    ns, role, role_span = self._trim_front(ns, ne)
                ns = _given_start(t, ns, ne)
                tokens = [x.group() for x in _TOKEN_RX.finditer(t, ns, ne)]
                weak = len(tokens) == 1 and tokens[0].lower() in MONTHS  # "May" the month or Theresa May
                if not weak and (
                    not _valid_name(tokens)
                    or self._common_phrase(tokens)
                    or self.noun_modifier(tokens, ns, ne)
                ):
                    pending_role = None
                    continue
                name = _Name(t[ns:ne], ns, ne, _core(tokens), weak=weak)
                if role:
                    title_word = t[role_span[0] : role_span[1]].split()[-1] if role_span else ""
                    if title_word.lower().rstrip(".") in HONORIFICS:
                        name.title_form = f"{title_word} {name.text}"
                        name.evidence = True
                    else:
                        name.role = role
                        name.evidence = True
                        if role_span and len(role.split()) == 1:
                            name.title_form = f"{role} {name.text}"
                elif pending_role and t[pending_role[1] : ns].strip() == ",":
                    name.role = pending_role[0]
                    name.evidence = True
                pending_role = None
                self._role_before(name)
                self._evidence_after(name)
                if len(name.core) >= 2 and name.core[0] in GIVEN:
                    name.evidence = True
                if any(
                    x.lower() in STRONG_PARTICLES or re.match(r"^(?:al|el|bin|ibn|ul)-", x, re.I)
                    for x in tokens[1:]
                ):
                    name.evidence = True
                self.names.append(name)

    def noun_modifier(self, tokens: list[str], ns: int, ne: int) -> bool:
        """A sentence's capitalised first word that modifies the plural noun after it ("Opinion polls
        see", "Campaign aides said"): an everyday word, never capitalised mid-sentence here, is no name
        (round 9c, train golds won/lost in bench/reports/attribution.md).

        Args:
            tokens: the name's tokens; ns, ne: its span.
        Returns:
            True for such a modifier.
        """
        if len(tokens) != 1 or not self.sentence_initial(ns):
            return False
        m = _NEXT_LOWER.match(self.text, ne)
        if m is None or not _plural_noun(m.group(1), self._lower_words):
            return False
        # "Washington says ...": the word after a name is its verb; a plural noun has a cue verb after it
        if m.group(1) in _CUES or m.group(2) not in _CUES:
            return False
        w = tokens[0].lower()
        return w not in GIVEN and w not in self.mid_sentence_caps() and _common_word(w)

    def _common_phrase(self, tokens: list[str]) -> bool:
        """A capitalised run of words the text also writes in lower case, every one of them: a title or
        a programme ("No Child Left Behind", "Homeland Security"), not a person's name.

        Args:
            tokens: the run's words.
        Returns:
            True for such a run of two words or more.
        """
        words = [t.lower() for t in tokens if t[:1].isupper()]
        return len(words) >= 2 and all(w in self._lower_words for w in words)

    def _trim_front(self, ns: int, ne: int) -> tuple[int, str, tuple[int, int] | None]:
        """Drop a capitalised common word opening a sentence ("Archaeologist Barney Sloane") and take
        the office out of "Secretary of State John Kerry"."""
        t = self.text
        toks = list(_TOKEN_RX.finditer(t, ns, ne))
        if len(toks) < 2:
            return ns, "", None
        pre = t[max(0, ns - 80) : ns]
        # The office pattern ends in "of " or "of the ": test that before the `$`-anchored search.
        if not (pre[-1:].isspace() and (pre.rstrip().rsplit(None, 1) or [""])[-1] in ("of", "the")):
            office = None
        else:
            office = re.search(rf"((?:{_CAPTOK}\s+)*{_CAPTOK})\s+of\s+(?:the\s+)?$", pre)
        if office and len(toks) >= 3 and office.group(1).split()[-1].lower().rstrip(".") in TITLES:
            start = ns - (len(pre) - office.start(1))
            return toks[1].start(), t[start : toks[0].end()], (start, toks[0].end())
        if self.sentence_initial(ns) and (
            toks[0].group().lower() in self._lower_words or _gerund(toks[0].group())
        ):
            return toks[1].start(), "", None
        return ns, "", None

    def _role_before(self, name: _Name) -> None:
        """A lower-case role in front: "Syrian leader Bashar al-Assad", "chief executive, Tim Cook"."""
        head = self.text[max(0, name.start - 120) : name.start]
        # The pattern ends in a role word, an optional comma and a space: test that cheaply first,
        # since a `$`-anchored search is tried at all 120 positions (8% of attribution time).
        last = head.rstrip()
        if (
            not head[-1:].isspace()
            or (last.removesuffix(",").rsplit(None, 1) or [""])[-1] not in _ROLE_WORD_SET
        ):
            return
        m = re.search(
            rf"(?:(?<=\s)|^)((?:(?:{_CAPTOK}|{_PART_RE})(?:['’]s)?\s+){{0,4}}(?:{ROLE_MODS}\s+)?"
            rf"{ROLE_RE}(?:\s+{ROLE_RE}){{0,2}}),?\s+$",
            head,
        )
        if m and not name.role:
            role = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
            name.role = role
            name.evidence = True

    def _evidence_after(self, name: _Name) -> None:
        """Apposition or relative clause after the name: ", the Russian president," / ", 45," / "who"."""
        tail = self.text[name.end : name.end + 140]
        m = re.match(
            rf"^,\s+(?:the|a|an|who\s+is\s+the|who\s+is\s+a)\s+((?:[\w'’-]+\s+){{0,4}}?{ROLE_RE}"
            rf"(?:\s+{ROLE_RE})?(?:\s+(?:of|at|for|with)\s+[^,.;:\"“”]{{1,50}})?)\s*[,.;]",
            tail,
        )
        if m:
            if not name.role:
                name.role = m.group(1).strip()
            name.evidence = True
        elif re.match(
            r"^(?:,\s*\d{1,3},|,?\s+who\b|['’]s\s+(?:wife|husband|son|daughter|mother|father))", tail
        ):
            name.evidence = True
        elif (
            len(name.core) == 1
            and tail[:1] in ",."
            # 30 characters: "their granddaughter, " (a bound for linear time, no fit)
            and _KIN_APPOSITION.search(self.text, max(0, name.start - 30), name.start) is not None
        ):
            # "his wife, Jane,", "Trump's son, Eric.": a given name alone in apposition to a kin noun is
            # that person (round 11b, train golds won/lost in bench/reports/attribution.md)
            name.evidence = True
        if not m and not name.role:
            bare = _BARE_APPOSITION.match(tail) or _AGENT_APPOSITION.match(tail)
            if bare:
                # "Maria Lopez, chief economist at the World Resources Bank,": a role without its
                # article binds as well as one with it. No evidence of personhood is taken from it: the
                # people found stay those found before.
                name.role = _squash(bare.group(1))
        self._bound_after(name, tail)

    def _bound_after(self, name: _Name, tail: str) -> None:
        """Roles a relative clause or an "of"-phrase binds to the name right before it.

        "John Doe, who appraises golf course properties for Big & Co," is the appraiser for Big & Co
        (the agent noun of the clause's verb, agent_noun); "who heads the Acme Group" the head of the
        Acme Group; "Jane Roe of the Acme Group" is someone of the Acme Group (her organisation: with a
        role the text gives her, "the Acme Group analyst"). Nothing is bound by being nearby.

        Args:
            name: the name mention; tail: the text right after it.
        """
        aff = _AFFILIATION.match(tail)
        if aff:
            name.org = _squash(_org_before_person(aff.group(1)))
            # "Jane Roe of the Acme Group, an analyst who advises clubs,": the apposition after it
            role = _ROLE_APPOSITION.match(tail, aff.end(1))
            if role:
                name.bound.append(_squash(role.group(1)))
            return
        rel = _WHO_DOES.match(tail)
        if rel is None:
            return
        noun = agent_noun(rel.group("verb"))
        if not noun:
            return
        prep = rel.group("prep") or "of"
        org = rel.group("org") or rel.group("org2")
        name.bound.append(f"{noun} {prep} {_squash(org)}")

    def bind_role_phrases(self) -> None:
        """A fuller wording of a role the text binds to a person, where the text refers to that person
        by the role's head: "The state's interior minister announced ... said Karl Weber, the minister"
        makes Karl Weber the interior minister. The wording is a definite or indefinite noun phrase
        ending in the same role word, in the name's sentence before it or in the sentence before that,
        outside quotations, with no other person named between it and the name, and not itself a
        title before a name. A role merely nearby is bound to nobody: the person must hold its head.
        """
        t = self.text
        for n in self.names:
            if n.person < 0 or not n.role or self.inside_quote(n.start):
                continue
            head = n.role.lower().split()
            if len(head) != 1 or head[0] not in _ROLE_WORD_SET:
                continue
            i = bisect.bisect_right(self.sent_starts, n.start) - 1
            lo = self.sents[max(0, i - 1)][0] if i >= 0 else 0
            lo = max(lo, n.start - ROLE_PHRASE_CHARS)  # a bound for linear time on unbroken text
            best: re.Match[str] | None = None
            for m in _role_phrase(head[0]).finditer(t, lo, n.start):
                best = m
            if best is None or self.inside_quote(best.start()) or _RUN_AFTER.match(t, best.end()):
                continue
            a = bisect.bisect_left(self.mentions, (best.end(), -10))
            b = bisect.bisect_left(self.mentions, (n.start, -10))
            if any(who != n.person for _at, who in self.mentions[a:b]):
                continue
            mods = [w for w in best.group("mods").split() if not re.search(r"['’]s?$", w)]
            mods = [w for w in mods if w.lower() not in STOP]
            if mods:
                self.persons[n.person].roles.setdefault(" ".join(mods + [head[0]]))
            if best.group("owner"):  # "Bavaria's interior minister": the minister of Bavaria
                role = " ".join(mods + [head[0]])
                self.persons[n.person].roles.setdefault(f"{role} of {_squash(best.group('owner'))}")

    def name_at(self, start: int, end: int, last: bool) -> _Name | None:
        """The scanned name inside [start, end): the last one (subject before a verb) or the first."""
        lo = bisect.bisect_left(self.name_starts, start)
        hi = bisect.bisect_left(self.name_starts, end)
        inside = [n for n in self.names[lo:hi] if n.end <= end]
        if not inside:
            return None
        return inside[-1] if last else inside[0]

    def plausible_single(self, name: _Name) -> bool:
        """A one-word name with only a speech verb as evidence: not a place, organisation or common word."""
        w = name.core[0]
        if name.weak or w in PLACES or w in self._place_like or w in self._modifier_like:
            return False
        if w in self._lower_words:
            return False
        # Sentence-initial capitals are weak ("Along the way", "Others said", "Report: ..."): a word that
        # is common in English and never capitalised here except at a sentence's start names nobody.
        return w in self.mid_sentence_caps() or not _common_word(w)

    def mid_sentence_caps(self) -> frozenset[str]:
        """Capitalised words (lower-cased, as name cores are) the text writes other than at a sentence start, computed once."""
        if self._mid_caps is None:
            self._mid_caps = frozenset(
                m.group().lower()
                for m in re.finditer(rf"(?<![\w'’-]){U}[\w'-]*", self.text)
                if not self.sentence_initial(m.start())
            )
        return self._mid_caps

    # -- persons

    def build_persons(self) -> None:
        # A full name ("Cornell Belcher") is a person even without other evidence: a pronoun may mean them.
        # A one-word name is nobody when it is an everyday word the text also writes in lower case,
        # whatever title stands before it ("Head Start", "Acting Director"): a pronoun must not find it.
        evid = [
            n
            for n in self.names
            if (n.evidence or len(n.core) >= 2)
            and not n.weak
            and (len(n.core) >= 2 or n.title_form or self.plausible_single(n))
        ]
        evid.sort(key=lambda n: (-len(n.core), n.start))
        for n in evid:
            self._attach(n, create=True)
        for n in self.names:
            if n.person < 0:
                self._attach(n, create=False)
        for n in self.names:
            if n.person >= 0 and not self.inside_quote(n.start):
                self.mentions.append((n.start, n.person))
                if _oblique(self.text, n.start, n.end):
                    self.oblique.add(n.start)
        self.mentions.sort()

    def _attach(self, n: _Name, create: bool) -> None:
        # Compatible cores end in the same word, so only persons sharing the last word are tried: over
        # all persons this was quadratic, 29 of 43 s on 0.5 MB of concatenated PolNeAR train news.
        same_last = self._persons_by_last.get(n.core[-1], []) if n.core else []
        hits = [
            i for i in same_last if not self.persons[i].group and _compatible(n.core, self.persons[i].core)
        ]
        exact = [i for i in hits if self.persons[i].core == n.core]
        if exact:
            hits = exact
        if len(hits) == 1:
            p = self.persons[hits[0]]
            if len(n.core) > len(p.core):
                p.core = n.core
                p.name = _squash(n.text)
            n.person = hits[0]
        elif not hits and create:
            self.persons.append(_Person(n.core, _squash(n.text)))
            n.person = len(self.persons) - 1
            self._persons_by_last.setdefault(n.core[-1], []).append(n.person)
        elif len(hits) > 1:
            # Two people share the surname: news introduces the main one first and names the other in full.
            # "Mr. Clinton" beside Hillary and Bill Clinton: the one whose given name agrees
            hits = _agreeing(n, [self.persons[i] for i in hits], hits) or hits
            n.person = min(hits, key=lambda i: self.persons[i].first)
            # ... and the text calls that one by the bare name: its alias (speakers._speakers)
            self.persons[n.person].forms.setdefault(_squash(n.text))
            if n.title_form:
                self.persons[n.person].forms.setdefault(_squash(n.title_form))
            return
        else:
            return
        p = self.persons[n.person]
        for r in n.bound:
            p.roles.setdefault(r)
        if n.org:
            p.orgs.setdefault(n.org)
        p.first = min(p.first, n.start)
        p.forms.setdefault(_squash(n.text))
        if n.title_form:
            p.forms.setdefault(_squash(n.title_form))
        if n.role:
            p.roles.setdefault(_squash(n.role))

    def surname_known(self, word: str) -> bool:
        """Whether the text names someone in full with `word` (lower case) last: "Rubio" in "Mr. Rubio
        and Senator Ted Cruz" (Marco Rubio), not "Khizr" in "Khizr and Ghazala Khan"."""
        return any(len(n.core) >= 2 for n in self.by_last.get(word, []))

    def bare_surname(self, word: str, at: int, pos: int) -> int:
        """The person a one-word capitalised source means ("Law said", "Cruz openly admitted"), which
        the subject patterns read as a description: a person of that surname already named ("Steven
        Law"), else a new person when the word is no everyday or place word here (never written in
        lower case, no place, no modifier). Such sources were institutions before, invisible to a later
        "he" (bench/reports/attribution.md, round 6b).

        Args:
            word: the source as written; at: where it stands; pos: where its attribution is.
        Returns:
            The person's index (added with a mention at `at` when new), or -1.
        """
        if not re.fullmatch(rf"{U}[a-z][\w'’-]*", word) or _is_stop(word):
            return -1
        w = word.lower()
        same = [i for i in self._persons_by_last.get(w, []) if not self.persons[i].group]
        if same:
            who = same[0] if len(same) == 1 else self.recent(pos, group=False, among=same)
            if who >= 0 and BARE_SURNAME_MENTION:
                # "..., Law said. "...," he said": the bare surname is a mention of Steven Law there,
                # so that the next "he" finds him before an earlier man (round 13, attr11)
                i = bisect.bisect_left(self.mentions, (at, -10))
                if i >= len(self.mentions) or self.mentions[i][0] != at:
                    self.mentions.insert(i, (at, who))
            return who
        if w in PLACES or w in self._place_like or w in self._modifier_like or w in self._lower_words:
            return -1
        if w in GIVEN or w in ORG_WORDS or w in MONTHS or _plural_noun(w, self._lower_words):
            return -1
        self.persons.append(_Person((w,), word, {word: None}, first=at))
        who = len(self.persons) - 1
        self._persons_by_last.setdefault(w, []).append(who)
        bisect.insort(self.mentions, (at, who))
        return who

    def group(self, text: str) -> int:
        label = _squash(re.sub(r"^(?:[Tt]he)\s+", "", text))
        full = self._full_name(label) if FULL_NAME_OF_ORG_SURNAME and label == text.strip() else None
        if full is not None:
            return self._org_surname_person(full)
        for i, p in enumerate(self.persons):
            if p.group and p.name.lower() == label.lower():
                return i
        self.persons.append(_Person((label.lower(),), label, {label: None}, group=True))
        return len(self.persons) - 1

    def _full_name(self, word: str) -> tuple[str, str] | None:
        """The full name the text gives a one-word source that is also an organisation's word ("West
        said", "Hill told"): the one given name written right before it ("Cornel West", "Anita Hill"),
        which the scan rejected as a name (the organisation word made it a place or a body).

        Args:
            word: the source as written, without an article.
        Returns:
            (given name, surname) as written, or None: no such word, no given name before it anywhere,
            or two (two people share the surname).
        """
        if not re.fullmatch(rf"{U}[a-z]+", word) or word.lower() not in ORG_WORDS:
            return None
        if word in self._full_names:  # one scan of the text per word: linear however often it speaks
            return self._full_names[word]
        givens: dict[str, None] = {}
        for m in re.finditer(rf"(?<![\w'’.-])({U}[a-z]+)\s+{word}(?![\w'’-])", self.text):
            g = m.group(1).lower()
            if g in PLACES or g in ORG_WORDS or g in STOP or self.inside_quote(m.start()):
                continue
            cap = _CAP_WORD_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
            if cap is not None and cap.group(1).lower().rstrip(".") not in TITLES | HONORIFICS:
                continue  # "New York Times": the word is the last of a longer name, no given name
            if g in GIVEN or g in MALE_GIVEN or g in FEMALE_GIVEN or given_gender(g):
                givens.setdefault(m.group(1))
        full = (next(iter(givens)), word) if len(givens) == 1 else None
        self._full_names[word] = full
        return full

    def _org_surname_person(self, full: tuple[str, str]) -> int:
        """The person named `full` ("Cornel", "West"), made on first use with the gender of the given name.

        Args:
            full: (given name, surname) as written.
        Returns:
            The person's index.
        """
        core = (full[0].lower(), full[1].lower())
        for i in self._persons_by_last.get(core[1], []):
            if self.persons[i].core == core:
                return i
        g = core[0]
        gender = "m" if g in MALE_GIVEN else "f" if g in FEMALE_GIVEN else given_gender(g)
        name = f"{full[0]} {full[1]}"
        self.persons.append(_Person(core, name, {name: None, full[1]: None}, gender=gender))
        who = len(self.persons) - 1
        self._persons_by_last.setdefault(core[1], []).append(who)
        return who

    def recent(
        self,
        pos: int,
        group: bool,
        among: Iterable[int] | None = None,
        gender: str = "",
        within: int = 1 << 60,
    ) -> int:
        """The person (or group) last mentioned before `pos`, outside quotations.

        Args:
            pos: where the pronoun or quotation is.
            group: look for a named group ("they") rather than a person.
            among: only these persons.
            gender: "m" or "f": skip persons known to be of the other gender.
            within: look back at most this many characters.
        Returns:
            The person's index, or -1.
        """
        allowed = set(among) if among is not None else None
        here = bisect.bisect_right(self.sent_starts, pos) - 1
        i = bisect.bisect_left(self.mentions, (pos, -10)) - 1
        while i >= 0:
            at, who = self.mentions[i]
            if pos - at > within:
                break
            person = self.persons[who]
            if self.credits and here >= 0 and at < self.sent_starts[here] and self.aside_sentence(at):
                i -= 1  # a caption's or credit's names, seen from outside it
                continue
            if (
                person.group == group
                and (allowed is None or who in allowed)
                and not (gender and person.gender and person.gender != gender)
            ):
                return who
            i -= 1
        return -1

    def recent_subject(self, pos: int, gender: str, sentences: int = 0) -> int:
        """The person a "he"/"she" at `pos` most likely means: in the nearest sentence (this one, before
        `pos`, then the previous ones) that mentions an agreeing person, the first such mention, i.e. the
        sentence's subject rather than its last object. -1 when none within `sentences` sentences.

        Args:
            pos: where the pronoun (or the quotation it attributes) is.
            gender: "m" or "f" ("" accepts anyone).
            sentences: how many sentences to look back (0: PRONOUN_LOOKBACK).
        Returns:
            The person's index, or -1.
        """
        sentences = sentences or PRONOUN_LOOKBACK
        i = here = bisect.bisect_right(self.sent_starts, pos) - 1
        end = pos
        for _ in range(sentences):
            if i < 0:
                break
            ss = self.sents[i][0]
            if i in self.credits and i != here:  # a credit's or caption's names, seen from outside it
                end = ss
                i -= 1
                continue
            lo = bisect.bisect_left(self.mentions, (ss, -10))
            hi = bisect.bisect_left(self.mentions, (end, -10))
            fits = [
                (at, who)
                for at, who in self.mentions[lo:hi]
                if not self.persons[who].group
                and self.persons[who].gender != "n"
                and not (gender and self.persons[who].gender and self.persons[who].gender != gender)
            ]
            if fits:  # the sentence's speaker; else the first that can be a subject; else the first at all
                spoke = [w for at, w in fits if at in self.speaking and not self._subordinate_at(at)]
                if spoke and SPEAKER_FIRST:
                    return spoke[0]
                return next((w for at, w in fits if at not in self.oblique), fits[0][1])
            end = ss
            i -= 1
        return -1

    def _subordinate_at(self, at: int) -> bool:
        """The name at `at` is the subject of a subordinate clause ("when Tapper asked whether ...",
        "after Trump said"): it speaks there, but the sentence's subject is someone else (round 11b,
        train golds won/lost in bench/reports/attribution.md).

        Args:
            at: where the mention is.
        Returns:
            True after a subordinator (and at most a title or two).
        """
        # 40 characters: a subordinator and two title words (a bound for linear time, no fit)
        return _SUBORDINATE_BEFORE.search(self.text, max(0, at - 40), at) is not None

    def _located_at(self, n: _Name) -> bool:
        """The mention `n` names where something happens: a locative preposition right before it and
        no title or possessive ("In downtown San Francisco, a group marched", "rallies across New
        Hampshire"), the way a place is named and a person is not.

        Args:
            n: a name mention.
        Returns:
            True for such a mention.
        """
        if n.title_form or n.role:
            return False
        if _POSSESSIVE_AFTER.match(self.text, n.end, n.end + 3):
            return False
        return _LOCATIVE_BEFORE.search(self.text, max(0, n.start - 30), n.start) is not None

    def learn_genders(self) -> None:
        """Each person's gender, where the text shows it: an honorific ("Mr.", "Mrs."), a given name
        that is nearly always one gender, or the pronouns of sentences that mention only them."""
        votes: dict[int, list[int]] = {}
        for n in self.names:
            if n.person < 0:
                continue
            v = votes.setdefault(n.person, [0, 0])
            hon = n.title_form.split()[0].lower().rstrip(".") if n.title_form else ""
            if hon == "mr":
                v[0] += 5
            elif hon in ("mrs", "ms", "miss"):
                v[1] += 5
        for i, p in enumerate(self.persons):
            first = p.name.split()[0].lower() if len(p.name.split()) > 1 else ""
            v = votes.setdefault(i, [0, 0])
            if first in MALE_GIVEN:
                v[0] += 3
            elif first in FEMALE_GIVEN:
                v[1] += 3
            elif first:
                g = given_gender(first)
                v[0] += GUESSED_GENDER_VOTE * (g == "m")
                v[1] += GUESSED_GENDER_VOTE * (g == "f")
        t = self.text
        for ss, se in self.sents:
            lo = bisect.bisect_left(self.mentions, (ss, -10))
            hi = bisect.bisect_left(self.mentions, (se, -10))
            who = {w for _at, w in self.mentions[lo:hi] if not self.persons[w].group}
            if len(who) != 1:
                continue
            first_at = self.mentions[lo][0]
            words = [w.lower() for w in _PRONOUN_RX.findall(t, first_at, se)]
            v = votes.setdefault(who.pop(), [0, 0])
            v[0] += sum(w in MALE_PRONOUNS for w in words)
            v[1] += sum(w in FEMALE_PRONOUNS for w in words)
        for i, p in enumerate(self.persons):
            if _plural(p, self._cap_words):
                self.persons[i].gender = "p"
        for i, (m, f) in votes.items():
            if self.persons[i].gender == "p":
                continue
            if m > f:
                self.persons[i].gender = "m"
            elif f > m:
                self.persons[i].gender = "f"
        placed: dict[int, list[bool]] = {}
        for n in self.names:
            if n.person >= 0:
                pm = _THEN_PLACE.match(t, n.end, n.end + 40)
                placed.setdefault(n.person, []).append(
                    (pm is not None and pm.group(1).lower() in PLACES) or self._located_at(n)
                )
        for i, marks in placed.items():
            # "St. Clairsville, Ohio", "Concord, Texas": named only with its state after it, a town
            if marks and all(marks) and not self.persons[i].group:
                self.persons[i].gender = "n"
        for p in self.persons:
            # "Los Angeles", "Bloomberg Politics": no "he" or "she" means it. Train: 3 won, 0 lost
            # (bench/reports/attribution.md, round 7b; checking only the first word: 8 won, 7 lost).
            if p.group or not _thing(p.core):
                continue
            # Pronoun votes do not make a thing a person ("If China can build a Great Wall, he
            # observed"), but an honorific does, and so does a surname another person has in full
            # ("Understated Perez", a headline's Thomas Perez).
            if not p.gender or (
                not any(f.split()[0].rstrip(".").lower() in HONORIFICS for f in p.forms)
                and not any(n.core != p.core and len(n.core) >= 2 for n in self.by_last.get(p.core[-1], []))
            ):
                p.gender = "n"


# The weight of a given name's gender from gender-guesser's name lists, for names not in the lists of
# index.attribution.words (a sentence's own "he"/"she" count 1 each, an honorific 5, the word lists 3).
# Fit on train by bench/fit_attribution.py ("guessed gender", bench/reports/attribution_fit.md, round 5):
# 0-5 tie on the fit's third of train; on all of train 2 against 0: coref 0.7794 -> 0.7818.
GUESSED_GENDER_VOTE = 2


# ", chief economist at the World Resources Bank,": an apposition that is a role without an article.
_BARE_APPOSITION = re.compile(
    rf"^,\s+(?!(?:and|or|but|who|which|that|said|says|the|a|an|his|her|their)\b)"
    rf"((?:{ROLE_MODS}\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}?{ROLE_RE}"
    rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?{U}[^,.;:\"“”()]{{0,50}})?)\s*[,.;]"
)
# "Jane Roe of the Acme Group, ...": the organisation right after a name (capitalised words, "&").
_ORG_RUN = rf"{U}[\w&.'’-]*(?:\s+(?:&\s+|and\s+|of\s+|for\s+)?{U}[\w&.'’-]*){{0,5}}"
_AFFILIATION = re.compile(rf"^\s+(?:of|at|from)\s+(?:the\s+)?({_ORG_RUN})(?=\s*[,.;:]|\s+[a-z])")


def _org_before_person(org: str) -> str:
    """An affiliation cut before an "and" that joins a second person, not a word of the organisation's
    name: "Texas" of "Ted Cruz of Texas and Senator Rand Paul of Kentucky", but "Ways and Means".

    Args:
        org: the capitalised run read as the organisation after "of"/"at"/"from".
    Returns:
        The organisation's name.
    """
    for m in re.finditer(r"\s+and\s+(\w+)", org):
        low = m.group(1).lower()
        if low in TITLES or low in GIVEN or given_gender(low) in ("m", "f"):
            return org[: m.start()]
    return org


# ", an analyst who ...", ", the chief economist,": an apposition that is a role (its head word).
# After "Name of <Org>" an apposition is the person's, whatever the noun: any agent noun ("an
# epidemiologist", "an engineer") besides the role words.
_AGENT_NOUN = r"(?!(?:other|former|latter|rather|order|number|member)\b)[a-z]+(?:ist|ian|er|or)"
_ROLE_APPOSITION = re.compile(
    rf",\s+(?:the|an?)\s+((?:{ROLE_MODS}\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?(?:{ROLE_RE}|{_AGENT_NOUN}))"
    rf"(?=\s*[,.;]|\s+(?:who|at|of|for)\b)"
)
# ", an epidemiologist at Metro University,", ", a senior engineer at Nordwind,": an apposition whose
# noun is an agent noun the role words lack. A role only, as _BARE_APPOSITION.
_AGENT_APPOSITION = re.compile(
    rf"^,\s+(?:the|an?)\s+((?:{ROLE_MODS}\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?{_AGENT_NOUN}"
    rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?{U}[^,.;:\"“”()]{{0,50}})?)\s*[,.;]"
)
# ", who appraises golf course properties for Big & Co,", ", who heads the Acme Group,": a relative
# clause whose verb names what the person does, and the organisation it is done for.
_WHO_DOES = re.compile(
    rf"^,\s+who\s+(?:now\s+|also\s+|currently\s+)?(?P<verb>[a-z]+)\s+"
    rf"(?:(?:the\s+)?(?P<org>{_ORG_RUN})|[a-z][^,.;:\"“”()]{{0,60}}?\s+(?P<prep>for|at|of)\s+(?:the\s+)?"
    rf"(?P<org2>{_ORG_RUN}))\s*(?=[,.;])"
)
# How far back a role's fuller wording is looked for: two sentences of news, a bound for linear
# time on a text without sentence ends (not fit).
ROLE_PHRASE_CHARS = 400
# A capitalised word right after a role phrase: the phrase is a title before a name.
_RUN_AFTER = re.compile(rf"\s+{U}")


@functools.lru_cache(maxsize=256)
def _role_phrase(head: str) -> re.Pattern[str]:
    """A noun phrase opened by an article or a capitalised possessor and ending in the role word
    `head`: "The state's interior minister", "Bavaria's interior minister" (up to three words between:
    group "mods"; the possessor: group "owner")."""
    return re.compile(
        rf"(?<![\w'’-])(?:(?:[Tt]he|[Aa]n?)\s+|(?P<owner>{U}[\w-]*(?:\s+{U}[\w-]*){{0,2}})['’]s\s+)"
        rf"(?P<mods>(?:[\w'’-]+\s+){{0,3}}?){re.escape(head)}\b"
    )


# The least English frequency (wordfreq's Zipf scale) of a derived agent noun: above it are words like
# "implementer" 1.7, "appraiser" 2.8, "founder" 4.5; below it most non-words a suffix rule also derives
# ("representer" 1.2, "coverer" 0). Fit by bench/fit_agent_noun.py (bench/reports/agent_noun.md): best
# F1 at telling words simplemma's dictionary knows from the rest, over 604 candidates derived from
# PolNeAR train verbs (F1 0.889; the hand-set 2.5 scored 0.778). A relative clause without such a noun
# binds no role.
AGENT_NOUN_ZIPF = 1.4
# Verbs of speech and thought, and auxiliaries, name no occupation ("who said", "who has").
_NO_AGENT = (
    frozenset(SPEECH_VERBS)
    | frozenset(BELIEF_VERBS)
    | frozenset(
        "be is are was were has have had do does did will would can could may might must shall should "
        "live lives lived".split()
    )
)


def agent_candidate(verb: str) -> tuple[str, float]:
    """The agent noun a suffix rule derives from `verb`, with its English frequency, before any
    threshold: "appraises" -> ("appraiser", 2.8), "covers" -> ("coverer", 0.0); a verb that is itself a
    role word gives that word at infinite frequency ("heads" -> ("head", inf)); a verb of speech or
    belief, or an auxiliary, gives ("", 0.0). bench/fit_agent_noun.py fits AGENT_NOUN_ZIPF on these.

    Args:
        verb: an inflected verb, lower case.
    Returns:
        The candidate noun ("" for none) and its wordfreq Zipf frequency.
    """
    if verb in _NO_AGENT:
        return "", 0.0
    import simplemma  # lazy: only relative clauses after names pay for it

    from index.attribution.zipftable import zipf as zipf_frequency  # wordfreq's, held compactly

    lemma = simplemma.lemmatize(verb, "en")
    if lemma in ("be", "have", "do", "live") or len(lemma) < 3:  # "founded" is "found", no belief
        return "", 0.0
    if lemma in _ROLE_WORD_SET:  # "heads", "chairs", "coaches": the verb is the role
        return lemma, float("inf")
    cands = [lemma + "r" if lemma.endswith("e") else lemma + "er", lemma + "or", lemma + lemma[-1] + "er"]
    if lemma.endswith("y"):
        cands.append(lemma[:-1] + "ier")
    best = max(cands, key=zipf_frequency)
    return best, zipf_frequency(best)


def agent_noun(verb: str) -> str:
    """The noun for one who does what `verb` says: "appraises" -> "appraiser", "heads" -> "head",
    "founded" -> "founder", "edits" -> "editor"; "" when English has no such word.

    Args:
        verb: an inflected verb, lower case.
    Returns:
        The agent noun, or "".
    """
    noun, zipf = agent_candidate(verb)
    return noun if noun and zipf >= AGENT_NOUN_ZIPF else ""


# A subordinator, then at most two capitalised words (a title), right before a name.
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:when|after|as|before|while|until|since|because|if|once|though|although)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){0,2}\Z"
)

# A kin noun owned by someone and its comma, right before a name in apposition ("his wife, Jane,").
_KIN_APPOSITION = re.compile(
    r"(?:\b(?:his|her|their)|['’]s?)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|spouse|"
    r"widow|widower|fiancée?|stepson|stepdaughter|grandson|granddaughter)\s*,\s*\Z"
)


def _agreeing(n: _Name, persons: list[_Person], ids: list[int]) -> list[int]:
    """Of persons sharing a surname, those whose given name agrees with the honorific of `n`
    ("Mr. Clinton": Bill, not Hillary Clinton).

    Args:
        n: the bare-surname mention; persons, ids: the candidates and their indices.
    Returns:
        The agreeing candidates' indices ([] when `n` has no gendered honorific).
    """
    hon = n.title_form.split()[0].lower().rstrip(".") if n.title_form else ""
    want = "m" if hon == "mr" else "f" if hon in ("mrs", "ms", "miss") else ""
    if not want:
        return []
    out = []
    for p, i in zip(persons, ids, strict=True):
        first = p.core[0] if len(p.core) >= 2 else ""
        g = (
            "m"
            if first in MALE_GIVEN
            else "f"
            if first in FEMALE_GIVEN
            else given_gender(first)
            if first
            else ""
        )
        if g == want:
            out.append(i)
    return out


def _thing(core: tuple[str, ...]) -> bool:
    """A name of two or more everyday English words, none of them a given name, even rarely ("Great Wall",
    "Common Core", "French Open"; not "Sandy Hook"): a thing or event, not a person a "he" or "she" can mean.

    Args:
        core: the name's words, lower case.
    Returns:
        True for such a name.
    """
    if len(core) < 2:
        return False
    return all(
        w.isalpha() and w not in GIVEN and _gender_detector().get_gender(w) == "unknown" and _common_word(w)
        for w in core
    )


@functools.cache
def _gender_detector() -> Any:
    """gender-guesser's answers (`get_gender`), loaded once: the detector's for every name, held as
    one word per name (index/attribution/gendertable.py: ~22 -> ~15 MB kept for the process's life)."""
    from index.attribution import gendertable  # lazy: only documents with unlisted given names pay for it

    return gendertable.load()


def given_gender(first: str) -> str:
    """The gender a given name nearly always has, by gender-guesser: "m", "f", or "" (unknown, androgynous
    or only "mostly" one: "Chris", "Kim").

    Args:
        first: the given name, lower case.
    Returns:
        "m", "f" or "".
    """
    if not first.isalpha() or len(first) < 2:
        return ""
    g = _gender_detector().get_gender(first)
    return "m" if g == "male" else "f" if g == "female" else ""


# A one-word person whose word is an organisation's ("West") takes the full name the text gives it
# ("Cornel West"): `_Doc._full_name`, round 18 (attr16).
FULL_NAME_OF_ORG_SURNAME = True
_CAP_WORD_BEFORE = re.compile(rf"({U}[\w'’.&-]*)\s+\Z")

_OBLIQUE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Tt]he|[Aa]n?)\s+\Z")
# A possessive owning a role that a name then apposes: "Sanders's campaign manager, Jeff Weaver," /
# "Mr. Trump's campaign chairman, Paul Manafort,": the apposed name is the subject, not the owner.
# At most four lower-case words (a role is short; the bound keeps the test linear).
_POSSESSIVE_ROLE_APPOSED = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+[A-Z]")


def _oblique(text: str, start: int, end: int) -> bool:
    """A mention that cannot be the subject a later pronoun means: a name used as a modifier ("the Trump
    release", "a Clinton aide"). Possessives ("Trump's remarks") were tried too and lowered train coref
    accuracy (0.7818 -> 0.7800): they are left to count (bench/reports/attribution.md, round 5).

    Args:
        text: the document text; start, end: the mention's bounds.
    Returns:
        True for such a mention.
    """
    if _POSSESSIVE_ROLE_APPOSED.match(text, end, end + 80) is not None:
        return True
    return (
        _OBLIQUE_BEFORE.search(text, max(0, start - 5), start) is not None
        and re.match(r"\s+[a-z]", text[end : end + 3]) is not None
    )


def _plural_noun(w: str, lower_words: set[str]) -> bool:
    """A lower-cased word that is the plural of an everyday noun ("aides", "allies", "economists"), not
    a surname ending in s ("Sanders" is no plural of a common "sander" in news; "Williams" of a given name).

    Args:
        w: the word, lower case; lower_words: the words the text writes in lower case.
    Returns:
        True for such a plural.
    """
    if not w.endswith("s") or w.endswith("ss"):
        return False
    stems = [w[:-1]] + ([w[:-3] + "y"] if w.endswith("ies") else []) + ([w[:-2]] if w.endswith("es") else [])
    return any(st not in GIVEN and (st in lower_words or _common_word(st)) for st in stems)


def _plural(p: _Person, cap_words: set[str]) -> bool:
    """A one-word "person" that is a plural noun: "Republicans" where the text also writes
    "Republican". No "he" or "she" may mean it (pronouns agree in number).

    Args:
        p: the person; cap_words: the capitalised words of the document.
    Returns:
        True for such a plural.
    """
    words = p.name.split()
    return not p.group and len(words) == 1 and words[0].endswith("s") and words[0][:-1] in cap_words


# A comma and a place name closing its phrase after a name: "St. Clairsville, Ohio, ..."
# A locative preposition (and "the" or "downtown") right before a name: where, not who ("in", not
# "at": "a swipe at Clinton"; not "to" or "toward": "a letter to Obama").
_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[Ii]n|[Nn]ear|[Aa]cross|[Tt]hroughout|[Oo]utside|[Ii]nside|[Dd]owntown)\s+"
    r"(?:the\s+|downtown\s+|northern\s+|southern\s+|eastern\s+|western\s+|central\s+)?\Z"
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_THEN_PLACE = re.compile(rf",\s+({U}[a-z]+(?:\s+{U}[a-z]+)?)(?=[,.;:)]|\s+(?:on|in|at|and)\b|\s*$)")

# A lower-case role noun and then a capitalised word: the run before it is a modifier of the role.
_WORD_CHAR = re.compile(r"\w")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][a-z]+)[ \t]+([a-z]+)\b")
_CUES = frozenset(SPEECH_VERBS) | frozenset(BELIEF_VERBS)
_ROLE_WORD_SET = frozenset(ROLE_WORDS)
_ROLE_AFTER = re.compile(rf"\s+(?:{ROLE_MODS}\s+|[a-z][\w-]*\s+)?{ROLE_RE}\s+(?={U})")


def _given_start(text: str, ns: int, ne: int) -> int:
    """Where the name starts in a run of three or more words whose later word is a given name:
    "House Intelligence Republican Mike Pompeo" -> "Mike Pompeo" (the words before it describe him).

    Args:
        text: the document text; ns, ne: the run's name part.
    Returns:
        The start of the given name, or `ns` when there is none after the first word.
    """
    toks = list(_TOKEN_RX.finditer(text, ns, ne))
    if len(toks) < 3:
        return ns
    for i in range(1, len(toks) - 1):
        if toks[i].group().lower() in GIVEN and toks[i - 1].group().lower() not in GIVEN:
            return toks[i].start()
    return ns


# How many sentences back a "he"/"she" looks for the person it means (bench/fit_attribution.py).
# Refit with the pronoun chain (same report, last section): 2: 0.7824, 4 = 6 = 8: 0.7859.
# A one-word name seen only at sentence starts is taken for an ordinary word when its English
# frequency (wordfreq's Zipf scale: "the" 7.7, "report" 5.2, "disaster" 4.6, "jersey" 3.7) is at least
# this. Fit on PolNeAR train by bench/fit_attribution.py ("common word", bench/reports/attribution_fit.md,
# round 4): e2e_speech_f1 0.7876 -> 0.7898, speaker accuracy 0.8626 -> 0.8658; 9.0 turns it off.
COMMON_WORD_ZIPF = 3.0


def _common_word(word: str) -> bool:
    """An everyday English word, by wordfreq (case-folded: a frequent surname counts as common too)."""
    if COMMON_WORD_ZIPF >= 8.0:
        return False
    # lazy: only one-word names at sentence starts pay for it; wordfreq's figure, held compactly
    from index.attribution.zipftable import zipf

    return zipf(word) >= COMMON_WORD_ZIPF


def _gerund(word: str) -> bool:
    """A capitalised everyday "-ing" word, no given name: at a sentence's start it opens a clause
    ("Backing Mitt Romney is ...", "Following Donald Trump's speech ..."), it is no word of the name
    after it, even where the text never writes it in lower case (bench/attribution_fronted_gen.py,
    "quoted" phrasing).

    Args:
        word: the first word of a capitalised run, as written.
    Returns:
        True for such a word.
    """
    low = word.lower()
    if len(low) < 6 or not low.endswith("ing") or not low.isalpha() or low in GIVEN:
        return False
    return given_gender(low) not in ("m", "f") and _common_word(low)


PRONOUN_LOOKBACK = (
    6  # fit on train: bench/reports/attribution_fit.md (1: e2e_speech 0.730, 3: 0.754, 6: 0.759)
)

# A "he"/"she" means the person the nearest sentence quotes ("Trump, Roe said, has won ... He added")
# before the first person it names. Measured on all of train (bench/reports/attribution.md, round 6b):
# speaker accuracy 0.8705 -> 0.8713, coref 0.7848 -> 0.7878 (False turns it off).
SPEAKER_FIRST = True

# A one-word source naming a known person ("Law said") counts as a mention of them where it stands,
# for the pronouns after it (round 13, attr11; train won/lost in bench/reports/attribution.md).
BARE_SURNAME_MENTION = True

# Labelled parts (index.webpage kinds) whose names are never speakers or subjects, and those whose
# names may speak only inside them (a quotation in a caption).
FURNITURE_PARTS = frozenset({"byline", "credit", "dateline"})
ASIDE_PARTS = frozenset({"caption"})

# A sentence longer than this is never read as a photo credit line ("Photograph: Jane Doe/Reuters");
# a bound on the work per sentence, not a fitted value (credit lines are one short line).
CREDIT_MAX_CHARS = 200


def _credit_line(s: str) -> bool:
    """A photo credit line, by index.structure's test (imported here: index.structure and
    index.chunk import index.attribution.words, so a module-level import would be circular)."""
    from index.structure import looks_like_credit

    return looks_like_credit(s)


_PRONOUN_RX = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person? "Assad" ~ "Bashar al Assad"; "George Bush" ~ "George W. Bush"."""
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return False
    if a == b[-len(a) :]:
        return True
    return len(a) >= 2 and a[0] == b[0] and a[-1] == b[-1]
