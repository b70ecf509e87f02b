"""Results of a question: small dataclasses the CLI renders and serialises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """One passage offered as an answer: its text, where it is, how well it answers.

    `text == document[start:end]`; `highlight` is the best-answering span as offsets into `text`;
    `speaker` is who is quoted there (or None); `kind` is the article part ("body", "caption", ...).
    The engine holds every passage of an index as one of these too, unscored (score 0, the whole
    text highlighted); ranking answers with copies carrying their score, highlight and speaker.
    """

    text: str  # == document text[start:end]
    score: float
    source: str  # the document's path as indexed
    title: str
    start: int  # character offsets of the passage in the document's text
    end: int
    paragraph: int  # 1-based paragraph number in the document
    kind: str  # "body", "headline", "caption", ... (index.model.KINDS)
    highlight: tuple[int, int]  # the best-answering span, as offsets into `text`
    speaker: str | None = None  # who is quoted in the highlighted span, if anyone
    date: str = ""  # the document's publication date (ISO 8601), "" when unknown
    url: str = ""  # the document's address on the web, "" when unknown
    pid: int = -1  # the passage's id in its index (internal: not part of the JSON interface)
    doc_id: int = -1  # its document's id in its index (internal)

    def to_json(self) -> dict[str, Any]:
        """The passage as the JSON interface gives it (README: JSON interface)."""
        return {
            "text": self.text,
            "score": round(float(self.score), 4),
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "paragraph": self.paragraph,
            "kind": self.kind,
            "highlight": {"start": self.highlight[0], "end": self.highlight[1]},
            "speaker": self.speaker,
            "date": self.date or None,
            "url": self.url or None,
        }


Hit = Passage  # the name used inside the code base before the public API


@dataclass(frozen=True)
class Answer:
    """The reply to one question: the best passages, or an honest abstention.

    `passages` (best first) is empty when `abstained`; then `reason` says why in one line and
    `nearest` holds the closest passages anyway. `searched` is the question after follow-up resolution.
    """

    question: str  # as the user typed it
    searched: str  # what was searched, after follow-up resolution; == question when unchanged
    abstained: bool
    hits: list[Passage] = field(default_factory=list)  # best first; empty when abstained
    nearest: list[Passage] = field(default_factory=list)  # when abstained: the closest passages anyway
    reason: str = ""  # why the bot abstained, one line
    did_you_mean: str | None = None  # a misspelt name, as the documents spell it (searched so)

    @property
    def passages(self) -> list[Passage]:
        """The answering passages, best first (the same list as `hits`)."""
        return self.hits

    def to_json(self) -> dict[str, Any]:
        """The answer as `qa ask --json` prints it: question, abstained, passages (and reason, nearest)."""
        out: dict[str, Any] = {"question": self.question}
        if self.searched != self.question:
            out["searched"] = self.searched
        out["abstained"] = self.abstained
        out["passages"] = [h.to_json() for h in self.hits]
        if self.abstained:
            out["reason"] = self.reason
            out["nearest"] = [h.to_json() for h in self.nearest]
        if self.did_you_mean:
            out["did_you_mean"] = self.did_you_mean
        return out


@dataclass(frozen=True)
class DocInfo:
    """One document of an index, as `qa docs` lists it."""

    source: str
    title: str
    format: str
    passages: int
    chars: int
    date: str = ""  # publication date (ISO 8601), "" when unknown
    url: str = ""
    author: str = ""
    site: str = ""


@dataclass(frozen=True)
class IndexInfo:
    """What an index holds and how it was built."""

    path: str  # the index folder
    model: str
    format_version: int
    dim: int
    ann: str  # "flat", "hnsw", ...
    size_bytes: int  # on disk, current generation
    built: str  # ISO 8601 UTC
    passages: int
    documents: list[DocInfo] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Every field, as `qa docs --json` prints it: a document's unknown date, url, author or site is
        null, as in the answer JSON (README: JSON interface), not ""."""
        from dataclasses import asdict

        out = asdict(self)
        for doc in out["documents"]:
            for key in ("date", "url", "author", "site"):
                doc[key] = doc[key] or None
        return out


@dataclass(frozen=True)
class SpeakerInfo:
    """A person quoted in the documents, and how often."""

    name: str
    quotes: int
    documents: int
    aliases: tuple[str, ...] = ()
