"""Every `qa` command through typer's CliRunner: real output, real exit codes, the real model."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from index import ingest, store
from index.hashembed import MODEL as FAKE
from qa import __version__, config

runner = CliRunner()

NOTES = """Harbour report

The new harbour bridge in Port Ellery opened on Monday after four years of work.
It cost 42 million pounds and carries two lanes of traffic and a cycle path.

The mayor, Ruth Calder, said the bridge would cut the drive to the hospital by twenty minutes.
"This is the day the town stops being two towns," Calder said at the opening.
"""

GUIDE = """# Lighthouse visitor guide

The Ellery lighthouse is open to visitors from April to October.

Tickets cost six pounds for adults and three pounds for children. The climb has 212 steps.
"""

PAGE = """<!doctype html>
<html><head><title>Fishing fleet returns</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Fishing fleet returns</h1>
<p>The Port Ellery fishing fleet returned on Friday with the largest herring catch in a decade.</p>
<p>Skipper Tom Abbott said the fleet had landed 300 tonnes of herring in a single week, a record for
the harbour. Buyers from three countries attended the early morning auction at the quay.</p>
<p>The harbour master warned that storms are expected later in the month and asked crews to check
their moorings before the weekend.</p>
</article>
<footer>Copyright Port Ellery Gazette</footer>
</body></html>
"""


def invoke(*args: str, input: str | None = None) -> Any:
    """Run `qa ARGS` in-process; stdout and stderr stay separate."""
    return runner.invoke(app, list(args), input=input)


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")
    (folder / "guide.md").write_text(GUIDE, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    return folder


def test_version() -> None:
    r = invoke("--version")
    assert r.exit_code == 0
    assert r.stdout.strip() == f"qa {__version__}"
    assert r.stderr == ""


def test_help_lists_every_command() -> None:
    r = invoke("--help")
    assert r.exit_code == 0
    for command in ("index", "ask", "chat", "docs", "speakers", "eval"):
        assert command in r.stdout
    bare = invoke()  # no_args_is_help: usage, not a traceback
    assert "Usage" in bare.stdout + bare.stderr
    assert "Traceback" not in bare.stdout + bare.stderr


def test_index_is_incremental(qa_home: Path, corpus: Path, tmp_path: Path) -> None:
    idx = tmp_path / "index"
    r = invoke("index", str(corpus), "--index", str(idx), "--json", "--model", FAKE)
    assert r.exit_code == 0, r.stderr
    first = json.loads(r.stdout)
    assert (first["documents"], first["added"], first["unchanged"], first["removed"]) == (3, 3, 0, 0)
    assert first["embedded"] == first["passages"] > 0
    assert first["skipped"] == []

    # Unchanged: nothing goes through the model again.
    r = invoke("index", str(corpus), "--index", str(idx), "--json")
    assert r.exit_code == 0, r.stderr
    again = json.loads(r.stdout)
    assert (again["embedded"], again["added"], again["updated"], again["unchanged"]) == (0, 0, 0, 3)
    assert again["passages"] == first["passages"]

    # One file changed: only its passages are embedded.
    notes = corpus / "notes.txt"
    notes.write_text(
        NOTES + "\nThe bridge will be lit in blue every evening until the end of May.\n", encoding="utf-8"
    )
    notes_passages = _passages_of(idx, str(notes.resolve())) + 1  # at least as many as before
    r = invoke("index", str(corpus), "--index", str(idx), "--json")
    assert r.exit_code == 0, r.stderr
    changed = json.loads(r.stdout)
    assert (changed["updated"], changed["unchanged"], changed["added"]) == (1, 2, 0)
    assert 0 < changed["embedded"] == _passages_of(idx, str(notes.resolve())) <= notes_passages
    assert changed["embedded"] < changed["passages"]

    # One file deleted: removed from the index, nothing re-embedded; the human summary says so.
    (corpus / "guide.md").unlink()
    r = invoke("index", str(corpus), "--index", str(idx))
    assert r.exit_code == 0, r.stderr
    assert "2 documents" in r.stdout and "1 removed" in r.stdout and "2 unchanged" in r.stdout
    r = invoke("docs", "--index", str(idx), "--json")
    sources = {Path(d["source"]).name for d in json.loads(r.stdout)["documents"]}
    assert sources == {"notes.txt", "page.html"}


def _passages_of(idx: Path, source: str) -> int:
    r = invoke("docs", "--index", str(idx), "--json")
    assert r.exit_code == 0, r.stderr
    return next(d["passages"] for d in json.loads(r.stdout)["documents"] if d["source"] == source)


def test_index_reads_txt_md_html(qa_home: Path, corpus: Path, tmp_path: Path) -> None:
    idx = tmp_path / "index"
    assert invoke("index", str(corpus), "--index", str(idx), "--model", FAKE).exit_code == 0
    r = invoke("docs", "--index", str(idx), "--json")
    docs = {Path(d["source"]).name: d for d in json.loads(r.stdout)["documents"]}
    assert {n: d["format"] for n, d in docs.items()} == {
        "notes.txt": "text",
        "guide.md": "markdown",
        "page.html": "html",
    }
    assert docs["guide.md"]["title"] == "Lighthouse visitor guide"
    assert docs["page.html"]["title"] == "Fishing fleet returns"
    r = invoke("ask", "How many tonnes of herring did the fleet land?", "--index", str(idx), "--json")
    assert r.exit_code == 0, r.stderr
    top = json.loads(r.stdout)["passages"][0]
    assert Path(top["source"]).name == "page.html" and "300 tonnes" in top["text"]
    assert "Copyright" not in top["text"]  # boilerplate stripped from the page


def test_ask_json_schema(fake_article_index: Path) -> None:
    r = invoke(
        "ask",
        "What did Putin say about cooperating with Assad?",
        "--index",
        str(fake_article_index),
        "--json",
    )
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["question"] == "What did Putin say about cooperating with Assad?"
    assert out["abstained"] is False
    passages = out["passages"]
    assert 1 <= len(passages) <= 5
    document = _article_text()
    for p in passages:
        assert {"text", "score", "source", "start", "end", "highlight"} <= set(p)
        assert isinstance(p["score"], float)
        assert p["source"] == str(config.bundled_article().resolve())
        assert p["text"] == document[p["start"] : p["end"]]
        hl = p["highlight"]
        assert 0 <= hl["start"] < hl["end"] <= len(p["text"])
    scores = [p["score"] for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert len({(p["start"], p["end"]) for p in passages}) == len(passages)
    assert any("mistake" in p["text"] for p in passages)


def _article_text() -> str:
    got = ingest.read(config.bundled_article())
    assert not isinstance(got, ingest.Skipped)
    return got.text


def test_ask_human_output(fake_article_index: Path) -> None:
    # Worded as the article words it: the hash model behind fake_article_index has no paraphrase, so
    # "have died" would meet qa.slots' measure check (a model cosine) and be declined.
    r = invoke(
        "ask", "How many people lost their lives in the Syrian civil war?", "--index", str(fake_article_index)
    )
    assert r.exit_code == 0, r.stderr
    assert "article.txt" in r.stdout
    assert "250,000" in r.stdout


def test_ask_k_limits_passages(fake_article_index: Path) -> None:
    r = invoke("ask", "What did Obama say?", "--index", str(fake_article_index), "--json", "--k", "2")
    assert r.exit_code == 0, r.stderr
    assert 1 <= len(json.loads(r.stdout)["passages"]) <= 2


def test_unanswerable_question_abstains(fake_article_index: Path) -> None:
    q = "What is the boiling point of tungsten in kelvin?"
    r = invoke("ask", q, "--index", str(fake_article_index), "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert out["abstained"] is True and out["passages"] == [] and out["reason"]
    human = invoke("ask", q, "--index", str(fake_article_index))
    assert human.exit_code == 1
    assert human.stdout.strip()  # says so, rather than printing nothing
    assert "Traceback" not in human.stdout + human.stderr


@pytest.mark.slow
def test_docs(article_index: Path) -> None:
    r = invoke("docs", "--index", str(article_index), "--json")
    assert r.exit_code == 0, r.stderr
    info = json.loads(r.stdout)
    assert (
        info["model"] == "all-MiniLM-L6-v2"
        and info["dim"] == 384
        and info["format_version"] == store.FORMAT_VERSION
    )
    assert info["path"] == str(article_index)
    [doc] = info["documents"]
    assert doc["source"] == str(config.bundled_article().resolve())
    assert doc["passages"] == info["passages"] > 0
    assert doc["title"].startswith("Putin defends Assad")
    # Known for web pages; null (as in the answer JSON), never "", for a plain text file.
    assert doc["url"] is None and doc["site"] is None
    assert {"date", "author"} <= set(doc) and doc["date"] != "" and doc["author"] != ""
    human = invoke("docs", "--index", str(article_index))
    assert human.exit_code == 0
    assert "article.txt" in human.stdout and "all-MiniLM-L6-v2" in human.stdout


def test_speakers(fake_article_index: Path) -> None:
    r = invoke("speakers", "--index", str(fake_article_index), "--json")
    assert r.exit_code == 0, r.stderr
    found = {s["name"]: s for s in json.loads(r.stdout)}
    assert found["Vladimir Putin"]["quotes"] > found["Barack Obama"]["quotes"] > 0
    assert "Putin" in found["Vladimir Putin"]["aliases"]
    human = invoke("speakers", "--index", str(fake_article_index))
    assert human.exit_code == 0 and "Vladimir Putin" in human.stdout


def test_eval(fake_article_index: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    items = [
        {
            "id": "a",
            "question": "How many people lost their lives in the Syrian civil war?",
            "answers": ["250,000"],
        },
        {
            "id": "b",
            "question": "What did Putin say about cooperating with Assad?",
            "answers": ["huge mistake not to cooperate"],
        },
        {"id": "c", "question": "What is the capital of France?", "answers": [], "answerable": False},
    ]
    gold.write_text("\n".join(json.dumps(i) for i in items) + "\n\n", encoding="utf-8")
    r = invoke("eval", str(gold), "--index", str(fake_article_index), "--json")
    assert r.exit_code == 0, r.stderr
    rep = json.loads(r.stdout)
    assert (rep["items"], rep["answerable"], rep["unanswerable"], rep["k"]) == (3, 2, 1, 5)
    assert rep["recall_at_k"] == 1.0 and rep["abstain"] == 1.0 and rep["false_abstain"] == 0.0
    assert 0.5 <= rep["mrr"] <= 1.0
    human = invoke("eval", str(gold), "--index", str(fake_article_index))
    assert human.exit_code == 0 and "3 questions (2 answerable, 1 not)" in human.stdout
    # A gold file that is not JSON lines: one-line input error, exit 7.
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    r = invoke("eval", str(bad), "--index", str(fake_article_index))
    assert r.exit_code == 7
    assert len(lines_of(r.stderr)) == 1 and "bad.jsonl:1" in r.stderr


def test_chat_json_lines(fake_article_index: Path) -> None:
    stdin = "What did Putin say about Assad?\n\n   \n/reset\nWhat is the capital of France?\n/k 2\n"
    r = invoke("chat", "--index", str(fake_article_index), "--json", input=stdin)
    assert r.exit_code == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == 4  # one object per non-empty line, nothing else on stdout
    assert out[0]["question"] == "What did Putin say about Assad?" and out[0]["abstained"] is False
    assert out[0]["passages"] and {"text", "score", "source", "start", "end"} <= set(out[0]["passages"][0])
    assert out[1] == {"command": "/reset", "ok": True}
    assert out[2]["abstained"] is True and out[2]["passages"] == []
    assert out[3]["command"] == "/k" and out[3]["ok"] is True and out[3]["k"] == 2


@pytest.mark.slow
def test_default_index_built_on_first_use(
    qa_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QA_INDEX", str(tmp_path / "fresh-default"))
    r = invoke("docs", "--json")
    assert r.exit_code == 0, r.stderr
    notice = lines_of(r.stderr)
    assert len(notice) == 1 and "built the default index" in notice[0]
    assert str(tmp_path / "fresh-default") in notice[0]
    assert json.loads(r.stdout)["documents"][0]["source"] == str(config.bundled_article().resolve())
    r = invoke("ask", "Who spoke at the UN?", "--json")  # second use: no notice
    assert r.exit_code in (0, 1) and r.stderr == ""
    # A newer quote analyser: the default index's quotes are found again, once, with a notice.
    import index.attribution

    monkeypatch.setattr(index.attribution, "VERSION", index.attribution.VERSION + 1)
    r = invoke("speakers", "--json")
    assert r.exit_code == 0, r.stderr
    assert "refreshed the quotes of the default index" in r.stderr
    r = invoke("speakers", "--json")
    assert r.exit_code == 0 and r.stderr == ""


def _qa_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QA_HOME=str(home), HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    env.pop("QA_INDEX", None)
    return env


QA = [sys.executable, "-c", "from cli.main import run; run()"]


def test_chat_json_into_a_closed_pipe_exits_quietly(fake_article_index: Path, qa_home: Path) -> None:
    """`qa chat --json | head -1`: the reader goes away; no traceback, no 'Exception ignored'."""
    proc = subprocess.Popen(
        [*QA, "chat", "--json", "--index", str(fake_article_index)],
        env=_qa_env(qa_home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"What did Putin say?\n" * 50)
    proc.stdin.close()
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1` exiting
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert json.loads(first)["question"] == "What did Putin say?"
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err
    assert code in (0, 1, 141)


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_index_interrupted_by_signal(qa_home: Path, tmp_path: Path, sig: int, code: int) -> None:
    """SIGTERM exits 143 and Ctrl-C 130, with one line on stderr and nothing written."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):  # enough text that embedding takes a while
        (folder / f"doc{i}.txt").write_text(
            f"Report {i}\n\n" + (NOTES * 6).replace("Port Ellery", f"Town {i}"), encoding="utf-8"
        )
    idx = tmp_path / "index"
    proc = subprocess.Popen(
        [*QA, "index", str(folder), "--index", str(idx)],
        env=_qa_env(qa_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As from a terminal: a runner started in the background (`cmd &` in a script) passes
        # SIGINT down as ignored, and a process rightly keeps ignoring it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )
    lock = idx / ".lock"
    deadline = time.monotonic() + 60
    # The holder's name is in the lock file once the writer (and its signal handler) is set up.
    while time.monotonic() < deadline and proc.poll() is None:
        if lock.exists() and lock.stat().st_size > 0:
            break
        time.sleep(0.01)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert len(lines_of(err.decode())) == 1 and "interrupted" in err.decode()
    assert "Traceback" not in err.decode()
    assert not (idx / "CURRENT").exists()
    # A first run that did not finish leaves no folder at all (or, at most, an empty one).
    assert not idx.exists() or not [n for n in os.listdir(idx) if n.startswith(("tmp-", "gen-"))]


@pytest.mark.slow
def test_index_precision_switch_re_embeds(tmp_path: Path, qa_home: Path) -> None:
    """int8 is the default for new indexes; --precision fp32 re-embeds, and the index remembers it."""
    from typer.testing import CliRunner

    from cli.main import app
    from index import store

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The mayor opened the bridge on Friday.\n\nIt cost two million euros.\n")
    idx = tmp_path / "idx"
    runner = CliRunner()

    def index(*extra: str) -> dict:
        r = runner.invoke(app, ["index", str(docs), "--index", str(idx), "--json", *extra])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)

    assert index()["embedded"] == 2
    assert store.open_manifest(idx)[1].extra["quantized"] is True
    assert index("--precision", "fp32")["embedded"] == 2
    assert store.open_manifest(idx)[1].extra["quantized"] is False
    assert index()["embedded"] == 0  # the index keeps its own precision
    r = runner.invoke(app, ["ask", "When did the bridge open?", "--index", str(idx), "--json"])
    assert r.exit_code == 0 and "Friday" in json.loads(r.stdout)["passages"][0]["text"]


@pytest.mark.slow
def test_documents_kept_from_other_paths_follow_a_precision_change(tmp_path: Path, qa_home: Path) -> None:
    """Indexing folder B into an index that also holds folder A keeps A; a precision change
    re-embeds A too, so the index never mixes vectors of two model variants."""
    from typer.testing import CliRunner

    from cli.main import app

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "port.txt").write_text("The harbour reopened on Monday after the strike.\n")
    (b / "zoo.txt").write_text("The zoo welcomed two pandas from Chengdu.\n")
    idx = tmp_path / "idx"
    runner = CliRunner()

    def index(folder: Path, *extra: str) -> dict:
        r = runner.invoke(app, ["index", str(folder), "--index", str(idx), "--json", *extra])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)

    index(a)
    assert index(b)["documents"] == 2
    report = index(b, "--precision", "fp32")
    assert (report["documents"], report["embedded"]) == (2, 2)
    r = runner.invoke(app, ["ask", "When did the harbour reopen?", "--index", str(idx), "--json"])
    assert r.exit_code == 0 and "Monday" in json.loads(r.stdout)["passages"][0]["text"]


# --------------------------------------------------------------------------- rough edges


@pytest.mark.parametrize("command", ["", "index", "ask", "chat", "docs", "speakers", "eval"])
def test_help_shows_no_python_types(command: str) -> None:
    r = invoke(*([command] if command else []), "--help")
    assert r.exit_code == 0
    import re

    for t in ("<list[Path]>", "<bool>", "<path>", "<str>", "<int", "<float", "<text>"):
        assert t not in r.stdout, (command, t)
    # the ranges are still shown, as values
    assert not re.search(r"<[a-z][\w\[\]| ]*>", r.stdout), r.stdout


def test_shell_completion_is_offered() -> None:
    r = invoke("--help")
    assert "--install-completion" in r.stdout and "--show-completion" in r.stdout


def test_k_has_the_same_range_as_slash_k(fake_article_index: Path) -> None:
    from cli.chat import MAX_K

    ok = invoke("ask", "What did Obama say?", "--index", str(fake_article_index), "--json", "--k", str(MAX_K))
    assert ok.exit_code == 0, ok.stderr
    too_many = invoke("ask", "What did Obama say?", "--index", str(fake_article_index), "--k", str(MAX_K + 1))
    assert too_many.exit_code == 2


def test_empty_question_error_names_no_chat_command(fake_article_index: Path) -> None:
    r = invoke("ask", "   ", "--index", str(fake_article_index))
    assert r.exit_code == 7
    assert "empty question" in r.stderr and "/help" not in r.stderr


@pytest.mark.parametrize(
    ("args", "env", "colour"),
    [
        ([], {}, False),  # CliRunner's stdout is not a terminal
        (["--color", "never"], {}, False),
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1", "TERM": "dumb"}, True),
    ],
)
def test_color_option(
    fake_article_index: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    colour: bool,
) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    r = invoke(
        "ask",
        "How many people lost their lives in the Syrian civil war?",
        "--index",
        str(fake_article_index),
        *args,
    )
    assert r.exit_code == 0, r.stderr
    assert ("\x1b[" in r.stdout) is colour
    # without colour the best sentence is marked in plain text, with colour it is not
    assert ("»" in r.stdout and "«" in r.stdout) is (not colour)
    assert "\u00a0" not in r.stdout  # plain spaces around ¶ and ·


def test_auto_color_honours_no_color_and_dumb_terminals() -> None:
    from cli.output import wants_color

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert wants_color(Tty(), "auto", {"TERM": "xterm-256color"})
    assert not wants_color(Tty(), "auto", {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert wants_color(Tty(), "auto", {"TERM": "xterm-256color", "NO_COLOR": ""})  # empty: unset
    assert not wants_color(Tty(), "auto", {"TERM": "dumb"})
    assert not wants_color(io.StringIO(), "auto", {"TERM": "xterm"})
    assert wants_color(io.StringIO(), "always", {"NO_COLOR": "1"})
    assert not wants_color(Tty(), "never", {})


def test_piped_output_has_plain_spaces(fake_article_index: Path, qa_home: Path) -> None:
    """Through a real pipe: ASCII spaces around ¶ and ·, no escape codes, the best sentence marked."""
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cli.main import run; run()",
            "ask",
            "What did Obama say?",
            "--index",
            str(fake_article_index),
            "--k",
            "2",
        ],
        capture_output=True,
        env=env,
        timeout=120,
    )
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr
    assert "\u00a0" not in out and "\x1b[" not in out
    assert " \u00b6" in out and " \u00b7 " in out
    assert "»" in out


def test_a_misspelt_name_is_answered_with_did_you_mean(fake_article_index: Path) -> None:
    r = invoke("ask", "What did Puttin say about Assad?", "--index", str(fake_article_index))
    assert r.exit_code == 0, r.stderr
    assert "did you mean Putin?" in r.stdout
    j = json.loads(
        invoke("ask", "What did Puttin say about Assad?", "--index", str(fake_article_index), "--json").stdout
    )
    assert j["did_you_mean"] == "Putin" and j["searched"] == "What did Putin say about Assad?"
    assert j["passages"] and j["passages"][0]["speaker"] == "Vladimir Putin"


def test_a_common_word_is_not_taken_for_a_misspelt_name(fake_article_index: Path) -> None:
    """ "Paris" is two edits from many capitalised words, but commoner than them: another name."""
    j = json.loads(invoke("ask", "What did Paris say?", "--index", str(fake_article_index), "--json").stdout)
    assert "did_you_mean" not in j and "searched" not in j


@pytest.mark.parametrize(
    "question",
    ["What did Angela Merkel say about refugees?", "Who won the Iowa caucuses?", "What did Bezos say?"],
)
def test_a_real_name_is_not_corrected_into_another_word(fake_article_index: Path, question: str) -> None:
    """Two edits reach other words from a short name ("Iowa"/"Now"): only one is a typo there."""
    j = json.loads(invoke("ask", question, "--index", str(fake_article_index), "--json").stdout)
    assert "did_you_mean" not in j, j.get("did_you_mean")


def test_relative_qa_home_is_taken_against_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA_HOME=rel (or QA_INDEX=rel) names a folder of the current directory, as GIT_DIR=rel and a
    relative SQLite path do, and is made absolute once read: a later chdir does not move it, and
    messages name it in full. A relative XDG_DATA_HOME is another matter: the XDG spec calls it
    invalid, and it is ignored."""
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    (work / "docs" / "pier.txt").write_text("The pier was repainted white in June.\n", encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("QA_HOME", "rel-home")
    monkeypatch.delenv("QA_INDEX", raising=False)
    data, state = config.data_dir(), config.state_dir()
    assert data == work / "rel-home" / "data" and state == work / "rel-home" / "state"
    assert config.default_index_dir() == work / "rel-home" / "data" / "default-index"
    r = invoke("index", "docs", "--model", FAKE)
    assert r.exit_code == 0, r.stderr
    assert store.current(work / "rel-home" / "data" / "default-index").is_dir()
    monkeypatch.chdir(tmp_path)  # elsewhere, the same QA_HOME names another folder...
    assert config.data_dir() == tmp_path / "rel-home" / "data"
    assert data.is_absolute() and (data / "default-index").is_dir()  # ...but paths already read stay put
    monkeypatch.setenv("QA_INDEX", "work/rel-home/data/default-index")
    r = invoke("docs", "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["documents"][0]["source"] == str(work / "docs" / "pier.txt")
    monkeypatch.delenv("QA_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", "relative-xdg")
    assert config.data_dir().is_absolute() and "relative-xdg" not in str(config.data_dir())
