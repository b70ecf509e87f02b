"""Fault injection: `kill -9` a running `qa index` at random moments and check the index survives.

Why: the store promises that a reader only ever sees a complete generation whose manifest matches
its files, whatever moment a writer dies at. This script tests that promise from the outside,
with real processes and real SIGKILLs, across the whole run including the commit phase.

    .venv/bin/python scripts/killtest.py [--kills 200] [--seed 1] [--workdir DIR]

It writes the SQuAD dev documents (../shared/eval/squad-v1.1-dev/docs.jsonl) as .txt files
into a temporary folder, indexes them once, then repeatedly touches 1-3 documents, starts
`qa index` on the corpus, kills it with SIGKILL after a random delay (drawn over the measured
duration of an uninterrupted run) and checks:

* `index.store.open_manifest` + `verify` accept the current generation, and its manifest's
  documents are exactly the corpus before the run ("old") or after the modification ("new");
* `qa ask --json` answers from it (exit 0 or 1, valid JSON, passages from indexed documents);
* leftovers of killed runs (staging folders, CURRENT.tmp, orphan generations) are removed by
  the next writer.

Exit status 0 when nothing was broken or mismatched and no leftover remained at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import ingest, store  # noqa: E402
from index.errors import QAError  # noqa: E402

DOCS = REPO.parent / "shared" / "eval" / "squad-v1.1-dev" / "docs.jsonl"
QUESTION = "When did the 1973 oil crisis begin?"
_TMP_RE = re.compile(r"^tmp-")
_GEN_RE = re.compile(r"^gen-")


def qa_command() -> list[str]:
    """The installed `qa` next to this interpreter, else the entry point through this interpreter."""
    exe = Path(sys.executable).parent / "qa"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from cli.main import run; run()"]


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    with open(DOCS, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            name = re.sub(r"[^A-Za-z0-9._-]+", "_", doc["doc_id"].rsplit("/", 1)[-1])
            path = folder / f"{name}.txt"
            path.write_text(doc["title"] + "\n\n" + doc["text"] + "\n", encoding="utf-8")
            files.append(path.resolve())
    return sorted(files)


def expected_docs(files: list[Path]) -> dict[str, str]:
    """source -> sha256 exactly as the indexer records them."""
    out = {}
    for f in files:
        got = ingest.read(f)
        assert not isinstance(got, ingest.Skipped), got
        out[got.source] = got.sha256
    return out


def modify(files: list[Path], rng: random.Random, run: int) -> list[str]:
    """Touch 1-3 of the smaller documents so a completed run really writes a new generation.

    Alternates appending a sentence and trimming the last appended one, so documents do not grow
    without bound; small documents keep each run on the cheap incremental path.
    """
    small = sorted(files, key=lambda p: p.stat().st_size)[: max(3, len(files) // 3)]
    touched = rng.sample(small, rng.randint(1, 3))
    for path in touched:
        text = path.read_text(encoding="utf-8")
        marker = "\n\nRevision note "
        if marker in text and rng.random() < 0.5:
            text = text[: text.rindex(marker)] + "\n"
        text = (
            text.rstrip("\n")
            + f"{marker}{run}: the archive was checked again on day {rng.randint(1, 999)}.\n"
        )
        path.write_text(text, encoding="utf-8")
    return [p.name for p in touched]


def listing(index_dir: Path) -> dict[str, list[str]]:
    names = os.listdir(index_dir)
    return {
        "tmp": sorted(n for n in names if _TMP_RE.match(n)),
        "gen": sorted(n for n in names if _GEN_RE.match(n)),
        "current_tmp": [n for n in names if n == store.CURRENT + ".tmp"],
    }


def phase(index_dir: Path, before_current: str, before_gens: list[str]) -> str:
    """Where the killed run got to, judged from what it left on disk."""
    cur = (index_dir / store.CURRENT).read_text().strip()
    if cur != before_current:
        return "committed"
    lst = listing(index_dir)
    if lst["current_tmp"]:
        return "current-tmp written"
    if set(lst["gen"]) - set(before_gens):
        return "renamed, not current"
    for t in lst["tmp"]:
        entries = os.listdir(index_dir / t)
        if store.MANIFEST in entries:
            return "manifest written"
        if entries:
            return "staging files"
        return "staging empty"
    return "before staging"


# What a run shows on disk, in order: staging data written, staging manifest written, staging
# renamed to a generation, CURRENT.tmp written.
EVENTS = ("staging-data", "staging-manifest", "new-gen", "current-tmp")


def _seen(event: str, index_dir: Path, before: set[str]) -> bool:
    try:
        names = [n for n in os.listdir(index_dir) if n not in before]  # ignore what killed runs left
        if event == "current-tmp":
            return store.CURRENT + ".tmp" in names
        if event == "new-gen":
            return any(_GEN_RE.match(n) for n in names)
        want = store.MANIFEST if event == "staging-manifest" else "docs.sqlite"
        return any(_TMP_RE.match(n) and os.path.exists(index_dir / n / want) for n in names)
    except OSError:
        return False


def wait_for(
    event: str, index_dir: Path, before: set[str], proc: subprocess.Popen, limit: float, rng: random.Random
) -> None:
    """Poll until `event` shows on disk (or the run ends), then a random sub-millisecond pause."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if _seen(event, index_dir, before):
            time.sleep(rng.uniform(0.0, 0.001))
            return
        time.sleep(0.0005)


def check_index(index_dir: Path, old: dict[str, str], new: dict[str, str]) -> tuple[str, str]:
    """('old'|'new'|'mismatched'|'broken', detail) for the current generation."""
    try:
        gen, manifest = store.open_manifest(index_dir)
        store.verify(gen, manifest)
    except QAError as exc:
        return "broken", f"open/verify: {exc}"
    if manifest.documents == new:
        return "new", gen.name
    if manifest.documents == old:
        return "old", gen.name
    return "mismatched", gen.name


def check_ask(qa: list[str], index_dir: Path, env: dict[str, str], sources: set[str]) -> str:
    """'' when `qa ask --json` answered cleanly from the index, else why not."""
    proc = subprocess.run(
        [*qa, "ask", QUESTION, "--index", str(index_dir), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if proc.returncode not in (0, 1):
        return f"qa ask exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        return f"qa ask printed invalid JSON (exit {proc.returncode}): {proc.stderr.strip()[-300:]!r}"
    passages = answer.get("passages")
    if not isinstance(passages, list) or (not answer.get("abstained") and not passages):
        return "qa ask answered without passages"
    for p in passages:
        if p.get("source") not in sources or not p.get("text"):
            return f"passage from an unknown document: {p.get('source')!r}"
    return ""


def run_index(qa: list[str], corpus: Path, index_dir: Path, env: dict[str, str]) -> tuple[float, dict]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*qa, "index", str(corpus), "--index", str(index_dir), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if proc.returncode != 0:
        raise SystemExit(f"qa index failed ({proc.returncode}): {proc.stderr.strip()}")
    return time.perf_counter() - t0, json.loads(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=200, help="how many runs to kill (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="keep the corpus and index here (default: a temp folder)")
    ap.add_argument("--ask-every", type=int, default=1, help="run `qa ask` after every Nth kill (default 1)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="qa-killtest-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("QA_HOME", str(work / "home"))  # reuse the caller's ONNX export cache if given
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    env.pop("QA_INDEX", None)
    qa = qa_command()
    corpus, index_dir = work / "corpus", work / "index"
    files = write_corpus(corpus)

    secs, report = run_index(qa, corpus, index_dir, env)
    print(
        f"initial index: {report['documents']} documents, {report['passages']} passages, {secs:.1f} s",
        flush=True,
    )
    if report["passages"] < 2000:
        raise SystemExit("the corpus gave fewer than 2,000 passages")

    # Duration of an uninterrupted incremental run: the span the kill moments are drawn from.
    durations = []
    for r in range(3):
        modify(files, rng, -1 - r)
        secs, report = run_index(qa, corpus, index_dir, env)
        durations.append(secs)
        if report["unchanged"] < report["documents"] // 2:
            raise SystemExit(f"an incremental run re-embedded {report['embedded']} passages: not incremental")
    span = max(durations)
    print(
        f"incremental run: {statistics.median(durations):.2f} s median, kill moments over 0-{span * 1.05:.2f} s",
        flush=True,
    )

    old = expected_docs(files)
    counts: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    leftovers_seen: set[str] = set()
    problems: list[str] = []
    kills = completed = asked = failed = 0
    t_start = time.perf_counter()
    run = 0
    while kills < args.kills:
        run += 1
        modify(files, rng, run)
        new = expected_docs(files)
        before_current = (index_dir / store.CURRENT).read_text().strip()
        before_gens = listing(index_dir)["gen"]
        # Half the kills at a random moment of the run; half right after a commit step shows on disk,
        # so that the short commit phase is hit however loaded the machine is.
        event = rng.choice(EVENTS) if rng.random() < 0.5 else None
        delay = rng.uniform(0.0, span * 1.05) if event is None else span * 5
        log = work / "run.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                [*qa, "index", str(corpus), "--index", str(index_dir), "--json"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            if event is not None:
                wait_for(event, index_dir, set(os.listdir(index_dir)) - {store.CURRENT}, proc, delay, rng)
            proc.wait(timeout=0 if event is not None else delay)
            completed += 1  # finished before the kill: still a valid sample of "new"
            where = "finished"
            if proc.returncode != 0:
                failed += 1
                problems.append(
                    f"run {run}: qa index exited {proc.returncode} without being killed: "
                    f"{log.read_text(errors='replace').strip()[-300:]!r}"
                )
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            where = phase(index_dir, before_current, before_gens)
        phases[where] += 1
        lst = listing(index_dir)
        leftovers_seen.update(lst["tmp"] + lst["current_tmp"])
        leftovers_seen.update(
            g
            for g in lst["gen"]
            if g not in before_gens and g != (index_dir / store.CURRENT).read_text().strip()
        )

        state, detail = check_index(index_dir, old, new)
        counts[state] += 1
        if state in ("broken", "mismatched"):
            problems.append(f"run {run} ({where}, {delay:.2f} s): {state} {detail}")
        if state in ("old", "new") and run % args.ask_every == 0:
            asked += 1
            why = check_ask(qa, index_dir, env, set(new if state == "new" else old))
            if why:
                counts["ask failed"] += 1
                problems.append(f"run {run} ({where}, {delay:.2f} s): {why}")
        if state == "new":
            old = new
        if run % 20 == 0:
            print(f"  {kills} kills, {run} runs, {time.perf_counter() - t_start:.0f} s", flush=True)

    # A last uninterrupted run must clean up whatever the killed ones left.
    modify(files, rng, run + 1)
    run_index(qa, corpus, index_dir, env)
    lst = listing(index_dir)
    remaining = set(lst["tmp"] + lst["current_tmp"]) | (set(lst["gen"]) & leftovers_seen)
    extra_gens = max(0, len(lst["gen"]) - 2)
    state, detail = check_index(index_dir, expected_docs(files), expected_docs(files))
    if state != "new":
        problems.append(f"final run: {state} {detail}")

    elapsed = time.perf_counter() - t_start
    for p in problems[:20]:
        print("PROBLEM", p)
    print("phases at kill:", ", ".join(f"{k} {v}" for k, v in phases.most_common()))
    broken = counts["broken"] + counts["ask failed"]
    print(
        f"SUMMARY kills={kills} runs={run} finished-before-kill={completed} failed={failed} broken={broken} "
        f"mismatched={counts['mismatched']} old={counts['old']} new={counts['new']} asked={asked} "
        f"leftovers-seen={len(leftovers_seen)} leftovers-cleaned={len(leftovers_seen - remaining)} "
        f"leftovers-remaining={len(remaining) + extra_gens} seconds={elapsed:.0f} "
        f"per-kill={elapsed / max(run, 1):.2f}s"
    )
    return 0 if not problems and not remaining and not extra_gens else 1


if __name__ == "__main__":
    sys.exit(main())
