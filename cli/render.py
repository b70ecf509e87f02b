"""Human and JSON output for answers, index info, speakers and build reports.

Document content only ever reaches rich as `Text` objects built from `safe.visible` /
`safe.one_line` output: rich never parses it as markup, so ``[bold red]x[/]`` in an article
prints as is, and no control character from a document reaches the terminal. rich is
imported inside the functions so that `qa --help` does not pay for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Protocol

from cli.safe import one_line, visible, visible_span
from index.model import Skipped
from qa.types import Answer, Hit, IndexInfo, SpeakerInfo

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = [
    "KIND_LABELS",
    "answer_json",
    "dumps_json",
    "render_answer",
    "render_build_report",
    "render_hit",
    "render_info",
    "render_speakers",
]

# How a passage kind is named in a hit's header; "body" is not named at all.
KIND_LABELS = {
    "headline": "headline",
    "standfirst": "standfirst",
    "caption": "photo caption",
    "credit": "photo credit",
    "dateline": "dateline",
    "byline": "byline",
    "footer": "footer",
}

_HIGHLIGHT_STYLE = "bold underline cyan"
# Escaped in JSON output: lone surrogates, line separators that split lines for str.splitlines(),
# and every character the terminal sanitizer forbids (DEL, C1, bidi controls...), so `--json`
# is as safe to print as the human output.
_JSON_ESCAPE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u206f\ud800-\udfff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


class BuildReportLike(Protocol):
    """What `render_build_report` reads from index.build.BuildReport."""

    documents: int
    passages: int
    added: int
    updated: int
    unchanged: int
    removed: int
    skipped: list[Skipped]
    seconds: float


def dumps_json(obj: Any) -> str:
    """JSON on one line, UTF-8 as is, and valid whatever the input holds.

    Lone surrogates (file names with undecodable bytes, broken text) cannot be written as
    UTF-8; they are written as ``\\udcxx`` escapes instead, which any JSON reader accepts.
    Unicode line separators are escaped too, so that one object is one line for every reader.
    These characters only occur inside JSON strings, so a textual substitution is safe.
    """
    out = json.dumps(obj, ensure_ascii=False, allow_nan=False)  # NaN is not JSON: readers reject it
    if _JSON_ESCAPE.search(out):
        out = _JSON_ESCAPE.sub(_json_escape, out)
    return out


def answer_json(answer: Answer) -> str:
    """The answer as one line of JSON: the stable machine interface (`qa ask --json`, chat)."""
    return dumps_json(answer.to_json())


def _file_name(source: str) -> str:
    name = PurePath(source).name or source
    return one_line(name, 120)


def _header(index: int, hit: Hit, show_title: bool) -> Text:
    from rich.text import Text

    head = Text()
    head.append(f"{index}. ", style="bold")
    head.append(_file_name(hit.source), style="bold")
    head.append(f" \u00b6{hit.paragraph}")
    if hit.kind != "body":
        head.append(" \u00b7 ")
        head.append(KIND_LABELS.get(hit.kind) or one_line(hit.kind, 40), style="magenta")
    if hit.speaker:
        head.append(" \u00b7 ")
        head.append(one_line(hit.speaker, 80), style="green")
    head.append(f" \u00b7 score {hit.score:.2f}", style="dim")
    title = hit.title.strip()
    if show_title and title and title != PurePath(hit.source).stem:
        head.append(" \u2014 ", style="dim")
        head.append(one_line(title, 80), style="dim italic")
    return head


def _passage(hit: Hit) -> Text:
    from rich.text import Text

    text, (a, b) = visible_span(hit.text, hit.highlight)
    body = Text(text)
    if b > a:
        body.stylize(_HIGHLIGHT_STYLE, a, b)
    return body


def render_hit(index: int, hit: Hit, console: Console, *, show_title: bool = True) -> None:
    """One passage: a header line, then the text indented, best sentence highlighted."""
    from rich.text import Text

    console.print(_header(index, hit, show_title))
    # Wrapped by hand and indented line by line: Padding would pad every line with spaces.
    indent = 3
    for line in _passage(hit).wrap(console, max(console.width - indent, 20)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)
    console.print()


def _short_ref(hit: Hit) -> str:
    return f"{_file_name(hit.source)} \u00b6{hit.paragraph}, score {hit.score:.2f}"


def render_answer(
    answer: Answer,
    console: Console,
    *,
    show_nearest: bool = False,
    nearest_hint: str = "use --show-nearest",
) -> None:
    """Print an answer: its passages best first, or a one-line abstention.

    `nearest_hint` tells the user how to see the closest passages when the bot abstains
    (the chat session has its own command for it).
    """
    from rich.text import Text

    if answer.searched != answer.question:
        line = Text("(searched: ", style="dim")
        line.append(one_line(answer.searched, 300))
        line.append(")")
        console.print(line)
    if answer.abstained:
        msg = "The documents don't say."
        if answer.nearest and not show_nearest:
            extra = f"closest passage: {_short_ref(answer.nearest[0])}"
            if nearest_hint:
                extra += f" \u2014 {nearest_hint}"
            msg += f" ({extra})"
        elif not answer.nearest and answer.reason:
            msg += f" ({one_line(answer.reason, 200)})"
        console.print(Text(msg))
        if show_nearest and answer.nearest:
            reason = f" ({one_line(answer.reason, 200)})" if answer.reason else ""
            console.print(Text(f"Closest passages, not answers{reason}:", style="dim"))
            _render_hits(answer.nearest, console)
        return
    if not answer.hits:
        console.print(Text("No passages."))
        return
    _render_hits(answer.hits, console)


def _render_hits(hits: Sequence[Hit], console: Console) -> None:
    # Titles tell documents apart; with a single document the file name is enough.
    show_title = len({h.source for h in hits}) > 1
    for i, hit in enumerate(hits, 1):
        render_hit(i, hit, console, show_title=show_title)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def render_info(info: IndexInfo, console: Console) -> None:
    """What an index holds: a summary, then one row per document."""
    from rich.table import Table
    from rich.text import Text

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column()
    summary.add_row("index", Text(visible(info.path, max_line=300)))
    summary.add_row("model", Text(one_line(info.model)))
    summary.add_row(
        "format", Text(f"v{info.format_version}, {info.dim} dimensions, {one_line(info.ann, 40)}")
    )
    summary.add_row("size", Text(_size(info.size_bytes)))
    summary.add_row("built", Text(one_line(info.built, 60)))
    summary.add_row("documents", Text(str(len(info.documents))))
    summary.add_row("passages", Text(str(info.passages)))
    console.print(summary)
    if not info.documents:
        return
    docs = Table(show_edge=False, pad_edge=False)
    docs.add_column("file")
    docs.add_column("title")
    docs.add_column("format")
    docs.add_column("passages", justify="right")
    docs.add_column("chars", justify="right")
    for d in info.documents:
        docs.add_row(
            Text(_file_name(d.source)),
            Text(one_line(d.title, 80)),
            Text(one_line(d.format, 20)),
            Text(str(d.passages)),
            Text(str(d.chars)),
        )
    console.print(docs)


def render_speakers(speakers: Sequence[SpeakerInfo], console: Console) -> None:
    """The people quoted in the documents, most quoted first as given."""
    from rich.table import Table
    from rich.text import Text

    if not speakers:
        console.print(Text("No quoted speakers found."))
        return
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("name")
    table.add_column("quotes", justify="right")
    table.add_column("documents", justify="right")
    table.add_column("aliases")
    for s in speakers:
        table.add_row(
            Text(one_line(s.name, 80)),
            Text(str(s.quotes)),
            Text(str(s.documents)),
            Text(", ".join(one_line(a, 80) for a in s.aliases)),
        )
    console.print(table)


def _reason_group(reason: str) -> tuple[str, str]:
    """Split "over the size limit (25 MB > 20 MB)" into a group and a per-file detail."""
    head, sep, tail = reason.partition(" (")
    if sep and tail.endswith(")"):
        return head, tail[:-1]
    return reason, ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def render_build_report(report: BuildReportLike, console: Console, *, max_examples: int = 3) -> None:
    """A build's summary: counts, then skipped files grouped by reason, a few examples each."""
    from rich.text import Text

    line = Text()
    line.append(f"{_count(report.documents, 'document')}, {_count(report.passages, 'passage')}", style="bold")
    line.append(
        f" \u00b7 {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.removed} removed \u00b7 {report.seconds:.1f} s"
    )
    console.print(line)
    if not report.skipped:
        return
    groups: dict[str, list[tuple[Skipped, str]]] = {}
    for sk in report.skipped:
        group, detail = _reason_group(sk.reason)
        groups.setdefault(group, []).append((sk, detail))
    console.print(Text(f"Skipped {len(report.skipped)} files:"))
    for group, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        errors = any(sk.error for sk, _ in items)
        head = Text("  ")
        head.append(one_line(group, 120), style="red" if errors else "yellow")
        head.append(f": {len(items)} file{'s' if len(items) != 1 else ''}")
        console.print(head)
        for sk, detail in items[:max_examples]:
            ex = Text("    ")
            ex.append(one_line(sk.source, 160))
            if detail:
                ex.append(f" ({one_line(detail, 80)})", style="dim")
            console.print(ex)
        if len(items) > max_examples:
            console.print(Text(f"    \u2026 and {len(items) - max_examples} more", style="dim"))
