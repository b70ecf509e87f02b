"""Speaker near misses (round spk10): X's own words decide "What did X say about T?", and a speaker
asked by a role the text binds to them ("the editor of La Gazzetta Nuova") is quoted.

Articles written for these tests: a person quoted on one subject in one article and only named in
another's report; an editor named by appositive; a spokesman quoted on one topic, asked of another.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import abstain

HARBOUR = """Harbour board approves dredging plan

The Port Elms harbour board voted on Monday to dredge the northern channel, a project that will
take two years.

"The channel has silted up for a decade, and the fishing fleet cannot wait any longer," said Mara
Lindqvist, the board's chair. She said the work would start in the spring.
"""

TURNOUT = """Record turnout in Port Elms council race

Voters turned out in record numbers on Tuesday for the council election, officials said.

Analysts say turnout was higher this year because the race was close, and because Lindqvist has
dominated the debate over the harbour for months.

The count finished shortly after midnight.
"""

EDITOR = """Gazette marks its centenary

Paolo Renzi, the editor in chief of the city's oldest newspaper, La Gazzetta Nuova, said every
editor was "a witness, not a judge." The paper first appeared in 1925 and now sells 40,000 copies.

The paper's archive will open to the public in March, the city said.
"""

CEREMONY = """Governor skips the bridge opening

Governor Alice Thorne did not attend the opening of the Elms Bridge on Saturday, leaving the ribbon
to the mayor.

Harbour Board spokesman Ken Adebayo said the board welcomed the new timetable for the ferries,
which will run every half hour from June.

The bridge cost 80 million pounds and took four years to build.
"""


def test_a_mention_inside_another_sources_report_is_not_the_speakers_words() -> None:
    start = TURNOUT.index("turnout was")
    end = TURNOUT.index("for months")
    assert abstain.naming_sentences(TURNOUT, ["Lindqvist"])  # named as a clause's subject
    assert abstain.naming_sentences(TURNOUT, ["Lindqvist"], others=[(start, end)]) == []


def test_the_topics_names_must_be_in_the_speakers_own_texts() -> None:
    own = ["Harbour Board spokesman Ken Adebayo said the board welcomed the new timetable"]
    names = ["Ken Adebayo", "Adebayo"]
    assert not abstain.topic_names_said("Alice Thorne skipping the opening", names, own)
    assert abstain.topic_names_said("the timetable", names, own)  # no name: the lead may answer
    assert abstain.topic_names_said("the Harbour Board's timetable", names, own)
    assert abstain.topic_names_said("Adebayo's board", names, own)  # the speaker's own name is no topic


def test_mention_context_binds_a_chained_appositive_and_a_role_before_the_name() -> None:
    start = EDITOR.index("Paolo")
    content = (EDITOR.index("every"), EDITOR.index(" The paper first"))
    got = abstain.mention_context(EDITOR, start, start + len("Paolo Renzi"), content)
    assert "La Gazzetta Nuova" in got and "witness" not in got
    text = "The editor of La Gazzetta Nuova, Paolo Renzi, said the paper would survive."
    start = text.index("Paolo")
    got = abstain.mention_context(
        text, start, start + len("Paolo Renzi"), (text.index("the paper"), len(text) - 1)
    )
    assert "editor of La Gazzetta Nuova" in got and "survive" not in got


def test_a_name_in_apposition_after_a_relative_clause_is_not_bound() -> None:
    text = "Levine, who has given money to Marco Rubio, said it was over."
    assert "Rubio" not in abstain.mention_context(text, 0, 6, (text.index("it"), len(text) - 1))


@pytest.fixture(scope="module")
def elms(qa_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.build import build
    from index.hashembed import MODEL
    from qa import config
    from qa.engine import Engine

    docs = tmp_path_factory.mktemp("elms")
    for name, text in (
        ("harbour", HARBOUR),
        ("turnout", TURNOUT),
        ("editor", EDITOR),
        ("ceremony", CEREMONY),
    ):
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = docs.parent / "elms-idx"
    build([docs], target, model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def _ask(engine, question: str):  # type: ignore[no-untyped-def]
    from qa.session import Conversation

    return Conversation(engine).ask(question, 5)


def test_quoted_on_one_subject_named_in_another_article_is_declined(elms) -> None:  # type: ignore[no-untyped-def]
    from qa import speaker_topic

    q = "What did Mara Lindqvist say about the record turnout?"
    shares = speaker_topic.speaker_topic_shares(elms, q)
    assert shares is not None
    # Named only inside the analysts' report: no evidence of her own, whatever the sources read.
    assert max(shares["quotes"], shares["leads_names"], shares["naming_own"]) < abstain.SPEAKER_TOPIC_SHARE
    assert shares["naming_docs"] < abstain.SPEAKER_TOPIC_SHARE  # not in the article she is quoted in
    if "naming" not in abstain.SPEAKER_TOPIC_SOURCES:
        a = _ask(elms, q)
        assert a.abstained and "quoted, but not on" in a.reason


def test_quoted_on_the_asked_subject_is_answered(elms) -> None:  # type: ignore[no-untyped-def]
    a = _ask(elms, "What did Mara Lindqvist say about the channel?")
    assert not a.abstained and "silted" in elms.passages[a.hits[0].pid].text


def test_an_editor_asked_by_the_role_the_appositive_binds_is_quoted(elms) -> None:  # type: ignore[no-untyped-def]
    a = _ask(elms, "What did the editor of La Gazzetta Nuova say about editors?")
    assert "not quoted" not in a.reason and "quote no" not in a.reason
    assert not a.abstained and "witness" in elms.passages[a.hits[0].pid].text


def test_a_spokesman_asked_about_another_topic_of_his_article_is_declined(elms) -> None:  # type: ignore[no-untyped-def]
    a = _ask(elms, "What did Ken Adebayo say about Alice Thorne skipping the opening?")
    assert a.abstained and "Ken Adebayo is quoted, but not on" in a.reason
    b = _ask(elms, "What did Ken Adebayo say about the ferry timetable?")
    assert not b.abstained


def test_described_switch_is_the_fit_choice() -> None:
    """SPEAKER_TOPIC_DESCRIBED is what bench/fit_speaker_topic.py --described chose."""
    import re

    report = (Path(__file__).resolve().parent.parent / "bench/reports/abstention_speaker_topic.md").read_text(
        "utf-8"
    )
    chosen = re.search(r"^Chosen: abstain\.SPEAKER_TOPIC_DESCRIBED = (\w+)", report, re.M)
    assert chosen is not None and chosen.group(1) == repr(abstain.SPEAKER_TOPIC_DESCRIBED)
