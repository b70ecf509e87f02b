"""Split-half figures on PolNeAR train: develop on half A, judge a change on half B.

Train's 840 articles are split into two halves by a fixed seed (sorted doc ids shuffled with
`random.Random(SEED)`, the first half is A). A system file from bench/attribution_eval.py is scored
on each half with ../shared/eval/attribution.py's own `score` (imported at run time):

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/t.jsonl --no-score
    python bench/attribution_halves.py /tmp/t.jsonl                 # A, B and full train
    python bench/attribution_halves.py /tmp/t.jsonl --ids A         # print half A's doc ids
    python bench/attribution_halves.py /tmp/t.jsonl --guards        # also direct F1, reported P/R

The halves exist so a rule shaped on A's errors is judged on articles it was not shaped on (round 20:
train 0.913 vs dev 0.887 speaker accuracy showed earlier rounds had fitted train particulars).
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from fit_attribution import SHARED, load_scorer  # noqa: E402

SEED = 20
KEYS = (
    "speaker_acc",
    "speaker_acc_name",
    "speaker_acc_coref",
    "e2e_speech_f1",
    "e2e_f1",
    "found_judged_coref",
)
# The figures a change must not lower besides (round 21: direct-quote F1, reported precision/recall).
GUARD_KEYS = ("content_f1_direct", "content_p_reported", "content_r_reported", "e2e_speech_p", "e2e_speech_r")


def halves(doc_ids: list[str], seed: int = SEED) -> tuple[set[str], set[str]]:
    """Split document ids into two halves by a fixed seed.

    Args:
        doc_ids: the split's document ids (any order).
        seed: the shuffle's seed.
    Returns:
        (half A, half B); A holds the first half (rounded down) of the shuffled sorted ids.
    """
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    k = len(ids) // 2
    return set(ids[:k]), set(ids[k:])


def score_half(
    sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], system: list[dict[str, Any]], keep: set[str]
) -> dict[str, Any]:
    """The scorer's figures on the documents in `keep` only.

    Args:
        sc: ../shared/eval/attribution.py, imported; docs, gold: the split; system: the system's items.
        keep: the document ids scored.
    Returns:
        The scorer's result dictionary.
    """
    d = {k: v for k, v in docs.items() if k in keep}
    g = [x for x in gold if x["doc_id"] in keep]
    s = [x for x in system if sc.doc_key(x.get("doc", ""), docs) in keep]
    res: dict[str, Any] = sc.score(d, g, s, out=io.StringIO())
    return res


def main() -> int:
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    a, b = halves(list(docs))
    if len(sys.argv) > 3 and sys.argv[2] == "--ids":
        for d in sorted(a if sys.argv[3] == "A" else b):
            print(d)
        return 0
    system = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    keys = KEYS + GUARD_KEYS if "--guards" in sys.argv[2:] else KEYS
    print("half  " + "  ".join(f"{k:>18}" for k in keys))
    for name, keep in (("A", a), ("B", b), ("all", a | b)):
        res = score_half(sc, docs, gold, system, keep)
        print(
            f"{name:5} "
            + "  ".join(
                f"{res.get(k, 0):>18.4f}" if isinstance(res.get(k), float) else f"{res.get(k, 0):>18}"
                for k in keys
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
