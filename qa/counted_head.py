"""Where a "how many" question's counted phrase ends, beyond qa.abstain.counted_noun's own stops.

qa.abstain.counted_noun reads the words after "how many" up to an auxiliary, a preposition, a verb in
"-ed" or an irregular past tense, and takes the last as the counted noun. Two word forms ran on past
the noun, and the gates then looked for a count of a word that is no noun (bench/reports/wrong33.md):

- an adverb in "-ly" after the noun: "How many countries *formally* signed the climate agreement?"
  counted "formally" (news_heldout16's n16e5, answerable, was declined "no passage gives a number of
  formally"; its passage says "signed by 175 countries"); "How many senators publicly endorsed Cruz?";
- a verb in its base form before its object: "how many voters *think* the economy favours the rich"
  counted "rich" (news_heldout8's n8d5, declined "no passage gives a number of rich"). A word after
  the noun that is followed by a determiner or a possessive pronoun ("the", "his") is the verb of the
  clause: a counted noun phrase holds no determiner after its first word. Not a possessive name: read
  so, "How many people heard Sherman's speech ...?" (news_heldout3's n3a8, unanswerable) counted
  "people", which no count gate reads (an everyday word), and was answered; it stays "speech" and
  declined (bench/reports/wrong33.md).

Both are read from the word's form alone (no tagger is installed): an adverb is a word in "-ly" whose
stem is an English word simplemma knows ("formal", "public"; not "family", "Italy"); the verb before
a determiner is taken only when it does not end in "s" (a plural noun may stand there: "How many
Russian troops the ..."), and never as the phrase's first word ("how many times the ...").
A reading rule, no constant; `COUNTED_HEAD` switches it off.
"""

from __future__ import annotations

from collections.abc import Sequence

# Whether counted_noun ends the counted phrase at these forms too (False: as before round 33).
COUNTED_HEAD = True

# Determiners and possessive pronouns (a closed class): none stands inside a counted phrase after its
# first word, so the word before one ends the phrase.
DETERMINERS = frozenset(
    "the a an his her their its our my your this these those every each some any no".split()
)


def is_adverb(word: str) -> bool:
    """Whether a word is an adverb in "-ly" made from an English word.

    Args:
        word: one word of the question.
    Returns:
        True for "formally", "publicly", "officially"; False for "family", "Italy", "reply".
    """
    import simplemma

    w = word.lower()
    if len(w) < 5 or not w.endswith("ly"):
        return False
    stem = w[:-2]
    # "easily" -> "easy", "possibly" -> "possible": the stem's spellings before "-ly".
    stems = (stem, stem[:-1] + "y" if stem.endswith("i") else stem, stem + "e")
    return any(simplemma.is_known(s, lang="en") for s in stems if len(s) >= 3)


def opens_noun_phrase(word: str) -> bool:
    """Whether a word opens a noun phrase of its own: a determiner or a possessive pronoun.

    Args:
        word: one word of the question, as written.
    Returns:
        True for "the", "their"; False for "economy", "Syrian", "Sherman's".
    """
    return word.lower() in DETERMINERS


def ends_at(phrase: Sequence[str], word: str, following: str | None) -> bool:
    """Whether the counted phrase read so far ends before `word`.

    Args:
        phrase: the counted phrase so far (the first word is always taken: "how many times the ...").
        word: the next word of the question.
        following: the word after it, or None at the end.
    Returns:
        True before an adverb ("countries formally"), a determiner, and a word without "-s" that a
        determiner follows (a verb: "voters think the economy"); False to read on.
    """
    if not COUNTED_HEAD or not phrase:
        return False
    if is_adverb(word) or opens_noun_phrase(word):
        return True
    # "how many voters think the economy": "think" is the verb; "how many Russian troops the ...":
    # a plural noun may stand there, so a word in "-s" is read on.
    return following is not None and opens_noun_phrase(following) and not word.lower().endswith("s")
