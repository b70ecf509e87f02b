"""A conversation: follow-up questions resolved against earlier turns, without a language model.

"And Putin?", "What about Assad?", "Where?", "Who is blamed for it?" lean on the previous turn:
the missing speaker, subject or topic is carried over by a few general rewrites. A question
that stands on its own is searched exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import quotes as quoting
from index.errors import InputError
from index.lexical import STOPWORDS, words
from qa import rank
from qa.engine import Engine
from qa.types import Answer

MAX_QUESTION_CHARS = 2000  # longer input is cut: bounded work for a pasted 100 KB "question"

_WH = r"(?:what|who|whom|whose|which|when|where|why|how(?: many| much| long| old)?)"
_BARE_WH = re.compile(rf"^\s*(?:and|but|so)?\s*({_WH})(?:\s+exactly|\s+then)?\s*\??\s*$", re.I)
_ABOUT = re.compile(
    r"^\s*(?:and|but|so)?\s*(?:what|how)\s+about\s+(.+?)\s*\??\s*$|"
    r"^\s*(?:and|but|also)\s+(.+?)\s*\??\s*$|"
    r"^\s*(?:what|how)\s+of\s+(.+?)\s*\??\s*$",
    re.I,
)
_PRONOUN = re.compile(
    r"\b(he|she|they|them|it|its|his|her|hers|their|theirs|him|there|this|that|these|those)\b", re.I
)
_PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "hers"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
_TOPIC_AFTER = re.compile(r"\b(?:about|on|regarding|of|concerning)\s+(.+?)\s*\??\s*$", re.I)


@dataclass
class _Turn:
    question: str
    searched: str
    speakers: list[str]
    names: list[str]
    top: int | None  # the passage shown first, the conversation's focus


class Conversation:
    """Chat state: follow-up questions resolved against earlier turns."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.turns: list[_Turn] = []

    def reset(self) -> None:
        self.turns.clear()

    def ask(self, question: str, k: int = 5) -> Answer:
        q = " ".join(question.split())[:MAX_QUESTION_CHARS]
        if not q:
            raise InputError("empty question: type a question")
        searched, leans = self.resolve(q)
        focus = self.turns[-1].top if leans and self.turns else None
        answer = rank.answer(self.engine, question, searched, k, focus=focus)
        top = answer.hits[0].pid if answer.hits else None
        self.turns.append(_Turn(q, searched, self._speakers(searched), rank.names_in(searched), top))
        return answer

    def _speakers(self, text: str) -> list[str]:
        return quoting.match_speakers(text, self.engine.speakers_index)

    def resolve(self, q: str) -> tuple[str, bool]:
        """The question to search, and whether it leans on the previous answer (a pronoun follow-up)."""
        if not self.turns:
            return q, False
        prev = self.turns[-1]
        m = _BARE_WH.match(q)
        if m:  # "Where?" -> the previous question asked with this question word
            rest = re.sub(rf"^\s*{_WH}\b", "", prev.searched, count=1, flags=re.I).strip()
            return (f"{m.group(1).capitalize()} {rest}".strip(), False) if rest else (q, False)
        m = _ABOUT.match(q)
        if m:
            new = next(g for g in m.groups() if g)
            if len(words(new)) <= 6:
                return self._substitute(prev, new), False
        if self._self_contained(q):
            return q, False
        return self._fill_pronouns(prev, q), True

    def _substitute(self, prev: _Turn, new: str) -> str:
        """'And Putin?' after 'What did Obama say about X?' -> 'What did Putin say about X?'."""
        new_speakers = self._speakers(new)
        prev_text = prev.searched
        if prev.speakers and new_speakers:  # another person: swap the speaker
            for s in self.engine.speakers_index:
                if s.name != prev.speakers[0]:  # the speaker asked about, not a person in the topic
                    continue
                for alias in sorted((s.name, *s.aliases), key=len, reverse=True):
                    pat = re.compile(rf"\b(?:the\s+)?{re.escape(alias)}(?:'s|’s)?\b", re.I)
                    if pat.search(prev_text):
                        return pat.sub(new, prev_text, count=1)
        m = _TOPIC_AFTER.search(prev_text)
        if m:  # "What did Obama say about Assad?" + "And Russia?" -> "... about Russia?"
            return prev_text[: m.start(1)] + new + "?"
        if prev.names and rank.names_in(new):  # "... died in Syria?" + "And Iraq?"
            return re.sub(re.escape(prev.names[-1]), new, prev_text, count=1)
        return f"{prev_text.rstrip('?')} {new}?"

    def _self_contained(self, q: str) -> bool:
        """A question with no pronoun to resolve, or whose own words carry the subject."""
        pronouns = [p.lower() for p in _PRONOUN.findall(q)]
        if not pronouns:
            return True
        # "there" and "that" are often not references ("Is there ...", "that" as a conjunction).
        real = [
            p
            for p in pronouns
            if p not in {"there", "that", "this"}
            or re.search(rf"\b(?:in|at|from|to|about|of|for|with|did|do|does|is|was)\s+{p}\b", q, re.I)
        ]
        return not real

    def _fill_pronouns(self, prev: _Turn, q: str) -> str:
        """Replace the first referring pronoun with the previous turn's subject, else add its terms."""
        people = prev.speakers or []
        names = prev.names
        for m in _PRONOUN.finditer(q):
            p = m.group(1).lower()
            target = None
            if p in _PLURAL_PRONOUNS and len(names) >= 2:
                target = " and ".join(names[:2])
            elif p in _PERSON_PRONOUNS and people:
                target = people[0]
            elif p in {"it", "its"} and names:
                non_people = [n for n in names if not self._speakers(n)]
                target = non_people[0] if non_people else None
            if target:
                if p in {"his", "her", "its", "their", "theirs", "hers"}:
                    target += "'s"
                q = q[: m.start()] + target + q[m.end() :]
                break
        # The previous turn's other content words ride along: "they ... talk" after "... meeting".
        have = set(words(q))
        extra = [w for w in words(prev.searched) if w not in STOPWORDS and w not in have and len(w) > 2]
        return f"{q} ({' '.join(dict.fromkeys(extra))})" if extra else q
