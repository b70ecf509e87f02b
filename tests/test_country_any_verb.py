"""A country's name alone asked as a speaker, with any verb (qa.describe.COUNTRY_ANY_VERB): both the
leader's quotes and the writer's account of what the country claims are read (Features.doubt)."""

from __future__ import annotations

import dataclasses

import pytest
from hashindex import hash_engine, row

from qa import describe, rank

STRAIT = """Norway sends patrol boats to the strait

Norwegian Prime Minister Ola Berg says the fishing quotas in the strait will not be reopened

Updated Mar 4, 2024

"We will never give up the fishing rights our grandparents won in the strait," Berg told parliament in Oslo.

"The fishermen of the north deserve a government that stands with them," Berg said.

Norway has sent two patrol boats to the strait this month, claiming they are there to guard its trawlers against the winter storms.

The two governments are set to meet in Bergen later in March.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "strait", STRAIT)


def _aims(q: str) -> bool:
    return describe.country_aims(q, describe.subject_of(q))


def test_a_country_alone_with_a_verb_of_saying_is_doubtful() -> None:
    assert _aims("What does Moscow claim the rebels are doing?")
    assert _aims("How does Norway justify sending patrol boats?")
    assert _aims("What does Norway want to keep in the strait?")
    # A verb of wording asks for the words themselves: the leader's quote, one reading.
    assert not _aims("How does Moscow describe the rebels?")
    assert not _aims("What does Norway call the patrol boats?")
    # A person, a people or a country's office is asked by name or role: one reading.
    assert not _aims("What does the Norwegian minister want to keep?")
    assert not _aims("What did Ola Berg claim about the strait?")
    assert not _aims("What do the Americans claim about the talks?")


def test_the_switch_off_keeps_only_the_verbs_of_aim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(describe, "COUNTRY_ANY_VERB", False)
    assert not _aims("What does Moscow claim the rebels are doing?")
    assert not _aims("How does Norway justify sending patrol boats?")
    assert _aims("What does Norway want to keep in the strait?")


def test_the_writer_s_account_of_the_country_s_claim_is_scored(engine) -> None:  # type: ignore[no-untyped-def]
    q = "What does Norway claim its patrol boats are for?"
    f = rank.features(engine, q)
    assert f is not None
    if not f.direct.any():
        pytest.skip("the hash index credits no leader to the country here")
    assert f.alt is not None and (f.doubt == 1.0).all()
    account = row(engine, f, "claiming they are there to guard")
    quote = row(engine, f, "We will never give up")
    # The speech reading credits the leader's quote; the plain one lifts the writer's account.
    speech = rank.combine(f, dataclasses.replace(rank.WEIGHTS, narrator=0.0))
    mixed = rank.combine(f, rank.WEIGHTS)
    assert mixed[account] - mixed[quote] > speech[account] - speech[quote]
