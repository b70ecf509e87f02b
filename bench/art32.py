"""Round 32 (art32): which read-set questions the two readings of this round touch.

- qa.view_frame (VIEW_FRAMES): a frame naming whose view is asked without a view noun ("in X's eyes",
  "in the eyes of X", "as X sees it"): the question's speech reading and speaker slot, off and on;
- qa.query_reading.MODAL_WORDS: the questions holding a modal the stop list lacks (might, must,
  may), whose lexical terms lose it.

Only the read sets' questions are read (bench/read_sets.py's ALL; never a blind set). The end-to-end
effect is bench/read_sets.sh's (bench/reports/art32.md).

    PYTHONPATH=$PWD python bench/art32.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_sets import ALL, gold_file  # noqa: E402

MODAL = re.compile(r"\b(?:might|must|may|shall|ought)\b")


def main() -> int:
    """Print the questions each reading touches, per read set.

    Returns:
        0.
    """
    from qa import describe, view_frame
    from qa import question as questions

    frames = modals = 0
    for name in ALL:
        for line in gold_file(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            it = json.loads(line)
            q = it["question"]
            if view_frame.view_frame(q) is not None:
                frames += 1
                view_frame.VIEW_FRAMES = False
                before = (questions.is_speech_question(q), getattr(describe.subject_of(q), "text", None))
                view_frame.VIEW_FRAMES = True
                after = (questions.is_speech_question(q), getattr(describe.subject_of(q), "text", None))
                print(f"frame  {name:7} {it['id']:8} speech/slot {before} -> {after}  {q}")
            if MODAL.search(q):
                modals += 1
                print(f"modal  {name:7} {it['id']:8} {q}")
    print(f"view frames: {frames} questions; modal words: {modals} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
