"""Speaker near misses asked in the forms real readers use, on questions generated from PolNeAR train.

    python bench/speaker_forms.py --seed 0 [--out R]           # this tree's qa
    QA_CODE=/work/main python bench/speaker_forms.py --seed 0  # another tree's qa, to compare

bench/polnear_speaker_questions.speaker_set's questions ("What did <name> say about <word>?":
answerable, "off" = X quoted but never on the word, "never" = X never quoted) are asked again in
other wordings of the same request, end to end in-process:

- "say about": the generator's own wording;
- "tell reporters about": an addressee between the verb and the topic ("What did Clinton tell the
  union about trade deals?", news_heldout7 n7d9);
- "say about ... in an interview": the occasion after the topic ("What did Obama say about climate
  change in his address?", article_heldout8 h8n08);
- "tweet about": another verb of speech (n7a10);
- "unknown topic": X quoted, asked about a word no document of the sample uses (taken from an
  annotated attribution of a train article outside the sample; h8n08's "climate change").

For each form and kind the share declined is reported: the answerable share declined is the cost,
the others the reach. Texts are read at run time and never stored in the project.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, os.environ.get("QA_CODE", str(REPO)))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# The packages first, from QA_CODE: the generator puts this tree first on the path, but a package
# once imported keeps its own folder.
import index  # noqa: E402, F401
import qa  # noqa: E402, F401
from qa.session import Conversation  # noqa: E402

psq = importlib.import_module("polnear_speaker_questions")
quality = importlib.import_module("quality")

_ASKED = re.compile(r"^What did (?P<x>.+?) say about (?P<w>[a-z]+)\?$")
FORMS = {
    "say about": "What did {x} say about {w}?",
    "tell reporters about": "What did {x} tell reporters about {w}?",
    "say about ... in an interview": "What did {x} say about {w} in an interview?",
    "tweet about": "What did {x} tweet about {w}?",
}


def kind_of(it: dict) -> str:
    """The kind of a generated question: "ans", "off" or "never"."""
    return "off" if it.get("kind") == "off" else "ans" if it["answerable"] else "never"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--articles", type=int, default=25)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--show", action="store_true", help="print answerable questions declined (never into a report)"
    )
    args = ap.parse_args()
    engine, items = psq.speaker_set(args.articles, args.seed)
    items = [it for it in items if _ASKED.match(it["question"]) and it.get("kind") in (None, "off")]
    conv = Conversation(engine)
    counts: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)

    def ask(form: str, kind: str, question: str) -> None:
        conv.reset()
        a = conv.ask(question, 5)
        counts[(form, kind)]["n"] += 1
        counts[(form, kind)]["declined"] += a.abstained
        if args.show and a.abstained and kind == "ans":
            print(f"declined answerable: {question} ({a.reason})", file=sys.stderr)

    for it in items:
        m = _ASKED.match(it["question"])
        assert m is not None
        for form, pattern in FORMS.items():
            ask(form, kind_of(it), pattern.format(x=m.group("x"), w=m.group("w")))
    # X quoted, asked about a word no document of the sample uses.
    rng = random.Random(args.seed)
    in_sample = {it["article"] for it in items if "article" in it}
    outside = [a["content_text"] for a in psq._read("attributions.jsonl.gz") if a["doc_id"] not in in_sample]
    quoted = sorted(
        {m.group("x") for it in items if it["answerable"] and (m := _ASKED.match(it["question"]))}
    )
    for x in quoted:
        for _ in range(2):
            word = psq._rarest(rng.choice(outside), {v.lower() for v in x.split()})
            terms = engine.terms(word or "")
            if word and terms and not any(engine.lexical.known(t) for t in terms):
                ask("unknown topic", "off", f"What did {x} say about {word}?")
    code = os.environ.get("QA_CODE", "this tree")
    lines = [
        f"Speaker questions by wording, PolNeAR train seed {args.seed}, {args.articles} articles; qa from {code}",
        "",
        "| wording | answerable declined | off-topic declined | never quoted declined |",
        "|---|---:|---:|---:|",
    ]
    for form in [*FORMS, "unknown topic"]:
        cells = []
        for kind in ("ans", "off", "never"):
            c = counts.get((form, kind))
            cells.append(f"{c['declined'] / c['n']:.3f} ({c['declined']}/{c['n']})" if c else "-")
        lines.append(f"| {form} | " + " | ".join(cells) + " |")
    quality.publish(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
