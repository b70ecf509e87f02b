"""Where a build's resident memory sits at each stage: glibc's heap (in use, free) and its mmap'd
blocks, and CPython's small-object allocator (pymalloc: its 1 MiB arenas and the bytes in use in
them). Made to tell whether another malloc_trim between stages could lower the peak (issue 10,
case 16; bench/reports/issue10_round33c.md).

    .venv/bin/python bench/heap_stages.py INPUT INDEX_DIR [--quotes]

INPUT is a file or a folder (bench/index_scale.py writes the same texts: make_text, split_into_files);
the hash embedder at 384 dims, as index_scale.py's default. Linux and glibc only (mallinfo2, /proc).
glibc's free heap is given back by the build's malloc_trim calls (index/heap.py) and is not resident;
pymalloc's arenas are returned only when every block in them is free, so their free space stays
resident: RssAnon ~ the baseline's + the growth of the arenas + the growth of glibc's heap in use.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class _MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2 (size_t fields)."""

    _fields_ = [
        (n, ctypes.c_size_t)
        for n in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
    ]


def _status_mb(key: str) -> float:
    """A /proc/self/status field in MB (0 when absent)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0


def _pymalloc() -> tuple[int, int]:
    """(arenas allocated now, bytes in allocated blocks) from sys._debugmallocstats (stderr)."""
    saved = os.dup(2)
    with tempfile.TemporaryFile() as f:
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        txt = f.read().decode(errors="replace")

    def num(pattern: str) -> int:
        m = re.search(pattern, txt)
        return int(m.group(1).replace(",", "")) if m else 0

    return num(r"# arenas allocated current\s*=\s*([\d,]+)"), num(
        r"# bytes in allocated blocks\s*=\s*([\d,]+)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("index", type=Path)
    ap.add_argument("--quotes", action="store_true", help="quote attribution on (`qa index`'s default)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from index import build, embed, hashembed, lexical, vectors
    from qa import config

    hashembed.DIM = 384  # as bench/index_scale.py: the vectors weigh what the real model's do
    hashembed.HashEmbedder.__init__.__defaults__ = (384,)  # type: ignore[misc]
    if not args.quotes:
        build._attributions = lambda *a, **k: ([], [])  # type: ignore[assignment]
    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = _MallInfo2

    def show(label: str) -> None:
        m = libc.mallinfo2()
        arenas, used = _pymalloc()
        print(
            f"{label:24} RSS {_status_mb('VmRSS:'):6.1f} anon {_status_mb('RssAnon:'):6.1f} | glibc heap"
            f" {m.arena / 1e6:5.1f} in use {m.uordblks / 1e6:5.1f} free {m.fordblks / 1e6:5.1f} mmap"
            f" {m.hblkhd / 1e6:5.1f} | pymalloc arenas {arenas * 1.048576:5.1f} in use {used / 1e6:5.1f} MB",
            flush=True,
        )

    # The baseline of index_scale.py: the build's model loaded and used once, the lemmas, FAISS.
    emb = embed.load_embedder(hashembed.MODEL, config.model_cache_dir(), batched=True)
    emb.encode(["warm up the model once"])
    lexical.term("said")
    import faiss  # noqa: F401

    del emb
    show("baseline")
    current = [""]

    def tick(stage: str, done: int, total: int) -> None:
        if stage == "storing":
            stage = "storing:" + (*build.STORING, "commit")[min(done, 3)]
        if stage != current[0]:
            show("start " + stage)
            current[0] = stage

    write_from_file = vectors.write_from_file

    def traced_write(*a, **k):  # the peak of a folder's build (issue10_round33.md): FAISS's write
        write_from_file(*a, **k)
        show("vectors written")

    vectors.write_from_file = traced_write  # type: ignore[assignment]
    build.build(
        [args.input],
        args.index,
        model=hashembed.MODEL,
        cache_dir=config.model_cache_dir(),
        max_bytes=40 * 1024 * 1024,
        progress=tick,
    )
    show("end")
    print(f"peak RSS (VmHWM) {_status_mb('VmHWM:'):.1f} MB")


if __name__ == "__main__":
    main()
