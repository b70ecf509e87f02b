"""The near-miss abstention tests: the documents mention what is asked about but do not say the
asked thing.

_near_miss declines when the asked speaker (or a possessed one: "X's mother") is not quoted or not
on the topic (qa.speaker_topic), when the asked event is only planned or to come (qa.planned), when
the asked time is not tied to the answer (qa.time_scope, read over time_context), when no count of
the asked noun is given beside the question's words (count_paraphrased, count_synonym), or when the
asked fact or name is not bound to the question's subject (qa.abstain's FACT_BOUND, NAME_BOUND).
Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

from index.lexical import words
from qa import (
    abstain,
    age_holder,
    claims,
    country_words_lower,
    describe,
    either_or,
    equivalents,
    money_thing,
    occasion_topic,
    planned,
    possessed,
    slots,
    time_scope,
)
from qa import intent as intents
from qa.answer_sentences import NEAR_MISS_PASSAGES, answer_docs, chained_sentences, focus_idf
from qa.candidate_features import Scored
from qa.engine import Engine
from qa.not_mentioned import EVERYDAY_ZIPF
from qa.speaker_topic import answer_attributed, speaker_topic_evidence, unquoted_reason
from qa.term_cover import _uses


def _near_miss(
    engine: Engine,
    searched: str,
    intent: intents.Intent,
    top: list[Scored],
    near: list[tuple[str, frozenset[str]]],
) -> str:
    """The documents mention what is asked about but do not say the asked thing (qa.abstain): the
    asked speaker is not quoted, or not on the asked topic; the asked count, amount, measurement,
    verdict or role holder is not given beside the question's words. `near`: near_sentences of
    `top`'s passages."""
    best = [s.passage.pid for s in top]
    phrase = abstain.asked_speaker(searched)
    if phrase is not None and possessed.POSSESSED:
        # "What does Rhonda Hughes's mother say?": the mother must be quoted, not Hughes (qa.possessed).
        why = possessed.possessed_unquoted(
            phrase, engine.speaker_evidence().quoted, lambda o: bool(describe.country_words(o, ""))
        )
        if why:
            return why
    if phrase is not None:
        # A lower-case country word the documents never name is read as the name it is, as the
        # capitalised question is read (qa.country_words_lower: h12n06, h18n09).
        as_named = country_words_lower.absent_as_names(phrase, lambda w: _names_country(engine, w))
        why = unquoted_reason(engine, searched.replace(phrase, as_named, 1), as_named)
        if why:
            return why
    # "When did Obama and Putin last meet?" where the answer's document only announces the meeting
    # ("are set to meet"): qa.planned, measured by bench/fit_planned.py (bench/reports/abstention_planned.md).
    verb = (
        planned.planned_only(searched, engine.docs[top[0].passage.doc_id].text)
        if planned.PLANNED and top
        else None
    )
    if verb:
        return f"the documents give '{verb}' only as planned, not as done"
    # "What was the unemployment rate in 2002?" where the answer's passage gives the rate for 2010:
    # the asked time must be written there or just before (qa.time_scope, bench/near_twins.py).
    when = (
        time_scope.untied_time(searched, time_context(engine, top[0].passage.pid))
        if time_scope.TIME_SCOPE and top
        else ""
    )
    if when and time_scope.NEARBY:
        # Written beside the question's words in a passage ranked lower: the ranking erred, no near miss.
        own = set(engine.terms(" ".join(time_scope.asked_times(searched))))
        focus = [t for t in focus_idf(engine, searched) if t not in own and not t.isdigit()]
        when = "" if time_scope.tied_nearby(when, focus, near) else when
    if when and time_scope.TIME_SCOPE and top:
        # "on Monday or Tuesday?", "in 2011 or 2012?": one alternative written there answers the
        # choice; the other is no time the question is scoped to (qa.either_or).
        context = time_context(engine, top[0].passage.pid)
        if when in either_or.unheld_alternatives(searched, lambda w: time_scope.tied(w, context)):
            when = ""
    if when:
        return f"the documents do not tie it to {when}"
    # "What was decided at the NATO summit in Warsaw?" where the document tells of the summit only as
    # to come ("As a July NATO summit meeting in Warsaw approaches"): bench/fit_planned.py.
    occasion = (
        planned.occasion_ahead(searched, engine.docs[top[0].passage.doc_id].text, engine.terms)
        if planned.PLANNED and top
        else None
    )
    if occasion:
        return f"the documents tell of the {occasion} only as to come"
    # "Did the Monday talks produce a ceasefire?" where every sentence naming Monday tells of it as to
    # come (qa.planned.day_ahead, bench/fit_planned.py).
    day = (
        planned.day_ahead(searched, engine.docs[top[0].passage.doc_id].text)
        if planned.DAY_AHEAD and top
        else None
    )
    if day:
        return f"the documents tell of {day} only as to come"
    head = abstain.counted_noun(searched) if intent.answer_type in ("number", "money") else None
    if head is not None and intent.answer_type is not None and abstain.countable(head, EVERYDAY_ZIPF):
        a_type = intent.answer_type
        sentences = [(intents.has_evidence(a_type, text), terms) for text, terms in near]
        if (
            abstain.COUNT_NOUN
            and not abstain.value_bound(engine.terms(head), sentences)
            and not count_paraphrased(
                engine, searched, head, [t for t, (has, _) in zip(near, sentences, strict=True) if has]
            )
            and not count_synonym(
                engine, head, [t for (t, _), (has, _) in zip(near, sentences, strict=True) if has]
            )
        ):
            return f"no passage gives a number of {head}"
    kind = abstain.asked_fact(searched)
    if kind is not None and abstain.fact_bound(kind) > 0.0:
        # A value's subject may be named a sentence or two before ("The ... native has $50,000 to go");
        # not a role's holder, whom the sentence must name (news-dev n06 answered with the chain).
        rows = chained_sentences(engine, best) if kind != "role" else near
        typed = [(abstain.fact_evidence(kind, text), terms) for text, terms in rows]
        if kind == "age" and age_holder.OTHER_HOLDER:
            # "How old is Dylann Roof?": "... 26-year-old Tywanza" gives another person's age
            # (qa.age_holder, fit by bench/fit_age_holder.py: bench/reports/age_holder.md).
            asked = age_holder.asked_words(searched)
            typed = [
                (has and not age_holder.others_only(t, asked), terms)
                for (has, terms), (t, _) in zip(typed, rows, strict=True)
            ]
        if abstain.bound_share(focus_idf(engine, searched), typed) < abstain.fact_bound(kind):
            return abstain.fact_reason(kind, searched)
    # "How much did Trump pay for his helicopters?" where the amounts given are for his jet: the asked
    # thing must stand beside an amount (qa.money_thing, fit by bench/abst25.py: bench/reports/abst25.md).
    thing = (
        money_thing.thing_terms(searched, engine.terms) if kind == "money" and money_thing.MONEY_THING else []
    )
    if thing:
        valued = money_thing.with_previous(
            [
                [
                    (
                        abstain.fact_evidence("money", text),
                        terms | money_thing.sentence_terms(text, engine.terms),
                    )
                    for text, terms in chained_sentences(engine, [p])
                ]
                for p in best[:NEAR_MISS_PASSAGES]
            ]
        )
        thing_at = money_thing.thing_share({t: engine.lexical.idf(t) for t in thing}, valued)
        why = money_thing.thing_reason(searched, thing, thing_at)
        if why:
            return why
    # "Which US official voiced concern ...?" where no sentence on it names anyone the question does
    # not (abstain.NAME_BOUND, fit by bench/fit_person.py: bench/reports/abstention_person.md).
    name = abstain.asked_name(searched)
    if name is not None and abstain.NAME_BOUND.get(name[0], 0.0) > 0.0:
        asked = abstain.question_words(searched)
        # "Which leader described Assad as ...?" asks who said it: the speaker is named as the
        # attribution names them, often by surname alone ("Obama said ..."), as for "Who ...?".
        single = name[0] != "role" or claims.claim_of(searched) is not None
        named = [(abstain.new_name(text, asked, single, EVERYDAY_ZIPF), terms) for text, terms in near]
        if abstain.bound_share(focus_idf(engine, searched), named) < abstain.NAME_BOUND[name[0]]:
            return abstain.person_reason(name[1])
    if abstain.SPEAKER_TOPIC and abstain.SPEAKER_TOPIC_SHARE > 0.0:
        docs = answer_docs(engine, best) if abstain.SPEAKER_TOPIC_ANSWER_DOCS else None
        share = speaker_topic_evidence(engine, searched, docs)
        if share is not None and share < abstain.SPEAKER_TOPIC_SHARE:
            return f"{abstain.asked_speaker(searched)} is quoted, but not on {abstain.asked_topic(searched)}"
    # "What did Trump say in his acceptance speech?": the occasion is the topic X's texts must hold
    # (qa.occasion_topic, measured by bench/abst23.py: bench/reports/abst23.md); "How did X respond to
    # T?", "What did X tell the FBI?": T or the addressee, in X's texts of the articles quoting X
    # (bench/abst24.py: bench/reports/abst24.md).
    occasion = occasion_topic.as_topic(searched) if occasion_topic.OCCASION_TOPIC else ""
    if occasion and abstain.SPEAKER_TOPIC and abstain.SPEAKER_TOPIC_SHARE > 0.0:
        docs = answer_docs(engine, best) if abstain.SPEAKER_TOPIC_ANSWER_DOCS else None
        share = speaker_topic_evidence(engine, occasion, docs, occasion_topic.topic_sources(searched))
        if share is not None and share < abstain.SPEAKER_TOPIC_SHARE:
            return f"{abstain.asked_speaker(searched)} is quoted, but not on {abstain.asked_topic(occasion)}"
    # "What did X say about T?" answered only by passages none of X's attributions is in: what they
    # give is not X's (abstain.SPEAKER_IN_ANSWER, fit by bench/fit_speaker_topic.py).
    if abstain.SPEAKER_IN_ANSWER and answer_attributed(engine, searched, best) is False:
        return f"{abstain.asked_speaker(searched)} is quoted, but not on {abstain.asked_topic(searched)}"
    return ""


def time_context(engine: Engine, pid: int) -> str:
    """The text an answer's passage is read with for the time it tells of: its document's title and
    date, the passage before it in its document, and the passage.

    Args:
        engine: the open index.
        pid: the answer's passage.
    Returns:
        Those texts, one a line.
    """
    p = engine.passages[pid]
    meta = engine.meta.get(p.doc_id)
    bits = [engine.docs[p.doc_id].title, meta.title if meta else "", meta.date if meta else ""]
    if pid > 0 and engine.passages[pid - 1].doc_id == p.doc_id:
        bits.append(engine.passages[pid - 1].text)
    return "\n".join([*bits, p.text])


def count_paraphrase(
    engine: Engine, searched: str, head: str, counted: list[tuple[str, frozenset[str]]]
) -> tuple[float, float]:
    """How closely the sentences holding a count say the counted noun in other words.

    Args:
        engine: the open index.
        searched: the question as searched.
        head: the counted noun (abstain.counted_noun).
        counted: the best passages' sentences holding a value of the asked type.
    Returns:
        (the best cosine of a phrase of theirs sharing no term with the question to a question phrase
        holding the noun, the best cosine of one of them to the whole question); (0.0, 0.0) for none.
    """
    word = words(head)
    if not counted or not word:
        return 0.0, 0.0
    scored, sentence_cos = equivalents.paraphrase_scores(
        searched,
        word[-1:],
        [t for t, _ in counted],
        lambda texts: engine.embedder.encode(texts),
        engine.terms,
    )
    return scored.get(word[-1], ("", 0.0))[1], sentence_cos


def count_paraphrased(
    engine: Engine, searched: str, head: str, counted: list[tuple[str, frozenset[str]]]
) -> bool:
    """Whether a sentence holding a count says the counted noun in other words (count_paraphrase at
    abstain.COUNT_PARAPHRASE_COSINE; never when that is None).

    Args:
        engine: the open index.
        searched: the question as searched.
        head: the counted noun.
        counted: the best passages' sentences holding a value of the asked type.
    Returns:
        True when the counted noun is taken as said.
    """
    if abstain.COUNT_PARAPHRASE_COSINE is None:
        return False
    phrase_cos, sentence_cos = count_paraphrase(engine, searched, head, counted)
    return equivalents.covers(phrase_cos, sentence_cos, abstain.COUNT_PARAPHRASE_COSINE)


def count_synonym(engine: Engine, head: str, counted: list[str]) -> bool:
    """Whether a sentence holding a count counts the counted noun under another noun of the same
    meaning: "up to 30,000 American soldiers" for troops, as the count slot reads it
    (slots.same_noun, at abstain.COUNT_SYNONYM_COSINE). Never when abstain.COUNT_SYNONYM is off.

    Args:
        engine: the open index.
        head: the counted noun (abstain.counted_noun).
        counted: the best passages' sentences holding a value of the asked type.
    Returns:
        True when a number of one of them counts a noun the model puts that close to the asked one.
    """
    if not abstain.COUNT_SYNONYM or not counted:
        return False
    encode = lambda texts: engine.embedder.encode(texts)  # noqa: E731 - passed on
    return any(
        slots.same_noun(encode, head, w, abstain.COUNT_SYNONYM_COSINE)
        for text in counted
        for _, following in slots.counted_words(text)
        for w in following
    )


def _names_country(engine: Engine, word: str) -> bool:
    """Whether the documents write a country word or another name of its country.

    Args:
        engine: the open index.
        word: a capitalised country, nationality or capital word ("Chinese").
    Returns:
        True when a term of the word is in the documents' vocabulary or they use another name of
        the country (qa.equivalents.metonym_in: "China", "Beijing").
    """
    if any(engine.lexical.known(t) for t in engine.terms(word)):
        return True
    return equivalents.metonym_in(word, lambda n: _uses(engine, n)) is not None
