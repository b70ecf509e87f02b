"""Issue 9, round 14: the question's words beside the asked value (Features.bound), the question's
numerals found as written (Features.numeral), and a "say" question's passages whose attributions are beliefs
only (Features.belief).

Articles written for these tests; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hashindex import hash_engine, row

from qa import rank, typed_evidence

CHARTER = """The Harbour Charter

The Harbour Charter was drafted by the port council in 1971 and debated for years.

In the 1980s, Mayor Odile Ferrant led the campaign against the Harbour Charter, and the charter
finally expired on March 3, 1989, two votes short.

The council's lawyer Tomas Brenner did not reply to a request for comment. Asked about Ferrant,
Councillor Ines Maro said she had never met her.

"The charter was a mistake from the start," Ferrant said. "We will not bring it back."

Fueled by anger, Ferrant explained the council's charter vote was a mistake and the council should resign.

Ferrant wants the port council to hold a new vote on the harbour fees next spring.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine(tmp_path_factory, "charter", CHARTER)


def test_the_date_beside_the_asked_event_binds_it(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When did the Harbour Charter expire?")
    assert f is not None and f.bound.shape == (len(f.pids), len(typed_evidence.BOUND_WINDOWS))
    near = row(engine, f, "finally expired")
    far = row(engine, f, "drafted by the port council")
    # "charter finally expired on March 3, 1989": the asked event stands beside the date.
    # "drafted ... in 1971": a date of the charter, but of another event (the drafting).
    assert f.bound[near, 0] > f.bound[far, 0]
    # Wider windows never hold fewer of the question's words.
    assert np.all(np.diff(f.bound, axis=1) >= 0)


def test_who_binds_the_name_beside_the_asked_role(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "Who is the council's lawyer?")
    assert f is not None
    lawyer = row(engine, f, "lawyer Tomas Brenner")
    assert f.bound[lawyer, 0] > 0.5


def test_a_value_the_question_already_gives_binds_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What happened in the Harbour Charter in 1971?")
    assert f is not None and not f.bound.any()  # no answer type asked: not read
    f = rank.features(engine, "When was the Harbour Charter drafted in 1971?")
    assert f is not None
    # "1971" is the question's own date: the drafting passage holds no other date beside its words.
    assert f.bound[row(engine, f, "drafted by the port council"), 0] == 0.0


def test_bound_costs_its_weight_only_in_the_chosen_window(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "When did the Harbour Charter expire?")
    assert f is not None
    off = replace(rank.WEIGHTS, bound=0.0)
    for k in range(len(typed_evidence.BOUND_WINDOWS)):
        on = replace(rank.WEIGHTS, bound=0.5, bound_window=k)
        assert np.allclose(rank.combine(f, on) - rank.combine(f, off), 0.5 * f.bound[:, k])


def test_the_question_numeral_found_as_written(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What happened in 1989?")
    assert f is not None
    assert f.numeral[row(engine, f, "March 3, 1989")] == 1.0
    assert f.numeral[row(engine, f, "drafted by the port council")] == 0.0
    g = rank.features(engine, "What did Ferrant lead?")
    assert g is not None and not g.numeral.any()


def test_a_say_question_marks_passages_whose_attributions_are_beliefs_only(engine) -> None:  # type: ignore[no-untyped-def]
    f = rank.features(engine, "What did Ferrant say about the harbour fees?")
    assert f is not None and f.belief.size == len(f.pids)
    assert f.belief[row(engine, f, "Ferrant wants")] == 1.0
    assert f.belief[row(engine, f, "a mistake from the start")] == 0.0  # a direct quote is speech
    g = rank.features(engine, "What does Ferrant want for the harbour fees?")
    assert g is not None and not g.belief.any()  # asked for a want, not for words
    off = replace(rank.WEIGHTS, belief=0.0)
    on = replace(rank.WEIGHTS, belief=0.3)
    assert np.allclose(rank.combine(f, off) - rank.combine(f, on), 0.3 * f.belief)
