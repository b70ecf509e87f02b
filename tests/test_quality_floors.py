"""Quality floors: news-dev and the bundled article's dev set, scored by the shared scorer through
`qa chat --json`, exactly as README's measuring commands do. The data is read from ../shared/eval
at test time (never copied); the floors sit a little under what the bot reaches, so a change that
loses quality fails CI instead of passing silently.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Measured at the commit that set them (see the README's "Measuring"): news-dev hit@1 0.793,
# recall@5 0.963, unanswerable declined 0.304, answerable wrongly declined 0.012; seed_dev hit@1
# 1.000, recall@5 1.000, declined 1.000, wrongly declined 0. Floors sit one to three questions under.
# The near-miss tests (qa/abstain.py) raised news-dev's declined share to 0.565 (13 of 23): its floor
# sits one question under. Speakers asked by description (qa/describe.py) and "who said" claims
# (qa/claims.py) raised hit@1 to 0.841 (69 of 82) and recall@5 to 0.976 (80 of 82): floors two under.
# The typed-value feature (qa/answer_type.py) raised hit@1 to 0.878 (72 of 82); near misses of the
# asked fact and speakers quoted off the topic (qa/abstain.py) raised declined to 0.870 (20 of 23):
# floors two questions under.
NEWS_FLOORS = {"hit@1": 0.85, "recall@5": 0.95, "abstain": 0.78}
NEWS_MAX_FALSE_ABSTAIN = 0.05
SEED_FLOORS = {"hit@1": 0.91, "recall@5": 0.99, "abstain": 0.99}
SEED_MAX_FALSE_ABSTAIN = 0.0


def eval_dir() -> Path:
    env = os.environ.get("QA_EVAL")
    for p in (
        [Path(env)] if env else [REPO.parent / "shared" / "eval", REPO.parent.parent / "shared" / "eval"]
    ):
        if (p / "score.py").is_file():
            return p
    pytest.skip("no ../shared/eval beside the repository (set QA_EVAL)")


def qa_cmd() -> str:
    exe = Path(sys.executable).parent / "qa"
    return str(exe) if exe.exists() else f"{sys.executable} -m cli.main"


def score(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run score.py and read its summary line (hit@1=... recall@5=... abstain=... false_abstain=...)."""
    out = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=900, check=True
    ).stdout
    return {k: float(v) for k, v in re.findall(r"([\w@]+)=([\d.]+|nan)", out.splitlines()[-1])}


@pytest.fixture(scope="module")
def env(qa_home: Path) -> dict[str, str]:
    return {**os.environ, "QA_HOME": str(qa_home), "HF_HUB_OFFLINE": "1"}


@pytest.mark.slow
def test_news_dev_floors(env: dict[str, str], tmp_path: Path) -> None:
    ev = eval_dir()
    idx = tmp_path / "news-dev-index"
    subprocess.run(
        [*qa_cmd().split(), "index", str(ev / "news-dev" / "docs"), "--index", str(idx)],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=900,
    )
    got = score(
        [
            str(ev / "score.py"),
            str(ev / "news-dev" / "gold.jsonl"),
            "--cmd",
            f"{qa_cmd()} chat --json --index {idx}",
        ],
        env,
    )
    for name, floor in NEWS_FLOORS.items():
        assert got[name] >= floor, (name, got)
    assert got["false_abstain"] <= NEWS_MAX_FALSE_ABSTAIN, got


@pytest.mark.slow
def test_bundled_article_floors(env: dict[str, str]) -> None:
    ev = eval_dir()
    got = score([str(ev / "score.py"), str(ev / "seed_dev.jsonl"), "--cmd", f"{qa_cmd()} chat --json"], env)
    for name, floor in SEED_FLOORS.items():
        assert got[name] >= floor, (name, got)
    assert got["false_abstain"] <= SEED_MAX_FALSE_ABSTAIN, got
