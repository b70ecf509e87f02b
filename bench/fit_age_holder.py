"""Fit qa.age_holder.OTHER_HOLDER: an age written against another named person ("... Sanders' son,
26-year-old Tywanza") is no evidence of the asked person's age ("How old is Dylann Roof?").

    python bench/fit_age_holder.py --out bench/reports/age_holder.md [--squad-sample 2000]

Questions are generated, never stored, from sentences giving a named person's age (qa.age_holder:
"26-year-old Tywanza Sanders", "Rakeem Jones, 26,") that name another person too:

- the answerable control "How old is <holder>?", the age its answer;
- the near miss "How old is <other>?", the other person (two capitalised words) named in the same
  sentence, whose age no sentence of the set gives (every sentence naming the other's surname beside
  an age gives only ages held by other names).

Sets: PolNeAR train articles no other generated set uses (bench/typed_near_misses._unused_train_docs),
and optionally the SQuAD v1.1 sample's articles (bench/quality.squad_items). Each question is asked
in-process with the check off and on; the check is kept on when it wrongly declines no control
beyond the base and declines more near misses. End-to-end figures: bench/reports/place_scope.md.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import quality  # noqa: E402
import switch_fit  # noqa: E402
import typed_near_misses as tnm  # noqa: E402

from qa import age_holder  # noqa: E402

ARTICLES = 200  # PolNeAR train articles, at most, indexed
PER_ARTICLE = 4  # age sentences per article, at most
_PERSON = re.compile(r"\b([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)\b")
_AGE_NUMBER = re.compile(r"\d{1,3}")


def _persons(sentence: str, holder: str) -> list[str]:
    """Two-word names of a sentence other than the holder's (sharing no word with it), not places."""
    from index.attribution.words import FEMALE_GIVEN, MALE_GIVEN
    from qa import equivalents, referents

    mine = {w.lower() for w in holder.split()}
    out = []
    for m in _PERSON.finditer(sentence):
        name = m.group(0)
        words = {w.lower() for w in name.split()}
        if (
            words & mine
            or referents.is_place(name)
            or any(equivalents.country_equivalents(w) for w in name.split())
        ):
            continue
        if m.group(1).lower() not in MALE_GIVEN | FEMALE_GIVEN:
            continue  # a person's name opens with a given name ("Fox News", "Park Ridge" do not)
        out.append(name)
    return out


def questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """Age near misses and answerable controls of a set of articles.

    Args:
        docs: article id -> text.
        rng: picks the sentences and the other person.
    Returns:
        Items with "kind" "age-control" (answerable) or "age-other" (unanswerable).
    """
    sentences = {d: [m.group(0) for m in tnm._SENTENCE.finditer(t)] for d, t in docs.items()}
    aged = [s for rows in sentences.values() for s in rows if age_holder.age_holders(s)]

    def age_unknown(name: str) -> bool:
        surname = name.split()[-1]
        asked = {w.lower() for w in name.split()}
        return all(
            age_holder.others_only(s, asked) for s in aged if re.search(rf"\b{re.escape(surname)}\b", s)
        )

    out: list[dict] = []
    seen: set[str] = set()
    for doc_id in sorted(docs):
        rows = []
        for s in sentences[doc_id]:
            holders = age_holder.age_holders(s)
            if len(holders) == 1 and holders[0] is not None:
                rows.append((s, holders[0]))
        for s, holder in rng.sample(rows, min(PER_ARTICLE, len(rows))):
            q = f"How old is {holder}?"
            if q in seen:
                continue
            seen.add(q)
            age = _AGE_NUMBER.search(s[s.find(holder) - 20 if s.find(holder) >= 20 else 0 :])
            base = {"history": [], "article": doc_id}
            out.append(
                {
                    **base,
                    "question": q,
                    "answerable": True,
                    "answers": [age.group(0) if age else ""],
                    "kind": "age-control",
                }
            )
            others = [p for p in _persons(s, holder) if age_unknown(p)]
            if others:
                other = rng.choice(others)
                seen.add(f"How old is {other}?")
                out.append(
                    {**base, "question": f"How old is {other}?", "answerable": False, "kind": "age-other"}
                )
    return out


def _has_age(doc_id: str, text: str) -> bool:
    """Whether an article has a sentence giving a named person's age."""
    return any(age_holder.age_holders(m.group(0)) for m in tnm._SENTENCE.finditer(text))


def main() -> int:
    args = switch_fit.arguments(__doc__, squad_sample=0)
    sets = [("polnear-age", *switch_fit.polnear_set("polnear-age", _has_age, questions, ARTICLES, args.seed))]
    if args.squad_sample:
        sets.append(("squad-age", *switch_fit.squad_set(args.squad_sample, questions, args.seed)))
    lines = [
        "# Ages held by another named person (qa.age_holder.OTHER_HOLDER), fit",
        "",
        f"`python bench/fit_age_holder.py --seed {args.seed} --squad-sample {args.squad_sample}`: "
        "generated near misses (the age of a person named beside another's age) and answerable "
        "controls (the age's holder), asked in-process with the check off and on.",
        "",
        *switch_fit.report(sets, age_holder, "OTHER_HOLDER", both_ways=True),
    ]
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
