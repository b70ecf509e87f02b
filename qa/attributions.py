"""Who said what, as stored in an index: every attribution with its speaker, source and cue.

`qa quotes` reads these; the scorer `../shared/eval/attribution.py --cmd qa` drives it, so the JSON
form (`Attribution.to_json`) is a stable interface. `qa speakers`, passage labels and ranking read
the same rows (qa.engine keeps those with a named speaker).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index import docstore, store
from index.store import DOCSTORE


@dataclass(frozen=True)
class Attribution:
    """One attribution: what was said (a span of the document's text) and who said it."""

    doc: str  # the document's source path as indexed
    start: int  # the content's span in the document's text, without quote marks
    end: int
    text: str  # == document text[start:end]
    speaker: str | None  # canonical person or organisation; None for an unnamed source
    source_text: str | None  # the source as written: "a senior official", "he"
    mention: tuple[int, int] | None  # the source mention the attribution was made from
    verb: str  # the cue: "said", "told", "according to", ...
    direct: bool  # a quotation (in quote marks) rather than reported speech

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "source_text": self.source_text,
            "mention": None if self.mention is None else {"start": self.mention[0], "end": self.mention[1]},
            "verb": self.verb,
            "direct": self.direct,
        }


_UNNAMED_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "critic",
    "critics",
    "diplomat",
    "diplomats",
    "lawmaker",
    "lawmakers",
    "investigator",
    "investigators",
    "prosecutor",
    "prosecutors",
    "authorities",
    "insiders",
    "economists",
    "strategists",
    "observers",
}


def unnamed_source(source: str) -> str:
    """The wording an unnamed source goes by in questions: "a senior official" -> "senior official",
    "US officials" -> "us officials", "officials" -> "officials"; "" when it is no such source
    (a pronoun, an unnamed description such as "the company").

    Args:
        source: the source as written.
    Returns:
        The lower-case key, or "".
    """
    words = re.sub(
        r"^(?:a|an|the|one|some|many|several|two|three|other|most)\s+", "", source.strip().lower()
    ).split()
    if not words or len(words) > _MAX_WORDS:
        return ""
    if (
        DESCRIBED
        and _DESCRIBED.fullmatch(source.strip())
        and not _PREPOSITIONS & set(words)  # "the religious test for refugees" is what was said of
        and any(w not in _stopwords() for w in words)
    ):
        # "the commission", "a voice over", "the company": a body or a voice the text describes
        # without naming it; asked for by that description ("the New Hampshire ballot commission").
        return " ".join(words)
    # The head is the last word before a preposition: "democrats in iowa", "a spokeswoman for
    # oxford university"; a share of a group is the group speaking: "36 percent of democrats".
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    head = words[cut - 1] if cut else ""
    if cut < len(words) and (head in _SHARES or head.rstrip("%").isdigit()):
        head = words[-1]
    return " ".join(words) if head in _heads() and cut <= 4 else ""


_MAX_WORDS = 6
# A described source: a determiner and at most four lower-case words ("the commission", "a voice
# over", "the state election board"); switched off to measure (bench reports in the commit).
DESCRIBED = True
_DESCRIBED = re.compile(r"(?:[Tt]he|[Aa]n?)(?:\s+[a-z][a-z-]*){1,4}")
_PREPOSITIONS = frozenset("of for in at from with".split())
_SHARES = frozenset("percent majority minority plurality half third quarter most many".split())


@functools.cache
def _stopwords() -> frozenset[str]:
    """index.lexical's stop words, imported on first use: `qa --help` loads no numpy."""
    from index.lexical import STOPWORDS

    return frozenset(STOPWORDS)


@functools.cache
def _heads() -> frozenset[str]:
    """The head nouns of an unnamed source: the ones above and the bare sources and group nouns
    index.attribution.words defines for attribution ("republicans", "supporters", "opponents")."""
    from index.attribution.words import BARE_SOURCES, GROUP_NOUNS

    return frozenset(_UNNAMED_HEADS) | frozenset(BARE_SOURCES) | frozenset(GROUP_NOUNS)


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _same_doc(source: str, wanted: str) -> bool:
    """`--doc` names a document by its path as indexed, a path to the same file, or its file name."""
    if source == wanted or os.path.basename(source) == wanted:
        return True
    return os.path.abspath(wanted) == source or os.path.realpath(wanted) == source


def _group_names(
    aliases: dict[tuple[int, str], set[str]], rows: list[docstore.QuoteRow]
) -> dict[str, set[str]]:
    """Each speaker's name -> the keys of every name its person goes by across the documents.

    Each document stores its own form ("Donald J. Trump" in one article, "Donald Trump" in
    another); qa.names.merge joins the forms of one person as `qa speakers` and the ranking do
    (weighted by quotes, as qa.engine), so `--speaker "Donald Trump"` finds both. A document's
    other aliases (a surname, a bound role) stay that document's own.

    Args:
        aliases: (document id, speaker) -> that document's keys for the speaker.
        rows: the stored attributions.
    Returns:
        Speaker name -> the keys of all the names of its merged group (itself included).
    """
    from collections import Counter

    from qa import names

    quoted = [q.speaker for q in rows if q.speaker]
    one = names.merge([*(name for _, name in aliases), *quoted], Counter(quoted))
    keys: dict[str, set[str]] = {}
    for name, canonical in one.items():
        keys.setdefault(canonical, set()).add(_key(name))
    return {name: keys[canonical] for name, canonical in one.items()}


def load(index_dir: Path, doc: str | None = None, speaker: str | None = None) -> list[Attribution]:
    """Every attribution in an index, in document then text order, optionally filtered.

    Args:
        index_dir: the index folder (verified before reading).
        doc: keep only this document (its path as indexed, a path to it, or its file name).
        speaker: keep only attributions to this person: their canonical name, any alias the
            document gives them, another document's form of the same name (qa.names.merge:
            "Donald Trump" finds "Donald J. Trump"'s quotes), or the source as written
            ("officials"); case-insensitive.
    Returns:
        The attributions.
    """
    # The same index `qa ask` answers from, refused where it refuses: one generation pinned (a
    # writer's commit meanwhile cannot prune it), every file's checksum, and the word and vector
    # indexes checked against the passages though they are not read here. A user takes `qa quotes`
    # and `qa ask` to read one index: an index `ask` calls damaged (exit 5, "--rebuild") is not one
    # `quotes` should list quotes from as if it were sound (issue 10; bench/reports/issue10_round33.md).
    from qa.engine import load_search_files, older_word_index, readable_word_index

    with store.pinned(index_dir) as (gen, manifest):
        if not readable_word_index(index_dir, manifest):
            raise older_word_index(index_dir, manifest)
        store.verify(gen, manifest)
        ds = docstore.DocStore.open(gen / DOCSTORE)
        try:
            docs = {d.doc_id: d for d in ds.documents()}
            rows = ds.quotes()
            aliases: dict[tuple[int, str], set[str]] = {}
            for s in ds.speakers():
                aliases.setdefault((s.doc_id, s.name), set()).update(_key(a) for a in (s.name, *s.aliases))
            n_passages = ds.count_passages()
        finally:
            ds.close()
        load_search_files(gen, manifest, n_passages)  # checked, then released
    want = _key(speaker) if speaker else None
    group = _group_names(aliases, rows) if want is not None else {}
    out: list[Attribution] = []
    for q in sorted(rows, key=lambda r: (docs[r.doc_id].source, r.start, r.end)):
        d = docs[q.doc_id]
        if doc is not None and not _same_doc(d.source, doc):
            continue
        if want is not None:
            names = (
                aliases.get((q.doc_id, q.speaker), set()) | group.get(q.speaker, set())
                if q.speaker
                else set()
            )
            if want not in names and want != _key(q.speaker or "") and want != _key(q.source):
                continue
        mention = (q.mention_start, q.mention_end) if q.mention_start >= 0 else None
        out.append(
            Attribution(
                d.source,
                q.start,
                q.end,
                d.text[q.start : q.end],
                q.speaker,
                q.source or None,
                mention,
                q.verb,
                q.direct,
            )
        )
    return out
