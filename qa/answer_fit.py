"""A "Which <kind> ...?" question's answer: a name of that kind, stated in the sentence that holds
the question's words.

"Which law did away with much of Glass-Steagall?" asks for a law, and the sentence that answers
names one ("the Gramm-Leach-Bliley Act undid much of Glass-Steagall"); "Which tv channel
interviewed Trump?" asks for a channel ("Trump told Britain's ITV television station"). The passage
that only shares the topic ("the idea of wiping away Dodd-Frank while restoring Glass-Steagall")
names no law of its own. qa.rank scores the question terms' share in the best sentence stating such
a name as it scores a sentence stating an asked date or amount (Weights.typed).

A sentence states a name of the kind when a run of capitalised words (a name), not all of them the
question's own, has the kind's word inside it or beside it: "the Supreme Court" (a court), "Gov.
John Kasich" (a governor), "the Gramm-Leach-Bliley Act" (a law: KIND_WORDS), "ITV television
station" (a channel).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.attribution.words import DAYS, MONTHS

# "Which <kind> ...?" / "What <kind> ...?": the kind noun right after the question word ("law"), or
# two words when the second is itself a kind ("tv channel"). Not a kind asked as a value (a year, a
# number: qa.answer_type) nor "which of", nor an auxiliary or a pronoun ("What did ...?").
_WHICH = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:which|what)\s+(?P<w1>[a-z][\w-]*)(?:\s+(?P<w2>[a-z][\w-]*))?", re.I
)
_NOT_HEADS = frozenset(
    "did does do is was are were has have had will would could can should may might must be been "
    "he she it they we you i me him her them us his its their our your my the a an this that these "
    "those about else if".split()
)
# Kinds that ask a value or a part of the page, read elsewhere (qa.answer_type, qa.intent).
_NOT_KINDS = frozenset(
    "year years date day days month months time decade century percentage percent proportion share "
    "number amount kind kinds sort type types way ways one ones of else happened".split()
)
# The words a name of a kind carries in news text when they are not the kind's own word: a title's
# abbreviation ("Gov. John Kasich"), a law's ("the Affordable Care Act"), a channel's ("ITV
# television station"). Keys are kind nouns as a question writes them.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "law": ("act", "law", "bill", "amendment", "statute"),
    "legislation": ("act", "law", "bill"),
    "bill": ("act", "bill"),
    "governor": ("gov", "governor"),
    "senator": ("sen", "senator"),
    "congressman": ("rep", "congressman", "representative"),
    "congresswoman": ("rep", "congresswoman", "representative"),
    "representative": ("rep", "representative"),
    "channel": ("tv", "television", "channel", "network", "station", "news"),
    "network": ("tv", "television", "network", "channel", "news"),
    "tv": ("tv", "television", "channel", "network"),
    "station": ("tv", "television", "radio", "station"),
    "newspaper": ("times", "post", "journal", "newspaper", "tribune", "herald", "daily", "gazette"),
    "paper": ("times", "post", "journal", "newspaper", "tribune", "herald", "daily", "gazette"),
    "outlet": ("times", "post", "journal", "news", "tv", "television", "network", "agency"),
    "agency": ("agency", "department", "administration", "bureau", "service"),
    "party": ("party", "democrats", "republicans"),
    "company": ("inc", "corp", "co", "company", "group"),
    "firm": ("inc", "corp", "co", "firm", "group", "llc"),
    "court": ("court",),
    "judge": ("judge", "justice"),
    "university": ("university", "college"),
    "school": ("school", "university", "college"),
    "city": ("city",),
    "country": ("country", "kingdom", "republic", "states"),
}
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’&.-]*)*")
# Capitalised at a sentence's start, not as a name.
_OPENERS = frozenset(
    "the a an this that these those he she it they we i his her its their our in on at for by from "
    "with after before but and or if when while as so then there here some many most all both".split()
)
_TOKEN = re.compile(r"[\w'’&-]+")


def asked_kind(question: str) -> str | None:
    """The kind of name a "Which <kind> ...?" question asks for.

    Args:
        question: the question as searched.
    Returns:
        The kind noun as written, lower-cased ("law", "tv channel", "candidates"); None for another
        question, or one asking a value or a part ("which year", "what kind of").
    """
    m = _WHICH.match(question)
    if m is None:
        return None
    w1, w2 = m.group("w1").lower(), (m.group("w2") or "").lower()
    if w1 in _NOT_HEADS or w1 in _NOT_KINDS:
        return None
    if w2 in KIND_WORDS or w2.removesuffix("s") in KIND_WORDS:
        return f"{w1} {w2}"
    return w1


def kind_words(kind: str) -> frozenset[str]:
    """The lower-case words that mark a name as being of `kind`: the kind's own words, their singular,
    and KIND_WORDS'.

    Args:
        kind: as asked_kind returned it ("tv channel", "candidates").
    Returns:
        The marker words.
    """
    out: set[str] = set()
    for w in kind.split():
        for form in {w, w.removesuffix("s"), re.sub(r"ies$", "y", w)}:
            out.add(form)
            out.update(KIND_WORDS.get(form, ()))
    return frozenset(out)


def states_kind(markers: frozenset[str], sentence: str, asked: Callable[[str], bool]) -> bool:
    """Whether a sentence names something of the asked kind that the question does not name.

    Args:
        markers: kind_words of the asked kind.
        sentence: one sentence.
        asked: whether a word is one of the question's own (by its terms).
    Returns:
        True when a capitalised name with a word the question lacks has a marker inside it or within
        two words before or after it ("Gov. John Kasich", "the Gramm-Leach-Bliley Act", "ITV
        television station").
    """
    return any(_clause_states(markers, clause, asked) for clause in _CLAUSE.split(sentence))


# A name and its kind's word stand in one clause: "Ahead of the March 1 contests, Brenn ..." names
# no contest.
_CLAUSE = re.compile(r"[,;:()\[\]]|\s[-–—]+\s")


def _clause_states(markers: frozenset[str], sentence: str, asked: Callable[[str], bool]) -> bool:
    """states_kind within one clause."""
    tokens = [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in _TOKEN.finditer(sentence)]
    for m in _NAME.finditer(sentence):
        inside = [k for k, (s, e, _) in enumerate(tokens) if s < m.end() and m.start() < e]
        if not inside:
            continue
        own = [tokens[k][2] for k in inside if tokens[k][2] not in _OPENERS]
        if not own or all(w in MONTHS or w in DAYS for w in own):
            continue  # a sentence's first word ("The governor ..."), or a date ("the March 1 contests")
        if all(asked(w) for w in own) and not any(w in markers for w in own):
            continue  # the question's own name, not an answer
        if all(asked(w) for w in own if w not in markers):
            continue  # only the kind word is new ("the Court" for "which court ...?")
        lo, hi = inside[0], inside[-1]
        near = [tokens[k][2] for k in range(max(0, lo - 2), min(len(tokens), hi + 3))]
        if any(w in markers for w in near):
            return True
    return False
