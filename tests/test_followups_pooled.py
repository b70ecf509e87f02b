"""bench/followups_pooled.py: follow-up forms, the reorderings it tries and their leave-one-set-out fit."""

from __future__ import annotations

from bench.followups_pooled import Outcome, form_of, loso, norm, reorder


def _case(
    set_: str, prev: int, hits: list[tuple[int, float]], gold: tuple[int, ...], form: str = "bare:why"
) -> Outcome:
    top = hits[0][0]
    return Outcome(
        set_,
        f"{set_}-{prev}",
        "Why?",
        ["What did Lena Ward say about the bridge?"],
        form,
        "Why?",
        0 if top in gold else None,
        "hit" if top in gold else "c",
        "",
        prev,
        top,
        gold,
        tuple((pid, score, 0) for pid, score in hits),
    )


def test_forms_as_qa_followup_reads_them() -> None:
    assert form_of("Why?") == "bare:why"
    assert form_of("And Clinton?") == "about"
    assert form_of("What did he say about the budget?") == "pronoun"
    assert form_of("What else did she say?") == "next:else"
    assert form_of("How tall is the Shard?") == "own"


def test_norm_folds_quotes_like_score_py() -> None:
    assert norm("  “Not  stupid,’ he said ") == "\"not stupid,' he said"


def test_neighbour_moved_first_only_above_the_ratio() -> None:
    c = _case("x", 10, [(10, 1.0), (11, 0.7), (30, 0.6)], (11,))
    assert reorder(c, "neighbour", 0.6, ("bare",)) == 11
    assert reorder(c, "neighbour", 0.8, ("bare",)) == 10
    # Another form: untouched.
    assert reorder(c, "neighbour", 0.6, ("pronoun",)) == 10
    # Not the passage shown before on top: untouched.
    moved_on = _case("x", 20, [(10, 1.0), (11, 0.7)], (11,))
    assert reorder(moved_on, "neighbour", 0.0, ("bare",)) == 10


def test_previous_passage_moved_first() -> None:
    c = _case("x", 11, [(10, 1.0), (11, 0.9)], (11,), form="pronoun")
    assert reorder(c, "previous", 0.85, ("pronoun",)) == 11
    assert reorder(c, "previous", 0.95, ("pronoun",)) == 10


def test_loso_counts_only_what_transfers() -> None:
    # The neighbour answers in every set: the ratio fit on the others holds on the one left out.
    every = [_case(s, 10, [(10, 1.0), (11, 0.7)], (11,)) for s in ("a", "b", "c")]
    held, best, _ratio, moved = loso(every, "neighbour", ("bare",))
    assert (held, best) == (3, 3) and len(moved) == 3
    # It answers in one set only and loses in the others: in-sample it is never worth firing, and
    # left out, the one set's gain is not found by a fit on the others.
    one = [
        _case("a", 10, [(10, 1.0), (11, 0.7)], (11,)),
        _case("b", 10, [(10, 1.0), (11, 0.7)], (10,)),
        _case("c", 10, [(10, 1.0), (11, 0.7)], (10,)),
    ]
    held, best, ratio, moved = loso(one, "neighbour", ("bare",))
    assert held == 2 and best == 2 and ratio > 1 and moved == []
