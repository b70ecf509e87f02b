"""Issue 9, round 14: a "say" question's passages whose attributions are beliefs only
(Features.belief). (Features.bound and Features.numeral, the question's words beside the asked value
and its numerals found as written, were removed in round 22: their weights stayed 0 in every fit,
bench/reports/clean22.md.)

Articles written for these tests; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hashindex import hash_engine, row

from qa import rank

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
