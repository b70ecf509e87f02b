"""The model's attention run one text of a batch at a time: an ONNX graph rewrite for the build.

A transformer's self-attention makes a scores tensor of batch x heads x tokens x tokens (float32),
and onnxruntime holds several of them at once while it runs a layer: at 32 texts of 256 tokens one
is 100 MB, and the build's embedding peaked 270-530 MB over the loaded model on them (bench/
reports/mem21.md). Everything else in the model is linear in the batch's tokens. The scores of one
text never meet another's, so the rewrite replaces each layer's attention core

    MatMul(q, kᵀ) -> Mul or Div by a constant -> Add(mask) -> Softmax -> MatMul(·, v)

with an ONNX Scan over the batch axis whose body is the same five operations on one text: its
scores are heads x tokens x tokens (3 MB at 256 tokens). The linear layers, and with them the int8
model's dynamic quantisation (ONE scale per tensor over the whole batch, so a text's vector depends
on its batch mates: bench/reports/index_scale.txt, fifteenth pass), still run on the whole batch,
so the batches and the vectors stay what they were (bit for bit on this machine; index.embed checks
each rewrite when it writes it). A graph whose attention does not have this shape is left as it is.

Only attention cores whose inputs are known (by ONNX shape inference) to be of rank 4 (batch x
heads x tokens x width, and the mask batch x 1 x tokens x tokens) are rewritten: a Scan's body
must know its ranks. Only `onnx` is imported (the graph's protobuf), and only when a rewrite is made: once per model, by
the first build (index.embed writes the result beside the exported model).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onnx import ModelProto, NodeProto

_SCALES = ("Mul", "Div")


def _attention_core(
    softmax: NodeProto,
    producer: dict[str, NodeProto],
    consumers: dict[str, list[NodeProto]],
    outputs: set[str],
) -> tuple[NodeProto, NodeProto, NodeProto, NodeProto] | None:
    """The nodes around `softmax` that make one attention core, or None if they are another shape.

    Args:
        softmax: a Softmax node.
        producer: node by the name of each output it makes.
        consumers: nodes by the name of each input they read.
        outputs: the graph's output names.

    Returns:
        (scores MatMul, scaling Mul/Div, mask Add, output MatMul), or None.
    """
    axis = [a.i for a in softmax.attribute if a.name == "axis"]
    if axis not in ([-1], [3]):
        return None
    add = producer.get(softmax.input[0])
    scale = producer.get(add.input[0]) if add is not None and add.op_type == "Add" else None
    scores = producer.get(scale.input[0]) if scale is not None and scale.op_type in _SCALES else None
    after = consumers.get(softmax.output[0], [])
    if scores is None or scores.op_type != "MatMul" or len(after) != 1 or after[0].op_type != "MatMul":
        return None
    assert add is not None and scale is not None
    # each intermediate must feed only the next step: nothing else may read what the Scan hides
    for node in (scores, scale, add, softmax):
        if len(consumers.get(node.output[0], [])) != 1 or node.output[0] in outputs:
            return None
    return scores, scale, add, after[0]


def _ranks(model: ModelProto) -> dict[str, int]:
    """The rank of each float32 tensor of `model` whose rank its shape inference knows.

    Args:
        model: the model, shapes inferred.

    Returns:
        rank by tensor name.
    """
    from onnx import TensorProto

    graph = model.graph
    out: dict[str, int] = {}
    for info in (*graph.input, *graph.value_info, *graph.output):
        t = info.type.tensor_type
        if t.elem_type == TensorProto.FLOAT and t.HasField("shape"):
            out[info.name] = len(t.shape.dim)
    return out


def loop_attention(model: ModelProto) -> int:
    """Rewrite `model` in place: each attention core found becomes a Scan over the batch axis.

    Args:
        model: the ONNX model (its main graph is rewritten; nodes keep their order).

    Returns:
        How many attention cores were rewritten (0: the graph is unchanged).
    """
    from onnx import TensorProto, helper, shape_inference

    graph = model.graph
    ranks = _ranks(shape_inference.infer_shapes(model))
    producer = {o: n for n in graph.node for o in n.output}
    consumers: dict[str, list[NodeProto]] = {}
    for n in graph.node:
        for name in n.input:
            consumers.setdefault(name, []).append(n)
    replaced: dict[int, NodeProto] = {}  # id of the output MatMul -> its Scan
    removed: set[int] = set()
    count = 0
    for node in list(graph.node):
        if node.op_type != "Softmax":
            continue
        core = _attention_core(node, producer, consumers, {o.name for o in graph.output})
        if core is None:
            continue
        scores, scale, add, out = core
        q, kt = scores.input
        v, mask, factor = out.input[1], add.input[1], scale.input[1]
        # onnxruntime needs the body's ranks: one text's q, kᵀ, v and mask (heads x tokens x width)
        if any(ranks.get(name) != 4 for name in (q, kt, v, mask)):
            continue
        p = f"looped{count}_"
        body = helper.make_graph(
            [
                helper.make_node("MatMul", [p + "q", p + "kt"], [p + "scores"]),
                helper.make_node(scale.op_type, [p + "scores", factor], [p + "scaled"]),
                helper.make_node("Add", [p + "scaled", p + "mask"], [p + "masked"]),
                helper.make_node("Softmax", [p + "masked"], [p + "weights"], axis=-1),
                helper.make_node("MatMul", [p + "weights", p + "v"], [p + "out"]),
            ],
            f"attention_of_one_text_{count}",
            [
                helper.make_tensor_value_info(p + x, TensorProto.FLOAT, [None] * 3)
                for x in ("q", "kt", "v", "mask")
            ],
            [helper.make_tensor_value_info(p + "out", TensorProto.FLOAT, [None] * 3)],
        )
        replaced[id(out)] = helper.make_node(
            "Scan",
            [q, kt, v, mask],
            [out.output[0]],
            name=f"looped_attention_{count}",
            body=body,
            num_scan_inputs=4,
        )
        removed |= {id(scores), id(scale), id(add), id(node)}
        count += 1
    if count:
        # The Scan takes the output MatMul's place: all its inputs are made before that point.
        nodes = [replaced.get(id(n), n) for n in graph.node if id(n) not in removed]
        del graph.node[:]
        graph.node.extend(nodes)
    return count
