"""A speaker asked by description: the description chooses the person, the rest chooses the passage.

"What did the Vermont Democratic Party chairwoman say about party unity?" The descriptor's words
("Vermont", "Democratic", "Party", "chairwoman") say who is asked about; once they have chosen the
person (qa.describe, or a role the question words as the documents bind it to them) they are no
evidence of which of that person's passages answers. Read by BM25 and the dense embedding as
question words, they lifted the passage introducing the person ("Dottie Deans, the chairwoman of
the Vermont Democratic Party, ... credited him for ...") over the one holding their words on the
topic ("... the Democratic Party will come together in July and stand behind our nominee," she
said.). The attribution features (qa.rank.Weights.speaker_bonus, reported_bonus) already credit
every passage of the person alike, so the descriptor is read there alone.
"""

from __future__ import annotations

from qa import describe
from qa.question import topic_of

# Whether a speech question's lexical (BM25) and dense evidence reads the question without the
# described speaker's words (consumed). Measured by bench/described_topic.py on questions generated
# from PolNeAR train (bench/reports/described_topic.md) and end to end.
CONSUME = True
# How surely the description must name the person (qa.describe.Resolved.strength; 1.0 for a role the
# documents bind to one person) for its words to be consumed: where it is unsure, its words still
# tell the person's passages from others'. Not fit: bench/described_topic.py is flat from 0.8 up; with
# no threshold, nh1's "the president of the California Retailers Association" (resolved at 0.59) lost
# its passage end to end (bench/reports/described_topic.md).
CONSUME_STRENGTH = 0.8
# Whether the names of a consumed description are left out of the names the hits' documents must hold
# (qa.rank's NAMES_SHARE gate): "the Georgia congressman" is "Rep. Hank Johnson (D-Ga.)", whose
# article never writes "Georgia". Measured by bench/described_forms.py (bench/reports/described_forms.md).
UNNAMED_PLACES = True


def consumed(searched: str, strength: float = 1.0) -> str | None:
    """The question without the description that names its speaker, or None when it has none.

    Only a description is consumed ("the Vermont Democratic Party chairwoman", "Trump's fired
    campaign manager"): a name ("Dottie Deans") is left to the question, as ranking was fit with it.

    Args:
        searched: a speech question whose speaker the index resolved (qa.rank._read).
        strength: how surely the speaker is the one asked for (1: named or bound; less: described).
    Returns:
        The question with its speaker slot (describe.subject_of, with its determiner) removed:
        "What did say about party unity?"; None when the slot is no description or is missing, or
        when no topic is left.
    """
    if not CONSUME or strength < CONSUME_STRENGTH:
        return None
    subject = describe.subject_of(searched)
    if subject is None or not (
        describe.is_description(subject.text) or (describe.NATION_GROUPS and describe.nationals(subject))
    ):
        return None
    rest = (searched[: subject.start].rstrip() + " " + searched[subject.end :].lstrip()).strip()
    # Nothing left to choose a passage by ("How did Ohio's delegation vote in the roll call?" read as
    # "How did <subject> call?"): the subject is no description that merely chose a person.
    return rest if topic_of(rest, []) else None
