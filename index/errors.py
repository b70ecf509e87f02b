"""Domain errors. The core raises these; only the CLI turns them into messages and exit codes.

Hints here say what to do in words ("rebuild it from its documents"), never which command to
type: the CLI adds its own commands (cli/main.py), and Python users call `qa.build` instead.
"""

from __future__ import annotations


class QAError(Exception):
    """Base class: a one-line, user-facing message, plus an optional hint naming no command."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class BadInput(QAError):
    """The user's input is unusable: a path that does not exist, an empty question."""


InputError = BadInput  # the name the code base used before the public API (qa.BadInput)


class IndexMissing(QAError):
    """No index at the given location."""


class IndexIncompatible(QAError):
    """The index was built with another model, dimension or a newer format version."""


class IndexDamaged(QAError):
    """A file of the index is truncated, corrupted, or not an index at all."""


class NotAFolder(IndexDamaged):
    """The index path is a file, not a folder: nothing to rebuild there, another path is needed."""


class IndexLocked(QAError):
    """Another process is writing this index."""


class StorageError(QAError):
    """Writing the index failed (disk full, permission); the previous index is intact."""


class ModelError(QAError):
    """The embedding model cannot be loaded or exported."""


class Interrupted(QAError):
    """Ctrl-C or SIGTERM while writing; the previous index is intact."""
