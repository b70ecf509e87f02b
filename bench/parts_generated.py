"""Parts questions generated from the labelled parts of real plain-text news, asked end to end.

    python bench/parts_generated.py [--articles 70] [--seed 0] [--code /work/main] [--code .]
        [--corpus ../shared/eval/polnear/train] [--out bench/reports/parts_generated.md]

Draws `--articles` PolNeAR train articles (an equal share per publisher, 1,500 to 9,000
characters, the news_heldout 1-6 articles left out) and `--with-parts` more among those with a
part besides the headline (a standfirst, a byline, a dated dateline), labels their paragraphs with
index.structure, and writes one question per part found, in a reader's varied wording and naming
the article by its publisher and topic, as a reader would pick one article out of many:

- headline: every article's first paragraph (PolNeAR's plain text opens with the headline);
- standfirst: a paragraph labelled standfirst (an abstract under the headline); where the headline also
  runs on into a dek ("Headline;  Dek."), a question naming the subheading or standfirst (not the
  summary) takes the dek as well: a reader sees it right under the headline (news_heldout6's n6a8
  asks the standfirst of such an article, and its writer's answer is the dek);
- byline: a closing or opening line labelled byline (an author line, a signature, a handle);
- dateline date: a lede whose dateline gives the date it was filed ("NEW YORK, Nov. 19 (UPI) — ");
- dateline place: a lede opening with a dateline ("BERLIN - ");
- dek: a headline running on into its standfirst after a semicolon ("Headline;  Dek."), the dek asked
  as the standfirst (index.structure.headline_dek);
- agency: a lede's dateline crediting a wire agency ("WASHINGTON, Aug. 19 (UPI) — "), asked which news
  agency sent the story (index.structure.dateline_credit).

The topic is two words of the article's body (not its headline) that at most three of the drawn
articles use: its most frequent capitalised name and its most frequent long lower-case word. The
questions and documents are written to a temporary corpus folder and scored with
`../shared/eval/score.py --corpus` (a passage counts only from the asked article), once per
`--code` checkout, so the same questions measure two versions. The report holds the figures only:
no PolNeAR text goes into the project (../shared/eval/polnear/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import chunk, structure  # noqa: E402

# How a reader names each publisher of PolNeAR (the prefix of its doc_id).
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "Huffington Post",
    "nyt": "New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "Washington Post",
    "west-journal": "Western Journal",
}

# Wordings per part; {o} the outlet's name, {t} the topic. Chosen in turn per article.
WORDINGS: dict[str, list[str]] = {
    "headline": [
        "What's the headline of the {o} story on {t}?",
        "headline of the {t} story please",
        "Give me the title of the {o} piece about {t}",
        "What was the {o} article about {t} called?",
    ],
    "standfirst": [
        "What does the subheading of the {o} story on {t} say?",
        "Give me the summary of the {o} article on {t}",
        "What's the standfirst of the story about {t}?",
    ],
    "byline": [
        "Who wrote the {o} piece on {t}?",
        "Who is the author of the story about {t}?",
        "Who penned the {o} op-ed on {t}?",
        "Which reporter wrote the {o} article about {t}?",
    ],
    "date": [
        "When was the {o} story on {t} filed?",
        "What date was the story about {t} filed?",
        "What's the date of the {o} article on {t}?",
    ],
    "dek": [
        "What's the standfirst of the {o} piece about {t}?",
        "What does the subheadline of the story about {t} say?",
        "Give me the dek of the {o} article on {t}",
    ],
    "agency": [
        "Which news agency sent the {o} story on {t}?",
        "What wire service is the story about {t} from?",
        "Which agency filed the {o} story on {t}?",
    ],
    "place": [
        "Where was the {o} story on {t} filed from?",
        "Which city is the {o} article about {t} datelined?",
        "Where was the story about {t} reported from?",
    ],
}

# A name inside a sentence (after a lower-case word or a comma), a long lower-case word but an adverb,
# a participle or a past tense.
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")
_WORD = re.compile(r"\b[a-z]{6,}(?<!ly)(?<!ing)(?<!ed)\b")
_COMMON = frozenset(
    "January February March April June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Republican Republicans Democrat Democrats Democratic "
    "President America American Americans States United Senate House Congress".split()
)


def _heldout_articles() -> set[str]:
    """File names of the articles the news_heldout 1-6 sets ask about (left out of the draw)."""
    out: set[str] = set()
    for n in ("", "2", "3", "4", "5", "6"):
        path = REPO / "bench" / "data" / f"news_heldout{n}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line).get("article"):
                out.add(json.loads(line)["article"])
    return out


def _has_parts(d: dict) -> bool:
    """Whether an article has a part besides its headline: a standfirst, a byline or a dated dateline."""
    ps = [d["text"][a:b] for a, b in chunk.paragraphs(d["text"])]
    kinds = structure.classify(ps)
    return bool({"standfirst", "byline"} & set(kinds)) or any(structure.dateline_dated(p) for p in ps[1:5])


def draw(docs: list[dict], articles: int, with_parts: int, seed: int) -> list[dict]:
    """An equal share of `articles` per publisher, of 1,500 to 9,000 characters, at random; then
    `with_parts` more among the rest that have a part besides their headline (`_has_parts`)."""
    skip = _heldout_articles()
    by_outlet: dict[str, list[dict]] = {}
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        if 1500 <= len(d["text"]) <= 9000 and d["doc_id"] + ".txt" not in skip:
            by_outlet.setdefault(d["doc_id"].split("_", 1)[0], []).append(d)
    rng = random.Random(seed)
    share = -(-articles // len(by_outlet))
    got = [d for o in sorted(by_outlet) for d in rng.sample(by_outlet[o], min(share, len(by_outlet[o])))]
    got = got[:articles]
    taken = {d["doc_id"] for d in got}
    rest = [d for o in sorted(by_outlet) for d in by_outlet[o] if d["doc_id"] not in taken and _has_parts(d)]
    return got + rng.sample(rest, min(with_parts, len(rest)))


def _topic(body: str, df_names: Counter[str], df_words: Counter[str]) -> str:
    """Two words naming an article's topic: its most frequent rare name and rare long word."""
    names = Counter(n for n in _NAME.findall(body) if n not in _COMMON and df_names[n] <= 3)
    words = Counter(w for w in _WORD.findall(body) if df_words[w] <= 3)
    got = [x for x, _ in names.most_common(1)] + [x for x, _ in words.most_common(1)]
    return " and ".join(got)


def questions(docs: list[dict]) -> list[dict]:
    """One question per part each article has (see the module's docstring), as score.py's corpus items."""
    paras = {d["doc_id"]: [d["text"][a:b] for a, b in chunk.paragraphs(d["text"])] for d in docs}
    bodies = {k: "\n".join(p[1:]) for k, p in paras.items()}
    df_names: Counter[str] = Counter(n for b in bodies.values() for n in set(_NAME.findall(b)))
    df_words: Counter[str] = Counter(w for b in bodies.values() for w in set(_WORD.findall(b)))
    items: list[dict] = []
    turn: Counter[str] = Counter()
    for d in docs:
        ps = paras[d["doc_id"]]
        kinds = structure.classify(ps)
        clean = [" ".join(p.split()) for p in ps]
        topic = _topic(bodies[d["doc_id"]], df_names, df_words)
        if not topic:
            continue
        outlet = OUTLETS.get(d["doc_id"].split("_", 1)[0], "")
        found = [
            ("headline", ps[i].split("\n")[0].strip()[:80]) for i, k in enumerate(kinds) if k == "headline"
        ][:1]
        found += [("standfirst", clean[i][:80]) for i, k in enumerate(kinds) if k == "standfirst"][:1]
        found += [("byline", clean[i][:60]) for i, k in enumerate(kinds) if k == "byline"][:1]
        head = next((clean[i] for i, k in enumerate(kinds) if k == "headline"), "")
        if structure.headline_dek(head):  # "Headline;  Dek." in one line: the dek is the standfirst
            found.append(("dek", head[structure.headline_dek(head) :][:80]))
        lede = next((i for i, k in enumerate(kinds) if k in ("body", "standfirst") and i >= 1), None)
        if lede is not None and lede <= 4 and structure.dateline_opening(ps[lede]):
            line = ps[lede][: structure.dateline_opening(ps[lede])].rstrip(" -–—―")
            found.append(("date" if structure.dateline_dated(ps[lede]) else "place", line))
            credit = structure.dateline_credit(ps[lede])
            if credit is not None:  # "(UPI)": the agency that sent the story
                found.append(("agency", ps[lede][credit[0] : credit[1]]))
        for kind, answer in found:
            wording = WORDINGS[kind][turn[kind] % len(WORDINGS[kind])]
            turn[kind] += 1
            answers = [answer]
            if kind == "standfirst" and structure.headline_dek(head) and "summary" not in wording:
                # "the subheading" of an article with both: the dek right under the headline is one too
                answers.append(head[structure.headline_dek(head) :][:80])
            items.append(
                {
                    "qid": f"{kind}-{len(items)}",
                    "doc_id": d["doc_id"],
                    "question": wording.format(o=outlet, t=topic),
                    "answers": answers,
                    "answerable": True,
                    "category": kind,
                }
            )
    return items


def score(corpus: Path, code: Path) -> dict[str, tuple[int, int, int]]:
    """hit@1 per part kind with the checkout `code`: {kind: (hits, declined, questions)}. The model
    is the one QA_HOME holds (the caller's environment)."""
    cmd = f"env PYTHONPATH={code} HF_HUB_OFFLINE=1 {Path(sys.executable).parent / 'qa'}"
    run = subprocess.run(
        [
            sys.executable,
            str(REPO.parent / "shared" / "eval" / "score.py"),
            "--corpus",
            str(corpus),
            "--index-cmd",
            f"{cmd} index",
            "--cmd",
            f"{cmd} chat --json",
            "--show-misses",
        ],
        capture_output=True,
        text=True,
    )
    if run.returncode:
        raise SystemExit(f"score.py failed with {code}:\n{run.stderr[-2000:]}")
    out = run.stdout
    print(out)
    items = {q["qid"]: q for q in map(json.loads, (corpus / "questions.jsonl").read_text().splitlines())}
    # score.py --show-misses: "  <qid> <why>  <question>", why "abstained", "rank N" or "miss"
    missed = {
        m.group(1): m.group(2) for m in re.finditer(r"^\s+(\S+)\s+(abstained|rank \d+|\w+)  ", out, re.M)
    }
    got: dict[str, list[int]] = {}
    for qid, q in items.items():
        row = got.setdefault(q["category"], [0, 0, 0])
        row[2] += 1
        if qid not in missed:
            row[0] += 1
        elif missed[qid] == "abstained":
            row[1] += 1
    return {k: (v[0], v[1], v[2]) for k, v in got.items()}


def score_codes(
    docs: list[dict], items: list[dict], codes: list[Path]
) -> list[dict[str, tuple[int, int, int]]]:
    """Score the same questions once per checkout: write them and their articles to a temporary
    score.py corpus folder and run `score` with each of `codes`.

    Args:
        docs: the articles, as PolNeAR's docs.jsonl rows (doc_id, text).
        items: score.py corpus questions (qid, doc_id, question, answers, answerable, category).
        codes: the checkouts to score, in order.
    Returns:
        Per checkout, in order: {category: (hits, declined, questions)}.
    """
    with tempfile.TemporaryDirectory(prefix="parts-generated-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        (folder / "questions.jsonl").write_text(
            "".join(json.dumps(q) + "\n" for q in items), encoding="utf-8"
        )
        return [score(folder, code.resolve()) for code in codes]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "polnear" / "train")
    ap.add_argument("--articles", type=int, default=70)
    ap.add_argument("--with-parts", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--code", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "reports" / "parts_generated.md")
    ap.add_argument(
        "--write",
        type=Path,
        help="only write the articles (DIR/docs/<doc_id>.txt) and the questions (DIR/gold.jsonl, score.py's"
        " gold format, each naming its article) for bench/parts.py --extra; no scoring",
    )
    args = ap.parse_args()
    with gzip.open(args.corpus / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = draw([json.loads(line) for line in f], args.articles, args.with_parts, args.seed)
    items = questions(docs)
    if args.write:
        (args.write / "docs").mkdir(parents=True, exist_ok=True)
        for d in docs:
            (args.write / "docs" / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        gold = [
            {
                **{k: q[k] for k in ("question", "answers", "answerable", "category")},
                "id": q["qid"],
                "history": [],
            }
            | {"article": f"{q['doc_id']}.txt"}
            for q in items
        ]
        (args.write / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        return
    codes = args.code or [REPO]
    results = {str(code): got for code, got in zip(codes, score_codes(docs, items, codes), strict=True)}
    kinds = sorted({k for r in results.values() for k in r})
    rows = [
        "# Parts questions generated from plain-text news (bench/parts_generated.py)",
        "",
        f"`python bench/parts_generated.py --articles {args.articles} --with-parts {args.with_parts} --seed {args.seed}"
        + "".join(f" --code {os.path.relpath(c, REPO) if c.is_relative_to(REPO) else c}" for c in codes)
        + f"`: {len(docs)} PolNeAR train articles in one index, {len(items)} questions (index.structure"
        f" VERSION {structure.VERSION} labels). hit@1 (declined) per part, one column per checkout.",
        "",
        "| part | questions | " + " | ".join(str(c) for c in codes) + " |",
        "|---|---|" + "---|" * len(codes),
    ]
    for k in [*kinds, "all"]:
        cells = []
        n = 0
        for r in results.values():
            h, dcl, n = (
                (sum(v[0] for v in r.values()), sum(v[1] for v in r.values()), sum(v[2] for v in r.values()))
                if k == "all"
                else r.get(k, (0, 0, 0))
            )
            cells.append(f"{h / max(n, 1):.3f} ({dcl / max(n, 1):.3f})")
        rows.append(f"| {k} | {n} | " + " | ".join(cells) + " |")
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
