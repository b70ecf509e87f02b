"""What ranking reads in a question, read once: its intent, terms and idf, the asked speaker and
topic, the asked article parts and value types, and the terms each feature reads.

_read turns a question into a _Query: a speech question's speaker (named, described, or the source
of "according to X"), its topic without the speaker's words, a claim's terms ("Who said ...?"), the
asked parts and value kinds, the stand-ins and capital agents a country binds, and a yes/no
question's operators and subject. _feature_terms drops the question's framing words from the terms
BM25 and the coverage features read. The module-level switches (REASON_FORM, TOPIC_STAND_INS,
STAND_INS, CAPITAL_AGENTS, FRAME_WORDS, POLAR_FILLER, ...) each turn one measured reading on or off;
bench scripts and tests set them here. Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from qa import (
    answer_fit,
    answer_type,
    claims,
    describe,
    described_source,
    described_topic,
    equivalents,
    forms,
    frame,
    part_evidence,
    polar,
    view_frame,
    which_speaker,
)
from qa import intent as intents
from qa import question as questions
from qa.engine import Engine
from qa.speech_evidence import asked_speakers
from qa.term_cover import _uses

# "Who ...?" asks for someone ("Who is X?": a passage describing X, qa.candidate_features.DEFINITIONS).
_WHO = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?(?:who|whom)\b", re.I)


@dataclass
class _Query:
    """What one question brings to ranking, read once."""

    intent: intents.Intent
    qt: list[str]
    idf: dict[str, float]
    speech: bool
    wanted: list[str]
    aliases: list[str]
    topic_terms: dict[str, float]
    parts: tuple[str, ...]
    topic: str = ""  # the question without its speaker and speech scaffolding
    strength: float = 1.0  # how surely `wanted` is the asked speaker (1: named; less: described)
    claim_terms: dict[str, float] = field(default_factory=dict)  # "who said <claim>?": its terms
    values: tuple[str, ...] = ()  # the kinds of value asked for (qa.answer_type.asked)
    # The terms (with idf) that BM25 and the coverage features read: see _feature_terms.
    lexical: dict[str, float] = field(default_factory=dict)
    covered: dict[str, float] = field(default_factory=dict)
    # Read as a speech question, but perhaps asking for the writer's account (questions.doubtful_speech).
    doubt: bool = False
    # A plain "Who ...?" question (no speaker's words, no claim, no article part): it asks for a name.
    who: bool = False
    searched: str = ""  # the question as searched
    # A passage term standing for a question term: a country's capital for the country the question
    # names ("moscow" -> "russia"; stand_in_terms).
    stand_ins: dict[str, str] = field(default_factory=dict)
    # A capital the question names as an actor, its term with a pattern of its country's names: a
    # passage naming the country stands for it ("The US wants ..." for "What does Washington want?";
    # agent_terms).
    agents: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # A speech question without the description naming its speaker, read by BM25 and the dense
    # embedding (qa.described_topic): "" to read the question as searched.
    consumed: str = ""
    # A yes/no question's operators (qa.polar.operators): what settles it.
    polar_ops: tuple[str, ...] = ()
    # A yes/no question's subject terms with their idf (qa.polar.subject).
    polar_subject: dict[str, float] = field(default_factory=dict)
    # The number a yes/no question compares with ("more than 200,000": qa.polar.compared).
    polar_number: float | None = None
    # "Which law ...?": the words that mark a name of the asked kind (qa.answer_fit), read by
    # Features.typed as a stated value is; empty for other questions.
    kind_markers: frozenset[str] = frozenset()


# Whether a why-question about a quoted person ("Why did Sanders forgive Roof?") is read both as
# asking for their words and for the writer's account, fused (qa.forms.asks_reason; Weights.narrator).
# Measured by bench/question_forms.py ("why") and end to end (bench/reports/question_forms.md).
REASON_FORM = True
# Whether a speech question's topic takes the country name the documents use for a place name they
# never use ("Tehran" -> "Iran"; qa.forms.topic_stand_ins). bench/question_forms.py ("capital").
TOPIC_STAND_INS = True


def _read(engine: Engine, searched: str, plain: bool = False) -> _Query:
    """What ranking reads in a question.

    Args:
        engine: the open index.
        searched: the question as searched.
        plain: read it as asking for no one's words (the other reading of a doubtful speech question).
    Returns:
        The reading.
    """
    intent = intents.read(searched)
    qt = engine.terms(searched)
    idf = {t: engine.lexical.idf(t) for t in dict.fromkeys(qt)}
    # The first person named is the speaker asked about; later ones are the topic ("Putin ... about Assad").
    wanted = asked_speakers(searched, questions.match_speakers(searched, engine.speakers_index), engine)
    source = polar.according_source(searched) if POLAR_SOURCE else None
    # "..., in the former Mexican leader's opinion?": whose view is asked is the speaker (qa.describe)
    source = source or describe.view_source(searched)
    if source is not None:  # "Should Assad stay in power, according to the Americans?": the source speaks
        wanted = asked_speakers(source, questions.match_speakers(source, engine.speakers_index), engine)
    # "Why did Sanders forgive Roof?": the reason may be in her own words (qa.forms.asks_reason).
    reason = not plain and REASON_FORM and forms.asks_reason(searched)
    asks_speech = not plain and (questions.is_speech_question(searched) or reason)
    if WHO_SUBJECT and frame.who_subject(searched):  # "Who recommended Manafort?": Manafort is the object
        asks_speech = False
    # "What did Uefa's spokesman say?": the speaker is asked by what the documents call them.
    described = described_source.resolve(engine, searched, wanted) if asks_speech else None
    strength, unspoken = 1.0, searched
    if described is not None:
        wanted, strength = described.speakers, described.strength
        unspoken = searched[: described.subject.start] + searched[described.subject.end :]
    claim = claims.claim_of(searched)
    claim_terms: dict[str, float] = {}
    if claim is not None:  # "Who criticised Obama?": the speaker is asked for; a name is the topic
        wanted = []
        claim_terms = {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(claim))}
    # "Which head of state praised ...?": the speaker is asked among the sources the description fits
    # (qa.which_speaker), each one's words on the rest of the question.
    which = None if plain else which_speaker.read(engine, searched)
    if which is not None:
        wanted, strength, claim_terms, asks_speech, described = which.speakers, 1.0, {}, True, None
        unspoken = which.topic
    speech = bool(wanted) and asks_speech
    doubt = speech and (
        reason
        or questions.doubtful_speech(
            searched,
            describe.country_aims(
                searched, described.subject if described else describe.subject_of(searched)
            ),
        )
    )
    topic_terms: dict[str, float] = {}
    aliases: list[str] = []
    topic = ""
    consumed = (speech and described_topic.consumed(searched, strength)) or ""
    if which is not None and speech:  # the description chose the speakers: BM25 and dense read the rest
        consumed = which.unspoken
    if speech:
        aliases = [a for s in engine.speakers_index if s.name in wanted for a in (s.name, *s.aliases)]
        if questions.GIVEN_NAMES:  # "how does Hillary want ...": her given name is no topic
            given = questions.given_names(tuple(engine.speakers_index))
            aliases += [n.split()[0] for n in given.values() if n in wanted]
        topic = questions.topic_of(unspoken, aliases)
        if TOPIC_STAND_INS:  # "Did Obama say anything about Tehran?" of his words on Iran
            topic = forms.topic_stand_ins(topic, lambda n: _uses(engine, n))
        topic_terms = {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(topic))}
    # Asked-for article parts count only where the documents have them (an encyclopedia has no photo credit).
    in_body = part_evidence.body_parts(engine, intent)  # a sign-off or update line left in the body
    parts = tuple(
        k
        for k in intent.parts
        if k in engine.kinds
        or k in in_body
        or (k == "dateline" and (intent.filed_from or intent.dated))
        or (intent.agency and k == intent.parts[0])  # a lede's dateline credits the agency
        # a headline running on into its standfirst ("America's autistic adults; A mother's ..."):
        # the standfirst is there without a passage of its own (_part_kind)
        or (HEADLINE_DEKS and k == "standfirst" and "headline" in engine.kinds and not intent.summary)
    )
    values = () if speech or claim is not None else answer_type.asked(searched)
    lexical, covered = _feature_terms(engine, searched, idf, topic_terms if speech else None)
    if consumed:  # the description chose the speaker: BM25 reads the rest (qa.described_topic)
        kept = set(engine.terms(consumed))
        lexical = {t: w for t, w in lexical.items() if t in kept} or lexical
    return _Query(
        intent,
        qt,
        idf,
        speech,
        wanted,
        aliases,
        topic_terms,
        parts,
        topic,
        strength,
        claim_terms,
        values,
        lexical,
        covered,
        doubt,
        who=not speech and claim is None and not parts and bool(_WHO.match(searched)),
        searched=searched,
        stand_ins=stand_in_terms(engine.terms, searched) if STAND_INS else {},
        agents=agent_terms(engine.terms, searched) if CAPITAL_AGENTS else (),
        consumed=consumed,
        polar_ops=polar.operators(searched) if POLAR_SETTLES and not speech and not parts else (),
        polar_subject=_subject_terms(engine, searched) if not speech and not parts else {},
        polar_number=polar.compared(searched),
        kind_markers=_kind_markers(searched)
        if NAMED_KINDS and not (speech or values or parts or claim)
        else frozenset(),
    )


# "Which law ...?": a sentence naming a law scores as one stating an asked value (qa.answer_fit).
# bench/typed_facts.py measures it (bench/reports/typed_facts.md).
NAMED_KINDS = True


def _kind_markers(searched: str) -> frozenset[str]:
    """qa.answer_fit.kind_words of the kind a "Which <kind> ...?" question asks; empty for others."""
    kind = answer_fit.asked_kind(searched)
    return answer_fit.kind_words(kind) if kind else frozenset()


def _subject_terms(engine: Engine, searched: str) -> dict[str, float]:
    """A yes/no question's subject terms with their idf (qa.polar.subject); empty for none."""
    named = polar.subject(searched)
    return {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(named))} if named else {}


# Whether a standfirst is asked of the documents' headlines where no passage is a standfirst: a headline
# may run on into it after a semicolon (index.structure.headline_dek; n7b7). Measured end to end
# (bench/reports/polar.md, parts).
HEADLINE_DEKS = True


# Whether a passage's name for a country's government (its capital: "Moscow's support for the Assad
# regime") counts as the country the question names ("has Russia's support for Assad worried ...?") in
# the coverage features. Measured end to end (bench/reports/fact_ranking.md, "Capitals").
STAND_INS = True


def stand_in_terms(terms: Callable[[str], list[str]], searched: str) -> dict[str, str]:
    """The passage terms that stand for a country the question names: its capital's terms, each
    mapped to the country's own term (qa.equivalents.country_stand_ins).

    Args:
        terms: text -> content terms (the index's term maker).
        searched: the question as searched.
    Returns:
        stand-in term -> the question's term ({"moscow": "russia"}); empty when it names no country.
    """
    out: dict[str, str] = {}
    for m in re.finditer(r"[\w'’-]+", searched):
        word = re.sub(r"['’]s$", "", m.group())
        own = terms(word)
        if len(own) != 1:
            continue
        for stand_in in equivalents.country_stand_ins(word):
            for t in terms(stand_in):
                if t != own[0]:
                    out.setdefault(t, own[0])
    return out


# A capital the question names as an actor stands for its country's names in the passages
# (qa.equivalents.capital_agents): the reverse of STAND_INS, which binds a country asked by its
# capital. Measured end to end and on SQuAD (bench/reports/fact_ranking.md, "Round 16").
CAPITAL_AGENTS = True


def agent_terms(terms: Callable[[str], list[str]], searched: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The question's capitals named as actors, each as its one term with the pattern of its
    country's names (qa.equivalents.capital_agents).

    Args:
        terms: text -> content terms (the index's term maker).
        searched: the question as searched.
    Returns:
        (capital term, pattern) pairs; () when the question names no capital as an actor.
    """
    out = []
    for word, pattern in equivalents.capital_agents(searched):
        own = terms(word)
        if len(own) == 1:
            out.append((own[0], pattern))
    return tuple(out)


# "How many"/"how much" ask for a count or an amount: scaffolding, like "what" or "did", not a word
# the answer's passage shares ("Many of the affected countries ..." is no answer to "How many
# people died?"). The answer type (wrong_type, typed) reads the asked count.
_HOW_MUCH = re.compile(r"\bhow\s+(many|much)\b", re.I)
# The words that frame a question ("what kind of", "according to") are no topic (qa.frame); nor is
# the source named by "according to X", unless the rest of the question names it too; "Who VERBed X?"
# asks for no words of X's. Each measured on its SQuAD class and end to end
# (bench/reports/fact_ranking.md, round 17).
FRAME_WORDS = True
SOURCE_QUALIFIER = True
WHO_SUBJECT = True
# The modal auxiliaries index.lexical.STOPWORDS lacks ("could", "would", "should", "will", "can" are
# stop words there): as question words they are scaffolding, and a passage using "might" of
# something else matched them ("Whose forces might Russian troops hit ...?" lifted "the Assad's
# regime might end" over the gold, h13f07). Dropped from the question's lexical terms only (the
# index keeps them: no rebuild); "May" as a month (capitalised after the first word, or before a
# number) stays. Measured end to end (bench/reports/art32.md).
MODAL_WORDS = True
_MODAL = re.compile(r"(?:^|(?<=\s))(?:might|must|may|shall|ought)\b(?!\s*\d)")
_MODAL_FIRST = re.compile(r"^\W*(?P<w>Might|Must|May|Shall|Ought)\b(?!\s*\d)")


# Whether a yes/no question's framing words ("as well", "ever", "anything": qa.polar.filler_words)
# are dropped from its lexical terms, and whether its operator's settling sentence is read
# (Features.settles). Measured by bench/polar_questions.py (bench/reports/polar.md).
POLAR_FILLER = True
POLAR_SETTLES = True
# Whether a yes/no question closing "according to X" asks X, not the statement's subject, for its
# words (qa.polar.according_source). Measured by bench/polar_forms.py (bench/reports/polar_forms.md).
POLAR_SOURCE = True


def _feature_terms(
    engine: Engine, searched: str, idf: dict[str, float], topic: dict[str, float] | None
) -> tuple[dict[str, float], dict[str, float]]:
    """The question's terms that the lexical features (BM25, sentence/passage/paragraph coverage) read.

    A speech question's speaker is evidence once, through the attribution features (speaker_bonus,
    reported_bonus, other_speaker): its name or description ("the acting US attorney") counted again
    as question words rewards the passage that names the speaker (a photo caption, a biography line)
    over the one holding their words, which names them once or says "he". So coverage there reads the
    topic's terms only. bench/fit.py measured the double count: under weights that raise sentence
    coverage (0.5 -> 1.1) news-dev's held-out hit@1 dropped 0.890 -> 0.866, lost on "What did the
    acting US attorney say about ...?" to a photo caption naming him, while PolNeAR speaker questions
    gained 0.689 -> 0.764. With the topic read alone, at the same (old) weights, bench/fit.py's
    ranking hit@1 is news-dev 0.890 -> 0.902 and PolNeAR 0.689 -> 0.730, article and SQuAD-600
    unchanged (bench/reports/fit.md). BM25 keeps the whole question: read over the topic alone it
    gained nothing there and picks the candidate pool.

    Args:
        engine: the open index.
        searched: the question as searched.
        idf: the question's terms with their idf.
        topic: a speech question's topic terms with their idf; None for any other question.
    Returns:
        (terms for BM25, terms for the coverage features), each with its idf.
    """
    framing = [m.group(1) for m in _HOW_MUCH.finditer(searched)]
    if FRAME_WORDS:
        framing += frame.frame_words(searched)
    if POLAR_FILLER:  # "as well", "anything" of a yes/no question: no topic (qa.polar)
        framing += polar.filler_words(searched)
    framing += view_frame.frame_words(searched)  # "eyes" of "in Putin's eyes" (switch VIEW_FRAMES)
    if MODAL_WORDS:
        first = _MODAL_FIRST.match(searched)
        framing += [m.group() for m in _MODAL.finditer(searched)] + ([first.group("w")] if first else [])
    drop = set(engine.terms(" ".join(framing)))
    source = frame.source_qualifier(searched) if SOURCE_QUALIFIER else None
    if source and frame.named_source(source):  # "according to Washington": the answer's source, no topic
        drop.update(set(engine.terms(source)) - set(engine.terms(frame.without_source(searched))))
    lexical = {t: w for t, w in idf.items() if t not in drop} if drop else idf
    if topic is not None and drop:
        topic = {t: w for t, w in topic.items() if t not in drop} or topic
    return lexical, (topic if topic is not None else lexical)
