"""Round 32 (speak32): the read sets' speaker questions ranked below first (or declined) and how the
question reader reads them: speech or not, the asked speaker it binds, a "who said" claim, and the
form of the question.

    QA_HOME=<copy of /tmp/rs-m34/home> python bench/speak32.py /tmp/rs-m34/results.txt [sets...]

Forms (checked in order): "which-role-verb" ("which head of state praised ...", "which leader
VERBed ...": the speaker asked, described by a person noun); "who-verb" ("Who VERBed ...");
"country-feeling" ("washington's suspicion ..."); "described-unbound" (read as speech, no speaker
bound); "no-speech" (read as no speech question); "bound" (read as speech with a speaker: not this
task's cause).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from read_sets import ALL, gold_file, index_for  # noqa: E402

_STATUS = re.compile(r"^\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s+(.*)$")
_WHICH = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:which|what)\s+(?!(?:is|are|was|were|did|does|do|has|have|had)\b)"
)
_WHO = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?who\s+(?!(?:is|are|was|were|did|does|do|has|have|had)\b)\w+", re.I
)
_FEELING = re.compile(
    r"['’]s?\s+(?:suspicion|fear|worry|concern|hope|doubt|suspicions|fears|worries|concerns|hopes|doubts|excuse|reason|line|goal|aim)\b",
    re.I,
)


def misses(path: Path) -> dict[tuple[str, str], str]:
    """(set, id) -> status of every question results.txt lists (rank > 1, abstained, missed, answered)."""
    out, cur = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
            continue
        m = _STATUS.match(line)
        if m and cur:
            out[(cur, m.group(1))] = m.group(2)
    return out


def main() -> int:
    from qa import claims, query_reading
    from qa import question as questions
    from qa.engine import Engine
    from qa.session import Conversation

    listed = misses(Path(sys.argv[1]))
    sets = sys.argv[2:] or ALL
    by: dict[str, list[str]] = defaultdict(list)
    for name in sets:
        items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        todo = [
            it
            for it in items
            if it.get("category") == "speaker" and it.get("answerable", True) and (name, it["id"]) in listed
        ]
        if not todo:
            continue
        engine = Engine.open(index_for(name, Path(sys.argv[1]).parent))
        conv = Conversation(engine)
        for it in todo:
            q = it["question"]
            read = questions.truecased(q, conv._name_forms(q))
            r = query_reading._read(engine, read)
            speech = questions.is_speech_question(read)
            claim = claims.claim_of(read)
            if it.get("history"):
                form = "follow-up"
            elif r.speech:
                form = "bound"
            elif _WHICH.match(read) and speech:
                form = "which-role-verb"
            elif _WHO.match(read) and claim is None:
                form = "who-verb"
            elif _FEELING.search(read):
                form = "country-feeling"
            elif speech:
                form = "described-unbound"
            else:
                form = "no-speech"
            line = (
                f"{name} {it['id']} [{listed[(name, it['id'])]}] speech={int(speech)} claim={int(claim is not None)} "
                f"wanted={r.wanted[:2]} s={r.strength:.2f} :: {q}"
            )
            by[form].append(line)
    for form, lines in sorted(by.items(), key=lambda x: -len(x[1])):
        print(f"## {form} ({len(lines)})")
        for x in lines:
            print("  " + x)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
