"""Checks of the blind held-out sets of round 14 (bench/data/article_heldout5.jsonl,
news_heldout4.jsonl) and of set 4's draw in bench/news_heldout_docs.py.

These assert only the sets' form, never print a question: each answerable item's gold answers
occur in its document (folded the way ../shared/eval/score.py folds: case, quote marks, dashes,
whitespace), a news item's answers in its own article and no other, ids are unique, categories
known, and set 4 is the draw its docstring documents. The news checks skip without ../shared.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SET_5 = ROOT / "bench" / "data" / "article_heldout5.jsonl"
NEWS_SET_4 = ROOT / "bench" / "data" / "news_heldout4.jsonl"
CATEGORIES = {"speaker", "fact", "followup", "parts", "unanswerable"}
FIELDS = {"id", "question", "history", "answers", "answerable", "category"}

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Fold text the way the scorer compares a gold answer with a passage.

    Args:
        text: any text.

    Returns:
        The folded text: quote marks and dashes to ASCII, '' to ', whitespace runs to one space,
        lower case.
    """
    return re.sub(r"\s+", " ", text.translate(_FOLD).replace("''", "'")).strip().lower()


def load(path: Path) -> list[dict[str, Any]]:
    """Read a gold JSON-lines file.

    Args:
        path: the file.

    Returns:
        Its items.
    """
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def docs_module() -> ModuleType:
    """Import bench/news_heldout_docs.py (bench is not a package).

    Returns:
        The module.
    """
    spec = importlib.util.spec_from_file_location(
        "news_heldout_docs", ROOT / "bench" / "news_heldout_docs.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("path", [ARTICLE_SET_5, NEWS_SET_4], ids=["article5", "news4"])
def test_format(path: Path) -> None:
    items = load(path)
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    assert {it["category"] for it in items} == CATEGORIES
    for it in items:
        assert FIELDS <= set(it), it["id"]
        assert it["category"] in CATEGORIES, it["id"]
        assert isinstance(it["history"], list) and all(isinstance(h, str) and h for h in it["history"])
        assert isinstance(it["answers"], list) and all(isinstance(a, str) and a for a in it["answers"])
        assert it["answerable"] == (it["category"] != "unanswerable"), it["id"]
        assert bool(it["answers"]) == it["answerable"], it["id"]
        assert bool(it["history"]) == (it["category"] == "followup"), it["id"]


def test_article5_answers_occur_in_the_bundled_article() -> None:
    text = fold((ROOT / "index" / "article.txt").read_text(encoding="utf-8"))
    for it in load(ARTICLE_SET_5):
        for answer in it["answers"]:
            assert fold(answer) in text, it["id"]


def test_news4_answers_occur_in_their_article_only() -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    texts = {name: fold(text) for name, text in mod.article_texts(which=4).items()}
    items = load(NEWS_SET_4)
    for it in items:
        assert it["article"] in texts, it["id"]
        for answer in it["answers"]:
            hits = [name for name, text in texts.items() if fold(answer) in text]
            assert hits == [it["article"]], it["id"]
    assert {it["article"] for it in items} == set(texts)


def test_set4_shares_no_article_with_earlier_sets() -> None:
    mod = docs_module()
    earlier = set(mod.DOC_IDS) | set(mod.DOC_IDS_2) | set(mod.DOC_IDS_3) | mod._NEWS_DEV
    assert len(set(mod.DOC_IDS_4)) == len(mod.DOC_IDS_4) == 10
    assert not set(mod.DOC_IDS_4) & earlier
    assert mod.SETS[4] == mod.DOC_IDS_4


def test_set4_is_the_documented_draw() -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    docs = mod.load_train()
    assert mod.choose4(docs) == list(mod.DOC_IDS_4)
    assert all(1500 <= len(docs[d]["text"]) <= 10000 for d in mod.DOC_IDS_4)
    publishers = [docs[d]["publisher"] for d in mod.DOC_IDS_4]
    assert max(publishers.count(p) for p in publishers) <= 3
