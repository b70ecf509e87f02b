"""Round 34 (abst34, issue 9): unanswerable NEWS questions answered, by cause.

`census RESULTS INDEXES` lists every "answered" line (an unanswerable question answered) of the news
read sets (nh1-nh19, news-dev) in a bench/read_sets.sh results file (--show-misses), asks each again
in-process as ../shared/eval/score.py does, and sorts it into one class (the first that holds):

- "figure/date of another scope": a typed value is asked (bench/abst30.py's cause_of: a count, sum,
  share, date, age, "how many/much") and the answer's best passage holds a value of the asked loose
  type (qa.answer_type.has_evidence): a figure of the same type about something else;
- "typed value, none given": a typed value is asked, the best passage holds none of its type;
- "speaker quoted off the topic": "What did X say about Y?" where X is a quoted source of the index
  (qa.speaker_topic.asked_quoted reads X and the topic) and the answer is not X's words on Y;
- "speaker not quoted": a speaker question whose X is no quoted source the index resolves;
- "topic word not in passage": a content word (not a name, wordfreq zipf < EVERYDAY_ZIPF) the best
  passage lacks, which the cover gate let pass;
- "unstated fact": every word in the passage, the fact not.

    python bench/abst34.py census /tmp/rs-b1/results.txt /tmp/rs-b1

`touched INDEXES [SET ...]` asks every read-set question that qa.value_shown can move (one asking a
share, qa.slots.subject_kind "percent", itself or in its history: a follow-up "And in Arizona?"
is resolved to one) with qa.value_shown.SHOWN["percent"] off and on, and prints both outcomes ("rank
N", "missed", "abstained" for an answerable question; "declined"/"answered" for an unanswerable one).

    python bench/abst34.py touched /tmp/rs-b1

Blind sets are refused (bench/wrong32.data_and_index).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst30 import cause_of  # noqa: E402
from bench.read_sets import NEWS, misses_in  # noqa: E402
from bench.wrong32 import data_and_index  # noqa: E402

KINDS = (
    "figure/date of another scope",
    "typed value, none given",
    "speaker quoted off the topic",
    "speaker not quoted",
    "topic word not in passage",
    "unstated fact",
)
NEWS_SETS = ("newsdev", *NEWS)


def kind_of(cause: str, typed_held: bool, speaker_quoted: bool, missing: list[str]) -> str:
    """The census class of an answered unanswerable question.

    Args:
        cause: bench/abst30.py's cause_of.
        typed_held: the best passage holds a value of the question's loose answer type.
        speaker_quoted: the asked speaker is a quoted source (qa.speaker_topic.asked_quoted).
        missing: the question's content words the best passage lacks.
    Returns:
        One of KINDS.
    """
    if cause.startswith("typed:") or cause == "how many/much":
        return KINDS[0] if typed_held else KINDS[1]
    if cause == "speaker":
        return KINDS[2] if speaker_quoted else KINDS[3]
    return KINDS[4] if missing else KINDS[5]


def census(results: str, indexes: Path) -> None:
    """Print every answered unanswerable news question with its class and best sentence, then the
    classes per pool (all news read sets; nh19 apart) as a markdown table.

    Args:
        results: a bench/read_sets.sh results.txt.
        indexes: the folder holding its indexes.
    """
    from wordfreq import zipf_frequency

    from index.lexical import words
    from qa.answer_type import has_evidence, question_type
    from qa.engine import Engine
    from qa.not_mentioned import EVERYDAY_ZIPF
    from qa.session import Conversation
    from qa.speaker_topic import asked_quoted
    from qa.term_cover import names_in

    engines: dict[str, Engine] = {}
    sets: dict[str, dict[str, dict]] = {}
    table: dict[str, dict[str, list[str]]] = {}
    for name, qid in misses_in(Path(results), "answered"):
        if name not in NEWS_SETS:
            continue
        if name not in sets:
            path, index = data_and_index(name, indexes)
            sets[name] = {
                i["id"]: i for i in (json.loads(x) for x in open(path, encoding="utf-8") if x.strip())
            }
            engines[name] = Engine.open(index)
        engine, item = engines[name], sets[name][qid]
        conv = Conversation(engine)
        for h in item.get("history", []):
            conv.ask(h, 5)
        a = conv.ask(item["question"], 5)
        if a.abstained:  # declined in-process: the results file is of other code
            print(f"{name:7} {qid:8} (declined in-process: {a.reason})")
            continue
        top = a.hits[0]
        best = top.text[top.highlight[0] : top.highlight[1]]
        atype = question_type(a.searched)
        held = atype is not None and has_evidence(atype, top.text)
        cause = cause_of(a.searched)
        quoted = cause == "speaker" and asked_quoted(engine, a.searched) is not None
        named = {t for n in names_in(a.searched) for t in engine.terms(n)}
        have = engine.passage_terms(top.pid)
        missing = [
            w
            for w in dict.fromkeys(words(a.searched))
            if zipf_frequency(w, "en") < EVERYDAY_ZIPF
            and (ts := engine.terms(w))
            and not set(ts) & (named | have)
        ]
        kind = kind_of(cause, held, quoted, missing)
        for pool in ("news", "nh19") if name == "nh19" else ("news",):
            table.setdefault(pool, {}).setdefault(kind, []).append(f"{name}/{qid}")
        print(f"{name:7} {qid:8} {kind:29} {cause:16} {item['question']}", flush=True)
        print(f"{'':17}| {best[:220]}", flush=True)
    print("\n| pool | " + " | ".join(KINDS) + " | all |")
    print("|---|" + "---:|" * (len(KINDS) + 1))
    for pool in ("nh19", "news"):
        row = table.get(pool, {})
        print(
            f"| {pool} | "
            + " | ".join(str(len(row.get(k, []))) for k in KINDS)
            + f" | {sum(map(len, row.values()))} |"
        )
    for pool in ("nh19", "news"):
        for k, ids in table.get(pool, {}).items():
            print(f"{pool} / {k}: {' '.join(ids)}")


def _outcome(engine: object, item: dict) -> str:
    """One question asked as score.py asks it: its history first, then the question."""
    from bench.wrong28 import norm
    from qa.session import Conversation

    conv = Conversation(engine)  # type: ignore[arg-type]
    for h in item.get("history", []):
        conv.ask(h, 5)
    a = conv.ask(item["question"], 5)
    if a.abstained:
        return ("abstained" if item["answerable"] else "declined") + f" ({a.reason})"
    if not item["answerable"]:
        return "answered"
    gold = [norm(g) for g in item.get("answers", [])]
    rank = next((i + 1 for i, p in enumerate(a.hits[:5]) if any(g in norm(p.text) for g in gold)), None)
    return f"rank {rank}" if rank else "missed"


def touched(indexes: Path, only: list[str]) -> None:
    """Ask each read-set question asking a share with qa.value_shown's percentage test off and on.

    Args:
        indexes: the folder holding bench/read_sets.sh's indexes.
        only: the sets to ask (every read set when empty).
    """
    from bench.read_sets import ALL
    from qa import value_shown
    from qa.engine import Engine
    from qa.slots import subject_kind

    moved = asked = 0
    for name in only or ALL:
        path, index = data_and_index(name, indexes)
        items = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
        items = [
            i
            for i in items
            if any(subject_kind(q) == "percent" for q in [*i.get("history", []), i["question"]])
        ]
        if not items:
            continue
        engine = Engine.open(index)
        for item in items:
            value_shown.SHOWN["percent"] = False  # a bench script's comparison, flipped around the two asks
            off = _outcome(engine, item)
            value_shown.SHOWN["percent"] = True
            on = _outcome(engine, item)
            asked += 1
            moved += off != on
            mark = "MOVED" if off != on else "     "
            kind = "A" if item["answerable"] else "U"
            print(f"{mark} {name:7} {item['id']:8} {kind} {off} -> {on}  {item['question']}", flush=True)
    print(f"{asked} questions read, {moved} moved")


def main() -> None:
    """Run the census or the touched comparison named on the command line."""
    if len(sys.argv) >= 4 and sys.argv[1] == "census":
        census(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) >= 3 and sys.argv[1] == "touched":
        touched(Path(sys.argv[2]), sys.argv[3:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
