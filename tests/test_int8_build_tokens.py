# ruff: noqa: F811 - the fixtures imported from test_bad_input are parameters here
"""An index records the int8 batching its vectors were made with (manifest extra "int8_build_tokens",
round 33: issue 10 case 16, bench/reports/int8_budget33.md). A new build records embed.INT8_BUILD_TOKENS;
an update embeds under the index's own (absent: 0, the batching before round 33), so that one index
never mixes two batchings; `--rebuild` takes the new default; a hostile value is refused (exit 5).
Documents written here; the hash embedder except where the int8 vectors themselves are the point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_bad_input import (  # noqa: F401 - fixtures
    FAKE,
    base_index,
    generation_digest,
    index_copy,
    invoke,
    one_error_line,
)
from test_hostile_index import reseal

from index import embed, hashembed, store
from index.build import build

_HARBOUR = (
    "The harbour council met on Tuesday to discuss the broken pier.\n\n"
    "Its chair said the repairs would take until the spring.\n"
)
_LIBRARY = "The library reopened after the flood.\n\nVolunteers dried four thousand books in a week.\n"
_WORDS = "the ferry keeper repaired the old pier after the winter storm and the council paid".split()


def _extra(index_dir: Path) -> dict[str, Any]:
    """The current generation's manifest extra."""
    return store.open_manifest(index_dir)[1].extra


def _strip_field(index_dir: Path) -> None:
    """Make the index one built before round 33: no "int8_build_tokens", the manifest resealed."""
    reseal(index_dir, lambda d: d["extra"].pop("int8_build_tokens"))
    assert "int8_build_tokens" not in _extra(index_dir)


def _budgets_used(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the int8 budget every embed.encode_to call of the build is given."""
    used: list[int] = []
    original = embed.encode_to

    def spy(embedder: Any, texts: Any, put: Any, *, int8_tokens: int, progress: Any = None) -> None:
        used.append(int8_tokens)
        original(embedder, texts, put, int8_tokens=int8_tokens, progress=progress)

    monkeypatch.setattr(embed, "encode_to", spy)
    return used


def test_the_default_budget_is_one_the_manifest_accepts() -> None:
    assert 0 <= embed.INT8_BUILD_TOKENS <= store.MAX_INT8_BUILD_TOKENS
    # measured for adoption: 2048, where the bundled article's 20 passages (<= 100 word pieces
    # each) still fit one batch (bench/reports/int8_budget33.md)
    assert embed.INT8_BUILD_TOKENS == 0 or embed.INT8_BUILD_TOKENS >= 20 * 100


def test_a_new_build_records_the_budget_and_an_update_keeps_the_index_s_own(
    qa_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    idx = tmp_path / "index"
    used = _budgets_used(monkeypatch)
    default = embed.INT8_BUILD_TOKENS
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home)
    assert _extra(idx)["int8_build_tokens"] == default
    assert used == [default]

    # The default moves on (a later round): the index's updates keep the batching it was built with.
    monkeypatch.setattr(embed, "INT8_BUILD_TOKENS", default + 512)
    (docs / "library.txt").write_text(_LIBRARY, encoding="utf-8")
    report = build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home)
    assert (report.added, report.unchanged) == (1, 1)
    assert used[-1] == default and _extra(idx)["int8_build_tokens"] == default

    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home, rebuild=True)
    assert used[-1] == default + 512 and _extra(idx)["int8_build_tokens"] == default + 512


def test_an_index_from_before_the_field_is_updated_under_the_old_batching(
    qa_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    idx = tmp_path / "index"
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home)
    _strip_field(idx)
    monkeypatch.setattr(embed, "INT8_BUILD_TOKENS", 2048)  # a budget in force for new indexes
    used = _budgets_used(monkeypatch)
    (docs / "library.txt").write_text(_LIBRARY, encoding="utf-8")
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home)
    assert used == [0]
    assert _extra(idx)["int8_build_tokens"] == 0  # recorded now, still 0
    (docs / "library.txt").write_text(_LIBRARY + "\nIt closes at six.\n", encoding="utf-8")
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home)
    assert used == [0, 0] and _extra(idx)["int8_build_tokens"] == 0
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home, rebuild=True)
    assert used[-1] == embed.INT8_BUILD_TOKENS
    assert _extra(idx)["int8_build_tokens"] == embed.INT8_BUILD_TOKENS


def test_an_update_that_embeds_everything_anew_takes_the_new_default(
    qa_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another precision carries no vector over (build.py `reusable`): nothing to mix, the default."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    idx = tmp_path / "index"
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home, quantized=False)
    _strip_field(idx)
    monkeypatch.setattr(embed, "INT8_BUILD_TOKENS", 2048)  # a budget in force for new indexes
    used = _budgets_used(monkeypatch)
    build([docs], idx, model=hashembed.MODEL, cache_dir=qa_home, quantized=True)
    assert used == [embed.INT8_BUILD_TOKENS]
    assert _extra(idx)["int8_build_tokens"] == embed.INT8_BUILD_TOKENS


@pytest.mark.parametrize(
    "value", [-1, store.MAX_INT8_BUILD_TOKENS + 1, 10**30, 2048.0, "2048", True, None, [2048], {"a": 1}]
)
def test_a_hostile_budget_is_refused(index_copy: Path, tmp_path: Path, value: Any) -> None:
    """Read (`qa ask`, `qa docs`) and update (`qa index`) alike: exit 5, one line, the index as it was."""
    reseal(index_copy, lambda d: d["extra"].update(int8_build_tokens=value))
    before = generation_digest(index_copy)
    more = tmp_path / "more"
    more.mkdir()
    (more / "pier.txt").write_text("The pier was repainted in June.\n", encoding="utf-8")
    commands: list[list[str]] = [
        ["ask", "When was the pier repainted?"],
        ["docs"],
        ["index", str(more), "--model", FAKE],
    ]
    for command in commands:
        r = invoke(*command, "--index", str(index_copy))
        assert r.exit_code == 5, (command, r.stdout, r.stderr)
        line = one_error_line(r)
        assert "int8_build_tokens" in line and "manifest" in line, line
    assert generation_digest(index_copy) == before


@pytest.mark.parametrize("value", [0, 1, 256, 2048, store.MAX_INT8_BUILD_TOKENS])
def test_a_budget_in_range_is_used(index_copy: Path, value: int) -> None:
    reseal(index_copy, lambda d: d["extra"].update(int8_build_tokens=value))
    assert store.open_manifest(index_copy)[1].extra["int8_build_tokens"] == value
    r = invoke("docs", "--index", str(index_copy))
    assert r.exit_code == 0, r.stderr


# --------------------------------------------------------------------------- the real int8 model


def _index_vectors(index_dir: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Every passage's source, text and stored vector (fp16 flat storage, decoded), in pid order."""
    import faiss

    from index import docstore

    gen = store.current(index_dir)
    index = faiss.read_index(str(gen / store.VECTORS))
    with docstore.DocStore.open(gen / store.DOCSTORE) as ds:
        sources = {d.doc_id: d.source for d in ds.documents(texts=False)}
        rows = ds.all_passages()
        texts = [ds.passage_text(p) for p in rows]
        return [sources[p.doc_id] for p in rows], texts, index.reconstruct_n(0, index.ntotal)


def _model_vectors(model: embed.OnnxEmbedder, texts: list[str], budget: int) -> np.ndarray:
    """The build's vectors of `texts` embedded together (in this order) under `budget`."""
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    for rows, x in model.encode_batches(texts, batch_size=embed.BUILD_BATCH, batch_tokens=budget):
        out[rows] = x
    return out


@pytest.mark.slow
def test_a_document_re_added_to_an_old_int8_index_gets_the_old_batching_s_vectors(
    qa_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """int8 vectors depend on their batch mates: a document added to an index built before round 33
    is embedded in batches of 32 texts (budget 0), as the index's other vectors were, not under a
    budget in force for new indexes (2048); `--rebuild` moves the whole index to that one."""
    from qa import config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    idx = tmp_path / "index"
    monkeypatch.setattr(embed, "INT8_BUILD_TOKENS", 0)  # as before round 33
    build([docs], idx, cache_dir=config.model_cache_dir(), quantized=True)
    _strip_field(idx)
    monkeypatch.setattr(embed, "INT8_BUILD_TOKENS", 2048)  # a budget in force for new indexes
    # 40 paragraphs of ~20-200 word pieces (and their overlaps): batches of 32 at budget 0, of fewer
    # at the default
    paragraphs = [" ".join(_WORDS * (1 + i % 12)) + f" on day {i}." for i in range(40)]
    (docs / "b-pier.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    build([docs], idx, cache_dir=config.model_cache_dir())
    assert _extra(idx)["int8_build_tokens"] == 0

    model = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True, batched=True)
    sources, texts, stored = _index_vectors(idx)
    added = [i for i, s in enumerate(sources) if s.endswith("b-pier.txt")]
    assert len(added) >= 40
    new_texts = [texts[i] for i in added]  # the passages the update embedded, in its order
    old, new = _model_vectors(model, new_texts, 0), _model_vectors(model, new_texts, embed.INT8_BUILD_TOKENS)
    fp16 = 2e-3  # the flat index stores fp16: ~5e-4 at these magnitudes
    assert float(np.abs(stored[added] - old).max()) < fp16 / 4
    assert float(np.abs(stored[added] - new).max()) > fp16  # the two batchings do differ here

    build([docs], idx, cache_dir=config.model_cache_dir(), rebuild=True)
    assert _extra(idx)["int8_build_tokens"] == embed.INT8_BUILD_TOKENS
    _sources, texts, stored = _index_vectors(idx)
    assert float(np.abs(stored - _model_vectors(model, texts, embed.INT8_BUILD_TOKENS)).max()) < fp16 / 4
