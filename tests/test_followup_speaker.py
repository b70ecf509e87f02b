"""Follow-ups that keep the speaker, over articles written for these tests.

What bench/followups.py found failing on PolNeAR train conversations, in the general case:
"What did he say about X?" and "And X?" answered by another person's words on X; "What did he say
next?" answered by an earlier passage; "Who said that?" answered from another article that repeats
the words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk as _talk

from qa import followup
from qa.engine import Engine
from qa.session import Conversation
from qa.types import Answer


def talk(engine: Engine, *questions: str) -> Answer:
    """The answer to the last of `questions`, which must have passages."""
    return _talk(engine, *questions, need_hits=True)


PORT = """Port authority faces questions

Harbour master Tom Reyes defended the dredging contract on Monday. "The channel must be deepened before the winter storms," Reyes said.

Councillor Ana Duarte said Tom Reyes had ordered the new cranes without asking the council, and that the cranes cost too much.

Reyes said the new cranes would arrive in March and that the port would hire forty dockers.

"We cannot let the ferries stop," he said. "The islanders depend on them."

Duarte said she would ask the auditor to examine the tender.

Later Reyes told reporters that the fishing fleet would keep its berths.

Asked about the old tender, Reyes called it "a mistake".
"""

MARKET = """Fish market moves to the quay

The fish market will move to the new quay, the port authority said. "The old hall is falling apart," said trader Lena Moss.

Moss said the fishing fleet welcomed the move but feared higher berth fees for the fishing fleet and its berths.
"""

FERRY = """Ferry timetable cut

A ferry operator, Piet Laan, said on Tuesday that he would cut the winter timetable. Passengers carried signs reading "We cannot let the ferries stop" outside his office.

Islanders called the cut "a mistake", a mistake that would empty the islands, and a mistake by the operator.
"""

CRANES = """Cranes arrive early

Tom Reyes said the cranes were the biggest cranes the port had ever bought, and that the cranes came from Rotterdam.
"""


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The three articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("port-docs")
    for name, text in [("port", PORT), ("market", MARKET), ("ferry", FERRY), ("cranes", CRANES)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("port-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_about_with_a_pronoun_keeps_the_speaker_and_finds_his_words_on_it(port: Engine) -> None:
    # Duarte's passage names Reyes and the cranes twice; Reyes' own words on the cranes answer.
    a = talk(port, "What did Reyes say about the channel?", "What did he say about the cranes?")
    assert "Reyes" in a.searched
    assert a.hits[0].text.startswith("Reyes said the new cranes"), a.hits[0].text


def test_about_with_a_pronoun_stays_on_the_article(port: Engine) -> None:
    # Reyes speaks of the cranes at more length in another article; the conversation is on this one.
    a = talk(port, "What did Reyes say about the channel?", "What did he say about the cranes?")
    assert Path(a.hits[0].source).name == "port.txt", a.hits[0].text


def test_and_a_topic_keeps_the_speaker_and_the_article(port: Engine) -> None:
    # The market article says "fishing fleet" twice, but Moss said it: Reyes' words are asked for.
    a = talk(port, "What did Reyes say about the channel?", "And the fishing fleet?")
    assert a.searched == "What did Reyes say about the fishing fleet?"
    assert a.hits[0].text.startswith("Later Reyes told reporters"), a.hits[0].text


def test_next_is_never_an_earlier_passage(port: Engine) -> None:
    a = talk(port, "What did Reyes say about the ferries?", "What did he say next?")
    assert Path(a.hits[0].source).name == "port.txt"
    assert a.hits[0].text.startswith("Later Reyes told reporters"), a.hits[0].text


def test_next_after_the_last_quote_is_not_an_earlier_one(port: Engine) -> None:
    # Nothing of Reyes' follows his last words: an earlier passage is no answer to "next".
    a = talk(port, "What did Reyes say about the old tender?", "What did he say next?")
    earlier = PORT[: PORT.index("Asked about the old tender")]
    assert not (Path(a.hits[0].source).name == "port.txt" and a.hits[0].text in earlier), a.hits[0].text


def test_next_after_the_first_quote(port: Engine) -> None:
    a = talk(port, "What did Reyes say about the winter storms?", "What did he say next?")
    assert a.hits[0].text.startswith("Reyes said the new cranes"), a.hits[0].text


def test_who_said_that_names_the_attributed_speaker_on_the_passage_shown(port: Engine) -> None:
    # The ferry article repeats the words on a sign; the port article's quote is Reyes'.
    first = talk(port, "What did Reyes say about the ferries?")
    assert "ferries stop" in first.hits[0].text
    a = talk(port, "What did Reyes say about the ferries?", "Who said that?")
    assert a.hits[0].text == first.hits[0].text
    assert a.hits[0].speaker == "Tom Reyes"
    assert not a.abstained


def test_who_said_a_short_quote_stays_on_the_passage_shown(port: Engine) -> None:
    # "a mistake" is said three times in the ferry article, by islanders: the passage shown is Reyes'.
    first = talk(port, "What did Reyes say about the old tender?")
    assert "a mistake" in first.hits[0].text
    a = talk(port, "What did Reyes say about the old tender?", "Who said that?")
    assert a.hits[0].text == first.hits[0].text
    assert a.hits[0].speaker == "Tom Reyes"


def test_who_said_that_after_a_declined_question_searches_it_again(port: Engine) -> None:
    # Nothing was shown (the article gives no date for the move): "that" is what the question asked
    # for, so it is searched again rather than "who said that" as typed, which any passage saying
    # "who said that" would answer; never garbled.
    conv = Conversation(port)
    first = conv.ask("When will the fish market move?", 5)
    assert first.abstained
    a = conv.ask("Who said that?", 5)
    assert a.searched == "When will the fish market move?"
    assert not followup.garbled(a.searched)


@pytest.mark.parametrize(
    "first,follow",
    [
        ("What did Reyes say about the channel?", "What did he say about the cranes?"),
        ("What did Reyes say about the channel?", "And the fishing fleet?"),
        ("What did Reyes say about the channel?", "And Duarte?"),
        ("What did Duarte say about the cranes?", "What did she say next?"),
        ("What did Duarte say about the cranes?", "And what did she say about the tender?"),
        ("What did Moss say about the old hall?", "Why?"),
        ("What did Moss say about the old hall?", "Who said that?"),
        ("What did Laan say about the timetable?", "When was that?"),
        ("What did Laan say about the timetable?", "And Reyes?"),
        ("What did Reyes say about the dockers?", "And his cranes?"),
    ],
)
def test_rewrites_read_as_questions(port: Engine, first: str, follow: str) -> None:
    conv = Conversation(port)
    conv.ask(first, 5)
    a = conv.ask(follow, 5)
    assert not followup.garbled(a.searched), a.searched


def test_when_was_that_stays_on_the_article(port: Engine) -> None:
    a = talk(port, "What did Laan say about the timetable?", "When was that?")
    assert Path(a.hits[0].source).name == "ferry.txt", a.hits[0].text


def test_a_surname_finds_the_speaker_known_by_full_name(port: Engine) -> None:
    conv = Conversation(port)
    full = {s.name for s in port.speakers_index if s.name.split()[-1] == "Reyes"}
    assert set(conv._people("What did Reyes say?")) >= full
    assert conv._people("What did Nobody say?") == []


def test_what_else_after_the_last_quote_is_an_earlier_quote_of_theirs(port: Engine) -> None:
    # Nothing of Reyes' follows his last words: "what else" is other words of his, not the next
    # passage, whoever speaks there.
    a = talk(port, "What did Reyes say about the old tender?", "What else did he say?")
    assert a.searched == "What else did Tom Reyes say?" or "Reyes" in a.searched, a.searched
    # His direct quote before it ('"We cannot let the ferries stop," he said'), credited to him.
    assert "mistake" not in a.hits[0].text, a.hits[0].text
    assert any(x for x in port.quotes_by_passage.get(a.hits[0].pid, []) if x.speaker == "Tom Reyes")


def test_what_else_of_a_speaker_quoted_once_is_the_passage_shown(port: Engine) -> None:
    # Laan is quoted in one passage: the rest of his words are there, not in the islanders' passage.
    first = talk(port, "What did Laan say about the winter timetable?")
    a = talk(port, "What did Laan say about the winter timetable?", "What else did he say?")
    assert a.hits[0].pid == first.hits[0].pid, a.hits[0].text


def test_what_else_reads_as_a_question(port: Engine) -> None:
    assert followup.read("What else did she say?") == followup.Kind("next", word="else", target="she")
    assert followup.read("What did she say next?") == followup.Kind("next", target="she")
