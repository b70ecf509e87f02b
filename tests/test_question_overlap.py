"""bench/question_overlap.py: flags a new question worded like an earlier one, by id only."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def overlap_module() -> ModuleType:
    """Import bench/question_overlap.py (bench is not a package).

    Returns:
        The module.
    """
    spec = importlib.util.spec_from_file_location("question_overlap", ROOT / "bench" / "question_overlap.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_reworded_question_is_flagged_and_a_new_angle_is_not(tmp_path: Path) -> None:
    mod = overlap_module()
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(
        '{"id": "e1", "question": "When did the mayor open the new bridge?", "history": []}\n',
        encoding="utf-8",
    )
    new = tmp_path / "new.jsonl"
    new.write_text(
        '{"id": "n1", "question": "when was the new bridge opened by the mayor", "history": []}\n'
        '{"id": "n2", "question": "Is the river crossing finished yet?", "history": []}\n'
        '{"id": "n3", "question": "And the bridge?", "history": ["When did the mayor open the new school?"]}\n',
        encoding="utf-8",
    )
    pool = [words for _, words in mod.question_words(earlier)]
    flagged = dict(mod.flagged(mod.question_words(new), pool, 0.5))
    assert set(flagged) == {"n1", "n3"}
    assert min(flagged.values()) >= 0.5  # n3 through its history: the history counts as wording


def test_jaccard_of_empty_sets_is_zero() -> None:
    mod = overlap_module()
    assert mod.jaccard(frozenset(), frozenset()) == 0.0
    assert mod.content_words("What did he say?") == frozenset()
