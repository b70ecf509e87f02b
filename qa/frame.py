"""The words that frame a question rather than name its topic.

"What kind of solution did the speech point toward?" asks for a kind of solution: "kind" is the
question's frame, which no answer repeats ("a peaceful solution"). "Where does Moscow want to keep
its influence, according to Washington?" names its source in "according to Washington": the answer
may cite that source in other words ("US officials say ..."), and a passage that merely names
Washington is no closer to it. "Who recommended Manafort for the job?" asks who did the
recommending: Manafort is its object, not a speaker whose words are asked for.

Ranking reads these (qa.rank._feature_terms, qa.rank._read); bench/typed_classes.py measures each
class over the SQuAD dev questions of its wording (bench/reports/fact_ranking.md, round 17).
"""

from __future__ import annotations

import re

# "What kind of N", "which sorts of N", "what type of N": the noun after "of" is the topic.
_KIND_OF = re.compile(r"\b(?:what|which)\s+(?P<w>kinds?|sorts?|types?)\s+of\b", re.I)
# "according to X": X is where the answer comes from, not what it is about. X runs to the end of
# the clause (a comma, the question mark, or a wh-word that opens the question proper).
_ACCORDING = re.compile(
    r"\b(?P<w>according)\s+to\s+(?P<x>[^,?;]+?)(?=\s*(?:[,?;]|$|\b(?:what|who|where|when|why|how|which)\b))",
    re.I,
)
# "Who VERBed X ...?": "who" is the subject and X the verb's object. Not "who is/was ..." nor
# do-support ("Who did Putin criticise?", where Putin is the subject).
_WHO_SUBJECT = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?who\s+(?!(?:is|are|was|were|be|been|being|am|do|does|did|has|have|had|"
    r"will|would|can|could|should|shall|may|might|must|else|exactly|else's|of|in|at|on)\b)[a-z][\w-]*\b(?!['’])",
    re.I,
)


def frame_words(question: str) -> list[str]:
    """The words of a question that frame it and are no topic: "kind" of "what kind of", "according"
    of "according to".

    Args:
        question: the question as searched.
    Returns:
        Those words as written, in order; empty for none.
    """
    found = [(m.start("w"), m.group("w")) for m in _KIND_OF.finditer(question)]
    found += [(m.start("w"), m.group("w")) for m in _ACCORDING.finditer(question)]
    return [w for _, w in sorted(found)]


def source_qualifier(question: str) -> str | None:
    """The source a question names with "according to": "Washington" in "Where does Moscow want to
    keep its influence, according to Washington?".

    Args:
        question: the question as searched.
    Returns:
        The source as written, or None.
    """
    m = _ACCORDING.search(question)
    return m.group("x").strip() if m else None


_NAMED = re.compile(r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.'’&-]*)*")


def named_source(source: str) -> bool:
    """Whether a source is a name ("Washington", "the Kremlin", "Vladimir Putin"), not a description
    ("the Troy University political scientist"), whose words are how the answer passage names its
    source.

    Args:
        source: the source as source_qualifier gave it.
    Returns:
        True for a name of capitalised words.
    """
    return bool(_NAMED.fullmatch(source))


def without_source(question: str) -> str:
    """The question with its "according to X" taken out.

    Args:
        question: the question as searched.
    Returns:
        The rest of the question (the whole question when it names no source so).
    """
    return _ACCORDING.sub(" ", question)


def who_subject(question: str) -> bool:
    """Whether "who" is the subject of a verb ("Who recommended Manafort for the job?", "Who bought
    the firm?"): a name after the verb is its object, not the asked speaker.

    Args:
        question: the question as searched.
    Returns:
        True for such a question; False for "Who is X?", "Who did X criticise?" and any other.
    """
    return bool(_WHO_SUBJECT.match(question))


# "Who is David Duke?", "who's Roger Stone", "Who exactly was Paul Manafort?": a person asked to be
# described, by a name of capitalised words (not "Who is the senator?", "Who is X's pollster?").
_WHO_IS = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?who(?:\s+exactly)?(?:'s|’s|\s+is|\s+was)\s+(?:exactly\s+|really\s+)?"
    r"(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3})\s*[?.!]*\s*$",
    re.I,
)


def defined_name(question: str) -> str | None:
    """The person a "Who is X?" question asks to be described.

    Args:
        question: the question as searched.
    Returns:
        The name as written ("David Duke"), or None for any other question.
    """
    m = _WHO_IS.match(question)
    if m is None or m.group("name").endswith(("'s", "’s")):
        return None
    return m.group("name")


def defines(name: str, text: str) -> bool:
    """Whether `text` describes the person `name`: an apposition after the name ("David Duke, a former
    leader of the white supremacist group"), a relative clause ("Duke, who led ..."), or a copula
    ("Duke is a former state legislator"). The name is matched whole or by its last word.

    Args:
        name: the name asked about.
        text: a passage.
    Returns:
        True when some mention of the name is so described.
    """
    words = name.split()
    forms = sorted({name, words[-1]}, key=len, reverse=True)
    rx = re.compile(
        r"(?<![\w'’-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'’-])"
        r"(?:\s*,\s+(?:a|an|the|who|whose|former|then|now|longtime|once)\b"
        r"|\s+(?:is|was|has\s+been|had\s+been)\s+(?:a|an|the|one|also\s+a|now\s+a|still\s+a)\b)"
    )
    return bool(rx.search(text))
