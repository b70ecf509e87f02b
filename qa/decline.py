"""Why the documents do not answer: the abstention tests in the order their reasons are given.

_abstain_reason runs, over a question's best passages, the article-part check (another article than
the one asked about), the "not mentioned" tests (qa.not_mentioned), the near-miss tests
(qa.near_miss) over the hits that may be evidence (_hit_names, _named_evidence), then the count,
year and named-document gates of qa.abstain and the asked slot (qa.slots). It returns the first
reason found, or "" to answer. Called once per question by qa.rank.answer. Split from qa.rank
(round 20); no behaviour changed.
"""

from __future__ import annotations

from qa import abstain, advice, date_subject, either_or, slots, stance_speaker, value_holder, value_shown
from qa import intent as intents
from qa.answer_sentences import NEAR_MISS_PASSAGES, chained_sentences, focus_idf, near_sentences
from qa.candidate_features import Scored
from qa.engine import Engine
from qa.near_miss import _near_miss
from qa.not_mentioned import EVERYDAY_ZIPF, STRONG_DENSE, _not_mentioned
from qa.part_evidence import _meta_terms, _part_kind
from qa.speaker_topic import unquoted_reason
from qa.term_cover import names_in


def document_initials(engine: Engine, doc: int) -> frozenset[str]:
    """The terms of the initials of the bodies a document names in full (qa.describe.acronyms: "rnc"
    for "Republican National Committee", "nyt" for "The New York Times").

    Args:
        engine: the open index.
        doc: the document's id.
    Returns:
        The initials as index terms.
    """
    from qa.describe import acronyms

    return frozenset(t for a in set(acronyms(engine.docs[doc].text)) for t in engine.terms(a))


def _abstain_reason(
    engine: Engine,
    searched: str,
    qt: list[str],
    intent: intents.Intent,
    top: list[Scored],
    speech: bool,
    topic: str,
    rewritten: bool = False,
    described: str = "",
) -> str:
    """Evidence that the documents do not answer: unknown names, no term found, no answer of the
    type; or a near miss: the asked speaker is not quoted, the asked count is not given. `rewritten`:
    the question is a follow-up as the conversation resolved it (see `_uncovered`). `described`: the
    question without the description that chose its speaker (qa.described_topic), whose names ("the
    Georgia congressman") the documents need not hold: the speaker's quotes are there."""
    if intent.parts and any(_part_kind(s.passage, intent, engine) in intent.parts for s in top):
        # "Who took the photo?" and the article has a photo credit; unless the answer's document is
        # not the asked article (qa.abstain.other_article, fit by bench/fit_near_miss.py --offdoc:
        # bench/reports/abstention_offdoc.md, news-dev halves asked of each other declined
        # 0.809 -> 1.000 and 0.853 -> 0.941, no answerable question declined).
        # What names the document counts as its own words (its title, site, author and file name:
        # "the Breitbart piece" of breitbart_2015-11-17_....txt), as in the ranking's meta_cov.
        # A body the document names in full counts by its initials too ("the Times story on Manafort's
        # pitch to the RNC" of a story that says "Republican National Committee": news_heldout13's
        # n13i6 was declined "no document is about: Times Manafort's pitch RNC"; bench/reports/wrong25.md).
        asked = {t: engine.lexical.idf(t) for t in dict.fromkeys(engine.terms(abstain.topic_words(searched)))}
        doc = top[0].passage.doc_id
        have = engine.document_terms(doc) | _meta_terms(engine, doc) | document_initials(engine, doc)
        # "Was the photo by Reuters or AP?": one alternative of an either/or the document holds is
        # its topic; the other is none (qa.either_or).
        others = either_or.unheld_alternatives(searched, lambda w: all(t in have for t in engine.terms(w)))
        for t in {t for w in others for t in engine.terms(w)}:
            asked.pop(t, None)
        return abstain.other_article(searched, asked, have)
    why = _not_mentioned(engine, searched, qt, intent, top, speech, topic, rewritten, described)
    if why:
        return why
    # "best pizza near the un headquarters in manhattan", "how do i apply for a russian tourist visa":
    # a request for advice the news does not give, however many of its words the documents hold
    # (qa.advice, measured by bench/abst30.py: bench/reports/abst30.md). After the tests above, so the
    # requests they decline already ("how do i renew my passport": "passport" uncovered) keep their reason.
    why = advice.advice_reason(searched, top[0].dense if top else 0.0, STRONG_DENSE)
    if why:
        return why
    # The question's names in the hits' documents, read by the evidence filter and the NAMES_SHARE
    # gate below alike.
    names, shares = _hit_names(engine, described or searched, top)
    shown = top[0].passage.pid if top else None  # the passage the answer shows first
    if abstain.NAMED_EVIDENCE and shares is not None:
        top = _named_evidence(top, shares)
    best = [s.passage.pid for s in top]
    near = near_sentences(engine, best)  # read once by every test below and by _near_miss
    why = _near_miss(engine, searched, intent, top, near)
    if why or not top:
        return why
    # "How many votes did Kristy Marmorato receive?" where the count beside "votes" is her rival's:
    # the count's sentence must hold the question's other words (abstain.COUNT_BOUND, fit by
    # bench/fit_near_miss.py: bench/reports/abstention_near_miss.md).
    head = abstain.counted_noun(searched) if intent.answer_type in ("number", "money") else None
    if (
        abstain.COUNT_BOUND > 0.0
        and head is not None
        and intent.answer_type is not None
        and abstain.countable(head, EVERYDAY_ZIPF)
    ):
        want = set(engine.terms(head))
        counted = [
            (intents.has_evidence(intent.answer_type, text) and bool(want & terms), terms)
            for text, terms in near
        ]
        if abstain.bound_share(focus_idf(engine, searched), counted) < abstain.COUNT_BOUND:
            return f"no passage gives a number of {head} for: " + " ".join(names_in(searched) or [searched])
    # "How many votes did X get?" where the best passages give only a difference ("Y trailed X by
    # more than 700 votes") and no count of the noun itself (abstain.COUNT_MARGIN, fit by
    # bench/fit_near_miss.py: bench/reports/abstention_near_miss.md).
    if (
        abstain.COUNT_MARGIN > 0.0
        and head is not None
        and abstain.countable(head, EVERYDAY_ZIPF)
        and not abstain.asks_margin(searched)
        and abstain.margin_only(head, (text for text, _ in near))
    ):
        return f"no passage gives a number of {head} for: " + " ".join(names_in(searched) or [searched])
    # "How many votes did Kristy Marmorato receive?" where the best passages count votes only for
    # her rival: no sentence counting the noun names the asked subject (abstain.COUNT_SUBJECT, fit
    # by bench/fit_near_miss.py: bench/reports/abstention_near_miss.md).
    subject = abstain.count_subject(searched) if head is not None else None
    if (
        abstain.COUNT_SUBJECT > 0.0
        and head is not None
        and subject is not None
        and abstain.countable(head, EVERYDAY_ZIPF)
        and abstain.subject_counted(
            head, engine.terms(subject), near, [t for _, t in chained_sentences(engine, best)]
        )
        < abstain.COUNT_SUBJECT
    ):
        return f"no passage gives a number of {head} for {subject}"
    # "Who won the 2012 caucuses?" answered from an article that never names 2012: another year's
    # story (abstain.YEAR_IN_DOC, fit by bench/fit_near_miss.py: bench/reports/abstention_near_miss.md).
    years = abstain.asked_years(searched)
    if abstain.YEAR_IN_DOC > 0.0 and years:
        doc = top[0].passage.doc_id
        meta = engine.meta.get(doc)
        have = engine.document_terms(doc) | _meta_terms(engine, doc) | {meta.date[:4] if meta else ""}
        if abstain.years_found(years, have) < abstain.YEAR_IN_DOC:
            return "no document is about: " + ", ".join(y for y in years if y not in have)
    # A weak best passage from a document that never names what the question names: an unrelated
    # document (abstain.NAMES_SHARE, fit by bench/fit_near_miss.py --offdoc:
    # bench/reports/abstention_offdoc.md).
    # As fit: the largest share over the documents among the hits (an answerable question's best
    # passage may be from another document, its own lower down), a person named there by part of
    # the asked name ("Bush" for "George W. Bush") holding the name (abstain.names_for_document).
    # (abstain.names_share_any over the hits' documents, read from _hit_names's shares: where
    # _named_evidence kept only the documents naming the subject, each of them reaches NAMES_SHARE,
    # so the gate passes over the kept hits exactly as over all of them.)
    if abstain.NAMES_SHARE > 0.0 and shares is not None:
        share = max((x for x in shares if x is not None), default=None)
        if share is not None and share < abstain.NAMES_SHARE:
            return "no document is about: " + ", ".join(names)
    # The asked slot (a count, a span of time, a sum) bound to the asked subject, after the tests
    # above so theirs is the reason given (qa.slots, fit by bench/fit_slots.py: bench/reports/slots.md).
    texts = [text for text, _ in near]
    parts = [engine.passages[p].kind for p in best[:NEAR_MISS_PASSAGES] for _ in engine.sentence_terms(p)]
    context = [terms for _, terms in chained_sentences(engine, best)]  # "She", "The ... native"
    why = slots.slot_reason(
        searched, texts, engine.terms, engine.embedder.encode, EVERYDAY_ZIPF, parts, context
    )
    if why:
        return why
    # "What share of Hispanic voters did Sanders win in Arizona?" answered by a best passage that gives
    # no share: the share the slot found is another passage's, about other voters (qa.value_shown, fit
    # by bench/fit_subject34.py: bench/reports/abst34.md).
    why = _unshown_reason(engine, searched, shown)
    if why:
        return why
    # "What percentage did Ben Carson get?" where every percentage given is in a sentence naming other
    # persons (Jindal's "had him at 4 percent"): another person's value (qa.value_holder, fit by
    # bench/abst28.py: bench/reports/abst28.md).
    why = _holder_reason(engine, searched, texts, context)
    # "When was Assad elected president?" where every date given is bound to another subject ("Russia
    # has been supportive of Assad since the start of Syrian civil war in 2011"): another's date
    # (qa.date_subject, measured by bench/value31.py: bench/reports/value31.md).
    why = why or _date_subject_reason(engine, searched, texts, parts)
    # "What was Tehran's message to the UN gathering?", "what was the french president's view of assad":
    # a speaker asked for by their view or remarks whom the documents do not quote (qa.stance_speaker,
    # measured by bench/abst30.py: bench/reports/abst30.md).
    return why or _stance_speaker_reason(engine, searched)


def _unshown_reason(engine: Engine, searched: str, pid: int | None) -> str:
    """qa.value_shown.unshown_reason over the sentences of the passage the answer shows first.

    Args:
        engine: the open index.
        searched: the question as searched.
        pid: that passage, or None.
    Returns:
        Why the best passage gives no value of the asked kind, or "".
    """
    if pid is None:
        return ""
    sentences = [text for text, _ in near_sentences(engine, [pid])]
    return value_shown.unshown_reason(
        searched, sentences, engine.terms, engine.embedder.encode, EVERYDAY_ZIPF
    )


def _stance_speaker_reason(engine: Engine, searched: str) -> str:
    """qa.speaker_topic.unquoted_reason for a speaker asked for by their view, message or remarks
    (qa.stance_speaker.stance_speaker), a form qa.abstain.asked_speaker leaves unread, with the
    phrase's lower-case country and nationality words read as names (qa.stance_speaker.
    with_country_names).

    Args:
        engine: the open index.
        searched: the question as searched.
    Returns:
        Why the asked speaker is not quoted, or "".
    """
    if not stance_speaker.STANCE_SPEAKER or abstain.asked_speaker(searched) is not None:
        return ""  # "What did X say?": qa.near_miss reads it
    phrase = stance_speaker.stance_speaker(searched)
    if phrase is None:
        return ""
    named = stance_speaker.with_country_names(phrase)
    return unquoted_reason(engine, searched.replace(phrase, named, 1), named)


def _date_subject_reason(engine: Engine, searched: str, texts: list[str], parts: list[str]) -> str:
    """qa.date_subject.other_subject_reason over the best passages' sentences.

    Args:
        engine: the open index.
        searched: the question as searched.
        texts: the best passages' sentences.
        parts: per sentence, the kind of passage it is from (body, caption, dateline, ...).
    Returns:
        Why every date given is another subject's, or "".
    """
    body = [p not in slots.NOT_EVENT_PARTS for p in parts]
    return date_subject.other_subject_reason(searched, texts, body, engine.terms, engine.embedder.encode)


def _holder_reason(engine: Engine, searched: str, texts: list[str], context: list[frozenset[str]]) -> str:
    """qa.value_holder.holder_reason for the question's kind of value, where HOLDER reads it.

    Args:
        engine: the open index.
        searched: the question as searched.
        texts: the best passages' sentences.
        context: per sentence, its terms widened with the sentences it goes on from.
    Returns:
        Why the values given are other persons', or "".
    """
    kind = value_holder.value_kind(searched)
    if kind is None or not value_holder.HOLDER.get(kind):
        return ""
    # A count's values: those of the asked noun, or every count (value_holder.COUNTED).
    valued = (
        slots.count_sentences(searched, texts, engine.terms, engine.embedder.encode, EVERYDAY_ZIPF)
        if kind == "count" and value_holder.COUNTED
        else None
    )
    people = [n for s in engine.speakers_index for n in (s.name, *s.aliases)]
    return value_holder.holder_reason(
        kind, searched, names_in(searched), people, texts, context, engine.terms, valued
    )


def _hit_names(
    engine: Engine, searched: str, top: list[Scored]
) -> tuple[list[str], list[float | None] | None]:
    """The question's names (abstain.asked_names) and abstain.names_shares of the hits' documents, the
    best passage's first; the shares are None when the question names nothing, the best passage is
    strong (STRONG_DENSE), or neither reader (NAMED_EVIDENCE, NAMES_SHARE) is on."""
    names = abstain.asked_names(searched, names_in(searched)) if top else []
    if not names or top[0].dense >= STRONG_DENSE or not (abstain.NAMED_EVIDENCE or abstain.NAMES_SHARE > 0.0):
        return names, None
    shares = abstain.names_shares(
        names,
        searched,
        [engine.document_terms(d) for d in dict.fromkeys(s.passage.doc_id for s in top)],
        engine.terms,
        engine.lexical.idf,
        engine.lexical.known,
        [n for s in engine.speakers_index for n in (s.name, *s.aliases)],
    )
    return names, shares


def _named_evidence(top: list[Scored], shares: list[float | None]) -> list[Scored]:
    """The hits that may be evidence: a weak best passage from a document that never names what the
    question names is none when another hit's document names it (abstain.named_evidence). `shares`:
    _hit_names's, one per document of `top` in order of first hit."""
    keep = abstain.named_evidence(shares, abstain.NAMES_SHARE)
    if keep is None:
        return top
    docs = list(dict.fromkeys(s.passage.doc_id for s in top))
    kept = {d for d, k in zip(docs, keep, strict=True) if k}
    return [s for s in top if s.passage.doc_id in kept]
