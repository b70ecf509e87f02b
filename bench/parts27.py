"""Round 27's parts questions among several real news articles (bench/reports/parts27.md).

usage (from the repository root, PYTHONPATH=. and HF_HUB_OFFLINE=1):
  python bench/parts27.py compare BASE/results.txt NEW/results.txt
      every question whose outcome moved between two bench/read_sets.sh runs (set, id, before, after)
  python bench/parts27.py sweep ROOT
      hit@1 of the read sets' parts questions asked of the news indexes under ROOT (bench/read_sets.sh's
      cache, e.g. /tmp/rs-parts27) for each CLIPPED_CHARS (qa.part_evidence.outlet_terms: the fewest
      letters a file name's clipped outlet word needs, "wash" of "washington"), and with the outlet
      terms, the body parts and both switched off. Blind sets are never read (bench/read_sets.py).
  python bench/parts27.py census
      how often each body-part reading (qa.part_evidence.body_part: sign-off, run-on credit, author
      note on the last paragraph, update line) fires on PolNeAR train's 840 real news articles, read
      paragraph by paragraph, with examples to judge by eye; and how many file names clip an outlet
      that outlet_terms reads (PolNeAR dev is never read).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

_LINE = re.compile(r"^\s+(\S+)\s+(rank \d+|abstained|answered|missed)\s+(.*)$")


def outcomes(path: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The listed outcome of every question in a read_sets.sh results file.

    Args:
        path: the results.txt.
    Returns:
        (set, id) -> (outcome, question); a question scored hit@1 is not listed: "hit".
    """
    out: dict[tuple[str, str], tuple[str, str]] = {}
    cur = ""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cur = line[3:].strip()
            continue
        m = _LINE.match(line)
        if m and cur:
            out[(cur, m[1])] = (m[2], m[3])
    return out


def compare(base: str, new: str) -> int:
    """Print every question whose outcome moved between two runs.

    Args:
        base: the baseline results.txt.
        new: the new run's results.txt.
    Returns:
        0.
    """
    a, b = outcomes(base), outcomes(new)
    for key in sorted(set(a) | set(b)):
        before, after = a.get(key, ("hit", ""))[0], b.get(key, ("hit", ""))[0]
        if before != after:
            q = (a.get(key) or b.get(key) or ("", ""))[1]
            print(f"{key[0]:8} {key[1]:8} {before:10} -> {after:10} {q}")
    return 0


def _norm(s: str) -> str:
    """score.py's normalisation: quotes, dashes and spaces, case."""
    for x, y in {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
    }.items():
        s = s.replace(x, y)
    return re.sub(r"\s+", " ", s.replace("''", "'")).strip().lower()


def sweep(root: str) -> int:
    """hit@1 of the news read sets' parts questions under each setting.

    Args:
        root: the folder of bench/read_sets.sh's cached indexes.
    Returns:
        0.
    """
    import read_sets

    from qa import candidate_features, part_evidence, rank
    from qa.engine import Engine

    items = []
    for name in read_sets.ALL:
        if name in read_sets.BLIND or not (name in ("newsdev", "para") or name.startswith("nh")):
            continue
        idx = Path(root) / ("nd" if name == "newsdev" else name)
        if not idx.is_dir():
            continue
        rows = [
            json.loads(x)
            for x in read_sets.gold_file(name).read_text(encoding="utf-8").splitlines()
            if x.strip()
        ]
        items += [(name, idx, r) for r in rows if r.get("category") == "parts" and not r.get("history")]
    engines = {idx: Engine.open(idx) for _, idx, _ in items}
    settings = [("off: no outlet terms, no body parts", 0, False, False)]
    settings += [(f"CLIPPED_CHARS={n}", n, True, True) for n in (3, 4, 5, 6)]
    settings += [("outlet terms only (4)", 4, True, False), ("body parts only", 4, False, True)]
    for label, n, outlet, body in settings:
        part_evidence.CLIPPED_CHARS = n
        candidate_features.OUTLET_TERMS = outlet
        part_evidence.BODY_PARTS = body
        hits, missed = 0, []
        for name, idx, r in items:
            a = rank.answer(engines[idx], r["question"], r["question"], 5)
            top = "" if a.abstained or not a.hits else _norm(a.hits[0].text)
            if any(_norm(g) in top for g in r["answers"]):
                hits += 1
            else:
                missed.append(f"{name}/{r['id']}")
        print(
            f"{label:38} parts hit@1 {hits}/{len(items)} = {hits / len(items):.3f}  missed: {' '.join(missed)}"
        )
    return 0


def census() -> int:
    """Print how often each body-part reading fires on PolNeAR train, with examples.

    Returns:
        0.
    """
    import gzip

    from index.chunk import sentences
    from qa import part_evidence as pe

    path = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "docs.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(x) for x in f if x.strip()]
    found: dict[str, list[str]] = {"sign-off": [], "run-on credit": [], "author note": [], "update line": []}
    for d in docs:
        paras = [p.strip() for p in d["text"].split("\n\n") if p.strip()]
        for i, p in enumerate(paras[1:], 1):  # the first is the headline
            tag = f"{d['doc_id'][:40]}: ...{p[-90:]!r}"
            if pe._SIGN_OFF.search(p):
                found["sign-off"].append(tag)
            if pe._CONTRIBUTING.search(p):
                found["run-on credit"].append(tag)
            if pe._UPDATE_LINE.search(p):
                found["update line"].append(f"{d['doc_id'][:40]}: {p[:90]!r}")
            last = i == len(paras) - 1
            if last and len(sentences(p)) == 1 and pe._AUTHOR_NOTE.match(p) and not pe._QUOTED.search(p):
                found["author note"].append(f"{d['doc_id'][:40]}: {p[:110]!r}")
    print(f"{len(docs)} PolNeAR train articles")
    for k, xs in found.items():
        print(f"== {k}: {len(xs)} paragraphs")
        for x in xs[:12]:
            print("   ", x)
    outlets: dict[str, int] = {}
    for d in docs:
        o = d["doc_id"].split("_", 1)[0]
        outlets[o] = outlets.get(o, 0) + 1
    print("file-name outlets:", ", ".join(f"{o} {n}" for o, n in sorted(outlets.items())))
    return 0


def main(argv: list[str]) -> int:
    """Dispatch the sub-command."""
    if len(argv) == 3 and argv[0] == "compare":
        return compare(argv[1], argv[2])
    if argv == ["census"]:
        return census()
    if len(argv) == 2 and argv[0] == "sweep":
        return sweep(argv[1])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
