"""`qa quotes`: who said what, read from the index (the interface ../shared/eval/attribution.py drives)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

FIELDS = {"doc", "start", "end", "text", "speaker", "source_text", "mention", "verb", "direct"}


def _json_lines(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_quotes_json_is_one_attribution_per_line(fake_article_index: Path) -> None:
    r = CliRunner().invoke(app, ["quotes", "--index", str(fake_article_index), "--json"])
    assert r.exit_code == 0, r.stderr
    rows = _json_lines(r.stdout)
    assert rows
    for row in rows:
        assert set(row) == FIELDS
        text = Path(row["doc"]).read_text(encoding="utf-8")
        assert text[row["start"] : row["end"]] == row["text"]  # offsets into the document as indexed
        if row["mention"] is not None:
            m = row["mention"]
            assert text[m["start"] : m["end"]] == row["source_text"]
    assert any(r["speaker"] == "Vladimir Putin" and r["direct"] for r in rows)
    assert any(r["speaker"] == "Barack Obama" for r in rows)


def test_quotes_filters_by_speaker_alias_and_document(fake_article_index: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["quotes", "--index", str(fake_article_index), "--json", "--speaker", "putin"])
    assert r.exit_code == 0, r.stderr
    rows = _json_lines(r.stdout)
    assert rows and {row["speaker"] for row in rows} == {"Vladimir Putin"}
    doc = rows[0]["doc"]
    r = runner.invoke(app, ["quotes", "--index", str(fake_article_index), "--json", "--doc", Path(doc).name])
    assert {row["doc"] for row in _json_lines(r.stdout)} == {doc}
    r = runner.invoke(app, ["quotes", "--index", str(fake_article_index), "--json", "--doc", "no-such.txt"])
    assert r.exit_code == 0 and r.stdout == ""


def test_quotes_human_output_groups_by_document_and_speaker(fake_article_index: Path) -> None:
    r = CliRunner().invoke(app, ["quotes", "--index", str(fake_article_index), "--speaker", "Obama"])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].endswith(".txt")  # the document
    assert lines[1].strip() == "Barack Obama"  # the speaker
    assert any(line.strip().startswith("said:") for line in lines[2:])  # each quote with its cue word


def test_speakers_and_quotes_agree(fake_article_index: Path) -> None:
    runner = CliRunner()
    speakers = json.loads(
        runner.invoke(app, ["speakers", "--index", str(fake_article_index), "--json"]).stdout
    )
    rows = _json_lines(runner.invoke(app, ["quotes", "--index", str(fake_article_index), "--json"]).stdout)
    named = {row["speaker"] for row in rows}
    for s in speakers:  # unnamed sources ("officials") are listed under their wording
        if s["name"] in named:
            assert sum(row["speaker"] == s["name"] for row in rows) == s["quotes"]


def test_quotes_on_a_missing_index_is_a_one_line_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["quotes", "--index", str(tmp_path / "nothing")])
    assert r.exit_code == 3
    assert len(r.stderr.strip().splitlines()) == 1


def test_store_keeps_unnamed_sources_and_mentions(tmp_path: Path) -> None:
    """Schema 2: a quote's source as written and its mention survive the store; speaker may be None."""
    from index import docstore
    from index.docstore import DocRow, QuoteRow

    text = '"No deal," a senior official said. The Kremlin said it was illegal.'
    rows = [
        QuoteRow(0, 1, 8, None, "said", True, "a senior official", 11, 28),
        QuoteRow(0, 50, 66, "Kremlin", "said", False, "The Kremlin", 35, 46),
    ]
    path = tmp_path / "docs.sqlite"
    docstore.write(
        path, [DocRow(0, "/n/a.txt", "a", "text", "a" * 64, text, "2026-01-01T00:00:00Z")], [], rows, []
    )
    ds = docstore.DocStore.open(path)
    try:
        assert ds.quotes() == rows
    finally:
        ds.close()


OFFICIALS = """Bridge Repairs Delayed Again

The repairs to the Kelso river bridge will not finish before winter, officials said on Monday.

Mayor Ann Rudd said the city had paid the contractor in full and expected the work to be done.

The contractor blamed the weather for the delay and promised extra crews from next week.

Residents of the east bank now face a forty-minute detour to reach the hospital.
"""


@pytest.mark.slow
def test_unnamed_sources_are_found_by_their_wording(tmp_path: Path, qa_home: Path) -> None:
    """Issue 8: "What did officials say about X?" finds what "officials said"."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bridge.txt").write_text(OFFICIALS, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["index", str(docs), "--index", str(tmp_path / "idx")])
    assert r.exit_code == 0, r.stderr
    rows = _json_lines(runner.invoke(app, ["quotes", "--index", str(tmp_path / "idx"), "--json"]).stdout)
    assert any(row["speaker"] is None and row["source_text"] == "officials" for row in rows)
    r = runner.invoke(
        app, ["ask", "What did officials say about the bridge?", "--index", str(tmp_path / "idx"), "--json"]
    )
    assert r.exit_code == 0, r.stderr
    top = json.loads(r.stdout)["passages"][0]["text"]
    assert "officials said" in top


# Two articles naming one person by two forms of his name: each document stores its own form.
HARBOUR = """Council approves new harbour plan

The town council approved the harbour plan on Tuesday after a long debate.

"This is a great day for the harbour," Donald J. Trump said at the meeting. He added that work would start in May.
"""
GOLF = """Golf course opens its doors

A new golf course opened near the coast on Saturday morning.

"We built the best course in the country," Donald Trump told reporters at the opening.
"""


@pytest.fixture
def two_forms_index(tmp_path: Path, qa_home: Path) -> Path:
    from index.hashembed import MODEL

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (docs / "golf.txt").write_text(GOLF, encoding="utf-8")
    r = CliRunner().invoke(app, ["index", str(docs), "--index", str(tmp_path / "idx"), "--model", MODEL])
    assert r.exit_code == 0, r.stderr
    return tmp_path / "idx"


def test_speaker_filter_finds_every_form_of_one_name(two_forms_index: Path) -> None:
    """`--speaker "Donald Trump"` found only the article that wrote "Donald Trump": the filter read
    each document's own names, not the cross-document merge `qa speakers` shows (qa.names.merge)."""
    runner = CliRunner()
    every = _json_lines(runner.invoke(app, ["quotes", "--index", str(two_forms_index), "--json"]).stdout)
    assert {row["speaker"] for row in every} == {"Donald J. Trump", "Donald Trump"}  # each document's own
    for asked in ("Donald Trump", "donald j. trump", "Trump"):
        r = runner.invoke(app, ["quotes", "--index", str(two_forms_index), "--json", "--speaker", asked])
        assert r.exit_code == 0, r.stderr
        assert _json_lines(r.stdout) == every, asked
    r = runner.invoke(app, ["quotes", "--index", str(two_forms_index), "--json", "--speaker", "Donald Duck"])
    assert r.exit_code == 0 and r.stdout == ""


@pytest.mark.parametrize("args", [["--doc="], ["--doc", "  "], ["--speaker="], ["--speaker", ""]])
def test_empty_filter_is_a_usage_error(two_forms_index: Path, args: list[str]) -> None:
    """`--doc=` matched nothing while `--speaker=` matched everything: both are usage errors now."""
    r = CliRunner().invoke(app, ["quotes", "--index", str(two_forms_index), *args])
    assert r.exit_code == 2
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "needs a value" in lines[0] and args[0].split("=")[0] in lines[0]
    assert r.stdout == "" and "Traceback" not in r.stderr


def test_api_refuses_an_empty_filter(two_forms_index: Path) -> None:
    import qa

    index = qa.open(two_forms_index)
    assert len(index.quotes(speaker="Donald Trump")) == 3
    for kwargs in ({"doc": ""}, {"speaker": " "}):
        with pytest.raises(qa.BadInput):
            index.quotes(**kwargs)
