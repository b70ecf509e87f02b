"""The rest of a question held by a best sentence in other words (the cover gate's rest excuse).

The cover gate (qa.cover) declines a question whose asked noun the documents lack, unless one best
sentence holds every other term of the question (qa.cover.REST_EXCUSE): then the noun names a kind
the sentence gives an instance of ("Which equipment has Russia sent?" beside "Russia ... sending
tanks"). The rest is counted word for word, so a rest word the sentence says in other words kept the
excuse from applying, and the asked noun declined: "What hardware has Russia *shipped* to Syria?"
beside "Russia has been *sending* tanks" (cosine 0.63), "What clash are American officials
*nervous* about?" beside "officials *fear* ..." (article_heldout's hx03, h14s08; bench/reports/
wrong30.md: 14 of the read sets' 49 answerable questions declined were declined by an asked noun so,
the largest single cause).

Here a rest word the documents lack counts as held by a best sentence when its closest document phrase
(qa.equivalents.paraphrase_scores, the phrase sharing no term with the question) lies in that
sentence at a cosine of at least REST_PARAPHRASE_COSINE: lower than the bar at which a phrase stands
for a missing word on its own (qa.equivalents.PARAPHRASE_COSINE), because here the word is no longer
the whole evidence: the rest excuse needs every other word of the question in the same sentence too.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from qa import cover

# The least cosine at which a rest word's closest document phrase holds it in its sentence. Fit by
# bench/fit_rest_paraphrase.py (bench/reports/rest_paraphrase.md) on every read set's unanswerable
# question and the answerable ones declined on main 115a5ce: objective unanswerable declined - 2 x
# answerable declined, best (9) from 0.475 to 0.55, the highest taken; the gate then excuses hx03,
# b18 and h14s08 and no unanswerable question (at 0.40-0.45 it excuses b71 "What sanctions has
# Washington imposed on Moscow?"; at 0.575 it loses h14s08, "nervous" beside "fear" 0.553).
REST_PARAPHRASE_COSINE = 0.55


def held_in_other_words(
    question_terms: Collection[str],
    away: Collection[str],
    sentence_terms: Sequence[Collection[str]],
    scored: Mapping[str, tuple[str, float]],
    uncovered: Collection[str],
    terms: Callable[[str], Sequence[str]],
    anchors: Collection[str] = frozenset(),
    speech: Collection[str] = frozenset(),
    threshold: float = REST_PARAPHRASE_COSINE,
) -> tuple[int, int]:
    """How much of the question's rest one best sentence holds, a word said in other words counted.

    Args:
        question_terms: the question's content terms.
        away: the terms left out of the rest (qa.cover.rest_away).
        sentence_terms: each best sentence's terms.
        scored: each word the documents lack mapped to its closest document phrase and their cosine
            (qa.equivalents.paraphrase_scores).
        uncovered: the missing words no phrase covers on its own and that are not what the question
            asks (the declining words are left to the gate); only these may be held here (the others
            are out of the rest already).
        terms: content terms of a text, made as the index makes them.
        anchors: the terms of the question's names; a sentence holds a word in other words only when
            it also holds one of these or one rest term as written.
        speech: the terms of the verbs of speech naming a listener (qa.cover.speech_terms).
        threshold: the least phrase cosine that holds a rest word in the phrase's sentence.

    Returns:
        (the most rest terms one sentence holds, the number of rest terms), as qa.cover.rest_held
        counts them, a rest word held in other words counted as held.
    """
    rest = set(question_terms) - set(away)
    # Each uncovered word's terms in the rest, with the terms of the phrase standing for it.
    said: list[tuple[set[str], set[str]]] = []
    for w in uncovered:
        phrase, cos = scored.get(w, ("", 0.0))
        mine = set(terms(w)) & rest
        if phrase and cos >= threshold and mine:
            said.append((mine, set(terms(phrase))))
    best = 0
    for have in sentence_terms:
        held, _ = cover.rest_held(question_terms, away, [have], speech)
        if not (set(have) & (rest | set(anchors))):
            # Nothing of the question as written: a phrase alone is no sentence on the question
            # ("what's the capital of australia" beside "the United States ..."; h10n08).
            best = max(best, held)
            continue
        extra: set[str] = set()
        for mine, phrase_terms in said:
            if phrase_terms and phrase_terms <= set(have):
                extra |= mine - set(have)
        best = max(best, held + len(extra))
    return min(best, len(rest)), len(rest)
