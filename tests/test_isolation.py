"""No global state: what one index holds never changes how another one answers.

Each index reads question words through its own word-to-term table. When those tables were
process-wide, "spoke" became `speak` in a fresh process but stayed `spoke` once an index holding
"spokes" had been loaded, and scores depended on the order indexes were opened.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qa

FAKE = "hash-embedder"

COUNCIL = """The council meets on Mondays

The mayor speaks to the council every Monday about the city's budget.

Her deputy handles questions about parking and street lighting.
"""

BIKES = """How to true a wheel

A bicycle wheel has thirty-two spokes, and each of them must carry the same tension.
"""

QUESTIONS = ["Who spoke to the council?", "Who spoke about the budget?", "Who handles parking?"]


@pytest.fixture(scope="module")
def two_indexes(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("isolation")
    paths = []
    for name, text in (("council", COUNCIL), ("bikes", BIKES)):
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        qa.build(root / f"{name}.txt", index=root / f"{name}-index", model=FAKE)
        paths.append(root / f"{name}-index")
    return paths[0], paths[1]


def answers(ix: qa.Index) -> list[dict]:
    return [ix.ask(q, k=3).to_json() for q in QUESTIONS]


def test_answers_from_one_index_do_not_change_after_another_is_opened(two_indexes: tuple[Path, Path]) -> None:
    council, bikes = two_indexes
    a = qa.open(council)
    before = answers(a)
    assert not before[0]["abstained"] and "speaks" in before[0]["passages"][0]["text"]
    b = qa.open(bikes)
    assert "spokes" in b.ask("How many spokes does a wheel have?").passages[0].text
    assert answers(a) == before
    assert answers(qa.open(council)) == before  # and a fresh open of the same index agrees


def test_answers_equal_those_of_a_fresh_process(two_indexes: tuple[Path, Path]) -> None:
    """The same question, same index: the same answer whether or not other indexes were loaded first."""
    council, bikes = two_indexes
    in_process = (qa.open(bikes), answers(qa.open(council)))[1]
    code = (
        "import json, sys, qa\n"
        f"print(json.dumps([qa.open(sys.argv[1]).ask(q, k=3).to_json() for q in {QUESTIONS!r}]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(council)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
        check=False,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout) == in_process
