"""Round 33 (abst33, issue 9): unanswerable questions answered, and lower-case country words.

`census RESULTS INDEXES` lists every unanswerable read-set question a bench/read_sets.sh results file
(--show-misses) shows "answered", asks it again in-process (as ../shared/eval/score.py does) and prints
its best passage's sentence and the form of what is asked (bench/abst30.py's cause_of), for reading by
hand; the lower-case country words it holds (qa.country_words_lower) are printed too.

    python bench/abst33.py census /tmp/rs-m37/results.txt /tmp/rs-m37

`touched INDEXES [SET ...]` asks every read-set question holding a lower-case country, nationality or
capital word (the only questions qa.country_words_lower can move) or a word of Britain's (the only
ones qa.equivalents._SHORT_NAMES can move: "britain", "british", "uk", "london", any case) with both
off and both on, and prints both outcomes ("rank N", "missed", "abstained" for answerable; "declined"/"answered" for unanswerable).

    python bench/abst33.py touched /tmp/rs-m37

`squad` lists SQuAD v1.1 dev's questions holding such a word and whether their own document writes it
or another name of its country (a text check: where it does, the reading cannot decline them).

    python bench/abst33.py squad

Blind sets are refused (bench/wrong32.data_and_index).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst30 import cause_of  # noqa: E402
from bench.read_sets import ALL, misses_in  # noqa: E402
from bench.wrong32 import data_and_index  # noqa: E402


def answered_unanswerable(results: str) -> list[tuple[str, str]]:
    """The (set, id) of every "answered" line of a results file (an unanswerable question answered).

    Args:
        results: a bench/read_sets.sh results.txt written with --show-misses.
    Returns:
        The pairs in file order.
    """
    return misses_in(Path(results), "answered")


def _items(name: str, indexes: Path) -> tuple[list[dict], Path | None]:
    """A read set's questions and its index folder (None for the bundled article)."""
    path, index = data_and_index(name, indexes)
    return [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()], index


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


def kind_of(question: str, missing: list[str], absent_country: list[str]) -> str:
    """The census kind of an answered unanswerable question (first that holds).

    Args:
        question: the question as asked.
        missing: its content words (names aside) the best passage lacks.
        absent_country: its lower-case country words the documents lack.
    Returns:
        "country word absent" (qa.country_words_lower's class), "speaker" (a person asked for by
        what they said: bench/abst30.py's cause_of), "typed value" (a count, date, sum, age ... of
        another subject or event), "topic word not in passage" (the cover gate let a word pass),
        or "unstated fact" (every word in the passage, the fact not).
    """
    cause = cause_of(question)
    if absent_country:
        return "country word absent"
    if cause == "speaker":
        return "speaker"
    if cause.startswith("typed:") or cause == "how many/much":
        return "typed value"
    return "topic word not in passage" if missing else "unstated fact"


KINDS = ("country word absent", "speaker", "typed value", "topic word not in passage", "unstated fact")


def census(results: str, indexes: Path) -> None:
    """Print every answered unanswerable question with its best sentence, its kind and the content
    words its best passage lacks, then the kinds per pool as a markdown table.

    Args:
        results: a bench/read_sets.sh results.txt.
        indexes: the folder holding its indexes.
    """
    from wordfreq import zipf_frequency

    from bench.read_sets import ARTICLE, NEWS
    from index.lexical import words
    from qa.country_words_lower import lower_country_words
    from qa.engine import Engine
    from qa.not_mentioned import EVERYDAY_ZIPF, _known
    from qa.session import Conversation
    from qa.term_cover import names_in

    engines: dict[str, Engine] = {}
    sets: dict[str, dict[str, dict]] = {}
    table: dict[str, dict[str, list[str]]] = {}
    for name, qid in answered_unanswerable(results):
        if name not in sets:
            items, index = _items(name, indexes)
            sets[name] = {i["id"]: i for i in items}
            engines[name] = Engine.open(index)
        engine = engines[name]
        item = sets[name][qid]
        conv = Conversation(engine)
        for h in item.get("history", []):
            conv.ask(h, 5)
        a = conv.ask(item["question"], 5)
        top = a.hits[0] if a.hits else None
        best = top.text[top.highlight[0] : top.highlight[1]] if top else ""
        named = {t for n in names_in(a.searched) for t in engine.terms(n)}
        have = engine.passage_terms(top.pid) if top else frozenset()
        # Content words: not names, not everyday words ("much", "say": qa.not_mentioned's EVERYDAY_ZIPF).
        missing = [
            w
            for w in dict.fromkeys(words(a.searched))
            if zipf_frequency(w, "en") < EVERYDAY_ZIPF
            and (ts := engine.terms(w))
            and not set(ts) & (named | have)
        ]
        absent = [
            w
            for w in lower_country_words(item["question"])
            if not any(_known(engine, t, w.lower()) for t in engine.terms(w))
        ]
        kind = kind_of(item["question"], missing, absent)
        pool = "article" if name in ARTICLE else "news" if name in [*NEWS, "newsdev"] else "para, seed"
        for p in (pool, "opened h19, nh18") if name in ("h19", "nh18") else (pool,):
            table.setdefault(p, {}).setdefault(kind, []).append(f"{name}/{qid}")
        print(f"{name:7} {qid:8} {kind:26} missing={','.join(missing):30} {item['question']}", flush=True)
        print(f"{'':17}| {best[:200]}", flush=True)
    print("\n| pool | " + " | ".join(KINDS) + " | all |")
    print("|---|" + "---:|" * (len(KINDS) + 1))
    for pool in ("opened h19, nh18", "article", "news", "para, seed"):
        row = table.get(pool, {})
        print(
            f"| {pool} | "
            + " | ".join(str(len(row.get(k, []))) for k in KINDS)
            + f" | {sum(map(len, row.values()))} |"
        )
    for pool in ("opened h19, nh18",):
        for k, ids in table.get(pool, {}).items():
            print(f"{pool} / {k}: {' '.join(ids)}")


def touched(indexes: Path, only: list[str]) -> None:
    """Ask each read-set question holding a lower-case country word with the reading off and on.

    Args:
        indexes: the folder holding bench/read_sets.sh's indexes.
        only: the sets to ask (every read set when empty).
    """
    from qa import country_words_lower, equivalents
    from qa.engine import Engine

    short = dict(equivalents._SHORT_NAMES)
    british = re.compile(r"\b(?:britain|british|uk|u\.k\.|london)\b", re.I)

    def switch(on: bool) -> None:  # a bench script's own comparison: flipped around the two asks only
        country_words_lower.LOWER_COUNTRY = on
        equivalents._SHORT_NAMES.clear()
        equivalents._SHORT_NAMES.update(short if on else {})
        equivalents._country_names.cache_clear()
        equivalents.demonyms.cache_clear()

    moved = asked = 0
    for name in only or ALL:
        items, index = _items(name, indexes)
        engine = None
        for item in items:
            if not country_words_lower.lower_country_words(item["question"]) and not british.search(
                " ".join([*item.get("history", []), item["question"]])
            ):
                continue
            engine = engine or Engine.open(index)
            switch(False)
            off = _outcome(engine, item)
            switch(True)
            on = _outcome(engine, item)
            asked += 1
            moved += off != on
            mark = "MOVED" if off != on else "     "
            kind = "A" if item["answerable"] else "U"
            print(f"{mark} {name:7} {item['id']:8} {kind} {off} -> {on}  {item['question']}", flush=True)
    print(f"{asked} questions read, {moved} moved")


def squad() -> None:
    """Print SQuAD v1.1 dev's questions the reading reads, with whether their document holds the word's
    index terms (index.lexical.terms, as the engine reads the documents) or another name of its country.
    """
    from index.lexical import terms
    from qa.country_words_lower import lower_country_words
    from qa.equivalents import country_equivalents

    base = ROOT.parent / "shared/eval/squad-v1.1-dev"
    docs: dict[str, set[str]] = {}
    for line in open(base / "docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        docs[d["doc_id"]] = set(terms(d["text"]))
    read = 0
    for line in open(base / "questions.jsonl", encoding="utf-8"):
        q = json.loads(line)
        for w in lower_country_words(q["question"]):
            have = docs.get(q["doc_id"], set())
            held = any(set(terms(n)) <= have for n in (w, *country_equivalents(w)) if terms(n))
            read += 1
            print(f"{'held  ' if held else 'ABSENT'} {w:12} {q['question']}")
    print(f"{read} words read")


def main() -> None:
    """Run the census or the touched comparison named on the command line."""
    if len(sys.argv) >= 4 and sys.argv[1] == "census":
        census(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) >= 3 and sys.argv[1] == "touched":
        touched(Path(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 2 and sys.argv[1] == "squad":
        squad()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
