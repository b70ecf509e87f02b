"""A fragment follow-up carries the previous question's subject: "what's on the agenda" after "When
will Obama and Putin meet?" asks about the agenda of that meeting, a word the fragment leaves out
and the passage answering it writes ("The two leaders are set to meet later on Monday, where Syrian
conflict is expected to be one of the main topics"). Where the fragment as typed is declined, it is
searched again with the previous question's content words added (bench/reports/frag31.md).
"""

from __future__ import annotations

import re

from index.lexical import STOPWORDS, fold, terms

# Words of a question that say how it asks, not what about: question words and auxiliaries.
_ASKING = frozenset(
    "what who whom whose which when where why how did does do has have had will would can could should "
    "shall may might must is was are were am be been being".split()
)
_TOKEN = re.compile(r"\w[\w'’-]*")


def carried(prev: str, question: str) -> str | None:
    """`question` with the content words of `prev` that it lacks added after it: the common words,
    or the names where `prev` has no common word ("Who is John Schlafly?").

    Names are left out beside common words: "what's on the agenda Obama Putin meet" put the passages
    naming both leaders before the one on their meeting, which names neither ("the two leaders");
    "what's on the agenda meet" found it first (article_heldout12 h12u05, bench/reports/frag31.md).

    Args:
        prev: the previous question as searched ("When will Obama and Putin meet?").
        question: the follow-up as typed ("what's on the agenda").

    Returns:
        "what's on the agenda meet?", or None when `prev` adds no content word.
    """
    have = set(terms(question))
    common: list[str] = []
    names: list[str] = []
    for m in _TOKEN.finditer(prev):
        tok = m.group()
        low = fold(tok).strip("'’")
        if low in STOPWORDS or low in _ASKING:
            continue
        new = [t for t in terms(tok) if t not in have]
        if not new:
            continue
        have.update(new)
        # A capital after the question's first word marks a name ("Obama", "US", "Moscow's").
        (names if tok[:1].isupper() and m.start() > 0 else common).append(tok)
    extra = common or names
    if not extra:
        return None
    return question.rstrip(" ?.!") + " " + " ".join(extra) + "?"
