"""Small value types shared by the indexing pipeline and the query side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

# Passage kinds. "body" is ordinary text; the others are article furniture that
# questions like "who took the photo?" or "when was this updated?" look for.
KINDS = ("body", "headline", "standfirst", "caption", "credit", "dateline", "byline", "footer")


@dataclass(frozen=True)
class DocMeta:
    """What a document says about itself, where known (web pages): shown in citations."""

    title: str = ""
    author: str = ""  # as the page gives it, several names separated by "; "
    date: str = ""  # publication date, ISO 8601 (YYYY-MM-DD)
    url: str = ""
    sitename: str = ""
    description: str = ""

    def to_json(self) -> dict[str, str]:
        """The non-empty fields."""
        return {k: v for k, v in self.__dict__.items() if v}

    @classmethod
    def from_json(cls, data: object) -> DocMeta:
        """Read back `to_json` output; unknown keys and non-string values are ignored."""
        if not isinstance(data, dict):
            return cls()
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known and isinstance(v, str)})


@dataclass(frozen=True)
class SourceText:
    """A document as read from disk: decoded text with normalised newlines."""

    source: str  # absolute path of the file, as indexed
    text: str  # the document's text; passage offsets index into this string
    title: str
    format: str  # "text" | "markdown" | "html"
    sha256: str  # of the decoded text, for incremental re-indexing
    meta: DocMeta = field(default_factory=DocMeta)
    # Paragraphs whose kind the source's markup states (web pages): (start, end, kind) in `text`.
    parts: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why (shown in the summary)."""

    source: str
    reason: str  # one line, e.g. "empty file", "binary file", "over the size limit (25 MB > 20 MB)"
    error: bool = False  # True when the file should have been read but could not (unreadable): exit non-zero


@dataclass(frozen=True, slots=True)
class Chunk:
    """A passage's place in its document: text == document[start:end].

    Slotted: one per passage is held through the whole build, 64 bytes each instead of 352 with a
    __dict__ (sys.getsizeof of the object and its dict), against ~460 characters of text.
    """

    start: int
    end: int
    paragraph: int  # 1-based number of the paragraph the passage starts in
    kind: str = "body"


@dataclass(frozen=True)
class Quote:
    """Someone's words in a document: direct quotation or reported speech."""

    start: int  # span of the quoted words (without the quote marks) in the document text
    end: int
    speaker: str | None  # canonical name within the document ("Barack Obama"), None for an unnamed source
    verb: str  # "said", "told", "insisted", "according to", ...
    direct: bool  # True for "...", False for reported speech
    source: str = ""  # the source as written: "he", "a senior official", "the Kremlin"
    mention_start: int = -1  # span of that source mention in the document text (-1: none)
    mention_end: int = -1


@dataclass(frozen=True)
class Speaker:
    """A person quoted in a document, with every name the document uses for them."""

    name: str  # canonical: the fullest form, e.g. "Vladimir Putin"
    aliases: tuple[str, ...] = field(default_factory=tuple)  # "Putin", "Russian President", ...


class TextSlices(Sequence[str]):
    """Slices of larger texts, cut (and transformed) when asked for: a list of them all would hold
    the text once more in memory (passages for the model and BM25; paragraphs while labelling, 3x
    the text at peak, traced on 1 MB)."""

    def __init__(
        self, spans: list[tuple[str, int, int]], transform: Callable[[str], str] | None = None
    ) -> None:
        self._spans, self._transform = spans, transform

    def __len__(self) -> int:
        return len(self._spans)

    def _one(self, span: tuple[str, int, int]) -> str:
        t, a, b = span
        return t[a:b] if self._transform is None else self._transform(t[a:b])

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._one(x) for x in self._spans[i]]
        return self._one(self._spans[i])
