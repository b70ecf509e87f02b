"""Round 23: how the decline gates generalise to sets opened after they were fit (bench/reports/wrong23.md).

Reads bench/gates_pooled.py's records (every read set, no blind one; the records stay out of the
project: they hold news-dev's questions) and writes, per gate:

- when its rule or threshold last changed (`git log -S` on the line that sets it) and so which read
  sets were opened after it: h10/nh9 in round 21 (0f3079e), h11/nh10 in round 22 (65dde64), h12/nh11
  in round 23 (f067ea8); the others were open before any of these gates' last change;
- its unique right declines (unanswerable questions declined, answered with this gate off) and unique
  wrong ones (answerable) per era, and its net (right - wrong) on the sets opened after it;
- a forward-chaining fit (fit on the sets open before an era, score that era) and a leave-one-set-out
  fit of the per-gate removal rule of bench/gates_pooled.py (drop a switchable gate whose unique
  right declines are fewer than its unique wrong ones), and of the off-topic and names-share
  thresholds (gates_pooled.choose), both judged on the held-out sets only.

    python bench/gates_pooled.py run --indexes DIR --out /tmp/g.jsonl        # every read set
    python bench/wrong23.py report /tmp/g.jsonl --md bench/reports/wrong23.md
    python bench/wrong23.py compare /tmp/before.jsonl /tmp/after.jsonl        # a branch's change
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abst22 import compare as abst22_compare  # noqa: E402
from bench.abst22 import row_text  # noqa: E402
from bench.gates_pooled import (  # noqa: E402
    ARTICLE_POOL,
    MAIN,
    NEWS_POOL,
    Config,
    choose,
    declined,
    figures,
    first_gate,
    outweighed,
)

Row = dict[str, Any]

Eras = tuple[tuple[str, str, tuple[str, ...]], ...]

# The rounds that opened read sets, oldest first: (label, commit that opened them, sets).
ERAS: Eras = (
    ("r21", "0f3079e", ("h10", "nh9")),
    ("r22", "65dde64", ("h11", "nh10")),
    ("r23", "f067ea8", ("h12", "nh11")),
)
EARLY = "open before r21"

# Per gate, the source line whose last change dates its rule or threshold (git log -S; a move
# between modules counts as a change, which only makes fewer sets "later": conservative).
GATE_LINES: dict[str, tuple[str, str]] = {
    "unknown_name": ("qa/not_mentioned.py", "NAME_COVERAGE = ("),
    "measure_absent": ("qa/not_mentioned.py", "_A_KIND = "),
    "no_term": ("qa/not_mentioned.py", "NO_TERM_DENSE = ("),
    "speaker_not_about": ("qa/not_mentioned.py", "the speaker is quoted, but not about"),
    "uncovered": ("qa/cover.py", "DECLINING_ROLES = "),
    "offtopic": ("qa/abstain.py", "OFFTOPIC_HELD = "),
    "other_article": ("qa/abstain.py", "def other_article"),
    "possessed": ("qa/possessed.py", "POSSESSED = "),
    "unquoted_speaker": ("qa/speaker_topic.py", "def unquoted_reason"),
    "planned": ("qa/planned.py", "def planned_only"),
    "occasion_ahead": ("qa/planned.py", "def occasion_ahead"),
    "day_ahead": ("qa/planned.py", "DAY_AHEAD = "),
    "time_scope": ("qa/time_scope.py", "TIME_SCOPE = "),
    "count_noun": ("qa/abstain.py", "COUNT_SYNONYM_COSINE = "),
    "name_bound": ("qa/abstain.py", "NAME_BOUND: dict"),
    "speaker_topic": ("qa/abstain.py", "SPEAKER_TOPIC_SHARE = "),
    "count_margin": ("qa/abstain.py", "COUNT_MARGIN = "),
    "count_subject": ("qa/abstain.py", "COUNT_SUBJECT = "),
    "names_share": ("qa/abstain.py", "NAMES_SHARE = "),
    "slots": ("qa/slots.py", "def slot_reason"),
}
FACT_LINE = ("qa/abstain.py", "FACT_BOUND: dict")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def last_change(gate: str) -> str:
    """The commit that last changed the gate's defining line (empty when not found).

    Args:
        gate: a gate label of bench/gates_pooled.py.
    Returns:
        An abbreviated commit hash.
    """
    path, line = FACT_LINE if gate.startswith("fact:") else GATE_LINES.get(gate, ("", ""))
    if not path:
        return ""
    out = _git("log", "-S", line, "-1", "--format=%h", "--", path)
    return out.splitlines()[0] if out else ""


def later_sets(commit: str, eras: Eras = ERAS) -> tuple[str, ...]:
    """The read sets opened after `commit` (those of every era whose opening commit it precedes).

    Args:
        commit: a commit of this repository's history; empty: unknown, no set counts as later.
        eras: the rounds that opened read sets, oldest first.
    Returns:
        Set names.
    """
    if not commit:
        return ()
    out: list[str] = []
    for _, opened, sets in eras:
        ancestor = subprocess.run(
            ["git", "merge-base", "--is-ancestor", opened, commit], cwd=ROOT, check=False
        ).returncode
        if ancestor != 0:  # the era's opening is not in the gate's history: opened after
            out.extend(sets)
    return tuple(out)


def era_of(name: str, eras: Eras = ERAS) -> str:
    """The era a read set was opened in (EARLY: before the first of `eras`)."""
    for label, _, sets in eras:
        if name in sets:
            return label
    return EARLY


def load(paths: list[Path]) -> list[Row]:
    """The records of one or more gates_pooled runs (kept alive: gates_pooled memoises by object id)."""
    return [json.loads(line) for p in paths for line in p.read_text().splitlines() if line.strip()]


def unique(rows: list[Row], gate: str, cfg: Config = MAIN) -> tuple[list[Row], list[Row]]:
    """The questions declined under `cfg` and answered with `gate` off too: (unanswerable, answerable)."""
    off, ths = cfg
    alone = [r for r in rows if declined(r, cfg) and not declined(r, (off | {gate}, ths))]
    return [r for r in alone if not r["answerable"]], [r for r in alone if r["answerable"]]


def gates_of(rows: list[Row]) -> list[str]:
    """Every gate that declines some call of the records."""
    return sorted({g for r in rows for c in r["calls"] for g in c["chain"]} - {"other", "no_passages"})


def wrong_declines(rows: list[Row], w: Callable[[str], None], eras: Eras = ERAS) -> None:
    """Every answerable question declined, with its era, gate and reason."""
    w("| set | era | id | question | gate | reason |")
    w("|---|---|---|---|---|---|")
    for r in rows:
        if r["answerable"] and declined(r):
            reason = (r["reason"] or "").replace("|", "/")[:70]
            w(
                f"| {r['set']} | {era_of(r['set'], eras)} | {r['id']} | {row_text(r)} | {first_gate(r)} | {reason} |"
            )


def per_gate(
    rows: list[Row], gates: list[str], w: Callable[[str], None], eras: Eras = ERAS
) -> dict[str, tuple[int, int]]:
    """The per-gate table; returns each gate's (right, wrong) unique declines on its later sets."""
    labels = [EARLY, *(e[0] for e in eras)]
    w("| gate | last changed | later sets | " + " | ".join(labels) + " | later right/wrong | net later |")
    w("|---|---|---|" + "---:|" * len(labels) + "---:|---:|")
    later: dict[str, tuple[int, int]] = {}
    for g in gates:
        commit = last_change(g)
        after = later_sets(commit, eras)
        right, wrong = unique(rows, g)
        cells = []
        for label in labels:
            r = sum(era_of(x["set"], eras) == label for x in right)
            n = sum(era_of(x["set"], eras) == label for x in wrong)
            cells.append(f"{r}/{n}")
        lr = sum(x["set"] in after for x in right)
        lw = sum(x["set"] in after for x in wrong)
        later[g] = (lr, lw)
        net = f"{lr - lw:+d}" if after else ""
        w(
            f"| {g} | {commit or '?'} | {', '.join(after) or '-'} | "
            + " | ".join(cells)
            + f" | {lr}/{lw} | {net} |"
        )
    return later


def _held(
    rows: list[Row], fit: Callable[[list[Row]], Config], folds: list[tuple[str, list[str], list[str]]]
) -> dict[str, Config]:
    """Per held-out set, the configuration fit on its fold's training sets."""
    out: dict[str, Config] = {}
    for _, train, test in folds:
        cfg = fit([r for r in rows if r["set"] in train])
        for s in test:
            out[s] = cfg
    return out


def _describe(cfg: Config) -> str:
    off, ths = cfg
    bits = [f"off: {', '.join(sorted(off))}"] if off else []
    bits += [f"{g} {'/'.join(str(x) for x in v)}" for g, v in ths]
    return "; ".join(bits) or "as run"


def held_out(
    rows: list[Row],
    name: str,
    fit: Callable[[list[Row]], Config],
    w: Callable[[str], None],
    eras: Eras = ERAS,
) -> None:
    """Forward chaining (fit on the sets open before an era, score the era) and leave one set out."""
    sets = list(dict.fromkeys(r["set"] for r in rows))
    forward: list[tuple[str, list[str], list[str]]] = []
    for i, (label, _, opened) in enumerate(eras):
        before = [s for s in sets if era_of(s, eras) in (EARLY, *(e[0] for e in eras[:i]))]
        forward.append((label, before, [s for s in opened if s in sets]))
    loso = [(s, [x for x in sets if x != s], [s]) for s in sets]
    w(f"\n### {name}\n")
    w("| fold | fit on | chosen | held-out right lost | held-out wrong saved |")
    w("|---|---|---|---:|---:|")
    for label, train, test in forward:
        cfg = fit([r for r in rows if r["set"] in train])
        rs = [r for r in rows if r["set"] in test]
        lost = sum(declined(r) and not declined(r, cfg) for r in rs if not r["answerable"])
        lost -= sum(not declined(r) and declined(r, cfg) for r in rs if not r["answerable"])
        saved = sum(declined(r) and not declined(r, cfg) for r in rs if r["answerable"])
        saved -= sum(not declined(r) and declined(r, cfg) for r in rs if r["answerable"])
        w(f"| forward: {', '.join(test)} | sets open before {label} | {_describe(cfg)} | {lost} | {saved} |")
    held = _held(rows, fit, loso)
    lost = saved = 0
    for r in rows:
        before, after = declined(r), declined(r, held[r["set"]])
        if r["answerable"]:
            saved += before and not after
            saved -= after and not before
        else:
            lost += before and not after
            lost -= after and not before
    chosen = Counter(_describe(c) for c in held.values())
    w(
        f"| leave one set out ({len(sets)} folds) | the other sets | "
        + "; ".join(f"{k} x{v}" for k, v in chosen.most_common())
        + f" | {lost} | {saved} |"
    )
    full = fit(rows)
    d, wr, _, _ = figures(rows, full)
    w(f"\nChosen on every read set: {_describe(full)} (in sample: declined {d:.3f}, wrongly {wr:.3f}).")


def report(rows: list[Row]) -> str:
    """The report's tables (the reading above them is written by hand)."""
    out: list[str] = []
    w = out.append
    gates = gates_of(rows)
    w("## As run\n")
    w("| pool | unanswerable | declined | answerable | wrongly declined |")
    w("|---|---:|---:|---:|---:|")
    groups = {
        "article h1-h12": [r for r in rows if r["set"] in ARTICLE_POOL],
        "news nh1-nh11": [r for r in rows if r["set"] in NEWS_POOL],
        "all read sets": rows,
        **{s: [r for r in rows if r["set"] == s] for _, _, opened in ERAS for s in opened},
    }
    for name, rs in groups.items():
        dec, wrong, nu, na = figures(rs)
        w(f"| {name} | {nu} | {dec:.3f} | {na} | {wrong:.3f} |")
    w("\n## Every wrong decline (answerable questions declined), with the gate that wrote the reason\n")
    wrong_declines(rows, w)
    w("\n## Per gate: unique right/wrong declines by the era its sets were opened in\n")
    w("`unique`: declined as run, answered with this gate off (right: unanswerable; wrong: answerable).")
    w("`later sets`: opened after the gate's defining line last changed.\n")
    per_gate(rows, gates, w)
    w("\n## Held-out fits\n")
    w("Right lost: held-out unanswerable questions the fit stops declining (net); wrong saved: held-out")
    w("answerable questions it stops declining (net). A fit worth adopting saves wrong declines held out")
    w("and loses no right ones.")
    held_out(
        rows,
        "Drop a gate whose unique right declines are fewer than its unique wrong ones (1:1)",
        lambda rs: (outweighed(rs, gates, 1.0), ()),
        w,
    )
    # Adopted: a fact kind the 1:1 rule drops on every read set and in every forward fold (the
    # constant it sets; tests/test_abstain_near_miss.py reads these lines after the first fit's).
    dropped = outweighed(rows, gates, 1.0)
    for g in sorted(dropped):
        if g.startswith("fact:") and all(
            g in outweighed([r for r in rows if era_of(r["set"]) in eras], gates, 1.0)
            for eras in ((EARLY,), (EARLY, "r21"), (EARLY, "r21", "r22"))
        ):
            w(f"\nChosen: abstain.FACT_BOUND['{g[5:]}'] = 0.0")
    held_out(
        rows,
        "Off-topic and names-share thresholds refit, then gate removal (gates_pooled.choose)",
        lambda rs: choose(rs, gates, ("offtopic", "names_share")),
        w,
    )
    w("\n## Question openers (term_cover.OPENER_ZIPF)\n")
    w(openers())
    return "\n".join(out) + "\n"


def openers() -> str:
    """The capitalised first words of the read sets' questions (not question words, not acronyms)
    with wordfreq's Zipf figure of the word in lower case and whether the next word is capitalised:
    where everyday openers ("Even", "Since") and names ("Trump") fall on the scale."""
    import re

    from wordfreq import zipf_frequency

    from bench.read_sets import ALL, gold_file
    from qa.term_cover import _QUESTION_WORDS

    seen: Counter[tuple[str, float, bool]] = Counter()
    for name in ALL:
        for line in gold_file(name).read_text().splitlines():
            if not line.strip():
                continue
            it = json.loads(line)
            for q in [it["question"], *(it.get("history") or [])]:
                found = re.findall(r"[A-Za-z][\w'’.-]*", q)
                if not found:
                    continue
                word = found[0].rstrip(".")
                if not word[:1].isupper() or word.isupper() or word.lower() in _QUESTION_WORDS:
                    continue
                nxt = found[1][:1].isupper() if len(found) > 1 else False
                seen[(word, round(zipf_frequency(word.lower(), "en"), 2), nxt)] += 1
    rows = ["| opener | Zipf | next capitalised | questions |", "|---|---:|---|---:|"]
    for (word, z, nxt), n in sorted(seen.items(), key=lambda kv: -kv[0][1]):
        rows.append(f"| {word} | {z} | {'yes' if nxt else 'no'} | {n} |")
    return "\n".join(rows)


def _pools(rows: list[Row]) -> dict[str, list[Row]]:
    """The pools and the sets opened this round (h12, nh11), by name."""
    return {
        "article h1-h12": [r for r in rows if r["set"] in ARTICLE_POOL],
        "news nh1-nh11": [r for r in rows if r["set"] in NEWS_POOL],
        "all read sets": rows,
        "h12": [r for r in rows if r["set"] == "h12"],
        "nh11": [r for r in rows if r["set"] == "nh11"],
    }


def compare(before: list[Row], after: list[Row]) -> str:
    """Declined and wrongly declined per pool before and after, and every question whose verdict changed
    (bench/abst22.py's tables over this round's pools)."""
    return abst22_compare(before, after, _pools) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("records", type=Path, nargs="+")
    r.add_argument("--after", type=Path, nargs="*", help="the branch's records: a before/after section")
    r.add_argument("--md", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path, nargs="+")
    c.add_argument("--after", type=Path, nargs="+", required=True)
    args = ap.parse_args()
    if args.cmd == "report":
        rows = load(args.records)
        text = report(rows)
        if args.after:
            text += "\n## Before -> after (this branch's gates, same records' questions)\n\n"
            text += compare(rows, load(args.after))
        if args.md:
            head = args.md.read_text().split("<!-- tables -->")[0] if args.md.exists() else ""
            args.md.write_text(head + "<!-- tables -->\n\n" + text)
        print(text)
    else:
        print(compare(load(args.before), load(args.after)))


if __name__ == "__main__":
    main()
