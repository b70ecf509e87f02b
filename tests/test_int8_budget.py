"""The int8 build's token budget (encode_to's `int8_tokens`: measured in round 32,
bench/reports/int8_budget32.md; new indexes at embed.INT8_BUILD_TOKENS since round 33, an index's
updates at its own, tests/test_int8_build_tokens.py): at 0 the build's vectors are those of batches
of embed.BUILD_BATCH texts, bit for bit; above, its batches stop at the budget's padded word pieces,
and the vectors are those of such batches. Texts written here; the real model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import embed

_WORDS = "the ferry council met at the harbour after the storm and the keeper repaired the pier".split()


def _texts() -> list[str]:
    """40 texts of ~20-120 word pieces, lengths mixed so that the budget splits the batches."""
    return [" ".join(_WORDS * (1 + i % 7)) + f" on day {i}." for i in range(40)]


def _build(model: embed.OnnxEmbedder, texts: list[str], budget: int) -> tuple[np.ndarray, list[np.ndarray]]:
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    batches: list[np.ndarray] = []

    def put(at: np.ndarray, x: np.ndarray) -> None:
        out[at] = x
        batches.append(at)

    embed.encode_to(model, texts, put, int8_tokens=budget)
    return out, batches


@pytest.mark.slow
def test_budget_0_keeps_the_int8_vectors_bit_for_bit(qa_home: Path) -> None:
    """At 0 (indexes from before round 33) the build's vectors are `encode(batch_size=BUILD_BATCH)`'s,
    bit for bit; at 256 its batches hold at most 256 padded word pieces, their vectors are those of
    `encode_batches` under that budget, and they differ from the unbudgeted ones (int8's activation
    scale is its whole batch's)."""
    from qa import config

    model = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True, batched=True)
    texts = _texts()
    off, off_batches = _build(model, texts, 0)
    np.testing.assert_array_equal(off, model.encode(texts, batch_size=embed.BUILD_BATCH))
    assert max(len(b) for b in off_batches) == embed.BUILD_BATCH

    on, on_batches = _build(model, texts, 256)
    want = np.zeros_like(on)
    for rows, x in model.encode_batches(texts, batch_size=embed.BUILD_BATCH, batch_tokens=256):
        want[rows] = x
    np.testing.assert_array_equal(on, want)
    lengths = [model.count_tokens(t) for t in texts]
    assert len(on_batches) > len(off_batches)
    for rows in on_batches:
        assert len(rows) * max(min(lengths[i], model.max_tokens) for i in rows) <= 256
    assert float(np.abs(on - off).max()) > 1e-4
    assert float(np.min(np.sum(on * off, axis=1))) > 0.95  # the same texts' vectors, rescaled


@pytest.mark.slow
def test_the_int8_budget_does_not_touch_the_fp32_build(qa_home: Path) -> None:
    """The fp32 build keeps its own budget (embed.BUILD_TOKENS) whatever the int8 budget is."""
    from qa import config

    model = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=False, batched=True)
    texts = _texts()
    before, before_batches = _build(model, texts, 0)
    after, after_batches = _build(model, texts, 2048)
    np.testing.assert_array_equal(after, before)
    assert [list(b) for b in after_batches] == [list(b) for b in before_batches]
