"""Round 27's wrong declines: seats of government of two words and answer-kind nouns.

Each test asks an article written here; bench/reports/wrong27.md has the read-set questions each
reading was declined on.
"""

from __future__ import annotations

import pytest

from index.lexical import terms
from qa import cover, equivalents
from qa.engine import Engine
from qa.session import Conversation
from tests.hashindex import hash_engine

RIVER = (
    "Neighbours sign Red River dam pact\n\n"
    "The United States wants the old dam on the Red River closed by the spring, and it has offered "
    "to pay for half of the work, officials said on Tuesday.\n\n"
    '"We will work with any partner to keep the river clean," US President Martha Kline said at the '
    "signing in Winnipeg.\n\n"
    "The council says it is closing the dam because its concrete is cracking and the spring floods "
    "could break it.\n\n"
    'Russia sent two observers to the signing. "Rivers belong to everyone who lives beside them," '
    "Russian President Ivan Petrov said in a statement read to reporters.\n"
)


@pytest.fixture(scope="module")
def river(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine(tmp_path_factory, "river", RIVER)


def _content(word: str) -> bool:
    return bool(terms(word))


def test_the_words_of_a_seat_of_government_are_its_countrys_where_the_documents_name_it() -> None:
    used = {"united states", "us"}.__contains__
    assert equivalents.seat_words("What does the White House's envoy want?", used) == {"White", "House's"}
    assert equivalents.seat_words("what does the white house want", used) == {"white", "house"}
    # A country the documents never name: the seat's words stay unknown names.
    assert equivalents.seat_words("What does Downing Street want?", used) == set()
    assert equivalents.seat_words("Who lives in the White Tower?", used) == set()


def test_an_asked_white_house_is_the_united_states_the_documents_name(river: Engine) -> None:
    # Was declined "the documents do not mention White" (each capitalised word read alone).
    answer = Conversation(river).ask("What does the White House want done with the dam?", 3)
    assert "White" not in answer.reason and "House" not in answer.reason
    assert not answer.abstained
    assert "closed by the spring" in answer.passages[0].text


def test_a_seat_of_a_country_the_documents_never_name_is_still_unknown(river: Engine) -> None:
    answer = Conversation(river).ask("What does Downing Street want done with the dam?", 3)
    assert answer.abstained and "Downing" in answer.reason


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What reason does the council give for closing the dam?", "reason"),
        ("Which speaker at the signing praised the river?", "speaker"),
        ("What subject is likely to dominate the talks?", "subject"),
    ],
)
def test_an_asked_noun_that_names_only_the_kind_of_answer_is_scaffold(question: str, kind: str) -> None:
    assert cover.roles(question, _content)[kind] == "scaffold"


def test_other_asked_nouns_are_still_the_head() -> None:
    role = cover.roles("What sanctions has the council imposed on the port?", _content)
    assert role["sanctions"] == "head"
    assert cover.roles("What was the result of the vote?", _content)["result"] == "head"


def test_a_reason_asked_by_its_noun_is_not_declined_for_the_noun(river: Engine) -> None:
    # Was declined "the documents do not cover: reason": the article gives it as "because".
    answer = Conversation(river).ask("What reason does the council give for closing the dam?", 3)
    assert "do not cover" not in answer.reason
    assert not answer.abstained
    assert "cracking" in answer.passages[0].text
