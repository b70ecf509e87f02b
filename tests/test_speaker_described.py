"""Speakers asked by office, description or group (round spk13): "the chairman of the Veyra Ferry
Trust", "the Harbour Nights star", "the Elms ballot commission", "Elms Democrats".

Articles written for these tests: a trust's chairman quoted after a relative clause that names the
trust; a presenter described by a show in quote marks; a commission first described in full, then
quoted as "the commission"; a poll's share of a party's voters; a person only named, never quoted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.docstore import QuoteRow
from index.model import Speaker
from qa import abstain, describe
from qa.attributions import unnamed_source
from qa.engine import Engine
from tests.speaker_helpers import ask, speaker_engine

TRUST = """Ferry trust attacks the fare rise

The Veyra Ferry Trust said on Monday that the new fares would drive families off the island.

"Nobody asked the people who use the boats every day, and the council has simply ignored us," Nell
Ormond, who is chairman of the Veyra Ferry Trust, said in a statement.

The council's transport office has not replied. Harbour master Piet Vos was not available.
"""

SHOW = """Presenter weighs a run for mayor

"It's too early to say whether I will stand," said Dara Quill, who is also a host on the TV show
"Harbour Nights." The election is next May.

Quill said the town's budget was "a mess that nobody wants to own."
"""

BALLOT = """Ballot dispute goes to court

A candidate's place on the ballot was upheld on Tuesday by the Elms board of elections.

But an Elms ballot commission in March was more cautious. A ruling by a court, the commission said,
"would settle the dispute for every voter."
"""

POLL = """Poll shows doubts among Elms Democrats

Asked how likely their candidate was to win in November, 21 percent of Democrats said "not too
likely", according to the exit poll.
"""


def _terms(text: str) -> list[str]:
    return [
        w.strip(".,\"'“”") for w in text.lower().replace("'s", " ").split() if len(w.strip(".,\"'“”")) > 2
    ]


def test_a_role_of_a_named_body_reads_the_body_as_its_owner() -> None:
    s = describe.subject_of("What did the chairman of Our Principles PAC say about the debate?")
    assert s is not None and (s.owner, s.head) == ("Our Principles PAC", "chairman")
    s = describe.subject_of("What did the Office for Students say about the report?")
    assert s is not None and s.owner != "Students"  # a name, not a role of one


def test_a_quoted_show_title_stays_in_the_description() -> None:
    got = describe.contexts(SHOW, ["Dara Quill", "Quill"])
    assert any("Harbour Nights" in c for c in got)


def test_a_definite_description_takes_up_its_fuller_first_mention() -> None:
    at = BALLOT.index("the commission said")
    assert describe.antecedent(BALLOT, at, "the commission") == "Elms ballot commission"
    assert describe.antecedent(BALLOT, at, "commission") == ""  # no determiner: not a definite description
    assert describe.antecedent(BALLOT, 10, "the commission") == ""  # nothing before it


def _profiles() -> dict[str, describe.Profile]:
    speakers = [
        Speaker("Dara Quill", ("Quill",)),
        Speaker("Nell Ormond", ("Ormond",)),
        Speaker("Harbour Star", ()),
    ]
    texts = {0: SHOW, 1: TRUST, 2: "The Harbour Star said the star of the show was late."}
    quotes = [
        QuoteRow(0, 10, 20, "Dara Quill", "said", True, "Dara Quill"),
        QuoteRow(1, 10, 20, "Nell Ormond", "said", True, "Nell Ormond"),
        QuoteRow(2, 10, 20, "Harbour Star", "said", True, "The Harbour Star"),
    ]
    return describe.profiles(speakers, quotes, lambda d: texts[d], _terms)


def test_a_role_worded_otherwise_is_matched_by_its_owner() -> None:
    subject = describe.subject_of("What did the Harbour Nights star say about the budget?")
    assert subject is not None and (subject.owner, subject.head) == ("Harbour Nights", "star")
    ranked = describe.match(subject, _profiles(), _terms, lambda t: 1.0)
    assert ranked[0][0] == "Dara Quill"  # "host on the TV show Harbour Nights"


def test_described_sources_and_groups_are_labelled_by_their_wording() -> None:
    assert unnamed_source("the commission") == "commission"
    assert unnamed_source("a voice over") == "voice over"
    assert unnamed_source("21 percent of Democrats") == "21 percent of democrats"
    assert unnamed_source("Democrats in Iowa") == "democrats in iowa"
    assert unnamed_source("a spokeswoman for Oxford University") == "spokeswoman for oxford university"
    assert unnamed_source("Republicans") == "republicans"
    for no in ("they", "the", "The Times", "asked", "21 percent"):
        assert unnamed_source(no) == "", no


def test_a_name_the_documents_never_write_is_no_evidence_of_silence() -> None:
    ev = abstain.speaker_evidence(
        [("Vladimir Putin", ["Putin"])], {"Vladimir Putin"}, ["Russian President Vladimir Putin"]
    )
    assert abstain.unquoted_speaker("the Kremlin leader", ev) == "the documents quote no Kremlin leader"
    assert abstain.unquoted_speaker("the Kremlin leader", ev, known=lambda n: n != "Kremlin") == ""


@pytest.fixture(scope="module")
def elms(qa_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return speaker_engine(
        tmp_path_factory, "described", {"trust": TRUST, "show": SHOW, "ballot": BALLOT, "poll": POLL}
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did the chairman of the Veyra Ferry Trust say about the fares?", "Nobody asked"),
        ("What did the Harbour Nights star say about the election?", "too early"),
        ("What did the Elms ballot commission say a ruling would do?", "settle the dispute"),
    ],
)
def test_a_described_quoted_source_is_answered(elms, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    a = ask(elms, question)
    assert "not quoted" not in a.reason and "quote no" not in a.reason, a.reason
    assert not a.abstained and any(said in elms.passages[h.pid].text for h in a.hits[:3])


def test_a_named_person_never_quoted_is_still_declined(elms) -> None:  # type: ignore[no-untyped-def]
    a = ask(elms, "What did Piet Vos say about the fares?")
    assert a.abstained and ("not quoted" in a.reason or "quote no" in a.reason), a.reason


@pytest.mark.parametrize(
    ("question", "stance"),
    [
        ("What worries Karl Dent about the harbour plans?", True),
        ("What surprised Dara Quill most at the rally?", True),
        ("Where does the Green Party lawmaker draw the line on free speech?", True),
        ("Where does Nell Ormond stand on the fares?", True),
        ("What worries have Elms officials voiced about the fares?", False),  # "worries" is a noun
        ("What worries investors?", False),
        ("Where did the ferry sink?", False),
    ],
)
def test_a_stance_question_asks_for_the_persons_words(question: str, stance: bool) -> None:
    from qa.question import is_speech_question

    assert is_speech_question(question) is stance
