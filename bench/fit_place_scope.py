"""Fit qa.place_scope.OTHER_PLACE: decline a count asked of one country where every count given is
scoped to another ("How many gun incidents were reported in China?" against "... eight reported
incidents ... in Japan").

    python bench/fit_place_scope.py --out bench/reports/place_scope.md [--squad-sample 2000]

Questions are generated, never stored, from sentences "<N> <noun> were <participle> ... in <A>"
(bench/typed_near_misses._MEASURE_SENT in a sentence scoping to a country A, qa.place_scope):

- the answerable control "How many <noun> were <participle> in <A>?";
- the near miss "How many <noun> were <participle> in <B>?", B a country the same article names
  elsewhere, never in a sentence holding a number (so no count of B is given), and not A by any of
  its names.

Sets: PolNeAR train articles no other generated set uses (bench/typed_near_misses._unused_train_docs)
and the SQuAD v1.1 sample's articles (bench/quality.squad_items). Each question is asked in-process
with the check off and on; the report gives, per set, the near misses declined and the controls
wrongly declined either way. The check is kept on when it wrongly declines no control beyond the base
and declines more near misses. The end-to-end sets (news-dev, seed_dev, the held-out sets, SQuAD-2000)
are scored separately (bench/reports/place_scope.md, "End to end").
"""

from __future__ import annotations

import functools
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

from qa import place_scope, slots  # noqa: E402

ARTICLES = 80  # PolNeAR train articles, at most, indexed
PER_ARTICLE = 3  # count sentences per article, at most
CLAUSE_WORDS = 5  # words of the count's clause after its noun taken into the question, at most
_NUMBER = re.compile(rf"\d|\b(?:{tnm._NUM})\b", re.I)


def _places_in(text: str) -> list[str]:
    """The countries and gazetteer places a text names by one capitalised word, demonyms aside."""
    from qa import equivalents

    out = []
    for w in dict.fromkeys(re.findall(r"\b[A-Z][a-z]{2,}\b", text)):
        if w.lower() not in equivalents.demonyms() and place_scope._country_names(w):
            out.append(w)
    return out


# Words ending a clause taken into a question: the place's own preposition, articles, conjunctions.
_TRAILING = frozenset("in on at of for to by from with and or but the a an across throughout".split())


def _with_clause(counted: str, sentence: str) -> str:
    """The counted phrase with up to CLAUSE_WORDS lower-case words of its clause after it ("reported
    incidents of a gun being fired"), so the question shares the count's clause as a reader's does,
    not only its noun (a bare "How many incidents ...?" is declined by qa.slots' clause test alone)."""
    m = re.search(rf"\b{re.escape(counted)}((?:\s+[a-z][\w'’-]*){{0,{CLAUSE_WORDS}}})", sentence)
    words = m.group(1).split() if m else []
    while words and words[-1] in _TRAILING:
        words.pop()
    return " ".join([counted, *words])


def questions(docs: dict[str, str], rng: random.Random) -> list[dict]:
    """Place-scope near misses and answerable controls of a set of articles.

    Args:
        docs: article id -> text.
        rng: picks the sentences and the other country.
    Returns:
        Items with "question", "answerable", "answers", "kind" ("place-control" or "place-elsewhere").
    """
    out: list[dict] = []
    # B gets no count of the noun anywhere in the set: never named in a sentence holding a number
    # and the counted noun
    numbered = [
        m.group(0) for t in docs.values() for m in tnm._SENTENCE.finditer(t) if _NUMBER.search(m.group(0))
    ]
    seen: set[str] = set()
    for doc_id, text in sorted(docs.items()):
        sentences = [m.group(0) for m in tnm._SENTENCE.finditer(text)]
        rows = []
        for k, s in enumerate(sentences):
            places = place_scope.scoped_places(s)
            if not places:
                continue
            for num, following in slots.counted_words(s):
                # "eight reported incidents": the counted phrase up to its plural noun, lower case
                phrase: list[str] = []
                for w in following:
                    if not w.islower():
                        break
                    phrase.append(w)
                    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
                        rows.append((num, _with_clause(" ".join(phrase), s), places[0], k))
                        break
        if not rows:
            continue
        for num, counted, here, k in rng.sample(rows, min(PER_ARTICLE, len(rows))):
            q = f"How many {counted} were there in {here}?"
            if q in seen:
                continue
            seen.add(q)
            base = {"history": [], "article": doc_id}
            out.append({**base, "question": q, "answerable": True, "answers": [num], "kind": "place-control"})
            mine = place_scope._country_names(here)
            noun = next(w for w in counted.split() if len(w) > 3 and w.endswith("s") and not w.endswith("ss"))
            # B is named near the count (two sentences either side), so the passages read hold it
            away = [
                c
                for c in _places_in(" ".join(sentences[max(0, k - 2) : k + 3]))
                if not (place_scope._country_names(c) & mine)
                and place_scope._country_names(c)
                and not any(
                    re.search(rf"\b{re.escape(c)}\b", s) and re.search(rf"\b{re.escape(noun)}\b", s)
                    for s in numbered
                )
            ]
            if away:
                out.append(
                    {
                        **base,
                        "question": f"How many {counted} were there in {rng.choice(away)}?",
                        "answerable": False,
                        "kind": "place-elsewhere",
                    }
                )
    return out


def _has_near_miss(doc_id: str, text: str, seed: int = 0) -> bool:
    """Whether the generator asks an article on its own a near miss (a scoped count and another
    country named near it)."""
    return any(not it["answerable"] for it in questions({doc_id: text}, random.Random(seed)))


def main() -> int:
    args = switch_fit.arguments(__doc__, squad_sample=2000)
    wanted = functools.partial(_has_near_miss, seed=args.seed)
    sets = [
        ("polnear-place", *switch_fit.polnear_set("polnear-place", wanted, questions, ARTICLES, args.seed))
    ]
    if args.squad_sample:
        sets.append(("squad-place", *switch_fit.squad_set(args.squad_sample, questions, args.seed)))
    lines = [
        "# Counts scoped to another place (qa.place_scope.OTHER_PLACE), fit",
        "",
        f"`python bench/fit_place_scope.py --seed {args.seed} --squad-sample {args.squad_sample}`: "
        "generated near misses (a count asked of a country the article names elsewhere) and answerable "
        "controls (the count's own country), asked in-process with the check off and on.",
        "",
        *switch_fit.report(sets, place_scope, "OTHER_PLACE", both_ways=False),
    ]
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
