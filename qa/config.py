"""Where data, state and caches live. QA_HOME puts all three under one folder (tests, portable use).

A relative QA_HOME or QA_INDEX is taken against the current directory, as git takes GIT_DIR and
SQLite a database path, and made absolute when read: every path handed out names the same folder
whatever directory the process later works in, and messages name it in full. (XDG_DATA_HOME and
its kin are another matter: the XDG spec calls a relative value invalid, and platformdirs ignores it.)
"""

from __future__ import annotations

import os
from pathlib import Path


def _absolute(value: str) -> Path:
    """An environment variable's path, `~` expanded and made absolute against the current directory.

    Args:
        value: the variable's value (not empty).
    Returns:
        The absolute path (not resolved: symlinks are kept as written).
    """
    return Path(os.path.abspath(os.path.expanduser(value)))


def _base(kind: str) -> Path:
    home = os.environ.get("QA_HOME")
    if home:
        return _absolute(home) / kind
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")("qa", appauthor=False))


def data_dir() -> Path:
    """Indexes: user data, kept across upgrades."""
    return _base("data")


def state_dir() -> Path:
    """Chat history: state that is nice to keep but not precious."""
    return _base("state")


def cache_dir() -> Path:
    """Exported ONNX models: rebuilt from the model on demand."""
    return _base("cache")


def model_cache_dir() -> Path:
    """Where models exported to ONNX live, one folder per model fingerprint.

    A folder whose name is not UTF-8 (QA_HOME=$'/tmp/h\\xff': Python keeps such bytes as lone
    surrogates) cannot be handed to the model's libraries, which take paths as UTF-8 strings (the
    ONNX exporter refused it: exit 9, "_export_onnx(): incompatible function arguments"). It is
    then named by an open descriptor (`_utf8_alias`), as the libraries open it through the kernel.
    """
    folder = cache_dir() / "onnx"
    try:
        os.fsencode(folder).decode("utf-8")
    except UnicodeDecodeError:
        return _utf8_alias(folder)
    return folder


def _utf8_alias(folder: Path) -> Path:
    """A UTF-8 name for a folder whose own name is not: /proc/self/fd/N of a descriptor opened on it
    (created first) and kept open for the rest of the process, which alone may name it so.

    Args:
        folder: the folder.

    Returns:
        The alias.

    Raises:
        StorageError: the folder cannot be made or opened, or the system has no /proc/self/fd.
    """
    from index.errors import StorageError

    if not os.path.isdir("/proc/self/fd"):
        raise StorageError(
            f"the model cache {os.fsencode(folder)!r} is not a UTF-8 path, which the model's libraries"
            " need: set QA_HOME to a folder whose name is UTF-8"
        )
    try:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise StorageError(
            f"cannot use the model cache {os.fsencode(folder)!r}: {exc.strerror or exc}"
        ) from None
    return Path(f"/proc/self/fd/{fd}")


def default_index_dir() -> Path:
    """The index used without --index: QA_INDEX, else the bundled article's index in the data folder."""
    env = os.environ.get("QA_INDEX")
    return _absolute(env) if env else data_dir() / "default-index"


def bundled_article() -> Path:
    """The default document, shipped as package data of `index`."""
    from importlib.resources import files

    return Path(str(files("index").joinpath("article.txt")))
