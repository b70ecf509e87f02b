"""Attributions of a text as plain rows, for the attribution tests' assertions."""

from __future__ import annotations

from index.attribution import analyse
from index.model import Quote

Row = tuple[str | None, str, str, str]  # speaker, source as written, verb, content


def found(text: str) -> list[Row]:
    """(speaker, source as written, verb, content) of every attribution in `text`."""
    _speakers, quotes = analyse(text)
    return [row(text, q) for q in quotes]


def row(text: str, q: Quote) -> Row:
    """One attribution of `text` as a row."""
    return (q.speaker, q.source, q.verb, text[q.start : q.end])


def with_words(text: str, words: str) -> list[Row]:
    """The rows of `text` whose content holds `words`."""
    return [r for r in found(text) if words in r[3]]
