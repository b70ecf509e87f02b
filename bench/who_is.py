"""Generated "Who is X?" questions over real news, asked end to end.

    python bench/who_is.py [--articles 100] [--seed 0] [--code /work/main] [--code .]
        [--corpus ../shared/eval/polnear/train] [--out REPORT.md]

Draws `--articles` PolNeAR train articles as bench/parts_generated.py does (an equal share per
publisher, 1,500 to 9,000 characters, the news_heldout articles left out) and asks, for up to two
people per article, "Who is <full name>?". The people are two-word names ("Roger Stone") of the
body whose surname the article later uses alone (`people`), and that at most RARE of the drawn
articles name (a person the article introduces, not a household name whose first mention describes
nothing). The gold passage is the one of the name's first mention in the body: news
style introduces a person there ("David Duke, a former leader of the white supremacist group",
"longtime Trump associate Roger Stone"), and later mentions use the surname alone. The gold text is
the name with up to 40 characters after it, which score.py finds in that passage only.

This criterion is independent of qa.frame.defines (an apposition, a relative clause or a copula):
a first mention introduced by a title before the name counts as gold too. The questions are scored
with ../shared/eval/score.py --corpus once per `--code` checkout. The report holds figures only: no
PolNeAR text goes into the project (../shared/eval/polnear/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import parts_generated  # noqa: E402

_NAME = re.compile(
    r"(?!(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|The|Most|Some|Many|Senate|House|White|Supreme|State|Fox|But|And|Although|Though|When|If|While|After|Before|As|In|On|At|For|So|Yet|Then|Since|Because|Like|With|Even) )"
    r"[A-Z][a-z]+ [A-Z][a-z]{2,}"
)
# A person the drawn articles rarely name (at most this many of them, by surname): one the article
# introduces, not a household name ("Donald Trump") whose first mention describes nothing.
RARE = 2


def people(text: str) -> list[str]:
    """The people an article introduces: a two-word name ("Roger Stone") in its body whose surname
    the article later uses alone ("Stone said"), as news style refers to a person after naming them.

    Args:
        text: the article (its first line, the headline, left out).
    Returns:
        The full names, in order of first mention.
    """
    body = text[text.find("\n") + 1 :]
    out = []
    for m in _NAME.finditer(body):
        name = m.group()
        first, surname = name.split()
        alone = re.findall(rf"(?<!{re.escape(first)} )\b{re.escape(surname)}\b(?!\s+[A-Z])", body[m.end() :])
        if alone and name not in out:
            out.append(name)
    return out


def questions(docs: list[dict]) -> list[dict]:
    """Up to two "Who is X?" questions per article (see the module's docstring), as score.py's corpus
    items."""
    found = {d["doc_id"]: people(d["text"]) for d in docs}
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for surname in {n.split()[1] for ns in found.values() for n in ns}:
            df[surname] += bool(re.search(rf"\b{re.escape(surname)}\b", d["text"]))
    items: list[dict] = []
    for d in docs:
        text = d["text"]
        body = text.find("\n") + 1
        for name in [n for n in found[d["doc_id"]] if df[n.split()[1]] <= RARE][:2]:
            first = text.find(name, body)
            gold = text[first : first + len(name) + 40].split("\n")[0]
            if text.count(gold) != 1:
                continue
            items.append(
                {
                    "qid": f"who-is-{len(items)}",
                    "doc_id": d["doc_id"],
                    "question": f"Who is {name}?",
                    "answers": [gold],
                    "answerable": True,
                    "category": "who-is",
                }
            )
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "polnear" / "train")
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--code", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, help="write the figures here (markdown)")
    args = ap.parse_args()
    with gzip.open(args.corpus / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = parts_generated.draw([json.loads(line) for line in f], args.articles, 0, args.seed)
    items = questions(docs)
    codes = args.code or [REPO]
    rows = [
        "| checkout | questions | hit@1 | declined |",
        "|---|---|---|---|",
    ]
    for code, got in zip(codes, parts_generated.score_codes(docs, items, codes), strict=True):
        h, dcl, n = got.get("who-is", (0, 0, 0))
        rows.append(f"| {code} | {n} | {h / max(n, 1):.3f} | {dcl / max(n, 1):.3f} |")
    head = (
        f"`python bench/who_is.py --articles {args.articles} --seed {args.seed}"
        + "".join(f" --code {c}" for c in codes)
        + f"`: {len(docs)} PolNeAR train articles in one index, {len(items)} questions."
    )
    out = "\n".join([head, "", *rows]) + "\n"
    if args.out:
        args.out.write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
