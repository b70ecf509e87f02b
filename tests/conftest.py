"""Session fixtures: indexes of the bundled article, built once per run with the real model or with
the model-free hash embedder (index/hashembed.py). Tests that need the real model are marked slow."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# One OpenMP thread: FAISS's spinning worker threads made a 1,000-vector HNSW build take 1.5 s instead
# of 0.05 s on the shared 2-core machine (tests/test_vectorstore.py, load average 9). Set before
# faiss is imported; subprocesses inherit it. Timings are never asserted, so nothing else changes.
os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Cache bytecode even under PYTHONDONTWRITEBYTECODE, and choose the Hypothesis profile."""
    # With PYTHONDONTWRITEBYTECODE=1 (set on this machine, common in containers) pytest re-parses and
    # re-rewrites every test module and the whole hypothesis package on each run: 2.6 s of the fast
    # subset's 4.2 s collection CPU. Keep that bytecode in pytest's own cache folder, not the tree;
    # the `qa` subprocesses some tests start (fresh-process checks) share it.
    cache = getattr(config, "cache", None)
    if sys.dont_write_bytecode and cache is not None:
        sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"] = str(cache.mkdir("pycache"))
        sys.dont_write_bytecode = False
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    # Property tests take their example count from a profile: the full run (CI's plain `pytest`) runs
    # 300 per test, the fast subset (`-m "not slow"`) 30, so that it stays under 30 s on a loaded
    # 2-core machine. HYPOTHESIS_PROFILE=full (or --hypothesis-profile full) gives any run the full
    # count. Imported here, after the bytecode setting, so that hypothesis's bytecode is cached too.
    from hypothesis import settings

    settings.register_profile("full", max_examples=300, deadline=None)
    settings.register_profile("fast", max_examples=30, deadline=None)
    if not config.getoption("hypothesis_profile", None):  # the option wins; Hypothesis loads it
        fast = "not slow" in (config.getoption("markexpr", "") or "")
        settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("fast" if fast else "full"))


@pytest.fixture(scope="session", autouse=True)
def one_click_command_per_app() -> Iterator[None]:
    """typer's CliRunner turns the Typer app into a click command on every invoke: 9 ms of signature
    evaluation each, about 3 s over the fast subset's 350 invokes. Build it once per app instead,
    as the installed `qa` does once per process. (typer.testing looks the builder up by this name;
    if a typer release renames it, this does nothing.)"""
    import typer.testing

    build = typer.testing._get_command
    built: dict[int, tuple[object, object]] = {}

    def cached(app):  # type: ignore[no-untyped-def]
        if id(app) not in built:
            built[id(app)] = (app, build(app))  # the app is kept so that its id stays unique
        return built[id(app)][1]

    typer.testing._get_command = cached
    yield
    typer.testing._get_command = build


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
def fake_article_index(qa_home: Path) -> Path:
    """An index of the bundled article built with the model-free hash embedder: for tests of
    commands, formats and errors rather than of ranking quality (milliseconds, no model)."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    target = qa_home / "fake-article-index"
    build([config.bundled_article()], target, model=MODEL, cache_dir=config.model_cache_dir())
    return target


@pytest.fixture(scope="session")
def article_engine(article_index: Path):  # type: ignore[no-untyped-def]
    from qa.engine import Engine

    return Engine.open(article_index)
