"""Indexing time and peak memory as the input grows: they must grow linearly, memory by at most ~2x
the text over the loaded model (issue 10, case 16).

    .venv/bin/python bench/index_scale.py                       # hash-embedder, no attribution, 3/10/30 MB
    .venv/bin/python bench/index_scale.py --model real --quotes --sizes 1,3   # the full `qa index`
    .venv/bin/python bench/index_scale.py --model real --quotes --precision fp32 --warm-tokens 256 --no-update
    .venv/bin/python bench/index_scale.py --repo /tmp/old-checkout ...        # the same, another version
    .venv/bin/python bench/index_scale.py --repo /tmp/old --repo . --sizes 3 --no-update --runs 5  # two, interleaved

For each size a synthetic plain-text file of that many MB is written (paragraphs of the bundled
article, shuffled, each made distinct by numbers, ~500 characters per paragraph, so the vocabulary
grows as in real text) and indexed by `index.build.build(..., max_bytes=40 MB)` in a fresh process.

Per size it reports the wall time and the build's CPU time (time.process_time: less moved by the
other processes of a shared machine than wall time; the growth lines compare CPU times), the peak RSS of that process (VmHWM: the high-water mark of its
own memory; ru_maxrss, used up to the sixth pass, starts at the PARENT's peak RSS, which
make_text's 60 MB str raised to ~170 MB at 30 MB: a child that stayed below that, such as a no-op
re-index, reported the parent's peak), and per stage the time
and the highest RSS seen while it ran (sampled every 5 ms): reading, analysing (chunking, structure
labels and, with --quotes, quote attribution), embedding, storing:vectors (FAISS), storing:bm25,
storing:docstore, storing:commit. The baseline is the RSS of the same kind of process with the
model loaded and used once (--warm-tokens N: and on one text of N word pieces), the lemma dictionary and the --preload modules (FAISS) loaded, nothing
indexed (bm25s too until the twelfth pass: the build no longer imports it). Then per size: memory
over the baseline as a multiple of the text, and between consecutive sizes the growth ratios
(time, memory over the baseline) against the text's, and the marginal memory per MB of text
(the slope, which constant costs such as onnxruntime's working set do not enter).

Each size is built --runs times (default 3) in fresh processes, and so is the baseline: the
reported peak is the median of the runs (its spread beside it), and the stages and times are the
median run's; the baseline subtracted is printed first (the median of its runs: the process with
the model loaded and used once, and RSS split into anonymous memory and file-backed pages, the
libraries' code). A build's peak includes the code pages of numpy, FAISS and SQLite it touches
for the first time (~3 MB at the end of a 3 MB build), a fixed cost that does not grow with the
text. Give --repo twice to measure two versions: their runs alternate, so that a change of the
machine's load falls on both. The load average is printed first: on a shared machine, compare
memory, and time only as CPU time or within one run.

After each build the same file is indexed again, unchanged, into the same index (an update that
changes nothing), and its peak reported the same way (--no-update skips it). --add: then the file and
a short new one (~10 passages) into the same index, an update that carries every passage of the
file over and embeds the few (sixteenth pass). --keep DIR copies each index out, to compare two
versions' files (cmp).

--model hash (default) uses the model-free `hash-embedder` (384 dims, as the real model) so that
large sizes take minutes; --model real loads all-MiniLM-L6-v2 (onnxruntime), whose embedding takes
~25 ms a passage (int8) on the 2 shared cores, at --precision: "default" (the checkout's new
indexes, index.build.QUANTIZED: int8), "int8" or "fp32" (`qa index --precision`; the build is passed
`quantized=`). The baseline loads the build's own session (`batched=True`, index/looped.py) at that
precision, so that "the model" is the one the build runs (round 23; before, the question session). Quote attribution is left out unless --quotes: it is
owned by the attribution work and is measured there (at 3 MB it took minutes, super-linearly).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

STAGES = ("reading", "analysing", "embedding", "storing:vectors", "storing:bm25", "storing:docstore")


def make_text(mb: float, seed: int = 1) -> str:
    """About `mb` MB of prose: article paragraphs, shuffled, numbered words, ~500-char paragraphs."""
    base = (REPO / "index" / "article.txt").read_text(encoding="utf-8")
    paras = [" ".join(p.split()) for p in base.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        words = " ".join(rng.choice(paras) for _ in range(3)).split()
        for _ in range(max(1, len(words) // 8)):
            i = rng.randrange(len(words))
            words[i] = f"{words[i]}{rng.randint(0, 99_999)}"
        para = " ".join(words)[:520]
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out) + "\n"


# Runs in a fresh process: argv = repo, mode (baseline|build), text file, index folder, model, quotes,
# the modules to import before the baseline is taken (comma-separated).
_CHILD = r"""
import json, os, sys, threading, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from index import build as build_mod, embed, hashembed, lexical
from qa import config
mode, path, idx, model, quotes, preload, precision = sys.argv[2:9]
model = None if model == "real" else model
# --precision: the build's default (index.build.QUANTIZED) unless int8 or fp32 is asked for
quantized = {"int8": True, "fp32": False}.get(precision, getattr(build_mod, "QUANTIZED", True))

def status_mb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0

def rss_mb():
    return status_mb("VmRSS:")

def hwm_mb():
    return status_mb("VmHWM:")

if model == hashembed.MODEL:  # 384 dims like the real model: the vectors weigh the same
    hashembed.DIM = 384
    hashembed.HashEmbedder.__init__.__defaults__ = (384,)
if quotes != "1":  # attribution measured by its own work; its super-linear time would hide the rest
    build_mod._attributions = lambda *a, **k: ([], [])

current, peaks, seconds, last = ["start"], {}, {}, [time.perf_counter()]
anon_peak = [0.0]  # the highest RssAnon sampled: private memory, without the libraries' code pages
stop = threading.Event()
def sample():
    while not stop.is_set():
        s = current[0]
        peaks[s] = max(peaks.get(s, 0.0), rss_mb())
        anon_peak[0] = max(anon_peak[0], status_mb("RssAnon:"))
        stop.wait(0.005)
def tick(stage, done, total):
    if stage == "storing":
        stage = "storing:" + (*getattr(build_mod, "STORING", ("vectors", "bm25", "docstore")), "commit")[min(done, 3)]
    if stage != current[0]:
        now = time.perf_counter()
        seconds[current[0]] = seconds.get(current[0], 0.0) + now - last[0]
        last[0] = now
        peaks[stage] = max(peaks.get(stage, 0.0), rss_mb())
        if account:
            now_b, peak_b = tracemalloc.get_traced_memory() if trace else (0, 0)
            traced[current[0]] = {"peak": peak_b / 1e6, "end": now_b / 1e6, "rss_end": rss_mb()}
            if trace:
                tracemalloc.reset_peak()
        current[0] = stage

account = mode.startswith("account")  # RSS at stage ends and at three points inside the build
trace = mode == "account-traced"  # and tracemalloc: what Python holds there, and its largest sites
if account:
    import tracemalloc
    from index import vectors as vectors_mod
    traced, sites = {}, {}
    def top(label, n=8):
        if not trace:
            sites[label] = {"rss": rss_mb(), "traced": 0.0, "top": []}
            return
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        stats = snap.statistics("lineno")
        sites[label] = {"rss": rss_mb(), "traced": sum(s.size for s in stats) / 1e6,
                        "top": [(f"{s.traceback[0].filename.rsplit('/', 2)[-2:][-1]}:{s.traceback[0].lineno}",
                                 round(s.size / 1e6, 2)) for s in stats[:n]]}
    def wrap(mod, name, label):
        f = getattr(mod, name)
        def g(*a, **k):
            top(label)
            return f(*a, **k)
        setattr(mod, name, g)
    wrap(lexical, "_write_vocab", "bm25: vocabulary and term ids complete")
    wrap(lexical, "_write_scores", "bm25: before the score matrix")
    if hasattr(vectors_mod, "_write_ivf"):  # round 24: an IVF index's lists written a block at a time
        wrap(vectors_mod, "_write_ivf", "vectors: IVF trained, before its lists are written")
    else:
        wrap(vectors_mod, "save", "vectors: index built, before saving")

# The build's own session (batched=True: index/looped.py), so that "the model" is the one it runs.
try:
    emb = embed.load_embedder(model, config.model_cache_dir(), quantized=quantized, batched=True)
except TypeError:  # a checkout from before the build's session
    emb = embed.load_embedder(model, config.model_cache_dir(), quantized=quantized)
emb.encode(["warm up the model once"])
# --int8-tokens: the int8 build's batches under this token budget (embed.INT8_BUILD_TOKENS, the
# budget of new indexes: 2048 since round 33, 0 before; given, 0 included, it replaces the checkout's)
if "INDEX_SCALE_INT8_TOKENS" in os.environ:
    embed.INT8_BUILD_TOKENS = int(os.environ["INDEX_SCALE_INT8_TOKENS"])
warm = int(os.environ.get("INDEX_SCALE_WARM_TOKENS", "0"))  # --warm-tokens: "w3" is two word pieces
if warm:
    emb.encode([" ".join(["w3"] * ((warm - 2) // 2))])
lexical.term("said")  # the lemma dictionary: loaded once, whatever the size
import importlib
for name in filter(None, preload.split(",")):  # imported by the build: part of the baseline
    importlib.import_module(name)
del emb
out = {"baseline_mb": rss_mb()}
if mode in ("build", "add", "account", "account-traced"):
    if trace:
        tracemalloc.start()
    threading.Thread(target=sample, daemon=True).start()
    t0, c0 = time.perf_counter(), time.process_time()
    # "add": the same file and a short new one into the existing index (the file's passages carried over)
    paths = [path] + ([path[: -len(".txt")] + "-added.txt"] if mode == "add" else [])
    kw = {} if precision == "default" else {"quantized": quantized}
    rep = build_mod.build(paths, Path(idx), model=model, cache_dir=config.model_cache_dir(),
                          max_bytes=40 * 1024 * 1024, progress=tick, **kw)
    tick("end", 0, 0)
    stop.set()
    out.update(seconds=time.perf_counter() - t0, cpu=time.process_time() - c0, passages=rep.passages,
               stage_seconds=seconds, stage_peak_mb=peaks, anon_peak_mb=anon_peak[0])
    if account:
        out.update(traced=traced, sites=sites)
out["peak_mb"] = hwm_mb()  # not ru_maxrss: it starts at the parent's peak (see the docstring)
out["anon_mb"], out["file_mb"] = status_mb("RssAnon:"), status_mb("RssFile:")  # what RSS is made of, at the end
print(json.dumps(out))
"""


# Imported before the baseline is taken, as the build imports them: FAISS. bm25s (scipy: 25 MB) was
# too until the build stopped importing it (twelfth pass); `--preload faiss,bm25s` measures as then.
PRELOAD = "faiss"


def run_child(
    repo: Path,
    mode: str,
    path: Path,
    idx: Path,
    model: str,
    quotes: bool,
    preload: str = PRELOAD,
    precision: str = "default",
) -> dict:
    """One measurement in a fresh process (peak RSS is per process); `precision` "int8", "fp32" or
    "default" (the checkout's index.build.QUANTIZED)."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    args = [str(repo), mode, str(path), str(idx), model, "1" if quotes else "0", preload, precision]
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def account(
    repo: Path,
    path: Path,
    idx: Path,
    model: str,
    quotes: bool,
    base: float,
    text_mb: float,
    preload: str = PRELOAD,
    precision: str = "default",
) -> None:
    """Print where one traced build's memory goes: per stage, the RSS peak (sampled) and at its end,
    and what Python held (tracemalloc: numpy included; FAISS's C++ and SQLite not) at its peak and
    end; then the largest allocation sites when the BM25 tables and the vector index are complete.

    Args:
        repo: the checkout.
        path: the text file.
        idx: the index folder (removed after).
        model: "hash-embedder" or "real".
        quotes: attribution on.
        preload: the modules imported before the baseline (`PRELOAD`).
        precision: "int8", "fp32" or "default" (`run_child`).
        base: the baseline peak RSS, MB.
        text_mb: the file's size, MB.
    """
    for mode in ("account", "account-traced"):
        shutil.rmtree(idx, ignore_errors=True)
        _account_one(run_child(repo, mode, path, idx, model, quotes, preload, precision), mode, base, text_mb)
    shutil.rmtree(idx, ignore_errors=True)


def _account_one(r: dict, mode: str, base: float, text_mb: float) -> None:
    """Print one accounting run (`account`)."""
    print(
        f"{text_mb:.1f} MB text, {r['passages']} passages, {mode} (traced: slower, and tracemalloc's"
        f" own tables add to RSS): peak {r['peak_mb']:.0f} MB = {r['peak_mb'] - base:.0f} over the baseline"
    )
    print("    stage: RSS peak / at end over the baseline; Python-held (traced) peak / at end, MB")
    for s in STAGES:
        t = r["traced"].get(s)
        if t:
            print(
                f"    {s:17} {r['stage_peak_mb'].get(s, 0.0) - base:6.1f} / {t['rss_end'] - base:6.1f}"
                f"   traced {t['peak']:6.1f} / {t['end']:6.1f}"
            )
    for label, site in r["sites"].items():
        print(f"    at '{label}': RSS {site['rss'] - base:.1f} over, traced {site['traced']:.1f}; top sites:")
        if site["top"]:
            print("        " + ", ".join(f"{f} {mb}" for f, mb in site["top"]))


def _median_run(runs: list[dict]) -> dict:
    """The run of median peak (the lower middle one of an even count): its stages and times are
    reported with it, so that one line describes one real run."""
    return sorted(runs, key=lambda r: r["peak_mb"])[(len(runs) - 1) // 2]


def split_into_files(path: Path, n: int) -> Path:
    """The text of `path` as `n` files of whole paragraphs in a folder beside it (the file removed).

    Args:
        path: the text file.
        n: how many files.

    Returns:
        The folder.
    """
    paras = path.read_text(encoding="utf-8").split("\n\n")
    folder = path.with_suffix("")
    folder.mkdir()
    per = max(1, -(-len(paras) // n))
    for i in range(0, len(paras), per):
        (folder / f"part-{i // per:05d}.txt").write_text(
            "\n\n".join(paras[i : i + per]) + "\n", encoding="utf-8"
        )
    path.unlink()
    return folder


def _spread(values: list[float]) -> str:
    return f"{min(values):.1f}-{max(values):.1f}" if len(values) > 1 else f"{values[0]:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="3,10,30", help="MB, comma-separated (default 3,10,30)")
    ap.add_argument("--model", choices=("hash", "real"), default="hash")
    ap.add_argument("--quotes", action="store_true", help="include quote attribution (slow)")
    ap.add_argument(
        "--repo",
        type=Path,
        action="append",
        help="the checkout to measure (default: this one); twice to compare two versions, their runs interleaved",
    )
    ap.add_argument(
        "--runs", type=int, default=3, help="builds per size (and baselines), the median reported"
    )
    ap.add_argument(
        "--preload",
        default=PRELOAD,
        help=f"modules imported before the baseline is taken (default {PRELOAD}; faiss,bm25s before the twelfth pass)",
    )
    ap.add_argument(
        "--precision",
        choices=("default", "int8", "fp32"),
        default="default",
        help="the model's precision for the baseline and the builds (default: the checkout's"
        " index.build.QUANTIZED, as `qa index` without --precision)",
    )
    ap.add_argument("--keep", type=Path, help="copy each index built here (to compare two versions' files)")
    ap.add_argument("--no-update", action="store_true", help="skip re-indexing the unchanged file")
    ap.add_argument(
        "--files",
        type=int,
        default=1,
        help="the text as this many files of one folder (whole paragraphs each), indexed as the folder"
        " (issue 10 case 16's 'many small files'; round 32); not with --add or --account",
    )
    ap.add_argument(
        "--add",
        action="store_true",
        help="after each build, also index the file with a short new one into the same index (an update"
        " that carries every passage of the file over and embeds a few)",
    )
    ap.add_argument(
        "--account",
        action="store_true",
        help="instead: one traced build per size (tracemalloc), where the peak goes per stage",
    )
    ap.add_argument(
        "--int8-tokens",
        type=int,
        help="the int8 build's batches also stop at this many padded word pieces, 0: none (default: the"
        " checkout's embed.INT8_BUILD_TOKENS, 2048 since round 33; bench/reports/int8_budget32.md, 33.md)",
    )
    ap.add_argument(
        "--warm-tokens",
        type=int,
        default=0,
        help="the baseline's model also runs once on a text of this many word pieces (256: the model's"
        " longest input, so that 'the model' includes its working set for one text; prec22)",
    )
    args = ap.parse_args()
    if args.files > 1 and (args.add or args.account):
        ap.error("--files is not measured with --add or --account")
    if args.int8_tokens is not None:
        os.environ["INDEX_SCALE_INT8_TOKENS"] = str(args.int8_tokens)  # read by the children (_CHILD)
    if args.warm_tokens:
        os.environ["INDEX_SCALE_WARM_TOKENS"] = str(args.warm_tokens)  # read by the children (_CHILD)
    model = "hash-embedder" if args.model == "hash" else "real"
    sizes = [float(s) for s in args.sizes.split(",")]
    repos: list[Path] = args.repo or [REPO]
    runs = max(1, args.runs)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(
        f"model {model}, precision {args.precision}, attribution {'on' if args.quotes else 'off'},"
        f" {runs} run(s) a size (medians),"
        f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    rows: dict[int, list[tuple[float, float, float]]] = {k: [] for k in range(len(repos))}
    with tempfile.TemporaryDirectory() as tmp:
        bases: dict[int, float] = {}
        base_anons: dict[int, float] = {}
        for k, repo in enumerate(repos):
            got = [
                run_child(
                    repo, "baseline", Path(tmp), Path(tmp), model, args.quotes, args.preload, args.precision
                )
                for _ in range(runs)
            ]
            bases[k] = statistics.median(r["peak_mb"] for r in got)
            base_anons[k] = statistics.median(r["anon_mb"] for r in got)
            mid = _median_run(got)
            print(
                f"[{k}] repo {repo}: baseline (model loaded, used once, nothing indexed): peak {bases[k]:.1f} MB"
                f" (median of {runs}: {_spread([r['peak_mb'] for r in got])}; RSS anon {mid['anon_mb']:.1f}"
                f" + file-backed {mid['file_mb']:.1f} MB)",
                flush=True,
            )
        for mb in sizes:
            path = Path(tmp) / f"text-{mb:g}mb.txt"
            path.write_text(make_text(mb), encoding="utf-8")
            text_mb = path.stat().st_size / 1e6
            if args.account:
                for k, repo in enumerate(repos):
                    account(
                        repo,
                        path,
                        Path(tmp) / f"index-{mb:g}",
                        model,
                        args.quotes,
                        bases[k],
                        text_mb,
                        args.preload,
                        args.precision,
                    )
                path.unlink()
                continue
            # The text as Python holds it: 2 bytes a character once one is beyond Latin-1 (’).
            held_mb = sys.getsizeof(path.read_text(encoding="utf-8")) / 1e6
            if args.files > 1:
                path = split_into_files(path, args.files)
            got_all: dict[int, list[dict]] = {k: [] for k in range(len(repos))}
            for _ in range(runs):  # interleaved: a change of the machine's load falls on every version
                for k, repo in enumerate(repos):
                    idx = Path(tmp) / f"index-{mb:g}-{k}"
                    shutil.rmtree(idx, ignore_errors=True)
                    got_all[k].append(
                        run_child(repo, "build", path, idx, model, args.quotes, args.preload, args.precision)
                    )
            rows_n = {k: got_all[k][0]["passages"] for k in got_all}
            for k, repo in enumerate(repos):
                _report_size(k, got_all[k], bases[k], base_anons[k], text_mb, held_mb)
                over = statistics.median(g["peak_mb"] for g in got_all[k]) - bases[k]
                rows[k].append((text_mb, statistics.median(g["cpu"] for g in got_all[k]), over))
                idx = Path(tmp) / f"index-{mb:g}-{k}"
                if not args.no_update:
                    # `qa index` again over the same, unchanged file: what an update that changes nothing costs.
                    u = run_child(repo, "build", path, idx, model, args.quotes, args.preload, args.precision)
                    u_over = u["peak_mb"] - bases[k]
                    print(
                        f"    re-indexed unchanged: {u['seconds']:.1f} s, peak {u['peak_mb']:.0f} MB = {u_over:.0f} MB"
                        f" over the baseline = {u_over / text_mb:.2f}x the file = {u_over / held_mb:.2f}x the text"
                        " as held",
                        flush=True,
                    )
                if args.add:
                    added = path.with_name(path.stem + "-added.txt")
                    added.write_text(make_text(0.005, seed=2), encoding="utf-8")
                    u = run_child(repo, "add", path, idx, model, args.quotes, args.preload, args.precision)
                    u_over = u["peak_mb"] - bases[k]
                    print(
                        f"    a short file added ({u['passages'] - rows_n[k]} passages; the file's carried over):"
                        f" {u['seconds']:.1f} s (CPU {u['cpu']:.1f}), peak {u['peak_mb']:.1f} MB = {u_over:.1f} MB over the"
                        f" baseline = {u_over / text_mb:.2f}x the file; stage s / peak MB: "
                        + ", ".join(
                            f"{s} {u['stage_seconds'].get(s, 0.0):.1f}/{u['stage_peak_mb'].get(s, 0.0):.0f}"
                            for s in STAGES
                        ),
                        flush=True,
                    )
                    added.unlink()
                if args.keep:
                    dest = args.keep / (f"index-{mb:g}" if len(repos) == 1 else f"{k}-index-{mb:g}")
                    shutil.copytree(idx, dest, dirs_exist_ok=True)
                shutil.rmtree(idx)
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    for k in rows:
        for (t0, s0, o0), (t1, s1, o1) in zip(rows[k], rows[k][1:], strict=False):
            print(
                f"[{k}] {t1:.1f} MB vs {t0:.1f} MB (text x{t1 / t0:.2f}): CPU time x{s1 / s0:.2f}, "
                f"memory over the baseline x{o1 / max(o0, 1e-9):.2f}, "
                f"marginal memory {(o1 - o0) / (t1 - t0):.2f} MB per MB of text"
            )


def _report_size(
    k: int, runs: list[dict], base: float, base_anon: float, text_mb: float, held_mb: float
) -> None:
    """Print one version's builds of one size: the median peak over the baseline (and its spread),
    then the median run's times, stages and what its RSS was made of at the end."""
    peaks = [r["peak_mb"] for r in runs]
    over = statistics.median(peaks) - base
    r = _median_run(runs)
    print(
        f"[{k}] {text_mb:.1f} MB text, {r['passages']} passages: peak {statistics.median(peaks):.1f} MB (median of"
        f" {len(runs)}: {_spread(peaks)}) = {over:.1f} MB over the baseline = {over / text_mb:.2f}x the file"
        f" ({_spread([(p - base) / text_mb for p in peaks])}x) = {over / held_mb:.2f}x the text as held"
        f" ({held_mb:.0f} MB str); CPU {statistics.median(g['cpu'] for g in runs):.1f} s"
        f" ({_spread([g['cpu'] for g in runs])}), wall {statistics.median(g['seconds'] for g in runs):.1f} s",
        flush=True,
    )
    print(
        "    median run, stage s / peak MB: "
        + ", ".join(
            f"{s} {r['stage_seconds'].get(s, 0.0):.1f}/{r['stage_peak_mb'].get(s, 0.0):.0f}" for s in STAGES
        )
        + f"; at its end RSS anon {r['anon_mb']:.1f} + file-backed {r['file_mb']:.1f} MB",
        flush=True,
    )
    anon = [g["anon_peak_mb"] - base_anon for g in runs if "anon_peak_mb" in g]
    if anon:
        print(
            f"    private memory (RssAnon, sampled every 5 ms) at its peak: {statistics.median(anon):.1f} MB over the"
            f" baseline's = {statistics.median(anon) / text_mb:.2f}x the file ({_spread([a / text_mb for a in anon])}x)",
            flush=True,
        )


if __name__ == "__main__":
    main()
