"""Sources and coreference: who a subject phrase, a pronoun or a role means, and the speaker of a
quotation nobody is credited with. `_Attributor` (index.attribution.attributor) finds the attributions;
this base class resolves their sources."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable

from index.attribution.names import _compatible, _Doc, _parse_run, _squash
from index.attribution.patterns import _RUN_RX, _lazy
from index.attribution.records import _Found, _Name, _Span, _Subj
from index.attribution.words import (
    AUX,
    BARE_SOURCES,
    BELIEF_VERBS,
    DAYS,
    FUNCTION_WORDS,
    GIVEN,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_MODS,
    ROLE_RE,
    ROLE_WORDS,
    STOP,
    TITLES,
    VERB_RE,
    U,
)

# A subordinator opening a sentence before its subject ("While critics argue", "Although Roe says").
_OPENING_SUBORDINATOR = _lazy(r"(?:While|Whereas|Although|Though|Because|Since|Unless|If|When|As)\s+")
# An adverb a title-case headline writes between a name and its verb ("Al Sharpton Just Said").
_HEADLINE_ADVERB = _lazy(
    r"(?<=\w)\s+(?:Just|Now|Also|Finally|Still|Again|Reportedly|Officially|Quietly|Already|Publicly)\Z"
)
# A possessive right before a name: "Florida's Rick Wilson", "CNBC's Becky Quick".
_POSS_NAME = _lazy(r"['’]s?\s+(?=[A-Z])")
# Determiners that, standing alone, are no source.
_BARE_DETERMINERS = frozenset("the a an this that these those its his her their".split())
# A conjunct's opening: "and" or a list's comma, then at most a title run ("and Senator Rand Paul").
_CONJUNCT_BEFORE = _lazy(r"(?:,|\band)\s+(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,4}\Z")
# "of the House Ways and Means Committee": an affiliation after a name (names._AFFILIATION).
_OF_ORG = _lazy(r"\s+(?:of|at|from)\s+(?:the\s+)?[^,.;:\"“”()]{1,120}")

# Cue verbs of beliefs and stances: their subjects think or want, they are not quoted speakers.
_BELIEFS = frozenset(BELIEF_VERBS)


def _first_words(s: str) -> int:
    return len(re.findall(r"\w+", s))


_WORD_RX = re.compile(r"\w+")


def _has_words(t: str, s: int, e: int, n: int) -> bool:
    """Whether `t[s:e]` holds at least `n` words, reading no further than the n-th.

    Counting every word of the rest of the sentence once per cue made a long sentence quadratic: a
    100 KB line with "said" every 20th word spent 4.1 s of 10.3 s in `_first_words`
    (bench/attribution_speed.py, "said line").

    Args:
        t: the text; s, e: the span; n: the words wanted.
    Returns:
        True when there are `n` words or more (the same as `_first_words(t[s:e]) >= n`).
    """
    return n <= 0 or any(True for _ in itertools.islice(_WORD_RX.finditer(t, s, e), n - 1, n))


_SPEAKS = _lazy(rf"\s*(?:['’]s\s+)?(?:,[^,]{{1,60}},\s*)?(?:(?:{AUX})\s+){{0,2}}{VERB_RE}\b")

# A name in apposition after a role or description, after at most four more words of it: "said another
# Twitter user, Johanna Bayer" (the description read was "another Twitter"), "another leading Supreme
# Court advocate, Andrew J. Pincus" (capitalised words too: 2 won, 0 lost on train, round 7b).
# A possessive and a lower-case role of one to four words before a comma: "’s chief of staff, ".
_POSS_APPOS = _lazy(r"['’]s?(?:\s+[a-z][\w-]*){1,4},\s*")
_APPOS_NAME = _lazy(rf"(?:\s+(?!(?:{VERB_RE}|noted|wrote)\b)(?:[a-z][\w-]*|{U}[\w.'’-]*)){{0,4}},\s*")

# How many sentences back "the senator" (bound to nobody) looks for the person it means.
ROLE_LOOKBACK = 2  # fit on train: bench/reports/attribution_fit.md

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

# How far before a quotation (characters) a "Name said" is looked for in its sentence.
SPEAKER_WINDOW = 400  # fit on train: bench/reports/attribution_fit.md

# How many sentences back a quotation standing alone, with nobody credited and nobody named in its
# sentence, looks for its speaker: the subject (first person named) of the nearest sentence naming
# one, as for "he". It was the person last named within 1200 characters; the subject raised train
# speaker accuracy 0.8755 -> 0.8769 (bench/reports/attribution.md, round 6b).
LOOKBACK = 10  # fit on train: bench/reports/attribution_fit.md, round 6b (2: 0.8054, 6: 0.8073, 10: 0.8079)

# The most words after ", Roe said" before its sentence ends, for it to close the sentence (", Roe
# said on Monday." / ", Roe said in an interview with CNN.").
CLOSING_WORDS = 6  # fit on train: bench/reports/attribution_fit.md, round 6b (3, 6 and 10 tie at 0.8096)

# A finite verb after a name: "referenced", "has increasingly decried", "on Wednesday called". Third
# persons in -s alone ("calls") lost 4 golds on train more than they won (round 6b).
_ACTS = _lazy(
    # (after an apposition of lower-case words: "Mike Huckabee, the former Arkansas governor, proposed")
    rf"(?:,\s+(?:the|a|an)\s+[^,.;:\"“”()]{{1,60}},)?"
    rf"\s+(?:(?:also|then|later|again|once|even|never|[a-z]{{3,}}ly|on\s+{U}[a-z]+day)\s+)?"
    rf"(?:(?:{AUX})\b|[a-z]{{3,}}(?:ed|es)\b)"
)

# A speech verb's participle right after a name: a subject of an absolute or participle clause that
# gives the quotation after it ("with Sen. John McCain calling it a "Chinese menu"", "Ryan saying he was
# "very encouraged" and Trump calling it a "great meeting"", "Gorka noting the absurdity of "..."";
# guess_speakers, round 11b, train golds won/lost in bench/reports/attribution.md). A closed list of
# the speech verbs whose object or clause is words said.
_SAYING = _lazy(
    r"\s+(?:saying|calling|telling|noting|adding|describing|dubbing|labell?ing|branding|declaring|"
    r"warning|insisting|arguing|writing|tweeting|accusing|urging|asking|suggesting|claiming|"
    r"predicting|promising|vowing|stating|explaining|quipping|joking|deriding|praising)\b"
)

# Nouns of speech after a possessive name: whose words a quotation in that sentence gives
# (guess_speakers; round 10b, train golds won/lost in bench/reports/attribution.md).
_SPEECH_NOUNS = (
    "accusation|accusations|answer|assertion|charge|claim|claims|comment|comments|conclusion|"
    "description|remark|remarks|reply|response|statement|warning|words"
)
# ... which the sentence then gives: "that", "was:", or the quotation itself follow the noun
# ("Sanders' comments Tuesday, telling reporters, "..."" is the sentence subject's quotation).
_OWNS_WORDS = _lazy(
    rf"['’]s?\s+(?:(?:[a-z]+ly|own|latest|earlier|first|new)\s+)?(?:{_SPEECH_NOUNS})"
    r"(?:\s+(?:that|was|is)\b|\s*:|,?\s*[\"“])"
)

# A capitalised name of two or more words (or an acronym), then a speech verb: an institution speaking
# in a quotation's sentence (guess_speakers).
_BODY_SPEAKS = _lazy(
    rf"(?<![\w'’.-])(?:[Tt]he\s+)?((?:{U}[\w.&'’-]*\s+){{1,4}}{U}[\w&'’-]*|{U}{{2,6}})"
    rf"\s+(?:(?:{AUX})\s+){{0,2}}{VERB_RE}\b"
)

# The same capitalised subject, then any finite verb (an auxiliary, or a word ending in -ed/-es/-s,
# "lists", "describes", "argues", "has warned"): an institution that is the subject of the quotation's
# own sentence, whatever its verb ("On its website, the FBI lists "..."", "One Club for Growth ad argues
# that "...""). Read only when nobody of that sentence is found (guess_speakers, `_institution_acting`).
_BODY_ACTS = _lazy(
    rf"(?<![\w'’.-])(?:[Tt]he\s+)?((?:{U}[\w.&'’-]*\s+){{0,4}}{U}[\w&'’-]*|{U}{{2,6}})"
    rf"\s+(?:(?:also|now|then|even|never|[a-z]{{3,}}ly)\s+)?(?:(?:{AUX})\b|[a-z]{{3,}}(?:ed|es|s)\b)"
)
# Round 33 (attr33a): before a remote guess (the subject of an earlier sentence, `doc.recent_subject`),
# an institution that is the quotation's own sentence's subject speaks (bench/reports/attribution_round33a.md:
# the remote guess was right for 56 and wrong for 49 cueless quotations of train).
INSTITUTION_ACTS = True
# Where such a subject stands: opening its sentence, after an opening phrase's comma, or after "as",
# "and", "but" ("But as The Hill pointed out", "... a liar and NBC News will accuse you").
_OPENS_CLAUSE = _lazy(r"(?:\A\W*|,\s+|\b(?:[Aa]s|[Aa]nd|[Bb]ut|[Ss]o|[Yy]et)\s+)\Z")

# Described sources that end in a name: "his friend Jo Roe", "a count by The Associated Press".
_BY_INSTITUTION = _lazy(rf"\b(?:by|from)\s+((?:[Tt]he\s+)?{U}[\w.&'’-]*(?:\s+{U}[\w.&'’-]*)*)")

# "the" and one capitalised word: "the Republican", "the Kremlin".
_THE_ONE_WORD = re.compile(rf"[Tt]he\s+({U}[a-z]+)")


_INSTITUTION = re.compile(
    rf"^(?:[Tt]he\s+)?((?:{U}[\w.&'’-]*)(?:\s+(?:of|for|and|on|{U}[\w.&'’-]*))*?)(?:['’]s?)?"
    r"(?:\s+(campaign|administration|government|office|committee|department|ministry|party|team|agency))?$"
)

# Cue words that are nouns of speech as often as verbs: after a described "subject" of a determiner and
# modifiers ("delivered a forceful promise", "sounded a cautious note about", "repeating a false claim
# that") the word is the noun, and the words are those of the sentence's subject (`_noun_owner`).
_NOUN_CUES = frozenset(("claim", "note", "promise"))
_NOUN_READ = re.compile(r"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+")

# A described source that runs on over its own clause's verb: "The Post intervened in April, arguing",
# "The State Department repeatedly obfuscated facts, admitted", "some senators vented about Sanders":
# the source is the noun phrase before the past-tense verb (`_cut_at_verb`). Before, the whole clause
# was the source and named nobody (or a name inside the clause). Round 33b (bench/reports/
# attribution_round33b.md); the verb is a lower-case word in -ed after at least two words, not followed
# by "by" (a passive participle: "a report released by the AP") and not the phrase's last word.
DESC_VERB_CUT = True
_DESC_VERB = re.compile(
    r"^(?P<head>\S+(?:\s+\S+)*?\s+[\w'’.-]*\w)\s+(?:[a-z]+ly\s+)?(?!(?:[a-z]+ly\s+)?\w+ed\s+by\b)[a-z]{2,}ed\s+\S"
)
# The words a head cannot end with: a determiner, preposition or conjunction (the noun is still to
# come), an auxiliary ("I had prepared": no noun phrase) or an adverb ("A newly released email").
_DESC_HEAD_END = frozenset(
    "of and or for the a an his her their its some both most many to in on at had has have was were is are be been".split()
)

# An institution's capitalised name after a determiner and one to three lower-case modifiers, then at
# most one noun that is no person ("the nationalist Global Times tabloid", "a desperate HP";
# `_Sources._modified_institution`). Also without modifiers before a noun ("according to FEC filings"):
# 1 won, 1 lost on train (round 11b), not kept.
_MODIFIED_BODY = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?)\s+(?P<mods>(?:[a-z0-9][\w-]*\s+){{0,3}}))?"
    rf"(?P<body>(?:{U}[\w.&'’-]*)(?:\s+(?:of|for|and|on|{U}[\w.&'’-]*))*)(?:\s+(?P<noun>[a-z]+))?"
)

# A described source that is a name's possessive and what it owns, where what it owns is no person or
# body ("Podliska's most explosive claim", "an issue out of Donald Trump's claim"): the name spoke.
# Train: 4 won, 0 lost; with "his"/"her" resolved as "he"/"she": 2 more won (round 7b).
_POSSESSOR = _lazy(rf"({U}[\w.'’-]*(?:\s+{U}[\w.'’-]*){{0,3}})['’]s?((?:\s+[a-z][\w-]*){{0,3}})\s*\Z")
# Nouns after a possessive that make the source someone else ("Trump's spokeswoman", "Clinton's
# lawyers", "the Cruz campaign's chairman", "Obama's wife").
_OWNED_SPEAKERS = (
    frozenset(ROLE_WORDS)
    | frozenset(TITLES)
    | frozenset(GROUP_NOUNS)
    | frozenset(BARE_SOURCES)
    | frozenset(ORG_WORDS)
    | frozenset(
        "wife husband son daughter brother sister mother father parents children family friend friends "
        "spouse nephew niece cousin uncle aunt aide adviser advisor ally staff staffer camp campaign team "
        "spokesperson lawyer attorney representative counsel".split()
    )
)

# Nouns of persons after such a name: "Senate Democrats", "a Republican strategist", "Clinton aides"
# stay unnamed sources.
_PERSON_NOUNS = (_OWNED_SPEAKERS - frozenset(ORG_WORDS)) | frozenset(BARE_SOURCES)


_FUNCTION_WORDS = set(
    "and or but as that which who whom whose he she it they we i you me him her them us if when while "
    "because although though so than then there here this these those what where why how not no "
    "is was were are be been has have had will would could should can may might must do does did".split()
)


# Lower-case time nouns ending a short phrase: "a month (later)", "two days (earlier)".
_TIME_UNITS = frozenset(
    "minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# A noun phrase that is a source never opens with a preposition ("On Wednesday", "In June").
_PREPOSITIONS = frozenset("on in at during since until after before from with without for".split())


def _desc_ok(text: str) -> bool:
    """A described source is a noun phrase: no clause words inside ("his hands and", "as Cruz")."""
    words = re.findall(r"[\w'’-]+", text.lower())
    if not words:
        return False
    # a short last word is a clause fragment ("his hands and", "as he"), but a two-letter acronym is an
    # organisation ("The AP said", "the UN says": round 9c, train golds won/lost in bench/reports/attribution.md)
    last = re.findall(r"[\w'’-]+", text)[-1]
    if len(words[-1]) < 3 and not (len(last) == 2 and last.isalpha() and last.isupper()):
        return False
    if words[0] in _PREPOSITIONS:
        return False  # "On Wednesday, the director of the FBI, James B. Comey, said": a time, no source
    if len(words) <= 3 and last in _TIME_UNITS:
        return False  # "When Fiorina a month later announced": a time, no source (not "The Week")
    return not any(w in _FUNCTION_WORDS for w in words[1:]) and words[0] not in _FUNCTION_WORDS - {
        "this",
        "these",
        "those",
    }


_DETERMINER = _lazy(
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]hose|[Tt]hese|[Ss]ome|[Mm]any|[Mm]ost|[Bb]oth|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s"
)


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


_WHO_CLAUSE = _lazy(rf"(\S+)(?:\s*\([^()]{{1,30}}\))?,\s+who\s+(?:(?:{AUX})\s+){{0,2}}$")

_OF_PLACES = _lazy(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s*)?\Z")


# What may stand before a name that opens reported words as their subject: nothing, a conjunction or a
# subordinator, or an opening phrase closed by a comma ("In Louisville on March 1, Ms. Nwanguma was
# shocked ..., she said"); titles before the name are taken off first (`_opens_words`).
_CONTENT_OPENING = _lazy(
    r"\W*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Tt]hough|[Aa]lthough|[Ww]hile|[Ww]hen|[Ii]f|[Bb]ecause|[Ss]ince|"
    r"[Aa]s|[Aa]fter|[Bb]efore|[Oo]nce)\s+|[^,;:\"“”]{1,80},\s*)?"
)
_TITLE_WORDS = (
    frozenset(TITLES) | frozenset(HONORIFICS) | frozenset(ROLE_WORDS) | frozenset(("vice", "former", "of"))
)
_TITLE_WORD_END = _lazy(r"(?<!\S)([A-Z][\w.'’-]*|of|the)\s+\Z")


# A verb of speech after a name inside the words before a source: the name speaks there ("when Jane Roe
# called him "a liar." She also said"); read at most this far after the name (a clause, not fit).
OWN_VERB_CHARS = 120
_OWN_VERB = _lazy(rf"(?<![\w'’-])(?:{VERB_RE}|called|asserted)(?![\w'’-])")


def _opens_words(text: str, lo: int, at: int) -> bool:
    """Whether the name at `at` opens the words starting at `lo` as their subject ("Vice President Joe
    Biden weighed in ...", "But Grayson has ...", "In Louisville, Ms. Nwanguma was ...").

    Args:
        text: the document; lo: where the words start; at: where the name starts.
    Returns:
        True when only an opening, then titles, stand before the name.
    """
    pre = text[lo:at]
    while (m := _TITLE_WORD_END.search(pre)) is not None and m.group(1).rstrip(".").lower() in _TITLE_WORDS:
        pre = pre[: m.start()]
    return _CONTENT_OPENING.fullmatch(pre) is not None


_TITLE_RE = "|".join(sorted((re.escape(w) for w in TITLES | HONORIFICS), key=len, reverse=True))
# A preposition (then at most a title or two) right before a name: the name is its object ("Stacy
# Baker of Columbia says" is read first by `_Sources._person_of_place`).
_PREP_BEFORE = _lazy(
    r"(?<![\w'’-])(?:of|in|at|from|for|with|by|on|about|against|among|like|than|to|toward|towards|between)\s+"
    rf"(?:(?:the\s+)?(?:(?i:{_TITLE_RE})\.?\s+){{0,2}})?\Z"
)
# Where a noun phrase ending in such an object opens: after the last clause boundary before it.
_PHRASE_OPEN = _lazy(
    r"(?:.*(?:[,;:(\"“”—–]|\s-\s|\b(?:[Tt]hat|[Aa]nd|[Bb]ut|[Ww]hile|[Ww]hen|[Bb]ecause|[Ii]f|[Ww]hether|[Aa]s)\s))\s*"
)
_PREP_OPEN = _lazy(
    r"(?i:of|in|at|from|for|with|by|on|about|against|among|like|than|to|toward|towards|between|after|"
    r"before|during|since|under|over|despite|unlike|amid|beyond|within|without|through|across|into)\b"
)
_WHO_AFTER = _lazy(r"\s*(?:\([^()]{1,30}\)\s*)?,\s*who\b")

# Between a modifying name and the name it describes: one or two lower-case nouns ("Clinton ally",
# "Trump campaign adviser").
# Adjectives in -ing/-ed that rank a member of a body: "Oversight ranking Democrat Elijah Cummings",
# "Senate ranking member Jane Roe" (the committee was the speaker; round 13, attr11).
_RANK_WORDS = frozenset(("ranking",))
_PARTY_NOUN = re.compile(r"(?:Democrat|Republican)\s+")


def _names_from(t: str, n: _Name, pos: int) -> bool:
    """Whether the name `n` starts at `pos`, or after a party noun there ("ranking Democrat Elijah
    Cummings": the name run leaves the noun out, names.py `_parse_run`).

    Args:
        t: the document text; n: a name run; pos: where the name should start.
    Returns:
        True when it starts there.
    """
    if n.start == pos:
        return True
    m = _PARTY_NOUN.match(t, pos, n.start)
    return m is not None and m.end() == n.start


_MODIFIED = re.compile(r"(?:['’]s)?\s+((?:[a-z][\w-]*\s+){1,4})(?=[A-Z])")

# After an apposition's last word: its closing comma and a verb ("..., says", "..., has said").
_COMMA_VERB = re.compile(rf"\s*,\s*(?:(?:{AUX})\s+){{0,2}}(?:also\s+)?{VERB_RE}\b")
# How far into its sentence (characters) the name an apposition describes may start ("Representative
# Peter T. King, ..."): its title before it. Checked on train by bench/fit_attribution.py (round 8b,
# bench/reports/attribution_fit.md): 0: e2e_speech_f1 0.8292, 20: 0.8296, 40 = 80: 0.8299.
# A relative clause closing an apposition before its verb: ", who runs a small theater company," (at
# most 100 characters, no comma, quotation or clause break inside).
_COMMA_WHO = re.compile(r"\s*,\s*who\s[^,;:\"“”.!?]{1,100}(?=,)")
APPOSITION_OPEN_CHARS = 40
# The apposition's head read more widely (round 28, bench/reports/attribution_round28a.md): after an
# opening phrase ("In a post on Sunday, Mr. Dale, a former aide to Roe, wrote"), before a short
# parenthesis ("Sen. Paul Orme (D-Ore.), noting ..., said"), over a description that holds commas or a
# quoted title ("Ann Kerr, the head of Open Ledger, a watchdog that ..., said"; "Lena Pratt, the
# author of "Small Towns," about ..., said"). The switch bench/attribution_switch.py turns off.
APPOSITION_HEAD_WIDE = True
# After the head name: an optional short parenthesis ("(D-Ill.)", "(R)"; at most 30 characters, as
# `_WHO_AFTER` reads one) and the apposition's comma.
_HEAD_COMMA = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")
# A sentence's opening prepositional phrase or subordinate clause, closed by its comma within 60
# characters as `attributor._OPENING_PHRASE` is ("In his first videos, ", "On the Democratic side, ",
# "As the votes came in, "): a name inside it is no subject of the clause after it (round 28,
# bench/reports/attribution_round28a.md). "According to" (a source) and "For" ("For China, the region
# offers ...": PolNeAR credits China) are left out. The switch bench/attribution_switch.py turns off.
OPENING_PHRASE_SKIP = True
_PHRASE_OPENER = re.compile(
    r"\W*(?:In|On|At|During|From|With|Without|Under|Despite|Amid|Among|Across|Throughout|Like|Unlike|Beyond|"
    r"Through|Within|Over|After|Before|Since|While|Whereas|When|As|Although|Though|If|Once|Because)\s"
    r"[^,;:\"“”()]{1,60}?,\s+"
)
# An opening phrase before the head, closed by its comma ("In a series of posts Sunday, ", "On Monday, ").
_OPENER = re.compile(r"[^,;:\"“”()]*,\s*")

# How far back (characters) "the board" looks for the "Illinois Board of Elections" it names again: a
# bound on the work per source (a few paragraphs). Checked on train by bench/fit_attribution.py (round 8b,
# bench/reports/attribution_fit.md): 0 (off): e2e_speech_f1 0.8292; 1,000 = 3,000 = 10,000: 0.8299.
INSTITUTION_LOOKBACK = 3000
# Institutions among the nouns that otherwise make a source someone else's ("the campaign" may be
# the "Clinton Campaign" named before; "the spokesman" is nobody's name).
_BODIES = frozenset(GROUP_NOUNS) | frozenset(ORG_WORDS)

# A signature line: a dash, a name, and at most a short comment after a comma ("- Bernie Sanders.",
# "-President Obama, tweeting after Clinton's speech.").
_SIGNATURE = re.compile(rf"\s*[-–—]+\s*((?:{U}[\w.'’-]*\s+){{0,4}}{U}[\w'’-]*)\s*(?:,[^\n]{{0,60}})?\.?\s*")

# Subject kinds resolved through the text before them, in text order (see `_Sources.resolve`).
_CHAINED = ("pron",)
# Round 30 (attr30a): a resolved source that no name mention covers (a bare surname the scan missed, a
# description, a role) becomes a mention of its person, so that a later "he"/"she" finds it
# (bench/reports/attribution_round30a.md).
SOURCE_MENTIONS = True


# "and", then a title or role run before the last conjunct's name ("and Senator", "and state House Speaker",
# "and former Maryland governor", "and other Republicans", "and leading Democrats"). Lower-case words too:
# 7 golds won, none lost on train (bench/reports/attribution.md, round 7b).
_AND_BEFORE = _lazy(r"(?:,?\s+|,\s*)and\s+(?:(?:the|former|state|[A-Z][\w.'’-]*|[a-z][\w-]*)\s+){0,3}\Z")
# Titles, roles and capitalised modifiers just before a name ("Rep.", "MSNBC's", "former governor",
# "Trailing contenders"): any lower-case word instead of a role lost 4 golds on train (round 7b).
_TITLE_RUN = _lazy(rf"(?:(?:{ROLE_MODS}|{ROLE_RE}s?|[A-Z][\w.'’-]*) ){{1,3}}\Z")
# What may stand between the first conjunct and "and": nothing, a place ("of Georgia"), a bracket, or
# ", item" list entries.
_LIST_TAIL = _lazy(
    rf"(?:\s+of\s+{U}[\w.'’-]*(?:\s+{U}[\w.'’-]*)?)?(?:\s*\([^()]{{1,30}}\))?(?:,\s*[^,;:.!?\"“”()]{{1,60}}?)*,?"
)
_CLAUSE_OPEN = _lazy(r"(?:\A|[.;:!?\"”]\s+|\n\s*|,\s+|\s[—–-]+\s+|\b(?:[Bb]ut|[Ww]hile|[Tt]hat)\s+)\Z")

# The longest opening phrase before a sentence's "he"/"she" subject ("At the time, she ...").
# A paragraph opening with a heading in capitals, as a newsletter's items do ("ROLL TIDE Alabama beat
# ...", "HOW CHINA'S DECLINE AFFECTS THE WORLD "..."" ): two or more words without a lower-case letter,
# then a capitalised word or a quotation mark (not a transcript's "JAKE TAPPER:", not a dateline's
# "NEW YORK (Reuters) -"). Each item is its own story: nobody named in the item before speaks in it.
_HEADING = re.compile(
    r"(?:[‘'\"“]?[A-Z0-9][A-Z0-9’'.,:&-]*[ \t]+){1,15}[‘'\"“]?[A-Z0-9][A-Z0-9’'.&-]*[’'\"”]?[ \t]*(?=[\"“]|[A-Z][a-z])"
)
HEADING_CHARS = 200  # only bounds the heading's search (no fit): linear in long paragraphs
# The head of an institution's name before a lower-case "of", "for" or "on", then capitalised words
# and "and" ("Organisation for Economic Co-operation and"): the name's tail after it is no person
# (`_Sources._org_tail`). No punctuation between: "the White House on Thursday. Sanders" is a person.
_ORG_HEAD = "|".join(sorted((w.capitalize() for w in ORG_WORDS if len(w) > 3), key=len, reverse=True))
_ORG_TAIL = re.compile(
    rf"\b(?:{_ORG_HEAD})\s+(?:of|for|on)\s+(?:(?:the\s+)?(?:{U}[\w'’&-]*\s+)+and\s+)?(?:the\s+)?\Z"
)
_CONNECTOR_BEFORE = re.compile(r"\b(?:of|for|on|and)\s+(?:the\s+)?\Z")
ORG_TAIL_CHARS = 100  # only bounds the look back (no fit): linear in long paragraphs
OPENER_CHARS = 40  # fit on train: bench/reports/attribution_fit.md (0: e2e_speech 0.7850, 20-60: 0.7859)


def _opening_pronoun(text: str, ss: int, se: int) -> re.Match[str] | None:
    """A "He"/"She" opening the sentence at `ss`, after at most a short phrase and a comma.

    Args:
        text: the document text; ss, se: the sentence's bounds.
    Returns:
        The match (group 1: the pronoun), or None.
    """
    rx = (
        rf"\W{{0,3}}(?:[^,.;:\"“”\n]{{1,{OPENER_CHARS}}},\s+)?([Hh]e|[Ss]he)\b"
        if OPENER_CHARS
        else r"\W{0,3}([Hh]e|[Ss]he)\b"
    )
    return re.compile(rx).match(text, ss, min(se, ss + OPENER_CHARS + 20))


class _Sources:
    """Resolution of sources, shared by the attributor: needs `doc`, `found` and `reported_in`."""

    doc: _Doc
    found: list[_Found]
    reported_in: dict[int, list[_Found]]

    def _generic_subject(self, s: int, e: int, first: bool) -> _Subj | None:
        """The source inside a subject phrase: a name (first or last), a pronoun, or the phrase itself."""
        doc = self.doc
        text = doc.text[s:e].strip()
        if re.fullmatch(r"[Hh]e|[Ss]he|[Tt]hey", text):
            return _Subj("pron", text, s, e)
        n = doc.name_at(s, e, last=not first)
        if n is not None and first:
            n = self._described_name(n, e)
        if n is not None:
            subj = _Subj("name", n.text, n.start, n.end)
            if self._subject_ok(subj, first):
                return subj
        if not re.match(
            r"^(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{U})".replace("{U}", U), text
        ):
            return None
        return _Subj("desc", text, s, e)

    def _affiliation_owner(self, subj: _Subj) -> _Name | None:
        """The person whose affiliation a subject read before a verb ends: "Means Committee" in "Jo Roe
        of the House Ways and Means Committee said" is part of Jo Roe's organisation
        (names._AFFILIATION), not a speaker of its own.

        Args:
            subj: a name read as the subject before a verb.
        Returns:
            The name the affiliation follows, or None.
        """
        t = self.doc.text
        ss, _se = self.doc.sentence_of(subj.start)
        for n in reversed(self._names_in(max(ss, subj.start - 120), subj.start)):
            if (
                n.org
                and _OF_ORG.fullmatch(t, n.end, subj.end)
                and _squash(t[n.end : subj.end]).endswith(n.org)
            ):
                return n
        return None

    def _apposition_head(self, subj: _Subj) -> _Name | None:
        """The name an apposition describes, when the subject read before a verb ends that apposition
        ("Steve Elmendorf, a top Clinton fundraiser close to the Clinton campaign brass, says";
        "Representative Peter T. King, Republican of New York, said"): the sentence's first name, near
        its opening and followed by a comma, with no clause break between it and the subject.

        Args:
            subj: the subject read before the verb.
        Returns:
            That name, or None.
        """
        doc, t = self.doc, self.doc.text
        if not _COMMA_VERB.match(t, subj.end, subj.end + 40):
            # "Willie Minor, an actor in Dallas, who runs a small theater, recalled" (round 12b): a
            # description or role only; a name before its own relative clause is the subject ("Of Carson,
            # Levine, who has given money to Rubio, said")
            who = _COMMA_WHO.match(t, subj.end, subj.end + 120) if subj.kind != "name" else None
            if who is None or not _COMMA_VERB.match(t, who.end(), who.end() + 40):
                return None
        ss, _se = doc.sentence_of(subj.start)
        if APPOSITION_HEAD_WIDE:
            return self._wide_apposition_head(subj, ss)
        # the first name followed by a comma ("Khizr and Ghazala Khan, the Gold Star parents ...")
        n = next((x for x in self._names_in(ss, subj.start) if re.match(r"\s*,", t[x.end : x.end + 3])), None)
        if n is None or n.end >= subj.start or n.start - ss > APPOSITION_OPEN_CHARS:
            return None
        if re.search(r"[;:\"“”()]|,\s*(?:and|but)\s", t[n.end : subj.start]):
            return None
        if re.search(r"[,;:]", t[ss : n.start]) or t.count(",", n.end, subj.start) != 1:
            return None  # "In Iowa, ..." or a list: no apposition of one name
        return n

    def _wide_apposition_head(self, subj: _Subj, ss: int) -> _Name | None:
        """`_apposition_head`'s name, read more widely: the head may follow an opening phrase closed by
        a comma ("In a post on Sunday, Mr. Dale, a former aide to Roe, wrote") and come before a short
        parenthesis ("Sen. Paul Orme (D-Ore.), noting ..., said"); an apposition that opens with a
        lower-case word, a description, may hold more commas and quoted titles ("Ann Kerr, the head of
        Open Ledger, a watchdog that ..., said"; "Lena Pratt, the author of "Small Towns," about ...,
        said"). A list ("Roe, Ames and Lee, ...") opens with a name and keeps the one-comma rule.

        Args:
            subj: the subject read before the verb; ss: its sentence's start.
        Returns:
            The head name, or None.
        """
        t = self.doc.text
        n, after = None, 0
        for x in self._names_in(ss, subj.start):
            m = _HEAD_COMMA.match(t, x.end, x.end + 40)
            if m is not None and not self._object_of_preposition(x.start, x.end):
                n, after = x, m.end()  # the first name with its comma, no "In Iowa,"
                break
        if n is None or after > subj.start:
            return None
        opening = t[ss : n.start]
        if re.search(r"[,;:]", opening):
            # "In a series of posts Sunday, Mr. Dale, ...": one opening phrase closed by its comma, and
            # the head right after it (its title aside), within the same reach as an unopened head
            op = _OPENER.match(t, ss, n.start)
            if (
                op is None
                or n.start - op.end() > APPOSITION_OPEN_CHARS
                or re.search(r"[,;:]", t[op.end() : n.start])
            ):
                return None
        elif n.start - ss > APPOSITION_OPEN_CHARS:
            return None
        aside = t[after : subj.start]
        if re.search(r";|:|,\s*(?:and|but)\s", aside) or re.match(r"\s*(?:and|but|or)\s", aside):
            return None  # a clause or a list goes on after the name, no apposition
        if not re.match(r"\s*[a-z]", aside):
            # a name or anything else opens it: the one-comma, unquoted rule of `_apposition_head`
            if re.search(r"[\"“”()]", aside) or aside.count(",") > 0:
                return None
            return n
        # a description: commas may separate its parts; quotes only around titles that close before it
        # ends (as many opening as closing marks, none holding a sentence stop)
        if re.search(r"[()]", aside) or aside.count('"') % 2 or aside.count("“") != aside.count("”"):
            return None
        if re.search(r"[\"“][^\"“”]*[.!?][^\"“”]*[\"”]", aside):
            return None
        return n

    def _described_name(self, n: _Name, end: int) -> _Name:
        """The name a modifying name describes, in a subject after its verb: "said Clinton ally James
        Carville", "said Trump adviser Roger Stone", "said Clinton's top foreign policy aide Jake
        Sullivan" (a name, one to four lower-case words, the last a role when more than two, a name).

        Args:
            n: the first name of the subject; end: where the subject ends.
        Returns:
            The later name, or `n`.
        """
        t = self.doc.text
        m = _MODIFIED.match(t, n.end, min(end, n.end + 40))
        if m is None or any(
            w in _FUNCTION_WORDS
            or _PREP_OPEN.fullmatch(w)
            or (re.search(r"(?:ing|ed)$", w) and w not in _RANK_WORDS)
            for w in m.group(1).split()
        ):
            return n  # "Tom Carper of Delaware", "Oversight ranking Democrat": no noun between
        words = m.group(1).split()
        if (
            len(words) > 2
            and words[-1] not in _OWNED_SPEAKERS
            and words[-1].rstrip("s") not in _OWNED_SPEAKERS
        ):
            return n  # a longer run must end in a role: "Clinton's top foreign policy aide"
        later = self.doc.name_at(m.end(), end, last=False)
        return later if later is not None and _names_from(t, later, m.end()) else n

    def _become_name(self, subj: _Subj, n: _Name, after_verb: bool) -> bool:
        """Make `subj` the name run `n` when that name is itself a plausible speaker.

        Args:
            subj: the subject read so far, changed in place.
            n: a name run of the document.
            after_verb: the subject follows its verb.

        Returns:
            Whether `subj` became the name.
        """
        cand = _Subj("name", n.text, n.start, n.end)
        if not self._subject_ok(cand, after_verb):
            return False
        subj.kind, subj.text, subj.start, subj.end = cand.kind, cand.text, cand.start, cand.end
        return True

    def _subject_ok(self, subj: _Subj, after_verb: bool) -> bool:
        """Subject text is a plausible speaker; marks name runs as people on the way. A role or
        description with a name in apposition ("the agency's director, Helen Park,") becomes that name."""
        if subj.kind == "desc" and not self._desc_at_word(subj):
            return False
        if (sub := _OPENING_SUBORDINATOR.match(subj.text)) is not None and sub.end() < len(subj.text):
            # "While critics argue ...": the subordinator opening the sentence is no word of the source
            subj.text, subj.start = subj.text[sub.end() :], subj.start + sub.end()
        if subj.text.strip().lower() in DAYS:
            return False  # "Wednesday added one more ...", "Priebus later Thursday told": a day, no source
        if subj.text.strip().lower() in _BARE_DETERMINERS:
            return (
                False  # "The promise to ... appeals to whites, said Jo Roe": a determiner alone names nobody
            )
        if subj.kind in ("name", "desc") and (am := _HEADLINE_ADVERB.search(subj.text)) is not None:
            # a title-case headline: "Al Sharpton Just Said ...", "Trump Finally Says ...": the adverb
            # before the verb is no word of the name
            subj.text, subj.end = subj.text[: am.start()], subj.start + am.start()
        if subj.kind == "name" and self._possessor_apposition(subj, after_verb):
            return True
        if not after_verb and subj.kind == "name":
            owner = self._affiliation_owner(subj)
            if owner is not None:  # "Jo Roe of the House Ways and Means Committee said": Jo Roe
                subj.text, subj.start, subj.end = owner.text, owner.start, owner.end
        if not after_verb and subj.kind in ("name", "desc", "role"):
            head = self._apposition_head(subj)
            if head is not None:
                subj.kind, subj.text, subj.start, subj.end = "name", head.text, head.start, head.end
        if re.match(r"-[a-z]", self.doc.text[subj.end : subj.end + 2]):
            return False  # "Florida-based strategist Al Roe", "Obama-era officials": a modifier, no source
        if subj.kind == "desc" and not _desc_ok(subj.text):
            return False
        if subj.kind in ("name", "desc") and self._person_of_place(subj):
            return True
        if subj.kind in ("role", "desc"):
            m = _APPOS_NAME.match(self.doc.text, subj.end, subj.end + 80)
            n = self.doc.name_at(m.end(), m.end() + 80, last=False) if m else None
            if n is not None and m is not None and n.start == m.end():
                self._become_name(subj, n, after_verb)
            elif after_verb and subj.kind == "desc":
                self._modified_desc(subj)
            if not after_verb and subj.kind != "name":
                self._first_conjunct(subj)  # "Sanders and his supporters argue"
            return True
        if subj.kind != "name":
            if subj.kind == "group" and not after_verb:
                self._first_conjunct(subj)
            return True
        doc = self.doc
        parsed = _parse_run(doc.text, *self._run_bounds(subj))
        if parsed is None:
            return False
        n = doc.name_at(subj.start, subj.end, last=True)
        if n is None:
            return False
        if after_verb:
            n = self._described_name(n, doc.sentence_of(n.start)[1])
        if not after_verb and self._object_of_preposition(n.start, n.end):
            # "Aides to Clinton say": the source is the phrase the name ends, a description
            return self._phrase_ending(subj, n.end)
        if not n.evidence:
            known = any(o.evidence and _compatible(n.core, o.core) for o in doc.by_last.get(n.core[-1], []))
            if len(n.core) == 1 and not known and not doc.plausible_single(n):
                return False
            n.evidence = True
        subj.start, subj.end, subj.text = n.start, n.end, n.text
        if not after_verb:
            self._first_conjunct(subj)
        return True

    def _modified_desc(self, subj: _Subj) -> None:
        """A capitalised description after its verb that modifies the name after it, with one to four
        lower-case words between ("said Monmouth University political scientist Patrick Murray"): the
        organisation names where the person works, the person speaks. As `_described_name`, a run of
        more than two words must end in a role. Rewrites `subj` to that name (round 11b, train golds
        won/lost in bench/reports/attribution.md).

        Args:
            subj: a "desc" subject read after its verb.
        """
        t = self.doc.text
        if not subj.text[:1].isupper():
            return
        m = _MODIFIED.match(t, subj.end, subj.end + 60)  # bounded (four words): linear, no fit
        if m is None:
            return
        words = m.group(1).split()
        if any(
            w in _FUNCTION_WORDS
            or _PREP_OPEN.fullmatch(w)
            or (re.search(r"(?:ing|ed)$", w) and w not in _RANK_WORDS)
            for w in words
        ):
            return
        if (
            len(words) > 2
            and words[-1] not in _OWNED_SPEAKERS
            and words[-1].rstrip("s") not in _OWNED_SPEAKERS
        ):
            return
        n = self.doc.name_at(m.end(), m.end() + 80, last=False)
        if n is not None and _names_from(t, n, m.end()):
            self._become_name(subj, n, True)

    def _possessor_apposition(self, subj: _Subj, after_verb: bool) -> bool:
        """A name that owns a role with a name in apposition ("Ohio Rep. Ann Vale's chief of staff, Joe
        Karp, told"): the source is the appositive name, not the owner (round 9c, train golds won/lost
        in bench/reports/attribution.md). Moves `subj` onto that name when it is a plausible speaker.

        Args:
            subj: a "name" subject; after_verb: whether it stands after its verb.
        Returns:
            True when `subj` was moved.
        """
        t = self.doc.text
        m = _POSS_APPOS.match(t, subj.end, subj.end + 60)
        if m is None:
            pm = _POSS_NAME.match(t, subj.end, subj.end + 4) if after_verb else None
            n = self.doc.name_at(pm.end(), pm.end() + 80, last=False) if pm else None
            if n is None or pm is None or n.start != pm.end():
                return False
            # `," said Florida's Rick Wilson, a consultant`: the place or body owning the name is no source
            return self._become_name(subj, n, after_verb)
        n = self.doc.name_at(m.end(), m.end() + 80, last=False)
        if n is None or n.start != m.end():
            return False
        return self._become_name(subj, n, after_verb)

    def _object_of_preposition(self, start: int, end: int) -> bool:
        """The name at [start, end) is the object of a preposition ("Polls in Iowa show", "supporters
        like Roe say", "a spokesman for Sen. Roe said"), so not the subject of the verb after it; a
        relative clause after it ("met with Roe, who said") makes it a subject again.

        Args:
            start, end: the name's bounds in the text.
        Returns:
            True for such an object.
        """
        t = self.doc.text
        if _WHO_AFTER.match(t, end, end + 12):
            return False
        return _PREP_BEFORE.search(t, max(0, start - 60), start) is not None

    def _phrase_ending(self, subj: _Subj, end: int) -> bool:
        """Rewrite `subj` to the noun phrase that ends at `end` ("Aides to Clinton", "A spokeswoman for
        Jo Roe", "People in Fort Pierce"): from its clause's opening, at most 8 words. Such a source is
        an unnamed one (or an institution), never the person named inside it.

        Args:
            subj: the subject to rewrite; end: where the phrase ends.
        Returns:
            False (and `subj` unchanged) when no such phrase is there.
        """
        t = self.doc.text
        ss, _ = self.doc.sentence_of(end)
        lo = max(ss, end - 120)
        m = _PHRASE_OPEN.search(t, lo, end)
        start = m.end() if m is not None else lo
        if start == lo and lo > ss:
            return False
        phrase = t[start:end].strip()
        if not phrase or _first_words(phrase) > 8 or not _desc_ok(phrase):
            return False
        if _PREP_OPEN.match(phrase):  # "At a rally in Portsmouth, Sanders said": an adverbial, no source
            return False
        subj.kind, subj.text = "desc", phrase
        subj.start, subj.end = end - len(phrase), end
        return True

    def _desc_at_word(self, subj: _Subj) -> bool:
        """A described subject found from inside a word ("spokesm|an Sean Spicer on Thursday", "c|an
        barely", "Th|is initiative") starts at the next word instead; a name opening what is left
        ("Sean Spicer on Thursday evening", "Gorka similarly") makes it that name. Rewrites `subj`.
        On train, 43 sources started inside a word (bench/reports/attribution.md, round 5).

        Args:
            subj: a "desc" subject.
        Returns:
            False when nothing of it is left.
        """
        t = self.doc.text
        if subj.start == 0 or not (t[subj.start - 1].isalnum() and t[subj.start].isalnum()):
            return True
        m = re.compile(r"[\w'’.-]*\s+").match(t, subj.start, subj.end)
        if m is None or m.end() >= subj.end:
            return False
        subj.start, subj.text = m.end(), t[m.end() : subj.end]
        n = self.doc.name_at(subj.start, subj.end, last=False)
        if n is not None and n.start == subj.start:
            subj.kind, subj.text, subj.end = "name", n.text, n.end
        return True

    def _first_conjunct(self, subj: _Subj) -> None:
        """ "Ryan and Trump agreed", "Rep. Jo Roe, Sen. Al Poe and others said", "Sanders and his
        supporters argue": a subject of several conjuncts is credited to the first name, as news (and the
        annotation) leads with it. The first name must open its clause, the rest be a list. A bare given
        name sharing the last conjunct's surname ("David and Jeanne Heidler") leaves it. Rewrites `subj`.
        On train (bench/reports/attribution.md, round 5), titled and listed conjuncts and described last
        ones: speaker accuracy 0.8665 -> 0.8688 (21 golds right, 3 lost).

        Args:
            subj: the subject found before the verb.
        """
        t = self.doc.text
        m = _AND_BEFORE.search(t, max(0, subj.start - 40), subj.start)
        if m is None:
            return
        lo = max(self.doc.sentence_of(m.start())[0], m.start() - 160)
        for n in self._names_in(lo, m.start()):
            k = _TITLE_RUN.search(t, max(lo, n.start - 40), n.start)
            # the clause may open before any word of the title run ("given that former governor Jeb Bush")
            starts = [n.start] + (
                [k.start() + w.start() for w in re.finditer(r"\S+", k.group())] if k else []
            )
            if not any(
                _CLAUSE_OPEN.search(t, max(0, at - 40), at) for at in starts
            ) or not _LIST_TAIL.fullmatch(t, n.end, m.start()):
                continue
            if (
                len(n.core) == 1
                and (n.core[0] in GIVEN or not self.doc.surname_known(n.core[0]))
                and subj.kind == "name"
                and len(subj.text.split()) > 1
            ):
                return  # "Khizr and Ghazala Khan": one family name
            first = _Subj("name", n.text, n.start, n.end)
            if self._subject_ok(first, True):  # True: no second look for a conjunct before it
                # the later conjuncts' names are credited too ("Ted Cruz of Texas and Senator Rand
                # Paul of Kentucky said": both said it; round 15)
                later = [
                    (x.start, x.end)
                    for x in self._names_in(n.end, subj.end)
                    if _CONJUNCT_BEFORE.search(t, max(0, x.start - 60), x.start) and not self._in_org(x)
                ]
                subj.kind, subj.start, subj.end, subj.text = "name", first.start, first.end, first.text
                subj.others = later
            return

    def _in_org(self, n: _Name) -> bool:
        """The name `n` is part of an earlier name's affiliation ("Texas" of "Ted Cruz of Texas")."""
        t = self.doc.text
        return re.search(r"\b(?:of|at|from)\s+(?:the\s+)?\Z", t[max(0, n.start - 12) : n.start]) is not None

    def _names_in(self, start: int, end: int) -> list[_Name]:
        """The scanned names wholly inside [start, end), in text order."""
        lo = bisect.bisect_left(self.doc.name_starts, start)
        hi = bisect.bisect_left(self.doc.name_starts, end)
        return [n for n in self.doc.names[lo:hi] if n.end <= end]

    def _person_of_place(self, subj: _Subj) -> bool:
        """ "Stacy Baker of Columbia, South Carolina says": the subject is the person before "of", not
        the place after it. Rewrites `subj` to that person and returns True, else False."""
        t = self.doc.text
        inner = re.search(r"\s+of\s+", subj.text) if subj.kind == "desc" else None
        if inner:  # "Butterfield of North Carolina" read as one capitalised phrase
            of_at = subj.start + inner.start()
        else:  # "Stacy Baker of Columbia, South Carolina says": "of" and places before the subject
            lo = max(0, subj.start - 80)
            m = _OF_PLACES.search(t, lo, subj.start)
            if m is None:
                return False
            of_at = m.start()
        n = self.doc.name_at(max(0, of_at - 80), of_at, last=True)
        if n is None or n.end != of_at:
            return False
        if len(n.core) < 2 and not n.evidence:
            return False
        return self._become_name(subj, n, False)

    def _run_bounds(self, subj: _Subj) -> tuple[int, int]:
        runs = list(_RUN_RX.finditer(self.doc.text, subj.start, subj.end))
        return (runs[-1].start(), runs[-1].end()) if runs else (subj.start, subj.end)

    # -- reported speech

    def _who_clause(self, pre: str, p0: int) -> _Subj | None:
        """The name a relative "who" before a verb stands for: "Christian Pardo, who said ..."."""
        m = _WHO_CLAUSE.search(pre)
        if m is None:
            return None
        # the name may start words before its last one ("Labor Secretary Thomas Perez, who ...")
        n = self.doc.name_at(max(0, p0 + m.start(1) - 80), p0 + m.end(1), last=True)
        if n is None or n.end != p0 + m.end(1):
            return None
        subj = _Subj("name", n.text, n.start, n.end)
        return subj if self._subject_ok(subj, False) else None

    def resolve(self) -> None:
        doc = self.doc
        for f in self.found:  # named groups first, so that a later "they" can find them
            if f.subj is not None and f.subj.kind == "group":
                f.person = doc.group(f.subj.text)
                bisect.insort(doc.mentions, (f.subj.start, f.person))
        chained: list[_Found] = []
        for f in self.found:
            if f.subj is None or f.subj.kind == "group":
                continue
            if f.subj.kind in _CHAINED:
                chained.append(f)
                continue
            if DESC_VERB_CUT and f.subj.kind == "desc":
                f.subj = _cut_at_verb(f.subj)
            f.person = self._resolve_source(f)
            if f.person < 0 and f.subj.kind == "desc" and f.verb in _NOUN_CUES:
                f.person = self._noun_owner(f.subj)
            if f.person >= 0 and f.subj.kind == "name" and f.verb not in _BELIEFS:
                doc.speaking.add(f.subj.start)
            if SOURCE_MENTIONS and f.person >= 0:
                self._source_mention(f)
        self._resolve_chain(chained)
        for f in self.found:
            if not f.direct:
                self.reported_in.setdefault(self.doc.sentence_of(f.start)[0], []).append(f)
        self._resolve_unattributed()

    def _source_mention(self, f: _Found) -> None:
        """Make a resolved source a mention of its person where it stands, when no mention is there:
        "Day said ... She added" (the bare surname resolved to Kristen Day, named only after a verb the
        name scan missed), "the senator said ... He added". Without it the chain's next "he"/"she" skips
        the source for a person named earlier.

        Args:
            f: a finding whose source is resolved (f.person >= 0), not a pronoun.
        """
        doc, subj = self.doc, f.subj
        if subj is None or doc.persons[f.person].group or doc.inside_quote(subj.start):
            return
        i = bisect.bisect_left(doc.mentions, (subj.start, -10))
        j = bisect.bisect_left(doc.mentions, (subj.end, -10))
        if i < j:
            return  # a name mention inside the source already stands for someone
        if any(w == f.person for _at, w in doc.mentions[i:]) and not any(
            w == f.person for _at, w in doc.mentions[:i]
        ):
            # named only further on ("the candidate" bound to a Jeb Bush first named paragraphs later):
            # a description refers back, so this binding is a guess the chain should not spread
            return
        doc.mentions.insert(i, (subj.start, f.person))
        if f.verb not in _BELIEFS:
            doc.speaking.add(subj.start)

    def _resolve_chain(self, chained: list[_Found]) -> None:
        """Resolve pronoun sources in text order, each resolved "he"/"she" becoming a mention of its
        person at its place, so that the next pronoun follows the chain ("Trump ... he said Ryan.
        "...," he said" is Trump's). A "He"/"She" opening a sentence joins the chain too, with no
        attribution of its own. Measured on train (bench/reports/attribution.md): coref speaker
        accuracy 0.7313 -> 0.7459 (attribution subjects), -> 0.7598 (sentence openers too).

        Args:
            chained: the findings whose source is a pronoun.
        """
        doc = self.doc
        events: list[tuple[int, int, str]] = [
            (f.subj.start, i, "") for i, f in enumerate(chained) if f.subj is not None
        ]
        events += [(at, -1, word) for at, word in self._subject_pronouns()]
        for at, i, word in sorted(events):
            if i >= 0:
                f = chained[i]
                assert f.subj is not None
                f.person = who = self._resolve_source(f)
            else:
                who = doc.recent_subject(at, "m" if word == "he" else "f")
            if who >= 0 and at not in doc.chain_at and not doc.persons[who].group:
                doc.chain_at.add(at)
                bisect.insort(doc.mentions, (at, who))

    def _subject_pronouns(self) -> list[tuple[int, str]]:
        """Every "He"/"She" opening a sentence outside quotations: (position, "he" | "she")."""
        t, out = self.doc.text, []
        for ss, se in self.doc.sents:
            m = _opening_pronoun(t, ss, se)
            if m is not None and not self.doc.inside_quote(m.start(1)):
                out.append((m.start(1), m.group(1).lower()))
        return out

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
                signer = self._signed(sp)
                if signer >= 0:
                    f.person = signer
                elif sp.chain in by_chain and not sp.single:
                    f.person, f.verb = by_chain[sp.chain].person, by_chain[sp.chain].verb
                elif (
                    (words >= 4 or re.search(r"[.!?]\W*$", doc.text[sp.start : sp.end]))
                    and primary
                    and last_direct is not None
                    and last_direct.span is not None
                    and self._standalone(sp)
                    and last_direct.span.para in (sp.para, sp.para - 1)
                    and last_direct.start >= self._headed_at(sp.start)
                    and not self._other_named_since(last_direct, sp.start)
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

    def _signed(self, sp: _Span) -> int:
        """The person a signature line names right after a quotation that ends its paragraph: the next
        paragraph is only a dash and a name ("- Bernie Sanders.", "— Clinton, in a statement"), as
        fact-check pieces sign each quotation they check.

        Args:
            sp: the quotation's span.
        Returns:
            The signer's index, or -1.
        """
        doc, t = self.doc, self.doc.text
        if not sp.closed or sp.para + 1 >= len(doc.paras):
            return -1
        _ps, pe = doc.paras[sp.para]
        if re.search(r"\w", t[sp.end : pe]):
            return -1
        ns, ne = doc.paras[sp.para + 1]
        m = _SIGNATURE.match(t, ns, min(ne, ns + 120))
        if m is None or m.end() < ne and re.search(r"\w", t[m.end() : ne]):
            return -1
        n = doc.name_at(m.start(1), m.end(1), last=False)
        if n is None or n.start != m.start(1) or n.person < 0 or doc.persons[n.person].group:
            return -1
        return n.person

    @functools.cached_property
    def _heading_lines(self) -> tuple[list[int], set[int]]:
        """Every line's start, and the starts of the lines that open with a heading in capitals
        (`_HEADING`), found once per document (one pass: linear).

        Returns:
            (sorted line starts, the heading lines' starts).
        """
        t = self.doc.text
        starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*", t)]
        heads = set()
        for i, ls in enumerate(starts):
            le = starts[i + 1] if i + 1 < len(starts) else len(t)
            m = _HEADING.match(t, ls, min(le, ls + HEADING_CHARS))
            if m is not None and len(re.findall(r"[A-Z]{2,}", m.group())) >= 2:
                heads.add(ls)
        return starts, heads

    def _headed_at(self, pos: int) -> int:
        """Where the item holding `pos` starts when its line opens with a heading in capitals, as a
        newsletter's items do ("ROLL TIDE Alabama beat ...", "HOW CHINA'S DECLINE AFFECTS THE WORLD
        "...""): nobody named before it speaks in it (round 12b, bench/speaker_labels.py); else -1.

        Args:
            pos: a position in the text (a quotation's start).
        Returns:
            The heading line's start, or -1.
        """
        starts, heads = self._heading_lines
        ls = starts[bisect.bisect_right(starts, pos) - 1]
        return ls if ls in heads else -1

    def _other_named_since(self, last: _Found, pos: int) -> bool:
        """Others than the last quotation's speaker, and not that speaker, are named outside quotes
        between its attribution's sentence and `pos` ("...," Sanders said. Clinton touted her record.
        "<quotation>"): the quotation no longer continues that speaker.

        Args:
            last: the last attributed quotation; pos: where the next quotation starts.
        Returns:
            True when another person is named in between.
        """
        doc = self.doc
        since = max(last.end, last.subj.end if last.subj is not None else last.end)
        since = doc.sentence_of(since)[1]  # the attribution's own sentence names others ("a Roe friend")
        lo = bisect.bisect_left(doc.mentions, (since, -10))
        hi = bisect.bisect_left(doc.mentions, (pos, -10))
        near = [(at, w) for at, w in doc.mentions[lo : min(hi, lo + 12)] if not doc.persons[w].group]
        between = [w for _at, w in near]
        if bool(between) and last.person not in between:
            return True
        # another person opening a sentence as its subject ("Quintanilla seemed taken aback and
        # mentioned that Carson's picture ...") hands the turn over even when the last speaker is named
        return any(w != last.person and self._opens_as_subject(at) for at, w in near)

    def _opens_as_subject(self, at: int) -> bool:
        """The name mentioned at `at` opens its sentence and is that sentence's subject (a finite verb
        follows it), not a possessive ("Carson's picture").

        Args:
            at: where the mention is.
        Returns:
            True for such a sentence subject.
        """
        ss, _se = self.doc.sentence_of(at)
        if re.search(r"\w", self.doc.text[ss:at]) or self._possessive_at(at):
            return False
        return self._acts_at(at) or self._speaks_at(at)

    def _named_in(self, subj: _Subj) -> int:
        """A described source that ends in a name in apposition ("his friend Mahamat Oumar") or after
        "by"/"from" ("a count by The Associated Press", "a post from Arianna Huffington"): that person
        or institution. A name after another preposition stays unnamed ("Aides to Clinton").

        Args:
            subj: a "desc" or "anon" source.
        Returns:
            The person's (or institution's) index, or -1.
        """
        doc, t = self.doc, self.doc.text
        end = subj.start + len(subj.text.rstrip(" ,.;:)"))
        n = doc.name_at(subj.start, end, last=True)
        if n is not None and n.end == end and n.person >= 0 and n.start > subj.start:
            pre = t[max(subj.start, n.start - 30) : n.start]
            if _PREP_BEFORE.search(pre) is None or re.search(r"\b(?:by|from)\s+\Z", pre):
                return n.person
            return -1
        m = _BY_INSTITUTION.search(t, subj.start, end)
        if m is not None and m.end() == end:
            return self._institution(_Subj("desc", m.group(1), m.start(1), m.end(1)))
        return -1

    def _possessor(self, subj: _Subj) -> int:
        """A described source ending in a name's possessive and at most three lower-case words that
        name no person or body ("Podliska's most explosive" claim, "Donald Trump's by-now-familiar"
        claims): that person. "Trump's spokeswoman" or "Clinton's lawyers" stay unnamed.

        Args:
            subj: a "desc" source.
        Returns:
            The person's index, or -1.
        """
        t = self.doc.text
        end = subj.start + len(subj.text.rstrip(" ,.;:)"))
        pm = re.fullmatch(r"([Hh]is|[Hh]er)((?:\s+[a-z][\w-]*){0,3})", subj.text.rstrip(" ,.;:)"))
        if pm is not None:  # "his by-now-familiar" claims: the person "he" means
            owned = pm.group(2).split()
            if any(w in _OWNED_SPEAKERS or w.rstrip("s") in _OWNED_SPEAKERS for w in owned):
                return -1
            return self.doc.recent_subject(subj.start, "m" if pm.group(1).lower() == "his" else "f")
        m = _POSSESSOR.search(t, max(subj.start, end - 120), end)
        if m is None or m.start() < subj.start:
            return -1
        owned = m.group(2).split()
        if any(w in _OWNED_SPEAKERS or w.rstrip("s") in _OWNED_SPEAKERS for w in owned):
            return -1
        n = self.doc.name_at(m.start(1), m.end(1), last=True)
        if n is None or n.end != m.end(1) or n.person < 0 or self.doc.persons[n.person].group:
            return -1
        return n.person

    def _institution_again(self, subj: _Subj) -> int:
        """The institution a definite description names again: "the board" after "the Illinois Board
        of Elections", "the budget office" after "the Congressional Budget Office", "the court" after
        "the Supreme Court": the nearest capitalised name before it (within INSTITUTION_LOOKBACK
        characters) holding the description's words capitalised.

        Args:
            subj: a "desc" source.
        Returns:
            The institution's index, or -1.
        """
        m = re.fullmatch(
            r"[Tt]he\s+([a-z]+(?:\s+[a-z]+)?)(?:\s+(?:now|also|still|then|again|itself))?", subj.text.strip()
        )
        if m is None or m.group(1).split()[-1] in _OWNED_SPEAKERS - _BODIES:
            return -1
        words = r"\s+".join(w.capitalize() for w in m.group(1).split())
        rx = re.compile(
            rf"(?:{U}[\w.&'’-]*\s+){{0,3}}{words}(?:\s+of\s+(?:the\s+)?{U}[\w'’-]*(?:\s+{U}[\w'’-]*){{0,2}})?\b"
        )
        t = self.doc.text
        lo = max(0, subj.start - INSTITUTION_LOOKBACK)
        last = None
        for hit in rx.finditer(t, lo, subj.start):
            last = hit
        if last is None:
            return -1
        name = re.sub(r"^(?:The|A|An|In|At|By|For|From|On)\s+", "", last.group())
        return self.doc.group(name) if name else -1

    def _org_tail(self, subj: _Subj) -> str:
        """A named source that is the tail of an institution's name split by a lower-case "of", "for",
        "on" or "and" ("The Organisation for Economic Co-operation and Development", "the Department of
        Health and Human Services"): one word, or words the text also writes in lower case. The tail
        was a person ("Development"; round 12b, bench/reports/attribution.md).

        Args:
            subj: a "name" source.
        Returns:
            The institution's whole name, or "".
        """
        t = self.doc.text
        if not _CONNECTOR_BEFORE.search(t, max(0, subj.start - 12), subj.start):
            return ""  # the cheap test first: most names follow no "of", "for", "on" or "and"
        m = _ORG_TAIL.search(t, max(0, subj.start - ORG_TAIL_CHARS), subj.start)
        if m is None:
            return ""
        words = subj.text.split()
        lower = self.doc._lower_words
        if len(words) > 1 and not all(w.lower() in lower or w.lower() in _BODIES for w in words):
            return ""
        return _squash(t[m.start() : subj.end])

    def _institution(self, subj: _Subj) -> int:
        """A source described, not named: an institution when its words are capitalised ("the Kremlin",
        "The New York Times", "the Clinton campaign"), else nobody (speaker null, wording kept)."""
        m = _INSTITUTION.match(subj.text)
        if not m or m.group(1).split()[0].lower() in _NOT_INSTITUTION:
            return -1
        words = m.group(1).split()
        w0 = words[0].lower()
        if (
            len(words) == 1
            and w0 in FUNCTION_WORDS
            and not (w0 == "the" and m.group(2))  # "The government said": the body, as before
            and w0 not in self.doc.mid_sentence_caps()
        ):
            # "Having announced that ...", "Several said", "His campaign said": a function word
            # capitalised only where it opens a sentence (Al From keeps "From"), no institution
            return -1
        if len(words) >= 2 and words[0].lower() in STOP and words[0] != "New":
            return -1  # "On Wednesday", "Earlier Tuesday": an opening phrase, no institution
        if subj.text.split()[-1].lower() in BARE_SOURCES:  # "Officials", "Senate Democrats": unnamed
            return -1
        name = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        return self.doc.group(name)

    def _group_member(self, text: str) -> bool:
        """Whether a source is "the" and one capitalised word whose plural the text also writes: "the
        Republican" beside "Republicans", "the Texan" beside "Texans" (a member of a group, not an
        institution; "the Kremlin" and "the Vatican" have no plural).

        Args:
            text: the source as written.
        Returns:
            True for such a source.
        """
        m = _THE_ONE_WORD.fullmatch(text)
        if m is None:
            return False
        return re.search(rf"(?<![\w'’-]){re.escape(m.group(1))}s(?![\w'’-])", self.doc.text) is not None

    def _noun_owner(self, subj: _Subj) -> int:
        """Whose claim, note or promise a described "subject" before that noun is ("Mrs. Clinton
        delivered a forceful promise", "Pence sounded a positive note about", "his now-familiar campaign
        promise"): the person opening the sentence before it (not a possessive), else the person a
        "his"/"her" in it means (round 11b, train golds won/lost in bench/reports/attribution.md).

        Args:
            subj: the "desc" read before a noun of speech taken as the cue.
        Returns:
            The person's index, or -1.
        """
        doc = self.doc
        if not _NOUN_READ.fullmatch(subj.text.strip()) or any(
            w.lower() in _OWNED_SPEAKERS for w in subj.text.split()[1:]
        ):
            return -1
        ss, _se = doc.sentence_of(subj.start)
        lo = bisect.bisect_left(doc.mentions, (ss, -10))
        hi = bisect.bisect_left(doc.mentions, (subj.start, -10))
        for at, w in doc.mentions[lo : min(hi, lo + 8)]:  # the sentence's opening names: bounded, no fit
            if not doc.persons[w].group and not self._possessive_at(at) and not doc.inside_quote(at):
                return w
        pm = re.search(r"\b([Hh]is|[Hh]er)\b", subj.text)
        if pm is not None:
            return doc.recent_subject(subj.start, "m" if pm.group(1).lower() == "his" else "f")
        return -1

    def _modified_institution(self, subj: _Subj) -> int:
        """A described source whose lower-case modifiers come before an institution's capitalised name,
        then at most one noun that is no person ("the nationalist Global Times tabloid", "a desperate
        HP", "The fiscally conservative Club for Growth Action", "The 6th Circuit Court of Appeals"):
        that institution (round 11b, train golds won/lost in bench/reports/attribution.md). A noun of
        persons after the name ("a Republican strategist") or a person's name leaves it unnamed.

        Args:
            subj: a "desc" source.
        Returns:
            The institution's index, or -1.
        """
        m = _MODIFIED_BODY.fullmatch(subj.text.strip())
        if m is None:
            return -1
        mods, noun = (m.group("mods") or "").split(), (m.group("noun") or "").lower()
        if not mods:
            return -1  # "the Kremlin", "The New York Times": `_institution` reads them
        if any(w.lower() in _FUNCTION_WORDS or _PREP_OPEN.fullmatch(w) for w in mods):
            return -1  # "a top adviser for President Obama": the person's aide, unnamed
        if noun and (noun in _PERSON_NOUNS or noun.rstrip("s") in _PERSON_NOUNS):
            return -1
        start = subj.start + subj.text.index(m.group("body"))
        end = start + len(m.group("body"))
        n = self.doc.name_at(start, end, last=True)
        if (
            n is not None
            and n.start == start
            and n.end == end
            and n.person >= 0
            and not self.doc.persons[n.person].group
        ):
            return -1  # a person's name ("the embattled Jo Roe"): read by the persons' rules
        return self._institution(_Subj("desc", m.group("body"), start, end))

    def _interviewee(self, pos: int) -> int:
        """Who answers a transcript's "A:" at `pos`: the person named most often (outside quotations)
        before the transcript's first answer, the first named on a tie ("Here is the edited transcript
        of the interview" after an introduction of the vice president); -1 when nobody is named.

        Args:
            pos: where this answer's label is.
        Returns:
            The person's index, or -1.
        """
        doc = self.doc
        if doc.interviewee is None:
            hi = bisect.bisect_left(doc.mentions, (pos, -10))
            count: dict[int, int] = {}
            for _at, w in doc.mentions[:hi]:
                if not doc.persons[w].group:
                    count[w] = count.get(w, 0) + 1
            doc.interviewee = max(count, key=lambda w: count[w]) if count else -1  # first on a tie
        return doc.interviewee

    def _clause_subject(self, ss: int, pos: int) -> _Subj | None:
        """The subject opening the sentence that starts at `ss`: a pronoun or the first name before `pos`."""
        t = self.doc.text
        head = t[ss : min(pos, ss + 60)]
        pm = re.match(
            r"^\W*(?:(?:Then|But|And|Later|Now|Still|So|Yet|Also|Instead|Meanwhile|Again),?\s+)?([Hh]e|[Ss]he|[Tt]hey)\b",
            head,
        )
        # A speaker never comes from inside a quotation: `"She's going to win," said ..., referring to
        # ...` is not "she"'s (round 13, attr11)
        if pm and not self.doc.inside_quote(ss + pm.start(1)):
            return _Subj("pron", pm.group(1), ss + pm.start(1), ss + pm.end(1))
        n = self.doc.name_at(ss, min(pos, ss + 120), last=False)
        if n is None or self.doc.inside_quote(n.start):
            return None
        subj = _Subj("name", n.text, n.start, n.end)
        return subj if self._subject_ok(subj, False) else None

    def _after_opening_phrase(self, ss: int, pos: int, subj: _Subj | None) -> _Subj | None:
        """A participle's subject read past the sentence's opening phrase when the name found sits inside
        it ("In his first YouTube videos, Roe wears a suit, pointing to ...": Roe, not YouTube; "On the
        Democratic side, Mrs. Roe has derided it, suggesting ..."): the pronoun or name opening the
        clause after the phrase (its titles before it), no possessive ("In October, Roe's state
        director, ...": not Roe); when no name or pronoun opens it ("In May, his mother refused to
        teach him Japanese, insisting ...") the subject found is kept, as the words are. Only
        participles: a second verb's subject ("In Concord, he ... and showed") is left as it was, which
        kept reported precision on train (bench/reports/attribution_round28a.md).

        Args:
            ss: the sentence's start; pos: where the participle stands; subj: the subject found so far.
        Returns:
            The subject after the opening phrase, or `subj` when it is not inside one.
        """
        if not OPENING_PHRASE_SKIP or subj is None or subj.kind == "pron":
            return subj
        t = self.doc.text
        om = _PHRASE_OPENER.match(t, ss, pos)
        if om is None or subj.start >= om.end():
            return subj
        cs = om.end()
        after = self._clause_subject(cs, pos)
        if after is None or after.kind == "pron":
            return after or subj
        if not re.fullmatch(r"(?:[A-Z][\w.'’-]*\s+){0,3}", t[cs : after.start]) or re.match(
            r"['’]", t[after.end : after.end + 1]
        ):
            return subj  # no name opens the clause: the words keep the subject they had (and their recall)
        return after

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
                w
                for at, w in doc.mentions[near:mid]
                if not doc.persons[w].group
                and at not in doc.chain_at
                and (self._speaks_at(at) or self._saying_at(at))
            ]
            if speaking:  # `Sanders said he had not "heard her say ..."`: the one with the verb
                f.person = speaking[-1]
                continue
            body = self._institution_speaking(ss, f.start)
            if body >= 0:  # `In May the State Department told CREW that "..."`: the body speaking
                f.person = body
                continue
            colon = self._named_before_colon(f.start, near, mid)
            if (
                colon >= 0
            ):  # `... surprise Republican pollster Daron Shaw: "..."`: the name the colon hands over from
                f.person = colon
                continue
            owners = [
                w
                for at, w in doc.mentions[lo:mid]
                if not doc.persons[w].group and at not in doc.chain_at and self._owns_words_at(at)
            ]
            if owners:  # `Comey's conclusion that her actions were "extremely careless"`: whose words
                f.person = owners[-1]
                continue
            after = bisect.bisect_left(doc.mentions, (f.end, -10))
            closing = [
                w
                for at, w in doc.mentions[after : after + 4]
                if at < se and not doc.persons[w].group and self._closes_sentence(at, se)
            ]
            if closing:  # `McCain "were stiff" in comparison, Gingrich said.`: the sentence's attribution
                f.person = closing[0]
                continue
            acting = [
                w
                for at, w in doc.mentions[near:mid]
                if not doc.persons[w].group and at not in doc.chain_at and self._acts_at(at)
            ]
            if acting:  # `Clinton has increasingly decried "systemic racism"`: the clause's subject
                f.person = acting[-1]
                continue
            first = next(
                (
                    w
                    for at, w in doc.mentions[lo : lo + 8]
                    if at < se and not doc.persons[w].group and not self._possessive_at(at)
                ),
                -1,
            )
            if first >= 0:
                f.person = first
                continue
            body = self._institution_acting(ss, f.start) if INSTITUTION_ACTS else -1
            # `On its website, the FBI lists "..."`: its own sentence's subject, before a remote guess
            if body >= 0:
                f.person = body
                continue
            if f.span is not None and self._headed_at(f.start) < 0:
                # A quotation continues the speaker of the sentences before it, standing alone or
                # not ("When he returned he began by saying, "...""). Inside a sentence the guess is
                # remote: a short one that reads as a title or scare quote is still not reported
                # (speakers._unnamed_ok). Train: speaker 0.8855 -> 0.8863, 6 won, 0 lost (round 7b).
                f.person = doc.recent_subject(f.start, "", sentences=LOOKBACK) if LOOKBACK else -1
                f.remote = not self._standalone(f.span)

    def _closes_sentence(self, at: int, se: int) -> bool:
        """The name mentioned at `at` is the source of an attribution closing its sentence: ", Roe
        said." (a comma before it, a speech verb after it, then at most a few words to the end).

        Args:
            at: where the mention is; se: its sentence's end.
        Returns:
            True for such a closing attribution.
        """
        t = self.doc.text
        if not re.search(r",\s*\Z", t[max(0, at - 3) : at]):
            return False
        n = self.doc.name_at(at, at + 200, last=False)
        if n is None:
            return False
        m = _SPEAKS.match(t, n.end, n.end + 60)
        return (
            m is not None
            and _first_words(t[m.end() : min(se, m.end() + 80)]) <= CLOSING_WORDS
            and m.end() + 80 >= se
        )

    def _acts_at(self, at: int) -> bool:
        """The name mentioned at `at` is followed by a finite verb ("Gowdy referenced", "Clinton has
        increasingly decried", "Beck on Wednesday called"): the subject of its clause.

        Args:
            at: where the mention is.
        Returns:
            True for such a subject.
        """
        return self._name_followed_by(at, _ACTS, 130)

    def _institution_speaking(
        self,
        ss: int,
        start: int,
        pattern: _lazy = _BODY_SPEAKS,
        keep: Callable[[re.Match[str]], bool] | None = None,
    ) -> int:
        """An institution named as the subject of a speech verb in the quotation's sentence before it
        ("In May the State Department told CREW that "..."", "NBC News will accuse you of ..."): that
        institution, when no person of the sentence was found to speak (guess_speakers asks first).

        Args:
            ss: the sentence's start; start: where the quotation's words start.
            pattern: the subject and its verb (`_BODY_SPEAKS`, or `_BODY_ACTS` for any finite verb).
            keep: a further test of each match (`_institution_acting`'s), or None.
        Returns:
            The institution's index, or -1.
        """
        doc, t = self.doc, self.doc.text
        lo = max(ss, start - 200)  # bounded: linear in long sentences
        last = -1
        for m in pattern.finditer(t, lo, start):
            if doc.inside_quote(m.start(1)) or (keep is not None and not keep(m)):
                continue
            n = doc.name_at(m.start(1), m.end(1), last=True)
            if n is not None and n.person >= 0 and not doc.persons[n.person].group:
                continue  # a person's name: read by the persons' rules
            who = self._institution(_Subj("desc", m.group(1), m.start(1), m.end(1)))
            if who >= 0:
                last = who
        return last

    def _institution_acting(self, ss: int, start: int) -> int:
        """An institution opening a clause of the quotation's sentence before it as the subject of any
        finite verb ("On its website, the FBI lists "..."", "But as The Hill pointed out, "...""): the
        sentence's own source, read before the subject of an earlier sentence (guess_speakers).

        Args:
            ss: the sentence's start; start: where the quotation's words start.
        Returns:
            The institution's index, or -1.
        """
        t = self.doc.text

        def opens_clause(m: re.Match[str]) -> bool:
            name = m.group(1)
            if re.search(r"['’]", name):
                return False  # "That's", "They're": no institution
            if " " not in name and not name.isupper() and m.start(1) == m.start():
                return False  # one capitalised word with no "the" ("Muslim", "American"): an adjective
            # "a super PAC called": not the subject of a clause
            return _OPENS_CLAUSE.search(t[max(ss, m.start() - 40) : m.start()]) is not None

        return self._institution_speaking(ss, start, _BODY_ACTS, keep=opens_clause)

    def _named_before_colon(self, start: int, lo: int, hi: int) -> int:
        """The person whose name ends right before a colon that opens the quotation at `start`
        ("... pollster Daron Shaw: "..."", "- Philip Bump: "...""): a label handing over to the words.

        Args:
            start: where the quotation's words start; lo, hi: the range of `doc.mentions` to look in.
        Returns:
            The person's index, or -1.
        """
        doc, t = self.doc, self.doc.text
        if not re.search(r":\s*[\"“'‘]\Z", t[max(0, start - 5) : start]):
            return -1
        for at, w in reversed(doc.mentions[lo:hi]):
            n = doc.name_at(at, at + 200, last=False)
            if n is None or doc.persons[w].group or at in doc.chain_at:
                continue
            if not re.fullmatch(r"\s*:\s*[\"“'‘]", t[n.end : start]):
                return -1
            if self._object_of_preposition(n.start, n.end) or re.search(
                r"\band\s+\Z", t[n.start - 6 : n.start]
            ):
                return -1  # "a blunt message to Trump:", "Blumenthal and Cohen:" (the first, by another rule)
            return w
        return -1

    def _owns_words_at(self, at: int) -> bool:
        """The name mentioned at `at` owns words the sentence gives: a possessive before a noun of speech
        and "that", "was", a colon or the quotation ("Comey's conclusion that", "Clinton's response
        was:", "Trump's accusation that").

        Args:
            at: where the mention is.
        Returns:
            True for such an owner.
        """
        return self._name_followed_by(at, _OWNS_WORDS, 40)

    def _saying_at(self, at: int) -> bool:
        """The name mentioned at `at` is followed by a speech verb's participle ("McCain calling it")."""
        # 20 characters: the longest participle of _SAYING and its space (a bound, no fit)
        return self._name_followed_by(at, _SAYING, 20)

    def _possessive_at(self, at: int) -> bool:
        """The name mentioned at `at` is a possessive ("Christie's campaign"): its owner, not a speaker."""
        n = self.doc.name_at(at, at + 200, last=False)
        return n is not None and re.match(r"['’]s?\b", self.doc.text[n.end : n.end + 3]) is not None

    def _speaks_at(self, at: int) -> bool:
        """The name mentioned at `at` is followed by a speech verb ("Sanders said", "Sanders has argued")."""
        return self._name_followed_by(at, _SPEAKS, 60)

    def _name_followed_by(self, at: int, pattern: _lazy, reach: int) -> bool:
        """The name mentioned at `at` is followed, within `reach` characters of its end, by `pattern`.

        Args:
            at: where the mention is; pattern: matched right after the name; reach: the bound of that
                match (keeps every caller's search linear).
        Returns:
            True when the name is read there and the pattern matches after it.
        """
        n = self.doc.name_at(at, at + 200, last=False)
        return n is not None and pattern.match(self.doc.text, n.end, n.end + reach) is not None

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

    def _resolve_source(self, f: _Found) -> int:
        """The person a finding's source means. Reported words that come before their source ("The
        Common Core was rolled out badly, he said", "He's leaning toward Kasich, he said"), and the
        lead-in of a quotation's sentence ("Backing Romney is a "false choice," she said"), name no
        antecedent of it, as a quotation never names its own speaker, unless the person is the words'
        opening subject ("Grayson has introduced the bill and would continue, he said": news paraphrase).

        Args:
            f: a finding with a subject (not a named group's).
        Returns:
            The person's index, or -1.
        """
        assert f.subj is not None
        who = self._who(f.subj, f.start if f.direct else f.subj.start)
        if who < 0 or f.start >= f.subj.start:
            return who
        doc = self.doc
        # the words before the source: a report's own; a quotation's, and the lead-in its sentence opens
        # with ("Backing Romney is a "false choice," he said")
        lo = doc.sentence_of(f.start)[0] if f.direct else f.start
        hi = f.start if f.direct else f.subj.start
        a = bisect.bisect_left(doc.mentions, (lo, -10))
        b = bisect.bisect_left(doc.mentions, (hi, -10))
        inside = [at for at, w in doc.mentions[a:b] if w == who]
        if not inside:
            return who  # named before the words: the words did not supply it
        at = inside[0]
        if at not in doc.oblique and _opens_words(doc.text, lo, at):
            return who
        vm = _OWN_VERB.search(doc.text, at, min(hi, at + OWN_VERB_CHARS))
        others = [w for m, w in doc.mentions[a:b] if at < m < vm.start() and w != who] if vm else []
        if vm is not None and all(
            doc.persons[w].group or doc.persons[w].gender in ("n", "p") for w in others
        ):
            # the words attribute themselves ("as Archbishop Roe told the AP, "..." He added", "Cruz
            # spokesman Rick Tyler said that ..., he said"): the person speaking there is the antecedent
            return who
        return self._who(f.subj, lo)

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
        if subj.kind == "name":
            body = self._org_tail(subj)
            if body:  # "The Organisation for Economic Co-operation and Development said": the OECD
                return doc.group(body)
        if subj.kind == "quant":  # "most of them", "72 percent of voters": nobody in particular
            return -1
        if subj.kind == "desc":
            word = subj.text.strip()
            if " " not in word and doc.noun_modifier([word], subj.start, subj.start + len(word)):
                return -1  # "Opinion polls see": the word modifies the plural noun after it
            if self._group_member(subj.text.strip()):
                # "the Republican said", "the Texan said": one member of a group the text names in the
                # plural ("Republicans", "Texans"), a description of someone, like "the senator"
                return doc.recent_subject(min(pos, subj.start), "", sentences=ROLE_LOOKBACK)
            who = doc.bare_surname(subj.text.strip(), subj.start, pos)
            if who < 0:
                who = self._named_in(subj)
            if who < 0:
                who = self._possessor(subj)
            if who < 0:
                who = self._institution_again(subj)
            if who < 0:
                who = self._institution(subj)
            return who if who >= 0 else self._modified_institution(subj)
        if subj.kind == "anon":
            if subj.text == "A":  # a transcript's answer: the person interviewed
                return self._interviewee(subj.start)
            who = self._named_in(subj)
            if who < 0 and len(subj.text) > 1 and subj.text.lower() != "asked":
                who = self._institution(subj)  # "according to the AP", "according to Factcheck.org"
            return who
        if subj.kind == "role":
            role = _squash(re.sub(r"^[Tt]he\s+", "", subj.text)).lower()
            heads = doc.role_heads  # each role's head noun worked out once: 3% of attributing 1 MB of news
            for r in (r for p in doc.persons for r in p.roles if r not in heads):
                heads[r] = _role_head(r)
            cands = [
                i
                for i, p in enumerate(doc.persons)
                if not p.group and any(r.lower() == role or heads[r] == role for r in p.roles)
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


def _cut_at_verb(subj: _Subj) -> _Subj:
    """A described source without the clause it runs on into (`DESC_VERB_CUT`).

    Args:
        subj: a "desc" source.
    Returns:
        The source up to the word before its past-tense verb ("The Post intervened in April" -> "The
        Post"), or `subj` unchanged when no such verb follows a noun phrase of two words or more.
    """
    m = _DESC_VERB.match(subj.text)
    if m is None:
        return subj
    head = m.group("head")
    last = head.split()[-1].lower()
    if len(head.split()) < 2 or last in _DESC_HEAD_END or last.endswith("ly"):
        return subj
    return _Subj("desc", head, subj.start, subj.start + len(head), subj.others)
