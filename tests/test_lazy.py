"""The lazy-import promise: each command loads only what it uses.

Every check runs the real `qa` entry point in a fresh interpreter that writes the names of its
loaded modules to a file on the way out, so an import anywhere on the path (ours or a library's)
is caught, not just the ones a test happens to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent

# Runs `qa ARGS...` in-process, then dumps sys.modules (also after SystemExit, which typer raises).
WRAPPER = """
import json, sys
out, sys.argv = sys.argv[1], ["qa", *sys.argv[2:]]
code = 0
try:
    from cli.main import run
    run()
except SystemExit as e:
    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
with open(out, "w") as f:
    json.dump(sorted(sys.modules), f)
sys.exit(code)
"""

ML = ("torch", "transformers", "sentence_transformers")
HEAVY = (*ML, "onnxruntime", "faiss", "scipy", "bm25s", "simplemma", "wordfreq", "numpy")


def loaded(tmp_path: Path, qa_home: Path, *args: str, ok: tuple[int, ...] = (0,)) -> set[str]:
    """Top-level packages imported by `qa ARGS...`."""
    out = tmp_path / "modules.json"
    env = dict(os.environ, QA_HOME=str(qa_home), HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO))
    env.pop("QA_INDEX", None)
    r = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(out), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert r.returncode in ok, r.stderr[-2000:]
    return {m.split(".")[0] for m in json.loads(out.read_text())}


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ask", "--help"]])
def test_help_and_version_load_no_ml_library(tmp_path: Path, qa_home: Path, args: list[str]) -> None:
    mods = loaded(tmp_path, qa_home, *args)
    assert "cli" in mods  # the wrapper really ran the entry point
    assert not mods & set(HEAVY), sorted(mods & set(HEAVY))


@pytest.mark.slow
def test_docs_loads_no_torch(tmp_path: Path, qa_home: Path, article_index: Path) -> None:
    mods = loaded(tmp_path, qa_home, "docs", "--index", str(article_index), "--json")
    assert "qa" in mods
    assert not mods & {*ML, "scipy", "bm25s"}, sorted(mods & {*ML, "scipy", "bm25s"})


@pytest.mark.slow
def test_ask_on_an_index_loads_no_torch_bm25s_or_lemmatiser(
    tmp_path: Path, qa_home: Path, article_index: Path
) -> None:
    """The question's words all occur in the article: their terms come from the index's own table."""
    mods = loaded(
        tmp_path, qa_home, "ask", "What did Obama say about Russia?", "--index", str(article_index), "--json"
    )
    assert {"onnxruntime", "qa"} <= mods  # it did answer, with the ONNX model
    bad = {*ML, "scipy", "bm25s", "simplemma"}
    assert not mods & bad, sorted(mods & bad)


@pytest.mark.slow
def test_ask_with_a_word_unknown_to_the_index_still_loads_no_torch(
    tmp_path: Path, qa_home: Path, article_index: Path
) -> None:
    mods = loaded(
        tmp_path,
        qa_home,
        "ask",
        "What did Obama say about the glaciers of Patagonia?",
        "--index",
        str(article_index),
        ok=(0, 1),
    )
    assert "simplemma" in mods  # an unseen word is lemmatised as at indexing time
    assert not mods & {*ML, "scipy", "bm25s"}, sorted(mods & {*ML, "scipy", "bm25s"})


def test_numpy_bm25_scores_equal_bm25s(tmp_path: Path) -> None:
    """The query side scores from bm25s' saved arrays without bm25s: bit for bit the same scores."""
    import bm25s

    from index import lexical
    from index.lexical import Lexical, terms

    passages = [
        "Putin said it was a huge mistake not to cooperate with the Syrian government.",
        "Obama said the United States is prepared to work with Russia and Iran.",
        "At least 250,000 people lost their lives in the four-year-long civil war.",
        "",  # a passage without terms gets bm25s' empty token
        "Russia, Russia and again Russia: the talks went on.",
    ]
    Lexical.build(passages).save(tmp_path / "bm25")
    lex = Lexical.load(tmp_path / "bm25")
    ref = bm25s.BM25.load(str(tmp_path / "bm25"), load_corpus=False, mmap=False, allow_pickle=False)
    for q in ["What did Putin say about Russia?", "Russia Russia", "How many people died?", "cooperate war"]:
        qt = [t for t in terms(q) if lex.known(t)]
        assert qt
        np.testing.assert_array_equal(lex.scores(qt), np.asarray(ref.get_scores(qt), dtype=np.float32))
    assert not lex.scores(["zzzunknown"]).any()
    # The saved table gives each word the term the lemmatiser gives it.
    assert lex.word_terms["lost"] == lexical._term("lost") and lex.word_terms["said"] == lexical._term("said")


# The Python API's query path: `import qa`, open, ask, chat, list; dumps sys.modules at the end.
API = """
import json, sys
out, path = sys.argv[1], sys.argv[2]
import qa
light = sorted(sys.modules)  # what `import qa` alone loads
index = qa.open(path)
answer = index.ask("What did Obama say about Russia?", k=3)
chat = index.chat()
chat.ask("What did Obama say about Assad?"); chat.ask("And Putin?")
index.documents(); index.speakers(); index.quotes()
assert answer.passages, answer
with open(out, "w") as f:
    json.dump({"import": light, "query": sorted(sys.modules)}, f)
"""


def api_loaded(tmp_path: Path, qa_home: Path, index: Path) -> tuple[set[str], set[str]]:
    """Top-level packages loaded by `import qa`, and by the whole API query path."""
    out = tmp_path / "modules.json"
    env = dict(os.environ, QA_HOME=str(qa_home), HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO))
    r = subprocess.run(
        [sys.executable, "-c", API, str(out), str(index)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(out.read_text())
    return ({m.split(".")[0] for m in got["import"]}, {m.split(".")[0] for m in got["query"]})


def test_import_qa_is_light(tmp_path: Path, qa_home: Path, fake_article_index: Path) -> None:
    """`import qa` loads no numpy, FAISS or model runtime; the API's query path no torch."""
    light, query = api_loaded(tmp_path, qa_home, fake_article_index)
    assert not light & set(HEAVY), sorted(light & set(HEAVY))
    assert "faiss" in query  # it did open the index
    assert not query & {*ML, "scipy", "bm25s"}, sorted(query & {*ML, "scipy", "bm25s"})


@pytest.mark.slow
def test_api_query_path_with_the_real_model_loads_no_torch(
    tmp_path: Path, qa_home: Path, article_index: Path
) -> None:
    _, query = api_loaded(tmp_path, qa_home, article_index)
    assert "onnxruntime" in query  # the real model answered, as ONNX
    assert not query & {*ML, "scipy", "bm25s"}, sorted(query & {*ML, "scipy", "bm25s"})
