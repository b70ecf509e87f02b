"""The asked slot, bound to the asked subject: a near miss gives the subject but not the slot.

"How many fighter jets did Russia send?" is answered by the passage about Russia sending fighter
jets, but that passage's only number is the year 2011: the asked slot (a count of jets) is absent.
Each check reads the sentences of the best passages (qa.rank.near_sentences) and asks whether one
of them holds a value of the asked kind where the question needs it:

- a count: a cardinal (not a year, a date, an age, a clock time, a sum of money, a measurement or
  part of a name such as "CrispPro 7") standing before the counted noun or a word the model puts
  close to it ("160 jobs" for posts), or a bare cardinal or an ordinal in a sentence holding the
  noun ("an attendance of 24,318", "the 16th case of the prosecutions"); in a sentence about the
  rest of the question (COUNT_CLAUSE: "two children" of a fire story is no count of children
  killed by barrel bombs);
- a span of time ("How long has Fiona Marchetti been chief executive?"): a duration or a length
  ("six hours", "since 2011", "from 2003 to 2009"), not a date, in a sentence naming the asked
  person (or holding a focus word of a question naming none);
- an amount of money ("How much is the contract worth?"): a sum in a sentence about the asked
  thing (off: bench/reports/slots.md).

Every value pattern comes from qa.answer_type; which check is on is fit by bench/fit_slots.py
(bench/reports/slots.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import numpy as np

from index.attribution.words import MONTH_RE
from qa import answer_type

# Which checks decline: bench/fit_slots.py, "Chosen: slots.SLOTS[...]" (bench/reports/slots.md). A
# check is on when it wrongly declines no answerable question of the fit set, news-dev, seed_dev or
# fit_questions and at most one of the SQuAD-2000 sample's, and declines more near misses than it
# costs: count 6 of the fit set's near misses (1 SQuAD question), duration 2 (none); money declines 1
# near miss and 1 SQuAD question (its gold passage not retrieved), so it stays off.
SLOTS: dict[str, bool] = {
    "count": True,
    "duration": True,
    "money": False,
}

_NUMBER = re.compile(
    rf"(?<![\w$£€¥₹.,:/-])(?P<n>\d[\d,.]*(?P<ord>st|nd|rd|th)?|{answer_type.NUMBER_WORDS})(?![\w.,:/-]*\d)(?!-year)\b",
    re.I,
)
# Not counts: a clock time ("10.40pm"), a share ("52%"), a compound ("six-hour", "31-year-old").
_NOT_COUNT = re.compile(r"^(?:\s*(?:a\.m\.|p\.m\.|am|pm|%|per\s*cent|percent)\b|\s*-\s*\w)", re.I)
_YEAR = re.compile(r"^(?:1[0-9]|20)\d\d$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A bare number ends its clause or is the subject of a verb: "an attendance of 24,318.", "three were
# arrested"; "one of the main topics" is no count of topics.
_BARE_AFTER = re.compile(r"\s*(?:[.,;:)!?\"”]|$|(?:was|were|is|are|has|have|had|will|would)\b)", re.I)


def counted_words(sentence: str) -> list[tuple[str, list[str]]]:
    """Each number of a sentence that counts something, with the words it counts.

    A cardinal or an ordinal ("the 16th case" counts cases); not a year, a date, a clock time, an
    age, a span of time, a sum of money, a measurement or part of a name ("CrispPro 7").

    Args:
        sentence: one sentence.
    Returns:
        (number, up to three content words after it, one stop word skipped: "14 other opposition
        councillors", "hundreds of buyers") per number; the words are [] for a bare number ("an
        attendance of 24,318."). A number followed by neither is left out.
    """
    from index.lexical import STOPWORDS

    out: list[tuple[str, list[str]]] = []
    for m in _NUMBER.finditer(sentence):
        n, before, after = m.group("n"), sentence[: m.start()], sentence[m.end() :]
        if _NOT_COUNT.match(after) or n.lower() in ("a", "an"):
            continue
        if re.search(r",\s*$", before) and re.match(r"\s*,", after) and re.fullmatch(r"\d{1,3}", n):
            continue  # "Olivia Brandt, 52,": an age
        if answer_type.value_at(sentence, m.start()) is not None:
            continue  # "six years", "25 yards", "£6m", "aged 31": no count
        if re.search(rf"(?:{MONTH_RE})\.?\s*$", before, re.I) or re.match(
            rf"\s*(?:of\s+)?{MONTH_RE}\b", after, re.I
        ):
            continue  # "March 12", "12th of March"
        prev = re.search(r"([\w'’-]+)\s*$", before)
        if prev and prev.group(1)[0].isupper() and before[: prev.start()].strip():
            continue  # "CrispPro 7", "Section 5": part of a name
        if _BARE_AFTER.match(after):
            if not m.group("ord") and not _YEAR.match(n):
                out.append((n, []))
            continue
        following: list[str] = []
        for i, w in enumerate(re.finditer(r"\S+", after)):
            word = w.group().strip(",;:.!?()\"“”'")
            if not _WORD.fullmatch(word):
                break
            if word.lower() in STOPWORDS:
                if i == 0:
                    continue  # "14 other councillors", "hundreds of buyers"
                break
            following.append(word)
            if len(following) == 3 or w.group()[-1] in ',;:.!?)"”':
                break
        if following and answer_type.is_unit(following[0].lower()):
            continue  # "40 acres", "3 tonnes": a measurement
        if _YEAR.match(n) and not following:
            continue  # "in 2011": a year; "attended by 2000 guests" counts
        if following or not m.group("ord"):
            out.append(
                (n, following)
            )  # [] for "including 11 in which ...": a count of what the sentence holds
    return out


def count_bound(
    counted: Sequence[str],
    sentence: str,
    terms: Callable[[str], list[str]],
    same: Callable[[str, str], bool],
) -> bool:
    """Whether a sentence gives a count of the counted noun: a number before the noun or before a
    word of the same meaning, or a bare number or an ordinal in a sentence that holds the noun.

    Args:
        counted: the words of the counted phrase ("yellow", "cards").
        sentence: one sentence.
        terms: text -> content terms (the index's term maker).
        same: (asked word, counted word) -> whether they mean the same (the model's paraphrase).
    Returns:
        True for "sending 200 tanks" (tanks), "an attendance of 24,318." (attendance), "160 jobs"
        (posts); False for "since the start of the war in 2011" (no count).
    """
    want = {t for w in counted for t in terms(w)}
    in_sentence = bool(want & set(terms(sentence)))
    for n, following in counted_words(sentence):
        if not following or n[-2:].lower() in ("st", "nd", "rd", "th"):
            if in_sentence:
                return True  # "an attendance of 24,318.", "the 16th case of the prosecutions"
            if not following:
                continue
        got = set(terms(" ".join(following)))
        if want & got or any(same(c, w) for c in counted[-1:] for w in following):
            return True
    return False


_HOW_MANY = re.compile(r"\bhow\s+many\s+(?P<np>[^?]+)", re.I)


def counted_phrase(question: str) -> list[str]:
    """The words a "how many" question counts, as qa.abstain.counted_noun reads them ("yellow cards").

    Args:
        question: the question as searched.
    Returns:
        The words, the head last; [] when the question counts nothing.
    """
    from index.lexical import STOPWORDS

    m = _HOW_MANY.search(question)
    if m is None:
        return []
    phrase: list[str] = []
    for w in re.findall(r"[\w'’-]+", m.group("np")):
        if w.lower() in STOPWORDS or (phrase and w.lower().endswith("ed")):
            break
        phrase.append(w)
    head = __import__("qa.abstain", fromlist=["counted_noun"]).counted_noun(question)
    return phrase[: phrase.index(head) + 1] if head in phrase else phrase


# "How long did the speech last?", "How long has she been in charge?": a span of time; "How long is
# the bridge?" may ask a length and is left to qa.abstain.
_ASKS_DURATION = re.compile(r"\bhow long (?:did|does|do|has|have|had|will|would|could|can)\b", re.I)
# A span between two dates, or one running since a date: "since April", "from 2003 to 2009".
_SPAN = re.compile(
    rf"\bsince\b(?:\s+[\w'’,-]+){{0,8}}?\s+(?:{MONTH_RE}|(?:1[0-9]|20)\d\d(?:s|['’]s)?)\b|"
    rf"\b(?:from|between)\s+[^.;]{{1,40}}?\b(?:to|until|till|and)\s+(?:{MONTH_RE}|(?:1[0-9]|20)\d\d)\b",
    re.I,
)
# The count must stand in a sentence about the rest of the question: holding another of its focus
# terms, or, said in other words, close to the question as a whole (qa.equivalents'
# CONTEXT_SENTENCE_COSINE). "Two children" of a fire story is no count of children killed by barrel
# bombs. On: bench/fit_slots.py (bench/reports/slots.md) at NOUN_COSINE 0.45 declines 6 near misses
# of the fit set with the clause test, 3 without it, and no more answerable questions.
COUNT_CLAUSE = True
# A counted word this close (cosine, the index's model) to the asked noun counts it in other words.
# bench/fit_slots.py, "Chosen: slots.NOUN_COSINE" (bench/reports/slots.md): the highest of the grid
# declining no guard set's answerable question; 0.5 declines c12 "How many posts will go?" against
# "160 jobs" (cosine 0.35 is below both: the small model places single nouns far apart).
NOUN_COSINE = 0.45


def same_noun(
    encode: Callable[[list[str]], np.ndarray], asked: str, word: str, cosine: float | None = None
) -> bool:
    """Whether a counted word says the asked noun in other words ("jobs" for "posts").

    Args:
        encode: texts -> L2-normalised rows (the index's embedder).
        asked: the counted noun of the question.
        word: the noun a number of the passage counts.
        cosine: the least cosine; NOUN_COSINE by default.
    Returns:
        True when the model puts them at least that close.
    """
    return noun_cosine(encode, asked, word) >= (NOUN_COSINE if cosine is None else cosine)


def noun_cosine(encode: Callable[[list[str]], np.ndarray], asked: str, word: str) -> float:
    """The model's cosine between two nouns, lower-cased.

    Args:
        encode: texts -> L2-normalised rows.
        asked: one noun.
        word: another.
    Returns:
        Their cosine.
    """
    a, b = encode([asked.lower(), word.lower()])
    return float(a @ b)


def in_clause(
    rest: set[str],
    sentences: Sequence[str],
    i: int,
    terms: Callable[[str], list[str]],
    close: Callable[[str], bool],
) -> bool:
    """Whether the sentence counting the asked noun is about the rest of the question.

    Args:
        rest: the question's focus terms other than the counted phrase's that some best sentence
            holds (a word no passage uses cannot bind: a typo, a paraphrase).
        sentences: the best passages' sentences.
        i: the counting sentence's index.
        terms: text -> content terms.
        close: sentence -> whether the model puts it close to the question as a whole.
    Returns:
        True when the sentence holds a term of `rest` (or `rest` is empty), when it goes on from the
        sentence before (opening with a pronoun or a bracket: "They are bounded by four membranes")
        and that one holds one, or when it is close to the question.
    """
    from qa import abstain

    if not rest or rest & set(terms(sentences[i])):
        return True
    goes_on = bool(abstain.PRONOUN_OPENING.match(sentences[i])) or not sentences[i].lstrip()[:1].isalnum()
    if i and goes_on and rest & set(terms(sentences[i - 1])):
        return True
    return close(sentences[i])


def _close(question: str, encode: Callable[[list[str]], np.ndarray] | None, sentence: str) -> bool:
    """Whether the model puts a sentence at least qa.equivalents.CONTEXT_SENTENCE_COSINE from the
    question (False without a model)."""
    from qa import equivalents

    if encode is None:
        return False
    q, s = encode([question, sentence])
    return float(q @ s) >= equivalents.CONTEXT_SENTENCE_COSINE


def slot_kind(question: str) -> str | None:
    """The slot a question asks, among those qa.slots checks.

    Args:
        question: the question as searched.
    Returns:
        "count", "duration", "money" or None.
    """
    from qa import abstain

    if abstain.counted_noun(question) is not None and not re.search(r"\bhow much\b", question, re.I):
        return "count"
    if _ASKS_DURATION.search(question):
        return "duration"
    if answer_type.asked_fact(question) == "money":
        return "money"
    return None


def _focus(question: str, terms: Callable[[str], list[str]]) -> set[str]:
    """The asked thing's terms: the question's content terms without its scaffolding."""
    from qa import abstain

    return set(terms(abstain.focus_words(question)))


def given_name(word: str) -> bool:
    """Whether a word is a person's given name ("Margaret", "Fiona"; not "African", "Student"), by
    the attribution analyser's given names and gender-guesser's list.

    Args:
        word: a capitalised word.
    Returns:
        True for a given name.
    """
    from index.attribution import names

    w = word.lower()
    return w in names.GIVEN or names._gender_detector().get_gender(w) != "unknown"


def about(
    question: str,
    sentence: str,
    terms: Callable[[str], list[str]],
    skip: frozenset[str] = frozenset(),
    previous: str = "",
) -> bool:
    """Whether a sentence is about the question's subject: it names the person the question names
    (by any of the name's words after the first: "Oduya" for Margaret Oduya) or opens with a pronoun
    after a sentence that names it or that opens no better ("Its annual budget is ..."), or, for a question naming no person, holds one of its focus terms.

    Args:
        question: the question as searched.
        sentence: one sentence.
        terms: text -> content terms.
        skip: focus words that do not say what the subject is ("cost", "worth" in a money question).
        previous: the sentence before, "" for none.
    Returns:
        True for "Oduya has led the council since 2019" and "How long has Margaret Oduya been
        council leader?"; False for "a six-hour session" there.
    """
    from qa import abstain

    persons = [m.group() for m in answer_type.PERSON.finditer(question) if given_name(m.group().split()[0])]
    if persons:

        def names(text: str) -> bool:
            got = set(terms(text))
            return any(set(terms(w)) & got for p in persons for w in p.split()[1:])

        if abstain.PRONOUN_OPENING.match(sentence):
            return not previous or names(previous)
        return names(sentence)
    focus = _focus(question, terms) - {t for w in skip for t in terms(w)}
    return not focus or bool(focus & set(terms(sentence)))


def slot_reason(
    question: str,
    sentences: Sequence[str],
    terms: Callable[[str], list[str]] | None = None,
    encode: Callable[[list[str]], np.ndarray] | None = None,
    everyday_zipf: float | None = None,
) -> str:
    """slot_missing where the question's kind of slot is checked (SLOTS), else "".

    Args:
        question: the question as searched.
        sentences: the sentences of the best passages.
        terms: text -> content terms; index.lexical.terms by default.
        encode: texts -> L2-normalised rows (the index's embedder), or None.
        everyday_zipf: qa.rank.EVERYDAY_ZIPF.
    Returns:
        Why the asked slot is absent, or "".
    """
    kind = slot_kind(question)
    if kind is None or not SLOTS.get(kind):
        return ""
    return slot_missing(question, sentences, terms, encode, everyday_zipf)


def slot_missing(
    question: str,
    sentences: Sequence[str],
    terms: Callable[[str], list[str]] | None = None,
    encode: Callable[[list[str]], np.ndarray] | None = None,
    everyday_zipf: float | None = None,
) -> str:
    """Why the best passages do not give the asked slot, or "" when they may.

    Args:
        question: the question as searched.
        sentences: the sentences of the best passages.
        terms: text -> content terms (the index's term maker); index.lexical.terms by default.
        encode: texts -> L2-normalised rows (the index's embedder), for a counted noun said in other
            words ("160 jobs" for posts); None: the noun's own terms only.
        everyday_zipf: qa.rank.EVERYDAY_ZIPF; an everyday counted noun or a unit ("people",
            "metres") is counted under another word ("85,000 members"), so any count is taken for it.
    Returns:
        "no passage gives a number of jets" and the like; "" when the slot is found or not checked.
    """
    from index import lexical
    from qa import abstain

    terms = terms or lexical.terms
    kind = slot_kind(question)
    if kind is None:
        return ""
    if kind == "count":
        head = abstain.counted_noun(question) or ""
        counted = counted_phrase(question)
        if (
            not counted
            or not head.isalpha()
            or answer_type.is_unit(head.lower())
            or answer_type.is_unit(head.lower().rstrip("s"))
            or re.fullmatch(rf"{answer_type.NUMBER_WORDS}|hundred|thousand|million|billion", head, re.I)
        ):
            return ""  # "how many kgs", "how many hundred": a measurement or a number, not a count
        same = functools.partial(same_noun, encode) if encode is not None else (lambda a, b: False)
        everyday = everyday_zipf is not None and not abstain.countable(head, everyday_zipf)
        found = [
            i
            for i, s in enumerate(sentences)
            # "85,000 members" for people: an everyday noun is counted under another word
            if count_bound(counted, s, terms, same) or (everyday and counted_words(s))
        ]
        if found and COUNT_CLAUSE:
            used = {t for s in sentences for t in terms(s)}
            rest = (_focus(question, terms) - {t for w in counted for t in terms(w)}) & used
            close = functools.partial(_close, question, encode)
            found = [i for i in found if in_clause(rest, sentences, i, terms, close)]
        if found:
            return ""
        return f"no passage gives a number of {head}"
    if kind == "duration":
        if any(
            (answer_type.fact_evidence("length", s) or _SPAN.search(s))
            and about(question, s, terms, previous=sentences[i - 1] if i else "")
            for i, s in enumerate(sentences)
        ):
            return ""
        return "no passage gives a length of time for: " + abstain.focus_words(question).rstrip("?")
    money = answer_type.money_words()
    if any(
        answer_type.fact_evidence("money", s)
        and about(question, s, terms, money, sentences[i - 1] if i else "")
        for i, s in enumerate(sentences)
    ):
        return ""
    return "no passage gives an amount of money for: " + abstain.focus_words(question).rstrip("?")
