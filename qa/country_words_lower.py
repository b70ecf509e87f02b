"""Country and nationality words typed in lower case, read as the names they are.

"did the chinese delegation side with the russian view", "german intake of syrians fleeing the war"
(h19 h19n02, h19n04, unanswerable): typed capitalised ("Chinese", "German") the "not mentioned" test
(qa.not_mentioned) declines them, since the documents never name China or Germany; typed in lower case
the word is no name by its spelling (qa.term_cover.names_in reads capitals) and the story's other words
answered. A lower-case word in general cannot be read as a name (bench/reports/abst30.md: "pentagon",
"minnesota" are missing words of answerable questions), but a country's one-word name or demonym is a
closed list (countryinfo's table), so such a word is read as it is read capitalised: by the
not-mentioned test, and (qa.near_miss, absent_as_names) by the not-quoted test of an asked speaker's
phrase. (qa.stance_speaker capitalises its own phrase's country words.) Measured on every read set by
bench/abst33.py (bench/reports/abst33.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# Whether qa.not_mentioned and qa.near_miss read the words (False: off, to measure).
LOWER_COUNTRY = True

_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?=(?:['’]s?)?(?![\w-]))")


def lower_country_words(question: str) -> list[str]:
    """The question's lower-case words that name a country (its one-word name, its demonym, or the
    demonym's plural), capitalised.

    Args:
        question: the question as searched.
    Returns:
        Each such word once, capitalised ("chinese" -> "Chinese"), in question order; [] when
        LOWER_COUNTRY is off.
    """
    if not LOWER_COUNTRY:
        return []
    names, peoples = _readable()
    out: list[str] = []
    for m in _WORD.finditer(question):
        w = m.group()
        # A people in the plural ("syrians") by its demonym only: "jerseys" are no Jersey.
        if (
            w in names or w in peoples or (w.endswith("s") and w[:-1] in peoples)
        ) and w.capitalize() not in out:
            out.append(w.capitalize())
    return out


@cache
def _readable() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word common names and the demonyms of countryinfo's countries, folded ("china",
    "germany"; "chinese", "german"); read once.

    Not the table's capitals, native names or other spellings, which hold everyday English words in
    lower case: Malé is "male", Iceland's "Ísland" folds to "island" (24 of SQuAD v1.1 dev's 10,570
    questions held a word qa.describe.country_words knows in lower case; "male", "island" and "germ"
    were 9 of them).

    Returns:
        (the names, the demonyms).
    """
    from index.lexical import words
    from qa.equivalents import country_table

    found: dict[str, set[str]] = {"name": set(), "demonym": set()}
    for info in country_table():
        for field, out in found.items():
            folded = words(str(info.get(field) or ""))
            if len(folded) == 1:
                out.add(folded[0])
    return frozenset(found["name"]), frozenset(found["demonym"])


def absent_as_names(phrase: str, known: Callable[[str], bool]) -> str:
    """The phrase with each lower-case country word the documents do not know capitalised.

    "what did the chinese delegation say about syria at the UN" (h18n09) and "what was the french
    president's view of assad" (h12n06), unanswerable, were answered by Putin's quotes, while their
    capitalised twins are declined "the documents quote no Chinese delegation". Only a country the
    documents never name by any of its names is read so: abst30 read every lower-case country word of
    a speaker phrase as a name and declined nh5's n5c2 "what did the turkish president say the UN
    should do" (answerable), whose story names Turkey but whose quoted source's titles do not
    (bench/reports/abst30.md); its phrase stays as typed here.

    Args:
        phrase: a speaker phrase as typed (qa.abstain.asked_speaker).
        known: whether the documents name a (capitalised) word, by itself or by another name of its
            country.
    Returns:
        The phrase, each such word capitalised; the phrase as typed when there is none or
        LOWER_COUNTRY is off.
    """
    absent = {w for w in lower_country_words(phrase) if not known(w)}
    if not absent:
        return phrase
    return _WORD.sub(
        lambda m: m.group().capitalize() if m.group().capitalize() in absent else m.group(), phrase
    )
