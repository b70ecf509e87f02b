"""Session fixtures: the real model and a real index of the bundled article, built once per run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def qa_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private QA_HOME for the whole run; the ONNX export cache is shared by every test."""
    home = tmp_path_factory.mktemp("qa-home")
    old = os.environ.get("QA_HOME")
    os.environ["QA_HOME"] = str(home)
    os.environ.pop("QA_INDEX", None)
    yield home
    if old is None:
        os.environ.pop("QA_HOME", None)
    else:
        os.environ["QA_HOME"] = old


@pytest.fixture(scope="session")
def article_index(qa_home: Path) -> Path:
    """An index of the bundled article, built with the real model."""
    from index.build import build
    from qa import config

    target = qa_home / "article-index"
    build([config.bundled_article()], target, cache_dir=config.model_cache_dir())
    return target


@pytest.fixture(scope="session")
def article_engine(article_index: Path):  # type: ignore[no-untyped-def]
    from qa.engine import Engine

    return Engine.open(article_index)
