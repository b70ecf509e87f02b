"""The asked speaker's quote that follows the writer's lead reporting them reads the lead's words
(qa.candidate_features.LEAD_QUOTE): "What did Varga say about the harbour expansion?" is answered by
her own words after the lead "Varga told reporters the harbour expansion ...", not by the lead."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import candidate_features, query_reading, rank

# A mayor's lead and quote on the harbour, her earlier quote on the budget, a fisherman's quote.
HARBOUR = """Velso votes on its harbour

Updated Mar 4, 2024

"The budget is balanced for the first time in a decade, and we kept every library open," Mayor Jana Varga said at the council meeting on Monday.

Varga told reporters after the vote that the harbour expansion would bring hundreds of jobs to the town.

"We have waited twenty years for a deep-water berth, and I will not let this chance slip," she said.

Fisherman Olek Brand was less sure. "The dredging will drive the cod away from the bay for years," Brand said.
"""

QUESTION = "What did Varga say about the harbour expansion?"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "harbour", HARBOUR)


@pytest.fixture
def switch_off():  # type: ignore[no-untyped-def]
    """The switch off for one test, restored after it."""
    candidate_features.LEAD_QUOTE = False
    yield
    candidate_features.LEAD_QUOTE = True


def _pid(engine, words: str) -> int:  # type: ignore[no-untyped-def]
    return next(p.pid for p in engine.passages if words in p.text)


def test_the_quote_after_the_lead_reads_the_lead_terms(engine) -> None:  # type: ignore[no-untyped-def]
    wanted = query_reading._read(engine, QUESTION).wanted
    assert wanted[:1] == ["Jana Varga"]
    quote = engine.passages[_pid(engine, "deep-water berth")]
    got = candidate_features._lead_terms(engine, quote, wanted)
    assert engine.terms("harbour expansion") and set(engine.terms("harbour expansion")) <= got


def test_no_lead_terms_elsewhere(engine) -> None:  # type: ignore[no-untyped-def]
    wanted = query_reading._read(engine, QUESTION).wanted
    lead = engine.passages[_pid(engine, "told reporters")]
    assert candidate_features._lead_terms(engine, lead, wanted) == frozenset()  # a lead, no quote
    budget = engine.passages[_pid(engine, "budget is balanced")]
    assert candidate_features._lead_terms(engine, budget, wanted) == frozenset()  # nothing before it
    # Brand's quote follows Varga's quote, not a lead of Brand's
    brand = engine.passages[_pid(engine, "dredging")]
    assert candidate_features._lead_terms(engine, brand, ["Olek Brand"]) == frozenset()
    # another speaker asked: Varga's quote reads nothing of her lead
    quote = engine.passages[_pid(engine, "deep-water berth")]
    assert candidate_features._lead_terms(engine, quote, ["Olek Brand"]) == frozenset()


def test_her_quote_covers_the_question_as_the_lead_does(engine) -> None:  # type: ignore[no-untyped-def]
    qr = query_reading._read(engine, QUESTION)
    f = rank.features(engine, QUESTION, query=qr)
    assert f is not None
    quote = f.pids.index(_pid(engine, "deep-water berth"))
    lead = f.pids.index(_pid(engine, "told reporters"))
    budget = f.pids.index(_pid(engine, "budget is balanced"))
    assert f.cov_s[quote] >= f.cov_s[lead] > f.cov_s[budget]
    assert f.direct[quote] > 0 and f.reported[lead] > 0  # her own words, and the writer's report


def test_switch_off_the_quote_reads_only_its_own_words(engine, switch_off) -> None:  # type: ignore[no-untyped-def]
    qr = query_reading._read(engine, QUESTION)
    f = rank.features(engine, QUESTION, query=qr)
    assert f is not None
    on_pid = _pid(engine, "deep-water berth")
    i = f.pids.index(on_pid)
    off_cov = f.cov_p[i]
    candidate_features.LEAD_QUOTE = True
    g = rank.features(engine, QUESTION, query=qr)
    assert g is not None
    assert g.cov_p[g.pids.index(on_pid)] > off_cov
