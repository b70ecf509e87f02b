"""Count the wrong speakers on a PolNeAR split by kind (develop on train only; never on dev or test).

    python bench/attribution_eval.py --corpus ../shared/eval/polnear/train --out /tmp/train.jsonl
    python bench/attribution_speaker_errors.py /tmp/train.jsonl            # counts by kind
    python bench/attribution_speaker_errors.py /tmp/train.jsonl pron/direct 20   # and 20 examples
    python bench/attribution_speaker_errors.py /tmp/new.jsonl --diff /tmp/old.jsonl 30  # golds that changed
    python bench/attribution_speaker_errors.py /tmp/train.jsonl --runs 20   # errors a run inherits

Matches system items to gold as ../shared/eval/attribution.py does (its own functions, imported at
run time) and files every judged gold found with the wrong speaker under
`<gold by>/<source kind>/<direct|rep>/<mention>/<wrong|null>`: the source kind is a pronoun, a
description or a name; the mention is `samemention` (we read the gold's source and resolved it
wrongly), `othermention` (we took another source) or `nomention` (a quotation with no attribution
of its own whose speaker we guessed).
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)
sys.path.insert(0, str(ROOT / "bench"))

from attribution_halves import halves  # noqa: E402
from fit_attribution import load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "it", "you"}


def _kind(sc: Any, g: dict[str, Any], sy: dict[str, Any], by: str) -> str:
    st = (g.get("source_text") or "").strip().lower()
    skind = "pron" if st in PRONOUNS else "desc" if by == "coref" else "name"
    m, gs = sy.get("mention"), g.get("source")
    if m is None:
        mk = "nomention"
    elif gs and min(gs[1], m["end"]) > max(gs[0], m["start"]):
        mk = "samemention"
    else:
        mk = "othermention"
    return f"{by}/{skind}/{'direct' if sy['direct'] else 'rep'}/{mk}/{'wrong' if sy['speaker'] else 'null'}"


def _judge(
    sc: Any,
    docs: dict[str, str],
    gold: list[dict[str, Any]],
    path: str,
    sys_out: dict[str, list[dict[str, Any]]] | None = None,
) -> tuple[
    list[tuple[str, str, dict[str, Any], dict[str, Any], str]],
    dict[tuple[str, int], tuple[bool, dict[str, Any], str]],
]:
    """Match a system file to gold as the scorer does.

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines.
        sys_out: when given, filled with the system items by document (the objects judged).
    Returns:
        (the wrong cases as (kind, doc, gold, system item, gold name), and for every judged gold found,
        keyed by (doc, gold index in the doc): (right?, system item, gold name)).
    """
    sys_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        sys_by[sc.doc_key(r["doc"], docs)].append(r)
    if sys_out is not None:
        sys_out.update(sys_by)
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    cases: list[tuple[str, str, dict[str, Any], dict[str, Any], str]] = []
    judged: dict[tuple[str, int], tuple[bool, dict[str, Any], str]] = {}
    for d, text in docs.items():
        syss, golds = sys_by.get(d, []), gold_by.get(d, [])
        best: dict[int, tuple[float, int]] = {}
        for si, sy in enumerate(syss):
            slen = sy["end"] - sy["start"]
            for gi, g in enumerate(golds):
                glen = sum(b - a for a, b in g["content"])
                ov = sc.overlap(sy["start"], sy["end"], g["content"])
                if ov > 0 and ov >= 0.5 * min(glen, slen):
                    share = ov / max(glen, slen)
                    if gi not in best or share > best[gi][0]:
                        best[gi] = (share, si)
        for gi, g in enumerate(golds):
            name = sc.gold_name(g, text)
            if gi not in best or not name:
                continue
            sy = syss[best[gi][1]]
            ok = bool(sc.surname(sy["speaker"])) and sc.surname(sy["speaker"]) == sc.surname(name)
            judged[(d, gi)] = (ok, sy, name)
            if ok:
                continue
            by = (
                "coref"
                if g.get("source_resolved_by") == "coref" and name == g.get("source_resolved")
                else "name"
            )
            cases.append((_kind(sc, g, sy, by), d, g, sy, name))
    return cases, judged


def _show(text: str, g: dict[str, Any]) -> str:
    lo = max(0, min(g["content"][0][0], (g["source"] or [len(text)])[0]) - 250)
    return text[lo : g["content"][-1][1] + 100].replace("\n", " ¶ ")


def _diff(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], new: str, old: str, n: int) -> int:
    """Print the judged golds whose speaker became right or wrong from `old` to `new`."""
    _c, a = _judge(sc, docs, gold, new)
    _c, b = _judge(sc, docs, gold, old)
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    won = [k for k in a if a[k][0] and k in b and not b[k][0]]
    lost = [k for k in a if not a[k][0] and k in b and b[k][0]]
    print(
        f"won {len(won)}, lost {len(lost)}, newly found {len(set(a) - set(b))}, no longer {len(set(b) - set(a))}"
    )
    for label, keys in (("WON", won), ("LOST", lost)):
        for d, gi in random.Random(1).sample(keys, min(n, len(keys))):
            g = gold_by[d][gi]
            print(f"\n### {label} {d}\n  gold: {a[(d, gi)][2]} | source: {g.get('source_text')}")
            print(f"  new: {a[(d, gi)][1]['speaker']} | old: {b[(d, gi)][1]['speaker']}")
            print("  text:", _show(docs[d], g))
    return 0


def _head(items: list[dict[str, Any]], i: int) -> dict[str, Any] | None:
    """The quotation a cueless direct item's speaker was carried from: walking back over the earlier
    direct items of its document (reported ones skipped) without a source mention of their own and
    with the same speaker,
    the first one with a mention (an explicit source), or None when the run has no explicit head.

    Args:
        items: one document's system items sorted by start; i: the cueless item's index.
    Returns:
        The run's head item, or None.
    """
    spk = items[i]["speaker"]
    for j in range(i - 1, -1, -1):
        it = items[j]
        if not it["direct"]:
            continue  # reported speech between does not break a run (sources._resolve_unattributed)
        if it["speaker"] != spk:
            return None
        if it["mention"] is not None:
            return it
    return None


def _runs(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str, n: int) -> int:
    """The run effect: of the wrong speakers of cueless direct quotations, how many continue a run whose
    explicit head was itself wrong (the inherited error), right, or not judged, or belong to no run;
    and the kinds of the wrong heads (the explicit-source errors that start runs), with examples.
    A head matching no judged gold is told apart when the gold spans it too (a quotation its own cue
    splits: one attribution, its source the head's).

    Args:
        sc: the scorer module; docs, gold: the split; path: the system's JSON lines; n: examples shown.
    Returns:
        0 (the counts and examples are printed).
    """
    sys_items: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    cases, judged = _judge(sc, docs, gold, path, sys_items)
    status: dict[int, tuple[bool, str]] = {id(sy): (ok, name) for ok, sy, name in judged.values()}
    kind_of: dict[int, str] = {id(sy): k for k, _d, _g, sy, _n in cases}
    for d in sys_items:
        sys_items[d].sort(key=lambda x: (x["start"], x["end"]))
    tally: collections.Counter[str] = collections.Counter()
    heads: collections.Counter[str] = collections.Counter()
    examples: list[tuple[str, str, dict[str, Any], dict[str, Any], str]] = []
    guesses: list[tuple[str, str, dict[str, Any], dict[str, Any], str]] = []
    for k, d, g, sy, name in cases:
        if "/direct/nomention/wrong" not in k:
            continue
        items = sys_items[d]
        i = next(j for j, x in enumerate(items) if x is sy)
        head = _head(items, i)
        if head is None:
            tally["no run: the speaker is no earlier explicit quotation's (a guess)"] += 1
            guesses.append((k, d, g, sy, name))
            continue
        if id(head) not in status:
            # the gold spans both parts of a quotation its cue splits ("...," he said. "..."), and was
            # matched to this part: the head's source is this gold's source
            same = sc.overlap(head["start"], head["end"], g["content"]) > 0
            key = "head is the same gold's first part" if same else "head matches no judged gold"
            tally[key] += 1
            examples.append((key, d, g, head, name))
            continue
        ok, hname = status[id(head)]
        tally[f"head {'right' if ok else 'wrong'}"] += 1
        if not ok:
            heads[kind_of[id(head)]] += 1
        examples.append((kind_of[id(head)] if not ok else "right", d, g, head, name))
    print(f"{sum(tally.values())} wrong cueless direct quotations")
    for key, c in tally.most_common():
        print(f"{c:5d} {key}")
    print("kinds of the wrong explicit heads:")
    for key, c in heads.most_common():
        print(f"{c:5d} {key}")
    print("examples (the head's kind, or right / unjudged):")
    for k, d, g, head, hname in random.Random(1).sample(examples, min(n, len(examples))):
        print(
            f"\n### head {k} {d}\n  gold of the cueless quotation: {hname} | head ours: "
            f"{head['speaker']} | source: {head.get('source_text')} | verb: {head.get('verb')}"
        )
        lo = max(0, head["mention"]["start"] - 200)
        print("  text:", docs[d][lo : g["content"][-1][1] + 60].replace("\n", " ¶ "))
    print("\nexamples of guesses:")
    for k, d, g, sy, name in random.Random(2).sample(guesses, min(n, len(guesses))):
        print(f"\n### guess {k} {d}\n  gold: {name} | ours: {sy['speaker']}")
        print("  text:", _show(docs[d], g))
    return 0


# Wrong speakers of train hand-labelled (round 19, attr19) as PolNeAR reference errors (the gold's source
# is resolved to someone else than the text's speaker, or names them by a fragment the scorer's surname
# rule cannot match: "Betsy" for Betsy Ebeling) or real errors of ours; keyed by document and source
# offset, no text. So far: every wrong pronoun source read at the gold's mention (`*/pron/*/samemention`)
# of main 1ab34d5.
REFERENCE_LABELS = ROOT / "bench" / "data" / "attribution_reference_train.jsonl"


def _labels() -> dict[tuple[str, int], str]:
    """(doc_id, gold source start) -> "reference" | "real", from REFERENCE_LABELS (empty when absent)."""
    if not REFERENCE_LABELS.exists():
        return {}
    out: dict[tuple[str, int], str] = {}
    for line in REFERENCE_LABELS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[(r["doc_id"], r["source_start"])] = r["label"]
    return out


ORG_HINTS = re.compile(
    r"\b(?:times|post|news|press|journal|herald|tribune|magazine|politico|cnn|nbc|abc|cbs|fox|msnbc|"
    r"reuters|department|committee|commission|council|board|agency|office|house|campaign|party|"
    r"court|union|institute|center|university|group|inc|corp|company|association|network|poll|"
    r"foundation|administration|ministry|senate|congress)\b",
    re.I,
)
SPOKES = re.compile(r"\b(?:spokes\w*|aides?|representatives?|press secretary|director|chief|for)\b", re.I)


def error_class(
    sc: Any, text: str, golds: list[dict[str, Any]], k: str, g: dict[str, Any], sy: dict[str, Any], name: str
) -> str:
    """File one wrong speaker under the error classes of round 20's error count (first match wins).

    Args:
        sc: the scorer module; text: the document; golds: the document's gold attributions.
        k: the case's kind (see _kind); g: the gold; sy: our item; name: the gold's name.
    Returns:
        One of: nested, headline/byline, list, org-vs-person, name form, pronoun antecedent,
        description, cueless guess, other source taken, own source misread.
    """
    gs, ge = g["content"][0][0], g["content"][-1][1]
    outer = any(
        o is not g
        and o["content"][0][0] <= gs
        and ge <= o["content"][-1][1]
        and (o["content"][-1][1] - o["content"][0][0]) > ge - gs
        for o in golds
    )
    if outer or sy["end"] - sy["start"] > 1.5 * (ge - gs) + 20:
        return "nested/embedded speech"
    first = text.find("\n")
    m = sy.get("mention")
    if m is not None and (
        m["start"] < first
        or re.search(r"\b(?:By|Follow|Contact|Reporting by)\s+$", text[max(0, m["start"] - 12) : m["start"]])
    ):
        return "headline/byline as speaker"
    st = g.get("source_text") or ""
    if re.search(r"\band\b|,.*,", st) and not re.search(r"\b(?:who|whose|which)\b", st) and " and " in st:
        return "speaker inside a list"
    ours = sy.get("speaker") or ""
    if ours and name and (bool(ORG_HINTS.search(ours)) != bool(ORG_HINTS.search(name)) or SPOKES.search(st)):
        return "organisation vs its spokesperson"
    gt = {t.lower() for t in re.findall(r"\w+", name)}
    ot = {t.lower() for t in re.findall(r"\w+", ours)}
    if ours and gt & ot:
        return "name form (apposition, Mr. Lou/Lou Jiwei)"
    if "/pron/" in k:
        return "pronoun antecedent"
    if "/desc/" in k:
        return "description ('the senator')"
    if "/nomention/" in k:
        return "cueless quotation guessed"
    if "/othermention/" in k:
        return "another source taken"
    return "own source misread"


def _classes(sc: Any, docs: dict[str, str], gold: list[dict[str, Any]], path: str, n: int) -> int:
    """Print the wrong speakers by error class (error_class), with labelled reference errors apart."""
    cases, judged = _judge(sc, docs, gold, path)
    labels = _labels()
    gold_by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    by: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any], str]]] = collections.defaultdict(list)
    for k, d, g, sy, name in cases:
        if labels.get((d, (g.get("source") or [-1])[0])) == "reference":
            cls = "PolNeAR reference error (hand-labelled)"
        else:
            cls = error_class(sc, docs[d], gold_by[d], k, g, sy, name)
        by[cls].append((k, d, g, sy, name))
    print(
        f"{len(cases)} wrong of {len(judged)} judged golds found (accuracy {1 - len(cases) / len(judged):.4f})"
    )
    for cls, items in sorted(by.items(), key=lambda x: -len(x[1])):
        print(f"{len(items):5d} {cls}")
    for cls, items in sorted(by.items(), key=lambda x: -len(x[1])):
        print(f"\n## {cls}")
        for _k, d, g, sy, name in random.Random(3).sample(items, min(n, len(items))):
            print(
                f"- {d}: gold {name!r} (source {g.get('source_text')!r}), ours {sy['speaker']!r} (source {sy.get('source_text')!r})"
            )
            print("  ", _show(docs[d], g)[-400:])
    return 0


def main() -> int:
    sc = load_scorer()
    docs, gold = sc.load_split(str(SHARED / "eval" / "polnear" / "train"))
    if "--half" in sys.argv:  # develop on one half of train (bench/attribution_halves.py)
        i = sys.argv.index("--half")
        keep = dict(zip("AB", halves(list(docs)), strict=True))[sys.argv[i + 1]]
        del sys.argv[i : i + 2]
        docs = {k: v for k, v in docs.items() if k in keep}
        gold = [g for g in gold if g["doc_id"] in keep]
    if len(sys.argv) > 2 and sys.argv[2] == "--classes":
        return _classes(sc, docs, gold, sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    if len(sys.argv) > 2 and sys.argv[2] == "--runs":
        return _runs(sc, docs, gold, sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else 20)
    if len(sys.argv) > 3 and sys.argv[2] == "--diff":
        return _diff(sc, docs, gold, sys.argv[1], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 20)
    cases, judged = _judge(sc, docs, gold, sys.argv[1])
    print(f"{len(cases)} wrong of {len(judged)} judged golds found")
    labels = _labels()
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for k, d, g, _sy, _name in cases:
        tally[k][labels.get((d, (g.get("source") or [-1])[0]), "unlabelled")] += 1
    for k, n in collections.Counter(c[0] for c in cases).most_common():
        lab = tally[k]
        note = (
            f"  ({lab['reference']} reference errors, {lab['real']} real)"
            if lab["reference"] + lab["real"]
            else ""
        )
        print(f"{n:5d} {k}{note}")
    ref = sum(t["reference"] for t in tally.values())
    real = sum(t["real"] for t in tally.values())
    if ref + real:
        print(
            f"hand-labelled ({REFERENCE_LABELS.name}): {ref} PolNeAR reference errors, {real} real; "
            f"speaker accuracy counting reference errors right: {(len(judged) - len(cases) + ref) / len(judged):.4f}"
        )
    if len(sys.argv) > 3:
        sel = [c for c in cases if re.search(sys.argv[2], c[0])]
        for k, d, g, sy, name in random.Random(1).sample(sel, min(int(sys.argv[3]), len(sel))):
            print(
                f"\n### {k} {d}\n  gold: {name} | source: {g.get('source_text')} | cue: {g.get('cue_text')}"
            )
            print(f"  ours: {sy['speaker']} | source: {sy.get('source_text')} | verb: {sy.get('verb')}")
            print("  text:", _show(docs[d], g))
    return 0


if __name__ == "__main__":
    sys.exit(main())
