"""Follow-ups on the previous answer's person (issue 9, deliver 2), over articles written for these
tests: after "Who is X?" the follow-up names X as the article does once it has introduced them;
"he" after a "who" question is the person the answer names, a quoted one a later passage names where
the first names no one new; "What else did he say?" takes his direct quotes, never another man's
"He says"; "And <question>?" stays on the passage just shown; "And X?" swaps the frame's other
person when X is not quoted in the conversation's article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.session import Conversation, _Turn

COURT = """Ballot challenge rejected

Two objectors, Lena Fortier and Walter Brandt, had challenged the senator's place on the ballot before the elections board.

The board ruled on Monday that the senator was eligible.

Brandt also filed a separate challenge against Governor Ray Olsen, which the board dismissed.

Brandt, a retired teacher from Dayton, said he would not appeal. "The board has spoken," Brandt said.
"""

SUMMIT = """Leaders meet at the summit

Premier Ivo Kral addressed the summit on Tuesday and defended the new pipeline.

Kral's speech followed that of Chancellor Maria Lenz, who also addressed the delegates shortly before Kral.

"We are ready to work with every neighbour, including the eastern states," Lenz said.

"The pipeline is a mistake that will cost us all," Lenz told the delegates.

"The pipeline will bring cheap gas to the region," Kral said. He said he was sure of it.

"Our farmers cannot wait another winter," Kral said.

Later, Kral insisted on keeping the pipeline route.

Economist Otto Brenner, of the Central Bank, doubts the gas price will fall. He says the route is too long.
"""

BUDGET = """Defence budget

Defence spending could fall to 1.1 percent of output next year, the ministry warned. That is well below the 2 percent target the alliance members agreed to spend.

The navy will receive four new frigates.
"""

TALKS = """Mayor weighs running mate offers

Mayor Dana Cole said she would consider offers from both Governor Sam Reed and Senator Paula Hart.

Hart would have to move to the centre, Cole said.

"And I'd have the same conversation for Sam," Cole said. "I think Sam can win."
"""

HART = """Senator Hart on roads

"We will repair every bridge in the state," Senator Paula Hart said.

"Roads come first," Governor Sam Reed said at a rally.
"""


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("answer-docs")
    for name, text in [
        ("court", COURT),
        ("summit", SUMMIT),
        ("budget", BUDGET),
        ("talks", TALKS),
        ("hart", HART),
    ]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("answer-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _pid(engine: Engine, words: str) -> int:
    return next(p.pid for p in engine.passages if words in p.text)


def _after(
    engine: Engine, question: str, shown: list[str], speakers: list[str] | None = None
) -> Conversation:
    """A conversation whose previous turn asked `question` and showed the passages holding `shown`,
    best first."""
    conv = Conversation(engine)
    pids = [_pid(engine, s) for s in shown]
    p = engine.passages[pids[0]]
    said = [x.speaker for x in engine.quotes_by_passage.get(p.pid, [])]
    conv.turns.append(
        _Turn(
            question,
            question,
            speakers if speakers is not None else conv._speakers(question),
            pids[0],
            said[0] if said else None,
            (p.start, p.end),
            tuple(pids),
        )
    )
    return conv


def test_after_who_is_the_follow_up_names_the_person_by_surname(news: Engine) -> None:
    conv = _after(news, "Who is Walter Brandt?", ["Two objectors"])
    plan = conv.resolve("Who else did he file a challenge against?")
    # As the article names him after introducing him: the given name pulls back to the introduction.
    assert plan.readings[0] == "Who else did Brandt file a challenge against?"
    assert not followup.garbled(plan.readings[0])


def test_a_surname_two_people_share_is_not_used(news: Engine) -> None:
    conv = _after(news, "Who is Governor Ray Olsen?", ["Brandt also filed"])
    # "Ray Olsen" is written alone nowhere: the name stays as asked.
    assert all("Olsen" in r for r in conv.resolve("What did he do?").readings)


def test_he_after_who_is_the_quoted_person_a_later_passage_names(news: Engine) -> None:
    # The first passage shown names only Kral, whom the question named: the person asked for is
    # the one a later passage shown names and the documents quote.
    conv = _after(
        news,
        "Who spoke at the summit just before Kral?",
        ["Premier Ivo Kral addressed", "Kral's speech followed"],
    )
    readings = conv.resolve("What did she say about the eastern states?").readings
    assert readings[0] == "What did Maria Lenz say about the eastern states?"


def test_a_non_speech_follow_up_keeps_the_description(news: Engine) -> None:
    conv = _after(
        news,
        "Who spoke at the summit just before Kral?",
        ["Premier Ivo Kral addressed", "Kral's speech followed"],
    )
    readings = conv.resolve("How old is she?").readings
    assert not any("Lenz" in r for r in readings[:1])


def test_what_else_takes_his_direct_quote_before_a_later_report(news: Engine) -> None:
    conv = _after(news, "Who said the farmers cannot wait another winter?", ['"Our farmers'])
    plan = conv.resolve("What else did he say?")
    # Not "Kral insisted on keeping the pipeline route", which comes next but reports what he did.
    assert plan.pinned == _pid(news, "will bring cheap gas")


def test_what_else_never_takes_another_mans_he_says(news: Engine) -> None:
    conv = _after(news, "What did Kral say about the route?", ["Later, Kral insisted"])
    plan = conv.resolve("What else did he say?")
    assert plan.pinned != _pid(news, "Economist Otto Brenner")


def test_and_a_question_stays_on_the_passage_shown(news: Engine) -> None:
    conv = _after(news, "What share of output could defence spending fall to?", ["Defence spending could"])
    plan = conv.resolve("And how much did the alliance members agree to spend?")
    assert plan.readings == ["How much did the alliance members agree to spend?"]
    assert _pid(news, "Defence spending could") in plan.focus


def test_and_x_swaps_the_frames_other_person_when_x_is_not_quoted_here(news: Engine) -> None:
    conv = _after(news, "What did Cole say Hart would have to do?", ["Hart would have to move"])
    readings = conv.resolve("And Reed?").readings
    # Reed is quoted, but in another article: here he is what Cole spoke of, as Hart was.
    assert readings[0] == "What did Cole say Reed would have to do?"
    assert "What did Reed say Hart would have to do?" in readings


def test_and_x_quoted_here_still_swaps_the_speaker(news: Engine) -> None:
    conv = _after(news, "What did Hart say about bridges?", ["We will repair every bridge"])
    assert conv.resolve("And Reed?").readings[0].startswith("What did Reed say")


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "Which social media companies made a deal with the government?",
            "the social media companies that made a deal with the government",
        ),
        ("Which data centres closed last year?", "the data centres that closed last year"),
        ("Which charities backed the report?", "the charities that backed the report"),
    ],
)
def test_an_irregular_plural_is_no_verb(question: str, text: str) -> None:
    from qa.referents import described

    got = described(question)
    assert got is not None and got.text == text and got.plural
