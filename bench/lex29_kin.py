"""Round 29 (lex29): WordNet relatives for the cover gate, the table and its fit (not adopted).

The mechanism measured (`kin_said`, put in qa.not_mentioned._uncovered's place by `uncovered_with`
while measuring): a missing question word no paraphrase covers counts as said when one of the three
best sentences holds one of its WordNet relatives. It lives here, not in qa: it fixes no read-set
question by a genuine relation (bench/reports/lex29.md).

`table` prints the relatives as a Python module (NOUNS, VERBS) from WordNet 3.0 (Debian's
wordnet-base, /usr/share/wordnet); the bot never reads WordNet. For each single-word noun or verb
lemma, its relatives of the chosen kinds, among:
for each single-word noun or verb lemma, its relatives of the chosen kinds, among:

- syn: the other lemmas of its synsets ("quit": "step down", "resign");
- hyper / hypo: the lemmas of its synsets' direct hypernyms / hyponyms ("clash": "conflict");
- hyper2 / hypo2: two steps up / down;
- deriv: WordNet's derivationally related forms, any part of speech ("flee": "flight");
- any of these with "@1": of the word's most frequent sense (per part of speech) only.

Each part of speech has its table: the gate reads a missing word as a verb where the
question's structure makes it its verb (qa.cover.roles), as a noun otherwise ("what deal came out of
..." asks the noun, whose relatives are "business deal", "trade", not the verb's "address").

Keys are the lemmas a question may use that the gate can see missing: wordfreq Zipf between KEY_ZIPF
and qa.not_mentioned.EVERYDAY_ZIPF (an everyday word the documents lack never declines); relatives
have at most three words, each at least REL_ZIPF (a news text's words).

`fit` asks, per kind set, every question of the read sets that the baseline gate declines "the
documents do not cover" (unanswerable ones and answerable ones) and the probe files, in-process, and
counts how many change from declined to answered: the kinds chosen gain answerable questions and
decline at most one unanswerable question fewer, pooled (bench/reports/lex29.md).

    python bench/lex29_kin.py table --kinds "syn hypo" > /tmp/kin_table.py
    python bench/lex29_kin.py fit --indexes /tmp/rs-m28b > bench/reports/lex29_fit.txt

The read-set run of the report (section 5) had the mechanism in qa with the "syn hypo" table; the
same is had by putting `uncovered_with(table)` in qa.not_mentioned._uncovered's place.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY_ZIPF = 2.5  # a word rarer than this in English is seldom asked (and then a name or a typo)
REL_ZIPF = 3.0  # each word of a relative at least this common: the words news writes
KIND_SETS = (
    "syn@1",
    "syn@1 hyper@1",
    "syn@1 hyper@1 hypo@1",
    "syn",
    "syn hyper",
    "syn hypo",
    "syn hyper hypo",
    "syn deriv",
    "syn hyper hypo hyper2 hypo2 deriv",
)


def read_pos(
    folder: Path, pos: str
) -> tuple[dict[str, list[str]], dict[str, tuple[list[str], list[tuple[str, ...]]]]]:
    """WordNet's index and data of one part of speech.

    Args:
        folder: WordNet's dict folder.
        pos: "noun" or "verb".
    Returns:
        (lemma -> synset offsets, offset -> (lemmas as WordNet writes them, pointers (symbol, offset,
        pos, st))).
    """
    index: dict[str, list[str]] = {}
    for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        p = line.split()
        index[p[0]] = p[4 + int(p[3]) + 2 :]
    data: dict[str, tuple[list[str], list[tuple[str, ...]]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        p = line.partition("|")[0].split()
        wc = int(p[3], 16)
        lemmas = [p[4 + 2 * i].split("(")[0] for i in range(wc)]  # as cased: "Aaron" is a name
        k = 4 + 2 * wc
        data[p[0]] = (lemmas, [tuple(p[k + 1 + 4 * i : k + 5 + 4 * i]) for i in range(int(p[k]))])
    return index, data


def kin(folder: Path) -> dict[str, dict[str, set[str]]]:
    """Every key word's relatives by kind (see the module's docstring).

    Args:
        folder: WordNet's dict folder.
    Returns:
        word -> kind -> relatives (folded, words separated by spaces).
    """
    from wordfreq import zipf_frequency

    from qa.not_mentioned import EVERYDAY_ZIPF

    parts = {"n": read_pos(folder, "noun"), "v": read_pos(folder, "verb")}

    def ok(lemma: str) -> bool:
        # a common word or phrase (lower case: "Aaron", "Woodrow Wilson" are names) of news words
        ws = lemma.split("_")
        return (
            lemma.islower()
            and len(ws) <= 3
            and all(w.isalpha() and zipf_frequency(w, "en") >= REL_ZIPF for w in ws)
        )

    keys = {w for index, _ in parts.values() for w in index if w.isalpha() and len(w) >= 3}
    keys = {w for w in keys if KEY_ZIPF <= zipf_frequency(w, "en") < EVERYDAY_ZIPF}
    out: dict[str, dict[str, set[str]]] = {}
    for w in sorted(keys):
        rel: dict[str, set[str]] = {}
        for pos, (index, data) in parts.items():
            first = True  # WordNet lists a word's senses most frequent first
            for o in index.get(w, []):
                lemmas, ptrs = data[o]
                if w not in lemmas:  # only the senses of the common word ("wilson" is only a name)
                    continue

                def add(
                    kind: str,
                    found: list[str],
                    first: bool = first,
                    rel: dict[str, set[str]] = rel,
                    pos: str = pos,
                ) -> None:
                    # "n:syn", "v:syn": the relatives of the word as a noun or as a verb
                    rel.setdefault(f"{pos}:{kind}", set()).update(found)
                    if first:  # "syn@1": of the word's most frequent sense of this part of speech only
                        rel.setdefault(f"{pos}:{kind}@1", set()).update(found)

                add("syn", lemmas)
                for sym, o2, p2, _ in ptrs:
                    if sym == "+" and p2 in parts:
                        add("deriv", parts[p2][1][o2][0])
                        continue
                    kind = {"@": "hyper", "@i": "hyper", "~": "hypo", "~i": "hypo"}.get(sym)
                    if kind is None or p2 != pos:
                        continue
                    add(kind, data[o2][0])
                    for sym2, o3, p3, _ in data[o2][1]:
                        if sym2 == sym and p3 == pos:
                            add(kind + "2", data[o3][0])
                first = False
        kept = {k: {r.replace("_", " ") for r in v if r != w and ok(r)} for k, v in rel.items()}
        if any(kept.values()):
            out[w] = {k: v for k, v in kept.items() if v}
    return out


def flat(table: dict[str, dict[str, set[str]]], kinds: str, pos: str) -> dict[str, tuple[str, ...]]:
    """The table of one kind set and part of speech ("n", "v"): word -> its relatives, sorted."""
    ks = [f"{pos}:{k}" for k in kinds.split()]
    out = {w: tuple(sorted(set().union(*(rel.get(k, set()) for k in ks)))) for w, rel in table.items()}
    return {w: r for w, r in out.items() if r}


# The mechanism measured (the gate's step between the verbs of speech and the role reading of
# qa.not_mentioned._uncovered; kept here, not in qa, since it is not adopted: bench/reports/lex29.md).

# Detachment rules (WordNet's morphy, nouns and verbs): an inflected question word is looked up by
# its base forms ("pressing" -> "press", "outcomes" -> "outcome").
SUFFIXES = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)
Table = Mapping[str, Mapping[str, Sequence[str]]]  # part of speech ("n", "v") -> word -> relatives


def relatives(word: str, pos: str, table: Table) -> list[str]:
    """The relatives of a folded word or of its base forms, as a noun or as a verb.

    Args:
        word: a folded question word ("pressing").
        pos: "n" or "v".
        table: part of speech -> word -> relatives.
    Returns:
        The relatives, in table order, without repeats; [] for a word the table lacks.
    """
    by_pos = table.get(pos, {})
    forms = [word] + [word[: -len(a)] + b for a, b in SUFFIXES if word.endswith(a) and len(word) > len(a) + 2]
    return list(dict.fromkeys(r for f in forms for r in by_pos.get(f, ())))


def phrase(relative: str) -> re.Pattern[str]:
    """A pattern for a relative of several words in a folded text, each word inflected or not ("step
    down" in "stepped down"): their index terms alone would lose the particle ("step" for "step
    down"), and "He took a step" would hold "quit"."""
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) + r"\w*" for w in relative.split()) + r"(?!\w)")


def kin_said(
    missing: Collection[str],
    sentences: Sequence[str],
    terms: Callable[[str], Sequence[str]],
    role: Mapping[str, str] | None,
    table: Table,
) -> set[str]:
    """The missing words one of whose relatives a best sentence holds: a one-word relative by its
    index terms ("fears" holds "fear"), a relative of several words as a phrase (`phrase`).

    Args:
        missing: the question's folded words the documents lack.
        sentences: the best sentences.
        terms: content terms of a text, made as the index makes them.
        role: each question word's role (qa.cover.roles): a "verb" is looked up as a verb, any other
            word as a noun ("what deal came out of ..." asks the noun).
        table: part of speech -> word -> relatives.
    Returns:
        The words said by a relative.
    """
    from index.lexical import fold

    held = [set(terms(s)) for s in sentences]
    folded = [fold(s) for s in sentences]
    out = set()
    for w in missing:
        pos = "v" if (role or {}).get(w) == "verb" else "n"
        for r in relatives(w, pos, table):
            if " " in r:
                rx = phrase(r)
                hit = any(rx.search(f) for f in folded)
            else:
                t = set(terms(r))
                hit = bool(t) and any(t <= h for h in held)
            if hit:
                out.add(w)
                break
    return out


def uncovered_with(table: Table) -> Callable[..., list[str]]:
    """qa.not_mentioned._uncovered (as of main 32bc925) with the relatives' step: a missing word
    no paraphrase or verb of speech covers counts as said when a best sentence holds a relative
    (`kin_said`); not in a follow-up as resolved, as for the verbs of speech.

    Args:
        table: part of speech -> word -> relatives.
    Returns:
        A function with _uncovered's signature, to put in its place while measuring.
    """
    from index.lexical import words
    from qa import cover, equivalents
    from qa.term_cover import names_in

    def uncovered(
        engine: Any, question: str, missing: list[str], top: list[Any], rewritten: bool = False
    ) -> list[str]:
        sentences = [s.passage.text[s.highlight[0] : s.highlight[1]] for s in top[:3]]
        scored, sentence_cos = equivalents.paraphrase_scores(
            question, missing, sentences, lambda texts: engine.embedder.encode(texts), engine.terms
        )
        left = [w for w in missing if not equivalents.covers(scored.get(w, ("", 0.0))[1], sentence_cos)]
        speech = cover.speech_terms(engine.terms) if cover.SPEECH_REST and not rewritten else frozenset()
        spoken = cover.speech_said(left, [engine.terms(s) for s in sentences], speech, engine.terms)
        left = [w for w in left if w not in spoken]
        named = {w for n in names_in(question) for w in words(n)}
        content = lambda w: bool(engine.terms(w))  # noqa: E731
        role = cover.roles(question, content)
        kin = set() if rewritten else kin_said(left, sentences, engine.terms, role, table)
        left = [w for w in left if w not in kin]
        kept = [w for w in missing if w not in spoken]
        away = cover.rest_away(question, kept, left, content, engine.terms, named, role=role)
        rest = cover.rest_held(engine.terms(question), away, [engine.terms(s) for s in sentences], speech)
        ev = cover.evidence(question, left, sentence_cos, content, named, rest, role=role)
        return cover.declining(ev, cover.ROLES, rest_excuse=None) if rewritten else cover.declining(ev)

    return uncovered


def abstained(results: Path) -> set[tuple[str, str]]:
    """The answerable questions a read_sets.sh results file (--show-misses) lists as abstained.

    Args:
        results: the file.
    Returns:
        (set name, question id) pairs.
    """
    out, cur = set(), ""
    for line in results.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
        elif len(p := line.split()) >= 2 and p[1] == "abstained":
            out.add((cur, p[0]))
    return out


def questions(
    indexes: Path, probes: list[Path], results: Path
) -> Iterator[tuple[str, Path | None, dict[str, object]]]:
    """The questions to ask: the read sets' unanswerable ones and the answerable ones the baseline
    declined (a table of relatives only ever answers a question the gate declined), and every probe
    question, as (set name, index, item)."""
    from bench.read_sets import ALL, gold_file, index_for
    from bench.wrong28 import set_of

    declined = abstained(results)
    for name in ALL:
        idx = index_for(name, indexes)
        for line in open(gold_file(name), encoding="utf-8"):
            item = json.loads(line) if line.strip() else None
            if item and (not item["answerable"] or (name, item["id"]) in declined):
                yield name, idx, item
    for p in probes:
        for line in open(p, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                s = set_of(item)
                yield p.stem, None if s == "article" else index_for(s, indexes), item


def fit(folder: Path, indexes: Path, probes: list[Path], results: Path, base_file: Path | None) -> None:
    """Print, per kind set, the declined questions it answers (see the module's docstring).

    Args:
        folder: WordNet's dict folder.
        indexes: the read sets' indexes (bench/read_sets.sh's rs-TAG).
        probes: probe files asked too.
        results: the baseline's results file (its declined answerable questions).
        base_file: an earlier output of `fit`, whose list of questions the baseline declines by the
            cover gate is read instead of asking them all again; None: ask.
    """
    from bench.wrong28 import norm
    from qa import not_mentioned
    from qa.engine import Engine
    from qa.session import Conversation

    engines: dict[Path | None, Engine] = {}

    def ask(idx: Path | None, item: dict[str, object]) -> tuple[bool, int | None, str]:
        if idx not in engines:
            engines[idx] = Engine.open(idx)
        conv = Conversation(engines[idx])
        for h in item.get("history", []) or []:  # type: ignore[union-attr]
            conv.ask(str(h), 5)
        a = conv.ask(str(item["question"]), 5)
        gold = [norm(str(g)) for g in item.get("answers", []) or []]  # type: ignore[union-attr]
        rank = next((i + 1 for i, p in enumerate(a.hits[:5]) if any(g in norm(p.text) for g in gold)), None)
        return a.abstained, rank, a.reason or ""

    base = []
    listed = None
    if base_file is not None:
        lines = [x.split(None, 3) for x in base_file.read_text(encoding="utf-8").splitlines()]
        listed = {(x[1], x[2]): x[3] for x in lines if len(x) == 4 and x[0] == "#" and x[1] != "declined"}
    for name, idx, item in questions(indexes, probes, results):
        if listed is not None:
            if (name, str(item["id"])) in listed:
                base.append((name, idx, item, listed[name, str(item["id"])].split("  ", 1)[-1]))
            continue
        abstained, rank, reason = ask(idx, item)
        if abstained and "do not cover" in reason:
            base.append((name, idx, item, reason))
    print(f"# declined by the cover gate (baseline): {len(base)}", flush=True)
    for name, _, item, reason in base:
        print(
            f"#   {name:10} {item['id']:8} {'A' if item['answerable'] else 'U'} {item['question']}  {reason}"
        )
    table = kin(folder)
    original = not_mentioned._uncovered
    for kinds in KIND_SETS:
        t = {pos: flat(table, kinds, pos) for pos in "nv"}
        gained, lost = [], []
        for name, idx, item, _ in base:
            try:
                not_mentioned._uncovered = uncovered_with(t)  # type: ignore[assignment]
                abstained, rank, reason = ask(idx, item)
            finally:
                not_mentioned._uncovered = original  # type: ignore[assignment]
            if not abstained:
                line = f"{name} {item['id']} rank {rank}  {item['question']}"
                (gained if item["answerable"] else lost).append(line)
        print(f"== {kinds}: answerable now answered {len(gained)}, unanswerable now answered {len(lost)}")
        for x in gained:
            print("   + " + x)
        for x in lost:
            print("   - " + x)
        sys.stdout.flush()


def main(argv: list[str]) -> None:
    """Run `table` or `fit` (see the module's docstring).

    Args:
        argv: the command line.
    """
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("table")
    t.add_argument("--kinds", default="syn")
    f = sub.add_parser("fit")
    f.add_argument("--indexes", type=Path, default=Path("/tmp/rs-m28b"))
    f.add_argument("--base", type=Path, help="an earlier output of fit: its baseline list is reused")
    f.add_argument(
        "--probe",
        type=Path,
        nargs="*",
        default=[ROOT / "bench/data/probe27.jsonl", ROOT / "bench/data/probe28.jsonl"],
    )
    args = ap.parse_args(argv)
    if args.cmd == "table":
        table = kin(args.wordnet)
        print(
            f'"""WordNet 3.0 relatives ({args.kinds}) of nouns and verbs, by bench/lex29_kin.py; do not edit."""'
        )
        print()
        for pos, name in (("n", "NOUNS"), ("v", "VERBS")):
            print(f"{name}: dict[str, str] = {{")
            for w, r in flat(table, args.kinds, pos).items():
                print(f'    "{w}": "{",".join(r)}",')
            print("}")
    else:
        fit(args.wordnet, args.indexes, args.probe, args.indexes / "results.txt", args.base)


if __name__ == "__main__":
    main(sys.argv[1:])
