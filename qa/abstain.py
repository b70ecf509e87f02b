"""Near misses: the documents are on the question's topic, but not the asked fact or the asked speaker.

Pure functions over evidence the ranker already has (the question's words, the speakers the index
knows and which of them it quotes, the sentences of the best passages). `qa.rank._abstain_reason`
calls them after its own checks (unknown names, missing rare words, missing answer type), which
catch questions about what the documents never mention; these catch the ones that ask about what
they mention but do not say:

- "What did Marco Rubio say?" when Rubio is mentioned but never quoted;
- "How many jobs will Unilever cut?" when no top passage states a number of jobs;
- "Who is Unilever's chief financial officer?" when no passage names that role.

Each test and its limits were measured by bench/fit_abstention.py (bench/reports/abstention.md)
on news-dev, seed_dev, a SQuAD sample and speaker questions generated from PolNeAR train articles.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from index.attribution.words import TITLES

_AUX = r"(?:did|does|do|has|have|had|will|would)"
# Only the plain verbs of speech: "What did X believe/want/describe ...?" is often answered by
# reported thought the analyser does not attribute (SQuAD: "What did John Dobson describe Newcastle
# as?", "What did the Taliban want ...?" were declined with the wider list; bench/reports/abstention.md).
_SPEECH_VERB = r"(?:say|said|says|tell|told|comment|respond|reply|react|have to say)"
# "What did X say ...", "How did X respond ...": X is the asked speaker.
_ASKED_SPEAKER = re.compile(
    rf"^\s*(?:and\s+|so\s+|but\s+)?(?:what|how)\s+{_AUX}\s+(?P<x>.+?)\s+{_SPEECH_VERB}\b",
    re.I,
)
_LOWER_WORDS = frozenset("the a an of for and 's ’s his her their its this that these those".split())


def asked_speaker(question: str) -> str | None:
    """The phrase naming whose words a question asks for, or None.

    Args:
        question: the question as searched.
    Returns:
        "Marco Rubio" for "What did Marco Rubio say at the summit?", "Stanford's head librarian"
        for "What did Stanford's head librarian say about ...?"; None for other questions.
    """
    m = _ASKED_SPEAKER.match(question)
    if m is None:
        return None
    x = m.group("x").strip(" ,")
    if not x or len(x.split()) > 8 or re.fullmatch(r"(?:he|she|they|it|you|we|i|that|this)", x, re.I):
        return None
    return x


_CONNECTORS = frozenset("of for the and de la von van del".split())


def name_runs(phrase: str) -> list[str]:
    """The names a phrase is made of: runs of capitalised words, joined by "of", "for", "the".

    Titles ("Lord", "Secretary") name no one: "Lord" is in "Lord Goldsmith" and "Lord Irvine" alike.

    Args:
        phrase: a speaker phrase ("the Office for Students", "Stanford's head librarian").
    Returns:
        ["Office for Students"], ["Stanford"]; [] for "the tattoo artist".
    """
    runs: list[list[str]] = []
    current: list[str] = []
    for w in re.findall(r"[A-Za-z][\w.'’-]*", phrase):
        possessive = bool(re.search(r"['’]s?$", w))
        w = re.sub(r"['’]s?$", "", w).rstrip(".")
        if w[:1].isupper() and w.lower() not in _LOWER_WORDS | TITLES and len(w) > 1:
            current.append(w)
        elif current and w.lower() in _CONNECTORS:
            current.append(w)
            continue
        elif current:
            runs.append(current)
            current = []
        if possessive and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        if run:
            out.append(" ".join(run))
    return out


@dataclass(frozen=True)
class SpeakerEvidence:
    """What the index knows of speakers, as lower-case text, one name or description a line.

    quoted: names, aliases, source wordings and descriptions ("Ilyse Hogue, president of NARAL
        Pro-Choice America") of quoted speakers.
    mentioned: names and aliases of people the index knows but never quotes.
    """

    quoted: str
    mentioned: str


_BOUNDARY = re.compile(r"[.;:!?\"“”()\n]")
_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom|that|where|when)\b", re.I)


def mention_context(text: str, start: int, end: int, content: tuple[int, int]) -> str:
    """The words that describe a quoted source where it is named, outside what it said.

    "NARAL president Ilyse Hogue said" and "Ilyse Hogue, president of NARAL Pro-Choice America,
    said" describe the source by the words before the name back to the clause's start, and by an
    appositive after it (a comma, then up to the next comma; not a relative clause). A question may
    name the source so ("the president of NARAL") rather than by name.

    Args:
        text: the document's text.
        start: the source mention's start in `text`.
        end: its end.
        content: the span of what was said, never part of the description.
    Returns:
        The mention with its description.
    """
    a = start
    while a > 0 and not _BOUNDARY.match(text[a - 1]) and text[a - 1] != ",":
        a -= 1
    b = end
    if text[end : end + 1] == "," and not _RELATIVE.match(text, end):
        b = end + 1
        while b < len(text) and not _BOUNDARY.match(text[b]) and text[b] != ",":
            b += 1
    if content[0] < b and a < content[1]:  # never the quoted words themselves
        a, b = (max(a, content[1]), b) if content[0] < start else (a, min(b, content[0]))
    return text[a:b] if a < b else text[start:end]


def speaker_evidence(
    speakers: Iterable[tuple[str, Iterable[str]]], quoted_names: Collection[str], sources: Iterable[str]
) -> SpeakerEvidence:
    """The index's speakers as the text that names a quoted or a never-quoted one.

    Args:
        speakers: (canonical name, aliases) of every speaker the index knows.
        quoted_names: canonical names with at least one attribution.
        sources: each attribution's source as written and described ("a Uefa spokesman").
    Returns:
        The evidence.
    """
    quoted: list[str] = [" ".join(s.split()) for s in sources]
    mentioned: list[str] = []
    for name, aliases in speakers:
        (quoted if name in quoted_names else mentioned).extend([name, *aliases])
    return SpeakerEvidence("\n".join(quoted).casefold(), "\n".join(mentioned).casefold())


def _named_in(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(name.casefold())}(?![\w])", text) is not None


def unquoted_speaker(phrase: str, evidence: SpeakerEvidence) -> str:
    """Why the asked speaker has nothing to answer with, or "".

    A speaker phrase none of whose names ("Marco Rubio", "Office for Students", "Stanford") names or
    describes a quoted source has no words in the documents: when a name is a person the index
    knows, "mentioned but not quoted"; otherwise "not quoted". A person is matched by surname too
    ("Barack Obama" is "Obama"), an organisation ("Office for Students") only whole. A phrase without
    names ("the tattoo artist") is left to ranking: its wording may describe a source.

    Args:
        phrase: the asked speaker, as asked_speaker found it.
        evidence: speaker_evidence of the index.
    Returns:
        The reason to decline, or "".
    """
    runs = name_runs(phrase)

    def named(text: str) -> bool:
        return any(
            _named_in(r, text)
            or (not _CONNECTORS & set(r.lower().split()) and _named_in(r.split()[-1], text))
            for r in runs
        )

    if not runs or named(evidence.quoted):
        return ""
    if named(evidence.mentioned):
        return f"{phrase} is mentioned, but not quoted"
    return "the documents quote no " + re.sub(r"^the\s+", "", phrase, flags=re.I)


_STOP = frozenset(
    (
        "did does do has have had is was are were will would could can should might may must shall "
        "in of at for from during by on to with as per since after before between among within "
        "towards toward into over under about across through against ago "
        "that which who whom whose there than"
    ).split()
)
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?P<np>[^?]+)", re.I)


def counted_noun(question: str) -> str | None:
    """The noun a "how many" question counts: "jobs" in "How many jobs will Unilever cut?".

    The words after "how many" up to the first auxiliary, preposition or past-tense verb ("died",
    "closed") are the counted phrase; its last word is the head ("British tourists" -> "tourists").

    Args:
        question: the question as searched.
    Returns:
        The head word, or None when the question counts nothing.
    """
    m = _HOW_MANY.search(question)
    if m is None:
        return None
    phrase: list[str] = []
    for w in re.findall(r"[\w'’-]+", m.group("np")):
        if w.lower() in _STOP or (phrase and w.lower().endswith("ed")):
            break
        phrase.append(w)
    return phrase[-1] if phrase else None


def value_bound(head_terms: Collection[str], sentences: Iterable[tuple[bool, frozenset[str]]]) -> bool:
    """Whether some sentence holds a value of the asked type beside the counted noun.

    Args:
        head_terms: the counted noun's terms (as the index makes terms).
        sentences: (holds a value of the asked type, terms) for each sentence of the best passages.
    Returns:
        True when one sentence has both.
    """
    want = set(head_terms)
    return not want or any(has and want & terms for has, terms in sentences)


def countable(noun: str, everyday_zipf: float) -> bool:
    """Whether a count of `noun` must be stated with that noun to be the asked one.

    A unit ("cubic meters", "degrees") is given by its symbol or by another unit, and an everyday
    noun ("people", "years", "times") is counted under a more precise one ("astronauts",
    "decades"): neither is required. pint's unit registry names the units.

    Args:
        noun: the counted noun, as counted_noun found it.
        everyday_zipf: wordfreq frequency at and above which a word is everyday.
    Returns:
        True for "jobs", "votes", "tourists"; False for "meters", "people".
    """
    from wordfreq import zipf_frequency

    if zipf_frequency(noun.lower(), "en") >= everyday_zipf:
        return False
    return not _is_unit(noun.lower())


@functools.lru_cache(maxsize=1)
def _units() -> Any:
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=512)
def _is_unit(word: str) -> bool:
    try:
        _units().parse_units(word)
    except Exception:  # pint raises several kinds for a word that is no unit
        return False
    return True
