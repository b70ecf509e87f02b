"""Speaker questions in other forms than "What did X say about Y?", generated from PolNeAR train.

    python bench/question_forms.py --articles 40 --seed 3 --out bench/reports/question_forms.md

Indexes a fixed random sample of train articles (bench/polnear_speaker_questions.speaker_set: never
news-dev's, never dev or test) and asks, for every annotated attribution to a named source of 40
characters or more, with <word> the rarest word of what was said (as that script picks it), the
same question in several forms:

- said: "What did <name> say about <word>?" (the form the ranking was fit on: the control);
- anything: "Did <name> say anything about <word>?" (a yes/no question about someone's words);
- take: "What's <name>'s take on <word>?" (a view noun: take, position, stance, view);
- think: "Does <name> have a view on <word>?";
- why: "Why did <name> bring up <word>?" (a why-question about a speaker's act: the reason is in
  their own words);
- which: "Which <noun> said <words>?", <words> the seven words around <word> in the quote, <noun> one
  of person, official, leader, source: a who-question whose answer is the speaker of the quote;
- capital: "Did <name> say anything about <capital>?" for an attribution naming a country by its
  name ("Iran"), asked by its capital ("Tehran"): the capital stands for the country's government.

Gold: the first passage (hit@1) holds the attribution's content (same article, overlapping span),
as in polnear_speaker_questions.py. Each form is asked too of a two-word name the article mentions
that no attribution in the sample uses (never quoted): it must be declined ("never declined"). The
"which" form has no never-quoted variant. Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polnear_speaker_questions as psq  # noqa: E402
import quality  # noqa: E402

from qa.session import Conversation  # noqa: E402

FORMS: dict[str, str] = {
    "said": "What did {name} say about {topic}?",
    "anything": "Did {name} say anything about {topic}?",
    "take": "What's {name}'s {noun} on {topic}?",
    "think": "Does {name} have a view on {topic}?",
    "why": "Why did {name} bring up {topic}?",
    "which": "Which {noun} said {topic}?",
    "capital": "Did {name} say anything about {topic}?",
}
_VIEW = ("take", "position", "stance", "view")
_WHICH = ("person", "official", "leader", "source")


def _capitals() -> dict[str, str]:
    """One-word country names (as written, capitalised) -> their capital, from countryinfo's table."""
    from qa.equivalents import country_table

    out: dict[str, str] = {}
    for info in country_table():
        name, capital = info.get("name") or "", info.get("capital") or ""
        if re.fullmatch(r"[A-Z][a-z]+", name) and re.fullmatch(r"[A-Z][a-z]+", capital):
            out[name] = capital
    return out


def form_questions(items: list[dict], rng: random.Random) -> list[dict]:
    """Each named question of polnear_speaker_questions.questions asked in every form.

    Args:
        items: the answerable named questions and the never-quoted ones (no "kind", or "never" in the id).
        rng: picks the view noun and the "which" noun.
    Returns:
        The questions, each with "form" and "answerable".
    """
    capitals = _capitals()
    out: list[dict] = []
    for it in items:
        m = re.fullmatch(r"What did (?P<name>.+) say about (?P<word>\w+)\?", it["question"])
        if m is None:
            continue
        name, word = m.group("name"), m.group("word")
        for form in ("said", "anything", "take", "think", "why"):
            q = FORMS[form].format(name=name, topic=word, noun=rng.choice(_VIEW))
            out.append({**it, "form": form, "question": q})
        if it["answerable"]:
            words = psq._around(it["said"], word).strip(" ,.;:\"'“”")
            q = FORMS["which"].format(noun=rng.choice(_WHICH), topic=words)
            out.append({**it, "form": "which", "question": q})
            country = next((c for c in capitals if re.search(rf"\b{c}\b", it["said"])), None)
            if country:
                spans = it["spans"]
                out.append(
                    {
                        **it,
                        "form": "capital",
                        "question": FORMS["capital"].format(name=name, topic=capitals[country]),
                        "spans": spans,
                    }
                )
        elif it.get("kind") != "off":
            out.append(
                {**it, "form": "capital", "question": FORMS["capital"].format(name=name, topic="Paris")}
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--forms", default=",".join(FORMS), help="comma-separated forms to ask")
    ap.add_argument("--out", type=Path, default=None, help="write the report here as well")
    ap.add_argument("--show-misses", action="store_true", help="print missed questions (never into a report)")
    args = ap.parse_args()
    os.environ.setdefault("QA_HOME", str(quality.OUT / "home"))

    engine, items = psq.speaker_set(args.articles, args.seed)
    named = [it for it in items if it.get("kind") is None]  # answerable and never-quoted, by name
    asked = [q for q in form_questions(named, random.Random(args.seed)) if q["form"] in args.forms.split(",")]
    conv = Conversation(engine)
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for it in asked:
        conv.reset()
        a = conv.ask(it["question"], 5)
        c = tally[it["form"]]
        if it["answerable"]:
            shown = list(a.nearest if a.abstained else a.passages)[:5]
            hit = bool(shown) and not a.abstained and psq.holds(shown[0], it)
            c["n"] += 1
            c["hit@1"] += hit
            c["recall@5"] += any(psq.holds(p, it) for p in shown)
            c["declined"] += a.abstained
            if args.show_misses and not hit:
                top = "DECLINED " + a.reason if a.abstained else (shown[0].speaker, shown[0].text[:100])
                print("MISS", it["form"], it["question"], "| said:", it["said"][:100], "| top:", top)
        else:
            c["never"] += 1
            c["never declined"] += a.abstained
            if args.show_misses and not a.abstained:
                print("ANSWERED", it["form"], it["question"], "|", a.passages[0].text[:100])
    lines = [
        f"# Speaker question forms on PolNeAR train ({args.articles} articles, seed {args.seed})",
        "",
        f"`python bench/question_forms.py --articles {args.articles} --seed {args.seed}`",
        "",
        "| form | example | n | hit@1 | recall@5 | answerable declined | never quoted | never declined |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for form in FORMS:
        c = tally.get(form)
        if not c:
            continue
        n, nn = max(c["n"], 1), max(c["never"], 1)
        example = FORMS[form].format(name="X", topic="Y", noun="take" if form == "take" else "person")
        lines.append(
            f"| {form} | {example} | {c['n']} | {c['hit@1'] / n:.3f} | {c['recall@5'] / n:.3f} "
            f"| {c['declined'] / n:.3f} | {c['never']} | "
            + (f"{c['never declined'] / nn:.3f} |" if c["never"] else "- |")
        )
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
