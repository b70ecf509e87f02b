"""Indexes written by earlier releases keep working: one committed fixture per format version.

Why: users keep their indexes across upgrades. When FORMAT_VERSION goes up, add a migration in
`index.store.MIGRATIONS` and a new `tests/fixtures/index-vN/` built by that release; never delete
the old fixtures. Each fixture holds a tiny document (its text is in `source.txt`), indexed with
the bundled model.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from index import store

pytestmark = pytest.mark.slow  # the fixtures were built with the real model, which queries need

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONED = sorted(p for p in FIXTURES.glob("index-v*") if re.fullmatch(r"index-v\d+", p.name))


def test_there_is_a_fixture_for_every_format_version() -> None:
    versions = {int(p.name.removeprefix("index-v")) for p in VERSIONED}
    assert versions == set(range(1, store.FORMAT_VERSION + 1))


@pytest.fixture(params=VERSIONED, ids=[p.name for p in VERSIONED])
def old_index(request: pytest.FixtureRequest, tmp_path: Path, qa_home: Path) -> Path:
    """A copy, so that nothing a reader might write (journals, locks) touches the committed files."""
    dst = tmp_path / request.param.name
    shutil.copytree(request.param, dst)
    return dst


def test_fixture_is_what_it_claims(old_index: Path) -> None:
    gen, manifest = store.open_manifest(old_index)
    store.verify(gen, manifest)
    on_disk = json.loads((gen / store.MANIFEST).read_text(encoding="utf-8"))["format_version"]
    assert on_disk == int(old_index.name.removeprefix("index-v"))
    assert manifest.model == "all-MiniLM-L6-v2" and manifest.dim == 384
    assert manifest.counts["documents"] == 1


def test_current_code_opens_and_answers(old_index: Path) -> None:
    from qa.engine import Engine
    from qa.session import Conversation

    engine = Engine.open(old_index)
    assert engine.n_passages() >= 3
    answer = Conversation(engine).ask("How much did the harbour bridge cost?")
    assert not answer.abstained
    assert "42 million pounds" in answer.hits[0].text
    source = (old_index / "source.txt").read_text(encoding="utf-8")
    for hit in answer.hits:
        assert hit.text in source  # the passages are the fixture's own text


def test_cli_answers_from_old_index(old_index: Path) -> None:
    r = CliRunner().invoke(
        app, ["ask", "When does the ferry to Inchmore leave?", "--index", str(old_index), "--json"]
    )
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "07:15" in out["passages"][0]["text"]
    r = CliRunner().invoke(app, ["speakers", "--index", str(old_index), "--json"])
    assert r.exit_code == 0
    assert "Ruth Calder" in {s["name"] for s in json.loads(r.stdout)}


def test_old_index_can_be_updated(old_index: Path, tmp_path: Path) -> None:
    """`qa index` on an old index writes a current-format generation and keeps its documents."""
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "tide.txt").write_text("High tide at Port Ellery is at 14:20 on Sunday.\n", encoding="utf-8")
    _gen, before = store.open_manifest(old_index)
    [old_source] = before.documents
    r = CliRunner().invoke(app, ["index", str(extra), "--index", str(old_index), "--json"])
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["added"] == 1 and report["embedded"] == 1
    # The fixture's document was indexed on another machine: kept if its file is here, else dropped.
    kept = os.path.exists(old_source)
    assert (report["documents"], report["unchanged"], report["removed"]) == ((2, 1, 0) if kept else (1, 0, 1))
    _gen, manifest = store.open_manifest(old_index)
    assert manifest.format_version == store.FORMAT_VERSION
