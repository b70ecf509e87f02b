"""Requests for advice: "Can you suggest a hotel near UN headquarters?", "how do i apply for a russian
tourist visa", "best restaurants near un headquarters", "What's the best time of year to visit Madrid?".

A news story reports; it recommends no hotel to the reader and tells them nothing of their own
errands. Such a request is unanswerable whatever words of it the documents hold: the bundled
article names the UN headquarters in New York, so "best pizza near the un headquarters in
manhattan" shares enough of it, and reads close enough to its photo caption, that the off-topic
test (qa.not_mentioned.off_topic) answers it with the caption. Read on every read set (bench/abst30.py,
bench/reports/abst30.md): the read sets hold 11 such requests, all unanswerable, 5 of them answered
before this check (h12n07, h12n11, h14n10, h15n10, n11i6), and no answerable question of the read
sets or of SQuAD v1.1 dev (10,570 questions) has one of these forms.

The forms, read on the question as asked (a follow-up as the conversation resolved it is read too):
- a request to the bot to suggest or recommend ("Can you suggest ...", "recommend a good ...");
- the asker's own errand: a question word and a modal with "I" as subject ("how do i renew my
  passport", "where can I buy"); "we" is left out: "What do we know about the suspect?" asks the news;
- a best or good thing somewhere ("best restaurants near ...", "a good pizza place in ...") or a best
  time, place or way to visit, travel or go.
"""

from __future__ import annotations

import re

# Whether a request for advice declines (advice_reason, called by qa.decline); False: off, to measure.
ADVICE = True

_REQUEST = re.compile(
    r"""^\s*(?:please\s+)?(?:
        (?:can|could|would|will)\s+you\s+(?:please\s+)?(?:suggest|recommend|advise)\b
      | (?:suggest|recommend)\s+(?:a|an|some|the|me|any|good|cheap)\b
      | (?:how|where|what|when|which|who)\b[\w\s]{0,20}?\s(?:do|can|could|should|shall|must|may)\s+i\b
      | (?:should|can|could|may|shall)\s+i\b
    )""",
    re.I | re.X,
)
# "best restaurants near ...", "What's a good pizza place in ...", "the best time of year to visit ...".
_BEST_PLACE = re.compile(
    r"""^\s*(?:(?:what|where|which)(?:'s|’s|\s+is|\s+are)?\s+)?(?:a|an|the|some)?\s*
        (?:best|good|nearest|cheapest)\s+(?:[a-z]+\s+){0,2}?(?:near|around|close\s+to|nearby)\b""",
    re.I | re.X,
)
_BEST_VISIT = re.compile(
    r"\b(?:best|good)\s+(?:time|times|season|month|place|places|way)\s+(?:of\s+(?:the\s+)?year\s+)?"
    r"to\s+(?:visit|travel|go|stay|eat)\b",
    re.I,
)


def asks_advice(question: str) -> bool:
    """Whether a question asks the bot for advice or a recommendation, not for what the news says.

    Args:
        question: the question as asked or searched.
    Returns:
        True for a request to suggest or recommend, the asker's own errand ("how do I ..."), or a best
        thing near a place or best time to visit one.
    """
    return bool(_REQUEST.search(question) or _BEST_PLACE.search(question) or _BEST_VISIT.search(question))


def advice_reason(question: str, best_dense: float, strong: float) -> str:
    """Why a request for advice is declined, or "".

    Args:
        question: the question as searched.
        best_dense: the best passage's cosine to the question.
        strong: the cosine from which the best passage says the same thing in other words
            (qa.not_mentioned.STRONG_DENSE, fit by bench/fit.py): such a passage answers it all the same.
    Returns:
        The reason to decline, or "" to leave the question to the other tests.
    """
    if not ADVICE or best_dense >= strong or not asks_advice(question):
        return ""
    return "the documents are news, and give no advice on: " + question.strip().rstrip("?")
