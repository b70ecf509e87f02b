"""Follow-ups over several articles that quote the same people, written for these tests.

What bench/followups.py found failing on PolNeAR train conversations, in the general case:
"And X?" where X never spoke to the first speaker's topic, X quoted in more than one article,
a "he" whose gender the article's other pronouns hide, and "What did he say next?".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.referents import gender_in
from qa.session import Conversation

HARBOUR = """Harbour plan splits council

Mayor Mara Lind defended the harbour plan on Monday. "The harbour will bring two thousand jobs," Lind said.

Her approval ratings have fallen since the spring, and her critics say she moved too fast.

Pollster Owen Pike said the plan was unpopular with older voters. "People here remember the last harbour scheme and its empty warehouses," he said.

Councillor Ruth Amos said the budget for dredging the channel was far too small.

The council votes on the plan in June, after a public hearing at the town hall.

Later Pike said the mayor could still win the vote if she explained the costs to pensioners.
"""

SCHOOLS = """Lind promises three new schools

Mayor Mara Lind said on Friday that three schools would open by 2027. "Every child deserves a classroom with windows," Lind said.

Union leader Ben Osei welcomed the promise but said the funding was unclear.
"""

POLL = """Lind's ratings fall again

Lind's ratings have fallen for a third month, a poll found on Tuesday.

Pollster Owen Pike noted that Lind has been able to rebound in the past and said she can do so again. "There is still room to improve," he said.

Her rivals said her harbour plan had cost her votes among pensioners.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The three articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("towns-docs")
    for name, text in [("harbour", HARBOUR), ("schools", SCHOOLS), ("poll", POLL)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("towns-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def ask(engine: Engine, *questions: str) -> tuple[str, str, str]:
    """The last question's searched form, and its top passage's text and document file name."""
    conv = Conversation(engine)
    answer = None
    for q in questions:
        answer = conv.ask(q, 5)
    assert answer is not None and answer.hits, answer
    return answer.searched, answer.hits[0].text, Path(answer.hits[0].source).name


def test_and_another_speaker_who_never_spoke_to_the_topic(towns: Engine) -> None:
    # Lind said nothing about dredging: "And Lind?" asks what she said, in this article.
    searched, text, source = ask(towns, "What did Amos say about dredging?", "And Lind?")
    assert searched.startswith("What did Lind say")
    assert source == "harbour.txt"
    assert "two thousand jobs" in text


def test_and_a_speaker_quoted_in_several_articles_stays_on_the_article(towns: Engine) -> None:
    _, text, source = ask(towns, "What did Pike say about older voters?", "And Lind?")
    assert source == "harbour.txt", text


def test_and_a_topic_word_stays_a_topic(towns: Engine) -> None:
    searched, _, _ = ask(towns, "What did Pike say about older voters?", "And pensioners?")
    assert searched == "What did Pike say about pensioners?"


def test_he_after_a_quote_outweighs_her_of_another_person() -> None:
    # "said she can do so again" is Lind; '"...," he said' is Pike.
    assert gender_in("Owen Pike", POLL) == "m"
    assert gender_in("Mara Lind", HARBOUR) == "f"


def test_what_did_he_say_next_is_his_next_quote(towns: Engine) -> None:
    _, text, source = ask(towns, "What did Pike say about older voters?", "What did he say next?")
    assert source == "harbour.txt"
    assert "could still win" in text


def test_drop_topic() -> None:
    assert followup.drop_topic("What did Ward say about the ruling?") == "What did Ward say?"
    assert followup.drop_topic("What did Ward say?") is None
    assert followup.drop_topic("What about taxes?") is None
