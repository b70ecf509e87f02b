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
    from qa.attributions import Attribution

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


def _file_name(source: str, names: dict[str, str] | None = None) -> str:
    name = (names or {}).get(source) or PurePath(source).name or source
    return one_line(name, 120)


def short_names(sources: Sequence[str]) -> dict[str, str]:
    """The shortest trailing part of each path that tells it apart from the others:
    "summit.txt", but "a/index.html" and "b/index.html" when two files share a name."""
    unique = list(dict.fromkeys(sources))
    parts = {s: PurePath(s).parts or (s,) for s in unique}
    out: dict[str, str] = {}
    for s in unique:
        mine = parts[s]
        for n in range(1, len(mine) + 1):
            tail = mine[-n:]
            if not any(o != s and parts[o][-n:] == tail for o in unique):
                break
        out[s] = str(PurePath(*tail)) if tail else s
    return out


# Marks the best sentence where no colour can (pipes, TERM=dumb, NO_COLOR, --color never).
MARK_OPEN, MARK_CLOSE = "\u00bb", "\u00ab"


def _header(index: int, hit: Hit, show_title: bool, names: dict[str, str] | None = None) -> Text:
    from rich.text import Text

    head = Text()
    head.append(f"{index}. ", style="bold")
    head.append(_file_name(hit.source, names), style="bold")
    head.append(f" \u00b6{hit.paragraph}")
    if hit.kind != "body":
        head.append(" \u00b7 ")
        head.append(KIND_LABELS.get(hit.kind) or one_line(hit.kind, 40), style="magenta")
    if hit.speaker:
        head.append(" \u00b7 ")
        head.append(one_line(hit.speaker, 80), style="green")
    head.append(f" \u00b7 score {hit.score:.2f}", style="dim")
    title = hit.title.strip()
    if show_title and title and title != PurePath(hit.source).stem and not (hit.date or hit.url):
        head.append(" \u2014 ", style="dim")
        head.append(one_line(title, 80).translate(_SPACES), style="dim italic")
    return head


def _citation(hit: Hit) -> Text | None:
    """Title, date and address of the hit's document, where the document gives them."""
    from rich.text import Text

    if not (hit.date or hit.url):
        return None
    line = Text("   ")
    title = hit.title.strip()
    bits: list[tuple[str, str]] = []
    if title and title != PurePath(hit.source).stem:
        bits.append((one_line(title, 100), "italic"))
    if hit.date:
        bits.append((one_line(hit.date, 40), ""))
    if hit.url:
        bits.append((one_line(hit.url, 200), "underline"))
    for i, (text, style) in enumerate(bits):
        if i:
            line.append(" \u00b7 ", style="dim")
        line.append(text.translate(_SPACES), style=f"dim {style}".strip())
    return line


# No-break and narrow spaces from documents print as plain spaces: one character for one, so
# the highlight's offsets hold, and piped output carries no invisible U+00A0 to trip up tools.
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})


def _passage(hit: Hit, marked: bool = False) -> Text:
    from rich.text import Text

    text, (a, b) = visible_span(hit.text, hit.highlight)
    text = text.translate(_SPACES)
    if marked and b > a:  # no colour: the best sentence between plain-text marks
        return Text(text[:a] + MARK_OPEN + text[a:b] + MARK_CLOSE + text[b:])
    body = Text(text)
    if b > a:
        body.stylize(_HIGHLIGHT_STYLE, a, b)
    return body


def render_hit(
    index: int, hit: Hit, console: Console, *, show_title: bool = True, names: dict[str, str] | None = None
) -> None:
    """One passage: a header line, the document's title, date and address where known, then the
    text indented, best sentence highlighted (in colour, or between » « where there is none)."""
    from rich.text import Text

    console.print(_header(index, hit, show_title, names))
    cite = _citation(hit)
    if cite is not None:
        console.print(cite, soft_wrap=True)
    # Wrapped by hand and indented line by line: Padding would pad every line with spaces.
    indent = 3
    for line in _passage(hit, marked=console.color_system is None).wrap(
        console, max(console.width - indent, 20)
    ):
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

    if answer.did_you_mean:
        console.print(Text(f"(did you mean {one_line(answer.did_you_mean, 100)}?)", style="dim"))
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
    names = short_names([h.source for h in hits])
    seen: set[str] = set()
    shown = 0
    for hit in hits:
        # The same words from two places ("Photo: Reuters" under two pictures) are shown once.
        key = " ".join(hit.text.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        shown += 1
        render_hit(shown, hit, console, show_title=show_title, names=names)


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
    names = short_names([d.source for d in info.documents])
    if any(d.date or d.url for d in info.documents):
        _render_doc_list(info, names, console)
        return
    docs = Table(show_edge=False, pad_edge=False)
    docs.add_column("file")
    docs.add_column("title")
    docs.add_column("format")
    docs.add_column("passages", justify="right")
    docs.add_column("chars", justify="right")
    for d in info.documents:
        docs.add_row(
            Text(_file_name(d.source, names)),
            Text(one_line(d.title, 80)),
            Text(one_line(d.format, 20)),
            Text(str(d.passages)),
            Text(str(d.chars)),
        )
    console.print(docs)


def _render_doc_list(info: IndexInfo, names: dict[str, str], console: Console) -> None:
    """Documents with a date or an address: two lines each, so that long titles and URLs stay whole."""
    from rich.text import Text

    for d in info.documents:
        head = Text()
        head.append(_file_name(d.source, names), style="bold")
        head.append(" \u00b7 ")
        head.append(one_line(d.title, 120).translate(_SPACES), style="italic")
        console.print(head, soft_wrap=True)
        bits = [one_line(x, 200) for x in (d.date, d.url) if x]
        bits += [one_line(d.format, 20), _count(d.passages, "passage"), f"{d.chars} chars"]
        console.print(Text("   " + " \u00b7 ".join(bits), style="dim"), soft_wrap=True)


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


def render_quotes(found: Sequence[Attribution], console: Console) -> None:
    """Who said what: grouped by document, then by speaker (unnamed sources by their wording)."""
    from rich.text import Text

    if not found:
        console.print(Text("No attributions found."))
        return
    groups: dict[str, dict[str, list[Attribution]]] = {}
    for a in found:
        who = a.speaker or (f"({a.source_text})" if a.source_text else "(unattributed)")
        groups.setdefault(a.doc, {}).setdefault(who, []).append(a)
    for doc, by_who in groups.items():
        console.print(Text(one_line(doc, 300), style="bold"))
        for who, items in by_who.items():
            console.print(Text("  " + one_line(who, 120), style="cyan"))
            for a in items:
                words = visible(a.text, max_line=2000).replace("\n", " ")
                shown = f"“{words}”" if a.direct else words
                console.print(Text(f"    {one_line(a.verb, 40)}: {shown}"))
        console.print(Text(""))
