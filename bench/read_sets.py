"""The read sets, for the Python measuring scripts: their names, gold files and indexes.

The read sets are the question sets the fixes may be developed on: news-dev, seed_dev, the bundled
article's held-out sets h1-h20, the news held-out sets nh1-nh19 (documents written out by
bench/news_heldout_docs.py) and the paraphrase fit set. The blind sets are refused by name. bench/
read_sets.sh scores the same sets end to end through `qa chat --json`, with the same index layout,
so an index folder it built (${TMPDIR:-/tmp}/rs-TAG) serves these scripts too, and it takes its set
lists from this module (`python bench/read_sets.py names|blind|article|news`), so opening a blind
pair is one edit here.

Opened so far: h10/nh9 in round 21, h11/nh10 in 22, h12/nh11 in 23, h13/nh12 in 24, h14/nh13 in 25,
h15/nh14 in 26,
h16/nh15 in 28, h17/nh16 in 30, h18/nh17 in 32, h19/nh18 in 33,
h20/nh19 in 34 (each after judging two or more rounds blind).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "bench" / "data"
LAST_READ_ARTICLE = 20  # h1..h20 are read sets; the next three numbers are blind (written or to be)
LAST_READ_NEWS = 19  # nh1..nh19 (nh1 is spelt "nh"); the next three are blind
BLIND = {
    *(f"h{LAST_READ_ARTICLE + k}" for k in (1, 2, 3)),
    *(f"nh{LAST_READ_NEWS + k}" for k in (1, 2, 3)),
}
ARTICLE = [f"h{i}" for i in range(1, LAST_READ_ARTICLE + 1)]
NEWS = ["nh", *[f"nh{i}" for i in range(2, LAST_READ_NEWS + 1)]]
ALL = ["newsdev", "seed", *ARTICLE, *NEWS, "para"]


def misses_in(results: Path, outcome: str) -> list[tuple[str, str]]:
    """The (set, id) of every line with one outcome in a bench/read_sets.sh results file, in file
    order (written with --show-misses, each set under its "== SET" line).

    Args:
        results: the results.txt.
        outcome: "abstained" (an answerable question declined), "answered" (an unanswerable one
            answered), "missed", or "rank".
    Returns:
        The questions with that outcome.
    """
    out: list[tuple[str, str]] = []
    cur = ""
    for line in results.read_text(encoding="utf-8").splitlines():
        m = re.match(r"== (\S+)", line)
        if m:
            cur = m.group(1)
            continue
        m = re.match(rf"\s+(\S+)\s+{re.escape(outcome)}\s", line)
        if m and cur:
            out.append((cur, m.group(1)))
    return out


def declined_in(results: Path) -> list[tuple[str, str]]:
    """The answerable questions declined in a results file (its "abstained" lines; unanswerable
    questions declined as they should be are not listed there), in file order.

    Args:
        results: the results.txt.
    Returns:
        The (set, id) pairs.
    """
    return misses_in(results, "abstained")


def gold_file(name: str) -> Path:
    """The gold JSONL of a read set; a blind set stops the run.

    Args:
        name: a set name of ALL.
    Returns:
        Its path.
    """
    if name in BLIND:
        raise SystemExit(f"refusing blind set {name}")
    if name == "newsdev":
        return SHARED_EVAL / "news-dev" / "gold.jsonl"
    if name == "seed":
        return SHARED_EVAL / "seed_dev.jsonl"
    if name == "para":
        return DATA / "paraphrase_fit.jsonl"
    if name.startswith("nh"):
        return DATA / f"news_heldout{name[2:]}.jsonl"
    n = name[1:]
    return DATA / f"article_heldout{'' if n == '1' else n}.jsonl"


def index_for(name: str, root: Path) -> Path | None:
    """The index a set is asked of, built under `root` where missing (bench/read_sets.sh's layout:
    news-dev in `nd`, the others under their own name); None: the bundled article's default index.

    Args:
        name: a set name of ALL.
        root: where the indexes live.
    Returns:
        The index folder, or None for seed and the article sets.
    """
    if name == "seed" or (name.startswith("h") and name[1:].isdigit()):
        return None
    idx = root / ("nd" if name == "newsdev" else name)
    if idx.is_dir() and any(idx.iterdir()):
        return idx
    py, env = sys.executable, {**os.environ, "PYTHONPATH": str(ROOT)}
    if name == "newsdev":
        docs = [str(SHARED_EVAL / "news-dev" / "docs")]
    elif name == "para":
        docs = [str(ROOT / "index" / "article.txt"), str(DATA / "articles")]
    else:
        d = root / f"{name}-docs"
        extra = ["--set", name[2:]] if name[2:] else []
        subprocess.run(
            [py, str(ROOT / "bench" / "news_heldout_docs.py"), *extra, str(d)],
            check=True,
            env=env,
            capture_output=True,
        )
        docs = [str(d)]
    subprocess.run(
        [py, "-m", "cli.main", "index", *docs, "--index", str(idx)], check=True, env=env, capture_output=True
    )
    return idx


def main(argv: list[str]) -> int:
    """Print a set list for bench/read_sets.sh, space-separated.

    Args:
        argv: one of "names" (every read set, in scoring order), "blind", "article", "news".
    Returns:
        The exit code: 0, or 2 for an unknown list.
    """
    lists = {"names": ALL, "blind": sorted(BLIND), "article": ARTICLE, "news": NEWS}
    if len(argv) != 1 or argv[0] not in lists:
        print(f"usage: read_sets.py {{{'|'.join(lists)}}}", file=sys.stderr)
        return 2
    print(" ".join(lists[argv[0]]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
