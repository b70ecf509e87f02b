"""Round 31 (speak31): the speaker questions read as no speech question (bench/art30.py's
"not-read-as-speech") sorted by the form of the question, checked in this order:

- yes/no: a yes/no question about a speaker ("Did Obama leave the door open to Tehran?", "Is the
  House speaker ready to back Trump?", "In the eyes of ..., are the gains fragile?");
- who-asked: the speaker is what is asked ("which president praised ...", "Who described ...");
- country: a country or its capital as the speaker, no source read ("What reason does Moscow give");
- verb-not-speech: a "what/which/how <aux> <speaker> <verb>" question whose verb the reader does not
  take for speech ("What did the American president call Assad?", "Which countries did Obama name
  ...?", "how did carson's campaign manager brush off ..."), WHAT_CUE off;
- described-unbound: read as speech, the description bound to no source ("the RNC chairman");
- other.

    python bench/rank28.py ... --jsonl terms_art.jsonl   (bench/art30.py's records)
    python bench/speak31.py terms_art.jsonl terms_news.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from art30 import COUNTRY_WORDS, cause  # noqa: E402

from qa import question  # noqa: E402

_AUX = r"(?:did|does|do|has|have|had|is|was|were|are|will|would|could|can|should)"
_POLAR = re.compile(rf"^\s*(?:(?:in the eyes of|according to)[^,]*,\s*)?{_AUX}\b", re.I)
_WHO = re.compile(rf"^\s*(?:who|which(?:\s+(?!{_AUX}\b)[\w'’-]+){{1,3}})\s+(?!{_AUX}\b)\w+(?:ed|s)\b", re.I)
_WH_AUX = re.compile(rf"^\s*(?:what|which|how|whom?)\b(?:\s+[\w'’-]+){{0,2}}?\s+{_AUX}\s+\S", re.I)


def form(r: dict[str, Any]) -> str:
    """One question's form (the module's docstring gives the order).

    Args:
        r: a bench/rank28.py record of a speaker question read as no speech.
    Returns:
        The form's name.
    """
    q = r["question"]
    if _POLAR.match(q):
        return "yes/no"
    if _WHO.match(q):
        return "who-asked"
    if not r["wanted"] and (any(w in q.lower() for w in COUNTRY_WORDS) or "white house" in q.lower()):
        return "country"
    question.WHAT_CUE = False
    speech = question.is_speech_question(q)
    question.WHAT_CUE = True
    if not speech and _WH_AUX.match(q):
        return "verb-not-speech"
    if speech:
        return "described-unbound"
    return "other"


def main() -> int:
    recs = [json.loads(x) for p in sys.argv[1:] for x in open(p, encoding="utf-8") if x.strip()]
    miss = [
        r
        for r in recs
        if r["final_rank"] > 1 and r["category"] == "speaker" and cause(r) == "not-read-as-speech"
    ]
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in miss:
        by[form(r)].append(r)
    print(f"{len(miss)} speaker questions read as no speech and ranked below first")
    print("| form | n | article | questions |")
    print("|---|---|---|---|")
    for c, rs in sorted(by.items(), key=lambda x: -len(x[1])):
        art = sum(bool(re.fullmatch(r"h\d+", r["set"])) for r in rs)
        ids = ", ".join(f"{r['set']} {r['id']}" for r in rs)
        print(f"| {c} | {len(rs)} | {art} | {ids} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
