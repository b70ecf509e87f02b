"""One conformance suite for every Embedder: the hash embedder (fast) and the ONNX model (slow).

What the indexer and the query side rely on: shape, dtype, unit rows, order, determinism,
progress reports and token counts. A new embedder is added to EMBEDDERS and must pass unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from index.embed import Embedder
from index.hashembed import HashEmbedder

TEXTS = [
    "The mayor spoke to the council about the budget.",
    "Trams will run on clean power from 2031.",
    "The mayor spoke to the council about the budget.",  # a repeat: the same vector
    "Ferries leave the pier at 07:15.",
]


def _onnx(qa_home: Path) -> Embedder:
    from index.embed import load_embedder
    from qa import config

    return load_embedder(None, config.model_cache_dir(), quantized=True)


EMBEDDERS: list[tuple[str, Callable[[Path], Embedder]]] = [
    ("hash", lambda home: HashEmbedder()),
    ("onnx", _onnx),
]


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(make, id=name, marks=[pytest.mark.slow] if name != "hash" else [])
        for name, make in EMBEDDERS
    ],
)
def embedder(request: pytest.FixtureRequest, qa_home: Path) -> Embedder:
    return request.param(qa_home)  # type: ignore[no-any-return]


def test_describes_itself(embedder: Embedder) -> None:
    assert isinstance(embedder, Embedder)
    assert embedder.name and embedder.fingerprint and embedder.dim > 0 and embedder.max_tokens > 0


def test_unit_rows_in_input_order(embedder: Embedder) -> None:
    vecs = embedder.encode(TEXTS)
    assert vecs.shape == (len(TEXTS), embedder.dim) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vecs[0], vecs[2], atol=1e-6)
    # One by one, the same vectors (int8 models quantise activations per batch: nearly the same).
    one_by_one = np.vstack([embedder.encode([t]) for t in TEXTS])
    assert np.sum(vecs * one_by_one, axis=1).min() > 0.99


def test_related_texts_are_closer(embedder: Embedder) -> None:
    q, near, far = embedder.encode(["What did the mayor tell the council?", TEXTS[0], TEXTS[3]])
    assert float(q @ near) > float(q @ far)


def test_empty_input_and_progress(embedder: Embedder) -> None:
    assert embedder.encode([]).shape == (0, embedder.dim)
    seen: list[int] = []
    embedder.encode(TEXTS * 5, batch_size=3, progress=seen.append)
    assert sum(seen) == len(TEXTS) * 5


def test_token_counts_grow_with_text(embedder: Embedder) -> None:
    short, long = (
        embedder.count_tokens("Trams."),
        embedder.count_tokens("Trams will run on clean power. " * 20),
    )
    assert 0 < short < long


def test_the_query_side_uses_the_embedder_it_is_given(tmp_path: Path, qa_home: Path) -> None:
    """qa.open(..., embedder=...) embeds questions with that embedder (the Embedder seam)."""
    import qa
    from index.hashembed import MODEL

    (tmp_path / "a.txt").write_text("The mayor speaks to the council every Monday.\n", encoding="utf-8")
    qa.build(tmp_path / "a.txt", index=tmp_path / "ix", model=MODEL)

    class Counting(HashEmbedder):
        def __init__(self) -> None:
            super().__init__()
            self.asked: list[str] = []

        def encode(self, texts, **kw):  # type: ignore[no-untyped-def,override]
            self.asked.extend(texts)
            return super().encode(texts, **kw)

    counting = Counting()
    qa.open(tmp_path / "ix", embedder=counting).ask("Who speaks to the council?")
    assert counting.asked == ["Who speaks to the council?"]
    with pytest.raises(qa.IndexIncompatible):  # vectors of another size cannot be compared
        qa.open(tmp_path / "ix", embedder=HashEmbedder(dim=64))
