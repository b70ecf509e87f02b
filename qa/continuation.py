"""Whether a passage continues the paragraph before it: its subject or its speaker is a pronoun.

A news page gives each paragraph its own passage, and a paragraph often names its subject only in
the paragraph before: "Petraeus pleaded guilty ..." / "He was fined $100,000 ...", or the lead-in
"Talk show host X said Friday that ..." / "'Y,' he said." The question names that subject ("What
punishment did Petraeus get?"), which the answering paragraph's own words lack; the ranking's word
coverage reads such a passage with the names of the paragraph before it
(qa.candidate_features.CONTINUATION).
"""

from __future__ import annotations

import re

# The first word a personal pronoun (subject or possessive): "He was fined", "Their lawyers". Not
# "it": as often a dummy subject ("It is strange that ...") standing for nothing before it (end to
# end, nh12 g1 was declined when "It is strange that Trump ..." read the names before it).
_OPENS = re.compile(r"^\W*(?:he|she|they|his|her|their)\b", re.I)
# A quote credited to a pronoun within the first sentence: "'...,' he said", "'...' she told USA TODAY".
_PRONOUN_SPEAKER = re.compile(
    r"[”\"'’]\s*,?\s*(?:he|she|they)\s+(?:said|says|told|tells|added|adds|wrote|writes|continued|"
    r"explained|noted|argued|insisted|warned|replied|recalled)\b",
    re.I,
)
# The first sentence's reach: a quote's attribution comes after its first sentence of words.
FIRST_CHARS = 300


def continues(text: str) -> bool:
    """Whether a passage reads as the continuation of the paragraph before it.

    Args:
        text: the passage's text.
    Returns:
        True when its first word is a third-person pronoun, or a quote in its first FIRST_CHARS
        characters is credited to one ("he said").
    """
    return bool(_OPENS.match(text) or _PRONOUN_SPEAKER.search(text[:FIRST_CHARS]))


# A capitalised word inside a sentence (not its first word): a name the pronoun may stand for.
_NAME = re.compile(r"(?<=[\w,;:)\"”’'] )[A-Z][\w'’.-]*[\w]")


def names_before(text: str) -> list[str]:
    """The names a pronoun opening the next paragraph may stand for: the paragraph's first word when
    capitalised, and every capitalised word that does not open a sentence ("Petraeus pleaded
    guilty in Charlotte. He ..." -> Petraeus, Charlotte; "He" opens a sentence and is left out).

    Args:
        text: the paragraph before.
    Returns:
        Its names, in order, repeats kept.
    """
    first = re.match(r"^\W*([A-Z][\w'’.-]*\w)", text)
    return ([first.group(1)] if first else []) + _NAME.findall(text)
