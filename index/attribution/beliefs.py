"""Beliefs, intentions and stances that no verb with a subject before it reads (issue 8, round 6c).

PolNeAR-style attribution goes beyond speech: "the poll showed ...", "Roe's decision to run", "Roe
spoke about the economy". `more_beliefs` runs after `_Attributor.beliefs` and adds:

* a belief verb whose subject is a source that is no person, when its head noun is one selected on
  train (words.BELIEF_SOURCE_NOUNS: "the poll showed", "a new survey found");
* a noun cue after a possessive name ("Roe's decision to ...", "Roe's criticism of ...";
  words.BELIEF_NOUNS);
* a verb with its preposition ("talks about", "calls for", "voted against"; words.BELIEF_PREP_CUES).

Every word list is fit by bench/fit_belief_cues.py (bench/reports/belief_cues.md). Each reading looks
at a bounded window around one cue match, so the pass stays linear in the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.attribution.attributor import _BELIEF_RX, BELIEF_MIN_WORDS, _free_clause, _taken_spans, _verb
from index.attribution.patterns import _lazy
from index.attribution.records import _Found, _Subj
from index.attribution.words import BELIEF_NOUNS, BELIEF_PREP_CUES, BELIEF_SOURCE_NOUNS, STOP, VERB_RE, U

if TYPE_CHECKING:
    from index.attribution.attributor import _Attributor

# A selected source noun shortly before a cue: the cheap test before a subject is looked for.
_SOURCE_NOUN_RX = _lazy(rf"(?<![\w'’-])(?i:{'|'.join(BELIEF_SOURCE_NOUNS)})(?![\w'’-])")
# How far before a belief verb a source noun may stand ("A poll from Marquette Law School released
# Wednesday found"): the subject reader itself looks back 250 characters.
_SOURCE_WINDOW = 120
# A noun cue right after a possessive, with its complement: "Roe's decision to", "Mr. Roe’s criticism
# of", "Roe's view that" ("Roe's statement was ..." is about the statement, not its words).
_POSSESSIVE_NOUN = _lazy(
    rf"(?:['’]s?|(?<![\w'’-])(?P<pron>[Hh]is|[Hh]er))\s+(?:[a-z]+(?:ly)?\s+)?(?P<noun>{'|'.join(BELIEF_NOUNS)})"
    r"(?:\s+(?:of|for|on|against|about|with|toward|towards)(?![\w'’-])|(?=\s+(?:to|that)\s))"
)
_PREP_CUES = "|".join(c.replace(" ", r"\s+") for c in BELIEF_PREP_CUES)
# An infinitive speech verb after a verb with its preposition: "went on to say that ...".
_TO_SPEECH = _lazy(rf"to\s+(?:{VERB_RE}|tell|explain)(?![\w'’-])")
_PREP_CUE_RX = _lazy(rf"(?<![\w'’-])(?:{_PREP_CUES})(?![\w'’-])")


# A clause opened by "by" follows a passive participle ("candidates backed by super PACs"), and one
# opened by punctuation ("Roe went on, as if ...") holds no words of the cue's own. (Skipping a clause
# opened by "to" and a verb, "Roe went on to say ...", lowered train e2e_f1 0.7003 -> 0.7001.)
_PASSIVE = _lazy(r"by\s|[,;:.!?)\]—–-]")


# A run of capitalised words inside a described source ("a Quinnipiac University poll").
_CAPS_RUN = _lazy(rf"(?<![\w'’-]){U}[\w.&'’/-]*(?:\s+{U}[\w.&'’/-]*)*")


def more_beliefs(att: _Attributor) -> None:
    """Add the beliefs of the three kinds above to `att.found`.

    Args:
        att: the attributor after its own belief pass (its findings and used verbs are read).
    """
    _described_sources(att)
    _possessive_nouns(att)
    _prep_cues(att)


def _taken(att: _Attributor) -> tuple[list[tuple[int, int]], list[int]]:
    """The spans found so far, sorted, and their starts (what `_free_clause` reads)."""
    return _taken_spans(att.doc.text, att.found)


def _described_sources(att: _Attributor) -> None:
    """ "The poll showed ...", "A survey found ...": a belief verb whose subject is a described source
    with a selected head noun (its speaker an institution or nobody)."""
    doc, t = att.doc, att.doc.text
    taken, starts = _taken(att)
    for ss, se in doc.sents:
        for m in _BELIEF_RX.finditer(t, ss, se):
            if m.start() in att.used_verbs or doc.inside_quote(m.start()):
                continue
            if _SOURCE_NOUN_RX.search(t, max(ss, m.start() - _SOURCE_WINDOW), m.start()) is None:
                continue
            clause = _free_clause(t, m.end(), se, taken, starts, BELIEF_MIN_WORDS)
            if clause is None:
                continue
            verb = _verb(m.group())
            subj = att._subject_before(ss, m.start(), verb, belief=False)
            if subj is None or subj.kind != "desc":
                continue
            head = re.findall(r"[\w'’-]+", subj.text)
            if not head or head[-1].lower() not in BELIEF_SOURCE_NOUNS:
                continue
            if "," in t[subj.end : m.start()] or _PASSIVE.match(t, clause[0]):
                continue  # "leaders, called superdelegates", "candidates backed by": a participle
            att.used_verbs.add(m.start())
            att.found.append(_Found(clause[0], clause[1], _named_maker(subj), verb, False))


def _named_maker(subj: _Subj) -> _Subj:
    """The maker a described source names: "The Morning Consult poll" -> "Morning Consult" (read as an
    institution, as "the Kremlin" is), else the description itself (speaker null).

    Args:
        subj: the described source.
    Returns:
        The capitalised run inside it that opens with no function word, or `subj`.
    """
    for m in _CAPS_RUN.finditer(subj.text):
        words = m.group().split()
        skip = 0
        while skip < len(words) and words[skip].lower() in STOP:
            skip += 1  # "The Harbour Gazette": the article opens no name
        if skip < len(words):
            s = subj.start + m.start() + m.group().index(words[skip])
            return _Subj("desc", " ".join(words[skip:]), s, subj.start + m.end())
    return subj


def _possessive_nouns(att: _Attributor) -> None:
    """ "Roe's decision to run", "Mr. Roe's criticism of the plan": the words after the noun belong to
    the named person before the possessive."""
    doc, t = att.doc, att.doc.text
    taken, starts = _taken(att)
    for m in _POSSESSIVE_NOUN.finditer(t):
        if doc.inside_quote(m.start()):
            continue
        if m.group("pron"):
            # "his promise to ...": the person "he" means, as a described source "his" is resolved
            subj = _Subj("desc", m.group("pron"), m.start("pron"), m.end("pron"))
        else:
            n = doc.name_at(max(0, m.start() - 80), m.start(), last=True)
            if n is None or n.end != m.start():
                continue
            subj = _Subj("name", n.text, n.start, n.end)
        ss, se = doc.sentence_of(m.start())
        clause = _free_clause(t, m.end(), se, taken, starts, BELIEF_MIN_WORDS)
        if clause is None:
            continue
        if not m.group("pron") and not att._subject_ok(subj, False):
            continue  # ("his" alone is a bare determiner to `_subject_ok`; the sources resolve it)
        att.found.append(_Found(clause[0], clause[1], subj, m.group("noun"), False))


def _prep_cues(att: _Attributor) -> None:
    """ "Roe spoke about the economy", "Roe calls for a recount": a verb with its preposition, read as
    a belief verb is (the subject before it, the clause after)."""
    doc, t = att.doc, att.doc.text
    taken, starts = _taken(att)
    for ss, se in doc.sents:
        for m in _PREP_CUE_RX.finditer(t, ss, se):
            if m.start() in att.used_verbs or doc.inside_quote(m.start()):
                continue
            clause = _free_clause(t, m.end(), se, taken, starts, BELIEF_MIN_WORDS)
            if clause is None:
                continue
            if _PASSIVE.match(t, clause[0]):
                continue
            if _TO_SPEECH.match(t, clause[0]):
                continue  # "went on to say that ...": the speech verb reports its own clause (round 10a)
            verb = _verb(m.group())
            subj = att._subject_before(ss, m.start(), verb, belief=True)
            if subj is None:
                continue
            att.used_verbs.add(m.start())
            att.found.append(_Found(clause[0], clause[1], subj, verb, False))
