"""A paragraph that continues the one before it (qa.continuation) reads that paragraph's names as its
own in the ranking's word coverage (qa.candidate_features.CONTINUATION): "He was fined ..." answers
"What punishment did <name> get?" though only the paragraph before names him."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import candidate_features, rank
from qa.continuation import continues, names_before

FERRY = """Ferry captain fined over harbour crash

Captain Oskar Lindqvist admitted on Monday that he steered the ferry Marta into the Karvik pier in fog.

He was fined 4,000 kroner and lost his licence for a year.

"I should have waited for the fog to lift," he said after the hearing.

The pier reopened in June after repairs paid for by the town.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A short article of our own, indexed with the model-free hash embedder."""
    return hash_engine(tmp_path_factory, "ferry", FERRY)


@pytest.mark.parametrize(
    "text",
    [
        "He was fined 4,000 kroner.",
        "Their owners paid for the repairs.",
        '"I should have waited," he said after the hearing.',
        "“We will vote in March,” she told the council.",
    ],
)
def test_a_pronoun_subject_or_speaker_continues(text: str) -> None:
    assert continues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Captain Oskar Lindqvist admitted it.",
        "The pier reopened in June.",
        "It is strange that the pier reopened.",
        "Heather Olsen said the pier was safe.",
        '"The pier is safe," Lindqvist said.',
    ],
)
def test_a_named_subject_or_speaker_does_not(text: str) -> None:
    assert not continues(text)


def test_the_names_of_the_paragraph_before_leave_out_sentence_openers() -> None:
    got = names_before("Lindqvist steered the Marta into the pier. He was tired. Later the Karvik board met.")
    assert got == ["Lindqvist", "Marta", "Karvik"]


def _rows(engine, question: str) -> tuple[rank.Features, int, int]:  # type: ignore[no-untyped-def]
    f = rank.features(engine, question)
    assert f is not None
    at = {engine.passages[p].text.split()[0]: i for i, p in enumerate(f.pids)}
    return f, at["He"], at["The"]


def test_the_continuing_paragraph_covers_the_name_it_stands_for(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    question = "What punishment did Oskar Lindqvist get?"
    f_on, fined, pier = _rows(engine, question)
    monkeypatch.setattr(candidate_features, "CONTINUATION", False)
    f_off, fined_off, _ = _rows(engine, question)
    # "He was fined ..." holds neither "Oskar" nor "Lindqvist"; read with the paragraph before it, both.
    assert f_on.cov_p[fined] > f_off.cov_p[fined_off]
    assert f_on.cov_s[fined] > f_off.cov_s[fined_off]
    # A paragraph that names its own subject carries nothing over.
    assert f_on.cov_p[pier] == f_off.cov_p[pier]
