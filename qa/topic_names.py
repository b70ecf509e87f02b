"""A name the asked topic holds is said only where a text names it, not where its words stand apart.

"What did Obama say about the Islamic State?" of an article where Obama's one quote begins "The
United States is prepared to work ...": the speaker-topic test (qa.speaker_topic, abstain.
SPEAKER_TOPIC_SHARE) weighed the topic's terms one by one, found "state" in "United States" and took
the quote to be about the Islamic State (article_heldout10 h10n03 answered). A name's words are one
unit: a text holds them where it names a name that is part of the asked one, or holds it whole
("Trump" and "Donald Trump", "Wall Street Journal" and "Wall Street"), not in another name
("United States") nor as common words ("the state", "the street").

Only names of two terms or more are read so (a one-word name's term cannot stand apart from it).
Measured end to end on the read sets (bench/gates_pooled.py, bench/reports/gate21.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa.abstain import name_runs

# Whether the speaker-topic test reads a topic name's terms only inside a name that is part of it,
# or holds it (switched off to measure: bench/reports/gate21.md).
WHOLE_NAMES = True

Terms = Callable[[str], Sequence[str]]


def topic_name_terms(topic: str, terms: Terms) -> list[frozenset[str]]:
    """The terms of each name of two terms or more the asked topic holds.

    Args:
        topic: the asked topic ("the Islamic State", "Donald Trump's tax plan").
        terms: content terms of a text, made as the index makes them.
    Returns:
        One set of terms per name ([{"islam", "state"}]); empty when the topic names none of two terms.
    """
    out = []
    for run in name_runs(topic):
        ts = frozenset(terms(run))
        if len(ts) >= 2:
            out.append(ts)
    return out


def held_terms(text: str, names: Sequence[frozenset[str]], terms: Terms) -> frozenset[str]:
    """The terms of `text`, a topic name's terms kept only where the text names a part of that name
    or a name holding it.

    Args:
        text: one of the speaker's texts (a quote sentence, a sentence naming them, a lead).
        names: topic_name_terms of the asked topic.
        terms: content terms of a text, made as the index makes them.
    Returns:
        The text's terms, less each name's terms the text holds only outside such a name.
    """
    have = frozenset(terms(text))
    if not names or not any(n & have for n in names):
        return have
    runs = [frozenset(terms(r)) for r in name_runs(text)]
    drop: set[str] = set()
    for name in names:
        named = set().union(*(r & name for r in runs if r & name and (r <= name or name <= r)))
        drop |= name - named
    return have - drop
