"""Who said what: quotations, reported speech and the people who spoke them, found with rules.

News is quotes. A question such as "what did Obama say about Russia?" should rank Obama's own words
first, and another speaker's quote must never win because the topic matches. No language model is
available at indexing time, so this module reads English news with careful patterns:

* people are capitalised name runs with evidence that they are people (a title or role beside them,
  a verb of speech after them, a particle such as "al" or "von", a common given name, "who" after
  them); places, organisations, months and sentence openers are not;
* direct quotes are paired quote marks with an attribution beside them ("..., Obama said.");
* reported speech is "X said (that) ..." up to the end of the sentence.

Every offset is into the document text exactly as given, so passages can be highlighted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from index.model import Quote, Speaker

# --------------------------------------------------------------------------- word lists

_UPPER = "".join(c for c in map(chr, range(0x2500)) if c.isupper() and c.isalpha())
_U = f"[{_UPPER}]"

# Verbs that introduce what someone said (finite forms only: "claiming" is not an attribution).
_SPEECH_VERBS = (
    "said says say told tells added adds stated states noted notes announced announces insisted insists "
    "warned warns argued argues claimed claims explained explains wrote writes asked asks replied replies "
    "responded responds declared declares continued continues recalled recalls admitted admits acknowledged "
    "acknowledges suggested suggests urged urges stressed stresses emphasised emphasises emphasized "
    "emphasizes maintained maintains contended contends conceded concedes predicted predicts promised "
    "promises vowed vows pledged pledges commented comments remarked remarks observed observes tweeted "
    "tweets posted joked jokes quipped quips shouted shouts mused muses concluded concludes confirmed "
    "confirms denied denies complained complains reiterated reiterates underlined underlines believes "
    "believe thinks think countered counters cautioned cautions agreed agrees boasted boasts conceded "
    "announced revealed reveals disclosed discloses alleged alleges estimated estimates"
).split()
# Verbs that may attribute a direct quote but do not introduce reported speech on their own.
_DIRECT_ONLY = {
    "asked",
    "asks",
    "continued",
    "continues",
    "shouted",
    "shouts",
    "joked",
    "jokes",
    "quipped",
    "quips",
    "mused",
    "muses",
    "posted",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "responds",
    "countered",
    "counters",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "commented",
    "comments",
}
_VERB_RE = r"(?:called\s+for|called\s+on|" + "|".join(sorted(set(_SPEECH_VERBS), key=len, reverse=True)) + ")"
_AUX = (
    r"(?:has|have|had|will|would|also|later|then|previously|repeatedly|once|again|earlier|recently|"
    r"long|already|often|publicly|privately|reportedly|separately|further|even|never|always|"
    r"simply|just|first|flatly|strongly|quickly|immediately|bluntly|openly|has\s+long|has\s+also)"
)

# Capitalised words that make a role when they stand before a name ("Russian President Vladimir Putin").
_TITLES = set(
    "president vice prime minister chancellor secretary senator sen representative rep congressman "
    "congresswoman governor gov mayor king queen prince princess pope emperor sultan emir sheikh ayatollah "
    "general gen admiral colonel col lieutenant lt major maj captain capt sergeant sgt commander chief judge "
    "justice chairman chairwoman chair ceo cfo director professor prof dr mr mrs ms miss mx sir dame lord "
    "lady rev reverend father bishop archbishop cardinal rabbi imam ambassador commissioner premier speaker "
    "coach detective det inspector insp officer constable superintendent supt spokesman spokeswoman "
    "spokesperson leader deputy councillor councilor attorney executive pastor sheriff marshal "
    "president-elect chairperson administrator secretary-general".split()
)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "rev"}
# Lower-case role nouns: "Syrian leader Bashar al-Assad", "Jane Doe, an analyst at Acme".
_ROLE_WORDS = (
    "president vice-president prime minister minister chancellor secretary senator governor mayor leader "
    "chief executive officer chairman chairwoman chairperson chair director analyst economist strategist "
    "spokesman spokeswoman spokesperson coach manager captain striker forward defender midfielder "
    "goalkeeper keeper player founder co-founder owner head lawyer attorney professor researcher scientist "
    "expert author writer journalist correspondent editor actor actress singer star ambassador envoy "
    "commander general king queen prince princess pope counterpart rival opponent candidate challenger "
    "teammate adviser advisor aide official diplomat negotiator investor trader commissioner historian "
    "witness resident teacher principal doctor surgeon nurse detective inspector superintendent sergeant "
    "constable judge prosecutor premier ceo cfo cto boss president-elect partner organiser organizer "
    "campaigner activist chef councillor councilor councilman councilwoman mp mep lawmaker legislator "
    "deputy representative congressman congresswoman sheriff superintendent chairperson"
).split()
_ROLE_RE = r"(?:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True)) + r")"
_ROLE_MODS = r"(?:former|deputy|acting|outgoing|incoming|interim|senior|junior|assistant|vice|then|new|top)"
# Plural nouns that make a named group when a capitalised modifier stands before them ("US officials").
_GROUP_NOUNS = (
    "officials diplomats analysts experts sources authorities investigators prosecutors lawmakers "
    "legislators ministers leaders residents activists campaigners critics economists executives "
    "researchers scientists doctors police officers spokesmen representatives negotiators commanders "
    "militants rebels protesters supporters observers monitors media officers troops generals senators "
    "politicians bankers traders investors"
).split()
_GROUP_RE = r"(?:" + "|".join(_GROUP_NOUNS) + r")"
_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "abu",
    "van",
    "von",
    "der",
    "den",
    "de",
    "da",
    "di",
    "del",
    "della",
    "du",
    "dos",
    "das",
    "la",
    "le",
    "ter",
    "ten",
    "zu",
    "ul",
}
_STRONG_PARTICLES = {"al", "el", "bin", "ibn", "bint", "van", "von", "ul"}
_ARABIC_ARTICLES = {"al", "el", "ul"}
_MONTHS = set(
    "january february march april may june july august september october november december jan feb mar "
    "apr jun jul aug sep sept oct nov dec".split()
)
_DAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that open sentences or headlines and are never part of a personal name.
_STOP = (
    set(
        "the a an this that these those it its he she they we i you his her their our my your him them "
        "and but or nor so yet for if when while after before since because although though as at by in into "
        "on of to from with without within despite however meanwhile moreover also then there here what who "
        "whom whose which where why how not no yes all some many most more several other such both each "
        "every one two three four five six seven eight nine ten first last next new updated photo photos "
        "image images picture video read more share related copyright getty via source sources according "
        "breaking live watch listen follow click subscribe advertisement today yesterday tomorrow tonight "
        "critics officials analysts experts police residents witnesses observers investigators authorities "
        "prosecutors researchers scientists doctors officers lawmakers people government western eastern "
        "northern southern speaking asked during under over about against between among through throughout "
        "until unless whether once perhaps still even only just instead indeed thus hence dear mr mrs ms "
        "mx sir oh well now later earlier recently".split()
    )
    | _MONTHS
    | _DAYS
)
# Words that make a capitalised run an organisation, place or event, never a person.
_ORG_WORDS = set(
    "nations assembly state states headquarters council party ministry union organisation organization "
    "company inc corp corporation ltd llc plc co university college school academy department bank group "
    "committee agency court church club fc united city street road avenue house office times post news "
    "press airlines airways motors electric dynamics foundation institute association federation league "
    "army navy force forces police service services hospital centre center museum parliament congress "
    "senate government republic kingdom empire coalition front movement brigade square park bridge airport "
    "station stadium arena hall island islands river lake mountains mount sea ocean gulf east west north "
    "south middle central europe america africa asia capital holdings partners securities fund markets "
    "market exchange reserve commission authority board cup championship olympics games festival awards "
    "prize day week year watch international global network media radio television tv channel magazine "
    "journal herald tribune guardian telegraph review county province region district town village "
    "valley coast bay peninsula desert world war revolution treaty accord agreement act bill law summit "
    "conference forum program programme project initiative institute laboratory labs systems technologies "
    "software pharmaceuticals energy oil gas petroleum airlines railway railways rail metro zone territory "
    "territories strait canal basin plaza tower towers palace cathedral mosque temple synagogue chapel "
    "stock index fed treasury pentagon kremlin whitehall downing hill airbase base camp fleet division "
    "regiment battalion corps unit squad team titans rovers wanderers athletic hotspur albion "
    "communications module tribe way studios pictures records entertainment networks broadcasting "
    "publishing books newspaper daily weekly apollo mission program".split()
)
# A compact gazetteer of countries and news capitals: "Russia said" is not a person speaking.
_PLACES = set(
    "afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas "
    "bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei "
    "bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba "
    "cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji "
    "finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras "
    "hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya "
    "kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein "
    "lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico "
    "micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal "
    "netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru "
    "philippines poland portugal qatar romania russia rwanda samoa serbia seychelles singapore slovakia "
    "slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand "
    "togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu "
    "venezuela vietnam yemen zambia zimbabwe britain england scotland wales europe africa asia america "
    "moscow washington beijing london paris berlin tokyo kyiv kiev damascus tehran brussels jerusalem gaza "
    "baghdad kabul ankara istanbul cairo delhi mumbai seoul pyongyang taipei rome madrid geneva vienna "
    "ottawa canberra sydney melbourne toronto montreal vancouver chicago boston dallas houston atlanta "
    "miami seattle denver detroit phoenix beirut riyadh doha dubai amman baghdad tripoli khartoum nairobi "
    "lagos johannesburg karachi lahore islamabad dhaka bangkok manila jakarta hanoi shanghai hong kong "
    "warsaw prague budapest athens lisbon dublin edinburgh manchester liverpool birmingham glasgow "
    "amsterdam stockholm oslo copenhagen helsinki minsk tbilisi baku yerevan aleppo homs idlib raqqa "
    "mosul crimea donbas kharkiv odesa mariupol sochi texas california florida ohio virginia "
    "westminster hollywood brooklyn manhattan".split()
)
# Given names common in international news: a two-word run that starts with one is a person.
_GIVEN = set(
    "aaron abdul abdullah adam ahmed ahmad ali alan albert alex alexander alexandra alexei alice amanda amy "
    "ana andrea andrew andrei angela anna anne anthony antonio arthur barack ben benjamin bernie bill "
    "boris brian carl carlos carol catherine charles charlotte chris christine christopher claire daniel "
    "david dmitry donald edward elena elizabeth emily emma emmanuel eric fatima francis frank gary george "
    "gordon hassan helen henry hillary hugo ian ibrahim isabel jack jacob james jane janet jason jean "
    "jeff jennifer jessica jim joe johann john jonathan jose joseph juan julia justin karen kate kevin kim "
    "laura lisa liz louis luis maria mark martin mary matthew michael michel michelle mike mohamed "
    "mohammed muhammad nancy natalia nicola nicolas nikolai olaf olga omar oscar pablo paul pedro peter "
    "philip pierre rachel richard robert rishi ronald sam samuel sarah sergei sergey simon sophie stephen "
    "steve steven susan thomas tim tom tony ursula victor viktor vladimir volodymyr william xi yuri "
    "theresa keir joe kamala rebecca ruth sandra scott sean thomas vladimir bashar recep tayyip narendra "
    "justin jacinda shinzo fumio olaf giorgia pedro lula javier ehsan hamid hamad mahmoud yasser benjamin "
    "naftali yair ismail ayman osama abu hosni anwar nelson jacob cyril kofi ban antonio jens".split()
)
_PRONOUNS = {"he": "person", "she": "person", "they": "group"}

# --------------------------------------------------------------------------- regular expressions

_HON_DOT = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Rev|Supt|Insp|Det|St|Jr|Sr)\."
_CAPTOK = (
    rf"(?:(?:{_U}\.){{2,}}|{_HON_DOT}|{_U}\.(?=\s+{_U})|{_U}\w*(?:['’]{_U}\w*|-{_U}\w*)*"
    rf"|(?:al|el|bin|ibn|abu|abd|ben|ul)-{_U}\w*)"
)
_PART_RE = r"(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")"
_SP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_RUN = rf"(?<![\w'’-]){_CAPTOK}(?:{_SP}(?:{_PART_RE}{_SP})*{_CAPTOK})*"


class _lazy:  # noqa: N801 - used like re.compile
    """A regex compiled on first use: answering questions imports this module but never needs the
    indexing patterns, and compiling them all costs a cold `qa ask` about 0.2 s."""

    __slots__ = ("_args", "_rx")

    def __init__(self, *args: Any) -> None:
        self._args = args
        self._rx: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return getattr(self._rx, name)


_RUN_RX = _lazy(_RUN)
_TOKEN_RX = _lazy(rf"{_CAPTOK}|\b{_PART_RE}\b")
_QUOTE_DOUBLE = '"“”„«»'

# A subject right after a closing quote mark, before its verb: `," Putin told`, `," the president said`.
_NAME_SUBJ = (
    rf"(?:(?:[Tt]he\s+)?(?:{_CAPTOK}(?:['’]s)?\s+){{0,3}}(?:{_ROLE_MODS}\s+)?(?:{_ROLE_RE}\s+){{1,3}},?\s*)?"
    rf"{_RUN}"
)
_ROLE_SUBJ = rf"[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}?{_ROLE_RE}(?:\s+{_ROLE_RE})?"
_GROUP_SUBJ = rf"(?:(?:{_CAPTOK}|{_U}\w*-\w+)(?:['’]s)?\s+){{1,3}}(?:[a-z]+\s+)?{_GROUP_RE}"
_PRON_SUBJ = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_APPOS = r"(?:,\s*[^,\"“”.;]{1,90}?,\s*)"
_VERB_TAIL = rf"(?:(?:{_AUX})\s+){{0,3}}(?P<verb>{_VERB_RE})\b"

_AFTER_SUBJ_FIRST = [
    (kind, _lazy(rf"^\s*(?P<subj>{pat})\s*(?:{_APPOS}|,\s*)?{_VERB_TAIL}"))
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
    )
]
_AFTER_VERB_FIRST = [
    (kind, _lazy(rf"^\s*(?P<verb>{_VERB_RE})\s+(?P<subj>{pat})(?![\w])"))
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
    )
]
_BEFORE = [
    (
        kind,
        _lazy(
            rf"(?P<subj>{pat})\s*(?:{_APPOS}|,\s*)?{_VERB_TAIL}"
            rf"(?:(?P<obj>\s+[^\"“”„«.;!?]{{1,70}}?)?\s*(?P<punct>[,:])|\s+that)?\s*$"
        ),
    )
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
    )
]
_BEFORE_ACCORDING = [
    (kind, _lazy(rf"\b[Aa]ccording\s+to\s+(?P<subj>{pat})\s*{_APPOS}?,?\s*$"))
    for kind, pat in (("group", _GROUP_SUBJ), ("role", _ROLE_SUBJ), ("name", _NAME_SUBJ))
]
# A subject at the end of the text before a reported-speech verb.
_SUBJ_END = [
    (kind, _lazy(rf"(?P<subj>{pat})\s*(?:{_APPOS}|,\s*)?(?:(?:{_AUX})\s+){{0,3}}$"))
    for kind, pat in (
        ("pron", _PRON_SUBJ),
        ("group", _GROUP_SUBJ),
        ("role", _ROLE_SUBJ),
        ("name", _NAME_SUBJ),
    )
]
_SUBJ_ALONE = [
    (kind, _lazy(rf"^\s*(?P<subj>{pat})\s*$"))
    for kind, pat in (("group", _GROUP_SUBJ), ("role", _ROLE_SUBJ), ("name", _NAME_SUBJ))
]
_REPORT_VERB_RX = _lazy(rf"(?<![\w'’-]){_VERB_RE}(?![\w'’-])")
_ADVERBIAL = _lazy(
    r"^\s*,?\s*(?:on|in|at|during|after|before|from|via|through|with|while|last|this|earlier|later|"
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
_CHAIN_RX = _lazy(rf"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?P<verb>{_VERB_RE})\b")
_ACCORDING_START = _lazy(
    r"^\s*[Aa]ccording\s+to\s+(?P<subj>[^,]{2,80}?)"
    r"(?:,\s*(?:the|a|an|who)\s[^,]{1,90})?,\s*(?P<rest>\S.*)$",
    re.S,
)
_ACCORDING_END = _lazy(r"^(?P<rest>.*\S),\s+according\s+to\s+(?P<subj>[^,]{2,80}?)\s*[.!?]?\s*$", re.S)
_SENT_END = _lazy(r"[.!?]+[\"”’']*(?=\s)")
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "prof",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "rev",
    "inc",
    "corp",
    "ltd",
    "co",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "supt",
    "insp",
    "det",
    "mt",
}


# --------------------------------------------------------------------------- internal records


@dataclass
class _Span:
    """Words between a pair of quote marks (start/end exclude the marks)."""

    start: int
    end: int
    para: int
    chain: int  # spans of one multi-paragraph quote share a chain number
    closed: bool  # False when the quote runs on into the next paragraph
    single: bool  # single quote marks


@dataclass
class _Name:
    """One mention of a capitalised name run, split into role and name."""

    text: str
    start: int
    end: int
    core: tuple[str, ...]
    role: str = ""
    title_form: str = ""
    evidence: bool = False
    person: int = -1
    weak: bool = False  # only a mention of someone already known ("May" after "Theresa May")


@dataclass
class _Subj:
    kind: str  # "name" | "pron" | "role" | "group"
    text: str
    start: int
    end: int


@dataclass
class _Person:
    core: tuple[str, ...]
    name: str
    forms: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    group: bool = False
    quoted: bool = False
    first: int = 1 << 60  # where the document first names this person


@dataclass
class _Found:
    start: int
    end: int
    subj: _Subj | None
    verb: str
    direct: bool
    span: _Span | None = None
    person: int = -1


# --------------------------------------------------------------------------- text structure


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks; when the text has no blank lines, every line is a paragraph."""
    sep = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(sep, text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def _pair_quotes(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    """Pair double quote marks per paragraph (continuing into the next one) and single quotes within one."""
    spans: list[_Span] = []
    chain = 0
    carry = False  # the previous paragraph ended inside a quote that continues here
    for pi, (ps, pe) in enumerate(paras):
        if not carry:
            chain += 1
        carry = False
        open_at = -1
        for i in range(ps, pe):
            ch = text[i]
            if ch not in _QUOTE_DOUBLE:
                continue
            if open_at < 0:
                if ch in "”»" and not _opens_here(text, i, ps):
                    continue
                open_at = i
            elif ch in "“„«" and text[open_at] in "“„«":
                open_at = i  # a missing closing mark: restart at the newer opening
            else:
                if i > open_at + 1:
                    spans.append(_Span(open_at + 1, i, pi, chain, True, False))
                open_at = -1
                chain += 1
        if open_at >= 0:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt and text[nxt[0]] in '"“„«' and pe > open_at + 1:
                spans.append(_Span(open_at + 1, pe, pi, chain, False, False))
                carry = True
        spans.extend(_single_quotes(text, ps, pe, pi, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _opens_here(text: str, i: int, ps: int) -> bool:
    return i == ps or text[i - 1].isspace()


def _single_quotes(text: str, ps: int, pe: int, pi: int, doubles: list[_Span]) -> list[_Span]:
    """Single-quoted spans ('huge mistake', ‘...’) that are not apostrophes nor inside a double quote."""
    inside = [(s.start, s.end) for s in doubles if s.para == pi and not s.single]
    out: list[_Span] = []
    open_at = -1
    for i in range(ps, pe):
        ch = text[i]
        if ch not in "'‘’":
            continue
        if any(a <= i < b for a, b in inside):
            continue
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if open_at < 0:
            if ch in "'‘" and (prev.isspace() or prev in "([—–-:") and (nxt.isalnum()):
                open_at = i
        elif ch in "'’" and not prev.isspace() and not nxt.isalnum():
            if 0 < i - open_at - 1 <= 300:
                out.append(_Span(open_at + 1, i, pi, -1, True, True))
            open_at = -1
    return out


def _sentences(text: str, paras: list[tuple[int, int]], spans: list[_Span]) -> list[tuple[int, int]]:
    """Sentence spans; a full stop inside a quotation or after an abbreviation does not end one."""
    starts = [s.start for s in spans]
    out: list[tuple[int, int]] = []
    for ps, pe in paras:
        s = ps
        for m in _SENT_END.finditer(text, ps, pe):
            cut = m.end()
            if _in_spans(m.start(), spans, starts):
                continue
            word = re.search(r"([\w.]+)\.+$", text[max(ps, m.start() - 12) : m.start() + 1])
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
            if cut > s and text[s:cut].strip():
                out.append((s, cut))
            s = cut
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe))
    return out


def _in_spans(pos: int, spans: list[_Span], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0:
        sp = spans[i]
        if sp.start <= pos < sp.end:
            return True
        if sp.end < pos - 400:
            break
        i -= 1
    return False


# --------------------------------------------------------------------------- names


def _core(tokens: list[str]) -> tuple[str, ...]:
    out = []
    for t in tokens:
        low = t.lower().rstrip(".")
        if low in _PARTICLES or (len(low) == 1 and t.endswith(".")):
            continue
        m = re.match(r"^(?:al|el|bin|ibn|abu|abd|ben|ul)-(.+)$", low)
        out.append(m.group(1) if m else low)
    return tuple(out)


def _is_acronym(tok: str) -> bool:
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
        if low in _TITLES or (low in _ROLE_WORDS and i < len(toks) - 1 and low not in _PARTICLES):
            title = i
    role = ""
    role_span: tuple[int, int] | None = None
    rest = toks
    if title >= 0 and title < len(toks) - 1:
        first = 0
        while first < title and _is_stop(toks[first][0]):
            first += 1
        role_span = (toks[first][1], toks[title][2])
        role = text[role_span[0] : role_span[1]]
        rest = toks[title + 1 :]
    elif title == len(toks) - 1:
        return None
    # strip sentence openers, months and acronyms in front of the name
    while rest and (_is_stop(rest[0][0]) or _is_acronym(rest[0][0])):
        if len(rest) == 1 and rest[0][0].lower() in _MONTHS:
            break  # "May said": kept as a weak mention, resolved only against a known "Theresa May"
        rest = rest[1:]
    while rest and (rest[-1][0].lower() in _PARTICLES or rest[-1][0].lower().rstrip(".") in _SUFFIXES):
        rest = rest[:-1]
    if not rest:
        return None
    return role, role_span, rest[0][1], rest[-1][2]


def _is_stop(tok: str) -> bool:
    return tok.lower().rstrip(".") in _STOP and not _is_acronym(tok)


def _valid_name(tokens: list[str]) -> bool:
    core = _core(tokens)
    if not core or len(core) > 5:
        return False
    for i, t in enumerate(tokens):
        low = t.lower().rstrip(".")
        if low in _ORG_WORDS or (low in _STOP and low not in _PARTICLES and (i == 0 or low not in _MONTHS)):
            return False
        if _is_acronym(t) and not t.endswith("."):
            return False
    if " ".join(core) in _PLACES or (len(core) == 1 and core[0] in _PLACES):
        return False
    return not any(c in _PLACES for c in core) or len(core) > 1 and core[0] in _GIVEN


class _Doc:
    """Everything learnt about one document while analysing it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = _paragraphs(text)
        self.spans = _pair_quotes(text, self.paras)
        self.span_starts = [s.start for s in self.spans]
        self.sents = _sentences(text, self.paras, self.spans)
        self.sent_starts = [s for s, _ in self.sents]
        self.names: list[_Name] = []
        self.persons: list[_Person] = []
        self.mentions: list[tuple[int, int]] = []  # (position, person index), outside quotes
        self.name_starts: list[int] = []
        self.by_last: dict[str, list[_Name]] = {}
        self._lower_words = set(re.findall(r"(?<![\w'’-])[a-z][\w'-]*", text))
        self._place_like = {
            m.group(1).lower()
            for m in re.finditer(rf"\b(?:in|into|across|throughout|near|outside|inside)\s+({_U}\w+)\b", text)
        }
        self._modifier_like = {
            m.group(1).lower()
            for m in re.finditer(
                rf"({_U}\w+)(?:['’]s)?\s+(?:{_GROUP_RE}|{_ROLE_RE}|government|forces|troops|army|regime)\b",
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

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.sents[i]

    def sentence_initial(self, pos: int) -> bool:
        s, _ = self.sentence_of(pos)
        head = self.text[s:pos]
        return not re.search(r"\w", head.replace("“", "").replace('"', ""))

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
                parsed = _parse_run(t, m.start(), m.end())
                if parsed is None:
                    only_role = re.fullmatch(rf"(?:{_CAPTOK}\s+){{0,3}}{_CAPTOK}", m.group())
                    last = m.group().split()[-1].lower().rstrip(".")
                    if only_role and last in _TITLES and last not in _HONORIFICS:
                        pending_role = (re.sub(r"^(?:The|A|An)\s+", "", m.group()), m.end())
                    continue
                role, role_span, ns, ne = parsed
                if not role:
                    ns, role, role_span = self._trim_front(ns, ne)
                tokens = [x.group() for x in _TOKEN_RX.finditer(t, ns, ne)]
                weak = len(tokens) == 1 and tokens[0].lower() in _MONTHS  # "May" the month or Theresa May
                if not weak and not _valid_name(tokens):
                    pending_role = None
                    continue
                name = _Name(t[ns:ne], ns, ne, _core(tokens), weak=weak)
                if role:
                    title_word = t[role_span[0] : role_span[1]].split()[-1] if role_span else ""
                    if title_word.lower().rstrip(".") in _HONORIFICS:
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
                if len(name.core) >= 2 and name.core[0] in _GIVEN:
                    name.evidence = True
                if any(
                    x.lower() in _STRONG_PARTICLES or re.match(r"^(?:al|el|bin|ibn|ul)-", x, re.I)
                    for x in tokens[1:]
                ):
                    name.evidence = True
                self.names.append(name)

    def _trim_front(self, ns: int, ne: int) -> tuple[int, str, tuple[int, int] | None]:
        """Drop a capitalised common word opening a sentence ("Archaeologist Barney Sloane") and take
        the office out of "Secretary of State John Kerry"."""
        t = self.text
        toks = list(_TOKEN_RX.finditer(t, ns, ne))
        if len(toks) < 2:
            return ns, "", None
        office = re.search(rf"((?:{_CAPTOK}\s+)*{_CAPTOK})\s+of\s+(?:the\s+)?$", t[max(0, ns - 80) : ns])
        if office and len(toks) >= 3 and office.group(1).split()[-1].lower().rstrip(".") in _TITLES:
            start = ns - (len(t[max(0, ns - 80) : ns]) - office.start(1))
            return toks[1].start(), t[start : toks[0].end()], (start, toks[0].end())
        if self.sentence_initial(ns) and toks[0].group().lower() in self._lower_words:
            return toks[1].start(), "", None
        return ns, "", None

    def _role_before(self, name: _Name) -> None:
        """A lower-case role in front: "Syrian leader Bashar al-Assad", "chief executive, Tim Cook"."""
        head = self.text[max(0, name.start - 120) : name.start]
        m = re.search(
            rf"(?:(?<=\s)|^)((?:(?:{_CAPTOK}|{_PART_RE})(?:['’]s)?\s+){{0,4}}(?:{_ROLE_MODS}\s+)?"
            rf"{_ROLE_RE}(?:\s+{_ROLE_RE}){{0,2}}),?\s+$",
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
            rf"^,\s+(?:the|a|an|who\s+is\s+the|who\s+is\s+a)\s+((?:[\w'’-]+\s+){{0,4}}?{_ROLE_RE}"
            rf"(?:\s+{_ROLE_RE})?(?:\s+(?:of|at|for|with)\s+[^,.;:\"“”]{{1,50}})?)\s*[,.;]",
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
        if name.weak or w in _PLACES or w in self._place_like or w in self._modifier_like:
            return False
        if w in self._lower_words:
            return False
        # Sentence-initial capitals are weak: the word must also appear capitalised elsewhere or be unknown.
        return True

    # -- persons

    def build_persons(self) -> None:
        evid = [n for n in self.names if n.evidence and not n.weak]
        evid.sort(key=lambda n: (-len(n.core), n.start))
        for n in evid:
            self._attach(n, create=True)
        for n in self.names:
            if n.person < 0:
                self._attach(n, create=False)
        for n in self.names:
            if n.person >= 0 and not self.inside_quote(n.start):
                self.mentions.append((n.start, n.person))
        self.mentions.sort()

    def _attach(self, n: _Name, create: bool) -> None:
        hits = [i for i, p in enumerate(self.persons) if not p.group and _compatible(n.core, p.core)]
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
        elif len(hits) > 1:
            # Two people share the surname: news introduces the main one first and names the other in full.
            n.person = min(hits, key=lambda i: self.persons[i].first)
            return
        else:
            return
        p = self.persons[n.person]
        p.first = min(p.first, n.start)
        p.forms.setdefault(_squash(n.text))
        if n.title_form:
            p.forms.setdefault(_squash(n.title_form))
        if n.role:
            p.roles.setdefault(_squash(n.role))

    def group(self, text: str) -> int:
        label = _squash(re.sub(r"^(?:[Tt]he)\s+", "", text))
        for i, p in enumerate(self.persons):
            if p.group and p.name.lower() == label.lower():
                return i
        self.persons.append(_Person((label.lower(),), label, {label: None}, group=True))
        return len(self.persons) - 1

    def recent(self, pos: int, group: bool, among: Iterable[int] | None = None) -> int:
        allowed = set(among) if among is not None else None
        i = bisect.bisect_left(self.mentions, (pos, -10)) - 1
        while i >= 0:
            _p, who = self.mentions[i]
            person = self.persons[who]
            if person.group == group and (allowed is None or who in allowed):
                return who
            i -= 1
        return -1


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


# --------------------------------------------------------------------------- attribution


def _first_words(s: str) -> int:
    return len(re.findall(r"\w+", s))


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
        for sp in doc.spans:
            same = by_para[sp.para]
            if sp.single and any(o.start <= sp.start < o.end for o in same if not o.single):
                continue
            ps, pe = doc.paras[sp.para]
            prev_end = max([o.end + 1 for o in same if o.end <= sp.start] + [ps])
            after_end = min([o.start - 1 for o in same if o.start > sp.end] + [pe])
            inner = t[sp.start : sp.end].strip()
            found = None
            if sp.closed:
                found = self._after(sp, t[sp.end + 1 : after_end], sp.end + 1, inner)
            if found is None:
                before = t[prev_end : sp.start - 1]
                cut = list(re.finditer(r"[.!?][\"”’']?\s+(?=\S)", before))
                base = prev_end
                if cut:
                    c = cut[-1]
                    word = re.search(r"([\w.]+)\.$", before[: c.start() + 1])
                    if not (word and word.group(1).lower().rstrip(".") in _ABBREV):
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
        return None

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
        """Subject text is a plausible speaker; marks name runs as people on the way."""
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
                if verb in _DIRECT_ONLY:
                    continue
                pre = t[ss : m.start()]
                if re.search(r"\b(?:was|were|been|being|be|is|are|who|which|that|to)\s+$", pre):
                    continue
                subj = None
                for kind, rx in _SUBJ_END:
                    sm = rx.search(pre)
                    if sm:
                        cand = _Subj(kind, sm.group("subj"), ss + sm.start("subj"), ss + sm.end("subj"))
                        if (
                            kind == "pron"
                            and sm.start("subj") > 0
                            and not re.search(
                                r"(?:^|[,;:]\s*|\b(?:and|but|so|as|because|when|while)\s+)$",
                                pre[: sm.start("subj")],
                            )
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
        rest = t[pos:end]
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
        elif preps and re.match(rf"^\s+(?:{preps})\b", rest):
            pass
        elif _ADVERBIAL.match(rest):
            that = re.search(r"(?:,\s*|\s+)that\s+", rest[:120])
            if not that:
                return None
            pos += that.end()
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
        # quotes without an attribution of their own
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
            if f.person < 0:
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

    def _standalone(self, sp: _Span) -> bool:
        """The quote opens a sentence (a quotation standing alone, not a phrase inside one)."""
        t = self.doc.text
        ps, _ = self.doc.paras[sp.para]
        head = t[ps : sp.start - 1].rstrip()
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
            return doc.recent(pos, group=_PRONOUNS[subj.text.lower()] == "group")
        if subj.kind == "group":
            return doc.group(subj.text)
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
        if w in _ROLE_WORDS or w in _TITLES:
            head.insert(0, w)
        elif head:
            break
    return " ".join(head)


# --------------------------------------------------------------------------- public API


def analyse(text: str) -> tuple[list[Speaker], list[Quote]]:
    """People (and quoted named groups) in `text` with their aliases, and every quote attributed to them."""
    if not text or not text.strip():
        return [], []
    doc = _Doc(text)
    doc.scan_names()
    att = _Attributor(doc)
    att.direct()
    att.reported()  # marks more names as people (subjects of speech verbs)
    doc.build_persons()
    att.resolve()

    quotes: list[Quote] = []
    seen: set[tuple[int, int, int]] = set()
    for f in sorted(att.found, key=lambda x: (x.start, x.end)):
        if f.person < 0:
            continue
        if f.direct:
            f.start, f.end = _trim_direct(text, f.start, f.end)
        key = (f.start, f.end, f.person)
        if key in seen or f.end <= f.start:
            continue
        seen.add(key)
        doc.persons[f.person].quoted = True
        quotes.append(Quote(f.start, f.end, doc.persons[f.person].name, f.verb or "said", f.direct))

    kept = [p for p in doc.persons if not p.group or p.quoted]
    speakers = _speakers(kept)
    return speakers, quotes


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
            if r.lower() not in _HONORIFICS:
                al.setdefault(r)
                bare = re.sub(rf"^(?:{_ROLE_MODS}\s+)+", "", r, flags=re.I)
                if bare != r and bare:
                    al.setdefault(bare)
        if p.group:
            al.setdefault(p.name.split()[-1])
        cands.append(al)
    heads: list[set[str]] = [{_role_head(r) for r in p.roles} - {""} for p in persons]
    count: dict[str, int] = {}
    for al, hs in zip(cands, heads, strict=True):
        for key in {_alias_key(a) for a in al} | hs:
            count[key] = count.get(key, 0) + 1
    out: list[Speaker] = []
    names_seen: set[str] = set()
    for p, al, hs in zip(persons, cands, heads, strict=True):
        if p.name in names_seen:
            continue
        names_seen.add(p.name)
        keep: dict[str, None] = {}
        keys: set[str] = set()
        for a in al:
            if _alias_key(a) not in keys and (a == p.name or count.get(_alias_key(a), 0) == 1):
                keep.setdefault(a)
                keys.add(_alias_key(a))
        for h in sorted(hs):
            if count.get(h, 0) == 1 and _alias_key(h) not in keys:
                keep.setdefault(h)
                keys.add(h)
        out.append(Speaker(p.name, tuple(keep)))
    return out


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
        if m.group(1).lower() in _ARABIC_ARTICLES:
            out.append(m.group(2))
        return out
    parts: list[str] = []
    i = len(toks) - 2
    while i > 0 and toks[i].lower() in _PARTICLES:
        parts.insert(0, toks[i])
        i -= 1
    if parts:
        out.append(" ".join(parts + [last]))
        if parts[-1].lower() in _ARABIC_ARTICLES:
            out.append("-".join(parts + [last]))
        else:
            return out
    out.append(last)
    return out


def _alias_key(a: str) -> str:
    key = re.sub(r"[\s\-]+", " ", a.lower()).strip()
    return re.sub(r"^the ", "", key)
