"""The chat session: an interactive prompt on a terminal, a line protocol on a pipe.

Interactive (a TTY, or a prompt-toolkit input injected by tests): history in a file with
up-arrow prefix search and Ctrl-R, suggestions from history, Tab completion of slash
commands, a bottom toolbar with the index size and k. Ctrl-C clears the line, Ctrl-D quits.

Non-interactive (stdin is a pipe): one question or command per line. With `json_mode`, each
non-empty line yields exactly one JSON object on one line, flushed at once. This is a public,
stable interface (the evaluation script reads it):

* a question -> the answer's JSON (`render.answer_json`), or on error
  ``{"question": ..., "error": "...", "abstained": true, "passages": []}``;
* a command -> ``{"command": "/k", "ok": true, "k": 3}``, ``{"command": "/reset", "ok": true}``,
  ``{"command": "/docs", "ok": true, "documents": [...]}``,
  ``{"command": "/speakers", "ok": true, "speakers": [...]}``, or ``"ok": false`` with
  ``"error"`` for a bad or unknown one. ``/quit`` is acknowledged, then the session ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from cli.render import answer_json, dumps_json, render_answer, render_info, render_speakers
from cli.safe import one_line
from qa.types import Answer, IndexInfo, SpeakerInfo

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console

__all__ = ["COMMANDS", "MAX_K", "ConversationLike", "run_chat"]

MAX_K = 100  # the same bound as `--k`

# name -> (argument hint, help line). Order is the order /help lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "/help": ("", "show this help"),
    "/k": ("N", f"passages per answer, 1 to {MAX_K} (/k alone: current value)"),
    "/reset": ("", "forget the conversation: the next question is not a follow-up"),
    "/nearest": ("", "show the closest passages when the last answer was an abstention"),
    "/docs": ("", "list the indexed documents"),
    "/speakers": ("", "list the people quoted in the documents"),
    "/quit": ("", "end the session (also /exit, Ctrl-D)"),
    "/exit": ("", "end the session"),
}


class ConversationLike(Protocol):
    """What the session needs from qa.session.Conversation."""

    def ask(self, question: str, k: int = ...) -> Answer: ...

    def reset(self) -> None: ...


@dataclass
class _Result:
    """The outcome of a slash command, rendered as JSON or as text by the caller."""

    command: str
    ok: bool = True
    message: str = ""  # human one-liner
    error: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    info: IndexInfo | None = None
    speakers: list[SpeakerInfo] | None = None
    nearest: Answer | None = None
    quit: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"command": self.command, "ok": self.ok}
        if self.error:
            out["error"] = self.error
        out.update(self.data)
        return out


def _error_line(exc: BaseException) -> str:
    """An exception as one line: domain errors carry their own message and hint."""
    from index.errors import QAError

    text = str(exc) if isinstance(exc, QAError) else f"{type(exc).__name__}: {exc}"
    return one_line(text.strip() or type(exc).__name__, 300)


@dataclass
class _State:
    conversation: ConversationLike
    k: int
    info_fn: Callable[[], IndexInfo] | None
    speakers_fn: Callable[[], Sequence[SpeakerInfo]] | None
    last: Answer | None = None
    info: IndexInfo | None = None

    def ask(self, question: str) -> Answer:
        answer = self.conversation.ask(question, self.k)
        self.last = answer
        return answer

    def command(self, line: str) -> _Result:
        """Run one slash command; never raises for a bad command or a failing backend."""
        name, _, arg = line.strip().partition(" ")
        name = name.lower()
        arg = arg.strip()
        if name == "/help":
            return _Result(name, message=_help_text(), data={"commands": list(COMMANDS)})
        if name == "/k":
            if not arg:
                return _Result(name, message=f"k = {self.k}", data={"k": self.k})
            try:
                k = int(arg)
            except ValueError:
                k = 0
            if not 1 <= k <= MAX_K:
                return _Result(name, ok=False, error=f"k must be a whole number from 1 to {MAX_K}")
            self.k = k
            noun = "passage" if k == 1 else "passages"
            return _Result(name, message=f"k = {k}: up to {k} {noun} per answer", data={"k": k})
        if name == "/reset":
            try:
                self.conversation.reset()
            except Exception as exc:
                return _Result(name, ok=False, error=_error_line(exc))
            self.last = None
            return _Result(name, message="Conversation reset.")
        if name == "/nearest":
            last = self.last
            if last is None or not last.abstained:
                return _Result(name, ok=False, error="the last answer was not an abstention")
            return _Result(name, nearest=last, data={"nearest": [h.to_json() for h in last.nearest]})
        if name == "/docs":
            if self.info_fn is None:
                return _Result(name, ok=False, error="/docs is not available here")
            try:
                info = self.info_fn()
            except Exception as exc:
                return _Result(name, ok=False, error=_error_line(exc))
            self.info = info
            return _Result(name, info=info, data={"documents": [asdict(d) for d in info.documents]})
        if name == "/speakers":
            if self.speakers_fn is None:
                return _Result(name, ok=False, error="/speakers is not available here")
            try:
                speakers = list(self.speakers_fn())
            except Exception as exc:
                return _Result(name, ok=False, error=_error_line(exc))
            return _Result(name, speakers=speakers, data={"speakers": [asdict(s) for s in speakers]})
        if name in ("/quit", "/exit"):
            return _Result(name, quit=True)
        return _Result(
            one_line(name, 60),
            ok=False,
            error=f"unknown command {one_line(name, 60)}; /help lists the commands",
        )


def _help_text() -> str:
    width = max(len(n) + len(a) + 1 for n, (a, _) in COMMANDS.items())
    rows = [f"  {(n + ' ' + a).strip():<{width}}  {h}" for n, (a, h) in COMMANDS.items()]
    return "\n".join(
        ["Type a question; follow-ups refer to earlier answers. Commands:", *rows]
        + ["Up arrow / Ctrl-R search the history; Ctrl-C clears the line; Ctrl-D quits."]
    )


def _print_result(result: _Result, console: Console) -> None:
    from rich.text import Text

    if not result.ok:
        console.print(Text(f"{result.error}", style="red"))
    elif result.info is not None:
        render_info(result.info, console)
    elif result.speakers is not None:
        render_speakers(result.speakers, console)
    elif result.nearest is not None:
        render_answer(result.nearest, console, show_nearest=True)
    elif result.message:
        console.print(Text(result.message))


def _make_console(stream: TextIO, *, force_terminal: bool | None = None) -> Console:
    from rich.console import Console

    return Console(file=stream, force_terminal=force_terminal, highlight=False, soft_wrap=False)


def run_chat(
    conversation: ConversationLike,
    *,
    k: int = 5,
    json_mode: bool = False,
    info_fn: Callable[[], IndexInfo] | None = None,
    speakers_fn: Callable[[], Sequence[SpeakerInfo]] | None = None,
    history_path: Path | None = None,
    interactive: bool | None = None,
    input: Input | None = None,
    output: Output | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    console: Console | None = None,
) -> int:
    """Run a chat session until Ctrl-D, /quit or the end of stdin; returns an exit code.

    `info_fn` / `speakers_fn` are usually `engine.info` / `engine.speakers`. `interactive`
    defaults to: a prompt-toolkit `input` was given, or stdin is a TTY (and not `json_mode`).
    Output goes to `console` if given, else a rich console on `stdout` (default sys.stdout).
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    if not 1 <= k <= MAX_K:
        k = min(max(k, 1), MAX_K)
    state = _State(conversation, k, info_fn, speakers_fn)
    if interactive is None:
        interactive = not json_mode and (input is not None or _isatty(stdin))
    if interactive:
        return _run_interactive(state, history_path, input, output, console or _make_console(stdout))
    if json_mode:
        return _run_json(state, stdin, stdout)
    return _run_lines(state, stdin, console or _make_console(stdout))


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


# -- non-interactive -------------------------------------------------------------------------


class _Sink(Protocol):
    """Where the non-interactive loop sends each line's outcome: JSON objects or rendered text."""

    def question(self, line: str) -> None: ...
    def command(self, result: _Result) -> None: ...
    def answer(self, answer: Answer) -> None: ...
    def error(self, line: str, message: str) -> None: ...


def _run_piped(state: _State, stdin: TextIO, sink: _Sink) -> int:
    """One outcome per non-empty input line, in order; an error on one line never ends the run."""
    try:
        for raw in stdin:
            line = raw.strip()
            if not line:
                continue
            sink.question(line)
            if line.startswith("/"):
                result = state.command(line)
                sink.command(result)
                if result.quit:
                    return 0
                continue
            try:
                answer = state.ask(line)
            except Exception as exc:
                sink.error(line, _error_line(exc))
                continue
            sink.answer(answer)
    except KeyboardInterrupt:
        return 130
    return 0


class _JsonSink:
    """Exactly one JSON object per non-empty input line, flushed immediately (the stable interface)."""

    def __init__(self, stdout: TextIO) -> None:
        self.stdout = stdout

    def _emit(self, obj: str) -> None:
        self.stdout.write(obj + "\n")
        self.stdout.flush()

    def question(self, line: str) -> None:
        pass

    def command(self, result: _Result) -> None:
        self._emit(dumps_json(result.to_json()))

    def answer(self, answer: Answer) -> None:
        self._emit(answer_json(answer))

    def error(self, line: str, message: str) -> None:
        self._emit(dumps_json({"question": line, "error": message, "abstained": True, "passages": []}))


class _TextSink:
    """Human output for piped questions: each answer under its question, no prompt."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def question(self, line: str) -> None:
        from rich.text import Text

        self.console.print(Text("> " + one_line(line, 500), style="bold"))

    def command(self, result: _Result) -> None:
        _print_result(result, self.console)

    def answer(self, answer: Answer) -> None:
        render_answer(answer, self.console, nearest_hint="/nearest shows them")

    def error(self, line: str, message: str) -> None:
        from rich.text import Text

        self.console.print(Text(f"error: {message}", style="red"))


def _run_json(state: _State, stdin: TextIO, stdout: TextIO) -> int:
    return _run_piped(state, stdin, _JsonSink(stdout))


def _run_lines(state: _State, stdin: TextIO, console: Console) -> int:
    return _run_piped(state, stdin, _TextSink(console))


# -- interactive -----------------------------------------------------------------------------


def _history(path: Path | None, console: Console) -> Any:
    """A file history that never breaks the session: unwritable -> kept in memory only."""
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from rich.text import Text

    class SafeFileHistory(FileHistory):
        """FileHistory that stops writing (instead of crashing the prompt) on a full disk."""

        failed = False

        def store_string(self, string: str) -> None:
            if self.failed:
                return
            try:
                super().store_string(string)
            except OSError:
                self.failed = True

    if path is None:
        return InMemoryHistory()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Questions can be private: the history is readable by its owner only.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        return SafeFileHistory(str(path))
    except OSError as exc:
        msg = f"history not saved ({one_line(exc.strerror or str(exc), 100)}: {one_line(str(path), 200)})"
        console.print(Text(msg, style="dim"))
        return InMemoryHistory()


def _slash_completer() -> Any:
    """Completes command names, and only when the line starts with "/"."""
    from prompt_toolkit.completion import Completer, Completion

    class SlashCompleter(Completer):
        def get_completions(self, document: Any, complete_event: Any) -> Any:
            text = document.text_before_cursor
            if not text.startswith("/") or " " in text:
                return
            for name, (arg, help_line) in COMMANDS.items():
                if name.startswith(text.lower()):
                    yield Completion(
                        name + (" " if arg else ""),
                        start_position=-len(text),
                        display=name + (f" {arg}" if arg else ""),
                        display_meta=help_line,
                    )

    return SlashCompleter()


def _index_summary(info: IndexInfo | None) -> str:
    if info is None:
        return ""
    n, p = len(info.documents), info.passages
    return f"{n} document{'s' if n != 1 else ''}, {p} passage{'s' if p != 1 else ''}"


def _run_interactive(
    state: _State, history_path: Path | None, input: Input | None, output: Output | None, console: Console
) -> int:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
    from rich.text import Text

    if state.info_fn is not None:
        try:
            state.info = state.info_fn()
        except Exception as exc:
            console.print(Text(f"error: {_error_line(exc)}", style="red"))

    def toolbar() -> str:
        parts = [p for p in (_index_summary(state.info), f"k={state.k}", "/help", "Ctrl-D quits") if p]
        return " \u00b7 ".join(parts)

    summary = _index_summary(state.info)
    header = Text("qa chat", style="bold")
    header.append(f" \u00b7 {summary}" if summary else "")
    header.append(f" \u00b7 k={state.k} \u00b7 /help for commands, Ctrl-D quits", style="dim")
    console.print(header)

    session: PromptSession[str] = PromptSession(
        history=_history(history_path, console),
        enable_history_search=True,
        auto_suggest=AutoSuggestFromHistory(),
        completer=_slash_completer(),
        bottom_toolbar=toolbar,
        input=input,
        output=output,
    )
    while True:
        try:
            line = session.prompt("qa> ").strip()
        except KeyboardInterrupt:
            continue  # Ctrl-C: the line is dropped, the session goes on
        except EOFError:
            return 0  # Ctrl-D on an empty line
        if not line:
            continue
        if line.startswith("/"):
            result = state.command(line)
            if result.quit:
                return 0
            _print_result(result, console)
            continue
        try:
            answer = state.ask(line)
        except KeyboardInterrupt:
            console.print(Text("(interrupted)", style="dim"))
            continue
        except Exception as exc:
            console.print(Text(f"error: {_error_line(exc)}", style="red"))
            continue
        render_answer(answer, console, nearest_hint="/nearest shows them")
