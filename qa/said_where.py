"""Where, or to whom, the words just shown were said: "Where did he say it?", "Who was he talking to?".

Such a follow-up asks about the circumstance of the previous answer's words, which a news story most
often writes in the attribution itself, after the quote: "...," Putin told the UN General Assembly;
"...," Obama said at the annual gathering of world leaders. The passage whose attribution of the
speaker carries such words answers, the one shown first, else its neighbour (bench/reports/fup34.md:
6 of the read sets' 12 such follow-ups were missed, another passage of the speaker first).
"""

from __future__ import annotations

import re

from index.lexical import STOPWORDS, words

_PRONOUN = r"(?:he|she|they)"
_THAT = r"(?:it|that|this|those|these)"
# "where did he say it", "where was he speaking", "where was he when he said that", "who was he
# talking to", "who was he addressing", "what forum was he addressing", "to whom did she say that":
# the whole question, so that "Where did he say the phrase came from?" (a question of its own) is not one.
_ASKS = re.compile(
    rf"^\s*(?:where|who|whom|to\s+whom|what\s+[a-z]+)\s+(?:did|was|were|is|are|does|do)\s+{_PRONOUN}\s+"
    rf"(?:(?:say|tell|said)\s+{_THAT}(?:\s+to)?|(?:speak|speaking|talk|talking|address|addressing)(?:\s+to)?"
    rf"|when\s+{_PRONOUN}\s+(?:said|say)\s+{_THAT})\s*[?.!]*\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def asks_where_said(question: str) -> bool:
    """Whether a follow-up asks where, or to whom, the person it points at said the words shown.

    Args:
        question: the follow-up as typed, its lead word ("and", "so") dropped.
    Returns:
        True for "Where did he say it?", "Who was she talking to?", "What forum was he addressing?".
    """
    return _ASKS.match(question) is not None


def circumstance(after: str, verb: str) -> str:
    """The words an attribution written after its quote adds to its verb: "the UN General Assembly"
    of '," Putin told the UN General Assembly.', "" of '," Obama said.'.

    Args:
        after: the text from the end of the quote's source mention (or of the quote, whichever is
            later) to the end of its passage.
        verb: the attribution's verb as recorded ("told", "said").
    Returns:
        The attribution's own words after its verb, to the end of the sentence; "" when it adds no
        content word.
    """
    end = _SENTENCE_END.search(after)
    tail = after[: end.start()] if end else after
    tail = re.sub(rf"^[\s\"”’',]*{re.escape(verb)}\b", "", tail.strip(), count=1, flags=re.I)
    tail = tail.strip(" ,\"”’'")
    return tail if any(w.lower() not in STOPWORDS for w in words(tail)) else ""
