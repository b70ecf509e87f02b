"""The model's precision: new indexes run the int8 model unless fp32 is asked for; fp32 passage vectors
do not depend on the passages that share their batch (so an fp32 build's batches are cut by tokens,
for memory); an index records its precision in its manifest, and an update keeps the index's own
model, batches and answers (bench/reports/prec22.md)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import embed, hashembed, store
from index.build import build

_NEWS = """Harbour town votes to keep its winter ferry

The council of Port Keld voted on Monday to keep the island ferry running through the winter, after
a petition signed by 3,400 residents.

"We cannot leave the island without a doctor for four months," said councillor Ada Brennan, who
proposed the motion.

The ferry company had asked for a subsidy of 1.2 million crowns. The council agreed to pay half of it
and to review the service in March.

Fishermen on the island said the decision came too late: two boats were already sold to buyers on
the mainland, and the cannery closed its doors in October after forty years.

Keeper's cottage, 14 rooms.
"""


def _paragraphs() -> list[str]:
    return [p.replace("\n", " ") for p in _NEWS.split("\n\n") if p.strip()]


@given(
    st.lists(st.integers(1, 300), max_size=60).map(sorted),
    st.integers(1, 40),
    st.sampled_from([0, 64, 256, 1024]),
)
def test_token_batches_keep_order_count_and_budget(lengths: list[int], size: int, tokens: int) -> None:
    batches = embed.token_batches(lengths, size, tokens)
    assert [i for a, b in batches for i in range(a, b)] == list(range(len(lengths)))
    for a, b in batches:
        assert 0 < b - a <= size
        if tokens and b - a > 1:
            assert (b - a) * lengths[b - 1] <= tokens  # a text over the budget runs alone


def test_token_batches_cut_where_the_next_text_would_pass_the_budget() -> None:
    assert embed.token_batches([10, 10, 20, 30, 300], 32, 60) == [(0, 3), (3, 4), (4, 5)]
    assert embed.token_batches([5] * 5, 2) == [(0, 2), (2, 4), (4, 5)]
    assert embed.token_batches([], 32, 256) == []


def test_the_manifest_records_the_precision_and_an_update_keeps_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_NEWS, encoding="utf-8")
    new, old = tmp_path / "new", tmp_path / "old"
    build([docs], new, model=hashembed.MODEL, cache_dir=tmp_path / "m", quantized=False)
    build([docs], old, model=hashembed.MODEL, cache_dir=tmp_path / "m")
    assert store.open_manifest(new)[1].extra["quantized"] is False
    assert store.open_manifest(old)[1].extra["quantized"] is True  # int8: the default
    (docs / "b.txt").write_text("The cannery reopened in spring.\n", encoding="utf-8")
    for idx, quantized in ((new, False), (old, True)):
        assert build([docs], idx, model=hashembed.MODEL, cache_dir=tmp_path / "m").added == 1
        assert store.open_manifest(idx)[1].extra["quantized"] is quantized


@pytest.mark.slow
def test_an_fp32_passage_s_vector_does_not_depend_on_its_batch_mates(qa_home: Path) -> None:
    """Alone (as a question is embedded), in the build's token-budget batches, and padded in a batch
    of long mates: the same fp32 vector to float rounding (bench/reports/prec22.md: max |diff| ~1e-7
    on SQuAD paragraphs, where int8 moves vectors by up to ~0.03)."""
    from qa import config

    plain = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=False)
    batched = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=False, batched=True)
    texts = _paragraphs()
    long = " ".join(texts * 4)  # past the model's 256 word pieces: every mate padded to it
    alone = np.vstack([plain.encode([t]) for t in texts])
    in_build = np.zeros_like(alone)
    embed.encode_to(batched, texts, lambda at, x: in_build.__setitem__(at, x), int8_tokens=0)
    with_mates = plain.encode([*texts, long, long, long], batch_size=64)[: len(texts)]
    shuffled = plain.encode(texts[::-1], batch_size=2)[::-1]
    for other in (in_build, with_mates, shuffled):
        np.testing.assert_allclose(other, alone, atol=1e-5)
        assert float(np.min(np.sum(other * alone, axis=1))) >= 0.99999


@pytest.mark.slow
def test_an_int8_index_of_earlier_versions_still_answers_and_stays_int8(
    tmp_path: Path, qa_home: Path
) -> None:
    """An index built with int8 (the default) loads the int8 model for its questions,
    answers them, and an update embeds the new passages with int8 (its batches of 32, as before)."""
    from typer.testing import CliRunner

    from cli.main import app
    from qa import config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "keld.txt").write_text(_NEWS, encoding="utf-8")
    idx = tmp_path / "idx"
    build([docs], idx, cache_dir=config.model_cache_dir(), quantized=True)
    runner = CliRunner()
    # A question one passage alone answers: this test is about the int8 model being loaded and kept,
    # not about ranking. "Who proposed the motion to keep the ferry?" sits within 0.01 of the council's
    # own passage, and which comes first moved with the machine (an AMD EPYC with AVX-512 VNNI, round 27).
    r = runner.invoke(app, ["ask", "What did Ada Brennan say about a doctor?", "--index", str(idx), "--json"])
    assert r.exit_code == 0, r.output
    assert "Ada Brennan" in json.loads(r.stdout)["passages"][0]["text"]
    (docs / "more.txt").write_text("The cannery on the island reopened in the spring.\n", encoding="utf-8")
    r = runner.invoke(app, ["index", str(docs), "--index", str(idx), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["embedded"] == 1, r.output
    assert store.open_manifest(idx)[1].extra["quantized"] is True
    r = runner.invoke(app, ["ask", "When did the cannery reopen?", "--index", str(idx), "--json"])
    assert r.exit_code == 0 and "spring" in json.loads(r.stdout)["passages"][0]["text"]
