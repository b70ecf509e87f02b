"""Round 34: answerable read-set questions wrongly declined, by gate (bench/reports/wrong34.md).

`census RESULTS INDEXES` asks every "abstained" line of a bench/read_sets.sh results file again
in-process with the code's own reading (bench/wrong33.py's census, round 33's switch left on) and
prints the decline reason with the gate that gave it and the words it read as missing. Blind sets are
refused (bench/wrong32.data_and_index).

    python bench/wrong34.py census /tmp/rs-b1/results.txt /tmp/rs-b1

`wordnet DIR` prints qa.kind_nouns.SYNONYM_KIND_NOUNS: for each kind noun (qa.cover.ANSWER_KIND_NOUNS
and qa.kind_nouns.FITTED_KIND_NOUNS), the other one-word lemmas of its first (most frequent) WordNet
3.0 noun sense ("way" -> "manner", "fashion", "mode", "style"; "effect" -> "outcome", "result"). DIR
holds WordNet's index.noun, data.noun and noun.exc (Debian's wordnet-base installs them in
/usr/share/wordnet; `dpkg -x wordnet-base_*.deb X` gives X/usr/share/wordnet). A kind noun that is no
WordNet noun ("used", "else") gives nothing.

    python bench/wrong34.py wordnet /usr/share/wordnet

`synonyms INDEXES` asks every read-set question whose roles (qa.cover.roles) differ with
qa.kind_nouns.SYNONYMS off and on, both ways, and prints both outcomes (bench/wrong33.off_and_on).

    python bench/wrong34.py synonyms /tmp/rs-b1
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.desc26_offices import read_wordnet  # noqa: E402
from bench.wrong33 import census, off_and_on  # noqa: E402


def noun_lemma(word: str, index: dict[str, list[str]], exceptions: dict[str, str]) -> str | None:
    """WordNet's noun lemma of a surface form, by its own morphology (noun.exc, then -s, -es, -ies).

    Args:
        word: a folded word ("countries", "effect").
        index: WordNet's noun index (lemma -> synset offsets, most frequent sense first).
        exceptions: noun.exc's irregular plurals.
    Returns:
        The lemma ("country"), or None when the word is no WordNet noun.
    """
    forms = [exceptions.get(word), word, word[:-1] if word.endswith("s") else None]
    forms += [word[:-2] if word.endswith("es") else None, word[:-3] + "y" if word.endswith("ies") else None]
    return next((f for f in forms if f and f in index), None)


def synonym_kind_nouns(folder: Path) -> list[str]:
    """The other lemmas of each kind noun's first WordNet sense, not kind nouns already.

    Args:
        folder: WordNet's dict folder (index.noun, data.noun, noun.exc).
    Returns:
        The synonyms, sorted: one word of two letters or more ("1", "I", "dr." of "one" and
        "doctor" are left out, and multi-word lemmas, which qa.cover.roles never reads as one noun).
    """
    from qa.cover import ANSWER_KIND_NOUNS
    from qa.kind_nouns import FITTED_KIND_NOUNS

    index, data = read_wordnet(folder)
    exceptions = dict(
        line.split()[:2] for line in (folder / "noun.exc").read_text().splitlines() if line.strip()
    )
    kinds = ANSWER_KIND_NOUNS | FITTED_KIND_NOUNS
    out: set[str] = set()
    for k in kinds:
        lemma = noun_lemma(k, index, exceptions)
        if lemma is None:
            continue
        out |= {w.lower() for w in data[index[lemma][0]][0] if w.isalpha() and len(w) >= 2}
    return sorted(out - kinds - {noun_lemma(k, index, exceptions) for k in kinds})


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "census":
        census(sys.argv[2], Path(sys.argv[3]), switch_off=False)
    elif len(sys.argv) == 3 and sys.argv[1] == "wordnet":
        print(" ".join(synonym_kind_nouns(Path(sys.argv[2]))))
    elif len(sys.argv) == 3 and sys.argv[1] == "synonyms":
        from index.lexical import terms
        from qa import cover, kind_nouns

        off_and_on(
            Path(sys.argv[2]), lambda q: cover.roles(q, lambda w: bool(terms(w))), kind_nouns, "SYNONYMS"
        )
    else:
        raise SystemExit(__doc__)
