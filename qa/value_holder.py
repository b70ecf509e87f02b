"""Whose value a sentence gives: "What percentage did Ben Carson get in the poll?" is not answered by
"a CNN-ORC survey released Friday had him at 4 percent" going on about Bobby Jindal, nor "When did
Sanders endorse Clinton?" by "President Barack Obama, who endorsed Hillary Clinton on Thursday".

qa.age_holder's reading carried to the other typed values (a percentage, a count, a sum, a date): a
sentence holding a value of the asked kind that names persons, itself or in the sentences it goes on
from (qa.slots.chained), but not the person the question asks about, gives another person's value. A
sentence naming no person may be anyone's, the asked person's included, and stays evidence. The
question is declined when every sentence of the best passages holding such a value is another
person's.

The persons are those the index knows (its speakers' names and aliases): a capitalised word of the
question is an asked person when a known person's name holds it, and a sentence names a person when
its terms hold a known person's surname. Which kinds are read, and whether one asked person or every
one must be named ("any"/"all"), is fit by bench/abst28.py on the read sets
(bench/reports/abst28.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

# Per kind of value (value_kind): "" off, "any" (a sentence naming one asked person is theirs) or
# "all" (it must name every asked person). bench/abst28.py, "Chosen: value_holder.HOLDER"
# (bench/reports/abst28.md; every read-set question of these kinds asked with each setting): percent
# "any" declines news_heldout10's n10a10 (Carson's share, where the poll's shares are Jindal's, Rubio's
# and Trump's), date "all" its n10j10 (the first Clinton-Trump debate, where the dates are of Johnson's
# 2012 debate and of Trump's Saturday debate with Bush);
# neither declines an answerable question. Counts, sums and "how much" decline nothing at either
# binding (the asked person is named beside some number in nearly every near miss).
HOLDER: dict[str, str] = {
    "percent": "any",
    "count": "",
    "money": "",
    "date": "all",
    # "How much airtime has Trump reserved?", "How much did Cruz borrow?": a sum asked by a verb
    # qa.answer_type reads no money for (value_kind), its values read as money.
    "how much": "",
}
# Whether a count's values are only the counts of the asked noun (qa.slots.count_sentences: "50,000
# votes" for "How many votes ...?") rather than every count (a count of another noun may give the
# asked one in other words: "31 endorsements" for "How many senators have endorsed Clinton?").
# bench/abst28.py fit --counted (bench/reports/abst28.md): on, counts at either binding decline two
# answerable questions (news_heldout's nhf11, news_heldout5's n5i2) and no unanswerable one.
COUNTED = False
# "How much <noun>? <verb> ...", "How much did X give?"; not "how much time/longer/more/of".
_HOW_MUCH = re.compile(
    r"^\W*(?:and\s+)?how much\s+(?!(?:time|longer|more|less|of|further|farther)\b)(?:[\w'’-]+\s+){0,3}?"
    r"(?:did|does|do|has|have|had|will|would|is|was|are|were|can|could)\b",
    re.I,
)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# One word of a person's name: capitalised, letters (an initial "W." too).
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*")


def value_kind(question: str) -> str | None:
    """The kind of value whose holder is read: qa.slots.subject_kind's, or "how much" for a sum asked
    by a verb it reads none for ("How much airtime has Trump reserved this week?").

    Args:
        question: the question as searched.
    Returns:
        The kind, or None.
    """
    from qa import slots

    kind = slots.subject_kind(question)
    if kind is None and _HOW_MUCH.search(question):
        return "how much"
    return kind


def persons(people: Iterable[str]) -> list[str]:
    """The index's speakers that are persons by their name: two or more capitalised words, titles
    dropped, the first a given name (qa.slots.given_name), none a place's, an organisation's or a
    country's word (qa.age_holder's holder test), no digit. "US officials", "Russian President", "Brookings Institution" and "Corriere della Sera" are none.

    Args:
        people: the index's speakers' names and aliases.
    Returns:
        The persons' names, titles dropped ("Vladimir Putin"), in the order given, once each.
    """
    from qa import age_holder, slots

    out: list[str] = []
    for p in people:
        words = p.split()
        if len(words) < 2 or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        name = age_holder._holder(p) or ""
        kept = name.split()
        # "Boca Raton", "Billboard Hot": two capitalised words but no given name first
        if len(kept) >= 2 and len(kept[-1]) > 2 and slots.given_name(kept[0]) and name not in out:
            out.append(name)
    return out


def surname(name: str) -> str:
    """A person's last name, lower case ("Bashar al Assad" -> "assad"; "Clinton's" -> "clinton")."""
    words = _WORD.findall(name)
    return re.sub(r"['’]s$", "", words[-1]).lower() if words else ""


def asked_persons(question: str, known: Iterable[str], names: Sequence[str]) -> list[str]:
    """The question's names whose last word is a known person's surname, one per person asked.

    Args:
        question: the question as searched.
        known: the index's persons (persons()).
        names: the question's capitalised words and runs (qa.term_cover.names_in).
    Returns:
        The asked persons' names as names_in gives them, possessive "'s" dropped ("Carson" of "Ben
        Carson", "Clinton" of "Clinton's"); empty when the question names no known person.
    """
    last = {surname(p) for p in known}
    out: list[str] = []
    for n in names:
        run = re.sub(r"['’]s$", "", n)
        if run and surname(run) in last and run not in out:
            out.append(run)
    return out


def holder(
    asked: Sequence[frozenset[str]],
    others: Iterable[frozenset[str]],
    terms: frozenset[str],
    bind: str,
) -> str:
    """Whose value a sentence holding one gives, read from the persons its terms name.

    Args:
        asked: per asked person, the terms of their surname.
        others: per known person, the terms of their surname.
        terms: the sentence's terms widened with those of the sentences it goes on from.
        bind: "any" (one asked person named makes it theirs) or "all" (every one must be named).
    Returns:
        "asked" (it names the asked person(s)), "anyone" (it names no known person) or "other".
    """
    named = [bool(a) and a <= terms for a in asked]
    if any(named) if bind == "any" else all(named):
        return "asked"
    if any(o and o <= terms for o in others):
        return "other"
    return "anyone"


def others_only(
    asked: Sequence[frozenset[str]],
    others: Iterable[frozenset[str]],
    valued: Sequence[frozenset[str]],
    bind: str,
) -> bool:
    """Whether every sentence holding a value of the asked kind gives another person's.

    Args:
        asked: per asked person, the terms of their surname.
        others: per known person, the terms of their surname.
        valued: per sentence holding a value, its widened terms.
        bind: "any" or "all" (HOLDER).
    Returns:
        True when there is such a sentence and each names persons but not the asked one(s).
    """
    if not asked or not valued:
        return False
    known = list(others)
    return all(holder(asked, known, t, bind) == "other" for t in valued)


def holder_reason(
    kind: str,
    question: str,
    names: Sequence[str],
    people: Sequence[str],
    sentences: Sequence[str],
    context: Sequence[frozenset[str]],
    terms: Callable[[str], list[str]],
    valued: Sequence[int] | None = None,
) -> str:
    """Why the values of the asked kind in the best passages are other persons', or "".

    Args:
        kind: the asked kind (value_kind's).
        question: the question as searched.
        names: its capitalised words and runs (qa.term_cover.names_in).
        people: the index's persons (names and aliases).
        sentences: the best passages' sentences.
        context: per sentence, its terms widened with the sentences it goes on from
            (qa.answer_sentences.chained_sentences).
        terms: text -> content terms.
        valued: the indexes of the sentences holding the asked value (a count of the asked noun);
            by default every sentence holding a value of the kind (qa.slots.holds_value).
    Returns:
        "the documents give a percentage for other persons, not Ben Carson" and the like, or "".
    """
    from qa import slots

    bind = HOLDER.get(kind, "")
    if not bind:
        return ""
    known = persons(people)
    asked_names = asked_persons(question, known, names)
    if not asked_names:
        return ""
    asked = [frozenset(terms(surname(p))) for p in asked_names]
    mine = {t for a in asked for t in a}
    others = [frozenset(terms(n)) for n in {surname(p) for p in known}]
    others = [o for o in others if o and not o & mine]
    value = "money" if kind == "how much" else kind
    rows = [i for i, s in enumerate(sentences) if slots.holds_value(value, s)] if valued is None else valued
    widened = [
        frozenset(terms(sentences[i])) | (context[i] if i < len(context) else frozenset()) for i in rows
    ]
    if not others_only(asked, others, widened, bind):
        return ""
    noun = slots.VALUE_NOUN.get(value, "the asked value")
    return f"the documents give {noun} for other persons, not {', '.join(asked_names)}"
