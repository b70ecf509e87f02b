"""Indexing time of one long line as it grows: the whole build (reading, chunking, structure labels,
quote attribution, BM25, storing), not attribution alone (issue 10, case 17; round 32).

    .venv/bin/python bench/long_line_index.py                  # 16, 64, 256 KB, every variant
    .venv/bin/python bench/long_line_index.py --sizes 16,64 --only brackets

Each variant is one line of the given size written to a file and indexed by `index.build.build` with
the model-free hash embedder (the real model's embedding time is linear in the passages and measured
by bench/index_scale.py), each build in this process after one warm-up build (patterns compiled, modules
loaded). Reported: CPU seconds per build (time.process_time, steadier than wall time on a shared
machine) and, between consecutive sizes, the CPU ratio against the size ratio (4 for 16 -> 64 KB):
linear work keeps the ratio near 4, quadratic work near 16.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def variants(size: int) -> dict[str, str]:
    """One line of about `size` characters per adversarial kind (issue 10 case 17's list).

    Args:
        size: characters wanted.

    Returns:
        name -> text.
    """
    return {
        "letters without spaces": "x" * size,
        "capitals without spaces": "A" * size,
        "all quote marks": '"' * size,
        "alternating quote-a": '"a' * (size // 2),
        "said glued": "said" * (size // 4),
        "Smithsaid glued": "Smithsaid" * (size // 9),
        "quote pairs ''": "''" * (size // 2),
        "curly quotes": "\u201ca\u201d" * (size // 3),
        "brackets": "([{" * (size // 6) + "}])" * (size // 6),
        "he said repeated": "he said " * (size // 8),
        "quote marks and words": '"a" ' * (size // 4),
    }


def build_cpu(text: str, work: Path) -> float:
    """CPU seconds of indexing `text` as one file into a fresh index under `work`."""
    from index.build import build
    from index.hashembed import MODEL

    folder = Path(tempfile.mkdtemp(dir=work))
    (folder / "line.txt").write_text("Harbour notes.\n\n" + text + "\n", encoding="utf-8")
    c0 = time.process_time()
    build([folder], folder / "index", model=MODEL, cache_dir=work / "cache", max_bytes=40 << 20)
    return time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="16,64,256", help="KB, comma-separated")
    ap.add_argument("--only", help="one variant by name")
    a = ap.parse_args()
    sizes = [int(s) * 1024 for s in a.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_cpu(variants(4096)["he said repeated"], work)  # warm-up: imports, patterns
        print(
            f"{'variant':<26}" + "".join(f"{s // 1024:>8} KB" for s in sizes) + "   CPU ratios (size ratio)"
        )
        for name in variants(16):
            if a.only and name != a.only:
                continue
            cpu = [build_cpu(variants(s)[name], work) for s in sizes]
            ratios = [
                f"{cpu[i] / cpu[i - 1]:.2f} ({sizes[i] / sizes[i - 1]:.0f})" if cpu[i - 1] > 0 else "-"
                for i in range(1, len(sizes))
            ]
            print(f"{name:<26}" + "".join(f"{c:>9.2f}s" for c in cpu) + "   " + "  ".join(ratios), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
