"""Cues and content spans (issue 8, round 7a): clauses that look like inverted subjects, verbs that
report their own clause after a quotation, sentences ended by a quotation's full stop, subordinate
clauses and contracted pronouns. Articles written for these tests."""

from __future__ import annotations

from index.attribution import analyse


def _reported(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, verb, content) of every reported-speech attribution, in text order."""
    _speakers, quotes = analyse(text)
    return [(q.speaker, q.verb, text[q.start : q.end]) for q in quotes if not q.direct]


def _direct(text: str, words: str) -> tuple[str | None, str]:
    """(speaker, verb) of the direct quotation holding `words`."""
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if q.direct and words in text[q.start : q.end]]
    assert rows, f"no quotation holding {words!r}"
    return rows[0].speaker, rows[0].verb


def test_verb_after_a_relative_clause_is_no_inverted_attribution() -> None:
    text = (
        "Councillor Marta Kell of Dunmore spoke first. Ms. Kell, who represents the harbour ward, "
        "said Mr. Olaf Brandt had misled the ferry workers."
    )
    rows = _reported(text)
    assert ("Marta Kell", "said", "Mr. Olaf Brandt had misled the ferry workers") in rows
    assert all(content != "Ms. Kell, who represents the harbour ward" for _s, _v, content in rows)


def test_inverted_attribution_with_an_apposition_still_reads() -> None:
    text = "The ferry will run until March, said Olaf Brandt, a guild spokesman."
    assert _reported(text) == [("Olaf Brandt", "said", "The ferry will run until March")]


def test_verb_with_that_after_a_question_reports_its_own_clause() -> None:
    text = (
        'The host asked: "How will you pay for the new ferry?" Marta Kell acknowledged that the '
        "harbour levy would have to rise next year."
    )
    assert _direct(text, "How will you pay")[1] == "asked"
    assert ("Marta Kell", "acknowledged", "the harbour levy would have to rise next year") in _reported(text)


def test_quotation_closing_a_sentence_lends_no_verb_to_the_next() -> None:
    text = (
        "Olaf Brandt bought the old ferry in 1998, as told in his memoir ''Salt and Iron.'' "
        "Mr. Brandt said a new boat would have cost three times as much."
    )
    _speakers, quotes = analyse(text)
    # the title is no speech (round 8a: a title-case quotation with a guessed speaker is a title), and
    # "Mr. Brandt said" is never its attribution line
    title = [q for q in quotes if "Salt and Iron" in text[q.start : q.end]]
    assert not any(q.source and "Brandt" in q.source for q in title)
    assert ("Olaf Brandt", "said", "a new boat would have cost three times as much") in _reported(text)


def test_as_he_puts_it_attributes_the_quotation() -> None:
    text = (
        "Olaf Brandt says the levy is fair. That is because, as he puts it, "
        '"the harbour pays for itself" when the ferry runs on time.'
    )
    assert _direct(text, "the harbour pays for itself") == ("Olaf Brandt", "puts it")


def test_subordinate_clause_content_ends_with_the_clause() -> None:
    text = (
        "Marta Kell leads the harbour council. While she's said she will fight the levy to the end, "
        "the council must vote on it in May."
    )
    assert ("Marta Kell", "said", "she will fight the levy to the end") in _reported(text)


def test_though_opens_a_clause_for_a_pronoun_subject() -> None:
    text = (
        "Olaf Brandt chairs the guild, and though he has said the guild will accept the ruling, "
        "its members are still angry."
    )
    assert ("Olaf Brandt", "said", "the guild will accept the ruling") in _reported(text)


def test_that_only_verb_with_a_day_before_its_that() -> None:
    text = "The Harbour Herald reported Thursday that the council had sold the old ferry."
    assert _reported(text) == [("Harbour Herald", "reported", "the council had sold the old ferry")]


def test_continued_to_say_takes_the_sentence_subject() -> None:
    text = "Even after the complaint was filed, Olaf Brandt continued to say he had never touched the money."
    assert _reported(text) == [("Olaf Brandt", "say", "he had never touched the money")]


def test_relative_clause_holding_a_quotation_keeps_its_subject() -> None:
    text = 'Marta Kell, who has called Olaf Brandt a "sociopath," said she would not meet him again.'
    assert ("Marta Kell", "said", "she would not meet him again") in _reported(text)


def test_verb_first_subject_followed_by_a_modal_is_a_clause() -> None:
    text = 'Olaf Brandt, who called the levy "a disaster for every family," said the council would lose.'
    assert _direct(text, "a disaster for every family")[0] == "Olaf Brandt"
    assert ("Olaf Brandt", "said", "the council would lose") in _reported(text)


def test_progressive_speech_verb_reports_its_clause() -> None:
    text = "Marta Kell is declaring that she is moving closer to the nomination after three wins."
    assert _reported(text) == [
        ("Marta Kell", "declaring", "she is moving closer to the nomination after three wins")
    ]


def test_likely_to_stress_takes_the_sentence_subject() -> None:
    text = "Marta Kell is likely to stress that the levy would pause quickly if it hurts the harbour."
    assert _reported(text) == [
        ("Marta Kell", "stress", "the levy would pause quickly if it hurts the harbour")
    ]
