"""Follow-ups anchored in the conversation's article: "What did she write in her email?" after "Who
is X?" finds X's words written in an email, "Why didn't she speak at the meeting?" the passage that
says why, "And what parking fee?" keeps the previous question's frame, and "she" agrees with a given
name the pronouns of a two-person article get wrong.

Articles written for these tests; the hash embedder indexes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import followup
from qa.engine import Engine
from qa.referents import gender_in, given_name_gender

FERRY = """Harbour council delays ferry contract

Lena Marsh, the council's harbour director, told reporters on Monday that the ferry contract would wait until the spring. "We need more bids before we sign anything," Marsh said.

The council has proposed a ferry fare of four pounds for adults and a parking fee of two pounds at the terminal.

Councillor Tom Reyes questioned why Marsh had not spoken at the public meeting on Thursday. Marsh later said she had been called away to a flood warning on the coast.

"The old ferry will keep running all winter, whatever the weather," Marsh wrote in an email to residents.

Marsh said in a statement that two more shipping firms had been asked to bid for the contract.

Reyes said the delay would cost the town its summer timetable.
"""

RAIL = """Rail firm cuts weekend trains

The rail company said in a statement that weekend trains would be cut from March because of a shortage of drivers.

In an email to staff, the operations manager wrote that overtime would be offered to every driver.

Passengers said the cuts would leave the coast without a Sunday service.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The two articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("harbour-docs")
    for name, text in [("ferry", FERRY), ("rail", RAIL)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("harbour-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_the_medium_of_a_speech_question() -> None:
    assert followup.medium("What did Lena Marsh say in her statement?") == "statement"
    assert followup.medium("What did she write in her email to residents?") == "email"
    assert followup.medium("What did he tell reporters in a brief telephone interview?") == "interview"
    assert followup.medium("What did he say in the interview with CNN?") == "interview"
    assert followup.medium("Where did he live in the 1990s?") == ""  # no verb of speech
    assert followup.medium("What did Marsh say in 2010?") == ""


def test_and_what_noun_is_read_in_the_previous_frame() -> None:
    kind = followup.read("And what income tax rate?")
    assert kind.name == "frame" and kind.target == "income tax rate"
    prev = "What business tax has Ted Cruz proposed?"
    assert followup.reframe(prev, kind) == "What income tax rate has Ted Cruz proposed?"
    much = followup.read("and how much money?")
    assert followup.reframe("How many votes did the Republican candidate get?", much) == (
        "How much money did the Republican candidate get?"
    )
    # Not a noun phrase of its own: a question, "else", or a pronoun.
    assert followup.read("And what did he say?").name == "pronoun"
    assert followup.read("And what else?").name != "frame"
    assert followup.read("What happened?").name == "own"  # no lead word: a question of its own
    assert followup.reframe("Who won the vote?", kind) is None  # no "What <noun> <aux> ..." frame


def test_a_given_name_decides_before_the_pronouns() -> None:
    # Two people of either gender in one sentence: the pronouns after each name are the other's.
    text = (
        "In a February email exchange, Jake Morrow had to explain to Hillary Vance that he couldn't "
        "send her the memo. Vance asked again. Morrow said he would try. Vance said he should hurry."
    )
    assert gender_in("Hillary Vance", text) == "f"
    assert gender_in("Jake Morrow", text) == "m"
    assert given_name_gender(["British", "Prime", "Minister", "Tony", "Blair"]) == "m"
    assert given_name_gender(["Vance"]) is None  # a surname alone says nothing
    # An honorific the text gives still decides first.
    assert gender_in("Kim Lee", "Mrs. Lee said the road would open. Kim Lee said he was wrong.") == "f"


def test_she_writes_in_her_email(harbour: Engine) -> None:
    a = talk(harbour, "Who is Lena Marsh?", "What did she write in her email?")
    # By surname, as the article names her after introducing her (fup13).
    assert a.searched == "What did Marsh write in her email?"
    assert Path(a.hits[0].source).name == "ferry.txt", a.hits[0].text
    assert "wrote in an email" in a.hits[0].text, a.hits[0].text


def test_she_says_in_her_statement(harbour: Engine) -> None:
    a = talk(harbour, "Who is Lena Marsh?", "What did she say in her statement?")
    assert "Marsh" in a.searched and not followup.garbled(a.searched)
    assert "said in a statement that two more shipping firms" in a.hits[0].text, a.hits[0].text


def test_a_why_after_who_is_finds_the_passage_that_says_why(harbour: Engine) -> None:
    a = talk(harbour, "Who is Lena Marsh?", "Why didn't she speak at the public meeting?")
    assert a.searched == "Why didn't Marsh speak at the public meeting?"
    assert a.hits[0].text.startswith("Councillor Tom Reyes questioned why Marsh"), a.hits[0].text


def test_and_what_parking_fee(harbour: Engine) -> None:
    a = talk(harbour, "What ferry fare has the council proposed?", "And what parking fee?")
    assert a.searched == "What parking fee has the council proposed?"
    assert "parking fee of two pounds" in a.hits[0].text, a.hits[0].text


def test_a_given_name_opening_a_name_is_a_person() -> None:
    from qa.referents import kind_of_name

    # "bill" is an organisation's word ("the bill"); "Bill Dombrowski" is still a person.
    assert kind_of_name("Bill Dombrowski", "m", True).kind == "person"
    assert kind_of_name("Bill Dombrowski", None, True).kind == "person"
    assert kind_of_name("Harbour Council", None, True).kind == "group"


def test_and_what_now_is_no_frame() -> None:
    assert followup.read("And what now?").name != "frame"
    assert followup.read("So what exactly?").name != "frame"
