"""Glue between commands and the terminal: consoles, JSON on stdout, the indexing progress bar."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from cli.render import dumps_json
from cli.safe import one_line

if TYPE_CHECKING:
    from rich.console import Console

    from index.build import BuildReport
    from qa.evaluate import EvalReport


def wants_color(stream: TextIO, mode: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output: `always`, `never`, or (`auto`) only on a terminal that shows
    colour, with NO_COLOR unset or empty (no-color.org) and TERM not "dumb"."""
    if mode in ("always", "never"):
        return mode == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def console(stream: TextIO, color: str = "auto") -> Console:
    """A rich console, no markup or emoji parsing of anything. Without colour it writes no
    escape codes at all, and the renderers mark the best sentence with plain characters."""
    from rich.console import Console

    if wants_color(stream, color):
        return Console(
            file=stream,
            markup=False,
            emoji=False,
            highlight=False,
            soft_wrap=False,
            force_terminal=True,
            no_color=False,
            color_system="standard" if os.environ.get("TERM") == "dumb" else "auto",
        )
    return Console(
        file=stream, markup=False, emoji=False, highlight=False, soft_wrap=False, color_system=None
    )


def print_json(obj: Any) -> None:
    sys.stdout.write(dumps_json(obj) + "\n")
    sys.stdout.flush()


def report_json(report: BuildReport) -> dict[str, Any]:
    out = asdict(report)
    out["skipped"] = [asdict(s) for s in report.skipped]
    return out


@contextmanager
def progress_bar(
    stream: TextIO | None = None, delay: float = 1.0
) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar on stderr that appears only once the work has taken over `delay` seconds."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    start = time.monotonic()
    bar = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(stream),
        transient=True,
    )
    tasks: dict[str, Any] = {}
    started = False

    def tick(stage: str, done: int, total: int) -> None:
        nonlocal started
        if not started:
            if time.monotonic() - start < delay:
                return
            bar.start()
            started = True
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=max(total, 1))
        bar.update(tasks[stage], completed=done, total=max(total, 1))

    try:
        yield tick
    finally:
        if started:
            bar.stop()


def render_eval(report: EvalReport, out: Console) -> None:
    from rich.text import Text

    out.print(Text(f"{report.items} questions ({report.answerable} answerable, {report.unanswerable} not)"))
    out.print(
        Text(
            f"hit@1 {report.hit1:.3f}   recall@3 {report.recall_at_3:.3f}   recall@{report.k} "
            f"{report.recall_at_k:.3f}   MRR {report.mrr:.3f}   abstain {report.abstain:.3f}   "
            f"false abstain {report.false_abstain:.3f}"
        )
    )
    if report.misses:
        out.print(Text("misses:", style="bold"))
        for m in report.misses:
            out.print(Text(f"  {one_line(m.id, 20):>6}  {m.why:<10} {one_line(m.question, 100)}"))
            if m.top:
                out.print(Text(f"          top: {one_line(m.top, 100)}", style="dim"))
