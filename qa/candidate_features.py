"""Candidate features: every candidate passage's evidence for one question, computed once.

evaluate reads, for each candidate under one reading of the question (qa.query_reading._Query),
the lexical coverage of its best sentence and passage, the asked speaker's quotes and reports, the
asked article part, the asked value type, a yes/no question's settling sentence, and more; each is a
column of Features. qa.rank.combine scores the columns under any Weights, so bench/fit.py searches
weights without recomputing them. Scored is
one ranked candidate as abstention reads it. The switches DEFINITIONS and PICTURE_DATES each turn one
measured reading on or off. Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from index import structure
from qa import (
    abstain,
    answer_fit,
    answer_type,
    claims,
    continuation,
    frame,
    interview,
    order_asked,
    polar,
    slots,
)
from qa import question as questions
from qa.engine import Engine, Passage
from qa.part_evidence import CREDITS_SOMEONE, FURNITURE, SUMMARY, meta_terms, outlet_terms, part_kind
from qa.query_reading import _Query
from qa.speech_evidence import (
    SAYS,
    best_quote,
    long_direct,
    name_pattern,
    named_cover,
    reports_speech,
    speaker_at,
)
from qa.term_cover import (
    as_agents,
    coverage,
    has_evidence,
    passage_terms,
    phrase_cover,
    question_pairs,
    sentence_terms,
    widen,
)


@dataclass
class Scored:
    passage: Passage
    score: float
    highlight: tuple[int, int]
    speaker: str | None
    coverage: float
    dense: float


@dataclass
class Features:
    """Per-candidate evidence for one question, computed once and combined by any `Weights`.

    Arrays are aligned with `pids`; `left`/`right` index the paragraph-neighbours within `pids`
    (-1: none), `doc` numbers the candidates' documents 0..n-1. bench/fit.py searches weights
    over these without recomputing them.
    """

    pids: list[int]
    dense: np.ndarray
    bm: np.ndarray  # BM25 over the best BM25 score of the collection
    cov_s: np.ndarray  # idf-weighted share of the question's terms in the best sentence
    cov_p: np.ndarray  # ... in the whole passage
    left: np.ndarray
    right: np.ndarray
    doc: np.ndarray
    wrong: np.ndarray  # lacks evidence of the asked answer type (a place: see wrong_place)
    part: np.ndarray  # 1 for the first kind the question asks for, 2 for the others, 0 for none
    meta_cov: np.ndarray  # share of the question's terms in the document's title, site and author
    first: np.ndarray  # an asked part that is the first of its kind in its document
    furniture: np.ndarray
    summary: np.ndarray
    direct: np.ndarray  # the asked speaker's own words, quoted directly (times the match strength)
    reported: np.ndarray  # the asked speaker's words, reported (times the match strength)
    topic_cov: np.ndarray
    other: np.ndarray  # someone else's quotes, in a speaker question
    focus: np.ndarray
    highlight: list[tuple[int, int]]
    speaker: list[str | None]
    # In a "who said ...?" question, the share of the claim's terms in the sentences of the passage's
    # best-covering attribution (qa.claims); empty when features were made without it.
    claim: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # The question terms' share in the best sentence stating a value of the asked kind
    # (qa.answer_type); zero for a question that asks no value, empty when made without it.
    typed: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # The share of all the question's terms in the passage (the speaker's name too): what abstention
    # reads as the best passage's coverage, whichever terms the ranking features read (cov_p when
    # empty).
    cov_q: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # In a speech question, the topic's share (idf-weighted, 0..1) of the best sentence that names
    # the asked speaker, in a document where the analyser credits them with an attribution; zero
    # elsewhere, empty when made without it. A name in a document that never quotes its bearer is a
    # mention, not a source: news-dev's "Is [the referee] Anders Frisk expected to mention the alleged
    # incidents in his report?" lost its answer to "an alleged talk between ... and referee Anders
    # Frisk" when any naming sentence counted (bench/fit.py: held-out news-dev 0.902 -> 0.890).
    named: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # A "where" question's passage without a place (qa.intent's loose "place" evidence); empty when
    # made without it (then `wrong` holds these too).
    wrong_place: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # The idf-weighted share of the question's adjacent term pairs that stand side by side, in the
    # question's order, in the passage's best sentence for them (phrase_cover); empty when made
    # without it.
    phrase: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # A photo caption, in a question that asks for no article part: a caption describes a picture,
    # its words (names, the event, the date) match many questions it does not answer (Weights.caption).
    caption: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # 1 where the question reads as a speech question only doubtfully (_Query.doubt), 0 elsewhere;
    # empty when made without it. `alt` then holds the plain (no speaker) reading's evidence over
    # the same candidates, mixed in by Weights.narrator.
    doubt: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # For an asked article part: the idf-weighted share of the question's topic words
    # (abstain.topic_words) found anywhere in the part's document or what names it (title, site,
    # file name): "the Times story on Scranton and danger" names an article by words its body holds
    # apart, which no single body passage (part_document) matches together.
    doc_topic: np.ndarray = field(default_factory=lambda: np.zeros(0))
    alt: Features | None = None
    # The largest share of the question's terms (cov_q) that any candidate holds, the same in every
    # row: how far the documents' words reach the question's (1: some passage holds them all; low: a
    # paraphrase). Empty when made without it (Weights.unmatched then changes nothing).
    reach: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # In a question asking what someone said or told (SAYS), the passage's attributions to the asked
    # speaker are all reported beliefs or intentions (reports_speech: no quote, no verb of speech); zero
    # elsewhere, empty when made without it.
    belief: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # In a yes/no question with an operator (qa.polar.operators: "also", "new", "agree", "will"), the
    # question terms' share in the best sentence holding a marker that settles it (qa.polar.settles);
    # zero elsewhere, empty when made without it.
    settles: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # In a yes/no question with a subject in capitals (qa.polar.subject), the idf-weighted share of
    # its terms the passage holds (a capital standing for its country counts); zero elsewhere, empty
    # when made without it.
    subject: np.ndarray = field(default_factory=lambda: np.zeros(0))


# Whether a caption's, a credit's, a byline's or a dateline's date is no evidence of the asked time
# (qa.slots.NOT_EVENT_PARTS: the picture's or the report's date, never the asked event's) where the
# question asks a time and no article part: such a passage lacks the asked type (Weights.wrong_type).
# Measured end to end (bench/reports/fact_ranking.md, "Round 15"). A question naming a picture ("When
# was the photo taken?") asks the picture's date: the caption keeps it.
PICTURE_DATES = True
_PICTURE = re.compile(
    r"\b(?:photo(?:graph)?s?|pictures?|pics?|images?|captions?|snaps?|footage|video)\b", re.I
)


# "Who is X?" reads a passage that does not describe X (qa.frame.defines: an apposition, a relative
# clause, a copula) as lacking the asked answer (Weights.wrong_type), where some candidate describes
# X. Measured on generated "Who is X?" questions (bench/who_is.py) and end to end.
DEFINITIONS = True


# Whether a passage that continues the paragraph before it (qa.continuation: "He was fined ...",
# "'...,' she said") reads that paragraph's names as its own: the pronoun stands for one of them.
CONTINUATION = True


def _carried(engine: Engine, p: Passage) -> frozenset[str]:
    """The terms of the names in the paragraph before `p` (same document, another paragraph)."""
    if p.pid == 0:
        return frozenset()
    prev = engine.passages[p.pid - 1]
    if prev.doc_id != p.doc_id or prev.paragraph == p.paragraph:
        return frozenset()
    return frozenset(t for name in continuation.names_before(prev.text) for t in engine.terms(name))


# Whether, in a speech question, the asked speaker's direct quote that follows the writer's lead
# reporting that speaker (the passage before it in the same document credits the asked speaker with
# no direct quote: "Calabrese told the National Post he's already received hundreds of emails from
# Americans ..." / "'I'm in disbelief,' he said. ...") reads the lead's terms as its own. The lead
# names the topic in the question's words; the quote after it gives the speaker's own words on it,
# the answer to "what did X say about T?". Without it the lead outranked the quote on every word
# signal: 13 of the news read sets' 35 speaker misses ranked below another passage of the asked
# speaker were such a lead first and its quote the next passage (bench/reports/nspk34.md, measured
# end to end there; bench/nspk34.py's census). No constant.
LEAD_QUOTE = True


def _lead_terms(engine: Engine, p: Passage, wanted: list[str]) -> frozenset[str]:
    """The terms of the writer's lead before an asked speaker's direct quote (LEAD_QUOTE).

    Args:
        engine: the open index.
        p: a candidate passage.
        wanted: the asked speakers.
    Returns:
        The previous passage's terms where `p` holds a direct quote of an asked speaker and the
        previous passage of its document credits an asked speaker, none of it quoted directly; else
        empty.
    """
    if p.pid == 0 or not wanted:
        return frozenset()
    own = [x for x in engine.quotes_by_passage.get(p.pid, []) if x.speaker in wanted]
    if not any(engine.long_direct(p.pid, x) for x in own):
        return frozenset()
    prev = engine.passages[p.pid - 1]
    if prev.doc_id != p.doc_id:
        return frozenset()
    lead = [x for x in engine.quotes_by_passage.get(prev.pid, []) if x.speaker in wanted]
    if not lead or any(engine.long_direct(prev.pid, x) for x in lead):
        return frozenset()
    return engine.passage_terms(prev.pid)


# Whether an interview's answer ("A: I'm not going to answer.") reads the terms of the question it
# answers ("Q: ... will you vote for him?"; qa.interview) as its own. Measured end to end on the read
# sets (bench/reports/news30.md: nh12's and nh16's Q&A interviews).
INTERVIEW = True


def _asked(engine: Engine, p: Passage, by_doc: dict[int, dict[int, list[int]]]) -> frozenset[str]:
    """The terms of the interviewer's question that `p` answers (empty: no interview answer).

    Args:
        engine: the open index.
        p: a candidate passage.
        by_doc: qa.interview.questions_by_paragraph of the documents read so far, filled here.
    Returns:
        The question's terms.
    """
    if p.doc_id not in by_doc:
        by_doc[p.doc_id] = interview.questions_by_paragraph(engine, p.doc_id)
    return frozenset().union(*(engine.passage_terms(q) for q in by_doc[p.doc_id].get(p.paragraph, [])))


# Whether a file name's clipped outlet ("wash", "huff") or initials ("nyt") name the article a parts
# question describes by its outlet written out (qa.part_evidence.outlet_terms): measured end to end on
# the read sets (bench/reports/parts27.md).
OUTLET_TERMS = True


def evaluate(
    engine: Engine,
    qr: _Query,
    pids: list[int],
    near: dict[int, list[int]],
    dense_of: dict[int, float],
    bm: np.ndarray,
    focused: frozenset[int],
) -> Features:
    """Every candidate's evidence under one reading of the question.

    Args:
        engine: the open index.
        qr: the reading.
        pids: the candidates, sorted.
        near: each candidate's paragraph-neighbours.
        dense_of: each candidate's cosine with the question.
        bm: BM25 of every passage for the question's terms.
        focused: the conversation's focus.
    Returns:
        The features, aligned with `pids`.
    """
    at = {pid: i for i, pid in enumerate(pids)}
    n = len(pids)
    bm_max = float(bm.max()) if bm.size and bm.max() > 0 else 1.0
    idf, total = qr.covered, sum(qr.covered.values())
    full = sum(qr.idf.values())
    a_type = qr.intent.answer_type

    f = Features(
        pids=pids,
        dense=np.array([dense_of[pid] for pid in pids], dtype=np.float64),
        bm=bm[pids].astype(np.float64) / bm_max if bm.size else np.zeros(n),
        cov_s=np.zeros(n),
        cov_p=np.zeros(n),
        cov_q=np.zeros(n),
        left=np.full(n, -1, dtype=np.int64),
        right=np.full(n, -1, dtype=np.int64),
        doc=np.zeros(n, dtype=np.int64),
        wrong=np.zeros(n, dtype=bool),
        part=np.zeros(n),
        meta_cov=np.zeros(n),
        doc_topic=np.zeros(n),
        first=np.zeros(n, dtype=bool),
        furniture=np.zeros(n, dtype=bool),
        summary=np.zeros(n, dtype=bool),
        direct=np.zeros(n),
        reported=np.zeros(n),
        topic_cov=np.zeros(n),
        other=np.zeros(n, dtype=bool),
        focus=np.zeros(n, dtype=bool),
        highlight=[],
        speaker=[],
        claim=np.zeros(n),
        typed=np.zeros(n),
        named=np.zeros(n),
        wrong_place=np.zeros(n, dtype=bool),
        phrase=np.zeros(n),
        caption=np.zeros(n, dtype=bool),
        belief=np.zeros(n),
        settles=np.zeros(n),
        subject=np.zeros(n),
    )
    says = qr.speech and bool(SAYS.search(questions.main_clause(qr.searched)))
    asked_terms = frozenset(qr.qt)
    defined = frame.defined_name(qr.searched) if DEFINITIONS and qr.who and not a_type else None
    # A time asked of no picture and no article part: a caption's or a dateline's date is not it.
    picture_dates = PICTURE_DATES and a_type == "time" and not qr.parts and not _PICTURE.search(qr.searched)
    memo: dict[str, frozenset[str]] = {}
    order = order_asked.asks(qr.searched)

    def is_asked(word: str) -> bool:
        if word not in memo:
            memo[word] = frozenset(engine.terms(word))
        return memo[word] <= asked_terms

    pairs = question_pairs([t for t in qr.qt if t in idf], idf)
    name_rx = name_pattern(qr.aliases) if qr.speech else None
    quoted_in = {x.doc_id for x in engine.quotes if x.speaker in qr.wanted} if name_rx is not None else set()
    docs: dict[int, int] = {}
    meta_cov: dict[int, float] = {}
    named_of: dict[int, frozenset[str]] = {}
    doc_topic: dict[int, float] = {}
    part_topic = (
        {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(abstain.topic_words(qr.searched)))}
        if qr.parts
        else {}
    )
    first_of: dict[tuple[int, str], int] = {}
    interviews: dict[int, dict[int, list[int]]] = {}  # doc -> qa.interview.questions_by_paragraph
    for i, pid in enumerate(pids):
        p = engine.passages[pid]
        sents = sentence_terms(engine, p)
        carried = _carried(engine, p) if CONTINUATION and continuation.continues(p.text) else frozenset()
        asked_before = _asked(engine, p, interviews) if INTERVIEW else frozenset()
        carried |= asked_before
        if LEAD_QUOTE and qr.speech:
            carried |= _lead_terms(engine, p, qr.wanted)
        if carried:
            sents = [(a, b, t | carried) for a, b, t in sents]
        if qr.stand_ins:
            sents = [(a, b, widen(t, qr.stand_ins)) for a, b, t in sents]
        if qr.agents:
            sents = [(a, b, as_agents(t, p.text[a:b], qr.agents)) for a, b, t in sents]
        covs = [coverage(idf, s[2], total) for s in sents]
        j = max(range(len(sents)), key=lambda j: (covs[j], -sents[j][0]))
        f.cov_s[i] = covs[j]
        literal = as_agents(widen(passage_terms(engine, p), qr.stand_ins), p.text, qr.agents)
        have = as_agents(widen(literal | carried, qr.stand_ins), p.text, qr.agents) if carried else literal
        f.cov_p[i] = coverage(idf, have, total)
        # What abstention reads as the passage's words: its own, not the names carried over (carried
        # into cov_q, nh12's "What did Trump tell Newsmax about Romney's ...?" was declined end to end).
        f.cov_q[i] = coverage(qr.idf, literal, full)
        if qr.polar_subject:
            f.subject[i] = coverage(qr.polar_subject, have)
        for m in near[pid]:
            if m in at:  # a neighbour's neighbour is not scored
                if m < pid:
                    f.left[i] = at[m]
                else:
                    f.right[i] = at[m]
        f.doc[i] = docs.setdefault(p.doc_id, len(docs))
        highlight = (sents[j][0], sents[j][1])
        qs = engine.quotes_by_passage.get(pid, [])
        speaker = speaker_at(qs, p, highlight)
        stated = [
            c
            for c, (a, b, _) in zip(covs, sents, strict=True)
            if qr.values
            and answer_type.states(qr.values, p.text[a:b])
            or qr.kind_markers
            and answer_fit.states_kind(qr.kind_markers, p.text[a:b], is_asked)
            # "Who spoke first, Obama or Putin?": the sentence stating an order (qa.order_asked)
            or order
            and order_asked.states(p.text[a:b])
        ]
        f.typed[i] = max(stated, default=0.0)
        if qr.polar_ops:
            f.settles[i] = max(
                (
                    c
                    for c, (a, b, _) in zip(covs, sents, strict=True)
                    if polar.settles(qr.polar_ops, p.text[a:b], qr.polar_number)
                ),
                default=0.0,
            )
        if a_type:
            lacks = not has_evidence(engine, a_type, p) or (picture_dates and p.kind in slots.NOT_EVENT_PARTS)
            if a_type == "place":
                f.wrong_place[i] = lacks
            else:
                f.wrong[i] = lacks
        if defined is not None:  # "Who is X?": a passage that does not describe X lacks the answer
            f.wrong[i] = not frame.defines(defined, p.text)
        if pairs:
            f.phrase[i] = phrase_cover(engine, p, sents, pairs)
        if qr.parts:
            kind = part_kind(p, qr.intent, engine)
            asked = kind in qr.parts and (
                kind != "footer" or kind != p.kind or bool(CREDITS_SOMEONE.search(p.text))
            )
            f.part[i] = qr.parts.index(kind) + 1 if asked else 0
            if asked and kind != p.kind and p.kind == "headline":  # the dek after the headline
                highlight = (structure.headline_dek(p.text), len(p.text))
            elif (
                asked
                and kind != p.kind
                and kind != "standfirst"
                and (opening_at := structure.dateline_opening(p.text))
            ):
                # a lede's dateline: show its place (not a sign-off or update line read in the body)
                highlight = (0, len(p.text[:opening_at].rstrip(" -–—―")))
            if f.part[i]:
                if p.doc_id not in meta_cov:
                    named = meta_terms(engine, p.doc_id)
                    if OUTLET_TERMS:  # "wash" in its file name names "the Washington Post's story"
                        named |= outlet_terms(engine, qr.searched, named)
                    named_of[p.doc_id] = named
                    meta_cov[p.doc_id] = coverage(idf, named, total)
                f.meta_cov[i] = meta_cov[p.doc_id]
                if p.doc_id not in doc_topic:
                    have = engine.document_terms(p.doc_id) | named_of[p.doc_id]
                    doc_topic[p.doc_id] = abstain.document_share(part_topic, have) if part_topic else 0.0
                f.doc_topic[i] = doc_topic[p.doc_id]
                if (p.doc_id, kind) not in first_of:
                    first_of[(p.doc_id, kind)] = min(
                        q
                        for q in engine.pids_by_doc[p.doc_id]
                        if part_kind(engine.passages[q], qr.intent, engine) == kind
                    )
                f.first[i] = first_of[(p.doc_id, kind)] == p.pid
        else:
            f.furniture[i] = p.kind in FURNITURE
            f.summary[i] = p.kind in SUMMARY
            f.caption[i] = p.kind == "caption"
        if name_rx is not None and p.doc_id in quoted_in:
            f.named[i] = qr.strength * named_cover(name_rx, p.text, sents, covs)
        if qr.speech:
            own = [x for x in qs if x.speaker in qr.wanted]
            if own:
                best_q, best_cov = best_quote(engine, own, p, qr.topic_terms)
                # An interview's answer is its speaker's own words, as a quotation is (qa.interview).
                direct = bool(asked_before) or any(long_direct(engine, p, x) for x in own)
                f.direct[i], f.reported[i] = qr.strength * direct, qr.strength * (not direct)
                f.belief[i] = says and not any(reports_speech(x) for x in own)
                f.topic_cov[i] = best_cov
                highlight, speaker = best_q, own[0].speaker
                for x in own:
                    span = (max(x.start, p.start) - p.start, min(x.end, p.end) - p.start)
                    if span == best_q:
                        speaker = x.speaker
            elif qs:
                f.other[i] = True
        if qr.claim_terms and qs:
            cover, where, said = claims.best_attribution(qs, sents, p.start, qr.claim_terms)
            f.claim[i] = cover
            if where is not None and said is not None:  # the answer is who said it: show the attribution
                highlight = where
                speaker = said.speaker
        f.focus[i] = pid in focused
        f.highlight.append(highlight)
        f.speaker.append(speaker)
    if defined is not None and f.wrong.all():
        f.wrong[:] = False  # no candidate describes X: no evidence either way
    f.reach = np.full(n, f.cov_q.max(initial=0.0))
    return f
