"""A question-and-answer interview: an answer ("A: ...") is read with the interviewer's question it
answers ("Q: ..."), and is its speaker's own words (qa.interview, qa.candidate_features.INTERVIEW)."""

from __future__ import annotations

import pytest

from qa import candidate_features, interview, rank
from qa.engine import Engine
from tests.hashindex import hash_engine_of, row

INTERVIEW = """Mayor Okafor talks harbours and ambitions.

Portvale's mayor, Grace Okafor, spent two terms rebuilding the harbour. She sat down this week to talk about the ferry, the budget and her plans. Questions and answers have been edited for length.

QYou promised a ferry to Orkney in your first campaign. Why did that take eight years?

A: Because the moorings had to be rebuilt first, and nobody wanted to pay for concrete.

Q: Will you run for governor next year?

A: I'm not going to answer that. Ask me in the spring.

Q: What worries you most about the budget?

A: The pension bill. It doubles by the end of the decade, and the city has no plan for it.

We have put off that choice for twenty years, and the next council cannot put it off again.
"""

NEWS = """Council approves ferry budget

The council approved the ferry budget on Tuesday after the governor's office promised a grant.

QAnon posters appeared near the town hall last week, and the police removed them.

A: The council's answer to the grant was a unanimous vote, the clerk said.

Councillor Dan Reyes said the mayor would not say whether she would run for governor next year.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return hash_engine_of(tmp_path_factory, "interview30", {"okafor.txt": INTERVIEW, "council.txt": NEWS})


def _pid(engine: Engine, words: str) -> int:
    return next(p.pid for p in engine.passages if words in p.text)


def test_an_answer_is_read_with_its_question(engine: Engine) -> None:
    asked = interview.question_for(engine, _pid(engine, "not going to answer that"))
    assert [engine.passages[q].text for q in asked] == ["Q: Will you run for governor next year?"]
    # a bold "Q" whose markup was stripped opens a question too
    first = interview.question_for(engine, _pid(engine, "moorings had to be rebuilt"))
    assert engine.passages[first[0]].text.startswith("QYou promised a ferry")
    # the answer goes on past its "A:" paragraph, up to the next question
    later = interview.question_for(engine, _pid(engine, "put off that choice"))
    assert engine.passages[later[0]].text.startswith("Q: What worries you most")


def test_questions_introductions_and_other_articles_answer_nothing(engine: Engine) -> None:
    assert interview.question_for(engine, _pid(engine, "Will you run for governor")) == []
    assert interview.question_for(engine, _pid(engine, "spent two terms rebuilding")) == []
    # one "Q" and one "A:" paragraph is no interview ("QAnon posters ..."): two pairs are needed
    assert interview.question_for(engine, _pid(engine, "unanimous vote")) == []


def test_the_answer_outranks_its_question_and_the_reports_elsewhere(engine: Engine) -> None:
    question = "Will Grace Okafor say whether she'll run for governor?"
    top = rank.answer(engine, question, question, 3).hits[0].text
    assert top.startswith("A: I'm not going to answer that.")


def test_switched_off_the_answer_reads_only_its_own_words(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "What did Grace Okafor say worries her most about the budget?"
    on = rank.features(engine, question)
    assert on is not None
    at = row(engine, on, "The pension bill")
    monkeypatch.setattr(candidate_features, "INTERVIEW", False)
    off = rank.features(engine, question)
    assert off is not None
    at_off = row(engine, off, "The pension bill")
    assert on.cov_p[at] > off.cov_p[at_off]
    assert on.direct[at] > 0 and off.direct[at_off] == 0


def test_marks_and_the_pairs_they_make() -> None:
    assert interview.mark("Q: Why?") == "q"
    assert interview.mark("QWhy did you stay?") == "q"
    assert interview.mark("A: Because.") == "a"
    assert interview.mark("A. Because they asked.") == "a"
    assert interview.mark("QAnon posters appeared.") == "q"  # one such line alone makes no interview
    assert interview.mark("A.J. Smith said so.") == ""
    assert interview.mark("Quinn said no.") == ""
    assert interview.answered(["", "q", "a", "", "q", "a", "q"]) == [None, None, 1, 1, None, 4, None]
    assert interview.answered(["", "q", "a", "", ""]) == [None] * 5  # a single pair
    assert interview.answered(["q", "", "a", "q", "a", "q", "a"])[2] is None  # no question right before
