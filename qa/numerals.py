"""Numbers a question writes in words where the documents write digits.

"was this general assembly the seventieth" of an article that says "the 70th session": every reader
of the question (the cover and off-topic gates, the names a document must be about, the ranking's
terms) looked for "seventieth", which the article never writes, and declined (article_heldout16's
h16f08 "the documents do not cover: seventieth"; probe28's "the seventieth or the seventy-first?",
"September twenty-ninth"; bench/reports/wrong28.md). A number phrase ("seventieth", "twenty-ninth",
"a quarter of a million", "nineteen sixty-three", "two thousand and eleven") one of whose words the
documents lack is searched as the documents write its value ("70th", "29th", "250,000", "1963",
"2011") where they hold that form; a phrase the documents hold word for word, or whose value they
never write, is left as typed. Word lists and the number grammar only: no threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()

# word -> (value, ordinal)
_SMALL: dict[str, tuple[int, bool]] = {
    **{w: (i, False) for i, w in enumerate(_UNITS)},
    **{w: (20 + 10 * i, False) for i, w in enumerate(_TENS)},
    **{w: (i, True) for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: (20 + 10 * i, True) for i, w in enumerate(_ORDINAL_TENS)},
}
_SCALES: dict[str, tuple[int, bool]] = {
    "hundred": (100, False),
    "thousand": (1000, False),
    "million": (10**6, False),
    "billion": (10**9, False),
    "hundredth": (100, True),
    "thousandth": (1000, True),
    "millionth": (10**6, True),
}
# "a quarter of a million", "half a million", "three quarters of a billion".
_FRACTIONS = {"quarter": 0.25, "quarters": 0.25, "half": 0.5}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "September twenty-ninth", "the twenty-eighth of September": a day of the month.
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+(?:the\s+)?$", re.I)
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTHS}\b", re.I)


def _pieces(word: str) -> list[str] | None:
    """The number words of one typed word ("seventy-first" -> ["seventy", "first"]); None if any
    piece is no number word."""
    ps = word.lower().split("-")
    return ps if all(p in _SMALL or p in _SCALES for p in ps) else None


def _cardinal(ps: list[str]) -> tuple[int, bool] | None:
    """The value of number words in the usual grammar ("two hundred fifty thousand", "seventy
    first"), and whether it is an ordinal; None where the words do not make one number ("nineteen
    sixty", read as a year by `_year`)."""
    total, group, last = 0, 0, ""
    ordinal = False
    for i, p in enumerate(ps):
        if ordinal:
            return None  # an ordinal ends the number
        if p in _SCALES:
            v, ordinal = _SCALES[p]
            if last == "scale-small" and v < 1000:
                return None
            if v == 100:
                group = (group or 1) * 100
            else:
                total += (group or 1) * v
                group = 0
            last = "scale"
            continue
        v, ordinal = _SMALL[p]
        if last == "small":
            prev = _SMALL[ps[i - 1]][0]
            if not (20 <= prev <= 90 and prev % 10 == 0 and 1 <= v <= 9):
                return None  # "twenty nine" is one number; "nineteen sixty" is not
        elif last == "small-tens":
            return None
        group += v
        last = "small-tens" if last == "small" else "small"
    return total + group, ordinal


def _year(ps: list[str]) -> int | None:
    """A year read in two halves: "nineteen sixty-three" 1963, "twenty eleven" 2011, "nineteen
    eighty" 1980; None otherwise."""
    if len(ps) < 2 or ps[0] not in _SMALL or _SMALL[ps[0]][1]:
        return None
    century = _SMALL[ps[0]][0]
    rest = _cardinal(ps[1:])
    if not 10 <= century <= 20 or rest is None or rest[1] or not 10 <= rest[0] <= 99:
        return None
    return century * 100 + rest[0]


def _suffix(n: int) -> str:
    """The ordinal suffix of `n` in digits (1st, 2nd, 3rd, 11th, 21st)."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _forms(value: float, ordinal: bool, year: bool, dated: bool = False) -> list[str]:
    """The ways a text writes a value in digits, most usual first; `dated`: the ordinal is a day
    of the month named beside it, which texts write bare too ("Sep 29")."""
    if ordinal:
        n = int(value)
        return [f"{n}{_suffix(n)}", str(n)] if dated else [f"{n}{_suffix(n)}"]
    if year:
        return [str(int(value))]
    out = []
    for scale, word in ((10**9, "billion"), (10**6, "million")):
        if value >= scale:
            out.append(f"{value / scale:g} {word}")
    if value == int(value):
        n = int(value)
        # "two thousand and eleven" is a year as often as not: written 2011, never 2,011.
        out += [str(n), f"{n:,}"] if 1100 <= n < 2100 else [f"{n:,}", str(n)]
    return out


def _phrases(question: str) -> list[tuple[int, int, list[str], list[str]]]:
    """The number phrases of a question: (start, end, their number words, all their words as typed,
    "a"/"of"/"and" included)."""
    found = list(_WORD.finditer(question))
    out: list[tuple[int, int, list[str], list[str]]] = []
    i = 0
    while i < len(found):
        j = i
        ps: list[str] = []
        typed: list[str] = []
        while j < len(found):
            w = found[j].group()
            low = w.lower()
            p = _pieces(w)
            if p is not None and not (low == "second" and not ps):  # "second" alone is a time unit too
                ps += p
                typed.append(w)
                j += 1
            elif ps and low == "and" and j + 1 < len(found) and _pieces(found[j + 1].group()):
                typed.append(w)  # "two hundred and fifty"
                j += 1
            elif low in _FRACTIONS or (
                low == "a" and j + 1 < len(found) and found[j + 1].group().lower() in (*_FRACTIONS, *_SCALES)
            ):
                ps.append(low)
                typed.append(w)
                j += 1
            elif ps and ps[-1] in _FRACTIONS and low == "of":
                ps.append(low)  # "a quarter of a million"
                typed.append(w)
                j += 1
            else:
                break
        if ps and any(p in _SMALL or p in _SCALES for p in ps):
            while typed and typed[-1].lower() in ("a", "of", "and", *_FRACTIONS):
                typed.pop()  # "... in a" / "a quarter of" left dangling: not part of the number
                ps.pop()
            if typed:
                end = i + len(typed) - 1
                out.append((found[i].start(), found[end].end(), ps, typed))
                i = end + 1
                continue
        i += 1
    return out


def _value(ps: list[str]) -> tuple[float, bool, bool] | None:
    """(value, ordinal, read as a year) of a phrase's words; None where they make no number."""
    if any(p in _FRACTIONS for p in ps):
        # "a quarter of a million": [count] fraction [of] [a] scale
        k = next(i for i, p in enumerate(ps) if p in _FRACTIONS)
        head = [p for p in ps[:k] if p != "a"]
        tail = [p for p in ps[k + 1 :] if p not in ("a", "of")]
        count = _cardinal(head) if head else (1, False)
        scale = _cardinal(tail) if tail else None
        if count is None or scale is None or count[1] or scale[1] or scale[0] < 100:
            return None
        return count[0] * _FRACTIONS[ps[k]] * scale[0], False, False
    words = [p for p in ps if p != "a"]
    if ps and ps[0] == "a" and (len(ps) < 2 or ps[1] not in _SCALES):
        return None
    card = _cardinal(words)
    if card is not None:
        return float(card[0]), card[1], False
    year = _year(words)
    return (float(year), False, True) if year is not None else None


def as_digits(question: str, held: Callable[[str], bool]) -> str:
    """The question with each number phrase the documents lack a word of written as they write
    its value.

    Args:
        question: the question as typed (or truecased).
        held: whether the documents hold a text's every term ("seventieth", "70th", "250,000").
    Returns:
        The question with those phrases replaced by the first digit form the documents hold;
        unchanged when none is found.
    """
    out, at = [], 0
    for start, end, ps, _typed in _phrases(question):
        words = [p for p in ps if p not in ("a", "of")]
        if all(held(w) for w in words):
            continue  # "the two leaders": the documents write the words themselves
        value = _value(ps)
        if value is None:
            continue
        dated = bool(_MONTH_BEFORE.search(question[:start]) or _MONTH_AFTER.match(question[end:]))
        form = next((f for f in _forms(*value, dated=dated) if held(f)), None)
        if form is None:
            continue  # the documents never write the value: the words are what is asked
        out += [question[at:start], form]
        at = end
    return "".join(out) + question[at:] if out else question
