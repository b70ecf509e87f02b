"""Speakers asked by what they are rather than by name: "Uefa's spokesman", "the tattoo artist".

A question may name its speaker by a description the article gives them ("tattoo artist Zashay
Tastas", "Serge Troeber, deputy head of Swiss Re's natural disasters department") or by the wording
of an unnamed source ("a Uefa spokesman"). The question's subject ("What did <subject> say ...") is
matched against each quoted source's descriptions: its aliases, its source wordings, and the words
the article writes next to its name (a title before it, an apposition after it). A possessor names
someone else: "Snyder's spokesman" is not Snyder, so the possessor is never the answer.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from index.chunk import sentences
from index.docstore import QuoteRow
from index.model import Speaker
from qa import party_state
from qa import question as question_words
from qa.offices import GENERIC_HEADS, OFFICES, generic_head
from qa.view_frame import view_frame

Terms = Callable[[str], list[str]]

# "What did <subject> say/want/think ...", "How did <subject> respond ...", "... according to <subject>".
_AUX = r"(?:did|does|do|has|have|had|is|was|were|are|will|would|could|can|might)"
_VERBS = (
    r"(?:say|said|says|think|thought|believe|claim|want|call|urge|argue|warn|tell|told|insist|mean|"
    r"suggest|propose|demand|ask|promise|pledge|admit|deny|feel|make|stress|announce|predict|"
    r"respond|react|reply|comment|describe|accuse|critici[sz]e|praise|defend|explain|blame|vow|"
    r"recommend|expect|hope|fear|offer|advise|state|note|add|characteri[sz]e|justify|answer|"
    r"view|see|sum|put|portray|frame|recall|reveal|confirm|concede|acknowledge|estimate|know|stand|draw|"
    r"rate|assess|judge|label|dub|term|brand|evaluate)"
)


def speech_question(wh: str, aux: str, verbs: str) -> re.Pattern[str]:
    """The pattern of a question about someone's words: "<wh> <aux> <subject> <verb>".

    The one parser of a question's speaker slot: subject_of reads it with every verb of speech and
    thought; qa.abstain.asked_speaker with the plain verbs of speech only.

    Args:
        wh: the question words ("(?:what|how)"); "" for a yes/no question ("Does <subject> think ...?").
        aux: the auxiliaries ("(?:did|does)").
        verbs: the verbs after the subject.
    Returns:
        The pattern, case-insensitive, anchored at the question's start (after "and", "so",
        "but"); group "s" is the subject.
    """
    # The subject never ends in a preposition or an article: in "What did the secretary of state say?"
    # "state" is the noun of the subject, not the verb ("What did X state?").
    open_end = "".join(rf"(?<!\b{w})" for w in _OPEN_ENDS)
    # A capitalised word is no verb: "the leader of the United States say" is not "... United state".
    lead = rf"{wh}\s+" if wh else ""
    return re.compile(
        rf"^\s*(?:and\s+|so\s+|but\s+)?{lead}{aux}\s+(?P<s>.+?){open_end}\s+"
        rf"(?-i:(?![A-Z])){verbs}\b",
        re.I,
    )


# Words a subject cannot end with (speech_question).
_OPEN_ENDS = ("of", "for", "at", "in", "on", "to", "the", "a", "an", "and", "from", "with")


_SUBJECT_PLAIN = speech_question(
    r"(?:what|how|why|which|whom?|where|when)\b(?:\s+\w+)?", _AUX, rf"{_VERBS}\w*"
)
# A verb's agent noun is part of the subject, not its verb: "What did the senior adviser to Mr.
# Sanders say ...?" (AGENT_NOUNS).
_SUBJECT = speech_question(
    r"(?:what|how|why|which|whom?|where|when)\b(?:\s+\w+)?", _AUX, rf"{_VERBS}(?!e?rs?\b|ators?\b)\w*"
)
# "What did <subject> write/tweet about ...?" (qa.question.WRITTEN_WORDS).
_SUBJECT_WRITTEN = speech_question(
    r"(?:what|how)", _AUX, r"(?:tweet|(?:write|post)(?=\s+(?:about|on|regarding)\b))"
)
# "Does <subject> think/say/want ...?": a yes/no question about someone's words has its speaker slot
# right after the auxiliary ("Does the ex-Texas governor think Cruz is ready ...?"); without it a name
# in the rest of the question (Cruz) was read as the asked speaker. POLAR_SUBJECT switches it;
# measured by bench/read21_forms.py (bench/reports/read21.md) and end to end.
_SUBJECT_POLAR = speech_question("", _AUX, rf"{_VERBS}(?!e?rs?\b|ators?\b)\w*")
POLAR_SUBJECT = True
# The prefix "ex-" of a description means "former": "the ex-Texas governor" is read as "the former
# Texas governor", which qa.describe binds to "Former Texas Gov. Rick Perry" (described_forms'
# "former" form); read as one word "ex-texas" it bound no one. Measured by bench/read21_forms.py.
_EX = re.compile(r"(?<![\w-])ex-(?=\w)", re.I)
EX_FORMER = True
# Whether _SUBJECT rather than _SUBJECT_PLAIN reads a question's subject. Measured by
# bench/described_topic.py (bench/reports/described_topic.md) and end to end.
AGENT_NOUNS = True
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<s>[^,?;]+?)\s*(?:[,?;]|$)", re.I)
# "..., in Moscow's view?", "In the former Mexican leader's opinion, ...": whose view is asked for is
# the speaker slot, wherever the phrase stands. Read before the polar slot, which took "shunning
# Damascus wise, in Moscow's" for the subject of "Was shunning Damascus wise, in Moscow's view?".
_IN_VIEW = re.compile(
    r"\bin\s+(?P<s>[^,?;]+?)['’]s?\s+(?:view|opinion|eyes|estimation|judge?ment|telling|mind|reckoning)\b",
    re.I,
)
# "What's the retailers' lobby's view of the $15 wage?", "what is Putin's take on ...": the owner of
# an asked-for view is the speaker slot.
_VIEW_OF = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?(?:what\s+(?:is|was|are|were)|what['’]s)\s+(?P<s>.+?)['’]s?\s+"
    r"(?:views?|take|opinion|position|stance|verdict|assessment|reaction|response|message)\s+"
    r"(?:of|on|about|to|regarding|over|towards?)\b",
    re.I,
)
# Whether subject_of reads the two view slots above (and query_reading takes their source as the
# asked speaker, as qa.polar.according_source does for "according to X"). Measured by bench/desc25.py
# (bench/reports/desc25.md).
VIEW_SLOT = True
# "According to Clinton at the ABC debate, ...": a name followed by where or when it spoke is that
# name; read whole, "Clinton at the ABC debate" was a description qa.describe bound to the ABC
# anchor. Measured by bench/desc25.py.
_NAME_THEN_OCCASION = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:at|during|in|on|before|after)\s+\S"
)
NAME_OCCASION = True
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<rest>.+)$", re.I)
_NAMED_ROLE = re.compile(r"^(?P<owner>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*)*)\s+(?P<rest>[a-z].*)$")
_ROLE_OF = re.compile(
    r"^(?P<rest>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:of|for|at)\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+|&\s+)?[A-Z][\w.&'’-]*)*"
    r"(?:\s+(?P<org>[a-z]+))?)$"
)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|one|some)\s+", re.I)
# A title in quote marks inside a description ("a host on the TV show "Shark Tank"") is part of it.
_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”\n]{1,40}?)[\"”]")

# Words between which the title before a name stops: "Both Agerblad and tattoo artist Zashay Tastas".
_STOP_BEFORE = re.compile(
    r"^.*\b(?:and|or|but|said|says|told|tells|with|by|from|that|as|when|while|after|before|than|to|"
    r"added|asked|according|who|whom|which|is|was|were|are|has|had|have)\b\s*",
    re.I,
)
_PRE_WORDS = 6  # title words kept before a name: "Prudential Equity Group insurance analyst Jay Gelb"
# apposition words kept after "Name, ": "deputy head of Swiss Re's natural disasters department"
_POST_WORDS = 15
_APPOSITION_START = re.compile(r"^,\s+(?=(?:the|a|an|his|her|its|their|who|[a-z]))")
# An apposition owned by a name and closed by a comma: "Tad Devine, Sanders's chief strategist, said"
# (POSSESSED_APPOSITION); not "In Ohio, Roe's aides said so".
_POSSESSED_START = re.compile(
    r"^,\s+(?=[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5},)"
)
# What may stand between a name and its apposition (NAME_TRAILERS): a generational suffix ("Adm. Harry
# B. Harris Jr., who leads the United States Pacific Command,"; "Charles McCullough III, the inspector
# general of the intelligence community,") and then an age ("Anna Palmer, 34, a North Dakota native
# who ..."). Without them the apposition was never read and the description bound no one (nh15 n15e3,
# nh10 n10c2; bench/reports/desc29.md).
_NAME_SUFFIX = re.compile(r"^,?\s+(?:Jr|Sr)\.|^\s+(?:II|III|IV)\b")
_NAME_AGE = re.compile(r"^,\s+\d{1,3}(?=,)")
# After an age only a description opens the apposition: "Khizr Khan, 66, said on ..." and "Admiral
# Harris, 59, is not only a tough talker" go on with the sentence's own verb.
_AGED_APPOSITION_START = re.compile(r"^,\s+(?=(?:the|a|an|his|her|its|their|who|whose)\b)")
# Whether a suffix and an age after a name are passed over to its apposition. Measured end to end
# (bench/reports/desc29.md).
NAME_TRAILERS = True
# Where an apposition ends: a comma, a quote mark, a dash or a full stop, not the dot of an
# abbreviation ("M.I.T.") nor, with TITLE_DOTS, of an honorific before a name ("Mr. Sanders"). Not a
# title's ("Sen. Roe"): the apposition would run on into another person's office (nh6 n6g3, "the
# Florida senator", was lost to a description running into "Sen. Marco Rubio").
_APPOSITION_END_PLAIN = re.compile(r"[,;:!?“”\"()\[\]—–]|\.(?![A-Z]\.)")
_APPOSITION_END = re.compile(r"[,;:!?“”\"()\[\]—–]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)\.(?![A-Z]\.)")
# Whether an honorific's dot inside an apposition is kept (_APPOSITION_END). Measured by
# bench/described_topic.py (bench/reports/described_topic.md) and end to end.
TITLE_DOTS = True
# Whether such an apposition describes the name before it, as "Name, the <description>," does.
# Measured by bench/described_topic.py (bench/reports/described_topic.md) and end to end.
POSSESSED_APPOSITION = True


@dataclass(frozen=True)
class Subject:
    """The speaker part of a question: its span in the question and its parts."""

    start: int  # the span in the question, with its determiner ("the tattoo artist")
    end: int
    text: str  # "Uefa's spokesman", without a leading determiner
    owner: str  # "Uefa" for a possessive subject, else ""
    head: str  # what the subject is: "spokesman"; the whole subject when not possessive


def subject_of(question: str) -> Subject | None:
    """The subject of a speech question: "What did Uefa's spokesman say about X?" -> "Uefa's spokesman".

    Args:
        question: the question as searched.
    Returns:
        The subject, or None when the question has no recognisable speaker slot.
    """
    m = (
        (_SUBJECT if AGENT_NOUNS else _SUBJECT_PLAIN).match(question)
        or (_SUBJECT_WRITTEN.match(question) if question_words.WRITTEN_WORDS else None)
        or _ACCORDING.search(question)
        or (view_slot(question) if VIEW_SLOT else None)
        or (_SUBJECT_POLAR.match(question) if POLAR_SUBJECT else None)
    )
    if m is None:
        return None
    s, e = m.span("s")
    if NAME_OCCASION:
        o = _NAME_THEN_OCCASION.match(_DETERMINER.sub("", question[s:e].strip()))
        if o is not None and not is_description(o.group("name")):
            e = question.index(o.group("name"), s) + len(o.group("name"))
    text = _DETERMINER.sub("", question[s:e].strip())
    if EX_FORMER:  # "the ex-Texas governor" is "the former Texas governor" (the prefix's meaning)
        text = _EX.sub("former ", text)
    if not text or len(text.split()) > 12:
        return None
    p = _POSSESSIVE.match(text)
    if p and not re.search(r"['’]s?\s*$", text):
        return Subject(s, e, text, p.group("owner"), p.group("rest"))
    first, _, rest = text.partition(" ")
    if rest and (country_words(first.capitalize(), "") or country_words(first, "")):
        # "the American president", "Russian officials": what the source is, is the rest; the
        # country only narrows it ("US officials" are no president, whatever their article says).
        return Subject(s, e, text, "", rest)
    party = _PARTY_MEMBER.match(text) if PARTY_NOUNS else None
    if party:  # "the Nevada Democrat": a Democrat of Nevada (qa.party_state)
        return Subject(s, e, text, party.group("owner"), party.group("rest"))
    n = _NAMED_ROLE.match(text)  # "Trump confidant", "Rubio press secretary": someone of Trump's
    if n:
        return Subject(s, e, text, n.group("owner"), n.group("rest"))
    o = _ROLE_OF.match(text)  # "chairman of Our Principles PAC": someone of the PAC's, not the PAC
    if o and (o.group("org") is None or _org_word(o.group("org"))):  # "head of the Republican party"
        return Subject(s, e, text, o.group("owner"), o.group("rest"))
    return Subject(s, e, text, "", text)


def view_slot(question: str) -> re.Match[str] | None:
    """The phrase naming whose view a question asks for: "in Moscow's view", "what's Putin's take on".

    Args:
        question: the question as searched.
    Returns:
        The match, its group "s" the owner of the view ("Moscow", "the retailers' lobby"), or None.
    """
    # "in the eyes of X", "as X sees it": frames without a view noun (qa.view_frame).
    return _VIEW_OF.match(question) or _IN_VIEW.search(question) or view_frame(question)


def view_source(question: str) -> str | None:
    """Whose view a question asks for, as written ("the former Mexican leader" of "How well informed
    is Trump, in the former Mexican leader's opinion?"): the speaker, though a name stands before it.

    Args:
        question: the question as searched.
    Returns:
        The owner of the view, or None (no view phrase, or VIEW_SLOT off).
    """
    m = view_slot(question) if VIEW_SLOT else None
    return m.group("s").strip() if m is not None else None


@dataclass(frozen=True)
class Profile:
    """What the documents call one source: aliases, source wordings, titles and appositions (`own`),
    and the words of the documents it is quoted in (`docs`)."""

    own: frozenset[str]
    docs: frozenset[str]
    # The words of the sentences the source is quoted from, and of the one introducing it with the one
    # before ("Hungary's right-wing government ... . On Monday, Lajos Kosa, the parliamentary leader of
    # the governing party, ..."), with their countries' other names: where the article says what the
    # source is without an apposition.
    near: frozenset[str] = frozenset()
    # The countries its titles and appositions name, folded ("united states" for "US President").
    countries: frozenset[str] = frozenset()
    # Each description on its own (an alias, a source wording, a title, an apposition), as terms with
    # the countries and titles it names: "Secretary of State John Kerry" is described as a secretary of
    # state by one of them, "Jacob J. Lew, the secretary of the Treasury" only by two together with
    # "state" elsewhere in his article (descriptor_cover).
    descriptors: frozenset[frozenset[str]] = frozenset()
    # The same descriptions as written ("US President", "a lobbyist and a Republican former
    # congressman from Minnesota"), for the embedding tie-break (cosine_tiebreak).
    phrases: tuple[str, ...] = ()


def _names(speaker: Speaker) -> list[str]:
    """The capitalised forms a source goes by in text: its name and capitalised aliases."""
    return sorted(
        {
            a
            for a in (speaker.name, *speaker.aliases)
            if len(a) >= 3 and a[:1].isupper() and not (TITLE_BEFORE and _ends_in_title(a))
        },
        key=len,
        reverse=True,
    )


def _after_other_name(pre: list[str]) -> list[str]:
    """The words before a name after any other person's name among them: "on Friday pummeled" of
    "U.S. Rep. Gwen Graham on Friday pummeled Donald Trump" (another person's title is not this one's).

    Args:
        pre: the words kept before a name.
    Returns:
        The words after the last given name followed by a capitalised word; all of them when none
        (or when TITLE_BEFORE is off).
    """
    from index.attribution.words import GIVEN, ROLE_WORDS, TITLE_ABBREVS, TITLES

    if not TITLE_BEFORE:
        return pre
    plain = lambda w: w[:1].isupper() and w.lower().strip(".,") not in TITLES | TITLE_ABBREVS  # noqa: E731
    role = TITLES | set(ROLE_WORDS)
    cut = 0
    for i in range(len(pre) - 1):
        if not (pre[i][:1].isupper() and pre[i + 1][:1].isupper()):
            continue
        # "Gwen Graham on Friday": a name and then the sentence's own words; not "Democratic Party
        # chairwoman", a body and then its role.
        after = pre[i + 2] if i + 2 < len(pre) else ""
        if pre[i].lower() in GIVEN or (
            plain(pre[i]) and plain(pre[i + 1]) and after[:1].islower() and after.lower() not in role
        ):
            cut = i + 2
    return pre[cut:]


def _ends_in_title(alias: str) -> bool:
    """Whether an alias is a title rather than a name ("Sen.", "Vermont Sen.", "Democratic U.S. Rep."):
    its words found in the text would be another senator's ("Former Florida Sen. Bob Graham")."""
    from index.attribution.words import TITLE_ABBREVS, TITLES

    last = alias.split()[-1].lower().rstrip(".") if alias.split() else ""
    return last in TITLES or last in TITLE_ABBREVS


def contexts(text: str, names: Iterable[str]) -> list[str]:
    """The words the text writes next to a name: the title before it ("tattoo artist Zashay
    Tastas"), the apposition after it ("Jo Grady, the UCU general secretary,") and the description
    before a comma that introduces it ("a spokesman for the governor, Dave Murray,").

    Args:
        text: a document's text.
        names: the forms of one source's name, longest first.
    Returns:
        The context snippets, in text order.
    """
    keys = [n for n in names if n.strip()]
    if not keys:
        return []
    rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w])")
    out: list[str] = []
    for a, b in sentences(text):
        sent = text[a:b]
        for m in rx.finditer(sent):
            before = re.split(_BEFORE_END if TITLE_BEFORE else _BEFORE_END_PLAIN, sent[: m.start()])
            pre = _after_other_name(_STOP_BEFORE.sub("", before[-1]).split()[-_PRE_WORDS:])
            bracketed = party_state.bracket(sent[m.end() :]) if PARTY_STATE else ""
            if bracketed:  # "Sen. Chuck Schumer (D-N.Y.)": "Sen. New York Democrat Democratic"
                out.append(" ".join([*pre, bracketed]))
            if pre:
                out.append(" ".join(pre))
                out += _coordinated_title(before[-1])
                if _OWNED_BY_BODY.match(" ".join(pre)):  # "The group's executive director Jo Roe"
                    out.append(body_antecedent(text, a + m.start() - len(before[-1])))
            if len(before) >= 2 and not before[-1].strip() and sent[: m.start()].rstrip().endswith(","):
                prev = _STOP_BEFORE.sub("", before[-2]).split()[-_PRE_WORDS:]
                if prev and prev[0][:1].islower() or prev and prev[0].lower() in ("a", "an", "the"):
                    out.append(" ".join(prev))
                    if _OWNED_BY_BODY.match(" ".join(prev)):  # "The group's executive director, Jo Roe,"
                        out.append(
                            body_antecedent(text, a + m.start() - len(before[-1]) - len(before[-2]) - 1)
                        )
            after = _QUOTED_TITLE.sub(r"\1", sent[m.end() :])
            after, aged = _past_trailers(after) if NAME_TRAILERS else (after, False)
            place = None if aged else _OF_PLACE.match(after)  # "Chancellor Angela Merkel of Germany"
            if place:
                out.append(place.group(0).strip())
            start = _AGED_APPOSITION_START if aged else _APPOSITION_START
            if start.match(after) or (POSSESSED_APPOSITION and _POSSESSED_START.match(after)):
                # "a professor of economics at M.I.T.,": a dot inside an abbreviation ends nothing.
                # Nor does an honorific's ("a senior adviser to Mr. Sanders": TITLE_DOTS).
                body = re.split(
                    _APPOSITION_END if TITLE_DOTS else _APPOSITION_END_PLAIN, after[1:], maxsplit=1
                )[0]
                out.append(" ".join(body.split()[:_POST_WORDS]))
    return out


def _past_trailers(after: str) -> tuple[str, bool]:
    """The text after a name from past its generational suffix and its age: ", who leads ..." of
    " Jr., who leads ...", ", a North Dakota native ..." of ", 34, a North Dakota native ...".

    Args:
        after: the sentence after the name.
    Returns:
        (the text past them, whether an age was passed over); the text as given when neither is there.
    """
    suffix = _NAME_SUFFIX.match(after)
    if suffix is not None:
        after = after[suffix.end() :]
    age = _NAME_AGE.match(after)
    return (after[age.end() :], True) if age is not None else (after, False)


# Where the title before a name starts: after a comma, a quote mark, a dash or a full stop, not the
# dot of a title's abbreviation or an initial ("Vermont Sen. Bernie Sanders", "Democratic U.S. Rep.
# Gwen Graham"), with TITLE_BEFORE; without it every dot ended the title and "Sen." was lost.
_BEFORE_END_PLAIN = re.compile(r"[,;:.!?“”\"()\[\]—–]")
_BEFORE_END = re.compile(
    r"[,;:!?“”\"()\[\]—–]|(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bAtty)"
    r"(?<!\b[A-Z])\."
)
# Whether the title before a name runs over such dots (_BEFORE_END), and whether a party-state bracket
# after it ("(D-N.Y.)") describes the name (qa.party_state). Measured by bench/described_forms.py
# (bench/reports/described_forms.md) and end to end.
TITLE_BEFORE = True
PARTY_STATE = True

# "Name of Place" / "Name from Place" right after a name: where the person is from or holds office.
_OF_PLACE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*)*")
# A description owned by an unnamed body: "the group's executive director", "the company's spokesman".
_OWNED_BY_BODY = re.compile(r"^(?:the|its|their)\s+(?P<noun>[a-z]+)['’]s?\s+\w", re.I)


def _coordinated_title(segment: str) -> list[str]:
    """The title before "and" in a coordinated description: "Former Secretary of State" in "Former
    Secretary of State and Democratic presidential frontrunner Hillary Clinton".

    Args:
        segment: the text before the name, back to the last punctuation.
    Returns:
        [the earlier conjunct's words] when it holds a title or role noun; else [].
    """
    from index.attribution.words import GIVEN, ROLE_WORDS, TITLES

    m = re.match(r"^(?P<left>.*\S)\s+(?:and|or)\s+(?:(?!\b(?:and|or)\b)[^\s])+(?:\s+\S+){0,5}\s*$", segment)
    if m is None or re.search(r"\b(?:and|or)\b", segment[m.end("left") :].split(None, 1)[-1]):
        return []
    left = _STOP_BEFORE.sub("", m.group("left")).split()[-_PRE_WORDS:]
    # "former secretary of State Hillary Clinton and Vermont Sen. Bernie Sanders": the earlier
    # conjunct is someone else's title and name.
    roles = TITLES | set(ROLE_WORDS)
    if (
        TITLE_BEFORE
        and any(w[:1].isupper() and w.lower() in GIVEN for w in left)
        or (
            TITLE_BEFORE
            and len(left) >= 2
            and all(w[:1].isupper() and w.lower().strip(".,") not in roles for w in left[-2:])
        )
    ):
        return []
    if not any(w.lower().strip(".") in TITLES or w.lower() in ROLE_WORDS for w in left):
        return []
    return [" ".join(left)]


# How far back, within its paragraph, the name a body's description takes up is looked for.
_BODY_REACH = 500
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:(?:\s+(?:of|on|for|and|the|&))*\s+[A-Z][\w&'’.-]*)*")


def body_antecedent(text: str, at: int) -> str:
    """The named body an unnamed one takes up: "Monsanto" for "the company" after "... local
    employers such as Monsanto, which opposed the bill."; "Meals on Wheels Plus" for "the group's
    executive director".

    Args:
        text: the document's text.
        at: where the description (or the quotation before it) starts.
    Returns:
        The last capitalised name before `at` in its paragraph (up to a blank line; a sentence's first word alone is no
        name), within _BODY_REACH characters; "" when there is none.
    """
    lo = max(0, at - _BODY_REACH, text.rfind("\n\n", 0, at) + 2)
    best = ""
    for m in _NAME_RUN.finditer(text, lo, at):
        lead = text[max(lo, m.start() - 3) : m.start()]
        first = not lead.strip() and m.start() == lo or bool(re.search(r"[.!?\"“”]\s*$", lead))
        if first and " " not in m.group():
            continue
        # "the Elms-based Harbour Meals Trust": a place made an adjective is no part of the name.
        best = re.sub(r"^(?:[A-Z][\w'’.]*-[a-z]+\s+)+", "", re.sub(r"['’]s?$", "", m.group()))
    return best


@functools.cache
def _country_codes() -> dict[str, str]:
    """ISO alpha-2 and alpha-3 codes -> the country's common name, from countryinfo's bundled table.

    qa.equivalents leaves the codes out of a country's names ("IN", "IT" read as words); written in
    capitals in a title before a name ("US President Barack Obama") a code names the country.
    Read once, offline; immutable afterwards.

    Returns:
        Code -> country name ("US" -> "United States").
    """
    from qa.equivalents import country_table

    out: dict[str, str] = {}
    for info in country_table():
        name = info.get("name") or ""
        iso = info.get("ISO") or {}
        for key in ("alpha2", "alpha3"):
            code = str(iso.get(key) or "")
            if name and code.isalpha() and code.isupper():
                out.setdefault(code, name)
    return out


def country_words(description: str, own_name: str) -> list[str]:
    """The other names of the countries a description names: "Russian President" is also the
    president of Russia, of Moscow, the Kremlin's capital, and "US President" an American one.

    A question asks for a speaker by nationality or capital where the article wrote another of
    the country's names: "the American president" for "US President Barack Obama", "Moscow" for
    "Russian President Vladimir Putin" (bench/reports/article_heldout.md: both ranked Putin's words,
    or another source's, first).

    Args:
        description: a title, apposition or source wording of one source.
        own_name: the source's canonical name: a person's ("Michael Jordan") words are never read as
            a country; an unnamed source's wording ("US officials") is a description like the others.
    Returns:
        The country names (qa.equivalents.country_equivalents), folded; empty when it names none.
    """
    from qa.equivalents import country_equivalents

    person = all(w[:1].isupper() for w in own_name.split())
    skip = set(own_name.split()) if person else set()
    out: list[str] = []
    for w in re.findall(r"(?<![\w'’-])[A-Z][\w'’-]*", description):
        w = re.sub(r"['’]s?$", "", w)  # "Norway's Fisheries Minister"
        if w in skip or not w:
            continue
        code = _country_codes().get(w) if 2 <= len(w) <= 3 and w.isupper() else None
        if code is not None:
            out += [code, *country_equivalents(code)]
        else:
            out += country_equivalents(w)
    return out


def names_country(subject: Subject) -> bool:
    """Whether a question's subject is a country's name alone ("Russia", "the US", "Moscow").

    Args:
        subject: the question's subject (subject_of).
    Returns:
        True when the whole subject is one country's name, capital or capitalised ISO code.
    """
    from qa.equivalents import country_equivalents, plural_demonym

    text = subject.text.strip()
    # "the Americans" are a people (nationals), not the country's name.
    if subject.owner or subject.head != subject.text or not text[:1].isupper() or plural_demonym(text):
        return False
    return text in _country_codes() if text.isupper() and len(text) <= 3 else bool(country_equivalents(text))


# Verbs of aim, wish and intent: what a country "wants" the writer may report from anyone's account.
_AIM_VERBS = re.compile(
    r"(?:want|wish|hope|fear|expect|intend|plan|aim|seek|need|try|prefer|mean)(?:s|ed)?$", re.I
)


# Whether a country's name alone asked as a speaker with a verb other than of aim is read both ways,
# as with the verbs of aim: the leader's quotes, or the writer's account of what the country claims
# ("What does Moscow claim its military aid is for?": "Russia ... claiming its helping the Assad
# regime in its fight against terrorism"). Round 30 (art30, bench/reports/art30.md): on the bundled
# article such questions (h5s11, h10s08, h14s10, h15s08, h16s07) ranked the leader's quote above the
# writer's account. A verb of wording ("How does Moscow describe the army?", _WORDING_VERBS) asks
# for the words themselves, which only the quote holds: with it too, h1 hs12 lost its answer (the
# leader's "valiantly fighting terrorism") to the writer's "Moscow's support for the Assad regime".
# (A country typed in lower case is capitalised as the documents write it before it is read.)
COUNTRY_ANY_VERB = True
_WORDING_VERBS = re.compile(r"(?:describ|characteri[sz]|portray|call|term|label|dub)\w*$", re.I)


def country_aims(question: str, subject: Subject | None) -> bool:
    """Whether a question asks what a country wants, hopes or fears rather than what it says.

    A country asked about as a speaker is matched to its quoted leader by country_words, but "What
    does Russia want to preserve in the Middle East?" may as well ask for the writer's account of
    the country's aims ("... Russia is supporting Assad to maintain its own influence"), and, with
    COUNTRY_ANY_VERB, "What does Moscow claim its aid is for?" the writer's account of its claim
    ("Russia ... claiming its helping the Assad regime"). Ranking then scores both readings
    (qa.rank, Weights.narrator).

    Args:
        question: the question as searched.
        subject: its subject (subject_of), or None.
    Returns:
        True when the subject is a country's name alone and a verb follows it, not one of wording
        ("describe", "call"); with COUNTRY_ANY_VERB off, a verb of aim, wish or intent ("want",
        "hope", "fear", "plan", ...).
    """
    if subject is None or not names_country(subject):
        return False
    verb = re.match(r"\s+(\w+)", question[subject.end :])
    if verb is None:
        return False
    if COUNTRY_ANY_VERB:
        return not _WORDING_VERBS.match(verb.group(1))
    return bool(_AIM_VERBS.match(verb.group(1)))


# How far back a described source's fuller first mention is looked for (characters).
_ANTECEDENT_REACH = 3000
_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s+(?P<rest>.+)$", re.I)


def antecedent(text: str, at: int, source: str) -> str:
    """The fuller earlier mention a definite description takes up: "the commission" after "a New
    Hampshire ballot commission in January was ...".

    Args:
        text: the document's text.
        at: where the source is mentioned.
        source: the source as written ("the commission").
    Returns:
        The earlier mention's words ("New Hampshire ballot commission"), nearest first; "" when the
        source is no definite description or nothing before it names the same noun with more words.
    """
    m = _DEFINITE.match(source.strip())
    if m is None:
        return ""
    rest = m.group("rest").split()
    noun = r"\s+".join(re.escape(w) for w in rest)
    rx = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){{1,4}}){noun}\b")
    lo = max(0, at - _ANTECEDENT_REACH)
    found = [x for x in rx.finditer(text, lo, at) if x.end() <= at]
    return " ".join([*found[-1].group(1).split(), *rest]) if found else ""


def profiles(
    speakers: Iterable[Speaker], quotes: Iterable[QuoteRow], doc_text: Callable[[int], str], terms: Terms
) -> dict[str, Profile]:
    """Each quoted source's descriptions as terms.

    Args:
        speakers: the index's sources (named, and unnamed ones under their wording).
        quotes: the index's attributions, speaker-labelled.
        doc_text: a document's text by id.
        terms: the index's term maker.
    Returns:
        Profiles by speaker label, for the sources that have quotes.
    """
    docs_of: dict[str, set[int]] = {}
    sources_of: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker:
            docs_of.setdefault(q.speaker, set()).add(q.doc_id)
            if q.source:
                sources_of.setdefault(q.speaker, set()).add(q.source)
    doc_terms: dict[int, frozenset[str]] = {}
    out: dict[str, Profile] = {}
    described: dict[str, list[str]] = {}
    mentions: dict[tuple[str, int], list[int]] = {}
    for q in quotes:  # "the commission said" after "a New Hampshire ballot commission ...": that one
        if q.speaker and q.mention_start >= 0:
            mentions.setdefault((q.speaker, q.doc_id), []).append(q.mention_start)
        if q.speaker and q.source and q.mention_start > 0 and not q.speaker[:1].isupper():
            text = doc_text(q.doc_id)
            ante = antecedent(text, q.mention_start, q.source)
            if not ante and _body(q.source):  # "the company tweeted" after "... such as Monsanto"
                ante = body_antecedent(text, min(q.mention_start, q.start))
            if ante:
                described.setdefault(q.speaker, []).append(ante)
    speakers = list(speakers)
    elsewhere = (
        full_name_docs({s.name for s in speakers if s.name in docs_of}, {q.doc_id for q in quotes}, doc_text)
        if CROSS_DOCS
        else {}
    )
    for s in speakers:
        if s.name not in docs_of:
            continue
        bits = [s.name, *s.aliases, *sources_of.get(s.name, ()), *described.get(s.name, ())]
        single = list(bits)
        dterms: set[str] = set()
        near: list[str] = []
        for d in sorted(docs_of[s.name]):
            text = doc_text(d)
            found = contexts(text, _names(s))
            bits += found
            single += found
            near += near_sentences(text, _names(s), mentions.get((s.name, d), []))
            if d not in doc_terms:
                doc_terms[d] = frozenset(terms(text))
            dterms |= doc_terms[d]
        for d in sorted(elsewhere.get(s.name, set()) - docs_of[s.name]):
            # "former secretary of State Hillary Clinton" in an article that only mentions her.
            found = contexts(doc_text(d), [s.name])
            bits += found
            single += found
        countries = [n for b in list(bits) for n in country_words(b, s.name)]
        bits += countries
        bits += [t for b in list(bits) for t in title_words(b)]
        if ACRONYMS:
            bits += [a for b in list(bits) for a in acronyms(b)]
        near += [n for t in list(near) for n in country_words(t, s.name)]
        out[s.name] = Profile(
            frozenset(terms(" ".join(bits))),
            frozenset(dterms),
            frozenset(terms(" ".join(near))),
            frozenset(countries),
            frozenset(
                frozenset(
                    terms(
                        " ".join(
                            [
                                b,
                                *country_words(b, s.name),
                                *title_words(b),
                                *(acronyms(b) if ACRONYMS else []),
                            ]
                        )
                    )
                )
                for b in set(single)
            ),
            tuple(sorted({b for b in single if b and b != s.name})),
        )
    return out


# Whether a person's descriptions are read in every document naming them in full, not only in those
# quoting them: "What did the former secretary of state say about Bradley?" of an index where one
# article quotes "Hillary Clinton" and another calls her "former secretary of State Hillary Clinton".
# Measured by bench/described_forms.py (bench/reports/described_forms.md) and end to end.
CROSS_DOCS = True
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def full_name_docs(
    names: set[str], doc_ids: Iterable[int], doc_text: Callable[[int], str]
) -> dict[str, set[int]]:
    """The documents that write each of some full personal names (two words or more).

    Args:
        names: the sources' canonical names; those that are no personal name of two or more words
            (qa.names.person_tokens) are left out.
        doc_ids: the documents to read.
        doc_text: a document's text by id.
    Returns:
        Name -> the ids of the documents writing it whole, in one pass over each text.
    """
    from qa.names import person_tokens

    full = {n for n in names if person_tokens(n) is not None}
    longest = max((len(n.split()) for n in full), default=0)
    out: dict[str, set[int]] = {}
    for d in doc_ids:
        for m in _CAPITALISED_RUN.finditer(doc_text(d)):
            words = [re.sub(r"['’]s?$", "", w) for w in m.group().split()]
            for i in range(len(words)):
                for j in range(i + 2, min(len(words), i + longest) + 1):
                    key = " ".join(words[i:j])
                    if key in full:
                        out.setdefault(key, set()).add(d)
    return out


@functools.cache
def _title_of_abbreviation() -> dict[str, str]:
    """Each title abbreviation ("sen", "gov", "rep") -> the one title it begins (index.attribution.words
    ABBREV and TITLES): "Vermont Sen. Bernie Sanders" is asked for as "the Vermont senator".

    Returns:
        Abbreviation -> title, for the abbreviations that begin exactly one longer title.
    """
    from index.attribution.words import ABBREV, DAYS, HONORIFICS, MONTHS, TITLES

    out: dict[str, str] = {}
    for a in ABBREV - HONORIFICS:
        if not a.isalpha() or any(d.startswith(a) for d in MONTHS | DAYS):
            continue  # "Mar." is March's
        full = [t for t in TITLES - HONORIFICS if t.startswith(a) and len(t) >= len(a) + 2 and "-" not in t]
        if len(full) == 1:
            out[a] = full[0]
    return out


def title_words(description: str) -> list[str]:
    """The titles a description's abbreviations stand for: ["senator"] for "Vermont Sen.".

    Args:
        description: a title, apposition or source wording.
    Returns:
        The titles, in order.
    """
    table = _title_of_abbreviation()
    out = [table[w.lower()] for w in re.findall(r"\b([A-Z][a-z]{1,3})\.", description) if w.lower() in table]
    if OFFICE_NAMES:
        for w in [*out, *re.findall(r"\b(Representative|Congress(?:wo)?man)\b", description)]:
            out += [n for n in _OFFICE_NAMES.get(w.lower(), ()) if n not in out]
    return out


# A run of capitalised words, "of"/"and"/"for" between: a body's name ("Republican National Committee").
_NAME_WORDS_RUN = re.compile(r"[A-Z][a-z][\w'’-]*(?:\s+(?:(?:of|and|for|on)\s+)?[A-Z][a-z][\w'’-]*)+")


def acronyms(description: str) -> list[str]:
    """The initials of the bodies a description names, as a reader shortens them: "RNC" for
    "Republican National Committee Chairman Reince Priebus", "DNC" for "the Democratic National
    Committee's chair" ("What did the RNC chairman say?"). Every run of three or four capitalised words
    in a row gives its initials ("of", "and" left out): the run's other initials are words no question
    uses.

    Args:
        description: a title, apposition or source wording.
    Returns:
        The initials, in order.
    """
    out: list[str] = []
    for m in _NAME_WORDS_RUN.finditer(description):
        words = [w for w in m.group().split() if w[:1].isupper()]
        for n in (3, 4):
            out += ["".join(w[0] for w in words[i : i + n]) for i in range(len(words) - n + 1)]
    return out


# Whether a source's profile holds the initials of the bodies its descriptions name (acronyms).
# Measured end to end on the read sets (bench/reports/read22.md).
ACRONYMS = True


# The names a member of the US House goes by ("Members of the House are called Representatives,
# Congressmen or Congresswomen": the House's own style, house.gov): "Rep. Gwen Graham (D-Fla.)" is
# asked for as "the Florida congresswoman". Read for a capitalised title before a name only.
_OFFICE_NAMES = {
    "representative": ("congressman", "congresswoman"),
    "congressman": ("representative",),
    "congresswoman": ("representative",),
}
# Whether title_words adds them. Measured by bench/described_forms.py (bench/reports/described_forms.md).
OFFICE_NAMES = True


def _body(source: str) -> bool:
    """Whether a source as written is a definite unnamed body: "the company", "the group"."""
    m = _DEFINITE.match(source.strip())
    return m is not None and _org_word(m.group("rest"))


def near_sentences(text: str, names: Iterable[str], mentions: Iterable[int]) -> list[str]:
    """The sentences a source is quoted from, and the one first naming it with the one before.

    Args:
        text: a document's text.
        names: the source's capitalised names.
        mentions: where the source is mentioned as the speaker of an attribution.
    Returns:
        The sentences, in text order.
    """
    keys = [n for n in names if n.strip()]
    rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w])") if keys else None
    spans = list(sentences(text))
    at = sorted(mentions)
    keep: set[int] = set()
    first = rx.search(text) if rx is not None else None
    for i, (a, b) in enumerate(spans):
        if first is not None and a <= first.start() < b:  # where the article introduces the source
            keep |= {i, i - 1} if i else {i}
        if any(a <= x < b for x in at):
            keep.add(i)
    return [text[spans[i][0] : spans[i][1]] for i in sorted(keep)]


# A description word found only elsewhere in the source's documents counts this much of one found
# in its own descriptions: "Uefa" in "Uefa's spokesman" is the article's subject, not in the title
# "Spokesman William Gaillard". Fit by bench/describe.py (bench/reports/describe.md): on 311
# description questions from PolNeAR train the joint grid's best hit@1 (0.926) needs 1.0; 0.25-0.75
# reach 0.923.
DOC_SHARE = 1.0


def match(
    subject: Subject,
    profiles_: dict[str, Profile],
    terms: Terms,
    idf: Callable[[str], float],
    excluded: Iterable[str] = (),
) -> list[tuple[str, float]]:
    """Sources ranked by how well their descriptions cover the subject's words, idf-weighted.

    Args:
        subject: the question's subject.
        profiles_: the index's source profiles.
        terms: the index's term maker.
        idf: the index's idf of a term.
        excluded: sources that cannot be meant (the possessor of "Snyder's spokesman").
    Returns:
        (speaker, strength in 0..1), best first; sources with no word of the subject left out.
    """
    weights = {t: idf(t) for t in dict.fromkeys(terms(subject.text))}
    head = set(terms(_head_noun(subject))) or set(terms(subject.head)) or set(weights)
    total = sum(weights.values())
    if not total:
        return []
    if (
        OFFICE_HEADS
        and generic_head(_head_noun(subject))
        and not any(head & p.own for p in profiles_.values())
    ):
        # "the Kremlin leader", "the appliance maker's boss": no source is described by the word. It
        # is held by the sources described by another generic word ("Republican party boss Reince
        # Priebus" for "the head of the Republican party") or by an office (qa.offices, from WordNet).
        # Both at once: a "chief executive" elsewhere in the documents is no reason to leave the
        # Belgian prime minister out of "the Belgian leader" (tests/test_desc26.py).
        generic = frozenset(terms(" ".join(sorted(GENERIC_HEADS | OFFICES))))
        # A role's owner must be one of the source's own words too ("the leader of the United States"
        # is no office-holder whose quotes merely sit beside "United Nations").
        need = frozenset(terms(subject.owner))
        profiles_ = {
            n: office_held(p, frozenset(head), generic) if need <= p.own else p for n, p in profiles_.items()
        }
    # "the Shark Tank star" for "Cuban, who is also a host on the TV show "Shark Tank"": a role
    # noun the article may word otherwise; the name it is bound to identifies the source.
    owner = set(terms(subject.owner)) if subject.owner and _role_head(subject.head) else set()
    # The owner of a role ("Vermont" in "the Vermont senator", "Snyder" in "Snyder's spokesman") is
    # what the source is of: bound to it where the text describes or names it, not merely somewhere
    # in its documents (every candidate's articles name Vermont).
    bound = set(terms(subject.owner)) if subject.owner and BOUND_OWNER else set()
    # An owner that is a country ("Iran's president") is never bound by a sentence to a source whose
    # titles name another one ("US President Barack Obama" said "... including Russia and Iran").
    owner_countries = set(country_words(subject.owner, "")) | {_key(subject.owner)} if bound else set()
    if bound and len(owner_countries) > 1:
        profiles_ = {
            n: p if not p.countries or p.countries & owner_countries else _unbound(p, bound)
            for n, p in profiles_.items()
        }
    roles = _role_terms(terms) if owner else frozenset()
    described = is_description(subject.text)
    titled = _title(subject.head)
    skip = set(excluded)
    scored = []
    for name, p in profiles_.items():
        if name in skip:
            continue
        if any(t in p.own for t in head):
            got = sum(w * _share(t, p, bound) for t, w in weights.items()) / total
            # Only a description is held by one of the source's descriptions; a name ("the Washington
            # Post") is no one's description, and its words may be spread as they come.
            tight = (
                descriptor_cover({t: w for t, w in weights.items() if t not in bound}, p)
                if described
                else 1.0
            )
            scored.append((name, got * (1.0 - DESCRIPTOR_WEIGHT + DESCRIPTOR_WEIGHT * tight)))
        elif owner and owner <= p.own:  # the role worded otherwise: its words count for nothing ...
            # ... and, where the source's descriptions give it a role of their own ("Republican party
            # boss Reince Priebus" for "the head of the Republican party"), for nothing asked either.
            # Not a title ("the California governor"): an office the text would print before the name.
            rest = total - sum(w for t, w in weights.items() if t in head)
            denom = rest if rest > 0 and p.own & roles and not titled else total
            scored.append((name, sum(w for t, w in weights.items() if t in p.own and t not in head) / denom))
    return sorted(scored, key=lambda x: (-x[1], x[0]))


# Whether a generic head noun ("leader", "chief", "boss") is held by the sources described by an
# office when no source is described by the word itself (match, office_held). Measured by
# bench/desc26.py (bench/reports/desc26.md).
OFFICE_HEADS = True


def office_held(profile: Profile, head: frozenset[str], offices: frozenset[str]) -> Profile:
    """A profile whose descriptions naming an office also hold a generic head's terms.

    Args:
        profile: a source's profile.
        head: the terms of the subject's generic head ("leader").
        offices: the terms of the words that stand for it (qa.offices: another generic head, or an
            office).
    Returns:
        The profile, with `head` in its own words and in each description holding an office; unchanged
        when no description of it names one.
    """
    if not profile.own & offices:
        return profile
    return replace(
        profile,
        own=profile.own | head,
        descriptors=frozenset(d | head if d & offices else d for d in profile.descriptors),
    )


# How much a source's cover depends on one of its descriptions holding the subject's words together
# (descriptor_cover) rather than its descriptions and documents between them: "the secretary of state"
# is the one the text calls so, not "the secretary of the Treasury" whose article names the State
# Department. Fit by bench/polnear_speaker_questions.py --fit-descriptor (bench/reports/speaker_described.md,
# round 17).
DESCRIPTOR_WEIGHT = 0.5


def descriptor_cover(weights: dict[str, float], profile: Profile) -> float:
    """The largest idf-weighted share of the subject's words that one description of a source holds.

    Args:
        weights: the subject's terms with their idf, a bound owner's left out (its place may be written
            apart from the title: "Gov. John Kasich of Ohio").
        profile: the source's profile.
    Returns:
        The share in 0..1; 1.0 for a profile without descriptions (nothing to tell apart).
    """
    total = sum(weights.values())
    if not profile.descriptors or not total:
        return 1.0
    return max(sum(w for t, w in weights.items() if t in d) for d in profile.descriptors) / total


def _share(term: str, profile: Profile, bound: set[str]) -> float:
    """How much of a subject word a source's profile holds: all of it in its own descriptions; an
    owner's word (`bound`) also in the sentences naming or quoting it, a other word also anywhere in
    its documents (DOC_SHARE)."""
    if term in profile.own:
        return 1.0
    if term in bound:
        return 1.0 if term in profile.near else 0.0
    return DOC_SHARE if term in profile.docs else 0.0


def _unbound(profile: Profile, words: set[str]) -> Profile:
    """The profile without `words` in the sentences naming or quoting it (Profile.near)."""
    return Profile(
        profile.own,
        profile.docs,
        profile.near - words,
        profile.countries,
        profile.descriptors,
        profile.phrases,
    )


# Whether a role's owner counts only where bound to the source (_share); switched off to measure
# (bench/reports/speaker_described.md, round 16).
BOUND_OWNER = True

_PREPOSITION = re.compile(r"\s+(?:of|for|at|in|from|with|on|to|about|behind)\s+", re.I)
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s+", re.I)


def head_noun(subject: Subject) -> str:
    """The noun a subject is about (see _head_noun): "columnist" in "columnist who walked off Sky News".

    Args:
        subject: the question's subject.
    Returns:
        The head word(s).
    """
    return _head_noun(subject)


def _head_noun(subject: Subject) -> str:
    """The noun a plain description is about: its last word before a preposition ("commission" in
    "New Hampshire ballot commission", "voice" in "voice over in the new ad"); a possessive's or a
    named role's head as parsed.

    Args:
        subject: the question's subject.
    Returns:
        The head word(s).
    """
    if subject.owner or subject.head != subject.text:
        # "Alabama congressman who beat Griffith": the clause says whom he beat, not what he is.
        return _RELATIVE.split(subject.head, maxsplit=1)[0]
    # "columnist who walked off Sky News": a relative clause says what the noun before it did.
    text = _RELATIVE.split(subject.text, maxsplit=1)[0]
    pre = _PREPOSITION.split(text, maxsplit=1)[0].split()
    while len(pre) > 1 and pre[-1].lower() in ("over", "up", "out", "off", "in", "down"):
        pre = pre[:-1]  # "voice over", "sit-in": the particle of a compound
    return pre[-1] if pre else subject.text


def _role_terms(terms: Terms) -> frozenset[str]:
    """The role nouns and titles of index.attribution.words, as the index's terms.

    Args:
        terms: the index's term maker.
    Returns:
        The terms.
    """
    from index.attribution.words import ROLE_WORDS, TITLES

    return frozenset(terms(" ".join(sorted(set(ROLE_WORDS) | TITLES))))


def _title(head: str) -> bool:
    """Whether a subject's head is a title (index.attribution.words TITLES: "governor", "chancellor").

    Args:
        head: the subject's head (Subject.head).
    Returns:
        True when its last word is a title.
    """
    from index.attribution.words import TITLES

    words = head.lower().split()
    return bool(words) and words[-1] in TITLES


def _org_word(word: str) -> bool:
    """Whether a lower-case word makes a capitalised run before it a body ("the Republican party").

    Args:
        word: one word.
    Returns:
        True for an organisation word of index.attribution.words.
    """
    from index.attribution.words import ORG_WORDS

    return word.lower() in ORG_WORDS


def _role_head(head: str) -> bool:
    """Whether a subject's head is one role noun ("star", "chairman"), as index.attribution.words lists them.

    Args:
        head: the subject's head (Subject.head).
    Returns:
        True for a single word that is a role noun or a title.
    """
    from index.attribution.words import ROLE_WORDS, TITLES

    words = head.lower().split()
    return len(words) == 1 and (words[0] in ROLE_WORDS or words[0] in TITLES)


# The weakest description match taken as the asked source: below it the question's subject is
# something the documents do not describe. Fit by bench/describe.py: flat from 0.4 to 0.9 (hit@1
# 0.926 at each); the plateau's middle.
MIN_COVER = 0.5
# How sharply a better cover outweighs a worse one when the sources compete for the description
# (a softmax over their covers): "the friend" that fits four sources equally fits none of them, while
# "Snyder's spokesman" fits the one described with both words. Fit by bench/describe.py: hit@1 0.926
# at 1 and 2, 0.920 at 5; 10 let single loose matches through (0.884 with DOC_SHARE 0.5).
SHARPNESS = 2.0


def _key(text: str) -> str:
    """A name as compared: lower case, single spaces, no leading determiner."""
    return _DETERMINER.sub("", re.sub(r"[\s\-]+", " ", text.lower()).strip())


@dataclass(frozen=True)
class Resolved:
    """The sources a described subject means, how sure the match is, and where it sits."""

    speakers: list[str]
    strength: float
    subject: Subject


def resolve(
    question: str,
    named: list[str],
    speakers: list[Speaker],
    profiles_: Callable[[], dict[str, Profile]],
    terms: Terms,
    idf: Callable[[str], float],
    matcher: Callable[[str, list[Speaker]], list[str]],
    on_topic: Callable[[Subject, list[str]], dict[str, float]] | None = None,
    similar: Callable[[str, list[str]], list[float]] | None = None,
) -> Resolved | None:
    """The sources a question asks for by description, or None when it names its speaker outright
    (or describes no source the documents quote).

    Args:
        question: the question as searched.
        named: the speakers the question names by alias (qa.question.match_speakers), first first.
        speakers: the index's sources.
        profiles_: the index's source profiles (computed on first need).
        terms: the index's term maker.
        idf: the index's idf of a term.
        matcher: names the speakers a text mentions (qa.question.match_speakers).
        on_topic: how far each of some sources is quoted on the question's topic (0..1), read
            only where the description fits several sources equally (topic_tiebreak).
        similar: the cosines of a text to each of some phrases (the index's embedder), read only
            where the description fits several sources equally (cosine_tiebreak).
    Returns:
        The resolution, or None.
    """
    subject = subject_of(question)
    if subject is None:
        return None
    if SEATS:
        subject = seat_as_country(subject)
    by_name = {s.name: s for s in speakers}
    key = _key(subject.text)
    from qa.question import role_cover

    for name in named:  # the subject is one of the speaker's own names: an ordinary name question
        s = by_name.get(name)
        if s is not None and any(_key(a) == key for a in (s.name, *s.aliases)):
            return None
        # ... or a role its aliases word otherwise ("the Acme Group analyst" for "analyst at the Acme
        # Group"): documents of two analysts would cover it equally, and the question names one.
        if s is not None and not subject.owner and role_cover(subject.text, s) >= 1.0:
            return None
    excluded = matcher(subject.owner, speakers) if subject.owner else []
    # Whoever a relative clause names is someone else: "the Alabama congressman who beat Griffith".
    clause = _RELATIVE.split(subject.text, maxsplit=1)
    if len(clause) > 1:
        excluded += matcher(clause[1], speakers)
    # ... and so is whoever the rest of the question names: "What did the president say about
    # Hillary Clinton's qualifications?" asks about her, not her.
    # Not where the subject points back to one of them: "Why is Al Gore skipping the convention,
    # according to his spokeswoman?" (whose words the analyser may credit to Gore).
    rest_named: list[str] = []
    if not re.match(r"(?:his|her|their|its)\b", subject.text, re.I):
        rest_named = matcher(question[: subject.start] + " " + question[subject.end :], speakers)
        excluded += rest_named
    ranked = same_person_first(match(subject, profiles_(), terms, idf, excluded), by_name)
    if NATION_GROUPS and nationals(subject):
        # "the Americans" are many: "US officials", not the US President the same words describe.
        groups = [r for r in ranked if _group_source(r[0][0])]
        if groups and groups[0][1] >= ranked[0][1] - TIE_MARGIN:
            ranked = groups
    # A name inside a description it does not fit ("the Trump confidant", "Snyder's spokesman"):
    # the question asks for someone else, whom the documents do not describe so.
    # Not a name of its relative clause ("the Michigan congressman who backs Clinton"): that one is
    # excluded above, and the description before it is what the documents may bind (RELATIVE_FIT).
    described = clause[0] if RELATIVE_FIT else subject.text
    unfit = Resolved([], 0.0, subject) if named and named[0] in matcher(described, speakers) else None
    if unfit is None and TOPIC_NAMES_UNBOUND and topic_named(subject, named, rest_named, matcher, speakers):
        # The speaker slot holds a description and the one name the question gives stands outside
        # it ("What does the head of UVA's center for politics say will decide whether Clinton
        # wins?"): that name is the topic, never the asked speaker, whether or not the documents
        # bind the description (bench/speak33.py, bench/reports/speak33.md).
        unfit = Resolved([], 0.0, subject)
    if not ranked:
        return unfit
    if named and named[0] in ranked[0][0] and not subject.owner:
        return None  # "President Obama": another wording of the speaker the question names
    best = ranked[0][1]
    # The chance the description means the best-covered source rather than any other; taken
    # when it is more likely than all the others together.
    strength = 1.0 / sum(math.exp(SHARPNESS * (v - best)) for _, v in ranked)
    # A tie is broken only among the sources whose own descriptions hold every word of the subject
    # but its head (which the text may word otherwise: "leader" for "President"): "the South Korea
    # president" is not Obama, quoted beside a sentence naming South Korea.
    tied = [
        names
        for names, v in ranked
        if v >= best - TIE_MARGIN and holds_modifiers(subject, names, profiles_(), terms)
    ]
    # A country ("Washington", "the US") fits each of its sources alike: what it blames or wants the
    # writer may report, so its tie stays unbroken; so does a name ("the Washington Post", n5i1).
    if names_country(subject) or not is_description(subject.text):
        tied = []
    # An unnamed source's wording ("president revisited his own") tied with a named person is most
    # likely that person's anaphor: the named one is what the text describes.
    if any(names[0][:1].isupper() for names in tied):
        tied = [names for names in tied if names[0][:1].isupper()]
    if best >= MIN_COVER and strength <= 0.5 and tied and similar is not None and COSINE_MARGIN < 1.0:
        chosen = cosine_tiebreak([r for r in ranked if r[0] in tied], subject, profiles_(), similar)
        if chosen is not None:
            return Resolved(_with_other_entries(chosen, by_name), 0.5 + 1e-6, subject)
    if best >= TIE_COVER and strength <= 0.5 and tied and on_topic is not None and TOPIC_TIE:
        ranked, strength = topic_tiebreak(ranked, subject, on_topic, tied)
    if lone_leader(ranked, strength) and is_description(subject.text):
        return Resolved(_with_other_entries(ranked[0][0], by_name), 0.5 + 1e-6, subject)
    if best < MIN_COVER or strength <= 0.5:
        return unfit
    return Resolved(_with_other_entries(ranked[0][0], by_name), strength, subject)


# Whether a question whose speaker slot holds a description, and which names someone only outside
# that slot, is read as asking for the described source's words (bound when qa.describe binds the
# description, else no one's) rather than the named one's: round 33's census of speaker misses
# (bench/speak33.py) found 12 read-set misses whose asked speaker was such a topic name (Clinton for
# "the head of UVA's center for politics", Assad for "the Russian head of state", "San Bernardino"
# for "the Kentucky senator"). No constant. Measured end to end (bench/reports/speak33.md).
TOPIC_NAMES_UNBOUND = True


def topic_named(
    subject: Subject,
    named: list[str],
    rest_named: list[str],
    matcher: Callable[[str, list[Speaker]], list[str]],
    speakers: list[Speaker],
) -> bool:
    """Whether the first name a question gives is named only outside its described speaker slot.

    Args:
        subject: the question's speaker slot (subject_of).
        named: the speakers the question names (qa.question.match_speakers), first first.
        rest_named: the speakers the question names outside the slot ([] where the slot points back
            to one of them: "his spokeswoman").
        matcher: names the speakers a text mentions (qa.question.match_speakers).
        speakers: the index's sources.
    Returns:
        True when the slot is a description naming no one, and the first named speaker is named
        in the rest of the question.
    """
    if not named or named[0] not in rest_named or not is_description(subject.text):
        return False
    return not matcher(subject.text, speakers)


# Whether a seat of government in a subject is read as its country's name ("the Kremlin leader" as
# "the Russia leader": qa.equivalents.SEATS_OF_GOVERNMENT). Measured by bench/desc26.py
# (bench/reports/desc26.md).
SEATS = True


def seat_as_country(subject: Subject) -> Subject:
    """A subject with each seat of government it names written as its country ("Kremlin" -> "Russia").

    Args:
        subject: the question's subject.
    Returns:
        The subject, its text and owner rewritten (the same span), where the seat qualifies a person
        ("the Kremlin leader", "the head of the Kremlin"); unchanged where it is the head itself.
    """
    from qa.equivalents import SEATS_OF_GOVERNMENT

    def rewrite(text: str) -> str:
        for seat, country in SEATS_OF_GOVERNMENT.items():
            text = re.sub(rf"\b{re.escape(seat)}\b", country.title(), text, flags=re.I)
        return text

    if rewrite(subject.head) != subject.head:
        # The seat itself as the speaker ("How does the Kremlin describe ...", "the kremlin's stated
        # justification") is the government speaking, which the writer may report unquoted: read as
        # its leader it gained h3s08 and lost h8s09 (bench/reports/desc25.md, desc26.md).
        return subject
    return replace(subject, text=rewrite(subject.text), owner=rewrite(subject.owner))


# Whether the names of a subject's relative clause are left out of the test that the subject names
# someone it does not describe (resolve's `unfit`). Measured by bench/desc24.py.
RELATIVE_FIT = True


# How far ahead of every other source the best-covered one must be to be taken although the softmax
# (SHARPNESS) leaves it at most an even chance: over the many sources of a news index the softmax's
# tail sums past the leader ("the RNC chairman": Reince Priebus 1.0, then 0.64, 0.36, 0.36 is a
# strength of 0.49). Fit by bench/desc24.py on the read sets (bench/reports/desc24.md): 0.5 and 0.4
# win one question at 1 and lose none; 0.3 and 0.2 also lift two misses to rank 3 but lose one at
# rank 2; 0.4 is the smallest margin that loses nothing. 1.0 switches it off.
LEAD_MARGIN = 0.4


def lone_leader(ranked: list[tuple[tuple[str, ...], float]], strength: float) -> bool:
    """Whether the best-covered source is taken for being well ahead of all others, though the
    softmax gives it no more than an even chance.

    Args:
        ranked: (names, cover) of the candidate sources, best first.
        strength: the softmax chance of the best.
    Returns:
        True when the best covers at least MIN_COVER of the subject and the second is LEAD_MARGIN or
        more behind.
    """
    if LEAD_MARGIN >= 1.0 or strength > 0.5 or not ranked or ranked[0][1] < MIN_COVER:
        return False
    return len(ranked) == 1 or ranked[1][1] <= ranked[0][1] - LEAD_MARGIN


# Whether a people named by their nationality ("the Americans") means the group sources their
# country's words describe ("US officials") over a person (nationals). Measured by
# bench/described_forms.py ("group") and on h9's questions of the kind (bench/reports/described_forms.md).
NATION_GROUPS = True


def nationals(subject: Subject) -> bool:
    """Whether a subject is a people named by nationality: "Americans", "the Russians", "the British".

    Args:
        subject: the question's subject.
    Returns:
        True for one word that is a nationality in the plural (or a nationality word taking no plural
        ending) naming a country, not the country's own name ("Russia").
    """
    words = subject.text.split()
    if len(words) != 1 or subject.owner or names_country(subject):
        return False
    w = words[0].capitalize()
    return bool(country_words(w[:-1], "")) if w.endswith("s") else w.endswith(("ish", "ese", "ch"))


def nationals_phrase(phrase: str) -> bool:
    """nationals of a speaker phrase as written ("the Americans").

    Args:
        phrase: a speaker phrase.
    Returns:
        True when NATION_GROUPS is on and the phrase is a people named by nationality.
    """
    text = _DETERMINER.sub("", phrase.strip())
    return NATION_GROUPS and nationals(Subject(0, len(text), text, "", text))


def _group_source(name: str) -> bool:
    """Whether a source is a group by its wording: a plural noun last ("US officials", "diplomats")."""
    last = name.split()[-1] if name.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _with_other_entries(chosen: tuple[str, ...], by_name: dict[str, Speaker]) -> list[str]:
    """The entries of the chosen person, then the index's other entries of the same person that the
    description did not reach ("Mr. Wen", quoted without the title "Wen Lou" has).

    Args:
        chosen: the person's ranked entries, best first.
        by_name: the index's sources by name.
    Returns:
        The entries, chosen ones first.
    """
    full = max(chosen, key=lambda n: len(n.split()))
    words = {w.lower() for w in full.split()}
    near = [m for m in by_name if m not in chosen and (len(m.split()) == 1 and m.lower() in words)]
    aliases = {a.lower() for n in chosen if n in by_name for a in by_name[n].aliases}
    near += [m for m in by_name if m not in chosen and m not in near and m.lower() in aliases]
    if not near:
        return list(chosen)
    joined = same_person_first([(n, 1.0) for n in (*chosen, *near)], by_name)
    same = next((names for names, _ in joined if chosen[0] in names), chosen)
    return [*chosen, *(n for n in same if n not in chosen)]


# How much closer (cosine, the index's embedder) the subject must be to one tied source's closest
# description than to every other's for that source to be meant: "the leader of the United States"
# is 0.75 from "US President" (Obama), 0.39 from "US officials". 1.0 switches it off. Fit by
# bench/polnear_speaker_questions.py --set (bench/reports/speaker_described.md, round 17).
COSINE_MARGIN = 0.15


def is_description(text: str) -> bool:
    """Whether a subject describes its source rather than names it: a lower-case word other than a
    preposition, an article or "and" ("the secretary of state", not "the Washington Post").

    Args:
        text: the subject (Subject.text).
    Returns:
        True for a description.
    """
    if PARTY_NOUNS and _PARTY_NOUN.search(text):  # "the Texas Republican" describes (one person)
        return True
    return bool(re.search(r"\b(?!(?:of|the|and|for|on|at|in)\b)[a-z]", text))


# A member of a party named by the party's noun: "the Texas Republican", "the New York Democrat"; not
# the plural, a group ("West Virginia Democrats" of a poll's "36 percent of Democrats", nh4 n4e1).
_PARTY_NOUN = re.compile(r"\b(?:Democrat|Republican|Independent|Libertarian)$", re.I)
_PARTY_MEMBER = re.compile(
    r"^(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+(?P<rest>Democrat|Republican|Independent)$",
    re.I,
)


def party_member(text: str) -> bool:
    """Whether a phrase is a party member by place: "Nevada Democrat", "the Texas Republican".

    Args:
        text: a speaker phrase.
    Returns:
        True when PARTY_NOUNS is on and the phrase is capitalised words and a party's noun.
    """
    return PARTY_NOUNS and _PARTY_MEMBER.match(_DETERMINER.sub("", text.strip())) is not None


# Whether a party's noun makes a subject a description of a party member (is_description, subject_of).
# Measured by bench/described_forms.py (bench/reports/described_forms.md).
PARTY_NOUNS = True


def holds_modifiers(
    subject: Subject, names: tuple[str, ...], profiles_: dict[str, Profile], terms: Terms
) -> bool:
    """Whether one person's own descriptions hold every word of the subject but its head noun.

    Args:
        subject: the question's subject.
        names: the person's entries.
        profiles_: the index's source profiles.
        terms: the index's term maker.
    Returns:
        True when each such word is in some entry's descriptions (Profile.own).
    """
    head = set(terms(_head_noun(subject)))
    rest = [t for t in dict.fromkeys(terms(subject.text)) if t not in head]
    return all(any(n in profiles_ and t in profiles_[n].own for n in names) for t in rest)


def cosine_tiebreak(
    ranked: list[tuple[tuple[str, ...], float]],
    subject: Subject,
    profiles_: dict[str, Profile],
    similar: Callable[[str, list[str]], list[float]],
) -> tuple[str, ...] | None:
    """The one source, of those a description fits about equally, whose own description is clearly
    the closest to the subject in the embedding space.

    Args:
        ranked: (a person's entries, cover), best first (same_person_first).
        subject: the question's subject.
        profiles_: the index's source profiles.
        similar: the cosines of a text to each of some phrases.
    Returns:
        That person's entries, or None when no tied source is COSINE_MARGIN closer than the others.
    """
    best = ranked[0][1]
    tied = [names for names, v in ranked if v >= best - TIE_MARGIN]
    phrases = {names: [p for n in names for p in profiles_[n].phrases] for names in tied}
    flat = [p for ps in phrases.values() for p in ps]
    if len(tied) < 2 or not flat:
        return None
    cos = dict(zip(flat, similar(subject.text, flat), strict=True))
    closest = sorted(
        ((max((cos[p] for p in ps), default=0.0), names) for names, ps in phrases.items()), reverse=True
    )
    return closest[0][1] if closest[0][0] - closest[1][0] >= COSINE_MARGIN else None


# How much being quoted on the question's topic adds to a source's description cover where the
# description fits several sources about equally ("the president" of an index quoting Obama, Bill
# Clinton and Trump, each titled so): the one quoted on the topic is meant. Fit by
# bench/polnear_speaker_questions.py --set (bench/reports/speaker_described.md, round 17).
TOPIC_TIE = 2.0
# The covers within this of the best count as tied (topic_tiebreak).
TIE_MARGIN = 0.25
# The topic decides only among sources that hold about all of the description: where the best holds
# part of it ("the South Korea president" of an index quoting no Korean, only other presidents), the
# one quoted on the topic is someone else, and the "not quoted" decline must stand. Fit by
# bench/polnear_speaker_questions.py --set (bench/reports/speaker_described.md, round 17).
TIE_COVER = 0.75


def topic_tiebreak(
    ranked: list[tuple[tuple[str, ...], float]],
    subject: Subject,
    on_topic: Callable[[Subject, list[str]], dict[str, float]],
    tied: list[tuple[str, ...]] | None = None,
) -> tuple[list[tuple[tuple[str, ...], float]], float]:
    """The ranking of sources a description fits about equally, with their topic evidence added.

    Args:
        ranked: (a person's entries, cover), best first (same_person_first).
        subject: the question's subject.
        on_topic: each named source's share of the topic in its quotes (0..1).
        tied: the persons the topic may decide between (resolve); None: those within TIE_MARGIN.
    Returns:
        (the ranking again, best first; the best one's strength as resolve computes it).
    """
    best = ranked[0][1]
    if tied is None:
        tied = [names for names, v in ranked if v >= best - TIE_MARGIN]
    share = on_topic(subject, [n for names in tied for n in names])
    scored = sorted(
        (
            (names, v + TOPIC_TIE * max((share.get(n, 0.0) for n in names if names in tied), default=0.0))
            for names, v in ranked
        ),
        key=lambda x: (-x[1], x[0][0]),
    )
    top = scored[0][1]
    return scored, 1.0 / sum(math.exp(SHARPNESS * (v - top)) for _, v in scored)


def same_person_first(
    ranked: list[tuple[str, float]], by_name: dict[str, Speaker]
) -> list[tuple[tuple[str, ...], float]]:
    """Ranked sources with the entries of one person joined: "Lou" (quoted as "Mr. Lou") and "Lou
    Jiwei" of the same article are one candidate, not two that split the description between them.

    Two entries are one person when one's name is an alias of the other's, or is one word that is
    a word of exactly one other ranked entry's name.

    Args:
        ranked: (source, strength), best first (match).
        by_name: the index's sources by name.
    Returns:
        (the person's entries, best first; their best strength), best first.
    """
    names = [n for n, _ in ranked]
    group = {n: n for n in names}
    for n in names:
        s = by_name.get(n)
        aliases = {a.lower() for a in (s.aliases if s is not None else ())}
        for m in names:
            if m != n and group[m] == m and m.lower() in aliases and len(m.split()) < len(n.split()):
                group[m] = n
    for m in names:
        if group[m] == m and len(m.split()) == 1 and m[:1].isupper():
            # "Lou" and "Lou Jiwei": a surname written first is a name's word as well as a last one.
            fuller = [n for n in names if len(n.split()) > 1 and m.lower() in n.lower().split()]
            if len(fuller) == 1:
                group[m] = fuller[0]
    out: dict[str, list[tuple[str, float]]] = {}
    for n, v in ranked:
        out.setdefault(group[n], []).append((n, v))
    return sorted(
        ((tuple(n for n, _ in ms), ms[0][1]) for ms in out.values()), key=lambda x: (-x[1], x[0][0])
    )
