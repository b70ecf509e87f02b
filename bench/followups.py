"""Follow-up rewrites on real news the rules were not written on: PolNeAR train articles.

    python bench/followups.py                 # 30 articles, report to bench/reports/followups.md
    python bench/followups.py --articles 60

For every quoted speaker of the sampled articles it holds short conversations ("What did X say
about Y?" then "Why?", "Who said that?", "What did she say next?", "And Z?", "And what did he say
about W?", ...) and reports:

* garbled rewrites (doubled word, broken auxiliary, doubled possessive, leftover marker), by
  qa.followup.garbled and by an independent check here; the target is none;
* how often a "he"/"she" after "What did X say ...?" was resolved to X when the documents give X
  that gender (agreement), and never to a person of the other gender.

The news-dev follow-up hit@1 is measured by ../shared/eval/score.py (see README); this bench covers
articles no question was written for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.build import build  # noqa: E402
from qa import config, followup  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.referents import gender_in  # noqa: E402
from qa.session import Conversation  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"


def own_check(text: str) -> list[str]:
    """Garbling as a reader would see it, written apart from qa.followup.garbled."""
    plain = re.sub(r"“[^”]*”", "Q", text)
    ws = re.findall(r"[\w'’]+", plain.lower())
    out = [f"doubled {a}" for a, b in zip(ws, ws[1:], strict=False) if a == b]
    if re.search(r"['’]s['’]s|s['’]['’]", plain):
        out.append("doubled possessive")
    if re.search(r"[()\[\]{}]", plain):
        out.append("leftover marker")
    if re.search(r"^\s*(?:why|when|where|how)\s+(?:did|does|do)\s+.+\bsay\s+about\b", plain, re.I):
        out.append("'say about' with nothing said")
    if re.search(r"\b(?:what|who)\s+(?:did|does)\s+(?:what|who)\b", plain, re.I):
        out.append("question inside a question")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared eval folder")
    ap.add_argument("--report", type=Path, default=REPO / "bench" / "reports" / "followups.md")
    args = ap.parse_args()

    with gzip.open(args.shared / "polnear" / "train" / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    rng = random.Random(args.seed)
    sample = rng.sample(sorted(docs, key=lambda d: d["doc_id"]), args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for d in sample:
            (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        build([folder], Path(tmp) / "index", cache_dir=config.model_cache_dir())
        engine = Engine.open(Path(tmp) / "index")
        rows, agree, agree_n, wrong_gender = run(engine, rng)

    garbled = [(r, why) for r in rows if (why := followup.garbled(r[2]) or ", ".join(own_check(r[2])))]
    changed = sum(1 for r in rows if r[2] != r[1])
    lines = [
        "# Follow-up rewrites on real news (PolNeAR train)",
        "",
        f"`python bench/followups.py --articles {args.articles} --seed {args.seed}`",
        "",
        f"- articles: {args.articles}; conversations: {len(rows)}; rewritten: {changed}",
        f"- garbled rewrites: {len(garbled)}",
        f"- he/she after 'What did X say ...?' resolved to X, where the text gives X that gender: "
        f"{agree}/{agree_n}",
        f"- he/she resolved to a person of the other gender: {wrong_gender}",
        "",
        "## Garbled",
        "",
        *[f"- `{r[0]}` / `{r[1]}` -> `{r[2]}` ({why})" for r, why in garbled[:40]],
        "",
        "## Sample of rewrites",
        "",
        *[f"- `{r[0]}` / `{r[1]}` -> `{r[2]}`" for r in rows[:: max(1, len(rows) // 60)]],
        "",
    ]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:10]))


def run(engine: Engine, rng: random.Random) -> tuple[list[tuple[str, str, str]], int, int, int]:
    """Conversations for every quoted speaker: (first question, follow-up, searched)."""
    quoted = {q.speaker for q in engine.quotes}
    speakers = [s for s in engine.speakers_index if s.name in quoted]
    conv = Conversation(engine)
    rows: list[tuple[str, str, str]] = []
    agree = agree_n = wrong_gender = 0
    for s in speakers:
        docs = [engine.docs[q.doc_id].text for q in engine.quotes if q.speaker == s.name][:1]
        gender = gender_in(s.name, docs[0]) if docs else None
        pron = {"m": "he", "f": "she"}.get(gender or "", "they")
        other = rng.choice(speakers).name
        short = s.name.split()[-1]
        topic = rng.choice(["the election", "the campaign", "taxes", "the court", other.split()[-1]])
        first = f"What did {short} say about {topic}?"
        for follow in [
            "Why?",
            "When was that?",
            "Who said that?",
            f"What did {pron} say next?",
            f"And {other}?",
            f"And what did {pron} say about the economy?",
            f"Did {pron} mention {followup.possessive(other.split()[-1])} plan?",
            "How did it end?",
            f"Where did {pron} say that?",
        ]:
            conv.reset()
            conv.ask(first, 3)
            searched = conv.ask(follow, 3).searched
            rows.append((first, follow, searched))
            if pron in ("he", "she") and follow.startswith("And what did"):
                agree_n += 1
                agree += s.name in searched or short in searched
                others = [
                    x.name
                    for x in engine.speakers_index
                    if x.name != s.name
                    and x.name in searched
                    and gender_in(x.name, docs[0]) not in (None, gender)
                ]
                wrong_gender += bool(others)
    return rows, agree, agree_n, wrong_gender


if __name__ == "__main__":
    main()
