"""Hybrid ranking: dense + BM25 + best-sentence term coverage, steered by speakers and article parts.

Each signal fixes a failure of the others: dense similarity finds paraphrases but ranks any quote
on the topic alike; BM25 finds names and numbers but not synonyms; sentence coverage rewards the
passage whose single sentence answers, not the one that mentions the words far apart. Weights are
tuned on the dev questions and SQuAD together (bench/quality.py), never per question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index import quotes as quoting
from index.chunk import sentences
from index.lexical import terms, words
from qa import intent as intents
from qa.engine import Engine, Passage, QuoteSpan
from qa.types import Answer, Hit


@dataclass(frozen=True)
class Weights:
    dense: float = 1.0
    bm25: float = 0.35
    sentence: float = 0.35
    passage_cov: float = 0.1
    wrong_type: float = 0.5  # a "how many" passage without a number
    furniture: float = 0.25  # credit/dateline/byline/footer lines when not asked for
    summary: float = 0.3  # headline/standfirst restate the body: let the body win ties
    part_bonus: float = 0.6  # the article part the question asks for
    speaker_bonus: float = 1.0  # the asked speaker's own words, quoted directly
    reported_bonus: float = 0.7  # the asked speaker's words, reported by the writer
    other_speaker: float = 0.2  # someone else's quote on the topic
    topic: float = 0.3  # within the speaker's quotes, the one on the topic
    focus: float = 0.6  # a pronoun follow-up ("what will they talk about?") stays near the last answer
    candidates: int = 100


WEIGHTS = Weights()
EVERYDAY_ZIPF = 5.5
WEAK_DENSE = 0.3  # below this cosine the best passage is about something else
STRONG_DENSE = 0.55  # above it the best passage says the same thing in other words  # wordfreq's scale: "take" 5.9, "place" 5.7; "born" 5.1, "tall" 4.5

_QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how is are was were do does did "
    "has have had can could would should will shall may might".split()
)


@dataclass
class _Scored:
    passage: Passage
    score: float
    highlight: tuple[int, int]
    speaker: str | None
    coverage: float
    dense: float


def _sentence_terms(engine: Engine, p: Passage) -> list[tuple[int, int, frozenset[str]]]:
    """Sentences of a passage with their terms, cached on the engine (warm chat reuses them)."""
    cache: dict[int, list[tuple[int, int, frozenset[str]]]] = engine.__dict__.setdefault("_sent_cache", {})
    got = cache.get(p.pid)
    if got is None:
        got = [(s, e, frozenset(terms(p.text[s:e]))) for s, e in sentences(p.text)] or [
            (0, len(p.text), frozenset(terms(p.text)))
        ]
        cache[p.pid] = got
    return got


def _coverage(qterms: dict[str, float], have: frozenset[str] | set[str]) -> float:
    total = sum(qterms.values())
    return sum(w for t, w in qterms.items() if t in have) / total if total else 0.0


def names_in(question: str) -> list[str]:
    """Capitalised words that are not question scaffolding: the names a question is about."""
    out = []
    for i, m in enumerate(re.finditer(r"[A-Za-z][\w'’.-]*", question)):
        w = m.group().rstrip(".")
        if (
            w[:1].isupper()
            and not (i == 0 and w.lower() in _QUESTION_WORDS)
            and w.lower() not in _QUESTION_WORDS
        ):
            if i == 0 and w.lower() in {
                "and",
                "so",
                "but",
                "then",
                "also",
                "now",
                "tell",
                "show",
                "list",
                "give",
            }:
                continue
            out.append(w)
    return out


def answer(
    engine: Engine, question: str, searched: str, k: int, weights: Weights = WEIGHTS, focus: int | None = None
) -> Answer:
    """Rank passages for `searched`; abstain when the documents do not answer it."""
    w = weights
    intent = intents.read(searched)
    qt = terms(searched)
    idf = {t: engine.lexical.idf(t) for t in dict.fromkeys(qt)}
    q = engine.encode(searched)

    # The first person named is the speaker asked about; later ones are the topic ("Putin ... about Assad").
    wanted = quoting.match_speakers(searched, engine.speakers_index)[:1]
    speech = bool(wanted) and quoting.is_speech_question(searched)
    topic_terms: dict[str, float] = {}
    aliases: list[str] = []
    if speech:
        aliases = [a for s in engine.speakers_index if s.name in wanted for a in (s.name, *s.aliases)]
        topic_terms = {
            t: engine.lexical.idf(t) for t in dict.fromkeys(terms(quoting.topic_of(searched, aliases)))
        }

    # Asked-for article parts count only where the documents have them (an encyclopedia has no photo credit).
    parts = tuple(k for k in intent.parts if k in engine.kinds)
    bm = engine.lexical.scores(qt)
    cands = set(engine.dense(q, k=w.candidates))
    if bm.size:
        top = np.argpartition(-bm, min(w.candidates, bm.size - 1))[: w.candidates]
        cands.update(int(i) for i in top if bm[i] > 0)
    if focus is not None:
        cands.add(focus)
    if speech:
        cands.update(
            pid for pid, qs in engine.quotes_by_passage.items() if any(x.speaker in wanted for x in qs)
        )
    if not cands:
        return Answer(question, searched, True, reason="the index holds no passages")
    dense = engine.dense(q, sorted(cands))
    bm_max = float(bm.max()) if bm.size and bm.max() > 0 else 1.0

    scored: list[_Scored] = []
    for pid in cands:
        p = engine.passages[pid]
        sents = _sentence_terms(engine, p)
        best = max(sents, key=lambda s: (_coverage(idf, s[2]), -(s[0])))
        cov_s = _coverage(idf, best[2])
        cov_p = _coverage(idf, frozenset().union(*(s[2] for s in sents)))
        d = dense[pid]
        score = w.dense * d + w.bm25 * float(bm[pid]) / bm_max + w.sentence * cov_s + w.passage_cov * cov_p
        highlight = (best[0], best[1])
        speaker = _speaker_at(engine.quotes_by_passage.get(pid, []), p, highlight)
        if intent.answer_type and not intents.has_evidence(intent.answer_type, p.text):
            score -= w.wrong_type
        if parts:
            if p.kind in parts:
                score += w.part_bonus
        elif p.kind in ("credit", "dateline", "byline", "footer"):
            score -= w.furniture
        elif p.kind in ("headline", "standfirst"):
            score -= w.summary
        if speech:
            own = [x for x in engine.quotes_by_passage.get(pid, []) if x.speaker in wanted]
            if own:
                best_q, best_cov = _best_quote(own, p, topic_terms)
                # Direct quotes of a few words inside a reported clause ('huge mistake') are not "own words".
                direct = any(
                    x.direct and len(words(p.text[x.start - p.start : x.end - p.start])) >= 5 for x in own
                )
                score += (w.speaker_bonus if direct else w.reported_bonus) + w.topic * best_cov
                highlight, speaker = best_q, own[0].speaker
                for x in own:
                    span = (max(x.start, p.start) - p.start, min(x.end, p.end) - p.start)
                    if span == best_q:
                        speaker = x.speaker
            elif engine.quotes_by_passage.get(pid):
                score -= w.other_speaker
        if focus is not None and pid == focus:
            score += w.focus
        scored.append(_Scored(p, score, highlight, speaker, cov_p, d))
    scored.sort(key=lambda s: (-s.score, s.passage.pid))

    hits = [_hit(s) for s in scored[:k]]
    topic = quoting.topic_of(searched, aliases) if speech else ""
    # A follow-up that lands on the passage the conversation is about is answered, whatever its words.
    on_focus = focus is not None and bool(scored) and scored[0].passage.pid == focus
    reason = (
        "" if on_focus else _abstain_reason(engine, searched, qt, intent, scored[: max(k, 3)], speech, topic)
    )
    if reason:
        return Answer(question, searched, True, hits=[], nearest=hits[:3], reason=reason)
    return Answer(question, searched, False, hits=hits)


def _best_quote(own: list[QuoteSpan], p: Passage, topic: dict[str, float]) -> tuple[tuple[int, int], float]:
    best, best_cov = None, -1.0
    for x in own:
        span = (max(x.start, p.start) - p.start, min(x.end, p.end) - p.start)
        cov = _coverage(topic, set(terms(p.text[span[0] : span[1]]))) if topic else 0.0
        if cov > best_cov:
            best, best_cov = span, cov
    assert best is not None
    return best, max(best_cov, 0.0)


def _speaker_at(qs: list[QuoteSpan], p: Passage, span: tuple[int, int]) -> str | None:
    a, b = span[0] + p.start, span[1] + p.start
    for x in qs:
        if x.start < b and a < x.end:
            return x.speaker
    return None


def _hit(s: _Scored) -> Hit:
    p = s.passage
    return Hit(
        text=p.text,
        score=round(s.score, 4),
        source=p.source,
        title=p.title,
        start=p.start,
        end=p.end,
        paragraph=p.paragraph,
        kind=p.kind,
        highlight=s.highlight,
        speaker=s.speaker,
        pid=p.pid,
    )


def _known(engine: Engine, term: str) -> bool:
    """In the documents' vocabulary, allowing a typo of up to two letters in longer words
    ("Moncalm" for "Montcalm"): a misspelt name is not a reason to say the documents don't say."""
    if engine.lexical.known(term):
        return True
    if len(term) < 5:
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    vocab = engine.__dict__.setdefault("_vocab", list(engine.lexical.df))
    return process.extractOne(term, vocab, scorer=Levenshtein.distance, score_cutoff=2) is not None


def _rare_unknown(engine: Engine, text: str) -> list[str]:
    """Words of `text` the documents never use, leaving out everyday words ("take", "place", "say")
    whose absence says nothing about whether the documents answer."""
    from wordfreq import zipf_frequency  # lazy: only questions with unknown words pay for it

    out = []
    for w in dict.fromkeys(words(text)):
        t = terms(w)
        if t and not engine.lexical.known(t[0]) and zipf_frequency(w, "en") < EVERYDAY_ZIPF:
            out.append(w)
    return out


def _abstain_reason(
    engine: Engine,
    searched: str,
    qt: list[str],
    intent: intents.Intent,
    top: list[_Scored],
    speech: bool,
    topic: str,
) -> str:
    """Evidence that the documents do not answer: unknown names, no term found, no answer of the type."""
    if intent.parts and any(s.passage.kind in intent.parts for s in top):
        return ""  # "who took the photo?" and the article has a photo credit
    for name in names_in(searched):
        t = terms(name)
        if t and not any(_known(engine, x) for x in t) and (not top or top[0].coverage < 0.5):
            return f"the documents do not mention {name}"
    if intent.answer_type in ("height", "age", "weight", "money") and not any(
        intents.has_evidence(intent.answer_type, s.passage.text) for s in top[:5]
    ):
        return f"no passage states a {intent.answer_type}"
    if not any(engine.lexical.known(t) for t in qt) and (not top or top[0].dense < 0.45):
        return "none of the question's words appear in the documents"
    if not (set(qt) - {t for t in qt if engine.lexical.known(t)}):
        return ""
    if speech:  # the speaker is quoted, but never on this topic
        topic_terms = terms(topic)
        if topic_terms and not any(engine.lexical.known(t) for t in topic_terms):
            missing = _rare_unknown(engine, topic)
            if missing:
                return "the speaker is quoted, but not about " + ", ".join(missing)
        return ""
    missing = _rare_unknown(engine, searched)
    if top and missing:
        idf = {t: engine.lexical.idf(t) for t in dict.fromkeys(qt) if t not in _everyday(engine, searched)}
        gone = sum(idf.get(terms(w)[0], 0.0) for w in missing) / (sum(idf.values()) or 1.0)
        # A close paraphrase ("speak" for "address") keeps the dense score high: only a weak match,
        # or a missing word that carries most of the question, is evidence of "not in the documents".
        if top[0].dense < WEAK_DENSE or (gone >= 0.5 and top[0].coverage < 0.5 and top[0].dense < STRONG_DENSE):
            return "the documents do not cover: " + ", ".join(missing)
    return ""


def _everyday(engine: Engine, text: str) -> set[str]:
    """Terms of unknown everyday words, left out of the missing-mass sum."""
    from wordfreq import zipf_frequency

    return {
        terms(w)[0]
        for w in words(text)
        if terms(w) and not engine.lexical.known(terms(w)[0]) and zipf_frequency(w, "en") >= EVERYDAY_ZIPF
    }
