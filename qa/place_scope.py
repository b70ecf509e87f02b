"""A value scoped to one place, given only for another: "How many gun incidents were reported in China?"

The question scopes its value with a place ("in China", "across Iraq"), the documents name that place
somewhere (so qa.slots.unused_place lets it through), but every sentence giving a value of the asked
kind scopes it to another country ("there were only eight reported incidents ... in Japan") and never
names the asked one, by any of its names (countryinfo's: "Chinese", "Beijing" for China). The value
given is the other place's: a near miss.

Measured by bench/fit_place_scope.py on near misses and answerable controls generated from PolNeAR
train articles and SQuAD (bench/reports/place_scope.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

# Whether qa.slots.subject_reason declines a value scoped to another place: bench/fit_place_scope.py,
# "Chosen: place_scope.OTHER_PLACE" (bench/reports/place_scope.md).
OTHER_PLACE = True

# "in China", "across Iraq", "throughout the Netherlands": a place scoping what is said (qa.slots'
# unused_place reads it too).
SCOPE = re.compile(
    r"\b(?:in|across|throughout|inside|outside)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
)
# Regions that hold countries: "in Europe" may be the asked country's value too.
_REGIONS = frozenset("europe africa asia america americas middle east west world".split())


def _country_names(place: str) -> set[str]:
    """A country's names, folded, with its capitals (countryinfo): {"china", "chinese", "beijing",
    ...} for "China"; empty when `place` names no country of the gazetteers or is a region."""
    from qa import equivalents, referents

    low = " ".join(place.lower().split())
    if not low or any(w in _REGIONS for w in low.split()):
        return set()
    others = equivalents.country_equivalents(place)
    if not (others or referents.is_place(place)):
        return set()
    return {low, *others, *equivalents.country_stand_ins(place)}


def scoped_places(text: str) -> list[str]:
    """The countries (or gazetteer capitals) a text scopes something to: "Japan" in "... killed by a
    gun last year in Japan".

    Args:
        text: a question or a sentence.
    Returns:
        The places as written, in text order; regions ("in Europe") left out.
    """
    from qa import equivalents

    out = []
    for m in SCOPE.finditer(text):
        place = m.group("place")
        if place.endswith(".") and not place[-2:-1].isupper():
            place = place.rstrip(".")  # "in Manhattan." ends its sentence; "in the U.S." does not
        if " ".join(place.lower().split()) in equivalents.demonyms():
            continue  # "dressed in American flags": a demonym, no place
        if _country_names(place):
            out.append(place)
    return out


def names_place(names: Collection[str], terms: Collection[str], terms_of: Callable[[str], list[str]]) -> bool:
    """Whether a sentence's terms hold one of a place's names (all of a name's terms).

    Args:
        names: the place's names (_country_names).
        terms: the sentence's terms.
        terms_of: text -> content terms.
    Returns:
        True when some name is there.
    """
    for n in names:
        t = set(terms_of(n))
        if t and t <= set(terms):
            return True
    return False


def other_place(
    question: str,
    sentences: Sequence[str],
    valued: Sequence[int],
    terms: Callable[[str], list[str]],
    context: Sequence[frozenset[str]] | None = None,
) -> tuple[str, str] | None:
    """The asked place and the other place every value is scoped to, or None.

    Args:
        question: the question as searched.
        sentences: the best passages' sentences.
        valued: the indexes of the sentences holding a value of the asked kind.
        terms: text -> content terms.
        context: per sentence, the terms of the sentences its subject goes back to, or None.
    Returns:
        ("China", "Japan") when no valued sentence (nor what it goes back to) names China and each
        scopes its value to a country that is not China; None otherwise (no place asked, no value,
        or a value that may be the asked place's).
    """
    if not valued:
        return None
    for asked in scoped_places(question):
        names = _country_names(asked)
        others: list[str] = []
        for i in valued:
            held = set(terms(sentences[i])) | (
                set(context[i]) if context is not None and i < len(context) else set()
            )
            if names_place(names, held, terms):
                return None  # a value may be the asked place's
            away = [p for p in scoped_places(sentences[i]) if not (_country_names(p) & names)]
            if not away:
                return None  # a value scoped nowhere may be the asked place's
            others.append(away[0])
        return asked, others[0]
    return None
