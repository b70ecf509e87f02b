"""How attribution time grows with the input: a news article repeated, and one unbroken line.

    python bench/attribution_speed.py            # sizes 16 KB .. 1 MB, prints seconds and the ratio
    python bench/attribution_speed.py --max-kb 256
    python bench/attribution_speed.py --only "real news"   # PolNeAR train articles from ../shared
    python bench/attribution_speed.py --subject-reach       # origin of attributor.SUBJ_MAX_CHARS

Linear time means doubling the size about doubles the seconds (ratio ~2). CPU seconds are printed
beside wall seconds: on a shared machine the wall clock measures the neighbours too. Patterns are
compiled before timing (a cold process spends about a second on that, whatever the size).
Real news ran quadratic in the number of people until persons were indexed by surname: 1 MB of
concatenated PolNeAR train articles took 50 s, 26 s after (wall, at load 15; 4.4 CPU seconds now:
bench/reports/attribution_speed.txt). The quadratic quote regexes this replaced took 15 s on a 32 KB line without spaces, 29 s on 64 KB, over 100 s on 128 KB.
A line of "he said" repeated was linear but slow: each of its cues tried seven `$`-anchored subject
patterns at every position of 180 characters (64 KB: 6.2 CPU s); with each pattern tried only where
its required words stand (patterns._SUBJ_END_NEEDS) it takes 0.9 CPU s (round 14).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution import analyse  # noqa: E402

ARTICLE = (ROOT / "index" / "article.txt").read_text(encoding="utf-8")
POLNEAR_TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "docs.jsonl.gz"


def real_news(size: int) -> str | None:
    """PolNeAR train articles, one after another, to about `size` characters (None without ../shared).

    Args:
        size: characters wanted.
    Returns:
        The articles joined by blank lines, or None when the data set is not beside the repository.
    """
    if not POLNEAR_TRAIN.exists():
        return None
    import gzip
    import json

    parts: list[str] = []
    total = 0
    with gzip.open(POLNEAR_TRAIN, "rt", encoding="utf-8") as f:
        for line in f:
            if total >= size:
                break
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
    return "\n\n".join(parts)


def inputs(size: int) -> dict[str, str]:
    """Texts of about `size` characters, each a known worst case.

    Args:
        size: characters wanted.
    Returns:
        name -> text.
    """
    reps = size // len(ARTICLE) + 1
    news = real_news(size)
    return {
        **({"real news": news} if news is not None else {}),
        "article repeated": (ARTICLE + "\n\n") * reps,
        "line without spaces": ("x" * (size // 2)) + '"' + ("Ab" * (size // 4)) + '"',
        "one long line of words": ('He said "' + "Word " * (size // 10) + '" and Smith said ') * 2,
        "capitalised run": " ".join(["Smith"] * (size // 6)) + " said it was fine.",
        "quote marks": '"a" ' * (size // 4),
        "said line": said_line(size),
        "he said repeated": "he said " * (size // 8),
        "unclosed quotes": 'Smith said "the plan works and ' * (size // 31),
        "capitalised words": " ".join(
            r.choice(CAPITALS) for r in [random.Random(0)] for _ in range(size // 7)
        ),
        "only commas": "," * size,
        # Round 32 (issue 10 case 17's adversarial variants): characters the quote patterns open
        # or close on, repeated without a word or a space between them.
        "all quote marks": '"' * size,
        "alternating quote-a": '"a' * (size // 2),
        "said glued": "said" * (size // 4),
        "said glued capital": "Smithsaid" * (size // 9),
        "quote pairs ''": "''" * (size // 2),
        "curly quotes": "\u201ca\u201d" * (size // 3),
        "brackets": "([{" * (size // 6) + "}])" * (size // 6),
        "capitals without spaces": "A" * size,
    }


WORDS = "the a report budget city council plan vote water school road tax people officials new old".split()
CAPITALS = "Smith Jones Senate House White Court New York Bank Party State John Mary Office".split()


def said_line(size: int) -> str:
    """One line of `size` characters without sentence punctuation: random words, every 20th "said".

    Every "said" has a subject before it and the rest of the line after it: read whole, each cue
    scanned the whole line (issue 10, case 17).

    Args:
        size: characters wanted.
    Returns:
        The line.
    """
    r = random.Random(0)
    out: list[str] = []
    n = 0
    while n < size:
        w = "said" if len(out) % 20 == 19 else r.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def subject_reach() -> int:
    """How far before its verb the farthest match of a subject pattern starts, over PolNeAR train
    (the origin of attributor.SUBJ_MAX_CHARS). Each pattern is searched over the whole 250-character
    text before the verb, as before the window existed.

    Returns:
        The farthest reach in characters (0 without ../shared).
    """
    if not POLNEAR_TRAIN.exists():
        return 0
    import gzip
    import json
    import re

    import index.attribution.attributor as attributor

    reach: list[int] = []

    class Whole:
        def __init__(self, rx: re.Pattern[str]) -> None:
            self.rx = rx

        def search(self, pre: str, pos: int = 0) -> re.Match[str] | None:
            m = self.rx.search(pre)
            if m is not None:
                reach.append(len(pre) - m.start())
            return self.rx.search(pre, pos)

    saved = list(attributor._SUBJ_END)
    attributor._SUBJ_END[:] = [(k, Whole(rx)) for k, rx in saved]  # type: ignore[misc]
    try:
        with gzip.open(POLNEAR_TRAIN, "rt", encoding="utf-8") as f:
            for line in f:
                analyse(json.loads(line)["text"])
    finally:
        attributor._SUBJ_END[:] = saved
    reach.sort()
    print(f"{len(reach)} subject matches; farthest starts {reach[-5:]} characters before the verb")
    return reach[-1] if reach else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--only", help="one input by name, e.g. 'real news'")
    ap.add_argument("--subject-reach", action="store_true", help="measure SUBJ_MAX_CHARS's origin")
    a = ap.parse_args()
    if a.subject_reach:
        subject_reach()
        return 0
    for text in inputs(4096).values():
        analyse(text)  # compile the lazy patterns before anything is timed
    sizes = []
    kb = 16
    while kb <= a.max_kb:
        sizes.append(kb * 1024)
        kb *= 2
    prev: dict[str, float] = {}
    print(f"{'input':<26}{'KB':>7}{'seconds':>10}{'cpu s':>8}{'ratio':>8}")
    for size in sizes:
        for name, text in inputs(size).items():
            if a.only and name != a.only:
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            analyse(text)
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
            ratio = f"{cpu / prev[name]:.2f}" if name in prev and prev[name] > 0.001 else "-"
            print(f"{name:<26}{len(text) // 1024:>7}{dt:>10.3f}{cpu:>8.3f}{ratio:>8}", flush=True)
            prev[name] = cpu
    return 0


if __name__ == "__main__":
    sys.exit(main())
