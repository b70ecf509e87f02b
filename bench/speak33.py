"""Round 33 (speak33): the read sets' speaker questions whose asked speaker is a name from the rest
of the question while their speaker slot holds a description ("What does the head of UVA's center
for politics say will decide whether Clinton wins?" read as Clinton's words), and the census of
every speaker miss by how the question is read.

    QA_HOME=<copy of /tmp/rs-m37/home> python bench/speak33.py /tmp/rs-m37/results.txt [sets...]

Every speaker question of the read sets with no history is read in-process (truecased as the
session does, qa.query_reading._read) with qa.describe.TOPIC_NAMES_UNBOUND off (main's reading) and
on. Printed:
- "moved": every question (hit or listed in results.txt) whose asked speakers the switch changes;
- the census of the listed ones (rank > 1, missed, declined) by main's reading: "topic-bound" (the
  switch unbinds it: the asked speaker is a name outside a described slot), "described-unbound"
  (read as speech, no speaker bound), "no-speech", "bound" (a speaker bound: right or wrong is read
  from bench/stages.py's trace).
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from read_sets import ALL, gold_file, index_for  # noqa: E402
from speak32 import misses  # noqa: E402


def main() -> int:
    from qa import describe, query_reading
    from qa import question as questions
    from qa.engine import Engine
    from qa.session import Conversation

    listed = misses(Path(sys.argv[1]))
    sets = sys.argv[2:] or ALL
    moved: list[str] = []
    census: dict[str, list[str]] = defaultdict(list)
    for name in sets:
        items = [json.loads(x) for x in gold_file(name).read_text(encoding="utf-8").splitlines() if x.strip()]
        todo = [it for it in items if it.get("category") == "speaker" and it.get("answerable", True)]
        todo = [it for it in todo if not it.get("history")]
        if not todo:
            continue
        engine = Engine.open(index_for(name, Path(sys.argv[1]).parent))
        conv = Conversation(engine)
        for it in todo:
            q = it["question"]
            read = questions.truecased(q, conv._name_forms(q))
            describe.TOPIC_NAMES_UNBOUND = False
            off = query_reading._read(engine, read)
            describe.TOPIC_NAMES_UNBOUND = True
            on = query_reading._read(engine, read)
            status = listed.get((name, it["id"]), "hit")
            subject = describe.subject_of(read)
            line = (
                f"{name} {it['id']} [{status}] subject={subject.text if subject else None!r} "
                f"off={off.wanted[:2]} on={on.wanted[:2]} :: {q}"
            )
            if off.wanted != on.wanted:
                moved.append(line)
            if status == "hit":
                continue
            if off.wanted != on.wanted:
                census["topic-bound"].append(line)
            elif off.speech:
                census["bound"].append(line)
            elif questions.is_speech_question(read):
                census["described-unbound"].append(line)
            else:
                census["no-speech"].append(line)
    print(f"## moved by the switch ({len(moved)})")
    for x in moved:
        print("  " + x)
    for form, lines in sorted(census.items(), key=lambda x: -len(x[1])):
        print(f"## {form} ({len(lines)})")
        for x in lines:
            print("  " + x)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
