"""A quoted source a question describes instead of naming ("the White House spokesman", "Uefa's
spokesman"), resolved by qa.describe against the index's speakers.

qa.describe.resolve needs the index's readers passed in: how far each candidate source is quoted on
the question's topic (topic_shares) and the embedder's cosines of the description to each source's
description (similarities). described_speaker runs it for a "What did <description> say?" question.
Read by the question's reading (qa.query_reading) and by the speaker abstention tests
(qa.speaker_topic). Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

from collections.abc import Callable

from qa import abstain, describe
from qa import question as questions
from qa.engine import Engine


def described_speaker(engine: Engine, searched: str) -> list[str]:
    """The quoted source a "What did <description> say about T?" question describes.

    Args:
        engine: the open index.
        searched: the question as searched.
    Returns:
        [the source qa.describe.resolve takes for the description], or [] (no description, or
        none the documents bind to one source).
    """
    found = resolve(engine, searched, questions.match_speakers(searched, engine.speakers_index))
    return found.speakers[:1] if found is not None else []


def resolve(engine: Engine, searched: str, named: list[str]) -> describe.Resolved | None:
    """qa.describe.resolve over this index: its speakers, their profiles, its terms and idf, the
    topic shares and the model's similarities.

    Args:
        engine: the open index.
        searched: the question as searched.
        named: the speakers the question names outright (qa.question.match_speakers).
    Returns:
        The sources the question describes, or None (it names its speaker, or describes no source
        the documents quote).
    """
    return describe.resolve(
        searched,
        named,
        engine.speakers_index,
        engine.speaker_profiles,
        engine.terms,
        engine.lexical.idf,
        questions.match_speakers,
        topic_shares(engine, searched),
        lambda text, phrases: similarities(engine, text, phrases),
    )


def similarities(engine: Engine, text: str, phrases: list[str]) -> list[float]:
    """The cosines of `text` to each phrase under the index's embedder, in one batch.

    Args:
        engine: the open index.
        text: a question's subject.
        phrases: descriptions of sources.
    Returns:
        One cosine per phrase.
    """
    vecs = engine.embedder.encode([text, *phrases])
    return [float(x) for x in vecs[1:] @ vecs[0]]


def topic_shares(engine: Engine, searched: str) -> Callable[[describe.Subject, list[str]], dict[str, float]]:
    """How far each of some sources is quoted on a described-speaker question's topic.

    Args:
        engine: the open index.
        searched: the question as searched.
    Returns:
        A function of (the question's subject, source names) -> each source's largest idf-weighted
        share of the topic's terms in one of its quote sentences (abstain.quoted_share), for
        qa.describe.resolve to tell apart sources a description fits equally.
    """

    def shares(subject: describe.Subject, names: list[str]) -> dict[str, float]:
        unspoken = searched[: subject.start] + searched[subject.end :]
        topic = questions.topic_of(unspoken, [])
        known = {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(topic))}
        if not known:
            return {}
        wanted = set(names)
        said: dict[str, list[frozenset[str]]] = {}
        for q in engine.quotes:
            if q.speaker in wanted:
                text = abstain.quote_sentence(engine.docs[q.doc_id].text, q.start, q.end)
                said.setdefault(q.speaker, []).append(frozenset(engine.terms(text)))
        return {n: abstain.quoted_share(known, said.get(n, [])) for n in names}

    return shares
