""" "Who said ...?" questions: the answer is a source, found where an attribution says the claim.

"Who described FAST's sensitivity as impressive?" asks for whoever is quoted saying it. The passage
to show is one holding an attribution whose sentence covers the claim's words, not any passage
that merely repeats them; a person named inside the claim ("Who criticised Obama?") is its topic,
not its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.docstore import QuoteRow

_WHO = re.compile(
    # "Who said ...?", and "Which leader described ...?": "which" and the kind of source, up to three
    # words ending in a lower-case noun ("Which US official"), no auxiliary among them and not the
    # document itself ("Which article described ...?" asks for a part). bench/question_forms.py, "which".
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:who|which(?:\s+(?-i:[A-Z])[\w-]*)?"
    r"(?:\s+(?!(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|may|might|"
    r"must|of|the|a|an|article|story|piece|page|report|paragraph|passage|photo|picture)\b)(?-i:[a-z][\w-]*)){1,2}?)\s+"
    r"(?:was\s+it\s+that\s+|else\s+)?(?:has\s+|had\s+|have\s+)?"
    r"(?P<verb>said|says|say|described|describes|called|calls|warned|warns|claimed|claims|argued|"
    r"argues|told|tells|insisted|insists|suggested|suggests|stressed|stresses|predicted|predicts|"
    r"admitted|admits|denied|denies|accused|accuses|critici[sz]ed|critici[sz]es|praised|praises|"
    r"blamed|blames|believed|believes|thought|thinks|noted|notes|added|adds|explained|explains|"
    r"announced|announces|compared|compares|dismissed|dismisses|questioned|questions|urged|urges|"
    r"expected|expects|estimated|estimates|branded|brands|labelled|labeled|likened|condemned|"
    r"welcomed|defended|complained|promised|vowed|recalled|acknowledged|conceded|confirmed|"
    r"revealed|reported|wrote|writes|called\s+for|calls\s+for)\b\s*(?P<claim>.*?)\s*\??\s*$",
    re.I,
)


def claim_of(question: str) -> str | None:
    """The claim a "who said" question asks about: "Who described X as impressive?" -> "X as
    impressive"; None for any other question.

    Args:
        question: the question as searched.
    Returns:
        The claim, or None.
    """
    m = _WHO.match(question)
    if m is None:
        return None
    claim = re.sub(r"^(?:that|about|of|on)\s+", "", m.group("claim"), flags=re.I).strip(" ,;:")
    return claim or None


def best_attribution(
    quotes: Iterable[QuoteRow],
    sentences: list[tuple[int, int, frozenset[str]]],
    passage_start: int,
    claim: dict[str, float],
) -> tuple[float, tuple[int, int] | None, QuoteRow | None]:
    """The attribution of a passage whose sentences best cover the claim.

    Args:
        quotes: the passage's attributions (document offsets).
        sentences: the passage's sentences as (start, end, terms), offsets into the passage.
        passage_start: the passage's offset in its document.
        claim: the claim's terms with their idf.
    Returns:
        (idf-weighted share of the claim's terms in the sentences the attribution spans, those
        sentences' span in the passage, the attribution); (0, None, None) without attributions.
    """
    total = sum(claim.values())
    best: tuple[float, tuple[int, int] | None, QuoteRow | None] = (0.0, None, None)
    if not total:
        return best
    for x in quotes:
        a, b = x.start - passage_start, x.end - passage_start
        inside = [s for s in sentences if s[0] < b and a < s[1]]
        if not inside:
            continue
        have = frozenset().union(*(s[2] for s in inside))
        cover = sum(w for t, w in claim.items() if t in have) / total
        if cover > best[0]:
            best = (cover, (inside[0][0], inside[-1][1]), x)
    return best
