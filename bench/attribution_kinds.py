"""Speaker accuracy by kind (direct, reported, name, pronoun/description), e2e and content figures of
PolNeAR train runs, per half (bench/attribution_halves.py) and over all of train, as a Markdown table
(train only: never dev or test).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/new.jsonl --no-score
    python bench/attribution_kinds.py /tmp/old.jsonl /tmp/new.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_halves import halves, score_half  # noqa: E402
from attribution_speaker_errors import SHARED  # noqa: E402
from fit_attribution import load_scorer  # noqa: E402

KEYS = (
    "speaker_acc",
    "speaker_acc_direct",
    "speaker_acc_reported",
    "speaker_acc_name",
    "speaker_acc_coref",
    "e2e_speech_f1",
    "e2e_f1",
    "content_f1_direct",
    "content_p_reported",
    "content_r_reported",
)


def main() -> int:
    """Print one row per run and half (A, B, all) of the figures in KEYS.

    Returns:
        0.
    """
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, b = halves(list(docs))
    print("| run | half | " + " | ".join(KEYS) + " |")
    print("|---|---|" + "---:|" * len(KEYS))
    for path in sys.argv[1:]:
        system = [json.loads(line) for line in open(path, encoding="utf-8")]
        for name, keep in (("A", a), ("B", b), ("all", set(docs))):
            r = score_half(sc, docs, gold, system, keep)
            print(f"| {Path(path).name} | {name} | " + " | ".join(f"{r[k]:.4f}" for k in KEYS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
