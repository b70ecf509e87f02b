"""Speaker questions in forms other than "What did X say about Y?".

Two forms ask for a named person's own words without a verb of speech:

- a why-question about what a quoted person does or did ("Why does the Russian president back the
  Syrian regime?", "Why did Felicia Sanders forgive Roof?"): news gives the reason in the person's
  own words as often as in the writer's, so both readings are scored and fused (qa.rank's doubtful
  speech reading, Weights.narrator);
- a topic named by a country's other name ("Did Obama say anything about Tehran?" where he said
  "Iran"): in what someone said about a capital, the capital stands for its country's government,
  so the topic takes the country's name the documents use as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from qa import equivalents

# "Why does X ...?", "Why did X ...?", "How come X ...?": not "Why is it that ...", which names no one.
_REASON = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:why\s+(?:does|did|do|has|have|had|is|was|are|were|would|will|should)"
    r"|how\s+come)\s+(?!it\b|there\b|this\b|that\b)\S",
    re.I,
)


def asks_reason(question: str) -> bool:
    """Whether a question asks why someone does or did something ("Why did Sanders forgive Roof?").

    Whether that someone is a quoted person is the ranking's to tell (qa.rank reads the speakers).

    Args:
        question: the question as searched.
    Returns:
        True for "Why does/did/is ... <subject> ...?" and "How come ...?", not for "Why is it ...?".
    """
    return bool(_REASON.search(question))


@cache
def _capitals() -> frozenset[str]:
    """Every country's capital, folded ("tehran"), from countryinfo's bundled table; read once."""
    return frozenset(
        " ".join(str(info.get("capital") or "").lower().split()) for info in equivalents.country_table()
    ) - {""}


_TOPIC_WORD = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def topic_stand_ins(topic: str, used: Callable[[str], bool]) -> str:
    """A speech question's topic with the country names that stand for its absent place names.

    "Tehran" in "Did Obama say anything about Tehran?" where the documents never say "Tehran" but
    say "Iran": the topic reads "Tehran iran". Only a capital the documents do not use is widened
    (a demonym describes someone: "the American president"), with the first name of the same
    country they do use (qa.equivalents.metonym_in).

    Args:
        topic: the question's topic (qa.question.topic_of).
        used: whether the documents use a folded name.
    Returns:
        The topic, with the stand-ins appended; unchanged when it needs none.
    """
    extra: list[str] = []
    for m in _TOPIC_WORD.finditer(topic):
        name = re.sub(r"['’]s?$", "", m.group())
        if used(name.lower()) or name.lower() not in _capitals():
            continue  # a demonym ("the American president") describes someone: no stand-in
        other = equivalents.metonym_in(name, used)
        if other is not None and other not in extra:
            extra.append(other)
    return " ".join([topic, *extra]) if extra else topic


# Other ways of asking what someone said about something, each read as "What did X say about Y?",
# the form whose speaker tests (never quoted, quoted but not on the topic) and ranking are fit on:
# a yes/no question ("Did X say anything about Y?", "Has X commented on Y?", "Did X talk about Y?")
# and a view noun ("What's X's take on Y?", "What is X's position on Y?", "Does X have a view on Y?",
# "Where does X stand on Y?"). Not a verb of thought ("Does X think Y?"): the speaker tests read
# plain speech only (qa.abstain._SPEECH_VERB).
_LEAD = r"^\s*(?P<lead>(?:and|so|but)\s+)?"
_ABOUT = r"\s+(?:about|on|regarding|concerning|over|of|to|towards?)\s+(?P<y>[^?]+?)\s*\??\s*$"
_SAID_ANYTHING = re.compile(
    _LEAD + r"(?:did|has|have|does|do|had)\s+(?P<x>.+?)\s+(?:ever\s+)?"
    r"(?:say|said|says|speak|spoken|spoke|talk|talked|comment|commented|remark|remarked|"
    r"express|expressed|voice|voiced)"
    r"(?:\s+(?:anything|something|much|a\s+word|a\s+thing)(?:\s+at\s+all)?)?"
    r"(?:\s+publicly|\s+out)?" + _ABOUT,
    re.I,
)
_VIEW = (
    r"(?:take|view|views|position|stance|opinion|opinions|thoughts|reaction|response|comments?|"
    r"remarks?|verdict|assessment|feelings?|attitude)"
)
_VIEW_OF = re.compile(
    _LEAD + r"(?:what|how)(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?P<x>.+?)['’]s?\s+" + _VIEW + _ABOUT,
    re.I,
)
_HAS_VIEW = re.compile(
    _LEAD
    + r"(?:does|did|has|do)\s+(?P<x>.+?)\s+(?:have|had|got|give|gave|offer|offered|share|shared|express|"
    r"expressed|voice|voiced)\s+(?:an?\s+|any\s+|his\s+|her\s+|their\s+)?" + _VIEW + _ABOUT,
    re.I,
)
_STAND = re.compile(_LEAD + r"where\s+(?:does|did|do)\s+(?P<x>.+?)\s+stand" + _ABOUT, re.I)
_FORMS = (_SAID_ANYTHING, _VIEW_OF, _HAS_VIEW, _STAND)
_NOT_SUBJECT = re.compile(r"^(?:it|this|that|there|the\s+(?:article|story|report|piece|document)s?)$", re.I)


def canonical(question: str) -> str:
    """A question asking what someone said, in another form, as "What did X say about Y?".

    Args:
        question: the question as searched.
    Returns:
        "What did Obama say about Tehran?" for "Did Obama say anything about Tehran?" and for "What's
        Obama's take on Tehran?"; the question itself for any other form.
    """
    for rx in _FORMS:
        m = rx.match(question)
        if m is None:
            continue
        x, y = m.group("x").strip(), m.group("y").strip()
        if not x or len(x.split()) > 8 or _NOT_SUBJECT.match(x) or not y:
            continue
        lead = m.group("lead")
        return f"{lead}what did {x} say about {y}?" if lead else f"What did {x} say about {y}?"
    return question
