"""The `qa` command: typer commands that turn domain errors into one-line messages and exit codes.

Heavy modules (numpy, faiss, onnxruntime, the index itself) are imported inside the commands, so
`qa --help` and `qa --version` stay instant.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from cli.chat import MAX_K
from index import errors

if TYPE_CHECKING:
    from qa.engine import Engine

# Exit codes: a public contract, documented in the README.
OK, NOT_FOUND, USAGE = 0, 1, 2
PIPE_CLOSED = 141  # 128 + SIGPIPE: what a Unix tool reports when `| head` closes its output
EXIT_CODES: dict[type[errors.QAError], int] = {
    errors.IndexMissing: 3,
    errors.IndexIncompatible: 4,
    errors.IndexDamaged: 5,
    errors.IndexLocked: 6,
    errors.InputError: 7,
    errors.StorageError: 8,
    errors.ModelError: 9,
    errors.Interrupted: 130,  # Ctrl-C; SIGTERM exits 143 (128 + SIGTERM), see _signal_code
}


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class Precision(StrEnum):
    int8 = "int8"
    fp32 = "fp32"


def _plain_help(cmd: Any) -> None:
    """Help that names values, not Python types: `PATH...` rather than `<list[Path]>`, nothing
    after a flag rather than `<bool>`. Options without a metavar get one from their type."""
    _plain_params(cmd.params)
    original = cmd.get_help_option

    def get_help_option(ctx: Any) -> Any:
        opt = original(ctx)
        if opt is not None:
            opt.metavar = ""
        return opt

    cmd.get_help_option = get_help_option


def _plain_params(params: list[Any]) -> None:
    from typer.core import TyperArgument, TyperOption

    for p in params:
        if isinstance(p, TyperArgument):
            p.display_type_rich = lambda ctx: None  # type: ignore[method-assign]  # the metavar says it
        elif isinstance(p, TyperOption) and p.metavar is None:
            p.metavar = "" if p.is_flag else _METAVARS.get(type(getattr(p, "type", None)).__name__, "VALUE")


_METAVARS = {
    "IntRange": "N",
    "INT": "N",
    "IntParamType": "N",
    "FloatRange": "NUMBER",
    "StringParamType": "TEXT",
}


class _Group(TyperGroup):
    """The `qa` group: plain help for itself and for every command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_help(self)
        for cmd in self.commands.values():
            _plain_help(cmd)

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        _plain_params(params)  # typer adds --install-completion after __init__
        return params


app = typer.Typer(
    name="qa",
    cls=_Group,
    help="Ask questions of news articles and other documents. Answers are the passages themselves, "
    "highlighted and cited, or an honest 'the documents don't say'.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

IndexOpt = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional here on py3.10
    typer.Option(
        "--index",
        "-i",
        metavar="DIR",
        readable=False,  # an unreadable index is a storage error (exit 8), reported by the store
        help="Index folder. Default: $QA_INDEX, else the bundled article's index.",
        show_default=False,
    ),
]
KOpt = Annotated[
    int,
    typer.Option("--k", "-k", min=1, max=MAX_K, metavar="N", help="How many passages to show."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
ColorOpt = Annotated[
    Color,
    typer.Option(
        "--color",
        metavar="auto|always|never",
        help="Colour: auto (only on a colour terminal; honours NO_COLOR and TERM=dumb), always or never. "
        "Without colour the best sentence is shown between \u00bb \u00ab.",
    ),
]


def _signal_code(exc: BaseException | None) -> int | None:
    """128 + the signal number when `exc` (or what it wraps) is a SIGTERM turned into an exception."""
    seen = 0
    while exc is not None and seen < 10:
        signum = getattr(exc, "signum", None)
        if isinstance(exc, KeyboardInterrupt) and isinstance(signum, int):
            return 128 + signum
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


# The command that fixes an index error: the core's hints say what to do, the CLI says what to type.
_FIX_COMMANDS: dict[type[errors.QAError], str] = {
    errors.IndexMissing: "qa index PATH --index {index}",
    errors.IndexDamaged: "qa index PATH... --index {index} --rebuild",
    errors.IndexIncompatible: "qa index PATH... --index {index} --rebuild",
}


def cli_hint(err: errors.QAError, index_dir: Path | None) -> str:
    """The error's hint plus the `qa` command that fixes it, when the index folder is known."""
    import shlex

    template = _FIX_COMMANDS.get(type(err))
    if template is None or index_dir is None:
        return err.hint
    command = template.format(index=shlex.quote(str(index_dir)))
    return f"{err.hint}: {command}" if err.hint else f"fix it with: {command}"


def _fail(err: errors.QAError, index_dir: Path | None = None) -> NoReturn:
    from cli.safe import one_line

    msg = one_line(err.message, 500)
    hint_text = cli_hint(err, index_dir)
    hint = f" ({one_line(hint_text, 300)})" if hint_text else ""
    say(f"qa: error: {msg}{hint}")
    code = _signal_code(err) if isinstance(err, errors.Interrupted) else None
    raise typer.Exit(code or exit_code(err))


def _usage(message: str) -> NoReturn:
    """A usage error found after parsing: one line, exit 2 (click's own usage errors exit 2 too)."""
    from cli.safe import one_line

    say(f"qa: error: {one_line(message, 500)}")
    raise typer.Exit(USAGE)


def exit_code(err: errors.QAError) -> int:
    """The documented exit code of a domain error, through its nearest mapped base class."""
    for cls in type(err).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


def say(line: str) -> None:
    """One line on stderr. A stderr that cannot be written (`2>/dev/full`) must not change the
    exit code, nor fail again when the interpreter flushes it at exit: it becomes /dev/null."""
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        _to_devnull(2)


@contextmanager
def _domain_errors(index_dir: Path | None = None) -> Iterator[None]:
    """The one place where domain errors become messages and exit codes.

    Ctrl-C exits 130; SIGTERM (raised as `index.store.Terminated`, which carries `signum`) exits
    143, as a process killed by that signal would, so supervisors can tell the two apart.
    `index_dir` is the index the command works on, so that hints can name the command that fixes it.
    """
    try:
        yield
    except errors.QAError as e:
        _fail(e, index_dir)
    except KeyboardInterrupt as e:
        code = _signal_code(e)
        say("qa: terminated" if code else "qa: interrupted")
        raise typer.Exit(code or 130) from None


def _where(index: Path | None) -> Path:
    """The index folder a command works on: --index, else the default."""
    from qa import config

    return index or config.default_index_dir()


def _to_devnull(fd: int) -> None:
    """Point descriptor `fd` at /dev/null, so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        if devnull != fd:
            os.dup2(devnull, fd)
            os.close(devnull)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail a second time."""
    _to_devnull(1)


@contextmanager
def _output(done: str = "") -> Iterator[None]:
    """Writing results: a closed pipe (`qa ask ... | head -1`) ends quietly with 141, as a Unix tool
    killed by SIGPIPE would; an output that fails (`> /dev/full`) is a storage error, exit 8.

    Args:
        done: what the command had already changed when its output failed (`qa index` writes its
            summary after the commit), added to the error so that it does not read as "nothing
            changed" (exit 8 otherwise means the previous index is intact).
    """
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(PIPE_CLOSED) from None
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # rich's on_broken_pipe exits 1 by itself
            _silence_stdout()
            raise typer.Exit(PIPE_CLOSED) from None
        raise
    except OSError as exc:
        _silence_stdout()
        reason = os.strerror(exc.errno).lower() if exc.errno else str(exc)
        say(f"qa: error: cannot write the output: {reason}{f' ({done})' if done else ''}")
        raise typer.Exit(EXIT_CODES[errors.StorageError]) from None
    except ValueError as exc:
        if "JSON" not in str(exc):
            raise
        # dumps_json refuses NaN: a non-finite score comes from damaged vectors or BM25 data.
        _fail(errors.IndexDamaged(f"the index produced a non-finite score ({exc})"))


def _valid_arg(text: str) -> str:
    """A command-line argument with undecodable bytes (surrogate escapes) made valid Unicode (U+FFFD)."""
    from index.embed import valid_text

    return valid_text(text)


def _open(index: Path | None) -> Engine:
    from qa.engine import Engine

    def notify(message: str) -> None:
        from cli.safe import one_line

        # The message names the index folder, which comes from QA_INDEX or --index: never raw.
        say(f"qa: {one_line(message, 500)} (index your own documents with: qa index PATH)")

    return Engine.open(index, notify=notify)


def _version(value: bool) -> None:
    if value:
        from qa import __version__

        print(f"qa {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Ask questions of news articles and other documents."""


@app.command("index")
def index_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Files and folders (recursive): .txt, .md, .html.",
            show_default=False,
            readable=False,
        ),
    ],
    index: IndexOpt = None,
    model: Annotated[
        str | None,
        typer.Option(  # noqa: UP045
            metavar="NAME",
            help="sentence-transformers model name or folder. Default: the index's own model, "
            "else all-MiniLM-L6-v2 (bundled).",
        ),
    ] = None,
    max_size: Annotated[
        float, typer.Option("--max-size", min=0.001, metavar="MB", help="Skip files larger than this (MB).")
    ] = 20,
    rebuild: Annotated[bool, typer.Option(help="Start afresh (e.g. to change the model).")] = False,
    precision: Annotated[
        Optional[Precision],  # noqa: UP045
        typer.Option(
            metavar="int8|fp32",
            help="Model weights: int8 (default for new indexes: 1.7x faster to index and ask) or fp32 "
            "(sentence-transformers' vectors, the same whatever the batch; bounded build memory). "
            "Default: the index's own.",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Index documents; re-running updates only what changed and drops what is gone."""
    from cli import output, render
    from index.build import build
    from qa import config

    target = index or config.default_index_dir()
    with _domain_errors(target), output.progress_bar() as tick:
        report = build(
            [str(p) for p in paths],
            target,
            model=model,
            cache_dir=config.model_cache_dir(),
            max_bytes=int(max_size * 1024 * 1024),
            rebuild=rebuild,
            progress=tick,
            quantized=None if precision is None else precision is Precision.int8,
        )
    changed = rebuild or report.added or report.updated or report.removed
    with _output("the index was updated all the same" if changed else "the index is unchanged"):
        if json_out:
            output.print_json(output.report_json(report))
        else:
            render.render_build_report(report, output.console(sys.stdout))
    if report.errors:
        raise typer.Exit(EXIT_CODES[errors.InputError])


@app.command()
def ask(
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="The question.", show_default=False)],
    index: IndexOpt = None,
    k: KOpt = 5,
    json_out: JsonOpt = False,
    show_nearest: Annotated[
        bool, typer.Option(help="When the documents don't say, show the closest passages.")
    ] = False,
    color: ColorOpt = Color.auto,
) -> None:
    """Answer one question: the best passages, best first. Exit 1 when nothing relevant is found."""
    from cli import output, render
    from qa.session import Conversation

    with _domain_errors(_where(index)):
        answer = Conversation(_open(index)).ask(_valid_arg(question), k)
    with _output():
        if json_out:
            output.print_json(answer.to_json())
        else:
            render.render_answer(answer, output.console(sys.stdout, color.value), show_nearest=show_nearest)
    raise typer.Exit(NOT_FOUND if answer.abstained else OK)


@app.command()
def chat(
    index: IndexOpt = None,
    k: KOpt = 5,
    json_out: Annotated[
        bool, typer.Option("--json", help="Non-interactive: one JSON object per input line.")
    ] = False,
    color: ColorOpt = Color.auto,
) -> None:
    """Chat with your documents. Reads questions line by line when stdin is not a terminal."""
    from cli import output
    from cli.chat import run_chat
    from qa import config
    from qa.session import Conversation

    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None and not sys.stdin.isatty():
        # Invalid UTF-8 in piped input: one bad line, not a crash, and read as `qa ask` reads its
        # argument (U+FFFD), so the JSON echo of the question is valid Unicode, not "\udcff".
        reconfigure(errors="replace")
    with _domain_errors(_where(index)), _output():
        engine = _open(index)
        code = run_chat(
            Conversation(engine),
            k=k,
            json_mode=json_out,
            info_fn=engine.info,
            speakers_fn=engine.speakers,
            history_path=config.state_dir() / "history",
            console=output.console(sys.stdout, color.value),
        )
    raise typer.Exit(code)


@app.command()
def docs(index: IndexOpt = None, json_out: JsonOpt = False, color: ColorOpt = Color.auto) -> None:
    """What an index holds: documents, passages, model, format, size, when built."""
    from cli import output, render

    with _domain_errors(_where(index)):
        info = _open(index).info()
    with _output():
        if json_out:
            output.print_json(info.to_json())
        else:
            render.render_info(info, output.console(sys.stdout, color.value))


@app.command()
def speakers(index: IndexOpt = None, json_out: JsonOpt = False, color: ColorOpt = Color.auto) -> None:
    """Who is quoted in the documents, and how often."""
    from dataclasses import asdict

    from cli import output, render

    with _domain_errors(_where(index)):
        found = _open(index).speakers()
    with _output():
        if json_out:
            output.print_json([asdict(s) for s in found])
        else:
            render.render_speakers(found, output.console(sys.stdout, color.value))


@app.command()
def quotes(
    index: IndexOpt = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (path or file name).")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only this speaker (name or alias).")
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per attribution per line.")
    ] = False,
    color: ColorOpt = Color.auto,
) -> None:
    """Who said what: every quote and reported statement with its speaker and cue word."""
    from cli import output, render
    from qa import attributions

    for option, value in (("--doc", doc), ("--speaker", speaker)):
        if value is not None and not value.strip():
            _usage(f"{option} needs a value (an empty one would match nothing, or everything)")
    with _domain_errors(_where(index)):
        found = attributions.load(index if index is not None else _open(None).index_dir, doc, speaker)
    with _output():
        if json_out:
            for a in found:
                output.print_json(a.to_json())
        else:
            render.render_quotes(found, output.console(sys.stdout, color.value))


# A questions file is read whole: 2,000 SQuAD questions take 1 MB. 64 MiB is far beyond any
# hand-written set, and bounds the memory `qa eval` can be made to take by a file.
MAX_GOLD_BYTES = 64 << 20


def _check_gold(gold: Path) -> None:
    """Refuse a questions file that would be read forever or whole into memory: a device
    (`qa eval /dev/zero` grew without bound) or a file over MAX_GOLD_BYTES. Pipes (`<(...)`) are
    read as they come."""
    import stat

    try:
        st = os.stat(gold)
    except OSError:
        return  # the reader reports it, naming the path
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) or stat.S_ISSOCK(st.st_mode):
        raise errors.InputError(f"{gold} is a device, not a questions file")
    if stat.S_ISREG(st.st_mode) and st.st_size > MAX_GOLD_BYTES:
        mb = MAX_GOLD_BYTES >> 20
        raise errors.InputError(
            f"{gold} is {st.st_size / 2**20:.0f} MB: a questions file holds at most {mb} MB"
        )


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl",
            help="Questions with gold answers, JSON lines (see README).",
            show_default=False,
        ),
    ],
    index: IndexOpt = None,
    k: KOpt = 5,
    json_out: JsonOpt = False,
) -> None:
    """Measure the bot on your own questions: hit@1, recall@k, MRR, abstention, misses."""
    from cli import output
    from qa.evaluate import evaluate

    with _domain_errors(_where(index)):
        _check_gold(gold)
        report = evaluate(_open(index), gold, k=k)
    with _output():
        if json_out:
            output.print_json(report.to_json())
        else:
            output.render_eval(report, output.console(sys.stdout))


def _open_closed_streams() -> set[int]:
    """Put /dev/null on standard descriptors the caller closed (`qa ... >&-`); returns which.

    Otherwise the next file opened (a model, an index file) would get descriptor 0, 1 or 2, and
    anything printed, by us or a C library, would be written into it. git does the same.
    """
    closed: set[int] = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
    for fd in sorted(closed):
        _to_devnull(fd)
    streams = {0: ("stdin", "r"), 1: ("stdout", "w"), 2: ("stderr", "w")}
    for fd in closed:
        name, mode = streams[fd]
        try:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115
        except OSError:
            pass
    return closed


def _pipe_closed(exc: BaseException) -> bool:
    """Whether `exc` (or what it wraps) is a write to a closed pipe."""
    seen = 0
    inner: BaseException | None = exc
    while inner is not None and seen < 10:
        if isinstance(inner, OSError) and inner.errno == errno.EPIPE:
            return True
        inner, seen = inner.__cause__ or inner.__context__, seen + 1
    return False


# What writing typer's own output (help, version) can fail with: anything else is a bug to see.
_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG, errno.EBADF}


def run() -> None:
    """Console-script entry point.

    What escapes the commands' own handling is output written by typer itself (`--help`,
    `--version`, usage errors): a closed pipe there ends with 141 too, a failing output with 8.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    closed = _open_closed_streams()
    if 1 in closed:
        # Nothing the command printed could reach anyone: refuse before anything is changed.
        say("qa: error: cannot write the output: standard output is closed")
        sys.exit(EXIT_CODES[errors.StorageError])
    try:
        app()
    except SystemExit as exc:
        if exc.code not in (0, None, PIPE_CLOSED) and _pipe_closed(exc):  # click exits 1 on EPIPE
            _silence_stdout()
            sys.exit(PIPE_CLOSED)
        raise
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _silence_stdout()
        if exc.errno == errno.EPIPE:
            sys.exit(PIPE_CLOSED)
        reason = os.strerror(exc.errno).lower() if exc.errno else str(exc)
        say(f"qa: error: cannot write the output: {reason}")
        sys.exit(EXIT_CODES[errors.StorageError])


if __name__ == "__main__":  # `python -m cli.main`: bench scripts run a checkout without installing it
    run()
