"""Speakers asked by description: "What did the harbour master say?" finds the harbour master."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.docstore import QuoteRow
from index.model import Speaker
from qa import describe
from qa import question as questions

_ARTICLE = """Storm closes the old harbour

The old harbour of Port Veyra was closed on Tuesday after a storm broke two of its piers.

Both Ann Lee and harbour master Tom Reyes watched the waves from the quay. "We have never seen water this high in the harbour, and the piers could not hold it," Reyes said.

Ann Lee, a baker who lives on the quay, said the storm had flooded her shop and that the town should have built a wall years ago.

"The council will pay for new piers before the summer," said Mia Cole, deputy head of the council's works department.

A spokesman for the mayor, Paul Dunn, said the mayor would visit the harbour on Friday. "She wants to see the piers herself," Dunn said.
"""


def _terms(text: str) -> list[str]:
    return [w for w in text.lower().replace("'s", " ").replace(",", " ").split() if len(w) > 2]


def test_subject_of_reads_possessives_titles_and_according_to() -> None:
    s = describe.subject_of("What did Uefa's spokesman say about the dressing room?")
    assert s is not None and (s.owner, s.head) == ("Uefa", "spokesman")
    s = describe.subject_of("What did the tattoo artist say about the design?")
    assert s is not None and (s.text, s.owner) == ("tattoo artist", "")
    s = describe.subject_of("What did the Trump confidant say about the polls?")
    assert s is not None and (s.owner, s.head) == ("Trump", "confidant")
    s = describe.subject_of("Why did the firm close, according to Jane Roe?")
    assert s is not None and s.text == "Jane Roe"
    assert describe.subject_of("When did the storm hit?") is None


def test_contexts_find_titles_and_appositions() -> None:
    got = describe.contexts(_ARTICLE, ["Tom Reyes", "Reyes"])
    assert "harbour master" in got
    assert "Ann Lee" not in " ".join(got)  # the name before "and" is someone else
    got = describe.contexts(_ARTICLE, ["Mia Cole"])
    assert any(c.startswith("deputy head of the council") for c in got)
    got = describe.contexts(_ARTICLE, ["Paul Dunn"])
    assert any("spokesman for the mayor" in c for c in got)


def _profiles() -> dict[str, describe.Profile]:
    speakers = [
        Speaker("Tom Reyes", ("Reyes",)),
        Speaker("Ann Lee", ("Lee",)),
        Speaker("Mia Cole", ("Cole",)),
    ]
    quotes = [
        QuoteRow(0, 10, 20, "Tom Reyes", "said", True, "Reyes"),
        QuoteRow(0, 30, 40, "Ann Lee", "said", False, "Ann Lee"),
        QuoteRow(0, 50, 60, "Mia Cole", "said", True, "Mia Cole"),
    ]
    return describe.profiles(speakers, quotes, lambda d: _ARTICLE, _terms)


def test_description_picks_the_source_it_fits() -> None:
    ranked = describe.match(
        describe.Subject(0, 0, "harbour master", "", "harbour master"), _profiles(), _terms, lambda t: 1.0
    )
    assert ranked[0][0] == "Tom Reyes"
    ranked = describe.match(
        describe.Subject(0, 0, "council's deputy head", "council", "deputy head"),
        _profiles(),
        _terms,
        lambda t: 1.0,
    )
    assert ranked[0][0] == "Mia Cole"


def test_a_possessor_is_not_the_speaker_and_an_unfit_name_is_dropped() -> None:
    speakers = [Speaker("Tom Reyes", ("Reyes",)), Speaker("Ann Lee", ("Lee",))]
    profiles = _profiles()

    def resolve(q: str) -> describe.Resolved | None:
        named = questions.match_speakers(q, speakers)[:1]
        return describe.resolve(
            q, named, speakers, lambda: profiles, _terms, lambda t: 1.0, questions.match_speakers
        )

    got = resolve("What did the harbour master say about the piers?")
    assert got is not None and got.speakers == ["Tom Reyes"] and got.strength > 0.5
    assert resolve("What did Reyes say about the piers?") is None  # a name: the ordinary route
    # Ann Lee's gardener is not Ann Lee, and the documents describe no gardener: no speaker at all.
    got = resolve("What did Ann Lee's gardener say about the piers?")
    assert got is not None and got.speakers == []


@pytest.mark.slow
def test_ranking_prefers_the_described_speakers_words(tmp_path: Path) -> None:
    from index.build import build
    from qa import config
    from qa.engine import Engine
    from qa.rank import answer

    doc = tmp_path / "harbour.txt"
    doc.write_text(_ARTICLE, encoding="utf-8")
    build([doc], tmp_path / "idx", cache_dir=config.model_cache_dir())
    engine = Engine.open(tmp_path / "idx")
    q = "What did the harbour master say about the piers?"
    a = answer(engine, q, q, 3)
    assert not a.abstained and "never seen water this high" in a.hits[0].text
    q = "What did the council's deputy head of works say about the piers?"
    a = answer(engine, q, q, 3)
    assert not a.abstained and "new piers before the summer" in a.hits[0].text


def test_claim_of_reads_who_said_questions() -> None:
    from qa import claims

    assert claims.claim_of("Who described the new pier as a disgrace?") == "the new pier as a disgrace"
    assert claims.claim_of("Who said that the council would pay?") == "the council would pay"
    assert claims.claim_of("Who warned about the storm?") == "the storm"
    assert claims.claim_of("Who is the harbour master?") is None
    assert claims.claim_of("What did Reyes say?") is None


def test_best_attribution_covers_the_claim_in_the_quotes_sentence() -> None:
    from qa import claims

    text = 'The storm came. "The piers could not hold it," Reyes said. Lee baked bread.'
    sents = [
        (0, 15, frozenset({"storm"})),
        (16, 57, frozenset({"pier", "hold", "reyes"})),
        (58, 74, frozenset({"lee", "bread"})),
    ]
    start = text.index("The piers")
    quote = QuoteRow(0, start, start + 27, "Tom Reyes", "said", True, "Reyes")
    cover, where, said = claims.best_attribution([quote], sents, 0, {"pier": 1.0, "hold": 1.0, "storm": 2.0})
    assert cover == 0.5 and where == (16, 57) and said is quote
    assert claims.best_attribution([], sents, 0, {"pier": 1.0}) == (0.0, None, None)


def test_a_function_word_taken_for_a_name_matches_no_question() -> None:
    speakers = [Speaker("The", ("The",)), Speaker("Tom Reyes", ("Reyes",))]
    assert questions.match_speakers("What did the harbour master say?", speakers) == []
    assert questions.match_speakers("What did Reyes say about the piers?", speakers) == ["Tom Reyes"]


def test_a_body_is_asked_by_its_initials() -> None:
    assert describe.acronyms("Port Veyra Harbour Board chairman Tom Reyes") == ["PVH", "VHB", "PVHB"]
    assert describe.acronyms("the Harbour Board of Port Veyra's chair") == ["HBP", "BPV", "HBPV"]
    assert describe.acronyms("a baker who lives on the quay") == []
    text = "Port Veyra Harbour Board chairman Tom Reyes said the piers would be rebuilt."
    profiles = describe.profiles(
        [Speaker("Tom Reyes", ("Reyes",)), Speaker("Ann Lee", ("Lee",))],
        [
            QuoteRow(0, 0, 10, "Tom Reyes", "said", False, "Tom Reyes"),
            QuoteRow(0, 0, 5, "Ann Lee", "said", False, "Ann Lee"),
        ],
        lambda d: text + " Ann Lee, a baker, said the storm was bad.",
        _terms,
    )
    assert "pvhb" in profiles["Tom Reyes"].own and "pvhb" not in profiles["Ann Lee"].own
    ranked = describe.match(
        describe.Subject(0, 0, "PVHB chairman", "PVHB", "chairman"), profiles, _terms, lambda t: 1.0
    )
    assert ranked[0][0] == "Tom Reyes"
