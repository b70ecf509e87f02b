"""The public Python API, tested with the public names only (`import qa`).

Most tests build with the model-free "hash-embedder" so they take milliseconds; the tests marked
slow run the README's example with the real model.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qa

FAKE = "hash-embedder"  # the deterministic test embedder, selected by model name

TRAMS = """Valmora votes to bring back its trams

Mayor Ines Calder says the line will be 'the spine of the city', while shopkeepers fear years of roadworks

Photo by: Lena Hoff/Valmora Post

The city council of Valmora voted on Tuesday to rebuild the tram line that closed in 1962.

"Trams will be the spine of this city again, and they will run on clean power," Calder told the council.

The line will cost 640 million euros and is due to open in 2031, according to the transport office.

Shopkeepers' association chair Pavel Ruiz said the vote ignored small businesses.

"Three years of roadworks will empty our streets of customers," Ruiz said.

Calder has insisted that the works will be done street by street to keep shops open.
"""

HARBOUR = """A new harbour for Tarn

The fishing town of Tarn will dredge its harbour this winter so that larger boats can land their catch.

Harbour master Olga Brandt said the work would take four months and cost 12 million euros.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api-docs")
    (folder / "trams.txt").write_text(TRAMS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index(docs: Path, tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> qa.Index:
    return qa.build([docs], index=tmp_path_factory.mktemp("api") / "ix", model=FAKE)


def test_all_names_exist_and_are_documented() -> None:
    assert {"build", "open", "Index", "Answer", "Passage", "Conversation", "QAError"} <= set(qa.__all__)
    for name in qa.__all__:
        obj = getattr(qa, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), f"qa.{name} has no docstring"
    for cls in (qa.Index, qa.Conversation):
        for meth, fn in inspect.getmembers(cls, inspect.isfunction):
            if not meth.startswith("_"):
                assert (fn.__doc__ or "").strip(), f"qa.{cls.__name__}.{meth} has no docstring"


def test_help_tells_a_newcomer_what_to_call() -> None:
    import io
    import pydoc

    out = io.StringIO()
    pydoc.Helper(output=out).help(qa)
    text = out.getvalue()
    for call in ("qa.build(", "qa.open(", "index.ask(", "index.chat()", "answer.passages"):
        assert call in text


def test_errors_are_typed() -> None:
    for err in (qa.IndexMissing, qa.IndexDamaged, qa.IndexIncompatible, qa.IndexLocked, qa.BadInput):
        assert issubclass(err, qa.QAError)
    assert issubclass(qa.QAError, Exception)


def test_build_returns_an_index_that_answers(index: qa.Index, docs: Path) -> None:
    assert isinstance(index, qa.Index)
    assert [d.source for d in index.documents()] == [str(docs / "trams.txt")]
    answer = index.ask("How much will the tram line cost?", k=2)
    assert isinstance(answer, qa.Answer)
    assert not answer.abstained and answer.reason == ""
    assert answer.searched == "How much will the tram line cost?"
    assert 1 <= len(answer.passages) <= 2
    p = answer.passages[0]
    assert isinstance(p, qa.Passage)
    assert "640 million euros" in p.text
    text = (docs / "trams.txt").read_text(encoding="utf-8")
    assert text[p.start : p.end] == p.text
    assert p.source == str(docs / "trams.txt") and p.title == "Valmora votes to bring back its trams"
    a, b = p.highlight
    assert 0 <= a < b <= len(p.text) and "640 million" in p.text[a:b]
    assert p.kind == "body" and isinstance(p.score, float)
    scores = [x.score for x in answer.passages]
    assert scores == sorted(scores, reverse=True)


def test_speaker_questions_name_the_speaker(index: qa.Index) -> None:
    answer = index.ask("What did Ruiz say about the roadworks?")
    assert not answer.abstained
    assert answer.passages[0].speaker == "Pavel Ruiz"
    assert "roadworks" in answer.passages[0].text


def test_unanswerable_question_abstains_with_a_reason(index: qa.Index) -> None:
    answer = index.ask("What did Ruiz say about the glaciers of Patagonia?")
    assert answer.abstained and answer.passages == [] and answer.reason
    assert json.loads(json.dumps(answer.to_json()))["abstained"] is True


def test_chat_follow_ups_use_the_history(index: qa.Index) -> None:
    chat = index.chat()
    assert isinstance(chat, qa.Conversation)
    first = chat.ask("What did Calder say about the trams?")
    assert first.passages[0].speaker == "Ines Calder"
    follow = chat.ask("And Ruiz?")
    assert "Ruiz" in follow.searched and follow.searched != "And Ruiz?"
    assert follow.passages[0].speaker == "Pavel Ruiz"
    assert chat.history == [first.searched, follow.searched]
    chat.reset()
    assert chat.history == []
    # Without history "And Ruiz?" is searched as typed.
    assert chat.ask("And Ruiz?").searched == "And Ruiz?"
    # index.ask keeps no history between calls.
    index.ask("What did Calder say about the trams?")
    assert index.ask("And Ruiz?").searched == "And Ruiz?"


def test_speakers_and_quotes(index: qa.Index, docs: Path) -> None:
    names = {s.name for s in index.speakers()}
    assert {"Ines Calder", "Pavel Ruiz"} <= names
    quotes = index.quotes()
    assert quotes and all(q.doc == str(docs / "trams.txt") for q in quotes)
    text = (docs / "trams.txt").read_text(encoding="utf-8")
    assert all(text[q.start : q.end] == q.text for q in quotes)
    ruiz = index.quotes("ruiz")
    assert ruiz and {q.speaker for q in ruiz} == {"Pavel Ruiz"}
    assert any("roadworks will empty our streets" in q.text and q.direct for q in ruiz)


def test_build_is_incremental_and_takes_str_path_or_list(index: qa.Index, docs: Path, tmp_path: Path) -> None:
    target = tmp_path / "inc"
    one = qa.build(str(docs / "trams.txt"), index=str(target), model=FAKE)
    assert one.report is not None and one.report.added == 1
    extra = tmp_path / "harbour.txt"
    extra.write_text(HARBOUR, encoding="utf-8")
    two = qa.build([docs / "trams.txt", extra], index=target)  # the index's own model is kept
    assert two.report is not None and (two.report.added, two.report.unchanged) == (1, 1)
    assert len(two.documents()) == 2
    assert "12 million" in two.ask("How much will the harbour work cost?").passages[0].text
    again = qa.open(target)
    assert [d.source for d in again.documents()] == [d.source for d in two.documents()]


def test_bad_input_is_typed(index: qa.Index, tmp_path: Path) -> None:
    with pytest.raises(qa.BadInput):
        index.ask("   ")
    with pytest.raises(qa.BadInput):
        index.ask("Who?", k=0)
    with pytest.raises(qa.BadInput):
        index.ask(None)  # type: ignore[arg-type]
    with pytest.raises(qa.BadInput):
        qa.build([], index=tmp_path / "ix", model=FAKE)
    with pytest.raises(qa.BadInput):
        qa.build(tmp_path / "no-such-folder", index=tmp_path / "ix", model=FAKE)
    assert not (tmp_path / "ix" / "CURRENT").exists()


def test_missing_and_damaged_indexes_are_typed_and_name_no_command(index: qa.Index, tmp_path: Path) -> None:
    with pytest.raises(qa.IndexMissing) as missing:
        qa.open(tmp_path / "nothing-here")
    assert "qa index" not in str(missing.value)  # the CLI adds its commands, the API does not
    (tmp_path / "file").write_text("not an index", encoding="utf-8")
    with pytest.raises(qa.QAError):
        qa.open(tmp_path / "file")
    # Corrupt one byte of every file of a copy of the index: opening it is refused, typed.
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(index.path, copy)
    for f in copy.rglob("*.sqlite"):
        data = bytearray(f.read_bytes())
        data[len(data) // 2] ^= 0xFF
        f.write_bytes(bytes(data))
    with pytest.raises(qa.IndexDamaged) as damaged:
        qa.open(copy)
    assert "qa index" not in str(damaged.value) and "--rebuild" not in str(damaged.value)


def test_opening_an_index_writes_nothing(index: qa.Index) -> None:
    before = {p: p.stat().st_mtime_ns for p in index.path.rglob("*")}
    qa.open(index.path).ask("Who voted?")
    assert {p: p.stat().st_mtime_ns for p in index.path.rglob("*")} == before


@pytest.mark.slow
def test_open_without_a_path_builds_the_default_index_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("QA_INDEX", str(tmp_path / "default"))
    heard: list[str] = []
    first = qa.open(notify=heard.append)
    assert len(heard) == 1 and "built the default index" in heard[0]
    assert first.documents()[0].title
    with caplog.at_level(logging.INFO, logger="qa"):
        qa.open()  # already built: nothing to say, nothing written
    assert not caplog.records
    # Without a callback the notice is logged.
    monkeypatch.setenv("QA_INDEX", str(tmp_path / "default2"))
    with caplog.at_level(logging.INFO, logger="qa"):
        qa.open()
    assert any("built the default index" in r.getMessage() for r in caplog.records)


def readme_example() -> str:
    """The README's Python example, exactly as printed there."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = text.index("```python\n") + len("```python\n")
    return text[start : text.index("```", start)]


@pytest.mark.slow
def test_the_readme_example_runs_with_the_real_model(tmp_path: Path, qa_home: Path) -> None:
    """The README's example in a fresh interpreter, from an empty data folder, with the bundled model."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", QA_HOME=str(qa_home), QA_INDEX=str(tmp_path / "default"))
    code = readme_example() + (
        "import sys\nprint('ML:', sorted(m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules))\n"
    )
    # Building the default index is the first step; the query path is what runs after it.
    subprocess.run([sys.executable, "-c", "import qa; qa.open()"], env=env, check=True, timeout=300)
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert lines[0] == "False  What did Obama say about Russia?"
    assert "Barack Obama" in lines[1] and "article.txt" in lines[1]
    assert lines[-4] == "Barack Obama"
    assert lines[-3] == "What did Putin say about Assad?"
    assert lines[-2].startswith("1 ['Vladimir Putin', 'Barack Obama'] ")
    assert lines[-1] == "ML: []"
    assert (tmp_path / "my-index" / "CURRENT").is_file()


def test_a_second_writer_gets_index_locked(docs: Path, tmp_path: Path) -> None:
    """While one build holds the index, another is refused with qa.IndexLocked; the first completes."""
    import threading

    target = tmp_path / "locked"
    started, release = threading.Event(), threading.Event()
    result: list[object] = []

    def hold(stage: str, done: int, total: int) -> None:
        if stage == "reading" and not started.is_set():
            started.set()
            release.wait(30)

    first = threading.Thread(
        target=lambda: result.append(qa.build(docs, index=target, model=FAKE, progress=hold))
    )
    first.start()
    try:
        assert started.wait(30)
        with pytest.raises(qa.IndexLocked) as e:
            qa.build(docs, index=target, model=FAKE)
        assert isinstance(e.value, qa.QAError) and "qa index" not in str(e.value)
    finally:
        release.set()
        first.join(60)
    assert isinstance(result[0], qa.Index) and result[0].documents()


def test_core_error_hints_name_no_cli_command() -> None:
    """Hints naming `qa` commands live in cli/ (the CLI adds them); index/ and qa/ say what to do."""
    import re

    root = Path(__file__).resolve().parent.parent
    hint = re.compile(r"\bqa (?:index|ask|chat|docs|speakers|quotes|eval)\b|--rebuild|--index ")
    for folder in ("index", "qa"):
        for path in sorted((root / folder).glob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                line = line.split("#")[0]  # comments may name commands
                if re.search(r"hint|raise|Error\(|Missing\(|Damaged\(|Incompatible\(|Locked\(", line):
                    assert not hint.search(line), f"{path.name}:{n}: {line.strip()}"
