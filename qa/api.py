"""The public Python API: build or open an index, ask it questions, chat with it.

Light to import: the engine, FAISS and the model are loaded by `open`/`build`, not by `import qa`,
so `qa --version` stays instant. The query path never imports torch or sentence-transformers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import BadInput
from qa.attributions import Attribution
from qa.types import Answer, DocInfo, IndexInfo, SpeakerInfo

if TYPE_CHECKING:
    from index.build import BuildReport
    from index.embed import Embedder
    from index.vectorstore import VectorStore
    from qa.engine import Engine
    from qa.session import Conversation as _Session

log = logging.getLogger("qa")

PathLike = str | Path
Notify = Callable[[str], None]


class Index:
    """An opened index. Get one from `qa.open(path)` or `qa.build(paths, index=path)`.

    `ask(question)` answers one question; `chat()` starts a conversation whose follow-ups use
    its history; `documents()`, `speakers()`, `quotes()` and `info()` say what the index holds.
    """

    def __init__(self, engine: Engine, report: BuildReport | None = None) -> None:
        self._engine = engine
        self.path: Path = Path(engine.index_dir)  # the index folder
        self.report = report  # what qa.build did (skipped files, counts), None when only opened

    def __repr__(self) -> str:
        return f"qa.Index({str(self.path)!r}, passages={self._engine.n_passages()})"

    def ask(self, question: str, k: int = 3) -> Answer:
        """Answer one question, on its own (no history).

        Args:
            question: the question, as a user would type it.
            k: how many passages to return at most (1-100).
        Returns:
            qa.Answer: `.passages` best first, or `.abstained` with a one-line `.reason`.
        Raises:
            qa.BadInput: an empty question or k out of range.
        """
        return self.chat().ask(question, k)

    def chat(self) -> Conversation:
        """A new conversation over this index: follow-up questions ("And Putin?") use its history."""
        return Conversation(self)

    def documents(self) -> list[DocInfo]:
        """The indexed documents (source, title, format, passages, chars), as `qa docs` lists them."""
        return self.info().documents

    def info(self) -> IndexInfo:
        """What the index holds and how it was built: model, format, size, date, documents."""
        return self._engine.info()

    def speakers(self) -> list[SpeakerInfo]:
        """People quoted in the documents, most quoted first, as `qa speakers` lists them."""
        return self._engine.speakers()

    def quotes(self, speaker: str | None = None, doc: str | None = None) -> list[Attribution]:
        """Who said what, as `qa quotes` lists it: every attribution, in document and text order.

        Args:
            speaker: keep only this speaker's (canonical name, any alias the documents use, or the
                source as written, such as "officials"), case-insensitively.
            doc: keep only this document (its path as indexed, or its file name).
        Returns:
            The attributions (`qa.Attribution`), with offsets into the document's text.
        Raises:
            qa.BadInput: an empty (or blank) `speaker` or `doc`; None means "any".
        """
        from qa import attributions

        for name, value in (("doc", doc), ("speaker", speaker)):
            if value is not None and not value.strip():
                raise BadInput(
                    f"{name} must name something: an empty {name} would match nothing, or everything"
                )
        return attributions.load(self._engine.index_dir, doc, speaker)


class Conversation:
    """A chat with one index. `ask` answers with the earlier turns in mind; `reset` forgets them."""

    def __init__(self, index: Index) -> None:
        from qa.session import Conversation as Session  # lazy: ranking loads numpy and friends

        self.index = index
        self._session: _Session = Session(index._engine)

    def ask(self, question: str, k: int = 3) -> Answer:
        """Answer `question`, resolving follow-ups ("And Putin?", "Where?") against earlier turns.

        Returns a qa.Answer; `.searched` shows the question as resolved. Raises qa.BadInput.
        """
        if not isinstance(question, str):
            raise BadInput(f"a question must be text, not {type(question).__name__}")
        _check_k(k)
        return self._session.ask(question, k)

    def reset(self) -> None:
        """Forget the earlier turns: the next question stands on its own."""
        self._session.reset()

    @property
    def history(self) -> list[str]:
        """The questions searched so far, as resolved, oldest first."""
        return [t.searched for t in self._session.turns]


def open(  # noqa: A001 - qa.open is the public name the issue asks for
    path: PathLike | None = None,
    *,
    notify: Notify | None = None,
    embedder: Embedder | None = None,
    vector_store: VectorStore | None = None,
) -> Index:
    """Open an index folder for questions.

    Args:
        path: the index folder (made by `qa.build` or `qa index`). None: the default index
            ($QA_INDEX, else the bundled article's index, built on first use; the only case where
            opening writes to disk).
        notify: called with a one-line notice when the default index is built; without it the
            notice is logged on the "qa" logger (level WARNING).
        embedder, vector_store: replace the index's own (the Embedder and VectorStore seams).
    Returns:
        qa.Index.
    Raises:
        qa.IndexMissing, qa.IndexDamaged, qa.IndexIncompatible (all qa.QAError).
    """
    from qa.engine import Engine

    folder = None if path is None else Path(path).expanduser()
    engine = Engine.open(folder, notify=notify or log.warning, embedder=embedder, vector_store=vector_store)
    return Index(engine)


def build(
    paths: PathLike | Sequence[PathLike],
    *,
    index: PathLike | None = None,
    model: str | None = None,
    rebuild: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Index:
    """Index documents into a folder and open it; like `qa index`, re-running updates only what changed.

    Args:
        paths: a file or folder (str or Path), or a list of them: .txt, .md, .html, recursively.
        index: the index folder (created if needed). None: the default index.
        model: a sentence-transformers model name or folder; None: the index's own model, else
            all-MiniLM-L6-v2. "hash-embedder" is a model-free stand-in for tests.
        rebuild: start afresh instead of updating.
        progress: called as progress(stage, done, total) while building.
    Returns:
        qa.Index, with `.report` saying what was added, updated, removed and skipped.
    Raises:
        qa.BadInput (a path that does not exist), qa.IndexLocked, qa.IndexIncompatible, qa.QAError.
    """
    from index.build import build as build_index
    from qa import config

    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not items:
        raise BadInput("no files or folders to index")
    target = Path(index).expanduser() if index is not None else config.default_index_dir()
    report = build_index(
        [str(p) for p in items],
        target,
        model=model,
        cache_dir=config.model_cache_dir(),
        rebuild=rebuild,
        progress=progress,
    )
    return Index(open(target)._engine, report)


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 100:
        raise BadInput(f"k must be a whole number from 1 to 100, not {k!r}")
