"""The modal auxiliaries the stop list lacks ("might", "must", "may") are no question term
(qa.query_reading.MODAL_WORDS): a passage using "might" of something else is no closer to the answer."""

from __future__ import annotations

import pytest
from hashindex import hash_engine, row

from qa import query_reading, rank

FERRY = """Ferry crews fear a strike at the harbour

Updated Mar 4, 2024

Harbour officials say they suspect the council's delay might end the ferry link before the summer season.

Union leaders warned that the crews of the northern ferries could be locked out by the harbour trust if the talks fail.

The ferry link to Velso was opened in May 2019 and carries two thousand passengers a week.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "ferrycrews", FERRY)


def test_modals_are_no_lexical_term(engine) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, "Whose crews might the harbour trust lock out?")
    assert "might" not in read.lexical and "might" not in read.covered
    assert "crew" in read.lexical or "crews" in read.lexical
    assert "must" not in query_reading._read(engine, "What must the council do?").lexical
    assert "may" not in query_reading._read(engine, "May the crews strike?").lexical


def test_may_the_month_stays(engine) -> None:  # type: ignore[no-untyped-def]
    read = query_reading._read(engine, "Was the link opened after the May 2019 vote?")
    assert "may" in read.lexical
    read = query_reading._read(engine, "was the link opened in may 2019")
    assert "may" in read.lexical


def test_the_switch_off_keeps_them(engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(query_reading, "MODAL_WORDS", False)
    assert "might" in query_reading._read(engine, "Whose crews might the harbour trust lock out?").lexical


def test_a_passage_sharing_only_the_modal_is_not_lifted(engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    q = "Whose crews might the harbour trust lock out?"
    f = rank.features(engine, q)
    assert f is not None
    on = rank.combine(f, rank.Weights())
    gold, other = row(engine, f, "could be locked out"), row(engine, f, "might end the ferry link")
    monkeypatch.setattr(query_reading, "MODAL_WORDS", False)
    f_off = rank.features(engine, q)
    assert f_off is not None
    off = rank.combine(f_off, rank.Weights())
    g_off, o_off = row(engine, f_off, "could be locked out"), row(engine, f_off, "might end the ferry link")
    # The gold's lead over the passage that shares only "might" grows once the modal is dropped.
    assert on[gold] - on[other] > off[g_off] - off[o_off]
