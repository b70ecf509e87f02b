"""The "not mentioned" abstention tests: the question asks about names or words the documents lack.

_not_mentioned declines when an asked name (capitalised, or a speaker typed in lower case) is in no
document and the best hit is weak, when no passage states an asked height, age, weight or sum, when
none of the question's words appear (off since round 24: NO_TERM), or when the missing words carry
the question and neither the best passages nor their paraphrases say them (_unknown_words, _known,
_uncovered, _paraphrased), or the best passages are off topic as a whole (offtopic_evidence,
off_topic). The thresholds here (EVERYDAY_ZIPF, TYPO_MAX_ZIPF, WEAK_DENSE, STRONG_DENSE, NAME_COVERAGE,
NO_TERM_DENSE, GONE_SHARE, GONE_COVERAGE) are swept by bench/fit.py (bench/reports/fit.md). Split from
qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import dataclasses
import re

from index.lexical import words
from qa import abstain, asked_name, country_words_lower, cover, either_or, equivalents, polar, rest_paraphrase
from qa import intent as intents
from qa.answer_sentences import NEAR_MISS_PASSAGES
from qa.candidate_features import Scored
from qa.engine import Engine
from qa.query_reading import POLAR_SETTLES
from qa.term_cover import _coverage, _has_evidence, _passage_terms, _uses, names_in

# Abstention thresholds: each swept end to end by bench/fit.py, value in code per bench/reports/fit.md.
EVERYDAY_ZIPF = 5.5  # fit.md; wordfreq's scale: "take" 5.9, "place" 5.7; "born" 5.1, "tall" 4.5
TYPO_MAX_ZIPF = 2.0  # fit.md; rarer than this in English, an unknown word may be a typo of a document word
# The possessive too ("UVA's": names_in keeps it; nh18 n18g1, speak33.md)
ACRONYM = re.compile(r"[A-Z]{2,5}(?:s|['’]s)?")
WEAK_DENSE = 0.3  # fit.md; below this cosine the best passage is about something else
STRONG_DENSE = 0.55  # fit.md; above it the best passage says the same thing in other words
NAME_COVERAGE = (
    0.5  # fit.md; an unknown name is excused when the best passage holds this share of the question
)
NO_TERM_DENSE = (
    0.45  # fit.md; no question word in the documents: declined unless the best cosine reaches this
)
# Whether "none of the question's words appear in the documents" declines (with NO_TERM_DENSE). Off
# since round 24 (bench/wrong24.py, bench/reports/wrong24.md): on the 28 read sets (490 unanswerable
# questions) it declined no unanswerable question that the later tests (off-topic, uncovered) do not
# decline too, and every question it declined alone was an answerable follow-up whose words lean on
# the conversation ("who went first?" on h13, opened this round; "By whom?", "Why not?" on h12/nh11
# before round 23's fix); the off-topic test reads the same questions by their content as a whole.
NO_TERM = False
GONE_SHARE = 0.5  # fit.md; the missing words carry at least this share of the question's weight ...
GONE_COVERAGE = 0.5  # fit.md; ... and the best passage holds less than this share of the rest: not covered


def _known(engine: Engine, term: str, word: str | None = None) -> bool:
    """In the documents' vocabulary, or a misspelling of a word in it ("Moncalm" for "Montcalm",
    "purhcased"): a typo is no reason to say the documents don't say. A real English word
    ("currency" next to "current") is never taken for a typo."""
    if engine.lexical.known(term):
        return True
    if word is not None and equivalents.metonym_in(word, lambda n: _uses(engine, n)) is not None:
        return True  # "Moscow" where the documents say "Russia", "Syrian" where they say "Syria"
    if len(term) < 5:
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA
    from wordfreq import zipf_frequency

    if word is not None and zipf_frequency(word, "en") >= TYPO_MAX_ZIPF:
        return False
    return process.extractOne(term, engine.vocabulary(), scorer=OSA.distance, score_cutoff=2) is not None


def _paraphrased(engine: Engine, question: str, missing: list[str], top: list[Scored]) -> list[str]:
    """The missing words that no phrase of the three best sentences says in other words (qa.equivalents)."""
    sentences = [s.passage.text[s.highlight[0] : s.highlight[1]] for s in top[:3]]
    covered = equivalents.paraphrased(
        question, missing, sentences, lambda texts: engine.embedder.encode(texts), engine.terms
    )
    return [w for w in missing if w not in covered]


def _uncovered(
    engine: Engine, question: str, missing: list[str], top: list[Scored], rewritten: bool = False
) -> list[str]:
    """The missing words that decline the question: said neither lexically nor in other words by
    the three best sentences (qa.equivalents), and of a role in the question that is evidence of a
    near miss (qa.cover: the asked slot's noun, not a verb said around), unless the best sentence
    as a whole is close to the question.

    Args:
        engine: the open index.
        question: the question as searched.
        missing: its words the documents lack.
        top: the best passages, best first.
        rewritten: the question is a follow-up as the conversation resolved it ("What will they
            talk about?" searched as "What will Putin and Obama talk about"): every missing word
            declines (every role), as before qa.cover, because the decline is what makes qa.session look for the
            answer in the conversation's own passage (its anchored fallback); answered from the
            best passages instead, seed_dev's and the held-out article's "What will they talk
            about?" lost their answer (recall@5 1.000 -> 0.917 on seed_dev).
    Returns:
        The declining words, in the question's order; empty to answer.
    """
    sentences = [s.passage.text[s.highlight[0] : s.highlight[1]] for s in top[:3]]
    scored, sentence_cos = equivalents.paraphrase_scores(
        question, missing, sentences, lambda texts: engine.embedder.encode(texts), engine.terms
    )
    left = [w for w in missing if not equivalents.covers(scored.get(w, ("", 0.0))[1], sentence_cos)]
    # "talk to" where a best sentence says "told": no missing word, a verb of the rest held by it.
    # Not in a follow-up as resolved: its decline sends qa.session to the conversation's passage.
    speech = cover.speech_terms(engine.terms) if cover.SPEECH_REST and not rewritten else frozenset()
    spoken = cover.speech_said(left, [engine.terms(s) for s in sentences], speech, engine.terms)
    left = [w for w in left if w not in spoken]
    named = {w for n in names_in(question) for w in words(n)}
    content = lambda w: bool(engine.terms(w))  # noqa: E731 - a predicate passed on twice
    role = cover.roles(question, content)  # read once for both (it lemmatises every question word)
    kept = [w for w in missing if w not in spoken]
    away = cover.rest_away(question, kept, left, content, engine.terms, named, role=role)
    rest = cover.rest_held(
        engine.terms(question),
        away,
        [engine.terms(s) for s in sentences],
        speech,
    )
    ev = cover.evidence(question, left, sentence_cos, content, named, rest, role=role)
    if rewritten:
        return cover.declining(ev, cover.ROLES, rest_excuse=None)
    asked = cover.declining(ev)
    if asked and rest[0] < rest[1]:
        # A rest word a best sentence says in other words ("shipped" beside "sending") is held there
        # (qa.rest_paraphrase; hx03, h14s08 were declined by their asked noun so). The declining
        # words are what is asked, never held so ("Who leads ...?" beside "leaders").
        held = rest_paraphrase.held_in_other_words(
            question_terms=engine.terms(question),
            away=away,
            sentence_terms=[engine.terms(s) for s in sentences],
            scored=scored,
            uncovered=[w for w in left if w not in asked],
            terms=engine.terms,
            anchors={t for w in named for t in engine.terms(w)},
            speech=speech,
        )
        asked = cover.declining(dataclasses.replace(ev, rest=held))
    return asked


def _unknown_words(engine: Engine, text: str) -> tuple[list[str], set[str]]:
    """Words of `text` the documents never use, in one pass: the rare ones (a typo of a document
    word counts as known), and the terms of everyday ones ("take", "place", "say") whose absence
    says nothing about whether the documents answer."""
    from wordfreq import zipf_frequency  # lazy: only questions with unknown words pay for it

    rare: list[str] = []
    everyday: set[str] = set()
    for w in dict.fromkeys(words(text)):
        t = engine.terms(w)  # once per word: lemmatising an unknown word is the slow part
        if not t or engine.lexical.known(t[0]):
            continue
        if zipf_frequency(w, "en") >= EVERYDAY_ZIPF:
            everyday.add(t[0])
        elif not _known(engine, t[0], w):
            rare.append(w)
    return rare, everyday


# The reason's wording of a measured kind ("no passage states an age", not "a age").
_A_KIND = {"height": "a height", "age": "an age", "weight": "a weight", "money": "an amount of money"}


def _not_mentioned(
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
    """Unknown names, no term found, no answer of the asked type, rare words the documents lack;
    not the names of a description that chose a quoted speaker (`described`: see _abstain_reason)."""
    # An asked name the documents lack declines unless the best hit is strong all the same.
    weak = not top or (top[0].coverage < NAME_COVERAGE and top[0].dense < STRONG_DENSE)

    def in_documents(word: str) -> bool:  # no terms, or a term the documents hold (a typo or metonym counts)
        terms = engine.terms(word)
        return not terms or any(_known(engine, t, word.lower()) for t in terms)

    # One alternative of an either/or the documents hold answers it ("on Monday or Tuesday?" of a
    # story that says Monday): the others are no unknown names (qa.either_or).
    chosen = either_or.unheld_alternatives(described or searched, in_documents)
    # "the White House" where the documents name the United States: no unknown "White".
    seats = equivalents.seat_words(described or searched, lambda n: _uses(engine, n))
    for name in names_in(described or searched):
        if name in seats or name in chosen:
            continue
        if ACRONYM.fullmatch(name) and any(engine.lexical.known(t) for t in qt):
            continue  # "GMO", "PPP": the documents may spell it out
        if not in_documents(name) and weak:
            return f"the documents do not mention {name}"
    # The same of a country or nationality word typed in lower case ("did the chinese delegation side
    # with the russian view": h19n02, declined as "Chinese"), a closed list read as the name it is
    # (qa.country_words_lower, measured by bench/abst33.py: bench/reports/abst33.md).
    chosen_folded = {c.lower() for c in chosen}
    for name in country_words_lower.lower_country_words(described or searched):
        if name not in seats and name.lower() not in chosen_folded:
            if not in_documents(name) and weak:
                return f"the documents do not mention {name}"
    # The same of a speaker typed in lower case ("what did pope francis say ...": qa.asked_name).
    absent = asked_name.absent_name(
        asked_name.lower_case_name_words(abstain.asked_speaker(searched) or ""), in_documents, EVERYDAY_ZIPF
    )
    if absent and weak:
        return "the documents do not mention " + absent
    if intent.answer_type in ("height", "age", "weight", "money") and not any(
        _has_evidence(engine, intent.answer_type, s.passage) for s in top[:5]
    ):
        return f"no passage states {_A_KIND[intent.answer_type]}"
    # A question with no content word at all ("By whom?", "Why not?": every word a stop word) has
    # no word to look for, so none missing is no evidence: it is left to the tests below (round 23,
    # bench/reports/wrong23.md: this test's only unique declines on the 26 read sets were two such
    # follow-ups, both answerable, on h12 and nh11, opened after it was fit; no unanswerable one).
    if (
        NO_TERM
        and qt
        and not any(engine.lexical.known(t) for t in qt)
        and (not top or top[0].dense < NO_TERM_DENSE)
    ):
        return "none of the question's words appear in the documents"
    if not (set(qt) - {t for t in qt if engine.lexical.known(t)}):
        return ""
    if speech:  # the speaker is quoted, but never on this topic
        topic_terms = engine.terms(topic)
        # A topic word naming a country the documents name otherwise ("American" where they say
        # "US", "Damascus" for "Syria", "Kremlin" for "Russia": qa.equivalents.metonym_in) is a
        # topic they hold, as _known reads it for the other tests (round 23: h9s09 and h12s10,
        # answerable, were declined so; bench/reports/wrong23.md).
        if (
            topic_terms
            and not any(engine.lexical.known(t) for t in topic_terms)
            and not any(equivalents.metonym_in(w, lambda n: _uses(engine, n)) for w in words(topic))
        ):
            missing, _ = _unknown_words(engine, topic)
            if missing:
                missing = _paraphrased(engine, topic, missing, top)
            if missing:
                return "the speaker is quoted, but not about " + ", ".join(missing)
        return ""
    missing, everyday = _unknown_words(engine, searched)
    if POLAR_SETTLES and missing:  # "agree" of "Did Putin agree?", settled by "in direct opposition"
        settled = polar.settled_words(searched, [s.passage.text for s in top[:NEAR_MISS_PASSAGES]])
        missing = [w for w in missing if w.lower() not in settled]
    # Names do not count as content: "Obama" in the documents says nothing about his birthday.
    named = {t for n in names_in(searched) for t in engine.terms(n)}
    if top and missing and intent.answer_type in ("number", "time", "place"):
        # "How many people have died in the war?" against "... 250,000 people lost their lives":
        # the best sentence holds an answer of the asked type beside the question's other words,
        # so the missing word is a paraphrase, not a subject the documents lack.
        a, b = top[0].highlight
        sentence = top[0].passage.text[a:b]
        # A date beside "Elena Marsh" is no answer to when she was born.
        known = {t for t in qt if engine.lexical.known(t)} - named
        if known and intents.has_evidence(intent.answer_type, sentence):
            if len(known & set(engine.terms(sentence))) >= max(1, (len(known) + 1) // 2):
                return ""
    if top and missing:
        # The share of the question's content the documents lack, names and everyday words left out.
        skip = everyday | (named - {engine.terms(w)[0] for w in missing})
        idf = {t: engine.lexical.idf(t) for t in dict.fromkeys(qt) if t not in skip}
        gone = sum(idf.get(engine.terms(w)[0], 0.0) for w in missing) / (sum(idf.values()) or 1.0)
        # A close paraphrase ("speak" for "address") keeps the dense score high: only a weak match,
        # or a missing word that carries most of the question, is evidence of "not in the documents".
        if top[0].dense < WEAK_DENSE or (
            gone >= GONE_SHARE
            and _coverage(idf, _passage_terms(engine, top[0].passage)) < GONE_COVERAGE
            and top[0].dense < STRONG_DENSE
        ):
            declining = _uncovered(engine, searched, missing, top, rewritten)
            if declining:
                return "the documents do not cover: " + ", ".join(declining)
        # Off topic as a whole ("Who won the 2014 World Cup?" of an article on Syria, sharing only
        # "world"): whatever the missing word's role, the best passages hold little of the question.
        if off_topic(offtopic_evidence(engine, idf, top)):
            return "the documents do not cover: " + ", ".join(missing)
    return ""


def offtopic_evidence(engine: Engine, idf: dict[str, float], top: list[Scored]) -> tuple[float, float]:
    """What the off-topic gate reads of a question some of whose words the documents lack.

    Args:
        engine: the open index.
        idf: the question's content terms (names and everyday words left out) with their idf.
        top: the best passages, best first.
    Returns:
        (the largest idf-weighted share of `idf` one of the three best passages holds, the best
        passage's cosine to the question).
    """
    total = sum(idf.values())
    held = max((_coverage(idf, _passage_terms(engine, s.passage), total) for s in top[:3]), default=0.0)
    return held, top[0].dense if top else 0.0


def off_topic(evidence: tuple[float, float]) -> bool:
    """Whether a question whose words the documents partly lack is about something else: the best
    passages hold less than abstain.OFFTOPIC_HELD of its content and the best one is less close than
    abstain.OFFTOPIC_DENSE (fit by bench/fit_offtopic.py: bench/reports/abstention_offtopic.md).

    Args:
        evidence: offtopic_evidence's (share held, best cosine).
    Returns:
        True to decline.
    """
    held, dense = evidence
    return held < abstain.OFFTOPIC_HELD and dense < abstain.OFFTOPIC_DENSE
