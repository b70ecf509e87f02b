"""Speakers asked by office and place, organisation, relative clause or an office worded otherwise
(round 16): "the Norwegian prime minister", "Veltrax", "the columnist who walked off Channel Nine",
"the head of the Harbour Meals Trust", "the Vellmark senator".

Articles written for these tests: a prime minister named "Prime Minister X of Norway"; a columnist
described by an apposition and the clause after it; a company quoted as "the company" after the
sentence naming it; a group's executive director quoted as "she"; a senator whose state is named
only in what he said; a governor only mentioned, never quoted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import describe
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

LEADERS = """Leaders condemn the harbour bombing

Leaders across Europe were quick to offer condolences on Monday. Prime Minister Ingrid Holm of Norway
condemned "such a cowardly bombing" and declared a determination to "keep our harbours open."

In Oslo, Tomas Berg, a radio columnist who is blind, walked off the set of a Channel Nine program
after arguing with the host about the bombing.

"This was an attack on every one of us, whatever the host says," Mr. Berg said of the bomber.
"""

BILL = """Harbour bill passes after long debate

The bill drew wide attention, including from local employers such as Veltrax, which opposed it.
"We call on other businesses to join us in speaking out against this bill," the company said.

Governor Lena Brook of Vellmark has not commented on the bill.
"""

TRUST = """Speaker paid for harbour talks

His next talk, on May 28, was given to the Elms-based Harbour Meals Trust at the same rate. The
group's executive director, Ada Finch, said the talk had been booked a year ahead.

"It was an overwhelming success," she said. "We sold out and added more tables."
"""

UN = """Leaders meet at the UN

"We will work with any nation, including Iran and Norway, to end the war," US President Sam Reed said
at the UN on Tuesday.
"""

ROLL = """Delegates begin the roll call

"The great state of Vellmark is proud to cast its votes for the next president," US Senator Jon
Pratt said as he opened the roll call on Tuesday.
"""


def test_a_subject_never_ends_in_a_preposition() -> None:
    s = describe.subject_of("What did the former secretary of state say about the war?")
    assert s is not None and s.text == "former secretary of state"


def test_the_head_of_a_relative_clause_is_the_noun_before_it() -> None:
    s = describe.subject_of("What did the columnist who walked off Channel Nine say about it?")
    assert s is not None and describe._head_noun(s) == "columnist"


def test_a_role_of_a_party_reads_the_party_as_its_owner() -> None:
    s = describe.subject_of("What did the head of the Republican party say about the speech?")
    assert s is not None and (s.owner, s.head) == ("Republican party", "head")
    s = describe.subject_of("What did the head of Meals on Wheels Plus say about the event?")
    assert s is not None and (s.owner, s.head) == ("Meals on Wheels Plus", "head")


def test_contexts_keep_a_coordinated_title_and_a_place_after_the_name() -> None:
    text = "Former Secretary of State and Democratic frontrunner Hillary Clinton spoke on Monday."
    got = describe.contexts(text, ["Hillary Clinton", "Clinton"])
    assert "Former Secretary of State" in got and "Democratic frontrunner" in got
    both = "Both Agerblad and tattoo artist Zashay Tastas came."
    assert describe.contexts(both, ["Zashay Tastas"]) == ["tattoo artist"]  # no title before "and"
    assert "of Norway" in describe.contexts(LEADERS, ["Ingrid Holm", "Holm"])


def test_an_unnamed_body_takes_up_the_name_before_it() -> None:
    assert describe.body_antecedent(BILL, BILL.index('"We call')) == "Veltrax"
    at = TRUST.index("The\ngroup's")
    assert describe.body_antecedent(TRUST, at) == "Harbour Meals Trust"
    assert describe.body_antecedent("The company said so.", 0) == ""


@pytest.fixture(scope="module")
def harbour(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(
        tmp_path_factory,
        "described14",
        {"leaders": LEADERS, "bill": BILL, "trust": TRUST, "roll": ROLL, "un": UN},
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did the Norwegian prime minister say after the bombing?", "cowardly"),
        ("What did the columnist who walked off Channel Nine say about the bomber?", "every one of us"),
        ("What did Veltrax say about the bill?", "speaking out"),
        ("What did the Vellmark senator say as he opened the roll call?", "proud to cast"),
        ("How did the head of the Harbour Meals Trust describe the talk?", "overwhelming success"),
    ],
)
def test_a_source_asked_by_what_it_is_is_answered(harbour, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    a = ask(harbour, question)
    assert "not quoted" not in a.reason and "quote no" not in a.reason, a.reason
    assert not a.abstained and any(said in harbour.passages[h.pid].text for h in a.hits[:3])


@pytest.mark.parametrize(
    "question",
    [
        "What did the Vellmark governor say about the bill?",
        "What did Lena Brook say about the bill?",
        # Iran is named in what the US President said: no country of his titles.
        "What did Iran's president say at the UN?",
    ],
)
def test_a_person_never_quoted_is_still_declined(harbour, question: str) -> None:  # type: ignore[no-untyped-def]
    a = ask(harbour, question)
    assert a.abstained and ("not quoted" in a.reason or "quote no" in a.reason), a.reason
