"""Regular expressions for names, subjects and speech verbs, built from the word lists."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from index.attribution.words import (
    AUX,
    BARE_SOURCES,
    BARE_SOURCES_RE,
    GROUP_RE,
    NEG_AUX,
    PARTICLES,
    ROLE_MODS,
    ROLE_RE,
    VERB_RE,
    U,
)

# --------------------------------------------------------------------------- regular expressions

_HON_DOT = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Rev|Supt|Insp|Det|St|Jr|Sr)\."
_CAPTOK = (
    rf"(?:(?:{U}\.){{2,}}|{_HON_DOT}|{U}\.(?=\s+{U})|{U}\w*(?:['’]{U}\w*|-{U}\w*)*"
    rf"|(?:al|el|bin|ibn|abu|abd|ben|ul)-{U}\w*)"
)
_PART_RE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")"
_SP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_RUN = rf"(?<![\w'’-]){_CAPTOK}(?:{_SP}(?:{_PART_RE}{_SP})*{_CAPTOK})*"


class _lazy:  # noqa: N801 - used like re.compile
    """A regex compiled on first use: answering questions imports this module but never needs the
    indexing patterns, and compiling them all costs a cold `qa ask` about 0.2 s."""

    def __init__(self, *args: Any) -> None:
        self._args = args
        self._rx: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        value = getattr(self._rx, name)
        # Kept on the instance, the next lookup of `.search` skips __getattr__: 140,000 lookups cost
        # 5% of attributing 0.5 MB of news.
        setattr(self, name, value)
        return value


_RUN_RX = _lazy(_RUN)
_TOKEN_RX = _lazy(rf"{_CAPTOK}|\b{_PART_RE}\b")
_QUOTE_DOUBLE = '"“”„«»'

# A subject right after a closing quote mark, before its verb: `," Putin told`, `," the president said`.
_NAME_SUBJ = (
    rf"(?:(?:[Tt]he\s+)?(?:{_CAPTOK}(?:['’]s)?\s+){{0,3}}(?:{ROLE_MODS}\s+)?(?:{ROLE_RE}\s+){{1,3}},?\s*"
    # "said former South Carolina Gov. Jim Hodges": a lower-case modifier before a capitalised title
    # (the quotation was left to a guess, which took a name from inside it; round 13, attr11)
    rf"|{ROLE_MODS}\s+(?={U}))?"
    rf"{_RUN}"
)
_ROLE_SUBJ = rf"[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}?{ROLE_RE}(?:\s+{ROLE_RE})?"
_GROUP_SUBJ = rf"(?:(?:{_CAPTOK}|{U}\w*-\w+)(?:['’]s)?\s+){{1,3}}(?:[a-z]+\s+)?{GROUP_RE}"
_PRON_SUBJ = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
# A source that is not a named person: "a senior official", "the Kremlin", "The New York Times",
# "officials", "those surveyed". Tried last, so that a name or role wins where there is one.
_DESC_SUBJ = (
    rf"(?<![\w'’.-])(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]hose|[Tt]hese|[Ss]ome|[Mm]any|[Mm]ost|[Bb]oth|[Hh]is|[Hh]er|"
    rf"[Tt]heir|[Ii]ts)\s+(?:[\w'’.-]+\s+){{0,4}}?[\w'’-]*\w|(?:[A-Za-z][\w-]+\s+){{0,2}}{BARE_SOURCES_RE}"
    rf"|{_CAPTOK}(?:\s+(?:of\s+(?:the\s+)?)?{_CAPTOK}){{0,5}}|\d+(?:\.\d+)?\s+(?:percent|per\s+cent|%)"
    rf"|(?:{_CAPTOK}\s+){{0,2}}{_CAPTOK}['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)"
)
# People named by a plural agent noun, with a modifier before or a short phrase after: "security
# specialists", "sources close to the campaign", "analysts at the bank", "economists like Jo Roe".
_AGENT_SUBJ = (
    rf"(?:(?:[Mm]any|[Ss]ome|[Mm]ost|[Mm]ultiple|[Ss]everal|[Oo]ther)\s+)?(?:[A-Za-z][\w-]+\s+){{0,2}}?"
    rf"(?:{BARE_SOURCES_RE}|[a-z]{{3,}}(?:ists|ians|ants|ents))"
    rf"(?:\s+(?:close\s+to|familiar\s+with|briefed\s+on|privy\s+to|like|in|at|from|with|of|inside|within)"
    rf"\s+(?:[\w'’.-]+\s+){{0,4}}?[\w'’.-]*\w)?"
)
# A share of a group as the source: "72 percent of Democrats", "most of them", "nine in 10 voters",
# "all but two". Its speaker is nobody in particular.
_NUM_WORD = r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"
# A share spelled out ("Twenty-four percent"), a ratio with a spelled denominator ("three in five"), a
# count of people ("1,409 teachers"): round 6a, bench/reports/attribution.md.
_TENS = r"(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:-[a-z]+)?"
_DENOM = r"(?:\d+|ten|five|four|three|six|seven|eight|nine)"
_PEOPLE = (
    r"(?:voters|respondents|Americans|Republicans|Democrats|independents|members|delegates|supporters|"
    r"people|adults|residents|teachers|students|workers|parents|women|men|officers|employees|doctors|"
    r"nurses|veterans|participants|economists|experts)"
)
_QUANT_SUBJ = (
    r"(?:(?:[Mm]ore|[Ff]ewer|[Ll]ess)\s+than\s+|[Aa]bout\s+|[Nn]early\s+|[Aa]lmost\s+|[Oo]nly\s+|[Jj]ust\s+)?"
    rf"(?:(?:\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)|{_NUM_WORD}\s+(?:in|out\s+of)\s+{_DENOM}"
    r"|[Hh]alf|[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Ff]ew|[Nn]one|[Tt]wo-thirds|[Oo]ne-third|[Tt]hree-quarters"
    r"|[Aa]\s+majority|[Aa]\s+third|[Aa]\s+quarter)"
    r"(?:\s+of\s+(?:them|those|us|(?:(?:the|his|her|their|its)\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}?[A-Za-z][\w'’-]*[^\Ws'’]s)\b"
    r"|\s+(?:[\w'’-]+\s+){0,2}(?:voters|respondents|Americans|Republicans|Democrats|independents|members|"
    r"delegates|supporters|people|adults|residents))"
    rf"|[Aa]ll\s+but\s+{_NUM_WORD}|\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)|{_NUM_WORD}\s+in\s+{_DENOM}"
    rf"|{_TENS}\s+(?:percent|per\s+cent)|\d{{1,3}}(?:,\d{{3}})*\s+(?:[A-Za-z][\w-]*\s+){{0,2}}?{_PEOPLE}"
    # a bare quantifier standing for people already named: "Many said Monday that ..."
    r"|(?:[Mm]any|[Mm]ost|[Ss]ome|[Ff]ew|[Ss]everal|[Bb]oth|[Ee]veryone|[Nn]obody)(?=\s))"
)
# A time between subject and verb: "Gov. Terry McAuliffe on Friday announced".
_WHEN = (
    r"(?:\s+(?:on|last|this|late|early)\s+[A-Z]?[a-z]+(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:yesterday|today|tonight))?"
)
_APPOS = r"(?:,\s*[^,\"“”.;]{1,90}?,\s*)"
# A longer apposition or relative clause, up to three comma-separated parts, opening in lower case or
# a digit: ", a 55-year-old salesman from Sumter, South Carolina," / ", who advises the firm Cushman &
# Wakefield,". A capitalised first part (", Jones, a lawyer,") is another subject, not an apposition.
_APPOS_LONG = r"(?:,\s*(?=[a-z\d])[^,\"“”;]{1,90}?(?:,\s*[^,\"“”;]{1,60}?){0,2},\s*)"
# A party and state tag or an aside in brackets after a name: "Sen. Jane Roe, R-Ohio," / "Kasich (who
# has 25 delegates)".
_PARTY = r"(?:\([^()]{1,60}\)\s*)?(?:,\s*[RDI]-[A-Z][\w.-]{1,12}(?=,)\s*)?"
# "as he puts it, "..."": no speech verb, but an attribution all the same (round 7a: with sentences
# cut after a quotation's closing full stop, such quotations no longer borrow the verb of the sentence
# before).
_PUT_IT = r"puts?\s+it"
_VERB_TAIL = rf"(?:(?:{AUX})\s+){{0,3}}(?P<verb>{VERB_RE}|{_PUT_IT})\b"

# The kinds of subject an attribution can have, tried in this order; "according to" and a bare
# subject take every kind but a pronoun.
_SUBJECTS = (
    ("pron", _PRON_SUBJ),
    ("group", _GROUP_SUBJ),
    ("role", _ROLE_SUBJ),
    ("name", _NAME_SUBJ),
    ("desc", _DESC_SUBJ),
)
_NAMED_SUBJECTS = _SUBJECTS[1:]

# A long apposition or relative clause between a trailing attribution's subject and its verb, opening in
# lower case or a digit: `," Mr. Manafort, a longtime strategist who in recent weeks has taken over
# ..., said.` `_APPOS` stops at 90 characters and at a full stop ("M.I.T."); this reads up to 250, no
# quotation mark, and no full stop before a capital (a new sentence). Anchored at the quotation's end,
# so linear. bench/attribution_apposition_gen.py (round 19, 400 train sources planted in other train
# articles): the quotation phrasing's right speakers 0.980 -> 0.998 (bench/reports/attribution_round19.md).
_APPOS_AFTER = r"(?:,\s*(?=[a-z\d])(?:[^\"“”;:.]|\.(?!\s+[A-Z\"“”])){1,250}?,\s*)"
_AFTER_SUBJ_FIRST = [
    (kind, _lazy(rf"^\s*(?P<subj>{pat})\s*(?:{_APPOS}|{_APPOS_AFTER}|,\s*)?{_VERB_TAIL}"))
    for kind, pat in _SUBJECTS
]
# After a verb, a pronoun is its subject only when the attribution ends there (`," said he.`): in
# `"sociopath," said he doesn't believe ...` the pronoun opens the reported clause.
_AFTER_VERB_FIRST = [
    (
        kind,
        _lazy(
            rf"^\s*(?P<verb>{VERB_RE})\s+(?P<subj>{pat})(?![\w])"
            + (r"(?=\s*(?:[,.;:!?)\"”]|$))" if kind == "pron" else "")
        ),
    )
    for kind, pat in _SUBJECTS
]
# A speech verb anywhere: every `_BEFORE` pattern holds one, so text without one skips them all. The
# `$`-anchored patterns are tried at every position of up to 300 characters before each quote.
_VERB_ANYWHERE = _lazy(rf"(?P<verb>{VERB_RE}|{_PUT_IT})\b")
_BEFORE = [
    (
        kind,
        _lazy(
            rf"(?P<subj>{pat})\s*(?:{_APPOS}|,\s*)?{_VERB_TAIL}"
            rf"(?:(?P<obj>\s+[^\"“”„«.;!?]{{1,70}}?)?\s*(?P<punct>[,:])|\s+that)?\s*$"
        ),
    )
    for kind, pat in _SUBJECTS
]
# The organisation after a source's name: "According to Jo Roe of the Acme Institute, "..."".
_AFFIL = rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?{_CAPTOK}(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?{_CAPTOK}){{0,4}})"
_BEFORE_ACCORDING = [
    # ... closed by a comma or a colon ("According to HuffPo: "..."", round 9a)
    (kind, _lazy(rf"\b[Aa]ccording\s+to\s+(?P<subj>{pat}){_AFFIL}?\s*{_APPOS}?[,:]?\s*$"))
    for kind, pat in _NAMED_SUBJECTS
]
# A subject at the end of the text before a reported-speech verb.
_SUBJ_END = [
    (
        kind,
        _lazy(
            rf"(?P<subj>{pat})"
            # "he's said he'll fight", "they've said": a pronoun's contracted auxiliary (round 7a)
            + (r"(?:['’](?:s|ve|d)(?=\s))?" if kind == "pron" else "")
            # "Ford itself said", "Trump himself has said": a reflexive after the subject (round 9a)
            + rf"\s*{_PARTY}(?:{_APPOS_LONG}|{_APPOS}|,\s*)?(?:\s*(?:him|her|it|them)sel(?:f|ves)\s)?"
            + rf"{_WHEN}\s*(?:(?:{AUX}|{NEG_AUX})\s+){{0,3}}$"
        ),
    )
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
        ("quant", _QUANT_SUBJ),
        ("desc", _DESC_SUBJ),
        ("desc", _AGENT_SUBJ),
    )
]
# What each `_SUBJ_END` pattern cannot match without, tested first over the same window: a pattern
# whose required words are absent is skipped. Every `$`-anchored subject pattern is otherwise tried at
# each of the window's positions: on a line of "he said" repeated, ~3.5 ms per cue for the seven
# patterns (64 KB: 6.2 CPU s, bench/reports/attribution_speed.txt). A name and a group hold a capital
# letter; a share holds a digit or a quantifier word; a description a capital, a digit, a plural
# source noun or a determiner; an agent a plural source noun or an -ists/-ians/-ants/-ents word.
# Necessary conditions only (word tests on the lower-cased window may pass where the pattern fails,
# never the reverse), so the subjects found are the same: PolNeAR train output is byte-identical.
_CAPITAL_RX = _lazy(U)
_CAPITAL_OR_DIGIT_RX = _lazy(rf"{U}|\d")
_DIGIT_RX = _lazy(r"\d")
_LETTERS_RX = _lazy(r"[a-z]+")
_BARE_LOWER = tuple(BARE_SOURCES)
_QUANT_LOWER = tuple(
    "one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty "
    "ninety half most many some all few none majority third quarter several both everyone nobody".split()
)
_DETERMINER_WORDS = frozenset(
    "the a an one another those these some many most both his her their its".split()
)
_AGENT_ENDINGS = ("ists", "ians", "ants", "ents")


def _has_capital(pre: str, lo: int) -> bool:
    """Whether `pre[lo:]` holds a capital letter (a name's or a group's subject needs one)."""
    return _CAPITAL_RX.search(pre, lo) is not None


def _may_be_share(pre: str, lo: int) -> bool:
    """Whether `pre[lo:]` holds a digit or a quantifier word (`_QUANT_SUBJ` needs one)."""
    if _DIGIT_RX.search(pre, lo) is not None:
        return True
    low = pre[lo:].lower()
    return any(w in low for w in _QUANT_LOWER)


def _may_be_description(pre: str, lo: int) -> bool:
    """Whether `pre[lo:]` holds a capital, a digit, a plural source noun or a determiner word
    (`_DESC_SUBJ` needs one)."""
    if _CAPITAL_OR_DIGIT_RX.search(pre, lo) is not None:
        return True
    low = pre[lo:].lower()
    if any(w in low for w in _BARE_LOWER):
        return True
    return not _DETERMINER_WORDS.isdisjoint(_LETTERS_RX.findall(low))


def _may_be_agent(pre: str, lo: int) -> bool:
    """Whether `pre[lo:]` holds a plural source noun or an agent-noun ending (`_AGENT_SUBJ` needs one)."""
    low = pre[lo:].lower()
    return any(w in low for w in _AGENT_ENDINGS) or any(w in low for w in _BARE_LOWER)


def tail_search(rx: Any, text: str, reach: int) -> re.Match[str] | None:
    """`rx.search(text)` for a `$`-anchored pattern whose match holds at most `reach` characters before
    the text's trailing whitespace: searched from there only, the same match, found without trying
    every position of a long text (the pattern still sees the characters before, for `\\b`).

    Args:
        rx: the compiled pattern; text: the text searched; reach: the pattern's longest match,
            trailing whitespace aside.
    Returns:
        The match, or None.
    """
    ws = len(text) - len(text.rstrip())
    return rx.search(text, max(0, len(text) - ws - reach))  # type: ignore[no-any-return]


_SUBJ_END_NEEDS: list[Callable[[str, int], bool] | None] = [
    None,  # pron
    _has_capital,  # group: a capitalised word before the group noun
    None,  # role: "the ... <role>" (its literal prefix keeps it cheap)
    _has_capital,  # name: a capitalised run
    _may_be_share,  # quant
    _may_be_description,  # desc
    _may_be_agent,  # desc (agent nouns)
]
# A subject opening its sentence with a long apposition before the verb: "Debbie Roe, director of the
# Center for ... at Rutgers University, said" (longer than the appositions `_SUBJ_END` reads).
_SUBJ_OPEN = [
    (
        kind,
        _lazy(
            rf"^\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now),?\s+)?(?P<subj>{pat})\s*"
            rf"(?:\([^()]{{1,60}}\)\s*)?,\s*(?=[a-z\d])[^\"“”;:]{{1,250}},\s*(?:(?:{AUX})\s+){{0,2}}$"
        ),
    )
    for kind, pat in (("role", _ROLE_SUBJ), ("name", _NAME_SUBJ), ("group", _GROUP_SUBJ))
]
# The same with a participle or relative clause that holds a quotation as the aside (round 11a):
# `Mr. Roe, citing "the magic of the brand," said the plan could ...`, `Roe, who calls it a "sham,"
# said ...` (the comma may stand inside the closing mark). `_SUBJ_OPEN` reads no quotation marks.
_SUBJ_OPEN_QUOTED = [
    (
        kind,
        _lazy(
            rf"^\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now),?\s+)?(?P<subj>{pat})\s*"
            rf"(?:\([^()]{{1,60}}\)\s*)?,\s*(?:[a-z]{{3,}}ing|who|which)\s[^;:]{{0,250}}?[\"“”][^;:]{{0,250}}"
            rf",[\"”’]?\s*(?:(?:{AUX})\s+){{0,2}}$"
        ),
    )
    for kind, pat in (("role", _ROLE_SUBJ), ("name", _NAME_SUBJ), ("group", _GROUP_SUBJ))
]
_SUBJ_ALONE = [(kind, _lazy(rf"^\s*(?P<subj>{pat})\s*$")) for kind, pat in _NAMED_SUBJECTS]
_REPORT_VERB_RX = _lazy(rf"(?<![\w'’-]){VERB_RE}(?![\w'’-])")
_ADVERBIAL = _lazy(
    r"^\s*,?\s*(?:on|in|at|during|after|before|from|via|through|with|while|earlier|later|"
    r"(?:last|this)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|"
    r"autumn|winter|time|[A-Z][a-z]+day)|"
    r"yesterday|today|tonight|recently|previously|repeatedly|again|also|publicly|privately|separately|"
    r"then|once|late|early|in\s+a\s+statement|in\s+an\s+interview)\b"
)
_THAT = _lazy(r"^\s*,?\s*that\b\s*")
_TOLD_OBJ = _lazy(
    rf"^\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:{_CAPTOK}(?:\s+{_CAPTOK})*|[a-z]+(?:\s+[a-z]+)?"
    rf"(?=\s+(?:that|on|in|at|during|last|this)\b)|reporters|journalists|supporters|delegates|lawmakers|"
    rf"parliament|viewers|listeners|readers|students|fans|staff|employees|investors|analysts|me|us|him|"
    rf"her|them)"
    rf"(?:\s+(?:on|in|at|during)\s+(?:{_CAPTOK}|[a-z]+)(?:\s+(?:{_CAPTOK}|[a-z]+)){{0,3}}(?=\s*,?\s*that\b))?"
)
_VERB_PREPS = {
    "insisted": "on",
    "insists": "on",
    "warned": "of|against|about",
    "warns": "of|against|about",
    "called for": "",
    "called on": "",
    "agreed": "on|with|to",
    "agrees": "on|with|to",
    "commented": "on",
    "comments": "on",
    "complained": "about|of",
    "complains": "about|of",
}
_CHAIN_RX = _lazy(rf"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?P<verb>{VERB_RE})\b")
_ACCORDING_START = _lazy(
    r"^[\s(]*[Aa]ccording\s+to\s+(?P<subj>[^,]{2,160}?)"
    r"(?:,\s*(?:the|a|an|who)\s[^,]{1,90})?,\s*(?P<rest>\S.*)$",
    re.S,
)
_ACCORDING_END = _lazy(r"^(?P<rest>.*\S),\s+according\s+to\s+(?P<subj>[^,]{2,160}?)\s*[.!?]?\)?\s*$", re.S)
# "The deal, according to two officials, is dead": the words on both sides are the content.
_ACCORDING_MID = _lazy(
    r"^(?P<rest>[^\"“”]*[^\s\"“”]),\s+according\s+to\s+(?P<subj>[^,\"“”]{2,160}?),\s+(?P<rest2>[^\"“”]*\S)\s*$",
    re.S,
)
# "As Smith noted, the plan ...": the sentence after the comma is the content.
_AS_SAID = _lazy(
    rf"^\s*As\s+(?P<subj>[^,\"“”]{{2,100}}?)\s+(?:(?:{AUX})\s+){{0,2}}(?P<verb>{VERB_RE}|put\s+it|wrote)"
    rf"(?:\s+[^,\"“”]{{1,40}}?)?,\s*(?P<rest>[^\s\"“”].*\S)\s*$",
    re.S,
)
# The same inside a sentence: "But as Smith noted, voters ...", "given that, as The Times reported on
# Saturday, he has ...": the words after the comma are the content.
_AS_SAID_MID = _lazy(
    rf"^[^\"“”]*?(?:,|\b(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|that|[Bb]ecause))\s+as\s+(?P<subj>[^,\"“”]{{2,60}}?)\s+"
    rf"(?:(?:{AUX})\s+){{0,2}}(?P<verb>{VERB_RE}|put\s+it|wrote)(?:\s+[^,\"“”]{{1,40}}?)?,\s*"
    rf"(?P<rest>[^\s\"“”].*\S)\s*$",
    re.S,
)
# "As first reported by The Times, the plan ...".
_AS_REPORTED = _lazy(
    r"^\s*As\s+(?:(?:first|previously|earlier|originally)\s+)?(?P<verb>reported|noted|revealed)\s+by\s+"
    r"(?P<subj>[^,\"“”]{2,100}?),\s*(?P<rest>[^\"“”]*\S)\s*$",
    re.S,
)
# The report named after the words, in the passive (round 11a): "Tinder's ban of Ms. Roe was first reported
# by BuzzFeed." (the sentence's subject is the content), "... started reserving ad time this week, as
# first reported by The Times on Tuesday." and "Roe's remarks, first reported by The Times on Tuesday,
# suggested ..." (the words before the comma are the content).
_BY_REPORT = (
    r"(?:(?:first|initially|originally|previously|earlier|widely)\s+)?(?P<verb>reported|revealed|disclosed)"
    r"(?:\s+(?:last|this|earlier)\s+(?:week|month|year)|\s+(?:on\s+)?[A-Z][a-z]+day)?\s+by\s+"
    r"(?P<subj>[^,\"“”()]{2,100}?)"
)
_PASSIVE_REPORTED = _lazy(
    r"^\s*(?P<rest>[^,;:\"“”()]*[^\s,;:\"“”()])\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    rf"{_BY_REPORT}(?:\s+(?:on|in|last)\s+[^,\"“”]{{1,30}}?)?\s*[.!?]?\s*$",
    re.S,
)
_AS_REPORTED_END = _lazy(
    rf"^(?P<rest>[^\"“”]*\S),\s+as\s+{_BY_REPORT}(?:\s+(?:on|in|last)\s+[^,\"“”]{{1,30}}?)?\s*[.!?]?\s*$",
    re.S,
)
_REPORTED_BY_MID = _lazy(
    rf"^\s*(?P<rest>[^,;:\"“”()]*[^\s,;:\"“”()]),\s+{_BY_REPORT}(?:\s+(?:on|in|last)\s+[^,\"“”]{{1,30}}?)?,\s+"
    r"(?=[a-z])",
    re.S,
)
# "When asked whether ..., she said": the question put to someone is reported speech, its source the
# asker ("asked by the host Jo Roe") or nobody named.
_ASKED_OPEN = _lazy(
    r"(?:^\s*|[Ww]hen\s+|[Aa]fter\s+(?:being\s+)?|,\s*)[Aa]sked"
    r"(?:\s+by\s+(?P<subj>[^,\"“”]{2,60}?)(?=\s+(?:about|whether|if|why|how|what|who|to)\s)|(?:\s+[\w'’-]+){0,3}?)"
    r"\s+(?P<rest>(?:about|whether|if|why|how|what|who|when|where|which|to)\s[^,\"“”]{2,200}?)"
    r"(?=,|\s*[\"“”]|[.!?]?\s*$)"
)
# A speaker label opening a paragraph: an interview's "Q:" / "SMITH:", a headline's "Graham: ...".
_LABEL = _lazy(rf"[^\S\n]*(?P<subj>Q|A|{_CAPTOK}(?:[^\S\n]+{_CAPTOK}){{0,2}}):[^\S\n]+(?P<rest>\S)")
# A headline's speaker and whom or what the words are about, before the colon: "Clinton to Planned
# Parenthood: Trump will ...", "CNN President On Trump: ...", "Former AG Mukasey at RNC: ..." (round 9a).
_TOPIC_LABEL = _lazy(
    rf"[^\S\n]*(?P<subj>{_CAPTOK}(?:[^\S\n]+{_CAPTOK}){{0,3}})[^\S\n]+(?:[Oo]n|[Tt]o|[Aa]t)[^\S\n]+"
    r"[^:\n\"“”]{1,80}?:[^\S\n]+(?P<rest>\S)"
)
_SENT_END = _lazy(r"[.!?]+[\"”’']*(?=\s)")

# An attribution after the words it reports: ", Smith said." / ", said Smith, a lawyer." /
# ", Smith said on Monday, ..." (`cont`: the sentence goes on after it).
# What may follow the verb: "on Monday", "in a statement", "told reporters" -- not a clause of its own.
_TRAIL_REST = r"(?:\s+(?!(?:he|she|they|it|we|I|that)\s)[^,;:\"“”.!?]{1,40}?)?"
# A bracketed tag after a trailing attribution's subject: ", Sen. Jo Roe (R-Iowa) told Politico."
# (round 10a).
_TRAIL_TAG = r"(?:\s*\([^()\n]{1,40}\))?"
_SUBJ2_END = r"(?=\s*(?:[,(]|[.!?]*[\"”’']*\s*$))"
_TRAILING = [
    (
        kind,
        _lazy(
            rf",\s*(?:(?P<subj>{pat}){_TRAIL_TAG}(?:{_APPOS})?\s+(?:(?:{AUX})\s+){{0,2}}(?P<verb>{VERB_RE})"
            rf"|(?P<vfirst>)(?P<verb2>{VERB_RE})\s+(?P<subj2>{pat}){_SUBJ2_END})\b{_TRAIL_REST}"
            rf"\s*(?:(?P<cont>,)\s+(?=\S)|[.!?]*[\"”’']*\s*$)"
        ),
    )
    for kind, pat in _SUBJECTS
]

# Any short subject phrase and a speech verb after a quotation (the fallback of the patterns above).
_GEN_SUBJ = r"[^,;:!?\"“”()\n]{2,80}?"
_AFTER_GENERIC = _lazy(
    rf"^\s*,?\s*(?:(?P<verb2>said|says|added|adds|wrote|writes|explained|continued|asked|replied|responded|"
    rf"argued|insisted|noted|stated|recalled|warned|declared)\s+(?P<subj2>{_GEN_SUBJ})(?=\s*[,.;!?(]|\s*$)"
    rf"|(?P<subj>{_GEN_SUBJ})(?:\s*\([^()]{{1,40}}\))?(?:\s*,[^\"“”;]{{1,120}}?,)?\s+(?:(?:{AUX})\s+){{0,3}}"
    rf"(?P<verb>{VERB_RE})\b)"
)
_TRAILING.append(
    (
        "generic",
        _lazy(
            rf",\s*(?:(?P<subj>{_GEN_SUBJ}){_TRAIL_TAG}(?:{_APPOS})?\s+(?:(?:{AUX})\s+){{0,2}}(?P<verb>{VERB_RE})"
            rf"|(?P<vfirst>)(?P<verb2>said|says|added|wrote|argued|noted)\s+(?P<subj2>{_GEN_SUBJ}){_SUBJ2_END})\b{_TRAIL_REST}"
            rf"\s*(?:(?P<cont>,)\s+(?=\S)|[.!?]*[\"”’']*\s*$)"
        ),
    )
)

# A quotation inside a sentence whose subject opens it, then a finite verb of any kind: "Party Chairman
# Reince Priebus called Clinton's remarks a "new low"", "Kasich resisted: "..."", "Washington, star of
# "Scandal," thanked Obama for "...". The quotation holds no attribution of its own; the sentence's
# subject is its source (round 6a, bench/reports/attribution.md).
_OPENER = (
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now|Instead|Then|Later|Earlier|Indeed|Also),?\s+)?"
    r"(?:(?:At|In|On|During|After|Before|Earlier|Later|Last|This|When|While|Since|Even|For|From|With|"
    r"Under|Over|Asked|Speaking|Writing|(?:Soon|Shortly|Just|Moments|Hours|Days|Weeks|Months|Years)\s+"
    r"(?:after|before|later)|Despite|Although|Though|Because|Unlike|Amid|Following|Without|Throughout|"
    r"Once|Until|[A-Z][a-z]+ing)\s[^,\"“”;:]{1,80},\s*)?"
)
# A finite verb: a past or present form, or a common irregular past; not a plural agent noun ("Trump
# supporters chanted": "supporters" is no verb). After a described subject only a past form: "The
# tragic attacks", "a few weeks" are nouns.
_IRREGULAR_PAST = (
    r"shot|went|took|made|gave|wrote|said|told|put|got|began|spoke|drew|threw|brought|sent|kept|left|held"
    r"|struck|hit|led|won|ran|came|saw|met|paid|read|heard|fought|found|thought|sought|swore|chose|stood"
    r"|did|laid|set|cast"
)
_FINITE = (
    rf"(?P<verb>(?![a-z]+(?:ers|ors|ists|ians|ents|ants|ness|ss|us|is|ics|ies)\b)[a-z]{{2,}}(?:ed|s)"
    rf"|{_IRREGULAR_PAST})(?![\w'’-])"
)
_FINITE_PAST = rf"(?P<verb>[a-z]{{2,}}ed|{_IRREGULAR_PAST})(?![\w'’-])"
_OPEN_SUBJ_VERB = [
    (
        kind,
        _lazy(
            rf"\W*{_OPENER}(?P<subj>{pat})(?![\w'’-])\s*{_PARTY}(?:{_APPOS_LONG}|{_APPOS})?\s*"
            rf"(?:(?:{AUX})\s+){{0,3}}(?:[a-z]+ly\s+)?{_FINITE_PAST if kind == 'desc' else _FINITE}"
        ),
    )
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
        ("desc", _DESC_SUBJ),
    )
]
# Another speaker's verb between a sentence's verb and its quotation: "The furor extended to the
# Capitol, where Harry Reid told reporters that "..."", "Trump, Sexton said, has created a "..."": the
# quotation is that speaker's, not the sentence subject's.
_OTHER_SPEAKER = _lazy(
    rf"(?:(?<![\w'’-])(?P<name>{U}[\w.-]*(?:['’][A-Za-z]{{2,}}[\w-]*)?)|\b(?:he|she|they))"
    rf"(?:\s*\([^()]{{1,40}}\)|,\s*[RDI]-[\w.]+,)?\s+"
    rf"(?:(?:{AUX})\s+){{0,2}}"
    rf"(?P<verb>{VERB_RE}|called|calls|described|describes|telling|saying|calling|writing|adding)(?![\w'’-])"
)
