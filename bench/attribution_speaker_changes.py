"""Every attribution whose speaker changed between two runs on PolNeAR train, with the text before it.

bench/attribution_speaker_errors.py --diff lists only the judged golds that changed; a reference rule
(round 30, attr30a) also moves items the scorer does not judge, and some judged golds are PolNeAR's
silver coreference. This prints them all, for judging by hand (train only; never dev or test):

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/old.jsonl --no-score
    python bench/attribution_switch.py sources SOURCE_MENTIONS False True --out-dir /tmp/a30
    python bench/attribution_speaker_changes.py /tmp/a30/attr-sources-SOURCE_MENTIONS-False.jsonl \\
        /tmp/a30/attr-sources-SOURCE_MENTIONS-True.jsonl

Each line: half (bench/attribution_halves.py), document, item start, old speaker -> new speaker, the
source as written; then the 400 characters before the item and 120 of it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import SHARED, load_docs  # noqa: E402
from attribution_halves import halves  # noqa: E402


def _items(path: Path) -> dict[tuple[str, int, int], dict[str, Any]]:
    """A system file's items keyed by (document id, start, end).

    Args:
        path: a JSON-lines file written by bench/attribution_eval.py.
    Returns:
        The items by key.
    """
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[(r["doc"].removesuffix(".txt"), r["start"], r["end"])] = r
    return out


def main() -> int:
    """Print the changed speakers of two runs (argv: old file, new file)."""
    old, new = _items(Path(sys.argv[1])), _items(Path(sys.argv[2]))
    docs = dict(load_docs(SHARED / "eval" / "polnear" / "train"))
    half_a = halves(list(docs))[0]
    n = 0
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is not None and b is not None and a.get("speaker") == b.get("speaker"):
            continue
        n += 1
        doc, start, _end = key
        src = (b or a or {}).get("source_text")
        half = "A" if doc in half_a else "B"
        print(
            f"{half} {doc} {start}: {(a or {}).get('speaker')!r} -> {(b or {}).get('speaker')!r} (source {src!r})"
        )
        text = docs.get(doc, "")
        print("    " + text[max(0, start - 400) : start + 120].replace("\n", " ¶ "))
    print(f"{n} items changed speaker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
