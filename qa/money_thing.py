"""The thing an amount of money is asked for, beside the amounts the documents give.

"How much did Trump pay for his helicopters?" where the documents give what he paid for his jet:
the amounts stand in sentences naming Trump and paying, so qa.abstain's FACT_BOUND['money'] (the
share of all the question's focus terms in a sentence holding an amount) passes, though no amount is
given for helicopters. The asked thing is the question's focus less its names (the payer, the payee:
FACT_BOUND and the subject check of qa.slots bind those) and less the words of money ("pay", "cost",
"raise", "give"), its adverbs ("initially") and "according to the text": here "helicopters". An
amount is given for it only where a sentence holding an amount, read with the sentence before it in
its passage ("He nursed an injured pigeon. Tesla spent over $2,000 ..."), holds at least THING_SHARE
of the thing's terms (idf-weighted), a hyphenated compound read either way ("fund-raising" is
"fundraising").

Measured and fit on every read set by bench/abst25.py (bench/reports/abst25.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from qa import abstain, answer_type

# Whether the check runs, and the share of the asked thing's terms a sentence holding an amount must
# hold: bench/abst25.py `thing`, "Chosen: money_thing.THING_SHARE" (bench/reports/abst25.md).
MONEY_THING = True
THING_SHARE = 0.05

# Words of giving money that qa.answer_type's money verbs leave out ("How much money did Pate give
# Rubio's campaign?": "give" is the money's verb, not the thing it is given for).
_GIVING = "give gives gave given giving donation donations contribution contributions dollars"
# A name of the question: a capitalised word ("Trump", "Colony West"), the question's first word aside.
_NAME = re.compile(r"\b[A-Z][\w'’.&-]*")
# An adverb tells how or when, not what the money is for ("How much does a teacher earn, initially?");
# the common adverb endings only ("rally", "supply", "family" are things).
_ADVERB = re.compile(r"[a-z]{3,}(?:ally|ently|antly|ately|ously|ively|ingly|edly|fully)", re.I)
# Where the question says the answer comes from: "According to the text, how much ...?".
_ACCORDING = re.compile(r"\baccording to (?:the )?(?:text|article|passage|story|report|paragraph)\b", re.I)


def thing_terms(question: str, terms: Callable[[str], list[str]]) -> list[str]:
    """The terms of the thing a money question asks the amount for.

    Args:
        question: the question as searched.
        terms: text -> content terms (the index's term maker).
    Returns:
        ["helicopt"] for "How much did Trump pay for his helicopters?"; [] when the question asks the
        amount of a named subject alone ("How much is Mark Cuban worth?").
    """
    question = _ACCORDING.sub(" ", question)
    focus = " ".join(
        w for w in abstain.focus_words(question).split() if not _ADVERB.fullmatch(w.strip(",.;"))
    )
    rest = re.sub(r"^\W*[\w'’-]+", "", question)  # "How", "And": the opening word is no name
    names = set(terms(" ".join(_NAME.findall(rest))))
    money = set(terms(" ".join(answer_type.money_words()) + " " + _GIVING))
    return [t for t in dict.fromkeys(terms(focus)) if t not in names and t not in money]


def sentence_terms(text: str, terms: Callable[[str], list[str]]) -> frozenset[str]:
    """A sentence's terms, a hyphenated compound also read as one word ("fund-raising" gives
    "fund", "rais" and the terms of "fundraising").

    Args:
        text: the sentence.
        terms: text -> content terms.
    Returns:
        The terms.
    """
    joined = re.sub(r"(?<=\w)-(?=\w)", "", text)
    return frozenset(terms(text)) | (frozenset(terms(joined)) if joined != text else frozenset())


def with_previous(
    passages: Sequence[Sequence[tuple[bool, frozenset[str]]]],
) -> list[tuple[bool, frozenset[str]]]:
    """Each sentence's (holds an amount, terms), its terms widened with the sentence before it in its
    passage: the thing an amount is spent on is often named a sentence before ("He nursed an injured
    pigeon. He spent over $2,000 on a device to hold her.").

    Args:
        passages: per passage of the answer, (holds an amount, terms) per sentence.
    Returns:
        The sentences of every passage, in order, widened.
    """
    out: list[tuple[bool, frozenset[str]]] = []
    for rows in passages:
        out += [(has, terms | (rows[i - 1][1] if i else frozenset())) for i, (has, terms) in enumerate(rows)]
    return out


def thing_share(thing: dict[str, float], sentences: Iterable[tuple[bool, frozenset[str]]]) -> float:
    """The largest idf-weighted share of the asked thing's terms in one sentence holding an amount.

    Args:
        thing: the thing's terms with their idf.
        sentences: (holds an amount of money, the sentence's terms) per sentence of the best passages.
    Returns:
        1.0 for no thing; 0.0 when no sentence holds an amount (FACT_BOUND's case, declined before).
    """
    return abstain.bound_share(thing, sentences)


def thing_reason(question: str, thing: Sequence[str], share: float) -> str:
    """Why the money question is declined, or "" when an amount is given for the asked thing.

    Args:
        question: the question as searched.
        thing: the thing's terms (thing_terms).
        share: thing_share over the best sentences.
    Returns:
        "no passage gives an amount of money for: helicopters" or "".
    """
    if not MONEY_THING or not thing or share >= THING_SHARE:
        return ""
    return abstain.fact_reason("money", question)
