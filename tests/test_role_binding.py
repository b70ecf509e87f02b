"""Roles bound to people by what the text says, and speakers asked by role (issue 8 deliver 4, issue 9).

A role becomes an alias only where the text binds it to the person: a title before the name, an
apposition after it (with or without its article), a relative clause ("who appraises ... for Big &
Co": the appraiser), an "of" phrase naming their organisation, or a fuller wording of a role the
person holds in the sentence before ("The state's interior minister ... Karl Weber, the minister").
A role merely nearby is nobody's. Articles written for these tests.
"""

from __future__ import annotations

import pytest

from index.attribution import analyse
from index.attribution.names import agent_noun
from index.model import Speaker
from qa.question import match_speakers, role_cover
from tests.test_attribution_corpus import _docs, needs_data

GOLF = (
    "Golf course values slide as membership falls\n\n"
    "Golf courses across the region are selling for a fraction of what they fetched a decade ago.\n\n"
    '"Owners who bought at the peak are now facing losses of half their investment," said John Doe, '
    "who appraises golf course properties for Big & Co, a valuation firm in Atlanta.\n\n"
    "Jane Roe of the Acme Group, an analyst who advises clubs, said many courses would close within "
    "five years.\n\n"
    "Peter Smith, a security analyst at the Center for Policy Research, said the closures would hurt "
    'local tax revenue. "Municipal budgets depend on these properties," Smith said.\n'
)
MINISTER = (
    "State minister defends new border checks\n\n"
    "The state's interior minister announced on Tuesday that police would begin random checks on the "
    'border. "We will not allow smugglers to use our roads as a highway," said Karl Weber, the '
    "minister, at a news conference.\n\n"
    "Weber said the checks would last at least three months.\n"
)
SUMMIT = (
    "Leaders meet for climate summit\n\n"
    "US President Barack Obama told delegates on Monday that the world could not wait another decade. "
    '"The science is settled," Obama said.\n\n'
    "Maria Lopez, chief economist at the World Resources Bank, said the pledges made so far would not "
    'be enough. "The numbers simply do not add up," Lopez said.\n'
)
NEARBY = (
    "The prime minister arrived in Leeds on Friday to open the new hospital wing.\n\n"
    "John Carter said the wing had been promised for ten years. "
    '"We are glad it is finally here," Carter said.\n\n'
    "The interior minister was not at the opening. Anna Berg said she had expected him.\n"
)


def _aliases(text: str) -> dict[str, tuple[str, ...]]:
    speakers, _quotes = analyse(text)
    return {s.name: tuple(s.aliases) for s in speakers}


def _all(*texts: str) -> list[Speaker]:
    return [s for t in texts for s in analyse(t)[0]]


def test_relative_clause_binds_the_agent_noun_with_its_organisation() -> None:
    al = _aliases(GOLF)["John Doe"]
    assert "appraiser for Big & Co" in al
    assert "Big & Co appraiser" in al


def test_of_phrase_organisation_joins_the_persons_role() -> None:
    # "Jane Roe of the Acme Group, an analyst ...": asked as "the Acme Group analyst"
    assert "Acme Group analyst" in _aliases(GOLF)["Jane Roe"]
    assert "Jane Roe of Acme Group" in _aliases(GOLF)["Jane Roe"]  # the form the text writes


def test_apposition_without_article_is_a_role() -> None:
    al = _aliases(SUMMIT)["Maria Lopez"]
    assert "chief economist at the World Resources Bank" in al
    assert "World Resources Bank chief economist" in al
    assert "World Resources Bank economist" in al


def test_role_worded_fully_in_the_sentence_before_is_bound() -> None:
    al = _aliases(MINISTER)["Karl Weber"]
    assert "minister" in al
    assert "interior minister" in al


def test_role_owned_by_a_place_in_the_sentence_before_keeps_the_place() -> None:
    text = MINISTER.replace("The state's interior minister", "Bavaria's interior minister")
    al = _aliases(text)["Karl Weber"]
    assert "interior minister of Bavaria" in al
    assert "Bavaria interior minister" in al
    question = "What did the interior minister of Bavaria say about smugglers?"
    assert match_speakers(question, analyse(text)[0]) == ["Karl Weber"]


def test_role_merely_nearby_is_no_alias() -> None:
    al = _aliases(NEARBY)
    assert not any("minister" in a.lower() for names in al.values() for a in names), al


def test_agent_nouns() -> None:
    assert agent_noun("appraises") == "appraiser"
    assert agent_noun("heads") == "head"
    assert agent_noun("founded") == "founder"
    assert agent_noun("edits") == "editor"
    assert agent_noun("said") == ""  # a verb of speech names no occupation
    assert agent_noun("covers") == ""  # no "coverer" in English


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("What did the Acme Group analyst say about courses?", "Jane Roe"),
        ("What did the Big & Co appraiser say about owners?", "John Doe"),
        ("What did the security analyst say about tax revenue?", "Peter Smith"),
        ("What did the World Resources Bank economist say about pledges?", "Maria Lopez"),
        ("What did the economist at the World Resources Bank say?", "Maria Lopez"),
        ("What did the American president say about the science?", "Barack Obama"),
        ("What did the interior minister say about smugglers?", "Karl Weber"),
    ],
)
def test_role_question_finds_the_person_whose_role_covers_it(question: str, who: str) -> None:
    assert match_speakers(question, _all(GOLF, MINISTER, SUMMIT))[:1] == [who]


def test_bare_alias_gives_way_to_a_role_with_the_asked_organisation() -> None:
    speakers = [
        Speaker("Peter Smith", ("Smith", "analyst", "security analyst at the Center for Policy Research")),
        Speaker("Jane Roe", ("Roe", "analyst at the Acme Group", "Acme Group analyst")),
    ]
    # "analyst" alone is Smith's (the other alias is Roe's whole wording); the question asks Roe's
    assert match_speakers("What did the analyst at the Acme Group say?", speakers) == ["Jane Roe"]
    assert match_speakers("what did the analyst say?", speakers) == ["Peter Smith"]


def test_possessive_organisation_is_asked_either_way() -> None:
    text = (
        "Markets fell sharply on Monday. Acme's chief economist John Doe said the slide would continue. "
        '"Investors are nervous," Doe said.\n\nMary Poe, a bank economist, said rates would rise.\n'
    )
    speakers = analyse(text)[0]
    # "economist" alone is Mary Poe's alias; the Acme one is John Doe
    assert match_speakers("What did the Acme economist say?", speakers) == ["John Doe"]
    assert match_speakers("What did the chief economist of Acme say?", speakers) == ["John Doe"]
    assert match_speakers("What did the bank economist say?", speakers) == ["Mary Poe"]


def test_role_cover() -> None:
    roe = Speaker("Jane Roe", ("Roe", "analyst at the Acme Group"))
    assert role_cover("Acme Group analyst", roe) == 1.0
    assert role_cover("Acme Group economist", roe) == pytest.approx(2 / 3)
    assert role_cover("Jane Roe", Speaker("Jane Roe", ("Roe",))) == 0.0


UNRELATED = [
    "\n\nA spokesman for the Millennium Dome said the building would reopen in June.\n",
    "\n\nThe finance minister of Norway, a former banker, was not available for comment.\n",
    "\n\nTom Hale, who heads the Riverside Trust, said the park would stay open.\n",
]


def _moved(before: dict[str, tuple[str, ...]], after: dict[str, tuple[str, ...]]) -> dict[str, object]:
    """Aliases an appended paragraph created for a person already there, or moved from one to another.

    An alias the new paragraph makes ambiguous ("head", when its person is also a head) is dropped
    from both, by design (index.attribution.speakers._speakers): that is no move.
    """
    old = {a.lower(): n for n, al in before.items() for a in al}
    out: dict[str, object] = {}
    for n, al in after.items():
        for a in al:
            owner = old.get(a.lower())
            if (n in before and a not in before[n]) or (owner is not None and owner != n):
                out[f"{n}: {a}"] = owner
    return out


@pytest.mark.parametrize("extra", UNRELATED)
def test_an_unrelated_paragraph_creates_or_moves_no_role_alias(extra: str) -> None:
    for text in (GOLF, MINISTER, SUMMIT, NEARBY):
        before = _aliases(text)
        after = _aliases(text + extra)
        assert not _moved(before, after)
        assert {n: after.get(n) for n in before} == before


@pytest.mark.slow
@needs_data
def test_appending_a_paragraph_moves_no_role_alias_in_real_articles() -> None:
    changed = []
    for doc_id, text in _docs("train", every=7):  # 120 articles of all seven publishers
        before = _aliases(text)
        for extra in UNRELATED:
            moved = _moved(before, _aliases(text + extra))
            if moved:
                changed.append((doc_id, extra[:30], sorted(moved.items())[:2]))
    assert not changed, changed[:3]
