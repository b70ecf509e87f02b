"""Recognise article furniture: headline, standfirst, credits, captions, dates, bylines, footers.

Questions such as "who took the photo?" or "when was this updated?" are answered by these
short lines, and ordinary questions should not be answered by them; labelling them lets
the query side tell the two apart. Every rule looks at the shape of a paragraph and its
neighbours, never at any particular publication, so plain prose stays "body".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.attribution.words import MONTH_RE, SUFFIXES
from index.chunk import sentences
from index.model import KINDS, Chunk, TextSlices

VERSION = 5  # of the labelling rules; 2: parts stated by a web page's markup, full-stop headlines;
# 3: author lines at the end ("Jane Roe is a columnist for ...", "Follow Jane Roe on Twitter") and
# top ("Jane Roe, Political correspondent") are bylines; "Contributing: ..." is a footer; 4: a signature
# at the end ("- Jane Roe.") or a line naming only a news agency ("(Reuters)") at the top or end is a
# byline; "Credit: Reuters." is a credit; a plain-text first line of two sentences, of up to 30 words in
# title case, or of a headline and a longer subheadline, is the headline; 5: a plain text's photo credit
# ("Jane Roe / Reuters.", "Jane Roe via Getty Images.", "Getty.") is a credit; "Twitter: @jroe." and
# "Jane Roe writes about ..." at the end are bylines; closing credits to reporters ("Jane Roe contributed
# reporting.", "Roe reported from Springfield.") are footers; the paragraph under an "ABSTRACT." line
# below the headline is the standfirst

_DESCRIPTIONS = {
    "body": "text",
    "headline": "headline",
    "standfirst": "summary",
    "caption": "photo caption",
    "credit": "photo credit",
    "dateline": "date line",
    "byline": "byline",
    "footer": "footer",
}
assert set(_DESCRIPTIONS) == set(KINDS)


def describe(kind: str) -> str:
    """A short human label for a passage kind, for display ("photo credit", "caption", ...)."""
    return _DESCRIPTIONS.get(kind, kind)


# ---------------------------------------------------------------------------
# Patterns on single paragraphs (whitespace collapsed, Markdown emphasis removed)
# ---------------------------------------------------------------------------

_MONTH = MONTH_RE + r"\.?"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_TIME = (
    r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}(?:[:.]\d{2})+(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?)?"
)
_ONLY_DATE = re.compile(rf"{_DATE}{_TIME}", re.IGNORECASE)
_DATE_KEY = re.compile(
    r"(?:last\s+)?(?:updated|published|posted|modified|first\s+published|created|date)"
    rf"(?:\s+(?:on|at))?\s*:?\s*(?={_WEEKDAY}|{_MONTH}|\d|an?\s+\w+\s+ago)",
    re.IGNORECASE,
)

_CREDIT_KEY = re.compile(
    r"\(?\s*(?:(?:photo(?:graph)?s?|images?|pictures?|pics?|video|illustrations?|graphics?|footage)"
    r"(?:\s+(?:by|credits?|courtesy(?:\s+of)?|source))?\s*(?::|\||/|–|—|-|by\b)"
    r"|(?:photo\s+|image\s+)?credits?\s*:|courtesy(?:\s+of)?\s)",
    re.IGNORECASE,
)
_AGENCY = (
    r"(?i:Reuters|AP|AFP|Getty(?:\s+Images)?|EPA|Xinhua|Anadolu(?:\s+Agency)?|Bloomberg|PA|AAP"
    r"|Shutterstock|Alamy|Associated Press|dpa|ANSA|Kyodo|Yonhap|Sipa)"
)
# A photo agency, whose name alone on a line is a photo credit ("Getty.", "Getty Images"), not a byline.
_PHOTO_AGENCY = r"(?i:Getty(?:\s+Images)?|Shutterstock|Alamy|iStock(?:photo)?)"
# Capitalised words: a photographer's or an outlet's name ("MICHAEL B. THOMAS", "Orlando Sentinel").
_CREDIT_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
# "AFP/Jane Roe", "Jane Roe / Reuters.", "Jane Roe via Getty Images.", "John Doe/Getty Images.",
# "Getty.": who took the picture and for which agency, the trailing full stop of a plain text allowed.
_AGENCY_SLASH = re.compile(
    rf"\(?(?:{_AGENCY}(?:\s+PHOTO)?\s*/\s*[A-Z][\w .'’-]{{1,40}}|[A-Z][\w .'’-]{{1,40}}/\s*{_AGENCY}"
    rf"(?:\s*/\s*{_AGENCY})*|{_CREDIT_NAME}\s+via\s+{_AGENCY}|{_PHOTO_AGENCY})\)?\.?",
)
_TRAILING_CREDIT = re.compile(
    r"[(\[]\s*(?:photo(?:graph)?|image|picture|credit)s?(?:\s+by)?\s*[:/]?\s*[^)\]]{1,60}[)\]]\s*\.?$"
    r"|[.!?]\s+(?:photo(?:graph)?|image|picture|credit)s?(?:\s+by)?\s*:\s*[^.:;]{2,50}/[^.:;]{2,40}$"
    # "... on October 2, 2015. (JANE ROE/AFP/Getty Images)": a photographer and agencies in brackets
    rf"|[(\[]\s*{_CREDIT_NAME}\s*/\s*{_AGENCY}(?:\s*/\s*{_AGENCY})*\s*[)\]]\s*\.?$",
    re.IGNORECASE,
)

# A dateline opening the story's first paragraph: the place it was filed from in capitals, maybe a
# state or country and a wire agency, then a dash ("BERLIN - ", "SPRINGFIELD, Ill. (AP) — ",
# "SALT LAKE CITY -- "). At most three capitalised words for the place: a run-in subhead in capitals
# ("VOTERS WANT MORE THAN A WINNER - ...") is longer.
# The place may be followed by the date it was filed ("NEW YORK, Nov. 19 (UPI) — ", "PARIS, Aug 31
# (Reuters) - "). With a wire agency in brackets, the place may be written in title case ("Cleveland
# (AFP) – ") or left out ("Dec 29 (Reuters) - "): the bracketed agency before the dash marks the dateline.
_PLACE_CAPS = r"[A-Z][A-Z'’.-]+"
_WIRE = rf"(?:{_AGENCY}|UPI)"
_STATE = r"(?:\s*,\s*(?!" + MONTH_RE + r"\b)[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?"
_FILED_ON = rf"(?:\s*,?\s*{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?)"
_DASH = r"\s*(?:--?|–|—|―)\s+(?=\S)"
_OPENING_DATELINE = re.compile(
    rf"{_PLACE_CAPS}(?:\s+{_PLACE_CAPS}){{0,2}}{_STATE}(?:\s*,\s*{_FILED_ON})?(?:\s*\(\s*{_WIRE}\s*\))?{_DASH}"
    rf"|(?:[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){{0,2}}{_STATE}(?:\s*,\s*{_FILED_ON})?|{_FILED_ON})"
    rf"\s*\(\s*{_WIRE}\s*\){_DASH}"
)
# The date a dateline gives ("Nov. 19" in "NEW YORK, Nov. 19 (UPI) — ").
_DATELINE_DATE = re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?")


def dateline_opening(text: str) -> int:
    """The length of the dateline a story's paragraph opens with ("BERLIN - " in "BERLIN - Donald
    Trump may be ..."), 0 for none. The dateline is part of the lede's paragraph, which stays body:
    a question asking where the story is datelined is answered by that paragraph (qa.rank).

    Args:
        text: a paragraph's text, or a passage's that starts its paragraph.
    Returns:
        The end offset of the dateline and the dash after it in `text`, or 0.
    """
    m = _OPENING_DATELINE.match(text)
    return m.end() if m else 0


_WIRE_CREDIT = re.compile(rf"\(\s*{_WIRE}\s*\)")


def dateline_credit(text: str) -> tuple[int, int] | None:
    """Where the dateline a paragraph opens with credits a news agency ("(UPI)" in "WASHINGTON,
    Aug. 19 (UPI) — ...", "(Reuters)" in "PARIS, Aug 31 (Reuters) - "): the agency that sent the
    story.

    Args:
        text: a paragraph's text, or a passage's that starts its paragraph.
    Returns:
        The (start, end) of the bracketed agency in `text`, or None for no dateline or no agency.
    """
    end = dateline_opening(text)
    m = _WIRE_CREDIT.search(text, 0, end) if end else None
    return m.span() if m else None


# A plain-text headline that runs on into its subheadline after a semicolon ("China rebuts American
# criticism on overcapacity;  Investment, official says, helped global economy ..."): the part after
# the semicolon is the standfirst (the dek).
_HEADLINE_DEK = re.compile(r";\s+(?=[A-Z\"“'‘])")


def headline_dek(text: str) -> int:
    """Where the standfirst starts in a headline that runs on into it after a semicolon.

    Args:
        text: a headline passage's text.
    Returns:
        The offset of the standfirst in `text`, 0 for a headline without one.
    """
    m = _HEADLINE_DEK.search(text)
    return m.end() if m and m.end() < len(text) else 0


def dateline_dated(text: str) -> bool:
    """Whether the dateline a paragraph opens with gives the date the story was filed ("NEW YORK,
    Nov. 19 (UPI) — ..."), not only the place ("BERLIN - ...").

    Args:
        text: a paragraph's text, or a passage's that starts its paragraph.
    Returns:
        True when `dateline_opening` finds a dateline holding a month and day.
    """
    end = dateline_opening(text)
    return bool(end) and bool(_DATELINE_DATE.search(text, 0, end))


_NAME = r"[A-Z][\w'’.-]*"
_NAME_STOP = re.compile(
    rf"(?:The|This|That|These|Those|Then|Now|Far|Late|Early|Mid|Using|Way|All|Any|Some|{_WEEKDAY}"
    rf"|{_MONTH})$"
)
_BYLINE = re.compile(
    rf"(?i:(?:written|story|words|text|reported|reporting)\s+)?(?i:by)\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})"
    rf"(?:\s*(?:,|\band\b|&|\||-|–|—)\s*(?:(?:for|in|of|the|at)\s+)*{_NAME}"
    rf"(?:\s+(?:{_NAME}|of|the|and|for|in|at|&))*)*",
)
_BYLINE_PIPE = re.compile(rf"{_NAME}(?:\s+{_NAME}){{1,3}}\s*[|•·]\s*\S.{{0,60}}")
_AUTHOR = re.compile(r"(?:author|authors|writer)\s*:\s*[A-Z].{0,80}", re.IGNORECASE)

# A line about the article's author, at its end (or top): "Jane Roe, a law professor at X University,
# is a member of OUTLET's Board of Contributors.", "Jane Roe is a columnist for OUTLET.", "Contact
# Jane Roe at jroe@example.com", "Follow Jane Roe on Twitter @jroe." A person's name (capitalised
# words, initials, a nickname in brackets), then "is" and a role tied to a place ("at", "for", "of").
_PERSON = (
    r"(?:(?:Rep|Sen|Gov|Dr|Prof|Mr|Mrs|Ms)\.\s+)?(?P<name>[A-Z][\w'’-]*\.?"
    r"(?:\s+(?:[A-Z][\w'’-]*\.?|\([A-Z][\w'’.-]*\)|(?:de|van|von|da|del|la|le|al|bin)(?=\s+[A-Z]))){0,4})"
)
_AUTHOR_BIO = re.compile(
    rf"{_PERSON}(?:\s*,\s*[^,;:!?\"“”]{{3,160}}?,)?\s+is\s+"
    # a role, not what the person is doing ("is currently pushing for", "is expected to")
    r"(?!\w+ly\b|\w+ing\b|(?:not|also|still|now|expected|set|scheduled|said|reported|due|about)\b)"
    r"(?:[^.!?\"“”]|\.(?!\s+[A-Z][a-z])){2,200}?\b(?:at|for|of|with|on)\s+\S"
)
# "Jane Roe writes about politics for OUTLET.", "Jane Roe, a former mayor, writes a weekly column on ...".
_AUTHOR_WRITES = re.compile(
    rf"{_PERSON}(?:\s*,\s*[^,;:!?\"“”]{{3,160}}?,)?\s+(?:writes|blogs)"
    r"(?:\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:column|blog|newsletter)\b)?\s+(?:about|on|for|from)\s+\S"
)
_AUTHOR_CONTACT = re.compile(
    r"(?i:follow|contact|reach|e-?mail|write\s+to)\s+(?!(?i:us|me|our|the\s+\w+\s+team)\b)(?:[\w'’.-]+\s+){0,10}?"
    rf"{_PERSON}(?:\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?\s+(?i:on|at|via|by)\b"
)
# At the top, a name with a newsroom role: "Jane Roe, Political correspondent", "Jane Roe BBC
# News, Kabul correspondent" (a web page's byline block run into one line).
_NEWSROOM = (
    r"(?i:correspondents?|editors?|reporters?|writers?|columnists?|journalists?|contributors?|bloggers?"
    r"|producers?|commentators?|critics?)"
)
_TOP_AUTHOR = re.compile(
    rf"{_PERSON}\s*(?:,|-|–|—|\||:)?\s*(?:[\w'’&.-]+\s+){{0,4}}?{_NEWSROOM}\b(?:\s*(?:,|at|for|of|in|-|–)\s*[^.!?]{{0,60}})?\.?"
)
_ROLE_LINE = re.compile(
    rf"(?:[\w'’&.-]+,?\s+){{0,4}}?{_NEWSROOM}\b(?:\s*(?:,|at|for|of|in|-|–)\s*[^.!?]{{0,60}})?\.?"
)
_WRITER_WORD = re.compile(rf"\b{_NEWSROOM}\b|\bauthor\s+of\b|\bBoard\s+of\s+Contributors\b")
# Words that do not start a person's name ("It is a shame ...", "This is a fight for ...").
_NOT_A_NAME = re.compile(
    r"(?:It|This|That|These|Those|There|Here|What|Which|Who|He|She|They|We|I|You|One|Each|Every|Our|Their|"
    r"His|Her|Its|My|Your|The|A|An|And|But|So|If|Now|Today|Yesterday|Tomorrow|Nothing|Everything|"
    r"Politics|America|Twitter)$"
)

_FOOTER = re.compile(
    r"(?:^[-–—]*\s*\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research|translation"
    r"|translated|graphics|contributing)(?:\s+\w+)?\s+by\b|^contributing\s*:"
    r"|contributed\s+to\s+this\s+(?:report|story|article)"
    r"|^(?:©|\(c\)\s|copyright\b)|all\s+rights\s+reserved"
    r"|\band\s+(?:agencies|wires|wire\s+services)\.?$"
    r"|^sources?\s*:|^(?:follow|contact)\s+(?:us|me|the\s+author|\w+)\s+(?:on|at)\b"
    r"|originally\s+(?:published|appeared)\b)",
    re.IGNORECASE,
)

_CAPTION_START = re.compile(
    r"(?:pictured|above|below|left|right|top|bottom|file\s+photo|in\s+this\s+(?:file\s+)?photo"
    r"|main\s+image|caption)\s*[:,–—-]|\(?(?:L|R|L-R|R-L|from\s+left|left\s+to\s+right)\)?\s*[:,]",
    re.IGNORECASE,
)
_CAPTION_VERB = re.compile(
    r"\b(?:addresses|speaks|walks|arrives|attends|gestures|looks|waves|sits|stands|holds|poses|pose"
    r"|gather|gathers|march|marches|listens|delivers|shakes\s+hands|takes\s+part|reacts|react"
    r"|(?:is|are)\s+(?:seen|pictured|shown|photographed))\b"
    r"|\((?:L|R|C|left|right|centre|center)\)|\bpictured\b|\bfile\s+photo\b|\bleft\s+to\s+right\b",
    re.IGNORECASE,
)
_ENDS_WITH_DATE = re.compile(rf"(?:,|\bon|\bin)\s+{_DATE}\.?$", re.IGNORECASE)
# A line that only announces the summary under it: "ABSTRACT.", "Summary:", "In brief".
_SUMMARY_LABEL = re.compile(r"(?:abstract|summary|in\s+brief|at\s+a\s+glance)\s*[.:]?", re.I)
_SPEECH = re.compile(r"[\"“”]")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_ITEM = re.compile(r"(?:[-*+•·]|\d{1,3}[.)])\s")


def _clean(s: str) -> str:
    """Collapse whitespace (incl. no-break spaces) and drop Markdown heading and emphasis marks."""
    s = " ".join(s.split())
    s = re.sub(r"^#{1,6}\s+", "", s)
    s = re.sub(r"^([*_]{1,3})(.+)\1$", r"\2", s)
    return s.strip()


# What a credit line names after its key, ending in a full stop: "Credit: Reuters.", "Photo: Jane Roe/AP."
_CREDITED = re.compile(r"(?:[A-Z][\w'’.&-]*|and|of|the|for|via|/|,|\s)+\.")


def _is_credit(s: str) -> bool:
    if len(s) > 120:
        return False
    key = _CREDIT_KEY.match(s)
    if key and not _SENTENCE_END.search(s.rstrip(")")):
        return True
    if key and _CREDITED.fullmatch(s[key.end() :].strip()) and _words(s) <= 8:
        return True
    return bool(_AGENCY_SLASH.fullmatch(s))


# A line that names only a news agency: "(Reuters)", "Associated Press.", "AP" above or under the story.
_AGENCY_LINE = re.compile(rf"\(?\s*(?:{_AGENCY})\s*\)?\s*\.?")


def looks_like_credit(s: str) -> bool:
    """A photo credit line ("Photograph: Jane Doe/Reuters", "AFP/Jonathan Smith")."""
    return _is_credit(_clean(s))


def looks_like_dateline(s: str) -> bool:
    """A line that only dates the article ("Published Nov 8, 2023", "Mon 20 Jan 2020 06.05 GMT")."""
    return _is_dateline(_clean(s))


def _is_dateline(s: str) -> bool:
    if len(s) > 100:
        return False
    if _ONLY_DATE.fullmatch(s.rstrip(".")):
        return True
    return bool(_DATE_KEY.match(s)) and bool(_ONLY_DATE.search(s) or re.search(r"\bago$", s))


def _is_byline(s: str) -> bool:
    if len(s) > 100 or re.search(r"\d", s):
        return False
    m = _BYLINE.fullmatch(s)
    if m:
        first = m.group("name").split()[0]
        return not _NAME_STOP.match(first)
    return bool(_BYLINE_PIPE.fullmatch(s) or _AUTHOR.fullmatch(s))


_WRITER_CONTACT = re.compile(
    r"(?:follow|contact|reach|e-?mail|write\s+to)\s+(?:the\s+)?(?:author|writer|reporter|columnist)s?\b", re.I
)


def _author_name(s: str) -> str | None:
    """The name of the person a line introduces as the article's author, or None: "Jane Roe" in
    "Jane Roe, a law professor at X University, is a member of OUTLET's Board of Contributors." or
    "Follow Jane Roe on Twitter @jroe."; "" for a line that names no one ("Contact the writer at ...")."""
    if len(s) > 400:
        return None
    spans = sentences(s)
    if not spans or len(spans) > 3:
        return None
    if _WRITER_CONTACT.match(s):
        return ""
    m = _AUTHOR_CONTACT.match(s) or _AUTHOR_BIO.match(s) or _AUTHOR_WRITES.match(s)
    if m is None or _NOT_A_NAME.match(m.group("name").split()[0]):
        return None
    return m.group("name")


def _mentioned(name: str, paragraphs: Sequence[str], skip: int) -> bool:
    """Whether the surname of `name` (its last word but a suffix) appears in any paragraph but `skip`.
    Only the surname: "Follow John Nolte on Twitter" closes articles that name other Johns."""
    words = [w.strip(".") for w in name.split() if not w.startswith("(")]
    words = [w for w in words if w.lower() not in SUFFIXES] or words
    rx = re.compile(rf"\b{re.escape(words[-1])}\b")
    return any(rx.search(p) for i, p in enumerate(paragraphs) if i != skip)


def _is_author_line(clean: Sequence[str], i: int) -> bool:
    """Whether paragraph `i` is a line about the article's author: its author line's shape, and a
    name that the rest of the article never mentions (an author is not whom the article is about:
    "Larry Sabato is director of the Center for Politics" closes a story that quoted him)."""
    name = _author_name(clean[i])
    return name is not None and not (name and _mentioned(name, clean, i))


# A signature under the article: "- Jane Roe.", "— Jane Roe and John Doe", "-Jane Roe, Springfield.",
# "- Reuters.": a dash, then only capitalised words (names, a place), joined by commas or "and".
_CAPS = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|da|del|la|le|al|bin)(?=\s+[A-Z]))){0,4}"
_SIGNATURE = re.compile(rf"[-–—]{{1,2}}\s*{_CAPS}(?:\s*(?:,|\band\b|&)\s*{_CAPS}){{0,3}}\s*\.?")

# A line crediting the reporters under the article, as its closing sentences: "Jane Roe contributed
# to this story.", "Jane Roe contributed reporting from Springfield.", "Roe reported from Springfield;
# Doe, from Shelbyville.", "Wire Service writer John Doe contributed from Ogdenville." Capitalised
# names (after a newsroom role), "contributed" or "reported", at most a place after "from"/"in".
_PLACES = r"[A-Z][\w.'’-]*(?:(?:\s+|\s*[,;]\s*)(?:[A-Z][\w.'’-]*|from|and))*"
_CONTRIBUTED = re.compile(
    rf"(?:(?:(?:[A-Z][\w'’.-]*\s+){{0,3}}{_NEWSROOM}\s+)?{_CAPS}(?:\s*(?:,|\band\b|&)\s*{_CAPS})*"
    r"\s+(?:contributed|reported)(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?"
    rf"(?:\s+(?:from|in)\s+{_PLACES})?\.\s*)+"
)
# A line giving the author's handle or address under the article: "Twitter: @jroe.", "Email: jroe@example.com".
_ADDRESS = r"(?:@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
_HANDLE_LINE = re.compile(
    rf"(?i:twitter|instagram|e-?mail|contact)\s*:\s*{_ADDRESS}(?:\s*(?:,|;|\||\band\b)\s*{_ADDRESS})*\s*\.?"
)


def _is_footer(s: str) -> bool:
    """Whether a closing line is a footer: stated as one (`_FOOTER`: "Reporting by ...", "(c) ...") or
    crediting the reporters (`_CONTRIBUTED`: "Jane Roe contributed to this story.")."""
    return bool(_FOOTER.search(s) or _CONTRIBUTED.fullmatch(s))


def _is_signature(clean: Sequence[str], i: int) -> bool:
    """Whether paragraph `i` signs the article: a dash and a name ("- Jane Roe."), not the last item
    of a list (the paragraph above it is not an item too)."""
    s = clean[i]
    if len(s) > 80 or not _SIGNATURE.fullmatch(s) or _NOT_A_NAME.match(s.lstrip("-–— ").split()[0]):
        return False
    return i == 0 or not _ITEM.match(clean[i - 1])


def _is_top_author_line(clean: Sequence[str], i: int) -> bool:
    """Whether paragraph `i`, near the top, is about the article's author: a name with a newsroom
    role, or an author line (`_author_name`) with a writer's word in it, whose surname the rest of
    the article never mentions."""
    s = clean[i]
    m = _TOP_AUTHOR.fullmatch(s) if len(s) <= 120 and _words(s) <= 16 else None
    if m is not None and not _NOT_A_NAME.match(m.group("name").split()[0]):
        name: str | None = m.group("name")
    else:
        name = _author_name(s) if _WRITER_WORD.search(s) else None
    return name is not None and not (name and _mentioned(name, clean, i))


def _name_then_role(clean: Sequence[str], i: int) -> bool:
    """Whether paragraph `i` is only a person's name and the next one a newsroom role ("Jane Roe" /
    "Ledger News, Kabul correspondent"), the name not mentioned elsewhere in the article."""
    m = re.fullmatch(_PERSON, clean[i]) if len(clean[i]) <= 60 else None
    if m is None or _NOT_A_NAME.match(m.group("name").split()[0]) or len(m.group("name").split()) < 2:
        return False
    nxt = clean[i + 1]
    return len(nxt) <= 100 and bool(_ROLE_LINE.fullmatch(nxt)) and not _mentioned(m.group("name"), clean, i)


def _pattern_kind(s: str) -> str | None:
    if _is_credit(s):
        return "credit"
    if _is_dateline(s):
        return "dateline"
    if _is_byline(s):
        return "byline"
    return None


def _words(s: str) -> int:
    return len(s.split())


def _is_headline(raw: str, s: str) -> bool:
    if raw.lstrip().startswith("#"):
        return True
    return 0 < len(s) <= 160 and _words(s) <= 25 and "\n" not in raw and not re.search(r"[.!:;,]$", s)


_FUNCTION_WORD = re.compile(
    r"(?:a|an|the|and|or|but|nor|of|to|in|on|at|by|for|from|with|as|is|are|was|be|vs?\.?|per|via|its|it|up)$",
    re.IGNORECASE,
)


def _title_case(s: str) -> bool:
    """Whether a line is written in title case ("Trump Calls On Obama To Resign."): at least four
    words that are not function words, and every one of them capitalised (or a number)."""
    content = [w for w in re.findall(r"[\w'’-]+", s) if not _FUNCTION_WORD.match(w)]
    return len(content) >= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _headline_sentence(texts: Sequence[str], clean: Sequence[str], i: int = 0) -> bool:
    """Whether paragraph `i`, the first line of the article but for furniture above it (a date line,
    a byline), reads as a headline above longer paragraphs, though it ends in a full stop:
    the headline of a plain-text article ("Trump, Carson flop with Jewish Republicans.", "What's next
    for Sanders? Much rests on his answer.", "10 Things to Know for Today."). One line break is
    allowed where a headline runs into its subheadline ("Death on the trail;" / "Candidates step up
    war of words."). At most 16 words on the headline's line (a story's short first sentence is
    longer), or 30 in title case; a subheadline line of at most 30 words; two sentences at most on
    each line; no quotation marks (a lede quoting someone); and a longer paragraph among the next three."""
    if len(texts) < i + 2:
        return False
    raw, s = texts[i].strip(), clean[i]
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    if len(lines) > 2 or (len(lines) == 2 and not re.search(r"[;:,–—-]$", lines[0])):
        return False
    head = lines[0]
    if not re.match(r"[‘'(]?[A-Z0-9]", s) or _SPEECH.search(s):
        return False
    limit, chars = (30, 220) if _title_case(head) else (16, 120)
    if not 2 <= _words(head) <= limit or len(head) > chars:
        return False
    if any(_sentence_count(line) > 2 for line in lines) or (len(lines) == 2 and _words(lines[1]) > 30):
        return False
    if not _SENTENCE_END.search(s):
        return False
    return any(_words(c) > _words(head) for c in clean[i + 1 : i + 4])


def _caption_like(s: str) -> bool:
    return bool(_CAPTION_VERB.search(s) or _ENDS_WITH_DATE.search(s) or _CAPTION_START.match(s))


def _sentence_count(s: str) -> int:
    return len(sentences(s))


def classify(
    texts: Sequence[str],
    known: list[str | None] | None = None,
    clean: Sequence[str] | None = None,
    *,
    top: bool = True,
    bottom: bool = True,
) -> list[str]:
    """Kinds of consecutive paragraphs of one document (the raw paragraph texts).

    `known` gives the kinds the source's markup states (a web page's headline, byline,
    captions...); those are kept, and the rules below label only the other paragraphs.
    `clean` is `texts` through `_clean`, when the caller has it made lazily (see `label`).
    `top` / `bottom`: whether `texts` begin / end the document. A window of a long document
    (index/windows.py) that does not gets none of the rules of a document's top (headline, header
    zone, standfirst) / end (footers): they look only at its first 10 / last 4 paragraphs.
    """
    n = len(texts)
    if clean is None:
        clean = [_clean(t) for t in texts]
    given = known if known is not None else [None] * n
    kinds: list[str | None] = [g or _pattern_kind(s) for g, s in zip(given, clean, strict=True)]
    marked = any(g == "headline" for g in given)
    furniture = {"credit", "dateline", "byline"}

    # Lines about the author at the end ("Jane Roe is a columnist for ...", "Follow Jane Roe on
    # Twitter"): the byline of an article that has none at its top. Only below the last body
    # paragraph, as the last three at most.
    if bottom:
        for i in range(n - 1, max(n - 4, 0), -1):
            if kinds[i] is None and (
                _is_author_line(clean, i)
                or _is_signature(clean, i)
                or _AGENCY_LINE.fullmatch(clean[i])
                or _HANDLE_LINE.fullmatch(clean[i])
            ):
                kinds[i] = "byline"
            elif kinds[i] is None and not _is_footer(clean[i]):
                break

    # Footer lines stated as such, near the end; a long one only if it starts as one ("(Additional
    # reporting by ... in Singapore and ... in Beijing; Editing by ...)").
    for i in range(max(0, n - 4) if bottom else n, n):
        s = clean[i]
        long_ok = len(s) <= 400 and bool(_FOOTER.match(s))
        if kinds[i] is None and (len(s) <= 200 or long_ok) and _is_footer(s):
            kinds[i] = "footer"

    # Headline: the first paragraph that is not furniture, if it is near the top and not a sentence
    # (or a sentence that reads as a headline: _headline_sentence).
    head = next((i for i, g in enumerate(given) if g == "headline"), -1)
    if n >= 2 and not marked and top:
        for i in range(min(3, n)):
            if kinds[i] is None:
                if _is_headline(texts[i], clean[i]) or _headline_sentence(texts, clean, i):
                    head = i
                    kinds[i] = "headline"
                break

    # Lines about the author at the top, above the body: a name with a newsroom role ("Jane Roe,
    # Political correspondent") or an author line naming one ("Jane Roe is a columnist for ...").
    if top:
        i = 0
        while i < min(4, n):
            if kinds[i] is None and (_is_top_author_line(clean, i) or _AGENCY_LINE.fullmatch(clean[i])):
                kinds[i] = "byline"
            elif kinds[i] is None and i + 1 < n and kinds[i + 1] is None and _name_then_role(clean, i):
                kinds[i] = kinds[i + 1] = "byline"  # "Jane Roe" / "Political correspondent"
                i += 1
            elif kinds[i] is None:
                break
            i += 1

    # The header zone reaches the last furniture line near the top (credits, dates, bylines).
    zone = max((i for i in range(min(n, 10) if top else 0) if kinds[i] in furniture), default=-1)

    # Standfirst: a summary right after the headline that is not yet the body; or the paragraph a
    # line such as "ABSTRACT." introduces there (a newspaper archive's plain text).
    if head >= 0 and not marked:
        j = head + 1
        while j < n and kinds[j] in furniture:
            j += 1
        stated = j < n - 2 and kinds[j] is None and bool(_SUMMARY_LABEL.fullmatch(clean[j]))
        j += stated
        if j < n - 1 and kinds[j] is None:
            s = clean[j]
            nxt = kinds[j + 1]
            ok_len = 40 <= len(s) <= 400 * (1 + stated) and _sentence_count(s) <= 2 + stated
            summary = (
                stated or not _SENTENCE_END.search(s) or nxt in furniture or texts[j].lstrip()[:1] in "*_"
            )
            rest_is_body = any(k is None for k in kinds[j + 1 :])
            if ok_len and summary and rest_is_body and not (nxt == "credit" and _caption_like(s)):
                kinds[j] = "standfirst"

    # Captions: descriptive text next to a credit, or introduced the way captions are.
    def keyed(j: int) -> bool:
        return bool(_CREDIT_KEY.match(clean[j]))

    for i in range(n):
        if kinds[i] is not None:
            continue
        s = clean[i]
        if len(s) > 400 or _SPEECH.search(s) or _sentence_count(s) > 3:
            continue
        prev = kinds[i - 1] if i else None
        nxt = kinds[i + 1] if i + 1 < n else None
        # A credit the page's markup placed has its caption placed too: no guessing next to it.
        by_credit = "credit" in (prev, nxt) and known is None
        # A credit above its caption ("Jane Roe / Reuters." / "Jane Roe speaks at ..."): where the line
        # after the credit reads as a caption, the line before it is not one; nor is a line in title
        # case, a slide's or section's heading ("Jane Roe Takes On The Council."). With no such evidence
        # the line above a credit is its caption only where the credit is keyed ("Photograph: ..."),
        # as credits under captions are; a bare one ("Jane Roe / Reuters.") may head its caption.
        if nxt == "credit" and prev != "credit" and i + 2 < n and kinds[i + 2] is None:
            by_credit = by_credit and not _caption_like(clean[i + 2])
        by_credit = by_credit and not _title_case(s)
        if _TRAILING_CREDIT.search(s) or _CAPTION_START.match(s):
            kinds[i] = "caption"
        elif by_credit and (
            _caption_like(s) or i <= zone or nxt == "credit" and len(s) <= 250 and keyed(i + 1)
        ):
            kinds[i] = "caption"

    # Closing lines with no sentence in them ("TRTWorld and agencies").
    if n >= 4 and bottom:
        for i in range(n - 1, max(n - 4, head), -1):
            s = clean[i]
            if kinds[i] == "footer":
                continue
            short = (
                len(s) <= 80 and _words(s) <= 8 and not _ITEM.match(s) and not texts[i].lstrip()[:1] == "#"
            )
            if kinds[i] is None and short and not _SENTENCE_END.search(s):
                kinds[i] = "footer"
            else:
                break

    return [k or "body" for k in kinds]


def label(
    text: str,
    chunks: list[Chunk],
    parts: Sequence[tuple[int, int, str]] = (),
    *,
    before: str | None = None,
    after: str | None = None,
    stated: bool | None = None,
) -> list[Chunk]:
    """The chunks with `kind` set from the role of the paragraph each one starts in.

    `parts` are (start, end, kind) spans whose kind the source states (see SourceText.parts):
    a paragraph inside one of them takes that kind.

    For a window of a long document (index/build.py), `before` / `after` are the paragraphs next
    to the window in the document (None where the window begins / ends it): each neighbour is
    looked at as the rules look at neighbours (a credit next to a caption), and the rules of the
    document's top / end apply only to the window that holds it. With a first window of at least
    10 paragraphs and a last of at least 5, the kinds are those of labelling the whole document but
    for the standfirst's "the body follows" test, which looks only as far as the next window.
    `stated`: whether the source states its parts at all (default: whether `parts` has any); a
    window of a web page holding none of its parts is still labelled as a page is.
    """
    stated = bool(parts) if stated is None else stated
    spans: dict[int, tuple[int, int]] = {}
    for c in chunks:
        s, e = spans.get(c.paragraph, (c.start, c.end))
        spans[c.paragraph] = (min(s, c.start), max(e, c.end))
    numbers = sorted(spans)
    known: list[str | None] = []
    for p in numbers:
        s, e = spans[p]
        known.append(next((k for a, b, k in parts if a <= s and e <= b and k in KINDS), None))
    ordered = [(text, *spans[p]) for p in numbers]
    if before is not None:
        ordered.insert(0, (before, 0, len(before)))
        known.insert(0, None)
    if after is not None:
        ordered.append((after, 0, len(after)))
        known.append(None)
    kinds = classify(
        TextSlices(ordered),
        known if stated else None,
        TextSlices(ordered, _clean),
        top=before is None,
        bottom=after is None,
    )
    kinds = kinds[(before is not None) : len(kinds) - (after is not None)]
    by_number = dict(zip(numbers, kinds, strict=True))
    return [replace(c, kind=by_number[c.paragraph]) for c in chunks]


# A name written as one word of capitalised parts: "TRTWorld", "HuffPost", "BuzzFeed", "USAToday".
_JOINED = re.compile(
    r"(?<![\w'’-])(?=\w*[a-z])(?:[A-Z]{2,}(?=[A-Z][a-z])|[A-Z][a-z]+)(?:[A-Z]{2,}(?![a-z])|[A-Z][a-z]+)+(?![\w'’-])"
)
_JOINED_PART = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\b)|[A-Z][a-z]+")


def joined_name_parts(text: str) -> list[str]:
    """The parts of the names a text writes as one word of capitalised parts ("TRTWorld and agencies"
    -> "TRT World"): an outlet's name as a reader types it ("the trt world piece").

    Args:
        text: a passage (a footer, a credit line).
    Returns:
        One string per such name, its parts separated by spaces; empty for none.
    """
    return [" ".join(_JOINED_PART.findall(m.group())) for m in _JOINED.finditer(text)]
