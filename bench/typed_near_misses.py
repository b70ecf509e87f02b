"""Typed near misses generated from PolNeAR train articles: a public set of questions asking a value
the article does not give about a person it names (issue 9, deliver 3: "a near miss is declined").

    python bench/typed_near_misses.py                 # 25 articles (seed 0), the questions to stdout

For each article of bench/polnear_speaker_questions.py's fixed sample, and for up to PER_ARTICLE
persons it names (the hand-annotated sources resolved to a name of two words), it asks of the whole sample's index:

- "How old is <name>?" when no age is given beside any mention of the surname ("Jones, 26," or
  "26-year-old ... Jones" within one sentence) and no sentence naming the surname says "born";
- "How much money did <name> raise?" when no sentence naming the surname states a sum of money;
- "What time did <name> arrive?" when no sentence naming the surname states a clock time.

Each is unanswerable there: the article names the person, often beside values of other kinds (other
people's ages, other sums, dates). Where an article does give the age ("Rakeem Jones, 26,"), the age
question is an answerable control with that age as its answer. Texts are read at run time and never
stored in the project.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from qa import answer_type  # noqa: E402

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\b\d{1,2}:\d\d\b", re.I)
PER_ARTICLE = 3  # persons per article, at most


def _sentences_naming(text: str, surname: str) -> list[str]:
    rx = re.compile(rf"\b{re.escape(surname)}\b")
    return [m.group(0) for m in _SENTENCE.finditer(text) if rx.search(m.group(0))]


def _age_of(text: str, first: str, surname: str) -> str | None:
    """The age an article gives a person: "Jones, 26," or "Rakeem Jones, 26," (None when none)."""
    m = re.search(rf"\b(?:{re.escape(first)} )?{re.escape(surname)}, (\d{{2}}),", text)
    return m.group(1) if m else None


def questions(docs: dict[str, str], persons: dict[str, set[str]], rng: random.Random) -> list[dict]:
    """The typed near-miss questions (and the answerable age controls) of a set of articles.

    Args:
        docs: article id -> text.
        persons: article id -> the two-word names of its hand-annotated sources (real persons).
        rng: picks PER_ARTICLE persons of each article.
    Returns:
        Items as the eval sets have them ("question", "history", "answerable", "answers"), with
        "article" and "kind" ("age", "money", "time").
    """
    out: list[dict] = []
    for doc_id, text in sorted(docs.items()):
        names = sorted(n for n in persons.get(doc_id, ()) if n in text)
        for name in rng.sample(names, min(PER_ARTICLE, len(names))):
            first, surname = name.split()[0], name.split()[-1]
            said = _sentences_naming(text, surname)
            base = {"history": [], "article": doc_id}
            age = _age_of(text, first, surname)
            if age is not None:
                out.append(
                    {
                        **base,
                        "question": f"How old is {name}?",
                        "answerable": True,
                        "answers": [age],
                        "kind": "age",
                    }
                )
            elif not any(re.search(r"\bborn\b|\byear-old\b|\byears old\b", s) for s in said):
                out.append({**base, "question": f"How old is {name}?", "answerable": False, "kind": "age"})
            if not any(answer_type.fact_evidence("money", s) for s in said):
                q = f"How much money did {name} raise?"
                out.append({**base, "question": q, "answerable": False, "kind": "money"})
            if not any(_CLOCK.search(s) for s in said):
                q = f"What time did {name} arrive?"
                out.append({**base, "question": q, "answerable": False, "kind": "time"})
    return out


def typed_set(articles: int = 25, seed: int = 0) -> tuple[object, list[dict]]:
    """The PolNeAR train sample's index (bench/polnear_speaker_questions.py) and its typed near misses.

    Args:
        articles: how many train articles.
        seed: the sample's seed.
    Returns:
        (engine, items).
    """
    import polnear_speaker_questions
    import quality

    engine, _ = polnear_speaker_questions.speaker_set(articles, seed)
    folder = quality.OUT / f"polnear-train-{articles}-{seed}"
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    persons: dict[str, set[str]] = {}
    for a in polnear_speaker_questions._read("attributions.jsonl.gz"):
        name = a.get("source_resolved")
        if a["doc_id"] in docs and a.get("source_resolved_by") == "name" and name and len(name.split()) == 2:
            persons.setdefault(a["doc_id"], set()).add(name)
    return engine, questions(docs, persons, random.Random(seed))


def main() -> int:
    import json

    _, items = typed_set()
    for it in items:
        print(json.dumps(it))
    return 0


if __name__ == "__main__":
    sys.exit(main())
