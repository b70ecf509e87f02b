"""Rendering answers, index info, speakers and build reports; the JSON form of answers."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass, field

from rich.console import Console

from cli.render import (
    answer_json,
    dumps_json,
    render_answer,
    render_build_report,
    render_info,
    render_speakers,
)
from index.model import Skipped
from qa.types import Answer, DocInfo, Hit, IndexInfo, SpeakerInfo

PASSAGE = "The minister arrived on Monday. She said the talks went well. Nothing else was agreed."
BEST = "She said the talks went well."


def make_hit(**kw: object) -> Hit:
    a = PASSAGE.index(BEST)
    base: dict[str, object] = dict(
        text=PASSAGE,
        score=0.8312,
        source="/home/u/news/summit.txt",
        title="Summit ends",
        start=100,
        end=100 + len(PASSAGE),
        paragraph=4,
        kind="body",
        highlight=(a, a + len(BEST)),
        speaker=None,
    )
    base.update(kw)
    return Hit(**base)  # type: ignore[arg-type]


def plain(width: int = 100) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=width, force_terminal=False, no_color=True), buf


def test_hit_header_and_text() -> None:
    console, buf = plain()
    other = "Talks resume in May."
    hits = [
        make_hit(kind="caption", speaker="Jane Doe"),
        make_hit(score=0.5, paragraph=7, text=other, highlight=(0, len(other))),
    ]
    render_answer(Answer(question="q", searched="q", abstained=False, hits=hits), console)
    lines = buf.getvalue().splitlines()
    # one document: no title, the file name is enough
    assert lines[0] == "1. summit.txt ¶4 · photo caption · Jane Doe · score 0.83"
    # no colour: the best sentence between plain-text marks
    assert lines[1] == "   " + PASSAGE.replace(BEST, f"»{BEST}«")
    assert lines[2] == ""
    assert lines[3] == "2. summit.txt ¶7 · score 0.50"  # body: no kind label
    assert "(searched" not in buf.getvalue()
    assert all(ln == ln.rstrip() for ln in lines)  # no padding to the console width


def test_titles_shown_when_hits_come_from_several_documents() -> None:
    console, buf = plain(200)
    other = "Other talks end."
    hits = [
        make_hit(),
        make_hit(
            source="/home/u/news/other.txt",
            title="Other story",
            kind="headline",
            text=other,
            highlight=(0, 0),
        ),
    ]
    render_answer(Answer(question="q", searched="q", abstained=False, hits=hits), console)
    lines = buf.getvalue().splitlines()
    assert lines[0] == "1. summit.txt ¶4 · score 0.83 — Summit ends"
    assert lines[3] == "2. other.txt ¶4 · headline · score 0.83 — Other story"


def test_highlight_is_styled_exactly() -> None:
    buf = io.StringIO()
    console = Console(file=buf, width=200, force_terminal=True, color_system="standard")
    render_answer(Answer(question="q", searched="q", abstained=False, hits=[make_hit()]), console)
    out = buf.getvalue()
    # the best sentence is wrapped in one styled run, and the rest of the passage is not
    import re

    styled = re.findall(r"\x1b\[([0-9;]+)m([^\x1b]+)\x1b\[0m", out)
    runs = [text for codes, text in styled if "4" in codes.split(";")]  # underline
    assert runs == [BEST]


def test_highlight_survives_escaping() -> None:
    text = "A \x1b[31m B. Best one here. Tail."
    a = text.index("Best")
    hit = make_hit(text=text, highlight=(a, a + len("Best one here.")))
    buf = io.StringIO()
    console = Console(file=buf, width=200, force_terminal=True, color_system="standard")
    render_answer(Answer(question="q", searched="q", abstained=False, hits=[hit]), console)
    import re

    styled = re.findall(r"\x1b\[([0-9;]+)m([^\x1b]+)\x1b\[0m", buf.getvalue())
    assert [t for c, t in styled if "4" in c.split(";")] == ["Best one here."]
    assert "\\x1b[31m" in buf.getvalue()


def test_bad_highlight_is_clamped() -> None:
    console, buf = plain()
    render_answer(
        Answer(question="q", searched="q", abstained=False, hits=[make_hit(highlight=(50, 10_000))]), console
    )
    assert PASSAGE[:40] in buf.getvalue()


def test_searched_line_when_rewritten() -> None:
    console, buf = plain()
    ans = Answer(question="what did she say?", searched="what did the minister say?", abstained=False)
    render_answer(ans, console)
    assert buf.getvalue().splitlines()[0] == "(searched: what did the minister say?)"


def test_long_passage_wraps_with_indent() -> None:
    console, buf = plain(width=40)
    render_answer(Answer(question="q", searched="q", abstained=False, hits=[make_hit()]), console)
    lines = buf.getvalue().splitlines()
    assert all(len(ln) <= 40 for ln in lines)
    first = next(i for i, ln in enumerate(lines) if ln.startswith("   The minister"))
    text_lines = [ln for ln in lines[first:] if ln.strip()]
    assert len(text_lines) >= 3
    assert all(ln.startswith("   ") for ln in text_lines)
    assert " ".join(ln.strip() for ln in text_lines) == PASSAGE.replace(BEST, f"»{BEST}«")


def test_abstention_one_line_and_nearest() -> None:
    near = make_hit(score=0.31)
    ans = Answer(
        question="q", searched="q", abstained=True, nearest=[near], reason="best score below threshold"
    )
    console, buf = plain(200)
    render_answer(ans, console)
    out = buf.getvalue().strip()
    assert "\n" not in out
    assert out.startswith("The documents don't say.")
    assert "summit.txt ¶4, score 0.31" in out and "--show-nearest" in out
    assert PASSAGE not in out

    console, buf = plain(200)
    render_answer(ans, console, show_nearest=True)
    out = buf.getvalue()
    assert "--show-nearest" not in out
    assert "Closest passages, not answers (best score below threshold)" in out
    assert PASSAGE.replace(BEST, f"»{BEST}«") in out

    console, buf = plain(200)
    render_answer(Answer(question="q", searched="q", abstained=True, reason="no documents"), console)
    assert buf.getvalue().strip() == "The documents don't say. (no documents)"


def test_answer_json_roundtrip_and_surrogates() -> None:
    hit = make_hit(text="caf\u00e9 \udc80 \x1b[31m", source="/x/\udcff.txt", speaker="Zo\u00eb")
    ans = Answer(question="q\u00e9", searched="q\u00e9", abstained=False, hits=[hit])
    line = answer_json(ans)
    assert "\n" not in line
    line.encode("utf-8")  # writable as UTF-8
    data = json.loads(line)
    assert data["passages"][0]["text"] == "caf\u00e9 \udc80 \x1b[31m"
    assert data["passages"][0]["source"] == "/x/\udcff.txt"
    assert "caf\u00e9" in line and "Zo\u00eb" in line  # not ASCII-escaped
    assert data["passages"][0]["highlight"] == {"start": hit.highlight[0], "end": hit.highlight[1]}
    assert json.loads(dumps_json({"a": "\ud83d\ude00"}))["a"] == "\U0001f600"


def test_render_info_and_speakers() -> None:
    info = IndexInfo(
        path="/data/idx",
        model="all-MiniLM-L6-v2",
        format_version=1,
        dim=384,
        ann="flat",
        size_bytes=3 * 1024 * 1024,
        built="2024-05-01T10:00:00Z",
        passages=42,
        documents=[DocInfo(source="/news/a.txt", title="A story", format="text", passages=42, chars=9000)],
    )
    console, buf = plain(120)
    render_info(info, console)
    out = buf.getvalue()
    for needle in ("/data/idx", "all-MiniLM-L6-v2", "384", "3.0 MB", "42", "a.txt", "A story", "9000"):
        assert needle in out

    console, buf = plain(120)
    render_speakers(
        [
            SpeakerInfo("Vladimir Putin", 5, 2, ("Putin", "Russian President")),
            SpeakerInfo("Joe Bloggs", 1, 1),
        ],
        console,
    )
    rows = buf.getvalue().splitlines()
    putin = next(r for r in rows if "Vladimir Putin" in r)
    assert "5" in putin and "2" in putin and "Putin, Russian President" in putin
    assert any("Joe Bloggs" in r for r in rows)

    console, buf = plain()
    render_speakers([], console)
    assert buf.getvalue().strip() == "No quoted speakers found."


@dataclass
class FakeReport:
    documents: int = 3
    passages: int = 120
    added: int = 2
    updated: int = 1
    unchanged: int = 0
    removed: int = 1
    seconds: float = 4.25
    skipped: list[Skipped] = field(default_factory=list)


def test_build_report_groups_skipped() -> None:
    skipped = [Skipped(f"/d/bin{i}.dat", "binary (NUL bytes)") for i in range(5)]
    skipped += [Skipped("/d/big.pdf", "over the size limit (25 MB > 20 MB)")]
    skipped += [Skipped("/d/locked.txt", "unreadable (permission denied)", error=True)]
    console, buf = plain(120)
    render_build_report(FakeReport(skipped=skipped), console, max_examples=2)
    out = buf.getvalue()
    assert "3 documents, 120 passages" in out
    assert "2 added, 1 updated, 0 unchanged, 1 removed" in out
    assert "Skipped 7 files:" in out
    assert "binary: 5 files" in out
    assert "/d/bin0.dat (NUL bytes)" in out and "/d/bin1.dat" in out and "/d/bin2.dat" not in out
    assert "and 3 more" in out
    assert "over the size limit: 1 file" in out and "/d/big.pdf (25 MB > 20 MB)" in out
    assert "unreadable: 1 file" in out

    console, buf = plain(120)
    render_build_report(FakeReport(), console)
    assert "Skipped" not in buf.getvalue()


def test_importing_cli_modules_does_not_import_rich() -> None:
    code = (
        "import sys, cli.render, cli.chat, cli.safe; "
        "print(any(m.startswith(('rich', 'prompt_toolkit')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_citation_shows_title_date_and_url() -> None:
    console, buf = plain(300)
    hit = make_hit(date="2024-03-05", url="https://news.example/summit", title="Summit ends in Oslo")
    render_answer(Answer(question="q", searched="q", abstained=False, hits=[hit]), console)
    lines = buf.getvalue().splitlines()
    assert lines[0] == "1. summit.txt ¶4 · score 0.83"
    assert lines[1] == "   Summit ends in Oslo · 2024-03-05 · https://news.example/summit"
    data = json.loads(answer_json(Answer(question="q", searched="q", abstained=False, hits=[hit])))
    p = data["passages"][0]
    assert p["date"] == "2024-03-05" and p["url"] == "https://news.example/summit"
    assert {"text", "score", "source", "start", "end", "title", "paragraph", "kind", "highlight"} <= set(p)
    bare = json.loads(answer_json(Answer(question="q", searched="q", abstained=False, hits=[make_hit()])))
    assert bare["passages"][0]["date"] is None and bare["passages"][0]["url"] is None


def test_files_with_the_same_name_are_told_apart() -> None:
    console, buf = plain(200)
    hits = [
        make_hit(source="/site/world/index.html", text="One.", highlight=(0, 0)),
        make_hit(source="/site/sport/index.html", text="Two.", highlight=(0, 0)),
        make_hit(source="/site/sport/other.html", text="Three.", highlight=(0, 0)),
    ]
    render_answer(Answer(question="q", searched="q", abstained=False, hits=hits), console)
    heads = [ln for ln in buf.getvalue().splitlines() if ln[:2] in ("1.", "2.", "3.")]
    assert heads[0].startswith("1. world/index.html ¶4")
    assert heads[1].startswith("2. sport/index.html ¶4")
    assert heads[2].startswith("3. other.html ¶4")


def test_same_passage_text_shown_once() -> None:
    console, buf = plain(200)
    credit = "Photo by: Reuters"
    hits = [
        make_hit(text=credit, kind="credit", paragraph=2, highlight=(0, len(credit))),
        make_hit(text=credit, kind="credit", paragraph=9, highlight=(0, len(credit))),
        make_hit(),
    ]
    render_answer(Answer(question="q", searched="q", abstained=False, hits=hits), console)
    out = buf.getvalue()
    assert out.count("Photo by: Reuters") == 1
    assert "2. summit.txt ¶4" in out


def test_docs_lists_date_and_url() -> None:
    console, buf = plain(200)
    info = IndexInfo(
        path="/idx",
        model="m",
        format_version=2,
        dim=384,
        ann="flat",
        size_bytes=10,
        built="2025-01-01",
        passages=3,
        documents=[
            DocInfo(
                "/a/index.html", "Bridge closes", "html", 2, 900, date="2024-03-05", url="https://x.example/b"
            ),
            DocInfo("/b/index.html", "Other", "html", 1, 100),
        ],
    )
    render_info(info, console)
    out = buf.getvalue()
    assert "a/index.html · Bridge closes" in out
    assert "2024-03-05 · https://x.example/b · html · 2 passages · 900 chars" in out
    assert "b/index.html · Other" in out
    assert info.to_json()["documents"][0]["url"] == "https://x.example/b"
