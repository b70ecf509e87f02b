"""Quotations read from their own sentence (issue 8, round 6a): a subject and any finite verb opening
the sentence that holds a quotation with no attribution line. Articles written for these tests."""

from __future__ import annotations

from index.attribution import analyse


def _quote(text: str, words: str) -> tuple[str | None, str, str]:
    """(speaker, source as written, verb) of the direct quotation holding `words`."""
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if q.direct and words in text[q.start : q.end]]
    assert rows, f"no quotation holding {words!r}"
    return rows[0].speaker, rows[0].source, rows[0].verb


def test_sentence_subject_with_any_verb_is_the_source() -> None:
    text = (
        "Marta Kell said on Monday that the harbour levy would stay.\n\n"
        'Guild Chairman Olaf Brandt called the levy "a tax on every family in Harbour Town."'
    )
    assert _quote(text, "a tax on every family") == ("Olaf Brandt", "Olaf Brandt", "called")


def test_colon_after_a_verb_that_is_no_speech_verb() -> None:
    text = (
        'Marta Kell said the ferry "would have to go," but the council disagreed.\n\n'
        'Olaf Brandt resisted: "No council can sell a ferry it does not own."'
    )
    assert _quote(text, "No council can sell")[0] == "Olaf Brandt"


def test_colon_ending_the_paragraph_before() -> None:
    text = (
        "Marta Kell said the ferry would stay.\n\nThe Harbour Guild responded:\n\n"
        '"We will keep the ferry running whatever the council decides about the levy."'
    )
    assert _quote(text, "We will keep the ferry running")[1].endswith("Harbour Guild")


def test_apposition_between_subject_and_verb() -> None:
    text = (
        "The council met on Monday.\n\n"
        'Ivo Stern, a founder of the guild, thanked the council for "keeping the ferry alive for us all."'
    )
    assert _quote(text, "keeping the ferry alive")[0] == "Ivo Stern"


def test_name_inside_a_description() -> None:
    text = (
        "Olaf Brandt spoke first.\n\n"
        'The veteran harbour writer Ivo Stern called the vote "a victory for common sense in Harbour Town."'
    )
    assert _quote(text, "a victory for common sense")[0] == "Ivo Stern"


def test_another_speaker_nearer_the_quotation_wins() -> None:
    text = (
        "Ivo Stern chairs the guild.\n\n"
        "The dispute spread to the council, where Marta Kell told reporters that "
        '"the ferry is not for sale at any price."'
    )
    assert _quote(text, "not for sale at any price")[0] == "Marta Kell"


def test_a_plural_noun_is_no_verb() -> None:
    text = (
        "Olaf Brandt spoke at the rally.\n\n"
        'Brandt supporters chanted "keep the ferry" as the council voted on the harbour levy.'
    )
    # "supporters" is no verb: the quotation is not credited to Brandt through this sentence
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if q.direct and "keep the ferry" in text[q.start : q.end]]
    assert all(q.source != "Olaf Brandt" or q.verb != "supporters" for q in rows)


def test_passive_verb_gives_no_source() -> None:
    text = (
        "Ivo Stern and Marta Kell wrote the report.\n\n"
        'The question posed by the report is: "who will pay for the ferry once the levy ends?"'
    )
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if q.direct and "who will pay" in text[q.start : q.end]]
    assert all(q.source != "The question" for q in rows)


def _reported(text: str, words: str) -> tuple[str | None, str, str, str]:
    """(speaker, source as written, verb, content) of the reported speech holding `words`."""
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if not q.direct and words in text[q.start : q.end]]
    assert rows, f"no reported speech holding {words!r}"
    q = rows[0]
    return q.speaker, q.source, q.verb, text[q.start : q.end]


def test_infinitive_after_went_on_takes_the_sentence_subject() -> None:
    text = "Marta Kell chairs the guild.\n\nKell went on to explain that the ferry levy would cost too much."
    speaker, _source, verb, content = _reported(text, "levy would cost too much")
    assert speaker == "Marta Kell" and verb == "explain" and content.startswith("the ferry levy")


def test_second_verb_of_an_institution() -> None:
    text = (
        "Olaf Brandt objected to the levy.\n\n"
        "The harbour court overruled the objection and said the case could proceed next week."
    )
    _speaker, source, verb, _content = _reported(text, "case could proceed")
    assert source == "The harbour court" and verb == "said"


def test_second_verb_inside_another_clause_is_not_the_opening_subjects() -> None:
    text = (
        "Olaf Brandt runs the ferry.\n\n"
        "Harbour unions have never trusted him, because he favors longer shifts and says the levy must rise."
    )
    _speakers, quotes = analyse(text)
    rows = [q for q in quotes if "levy must rise" in text[q.start : q.end]]
    assert all(q.source != "Harbour unions" for q in rows)


def test_said_he_opening_a_reported_clause_is_no_inverted_attribution() -> None:
    text = 'Ivo Stern met Olaf Brandt.\n\nThe guild, in a "statement," said he would not sell the ferry this year.'
    _speakers, quotes = analyse(text)
    assert not [q for q in quotes if q.direct and q.source == "he"]


def test_shares_and_counts_spelled_out_are_unnamed_sources() -> None:
    text = (
        "The harbour poll asked 900 residents about the ferry.\n\n"
        "Twenty-four percent said the levy should go. Nearly three in five said they would pay more. "
        "Last July, 1,409 residents said they wanted a night ferry."
    )
    assert _reported(text, "levy should go")[:2] == (None, "Twenty-four percent")
    assert _reported(text, "would pay more")[1] == "Nearly three in five"
    assert _reported(text, "wanted a night ferry")[1] == "1,409 residents"


def test_aside_before_a_pronoun_clause() -> None:
    text = "Olaf Brandt chairs the guild.\n\nOlaf Brandt says, win or lose in the council vote, he is staying on."
    speaker, _source, verb, content = _reported(text, "staying on")
    assert speaker == "Olaf Brandt" and verb == "says" and content.startswith("he is")


def test_trailing_attribution_with_a_long_description() -> None:
    text = (
        "Ivo Stern runs the harbour.\n\n"
        "Two ferries were also among the boats lost, Harbour Town port authority press spokesman Jo Roe said."
    )
    assert _reported(text, "among the boats lost")[0] == "Jo Roe"


def test_the_speaker_nearest_the_quotation_inside_the_sentence() -> None:
    text = (
        "Olaf Brandt ran the guild for years.\n\n"
        'The levy led to what guild adviser Ivo Stern called "the end of the ferry as we knew it."\n\n'
        'Brandt called Stern\'s remarks on the levy "a betrayal of the harbour."'
    )
    assert _quote(text, "the end of the ferry")[0] == "Ivo Stern"
    assert _quote(text, "a betrayal of the harbour")[0] == "Olaf Brandt"  # "remarks" is a noun here
