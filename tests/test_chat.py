"""The chat session: interactive loop driven through a pipe input, and the JSON line protocol."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from cli.chat import MAX_K, _slash_completer, run_chat
from index.errors import InputError
from qa.types import Answer, DocInfo, Hit, IndexInfo, SpeakerInfo

UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"


class FakeConversation:
    """Records what the session asked; some questions fail on purpose."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.resets = 0

    def ask(self, question: str, k: int = 5) -> Answer:
        self.calls.append((question, k))
        if question == "boom":
            raise RuntimeError("backend exploded\nsecond line")
        if question == "bad input":
            raise InputError("question is empty", "type some words")
        if question == "interrupt":
            raise KeyboardInterrupt
        if question == "unknown thing":
            near = _hit("Closest but not it.", 0.2)
            return Answer(question, question, abstained=True, nearest=[near], reason="below threshold")
        return Answer(
            question, f"{question} (resolved)", abstained=False, hits=[_hit(f"Answer to {question}.", 0.9)]
        )

    def reset(self) -> None:
        self.resets += 1


def _hit(text: str, score: float) -> Hit:
    return Hit(
        text=text,
        score=score,
        source="/news/story.txt",
        title="Story",
        start=0,
        end=len(text),
        paragraph=2,
        kind="body",
        highlight=(0, len(text)),
    )


INFO = IndexInfo(
    path="/idx",
    model="minilm",
    format_version=1,
    dim=384,
    ann="flat",
    size_bytes=1000,
    built="2024-01-01T00:00:00Z",
    passages=10,
    documents=[
        DocInfo("/news/story.txt", "Story", "text", 6, 800),
        DocInfo("/news/other.txt", "Other", "text", 4, 500),
    ],
)
SPEAKERS = [SpeakerInfo("Jane Doe", 3, 1, ("Doe",))]


def interactive(keys: str, conv: FakeConversation, tmp_path: Path, **kw: object) -> tuple[int, str]:
    from rich.console import Console

    out = io.StringIO()
    kw.setdefault("history_path", tmp_path / "state" / "sub" / "history")
    if kw.pop("wide", False):
        kw["console"] = Console(file=out, width=200, force_terminal=False)
    with create_pipe_input() as inp:
        inp.send_text(keys)
        rc = run_chat(
            conv,
            k=5,
            input=inp,
            output=DummyOutput(),
            stdout=out,
            info_fn=lambda: INFO,
            speakers_fn=lambda: SPEAKERS,
            **kw,  # type: ignore[arg-type]
        )
    return rc, out.getvalue()


def test_interactive_session(tmp_path: Path) -> None:
    conv = FakeConversation()
    keys = (
        "who won\r"
        "/k 2\r"
        "boom\r"  # the backend raises: one line, the session goes on
        "half typed" + CTRL_C + "/reset\r"  # Ctrl-C drops the line
        "/help\r"
        "/frobnicate\r"
        "   \r"
        "and then\r" + CTRL_D
    )
    rc, out = interactive(keys, conv, tmp_path)
    assert rc == 0
    assert conv.calls == [("who won", 5), ("boom", 2), ("and then", 2)]
    assert conv.resets == 1
    assert "2 documents, 10 passages" in out and "k=5" in out  # header
    assert "(searched: who won (resolved))" in out
    assert "1. story.txt ¶2 · score 0.90" in out
    assert "Answer to who won." in out and "Answer to and then." in out
    assert "k = 2" in out
    assert "error: RuntimeError: backend exploded\\nsecond line" in out
    assert "Conversation reset." in out
    assert "/speakers" in out and "Ctrl-R" in out  # help text
    assert "unknown command /frobnicate; /help lists the commands" in out
    assert "half typed" not in out


def test_k_validation(tmp_path: Path) -> None:
    conv = FakeConversation()
    keys = f"/k 0\r/k {MAX_K + 1}\r/k abc\r/k -3\r/k\rq\r/k {MAX_K}\rq2\r/quit\rnever asked\r"
    rc, out = interactive(keys, conv, tmp_path)
    assert rc == 0
    assert out.count(f"k must be a whole number from 1 to {MAX_K}") == 4
    assert "k = 5" in out
    assert conv.calls == [("q", 5), ("q2", MAX_K)]


def test_exit_and_ctrl_d_only_on_empty_line(tmp_path: Path) -> None:
    conv = FakeConversation()
    rc, _ = interactive("/exit\r", conv, tmp_path)
    assert rc == 0 and conv.calls == []
    # Ctrl-D inside a non-empty line deletes forward instead of quitting
    rc, _ = interactive("ab\x02" + CTRL_D + "\r" + CTRL_D, conv, tmp_path)
    assert rc == 0 and conv.calls == [("a", 5)]


def test_interrupt_and_domain_error_during_ask(tmp_path: Path) -> None:
    conv = FakeConversation()
    rc, out = interactive("interrupt\rbad input\rok\r" + CTRL_D, conv, tmp_path)
    assert rc == 0
    assert "(interrupted)" in out
    assert "error: question is empty type some words" in out
    assert [q for q, _ in conv.calls] == ["interrupt", "bad input", "ok"]


def test_docs_speakers_and_nearest(tmp_path: Path) -> None:
    conv = FakeConversation()
    keys = "/docs\r/speakers\r/nearest\runknown thing\r/nearest\r" + CTRL_D
    rc, out = interactive(keys, conv, tmp_path, wide=True)
    assert rc == 0
    assert "other.txt" in out and "Other" in out
    assert "Jane Doe" in out and "Doe" in out
    assert "the last answer was not an abstention" in out
    assert "The documents don't say. (closest passage: story.txt ¶2, score 0.20 — /nearest shows them)" in out
    assert "Closest passages, not answers (below threshold):" in out
    assert "Closest but not it." in out


def test_history_file_and_recall(tmp_path: Path) -> None:
    hist = tmp_path / "deep" / "dir" / "history"
    conv = FakeConversation()
    interactive("who scored the goal\rwhat was the weather\r" + CTRL_D, conv, tmp_path, history_path=hist)
    assert hist.exists()
    saved = hist.read_text()
    assert "+who scored the goal" in saved and "+what was the weather" in saved

    # Each recall is the first prompt of a session: keys typed ahead of a later prompt are
    # processed before prompt-toolkit has (re)loaded the history, which a human never does.
    conv = FakeConversation()
    interactive(UP + "\r" + CTRL_D, conv, tmp_path, history_path=hist)  # up: the last entry
    interactive("who" + UP + "\r" + CTRL_D, conv, tmp_path, history_path=hist)  # prefix search
    interactive("\x12weath\r\r" + CTRL_D, conv, tmp_path, history_path=hist)  # Ctrl-R search
    assert [q for q, _ in conv.calls] == [
        "what was the weather",
        "who scored the goal",
        "what was the weather",
    ]


def test_unwritable_history_does_not_stop_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *a: object, **kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    conv = FakeConversation()
    rc, out = interactive("hello\r" + CTRL_D, conv, tmp_path, history_path=tmp_path / "nope" / "history")
    assert rc == 0
    assert "history not saved (Permission denied" in out
    assert conv.calls == [("hello", 5)]


def test_history_write_failure_later_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prompt_toolkit.history import FileHistory

    def full(self: FileHistory, string: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileHistory, "store_string", full)
    conv = FakeConversation()
    rc, _ = interactive("one\rtwo\r" + CTRL_D, conv, tmp_path)
    assert rc == 0 and [q for q, _ in conv.calls] == ["one", "two"]


def test_completer_only_for_slash_lines() -> None:
    comp = _slash_completer()

    def names(text: str) -> list[str]:
        return [c.text for c in comp.get_completions(Document(text), None)]

    assert names("/s") == ["/speakers"]
    assert names("/k") == ["/k "]
    assert set(names("/")) >= {"/help", "/k ", "/reset", "/docs", "/speakers", "/quit", "/exit"}
    assert names("who /s") == []
    assert names("what") == []
    assert names("/k 3") == []


# -- JSON line protocol -----------------------------------------------------------------------


class CheckedStdin:
    """Yields input lines, checking that every earlier non-empty line was answered and flushed."""

    def __init__(self, lines: list[str], out: FlushTracker) -> None:
        self.lines = lines
        self.out = out

    def __iter__(self) -> Iterator[str]:
        expected = 0
        for line in self.lines:
            assert self.out.flushed.count("\n") == expected, "answers must be written before reading on"
            yield line
            if line.strip():
                expected += 1

    def isatty(self) -> bool:
        return False


class FlushTracker(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushed = ""

    def flush(self) -> None:
        super().flush()
        self.flushed = self.getvalue()


def run_json(lines: list[str], conv: FakeConversation | None = None) -> tuple[int, list[dict[str, Any]], str]:
    out = FlushTracker()
    rc = run_chat(
        conv or FakeConversation(),
        k=5,
        json_mode=True,
        stdin=CheckedStdin(lines, out),  # type: ignore[arg-type]
        stdout=out,
        info_fn=lambda: INFO,
        speakers_fn=lambda: SPEAKERS,
    )
    raw = out.getvalue()
    return rc, [json.loads(line) for line in raw.splitlines()], raw


def test_json_one_object_per_nonempty_line() -> None:
    conv = FakeConversation()
    lines = [
        "who won\n",
        "\n",
        "   \n",
        "/k 3\n",
        "/k nine\n",
        "boom\n",
        "bad input\n",
        "/reset\n",
        "/docs\n",
        "/speakers\n",
        "/help\n",
        "/bogus\n",
        "unknown thing\n",
        "  last one  ",  # no trailing newline, surrounding spaces
    ]
    rc, objs, raw = run_json(lines, conv)
    assert rc == 0
    assert raw.endswith("\n") and len(raw.splitlines()) == len(objs) == 12
    ans = objs[0]
    assert ans["question"] == "who won" and ans["searched"] == "who won (resolved)"
    assert ans["abstained"] is False and len(ans["passages"]) == 1
    assert objs[1] == {"command": "/k", "ok": True, "k": 3}
    assert objs[2]["ok"] is False and objs[2]["command"] == "/k" and f"1 to {MAX_K}" in str(objs[2]["error"])
    assert objs[3] == {
        "question": "boom",
        "error": "RuntimeError: backend exploded\\nsecond line",
        "abstained": True,
        "passages": [],
    }
    assert objs[4]["error"] == "question is empty type some words"
    assert objs[5] == {"command": "/reset", "ok": True}
    assert objs[6]["ok"] is True
    assert [d["source"] for d in objs[6]["documents"]] == ["/news/story.txt", "/news/other.txt"]
    assert objs[7]["speakers"] == [{"name": "Jane Doe", "quotes": 3, "documents": 1, "aliases": ["Doe"]}]
    assert objs[8]["command"] == "/help" and "/k" in objs[8]["commands"]
    assert objs[9]["ok"] is False and "unknown command /bogus" in str(objs[9]["error"])
    assert objs[10]["abstained"] is True and objs[10]["nearest"] and objs[10]["reason"] == "below threshold"
    assert objs[11]["question"] == "last one"
    assert conv.calls == [
        ("who won", 5),
        ("boom", 3),
        ("bad input", 3),
        ("unknown thing", 3),
        ("last one", 3),
    ]
    assert conv.resets == 1


def test_json_quit_acknowledged_then_stops() -> None:
    conv = FakeConversation()
    rc, objs, _ = run_json(["a\n", "/quit\n", "b\n"], conv)
    assert rc == 0
    assert objs[1] == {"command": "/quit", "ok": True} and len(objs) == 2
    assert conv.calls == [("a", 5)]


def test_json_without_backends_for_docs() -> None:
    out = io.StringIO()
    run_chat(FakeConversation(), json_mode=True, stdin=io.StringIO("/docs\n/speakers\n"), stdout=out)
    objs = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [o["ok"] for o in objs] == [False, False]


def test_json_mode_survives_hostile_text() -> None:
    class Hostile(FakeConversation):
        def ask(self, question: str, k: int = 5) -> Answer:
            h = _hit("evil \x1b]52;c;AAAA\x07 \udc80 text\u2028more", 0.7)
            return Answer(question, question, abstained=False, hits=[h])

    out = io.StringIO()
    run_chat(Hostile(), json_mode=True, stdin=io.StringIO("q\n"), stdout=out)
    raw = out.getvalue()
    raw.encode("utf-8")
    assert "\x1b" not in raw and "\x07" not in raw
    assert len(raw.splitlines()) == 1  # U+2028 is escaped too (json.dumps), so still one line per object
    assert json.loads(raw)["passages"][0]["text"].startswith("evil \x1b]52")


def test_plain_lines_mode_without_tty() -> None:
    conv = FakeConversation()
    out = io.StringIO()
    rc = run_chat(conv, stdin=io.StringIO("who won\n\n/k 2\nboom\nunknown thing\n"), stdout=out)
    text = out.getvalue()
    assert rc == 0
    assert "\x1b" not in text  # no colours on a pipe
    assert "> who won" in text and "Answer to who won." in text
    assert "k = 2" in text
    assert "error: RuntimeError" in text
    assert "The documents don't say." in text
    assert conv.calls == [("who won", 5), ("boom", 2), ("unknown thing", 2)]


# -- with an engine on the bundled article: the hash embedder (fast) and the real model (slow) --


@pytest.fixture(params=["hash", pytest.param("real", marks=pytest.mark.slow)])
def bundled_engine(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The bundled article's engine, with each embedder: the chat protocol must not depend on it."""
    if request.param == "real":
        return request.getfixturevalue("article_engine")
    from qa.engine import Engine

    return Engine.open(request.getfixturevalue("fake_article_index"))


def test_json_protocol_on_the_bundled_article(bundled_engine) -> None:  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    lines = [
        "who took the photo?\n",
        "/k 3\n",
        "What did Obama say?\n",
        "/docs\n",
        "/speakers\n",
        "what is the recipe for banana bread\n",
        "/reset\n",
    ]
    out = io.StringIO()
    rc = run_chat(
        Conversation(bundled_engine),
        k=5,
        json_mode=True,
        stdin=io.StringIO("".join(lines)),
        stdout=out,
        info_fn=bundled_engine.info,
        speakers_fn=bundled_engine.speakers,
    )
    assert rc == 0
    objs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(objs) == len(lines)
    photo, k3, obama, docs, speakers, off_topic, reset = objs
    assert not photo["abstained"] and any(p["kind"] == "credit" for p in photo["passages"][:3])
    assert k3 == {"command": "/k", "ok": True, "k": 3}
    assert 0 < len(obama["passages"]) <= 3
    assert any(p["speaker"] == "Barack Obama" for p in obama["passages"])
    for p in obama["passages"]:
        assert 0 <= p["highlight"]["start"] <= p["highlight"]["end"] <= len(p["text"])
    assert [Path(d["source"]).name for d in docs["documents"]] == ["article.txt"]
    assert "Vladimir Putin" in [s["name"] for s in speakers["speakers"]]
    assert off_topic["abstained"] is True and off_topic["passages"] == []
    assert reset == {"command": "/reset", "ok": True}


def test_interactive_on_the_bundled_article(bundled_engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from qa.session import Conversation

    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text("What did Obama say?\r/speakers\rwhat is the recipe for banana bread\r" + CTRL_D)
        rc = run_chat(
            Conversation(bundled_engine),
            k=2,
            input=inp,
            output=DummyOutput(),
            console=Console(file=out, width=200, force_terminal=False),
            history_path=tmp_path / "history",
            info_fn=bundled_engine.info,
            speakers_fn=bundled_engine.speakers,
        )
    text = out.getvalue()
    assert rc == 0
    assert "1 document, " in text and "k=2" in text
    assert "1. article.txt ¶" in text and "Barack Obama" in text
    assert "2. article.txt ¶" in text and "3. article.txt" not in text
    assert "Vladimir Putin" in text
    assert "The documents don't say." in text
    assert "\x1b" not in text


def test_k_message_says_passage_for_one() -> None:
    out = io.StringIO()
    run_chat(FakeConversation(), k=5, stdin=io.StringIO("/k 1\n/k 2\n"), stdout=out, interactive=False)
    text = out.getvalue()
    assert "up to 1 passage per answer" in text and "up to 1 passages" not in text
    assert "up to 2 passages per answer" in text


def test_index_summary_plurals() -> None:
    from dataclasses import replace

    from cli.chat import _index_summary

    one = replace(INFO, passages=1, documents=INFO.documents[:1])
    assert _index_summary(one) == "1 document, 1 passage"


def test_piped_chat_marks_the_best_sentence_without_colour() -> None:
    out = io.StringIO()
    run_chat(FakeConversation(), k=5, stdin=io.StringIO("who won\n"), stdout=out, interactive=False)
    assert "»Answer to who won.«" in out.getvalue()
    assert "\x1b[" not in out.getvalue()
