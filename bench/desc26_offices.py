"""The office table of qa.offices, read from WordNet 3.0 (round 26, desc26).

"the Kremlin leader", "the appliance maker's boss": a generic head noun that the documents word as an
office ("Russian President Vladimir Putin"). Two tables, both from WordNet's noun hierarchy, none
hand-grown:

- GENERIC_HEADS: the lemmas of the three synsets that name a person in charge of anything, and nothing
  more: leader.n.01 (09623038 "a person who rules or guides or inspires others"), head.n.04 (10162991
  "head, chief, top_dog: a person who is in charge") and boss.n.03 (10104064 "a person who exercises
  control and makes decisions").
- OFFICES: the titles and role nouns of index.attribution.words (TITLES, ROLE_WORDS) one of whose
  common-noun senses has leader.n.01 or head_of_state.n.01 (10164747, "the chief public representative
  of a country": WordNet files "president" of a republic and "prime minister" there, not under leader)
  among its hypernyms. Instance senses (@i: "King" as Martin Luther King, "Major" as John Major) and
  honorifics ("Sir", "Lady") are left out.

    python bench/desc26_offices.py [--wordnet DIR]

DIR holds WordNet's data.noun and index.noun (Debian's wordnet-base installs them in
/usr/share/wordnet; `dpkg -x wordnet-base_*.deb X` gives X/usr/share/wordnet). Prints the two tables
as Python for qa/offices.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GENERIC_SYNSETS = ("09623038", "10162991", "10104064")  # leader.n.01, head.n.04, boss.n.03
OFFICE_ROOTS = ("09623038", "10164747")  # leader.n.01, head_of_state.n.01


def read_wordnet(folder: Path) -> tuple[dict[str, list[str]], dict[str, tuple[list[str], list[str]]]]:
    """WordNet's noun index and synsets.

    Args:
        folder: where data.noun and index.noun are.
    Returns:
        (lemma -> synset offsets, offset -> (lemmas, class hypernym offsets)); instance hypernyms (@i)
        are not followed.
    """
    index: dict[str, list[str]] = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        p = line.split()
        n_ptr = int(p[3])
        index[p[0]] = p[4 + n_ptr + 2 :]
    data: dict[str, tuple[list[str], list[str]]] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        p = line.partition("|")[0].split()
        wc = int(p[3], 16)
        lemmas = [p[4 + 2 * i] for i in range(wc)]
        k = 4 + 2 * wc
        ptrs = [p[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(p[k]))]
        data[p[0]] = (lemmas, [o for sym, o, pos, _ in ptrs if sym == "@" and pos == "n"])
    return index, data


def ancestors(offset: str, data: dict[str, tuple[list[str], list[str]]]) -> set[str]:
    """A synset and all its class hypernyms."""
    seen, todo = {offset}, [offset]
    while todo:
        for o in data[todo.pop()][1]:
            if o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def tables(folder: Path) -> tuple[list[str], list[str]]:
    """GENERIC_HEADS and OFFICES (see the module's docstring).

    Args:
        folder: WordNet's dict folder.
    Returns:
        (generic heads, offices), each sorted.
    """
    from index.attribution.words import HONORIFICS, ROLE_WORDS, TITLES

    index, data = read_wordnet(folder)
    generic = sorted({w.lower() for o in GENERIC_SYNSETS for w in data[o][0] if "_" not in w})
    words = {w for w in set(TITLES) | set(ROLE_WORDS) if w not in HONORIFICS and w not in generic}
    offices = []
    for w in sorted(words):
        # a common noun's sense: the lemma written in lower case ("King" the person is "King"), or an
        # acronym in capitals ("CEO")
        senses = index.get(w.replace(" ", "_"), [])
        senses = [o for o in senses if w in data[o][0] or w.upper() in data[o][0]]  # "CEO"
        if any(ancestors(o, data) & set(OFFICE_ROOTS) for o in senses):
            offices.append(w)
    return generic, offices


def main() -> None:
    """Print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args()
    generic, offices = tables(args.wordnet)
    print("GENERIC_HEADS = frozenset(" + repr(" ".join(generic)) + ".split())")
    print("OFFICES = frozenset(" + repr(" ".join(offices)) + ".split())")


if __name__ == "__main__":
    main()
