"""A question asking which of the sources a description fits said something: "which head of state
praised the bravery of Syria's soldiers", "which leader ruled out going back to how Syria was".

The speaker is what is asked, described by a person noun, and the verb is one the attribution
analyser reads as a cue of speech, belief or stance (index.attribution.words' speech and belief
verbs and the cue verbs fitted on PolNeAR train, compared by lemma as qa.question.how_cue does).
Read as a "who said" claim (qa.claims) or as no speech at all, no source was preferred; read as a
described speaker (qa.describe.resolve) the description bound one source (Obama for "the head of
state"), though it fits two equally and the question asks which of them. So every source the
description fits is asked for: those qa.describe.match covers within its tie margin of the best and
at its minimum cover (describe.TIE_MARGIN, describe.MIN_COVER, both fitted before), and the rest of
the question after the verb is the topic. Round 32 (speak32): bench/speak32.py's census, h8s03,
h9s07, h14s01, h18s09 (bench/reports/speak32.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import describe
from qa import question as questions
from qa.engine import Engine

# Whether "which <description> <cue verb> ..." asks for every source the description fits as
# speakers (qa.query_reading). Measured end to end over every read set (bench/reports/speak32.md).
WHICH_SPEAKER = True

_OPENING = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?which\s+", re.I)
_WORD = re.compile(r"[\w'’-]+")
# Words that end a description before any verb could follow: an auxiliary makes the description the
# verb's object ("Which countries did Obama name ...?"), an article or preposition its complement.
_NOT_IN_DESCRIPTION = frozenset(
    "is are was were be been has have had do does did will would can could should may might must "
    "the a an to in on at for with about from by".split()
)
# Verbs of seeming cue an attribution only before an infinitive ("appeared to suggest": why
# bench/fit_cue_verbs.py kept "appeared", "seems"); "which other American leader appears in it" asks
# who is shown (nh13 n13b4, 2nd -> out of the top five when read as speech).
_RAISING = frozenset({"appear", "seem", "sound"})
_MAX_DESCRIPTION = 4  # words: "head of state", "senior Russian foreign ministry official"


@dataclass(frozen=True)
class WhichSpeaker:
    """A "which <description> <verb>" question's reading."""

    description: str  # "head of state"
    speakers: list[str]  # every source the description fits, best covered first
    topic: str  # the question after the verb: "the bravery of syria's soldiers"
    # The question without its description ("which praised the bravery of syria's soldiers"), which
    # BM25 and the dense embedding read, as for a described speaker (qa.described_topic.consumed):
    # "head of state" matched "The United States is prepared ..." (h18s09).
    unspoken: str


def parse(question: str) -> tuple[str, str, str, str] | None:
    """The description, the verb and the rest of a "which <description> <cue verb> ..." question.

    Args:
        question: the question as searched.
    Returns:
        (description, verb, rest, the question without the description) for "which leader ruled out
        going back ..." ("leader", "ruled", "out going back ...", "which ruled out going back ...");
        None for any other question (no cue verb in an inflected form within
        the first words, or an auxiliary before it).
    """
    m = _OPENING.match(question)
    if m is None:
        return None
    import simplemma  # lazy: only a "which" question pays for the dictionary

    lemmas = questions._cue_lemmas()
    words = list(_WORD.finditer(question, m.end()))
    for i, w in enumerate(words[: _MAX_DESCRIPTION + 1]):
        word = w.group()
        if word.lower() in _NOT_IN_DESCRIPTION:
            return None
        if i == 0 or not word.islower():
            continue  # the description has a word; a name is no verb
        lemma = simplemma.lemmatize(word, lang="en")
        # An inflected verb ("praised", "warns"), not a noun of the description that a cue verb spells
        # ("head of state": the plain form, and after "of").
        raising = lemma in _RAISING and question[w.end() :].split()[:1] != ["to"]
        if lemma in lemmas and word != lemma and words[i - 1].group().lower() != "of" and not raising:
            a, b = words[0].start(), words[i - 1].end()
            unspoken = question[:a] + question[b:].lstrip()
            return question[a:b], word, question[w.end() :].strip(" ?"), unspoken
    return None


def read(engine: Engine, question: str) -> WhichSpeaker | None:
    """The sources a "which <description> <cue verb>" question asks among.

    Args:
        engine: the open index.
        question: the question as searched.
    Returns:
        The reading, or None (another form, WHICH_SPEAKER off, or a description no source's
        descriptions cover to describe.MIN_COVER).
    """
    if not WHICH_SPEAKER:
        return None
    parsed = parse(question)
    if parsed is None:
        return None
    description, _verb, rest, unspoken = parsed
    # Whoever the rest of the question names is its topic, not the one asked ("which president
    # praised Assad's soldiers" is not Assad).
    excluded = questions.match_speakers(rest, engine.speakers_index)
    fits: list[str] = []
    # As written and in lower case: a lower-case question is truecased before it is read
    # (qa.question.truecased), and "head of state" became "head of State", read as the head of a
    # body named "State" that only the US president's "United States" holds (h18s09).
    for text in dict.fromkeys((description, description.lower())):
        for name in _fitting(engine, text, excluded):
            if name not in fits:
                fits.append(name)
    return WhichSpeaker(description, fits, rest, unspoken) if fits else None


def _fitting(engine: Engine, description: str, excluded: list[str]) -> list[str]:
    """The sources a description fits: qa.describe.match's covers at describe.MIN_COVER and within
    describe.TIE_MARGIN of the best.

    Args:
        engine: the open index.
        description: "head of state", "Labour MP".
        excluded: sources the question names elsewhere.
    Returns:
        Their names, best covered first; empty when none reaches describe.MIN_COVER.
    """
    # describe's own parse of a subject (owner, head, a country before the role), as it reads
    # "What did <description> say?"; the seat of a government as its country ("the Kremlin official").
    subject = describe.subject_of(f"What did the {description} say?")
    if subject is None:
        return []
    if describe.SEATS:
        subject = describe.seat_as_country(subject)
    ranked = describe.match(subject, engine.speaker_profiles(), engine.terms, engine.lexical.idf, excluded)
    if not ranked or ranked[0][1] < describe.MIN_COVER:
        return []
    best = ranked[0][1]
    return [n for n, v in ranked if v >= max(describe.MIN_COVER, best - describe.TIE_MARGIN)]
