"""Yes/no questions: a statement to verify, and the passage that settles it.

"Do Obama and Putin see eye to eye on Assad?" asks whether "Obama and Putin see eye to eye on Assad"
holds. No value is asked for (no date, no name): the answer is the passage that says so or says
otherwise. Two things follow for ranking:

- The words that only frame the question carry no topic: "as well", "ever", "really", "anything"
  ("Have Syrians fled abroad as well as inside the country?" is about fleeing abroad and inside;
  "well" is no topic word). `filler_words` names them; qa.rank drops them from the lexical terms as
  it drops "kind" of "what kind of" (qa.frame).
- The question's operator says what settles it. "Did Obama also speak ...?" is settled by a
  passage that says someone else did and he did too ("who also addressed ..."); "Is Russia's
  backing of Assad something new?" by one that dates it ("since 2011"); "Do X and Y agree?" by one
  that says they agree or differ ("in direct opposition to", "divergent perspectives"); "Will X
  and Y hold talks?" by one that states what is to come ("are set to meet"). `operators` reads the
  operators of a question and `settles` whether a sentence holds a marker of one of them; qa.rank
  rewards the question's terms in such a sentence (Weights.settles, fit by bench/polar_questions.py
  on yes/no questions generated from PolNeAR train articles).

English yes/no questions open with an auxiliary or a modal and its subject ("Did Obama ...",
"Is Russia's backing ...", "will the russian and american presidents ..."); questions to the bot
itself ("Can you tell me who ...?", "Do you know ...?") are no statements about the news. Article
parts asked yes-or-no ("Is there a photo credit?") keep their part reading: qa.rank reads no operator
or subject where the question asks for a part or for someone's words.
"""

from __future__ import annotations

import re

_AUX = (
    r"(?:(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|must)"
    r"(?:n['’]?t)?|won['’]?t|can['’]?t|shan['’]?t)"
)
# An auxiliary, then a subject that is not the bot ("you") nor the reader ("I", "we").
_POLAR = re.compile(
    rf"^\W*(?:(?:and|so|but|then|also|now|ok(?:ay)?|well)\s*,?\s+)?{_AUX}\s+(?:not\s+)?"
    r"(?!(?:you|u|ya|i|we)\b)(?=[\w'’\"“])",
    re.I,
)
_FUTURE = re.compile(r"^\W*(?:(?:and|so|but|then)\s+)?(?:will|shall|won['’]?t)\b|\bgoing\s+to\b", re.I)

# Words that frame a yes/no question and name no topic. "as well" and "at all" as phrases; the
# indefinite pronouns ("anything", "someone") stand for what the statement leaves open.
_FILLER = re.compile(
    r"\b(?:as\s+(?P<w1>well)(?!\s+as\s+(?:being|having)\b)|at\s+(?P<w2>all)|in\s+(?P<w3>fact)|"
    r"(?P<w4>ever|really|actually|indeed|truly|anything|something|anyone|anybody|someone|somebody|"
    r"eventually|ultimately))\b",
    re.I,
)

# The operators a yes/no question can turn on, each with the words that ask it and the markers that
# settle it in a passage's sentence.
_ADDITIVE_Q = re.compile(r"\b(?:also|too|as\s+well|both|either|again|likewise)\b", re.I)
_ADDITIVE = re.compile(
    r"\b(?:also|too|as\s+well|both|in\s+addition|additionally|likewise|similarly|again|another|"
    r"joined|alongside)\b",
    re.I,
)
_NOVELTY_Q = re.compile(
    r"\b(?:new|first|before|already|still|always|long|longer|since|yet|recent|recently|ever|"
    r"previously|anymore|any\s+more|change[ds]?|begin|began|begun|start(?:ed)?)\b",
    re.I,
)
_NOVELTY = re.compile(
    r"\b(?:since|for\s+the\s+first\s+time|first|already|still|long|longtime|longstanding|"
    r"(?:has|have|had)\s+(?:long\s+)?been|for\s+(?:\w+\s+)?(?:years|decades|months)|decades?|years|"
    r"no\s+longer|anymore|again|began|begun|beginning|start(?:ed)?|new|recent(?:ly)?|previously|"
    r"until|ago)\b",
    re.I,
)
_STANCE_Q = re.compile(
    r"\b(?:agree[ds]?|disagree[ds]?|see\s+eye\s+to\s+eye|same\s+(?:view|page|position|side)|"
    r"differ|share[ds]?|oppose[ds]?|at\s+odds|side\s+with|on\s+the\s+same|align(?:ed)?|"
    r"support(?:s|ed)?|back(?:s|ed)?|endorse[ds]?|approve[ds]?|reject(?:s|ed)?|accept(?:s|ed)?|"
    r"compromise|clash(?:es|ed)?|get\s+along)\b",
    re.I,
)
_STANCE = re.compile(
    r"\b(?:agree\w*|disagree\w*|oppos\w*|opposite|diverg\w*|differ\w*|contrast\w*|despite|however|"
    r"unlike|at\s+odds|same|shared?|clash\w*|reject\w*|compromise|dispute\w*|split|rift|consensus|"
    r"support\w*|back(?:s|ed|ing)|endors\w*|criticis\w*|criticiz\w*|praise[ds]?|refuse[ds]?|"
    r"(?:but|while|whereas)\s+\w+)\b",
    re.I,
)
_FUTURE_MARK = re.compile(
    r"\b(?:will|won['’]t|['’]ll|shall|set\s+to|due\s+to|expected\s+to|plans?\s+to|planned|planning|"
    r"scheduled|going\s+to|to\s+be\s+held|later|next|upcoming|tomorrow|soon|intends?\s+to|would)\b",
    re.I,
)
_SETTLES = {"additive": _ADDITIVE, "novelty": _NOVELTY, "stance": _STANCE, "future": _FUTURE_MARK}

# A number asked as a comparison: "more than 200,000 people", "fewer than 10 seats", "over $5 million".
_COMPARED = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower)\s+than\s+|\b(?:over|under|above|below|at\s+least|at\s+most|"
    r"upwards\s+of|in\s+excess\s+of)\s+(?=\$?\d)",
    re.I,
)
_AMOUNT = re.compile(
    r"(?<![\w.,])\$?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\d)(?:\s*(?P<x>thousand|million|billion|trillion|"
    r"m|bn)\b)?",
    re.I,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# A number settles a comparison when it is within this factor of the asked one, either way: "at least
# 250,000" settles "more than 200,000"; "2011" does not. Fit by bench/polar_forms.py over its
# generated "more-than" questions (bench/reports/polar_forms.md: hit@1 0.964 at 1.5, 0.929 at 3, 10
# and 100; 28 questions).
COMPARE_FACTOR = 1.5


def _amounts(text: str) -> list[float]:
    """The numbers of a text, scaled ("2.5 million" -> 2500000.0)."""
    out = []
    for m in _AMOUNT.finditer(text):
        v = float(m.group("n").replace(",", ""))
        out.append(v * _SCALE.get((m.group("x") or "").lower(), 1.0))
    return out


def compared(question: str) -> float | None:
    """The number a yes/no question compares with: 200000.0 of "Has the war killed more than 200,000
    people?".

    Args:
        question: the question as searched.
    Returns:
        The number, scaled; None when the question is no yes/no question or compares no number.
    """
    if not is_polar(question):
        return None
    m = _COMPARED.search(question)
    if m is None:
        return None
    found = _amounts(question[m.end() : m.end() + 24])
    return found[0] if found and found[0] > 0 else None


def states_amount(asked: float, sentence: str) -> bool:
    """Whether a sentence states a number that settles a comparison with `asked`: one within
    COMPARE_FACTOR of it, either way, and no year unless the asked number is one.

    Args:
        asked: what `compared` returned.
        sentence: a passage's sentence.
    Returns:
        True for "at least 250,000 people lost their lives" against 200000.0.
    """
    year = 1900 <= asked <= 2100
    return any(
        asked / COMPARE_FACTOR <= v <= asked * COMPARE_FACTOR
        and (year or not (1900 <= v <= 2100 and v.is_integer()))
        for v in _amounts(sentence)
    )


def is_polar(question: str) -> bool:
    """Whether a question asks yes or no of a statement about the news.

    Args:
        question: the question as searched.
    Returns:
        True for "Did Obama also speak at the General Assembly?", "is russia's backing new"; False for
        wh-questions, "Can you tell me who ...?" and "Do you know ...?".
    """
    return bool(_POLAR.match(question))


def filler_words(question: str) -> list[str]:
    """The words of a yes/no question that frame it and name no topic.

    Args:
        question: the question as searched.
    Returns:
        Those words as written ("well" of "as well", "anything", "ever"); empty for a question that is
        not a yes/no question.
    """
    if not is_polar(question):
        return []
    return [next(g for g in m.groups() if g) for m in _FILLER.finditer(question)]


def operators(question: str) -> tuple[str, ...]:
    """What a yes/no question turns on, among "additive" ("also", "as well"), "novelty" ("new",
    "still", "before"), "stance" ("agree", "see eye to eye", "support"), "future" (a question in
    "will") and "number" ("more than 200,000").

    Args:
        question: the question as searched.
    Returns:
        The operators, in that order; empty for a question that is not a yes/no question.
    """
    if not is_polar(question):
        return ()
    found = []
    if _ADDITIVE_Q.search(question):
        found.append("additive")
    if _NOVELTY_Q.search(question):
        found.append("novelty")
    if _STANCE_Q.search(question):
        found.append("stance")
    if _FUTURE.search(question):
        found.append("future")
    if compared(question) is not None:
        found.append("number")
    return tuple(found)


def settles(ops: tuple[str, ...], sentence: str, asked: float | None = None) -> bool:
    """Whether a sentence holds a marker that settles one of a question's operators: "also" for an
    additive question, "since 2011" for one about novelty, "in direct opposition" for one about a
    stance, "are set to meet" for one about what will happen.

    Args:
        ops: what `operators` returned.
        sentence: a passage's sentence.
        asked: the number a "number" operator compares with (`compared`).
    Returns:
        True when some operator's marker is there; False for no operators.
    """
    return any(
        (asked is not None and states_amount(asked, sentence))
        if op == "number"
        else _SETTLES[op].search(sentence)
        for op in ops
    )


_SUBJECT = re.compile(
    rf"^\W*(?:(?:and|so|but|then|also|now|ok(?:ay)?|well)\s*,?\s+)?{_AUX}\s+(?:not\s+)?(?:the\s+)?"
    r"(?P<s>(?-i:[A-Z])[\w.'’-]*(?:\s+(?:(?:and|&|of|the)\s+)*(?-i:[A-Z])[\w.'’-]*)*)",
    re.I,
)


def subject(question: str) -> str | None:
    """The names a yes/no question's statement is about: its subject, where it is written with
    capitals ("Obama and Putin" of "Do Obama and Putin see eye to eye on Assad?", "Russia's" of "Is
    Russia's backing of Assad something new?"). The passage that settles the statement names them.

    Args:
        question: the question as searched.
    Returns:
        The subject's names as written, or None (not a yes/no question, or a subject in lower case:
        "has russia sent armour", "Did the talks produce ...").
    """
    m = _SUBJECT.match(question)
    return m.group("s") if m else None


_ASKS = {"additive": _ADDITIVE_Q, "novelty": _NOVELTY_Q, "stance": _STANCE_Q}


def settled_words(question: str, texts: list[str]) -> set[str]:
    """The words that ask a yes/no question's operator ("agree" of "Did Putin agree?"), where one of
    `texts` settles that operator in other words ("in direct opposition to"): they ask whether, not
    what, so the documents' lacking them is no evidence that the question is off their subject.

    Args:
        question: the question as searched.
        texts: the best passages' texts.
    Returns:
        Those words, lower case; empty for a question that is not a yes/no question.
    """
    out: set[str] = set()
    for op in operators(question):
        rx = _ASKS.get(op)
        if rx is not None and any(_SETTLES[op].search(t) for t in texts):
            out.update(w.lower() for m in rx.finditer(question) for w in m.group().split())
    return out


# "..., according to X?" closing a yes/no question (or "According to X, ...?" opening it): X is the
# source asked about; the statement's own subject is what X is asked about.
_ACCORDING_END = re.compile(r",?\s*according\s+to\s+(?P<x>[^,?]+?)\s*\??\s*$", re.I)
# A statement that itself asks for someone's words ("Did Obama say ..., according to Reuters?") keeps
# its own speaker.
_SAYS = re.compile(
    r"\b(?:say|says|said|tell|tells|told|claim(?:s|ed)?|state[sd]?|call(?:s|ed)?\s+for)\b", re.I
)
_ACCORDING_START = re.compile(r"^\W*according\s+to\s+(?P<x>[^,?]+?)\s*,\s*(?P<q>.+)$", re.I)


def according_source(question: str) -> str | None:
    """The source a yes/no question is asked of: "the Americans" of "Should Assad stay in power,
    according to the Americans?" and of "According to the Americans, should Assad stay in power?".
    A speech question's first name is otherwise its speaker; here that name (Assad) is the
    statement's subject, and the speaker is the source.

    Args:
        question: the question as searched.
    Returns:
        The source as written, or None (no such phrase, or not a yes/no question).
    """
    m = _ACCORDING_END.search(question)
    if m is not None and is_polar(question[: m.start()]) and not _SAYS.search(question[: m.start()]):
        return m.group("x").strip()
    m = _ACCORDING_START.match(question)
    if m is not None and is_polar(m.group("q")) and not _SAYS.search(m.group("q")):
        return m.group("x").strip()
    return None
