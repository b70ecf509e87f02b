"""Offices a generic head noun stands for: "the Kremlin leader" is the one the documents call
"Russian President", "the appliance maker's boss" its chief executive.

Both tables are read from WordNet 3.0's noun hierarchy by bench/desc26_offices.py (its docstring says
which synsets; bench/reports/desc26.md), not grown by hand: WordNet files "president", "chairman",
"CEO", "governor" under leader.n.01 or head_of_state.n.01, and "leader", "head", "chief", "boss" name
a person in charge of anything.
"""

from __future__ import annotations

# The lemmas of leader.n.01, head.n.04 and boss.n.03 (bench/desc26_offices.py).
GENERIC_HEADS = frozenset("boss chief head leader".split())
# The titles and role nouns of index.attribution.words with a common-noun sense under leader.n.01 or
# head_of_state.n.01 (bench/desc26_offices.py).
OFFICES = frozenset(
    (
        "administrator archbishop ayatollah bishop campaigner candidate captain cardinal ceo cfo chair "
        "chairman chairperson chairwoman chancellor coach commander commissioner congressman "
        "congresswoman deputy director emperor executive father general governor imam king lawmaker "
        "legislator manager mayor minister moderator nominee pastor pope premier president prince "
        "princess queen rabbi rep representative reverend secretary senator superintendent"
    ).split()
)


def generic_head(head: str) -> bool:
    """Whether a subject's head is one generic word for a person in charge ("leader", "chief").

    Args:
        head: the subject's head noun as written.
    Returns:
        True for a single word of GENERIC_HEADS.
    """
    words = head.lower().split()
    return len(words) == 1 and words[0] in GENERIC_HEADS
