"""Format checks of the held-out sets (bench/data/article_heldout2-22.jsonl, news_heldout/2/.../21.jsonl).

Every answerable question's gold answers must occur in its article's text (matched the way
the scorer matches: case, quote marks, dashes and whitespace folded), ids must be unique and
categories known, and each news set is the draw bench/news_heldout_docs.py documents. These
checks never print a question (article sets 21-22 and news sets 20-21 are blind). The news
sets' articles live in ../shared (PolNeAR train); those checks skip when it is absent. From article set 12 and news set 11 on, every gold
string also sits inside one paragraph (a line) of its article, so one passage can hold it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from qa.evaluate import norm

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
LAST_ARTICLE_SET = 22  # article_heldout2..22 (the first has no number and no check here)
LAST_NEWS_SET = 21  # news_heldout, news_heldout2..21
#: Each article set by its test id.
ARTICLE_SETS = {f"article{n}": DATA / f"article_heldout{n}.jsonl" for n in range(2, LAST_ARTICLE_SET + 1)}
#: Each news set with the number bench/news_heldout_docs.py knows its articles by.
NEWS_SETS = [(DATA / f"news_heldout{'' if n == 1 else n}.jsonl", n) for n in range(1, LAST_NEWS_SET + 1)]
NEWS_IDS = [f"news{'' if n == 1 else n}" for _, n in NEWS_SETS]
CATEGORIES = {"speaker", "fact", "followup", "parts", "unanswerable"}
FIELDS = {"id", "question", "history", "answers", "answerable", "category"}


def fold(text: str) -> str:
    """Fold text the way the scorer compares a gold answer with a passage (qa eval's own folding:
    quote marks and dashes to ASCII, '' to ', whitespace runs to one space, lower case).

    Args:
        text: any text.

    Returns:
        The folded text.
    """
    return norm(text)


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


@pytest.mark.parametrize(
    "path", [*ARTICLE_SETS.values(), *(path for path, _ in NEWS_SETS)], ids=[*ARTICLE_SETS, *NEWS_IDS]
)
def test_format(path: Path) -> None:
    items = load(path)
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    for it in items:
        assert FIELDS <= set(it), it["id"]
        assert it["category"] in CATEGORIES, it["id"]
        assert isinstance(it["history"], list) and all(isinstance(h, str) for h in it["history"])
        assert isinstance(it["answers"], list) and all(isinstance(a, str) and a for a in it["answers"])
        assert it["answerable"] == (it["category"] != "unanswerable"), it["id"]
        assert bool(it["answers"]) == it["answerable"], it["id"]
        assert bool(it["history"]) == (it["category"] == "followup"), it["id"]


@pytest.mark.parametrize("path", ARTICLE_SETS.values(), ids=list(ARTICLE_SETS))
def test_article_answers_occur_in_the_bundled_article(path: Path) -> None:
    text = fold((ROOT / "index" / "article.txt").read_text(encoding="utf-8"))
    for it in load(path):
        for answer in it["answers"]:
            assert fold(answer) in text, it["id"]


@pytest.mark.parametrize(
    ("path", "which"),
    NEWS_SETS,
    ids=NEWS_IDS,
)
def test_news_answers_occur_in_their_article_only(path: Path, which: int) -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    texts = {name: fold(text) for name, text in mod.article_texts(which=which).items()}
    items = load(path)
    for it in items:
        if it["answerable"]:
            assert it["article"] in texts, it["id"]
        for answer in it["answers"]:
            hits = [name for name, text in texts.items() if fold(answer) in text]
            assert hits == [it["article"]], it["id"]
    assert {it["article"] for it in items} == set(texts)


#: The first sets written with every gold string inside one paragraph (bench/reports/heldout12.md).
FIRST_ONE_PARAGRAPH_ARTICLE_SET = 12
FIRST_ONE_PARAGRAPH_NEWS_SET = 11


def paragraphs(text: str) -> list[str]:
    """An article's paragraphs, folded: its non-empty lines (a blank line only separates them).

    Args:
        text: the article.

    Returns:
        Each non-empty line, folded the way the scorer folds.
    """
    return [fold(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "path",
    [ARTICLE_SETS[f"article{n}"] for n in range(FIRST_ONE_PARAGRAPH_ARTICLE_SET, LAST_ARTICLE_SET + 1)],
    ids=[f"article{n}" for n in range(FIRST_ONE_PARAGRAPH_ARTICLE_SET, LAST_ARTICLE_SET + 1)],
)
def test_article_answers_sit_inside_one_paragraph(path: Path) -> None:
    paras = paragraphs((ROOT / "index" / "article.txt").read_text(encoding="utf-8"))
    for it in load(path):
        for answer in it["answers"]:
            assert any(fold(answer) in para for para in paras), it["id"]


@pytest.mark.parametrize(
    ("path", "which"),
    NEWS_SETS[FIRST_ONE_PARAGRAPH_NEWS_SET - 1 :],
    ids=NEWS_IDS[FIRST_ONE_PARAGRAPH_NEWS_SET - 1 :],
)
def test_news_answers_sit_inside_one_paragraph(path: Path, which: int) -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    texts = {name: paragraphs(text) for name, text in mod.article_texts(which=which).items()}
    for it in load(path):
        for answer in it["answers"]:
            assert any(fold(answer) in para for para in texts[it["article"]]), it["id"]


def test_news_sets_share_no_article() -> None:
    mod = docs_module()
    assert not set(mod.DOC_IDS) & set(mod.DOC_IDS_2)
    assert len(set(mod.DOC_IDS_2)) == len(mod.DOC_IDS_2) == 10
    assert not (set(mod.DOC_IDS) | set(mod.DOC_IDS_2)) & set(mod.DOC_IDS_3)
    assert len(set(mod.DOC_IDS_3)) == len(mod.DOC_IDS_3) == 10


def test_set3_is_the_documented_draw() -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    docs = mod.load_train()
    assert mod.choose2(docs) == list(mod.DOC_IDS_2)
    assert mod.choose_after(docs, 3) == list(mod.DOC_IDS_3)
    assert not set(mod.DOC_IDS_3) & mod._NEWS_DEV


@pytest.mark.parametrize("k", range(4, LAST_NEWS_SET + 1))
def test_later_set_shares_no_article_with_earlier_sets(k: int) -> None:
    mod = docs_module()
    earlier = {d for j in range(1, k) for d in mod.SETS[j]} | mod._NEWS_DEV
    ids = getattr(mod, f"DOC_IDS_{k}")
    assert len(set(ids)) == len(ids) == 10
    assert not set(ids) & earlier
    assert mod.SETS[k] == ids


@pytest.mark.parametrize("k", range(4, LAST_NEWS_SET + 1))
def test_later_set_is_the_documented_draw(k: int) -> None:
    mod = docs_module()
    if not mod.TRAIN_DOCS.exists():
        pytest.skip("../shared (PolNeAR train) is absent")
    docs = mod.load_train()
    ids = getattr(mod, f"DOC_IDS_{k}")
    assert mod.choose_after(docs, k) == list(ids)
    assert all(1500 <= len(docs[d]["text"]) <= 10000 for d in ids)
    publishers = [docs[d]["publisher"] for d in ids]
    assert max(publishers.count(p) for p in publishers) <= 3


def read_sets_module() -> ModuleType:
    """Import bench/read_sets.py (bench is not a package).

    Returns:
        The module.
    """
    spec = importlib.util.spec_from_file_location("read_sets", ROOT / "bench" / "read_sets.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_read_sets_refuse_every_written_set_after_the_last_opened() -> None:
    mod = read_sets_module()
    blind = [f"h{n}" for n in range(mod.LAST_READ_ARTICLE + 1, LAST_ARTICLE_SET + 1)]
    blind += [f"nh{n}" for n in range(mod.LAST_READ_NEWS + 1, LAST_NEWS_SET + 1)]
    assert blind, "at least one written set stays blind"
    for name in blind:
        assert name in mod.BLIND and name not in mod.ALL
        with pytest.raises(SystemExit, match="refusing blind set"):
            mod.gold_file(name)
    opened = [f"h{n}" for n in range(1, mod.LAST_READ_ARTICLE + 1)]
    opened += ["nh", *(f"nh{n}" for n in range(2, mod.LAST_READ_NEWS + 1))]
    assert set(opened) <= set(mod.ALL)
