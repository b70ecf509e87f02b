"""The build's session runs the model's attention one text at a time (index/looped.py) with
onnxruntime's memory patterns off: the same vectors as the query side's session, a fraction of its
working memory on long batches (issue 10, case 16; bench/reports/mem21.md). Texts written here; no
timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index import embed, looped

_REPORT = """Harbour ferry cut for the winter

The council voted on Tuesday to stop the island ferry from November until March, after the storms of
last year left the pier at Kettle Point unsafe for the 212 passengers a day who used it.

"We cannot ask the crew to tie up at a pier that moves," the harbour master, Ines Varga, said.

Repairs are estimated at 4.3 million, of which the regional fund pays 60 per cent.

Islanders said the decision was taken without them. A petition signed by 1,450 residents asks for a
smaller boat to run twice a week.
"""


def _attention_graph(*, shared_softmax: bool = False) -> bytes:
    """A graph of one attention core, as the exported model has six: scores, scale, mask, softmax,
    weighted values; with `shared_softmax` its weights are an output too (not rewritable)."""
    from onnx import TensorProto, helper

    f = TensorProto.FLOAT
    nodes = [
        helper.make_node("MatMul", ["q", "kt"], ["s"]),
        helper.make_node("Mul", ["s", "c"], ["ss"]),
        helper.make_node("Add", ["ss", "mask"], ["sm"]),
        helper.make_node("Softmax", ["sm"], ["p"], axis=-1),
        helper.make_node("MatMul", ["p", "v"], ["out"]),
    ]
    outputs = [helper.make_tensor_value_info("out", f, None)]
    if shared_softmax:
        outputs.append(helper.make_tensor_value_info("p", f, None))
    graph = helper.make_graph(
        nodes,
        "attention",
        [helper.make_tensor_value_info(n, f, ["b", None, None, None]) for n in ("q", "kt", "v", "mask")],
        outputs,
        initializer=[helper.make_tensor("c", f, [], [0.125])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    return bytes(model.SerializeToString())


def _run(model: bytes, feed: dict[str, np.ndarray]) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    return np.asarray(session.run(["out"], feed)[0])


def test_an_attention_core_becomes_a_loop_over_the_texts_with_the_same_result() -> None:
    import onnx

    rng = np.random.default_rng(3)
    batch, heads, tokens, width = 5, 3, 7, 4
    mask = np.zeros((batch, 1, tokens, tokens), np.float32)
    mask[1, :, :, 5:] = np.finfo(np.float32).min  # a padded text
    feed = {
        "q": rng.standard_normal((batch, heads, tokens, width), np.float32),
        "kt": rng.standard_normal((batch, heads, width, tokens), np.float32),
        "v": rng.standard_normal((batch, heads, tokens, width), np.float32),
        "mask": mask,
    }
    model = onnx.load_from_string(_attention_graph())
    assert looped.loop_attention(model) == 1
    assert [n.op_type for n in model.graph.node] == ["Scan"]
    np.testing.assert_allclose(
        _run(model.SerializeToString(), feed), _run(_attention_graph(), feed), atol=1e-6
    )


def test_an_attention_whose_weights_are_read_elsewhere_is_left_alone() -> None:
    import onnx

    model = onnx.load_from_string(_attention_graph(shared_softmax=True))
    assert looped.loop_attention(model) == 0
    assert [n.op_type for n in model.graph.node] == ["MatMul", "Mul", "Add", "Softmax", "MatMul"]


def _passages() -> list[str]:
    """The report's paragraphs and sentences, and long ones made of them (padding in every batch)."""
    paras = [p.replace("\n", " ") for p in _REPORT.split("\n\n") if p.strip()]
    sentences = [s.strip() + "." for p in paras for s in p.split(". ") if s.strip()]
    return paras + sentences + [" ".join(paras * k) for k in (2, 3, 4)]


@pytest.mark.slow
@pytest.mark.parametrize("quantized", [True, False], ids=["int8", "fp32"])
def test_the_build_s_session_gives_the_query_session_s_vectors(qa_home: Path, quantized: bool) -> None:
    """The looped graph (written beside the model on first use, reused after) and the query's
    session give the same vectors for the same batches: cosine >= 0.9999 is the requirement (bit
    for bit is what the machine of bench/reports/mem21.md gives)."""
    from qa import config

    plain = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=quantized)
    batched = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=quantized, batched=True)
    name = (embed.INT8_FILE if quantized else embed.MODEL_FILE).removesuffix(".onnx") + embed.LOOPED_SUFFIX
    written = batched.folder / name
    assert (
        written.is_file()
        and written.read_bytes() != (plain.folder / name.replace(".looped", "")).read_bytes()
    )
    texts = _passages()
    a = plain.encode(texts, batch_size=embed.BUILD_BATCH)
    b = np.zeros_like(a)
    embed.encode_to(batched, texts, lambda at, x: b.__setitem__(at, x), int8_tokens=0)
    assert float(np.min(np.sum(a * b, axis=1))) >= 0.9999
    np.testing.assert_allclose(a, b, atol=1e-3)
    stamp = written.stat().st_mtime_ns
    embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=quantized, batched=True)
    assert written.stat().st_mtime_ns == stamp  # made once


@pytest.mark.slow
def test_a_rewrite_that_would_change_the_vectors_is_not_used(
    qa_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """If the rewrite's check fails, the build's session runs the model's own graph; an export
    folder that cannot be written loads the model's own graph too."""
    import shutil

    from qa import config

    folder = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True).folder
    copy = tmp_path / "export"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("*" + embed.LOOPED_SUFFIX))
    monkeypatch.setattr(embed, "_same_vectors", lambda *a: False)
    meta = json.loads((copy / embed.META_FILE).read_text())
    used = embed._looped_file(copy, copy / embed.INT8_FILE, meta)
    assert used.read_bytes() == (copy / embed.INT8_FILE).read_bytes()
    (copy / used.name).unlink()

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(embed.os, "replace", refuse)  # (as root a read-only folder is still writable)
    assert embed._looped_file(copy, copy / embed.INT8_FILE, meta) == copy / embed.INT8_FILE
    assert not list(copy.glob(".*.tmp"))


_PEAK = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from index import embed
def hwm():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:"))
e = embed.OnnxEmbedder.from_cache(sys.argv[2], quantized=True, batched=sys.argv[3] == "1")
e.encode(["warm up the model once"])
embed.BUILD_BATCH = 16  # two batches of one shape: the second is where memory patterns are used
texts = [" ".join(f"pier{i} tide{j}" for j in range(60)) for i in range(32)]  # 32 x 256 word pieces
base = hwm()
embed.encode_to(e, texts, lambda at, x: None, int8_tokens=0)  # 32 x 256 in one batch
print(json.dumps(hwm() - base))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only: reads the peak resident size")
def test_the_build_s_session_needs_a_fraction_of_the_working_memory(qa_home: Path) -> None:
    """Two batches of 16 texts of the model's longest (256 word pieces), each session in a fresh
    process: peak RSS over the warmed model, measured 244 -> 78 MB (one batch of 32: 243 -> 149;
    bench/embed_arena.py, two batches of 32: 533 -> 154; bench/reports/mem21.md); asserted: under
    half."""
    from qa import config

    folder = embed.OnnxEmbedder.load(None, config.model_cache_dir(), quantized=True, batched=True).folder
    root = str(Path(__file__).resolve().parent.parent)
    peaks = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _PEAK, root, str(folder), flag],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for flag in ("0", "1")
    ]
    plain, batched = peaks
    # the plain session's: 16 x 12 heads x 256^2 scores (50 MB a tensor), and its memory patterns
    assert plain > 60, peaks
    assert batched < plain / 2, peaks
