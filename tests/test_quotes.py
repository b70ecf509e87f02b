"""Quotes and speakers found with rules: several hand-written articles in different house styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from index.attribution import analyse
from index.model import Quote, Speaker
from qa.question import is_speech_question, match_speakers, topic_of

ARTICLE = Path(__file__).resolve().parent.parent.parent / "shared" / "article.txt"

# A politics story: two leaders, curly quotes, a split quote, a colon attribution, a scare quote.
POLITICS = """Merkel and Macron clash over migrant quotas

BERLIN — German Chancellor Angela Merkel on Tuesday defended her refugee policy, while French President \
Emmanuel Macron warned that Europe could not absorb unlimited numbers of migrants.

“We have a humanitarian duty, and we will not turn our backs on people fleeing war,” Merkel told reporters \
in Berlin.

Macron, speaking in Paris, struck a different tone. “Europe must protect its borders if it wants to remain \
open,” he said. “Nobody is served by chaos.”

Merkel said the European Union needed a fair system for sharing responsibility among member states.

Jean-Claude Juncker, the European Commission president, said: “Both leaders want the same thing, and I am \
confident we will find a compromise.”

The two leaders will meet in Brussels on Thursday, officials said.

Critics of the plan have called it a “recipe for disaster” in newspaper columns.
"""

# A business story: a chief executive and an analyst, straight quotes, "according to", a role subject.
BUSINESS = """Acme Corp profits soar as cloud sales surge

Acme Corp reported record quarterly profits on Wednesday, driven by strong demand for its cloud services.

"This has been the best quarter in our company's history," said Acme chief executive Sarah Lindqvist. \
"Our customers are moving to the cloud faster than we expected."

According to Raj Patel, an analyst at Northbridge Securities, "Acme is now the clear leader in the \
mid-market segment."

Sales rose 24 percent to $3.1 billion, according to Patel.

Lindqvist said the company would hire 2,000 engineers next year. The chief executive also warned that chip \
shortages could slow growth.

Patel, who has covered the company for a decade, believes the share price could double. "Investors have \
underestimated how sticky these contracts are," he said.

Shares in Acme closed up 8 percent at $142 in New York.
"""

# A sports story: pronoun attributions, a quote running over two paragraphs, an age apposition.
SPORTS = """Riverside coach hails 'special' win

Riverside United coach Maria Gonzalez praised her players after a dramatic 3-2 victory over Hillcrest on \
Saturday.

"I told the girls at half-time that we had nothing to lose," Gonzalez said. "They went out and played with \
their hearts.

"When you see that kind of spirit, you know the season is going to be special. I could not be prouder."

Hillcrest manager Tom Baker was less pleased. He said his side had "switched off" in the final ten minutes.

"We gave away two soft goals and you cannot do that at this level," said Baker, 54. "It is on me to fix it."

Club captain Lucy Evans, who scored twice, said she had dreamt of the moment since she was a child.

"It's unbelievable," she said.
"""

# A British-style story: single quotes, a name that is also a month, a possessive typo, a quoted group.
BRITISH = """THERESA MAY SURVIVES CONFIDENCE VOTE

Prime Minister Theresa May won a confidence vote on Wednesday in May. May said the result gave her a \
mandate to finish the job.

'We will deliver Brexit,' she told MPs. 'That is what the people voted for.'

The players' union said its members were 'deeply concerned'. It was the fans' day, not the owners'.

Labour leader Jeremy Corbyn said: "This government is in chaos." Corbyn''s deputy, Tom Watson, claimed \
the party was ready for an election.

Conservative officials say they expect the rebels to fall into line within weeks.
"""

# Hard-wrapped paragraphs, places and organisations as subjects, a role subject ("the minister").
LOCAL = """Flood defences fail as river bursts its banks

Residents in Northam were evacuated overnight after the River Wend burst its banks on Sunday.

Speaking to reporters on Monday, Environment Minister David Okafor said the defences had been
built to withstand a one-in-a-hundred-year flood. "Nobody could have predicted rainfall on this
scale," he said, "but we will learn from it."

Russia said it would send rescue teams. The United Nations said it was monitoring the situation.
Washington says the aid will arrive on Tuesday.

Local councillor Priya Shah disagreed. "Why did it take three days to open the shelters?" Shah asked.

Shah told the BBC: "We warned the ministry about this in March."

"This town will recover," the minister added. "It always has."
"""

# Two people with one surname; honorifics; a mayor.
FAMILY = """Obamas open presidential library

Former US president Barack Obama and his wife Michelle Obama opened the library in Chicago on Thursday.

"This place belongs to the people of the South Side," Michelle Obama said.

Obama, 62, recalled his years as a community organiser. "I learned more here than anywhere else," he said.

Mr Obama also praised Mayor Brandon Johnson, who attended the ceremony. "He gets it," Obama said.

Johnson said the city was proud to host the library.
"""


def _by_name(speakers: list[Speaker]) -> dict[str, Speaker]:
    return {s.name: s for s in speakers}


def _said(text: str, quotes: list[Quote]) -> list[tuple[str, str, str, bool]]:
    return [(q.speaker, text[q.start : q.end], q.verb, q.direct) for q in quotes]


def _aliases(s: Speaker) -> set[str]:
    return {a.lower() for a in s.aliases}


def _check_contract(text: str, speakers: list[Speaker], quotes: list[Quote]) -> None:
    names = {s.name for s in speakers}
    assert len(names) == len(speakers)
    for q in quotes:
        assert q.speaker is None or q.speaker in names  # None: an unnamed source ("officials said")
        assert 0 <= q.start < q.end <= len(text)
        if q.mention_start >= 0:  # the source mention lies outside the words attributed
            assert q.mention_end <= q.start or q.mention_start >= q.end or not q.direct
        assert text[q.start : q.end] == text[q.start : q.end].strip()


# --------------------------------------------------------------------------- politics


def test_politics_speakers_and_roles() -> None:
    speakers, quotes = analyse(POLITICS)
    _check_contract(POLITICS, speakers, quotes)
    by = _by_name(speakers)
    assert set(by) == {"Angela Merkel", "Emmanuel Macron", "Jean-Claude Juncker"}
    assert {"merkel", "angela merkel", "german chancellor"} <= _aliases(by["Angela Merkel"])
    assert {"macron", "french president"} <= _aliases(by["Emmanuel Macron"])
    assert "european commission president" in _aliases(by["Jean-Claude Juncker"])
    # Places and organisations are not people.
    assert not {"Berlin", "Brussels", "European Union", "Paris"} & set(by)


def test_politics_quotes() -> None:
    speakers, quotes = analyse(POLITICS)
    said = _said(POLITICS, quotes)
    assert (
        "Angela Merkel",
        "We have a humanitarian duty, and we will not turn our backs on people fleeing war",
        "told",
        True,
    ) in said
    # "A," he said, "B." -- two spans of the same speaker, the pronoun resolved to Macron.
    assert (
        "Emmanuel Macron",
        "Europe must protect its borders if it wants to remain open",
        "said",
        True,
    ) in said
    assert ("Emmanuel Macron", "Nobody is served by chaos.", "said", True) in said
    assert (
        "Jean-Claude Juncker",
        "Both leaders want the same thing, and I am confident we will find a compromise.",
        "said",
        True,
    ) in said
    # Reported speech, with and without "that".
    assert (
        "Emmanuel Macron",
        "Europe could not absorb unlimited numbers of migrants",
        "warned",
        False,
    ) in said
    assert (
        "Angela Merkel",
        "the European Union needed a fair system for sharing responsibility among member states",
        "said",
        False,
    ) in said
    # A quotation nobody in the text is credited with stays unattributed: no nearby person gets it.
    assert all(name is None for name, text, _, _ in said if "recipe" in text)
    # "officials said": an unnamed source keeps its words, with its wording and no speaker.
    [officials] = [q for q in quotes if "meet in Brussels" in POLITICS[q.start : q.end]]
    assert (officials.speaker, officials.source, officials.verb) == (None, "officials", "said")
    assert POLITICS[officials.mention_start : officials.mention_end] == "officials"


# --------------------------------------------------------------------------- business


def test_business_ceo_and_analyst() -> None:
    speakers, quotes = analyse(BUSINESS)
    _check_contract(BUSINESS, speakers, quotes)
    by = _by_name(speakers)
    assert set(by) == {"Sarah Lindqvist", "Raj Patel"}  # not "Acme", "Northbridge Securities", "New York"
    assert {"lindqvist", "acme chief executive", "chief executive"} <= _aliases(by["Sarah Lindqvist"])
    assert {"patel", "analyst"} <= _aliases(by["Raj Patel"])
    said = _said(BUSINESS, quotes)
    assert (
        "Sarah Lindqvist",
        "This has been the best quarter in our company's history",
        "said",
        True,
    ) in said
    # The next quotation with no attribution of its own continues the same speaker.
    assert (
        "Sarah Lindqvist",
        "Our customers are moving to the cloud faster than we expected.",
        "said",
        True,
    ) in said
    assert (
        "Raj Patel",
        "Acme is now the clear leader in the mid-market segment.",
        "according to",
        True,
    ) in said
    assert ("Raj Patel", "Sales rose 24 percent to $3.1 billion", "according to", False) in said
    assert ("Sarah Lindqvist", "the company would hire 2,000 engineers next year", "said", False) in said
    # "The chief executive also warned that ..." resolves the role to the person.
    assert ("Sarah Lindqvist", "chip shortages could slow growth", "warned", False) in said
    # An apposition between subject and verb; then "he" is the most recent person named.
    assert ("Raj Patel", "the share price could double", "believes", False) in said
    assert ("Raj Patel", "Investors have underestimated how sticky these contracts are", "said", True) in said


# --------------------------------------------------------------------------- sports


def test_sports_pronouns_and_multi_paragraph_quote() -> None:
    speakers, quotes = analyse(SPORTS)
    _check_contract(SPORTS, speakers, quotes)
    by = _by_name(speakers)
    assert set(by) == {"Maria Gonzalez", "Tom Baker", "Lucy Evans"}
    assert "hillcrest manager" in _aliases(by["Tom Baker"])
    assert "coach" in _aliases(by["Maria Gonzalez"])
    said = _said(SPORTS, quotes)
    gonzalez = [text for who, text, _, direct in said if who == "Maria Gonzalez" and direct]
    assert gonzalez == [
        "I told the girls at half-time that we had nothing to lose",
        "They went out and played with their hearts.",
        "When you see that kind of spirit, you know the season is going to be special. "
        "I could not be prouder.",
    ]
    assert ("Tom Baker", 'his side had "switched off" in the final ten minutes', "said", False) in said
    assert (
        "Tom Baker",
        "We gave away two soft goals and you cannot do that at this level",
        "said",
        True,
    ) in said
    assert ("Tom Baker", "It is on me to fix it.", "said", True) in said
    assert ("Lucy Evans", "she had dreamt of the moment since she was a child", "said", False) in said
    assert ("Lucy Evans", "It's unbelievable", "said", True) in said
    # The headline's single-quoted word is nobody's quote.
    assert not any(text == "special" for _, text, _, _ in said)


# --------------------------------------------------------------------------- British style


def test_british_single_quotes_month_name_and_groups() -> None:
    speakers, quotes = analyse(BRITISH)
    _check_contract(BRITISH, speakers, quotes)
    by = _by_name(speakers)
    assert {"Theresa May", "Jeremy Corbyn", "Tom Watson", "Conservative officials"} == set(by)
    assert {"may", "prime minister"} <= _aliases(by["Theresa May"])
    said = _said(BRITISH, quotes)
    assert ("Theresa May", "the result gave her a mandate to finish the job", "said", False) in said
    assert ("Theresa May", "We will deliver Brexit", "told", True) in said
    assert ("Theresa May", "That is what the people voted for.", "told", True) in said
    assert ("Jeremy Corbyn", "This government is in chaos.", "said", True) in said
    assert ("Tom Watson", "the party was ready for an election", "claimed", False) in said
    assert (
        "Conservative officials",
        "they expect the rebels to fall into line within weeks",
        "say",
        False,
    ) in said
    # Apostrophes (players', fans', owners') and an unowned scare quote are not quotes; the union's
    # words are the union's (an unnamed body: no person gets them).
    assert not any("day" in text for _, text, _, _ in said)
    assert all(name is None for name, text, _, _ in said if "concerned" in text)


def test_groups_only_when_quoted() -> None:
    speakers, _ = analyse("Talks stalled on Friday, with US officials expressing concern over the delay.\n")
    assert speakers == []


# --------------------------------------------------------------------------- local news


def test_places_and_organisations_are_institutions_not_people() -> None:
    speakers, quotes = analyse(LOCAL)
    _check_contract(LOCAL, speakers, quotes)
    by = _by_name(speakers)
    # "Russia said ...": the institution speaks (issue 8: "the Kremlin said" keeps its quote).
    assert set(by) == {"David Okafor", "Priya Shah", "Russia", "United Nations", "Washington"}
    said = _said(LOCAL, quotes)
    assert ("Russia", "it would send rescue teams", "said", False) in said
    assert ("United Nations", "it was monitoring the situation", "said", False) in said
    assert (
        "David Okafor",
        "the defences had been\nbuilt to withstand a one-in-a-hundred-year flood",
        "said",
        False,
    ) in said
    assert ("David Okafor", "Nobody could have predicted rainfall on this\nscale", "said", True) in said
    assert ("David Okafor", "but we will learn from it.", "said", True) in said
    assert ("Priya Shah", "Why did it take three days to open the shelters?", "asked", True) in said
    assert ("Priya Shah", "We warned the ministry about this in March.", "told", True) in said
    assert ("David Okafor", "This town will recover", "added", True) in said
    assert ("David Okafor", "It always has.", "added", True) in said


def test_shared_surname() -> None:
    speakers, quotes = analyse(FAMILY)
    _check_contract(FAMILY, speakers, quotes)
    by = _by_name(speakers)
    assert {"Barack Obama", "Michelle Obama", "Brandon Johnson"} == set(by)
    # A bare "Obama" aliases the one the text calls by it ("Obama, 62, recalled": Barack, introduced
    # first), never both; a role that only one of them has is an alias too.
    assert "obama" in _aliases(by["Barack Obama"])
    assert "obama" not in _aliases(by["Michelle Obama"])
    # "Former US president" is what the text binds; the bare "US president" would be another person
    assert "former us president" in _aliases(by["Barack Obama"])
    assert "us president" not in _aliases(by["Barack Obama"])
    assert "mayor" in _aliases(by["Brandon Johnson"])
    said = _said(FAMILY, quotes)
    assert ("Michelle Obama", "This place belongs to the people of the South Side", "said", True) in said
    assert ("Barack Obama", "I learned more here than anywhere else", "said", True) in said
    assert ("Barack Obama", "He gets it", "said", True) in said
    assert ("Brandon Johnson", "the city was proud to host the library", "said", False) in said


def test_particles_and_hyphenated_names() -> None:
    text = (
        "Syrian leader Bashar al-Assad met envoys on Monday. Assad said the war was nearly over.\n\n"
        "Ursula von der Leyen, the European Commission president, said on Monday that the bloc would cut "
        "emissions by 2030.\n\n"
        'Von der Leyen\'s spokesman, Eric Mamer, said: "The door remains open for talks with Warsaw."\n'
    )
    speakers, quotes = analyse(text)
    by = _by_name(speakers)
    assert {"Bashar al-Assad", "Ursula von der Leyen", "Eric Mamer"} == set(by)
    assert {"assad", "al-assad", "syrian leader"} <= _aliases(by["Bashar al-Assad"])
    assert {"von der leyen", "european commission president"} <= _aliases(by["Ursula von der Leyen"])
    said = _said(text, quotes)
    assert ("Bashar al-Assad", "the war was nearly over", "said", False) in said
    assert ("Ursula von der Leyen", "the bloc would cut emissions by 2030", "said", False) in said
    assert ("Eric Mamer", "The door remains open for talks with Warsaw.", "said", True) in said


def test_attribution_forms() -> None:
    text = (
        'Anna Berg said "the plan is dead and everyone knows it" before leaving.\n\n'
        '"We are not finished," said Paul Novak.\n\n'
        "Novak told reporters the company would appeal the ruling.\n\n"
        'According to Berg, "nothing will change until the board goes."\n\n'
        "Berg has insisted on keeping the factory open.\n"
    )
    speakers, quotes = analyse(text)
    said = _said(text, quotes)
    assert ("Anna Berg", "the plan is dead and everyone knows it", "said", True) in said
    assert ("Paul Novak", "We are not finished", "said", True) in said
    assert ("Paul Novak", "the company would appeal the ruling", "told", False) in said
    assert ("Anna Berg", "nothing will change until the board goes.", "according to", True) in said
    assert ("Anna Berg", "on keeping the factory open", "insisted", False) in said


# Round 4b: cues and spans (an article written for the test).
CUES_AND_SPANS = (
    "Harbour Plan Divides Council\n\n"
    "Councillor Maren Holt defended the harbour plan on Monday, citing the cost of further delay.\n\n"
    "The old quay is unsafe, Holt said, referring to the survey published in March.\n\n"
    "Mayor Tobias Lind attacked the plan, calling it a gift to developers.\n\n"
    "Lind originally asked the council to postpone the vote until the autumn.\n\n"
    "Lind and Holt have both argued that the town needs more housing.\n\n"
    "But as Lind noted, the budget cannot cover both projects this year.\n\n"
    "In a speech on Friday, Holt said: the harbour must come first.\n\n"
    "Holt said Wednesday she expects a narrow vote.\n\n"
    "Lind recalled that the last ferry strike closed the harbour for a month.\n\n"
    "The ferry operators, according to two people briefed on the talks, have asked for a longer lease.\n\n"
    "Turnout rose in the coastal wards and in four other states.\n"
)


def test_cue_participles_and_clause_spans() -> None:
    """Fit cue participles (", citing ...", ", referring to ...", ", calling ..."), a request ("asked X
    to ..."), "as X noted, ..." inside a sentence, "said: ...", an adverb or "both" before the verb, a
    bare day after it, a quotation's verb with "that" ("recalled that ..."), and no second attribution
    inside an "according to" report."""
    _speakers, quotes = analyse(CUES_AND_SPANS)
    said = {(q.speaker, CUES_AND_SPANS[q.start : q.end], q.verb) for q in quotes}
    assert ("Maren Holt", "the cost of further delay", "citing") in said
    assert ("Maren Holt", "The old quay is unsafe", "said") in said  # not run on into the participle
    assert ("Maren Holt", "the survey published in March", "referring") in said
    assert ("Tobias Lind", "it a gift to developers", "calling") in said
    assert ("Tobias Lind", "the council to postpone the vote until the autumn", "asked") in said
    both = [sp for sp, text, verb in said if text == "the town needs more housing" and verb == "argued"]
    assert both and both[0] in ("Tobias Lind", "Maren Holt")  # a joint source: either one
    assert ("Tobias Lind", "the budget cannot cover both projects this year", "noted") in said
    assert ("Maren Holt", "the harbour must come first", "said") in said
    assert ("Maren Holt", "she expects a narrow vote", "said") in said
    assert ("Tobias Lind", "the last ferry strike closed the harbour for a month", "recalled") in said
    lease = [q for q in quotes if "longer lease" in CUES_AND_SPANS[q.start : q.end]]
    assert len(lease) == 1 and lease[0].verb == "according to"
    assert not any("four other" in CUES_AND_SPANS[q.start : q.end] for q in quotes)


def test_no_quotes_and_empty_text() -> None:
    assert analyse("") == ([], [])
    speakers, quotes = analyse("Rain is expected in the north on Monday. Temperatures will fall.\n")
    assert speakers == [] and quotes == []


# --------------------------------------------------------------------------- the shared article


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared article not present")
def test_shared_article_smoke() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    speakers, quotes = analyse(text)
    _check_contract(text, speakers, quotes)
    by = _by_name(speakers)
    assert {"Vladimir Putin", "Barack Obama"} <= set(by)
    assert "russian president" in _aliases(by["Vladimir Putin"])
    assert "us president" in _aliases(by["Barack Obama"])
    assert "president" not in _aliases(by["Vladimir Putin"]) | _aliases(by["Barack Obama"])
    assert any(s.name.replace("\xa0", " ") == "Bashar al Assad" for s in speakers)
    assert not {"New York", "United Nations", "General Assembly", "Islamic State"} & set(by)

    def who(fragment: str) -> set[str]:
        return {q.speaker for q in quotes if fragment in text[q.start : q.end]}

    assert who("We think it is an enormous mistake") == {"Vladimir Putin"}
    assert who("We must recognize that there cannot be") == {"Barack Obama"}
    assert who("no one but President Assad") == {"Vladimir Putin"}
    assert who("Tyrants like Bashar") == {"Barack Obama"}
    assert who("The United States is prepared to work") == {"Barack Obama"}
    assert who("huge mistake not to cooperate") == {"Vladimir Putin"}
    assert who("on supporting the Assad") == {"Vladimir Putin"}
    assert not who("terrorism.\u201d") and not any(text[q.start : q.end] == "terrorism." for q in quotes)
    assert match_speakers("what did the US president say about the conflict?", speakers) == ["Barack Obama"]
    assert match_speakers("Putin''s view on Assad?", speakers)[0] == "Vladimir Putin"


_WORDS = [
    "Putin",
    "said",
    "he",
    "told",
    "the",
    "US",
    "President",
    "Obama",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    ",",
    ".",
    "\n\n",
    "\n",
    "al",
    "Assad's",
    "Putin''s",
    "according",
    "to",
    "that",
    "May",
    "officials",
    "say",
]


@example([",", "said", "."])  # an inverted verb with no subject after it: once an IndexError
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=60))
def test_any_text_keeps_the_contract(words: list[str]) -> None:
    text = " ".join(words)
    speakers, quotes = analyse(text)
    _check_contract(text, speakers, quotes)
    match_speakers(text, speakers)
    topic_of(text, [a for s in speakers for a in s.aliases])
    is_speech_question(text)
