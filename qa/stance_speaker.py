"""A speaker asked for by what they said, not by "What did X say?": "What was Tehran's message to the UN
gathering?", "which remarks did the iranian delegation make in new york".

qa.abstain.asked_speaker reads the "What did X say/tell/think ...?" forms, and the "not quoted" test
(qa.speaker_topic.unquoted_reason) reads its phrase; these forms ask the same of X and went unread,
so the bundled article's Putin and Obama answered for Tehran and an Iranian delegation (h14n08,
h17n02). A country or nationality word of the phrase typed in lower case ("iranian") is read as the
name it is (qa.describe.country_words knows it capitalised), so that the test reads the question as
it reads it capitalised. Only in these forms: carried to asked_speaker's phrases it declined nh5's
n5c2 "what did the turkish president say the UN should do" (answerable), whose capitalised form the
test declines too (the story names Turkey a paragraph before "President Recep Tayyip Erdogan", and
qa.describe does not resolve the description to him); so h12n06 "what was the french president's
view of assad", which qa.session also reads as what the (lower-case) french President said, stays
answered. Measured on every read set by bench/abst30.py (bench/reports/abst30.md).
"""

from __future__ import annotations

import re

from qa import describe

# Whether the check declines (qa.decline._stance_speaker_reason); False: off, to measure.
STANCE_SPEAKER = True

# Nouns of what a speaker says: their view, message, remarks. Not "position" ("Tesla's position at the
# Budapest Telephone Exchange" is a job), nor "response", "reply" or "reaction", which a story tells
# as deeds as often as in words ("What was Old Briton's response to Celeron?" of SQuAD v1.1 dev: no
# quote answers it, the story does).
_STANCE = r"(?:view|views|message|remarks|comments|opinion)"
# "What was Tehran's message ...", "what's the french president's view of ...".
_POSSESSED = re.compile(
    rf"^\s*(?:and\s+)?(?:what|which)(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+(?P<who>.+?)(?:'s|’s|(?<=s)'|(?<=s)’)\s+"
    rf"{_STANCE}\b",
    re.I,
)
# "which remarks did the iranian delegation make in new york".
_MADE = re.compile(
    rf"^\s*(?:which|what)\s+{_STANCE}\s+(?:did|does|do|has|have|had)\s+(?P<who>.+?)\s+"
    r"(?:make|give|offer|deliver|issue)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][a-z]*(?=(?:['’]s?)?\b)")


def stance_speaker(question: str) -> str | None:
    """The speaker a question asks for by their view, message, remarks, comments or opinion, or None.

    Args:
        question: the question as searched.
    Returns:
        The speaker phrase ("the french president", "Tehran"), or None when no such form holds.
    """
    for form in (_POSSESSED, _MADE):
        m = form.search(question)
        if m:
            return m.group("who").strip()
    return None


def with_country_names(phrase: str) -> str:
    """The phrase with its lower-case country and nationality words capitalised ("the french president"
    -> "the French president", "tehran's leader" -> "Tehran's leader").

    Args:
        phrase: a speaker phrase as typed.
    Returns:
        The phrase, each lower-case word qa.describe.country_words knows capitalised.
    """

    def name(m: re.Match[str]) -> str:
        w = m.group()
        if not w.islower() or not describe.country_words(w.capitalize(), ""):
            return w
        return w.capitalize()

    return _WORD.sub(name, phrase)
