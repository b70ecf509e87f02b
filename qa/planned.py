"""Events the documents announce but do not report: "When did Obama and Putin last meet?" asked of an
article that says only "The two leaders are set to meet later on Monday".

A question asking about a past event ("did" + a verb) is a near miss when its answer's document uses
that verb only in a planned or expected frame ("will meet", "are set to meet", "is expected to
sign"): the event had not happened when the document was written, so no passage can say when, where
or how it did. The test reads the verb, never a noun made from it ("at the meeting"): the verb is
what says the event took place. Besides "did" + verb, the event may be read from a past clause ("What
was agreed when Putin and Obama met?") or an "-ing" noun between named parties ("the outcome of the
meeting between Obama and Putin"), with PLANNED_CLAUSES. Measured by bench/fit_planned.py (bench/reports/abstention_planned.md):
its cost on SQuAD's past-event questions and the gold sets, its reach on questions generated from
PolNeAR train's announced events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from index.attribution.words import SPEECH_VERBS

# The switch: False leaves every past-event question to the other tests (bench/reports/abstention_spk12.md).
PLANNED = True
# The event read from a "when <subject> <past verb>" clause or an "-ing" noun between named parties too
# (clause_verbs, noun_events); False: off, to measure (bench/fit_planned.py; round near15).
PLANNED_CLAUSES = True

# A past event asked about: "When did X meet ...?", "Where did X and Y sign ...?".
_PAST_QUESTION = re.compile(
    r"^\s*(?:when|where|why|how|what|who|whom|which\b[\w\s]*?)\s+did\s+(?P<rest>[^?]+)", re.I
)
# Words between "did" and the verb that are no verb: the subject's function words, adverbs of time.
_NOT_VERB = frozenset(
    (
        "the a an his her their its this that these those two three both all each some "
        "last first ever finally actually really also still just recently previously initially "
        "originally officially eventually again later once never not "
        "and or but of to in on at for with from by up down out off over into about after before "
        "will would shall should could can may might must he she it they we you him them us"
    ).split()
)
# The frame that makes an event planned, ending right before the verb: "will", "are set to", "is
# expected to", "plans to" (an adverb or "also" between). "would" is left out: it reports a past
# decision as often ("said they would meet") as a plan.
_PLANNED_BEFORE = re.compile(
    r"(?:\b(?:will|shall)|['’]ll|\b(?:set|expected|scheduled|due|slated|poised|planning|plans?|going|"
    r"intends?|intending|hopes?|hoping|aims?|aiming|is|are|was|were)\s+to)\s+(?:(?:also|not|then|\w+ly)\s+)?$",
    re.I,
)
# Words a named subject may hold before its verb: "Obama and Putin", "Marsh last", "Reyes ever".
_SUBJECT_JOINS = frozenset(
    "and or & last first ever finally actually really also still just again once never".split()
)
# Speech verbs are left to the speaker tests (qa.abstain's speaker-topic gate): "What did Obama say
# about Russia?" is the commonest question of all, and reading it here would load the lemmatiser
# (0.25 s) on the torch-free path tests/test_lazy.py guards, for a frame ("will say") that is rarely
# a document's only use of the verb.
_SPEECH = frozenset(v.lower() for v in SPEECH_VERBS) | {"tell", "write", "ask", "reply", "respond"}
_WORD = re.compile(r"[A-Za-z][a-z’']*")
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|their|his|her|its|our|next|first|last)\s+$", re.I)


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """The dictionary form of an English word (simplemma), lower-cased."""
    import simplemma  # lazy: only a question about a past event pays for the dictionary

    return str(simplemma.lemmatize(word.lower(), lang="en"))


def asked_verbs(question: str) -> list[str]:
    """The verb of a past-event question whose subject is named: "did" + names + verb.

    Only a named actor's act is read ("When did Obama and Putin last meet?", "Where did Marsh
    sign the charter?"). A subject with a common noun ("Where did the Orlando attack happen?")
    is an event the verb only says took place; its verb ("happen") is left alone (news_heldout3
    n3d3 was declined so, its article saying "it will happen again").

    Args:
        question: the question as searched.
    Returns:
        [the verb], in its base form; [] when the question asks no past event of a named subject.
    """
    m = _PAST_QUESTION.match(question)
    if m is None:
        return []
    rest = m.group("rest")
    named = False
    for x in _WORD.finditer(rest):
        w = x.group(0)
        if not w.islower():
            named = True
            continue
        if w in _SUBJECT_JOINS or w.endswith("ly"):
            continue
        # The first lower-case word ends the subject: it must be the verb, in its base form.
        if not named or len(w) < 3 or w in _NOT_VERB or w in _SPEECH:
            return []
        return [w] if _lemma(w) == w else []
    return []


# The determiner opening a subject named by its event ("the Monday meeting", "their signing").
_SUBJECT_DETERMINER = re.compile(r"^\s*(?:the|their|his|her|its|this|that)\b", re.I)
# How many words of the subject may stand before its "-ing" event noun ("the July NATO summit
# meeting": four).
EVENT_REACH = 4
# An "-ing" noun's stem is taken for a verb when at least this frequent in English (wordfreq's zipf):
# "meet" 5.2, "sign" 5.0; "morn" (morning) 2.6, "ceil" (ceiling) 1.6 are none.
STEM_ZIPF = 3.5


def asked_events(question: str) -> list[str]:
    """The verb of the event a past-event question's subject names by an "-ing" noun.

    "How did the Monday meeting between the two leaders go?" asks whether the leaders met: the
    question's own verb ("go") says only that it took place, the noun says what.

    Args:
        question: the question as searched.
    Returns:
        ["meet"] for that question: the noun's verb in its base form; [] when the question asks no
        past event, or its subject is no determiner + "-ing" noun.
    """
    m = _PAST_QUESTION.match(question)
    if m is None or not _SUBJECT_DETERMINER.match(m.group("rest")):
        return []
    for i, x in enumerate(_WORD.finditer(m.group("rest"))):
        w = x.group(0)
        if i == 0 or not w.islower():
            continue  # the determiner; a name or title ("the Monday meeting", "the NATO signing")
        if i > EVENT_REACH or not w.endswith("ing") or len(w) <= 5:
            return []  # the subject's noun is no "-ing" event ("the king do to regarding ...")
        verb = _stem(w)
        return [verb] if verb and verb not in _SPEECH else []
    return []


def _stem(noun: str) -> str:
    """The verb an "-ing" noun is made from: "meeting" -> "meet", "signing" -> "sign", "voting" ->
    "vote", "shopping" -> "shop"; "" when no candidate is a frequent English verb form."""
    from wordfreq import zipf_frequency  # lazy: only a question about a past event's noun reads it

    base = noun[:-3]
    candidates = [base, base + "e"]
    if len(base) > 2 and base[-1] == base[-2]:
        candidates.insert(0, base[:-1])  # "shopping"
    for c in candidates:
        if len(c) >= 3 and zipf_frequency(c, "en") >= STEM_ZIPF and _lemma(c) == c:
            return c
    return ""


def _frames(verb: str, text: str) -> Iterable[bool]:
    """For each use of `verb` as a verb in `text`, whether it is in a planned frame.

    An "-ing" form after a determiner ("the meeting", "their meeting") is a noun, not a use.

    Args:
        verb: the verb's base form.
        text: a document's text.
    Returns:
        One bool per use, in order.
    """
    # Every word is lemmatised ("met", "went" share no letters with "meet", "go"), each distinct one once.
    lemmas: dict[str, str] = {}
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w not in lemmas:
            lemmas[w] = _lemma(w)
        if lemmas[w] != verb:
            # A form the dictionary does not map back ("won" is read as the currency, not "win"):
            # a word of the verb's first letter one or two edits from it counts as a use outside a
            # plan, so an unknown past form never makes an event look only planned.
            if not (lemmas[w] == w.lower() and w[:1].lower() == verb[0] and _near(w.lower(), verb)):
                continue
            yield False
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if w.lower().endswith("ing") and _DETERMINER.search(before):
            continue
        yield bool(_PLANNED_BEFORE.search(before))


def _near(a: str, b: str) -> bool:
    """Whether a word may be an unknown form of a verb: one edit from a verb of up to four letters
    ("won", "win"), two from a longer one ("wrote", "write"), words of at least three letters."""
    from rapidfuzz.distance import Levenshtein  # lazy: read only for unknown forms

    edits = 1 if len(b) <= 4 else 2
    return a != b and min(len(a), len(b)) >= 3 and Levenshtein.distance(a, b) <= edits


# A past clause naming the event: "What was agreed when Putin and Obama met on Monday?", "did they
# strike a deal when they met". Its subject is named or a pronoun; its verb in a past form.
_WHEN_CLAUSE = re.compile(r"\bwhen\s+(?P<c>[^?,;]+)", re.I)
_PRONOUNS = frozenset("they he she we".split())


def clause_verbs(question: str) -> list[str]:
    """The verb of a "when <subject> <past verb>" clause of a question.

    Args:
        question: the question as searched.
    Returns:
        ["meet"] for "What was agreed when Putin and Obama met on Monday?"; [] when the question holds
        no such clause ("When did they meet?" is asked_verbs's; "when the talks ended" names no
        actor; "when they meet" and "when Putin meets Obama" are no past).
    """
    m = _WHEN_CLAUSE.search(question)
    if m is None or not question[: m.start()].strip():
        return []  # "When did they meet?" opens with it: asked_verbs's
    subject = False
    for x in _WORD.finditer(m.group("c")):
        w = x.group(0)
        if not w.islower() or w in _PRONOUNS:
            subject = True
            continue
        if w in _SUBJECT_JOINS or w.endswith("ly"):
            continue
        if not subject or len(w) < 3 or w in _NOT_VERB or w in _SPEECH or w.endswith("ing"):
            return []
        lemma = _lemma(w)
        if w in (lemma + "s", lemma + "es"):
            return []  # "when Putin meets Obama" (of "Will Syria come up ...?"): a present, no past
        return [lemma] if lemma != w and lemma not in _SPEECH else []
    return []


# The event a past question names by an "-ing" noun of its own: "What was the outcome of the meeting
# between Obama and Putin?", "What did they agree at their meeting?".
_EVENT_NOUN = re.compile(
    r"\b(?:the|their)\s+(?P<n>[a-z]{4,}ing)\s+(?:between|with)\s+[A-Z]|\btheir\s+(?P<m>[a-z]{4,}ing)\b"
)
_PAST = re.compile(r"\b(?:was|were|did|had)\b", re.I)


def noun_events(question: str) -> list[str]:
    """The verb of the event a past question names by an "-ing" noun between named parties ("the
    meeting between Obama and Putin") or theirs ("their meeting"); "the meeting" alone may be
    another event the document reports as past (a UN meeting before the leaders' own).

    Args:
        question: the question as searched.
    Returns:
        ["meet"] for "What was the outcome of the meeting between Obama and Putin?"; [] for a
        question in no past tense, or naming no such event.
    """
    if not _PAST.search(question):
        return []
    m = _EVENT_NOUN.search(question)
    if m is None:
        return []
    verb = _stem(m.group("n") or m.group("m"))
    return [verb] if verb and verb not in _SPEECH else []


def planned_only(question: str, text: str) -> str | None:
    """The asked verb a document uses only as planned, or None.

    Args:
        question: the question as searched.
        text: the answer's document.
    Returns:
        "meet" for "When did Obama and Putin last meet?" when the document's only use of the verb
        is "are set to meet"; None when the question asks no past event, the document never uses
        the verb, or uses it once outside a planned frame.
    """
    asked = asked_verbs(question) or asked_events(question)
    if PLANNED_CLAUSES:
        # Every event the question takes as past: "What did Obama and Putin agree at their meeting?"
        # asks of a meeting as much as of an agreement.
        asked = list(dict.fromkeys([*asked, *clause_verbs(question), *noun_events(question)]))
    for verb in asked:
        frames = list(_frames(verb, text))
        if frames and all(frames):
            return verb
    return None


# A past question about what happened at an occasion: "What was decided at the NATO summit in Warsaw?".
# The occasion is the main clause's: no clause opens between the auxiliary and "at the" ("What did
# the spokesman say about why Obama likes speaking at the dinner?" asks of no past dinner).
_OCCASION_QUESTION = re.compile(
    r"^\s*(?:and\s+)?(?:what|who|whom|which|how|when|where|why)\b[^?]*?\b(?:was|were|did|had)\b"
    r"(?:(?!\b(?:about|why|that|whether|if|how|what|when|where|who|which|while|because)\b)[^?])*?"
    r"\b(?:at|during)\s+(?:the|this|that)\s+(?P<np>[^?]+)",
    re.I,
)
# A sentence telling of an occasion still to come: "As a July NATO summit meeting in Warsaw approaches",
# "ahead of the summit", "the upcoming summit", "will meet at the summit".
_AHEAD = re.compile(
    r"\b(?:will|shall|approach(?:es|ing)|ahead\s+of|upcoming|forthcoming|next|(?:set|expected|scheduled|due|slated)\s+to|"
    r"to\s+be\s+held)\b|['’]ll\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def asked_occasion(question: str, terms: Callable[[str], list[str]]) -> list[str]:
    """The terms of the occasion a past question asks about ("at the NATO summit in Warsaw").

    Args:
        question: the question as searched.
        terms: text -> content terms (the index's term maker).
    Returns:
        ["nato", "summit", "warsaw"]; [] when the question asks of no past occasion.
    """
    m = _OCCASION_QUESTION.match(question)
    return list(dict.fromkeys(terms(m.group("np")))) if m else []


def occasion_ahead(question: str, text: str, terms: Callable[[str], list[str]]) -> str | None:
    """The occasion a past question asks about, where its document tells of it only as to come.

    Args:
        question: the question as searched.
        text: the answer's document.
        terms: text -> content terms.
    Returns:
        "NATO summit in Warsaw" when every sentence holding all the occasion's terms tells of it
        as still to come (_AHEAD), and at least one does; None otherwise.
    """
    want = asked_occasion(question, terms)
    if not want:
        return None
    holding = [s.group(0) for s in _SENTENCE.finditer(text) if set(want) <= set(terms(s.group(0)))]
    if holding and all(_AHEAD.search(s) for s in holding):
        m = _OCCASION_QUESTION.match(question)
        return m.group("np").strip() if m else None
    return None


# A past question tied to a weekday ("Did the Monday talks produce a ceasefire?", "What did the experts
# tell the committee on Thursday?") asked of an article written before that day: every sentence naming
# the day tells of it as to come ("The two leaders are set to meet later on Monday"). Measured by
# bench/fit_planned.py ("Weekdays told only as to come"); DAY_AHEAD False switches it off.
DAY_AHEAD = True
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A past question: an auxiliary or "-ed" participle of the past; never one asking what will happen.
_PAST_ASKED = re.compile(r"\b(?:was|were|did|had)\b", re.I)
_FUTURE_ASKED = re.compile(r"\b(?:will|would|is|are|does|do|going|expected|set|scheduled)\b", re.I)


def day_ahead(question: str, text: str) -> str | None:
    """The weekday a past question names, where its document tells of that day only as to come.

    Args:
        question: the question as searched.
        text: the answer's document.
    Returns:
        "Monday" for "Did the Monday talks produce a ceasefire?" when every sentence of `text` naming
        Monday tells of it as to come (_AHEAD), and at least one names it; None otherwise (the question
        asks no past event, names no weekday, or the document tells of the day as past anywhere).
    """
    if not _PAST_ASKED.search(question) or _FUTURE_ASKED.search(question):
        return None
    for day in dict.fromkeys(_WEEKDAY.findall(question)):
        # Each naming of the day, with the words of its sentence before it: the frame must come first
        # ("are set to meet later on Monday"); "Putin said Monday that Russia will ..." tells of Monday
        # as past.
        before = [
            s.group(0)[: m.start()]
            for s in _SENTENCE.finditer(text)
            for m in re.finditer(rf"\b{day}\b", s.group(0))
        ]
        if before and all(_AHEAD.search(b) for b in before):
            return day
    return None
