"""Peak memory of writing an IVF vector index from a row file, on random unit vectors (round 24:
bench/reports/index_scale24.md, section 2). One size a process; FAISS and BLAS are set up first, so
that the peak is the index's own.

    .venv/bin/python bench/ivf_memory.py --n 64857 [--repo /tmp/old-checkout] [--out /tmp/ivf.faiss]

Prints the parameters, the training sample's size and the peak RSS (VmHWM, reset at the start)
over the RSS at the start of the write. Give --repo to measure another checkout's index/vectors.py;
--out keeps the file (cmp two checkouts' files).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.proc_status import status_mb  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=64_857)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo))
    import faiss

    from index import heap, vectors

    with tempfile.TemporaryDirectory() as tmp:
        rows = vectors.RowFile(Path(tmp) / "rows.tmp", args.n, args.dim)
        rng = np.random.default_rng(0)
        for a in range(0, args.n, 4096):
            x = rng.standard_normal((min(4096, args.n - a), args.dim)).astype(np.float32)
            rows.put(np.arange(a, a + len(x)), x / np.linalg.norm(x, axis=1, keepdims=True))
        faiss.IndexFlatIP(args.dim).search(np.zeros((300, args.dim), dtype=np.float32), 1)  # set-up
        del x
        heap.return_freed_memory()
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM
        start = status_mb("VmRSS:")
        params = vectors.choose(args.n)
        vectors.write_from_file(rows, params, args.out or Path(tmp) / "index.faiss")
        peak = status_mb("VmHWM:") - start
    # a small --n gets a flat index (vectors.choose), which has no training sample
    sample = (
        len(vectors._training_rows(args.n, "ivf", params)) * args.dim * 4 / 1e6 if "nlist" in params else 0.0
    )
    print(
        f"{args.repo}: {args.n} vectors, {params}: peak {peak:.1f} MB over the start; sample {sample:.1f} MB"
    )


if __name__ == "__main__":
    main()
