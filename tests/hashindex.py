"""An article of a test's own, indexed with the model-free hash embedder, and a row lookup.

Shared by the ranking tests, which each index one short article they wrote and then look up the
feature row of the passage holding some words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import candidate_features
from qa.engine import Engine


def hash_engine(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> Engine:
    """Index `text` as `<name>.txt` with the hash embedder and open it.

    Args:
        tmp_path_factory: pytest's factory; the index goes in a fresh folder named `name`.
        name: the document's stem and the folder's name.
        text: the article.
    Returns:
        The engine over an index of that one document.
    """
    return hash_engine_of(tmp_path_factory, name, {f"{name}.txt": text})


def hash_engine_of(tmp_path_factory: pytest.TempPathFactory, name: str, docs: dict[str, str]) -> Engine:
    """Index several articles of a test's own with the hash embedder and open the index.

    Args:
        tmp_path_factory: pytest's factory; the index goes in a fresh folder named `name`.
        name: the folder's name.
        docs: file name -> article text, indexed in this order.
    Returns:
        The engine over an index of those documents.
    """
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    root: Path = tmp_path_factory.mktemp(name)
    for file, text in docs.items():
        (root / file).write_text(text, encoding="utf-8")
    build([str(root / f) for f in docs], root / "index", model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(root / "index")


def row(engine: Engine, f: candidate_features.Features, words: str) -> int:
    """The feature row of the first candidate passage holding `words`.

    Args:
        engine: the engine `f` was computed on.
        f: rank.features' output.
        words: text the passage holds.
    Returns:
        The row index in `f`.
    """
    return next(i for i, pid in enumerate(f.pids) if words in engine.passages[pid].text)
