"""Nouns that name only the KIND of an answer, fit on SQuAD: their absence from the documents is no
evidence that the asked fact is absent.

"What *word* did the US leader use for the Syrian ruler" was declined "the documents do not cover:
word" (h18s06, bench/reports/wrong32.md): the article gives the word ("a tyrant") but never writes
"word", as "What *year* ..." is answered by "1973" and "What *title* ..." by the title itself. The
hand-written qa.cover.ANSWER_KIND_NOUNS covers a few such nouns (reason, subject, speaker); this list
is fit instead by bench/fit_kind_nouns.py (bench/reports/kind_nouns.md) on every SQuAD v1.1 dev
question: a noun asked at least 12 times (MIN_ASKED, fit on the read sets by the same objective)
as the asked slot's noun whose absence from the answer's own
sentence is common enough that excusing it pays by bench/fit_cover.py's objective (2 x answer
sentences lacking it - near-miss sentences lacking it > 0). Surface forms, lower case, as
qa.cover.roles reads a question's words.

A word that means what a kind noun means names a kind as well: "in what *manner*" asks what "in what
way" asks, "what *outcome*" what "what effect" asks. SQuAD asks such words too rarely for the fit
("manner", "outcome" are asked under 12 times), so SYNONYM_KIND_NOUNS takes them from WordNet 3.0:
the other one-word lemmas of each kind noun's first (most frequent) noun sense, read by
bench/wrong34.py (bench/reports/wrong34.md). Not grown by hand.
"""

from __future__ import annotations

# Read sets (bench/reports/wrong32.md): n12f5 "What is the title of the actress's memoir?" declined ->
# right first, h18s06 ("word") no longer declined; no unanswerable question moved. At MIN_ASKED 5 the
# list held "size" and "groups", and h15n01/h16n03 (unanswerable) were answered.
# Switch: False reads only qa.cover.ANSWER_KIND_NOUNS as answer kinds (main before round 32).
FITTED = True

FITTED_KIND_NOUNS = frozenset(
    (
        "area areas body city color company countries country date day direction doctor effect "
        "else entity episode event example examples form given goal group happens language leader "
        "name network number one organization part people percentage period player population "
        "position process region religion responsible role show species station team term theory "
        "time times title type used way word year years"
    ).split()
)

# The other lemmas of each kind noun's first WordNet 3.0 noun sense (`python bench/wrong34.py wordnet
# /usr/share/wordnet`; bench/reports/wrong34.md): "effect" -> "outcome", "result"; "way" -> "manner".
# Read sets (bench/wrong34.py synonyms): h13f06, h14f06, h17f10 ("outcome") and h20s01 ("manner") were
# declined "the documents do not cover: outcome/manner" (see the report for every question it moves).
# Switch: False reads the kind nouns without their synonyms (main before round 34).
SYNONYMS = True

SYNONYM_KIND_NOUNS = frozenset(
    (
        "ace age clip coloring colour colouring commonwealth component consequence constituent descriptor "
        "doc eld end faith fashion figure function geezerhood ground grouping illustration individual "
        "instance issue land manner md medico metropolis mode mortal nation office organisation outcome "
        "participant pct percent physician place portion precondition presumption procedure representative "
        "result rubric signifier single somebody someone soul squad state style talker theme twelvemonth "
        "unity upshot utterer verbaliser verbalizer web yr"
    ).split()
)


def fitted() -> frozenset[str]:
    """The kind nouns read beside qa.cover.ANSWER_KIND_NOUNS under the switches.

    Returns:
        FITTED_KIND_NOUNS under FITTED, with SYNONYM_KIND_NOUNS under SYNONYMS; empty with both off.
    """
    out = FITTED_KIND_NOUNS if FITTED else frozenset()
    return out | SYNONYM_KIND_NOUNS if SYNONYMS else out
