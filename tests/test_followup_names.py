"""One person, one name across the documents of an index (qa.names, Engine.form), and follow-ups
that name the person as the conversation's article does.

Two articles written for these tests name one person differently ("Mara J. Okafor" in one,
"Mara Okafor" in the other); a third quotes another person who shares her surname.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conversation import talk

from qa import names, question
from qa.engine import Engine

BRIDGE = """Toll bridge plan divides the valley

Transport minister Mara J. Okafor defended the toll bridge on Monday. "The bridge will pay for itself within twenty years," Okafor said.

Okafor said the tolls would fall once the loan was repaid, and that cyclists would cross for free.

Farmers said the tolls would cut them off from the market town.

"We will not build a road that nobody can afford to use," she said later.
"""

RAIL = """Rail line to reopen

Mara Okafor, the transport minister, said the old rail line would reopen next spring. "Trains are the future of this valley," Okafor said.

Okafor said the station at Millbrook would be rebuilt with a new footbridge.

"The timetable will have a train every hour," Okafor told reporters.

Okafor also said the line would carry freight at night.
"""

SCHOOL = """School roof repaired

Headteacher Paul Okafor said the school roof had been repaired before the winter. "The pupils are back in their classrooms," Paul Okafor said.
"""


@pytest.fixture(scope="module")
def valley(tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The three articles indexed with the hash embedder."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("valley-docs")
    for name, text in [("bridge", BRIDGE), ("rail", RAIL), ("school", SCHOOL)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("valley-index") / "index"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def test_merge_adds_a_middle_initial_or_name() -> None:
    got = names.merge(["Donald J. Trump", "Donald Trump", "Hillary Rodham Clinton", "Hillary Clinton"])
    assert got["Donald Trump"] == got["Donald J. Trump"] == "Donald J. Trump"
    assert got["Hillary Clinton"] == got["Hillary Rodham Clinton"]


def test_merge_names_a_group_by_its_most_quoted_form() -> None:
    got = names.merge(["Jo K. Lund", "Jo Lund"], {"Jo K. Lund": 1, "Jo Lund": 5})
    assert got == {"Jo K. Lund": "Jo Lund", "Jo Lund": "Jo Lund"}


def test_merge_never_joins_two_given_names_or_two_middles() -> None:
    got = names.merge(["Paul Okafor", "Mara Okafor", "George W. Bush", "George P. Bush", "George Bush"])
    assert all(got[n] == n for n in got), got  # "George Bush" fits both middles: left apart


def test_a_suffix_keeps_father_and_son_apart() -> None:
    got = names.merge(["Ray Tallis Jr.", "Ray Tallis III", "Ray Tallis", "Ray T. Tallis Jr."])
    assert got["Ray Tallis Jr."] == got["Ray T. Tallis Jr."]
    assert got["Ray Tallis"] == "Ray Tallis" and got["Ray Tallis III"] == "Ray Tallis III"


def test_organisations_are_left_alone() -> None:
    got = names.merge(["New York Times", "New York Post", "New York Times and Los Angeles Times"])
    assert all(got[n] == n for n in got), got


def test_one_person_is_one_speaker_across_documents(valley: Engine) -> None:
    quoted = {s.name: s for s in valley.speakers()}
    okafors = [n for n in quoted if n.startswith("Mara")]
    assert okafors == ["Mara Okafor"], quoted  # the most quoted form names her
    assert quoted["Mara Okafor"].documents == 2
    assert "Paul Okafor" in quoted  # another given name: another person
    assert question.match_speakers("What did Mara J. Okafor say?", valley.speakers_index) == ["Mara Okafor"]


def test_each_document_keeps_its_own_form(valley: Engine) -> None:
    bridge = next(d.doc_id for d in valley.docs.values() if d.source.endswith("bridge.txt"))
    rail = next(d.doc_id for d in valley.docs.values() if d.source.endswith("rail.txt"))
    assert valley.form("Mara Okafor", bridge) == "Mara J. Okafor"
    assert valley.form("Mara Okafor", rail) == "Mara Okafor"


def test_a_pronoun_names_the_person_as_the_conversation_article_does(valley: Engine) -> None:
    # Before the merge "Okafor" matched both forms, and "she" became the other article's
    # "Mara J. Okafor", whose passage then came first.
    a = talk(valley, "What did Okafor say about the station?", "What did she say about freight?")
    assert a.searched == "What did Mara Okafor say about freight?"
    assert a.hits[0].text.startswith("Okafor also said the line would carry freight"), a.hits[0].text


def test_why_stays_on_the_conversation_article(valley: Engine) -> None:
    a = talk(valley, "What did Okafor say about the station?", "Why did she say that?")
    assert "J." not in a.searched, a.searched
    assert Path(a.hits[0].source).name == "rail.txt", a.hits[0].text


def test_next_in_the_article_with_the_middle_initial(valley: Engine) -> None:
    a = talk(valley, "What did Mara J. Okafor say about the toll bridge?", "What did she say next?")
    assert a.searched == "What did Mara J. Okafor say next?"
    assert a.hits[0].text.startswith("Okafor said the tolls would fall"), a.hits[0].text


def test_speaker_questions_find_both_articles(valley: Engine) -> None:
    a = talk(valley, "What did Okafor say about the rail line?")
    assert Path(a.hits[0].source).name == "rail.txt", a.hits[0].text
    b = talk(valley, "What did Mara J. Okafor say about the rail line?")
    assert Path(b.hits[0].source).name == "rail.txt", b.hits[0].text
