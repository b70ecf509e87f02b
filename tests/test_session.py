"""Follow-ups in real conversations, over articles written for these tests.

The rewrites are checked two ways: specific ones for what a pronoun must mean (gender, number,
the previous answer), and every one of them for garbling by a checker written here, independent of
qa.followup.garbled.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa import followup
from qa.engine import Engine
from qa.referents import (
    Referent,
    agrees,
    described,
    gender_in,
    kind_of_name,
    names_in,
    noun_phrases,
    owned_phrases,
)
from qa.session import Conversation, fuse
from qa.types import Answer, Hit

BUDGET = """Vogel defends budget as Hendry quits

Chancellor Ingrid Vogel defended her budget on Tuesday after Finance Minister Paul Hendry resigned in protest.

"This budget protects pensions and it protects the schools our children need," Vogel told parliament in Lindau.

Hendry said the plan would leave the country with debts it could not repay. He said he had warned the cabinet for months.

"I could not put my name to a budget that borrows from our grandchildren," Hendry said.

The Liberal Democrats said the budget was "a missed chance" to reform taxes. The Lib Dems want a wealth tax on fortunes above ten million.

Vogel said she would appoint Tom Avery, a former banker, as finance minister. Avery replaced Hendry on Wednesday, and he promised to keep the budget unchanged.

Later Vogel said pensions would rise by four percent next year. She said the rise would be paid from a new tax on tobacco.
"""

TELECOM = """Kelland Telecom and Nordtel agree merger

Kelland Telecom and Nordtel agreed on Monday to merge, creating the largest phone company in the region.

Maria Santos, the chief executive of Kelland Telecom, said the merger would cut prices for customers. "Prices will fall within a year, and nobody will lose their contract," Santos said.

Nordtel said in a statement that its engineers would keep their jobs.

Analysts at Brightwater Capital said the deal valued Nordtel at 2 billion euros.

Santos later added that the new company would build 500 masts in rural areas. "Every village deserves a signal," she said.

The regulator said it would study the deal for six months before deciding.
"""

CINEMA = """Quiet drama takes top prize at Lindau film festival

The Quiet Field, a drama about two sisters on a failing farm, won the top prize at the Lindau film festival on Saturday.

The film was directed by Ana Reyes, who also wrote the script. Reyes said she had spent seven years finding the money to make it.

The jury was led by actor Marco Lenz. Lenz said the jury had chosen the film unanimously.

The festival's best actor award went to Sam Okoro for his role as a fisherman in Salt.
"""

MATCH = """Rovers beat City after late penalty

Rovers beat City 2-1 on Sunday after a late penalty by striker Lena Hoff.

The match was refereed by Jonas Berg, who sent off City defender Karl Dunn in the first half. Berg is not expected to mention the incident in his report.

Hoff said the penalty was the most important goal of her career. "I was shaking when I took it," she said.

City's coach Pierre Martel said his team had been robbed. Martel said he would complain to the league.

The two clubs meet again in the cup in March.
"""


@pytest.fixture(scope="module", params=["hash", pytest.param("real", marks=pytest.mark.slow)])
def news(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, qa_home: Path) -> Engine:
    """The four articles indexed with the hash embedder (fast subset) and with the real model (slow):
    the rewrites and the answers they lead to must hold with both."""
    from index.build import build
    from index.hashembed import MODEL
    from qa import config

    docs = tmp_path_factory.mktemp("session-docs")
    for name, text in [("budget", BUDGET), ("telecom", TELECOM), ("cinema", CINEMA), ("match", MATCH)]:
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("session-index") / "index"
    model = MODEL if request.param == "hash" else None  # None: the default, real model
    build([docs], target, model=model, cache_dir=config.model_cache_dir())
    return Engine.open(target)


def rewrite(engine: Engine, *questions: str) -> tuple[str, Answer]:
    """The searched form of the last question of a conversation, and its answer."""
    conv = Conversation(engine)
    answer = None
    for q in questions:
        answer = conv.ask(q, 3)
    assert answer is not None
    return answer.searched, answer


# --------------------------------------------------------------------------- a checker of its own

_AUX = r"(?:did|does|do|is|was|are|were|will|would|has|have|had|can|could)"


def problems(text: str) -> list[str]:
    """Why `text` is not a question a person would type (quoted words aside)."""
    plain = re.sub(r"“[^”]*”", "Q", text)
    out = []
    ws = re.findall(r"[\w'’]+", plain.lower())
    out += [f"doubled {a}" for a, b in zip(ws, ws[1:], strict=False) if a == b]
    if re.search(r"['’]s['’]s|s['’]['’]", plain):
        out.append("doubled possessive")
    if re.search(r"[()\[\]{}]", plain):
        out.append("leftover marker")
    if re.search(rf"^\s*\w+\s+{_AUX}\s+\w+\s+{_AUX}\b", plain, re.I) and not re.search(
        r"\band\s+\w+\?$", plain
    ):
        out.append("two auxiliaries")
    if re.search(r"^\s*(?:why|when|where|how)\s+(?:did|does|do)\s+.+\bsay\s+about\b", plain, re.I):
        out.append("'say about' with nothing said")
    if re.search(r"\b(?:what|who)\s+(?:did|does)\s+(?:what|who)\b", plain, re.I):
        out.append("question inside a question")
    if re.search(r"\b(?:he|she|it|they)\b.*\?.*\?", plain):
        out.append("two question marks")
    if re.search(r"\b(?:that|who)\s+\w+(?:ed|on|ok)\b[^?]*['’]s\b", plain):
        out.append("possessive of a clause")
    if re.search(r"\b(?:[Tt]he|an?)\s+(?:in|at|on|of|during|among)\s", plain):
        out.append("article owning no noun")
    if re.search(r"\b(?:[Tt]he|an?)\s+(?:those|these|they|them|he|she|him|it|who)\b", plain):
        out.append("article before a pronoun")  # "What is the those forced to flee of ...?"
    if re.search(r"\b(\w+)['’]s?\s+(?:\w+\s+){0,2}\1\b", plain):
        out.append("a noun owning itself")  # "Trump's plan's tax plan"
    return out


def test_checker_catches_the_garbles_users_saw() -> None:
    for bad in [
        "What did what did the German chancellor say say about refugees?",
        "Why did Obama say about Assad?",
        "What did Ovum and BT's's director say?",
        "Who wrote the report? (wrote article)",
        "What share of the in March did Rovers win?",
    ]:
        assert problems(bad), bad
        assert followup.garbled(bad), bad
    assert problems("What was the person who refereed the match's role?")


# --------------------------------------------------------------------------- pure wording


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Why?", "bare"),
        ("When was that?", "bare"),
        ("And why?", "bare"),
        ("how many?", "bare"),
        ("Who said that?", "who_said"),
        ("What did she say next?", "next"),
        ("What else did Santos say?", "next"),
        ("And Hendry?", "about"),
        ("What about the Lib Dems?", "about"),
        ("And what did he say about Carson?", "pronoun"),
        ("Who did he replace?", "pronoun"),
        ("Where did Vogel say that?", "pronoun"),
        ("How many masts will Kelland build?", "own"),
    ],
)
def test_kinds_of_follow_up(question: str, kind: str) -> None:
    assert followup.read(question).name == kind


@pytest.mark.parametrize(
    ("prev", "word", "expected"),
    [
        ("What did Obama say about Assad?", "why", "Why did Obama say that about Assad?"),
        ("What did Vogel promise?", "when", "When did Vogel promise that?"),
        ("When did Russia send tanks?", "why", "Why did Russia send tanks?"),
        ("Who won the vote?", "why", "Who won the vote, and why?"),
        ("What is the death toll?", "where", "What is the death toll, and where?"),
        ("What did Obama say about Assad?", "what", "What did Obama say about Assad?"),
        ("What did Obama say about Assad?", "who", "What did Obama say about Assad, and who?"),
        ("How did Vogel defend the budget?", "how many", "How did Vogel defend the budget, and how many?"),
        ("How did Vogel defend the budget?", "how come", "Why did Vogel defend the budget?"),
        ("When did Vogel defend the budget?", "how long", "How long did Vogel defend the budget?"),
    ],
)
def test_reask(prev: str, word: str, expected: str) -> None:
    assert followup.reask(prev, word) == expected
    assert not problems(expected)


def test_possessive_is_never_doubled() -> None:
    assert followup.possessive("Obama") == "Obama's"
    assert followup.possessive("BT's") == "BT's"
    assert followup.possessive("the Lib Dems", plural=True) == "the Lib Dems'"


def test_replacing_words_keeps_articles_single() -> None:
    text = "Who wrote the Guardian article?"
    i = text.index("Guardian")
    assert (
        followup.replace_span(text, i, i + len("Guardian"), "the Nature one")
        == "Who wrote the Nature one article?"
    )


def test_gender_comes_from_the_text() -> None:
    assert gender_in("Ingrid Vogel", BUDGET) == "f"
    assert gender_in("Paul Hendry", BUDGET) == "m"
    assert gender_in("Maria Santos", TELECOM) == "f"
    assert gender_in("Jonas Berg", MATCH) == "m"
    assert gender_in("Nordtel", TELECOM) == "n"  # "its engineers": an organisation
    assert gender_in("Brightwater Capital", TELECOM) is None


def test_referents_agree_in_gender_and_number() -> None:
    vogel = kind_of_name("Ingrid Vogel", "f", True)
    dems = kind_of_name("Lib Dems", None, True)
    film = Referent("the film", "thing")
    assert agrees(vogel, "person", "f", False) and not agrees(vogel, "person", "m", False)
    assert not agrees(vogel, "thing", None, False)  # "it" is never a person
    assert dems.plural and agrees(dems, "any", None, True)
    assert agrees(film, "thing", None, False) and not agrees(film, "person", "m", False)


def test_names_and_phrases_of_a_question() -> None:
    assert names_in("Republican challenger Kristy Marmorato won") == ["Republican", "Kristy Marmorato"]
    assert [r.text for r in noun_phrases("When were the traffic jams at the George Washington Bridge?")] == [
        "the traffic jams at the George Washington Bridge"
    ]
    assert [r.text for r in noun_phrases("What did the UCU report find?")] == ["the UCU report"]
    assert followup.read("Who wrote it?").name == "pronoun"  # "it" may be the report just asked about
    d = described("Which film won the top prize?")
    assert d is not None and d.text == "the film that won the top prize" and d.kind == "thing"
    d = described("Which Labour MP backed the report?")
    assert d is not None and d.kind == "person"
    assert described("Which film did she direct?") is None
    d = described("Who was arrested in the raid?")
    assert d is not None and d.text == "the person who was arrested in the raid"
    d = described("Which company will build 500 masts?")
    assert d is not None and d.text == "the company that will build 500 masts"


def test_things_named_without_the() -> None:
    """A possessive name or "a"/"an" opens a thing as "the" does; a verb, a function word or a
    plural ends it, and people are left to the names."""
    assert [r.text for r in owned_phrases("How long has Borland's drought lasted?")] == ["Borland's drought"]
    assert [r.text for r in owned_phrases("What does Tom Avery's pension plan cost?")] == [
        "Tom Avery's pension plan"
    ]
    assert [r.text for r in owned_phrases("What did Nordtel's statement say about jobs?")] == [
        "Nordtel's statement"
    ]
    assert [r.text for r in owned_phrases("Is a summit between Kelland's and Nordtel's bosses planned?")] == [
        "the summit"
    ]
    assert owned_phrases("What did Nordtel's engineers want?") == []  # plural: "they", not "it"
    assert owned_phrases("What did Kelland's chief executive say?") == []  # a person
    assert owned_phrases("What did Santos say?") == []


def test_fusion_prefers_what_both_readings_rank() -> None:
    def hit(start: int) -> Hit:
        return Hit("t", 1.0, "a.txt", "", start, start + 1, 1, "body", (0, 1))

    a = Answer("q", "a", False, hits=[hit(1), hit(2), hit(3)])
    b = Answer("q", "b", False, hits=[hit(4), hit(2), hit(5)])
    fused = fuse([a, b], 3)
    assert [h.start for h in fused.hits] == [2, 1, 4] and fused.searched == "a"
    off = Answer("q", "b", True, reason="no")
    assert fuse([off, a], 3).hits == a.hits and fuse([off, off], 3).abstained
    near = Answer("q", "b", True, nearest=[hit(3), hit(9)], reason="no")
    assert [h.start for h in fuse([a, near], 3).hits] == [3, 1, 2]


# --------------------------------------------------------------------------- conversations


def test_pronouns_agree_with_the_previous_turn(news: Engine) -> None:
    # "he" after a question about a woman and a man: the man.
    searched, _ = rewrite(news, "What did Vogel say about Hendry?", "Why did he resign?")
    assert "Hendry" in searched and "Vogel" not in searched
    searched, _ = rewrite(news, "What did Hendry say about Vogel?", "What did she promise?")
    assert "Vogel" in searched
    # "he" after "who ...?": the answer, not a name in the question.
    searched, answer = rewrite(
        news, "Who refereed the match between Rovers and City?", "Who did he send off?"
    )
    assert "Jonas Berg" in searched
    assert "Karl Dunn" in answer.hits[0].text
    # "it" is never a person or an organisation in place of the film.
    searched, answer = rewrite(news, "Which film won the top prize?", "Who directed it?")
    assert "Lindau" not in searched and ("film" in searched or "Quiet Field" in searched)
    assert any("Ana Reyes" in h.text for h in answer.hits[:2])
    # "it" is the thing a possessive name owns, not the name ("Lindau's top prize", not Lindau).
    searched, answer = rewrite(news, "Who won Lindau's top prize?", "When was it awarded?")
    assert searched == "When was Lindau's top prize awarded?"
    assert "Saturday" in answer.hits[0].text
    searched, _ = rewrite(
        news, "Is a merger between Kelland's and Nordtel's firms planned?", "Who will study it?"
    )
    assert searched == "Who will study the merger?"
    # "they" takes a plural.
    searched, _ = rewrite(news, "What did the Lib Dems say about the budget?", "What do they want?")
    assert "Lib Dems" in searched or "Liberal Democrats" in searched


def test_and_x_swaps_speaker_or_topic(news: Engine) -> None:
    searched, answer = rewrite(news, "What did Vogel say about the budget?", "And Hendry?")
    assert searched == "What did Hendry say about the budget?"
    assert "Hendry" in answer.hits[0].text
    # Quoted ("The Lib Dems want ..."), though not a speaker the index knows by that name: both
    # readings, the speaker swap shown.
    searched, _ = rewrite(news, "What did Vogel say about the budget?", "And the Lib Dems?")
    assert searched == "What did the Lib Dems say about the budget?"
    searched, _ = rewrite(news, "What did Vogel say about the budget?", "And pensions?")
    assert searched == "What did Vogel say about pensions?"
    searched, _ = rewrite(
        news, "What did Hendry say about the budget?", "And what did he say about the cabinet?"
    )
    # Written back as the question named him (bench/followups_fact.py: the canonical full name
    # pulled follow-ups to the passage introducing the person).
    assert searched == "What did Hendry say about the cabinet?"


def test_anchored_follow_ups(news: Engine) -> None:
    searched, answer = rewrite(news, "What did Santos say about prices?", "Who said that?")
    assert searched.startswith("Who said “") and "Santos" in answer.hits[0].text
    searched, answer = rewrite(news, "What did Santos say about prices?", "What did she say next?")
    assert "Santos" in searched and "Every village deserves a signal" in answer.hits[0].text
    searched, answer = rewrite(news, "What did Vogel say about the budget?", "Why?")
    assert searched == "Why did Vogel say that about the budget?"
    assert not answer.abstained


def test_a_near_miss_follow_up_is_still_declined(news: Engine) -> None:
    searched, answer = rewrite(news, "What did Santos say about prices?", "How old is she?")
    assert searched == "How old is Santos?" and answer.abstained


def test_searched_is_in_the_json_when_changed(news: Engine) -> None:
    _, answer = rewrite(news, "What did Vogel say about the budget?", "And Hendry?")
    assert answer.to_json()["searched"] == "What did Hendry say about the budget?"
    _, answer = rewrite(news, "How many masts will the new company build?")
    assert "searched" not in answer.to_json()


SPEAKERS = ["Vogel", "Hendry", "Santos", "Reyes", "Lenz", "Hoff", "Martel", "the Lib Dems", "Nordtel"]
TOPICS = ["the budget", "prices", "the film", "the penalty", "taxes"]
FOLLOW_UPS = [
    "Why?",
    "When was that?",
    "Who said that?",
    "What did she say next?",
    "What did he say next?",
    "And Hendry?",
    "And the Lib Dems?",
    "And pensions?",
    "And what did she say about jobs?",
    "And what did he say about the league?",
    "Where did he say that?",
    "What did they want?",
    "Did she mention its price?",
    "What about their jobs?",
    "How did it end?",
    "To what end?",
    "Does she still think so?",
    "How did Hendry respond?",
]


def test_no_rewrite_is_garbled(news: Engine) -> None:
    """Over 50 rewrites across the four articles: none has a doubled word, a broken auxiliary,
    a doubled possessive or a leftover marker."""
    seen: list[tuple[str, str, str]] = []
    conv = Conversation(news)
    for i, speaker in enumerate(SPEAKERS):
        for j, follow in enumerate(FOLLOW_UPS):
            if (i + j) % 2:
                continue  # half the grid: enough variety, half the time
            conv.reset()
            first = f"What did {speaker} say about {TOPICS[(i + j) % len(TOPICS)]}?"
            conv.ask(first, 3)
            answer = conv.ask(follow, 3)
            seen.append((first, follow, answer.searched))
    for start in [
        "Which film won the top prize?",
        "Who refereed the match?",
        "Who replaced Hendry?",
        "What did Nordtel's statement say?",
        "How much was Nordtel valued at in the deal?",
        "How much would Vogel's pension rise cost?",
    ]:
        for follow in [
            "Who directed it?",
            "Who did he send off?",
            "Why?",
            "Why not?",
            "By whom?",
            "When was that?",
            "And City?",
            "What is its budget?",
            "What was his role?",
            "When was it made?",
            "And in March?",
            "And at Brightwater Capital?",
            "And Kelland's statement?",
            "and Hendry's pension rise",
            "What about those who lost their jobs?",
        ]:
            conv.reset()
            conv.ask(start, 3)
            seen.append((start, follow, conv.ask(follow, 3).searched))
    changed = [s for s in seen if s[2] != s[1]]
    assert len(changed) >= 50, len(changed)
    bad = [(s, problems(s[2])) for s in seen if problems(s[2])]
    assert not bad, bad
