"""Peak memory of the BM25 build alone (index.lexical.Lexical.write) over bench/index_scale.py's
synthetic text, and what stays after it.

    python bench/bm25_memory.py [--mb 3] [--repo DIR]

Runs in a fresh process per call: the passages are made and held first, the lemma dictionary
loaded, the heap trimmed, /proc's high-water mark reset; then the build. Prints the peak RSS over
that start, the RSS at its end, the RSS after gc and malloc_trim (what the build left behind), and a
digest of the BM25 files (to compare two versions' outputs). Linux only (/proc, glibc).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_CHILD = r"""
import ctypes, gc, hashlib, json, shutil, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2])
import index_scale
from index import lexical

def rss(key="VmRSS:"):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0

text = index_scale.make_text(float(sys.argv[3]))
lexical.term("said")  # the lemma dictionary, loaded once whatever the size
import bm25s  # noqa: F401
passages = [p for p in text.split("\n\n") if p.strip()]
del text
gc.collect()
ctypes.CDLL(None).malloc_trim(0)
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
start = rss()
folder = Path(tempfile.mkdtemp(prefix="bm25-memory-"))
lexical.Lexical.write(iter(passages), folder)
end, peak = rss(), rss("VmHWM:")
gc.collect()
ctypes.CDLL(None).malloc_trim(0)
left = rss()
digest = hashlib.sha256(b"".join(f.name.encode() + f.read_bytes() for f in sorted(folder.iterdir()))).hexdigest()
shutil.rmtree(folder)
print(json.dumps({"passages": len(passages), "peak_over": round(peak - start, 1), "end_over": round(end - start, 1),
                  "left_over": round(left - start, 1), "files": digest[:16]}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--repo", type=Path, default=REPO, help="the checkout to measure (default: this one)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(args.repo), str(REPO / "bench"), str(args.mb)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
