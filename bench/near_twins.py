"""Near misses with answerable twins, generated from PolNeAR train articles (issue 9, deliver 3).

    python bench/near_twins.py                                  # 25 articles (seed 0), report to stdout
    python bench/near_twins.py --out bench/reports/near_twins.md
    python bench/near_twins.py --off qa.possessed.POSSESSED --off qa.time_scope.TIME_SCOPE  # before

Over bench/polnear_speaker_questions.py's sample (its index is shared), each answerable speaker
question "What did <X> say about <word>?" (an annotated attribution of X holds the word) gets twins:

- relative (unanswerable): "What did <X>'s <relative> say about <word>?", the relative a noun the
  article never writes (the person asked for through a quoted one is never quoted);
- year-other (unanswerable): "... about <word> in <year>?", a year the article never names, near
  the years it does (a time the article cannot tie the words to);
- year (answerable): "... about <word> in <year>?", a year named in the attribution's paragraph;
- occasion-other / occasion: "... about <word> in a <year> interview?", the year dating the
  occasion of the words (a year the article never names / one of the attribution's paragraph);
- day-other / day (the same with "on <weekday>", a weekday the article never names / one the
  attribution's paragraph names);
- plain (answerable): the question itself, for the false abstention of the same questions.

The speaker sample's own "never quoted" questions (a person the article mentions but no annotation
quotes) are reported too ("never"). Each kind's share declined is reported; for the answerable kinds
that share is false abstention. Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as speaker  # noqa: E402
import quality  # noqa: E402

RELATIVES = ("mother", "wife", "brother", "daughter", "lawyer", "husband", "son", "father")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_YEAR = re.compile(r"(?<![\w$.,])(?:19[5-9]\d|20[0-2]\d)(?![\w])")
_PARA = re.compile(r"\n\s*\n|\n")


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph(s) of `text` around a span."""
    a = max((m.end() for m in _PARA.finditer(text, 0, start)), default=0)
    m = _PARA.search(text, end)
    return text[a : m.start() if m else len(text)]


def _absent_year(text: str, near: int) -> str | None:
    """A year the article never names, a few years from `near`."""
    for k in (3, -3, 5, -5, 7, -7, 11, -11):
        y = str(near + k)
        if y not in text:
            return y
    return None


def twins(items: list[dict], docs: dict[str, str]) -> list[dict]:
    """The twins of the sample's answerable speaker questions (see the module docstring).

    Args:
        items: bench/polnear_speaker_questions.speaker_set's questions.
        docs: article id -> text.
    Returns:
        Items with "question", "answerable", "kind" and "article".
    """
    out: list[dict] = []
    seen: set[str] = set()
    for n, it in enumerate(i for i in items if i["answerable"] and "kind" not in i):
        q = it["question"]
        m = re.match(r"What did (?P<x>.+?) say about (?P<w>[^?]+)\?$", q)
        if m is None or q in seen:
            continue
        seen.add(q)
        text = docs[it["article"]]
        x, w = m.group("x"), m.group("w")
        base = {"article": it["article"], "history": []}
        out.append({**base, "question": q, "answerable": True, "kind": "plain"})
        absent = [r for r in RELATIVES if not re.search(rf"\b{r}s?\b", text, re.I)]
        if absent:
            rel = absent[n % len(absent)]
            out.append(
                {
                    **base,
                    "question": f"What did {x}'s {rel} say about {w}?",
                    "answerable": False,
                    "kind": "relative",
                }
            )
        s, e = it["spans"][0]
        para = _paragraph(text, s, e)
        years = _YEAR.findall(para)
        all_years = [int(y) for y in _YEAR.findall(text)]
        if years:
            out.append(
                {
                    **base,
                    "question": f"What did {x} say about {w} in {years[0]}?",
                    "answerable": True,
                    "kind": "year",
                }
            )
        other = _absent_year(text, int(years[0]) if years else (max(all_years) if all_years else 2016))
        if other:
            out.append(
                {
                    **base,
                    "question": f"What did {x} say about {w} in {other}?",
                    "answerable": False,
                    "kind": "year-other",
                }
            )
        if years:
            q_year = f"What did {x} say about {w} in a {years[0]} interview?"
            out.append({**base, "question": q_year, "answerable": True, "kind": "occasion"})
        if other:
            q_other = f"What did {x} say about {w} in a {other} interview?"
            out.append({**base, "question": q_other, "answerable": False, "kind": "occasion-other"})
        days = [d for d in DAYS if re.search(rf"\b{d}\b", para)]
        if days:
            out.append(
                {
                    **base,
                    "question": f"What did {x} say on {days[0]} about {w}?",
                    "answerable": True,
                    "kind": "day",
                }
            )
        never = [d for d in DAYS if d not in text]
        if never:
            out.append(
                {
                    **base,
                    "question": f"What did {x} say on {never[n % len(never)]} about {w}?",
                    "answerable": False,
                    "kind": "day-other",
                }
            )
    out += [{**it, "kind": "never"} for it in items if not it["answerable"] and "kind" not in it]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="write the report here as well")
    ap.add_argument("--show", action="store_true", help="print wrong decisions (never into a report)")
    ap.add_argument("--kinds", nargs="*", default=None, help="ask only these kinds")
    ap.add_argument("--off", action="append", default=[], metavar="MODULE.NAME", help="switch a boolean off")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))
    quality.override(args.off, [])
    from qa.session import Conversation

    engine, items = speaker.speaker_set(args.articles, args.seed)
    folder = quality.OUT / f"polnear-train-{args.articles}-{args.seed}"
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    asked = [it for it in twins(items, docs) if args.kinds is None or it["kind"] in args.kinds]
    conv = Conversation(engine)
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for it in asked:
        conv.reset()
        a = conv.ask(it["question"], 5)
        tally[it["kind"]]["n"] += 1
        tally[it["kind"]]["declined"] += a.abstained
        if args.show and a.abstained == it["answerable"]:
            print(it["kind"], it["question"], "->", a.reason or a.hits[0].text[:100])
    lines = [
        "# Near misses with answerable twins (bench/near_twins.py)",
        "",
        f"PolNeAR train sample: {args.articles} articles, seed {args.seed}; switched off: "
        + (", ".join(args.off) or "nothing"),
        "",
        "| kind | answerable | n | declined | share |",
        "|---|---|---|---|---|",
    ]
    answerable = {"plain", "year", "occasion", "day"}
    kinds = (
        "plain",
        "year",
        "occasion",
        "day",
        "relative",
        "year-other",
        "occasion-other",
        "day-other",
        "never",
    )
    for kind in kinds:
        t = tally.get(kind)
        if t:
            lines.append(
                f"| {kind} | {'yes' if kind in answerable else 'no'} | {t['n']} | {t['declined']} | "
                f"{t['declined'] / t['n']:.3f} |"
            )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
